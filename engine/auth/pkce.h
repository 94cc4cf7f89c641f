// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace taglens::engine {

/// Proof Key for Code Exchange (RFC 7636), S256 only, plus the random `state` of RFC 6749 10.12.
/// Every random byte comes from the operating system's CSPRNG (QRandomGenerator::system()).
class Pkce
{
public:
    /// A fresh code_verifier of \a length characters (clamped to RFC 7636's 43–128) from the
    /// unreserved alphabet [A-Za-z0-9-._~].
    static QByteArray generateVerifier(int length = 64);
    /// BASE64URL(SHA-256(\a verifier)) without padding: the S256 code_challenge.
    static QByteArray challenge(const QByteArray &verifier);
    /// A fresh state value: 32 random bytes as unpadded base64url (43 characters).
    static QByteArray generateState();
    /// True when \a verifier has 43–128 characters, all from the unreserved alphabet.
    static bool isValidVerifier(const QByteArray &verifier);
};

} // namespace taglens::engine
