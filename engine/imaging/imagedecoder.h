// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "decodedimage.h"
#include "decodelimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace taglens::engine {

/// Decodes untrusted image bytes (downloads, files from disk) into opaque 8-bit RGB pixels
/// (RGB888, or RGB32 for colour and grey JPEGs, which JpegDecoder decodes).
///
/// Safe by construction rather than by hope:
/// - the format is decided from the content, never from a file name or a server's Content-Type;
/// - only photo formats are accepted (JPEG, PNG, GIF, WebP, BMP); Qt's text-based readers (SVG,
///   XPM, XBM) and icon formats are refused, so a text file cannot be "decoded" by accident;
/// - sizes and dimensions are checked against DecodeLimits *before* any pixel buffer is allocated;
/// - a JPEG, PNG or BMP that ends early is an error, although Qt would return it grey-filled;
/// - every failure comes back as an Error with a code and a sentence for people; nothing throws.
///
/// All functions are reentrant and may run concurrently on a thread pool.
class ImageDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ImageDecoder)

public:
    ImageDecoder() = delete;

    /// Decodes an image held in memory. The first frame of an animation is returned.
    /// Errors: NotAnImage (empty, unknown or non-photo format), TooLarge (over a limit),
    /// Decode (recognised but truncated or corrupt).
    static Expected<DecodedImage> decode(const QByteArray &bytes, const DecodeLimits &limits = {});

    /// Reads and decodes a file. The size on disk is checked against limits.maxBytes before
    /// anything is read. Errors as decode(), plus NotFound (no such file) and Io (a directory,
    /// a device, unreadable).
    static Expected<DecodedImage> decodeFile(const QString &path, const DecodeLimits &limits = {});

    /// The format of an image judged from its first bytes (a few hundred are plenty):
    /// "jpeg", "png", "gif", "webp" or "bmp". Empty when the bytes are not one of the formats
    /// decode() accepts.
    static QByteArray sniffFormat(const QByteArray &head);

    /// Converts any QImage to QImage::Format_RGB888 the way PIL's Image.convert("RGB") does:
    /// alpha is dropped without compositing (a transparent pixel keeps its colour channels),
    /// palettes are expanded, grey is replicated into R, G and B, 16-bit channels become 8-bit.
    /// Premultiplied input is un-premultiplied first, which cannot recover the colour of
    /// fully transparent pixels (they are black). Returns a null image when memory runs out.
    static QImage toRgb888(const QImage &image);

    /// PIL's convert("RGB") without a copy where none is needed: an image that already is opaque
    /// 8-bit RGB (QImage::Format_RGB888, or Format_RGB32, what colour JPEGs are decoded to) comes
    /// back as it is, anything else goes through toRgb888(). Converting RGB32 would copy every
    /// pixel of every photo only to drop a padding byte that PilResampler can skip.
    static QImage toRgb(const QImage &image);
    /// True for the formats toRgb() returns unchanged.
    static bool isRgb(QImage::Format format);
};

} // namespace taglens::engine
