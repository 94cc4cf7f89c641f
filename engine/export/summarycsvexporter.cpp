// SPDX-License-Identifier: GPL-3.0-or-later
#include "summarycsvexporter.h"

#include "atomicfile.h"
#include "csvwriter.h"
#include "engine/analysis/motifstatistics.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSummaryCsv, "taglens.engine.export.summary", QtInfoMsg)

namespace taglens::engine {

QByteArray SummaryCsvExporter::render(const ExportSnapshot &snapshot)
{
    const MotifStatistics statistics =
        MotifStatistics::compute(snapshot.rows, snapshot.options.minScore, snapshot.options.bootstrap);
    CsvWriter csv;
    // New columns go last: scripts that read the first six keep working.
    csv.writeRow({QStringLiteral("tag"), QStringLiteral("label"), QStringLiteral("images"),
                  QStringLiteral("classified"), QStringLiteral("share"), QStringLiteral("mean_score"),
                  QStringLiteral("ci_low"), QStringLiteral("ci_high"), QStringLiteral("posts")});
    const bool intervals = snapshot.options.bootstrap.replicates > 0;
    for (const QString &tag : statistics.tags()) {
        const MotifStatistics::TagMotifs motifs = statistics.tag(tag);
        for (const MotifStatistics::Motif &motif : motifs.motifs) {
            // share = images / classified: the denominator goes with every share.
            csv.writeRow({tag, motif.label, QString::number(motif.images), QString::number(motifs.classified),
                          QString::number(motif.share, 'f', 6), QString::number(motif.meanScore, 'f', 6),
                          intervals ? QString::number(motif.ciLow, 'f', 6) : QString(),
                          intervals ? QString::number(motif.ciHigh, 'f', 6) : QString(),
                          QString::number(motifs.posts)});
        }
    }
    return csv.data();
}

Expected<void> SummaryCsvExporter::write(const ExportSnapshot &snapshot, const QString &path)
{
    qCDebug(lcSummaryCsv) << "writing the summary to" << path << "min score" << snapshot.options.minScore;
    return AtomicFile::write(path, render(snapshot));
}

} // namespace taglens::engine
