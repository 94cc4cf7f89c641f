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

    const QImage thumb = decoded->image.width() > thumbnailSize || decoded->image.height() > thumbnailSize
                             ? decoded->image.scaled(thumbnailSize, thumbnailSize, Qt::KeepAspectRatio,
                                                     Qt::SmoothTransformation)
                             : decoded->image;
    QBuffer buffer(&m.record.thumbnail);
    buffer.open(QIODevice::WriteOnly);
    thumb.save(&buffer, "JPEG", 85);

    if (worker) {
        auto input = worker->prepare(decoded->image);
        if (!input)
            return input.error();
        m.input = std::move(*input);
    }
    return m;
}

} // namespace taglens::engine
