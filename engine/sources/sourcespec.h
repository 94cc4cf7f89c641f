// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/sourcekind.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace taglens::engine {

/// Which kind of source a harvest reads, and everything needed to open one per tag.
/// The CLI and the GUI fill it in; makePostSource() turns it into a PostSource.
struct SourceSpec
{
    SourceKind kind = SourceKind::Mastodon;
    QUrl instance;       ///< Mastodon/Pixelfed: the normalised instance URL
    QStringList paths;   ///< local: the folders and files
    QList<QUrl> urls;    ///< url: the image addresses
    QString accessToken; ///< empty for anonymous access
    // Instagram (Graph API hashtag search):
    QString instagramUserId; ///< the Instagram professional account searching (from the login)
    QUrl graphApiBase;       ///< empty: https://graph.facebook.com/v21.0 (tests: 127.0.0.1)
    QString instagramEdge;   ///< "recent" (default, the last 24 hours) or "top"

    bool isLocal() const;
    /// The source's "instance" as recorded in the project: the URL, the first local path, or
    /// https://www.instagram.com.
    QString recordedInstance() const;
};

} // namespace taglens::engine
