// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "../store/harvestrecord.h"
#include "../store/mediarow.h"
#include "../store/statuscounts.h"
#include "exportoptions.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace taglens::engine {

class ProjectStore;

/// Everything the exporters write, read from a project once: load it, then hand it to any
/// number of exporters, so the CSV, JSON and GEXF of one `export` describe the same state.
struct ExportSnapshot
{
    ExportOptions options; ///< as given, with topK resolved (see labelColumns)
    QString modelName;     ///< of the harvest that used modelSha256 (empty when unknown)
    QString modelSha256;   ///< the model whose predictions the rows carry (empty: none)
    bool modelTrained = true;
    int labelColumns = 0; ///< options.topK, or the most predictions any row has
    QList<HarvestRecord> harvests;
    QStringList tags;                   ///< every tag of the project, sorted (also those with no posts)
    QMap<QString, StatusCounts> counts; ///< per tag, from the rows
    QList<MediaRow> rows;               ///< ordered by tag, post time, post, media index
    QDateTime exportedAt;               ///< UTC

    /// Reads a project (read-only use). Errors: those of the store.
    static Expected<ExportSnapshot> load(const ProjectStore &store, const ExportOptions &options = {});

    /// The status a row is exported with: mediaStatusName(), except that an image stored but
    /// without labels of the exported model (another model classified it, or none did) is
    /// "unlabelled", never "ok": an ok row always carries labels.
    static QString statusName(const MediaRow &row);
};

} // namespace taglens::engine
