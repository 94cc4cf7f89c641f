// SPDX-License-Identifier: GPL-3.0-or-later
#include "mastodonauthclient.h"

#include "../net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace taglens::engine {

Q_LOGGING_CATEGORY(lcMastodonAuth, "taglens.engine.auth.mastodon")

namespace {

constexpr qint64 MaxAnswerBytes = qint64{1024} * 1024;

QUrl endpoint(const QUrl &instance, const QString &path)
{
    QUrl url = instance;
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

Expected<QJsonObject> jsonObject(const QByteArray &body, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::make(ErrorCode::Network,
                           MastodonAuthClient::tr("%1: the server's answer is not a JSON object.").arg(what));
    return document.object();
}

} // namespace

QUrl MastodonAuthClient::registeredRedirectUri()
{
    return QUrl(QStringLiteral("http://127.0.0.1/callback"));
}

MastodonAuthClient::MastodonAuthClient(QObject *parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

MastodonAuthClient::~MastodonAuthClient() = default;

void MastodonAuthClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

Error MastodonAuthClient::errorFromResponse(int status, const QByteArray &body, const QString &what)
{
    QString detail;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString error = object.value(QLatin1String("error")).toString();
    const QString description = object.value(QLatin1String("error_description")).toString();
    if (!description.isEmpty())
        detail = description;
    else if (!error.isEmpty())
        detail = error;
    detail = detail.left(300);
    QString message;
    if (error == u"invalid_client")
        message = tr("%1: the instance does not know TagLens' registration any more (%2). Log in again.");
    else if (error == u"invalid_grant")
        message = tr("%1: the sign-in code was refused (%2). Start the login again.");
    else if (status == 401)
        message = tr("%1: the instance refused the credentials (%2).");
    else if (status == 403)
        message = tr("%1: the instance forbids this (%2).");
    else if (status == 404)
        message = tr("%1: the instance does not offer this (%2); is OAuth enabled there?");
    else if (status == 422)
        message = tr("%1: the instance rejected the request (%2).");
    else if (status == 429)
        message = tr("%1: the instance's rate limit was reached (%2); try again later.");
    else if (status >= 500)
        message = tr("%1: the instance had a problem (%2); try again later.");
    else
        message = tr("%1: the instance answered with an error (%2).");
    const QString shown = detail.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                                           : QStringLiteral("HTTP %1: %2").arg(status).arg(detail);
    return Error::make(status == 422 || status == 400 ? ErrorCode::InvalidArgument : ErrorCode::Network,
                       message.arg(what, shown));
}

void MastodonAuthClient::send(const QUrl &url, const QByteArray &method, const QUrlQuery &form,
                              const QString &bearer, const QString &what, const JsonCallback &done,
                              bool notFoundIsEmpty)
{
    if (!HttpClient::isAllowedUrl(url)) {
        QTimer::singleShot(0, this, [done, what] {
            done(Error::make(
                ErrorCode::InvalidArgument,
                tr("%1: only https addresses are allowed (plain http only to this computer).").arg(what)));
        });
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, HttpClient::userAgent());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(m_timeout.count()));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    QNetworkReply *reply = nullptr;
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        // QUrlQuery leaves '+' and '&' in values alone; encode the form by hand.
        QByteArray body;
        const auto items = form.queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        reply = m_manager->post(request, body);
    } else {
        reply = m_manager->get(request);
    }
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, what, done, notFoundIsEmpty] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(MaxAnswerBytes);
        qCDebug(lcMastodonAuth) << what << "->" << status;
        if (status == 0) {
            done(Error::make(ErrorCode::Network, tr("%1: %2").arg(what, reply->errorString())));
            return;
        }
        if (status == 404 && notFoundIsEmpty) {
            done(QByteArray());
            return;
        }
        if (status < 200 || status > 299) {
            done(errorFromResponse(status, body, what));
            return;
        }
        done(body);
    });
}

void MastodonAuthClient::registerApp(const QUrl &instance, const QUrl &redirectUri,
                                     const Callback<MastodonApp> &done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_name"), QStringLiteral("TagLens"));
    form.addQueryItem(QStringLiteral("redirect_uris"), redirectUri.toString(QUrl::FullyEncoded));
    form.addQueryItem(QStringLiteral("scopes"), QStringLiteral("read"));
    form.addQueryItem(QStringLiteral("website"), QStringLiteral("https://taglens.invalid"));
    const QString what = tr("Registering TagLens with %1").arg(instance.host());
    send(endpoint(instance, QStringLiteral("/api/v1/apps")), "POST", form, QString(), what,
         [instance, redirectUri, what, done](Expected<QByteArray> body) {
             if (!body)
                 return done(body.error());
             auto object = jsonObject(*body, what);
             if (!object)
                 return done(object.error());
             MastodonApp app{instance, object->value(QLatin1String("client_id")).toString(),
                             object->value(QLatin1String("client_secret")).toString(), redirectUri};
             if (!app.isValid())
                 return done(Error::make(ErrorCode::Network,
                                         tr("%1: the answer has no client_id or client_secret.").arg(what)));
             done(app);
         });
}

