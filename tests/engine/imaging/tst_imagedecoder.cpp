// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/imaging/imagedecoder.h"
#include "engine/imaging/jpegdecoder.h"
#include "support/testpaths.h"

#include <QBuffer>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtEndian>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <jpeglib.h>
#include <unistd.h>
#endif

using taglens::engine::DecodedImage;
using taglens::engine::DecodeLimits;
using taglens::engine::ErrorCode;
using taglens::engine::Expected;
using taglens::engine::ImageDecoder;
using taglens::engine::JpegDecoder;

Q_DECLARE_METATYPE(taglens::engine::ErrorCode)

namespace {

// Hostile and odd inputs are made here rather than committed as binaries, so each one says
// how it was built.

QByteArray encode(const QImage &image, const char *format, int quality = -1, bool progressive = false)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        qFatal("cannot encode a test image as %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

// Smooth gradients plus noise: compresses like a photo, so the entropy-coded part is long.
QImage photoLikeImage(int width, int height, quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.setPixel(x, y, qRgb((x * 255) / width, (y * 255) / height, int(rng.bounded(256))));
        }
    }
    return image;
}

// A CMYK JPEG (as print workflows and some cameras' editors write them), which Qt cannot write:
// made with libjpeg itself, from the C, M, Y and K channels of an RGB picture.
QByteArray cmykJpeg(const QImage &rgb)
{
    jpeg_compress_struct cinfo;
    jpeg_error_mgr errors;
    cinfo.err = jpeg_std_error(&errors);
    jpeg_create_compress(&cinfo);
    unsigned char *out = nullptr;
    unsigned long outSize = 0;
    jpeg_mem_dest(&cinfo, &out, &outSize);
    cinfo.image_width = JDIMENSION(rgb.width());
    cinfo.image_height = JDIMENSION(rgb.height());
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, 90, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<unsigned char> row(size_t(4 * rgb.width()));
    while (cinfo.next_scanline < cinfo.image_height) {
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = rgb.pixel(x, int(cinfo.next_scanline));
            const int k = 255 - std::max({qRed(p), qGreen(p), qBlue(p)});
            row[size_t(4 * x)] = uchar(255 - qRed(p) - k);
            row[size_t(4 * x + 1)] = uchar(255 - qGreen(p) - k);
            row[size_t(4 * x + 2)] = uchar(255 - qBlue(p) - k);
            row[size_t(4 * x + 3)] = uchar(k);
        }
        JSAMPROW pointer = row.data();
        jpeg_write_scanlines(&cinfo, &pointer, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    const QByteArray bytes(reinterpret_cast<const char *>(out), qsizetype(outSize));
    std::free(out);
    return bytes;
}

QImage filled(QSize size, QImage::Format format, const QColor &colour)
{
    QImage image(size, format);
    image.fill(colour);
    return image;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<uchar>(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian32(quint32(data.size())) + type + data + bigEndian32(crc32(type + data));
}

// An 8-bit greyscale PNG whose header claims width × height, with image data for only a few
// rows: a decoder that trusts the header allocates the full canvas before finding out. A
// complete bomb (all rows zero, ~1 MB of deflate) behaves the same up to that point.
QByteArray handMadePng(quint32 width, quint32 height)
{
    QByteArray ihdr = bigEndian32(width) + bigEndian32(height);
    ihdr += QByteArray("\x08\x00\x00\x00\x00", 5); // depth 8, greyscale, deflate, no filter/interlace
    const QByteArray rows(qsizetype(qMin<quint32>(width, 100'000) + 1) * 4, '\0'); // filter byte + pixels
    const QByteArray zlibStream = qCompress(rows, 9).mid(4); // drop qCompress's length prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", zlibStream) +
           pngChunk("IEND", {});
}

// Inserts an APP1 Exif segment holding only the Orientation tag (0x0112) right after SOI.
QByteArray withExifOrientation(QByteArray jpeg, quint16 orientation)
{
    QByteArray tiff("MM\x00\x2a\x00\x00\x00\x08", 8);          // big-endian TIFF header, IFD0 at offset 8
    tiff += QByteArray("\x00\x01", 2);                         // one entry
    tiff += QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01", 8); // Orientation, SHORT, count 1
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xFF);
    tiff += QByteArray("\x00\x00", 2);         // value padding
    tiff += QByteArray("\x00\x00\x00\x00", 4); // no next IFD
    const QByteArray payload = QByteArray("Exif\x00\x00", 6) + tiff;
    const auto length = quint16(payload.size() + 2);
    QByteArray segment("\xff\xe1", 2);
    segment += char(length >> 8);
    segment += char(length & 0xFF);
    segment += payload;
    jpeg.insert(2, segment);
    return jpeg;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(rng.bounded(256));
    return bytes;
}

QByteArray cut(const QByteArray &bytes, double fraction)
{
    return bytes.left(qsizetype(double(bytes.size()) * fraction));
}

QByteArray mutate(QByteArray bytes, QRandomGenerator &rng)
{
    const auto randomPosition = [&](qsizetype limit) { return qsizetype(rng.bounded(int(limit))); };
    switch (rng.bounded(4)) {
    case 0: { // a few bit flips anywhere
        const int flips = 1 + int(rng.bounded(8));
        for (int i = 0; i < flips; ++i)
            bytes[randomPosition(bytes.size())] ^= char(1 << rng.bounded(8));
        break;
    }
    case 1: // cut anywhere
        bytes.truncate(randomPosition(bytes.size()));
        break;
    case 2: { // overwrite a short run with noise
        const qsizetype start = randomPosition(bytes.size());
        const qsizetype end = qMin(bytes.size(), start + 1 + qsizetype(rng.bounded(16)));
        for (qsizetype i = start; i < end; ++i)
            bytes[i] = char(rng.bounded(256));
        break;
    }
    default: // bit flips in the headers, where sizes and lengths live
        for (int i = 0; i < 3; ++i)
            bytes[randomPosition(qMin<qsizetype>(bytes.size(), 200))] ^= char(1 << rng.bounded(8));
        break;
    }
    return bytes;
}

// Recomputes the CRC of every complete chunk, so that a mutation reaches libpng's decoder
// instead of stopping at the checksum.
QByteArray withPngCrcsFixed(QByteArray png)
{
    qsizetype pos = 8;
    while (pos + 12 <= png.size()) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + pos);
        if (length > quint32(png.size() - pos - 12))
            break;
        const QByteArray typeAndData = png.mid(pos + 4, 4 + qsizetype(length));
        png.replace(pos + 8 + qsizetype(length), 4, bigEndian32(crc32(typeAndData)));
        pos += 12 + qsizetype(length);
    }
    return png;
}

bool closeTo(QRgb actual, const QColor &expected, int tolerance)
{
    return std::abs(qRed(actual) - expected.red()) <= tolerance &&
           std::abs(qGreen(actual) - expected.green()) <= tolerance &&
           std::abs(qBlue(actual) - expected.blue()) <= tolerance;
}

QString describe(QRgb pixel)
{
    return QStringLiteral("(%1, %2, %3)").arg(qRed(pixel)).arg(qGreen(pixel)).arg(qBlue(pixel));
}

// Empty when a result is a well-formed success or a well-formed refusal.
QString problemWith(const Expected<DecodedImage> &result, const DecodeLimits &limits)
{
    if (!result) {
        const ErrorCode code = result.error().code;
        if (code != ErrorCode::NotAnImage && code != ErrorCode::Decode && code != ErrorCode::TooLarge)
            return QStringLiteral("unexpected error code ") + taglens::engine::errorCodeName(code);
        if (result.error().message.isEmpty())
            return QStringLiteral("an error without a message");
        return {};
    }
    const QImage &image = result->image;
    if (image.isNull() || !ImageDecoder::isRgb(image.format()))
        return QStringLiteral("a null or non-RGB image");
    if (image.width() > limits.maxDimension || image.height() > limits.maxDimension ||
        qint64(image.width()) * image.height() > limits.maxPixels) {
        return QStringLiteral("an image over the limits");
    }
    if (!result->originalSize.isValid() || result->format.isEmpty())
        return QStringLiteral("no original size or format");
    return {};
}

// libpng's default error handler prints straight to stderr, past Qt's logging (Qt 6.4 installs
// only a warning handler), so thousands of broken inputs mean thousands of lines. Silences
// stderr until the returned guard goes; set TAGLENS_TEST_VERBOSE=1 to see them (and to see
// QTest's own report should the process crash meanwhile).
auto silenceStderr()
{
    int saved = -1;
#ifdef Q_OS_UNIX
    if (!qEnvironmentVariableIsSet("TAGLENS_TEST_VERBOSE")) {
        std::fflush(stderr);
        saved = ::dup(STDERR_FILENO);
        const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved >= 0 && devNull >= 0)
            ::dup2(devNull, STDERR_FILENO);
        if (devNull >= 0)
            ::close(devNull);
    }
#endif
    return qScopeGuard([saved] {
#ifdef Q_OS_UNIX
        if (saved >= 0) {
            std::fflush(stderr);
            ::dup2(saved, STDERR_FILENO);
            ::close(saved);
        }
#else
        Q_UNUSED(saved);
#endif
    });
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestImageDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void refusesHostileBytes_data();
    void refusesHostileBytes();
    void appliesLimits_data();
    void appliesLimits();
    void decodesAndConvertsToRgb_data();
    void decodesAndConvertsToRgb();
    void dropsAlphaWithoutCompositing_data();
    void dropsAlphaWithoutCompositing();
    void appliesExifOrientation_data();
    void appliesExifOrientation();
    void jpegFastPathEqualsQt_data();
    void jpegFastPathEqualsQt();
    void jpegDecoderRefuses_data();
    void jpegDecoderRefuses();
    void decodesFiles_data();
    void decodesFiles();
    void reportsUnreadableFile();
    void reportsReadErrors();
    void decodesRealPhotos_data();
    void decodesRealPhotos();
    void refusesRealTruncatedJpeg();
    void sniffsFormatFromContent_data();
    void sniffsFormatFromContent();
    void survivesMutations_data();
    void survivesMutations();
    void decodesConcurrently();
    void raisesQtAllocationLimit();

private:
    QTemporaryDir m_dir;
    QByteArray m_png;  // 100 × 80, RGB
    QByteArray m_jpeg; // 160 × 120, photo-like
};

void TestImageDecoder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_png = encode(photoLikeImage(100, 80, 1), "png");
    m_jpeg = encode(photoLikeImage(160, 120, 2), "jpeg", 90);
}

