// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "../inference/preparedinput.h"
#include "../store/imagerecord.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace taglens::engine {

class ClassifierWorker;

/// A downloaded (or local) image, hashed, decoded, thumbnailed and prepared for the model, off the
/// GUI thread. The record is what the project stores; the input is what the model gets.
struct PreparedMedia
{
    ImageRecord record;
    PreparedInput input;

    /// Hashes and decodes \a bytes (a download), or the file at \a localPath when bytes are empty.
    /// Thread-safe; runs on a thread pool.
    static Expected<PreparedMedia> make(const QByteArray &bytes, const QString &localPath,
                                        const ClassifierWorker *worker, int thumbnailSize);

    /// The size of \a image's thumbnail: scaled down to fit a \a box × \a box square, never up,
    /// and never to an empty side.
    static QSize thumbnailSize(QSize image, int box);
    /// \a image's thumbnail (see thumbnailSize()) as a JPEG at quality 85; empty when it could
    /// not be made (out of memory). Thread-safe.
    static QByteArray thumbnailJpeg(const QImage &image, int box);
};

} // namespace taglens::engine
