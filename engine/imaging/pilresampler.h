// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QRect>
#include <QSize>

namespace taglens::engine {

/// Resizes 8-bit RGB images exactly as Pillow's `Image.resize(size, BILINEAR)` does (what
/// torchvision's Resize does to a PIL image): a triangle filter widened by the scale factor
/// (antialiasing), fixed-point coefficients with 22 fractional bits, a horizontal pass then a
/// vertical pass, each rounded to 8 bits. Bit-exact with Pillow 9, and several times faster than
/// resampling in floating point. On x86-64 CPUs with AVX2 both passes are vectorised, with the
/// same integer arithmetic and so the same bytes.
class PilResampler
{
public:
    /// Which implementation of the two passes runs. Both give the same bytes; the vectorised one
    /// (AVX2, chosen at run time when the CPU has it) is several times faster.
    enum class Kernels {
        Fastest,  ///< the vectorised passes when the CPU supports them (the default)
        Portable, ///< plain C++ everywhere
    };
    /// Process-wide; for tests and benchmarks that compare the two.
    static void useKernels(Kernels kernels);
    /// True when resizes run the vectorised passes.
    static bool vectorised();

    /// \a image in any format: RGB888 and RGB32 are read as they are, others are converted to
    /// RGB888 first. The result is RGB888; an empty image when \a size is empty.
    static QImage resizeBilinear(const QImage &image, QSize size);
    /// Only the part \a region (inside QRect({0, 0}, size)) of that resize, with the same values
    /// as cropping the full result — what Resize then CenterCrop needs, for about half the work.
    /// An empty image when \a region is empty or reaches outside.
    static QImage resizeBilinear(const QImage &image, QSize size, const QRect &region);
};

} // namespace taglens::engine
