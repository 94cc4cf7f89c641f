// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/instagramaccount.h"
#include "engine/auth/storedaccount.h"

#include <QList>

namespace taglens::engine {

/// Logins made in this run when no keychain answered: only the process remembers them (the
/// accounts dialog lists them), so a lookup is told about them as values.
struct SessionLogins
{
    QList<StoredAccount> accounts;
    InstagramAccount instagram;
};

} // namespace taglens::engine
