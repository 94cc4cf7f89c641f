// SPDX-License-Identifier: GPL-3.0-or-later
#include "gexfexporter.h"

#include "atomicfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QXmlStreamWriter>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcGexfExport, "taglens.engine.export.gexf", QtInfoMsg)

namespace taglens::engine {

namespace {

/// The filter the images passed, as in the JSON record (not translated: a file is read anywhere).
QString shownDescription(const ShownFilter &shown)
{
    return QString::fromUtf8(QJsonDocument(shown.toJson().toObject()).toJson(QJsonDocument::Compact));
}

// Sorting by name first gives the nodes a readable order; the index keeps two classes with one
// name apart.
using LabelKey = std::pair<QString, int>;

} // namespace

QByteArray GexfExporter::render(const ExportSnapshot &snapshot)
{
    QMap<LabelKey, int> images;
    QMap<std::pair<LabelKey, LabelKey>, int> weights;
    QSet<qint64> seenMedia;
    for (const MediaRow &row : snapshot.rows) {
        // A post under two tags gives two rows for the same media item.
        if (row.status != MediaStatus::Ok || seenMedia.contains(row.mediaId))
            continue;
        seenMedia.insert(row.mediaId);
        QList<LabelKey> labels;
        for (const LabelScore &prediction : row.predictions) {
            const LabelKey key{prediction.label, prediction.index};
            if (double(prediction.score) >= snapshot.options.minScore && !labels.contains(key))
                labels.append(key);
        }
        std::sort(labels.begin(), labels.end());
        for (qsizetype i = 0; i < labels.size(); ++i) {
            ++images[labels.at(i)];
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                ++weights[{labels.at(i), labels.at(j)}];
        }
    }

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("gexf"));
    xml.writeDefaultNamespace(QStringLiteral("http://gexf.net/1.3"));
    xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"),
                       QStringLiteral("schemaLocation"),
                       QStringLiteral("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));

    xml.writeStartElement(QStringLiteral("meta"));
    xml.writeAttribute(QStringLiteral("lastmodifieddate"),
                       snapshot.exportedAt.toUTC().date().toString(Qt::ISODate));
    xml.writeTextElement(QStringLiteral("creator"), QStringLiteral("TagLens " TAGLENS_VERSION));
    xml.writeTextElement(
        QStringLiteral("description"),
        QStringLiteral("Labels that occur together in the top-%1 predictions of one image (score >= %2); "
                       "model %3 (%4); tags: %5; images: %6")
            .arg(snapshot.labelColumns)
            .arg(snapshot.options.minScore)
            .arg(snapshot.modelName.isEmpty() ? QStringLiteral("unknown") : snapshot.modelName,
                 snapshot.modelSha256, snapshot.tags.join(QStringLiteral(", ")),
                 snapshot.options.shown ? shownDescription(*snapshot.options.shown) : QStringLiteral("all")));
    xml.writeEndElement(); // meta

    xml.writeStartElement(QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("mode"), QStringLiteral("static"));
    xml.writeAttribute(QStringLiteral("defaultedgetype"), QStringLiteral("undirected"));

    xml.writeStartElement(QStringLiteral("attributes"));
    // No mode="static" here: GEXF 1.2 had it, the 1.3 grammar does not allow it.
    xml.writeAttribute(QStringLiteral("class"), QStringLiteral("node"));
    for (const auto &[id, type] : {std::pair{QStringLiteral("images"), QStringLiteral("integer")},
                                   std::pair{QStringLiteral("label_index"), QStringLiteral("integer")}}) {
        xml.writeEmptyElement(QStringLiteral("attribute"));
        xml.writeAttribute(QStringLiteral("id"), id);
        xml.writeAttribute(QStringLiteral("title"), id);
        xml.writeAttribute(QStringLiteral("type"), type);
    }
    xml.writeEndElement(); // attributes

    QMap<LabelKey, QString> nodeIds;
    xml.writeStartElement(QStringLiteral("nodes"));
    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        const QString id = QStringLiteral("n%1").arg(nodeIds.size() + 1);
        nodeIds.insert(it.key(), id);
        xml.writeStartElement(QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), id);
        xml.writeAttribute(QStringLiteral("label"), it.key().first);
        xml.writeStartElement(QStringLiteral("attvalues"));
        for (const auto &[attribute, value] : {std::pair{QStringLiteral("images"), it.value()},
                                               std::pair{QStringLiteral("label_index"), it.key().second}}) {
            xml.writeEmptyElement(QStringLiteral("attvalue"));
            xml.writeAttribute(QStringLiteral("for"), attribute);
            xml.writeAttribute(QStringLiteral("value"), QString::number(value));
        }
        xml.writeEndElement(); // attvalues
        xml.writeEndElement(); // node
    }
    xml.writeEndElement(); // nodes

    xml.writeStartElement(QStringLiteral("edges"));
    int edgeNumber = 0;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        xml.writeEmptyElement(QStringLiteral("edge"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(++edgeNumber));
        xml.writeAttribute(QStringLiteral("source"), nodeIds.value(it.key().first));
        xml.writeAttribute(QStringLiteral("target"), nodeIds.value(it.key().second));
        xml.writeAttribute(QStringLiteral("weight"), QString::number(it.value()));
    }
    xml.writeEndElement(); // edges

    xml.writeEndElement(); // graph
    xml.writeEndElement(); // gexf
    xml.writeEndDocument();
    qCDebug(lcGexfExport) << images.size() << "nodes," << weights.size() << "edges";
    return bytes;
}

Expected<void> GexfExporter::write(const ExportSnapshot &snapshot, const QString &path)
{
    return AtomicFile::write(path, render(snapshot));
}

} // namespace taglens::engine
