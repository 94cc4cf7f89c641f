// SPDX-License-Identifier: GPL-3.0-or-later
#include "pilresampler.h"

#include "imagedecoder.h"

#include <QSysInfo>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#define TAGLENS_AVX2_KERNELS 1
#include <immintrin.h>
// Compiled for AVX2 and only called after the CPU was asked (the build targets plain x86-64).
#define TAGLENS_AVX2 __attribute__((target("avx2")))
#endif

// The kernels below index rows and taps in int, as Pillow's C code does: every index is bounded
// by DecodeLimits (at most 100 megapixels, far below 2^31), and the (x + 0.5) truncations are
// Pillow's own rounding, which tests/equivalence checks bit for bit against torchvision. Widening
// every product would change nothing but the noise, so these checks are off here.
// NOLINTBEGIN(bugprone-implicit-widening-of-multiplication-result)
// NOLINTBEGIN(bugprone-misplaced-widening-cast)
// NOLINTBEGIN(bugprone-incorrect-roundings)

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

#ifdef TAGLENS_AVX2_KERNELS

std::atomic<bool> g_portableOnly{false};

bool cpuHasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}

/// The weights of \a c with each one repeated 4 times: one per byte of an RGB32 pixel.
std::vector<qint32> weightsPerChannel(const Coefficients &c)
{
    std::vector<qint32> out(c.weights.size() * 4);
    for (size_t i = 0; i < c.weights.size(); ++i)
        std::fill_n(out.begin() + std::ptrdiff_t(4 * i), 4, c.weights[i]);
    return out;
}

/// The taps of one output pixel over an RGB32 row: two input pixels (8 lanes) per step. The sum
/// is split across the two 128-bit halves; integer addition makes the split exact.
TAGLENS_AVX2 inline __m256i taps32(const uchar *pixels, const qint32 *weights4, int count)
{
    __m256i acc = _mm256_setzero_si256();
    int x = 0;
    for (; x + 1 < count; x += 2) {
        const __m256i px =
            _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(pixels + 4 * x)));
        const __m256i w = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(weights4 + 4 * x));
        acc = _mm256_add_epi32(acc, _mm256_mullo_epi32(px, w));
    }
    if (x < count) { // the last tap alone: never read past the row
        qint32 one;
        std::memcpy(&one, pixels + 4 * x, 4);
        const __m128i px = _mm_cvtepu8_epi32(_mm_cvtsi32_si128(one));
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(weights4 + 4 * x));
        acc = _mm256_add_epi32(acc, _mm256_zextsi128_si256(_mm_mullo_epi32(px, w)));
    }
    return acc;
}

/// taps32() for output pixel \a xx of row \a src.
TAGLENS_AVX2 inline __m256i tapsOf(const uchar *src, const Coefficients &c,
                                   const std::vector<qint32> &weights4, int xx)
{
    return taps32(src + 4 * c.first[size_t(xx)], &weights4[size_t(xx) * size_t(c.size) * 4],
                  c.count[size_t(xx)]);
}

/// horizontal<kRgb32Layout>() with AVX2: four output pixels are finished together.
TAGLENS_AVX2 QImage horizontal32Avx2(const QImage &in, int outWidth, int firstCol, int cols, int firstRow,
                                     int rows)
{
    static_assert(kRgb32Layout.bytesPerPixel == 4 && QSysInfo::ByteOrder == QSysInfo::LittleEndian);
    const Coefficients c = coefficients(in.width(), outWidth);
    const std::vector<qint32> weights4 = weightsPerChannel(c);
    const __m256i round = _mm256_set1_epi32(1 << (kPrecisionBits - 1));
    // Four packed BGRX pixels → four RGB triplets in the low 12 bytes.
    const __m128i toRgb = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    QImage out(cols, rows, QImage::Format_RGB888);
    for (int y = 0; y < rows; ++y) {
        const uchar *src = in.constScanLine(firstRow + y);
        uchar *dst = out.scanLine(y);
        int i = 0;
        for (; i + 4 <= cols; i += 4) {
            const int xx = firstCol + i;
            const __m256i a = tapsOf(src, c, weights4, xx), b = tapsOf(src, c, weights4, xx + 1);
            const __m256i c2 = tapsOf(src, c, weights4, xx + 2), d = tapsOf(src, c, weights4, xx + 3);
            // [a | b] and [c | d], each half the full sum of one pixel, rounded and shifted.
            __m256i ab = _mm256_add_epi32(_mm256_permute2x128_si256(a, b, 0x20),
                                          _mm256_permute2x128_si256(a, b, 0x31));
            __m256i cd = _mm256_add_epi32(_mm256_permute2x128_si256(c2, d, 0x20),
                                          _mm256_permute2x128_si256(c2, d, 0x31));
            ab = _mm256_srai_epi32(_mm256_add_epi32(ab, round), kPrecisionBits);
            cd = _mm256_srai_epi32(_mm256_add_epi32(cd, round), kPrecisionBits);
            // Saturating packs clamp to 0..255 like clip8(): bytes [a c a c | b d b d].
            const __m256i bytes = _mm256_packus_epi16(_mm256_packs_epi32(ab, cd), _mm256_setzero_si256());
            const __m128i abcd =
                _mm_unpacklo_epi32(_mm256_castsi256_si128(bytes), _mm256_extracti128_si256(bytes, 1));
            const __m128i rgb = _mm_shuffle_epi8(abcd, toRgb);
            _mm_storel_epi64(reinterpret_cast<__m128i *>(dst + 3 * i), rgb);
            const qint32 last = _mm_extract_epi32(rgb, 2);
            std::memcpy(dst + 3 * i + 8, &last, 4);
        }
        for (; i < cols; ++i) {
            const __m256i a = tapsOf(src, c, weights4, firstCol + i);
            __m128i sum = _mm_add_epi32(_mm256_castsi256_si128(a), _mm256_extracti128_si256(a, 1));
            sum = _mm_srai_epi32(_mm_add_epi32(sum, _mm256_castsi256_si128(round)), kPrecisionBits);
            sum = _mm_packus_epi16(_mm_packs_epi32(sum, sum), sum);
            const quint32 bgrx = quint32(_mm_cvtsi128_si32(sum));
            dst[3 * i] = uchar(bgrx >> 16);
            dst[3 * i + 1] = uchar(bgrx >> 8);
            dst[3 * i + 2] = uchar(bgrx);
        }
    }
    return out;
}

