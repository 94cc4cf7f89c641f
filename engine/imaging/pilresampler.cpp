// SPDX-License-Identifier: GPL-3.0-or-later
#include "pilresampler.h"

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

inline uchar clip8(qint64 v)
{
    const qint64 shifted = v >> kPrecisionBits;
    return uchar(std::clamp<qint64>(shifted, 0, 255));
}

QImage horizontal(const QImage &in, int outWidth)
{
    const Coefficients c = coefficients(in.width(), outWidth);
    QImage out(outWidth, in.height(), QImage::Format_RGB888);
    for (int y = 0; y < in.height(); ++y) {
        const uchar *src = in.constScanLine(y);
        uchar *dst = out.scanLine(y);
        for (int xx = 0; xx < outWidth; ++xx) {
            const qint32 *k = &c.weights[size_t(xx) * size_t(c.size)];
            const uchar *p = src + 3 * c.first[size_t(xx)];
            qint64 r = 1 << (kPrecisionBits - 1), g = r, b = r;
            for (int x = 0; x < c.count[size_t(xx)]; ++x) {
                r += qint64(p[3 * x]) * k[x];
                g += qint64(p[3 * x + 1]) * k[x];
                b += qint64(p[3 * x + 2]) * k[x];
            }
            dst[3 * xx] = clip8(r);
            dst[3 * xx + 1] = clip8(g);
            dst[3 * xx + 2] = clip8(b);
        }
    }
    return out;
}

QImage vertical(const QImage &in, int outHeight)
{
    const Coefficients c = coefficients(in.height(), outHeight);
    const int width = in.width();
    QImage out(width, outHeight, QImage::Format_RGB888);
    std::vector<qint64> acc(size_t(3) * size_t(width));
    for (int yy = 0; yy < outHeight; ++yy) {
        std::fill(acc.begin(), acc.end(), qint64(1) << (kPrecisionBits - 1));
        const qint32 *k = &c.weights[size_t(yy) * size_t(c.size)];
        for (int y = 0; y < c.count[size_t(yy)]; ++y) {
            const uchar *src = in.constScanLine(c.first[size_t(yy)] + y);
            const qint64 w = k[y];
            for (int x = 0; x < 3 * width; ++x)
                acc[size_t(x)] += qint64(src[x]) * w;
        }
        uchar *dst = out.scanLine(yy);
        for (int x = 0; x < 3 * width; ++x)
            dst[x] = clip8(acc[size_t(x)]);
    }
    return out;
}

} // namespace

QImage PilResampler::resizeBilinear(const QImage &image, QSize size)
{
    if (image.isNull() || size.isEmpty())
        return {};
    QImage rgb = image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    if (rgb.size() == size)
        return rgb; // Pillow returns a copy without resampling
    // Like Pillow: the horizontal pass first, each pass only when that dimension changes.
    if (rgb.width() != size.width())
        rgb = horizontal(rgb, size.width());
    if (rgb.height() != size.height())
        rgb = vertical(rgb, size.height());
    return rgb;
}

} // namespace taglens::engine
