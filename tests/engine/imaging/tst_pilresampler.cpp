// SPDX-License-Identifier: GPL-3.0-or-later
// PilResampler against bytes that Pillow 9 itself produced with Image.resize(size, BILINEAR) on the
// same synthetic images (generated once with Debian's python3-pil; the recipe is in make()).
// The photo-level comparison with torchvision runs in tests/equivalence.
#include "engine/imaging/pilresampler.h"

#include <QTest>

using taglens::engine::PilResampler;

namespace {

/// pixel (x, y) = ((37x + 11y) % 256, (5x + 53y) % 256, (7xy + 13) % 256), as in the Pillow script.
QImage make(int w, int h, QImage::Format format = QImage::Format_RGB888)
{
    QImage image(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            line[3 * x] = uchar((x * 37 + y * 11) % 256);
            line[3 * x + 1] = uchar((x * 5 + y * 53) % 256);
            line[3 * x + 2] = uchar((x * y * 7 + 13) % 256);
        }
    }
    return format == QImage::Format_RGB888 ? image : image.convertToFormat(format);
}

/// Adds the row \a name twice, once for each layout PilResampler reads in place: RGB888, and
/// RGB32 (how Qt decodes colour JPEGs). What is streamed into the result goes into both rows.
struct RowPair
{
    QTestData &rgb888;
    QTestData &rgb32;
    template <typename T>
    RowPair &operator<<(const T &value)
    {
        rgb888 << value;
        rgb32 << value;
        return *this;
    }
};

RowPair addRows(const char *name)
{
    QTestData &a = QTest::addRow("%s (RGB888)", name) << int(QImage::Format_RGB888);
    QTestData &b = QTest::addRow("%s (RGB32)", name) << int(QImage::Format_RGB32);
    return RowPair{a, b};
}

/// Random bytes (a fixed seed): neighbouring pixels differ, so a tap read from the wrong pixel or
/// channel changes the result.
QImage noise(int w, int h, QImage::Format format)
{
    QImage image(w, h, QImage::Format_RGB888);
    quint32 state = 0x9e3779b9u ^ quint32(w * 7919 + h);
    for (int y = 0; y < h; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < 3 * w; ++x) {
            state = state * 1664525u + 1013904223u;
            line[x] = uchar(state >> 24);
        }
    }
    return image.convertToFormat(format);
}

/// Runs the resizer with the portable kernels while it lives.
struct PortableKernels
{
    PortableKernels() { PilResampler::useKernels(PilResampler::Kernels::Portable); }
    ~PortableKernels() { PilResampler::useKernels(PilResampler::Kernels::Fastest); }
};

QByteArray bytes(const QImage &image)
{
    QByteArray out;
    for (int y = 0; y < image.height(); ++y)
        out.append(reinterpret_cast<const char *>(image.constScanLine(y)), 3 * image.width());
    return out;
}

} // namespace

class TestPilResampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesPillow_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QSize>("from");
        QTest::addColumn<QSize>("to");
        QTest::addColumn<QByteArray>("pillow");
        addRows("downscale both") << QSize(7, 5) << QSize(3, 2)
                                        << QByteArray::fromHex("2b39137a4422c94f3141a31f90ae4cc2b979");
        addRows("upscale both") << QSize(4, 3) << QSize(11, 9)
                                      << QByteArray::fromHex(
                                             "00000d02000d0f020d1d040d2a060d38080d45090d520b0d600d0d6d0f0d6f0f0d00000d02000d0f020d1d040d2a"
                                             "060d38080d45090d520b0d600d0d6d0f0d6f0f0d04120d06120d13140e21160f2e18103c1a11491b11561d1264"
                                             "1f1371211473211407230d09230d16250f2427103129123f2b144c2c16592e1867301974321b76321b0b350d0d"
                                             "350d1a3710283912353b15433d18503e1a5d401d6b421f7844227a44220f470d11470d1e49112c4b14394d1847"
                                             "4f1b54501e6152226f54257c56297e562912580d14580e215a122f5c163c5e1a4a601f57612364632772652b7f"
                                             "672f816730166a0d186a0e256c13336e1840701d4e72225b732768752c767731837936857937166a0d186a0e25"
                                             "6c13336e1840701d4e72225b732768752c767731837936857937");
        addRows("vertical only") << QSize(13, 6) << QSize(13, 4)
                                       << QByteArray::fromHex(
                                              "04140d2919104e1e12732315982818bd2d1ae2321d07371f2c3c225141257646279b4b2ac0502d145e0d39631"
                                              "95e6826836d32a8723fcd774bf27c581781643c8671618b7d869089ab9596d09a8623ab0d48b0246db53a92b"
                                              "a51b7bf67dcc47eacc99426ceab4bd3c1708283958799ba8cb0df913833550d585a2d7d5f4ea2646ec7698fe"
                                              "c6eaf1173cf3678505b7d70802230a52751ca2c71ef3192");
        addRows("horizontal only") << QSize(9, 9) << QSize(5, 9)
                                         << QByteArray::fromHex(
                                                "15030d4f0b0d94140da91d0d25250d2038115a401c9f4929b45236305a412b6d1565752baa7e45bf875f3b8"
                                                "f7536a21970aa3ab5b361cabc8846c4a941d71d7bdf49c0e87d55f1b23ff9dd4c0c21861457cb1d996026ab"
                                                "4a2e23574125914966d652b56b5b545563456276299c7e75a5879526902d6098796dab2da7b384b0bcb131c"
                                                "5566bcdad");
    }

    void matchesPillow()
    {
        QFETCH(QSize, from);
        QFETCH(QSize, to);
        QFETCH(QByteArray, pillow);
        QFETCH(int, format);
        const QImage in = make(from.width(), from.height(), QImage::Format(format));
        const QImage out = PilResampler::resizeBilinear(in, to);
        QCOMPARE(out.size(), to);
        QCOMPARE(out.format(), QImage::Format_RGB888);
        QCOMPARE(bytes(out).toHex(), pillow.toHex());
        // The portable kernels too, when the fastest ones are vectorised.
        PortableKernels portable;
        QCOMPARE(bytes(PilResampler::resizeBilinear(in, to)).toHex(), pillow.toHex());
    }

    // The vectorised kernels against the portable ones (themselves checked against Pillow): output
    // widths of every remainder modulo 4, odd and even tap counts, windows that end at the last
    // pixel of a row, upscales, and photo sizes.
    void vectorisedEqualsPortable_data()
    {
        QTest::addColumn<QSize>("from");
        QTest::addColumn<QSize>("to");
        QTest::addColumn<QRect>("region");
        QTest::newRow("photo 1080x718: Resize(342) + CenterCrop(299)") << QSize(1080, 718) << QSize(514, 342)
                                                                    << QRect(107, 21, 299, 299);
        QTest::newRow("photo 1080x1080") << QSize(1080, 1080) << QSize(342, 342) << QRect(21, 21, 299, 299);
        QTest::newRow("portrait 1080x1350") << QSize(1080, 1350) << QSize(342, 427) << QRect(21, 64, 299, 299);
        for (int cols = 1; cols <= 9; ++cols)
            QTest::addRow("whole, %d columns", cols) << QSize(4 * cols + 3, 11) << QSize(cols, 5) << QRect(0, 0, cols, 5);
        QTest::newRow("right edge only") << QSize(97, 40) << QSize(31, 13) << QRect(27, 0, 4, 13);
        QTest::newRow("left edge only") << QSize(97, 40) << QSize(31, 13) << QRect(0, 5, 3, 8);
        QTest::newRow("1 pixel wide source") << QSize(1, 40) << QSize(5, 13) << QRect(0, 0, 5, 13);
        QTest::newRow("upscale") << QSize(13, 7) << QSize(61, 29) << QRect(0, 0, 61, 29);
        QTest::newRow("scale 1.5 (even taps)") << QSize(300, 30) << QSize(200, 20) << QRect(0, 0, 200, 20);
        QTest::newRow("scale 3 (odd taps)") << QSize(300, 90) << QSize(100, 30) << QRect(0, 0, 100, 30);
        QTest::newRow("only rows change, row not a multiple of 16 bytes") << QSize(7, 90) << QSize(7, 31)
                                                                          << QRect(0, 0, 7, 31);
        QTest::newRow("only rows change, wide") << QSize(301, 90) << QSize(301, 31) << QRect(0, 0, 301, 31);
        QTest::newRow("only columns change") << QSize(301, 9) << QSize(77, 9) << QRect(0, 0, 77, 9);
        QTest::newRow("strong downscale") << QSize(4000, 60) << QSize(37, 3) << QRect(0, 0, 37, 3);
    }

    void vectorisedEqualsPortable()
    {
        if (!PilResampler::vectorised())
            QSKIP("This CPU has no vectorised kernels (AVX2): the portable ones are checked against Pillow above.");
        QFETCH(QSize, from);
        QFETCH(QSize, to);
        QFETCH(QRect, region);
        for (const QImage::Format format : {QImage::Format_RGB32, QImage::Format_RGB888}) {
            const QImage in = noise(from.width(), from.height(), format);
            const QImage fast = PilResampler::resizeBilinear(in, to, region);
            PortableKernels portable;
            const QImage plain = PilResampler::resizeBilinear(in, to, region);
            QCOMPARE(fast.size(), region.size());
            QCOMPARE(bytes(fast), bytes(plain));
        }
    }

    void sameSizeIsACopyAndEmptyIsEmpty()
    {
        const QImage in = make(6, 4);
        QCOMPARE(bytes(PilResampler::resizeBilinear(in, QSize(6, 4))), bytes(in));
        QVERIFY(PilResampler::resizeBilinear(in, QSize(0, 3)).isNull());
        QVERIFY(PilResampler::resizeBilinear(QImage(), QSize(3, 3)).isNull());
    }

    // Resampling only a region must give exactly the same bytes as cropping the full resize
    // (the full resize itself is checked against Pillow above).
    void regionEqualsCropOfFullResize_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QSize>("from");
        QTest::addColumn<QSize>("to");
        QTest::addColumn<QRect>("region");
        addRows("photo: Resize(342) + CenterCrop(299)") << QSize(1080, 718) << QSize(514, 342)
                                                              << QRect(108, 22, 299, 299);
        addRows("portrait crop") << QSize(300, 451) << QSize(40, 60) << QRect(3, 10, 34, 34);
        addRows("upscale") << QSize(17, 9) << QSize(40, 21) << QRect(5, 2, 30, 17);
        addRows("only rows change") << QSize(30, 90) << QSize(30, 40) << QRect(4, 7, 20, 20);
        addRows("only columns change") << QSize(90, 30) << QSize(40, 30) << QRect(7, 4, 20, 20);
        addRows("same size") << QSize(20, 20) << QSize(20, 20) << QRect(2, 3, 10, 11);
        addRows("whole") << QSize(64, 48) << QSize(31, 23) << QRect(0, 0, 31, 23);
        addRows("corner pixel") << QSize(64, 48) << QSize(31, 23) << QRect(30, 22, 1, 1);
        addRows("first pixel") << QSize(64, 48) << QSize(31, 23) << QRect(0, 0, 1, 1);
    }

    void regionEqualsCropOfFullResize()
    {
        QFETCH(QSize, from);
        QFETCH(QSize, to);
        QFETCH(QRect, region);
        QFETCH(int, format);
        const QImage in = make(from.width(), from.height(), QImage::Format(format));
        const QImage part = PilResampler::resizeBilinear(in, to, region);
        QCOMPARE(part.size(), region.size());
        QCOMPARE(part.format(), QImage::Format_RGB888);
        QCOMPARE(bytes(part), bytes(PilResampler::resizeBilinear(in, to).copy(region)));
        // Both source layouts give the same bytes.
        const QImage other = make(from.width(), from.height(), QImage::Format_RGB888);
        QCOMPARE(bytes(part), bytes(PilResampler::resizeBilinear(other, to, region)));
    }

    void regionOutsideIsRefused_data()
    {
        QTest::addColumn<QRect>("region");
        QTest::newRow("empty") << QRect();
        QTest::newRow("past the right edge") << QRect(25, 0, 10, 10);
        QTest::newRow("negative") << QRect(-1, 0, 10, 10);
        QTest::newRow("past the bottom") << QRect(0, 15, 5, 10);
    }

    void regionOutsideIsRefused()
    {
        QFETCH(QRect, region);
        QVERIFY(PilResampler::resizeBilinear(make(50, 40), QSize(30, 20), region).isNull());
    }
};

QTEST_GUILESS_MAIN(TestPilResampler)
#include "tst_pilresampler.moc"
