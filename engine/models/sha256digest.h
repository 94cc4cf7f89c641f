// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

#include <QByteArray>
#include <QString>

namespace taglens::engine {

class Sha256;

/// SHA-256 checks shared by ModelDownloader and ModelStore. Files are hashed in chunks, never
/// read whole into memory. Expected digests are given as a prefix of the hex digest because
/// torchvision names its weight files after the first 8 hex digits.
class Sha256Digest
{
public:
    /// True for an empty prefix (no check) or 1 to 64 hexadecimal digits, in either case.
    static bool isValidPrefix(const QString &prefix);

    /// True when \a hexDigest starts with \a prefix, ignoring case. An empty prefix matches anything.
    static bool matchesPrefix(const QByteArray &hexDigest, const QString &prefix);

    /// Feeds the file at \a path into \a hash. Returns the number of bytes read, or an Io error.
    static Expected<qint64> addFile(Sha256 &hash, const QString &path);

    /// The lowercase hex SHA-256 digest of the file at \a path, or an Io error.
    static Expected<QByteArray> ofFile(const QString &path);
};

} // namespace taglens::engine