void TestImageDecoder::refusesHostileBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("code");

    const QByteArray progressive = encode(photoLikeImage(160, 120, 3), "jpeg", 90, true);
    const QByteArray bmp = encode(photoLikeImage(64, 48, 4), "bmp");

    QTest::newRow("empty") << QByteArray() << ErrorCode::NotAnImage;
    QTest::newRow("random bytes") << randomBytes(4096, 42) << ErrorCode::NotAnImage;
    QTest::newRow("plain text") << QByteArray("This is not a picture of a cat.\n") << ErrorCode::NotAnImage;
    QTest::newRow("html error page") << QByteArray(
                                            "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>")
                                     << ErrorCode::NotAnImage;
    // Qt decodes these, but they are text and not photos.
    QTest::newRow("svg") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                                       "height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")
                         << ErrorCode::NotAnImage;
    QTest::newRow("xpm") << QByteArray(
                                "/* XPM */\nstatic char *x[] = {\"1 1 1 1\", \"a c #ff0000\", \"a\"};\n")
                         << ErrorCode::NotAnImage;

    // Qt "decodes" the first four successfully, padding whatever is missing with grey.
    QTest::newRow("jpeg cut at 50%") << cut(m_jpeg, 0.5) << ErrorCode::Decode;
    QTest::newRow("jpeg cut at 90%") << cut(m_jpeg, 0.9) << ErrorCode::Decode;
    QTest::newRow("jpeg without its EOI marker") << m_jpeg.chopped(2) << ErrorCode::Decode;
    QTest::newRow("progressive jpeg cut at 70%") << cut(progressive, 0.7) << ErrorCode::Decode;
    QTest::newRow("jpeg SOI only") << QByteArray("\xff\xd8", 2) << ErrorCode::Decode;
    QTest::newRow("jpeg header only") << m_jpeg.left(200) << ErrorCode::Decode;

    QTest::newRow("png cut at 50%") << cut(m_png, 0.5) << ErrorCode::Decode;
    QTest::newRow("png cut at 99%") << cut(m_png, 0.99) << ErrorCode::Decode;
    QTest::newRow("png without IEND") << m_png.chopped(12) << ErrorCode::Decode;
    QTest::newRow("png signature only") << m_png.left(8) << ErrorCode::Decode;
    QTest::newRow("png zero width") << handMadePng(0, 10) << ErrorCode::Decode;
    QByteArray badCrc = m_png;
    badCrc[29] = char(badCrc[29] ^ 0x01); // the first byte of the IHDR CRC
    QTest::newRow("png with a corrupt IHDR CRC") << badCrc << ErrorCode::Decode;
    QByteArray garbageIdat = handMadePng(64, 4);
    for (qsizetype i = 8 + 25 + 8 + 2; i < garbageIdat.size() - 16; ++i) // inside the deflate data
        garbageIdat[i] = char(0xA5 ^ i);
    QTest::newRow("png with garbage image data") << garbageIdat << ErrorCode::Decode;

    QTest::newRow("bmp cut at 50%") << cut(bmp, 0.5) << ErrorCode::Decode;

    QTest::newRow("png bomb 30000 x 30000") << handMadePng(30000, 30000) << ErrorCode::TooLarge;
    QTest::newRow("png 15000 x 15000, under maxDimension but over maxPixels")
        << handMadePng(15000, 15000) << ErrorCode::TooLarge;
    QTest::newRow("png 20001 x 1, over maxDimension") << handMadePng(20001, 1) << ErrorCode::TooLarge;
    QTest::newRow("png 1 x 65535, over maxDimension") << handMadePng(1, 65535) << ErrorCode::TooLarge;
}

