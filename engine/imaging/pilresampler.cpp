// SPDX-License-Identifier: GPL-3.0-or-later
#include "pilresampler.h"

#include "imagedecoder.h"

#include <QSysInfo>

#include <algorithm>
#include <cmath>
#include <vector>

namespace taglens::engine {

namespace {

// Pillow's Resample.c: coefficients are fixed point with 32 - 8 - 2 fractional bits.
constexpr int kPrecisionBits = 32 - 8 - 2;

struct Coefficients
{
    int size = 0;                // taps per output pixel (the widest window)
    std::vector<int> first;      // first input pixel of each output pixel
    std::vector<int> count;      // taps used by each output pixel
    std::vector<qint32> weights; // size taps per output pixel, fixed point
};

double triangle(double x)
{
    x = std::abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

/// precompute_coeffs() and normalize_coeffs_8bpc() of Pillow, for the bilinear filter.
Coefficients coefficients(int inSize, int outSize)
{
    const double scale = double(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = 1.0 * filterScale;
    Coefficients c;
    c.size = int(std::ceil(support)) * 2 + 1;
    c.first.resize(size_t(outSize));
    c.count.resize(size_t(outSize));
    c.weights.assign(size_t(outSize) * size_t(c.size), 0);
    std::vector<double> k(size_t(c.size));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        // Pillow truncates with a cast here (its values are non-negative after the max).
        const int xmin = std::max(int(center - support + 0.5), 0);
        const int xmax = std::min(int(center + support + 0.5), inSize) - xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            const double w = triangle((x + xmin - center + 0.5) * ss);
            k[size_t(x)] = w;
            ww += w;
        }
        for (int x = 0; x < xmax; ++x) {
            const double w = ww != 0.0 ? k[size_t(x)] / ww : 0.0;
            const double fixed = w * (1 << kPrecisionBits);
            c.weights[size_t(xx) * size_t(c.size) + size_t(x)] =
                qint32(w < 0 ? std::trunc(-0.5 + fixed) : std::trunc(0.5 + fixed));
        }
        c.first[size_t(xx)] = xmin;
        c.count[size_t(xx)] = xmax;
    }
    return c;
}

// Pillow accumulates in 32-bit ints: with non-negative weights summing to about 2^22 and 8-bit
// samples the sum stays below 255 * 2^22 + 2^21 < 2^31, so int32 is exact (and vectorises).
inline uchar clip8(qint32 v)
{
    return uchar(std::clamp<qint32>(v >> kPrecisionBits, 0, 255));
}

/// Where the red, green and blue bytes of a pixel are in a source image's scan lines.
struct SourceLayout
{
    int bytesPerPixel;
    int r;
    int g;
    int b;
};
constexpr SourceLayout kRgb888Layout{3, 0, 1, 2};
// Format_RGB32 stores each pixel as the 32-bit word 0xffRRGGBB.
constexpr SourceLayout kRgb32Layout =
    QSysInfo::ByteOrder == QSysInfo::LittleEndian ? SourceLayout{4, 2, 1, 0} : SourceLayout{4, 1, 2, 3};

/// The horizontal pass for input rows [firstRow, firstRow + rows) and output columns
/// [firstCol, firstCol + cols) of a resize to \a outWidth.
template <SourceLayout L>
QImage horizontal(const QImage &in, int outWidth, int firstCol, int cols, int firstRow, int rows)
{
    const Coefficients c = coefficients(in.width(), outWidth);
    QImage out(cols, rows, QImage::Format_RGB888);
    for (int y = 0; y < rows; ++y) {
        const uchar *src = in.constScanLine(firstRow + y);
        uchar *dst = out.scanLine(y);
        for (int i = 0; i < cols; ++i) {
            const size_t xx = size_t(firstCol + i);
            const qint32 *k = &c.weights[xx * size_t(c.size)];
            const uchar *p = src + L.bytesPerPixel * c.first[xx];
            qint32 r = 1 << (kPrecisionBits - 1), g = r, b = r;
            const int count = c.count[xx];
            for (int x = 0; x < count; ++x) {
                r += qint32(p[L.bytesPerPixel * x + L.r]) * k[x];
                g += qint32(p[L.bytesPerPixel * x + L.g]) * k[x];
                b += qint32(p[L.bytesPerPixel * x + L.b]) * k[x];
            }
            dst[3 * i] = clip8(r);
            dst[3 * i + 1] = clip8(g);
            dst[3 * i + 2] = clip8(b);
        }
    }
    return out;
}

/// horizontal() for an RGB888 or RGB32 image.
QImage horizontalPass(const QImage &in, int outWidth, int firstCol, int cols, int firstRow, int rows)
{
    if (in.format() == QImage::Format_RGB32)
        return horizontal<kRgb32Layout>(in, outWidth, firstCol, cols, firstRow, rows);
    return horizontal<kRgb888Layout>(in, outWidth, firstCol, cols, firstRow, rows);
}

/// The vertical pass for output rows [firstRow, firstRow + rows) of a resize to \a outHeight;
/// \a in holds input rows from \a inOffset on.
QImage vertical(const QImage &in, const Coefficients &c, int inOffset, int firstRow, int rows)
{
    const int width = in.width();
    QImage out(width, rows, QImage::Format_RGB888);
    std::vector<qint32> acc(size_t(3) * size_t(width));
    for (int i = 0; i < rows; ++i) {
        const size_t yy = size_t(firstRow + i);
        std::fill(acc.begin(), acc.end(), qint32(1) << (kPrecisionBits - 1));
        const qint32 *k = &c.weights[yy * size_t(c.size)];
        for (int y = 0; y < c.count[yy]; ++y) {
            const uchar *src = in.constScanLine(c.first[yy] + y - inOffset);
            const qint32 w = k[y];
            for (int x = 0; x < 3 * width; ++x)
                acc[size_t(x)] += qint32(src[x]) * w;
        }
        uchar *dst = out.scanLine(i);
        for (int x = 0; x < 3 * width; ++x)
            dst[x] = clip8(acc[size_t(x)]);
    }
    return out;
}

} // namespace

QImage PilResampler::resizeBilinear(const QImage &image, QSize size)
{
    return resizeBilinear(image, size, QRect(QPoint(0, 0), size));
}

QImage PilResampler::resizeBilinear(const QImage &image, QSize size, const QRect &region)
{
    if (image.isNull() || size.isEmpty() || region.isEmpty() || !QRect(QPoint(0, 0), size).contains(region))
        return {};
    // RGB32 (how Qt decodes colour JPEGs) is read in place by the horizontal pass; the rarer
    // paths without one, and every other format, work on RGB888.
    QImage rgb = image.format() == QImage::Format_RGB32 ? image : ImageDecoder::toRgb888(image);
    if (rgb.isNull())
        return {}; // out of memory
    if (rgb.size() == size)
        return ImageDecoder::toRgb888(rgb.copy(region)); // Pillow returns a copy without resampling
    // Like Pillow: the horizontal pass first, each pass only when that dimension changes. Every
    // output pixel depends only on its own taps, so computing just the region (and, for the
    // horizontal pass, just the input rows the region's vertical taps read) changes no value.
    const bool resizeRows = rgb.height() != size.height();
    if (!resizeRows) {
        if (rgb.width() == size.width())
            return ImageDecoder::toRgb888(rgb.copy(region));
        return horizontalPass(rgb, size.width(), region.left(), region.width(), region.top(), region.height());
    }
    const Coefficients rows = coefficients(rgb.height(), size.height());
    const int firstInput = rows.first[size_t(region.top())];
    int endInput = firstInput;
    for (int yy = region.top(); yy <= region.bottom(); ++yy)
        endInput = std::max(endInput, rows.first[size_t(yy)] + rows.count[size_t(yy)]);
    if (rgb.width() != size.width())
        rgb = horizontalPass(rgb, size.width(), region.left(), region.width(), firstInput, endInput - firstInput);
    else
        rgb = ImageDecoder::toRgb888(rgb.copy(region.left(), firstInput, region.width(), endInput - firstInput));
    return vertical(rgb, rows, firstInput, region.top(), region.height());
}

} // namespace taglens::engine
