// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>

namespace taglens::engine {

/// How a model wants its input: torchvision's Resize(resizeSize) → CenterCrop(inputSize) → Normalize.
struct Preprocessing
{
    int inputSize = 299;
    int resizeSize = 342;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

/// The identity of a loaded model, as shown to users and written into exports.
struct ModelInfo
{
    QString name;         ///< human name, e.g. "Inception-v3 (ImageNet-1k, torchvision IMAGENET1K_V1)"
    QString path;         ///< the file that was loaded
    QString format;       ///< "torchscript" or "state-dict"
    QString architecture; ///< e.g. "inception_v3"
    QString sha256;       ///< SHA-256 of the loaded file
    QString sourceSha256; ///< SHA-256 of the original weights the file was made from, when known
    bool trained = true;  ///< false for the random-weight test models: their labels mean nothing
    bool hasEmbedding = false;
    int embeddingSize = 0;
    QStringList labels;
    Preprocessing preprocessing;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::ModelInfo)