void TestImageDecoder::refusesHostileBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, code);

    const Expected<DecodedImage> result = ImageDecoder::decode(bytes);
    QVERIFY2(!result, "hostile input decoded successfully");
    QCOMPARE(taglens::engine::errorCodeName(result.error().code), taglens::engine::errorCodeName(code));
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY2(!result.error().message.contains(QLatin1Char('%')), qPrintable(result.error().message));
}

void TestImageDecoder::appliesLimits_data()
{
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<int>("maxDimension");
    QTest::addColumn<bool>("accepted");

    const DecodeLimits defaults;
    const qint64 size = m_png.size();
    QTest::newRow("defaults") << defaults.maxBytes << defaults.maxPixels << defaults.maxDimension << true;
    QTest::newRow("bytes at the limit") << size << defaults.maxPixels << defaults.maxDimension << true;
    QTest::newRow("one byte over") << size - 1 << defaults.maxPixels << defaults.maxDimension << false;
    QTest::newRow("pixels at the limit")
        << defaults.maxBytes << qint64(100 * 80) << defaults.maxDimension << true;
    QTest::newRow("one pixel over") << defaults.maxBytes << qint64(100 * 80 - 1) << defaults.maxDimension
                                    << false;
    QTest::newRow("width at the limit") << defaults.maxBytes << defaults.maxPixels << 100 << true;
    QTest::newRow("width over") << defaults.maxBytes << defaults.maxPixels << 99 << false;
}

void TestImageDecoder::appliesLimits()
{
    QFETCH(qint64, maxBytes);
    QFETCH(qint64, maxPixels);
    QFETCH(int, maxDimension);
    QFETCH(bool, accepted);

    const DecodeLimits limits{maxBytes, maxPixels, maxDimension};
    const Expected<DecodedImage> result = ImageDecoder::decode(m_png, limits);
    if (accepted) {
        QVERIFY2(result.hasValue(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->image.size(), QSize(100, 80));
    } else {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::TooLarge);
        QVERIFY(!result.error().message.isEmpty());
    }
}

