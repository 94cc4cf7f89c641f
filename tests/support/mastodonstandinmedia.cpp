// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodonstandinmedia.h"

#include <QtEndian>
#include <array>

namespace taglens::tests {

namespace {

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    const QByteArray typed = type + data;
    return bigEndian32(quint32(data.size())) + typed + bigEndian32(MastodonStandInMedia::crc32(typed));
}

QByteArray mp4Box(const QByteArray &type, const QByteArray &payload)
{
    return bigEndian32(quint32(8 + payload.size())) + type + payload;
}

} // namespace

quint32 MastodonStandInMedia::crc32(QByteArrayView data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> entries{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

QByteArray MastodonStandInMedia::mp4()
{
    QByteArray ftyp = "isom" + bigEndian32(0x200) + "isomiso2avc1mp41";
    QByteArray mdat(2048, Qt::Uninitialized);
    for (int i = 0; i < mdat.size(); ++i)
        mdat[i] = char((i * 131 + 7) & 0xFF);
    return mp4Box("ftyp", ftyp) + mp4Box("free", QByteArray()) + mp4Box("mdat", mdat);
}

QByteArray MastodonStandInMedia::mp3()
{
    // ID3v2.4 header with a 0-byte tag, then MPEG-1 Layer III frame headers (128 kbit/s, 44.1 kHz).
    QByteArray bytes = QByteArray("ID3\x04\x00\x00\x00\x00\x00\x00", 10);
    const QByteArray frameHeader("\xFF\xFB\x90\x64", 4);
    for (int frame = 0; frame < 4; ++frame)
        bytes += frameHeader + QByteArray(413, '\0');
    return bytes;
}

QByteArray MastodonStandInMedia::unknownBytes()
{
    QByteArray bytes("\x00\x01TLNSTANDIN-BLOB\x00", 18);
    for (int i = 0; i < 1000; ++i)
        bytes += char((i * 37 + 11) & 0xFF);
    return bytes;
}

QByteArray MastodonStandInMedia::htmlErrorPage(int status)
{
    const QByteArray code = QByteArray::number(status);
    const QByteArray title = status == 404   ? "Not Found"
                             : status == 500 ? "Internal Server Error"
                             : status == 503 ? "Service Temporarily Unavailable"
                                             : "Bad Gateway";
    return "<html>\r\n<head><title>" + code + ' ' + title + "</title></head>\r\n<body>\r\n<center><h1>" +
           code + ' ' + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}

QByteArray MastodonStandInMedia::decompressionBombPng(quint32 width, quint32 height)
{
    QByteArray ihdr = bigEndian32(width) + bigEndian32(height);
    ihdr += char(8); // bit depth
    ihdr += char(2); // colour type: truecolour (RGB)
    ihdr += char(0); // compression
    ihdr += char(0); // filter method
    ihdr += char(0); // no interlace
    // A few rows of filter byte 0 and black pixels; zlib shrinks them to a few hundred bytes.
    // qCompress prefixes the zlib stream with the uncompressed length, which PNG does not want.
    const qint64 rowBytes = 1 + qint64(width) * 3;
    const QByteArray rows(qsizetype(qMin<qint64>(rowBytes * 4, 1 << 20)), '\0');
    const QByteArray idat = qCompress(rows, 9).mid(4);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat) +
           pngChunk("IEND", QByteArray());
}

QByteArray MastodonStandInMedia::truncated(const QByteArray &bytes, int keepPercent)
{
    return bytes.left(bytes.size() * qBound(0, keepPercent, 100) / 100);
}

QByteArray MastodonStandInMedia::streamedPiece(const QByteArray &head, qint64 totalSize, qint64 offset,
                                               qint64 maxBytes)
{
    if (offset >= totalSize || maxBytes <= 0)
        return {};
    const qint64 n = qMin(maxBytes, totalSize - offset);
    if (offset < head.size())
        return head.mid(offset, qMin<qint64>(n, head.size() - offset));
    return QByteArray(qsizetype(n), '\0');
}

} // namespace taglens::tests
