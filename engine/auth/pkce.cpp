// SPDX-License-Identifier: GPL-3.0-or-later
#include "pkce.h"

#include "../core/sha256.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

namespace taglens::engine {

Q_LOGGING_CATEGORY(lcPkce, "taglens.engine.auth.pkce")

namespace {

constexpr char Unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr quint32 UnreservedCount = sizeof(Unreserved) - 1; // 66

} // namespace

QByteArray Pkce::generateVerifier(int length)
{
    length = qBound(43, length, 128);
    QByteArray verifier;
    verifier.reserve(length);
    QRandomGenerator *random = QRandomGenerator::system();
    while (verifier.size() < length) // bounded() is uniform: no modulo bias
        verifier.append(Unreserved[random->bounded(UnreservedCount)]);
    qCDebug(lcPkce) << "made a verifier of" << length << "characters";
    return verifier;
}

QByteArray Pkce::challenge(const QByteArray &verifier)
{
    return Sha256::hash(verifier).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray Pkce::generateState()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool Pkce::isValidVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier) {
        if (!std::char_traits<char>::find(Unreserved, UnreservedCount, c))
            return false;
    }
    return true;
}

} // namespace taglens::engine
