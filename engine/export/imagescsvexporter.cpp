// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagescsvexporter.h"

#include "atomicfile.h"
#include "csvwriter.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcImagesCsv, "taglens.engine.export.csv", QtInfoMsg)

namespace taglens::engine {

namespace {

QString dimension(int pixels)
{
    return pixels > 0 ? QString::number(pixels) : QString();
}

} // namespace

QStringList ImagesCsvExporter::header(int labelColumns)
{
    QStringList cells{QStringLiteral("tag"),       QStringLiteral("source"),      QStringLiteral("post_id"),
                      QStringLiteral("post_url"),  QStringLiteral("created_at"),  QStringLiteral("author"),
                      QStringLiteral("media_url"), QStringLiteral("media_index"), QStringLiteral("alt_text"),
                      QStringLiteral("status"),    QStringLiteral("error"),       QStringLiteral("sha256"),
                      QStringLiteral("width"),     QStringLiteral("height")};
    for (int rank = 1; rank <= labelColumns; ++rank)
        cells << QStringLiteral("label_%1").arg(rank) << QStringLiteral("score_%1").arg(rank);
    return cells;
}

QByteArray ImagesCsvExporter::render(const ExportSnapshot &snapshot)
{
    CsvWriter csv;
    csv.writeRow(header(snapshot.labelColumns));
    for (const MediaRow &row : snapshot.rows) {
        QStringList cells{row.tag,
                          row.source,
                          row.postRemoteId,
                          row.postUrl.toString(),
                          row.createdAt.isValid() ? row.createdAt.toUTC().toString(Qt::ISODateWithMs)
                                                  : QString(),
                          row.author,
                          row.mediaUrl.toString(),
                          QString::number(row.mediaIndex),
                          row.altText,
                          ExportSnapshot::statusName(row),
                          row.error,
                          row.sha256,
                          dimension(row.width),
                          dimension(row.height)};
        for (int rank = 0; rank < snapshot.labelColumns; ++rank) {
            if (rank < row.predictions.size()) {
                const LabelScore &prediction = row.predictions.at(rank);
                cells << prediction.label << QString::number(double(prediction.score), 'f', 6);
            } else {
                cells << QString() << QString();
            }
        }
        csv.writeRow(cells);
    }
    return csv.data();
}

Expected<void> ImagesCsvExporter::write(const ExportSnapshot &snapshot, const QString &path)
{
    qCDebug(lcImagesCsv) << "writing" << snapshot.rows.size() << "rows to" << path;
    return AtomicFile::write(path, render(snapshot));
}

} // namespace taglens::engine
