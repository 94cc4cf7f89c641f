// SPDX-License-Identifier: GPL-3.0-or-later
#include "jpegdecoder.h"

#include <QLoggingCategory>
#include <QSysInfo>
#include <algorithm>
#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE and size_t first
#include <jpeglib.h>

Q_DECLARE_LOGGING_CATEGORY(lcDecoder)

namespace taglens::engine {

namespace {

/// libjpeg reports fatal errors through error_exit, which must not return: it jumps back into
/// decodeInto(). Everything that lives across that jump is plain data.
struct ErrorManager
{
    jpeg_error_mgr base;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    int warnings;
};

extern "C" void onFatalError(j_common_ptr cinfo)
{
    auto *errors = reinterpret_cast<ErrorManager *>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, errors->message);
    std::longjmp(errors->jump, 1);
}

/// Warnings (corrupt data that libjpeg recovers from) are counted, not printed: Qt's plugin
/// goes on in the same way.
extern "C" void onMessage(j_common_ptr cinfo, int level)
{
    if (level < 0)
        ++reinterpret_cast<ErrorManager *>(cinfo->err)->warnings;
}

enum class Outcome
{
    Decoded,
    OtherKind,
    OtherSize,
    Failed
};

/// The libjpeg part, kept free of C++ objects: a longjmp must not skip destructors. Writes
/// \a height rows of \a width BGRA pixels (bytes B, G, R, 0xFF: QImage::Format_RGB32 in
/// little-endian memory) to \a pixels, \a stride bytes apart.
Outcome decodeInto(const unsigned char *data, unsigned long size, unsigned char *pixels, long stride,
                   unsigned width, unsigned height, ErrorManager *errors)
{
    jpeg_decompress_struct cinfo{};
    cinfo.err = jpeg_std_error(&errors->base);
    errors->base.error_exit = onFatalError;
    errors->base.emit_message = onMessage;
    errors->message[0] = '\0';
    errors->warnings = 0;
    if (setjmp(errors->jump)) {
        jpeg_destroy_decompress(&cinfo);
        return Outcome::Failed;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    const bool colour = cinfo.num_components == 3 &&
                        (cinfo.jpeg_color_space == JCS_YCbCr || cinfo.jpeg_color_space == JCS_RGB);
    const bool grey = cinfo.num_components == 1 && cinfo.jpeg_color_space == JCS_GRAYSCALE;
    if (!colour && !grey) {
        jpeg_destroy_decompress(&cinfo);
        return Outcome::OtherKind;
    }
    // Grey is replicated into B, G and R, as PIL's convert("RGB") does. Unlike BGRX, BGRA defines
    // the fourth byte: 0xFF.
    cinfo.out_color_space = JCS_EXT_BGRA;
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_width != width || cinfo.output_height != height || cinfo.output_components != 4) {
        jpeg_destroy_decompress(&cinfo);
        return Outcome::OtherSize;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[8];
        const unsigned next = cinfo.output_scanline;
        const unsigned count = std::min<unsigned>(8, cinfo.output_height - next);
        for (unsigned i = 0; i < count; ++i)
            rows[i] = pixels + long(next + i) * stride;
        jpeg_read_scanlines(&cinfo, rows, count);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return Outcome::Decoded;
}

} // namespace

Expected<QImage> JpegDecoder::decodeRgb32(const QByteArray &bytes, QSize expectedSize)
{
    if constexpr (QSysInfo::ByteOrder != QSysInfo::LittleEndian)
        return Error::make(ErrorCode::Decode, tr("Decoding straight to RGB32 needs a little-endian CPU."));
    if (expectedSize.isEmpty())
        return Error::make(ErrorCode::Decode, tr("The JPEG has no size."));
    QImage image(expectedSize, QImage::Format_RGB32);
    if (image.isNull())
        return Error::make(ErrorCode::TooLarge, tr("There is not enough memory for a JPEG of %1 × %2 pixels.")
                                                    .arg(expectedSize.width())
                                                    .arg(expectedSize.height()));
    ErrorManager errors{};
    const Outcome outcome =
        decodeInto(reinterpret_cast<const unsigned char *>(bytes.constData()),
                   static_cast<unsigned long>(bytes.size()), image.bits(), long(image.bytesPerLine()),
                   unsigned(expectedSize.width()), unsigned(expectedSize.height()), &errors);
    switch (outcome) {
    case Outcome::Decoded:
        if (errors.warnings > 0)
            qCDebug(lcDecoder) << "libjpeg recovered from" << errors.warnings << "problems in the data";
        return image;
    case Outcome::OtherKind:
        return Error::make(ErrorCode::Decode,
                           tr("The JPEG is neither a colour (YCbCr, RGB) nor a grey image."));
    case Outcome::OtherSize:
        return Error::make(ErrorCode::Decode, tr("The JPEG decodes to another size than its header says."));
    case Outcome::Failed:
        break;
    }
    return Error::make(ErrorCode::Decode,
                       tr("libjpeg cannot decode the JPEG: %1").arg(QString::fromLocal8Bit(errors.message)));
}

} // namespace taglens::engine
