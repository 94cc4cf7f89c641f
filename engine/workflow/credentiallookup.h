// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/instagramaccount.h"
#include "engine/auth/keychainplace.h"
#include "engine/core/expected.h"
#include "harvestplan.h"
#include "sessionlogins.h"

#include <QFuture>
#include <QString>
#include <QStringList>

namespace taglens::engine {

class TokenStore;

/// Fills in the login a plan needs, from the keychain: a Mastodon or Pixelfed instance's stored
/// token (a harvest without one goes ahead anonymously, with a warning when the keychain could
/// not be read), or the Instagram account that searches and its token (required).
///
/// Errors: Unauthorized when Instagram has no usable login (none, expired, its token gone), so
/// that a front end can offer to log in; the message says what to do in both front ends.
class CredentialLookup
{
public:
    struct Found
    {
        HarvestPlan plan;           ///< with the spec's access token (and Instagram user id) filled in
        InstagramAccount instagram; ///< the account that searches, for an Instagram plan
        QStringList warnings;       ///< things to tell the user; the plan goes ahead
    };
    CredentialLookup() = delete;

    /// Waits for the keychain: call it where waiting is allowed (the CLI, a worker thread).
    [[nodiscard]] static Expected<Found> complete(HarvestPlan plan, TokenStore *tokens,
                                                  const SessionLogins &session = {});
    /// The same on a thread of its own with its own TokenStore, for the GUI thread, which never
    /// waits for the keychain. Plans that need no login are ready at once.
    static QFuture<Expected<Found>> completeInBackground(HarvestPlan plan, const KeychainPlace &keychain,
                                                         const SessionLogins &session = {});
};

} // namespace taglens::engine
