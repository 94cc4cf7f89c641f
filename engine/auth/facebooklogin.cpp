// SPDX-License-Identifier: GPL-3.0-or-later
#include "facebooklogin.h"

#include "../core/sourcekind.h"
#include "../core/whenfinished.h"
#include "../net/graphapierror.h"
#include "../net/httpclient.h"
#include "keychainthread.h"
#include "pkce.h"
#include "tokenstore.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimeZone>
#include <QUrlQuery>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcFacebookLogin, "taglens.engine.auth.facebook")

namespace taglens::engine {

namespace {

constexpr qint64 MaxAnswerBytes = qint64(1024) * 1024;
const QString SettingsGroup = QStringLiteral("instagram");

QString clientSecretName(const QString &clientId)
{
    return QStringLiteral("instagram-client-secret:%1").arg(clientId);
}

StoredAccount listing(const QString &userId)
{
    return StoredAccount{SourceKind::Instagram, QUrl(instagramInstance()), userId};
}

QUrl graphUrl(const QUrl &base, const QString &path, const QUrlQuery &query)
{
    QUrl url = base;
    QString basePath = base.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

bool isPlainId(const QString &text, int maxLength = 64)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    return std::all_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; });
}

QString cleanName(const QJsonValue &value)
{
    QString text = value.toString().left(200);
    text.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
    return text.simplified();
}

} // namespace

QUrl FacebookLogin::defaultDialogBase()
{
    return QUrl(QStringLiteral("https://www.facebook.com/v21.0/dialog/oauth"));
}

QUrl FacebookLogin::defaultGraphBase()
{
    return QUrl(QStringLiteral("https://graph.facebook.com/v21.0"));
}

QUrl FacebookLogin::redirectUriFor(quint16 port)
{
    return QUrl(QStringLiteral("http://localhost:%1/").arg(port));
}

QString FacebookLogin::scopes()
{
    return QStringLiteral("instagram_basic,pages_show_list,pages_read_engagement");
}

QUrl FacebookLogin::dialogUrl(const QUrl &dialogBase, const QString &clientId, const QUrl &redirectUri,
                              const QByteArray &state)
{
    QUrl url = dialogBase;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), encoded(clientId));
    query.addQueryItem(QStringLiteral("redirect_uri"), encoded(redirectUri.toString(QUrl::FullyEncoded)));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
    query.addQueryItem(QStringLiteral("scope"), encoded(scopes()));
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    url.setQuery(query);
    return url;
}

Expected<QUrl> FacebookLogin::loopbackOverride(const QString &value, const QUrl &fallback)
{
    if (value.isEmpty())
        return fallback;
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QHostAddress address(url.host());
    const bool loopback = url.host().compare(u"localhost", Qt::CaseInsensitive) == 0 ||
                          (!address.isNull() && address.isLoopback());
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || !loopback || url.hasQuery() ||
        !url.userInfo().isEmpty())
        return Error::make(
            ErrorCode::InvalidArgument,
            tr("“%1” is not accepted as a Graph API address: the override is for tests and only "
               "takes http(s) addresses on this computer (127.0.0.1, ::1, localhost).")
                .arg(value.left(200)));
    return url;
}

FacebookLogin::FacebookLogin(const KeychainPlace &keychain, QObject *parent)
    : QObject(parent), m_keychain(keychain), m_http(new HttpClient(this)), m_graphBase(defaultGraphBase()),
      m_dialogBase(defaultDialogBase()), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    // A code can be exchanged once: a retry after a lost answer would only be refused.
    m_http->setMaxRetries(1);
    m_http->setBackoff(std::chrono::milliseconds(500), std::chrono::milliseconds(2000));
    m_catcher.setPath(QStringLiteral("/"));
    connect(&m_catcher, &LoopbackRedirectCatcher::finished, this, &FacebookLogin::haveRedirect);
}

FacebookLogin::~FacebookLogin()
{
    m_http->cancelAll();
}

void FacebookLogin::setPort(quint16 port)
{
    m_port = port;
}

void FacebookLogin::setGraphBase(const QUrl &base)
{
    m_graphBase = base;
}

void FacebookLogin::setDialogBase(const QUrl &base)
{
    m_dialogBase = base;
}

void FacebookLogin::setTimeout(std::chrono::milliseconds timeout)
{
    m_catcher.setTimeout(timeout);
}

void FacebookLogin::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

bool FacebookLogin::isFinished() const
{
    return m_result.has_value();
}

Expected<InstagramAccount> FacebookLogin::result() const
{
    if (!m_result)
        return Error::make(ErrorCode::Internal, tr("The login has not finished yet."));
    return *m_result;
}

