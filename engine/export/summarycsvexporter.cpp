// SPDX-License-Identifier: GPL-3.0-or-later
#include "summarycsvexporter.h"

#include "atomicfile.h"
#include "csvwriter.h"

#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <algorithm>
#include <tuple>

Q_LOGGING_CATEGORY(lcSummaryCsv, "taglens.engine.export.summary", QtInfoMsg)

namespace taglens::engine {

namespace {

struct LabelTally
{
    QString tag;
    int labelIndex = -1;
    QString label;
    int images = 0;
    double scoreSum = 0.0;
};

} // namespace

QByteArray SummaryCsvExporter::render(const ExportSnapshot &snapshot)
{
    QHash<QString, int> okPerTag;
    QList<LabelTally> tallies;
    QHash<QString, qsizetype> tallyOf; // "tag\nindex\nlabel" → position in tallies
    for (const MediaRow &row : snapshot.rows) {
        if (row.status != MediaStatus::Ok)
            continue;
        ++okPerTag[row.tag];
        if (row.predictions.isEmpty())
            continue;
        const LabelScore &top = row.predictions.constFirst();
        if (double(top.score) < snapshot.options.minScore)
            continue;
        const QString key = row.tag + u'\n' + QString::number(top.index) + u'\n' + top.label;
        auto found = tallyOf.constFind(key);
        if (found == tallyOf.constEnd()) {
            found = tallyOf.insert(key, tallies.size());
            tallies.append(LabelTally{row.tag, top.index, top.label, 0, 0.0});
        }
        LabelTally &tally = tallies[*found];
        ++tally.images;
        tally.scoreSum += double(top.score);
    }
    std::sort(tallies.begin(), tallies.end(), [](const LabelTally &a, const LabelTally &b) {
        return std::forward_as_tuple(a.tag, b.images, a.label, a.labelIndex) <
               std::forward_as_tuple(b.tag, a.images, b.label, b.labelIndex);
    });

    CsvWriter csv;
    csv.writeRow({QStringLiteral("tag"), QStringLiteral("label"), QStringLiteral("images"),
                  QStringLiteral("share"), QStringLiteral("mean_score")});
    for (const LabelTally &tally : std::as_const(tallies)) {
        const int ok = okPerTag.value(tally.tag);
        csv.writeRow({tally.tag, tally.label, QString::number(tally.images),
                      QString::number(double(tally.images) / ok, 'f', 6),
                      QString::number(tally.scoreSum / tally.images, 'f', 6)});
    }
    return csv.data();
}

Expected<void> SummaryCsvExporter::write(const ExportSnapshot &snapshot, const QString &path)
{
    qCDebug(lcSummaryCsv) << "writing the summary to" << path << "min score" << snapshot.options.minScore;
    return AtomicFile::write(path, render(snapshot));
}

} // namespace taglens::engine
