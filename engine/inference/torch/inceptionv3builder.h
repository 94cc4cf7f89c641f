// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../../core/expected.h"
#include "../modelinfo.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace taglens::torchbackend {

/// Makes a TorchScript module out of torchvision's Inception-v3 weights (a state_dict `.pth`,
/// e.g. the official `inception_v3_google-0cc3c7bd.pth`). The network is defined in TorchScript
/// source that computes exactly what torchvision 0.14's `inception_v3` computes in eval mode with
/// `transform_input=True`; its parameters are read from the state_dict. The saved module carries
/// its labels and preprocessing as extra files, so one optimised loading path serves every model.
class InceptionV3Builder
{
    Q_DECLARE_TR_FUNCTIONS(InceptionV3Builder)

public:
    /// The metadata written beside the network (`taglens.json` and `labels.txt` extra files).
    struct Metadata
    {
        QString name;
        bool trained = true;
        QString sourceSha256;
        QStringList labels;
        engine::Preprocessing preprocessing;
    };

    /// What is known about the weights at \a stateDictPath: the official file (recognised by its
    /// SHA-256) is "trained"; otherwise a `<name>.json` beside it may say what they are.
    static engine::Expected<Metadata> metadataFor(const QString &stateDictPath);

    static engine::Expected<void> convertToTorchScript(const QString &stateDictPath,
                                                       const QString &outputPath, const Metadata &metadata);
};

} // namespace taglens::torchbackend