void TestImageDecoder::decodesAndConvertsToRgb_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QPoint>("probe");
    QTest::addColumn<QColor>("expected");
    QTest::addColumn<int>("tolerance");

    const QSize size(24, 16);
    const QColor orange(200, 100, 50);

    QTest::newRow("png rgb") << encode(filled(size, QImage::Format_RGB32, orange), "png") << QByteArray("png")
                             << size << QPoint(5, 5) << orange << 0;
    QTest::newRow("jpeg") << encode(filled(size, QImage::Format_RGB32, orange), "jpeg", 95)
                          << QByteArray("jpeg") << size << QPoint(5, 5) << orange << 4;
    QTest::newRow("progressive jpeg") << encode(filled(size, QImage::Format_RGB32, orange), "jpeg", 95, true)
                                      << QByteArray("jpeg") << size << QPoint(5, 5) << orange << 4;
    QTest::newRow("bmp") << encode(filled(size, QImage::Format_RGB32, orange), "bmp") << QByteArray("bmp")
                         << size << QPoint(23, 15) << orange << 0;

    // A palette whose first entry is fully transparent: PIL keeps the entry's colour.
    QImage palette(size, QImage::Format_Indexed8);
    palette.setColorTable({qRgba(200, 100, 50, 0), qRgb(10, 20, 30)});
    palette.fill(0);
    palette.setPixel(1, 1, 1);
    const QByteArray palettePng = encode(palette, "png");
    QTest::newRow("png palette, transparent entry")
        << palettePng << QByteArray("png") << size << QPoint(5, 5) << orange << 0;
    QTest::newRow("png palette, opaque entry")
        << palettePng << QByteArray("png") << size << QPoint(1, 1) << QColor(10, 20, 30) << 0;

    QTest::newRow("png greyscale") << encode(filled(size, QImage::Format_Grayscale8, QColor(77, 77, 77)),
                                             "png")
                                   << QByteArray("png") << size << QPoint(3, 3) << QColor(77, 77, 77) << 0;
    QImage mono(size, QImage::Format_Mono);
    mono.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    mono.fill(1);
    QTest::newRow("png 1-bit") << encode(mono, "png") << QByteArray("png") << size << QPoint(3, 3)
                               << QColor(255, 255, 255) << 0;

    QTest::newRow("png rgba, alpha 0")
        << encode(filled(size, QImage::Format_ARGB32, QColor(200, 100, 50, 0)), "png") << QByteArray("png")
        << size << QPoint(2, 2) << orange << 0;
    QTest::newRow("png rgba, alpha 128")
        << encode(filled(size, QImage::Format_ARGB32, QColor(200, 100, 50, 128)), "png") << QByteArray("png")
        << size << QPoint(2, 2) << orange << 0;

    // Qt writes these as 16-bit PNGs (bit depth 16 in IHDR); 51400 = 200 × 257 and so on.
    QImage rgba64(size, QImage::Format_RGBA64);
    rgba64.fill(QColor::fromRgba64(51400, 25700, 12850, 0));
    const QByteArray png16 = encode(rgba64, "png");
    QCOMPARE(png16.at(24), char(16));
    QTest::newRow("png 16-bit rgba, alpha 0")
        << png16 << QByteArray("png") << size << QPoint(4, 4) << orange << 0;
    QImage grey16(size, QImage::Format_Grayscale16);
    grey16.fill(QColor::fromRgba64(0x8080, 0x8080, 0x8080));
    QTest::newRow("png 16-bit greyscale")
        << encode(grey16, "png") << QByteArray("png") << size << QPoint(4, 4) << QColor(128, 128, 128) << 0;
}

void TestImageDecoder::decodesAndConvertsToRgb()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, format);
    QFETCH(QSize, size);
    QFETCH(QPoint, probe);
    QFETCH(QColor, expected);
    QFETCH(int, tolerance);

    const Expected<DecodedImage> result = ImageDecoder::decode(bytes);
    QVERIFY2(result.hasValue(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->format, format);
    QVERIFY(ImageDecoder::isRgb(result->image.format()));
    QCOMPARE(result->image.size(), size);
    QCOMPARE(result->originalSize, size);
    const QRgb pixel = result->image.pixel(probe);
    QVERIFY2(closeTo(pixel, expected, tolerance), qPrintable(describe(pixel)));
}

