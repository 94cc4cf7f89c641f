// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QMetaType>
#include <QSize>

namespace taglens::engine {

/// An image decoded by ImageDecoder, ready for preprocessing.
struct DecodedImage
{
    /// The pixels as opaque 8-bit RGB (QImage::Format_RGB888, or Format_RGB32 as colour and grey
    /// JPEGs are decoded; see ImageDecoder::toRgb and JpegDecoder), with the EXIF orientation applied (what a viewer shows,
    /// and what PIL gives after ImageOps.exif_transpose + convert("RGB")).
    QImage image;
    /// The dimensions stored in the file, before the orientation was applied
    /// (width and height are swapped relative to `image` for 90° orientations).
    QSize originalSize;
    /// The format detected from the content, never from the file name: "jpeg", "png", "gif", ...
    QByteArray format;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::DecodedImage)
