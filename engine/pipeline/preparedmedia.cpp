// SPDX-License-Identifier: GPL-3.0-or-later
#include "preparedmedia.h"

#include "../core/sha256.h"
#include "../imaging/decodelimits.h"
#include "../imaging/imagedecoder.h"
#include "../inference/classifierworker.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace taglens::engine {

QSize PreparedMedia::thumbnailSize(QSize image, int box)
{
    if (image.isEmpty() || box < 1 || (image.width() <= box && image.height() <= box))
        return image;
    // Keeps the aspect ratio; a side never rounds down to nothing (a 4000 × 3 strip stays visible).
    const QSize scaled = image.scaled(box, box, Qt::KeepAspectRatio);
    return QSize(qMax(1, scaled.width()), qMax(1, scaled.height()));
}

QByteArray PreparedMedia::thumbnailJpeg(const QImage &image, int box)
{
    const QSize size = thumbnailSize(image.size(), box);
    // Qt's smooth scaling averages areas in one pass over the source: about three times cheaper
    // here than the model's antialiased resampler, whose windows grow with the reduction.
    const QImage thumb = size == image.size() ? image : image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QByteArray jpeg;
    if (thumb.isNull())
        return jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!thumb.save(&buffer, "JPEG", 85))
        jpeg.clear();
    return jpeg;
}

Expected<PreparedMedia> PreparedMedia::make(const QByteArray &downloaded, const QString &localPath,
                                            const ClassifierWorker *worker, int thumbnailSize)
{
    const DecodeLimits limits;
    QByteArray bytes = downloaded;
    if (bytes.isEmpty() && !localPath.isEmpty()) {
        QFile f(localPath);
        if (!f.exists())
            return Error::make(ErrorCode::NotFound,
                               QCoreApplication::translate("PreparedMedia", "The file %1 no longer exists.").arg(localPath));
        if (f.size() > limits.maxBytes)
            return Error::make(ErrorCode::TooLarge,
                               QCoreApplication::translate("PreparedMedia", "The file %1 is too large (%2 bytes).")
                                   .arg(localPath)
                                   .arg(f.size()));
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(ErrorCode::Io, QCoreApplication::translate("PreparedMedia", "Cannot read %1: %2")
                                                  .arg(localPath, f.errorString()));
        bytes = f.readAll();
    }
    auto decoded = ImageDecoder::decode(bytes, limits);
    if (!decoded)
        return decoded.error();

    PreparedMedia m;
    m.record.sha256 = Sha256::hex(bytes);
    m.record.width = decoded->image.width();
    m.record.height = decoded->image.height();
    m.record.format = QString::fromLatin1(decoded->format);
    m.record.byteSize = bytes.size();
    if (localPath.isEmpty())
        m.record.bytes = bytes;
    else
        m.record.path = QFileInfo(localPath).absoluteFilePath(); // local files are referenced, not copied

    m.record.thumbnail = thumbnailJpeg(decoded->image, thumbnailSize);

    if (worker) {
        auto input = worker->prepare(decoded->image);
        if (!input)
            return input.error();
        m.input = std::move(*input);
    }
    return m;
}

} // namespace taglens::engine