void TestImageDecoder::dropsAlphaWithoutCompositing_data()
{
    QTest::addColumn<QImage>("input");
    QTest::addColumn<QColor>("expected");
    QTest::addColumn<int>("tolerance");

    const QSize size(3, 2);
    const QColor orange(200, 100, 50);
    const QColor invisibleOrange(200, 100, 50, 0);

    QTest::newRow("ARGB32, alpha 0") << filled(size, QImage::Format_ARGB32, invisibleOrange) << orange << 0;
    QTest::newRow("RGBA8888, alpha 0")
        << filled(size, QImage::Format_RGBA8888, invisibleOrange) << orange << 0;
    QTest::newRow("RGBA64, alpha 0") << filled(size, QImage::Format_RGBA64, invisibleOrange) << orange << 0;
    QTest::newRow("A2BGR30 premultiplied, alpha 2/3")
        << filled(size, QImage::Format_A2BGR30_Premultiplied, QColor(200, 100, 50, 170)) << orange << 2;
    // Premultiplied storage holds (100, 50, 25) for alpha 128; PIL's straight colour is twice that.
    QTest::newRow("ARGB32 premultiplied, alpha 128")
        << filled(size, QImage::Format_ARGB32_Premultiplied, QColor(200, 100, 50, 128)) << orange << 2;
    QTest::newRow("RGBA8888 premultiplied, alpha 128")
        << filled(size, QImage::Format_RGBA8888_Premultiplied, QColor(200, 100, 50, 128)) << orange << 2;
    QTest::newRow("RGBA64 premultiplied, alpha 128")
        << filled(size, QImage::Format_RGBA64_Premultiplied, QColor(200, 100, 50, 128)) << orange << 2;
    QTest::newRow("RGB32") << filled(size, QImage::Format_RGB32, orange) << orange << 0;
    QTest::newRow("Grayscale8") << filled(size, QImage::Format_Grayscale8, QColor(9, 9, 9)) << QColor(9, 9, 9)
                                << 0;
    QTest::newRow("Grayscale16") << filled(size, QImage::Format_Grayscale16, QColor(250, 250, 250))
                                 << QColor(250, 250, 250) << 0;
    QImage indexed(size, QImage::Format_Indexed8);
    indexed.setColorTable({qRgba(200, 100, 50, 0)});
    indexed.fill(0);
    QTest::newRow("Indexed8, transparent entry") << indexed << orange << 0;
}

void TestImageDecoder::dropsAlphaWithoutCompositing()
{
    QFETCH(QImage, input);
    QFETCH(QColor, expected);
    QFETCH(int, tolerance);

    const QImage rgb = ImageDecoder::toRgb888(input);
    QCOMPARE(rgb.format(), QImage::Format_RGB888);
    QCOMPARE(rgb.size(), input.size());
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x)
            QVERIFY2(closeTo(rgb.pixel(x, y), expected, tolerance), qPrintable(describe(rgb.pixel(x, y))));
    }
}

void TestImageDecoder::appliesExifOrientation_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QSize>("shownSize");
    QTest::addColumn<QPoint>("redCorner");
    QTest::addColumn<QPoint>("blueCorner");

    // The stored image is 48 × 24 with a red block in its top-left corner.
    QTest::newRow("1: as stored") << 1 << QSize(48, 24) << QPoint(2, 2) << QPoint(45, 21);
    QTest::newRow("3: rotate 180°") << 3 << QSize(48, 24) << QPoint(45, 21) << QPoint(2, 2);
    QTest::newRow("6: rotate 90° clockwise") << 6 << QSize(24, 48) << QPoint(21, 2) << QPoint(2, 45);
    QTest::newRow("8: rotate 90° counter-clockwise") << 8 << QSize(24, 48) << QPoint(2, 45) << QPoint(21, 2);
}

void TestImageDecoder::appliesExifOrientation()
{
    QFETCH(int, orientation);
    QFETCH(QSize, shownSize);
    QFETCH(QPoint, redCorner);
    QFETCH(QPoint, blueCorner);

    QImage stored = filled(QSize(48, 24), QImage::Format_RGB32, Qt::blue);
    {
        QPainter painter(&stored);
        painter.fillRect(0, 0, 16, 16, Qt::red);
    }
    const QByteArray jpeg = withExifOrientation(encode(stored, "jpeg", 95), quint16(orientation));

    const Expected<DecodedImage> result = ImageDecoder::decode(jpeg);
    QVERIFY2(result.hasValue(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->image.size(), shownSize);
    QCOMPARE(result->originalSize, QSize(48, 24));
    const QRgb red = result->image.pixel(redCorner);
    const QRgb blue = result->image.pixel(blueCorner);
    QVERIFY2(closeTo(red, Qt::red, 24), qPrintable(describe(red)));
    QVERIFY2(closeTo(blue, Qt::blue, 24), qPrintable(describe(blue)));
}

// Colour JPEGs are decoded by JpegDecoder (libjpeg-turbo straight to RGB32), the rest by Qt's
// plugin. Whichever path a JPEG takes, the pixels must be exactly what Qt's plugin makes, with
// its EXIF orientation applied the same way.
void TestImageDecoder::jpegFastPathEqualsQt_data()
{
    QTest::addColumn<QByteArray>("jpeg");
    QTest::addColumn<bool>("fastPath"); // JpegDecoder decodes it (else Qt does)

    const QImage photo = photoLikeImage(161, 97, 7); // not a multiple of the 16-pixel MCU
    QTest::newRow("baseline 4:2:0") << encode(photo, "jpeg", 90) << true;
    QTest::newRow("quality 100") << encode(photo, "jpeg", 100) << true;
    QTest::newRow("progressive") << encode(photo, "jpeg", 85, true) << true;
    QTest::newRow("1 x 1") << encode(photoLikeImage(1, 1, 8), "jpeg", 90) << true;
    QTest::newRow("1 pixel tall strip") << encode(photoLikeImage(300, 1, 9), "jpeg", 90) << true;
    QTest::newRow("grey") << encode(photo.convertToFormat(QImage::Format_Grayscale8), "jpeg", 90) << true;
    QTest::newRow("CMYK (decoded by Qt)") << cmykJpeg(photo) << false;
    for (int orientation = 1; orientation <= 8; ++orientation)
        QTest::addRow("EXIF orientation %d", orientation) << withExifOrientation(encode(photo, "jpeg", 90),
                                                                               quint16(orientation))
                                                         << true;
    // Damage inside the entropy-coded data: libjpeg warns and goes on; both paths must agree.
    QByteArray damaged = encode(photo, "jpeg", 90);
    for (qsizetype i = damaged.size() / 2; i < damaged.size() / 2 + 40; i += 7)
        damaged[i] = char(damaged[i] ^ 0x5A);
    QTest::newRow("damaged scan data") << damaged << true;
}

void TestImageDecoder::jpegFastPathEqualsQt()
{
    QFETCH(QByteArray, jpeg);
    QFETCH(bool, fastPath);
    const QtMessageHandler previousHandler = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                                                       const QString &) {});
    const auto restore = qScopeGuard([previousHandler] { qInstallMessageHandler(previousHandler); });

    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    QImage qt;
    const bool qtDecoded = reader.read(&qt);
    QCOMPARE(JpegDecoder::decodeRgb32(jpeg, stored).hasValue(), fastPath);

    const Expected<DecodedImage> ours = ImageDecoder::decode(jpeg);
    QCOMPARE(ours.hasValue(), qtDecoded);
    if (!qtDecoded)
        return;
    const QImage a = ours->image.convertToFormat(QImage::Format_RGB32);
    const QImage b = qt.convertToFormat(QImage::Format_RGB32);
    QCOMPARE(a.size(), b.size());
    for (int y = 0; y < a.height(); ++y) {
        if (std::memcmp(a.constScanLine(y), b.constScanLine(y), size_t(4 * a.width())) != 0)
            QFAIL(qPrintable(QStringLiteral("row %1 differs from Qt's decoding").arg(y)));
    }
}

