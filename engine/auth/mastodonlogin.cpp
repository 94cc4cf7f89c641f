// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodonlogin.h"

#include "../core/whenfinished.h"
#include "keychainthread.h"
#include "pkce.h"
#include "tokenstore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <memory>

namespace taglens::engine {

Q_LOGGING_CATEGORY(lcMastodonLogin, "taglens.engine.auth.login")

MastodonLogin::MastodonLogin(const KeychainPlace &keychain, SourceKind source, QObject *parent)
    : QObject(parent), m_keychain(keychain), m_source(source)
{
    connect(&m_catcher, &LoopbackRedirectCatcher::finished, this, &MastodonLogin::haveRedirect);
}

MastodonLogin::~MastodonLogin() = default;

void MastodonLogin::setTimeout(std::chrono::milliseconds timeout)
{
    m_catcher.setTimeout(timeout);
}

bool MastodonLogin::isFinished() const
{
    return m_result.has_value();
}

Expected<StoredAccount> MastodonLogin::result() const
{
    if (!m_result)
        return Error::make(ErrorCode::Internal, tr("The login has not finished yet."));
    return *m_result;
}

Expected<StoredAccount> MastodonLogin::waitForFinished()
{
    if (!m_result) {
        QEventLoop loop;
        connect(this, &MastodonLogin::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result();
}

void MastodonLogin::cancel()
{
    if (m_result)
        return;
    if (m_catcher.isListening())
        m_catcher.cancel(); // reports through haveRedirect()
    else
        fail(Error::make(ErrorCode::Cancelled, tr("The login was cancelled.")));
}

void MastodonLogin::fail(const Error &error)
{
    if (m_result)
        return;
    qCInfo(lcMastodonLogin) << "login failed:" << error.message;
    m_result = error;
    Q_EMIT finished();
}

void MastodonLogin::start(const QUrl &instance)
{
    // A registration from an earlier login is reused; the keychain answers on its own thread.
    whenFinished(
        KeychainThread::run(m_keychain, [source = m_source, instance](
                                            TokenStore &store) { return store.client(source, instance); }),
        this, [this, instance](const Expected<MastodonApp> &known) {
            if (m_result)
                return;
            if (known) {
                qCDebug(lcMastodonLogin) << "reusing the registration with" << instance.host();
                // Never from within start(), even when the keychain answered at once: the caller
                // connects to authorizeUrlReady() after start() returns.
                QMetaObject::invokeMethod(
                    this, [this, app = *known] { haveApp(app); }, Qt::QueuedConnection);
                return;
            }
            m_client.registerApp(
                instance, MastodonAuthClient::registeredRedirectUri(), [this](Expected<MastodonApp> app) {
                    if (!app)
                        return fail(app.error());
                    const MastodonApp registered = *app;
                    whenFinished(KeychainThread::run(m_keychain,
                                                     [source = m_source, registered](TokenStore &store) {
                                                         return store.saveClient(source, registered);
                                                     }),
                                 this, [this, registered](const Expected<void> &saved) {
                                     if (!saved)
                                         return fail(saved.error());
                                     haveApp(registered);
                                 });
                });
        });
}

void MastodonLogin::haveApp(const MastodonApp &app)
{
    if (m_result)
        return;
    m_app = app;
    m_client.fetchPkceSupport(app.instance, [this](Expected<bool> pkce) {
        if (m_result)
            return;
        // Without metadata (older Mastodon, Pixelfed) or when it cannot be read: no PKCE, state still.
        if (pkce && *pkce)
            m_verifier = Pkce::generateVerifier();
        const QByteArray state = Pkce::generateState();
        m_catcher.setExpectedState(state);
        auto listening = m_catcher.listen();
        if (!listening)
            return fail(listening.error());
        m_redirectUri = *listening;
        const QUrl url = MastodonAuthClient::authorizeUrl(
            m_app, m_redirectUri, state, m_verifier.isEmpty() ? QByteArray() : Pkce::challenge(m_verifier));
        Q_EMIT authorizeUrlReady(url);
        Q_EMIT waitingForBrowser();
    });
}

void MastodonLogin::haveRedirect()
{
    const auto redirect = m_catcher.result();
    if (!redirect)
        return fail(redirect.error());
    m_client.exchangeCode(
        m_app, redirect->code, m_redirectUri, m_verifier, [this](Expected<OAuthToken> token) {
            if (!token)
                return fail(token.error());
            const QString accessToken = token->accessToken;
            m_client.verifyCredentials(
                m_app.instance, accessToken, [this, accessToken](Expected<MastodonAccount> account) {
                    if (!account)
                        return fail(account.error());
                    saveToken(StoredAccount{m_source, m_app.instance, account->acct}, accessToken);
                });
        });
}

void MastodonLogin::saveToken(const StoredAccount &account, const QString &accessToken)
{
    struct Saved
    {
        Expected<void> written;
        QString problem;
    };
    whenFinished(KeychainThread::run(m_keychain,
                                     [account, accessToken](TokenStore &store) {
                                         Expected<void> written = store.saveToken(account, accessToken);
                                         return Saved{std::move(written), store.keychainProblem()};
                                     }),
                 this, [this, account](const Saved &saved) {
                     if (m_result)
                         return;
                     if (!saved.written)
                         return fail(saved.written.error());
                     m_keychainProblem = saved.problem;
                     m_result = account;
                     Q_EMIT finished();
                 });
}

Expected<void> MastodonLogin::logout(TokenStore *store, const StoredAccount &account, QString *revokeProblem)
{
    auto token = store->token(account);
    auto app = store->client(account.source, account.instance);
    if (token && app) {
        MastodonAuthClient client;
        std::optional<Expected<bool>> revoked;
        QEventLoop loop;
        client.revoke(*app, *token, [&](Expected<bool> result) {
            revoked = std::move(result);
            loop.quit();
        });
        if (!revoked)
            loop.exec();
        if (!revoked->hasValue() && revokeProblem)
            *revokeProblem = revoked->error().message;
    } else if (revokeProblem) {
        *revokeProblem =
            tr("Nothing to revoke at %1: no token or registration is stored.").arg(account.instance.host());
    }
    return store->removeToken(account);
}

} // namespace taglens::engine
