// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace taglens::engine {

/// An Instagram login made through Facebook Login: what is remembered in the settings file.
/// Never carries a secret (the client secret and the token live in the keychain).
struct InstagramAccount
{
    QString clientId;         ///< the user's Meta app id
    QString userId;           ///< the Instagram professional account's id (IG User id)
    QString username;         ///< its Instagram username
    QString pageName;         ///< the Facebook Page it is linked to
    QDateTime tokenExpiresAt; ///< UTC; invalid when Meta did not say
    int redirectPort = 0;     ///< the port of the registered redirect URI http://localhost:PORT/

    bool isValid() const { return !clientId.isEmpty() && !userId.isEmpty(); }
    /// True when the stored expiry has passed at \a now.
    bool isExpired(const QDateTime &now) const { return tokenExpiresAt.isValid() && tokenExpiresAt <= now; }
};

} // namespace taglens::engine
