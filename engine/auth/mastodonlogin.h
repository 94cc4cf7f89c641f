// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "keychainplace.h"
#include "loopbackredirectcatcher.h"
#include "mastodonauthclient.h"
#include "storedaccount.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <chrono>
#include <optional>

namespace taglens::engine {

class TokenStore;

/// The whole login to a Mastodon or Pixelfed instance, RFC 8252 style: reuse or register the
/// app, start the loopback catcher, hand out the authorize URL (authorizeUrlReady) for a browser,
/// wait for the redirect, exchange the code (with PKCE where the instance advertises S256),
/// verify the account and store the token in the keychain entries of \a keychain.
///
/// The keychain steps run on KeychainThread and the login goes on when they answer, so the
/// login never waits for the keychain on its own thread (the GUI's).
class MastodonLogin : public QObject
{
    Q_OBJECT

public:
    MastodonLogin(const KeychainPlace &keychain, SourceKind source, QObject *parent = nullptr);
    ~MastodonLogin() override;

    /// How long to wait for the browser (default 5 minutes).
    void setTimeout(std::chrono::milliseconds timeout);

    /// Starts logging in to \a instance (already normalized).
    void start(const QUrl &instance);
    /// Ends the login with ErrorCode::Cancelled.
    void cancel();
    bool isFinished() const;
    /// The account logged in, once finished().
    Expected<StoredAccount> result() const;
    /// Runs a local event loop until finished() (for the command line).
    Expected<StoredAccount> waitForFinished();
    /// Once finished(): empty while the keychain works, else why the token is kept for this run
    /// only (TokenStore::keychainProblem()).
    QString keychainProblem() const { return m_keychainProblem; }

    /// Revokes the stored token of \a account at its instance and forgets it. A failed revocation
    /// is reported in \a revokeProblem; the token is forgotten anyway.
    static Expected<void> logout(TokenStore *store, const StoredAccount &account, QString *revokeProblem);

Q_SIGNALS:
    /// Open this in a browser (or print it).
    void authorizeUrlReady(const QUrl &url);
    /// Registration done, the catcher waits: for a progress line.
    void waitingForBrowser();
    void finished();

private:
    void haveApp(const MastodonApp &app);
    void haveRedirect();
    void fail(const Error &error);

    void saveToken(const StoredAccount &account, const QString &accessToken);

    KeychainPlace m_keychain;
    SourceKind m_source;
    QString m_keychainProblem;
    MastodonAuthClient m_client;
    LoopbackRedirectCatcher m_catcher;
    MastodonApp m_app;
    QByteArray m_verifier;
    QUrl m_redirectUri;
    std::optional<Expected<StoredAccount>> m_result;
};

} // namespace taglens::engine
