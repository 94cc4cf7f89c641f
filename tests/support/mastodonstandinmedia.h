// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace taglens::tests {

/// The bytes of the media a hostile or merely careless instance serves besides photos: what a
/// video, an audio file or an unknown attachment starts with, an HTML error page, a cut-off
/// JPEG and a decompression bomb. Small and built by hand; nothing large is ever allocated.
class MastodonStandInMedia
{
public:
    MastodonStandInMedia() = delete;

    /// The start of an MP4 file (ftyp, free and mdat boxes), as a video or gifv attachment sends.
    static QByteArray mp4();
    /// The start of an MP3 file (an ID3v2 tag and MPEG audio frame headers).
    static QByteArray mp3();
    /// Bytes no image reader and no sniffer recognises.
    static QByteArray unknownBytes();
    /// The page a proxy sends instead of the file, e.g. "502 Bad Gateway" from nginx.
    static QByteArray htmlErrorPage(int status);
    /// A well-formed PNG whose header claims \a width × \a height RGB pixels, with a few hundred
    /// bytes of compressed zero rows as image data: a decoder that trusts the header allocates
    /// gigabytes; the file itself stays under a kilobyte.
    static QByteArray decompressionBombPng(quint32 width = 30000, quint32 height = 30000);
    /// The first \a keepPercent percent of \a bytes: a file cut off in transfer or on the server.
    static QByteArray truncated(const QByteArray &bytes, int keepPercent = 60);
    /// A piece of a huge body made on the fly: \a head, then zero bytes up to \a totalSize.
    /// For TestHttpServer::Response::streamedBody.
    static QByteArray streamedPiece(const QByteArray &head, qint64 totalSize, qint64 offset, qint64 maxBytes);
    /// CRC-32 (ISO-HDLC, as PNG and zlib use it).
    static quint32 crc32(QByteArrayView data);
};

} // namespace taglens::tests
