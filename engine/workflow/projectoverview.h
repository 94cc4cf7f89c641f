// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../store/harvestrecord.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace taglens::engine {

/// What a project holds that a front end shows as soon as it is open: read once, with the open,
/// off the caller's thread.
struct ProjectOverview
{
    QString path;             ///< absolute
    bool created = false;     ///< the file did not exist: the open made an empty project
    QString modelSha256;      ///< the model that harvested last (its predictions are the ones shown)
    bool modelTrained = true; ///< false when that model has random weights
    /// The newest hashtag search (Mastodon, Pixelfed or Instagram), so Start can resume it.
    std::optional<HarvestRecord> lastSearch;
    QStringList tags; ///< the project's hashtags and collections, sorted
    /// Save As: the project this one is a complete copy of (what a view shows stays valid).
    QString copiedFrom;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::ProjectOverview)
