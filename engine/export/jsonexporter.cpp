// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonexporter.h"

#include "atomicfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <charconv>
#include <cstdlib>

Q_LOGGING_CATEGORY(lcJsonExport, "taglens.engine.export.json", QtInfoMsg)

namespace taglens::engine {

namespace {

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue optionalText(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QJsonValue optionalDimension(int pixels)
{
    return pixels > 0 ? QJsonValue(pixels) : QJsonValue();
}

// A float32 score widened to double prints as 0.8999999761581421; going through the float's
// shortest decimal form writes 0.9, which reads back as the same float.
double jsonScore(float score)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer) - 1, score);
    *result.ptr = '\0';
    return std::strtod(buffer, nullptr);
}

QJsonObject modelObject(const QString &name, const QString &sha256, bool trained)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("sha256"), sha256},
                       {QStringLiteral("trained"), trained}};
}

// How every share's interval in the exports was made, so that a reader can make it again.
QJsonObject statisticsObject(const BootstrapOptions &bootstrap)
{
    const QJsonObject interval{{QStringLiteral("method"), QStringLiteral("cluster-bootstrap-percentile")},
                               {QStringLiteral("cluster"), QStringLiteral("post")},
                               {QStringLiteral("replicates"), bootstrap.replicates},
                               // a string: a 64-bit seed does not survive a JSON number (a double)
                               {QStringLiteral("seed"), QString::number(bootstrap.seed)},
                               {QStringLiteral("stream"),
                                QStringLiteral("seed mixed with the tag's UTF-8 name (FNV-1a, SplitMix64)")},
                               {QStringLiteral("level"), bootstrap.level}};
    return QJsonObject{
        {QStringLiteral("share"), QStringLiteral("top-1 images / classified images of the tag")},
        {QStringLiteral("share_interval"), bootstrap.replicates > 0 ? QJsonValue(interval) : QJsonValue()}};
}

QJsonObject harvestObject(const HarvestRecord &harvest)
{
    return QJsonObject{
        {QStringLiteral("id"), harvest.id},
        {QStringLiteral("source"), harvest.source},
        {QStringLiteral("instance"), harvest.instance},
        {QStringLiteral("tags"), QJsonArray::fromStringList(harvest.tags)},
        {QStringLiteral("parameters"), harvest.parameters},
        {QStringLiteral("model"), modelObject(harvest.modelName, harvest.modelSha256, harvest.modelTrained)},
        {QStringLiteral("started_at"), timeValue(harvest.startedAt)},
        {QStringLiteral("finished_at"), timeValue(harvest.finishedAt)},
        {QStringLiteral("status"), harvestStatusName(harvest.status)},
    };
}

QJsonObject itemObject(const MediaRow &row)
{
    QJsonArray predictions;
    for (qsizetype rank = 0; rank < row.predictions.size(); ++rank) {
        const LabelScore &prediction = row.predictions.at(rank);
        predictions.append(QJsonObject{{QStringLiteral("rank"), int(rank + 1)},
                                       {QStringLiteral("label_index"), prediction.index},
                                       {QStringLiteral("label"), prediction.label},
                                       {QStringLiteral("score"), jsonScore(prediction.score)}});
    }
    return QJsonObject{
        {QStringLiteral("tag"), row.tag},
        {QStringLiteral("source"), row.source},
        {QStringLiteral("instance"), row.instance},
        {QStringLiteral("post_id"), row.postRemoteId},
        {QStringLiteral("post_url"), row.postUrl.toString()},
        {QStringLiteral("created_at"), timeValue(row.createdAt)},
        {QStringLiteral("author"), row.author},
        {QStringLiteral("text"), row.text},
        {QStringLiteral("post_tags"), QJsonArray::fromStringList(row.postTags)},
        {QStringLiteral("media_remote_id"), row.mediaRemoteId},
        {QStringLiteral("media_index"), row.mediaIndex},
        {QStringLiteral("media_type"), row.mediaType},
        {QStringLiteral("media_url"), row.mediaUrl.toString()},
        {QStringLiteral("preview_url"), optionalText(row.previewUrl.toString())},
        {QStringLiteral("remote_url"), optionalText(row.remoteUrl.toString())},
        {QStringLiteral("alt_text"), row.altText},
        {QStringLiteral("local_path"), optionalText(row.localPath)},
        {QStringLiteral("status"), ExportSnapshot::statusName(row)},
        {QStringLiteral("error_code"), optionalText(row.errorCode)},
        {QStringLiteral("error"), optionalText(row.error)},
        {QStringLiteral("sha256"), optionalText(row.sha256)},
        {QStringLiteral("width"), optionalDimension(row.width)},
        {QStringLiteral("height"), optionalDimension(row.height)},
        {QStringLiteral("predictions"), predictions},
    };
}

} // namespace

QJsonObject JsonExporter::toJson(const ExportSnapshot &snapshot)
{
    QJsonArray harvests;
    for (const HarvestRecord &harvest : snapshot.harvests)
        harvests.append(harvestObject(harvest));

    QJsonObject tags;
    for (auto it = snapshot.counts.cbegin(); it != snapshot.counts.cend(); ++it) {
        tags.insert(it.key(), QJsonObject{{QStringLiteral("pending"), it->pending},
                                          {QStringLiteral("ok"), it->ok},
                                          {QStringLiteral("skipped"), it->skipped},
                                          {QStringLiteral("failed"), it->failed},
                                          {QStringLiteral("total"), it->total()}});
    }

    QJsonArray items;
    for (const MediaRow &row : snapshot.rows)
        items.append(itemObject(row));

    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("taglens-export")},
        {QStringLiteral("format_version"), 1},
        {QStringLiteral("taglens_version"), QStringLiteral(TAGLENS_VERSION)},
        {QStringLiteral("exported_at"), timeValue(snapshot.exportedAt)},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("top_k"), snapshot.options.topK},
                     {QStringLiteral("min_score"), snapshot.options.minScore},
                     // null: every item; else the filter the items passed (what a view showed)
                     {QStringLiteral("shown"),
                      snapshot.options.shown ? snapshot.options.shown->toJson() : QJsonValue()}}},
        {QStringLiteral("model"),
         modelObject(snapshot.modelName, snapshot.modelSha256, snapshot.modelTrained)},
        {QStringLiteral("statistics"), statisticsObject(snapshot.options.bootstrap)},
        {QStringLiteral("harvests"), harvests},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("items"), items},
    };
}

QByteArray JsonExporter::render(const ExportSnapshot &snapshot)
{
    return QJsonDocument(toJson(snapshot)).toJson(QJsonDocument::Indented);
}

Expected<void> JsonExporter::write(const ExportSnapshot &snapshot, const QString &path)
{
    qCDebug(lcJsonExport) << "writing" << snapshot.rows.size() << "items to" << path;
    return AtomicFile::write(path, render(snapshot));
}

} // namespace taglens::engine
