// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace taglens::engine {

/// SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA instructions where there are
/// some: measured here 1.3 ms → 0.07 ms for a 118 KB photo, and seconds less when a 100 MB model
/// is checked (QCryptographicHash in Qt 6.4 is portable C, about 90 MB/s). Incremental like
/// QCryptographicHash: feed data with addData(), read result() at any point, go on feeding.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    /// The 32-byte digest of everything fed so far; the hash can be fed further afterwards.
    QByteArray result() const;
    /// Starts again as if nothing had been fed.
    void reset();

    /// The 32-byte digest of \a data.
    static QByteArray hash(QByteArrayView data);
    /// The lowercase hexadecimal digest of \a data (64 characters).
    static QString hex(QByteArrayView data);

private:
    struct Context;
    std::unique_ptr<Context> d;
};

} // namespace taglens::engine
