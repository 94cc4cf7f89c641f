// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../store/harvestrecord.h"
#include "../store/modellabels.h"

#include <QMetaType>
#include <QString>
#include <QList>
#include <QStringList>
#include <optional>

namespace taglens::engine {

/// What a project holds that a front end shows as soon as it is open: read once, with the open,
/// off the caller's thread.
struct ProjectOverview
{

    QString path;             ///< absolute
    bool created = false;     ///< the file did not exist: the open made an empty project
    /// The models whose labels the project holds, the one shown by default first.
    QList<ModelLabels> models;
    QString modelSha256;      ///< whose labels are shown: ModelLabels::shownByDefault()
    bool modelTrained = true; ///< false when that model has random weights
    /// The newest hashtag search (Mastodon, Pixelfed or Instagram), so Start can resume it.
    std::optional<HarvestRecord> lastSearch;
    QStringList tags; ///< the project's hashtags and collections, sorted
    /// Save As: the project this one is a complete copy of (what a view shows stays valid).
    QString copiedFrom;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::ProjectOverview)
