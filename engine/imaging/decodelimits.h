// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace taglens::engine {

/// What ImageDecoder refuses before decoding, so hostile input cannot exhaust memory.
/// Exceeding any limit gives ErrorCode::TooLarge.
struct DecodeLimits
{
    /// The largest encoded size accepted (64 MiB). Checked before any byte is parsed, and
    /// before a file is read.
    qint64 maxBytes = 64LL * 1024 * 1024;
    /// The most pixels accepted (100 megapixels), judged from the header before decoding:
    /// a small file can claim a huge canvas (a decompression bomb).
    /// Decoding needs about 7 bytes per pixel at the peak (the decoder's 32-bit buffer plus the
    /// RGB888 copy; about 15 for 16-bit images), so 100 megapixels costs about 700 MB.
    qint64 maxPixels = 100'000'000;
    /// The longest side accepted, in pixels. Bounds thin images (e.g. 1 × 10⁸) that stay under
    /// maxPixels but still make decoders and scalers misbehave.
    int maxDimension = 20'000;
};

} // namespace taglens::engine
