// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../../core/expected.h"
#include "../modelinfo.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace taglens::torchbackend {

/// The metadata that travels with a model: `labels.txt` (one class name per line) and
/// `taglens.json` (name, architecture, trained, input_size, resize_size, mean, std, source_sha256).
/// Inside a TorchScript archive they are extra files; beside any model file they are
/// `<basename>.labels.txt` and `<basename>.json`.
class MetadataFiles
{
    Q_DECLARE_TR_FUNCTIONS(MetadataFiles)

public:
    static QString labelsName() { return QStringLiteral("labels.txt"); }
    static QString metadataName() { return QStringLiteral("taglens.json"); }
    static QString sidecarLabelsPath(const QString &modelPath);
    static QString sidecarMetadataPath(const QString &modelPath);

    /// The 1000 ImageNet-1k class names in torchvision's order (built in).
    static engine::Expected<QStringList> imagenetLabels();

    static QByteArray labelsText(const QStringList &labels);
    static engine::Expected<QStringList> parseLabels(const QByteArray &text);

    static QByteArray metadataJson(const engine::ModelInfo &info);
    /// Fills name, architecture, trained, sourceSha256 and preprocessing of \a info from JSON.
    /// Missing keys keep what \a info had; wrong types or out-of-range values are errors.
    static engine::Expected<void> applyMetadataJson(const QByteArray &json, engine::ModelInfo &info);
};

} // namespace taglens::torchbackend