// JpegDecoder is a fast path that ImageDecoder falls back from: what it cannot or should not
// decode comes back as an error, never as a crash or a wrong-sized image.
void TestImageDecoder::jpegDecoderRefuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QSize>("expectedSize");
    QTest::addColumn<ErrorCode>("code");

    const QByteArray jpeg = encode(photoLikeImage(64, 48, 10), "jpeg", 90);
    QTest::newRow("another size than expected") << jpeg << QSize(48, 64) << ErrorCode::Decode;
    QTest::newRow("no size") << jpeg << QSize() << ErrorCode::Decode;
    QTest::newRow("CMYK") << cmykJpeg(photoLikeImage(64, 48, 10)) << QSize(64, 48) << ErrorCode::Decode;
    QTest::newRow("random bytes") << randomBytes(4096, 11) << QSize(64, 48) << ErrorCode::Decode;
    QTest::newRow("empty") << QByteArray() << QSize(64, 48) << ErrorCode::Decode;
    QTest::newRow("start of image only") << QByteArray("\xFF\xD8", 2) << QSize(64, 48) << ErrorCode::Decode;
    QTest::newRow("cut inside the header") << jpeg.left(100) << QSize(64, 48) << ErrorCode::Decode;
    QByteArray badTable = jpeg;
    const qsizetype dqt = badTable.indexOf(QByteArray("\xFF\xDB", 2));
    QVERIFY(dqt > 0);
    badTable[dqt + 4] = char(0x47); // table precision 4, id 7: both invalid
    QTest::newRow("invalid quantisation table") << badTable << QSize(64, 48) << ErrorCode::Decode;
    QTest::newRow("too large for memory") << jpeg << QSize(1 << 30, 1 << 30) << ErrorCode::TooLarge;
}

void TestImageDecoder::jpegDecoderRefuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QSize, expectedSize);
    QFETCH(ErrorCode, code);
    const auto result = JpegDecoder::decodeRgb32(bytes, expectedSize);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
}

void TestImageDecoder::decodesFiles_data()
{
    QTest::addColumn<QString>("fileName"); // empty: a path that does not exist
    QTest::addColumn<bool>("isDirectory");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QByteArray>("format"); // empty: an error is expected
    QTest::addColumn<ErrorCode>("code");

    const qint64 defaultMax = DecodeLimits{}.maxBytes;
    const auto none = ErrorCode::Internal; // unused when decoding succeeds

    QTest::newRow("png named .jpg") << QStringLiteral("photo.jpg") << false << m_png << defaultMax
                                    << QByteArray("png") << none;
    QTest::newRow("jpeg named .png") << QStringLiteral("photo.png") << false << m_jpeg << defaultMax
                                     << QByteArray("jpeg") << none;
    QTest::newRow("jpeg without a suffix")
        << QStringLiteral("photo") << false << m_jpeg << defaultMax << QByteArray("jpeg") << none;
    QTest::newRow("unicode name") << QStringLiteral("Ünïcødé café 🐱.png") << false << m_png << defaultMax
                                  << QByteArray("png") << none;
    QTest::newRow("text named .jpg") << QStringLiteral("text.jpg") << false
                                     << QByteArray("definitely not a jpeg\n") << defaultMax << QByteArray()
                                     << ErrorCode::NotAnImage;
    QTest::newRow("empty file named .jpg") << QStringLiteral("empty.jpg") << false << QByteArray()
                                           << defaultMax << QByteArray() << ErrorCode::NotAnImage;
    QTest::newRow("truncated jpeg") << QStringLiteral("cut.jpg") << false << cut(m_jpeg, 0.5) << defaultMax
                                    << QByteArray() << ErrorCode::Decode;
    QTest::newRow("over maxBytes on disk") << QStringLiteral("big.png") << false << m_png
                                           << qint64(m_png.size() - 1) << QByteArray() << ErrorCode::TooLarge;
    QTest::newRow("missing file") << QString() << false << QByteArray() << defaultMax << QByteArray()
                                  << ErrorCode::NotFound;
    QTest::newRow("directory") << QStringLiteral("a-directory.jpg") << true << QByteArray() << defaultMax
                               << QByteArray() << ErrorCode::Io;
}

