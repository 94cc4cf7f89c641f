// SPDX-License-Identifier: GPL-3.0-or-later
// PreparedMedia: what the project stores for one downloaded or local image (hash, size, the
// bytes or the path, the thumbnail), and the clear errors for what cannot be prepared.
#include "engine/core/sha256.h"
#include "engine/imaging/decodelimits.h"
#include "engine/pipeline/preparedmedia.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using engine::ErrorCode;
using engine::PreparedMedia;

namespace {

/// A photo-like test card: a red left half and a blue right half, a white band across the top
/// quarter, and a soft diagonal gradient everywhere, so a mirrored, flipped or badly averaged
/// thumbnail shows.
QImage testCard(QSize size, QImage::Format format)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int shade = 40 * (x + y) / qMax(1, size.width() + size.height());
            if (y < size.height() / 4)
                line[x] = qRgb(255 - shade, 255 - shade, 255 - shade);
            else if (x < size.width() / 2)
                line[x] = qRgb(220 - shade, 30 + shade, 30);
            else
                line[x] = qRgb(30, 30 + shade, 220 - shade);
        }
    }
    return image.convertToFormat(format);
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, 95);
    return bytes;
}

QImage decodedJpeg(const QByteArray &jpeg)
{
    QBuffer buffer;
    buffer.setData(jpeg);
    QImageReader reader(&buffer, "jpeg");
    return reader.read();
}

/// The mean of each channel over \a area of \a image.
std::array<double, 3> meanColour(const QImage &image, const QRect &area)
{
    std::array<double, 3> sum{};
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            sum[0] += qRed(p);
            sum[1] += qGreen(p);
            sum[2] += qBlue(p);
        }
    const double n = double(area.width()) * area.height();
    return {sum[0] / n, sum[1] / n, sum[2] / n};
}

/// The same part of both images (given as fractions of each), compared as mean colours.
void compareArea(const QImage &source, const QImage &thumb, const QRectF &fraction, double tolerance)
{
    const auto scaled = [&fraction](QSize s) {
        return QRect(int(fraction.left() * s.width()), int(fraction.top() * s.height()),
                     qMax(1, int(fraction.width() * s.width())), qMax(1, int(fraction.height() * s.height())));
    };
    const auto a = meanColour(source, scaled(source.size()));
    const auto b = meanColour(thumb, scaled(thumb.size()));
    for (int c = 0; c < 3; ++c) {
        if (std::abs(a[size_t(c)] - b[size_t(c)]) > tolerance)
            QFAIL(qPrintable(QStringLiteral("channel %1 over %2,%3 %4×%5: source %6, thumbnail %7")
                                 .arg(c)
                                 .arg(fraction.left())
                                 .arg(fraction.top())
                                 .arg(fraction.width())
                                 .arg(fraction.height())
                                 .arg(a[size_t(c)])
                                 .arg(b[size_t(c)])));
    }
}

} // namespace

