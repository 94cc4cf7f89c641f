// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "mastodonaccount.h"
#include "mastodonapp.h"
#include "oauthtoken.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>
#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace taglens::engine {

/// The OAuth 2.0 steps against a Mastodon or Pixelfed instance, each one request:
/// app registration, PKCE discovery, the authorize URL, code exchange, verification, revocation.
///
/// Like HttpClient, it talks only https, or plain http to loopback hosts; redirects are not
/// followed (credentials must not wander). OAuth and API error bodies
/// (`{"error": ..., "error_description": ...}`) become clear messages. Results arrive through the
/// callbacks, always asynchronously, on the thread that owns the client.
class MastodonAuthClient : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(Expected<T>)>;

    /// What TagLens registers as its redirect URI: Mastodon (Doorkeeper) and Pixelfed (league/oauth2)
    /// ignore the port of loopback IP redirect URIs when matching (RFC 8252 7.3), so one
    /// registration serves every ephemeral port.
    static QUrl registeredRedirectUri();

    explicit MastodonAuthClient(QObject *parent = nullptr);
    ~MastodonAuthClient() override;

    /// `POST /api/v1/apps` with client_name "TagLens", scope read and \a redirectUri.
    void registerApp(const QUrl &instance, const QUrl &redirectUri, const Callback<MastodonApp> &done);
    /// Whether `/.well-known/oauth-authorization-server` lists S256 in
    /// code_challenge_methods_supported (Mastodon 4.3+). A missing document (404) means false.
    void fetchPkceSupport(const QUrl &instance, const Callback<bool> &done);
    /// `/oauth/authorize?...`; \a codeChallenge empty: no PKCE parameters.
    static QUrl authorizeUrl(const MastodonApp &app, const QUrl &redirectUri, const QByteArray &state,
                             const QByteArray &codeChallenge);
    /// `POST /oauth/token` (authorization_code); \a codeVerifier empty: no PKCE.
    void exchangeCode(const MastodonApp &app, const QString &code, const QUrl &redirectUri,
                      const QByteArray &codeVerifier, const Callback<OAuthToken> &done);
    /// `GET /api/v1/accounts/verify_credentials` with the token.
    void verifyCredentials(const QUrl &instance, const QString &accessToken,
                           const Callback<MastodonAccount> &done);
    /// `POST /oauth/revoke`.
    void revoke(const MastodonApp &app, const QString &accessToken, const Callback<bool> &done);

    /// A message for people from an error answer: the status, what was being done, and the
    /// server's `error_description` or `error`.
    static Error errorFromResponse(int status, const QByteArray &body, const QString &what);

    /// How long a request may last (default 30 s).
    void setTimeout(std::chrono::milliseconds timeout);

private:
    using JsonCallback = std::function<void(Expected<QByteArray>)>;
    void send(const QUrl &url, const QByteArray &method, const QUrlQuery &form, const QString &bearer,
              const QString &what, const JsonCallback &done, bool notFoundIsEmpty = false);

    QNetworkAccessManager *m_manager = nullptr;
    std::chrono::milliseconds m_timeout{30000};
};

} // namespace taglens::engine