Expected<InstagramAccount> FacebookLogin::waitForFinished()
{
    if (!m_result) {
        QEventLoop loop;
        connect(this, &FacebookLogin::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result();
}

void FacebookLogin::cancel()
{
    if (m_result)
        return;
    if (m_catcher.isListening()) {
        m_catcher.cancel(); // reports through haveRedirect()
        return;
    }
    m_http->cancelAll();
    fail(Error::make(ErrorCode::Cancelled, tr("The login was cancelled.")));
}

QString FacebookLogin::redacted(QString text) const
{
    for (const QString &secret : m_secrets) {
        if (secret.size() >= 4) {
            text.replace(secret, QStringLiteral("REDACTED"));
            text.replace(encoded(secret), QStringLiteral("REDACTED"));
        }
    }
    return text;
}

void FacebookLogin::fail(const Error &error)
{
    if (m_result)
        return;
    const Error clean{error.code, redacted(error.message)};
    qCInfo(lcFacebookLogin) << "login failed:" << clean.message;
    m_result = clean;
    m_clientSecret.clear();
    Q_EMIT finished();
}

void FacebookLogin::start(const QString &clientId, const QString &clientSecret)
{
    m_clientId = clientId.trimmed();
    m_clientSecret = clientSecret.trimmed();
    m_secrets = {m_clientSecret};
    QMetaObject::invokeMethod(this, &FacebookLogin::listen, Qt::QueuedConnection);
}

void FacebookLogin::listen()
{
    if (m_result)
        return;
    if (!isPlainId(m_clientId))
        return fail(Error::make(ErrorCode::InvalidArgument,
                                tr("“%1” is not a Meta app id (a number, shown as App ID in the app's "
                                   "dashboard).")
                                    .arg(m_clientId.left(80))));
    if (m_clientSecret.isEmpty())
        return fail(Error::make(ErrorCode::InvalidArgument, tr("The Meta app's secret is empty.")));
    for (const QUrl &base : {m_graphBase, m_dialogBase}) {
        if (!HttpClient::isAllowedUrl(base))
            return fail(Error::make(ErrorCode::InvalidArgument,
                                    tr("%1 is not an https address.").arg(base.toDisplayString())));
    }
    const QByteArray state = Pkce::generateState();
    m_catcher.setExpectedState(state);
    auto listening = m_catcher.listen(m_port);
    if (!listening) {
        QString problem = listening.error().message;
        if (!problem.endsWith(u'.'))
            problem += u'.';
        return fail(Error::make(
            listening.error().code,
            tr("%1 Another program may be using port %2; choose another port with --port and register "
               "%3 in the Meta app instead.")
                .arg(problem, QString::number(m_port),
                     redirectUriFor(m_port == 65535 ? 8766 : m_port + 1).toString())));
    }
    Q_EMIT dialogUrlReady(dialogUrl(m_dialogBase, m_clientId, redirectUriFor(m_port), state));
    Q_EMIT waitingForBrowser();
}

void FacebookLogin::haveRedirect()
{
    const auto redirect = m_catcher.result();
    if (!redirect)
        return fail(redirect.error());
    m_code = redirect->code;
    m_secrets.append(m_code);
    exchangeCode(m_code);
}

void FacebookLogin::get(const QUrl &url, const QString &bearer, const QString &step, Handler handler)
{
    if (m_result)
        return;
    RequestOptions options;
    options.bearerToken = bearer;
    options.headers.emplaceBack("Accept", "application/json");
    options.maxBodyBytes = MaxAnswerBytes;
    HttpJob *job = m_http->get(url, options);
    connect(
        job, &HttpJob::finished, this,
        [this, job, step, handler = std::move(handler)](const Expected<HttpResponse> &result) {
            if (m_result)
                return;
            const auto details =
                result ? GraphApiError::parse(result->body) : GraphApiError::parse(job->errorBody());
            if (!result || details) {
                Error error = result ? Error{} : result.error();
                if (details) {
                    const auto kind = GraphApiError::classify(*details);
                    error = GraphApiError::toError(*details, job->httpStatus());
                    // Meta answers a wrong secret or code with codes 1, 100 or 101, which mean
                    // something else elsewhere: say what this step needs.
                    if (kind != GraphApiError::Kind::ExpiredLogin && kind != GraphApiError::Kind::RateLimit &&
                        kind != GraphApiError::Kind::HashtagLimit && kind != GraphApiError::Kind::Permission)
                        error = Error::make(
                            ErrorCode::InvalidArgument,
                            tr("Meta refused to %1: “%2” (code %3). Check the app id and secret, and that "
                               "%4 is listed exactly under Valid OAuth Redirect URIs in the app's Facebook "
                               "Login settings.")
                                .arg(step, details->message, QString::number(details->code),
                                     redirectUriFor(m_port).toString()));
                }
                return fail(error);
            }
            handler(*result);
        });
}

void FacebookLogin::exchangeCode(const QString &code)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), encoded(m_clientId));
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       encoded(redirectUriFor(m_port).toString(QUrl::FullyEncoded)));
    query.addQueryItem(QStringLiteral("client_secret"), encoded(m_clientSecret));
    query.addQueryItem(QStringLiteral("code"), encoded(code));
    get(graphUrl(m_graphBase, QStringLiteral("/oauth/access_token"), query), QString(),
        tr("exchange the sign-in code for a token"), [this](const HttpResponse &response) {
            const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
            const QString token = answer.value(u"access_token").toString();
            if (token.isEmpty() || token.size() > 4096)
                return fail(
                    Error::make(ErrorCode::Network, tr("Meta's token answer carries no access token.")));
            m_secrets.append(token);
            exchangeLongLived(token);
        });
}

