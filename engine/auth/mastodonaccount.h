// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace taglens::engine {

/// The account a token belongs to (`GET /api/v1/accounts/verify_credentials`).
struct MastodonAccount
{
    QString id;
    QString username;
    QString acct; ///< "name" for local accounts, "name@domain" for remote ones
    QUrl url;
};

} // namespace taglens::engine
