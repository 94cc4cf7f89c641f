// SPDX-License-Identifier: GPL-3.0-or-later
// The Mastodon OAuth steps and the whole MastodonLogin against a stand-in on 127.0.0.1 that
// speaks Mastodon's documented formats (docs.joinmastodon.org: apps, oauth, accounts), errors
// included. Run through run-with-keyring.sh so the login stores into a real Secret Service.
#include "engine/auth/loopbackredirectcatcher.h"
#include "engine/auth/mastodonauthclient.h"
#include "engine/auth/mastodonlogin.h"
#include "engine/auth/pkce.h"
#include "engine/auth/tokenstore.h"
#include "mastodonoauthstandin.h"
#include "support/testhttpserver.h"

#include <QDirIterator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace taglens::engine;
using namespace taglens::tests;

namespace {

// The page the browser gets after a sign-in ends, in whatever language the catcher speaks.
QByteArray closeTabHint()
{
    return taglens::engine::LoopbackRedirectCatcher::tr("You can close this tab and return to TagLens.")
        .toUtf8();
}

template <typename T, typename Start> Expected<T> await(Start start)
{
    std::optional<Expected<T>> result;
    start([&](Expected<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error::make(ErrorCode::Internal, QStringLiteral("no answer within 30 s"));
    return *result;
}

MastodonApp app(const MastodonOAuthStandIn &standIn)
{
    return MastodonApp{standIn.instance(), ClientId, ClientSecret,
                       MastodonAuthClient::registeredRedirectUri()};
}

} // namespace

class TestMastodonAuthClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registerApp()
    {
        MastodonOAuthStandIn standIn;
        MastodonAuthClient client;
        const auto registered = await<MastodonApp>([&](auto done) {
            client.registerApp(standIn.instance(), MastodonAuthClient::registeredRedirectUri(), done);
        });
        QVERIFY2(registered.hasValue(), registered ? "" : qPrintable(registered.error().message));
        QCOMPARE(registered->clientId, ClientId);
        QCOMPARE(registered->clientSecret, ClientSecret);
        const auto requests = standIn.server.requests(QStringLiteral("/api/v1/apps"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QVERIFY(requests[0].header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        const QUrlQuery sent = form(requests[0]);
        QCOMPARE(field(sent, "client_name"), QStringLiteral("TagLens"));
        QCOMPARE(field(sent, "redirect_uris"), QStringLiteral("http://127.0.0.1/callback"));
        QCOMPARE(field(sent, "scopes"), QStringLiteral("read"));
        QVERIFY(!field(sent, "website").isEmpty());
    }

    void errorsBecomeMessages_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("apps 422")
            << QStringLiteral("apps") << 422
            << QByteArray(R"({"error":"Validation failed: Redirect URI must be an absolute URI."})")
            << ErrorCode::InvalidArgument << QStringLiteral("Redirect URI must be an absolute URI");
        QTest::newRow("apps 404 (OAuth off on Pixelfed)")
            << QStringLiteral("apps") << 404 << QByteArray("<html>nope</html>") << ErrorCode::Network
            << QStringLiteral("404");
        QTest::newRow("apps 429") << QStringLiteral("apps") << 429
                                  << QByteArray(R"({"error":"Too many requests"})") << ErrorCode::Network
                                  << QStringLiteral("429");
        QTest::newRow("apps 503") << QStringLiteral("apps") << 503 << QByteArray() << ErrorCode::Network
                                  << QStringLiteral("503");
        QTest::newRow("apps 200 without secret")
            << QStringLiteral("apps") << 200 << QByteArray(R"({"id":"1","name":"TagLens"})")
            << ErrorCode::Network << QStringLiteral("client_secret");
        QTest::newRow("apps 200 not json")
            << QStringLiteral("apps") << 200 << QByteArray("<html>") << ErrorCode::Network
            << QString(); // nothing passed in to look for
        QTest::newRow("token invalid_grant")
            << QStringLiteral("token") << 400
            << QByteArray(
                   R"({"error":"invalid_grant","error_description":"The provided authorization grant is invalid."})")
            << ErrorCode::InvalidArgument << QStringLiteral("The provided authorization grant is invalid.");
        QTest::newRow("token invalid_client")
            << QStringLiteral("token") << 401
            << QByteArray(
                   R"({"error":"invalid_client","error_description":"Client authentication failed due to unknown client."})")
            << ErrorCode::Network << QStringLiteral("401");
        QTest::newRow("revoke unauthorized_client")
            << QStringLiteral("revoke") << 403
            << QByteArray(
                   R"({"error":"unauthorized_client","error_description":"You are not authorized to revoke this token"})")
            << ErrorCode::Network << QStringLiteral("You are not authorized to revoke this token");
    }
    void errorsBecomeMessages()
    {
        QFETCH(QString, step);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        MastodonOAuthStandIn standIn;
        MastodonAuthClient client;
        const auto answer = TestHttpServer::Response::json(body, status);
        Error error;
        if (step == u"apps") {
            standIn.appsError = answer;
            auto r = await<MastodonApp>([&](auto done) {
                client.registerApp(standIn.instance(), MastodonAuthClient::registeredRedirectUri(), done);
            });
            QVERIFY(!r.hasValue());
            error = r.error();
        } else if (step == u"token") {
            standIn.tokenError = answer;
            auto r = await<OAuthToken>([&](auto done) {
                client.exchangeCode(app(standIn), Code, QUrl(QStringLiteral("http://127.0.0.1:5/callback")),
                                    {}, done);
            });
            QVERIFY(!r.hasValue());
            error = r.error();
        } else {
            standIn.revokeError = answer;
            auto r = await<bool>([&](auto done) { client.revoke(app(standIn), AccessToken, done); });
            QVERIFY(!r.hasValue());
            error = r.error();
        }
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    }

    void pkceDiscovery_data()
    {
        QTest::addColumn<bool>("advertised");
        QTest::newRow("Mastodon 4.3+") << true;
        QTest::newRow("no metadata (older Mastodon, Pixelfed)") << false;
    }
    void pkceDiscovery()
    {
        QFETCH(bool, advertised);
        MastodonOAuthStandIn standIn;
        standIn.advertisePkce = advertised;
        MastodonAuthClient client;
        auto pkce = await<bool>([&](auto done) { client.fetchPkceSupport(standIn.instance(), done); });
        QVERIFY(pkce.hasValue());
        QCOMPARE(*pkce, advertised);
    }

    void authorizeUrl()
    {
        const MastodonApp a{QUrl(QStringLiteral("https://social.example")), ClientId, ClientSecret, {}};
        const QUrl url = MastodonAuthClient::authorizeUrl(
            a, QUrl(QStringLiteral("http://127.0.0.1:4711/callback")), "STATE", "CHALLENGE");
        QCOMPARE(url.path(), QStringLiteral("/oauth/authorize"));
        const QUrlQuery q(url);
        QCOMPARE(field(q, "response_type"), QStringLiteral("code"));
        QCOMPARE(field(q, "client_id"), ClientId);
        QCOMPARE(field(q, "redirect_uri"), QStringLiteral("http://127.0.0.1:4711/callback"));
        QCOMPARE(field(q, "scope"), QStringLiteral("read"));
        QCOMPARE(field(q, "state"), QStringLiteral("STATE"));
        QCOMPARE(field(q, "code_challenge"), QStringLiteral("CHALLENGE"));
        QCOMPARE(field(q, "code_challenge_method"), QStringLiteral("S256"));
        const QUrlQuery noPkce(MastodonAuthClient::authorizeUrl(
            a, QUrl(QStringLiteral("http://127.0.0.1:1/callback")), "S", {}));
        QVERIFY(!noPkce.hasQueryItem(QStringLiteral("code_challenge")));
        QCOMPARE(field(noPkce, "state"), QStringLiteral("S"));
    }

    void verifyAndRevoke()
    {
        MastodonOAuthStandIn standIn;
        MastodonAuthClient client;
        auto account = await<MastodonAccount>(
            [&](auto done) { client.verifyCredentials(standIn.instance(), AccessToken, done); });
        QVERIFY(account.hasValue());
        QCOMPARE(account->acct, QStringLiteral("trwnh"));
        QCOMPARE(account->id, QStringLiteral("14715"));
        auto revoked = await<bool>([&](auto done) { client.revoke(app(standIn), AccessToken, done); });
        QVERIFY(revoked.hasValue());
        QVERIFY(standIn.revoked);
        auto refused = await<MastodonAccount>(
            [&](auto done) { client.verifyCredentials(standIn.instance(), AccessToken, done); });
        QVERIFY(!refused.hasValue());
        QVERIFY2(refused.error().message.contains(QStringLiteral("The access token is invalid")),
                 qPrintable(refused.error().message));
    }

    void refusesPlainHttpElsewhere()
    {
        MastodonAuthClient client;
        auto r = await<MastodonApp>([&](auto done) {
            client.registerApp(QUrl(QStringLiteral("http://social.example")),
                               MastodonAuthClient::registeredRedirectUri(), done);
        });
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }

    void wholeLogin_data()
    {
        QTest::addColumn<bool>("pkce");
        QTest::newRow("with PKCE") << true;
        QTest::newRow("without PKCE") << false;
    }
    void wholeLogin()
    {
        QFETCH(bool, pkce);
        MastodonOAuthStandIn standIn;
        standIn.advertisePkce = pkce;
        QTemporaryDir config;
        TokenStore store(config.filePath(QStringLiteral("taglens/auth.conf")));
        store.setService(QStringLiteral("TagLens-test-") +
                         QString::number(QRandomGenerator::system()->generate(), 36));
        MastodonLogin login(store.place(), SourceKind::Mastodon);
        QSignalSpy urls(&login, &MastodonLogin::authorizeUrlReady);
        QSignalSpy finished(&login, &MastodonLogin::finished);
        login.start(standIn.instance());
        QVERIFY(urls.wait(30000));
        const QUrl authorize = urls.first().first().toUrl();
        QCOMPARE(authorize.path(), QStringLiteral("/oauth/authorize"));
        const QUrlQuery q(authorize);
        QCOMPARE(field(q, "client_id"), ClientId);
        QCOMPARE(q.hasQueryItem(QStringLiteral("code_challenge")), pkce);
        standIn.lastChallenge = field(q, "code_challenge").toLatin1();

        // The user agent: the instance's authorize page redirects the browser to the catcher.
        QUrl callback(field(q, "redirect_uri"));
        QVERIFY(callback.toString().startsWith(QStringLiteral("http://127.0.0.1:")));
        callback.setQuery(QStringLiteral("code=%1&state=%2").arg(Code, field(q, "state")));
        QNetworkAccessManager browser;
        QNetworkReply *page = browser.get(QNetworkRequest(callback));
        QTRY_VERIFY_WITH_TIMEOUT(page->isFinished(), 30000);
        QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(page->readAll().contains(closeTabHint()));
        delete page;

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto account = login.result();
        QVERIFY2(account.hasValue(), account ? "" : qPrintable(account.error().message));
        QCOMPARE(account->acct, QStringLiteral("trwnh"));
        QCOMPARE(*store.token(*account), AccessToken);
        QCOMPARE(standIn.server.requests(QStringLiteral("/api/v1/apps")).size(), 1);

        // No token or client secret in any file TagLens wrote.
        QCOMPARE(filesContaining(config.path(), AccessToken.toUtf8()), QStringList());
        QCOMPARE(filesContaining(config.path(), ClientSecret.toUtf8()), QStringList());

        // Logout revokes at the instance and forgets the token.
        QString problem;
        QVERIFY(MastodonLogin::logout(&store, *account, &problem).hasValue());
        if (store.keychainProblem().isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY(standIn.revoked);
        }
        QVERIFY(!store.token(*account).hasValue());
        QVERIFY(store.accounts().isEmpty());
    }

    void wholeLoginReportsDenial()
    {
        MastodonOAuthStandIn standIn;
        QTemporaryDir config;
        TokenStore store(config.filePath(QStringLiteral("taglens/auth.conf")));
        store.setService(QStringLiteral("TagLens-test-") +
                         QString::number(QRandomGenerator::system()->generate(), 36));
        MastodonLogin login(store.place(), SourceKind::Pixelfed);
        QSignalSpy urls(&login, &MastodonLogin::authorizeUrlReady);
        login.start(standIn.instance());
        QVERIFY(urls.wait(30000));
        const QUrlQuery q(urls.first().first().toUrl());
        QUrl callback(field(q, "redirect_uri"));
        callback.setQuery(QStringLiteral("error=access_denied&error_description=The+resource+owner+or+"
                                         "authorization+server+denied+the+request.&state=%1")
                              .arg(field(q, "state")));
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(callback)));
        const auto result = login.waitForFinished();
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QVERIFY2(result.error().message.contains(QStringLiteral("denied the request")),
                 qPrintable(result.error().message));
        QVERIFY(standIn.server.requests(QStringLiteral("/oauth/token")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMastodonAuthClient)
#include "tst_mastodonauthclient.moc"
