// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace taglens::engine {

/// An image kept in the project, keyed by the SHA-256 of its bytes. Downloads keep their bytes
/// (CDN URLs expire); local files are referenced by path, not copied.
struct ImageRecord
{
    QString sha256;       ///< lower-case hex of the file's bytes
    QByteArray bytes;     ///< the file as downloaded; leave empty when path is set
    QString path;         ///< an absolute local file; leave empty when bytes are set
    QByteArray thumbnail; ///< a small JPEG for the GUI (may be empty)
    int width = 0;        ///< decoded size in pixels
    int height = 0;
    QString format;      ///< "jpeg", "png", … as the decoder sniffed it
    qint64 byteSize = 0; ///< size of the original file (bytes.size() when bytes are kept)
};

} // namespace taglens::engine