/// vertical() with AVX2, 16 bytes of a row at a time (an RGB888 row is just bytes here).
TAGLENS_AVX2 QImage verticalAvx2(const QImage &in, const Coefficients &c, int inOffset, int firstRow,
                                 int rows)
{
    const int width = in.width();
    const int rowBytes = 3 * width;
    QImage out(width, rows, QImage::Format_RGB888);
    std::vector<const uchar *> src(size_t(c.size));
    const __m256i round = _mm256_set1_epi32(1 << (kPrecisionBits - 1));
    for (int i = 0; i < rows; ++i) {
        const size_t yy = size_t(firstRow + i);
        const qint32 *k = &c.weights[yy * size_t(c.size)];
        const int count = c.count[yy];
        for (int y = 0; y < count; ++y)
            src[size_t(y)] = in.constScanLine(c.first[yy] + y - inOffset);
        uchar *dst = out.scanLine(i);
        int x = 0;
        for (; x + 16 <= rowBytes; x += 16) {
            __m256i lo = round, hi = round;
            for (int y = 0; y < count; ++y) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(src[size_t(y)] + x));
                const __m256i w = _mm256_set1_epi32(k[y]);
                lo = _mm256_add_epi32(lo, _mm256_mullo_epi32(_mm256_cvtepu8_epi32(v), w));
                hi = _mm256_add_epi32(hi, _mm256_mullo_epi32(_mm256_cvtepu8_epi32(_mm_srli_si128(v, 8)), w));
            }
            lo = _mm256_srai_epi32(lo, kPrecisionBits);
            hi = _mm256_srai_epi32(hi, kPrecisionBits);
            // packs works within 128-bit halves: put the four 64-bit blocks back in order.
            const __m256i words = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
            const __m128i bytes =
                _mm_packus_epi16(_mm256_castsi256_si128(words), _mm256_extracti128_si256(words, 1));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(dst + x), bytes);
        }
        for (; x < rowBytes; ++x) {
            qint32 acc = 1 << (kPrecisionBits - 1);
            for (int y = 0; y < count; ++y)
                acc += qint32(src[size_t(y)][x]) * k[y];
            dst[x] = clip8(acc);
        }
    }
    return out;
}

bool useAvx2()
{
    return !g_portableOnly.load(std::memory_order_relaxed) && cpuHasAvx2();
}

#endif // TAGLENS_AVX2_KERNELS

/// horizontal() for an RGB888 or RGB32 image.
QImage horizontalPass(const QImage &in, int outWidth, int firstCol, int cols, int firstRow, int rows)
{
    if (in.format() == QImage::Format_RGB32) {
#ifdef TAGLENS_AVX2_KERNELS
        if (useAvx2())
            return horizontal32Avx2(in, outWidth, firstCol, cols, firstRow, rows);
#endif
        return horizontal<kRgb32Layout>(in, outWidth, firstCol, cols, firstRow, rows);
    }
    return horizontal<kRgb888Layout>(in, outWidth, firstCol, cols, firstRow, rows);
}

/// The vertical pass for output rows [firstRow, firstRow + rows) of a resize to \a outHeight;
/// \a in holds input rows from \a inOffset on.
QImage verticalPortable(const QImage &in, const Coefficients &c, int inOffset, int firstRow, int rows)
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

QImage vertical(const QImage &in, const Coefficients &c, int inOffset, int firstRow, int rows)
{
#ifdef TAGLENS_AVX2_KERNELS
    if (useAvx2())
        return verticalAvx2(in, c, inOffset, firstRow, rows);
#endif
    return verticalPortable(in, c, inOffset, firstRow, rows);
}

} // namespace

void PilResampler::useKernels(Kernels kernels)
{
#ifdef TAGLENS_AVX2_KERNELS
    g_portableOnly = kernels == Kernels::Portable;
#else
    Q_UNUSED(kernels);
#endif
}

bool PilResampler::vectorised()
{
#ifdef TAGLENS_AVX2_KERNELS
    return useAvx2();
#else
    return false;
#endif
}

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
        return horizontalPass(rgb, size.width(), region.left(), region.width(), region.top(),
                              region.height());
    }
    const Coefficients rows = coefficients(rgb.height(), size.height());
    const int firstInput = rows.first[size_t(region.top())];
    int endInput = firstInput;
    for (int yy = region.top(); yy <= region.bottom(); ++yy)
        endInput = std::max(endInput, rows.first[size_t(yy)] + rows.count[size_t(yy)]);
    if (rgb.width() != size.width())
        rgb = horizontalPass(rgb, size.width(), region.left(), region.width(), firstInput,
                             endInput - firstInput);
    else
        rgb = ImageDecoder::toRgb888(
            rgb.copy(region.left(), firstInput, region.width(), endInput - firstInput));
    return vertical(rgb, rows, firstInput, region.top(), region.height());
}

} // namespace taglens::engine
// NOLINTEND(bugprone-incorrect-roundings)
// NOLINTEND(bugprone-misplaced-widening-cast)
// NOLINTEND(bugprone-implicit-widening-of-multiplication-result)
