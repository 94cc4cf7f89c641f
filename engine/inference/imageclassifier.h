// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "classification.h"
#include "modelinfo.h"
#include "preparedinput.h"

#include <QImage>
#include <QList>

namespace taglens::engine {

/// The inference interface: a decoded image in, ranked labels and an embedding out.
/// It names no runtime; the LibTorch backend is one implementation.
class ImageClassifier
{
public:
    virtual ~ImageClassifier() = default;

    virtual const ModelInfo &info() const = 0;

    /// Resizes, crops and normalises \a image (any format; converted to RGB as PIL's convert('RGB')).
    /// Thread-safe: call it from decoding threads so that it overlaps with classify().
    virtual Expected<PreparedInput> prepare(const QImage &image) const = 0;

    /// Runs the model on a batch. Returns one Classification per input, in order, each with the
    /// \a topK best labels. Not thread-safe: one caller at a time (ClassifierWorker's thread).
    virtual Expected<QList<Classification>> classify(const QList<PreparedInput> &batch, int topK) = 0;

    /// Threads the runtime may use inside one forward pass.
    virtual void setThreadCount(int threads) = 0;
    /// The threads one forward pass uses.
    virtual int threadCount() const = 0;
};

} // namespace taglens::engine
