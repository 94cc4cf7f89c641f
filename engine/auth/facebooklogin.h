// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "instagramaccount.h"
#include "keychainplace.h"
#include "loopbackredirectcatcher.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <functional>
#include <optional>

namespace taglens::engine {

class HttpClient;
class TokenStore;
struct HttpResponse;

/// The login to the Instagram Graph API through Facebook Login, with the user's own Meta app
/// (its app id and secret), RFC 8252 style:
/// 1. the loopback catcher listens on 127.0.0.1 at the FIXED port of the redirect URI the user
///    registered in the app, `http://localhost:PORT/` (Meta matches redirect URIs exactly, port
///    included, so no ephemeral port);
/// 2. dialogUrlReady() hands out `https://www.facebook.com/v21.0/dialog/oauth?client_id&
///    redirect_uri&state&scope=instagram_basic,pages_show_list,pages_read_engagement&
///    response_type=code` for a browser; the redirect must carry the state;
/// 3. the code is exchanged at `{graph}/oauth/access_token` (client_id, redirect_uri,
///    client_secret, code), then for a long-lived token (`grant_type=fb_exchange_token`, about
///    60 days);
/// 4. `{graph}/me/accounts?fields=instagram_business_account{id,username},name` finds the
///    Instagram professional account linked to one of the user's Facebook Pages;
/// 5. the client secret and the token go to the keychain (TokenStore); the app id, the account
///    id and username, the Page and the token's expiry to the settings file (group [instagram]).
///    A new login replaces the previous Instagram login.
///
/// About `localhost`: the redirect URI says localhost because that is what Meta accepts for
/// http redirect URIs, but the catcher listens on 127.0.0.1 only (never on every interface).
/// Browsers that resolve localhost to ::1 first fall back to 127.0.0.1 when ::1 refuses the
/// connection (Firefox and Chromium do; RFC 8252 section 8.3 prefers the IP literal for this
/// reason, which Meta does not allow for http). The catcher accepts `Host: localhost:PORT`.
///
/// All requests go through an HttpClient (https only, or http to loopback for tests); the
/// client secret and codes are kept out of messages and logs.
class FacebookLogin : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 DefaultPort = 8765;

    /// https://www.facebook.com/v21.0/dialog/oauth
    static QUrl defaultDialogBase();
    /// https://graph.facebook.com/v21.0
    static QUrl defaultGraphBase();
    /// `http://localhost:PORT/`: exactly what to register under Valid OAuth Redirect URIs.
    static QUrl redirectUriFor(quint16 port);
    /// "instagram_basic,pages_show_list,pages_read_engagement"
    static QString scopes();
    /// The dialog URL for \a clientId, \a redirectUri and \a state.
    static QUrl dialogUrl(const QUrl &dialogBase, const QString &clientId, const QUrl &redirectUri,
                          const QByteArray &state);

    /// A base URL given for tests (TAGLENS_GRAPH_API_BASE, TAGLENS_FACEBOOK_DIALOG_BASE): \a fallback
    /// when \a value is empty; only http or https URLs on a loopback host (127.0.0.0/8, ::1,
    /// localhost) are accepted, so the override cannot send a token anywhere else.
    static Expected<QUrl> loopbackOverride(const QString &value, const QUrl &fallback);

    /// The login's secrets go to the keychain entries of \a keychain, on KeychainThread: the login
    /// never waits for the keychain on its own thread.
    explicit FacebookLogin(const KeychainPlace &keychain, QObject *parent = nullptr);
    ~FacebookLogin() override;

    /// The port of the registered redirect URI (default 8765).
    void setPort(quint16 port);
    quint16 port() const { return m_port; }
    /// Where the Graph API and the dialog are; tests point them at 127.0.0.1.
    void setGraphBase(const QUrl &base);
    void setDialogBase(const QUrl &base);
    /// How long to wait for the browser (default 5 minutes).
    void setTimeout(std::chrono::milliseconds timeout);
    /// The clock for the token's expiry (tests).
    void setClock(std::function<QDateTime()> now);
    /// The catcher, for tests that watch refused requests.
    LoopbackRedirectCatcher *catcher() { return &m_catcher; }

    /// Starts the login for the Meta app \a clientId with \a clientSecret.
    void start(const QString &clientId, const QString &clientSecret);
    void cancel();
    bool isFinished() const;
    /// The account logged in, once finished().
    Expected<InstagramAccount> result() const;
    /// Runs a local event loop until finished() (for the command line).
    Expected<InstagramAccount> waitForFinished();
    /// Once finished(): empty while the keychain works, else why the login is kept for this run
    /// only (TokenStore::keychainProblem()).
    QString keychainProblem() const { return m_keychainProblem; }

    /// The stored Instagram login (NotFound when there is none).
    static Expected<InstagramAccount> storedAccount(TokenStore *store);
    /// The same from the settings file of a TokenStore (it holds no secret).
    static Expected<InstagramAccount> storedAccount(const QString &settingsFile);
    /// The stored long-lived token of \a account.
    static Expected<QString> storedToken(TokenStore *store, const InstagramAccount &account);
    /// The stored client secret of the Meta app \a clientId (NotFound when there is none).
    static Expected<QString> storedClientSecret(TokenStore *store, const QString &clientId);
    /// Forgets the stored login: its token (and, with \a forgetClientSecret, the app's secret).
    /// Meta has no revocation endpoint for these tokens short of removing the app's permissions
    /// (`DELETE /me/permissions`, which HttpClient cannot send); the user can remove TagLens'
    /// access at facebook.com/settings → Business Integrations.
    static Expected<void> logout(TokenStore *store, bool forgetClientSecret);

Q_SIGNALS:
    /// Open this in a browser (or print it).
    void dialogUrlReady(const QUrl &url);
    /// The catcher waits: for a progress line.
    void waitingForBrowser();
    void finished();

private:
    using Handler = std::function<void(const HttpResponse &)>;
    void listen();
    void haveRedirect();
    void get(const QUrl &url, const QString &bearer, const QString &step, Handler handler);
    void exchangeCode(const QString &code);
    void exchangeLongLived(const QString &shortToken);
    void findAccount(const QString &token, const QDateTime &expiresAt);
    void finishWith(const InstagramAccount &account, const QString &token);
    void fail(const Error &error);
    QString redacted(QString text) const;

    KeychainPlace m_keychain;
    QString m_keychainProblem;
    HttpClient *m_http;
    LoopbackRedirectCatcher m_catcher;
    quint16 m_port = DefaultPort;
    QUrl m_graphBase;
    QUrl m_dialogBase;
    std::function<QDateTime()> m_now;
    QString m_clientId;
    QString m_clientSecret;
    QString m_code;
    QStringList m_secrets; // values to keep out of messages
    std::optional<Expected<InstagramAccount>> m_result;
};

} // namespace taglens::engine