void FacebookLogin::exchangeLongLived(const QString &shortToken)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("fb_exchange_token"));
    query.addQueryItem(QStringLiteral("client_id"), encoded(m_clientId));
    query.addQueryItem(QStringLiteral("client_secret"), encoded(m_clientSecret));
    query.addQueryItem(QStringLiteral("fb_exchange_token"), encoded(shortToken));
    get(graphUrl(m_graphBase, QStringLiteral("/oauth/access_token"), query), QString(),
        tr("exchange the token for a long-lived one"), [this](const HttpResponse &response) {
            const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
            const QString token = answer.value(u"access_token").toString();
            if (token.isEmpty() || token.size() > 4096)
                return fail(Error::make(ErrorCode::Network,
                                        tr("Meta's long-lived token answer carries no access token.")));
            m_secrets.append(token);
            QDateTime expiresAt;
            const double expiresIn = answer.value(u"expires_in").toDouble(-1);
            if (std::isfinite(expiresIn) && expiresIn > 0 && expiresIn < 10.0 * 365 * 24 * 3600)
                expiresAt = m_now().toUTC().addSecs(qint64(expiresIn));
            findAccount(token, expiresAt);
        });
}

void FacebookLogin::findAccount(const QString &token, const QDateTime &expiresAt)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("fields"),
                       encoded(QStringLiteral("instagram_business_account{id,username},name")));
    get(graphUrl(m_graphBase, QStringLiteral("/me/accounts"), query), token,
        tr("list the Facebook Pages of this login"), [this, token, expiresAt](const HttpResponse &response) {
            const QJsonValue data = QJsonDocument::fromJson(response.body).object().value(u"data");
            if (!data.isArray())
                return fail(
                    Error::make(ErrorCode::Network, tr("Meta's list of Facebook Pages is unreadable.")));
            const QJsonArray pages = data.toArray();
            for (qsizetype i = 0; i < pages.size() && i < 1000; ++i) {
                const QJsonObject page = pages.at(i).toObject();
                const QJsonObject business = page.value(u"instagram_business_account").toObject();
                const QString id = business.value(u"id").toString();
                if (!isPlainId(id))
                    continue;
                InstagramAccount account;
                account.clientId = m_clientId;
                account.userId = id;
                account.username = cleanName(business.value(u"username"));
                account.pageName = cleanName(page.value(u"name"));
                account.tokenExpiresAt = expiresAt;
                account.redirectPort = m_port;
                return finishWith(account, token);
            }
            fail(Error::make(
                ErrorCode::NotFound,
                tr("None of the Facebook Pages this login can see (%1) has an Instagram professional account "
                   "linked. Switch the Instagram account to a Business or Creator account, link it to a "
                   "Facebook "
                   "Page (Page settings → Linked accounts → Instagram), and when logging in again, give "
                   "TagLens "
                   "access to that Page.")
                    .arg(QString::number(pages.size()))));
        });
}

