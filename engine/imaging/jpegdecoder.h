// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSize>

namespace taglens::engine {

/// Decodes colour and grey JPEGs with libjpeg-turbo straight into QImage::Format_RGB32, the layout
/// PilResampler and Qt's scaling read in place. Qt's JPEG plugin decodes to RGB and then
/// converts every row to RGB32; this saves that pass and the plugin's overhead (a fifth of the
/// decoding time of a photo). The pixels are the same: libjpeg's defaults (accurate integer DCT,
/// smooth chroma upsampling), as Qt and Pillow use them.
///
/// Only what ImageDecoder has already vetted comes here (format, limits, a complete file); it is
/// a fast path, not a gatekeeper. Anything unusual (CMYK, YCCK, a size other than the
/// header's, any libjpeg error) is reported as an Error, and ImageDecoder then decodes through
/// Qt, so its messages for broken files stay the same.
class JpegDecoder
{
    Q_DECLARE_TR_FUNCTIONS(JpegDecoder)

public:
    JpegDecoder() = delete;

    /// Decodes \a bytes, which must be a colour (YCbCr or RGB) or grey JPEG of \a expectedSize
    /// pixels as stored (before any EXIF orientation); grey is replicated into R, G and B. Errors: Decode (another kind of JPEG, another
    /// size, or libjpeg's own message), TooLarge (no memory for the pixels).
    static Expected<QImage> decodeRgb32(const QByteArray &bytes, QSize expectedSize);
};

} // namespace taglens::engine
