// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace taglens::engine {

/// TagLens as registered with one Mastodon or Pixelfed instance (`POST /api/v1/apps`).
struct MastodonApp
{
    QUrl instance; ///< normalized, e.g. https://mastodon.social
    QString clientId;
    QString clientSecret; ///< kept in the keychain only
    QUrl redirectUri;     ///< as registered: http://127.0.0.1/callback (the port is ignored for loopback)

    bool isValid() const { return !clientId.isEmpty() && !clientSecret.isEmpty(); }
};

} // namespace taglens::engine