void TestImageDecoder::decodesFiles()
{
    QFETCH(QString, fileName);
    QFETCH(bool, isDirectory);
    QFETCH(QByteArray, contents);
    QFETCH(qint64, maxBytes);
    QFETCH(QByteArray, format);
    QFETCH(ErrorCode, code);

    const QString path = m_dir.filePath(fileName.isEmpty() ? QStringLiteral("does-not-exist.jpg") : fileName);
    if (isDirectory)
        QVERIFY(QDir().mkpath(path));
    else if (!fileName.isEmpty())
        QVERIFY(writeFile(path, contents));

    DecodeLimits limits;
    limits.maxBytes = maxBytes;
    const Expected<DecodedImage> result = ImageDecoder::decodeFile(path, limits);
    if (!format.isEmpty()) {
        QVERIFY2(result.hasValue(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->format, format);
        QVERIFY(ImageDecoder::isRgb(result->image.format()));
        QCOMPARE(result->image.size(), format == "png" ? QSize(100, 80) : QSize(160, 120));
    } else {
        QVERIFY(!result);
        QCOMPARE(taglens::engine::errorCodeName(result.error().code), taglens::engine::errorCodeName(code));
        QVERIFY(!result.error().message.isEmpty());
        if (!fileName.isEmpty()) // the message names the file, so people know which one
            QVERIFY2(result.error().message.contains(fileName), qPrintable(result.error().message));
    }
}

void TestImageDecoder::reportsUnreadableFile()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.png"));
    QVERIFY(writeFile(path, m_png));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    QFile probe(path);
    if (probe.open(QIODevice::ReadOnly))
        QSKIP("Permissions do not stop this user (root?) from reading the file");

    const Expected<DecodedImage> result = ImageDecoder::decodeFile(path);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY(result.error().message.contains(QStringLiteral("locked.png")));
}

void TestImageDecoder::reportsReadErrors()
{
    // A regular file that opens but fails to read (EIO at offset 0), even for root.
    const QString path = QStringLiteral("/proc/self/mem");
    if (!QFileInfo(path).isFile())
        QSKIP("Needs Linux's /proc/self/mem");

    const Expected<DecodedImage> result = ImageDecoder::decodeFile(path);
    QVERIFY(!result);
    QCOMPARE(taglens::engine::errorCodeName(result.error().code),
             taglens::engine::errorCodeName(ErrorCode::Io));
    QVERIFY(result.error().message.contains(path));
}

void TestImageDecoder::decodesRealPhotos_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QPoint>("probe");
    QTest::addColumn<QColor>("expected");
    QTest::addColumn<int>("tolerance");

    // Reference pixels from ImageMagick (`convert FILE -alpha off -format '%[pixel:p{x,y}]' info:`),
    // which, like PIL, drops alpha without compositing. For JPEG it, PIL and Qt all run libjpeg
    // with the accurate integer IDCT and fancy upsampling, so pixels match exactly.
    QTest::newRow("chelsea.png") << QStringLiteral("chelsea.png") << QByteArray("png") << QSize(451, 300)
                                 << QPoint(200, 150) << QColor(125, 64, 35) << 0;
    QTest::newRow("coffee.png") << QStringLiteral("coffee.png") << QByteArray("png") << QSize(600, 400)
                                << QPoint(300, 200) << QColor(248, 250, 255) << 0;
    QTest::newRow("astronaut.png") << QStringLiteral("astronaut.png") << QByteArray("png") << QSize(512, 512)
                                   << QPoint(100, 400) << QColor(198, 78, 42) << 0;
    QTest::newRow("camera.png (greyscale)") << QStringLiteral("camera.png") << QByteArray("png")
                                            << QSize(512, 512) << QPoint(256, 256) << QColor(14, 14, 14) << 0;
    QTest::newRow("palette_color.png") << QStringLiteral("palette_color.png") << QByteArray("png")
                                       << QSize(10, 10) << QPoint(3, 7) << QColor(102, 153, 51) << 0;
    QTest::newRow("foo3x5x4indexed.png (transparent palette entry)")
        << QStringLiteral("foo3x5x4indexed.png") << QByteArray("png") << QSize(5, 3) << QPoint(0, 1)
        << QColor(192, 192, 255) << 0;
    QTest::newRow("hubble_deep_field.jpg") << QStringLiteral("hubble_deep_field.jpg") << QByteArray("jpeg")
                                           << QSize(1000, 872) << QPoint(500, 400) << QColor(14, 19, 15) << 0;
    QTest::newRow("rocket.jpg") << QStringLiteral("rocket.jpg") << QByteArray("jpeg") << QSize(640, 427)
                                << QPoint(320, 200) << QColor(125, 120, 101) << 0;
}

void TestImageDecoder::decodesRealPhotos()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, format);
    QFETCH(QSize, size);
    QFETCH(QPoint, probe);
    QFETCH(QColor, expected);
    QFETCH(int, tolerance);

    const QString dir = taglens::tests::skimageDataDir();
    if (dir.isEmpty())
        QSKIP("python3-skimage's sample photos are not installed");

    const Expected<DecodedImage> result = ImageDecoder::decodeFile(dir + QLatin1Char('/') + fileName);
    QVERIFY2(result.hasValue(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result->format, format);
    QVERIFY(ImageDecoder::isRgb(result->image.format()));
    QCOMPARE(result->image.size(), size);
    QCOMPARE(result->originalSize, size);
    const QRgb pixel = result->image.pixel(probe);
    QVERIFY2(closeTo(pixel, expected, tolerance), qPrintable(describe(pixel)));
}

