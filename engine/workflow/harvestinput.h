// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/sourcekind.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace taglens::engine {

/// What a person asked for, as typed in the search bar, dropped on the window or given on the
/// command line, before anything is checked. HarvestPlanner turns it into a HarvestPlan.
struct HarvestInput
{
    /// A limit that takes everything there is (what a drop of files or addresses means).
    static constexpr int Everything = 1000000;

    SourceKind source = SourceKind::Mastodon;
    QStringList tags;     ///< Mastodon, Pixelfed, Instagram: hashtags as typed, with or without '#'
    QString instance;     ///< Mastodon, Pixelfed: as typed ("mastodon.social", a full URL)
    QStringList paths;    ///< Local: folders and files
    QList<QUrl> urls;     ///< Urls: image addresses
    QString collection;   ///< Local, Urls: the name the images are filed under (empty: a default)
    int limitPerTag = 200; ///< images per tag that end `ok`, 1 … Everything
    QString instagramEdge = QStringLiteral("recent"); ///< Instagram: "recent" or "top"
    QUrl graphApiBase;    ///< Instagram: empty for Meta's (tests: a loopback stand-in)
    QString accessToken;  ///< a token given explicitly (the CLI's --token-env); empty: the stored login
};

} // namespace taglens::engine
