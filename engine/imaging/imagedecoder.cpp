// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagedecoder.h"

#include "jpegdecoder.h"

#include <QBuffer>
#include <QByteArrayView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QLoggingCategory>
#include <QTransform>
#include <QtEndian>
#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcDecoder, "taglens.engine.imaging")

namespace taglens::engine {

namespace {

// Qt's own ceiling on any buffer an image handler allocates. Qt 6.4 defaults to 128 MB, which
// would refuse photos our DecodeLimits accept (100 megapixels in ARGB32 is 400 MB, in RGBA64
// 800 MB). It stays as the backstop for a handler whose header lies about the size.
constexpr int kQtAllocationLimitMiB = 1024;

// The photo formats people post. Qt also reads SVG, XPM, XBM, PBM/PGM/PPM, ICO and CUR: text
// formats would let a stray text file "decode", and none of them is a photo.
constexpr QByteArrayView kAcceptedFormats[] = {"jpeg", "png", "gif", "webp", "bmp"};

void ensureQtAllocationLimit()
{
    // The limit is a process-wide static in Qt; set it once, before the first decode, from
    // whichever pool thread gets here first.
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(kQtAllocationLimitMiB); });
}

bool isAccepted(QByteArrayView format)
{
    for (QByteArrayView accepted : kAcceptedFormats) {
        if (format == accepted)
            return true;
    }
    return false;
}

QString formatDisplayName(const QByteArray &format)
{
    if (format == "webp")
        return QStringLiteral("WebP");
    return QString::fromLatin1(format).toUpper();
}

const uchar *bytesOf(const QByteArray &bytes)
{
    return reinterpret_cast<const uchar *>(bytes.constData());
}

// True when a JPEG provably stops before its end-of-image marker (FF D9). libjpeg decodes a cut
// file by padding it with grey, Qt's handler feeds it a fake EOI, and QImageReader reports
// success (a warning at most), so the missing marker is the one reliable sign. Segments are
// skipped by their declared length, so the FF D9 that ends an EXIF thumbnail inside APP1 does not
// count; in entropy-coded data a 0xFF is always followed by 00 (stuffing) or a restart marker,
// so the first real FF D9 after a scan is the end. Bytes after EOI (the video of a "motion
// photo", MPF secondary images) are fine.
bool jpegEndsEarly(const QByteArray &bytes)
{
    const uchar *data = bytesOf(bytes);
    const qsizetype size = bytes.size();
    qsizetype pos = 2; // past SOI
    for (;;) {
        if (pos >= size)
            return true;
        // Scan data (and garbage libjpeg would skip with a warning) runs up to the next 0xFF;
        // repeated 0xFF are fill bytes before a marker.
        const void *nextFF = std::memchr(data + pos, 0xFF, size_t(size - pos));
        pos = nextFF ? static_cast<const uchar *>(nextFF) - data : size;
        while (pos < size && data[pos] == 0xFF)
            ++pos;
        if (pos >= size)
            return true;
        const uchar marker = data[pos++];
        if (marker == 0xD9)
            return false;
        const bool standalone = marker == 0x00                         // a stuffed 0xFF inside scan data
                                || marker == 0x01                      // TEM
                                || (marker >= 0xD0 && marker <= 0xD8); // RST0..RST7, SOI
        if (standalone)
            continue;
        if (pos + 2 > size)
            return true;
        const int length = (data[pos] << 8) | data[pos + 1];
        if (length < 2)
            return false; // corrupt rather than cut: libjpeg gives the verdict
        pos += length;
    }
}

// True when the PNG chunk sequence runs out before IEND. Qt 6.4 already fails on a cut PNG
// (libpng reports a read error), so this mainly keeps the verdict independent of the handler.
// Like Qt, a file whose only loss is the IEND CRC counts as complete.
bool pngEndsEarly(const QByteArray &bytes)
{
    const uchar *data = bytesOf(bytes);
    const qsizetype size = bytes.size();
    qsizetype pos = 8; // past the signature
    while (pos + 8 <= size) {
        const quint32 length = qFromBigEndian<quint32>(data + pos);
        if (length > 0x7FFFFFFFu)
            return false; // corrupt rather than cut: libpng gives the verdict
        if (QByteArrayView(bytes).sliced(pos + 4, 4) == QByteArrayView("IEND"))
            return false;
        pos += 12 + qsizetype(length); // length, type, data, CRC
    }
    return true;
}

// True when a BMP is shorter than its file header says. Qt's BMP reader leaves the missing rows
// blank and reports success. Some writers leave the size field 0: then nothing can be told.
bool bmpEndsEarly(const QByteArray &bytes)
{
    if (bytes.size() < 6)
        return true;
    const quint32 declaredSize = qFromLittleEndian<quint32>(bytesOf(bytes) + 2);
    return declaredSize != 0 && qint64(declaredSize) > bytes.size();
}

