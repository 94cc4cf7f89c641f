// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentiallookup.h"

#include "engine/auth/facebooklogin.h"
#include "engine/auth/keychainthread.h"
#include "engine/auth/tokenstore.h"
#include "engine/net/graphapierror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCredentials, "taglens.engine.workflow.credentials")

namespace taglens::engine {

namespace {

Error unauthorized(const Error &error)
{
    return Error::make(ErrorCode::Unauthorized, error.message);
}

Expected<CredentialLookup::Found> completeFediverse(CredentialLookup::Found found, TokenStore *tokens,
                                                    const SessionLogins &session)
{
    const SourceKind source = found.plan.spec.kind();
    FediverseSpec &spec = *found.plan.spec.as<FediverseSpec>();
    auto stored = tokens->tokenFor(source, spec.instance);
    if (!stored) {
        found.warnings << QCoreApplication::translate(
                              "CredentialLookup",
                              "The stored login for %1 cannot be read, so the harvest runs without it: %2")
                              .arg(spec.instance.toString(), stored.error().message);
        return found;
    }
    if (!stored->isEmpty()) {
        spec.accessToken = *stored;
        return found;
    }
    // Without a keychain, this run's logins are known to the process only.
    for (const StoredAccount &account : session.accounts) {
        if (account.source != source || account.instance != spec.instance)
            continue;
        if (auto token = tokens->token(account); token && !token->isEmpty()) {
            spec.accessToken = *token;
            break;
        }
    }
    return found;
}

Expected<CredentialLookup::Found> completeInstagram(CredentialLookup::Found found, TokenStore *tokens,
                                                    const SessionLogins &session)
{
    InstagramSpec &spec = *found.plan.spec.as<InstagramSpec>();
    auto account = FacebookLogin::storedAccount(tokens);
    if (!account && session.instagram.isValid())
        account = session.instagram;
    if (!account)
        return unauthorized(account.error());
    found.instagram = *account;
    spec.userId = account->userId;
    if (!spec.accessToken.isEmpty())
        return found; // given explicitly
    if (account->isExpired(QDateTime::currentDateTimeUtc()))
        return Error::make(ErrorCode::Unauthorized, GraphApiError::expiredLoginMessage());
    auto token = FacebookLogin::storedToken(tokens, *account);
    if (!token)
        return unauthorized(token.error());
    spec.accessToken = *token;
    return found;
}

} // namespace

Expected<CredentialLookup::Found> CredentialLookup::complete(HarvestPlan plan, TokenStore *tokens,
                                                             const SessionLogins &session)
{
    Found found{std::move(plan), {}, {}};
    const SourceKind kind = found.plan.spec.kind();
    if (kind == SourceKind::Instagram)
        return completeInstagram(std::move(found), tokens, session);
    if (isFediverse(kind) && found.plan.spec.accessToken().isEmpty())
        return completeFediverse(std::move(found), tokens, session);
    return found;
}

QFuture<Expected<CredentialLookup::Found>>
CredentialLookup::completeInBackground(HarvestPlan plan, const KeychainPlace &keychain,
                                       const SessionLogins &session)
{
    const SourceKind kind = plan.spec.kind();
    if (kind != SourceKind::Instagram && !(isFediverse(kind) && plan.spec.accessToken().isEmpty()))
        return QtFuture::makeReadyFuture(Expected<Found>(Found{std::move(plan), {}, {}}));
    qCDebug(lcCredentials) << "looking up the login for" << sourceKindName(kind) << "in the background";
    return KeychainThread::run(keychain, [plan = std::move(plan), session](TokenStore &tokens) mutable {
        return complete(std::move(plan), &tokens, session);
    });
}

} // namespace taglens::engine
