// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256digest.h"

#include "../core/sha256.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcDigest, "taglens.engine.digest")

namespace taglens::engine {

namespace {
constexpr qsizetype Sha256HexLength = 64;
constexpr qsizetype ChunkSize = qsizetype(1024) * 1024;

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}
} // namespace

bool Sha256Digest::isValidPrefix(const QString &prefix)
{
    return prefix.size() <= Sha256HexLength && std::all_of(prefix.cbegin(), prefix.cend(), isHexDigit);
}

bool Sha256Digest::matchesPrefix(const QByteArray &hexDigest, const QString &prefix)
{
    if (!isValidPrefix(prefix))
        return false;
    return QLatin1StringView(hexDigest).startsWith(prefix, Qt::CaseInsensitive);
}

Expected<qint64> Sha256Digest::addFile(Sha256 &hash, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
            ErrorCode::Io,
            QCoreApplication::translate("Sha256Digest", "Cannot read %1: %2").arg(path, file.errorString()));
    }
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    while (true) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            qCWarning(lcDigest) << "read failed:" << path << file.errorString();
            return Error::make(ErrorCode::Io,
                               QCoreApplication::translate("Sha256Digest", "Cannot read %1: %2")
                                   .arg(path, file.errorString()));
        }
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        total += n;
    }
    return total;
}

Expected<QByteArray> Sha256Digest::ofFile(const QString &path)
{
    Sha256 hash;
    const auto read = addFile(hash, path);
    if (!read)
        return read.error();
    return hash.result().toHex();
}

} // namespace taglens::engine
