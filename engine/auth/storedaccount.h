// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/sourcekind.h"

#include <QString>
#include <QUrl>

namespace taglens::engine {

/// Names a stored login: which source, which instance, which account. Never carries the token.
struct StoredAccount
{
    SourceKind source = SourceKind::Mastodon; ///< Mastodon, Pixelfed or Instagram
    QUrl instance;                            ///< normalized, e.g. https://mastodon.social
    QString acct;                             ///< the account as the instance names it

    bool operator==(const StoredAccount &other) const = default;
};

} // namespace taglens::engine
