// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportsnapshot.h"

#include "../store/modellabels.h"
#include "../store/projectstore.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcExportSnapshot, "taglens.engine.export.snapshot", QtInfoMsg)

namespace taglens::engine {

Expected<ExportSnapshot> ExportSnapshot::load(const ProjectStore &store, const ExportOptions &options)
{
    ExportSnapshot snapshot;
    snapshot.options = options;
    snapshot.exportedAt = QDateTime::currentDateTimeUtc();

    auto harvests = store.harvests();
    if (!harvests)
        return harvests.error();
    snapshot.harvests = std::move(*harvests);

    // The model: the one asked for, else the one the views show (ModelLabels: the project's
    // choice or the default rule). Its name and training state come from the newest harvest
    // that used it.
    auto models = ModelLabels::of(store);
    if (!models)
        return models.error();
    auto chosen = ModelLabels::choice(store);
    if (!chosen)
        return chosen.error();
    snapshot.modelSha256 =
        options.modelSha256.isEmpty() ? ModelLabels::shown(*models, *chosen).sha256 : options.modelSha256;
    for (const ModelLabels &model : std::as_const(*models)) {
        if (model.sha256 == snapshot.modelSha256) {
            snapshot.modelName = model.name;
            snapshot.modelTrained = model.trained;
        }
    }

    auto tags = store.tags();
    if (!tags)
        return tags.error();
    snapshot.tags = std::move(*tags);

    auto rows = store.mediaRows(MediaRowFilter{QString(), snapshot.modelSha256, std::max(options.topK, 0)});
    if (!rows)
        return rows.error();
    snapshot.rows = std::move(*rows);
    if (options.shown && !options.shown->isEmpty())
        snapshot.rows.removeIf(
            [&shown = *options.shown](const MediaRow &row) { return !shown.accepts(row); });

    // Counted from the rows rather than asked for separately, so the counts match the rows even
    // when a harvest writes to the project while it is exported.
    for (const QString &tag : std::as_const(snapshot.tags))
        snapshot.counts.insert(tag, StatusCounts{});
    int mostPredictions = 0;
    for (const MediaRow &row : std::as_const(snapshot.rows)) {
        StatusCounts &counts = snapshot.counts[row.tag];
        switch (row.status) {
        case MediaStatus::Pending:
            ++counts.pending;
            break;
        case MediaStatus::Ok:
            ++counts.ok;
            break;
        case MediaStatus::Skipped:
            ++counts.skipped;
            break;
        case MediaStatus::Failed:
            ++counts.failed;
            break;
        }
        mostPredictions = std::max(mostPredictions, int(row.predictions.size()));
    }
    snapshot.labelColumns = options.topK > 0 ? options.topK : mostPredictions;
    snapshot.options.topK = snapshot.labelColumns;
    qCDebug(lcExportSnapshot) << "read" << snapshot.rows.size() << "rows of" << store.path() << "model"
                              << snapshot.modelSha256;
    return snapshot;
}

QString ExportSnapshot::statusName(const MediaRow &row)
{
    if (row.status == MediaStatus::Ok && row.predictions.isEmpty())
        return QStringLiteral("unlabelled");
    return mediaStatusName(row.status);
}

} // namespace taglens::engine