bool endsEarly(const QByteArray &format, const QByteArray &bytes)
{
    if (format == "jpeg")
        return jpegEndsEarly(bytes);
    if (format == "png")
        return pngEndsEarly(bytes);
    if (format == "bmp")
        return bmpEndsEarly(bytes);
    // GIF: Qt fails when the first frame is cut, and later frames are never read.
    // WebP: Qt's handler gives the whole buffer to libwebp's demuxer, which refuses an incomplete
    // file (not exercised by the tests: Debian ships the WebP plugin separately).
    return false;
}

// A hint for people about what unrecognised bytes are: a server that answers an image URL
// with an HTML error page is the common case.
QString describeUnknownBytes(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(64);
    const bool looksLikeText = std::all_of(head.cbegin(), head.cend(), [](char c) {
        const auto u = static_cast<uchar>(c);
        return (u >= 0x20 && u < 0x7F) || u == '\t' || u == '\n' || u == '\r' || u >= 0x80;
    });
    if (looksLikeText && head.trimmed().startsWith('<'))
        return ImageDecoder::tr("it looks like a web page or other markup");
    if (looksLikeText)
        return ImageDecoder::tr("it looks like text");
    return ImageDecoder::tr("it starts with the bytes %1").arg(QString::fromLatin1(bytes.left(8).toHex(' ')));
}

/// What QImageReader's auto-transform does with an EXIF orientation: mirror and/or flip, then
/// turn 90° clockwise.
QImage oriented(const QImage &image, QImageIOHandler::Transformations transformation)
{
    if (transformation == QImageIOHandler::TransformationNone)
        return image;
    QImage out = image;
    const bool mirror = transformation.testFlag(QImageIOHandler::TransformationMirror);
    const bool flip = transformation.testFlag(QImageIOHandler::TransformationFlip);
    if (mirror || flip)
        out = out.mirrored(mirror, flip);
    if (transformation.testFlag(QImageIOHandler::TransformationRotate90))
        out = out.transformed(QTransform().rotate(90));
    return out;
}

/// Colour and grey JPEGs, the bulk of what is harvested, go through JpegDecoder; anything it
/// declines (and every other format) through Qt's plugin.
bool readImage(QImageReader &reader, const QByteArray &bytes, const QByteArray &format, QSize storedSize,
               QImage *image)
{
    if (format == "jpeg") {
        auto fast = JpegDecoder::decodeRgb32(bytes, storedSize);
        if (fast) {
            *image = oriented(*fast, reader.transformation());
            if (!image->isNull())
                return true;
        } else {
            qCDebug(lcDecoder).noquote() << "decoding through Qt:" << fast.error().message;
        }
    }
    return reader.read(image);
}

Error fail(ErrorCode code, const QString &message)
{
    qCDebug(lcDecoder).noquote() << errorCodeName(code) << message;
    return Error::make(code, message);
}

Expected<DecodedImage> decodeBytes(const QByteArray &bytes, const DecodeLimits &limits,
                                   const QString &subject)
{
    ensureQtAllocationLimit();
    const QLocale locale;

    if (bytes.isEmpty()) {
        //: %1 is "The file “…”" or "The image data"
        return fail(ErrorCode::NotAnImage,
                    ImageDecoder::tr("%1 is empty, so it is not an image.").arg(subject));
    }
    if (bytes.size() > limits.maxBytes) {
        return fail(ErrorCode::TooLarge, ImageDecoder::tr("%1 is %2; images larger than %3 are refused.")
                                             .arg(subject, locale.formattedDataSize(bytes.size()),
                                                  locale.formattedDataSize(limits.maxBytes)));
    }

    QBuffer buffer;
    buffer.setData(bytes); // shares, does not copy
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    // There is no file name to go by anyway; this makes the intent explicit.
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);

    const QByteArray format = reader.format();
    if (format.isEmpty()) {
        return fail(ErrorCode::NotAnImage,
                    ImageDecoder::tr("%1 is not an image in a format TagLens can read (%2).")
                        .arg(subject, describeUnknownBytes(bytes)));
    }
    const QString formatName = formatDisplayName(format);
    if (!isAccepted(format)) {
        return fail(ErrorCode::NotAnImage,
                    ImageDecoder::tr("%1 is in the %2 format; TagLens only decodes JPEG, PNG, GIF, "
                                     "WebP and BMP images.")
                        .arg(subject, formatName));
    }

    // The header's dimensions, read without decoding: this is what stops a decompression bomb
    // (a few kilobytes that inflate to gigabytes) before any pixel buffer exists.
    const QSize storedSize = reader.size();
    if (!storedSize.isValid() || storedSize.isEmpty()) {
        return fail(ErrorCode::Decode,
                    ImageDecoder::tr("%1 looks like a %2 image, but its header cannot be read; it is "
                                     "probably cut off or corrupt.")
                        .arg(subject, formatName));
    }
    const auto checkDimensions = [&](QSize size) -> std::optional<Error> {
        if (size.width() > limits.maxDimension || size.height() > limits.maxDimension) {
            return fail(ErrorCode::TooLarge,
                        ImageDecoder::tr("%1 is a %2 image of %3 × %4 pixels; images wider or taller "
                                         "than %5 pixels are refused.")
                            .arg(subject, formatName, locale.toString(size.width()),
                                 locale.toString(size.height()), locale.toString(limits.maxDimension)));
        }
        const qint64 pixels = qint64(size.width()) * size.height();
        if (pixels > limits.maxPixels) {
            return fail(ErrorCode::TooLarge,
                        ImageDecoder::tr("%1 is a %2 image of %3 × %4 = %5 pixels; images with more "
                                         "than %6 pixels are refused.")
                            .arg(subject, formatName, locale.toString(size.width()),
                                 locale.toString(size.height()), locale.toString(pixels),
                                 locale.toString(limits.maxPixels)));
        }
        return std::nullopt;
    };
    if (auto error = checkDimensions(storedSize))
        return *error;

    if (endsEarly(format, bytes)) {
        return fail(ErrorCode::Decode,
                    ImageDecoder::tr("%1 is a %2 image that ends too early, after %3; it was "
                                     "probably cut off while downloading or copying.")
                        .arg(subject, formatName, locale.formattedDataSize(bytes.size())));
    }

    QImage decoded;
    if (!readImage(reader, bytes, format, storedSize, &decoded) || decoded.isNull()) {
        return fail(ErrorCode::Decode,
                    ImageDecoder::tr("%1 is a %2 image that cannot be decoded (%3); it is probably "
                                     "corrupt.")
                        .arg(subject, formatName, reader.errorString()));
    }
    // A handler may produce something other than its header promised; judge what was made.
    if (auto error = checkDimensions(decoded.size()))
        return *error;

    QImage rgb = ImageDecoder::toRgb(decoded);
    if (rgb.isNull()) {
        return fail(ErrorCode::TooLarge,
                    ImageDecoder::tr("%1 is a %2 image of %3 × %4 pixels, and there is not enough "
                                     "memory to convert it.")
                        .arg(subject, formatName, locale.toString(decoded.width()),
                             locale.toString(decoded.height())));
    }
    return DecodedImage{std::move(rgb), storedSize, format};
}

} // namespace