void TestImageDecoder::refusesRealTruncatedJpeg()
{
    const QString dir = taglens::tests::skimageDataDir();
    if (dir.isEmpty())
        QSKIP("python3-skimage's sample photos are not installed");

    const Expected<DecodedImage> result = ImageDecoder::decodeFile(dir + QStringLiteral("/truncated.jpg"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Decode);
    QVERIFY(result.error().message.contains(QStringLiteral("truncated.jpg")));
}

void TestImageDecoder::sniffsFormatFromContent_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("format");

    QTest::newRow("png") << m_png.left(64) << QByteArray("png");
    QTest::newRow("jpeg") << m_jpeg.left(64) << QByteArray("jpeg");
    QTest::newRow("bmp") << encode(photoLikeImage(8, 8, 5), "bmp").left(64) << QByteArray("bmp");
    QTest::newRow("gif") << QByteArray("GIF89a\x0a\x00\x0a\x00\x80\x00\x00", 13) << QByteArray("gif");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("random bytes") << randomBytes(64, 7) << QByteArray();
    QTest::newRow("text") << QByteArray("GIF is a format, this is text") << QByteArray();
    QTest::newRow("svg, which is not a photo")
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>") << QByteArray();
}

void TestImageDecoder::sniffsFormatFromContent()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, format);
    QCOMPARE(ImageDecoder::sniffFormat(head), format);
}

void TestImageDecoder::survivesMutations_data()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<quint32>("seed");

    QTest::newRow("png") << encode(photoLikeImage(64, 48, 10), "png") << quint32(1001);
    QTest::newRow("jpeg") << encode(photoLikeImage(64, 48, 11), "jpeg", 85) << quint32(1002);
    QTest::newRow("progressive jpeg")
        << encode(photoLikeImage(64, 48, 12), "jpeg", 85, true) << quint32(1003);
    QTest::newRow("bmp") << encode(photoLikeImage(32, 24, 13), "bmp") << quint32(1004);
    QImage palette = photoLikeImage(64, 48, 14).convertToFormat(QImage::Format_Indexed8);
    QTest::newRow("png palette") << encode(palette, "png") << quint32(1005);
    const QString gif = taglens::tests::skimageDataDir() + QStringLiteral("/no_time_for_that_tiny.gif");
    QFile gifFile(gif);
    if (gifFile.open(QIODevice::ReadOnly))
        QTest::newRow("gif") << gifFile.readAll() << quint32(1006);
}

void TestImageDecoder::survivesMutations()
{
    QFETCH(QByteArray, original);
    QFETCH(quint32, seed);

    // libjpeg, libpng, QBuffer and the decoder itself comment on every broken input; thousands
    // of those lines would drown the test log. Failures are reported by QTest, not as messages.
    const QtMessageHandler previousHandler =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    const auto restoreHandler = qScopeGuard([previousHandler] { qInstallMessageHandler(previousHandler); });
    const auto restoreStderr = silenceStderr();

    const DecodeLimits limits;
    QRandomGenerator rng(seed);
    int decoded = 0;
    int refused = 0;
    const bool isPng = original.startsWith("\x89PNG");
    for (int i = 0; i < 2000; ++i) {
        QByteArray mutated = mutate(original, rng);
        if (isPng && rng.bounded(2) == 0)
            mutated = withPngCrcsFixed(mutated);
        const Expected<DecodedImage> result = ImageDecoder::decode(mutated, limits);
        result ? ++decoded : ++refused;
        const QString problem = problemWith(result, limits);
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("mutation %1: %2").arg(i).arg(problem)));
    }
    // Both outcomes occur, or the mutations are not exercising anything.
    QVERIFY(decoded > 0);
    QVERIFY(refused > 0);
}

void TestImageDecoder::decodesConcurrently()
{
    // The decoder runs on a QThreadPool; many at once must give what one alone gives.
    const QByteArray png = encode(photoLikeImage(200, 150, 20), "png");
    const Expected<DecodedImage> pngAlone = ImageDecoder::decode(png);
    const Expected<DecodedImage> jpegAlone = ImageDecoder::decode(m_jpeg);
    QVERIFY(pngAlone && jpegAlone);

    QList<QByteArray> inputs;
    for (int i = 0; i < 64; ++i)
        inputs << (i % 2 ? png : m_jpeg);
    QThreadPool pool;
    pool.setMaxThreadCount(8);
    const QList<QImage> images =
        QtConcurrent::blockingMapped<QList<QImage>>(&pool, inputs, [](const QByteArray &bytes) {
            const Expected<DecodedImage> result = ImageDecoder::decode(bytes);
            return result ? result->image : QImage();
        });
    QCOMPARE(images.size(), inputs.size());
    for (qsizetype i = 0; i < images.size(); ++i)
        QCOMPARE(images.at(i), i % 2 ? pngAlone->image : jpegAlone->image);
}

void TestImageDecoder::raisesQtAllocationLimit()
{
    // Qt's default (128 MB) would refuse photos DecodeLimits accepts.
    QVERIFY(ImageDecoder::decode(m_png));
    QCOMPARE(QImageReader::allocationLimit(), 1024);
}

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