void MastodonAuthClient::fetchPkceSupport(const QUrl &instance, const Callback<bool> &done)
{
    const QString what = tr("Reading the OAuth metadata of %1").arg(instance.host());
    send(
        endpoint(instance, QStringLiteral("/.well-known/oauth-authorization-server")), "GET", {}, QString(),
        what,
        [what, done](Expected<QByteArray> body) {
            if (!body)
                return done(body.error());
            if (body->isEmpty()) // no metadata: Mastodon before 4.3, Pixelfed
                return done(false);
            auto object = jsonObject(*body, what);
            if (!object)
                return done(object.error());
            const QJsonArray methods =
                object->value(QLatin1String("code_challenge_methods_supported")).toArray();
            done(methods.contains(QJsonValue(QStringLiteral("S256"))));
        },
        true);
}

QUrl MastodonAuthClient::authorizeUrl(const MastodonApp &app, const QUrl &redirectUri,
                                      const QByteArray &state, const QByteArray &codeChallenge)
{
    QUrl url = endpoint(app.instance, QStringLiteral("/oauth/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), QString::fromUtf8(QUrl::toPercentEncoding(app.clientId)));
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QString::fromUtf8(QUrl::toPercentEncoding(redirectUri.toString(QUrl::FullyEncoded))));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("read"));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
    if (!codeChallenge.isEmpty()) {
        query.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge));
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    }
    url.setQuery(query);
    return url;
}

void MastodonAuthClient::exchangeCode(const MastodonApp &app, const QString &code, const QUrl &redirectUri,
                                      const QByteArray &codeVerifier, const Callback<OAuthToken> &done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("client_id"), app.clientId);
    if (!app.clientSecret.isEmpty())
        form.addQueryItem(QStringLiteral("client_secret"), app.clientSecret);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded));
    form.addQueryItem(QStringLiteral("scope"), QStringLiteral("read"));
    if (!codeVerifier.isEmpty())
        form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier));
    const QString what = tr("Getting a token from %1").arg(app.instance.host());
    send(endpoint(app.instance, QStringLiteral("/oauth/token")), "POST", form, QString(), what,
         [what, done](Expected<QByteArray> body) {
             if (!body)
                 return done(body.error());
             auto object = jsonObject(*body, what);
             if (!object)
                 return done(object.error());
             OAuthToken token{object->value(QLatin1String("access_token")).toString(),
                              object->value(QLatin1String("token_type")).toString(),
                              object->value(QLatin1String("scope")).toString()};
             if (token.accessToken.isEmpty())
                 return done(
                     Error::make(ErrorCode::Network, tr("%1: the answer has no access_token.").arg(what)));
             done(token);
         });
}

void MastodonAuthClient::verifyCredentials(const QUrl &instance, const QString &accessToken,
                                           const Callback<MastodonAccount> &done)
{
    const QString what = tr("Checking the account on %1").arg(instance.host());
    send(endpoint(instance, QStringLiteral("/api/v1/accounts/verify_credentials")), "GET", {}, accessToken,
         what, [what, done](Expected<QByteArray> body) {
             if (!body)
                 return done(body.error());
             auto object = jsonObject(*body, what);
             if (!object)
                 return done(object.error());
             MastodonAccount account{object->value(QLatin1String("id")).toVariant().toString(),
                                     object->value(QLatin1String("username")).toString(),
                                     object->value(QLatin1String("acct")).toString(),
                                     QUrl(object->value(QLatin1String("url")).toString())};
             if (account.acct.isEmpty())
                 account.acct = account.username;
             if (account.acct.isEmpty())
                 return done(
                     Error::make(ErrorCode::Network, tr("%1: the answer names no account.").arg(what)));
             done(account);
         });
}

void MastodonAuthClient::revoke(const MastodonApp &app, const QString &accessToken,
                                const Callback<bool> &done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), app.clientId);
    if (!app.clientSecret.isEmpty())
        form.addQueryItem(QStringLiteral("client_secret"), app.clientSecret);
    form.addQueryItem(QStringLiteral("token"), accessToken);
    const QString what = tr("Revoking the token at %1").arg(app.instance.host());
    send(endpoint(app.instance, QStringLiteral("/oauth/revoke")), "POST", form, QString(), what,
         [done](const Expected<QByteArray> &body) {
             if (!body)
                 return done(body.error());
             done(true);
         });
}

} // namespace taglens::engine