namespace {

/// Stores a new Instagram login (run on the keychain thread): replaces the previous one, keeps
/// the app's secret and the token in the keychain and the account in the settings file.
struct StoredLogin
{
    Expected<void> written;
    QString keychainProblem;
};

Expected<void> writeAccountSettings(const QString &settingsFile, const InstagramAccount &account)
{
    QDir().mkpath(QFileInfo(settingsFile).absolutePath());
    QSettings settings(settingsFile, QSettings::IniFormat);
    settings.remove(SettingsGroup);
    settings.beginGroup(SettingsGroup);
    settings.setValue(QStringLiteral("clientId"), account.clientId);
    settings.setValue(QStringLiteral("userId"), account.userId);
    settings.setValue(QStringLiteral("username"), account.username);
    settings.setValue(QStringLiteral("pageName"), account.pageName);
    settings.setValue(QStringLiteral("tokenExpiresAt"), account.tokenExpiresAt.isValid()
                                                            ? account.tokenExpiresAt.toString(Qt::ISODate)
                                                            : QString());
    settings.setValue(QStringLiteral("redirectPort"), account.redirectPort);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Error::make(ErrorCode::Io, FacebookLogin::tr("Cannot write %1.").arg(settingsFile));
    return {};
}

Expected<void> storeLogin(TokenStore &store, const InstagramAccount &account, const QString &token,
                          const QString &clientSecret)
{
    // One Instagram login at a time: the new one replaces the old.
    if (auto previous = FacebookLogin::storedAccount(&store);
        previous && previous->userId != account.userId) {
        if (auto removed = store.removeToken(listing(previous->userId)); !removed)
            qCWarning(lcFacebookLogin)
                << "the previous Instagram login could not be removed:" << removed.error().message;
    }
    if (auto saved = store.saveSecret(clientSecretName(account.clientId), clientSecret); !saved)
        return saved;
    if (auto saved = store.saveToken(listing(account.userId), token); !saved)
        return saved;
    if (!store.keychainProblem().isEmpty())
        return {}; // kept for this run only: listed nowhere
    return writeAccountSettings(store.settingsFile(), account);
}

} // namespace

void FacebookLogin::finishWith(const InstagramAccount &account, const QString &token)
{
    whenFinished(KeychainThread::run(m_keychain,
                                     [account, token, secret = m_clientSecret](TokenStore &store) {
                                         Expected<void> written = storeLogin(store, account, token, secret);
                                         return StoredLogin{std::move(written), store.keychainProblem()};
                                     }),
                 this, [this, account](const StoredLogin &stored) {
                     if (m_result)
                         return;
                     if (!stored.written)
                         return fail(stored.written.error());
                     qCInfo(lcFacebookLogin) << "logged in as Instagram account" << account.userId;
                     m_keychainProblem = stored.keychainProblem;
                     m_clientSecret.clear();
                     m_result = account;
                     Q_EMIT finished();
                 });
}

Expected<InstagramAccount> FacebookLogin::storedAccount(TokenStore *store)
{
    return storedAccount(store->settingsFile());
}

Expected<InstagramAccount> FacebookLogin::storedAccount(const QString &settingsFile)
{
    QSettings settings(settingsFile, QSettings::IniFormat);
    settings.beginGroup(SettingsGroup);
    InstagramAccount account;
    account.clientId = settings.value(QStringLiteral("clientId")).toString();
    account.userId = settings.value(QStringLiteral("userId")).toString();
    account.username = settings.value(QStringLiteral("username")).toString();
    account.pageName = settings.value(QStringLiteral("pageName")).toString();
    const QString expiry = settings.value(QStringLiteral("tokenExpiresAt")).toString();
    if (!expiry.isEmpty())
        account.tokenExpiresAt = QDateTime::fromString(expiry, Qt::ISODate).toUTC();
    account.redirectPort = settings.value(QStringLiteral("redirectPort")).toInt();
    if (!account.isValid() || !isPlainId(account.userId))
        return Error::make(
            ErrorCode::NotFound,
            tr("Not logged in to Instagram; log in with `taglens-cli auth login --source instagram "
               "--client-id APP_ID` (in the desktop app: File ▸ Accounts…)."));
    return account;
}

Expected<QString> FacebookLogin::storedToken(TokenStore *store, const InstagramAccount &account)
{
    auto token = store->token(listing(account.userId));
    if (!token && token.error().code == ErrorCode::NotFound)
        return Error::make(
            ErrorCode::Unauthorized,
            tr("The Instagram login's token is not in the keychain any more; log in again with "
               "`taglens-cli auth login --source instagram` (in the desktop app: File ▸ Accounts…)."));
    return token;
}

Expected<QString> FacebookLogin::storedClientSecret(TokenStore *store, const QString &clientId)
{
    return store->secret(clientSecretName(clientId));
}

Expected<void> FacebookLogin::logout(TokenStore *store, bool forgetClientSecret)
{
    const auto account = storedAccount(store);
    if (!account)
        return account.error();
    if (auto removed = store->removeToken(listing(account->userId)); !removed)
        return removed;
    if (forgetClientSecret) {
        if (auto removed = store->removeSecret(clientSecretName(account->clientId)); !removed)
            return removed;
    }
    QSettings settings(store->settingsFile(), QSettings::IniFormat);
    settings.remove(SettingsGroup);
    settings.sync();
    return {};
}

} // namespace taglens::engine