class TestPreparedMedia : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void thumbnailSize_data()
    {
        QTest::addColumn<QSize>("image");
        QTest::addColumn<int>("box");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("landscape") << QSize(1080, 718) << 256 << QSize(256, 170);
        QTest::newRow("portrait") << QSize(718, 1080) << 256 << QSize(170, 256);
        QTest::newRow("square") << QSize(1080, 1080) << 256 << QSize(256, 256);
        QTest::newRow("fits already") << QSize(200, 100) << 256 << QSize(200, 100);
        QTest::newRow("exactly the box") << QSize(256, 256) << 256 << QSize(256, 256);
        QTest::newRow("one side over") << QSize(300, 20) << 256 << QSize(256, 17);
        QTest::newRow("wide strip keeps a row") << QSize(4000, 3) << 256 << QSize(256, 1);
        QTest::newRow("tall strip keeps a column") << QSize(3, 4000) << 256 << QSize(1, 256);
        QTest::newRow("1 pixel") << QSize(1, 1) << 256 << QSize(1, 1);
        QTest::newRow("empty") << QSize(0, 0) << 256 << QSize(0, 0);
        QTest::newRow("larger box") << QSize(4000, 3000) << 1024 << QSize(1024, 768);
    }

    void thumbnailSize()
    {
        QFETCH(QSize, image);
        QFETCH(int, box);
        QFETCH(QSize, expected);
        QCOMPARE(PreparedMedia::thumbnailSize(image, box), expected);
    }

    void thumbnailShowsTheImage_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("format");
        QTest::newRow("colour photo (RGB32, as JPEGs decode)") << QSize(1080, 718) << int(QImage::Format_RGB32);
        QTest::newRow("portrait") << QSize(718, 1080) << int(QImage::Format_RGB32);
        QTest::newRow("RGB888 (PNG)") << QSize(640, 480) << int(QImage::Format_RGB888);
        QTest::newRow("with alpha") << QSize(800, 600) << int(QImage::Format_ARGB32);
        QTest::newRow("premultiplied alpha") << QSize(800, 600) << int(QImage::Format_ARGB32_Premultiplied);
        QTest::newRow("grey") << QSize(900, 600) << int(QImage::Format_Grayscale8);
        QTest::newRow("palette") << QSize(500, 400) << int(QImage::Format_Indexed8);
        QTest::newRow("small: kept as it is") << QSize(120, 90) << int(QImage::Format_RGB32);
        QTest::newRow("large reduction") << QSize(4000, 3000) << int(QImage::Format_RGB32);
    }

    void thumbnailShowsTheImage()
    {
        QFETCH(QSize, size);
        QFETCH(int, format);
        const QImage source = testCard(size, QImage::Format(format));
        const QByteArray jpeg = PreparedMedia::thumbnailJpeg(source, 256);
        QVERIFY(jpeg.startsWith("\xFF\xD8"));
        const QImage thumb = decodedJpeg(jpeg);
        QVERIFY(!thumb.isNull());
        QCOMPARE(thumb.size(), PreparedMedia::thumbnailSize(size, 256));
        // JPEG at quality 85 and the averaging of the reduction move colours by a few levels at
        // most away from the edges; whole-image and per-region means must match.
        const QImage reference = source.convertToFormat(QImage::Format_RGB32);
        compareArea(reference, thumb, QRectF(0, 0, 1, 1), 4.0);
        compareArea(reference, thumb, QRectF(0.1, 0.4, 0.3, 0.5), 5.0);  // red, away from the edges
        compareArea(reference, thumb, QRectF(0.6, 0.4, 0.3, 0.5), 5.0);  // blue
        compareArea(reference, thumb, QRectF(0.1, 0.03, 0.8, 0.15), 5.0); // white band
    }

    void thumbnailOfStrips_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("wide") << QSize(4000, 3);
        QTest::newRow("tall") << QSize(3, 4000);
        QTest::newRow("1 pixel") << QSize(1, 1);
    }

    void thumbnailOfStrips()
    {
        QFETCH(QSize, size);
        QImage source(size, QImage::Format_RGB32);
        source.fill(qRgb(200, 120, 40));
        const QImage thumb = decodedJpeg(PreparedMedia::thumbnailJpeg(source, 256));
        QCOMPARE(thumb.size(), PreparedMedia::thumbnailSize(size, 256));
        compareArea(source, thumb, QRectF(0, 0, 1, 1), 4.0);
    }

    void thumbnailOfNothingIsEmpty() { QVERIFY(PreparedMedia::thumbnailJpeg(QImage(), 256).isEmpty()); }

    void makeFromDownload()
    {
        const QImage card = testCard(QSize(1080, 718), QImage::Format_RGB32);
        const QByteArray bytes = encoded(card, "JPEG");
        auto prepared = PreparedMedia::make(bytes, QString(), nullptr, 256);
        QVERIFY2(prepared, qPrintable(prepared ? QString() : prepared.error().message));
        QCOMPARE(prepared->record.sha256, engine::Sha256::hex(bytes));
        QCOMPARE(prepared->record.width, 1080);
        QCOMPARE(prepared->record.height, 718);
        QCOMPARE(prepared->record.byteSize, bytes.size());
        QCOMPARE(prepared->record.bytes, bytes); // downloads are kept: CDN links expire
        QVERIFY(prepared->record.path.isEmpty());
        QCOMPARE(decodedJpeg(prepared->record.thumbnail).size(), QSize(256, 170));
        QVERIFY(!prepared->input.isValid()); // no model given, nothing prepared for one
    }

    void makeFromLocalFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("local.png"));
        QVERIFY(testCard(QSize(300, 500), QImage::Format_RGB888).save(path, "PNG"));
        auto prepared = PreparedMedia::make(QByteArray(), path, nullptr, 128);
        QVERIFY2(prepared, qPrintable(prepared ? QString() : prepared.error().message));
        QVERIFY(prepared->record.bytes.isEmpty()); // local files are referenced, not copied
        QCOMPARE(prepared->record.path, QFileInfo(path).absoluteFilePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(prepared->record.sha256, engine::Sha256::hex(file.readAll()));
        QCOMPARE(decodedJpeg(prepared->record.thumbnail).size(), QSize(76, 128)); // 300 × 128 / 500, truncated as Qt does
    }

    void makeRefuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<int>("code");
        const QByteArray jpeg = encoded(testCard(QSize(64, 48), QImage::Format_RGB32), "JPEG");
        QTest::newRow("text") << QByteArray("<html>not an image</html>") << QString() << qint64(-1)
                              << int(ErrorCode::NotAnImage);
        QTest::newRow("truncated JPEG") << jpeg.left(jpeg.size() / 3) << QString() << qint64(-1) << int(ErrorCode::Decode);
        QTest::newRow("missing file") << QByteArray() << QStringLiteral("gone.jpg") << qint64(-1) << int(ErrorCode::NotFound);
        QTest::newRow("file over the limit") << QByteArray() << QStringLiteral("huge.jpg")
                                             << engine::DecodeLimits().maxBytes + 1 << int(ErrorCode::TooLarge);
    }

    void makeRefuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, file);
        QFETCH(qint64, fileSize);
        QFETCH(int, code);
        QString path;
        if (!file.isEmpty()) {
            path = m_dir.filePath(file);
            if (fileSize >= 0) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
                QVERIFY(f.write("\xFF\xD8\xFF") == 3);
                QVERIFY(f.resize(fileSize)); // sparse: nothing that size is written
            }
        }
        auto prepared = PreparedMedia::make(bytes, path, nullptr, 256);
        QVERIFY(!prepared);
        QCOMPARE(int(prepared.error().code), code);
        QVERIFY(!prepared.error().message.isEmpty());
        if (!file.isEmpty())
            QVERIFY2(prepared.error().message.contains(file), qPrintable(prepared.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPreparedMedia)
#include "tst_preparedmedia.moc"
