// SPDX-License-Identifier: GPL-3.0-or-later
#include "torchvisiontransform.h"

#include "../imaging/imagedecoder.h"
#include "../imaging/pilresampler.h"

#include <QCoreApplication>
#include <cmath>

namespace taglens::engine {

namespace {

// Beyond this aspect ratio the source is centre-cropped to it before resizing: torchvision would
// resize a 1×20000 strip to 342×6.8 M pixels, which no one needs and which would exhaust memory.
// The centre crop only ever keeps the middle anyway, so ordinary photos are unaffected.
constexpr double kMaxAspect = 16.0;

/// Python's round(): halves go to the even neighbour (torchvision's center_crop uses it).
int roundHalfEven(double v)
{
    return int(std::nearbyint(v));
}

} // namespace

Expected<PreparedInput> TorchvisionTransform::apply(const QImage &image, const Preprocessing &pp)
{
    if (image.isNull() || image.width() < 1 || image.height() < 1)
        return Error::make(ErrorCode::Decode,
                           QCoreApplication::translate("TorchvisionTransform", "The image is empty."));
    const int size = pp.inputSize;

    // PIL's convert('RGB'): drops alpha without compositing, expands palette and grey.
    QImage rgb = ImageDecoder::toRgb(image);
    int w = rgb.width();
    int h = rgb.height();
    if (double(qMax(w, h)) / qMin(w, h) > kMaxAspect) {
        const QRect keep = w > h ? QRect((w - int(h * kMaxAspect)) / 2, 0, int(h * kMaxAspect), h)
                                 : QRect(0, (h - int(w * kMaxAspect)) / 2, w, int(w * kMaxAspect));
        rgb = rgb.copy(keep);
        w = rgb.width();
        h = rgb.height();
    }

    // Resize(resizeSize): the short side becomes resizeSize, the long side
    // int(resizeSize * long / short) (Python's float division, then truncation).
    const bool wide = w > h;
    const int shortSide = wide ? h : w;
    const int longSide = wide ? w : h;
    const int newLong = int(double(pp.resizeSize) * longSide / shortSide);
    const QSize resized = wide ? QSize(newLong, pp.resizeSize) : QSize(pp.resizeSize, newLong);
    if (resized.width() < size || resized.height() < size)
        return Error::make(ErrorCode::Decode, QCoreApplication::translate("TorchvisionTransform",
                                                                          "The image cannot be resized."));
    // CenterCrop(size) keeps only the middle: resample just that (same values, half the work).
    const int top = roundHalfEven((resized.height() - size) / 2.0);
    const int left = roundHalfEven((resized.width() - size) / 2.0);
    const QImage cropped = PilResampler::resizeBilinear(rgb, resized, QRect(left, top, size, size));
    if (cropped.isNull())
        return Error::make(ErrorCode::Decode, QCoreApplication::translate("TorchvisionTransform",
                                                                          "The image cannot be resized."));

    PreparedInput out;
    out.channels = 3;
    out.size = size;
    out.values.resize(qsizetype(3) * size * size);
    float *dst = out.values.data();
    // ToTensor divides by 255; Normalize subtracts the mean and divides by the std: one table each.
    float table[3][256];
    for (int c = 0; c < 3; ++c)
        for (int v = 0; v < 256; ++v)
            table[c][v] = (float(v) / 255.0f - pp.mean[size_t(c)]) / pp.std[size_t(c)];
    const qsizetype plane = qsizetype(size) * size;
    for (int y = 0; y < size; ++y) {
        const uchar *line = cropped.constScanLine(y);
        for (int x = 0; x < size; ++x) {
            const qsizetype i = qsizetype(y) * size + x;
            const uchar *pixel = line + qsizetype(3) * x;
            dst[i] = table[0][pixel[0]];
            dst[plane + i] = table[1][pixel[1]];
            dst[2 * plane + i] = table[2][pixel[2]];
        }
    }
    return out;
}

} // namespace taglens::engine
