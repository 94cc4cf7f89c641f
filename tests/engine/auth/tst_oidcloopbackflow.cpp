// SPDX-License-Identifier: GPL-3.0-or-later
// The whole authorization-code + PKCE + loopback flow against a real OAuth 2.0 server: npm
// oidc-provider (tests/auth/oidc-peer, installed by the oidc_peer fixture), a scripted user agent
// that logs in and consents, and TagLens' catcher and Mastodon client doing the rest.
#include "engine/auth/loopbackredirectcatcher.h"
#include "engine/auth/mastodonauthclient.h"
#include "engine/auth/pkce.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>
#include <memory>
#include <optional>

using namespace taglens::engine;

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

struct Hop
{
    int status = 0;
    QUrl location;
    QByteArray body;
};

Hop fetch(QNetworkAccessManager &browser, const QUrl &url, const QByteArray &postBody = QByteArray())
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply;
    if (postBody.isNull()) {
        reply.reset(browser.get(request));
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply.reset(browser.post(request, postBody));
    }
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 30000))
        return {};
    Hop hop;
    hop.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        hop.location = url.resolved(QUrl::fromEncoded(location));
    hop.body = reply->readAll();
    return hop;
}

} // namespace

class TestOidcLoopbackFlow : public QObject
{
    Q_OBJECT

private:
    QProcess m_peer;
    QUrl m_issuer;

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = qEnvironmentVariable("TAGLENS_OIDC_PEER_DIR");
        QVERIFY2(!dir.isEmpty(), "TAGLENS_OIDC_PEER_DIR is not set (the oidc_peer CTest fixture sets it)");
        QVERIFY2(QFileInfo::exists(dir + QStringLiteral("/node_modules/oidc-provider/package.json")),
                 qPrintable(QStringLiteral(
                                "oidc-provider is not installed in %1; run the auth_oidc_peer_install test "
                                "(npm ci)")
                                .arg(dir)));
        m_peer.setWorkingDirectory(dir);
        m_peer.setProcessChannelMode(QProcess::SeparateChannels);
        m_peer.start(QStringLiteral("node"), {QStringLiteral("server.mjs")});
        QVERIFY2(m_peer.waitForStarted(10000), "node does not start");
        QVERIFY(QTest::qWaitFor(
            [&] { return m_peer.canReadLine() || m_peer.state() == QProcess::NotRunning; }, 30000));
        const QByteArray line = m_peer.readLine().trimmed();
        QVERIFY2(line.startsWith("listening http://127.0.0.1:"),
                 QByteArray(line + ' ' + m_peer.readAllStandardError()).constData());
        m_issuer = QUrl::fromEncoded(line.mid(10));
    }

    void cleanupTestCase()
    {
        if (m_peer.state() != QProcess::NotRunning) {
            m_peer.closeWriteChannel(); // the peer stops when its stdin ends
            if (!m_peer.waitForFinished(5000)) {
                m_peer.kill();
                m_peer.waitForFinished(5000);
            }
        }
    }

    void metadataAdvertisesS256()
    {
        MastodonAuthClient client;
        auto pkce = await<bool>([&](auto done) { client.fetchPkceSupport(m_issuer, done); });
        QVERIFY2(pkce.hasValue(), pkce ? "" : qPrintable(pkce.error().message));
        QVERIFY(*pkce);
    }

    void wholeFlow_data()
    {
        QTest::addColumn<QString>("user"); // "consent" or "abort"
        QTest::addColumn<bool>("rightVerifier");
        QTest::addColumn<QString>("expectedError"); // empty: a token
        QTest::newRow("login and consent") << QStringLiteral("consent") << true << QString();
        QTest::newRow("wrong code_verifier")
            << QStringLiteral("consent") << false << QStringLiteral("sign-in code was refused");
        QTest::newRow("user aborts") << QStringLiteral("abort") << true
                                     << QStringLiteral("Access was denied");
    }
    void wholeFlow()
    {
        QFETCH(QString, user);
        QFETCH(bool, rightVerifier);
        QFETCH(QString, expectedError);

        const MastodonApp app{m_issuer, QStringLiteral("taglens-test"), QString(),
                              MastodonAuthClient::registeredRedirectUri()};
        const QByteArray verifier = Pkce::generateVerifier();
        const QByteArray state = Pkce::generateState();
        LoopbackRedirectCatcher catcher;
        catcher.setExpectedState(state);
        auto redirectUri = catcher.listen();
        QVERIFY(redirectUri.hasValue());
        const QUrl authorize =
            MastodonAuthClient::authorizeUrl(app, *redirectUri, state, Pkce::challenge(verifier));

        // The scripted user agent (FACTS.md): /auth → /interaction/UID, POST login → /auth/UID →
        // /interaction/UID2, POST consent → /auth/UID2 → the loopback redirect.
        QNetworkAccessManager browser;
        browser.setCookieJar(new QNetworkCookieJar(&browser));
        QUrl url = authorize;
        QByteArray post;
        bool loggedIn = false;
        bool reachedCatcher = false;
        for (int hop = 0; hop < 12 && !reachedCatcher; ++hop) {
            const Hop answer = fetch(browser, url, post);
            post = QByteArray();
            QVERIFY2(answer.status == 302 || answer.status == 303,
                     qPrintable(QStringLiteral("%1 → HTTP %2: %3")
                                    .arg(url.toString())
                                    .arg(answer.status)
                                    .arg(QString::fromUtf8(answer.body.left(500)))));
            url = answer.location;
            if (url.port() == redirectUri->port() && url.path() == redirectUri->path()) {
                reachedCatcher = true;
            } else if (url.path().startsWith(QStringLiteral("/interaction/"))) {
                if (!loggedIn) {
                    post = "prompt=login&login=alice&password=secret";
                    loggedIn = true;
                } else if (user == u"abort") {
                    url.setPath(url.path() + QStringLiteral("/abort"));
                } else {
                    post = "prompt=consent";
                }
            }
        }
        QVERIFY2(reachedCatcher, "the server never redirected to the loopback catcher");
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("state")), QString::fromLatin1(state));
        const Hop page = fetch(browser, url);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains(closeTabHint()));
        QVERIFY(catcher.isFinished());
        const auto redirect = catcher.result();
        if (user == u"abort") {
            QVERIFY(!redirect.hasValue());
            QCOMPARE(redirect.error().code, ErrorCode::Cancelled);
            QVERIFY2(redirect.error().message.contains(expectedError), qPrintable(redirect.error().message));
            return;
        }
        QVERIFY2(redirect.hasValue(), redirect ? "" : qPrintable(redirect.error().message));
        QCOMPARE(redirect->query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
                 m_issuer.toString(QUrl::StripTrailingSlash));

        MastodonAuthClient client;
        const QByteArray sentVerifier = rightVerifier ? verifier : Pkce::generateVerifier();
        auto token = await<OAuthToken>(
            [&](auto done) { client.exchangeCode(app, redirect->code, *redirectUri, sentVerifier, done); });
        if (!expectedError.isEmpty()) {
            QVERIFY(!token.hasValue());
            QVERIFY2(token.error().message.contains(expectedError), qPrintable(token.error().message));
            return;
        }
        QVERIFY2(token.hasValue(), token ? "" : qPrintable(token.error().message));
        QVERIFY(token->accessToken.size() >= 20);
        QCOMPARE(token->tokenType, QStringLiteral("Bearer"));
        QCOMPARE(token->scope, QStringLiteral("read"));

        // The code is single-use: a replay is refused by the server.
        auto replay = await<OAuthToken>(
            [&](auto done) { client.exchangeCode(app, redirect->code, *redirectUri, verifier, done); });
        QVERIFY(!replay.hasValue());
        QCOMPARE(replay.error().code, taglens::engine::ErrorCode::InvalidArgument);
        QVERIFY(!replay.error().message.isEmpty());

        auto revoked = await<bool>([&](auto done) { client.revoke(app, token->accessToken, done); });
        QVERIFY2(revoked.hasValue(), revoked ? "" : qPrintable(revoked.error().message));
    }
};

QTEST_GUILESS_MAIN(TestOidcLoopbackFlow)
#include "tst_oidcloopbackflow.moc"