Expected<DecodedImage> ImageDecoder::decode(const QByteArray &bytes, const DecodeLimits &limits)
{
    return decodeBytes(bytes, limits, tr("The image data"));
}

Expected<DecodedImage> ImageDecoder::decodeFile(const QString &path, const DecodeLimits &limits)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        return fail(ErrorCode::NotFound, tr("The file “%1” does not exist.").arg(shownPath));
    }
    // Directories, devices and pipes: a pipe could block forever and /dev/zero never ends.
    if (!info.isFile()) {
        return fail(ErrorCode::Io,
                    tr("“%1” is not a regular file, so it cannot be read as an image.").arg(shownPath));
    }
    const QString subject = tr("The file “%1”").arg(shownPath);
    if (info.size() > limits.maxBytes) {
        const QLocale locale;
        return fail(ErrorCode::TooLarge, tr("%1 is %2; images larger than %3 are refused.")
                                             .arg(subject, locale.formattedDataSize(info.size()),
                                                  locale.formattedDataSize(limits.maxBytes)));
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Io,
                    tr("The file “%1” cannot be read: %2.").arg(shownPath, file.errorString()));
    }
    // One byte more than measured notices a file that grew since; decodeBytes then applies maxBytes.
    const QByteArray bytes = file.read(info.size() + 1);
    if (file.error() != QFileDevice::NoError) {
        return fail(ErrorCode::Io,
                    tr("The file “%1” cannot be read: %2.").arg(shownPath, file.errorString()));
    }
    return decodeBytes(bytes, limits, subject);
}

QByteArray ImageDecoder::sniffFormat(const QByteArray &head)
{
    if (head.isEmpty())
        return {};
    QBuffer buffer;
    buffer.setData(head);
    buffer.open(QIODevice::ReadOnly);
    // The same detection decode() uses, so the two can never disagree.
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    return isAccepted(format) ? format : QByteArray();
}

bool ImageDecoder::isRgb(QImage::Format format)
{
    return format == QImage::Format_RGB888 || format == QImage::Format_RGB32;
}

QImage ImageDecoder::toRgb(const QImage &image)
{
    return isRgb(image.format()) ? image : toRgb888(image);
}

QImage ImageDecoder::toRgb888(const QImage &image)
{
    if (image.isNull() || image.format() == QImage::Format_RGB888)
        return image;
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB888);
    // Through straight (non-premultiplied) ARGB32: converting premultiplied data there divides
    // the alpha back out, and Qt's conversion from straight alpha to an opaque format keeps the
    // colour channels as they are, which is what PIL does. Going to RGB888 directly from a
    // premultiplied format would keep premultiplied (darkened) colours instead.
    const QImage straight = image.convertToFormat(QImage::Format_ARGB32);
    if (straight.isNull())
        return {};
    return straight.convertToFormat(QImage::Format_RGB888);
}

} // namespace taglens::engine
