// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadatafiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace taglens::torchbackend {

using engine::Error;
using engine::ErrorCode;
using engine::Expected;

namespace {

constexpr qsizetype kMaxLabels = 100000;
constexpr qsizetype kMaxLabelLength = 1000;

QString sidecarBase(const QString &modelPath)
{
    const QFileInfo fi(modelPath);
    return fi.path() + QLatin1Char('/') + fi.completeBaseName();
}

} // namespace

QString MetadataFiles::sidecarLabelsPath(const QString &modelPath)
{
    return sidecarBase(modelPath) + QStringLiteral(".labels.txt");
}

QString MetadataFiles::sidecarMetadataPath(const QString &modelPath)
{
    return sidecarBase(modelPath) + QStringLiteral(".json");
}

Expected<QStringList> MetadataFiles::imagenetLabels()
{
    QFile f(QStringLiteral(":/taglens/models/imagenet_classes.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Internal,
                           MetadataFiles::tr("The built-in ImageNet class list is missing."));
    return parseLabels(f.readAll());
}

QByteArray MetadataFiles::labelsText(const QStringList &labels)
{
    return labels.join(QLatin1Char('\n')).toUtf8() + '\n';
}

Expected<QStringList> MetadataFiles::parseLabels(const QByteArray &text)
{
    QStringList labels;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() && i == lines.size() - 1)
            break; // the final newline
        if (line.isEmpty() || line.size() > kMaxLabelLength)
            return Error::make(
                ErrorCode::ModelInvalid,
                MetadataFiles::tr("The label list has an empty or overlong line %1.").arg(i + 1));
        if (labels.size() >= kMaxLabels)
            return Error::make(ErrorCode::ModelInvalid, MetadataFiles::tr("The label list is too long."));
        labels.append(line);
    }
    if (labels.isEmpty())
        return Error::make(ErrorCode::ModelInvalid, MetadataFiles::tr("The label list is empty."));
    return labels;
}

QByteArray MetadataFiles::metadataJson(const engine::ModelInfo &info)
{
    const auto &p = info.preprocessing;
    QJsonObject o{{QStringLiteral("name"), info.name},
                  {QStringLiteral("architecture"), info.architecture},
                  {QStringLiteral("trained"), info.trained},
                  {QStringLiteral("input_size"), p.inputSize},
                  {QStringLiteral("resize_size"), p.resizeSize},
                  {QStringLiteral("mean"), QJsonArray{p.mean[0], p.mean[1], p.mean[2]}},
                  {QStringLiteral("std"), QJsonArray{p.std[0], p.std[1], p.std[2]}}};
    if (!info.sourceSha256.isEmpty())
        o.insert(QStringLiteral("source_sha256"), info.sourceSha256);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Expected<void> MetadataFiles::applyMetadataJson(const QByteArray &json, engine::ModelInfo &info)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(
            ErrorCode::ModelInvalid,
            MetadataFiles::tr("The model metadata is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    auto bad = [](const QString &key) {
        return Error::make(ErrorCode::ModelInvalid,
                           MetadataFiles::tr("The model metadata has an invalid \"%1\".").arg(key));
    };
    engine::ModelInfo out = info;
    for (const char *key : {"name", "architecture", "source_sha256"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        if (!v.isString() || v.toString().size() > 1000)
            return bad(QLatin1String(key));
        if (qstrcmp(key, "name") == 0)
            out.name = v.toString();
        else if (qstrcmp(key, "architecture") == 0)
            out.architecture = v.toString();
        else
            out.sourceSha256 = v.toString();
    }
    if (const QJsonValue v = o.value(QLatin1String("trained")); !v.isUndefined()) {
        if (!v.isBool())
            return bad(QStringLiteral("trained"));
        out.trained = v.toBool();
    }
    for (const char *key : {"input_size", "resize_size"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 16 || d > 2048 || d != int(d))
            return bad(QLatin1String(key));
        (qstrcmp(key, "input_size") == 0 ? out.preprocessing.inputSize : out.preprocessing.resizeSize) =
            int(d);
    }
    for (const char *key : {"mean", "std"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 3)
            return bad(QLatin1String(key));
        auto &dst = qstrcmp(key, "mean") == 0 ? out.preprocessing.mean : out.preprocessing.std;
        for (int i = 0; i < 3; ++i) {
            const double d = a[i].toDouble(-1);
            const bool isStd = qstrcmp(key, "std") == 0;
            if (!a[i].isDouble() || d < (isStd ? 1e-6 : -10) || d > 10)
                return bad(QLatin1String(key));
            dst[i] = float(d);
        }
    }
    if (out.preprocessing.resizeSize < out.preprocessing.inputSize)
        return bad(QStringLiteral("resize_size"));
    info = out;
    return {};
}

} // namespace taglens::torchbackend
