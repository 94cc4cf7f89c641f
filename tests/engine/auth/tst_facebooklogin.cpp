// SPDX-License-Identifier: GPL-3.0-or-later
// FacebookLogin end to end against the Graph API stand-in: the dialog, a scripted browser that
// follows the dialog's redirect to the loopback catcher on the registered fixed port, both token
// exchanges, the Instagram account lookup, and the keychain round trip (run-with-keyring.sh).
#include "engine/auth/facebooklogin.h"
#include "engine/auth/tokenstore.h"
#include "support/filescan.h"
#include "support/graphapistandin.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <memory>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::FacebookLogin;
using taglens::engine::InstagramAccount;
using taglens::engine::SourceKind;
using taglens::engine::TokenStore;
using taglens::tests::GraphApiStandIn;

Q_DECLARE_METATYPE(taglens::engine::ErrorCode)

using taglens::tests::filesContaining;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString field(const QUrl &url, const char *name)
{
    return QUrlQuery(url).queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

/// The user's browser: opens a URL, follows redirects (Qt's default policy: not from https to
/// http), reports the final status.
struct Browser
{
    QNetworkAccessManager manager;

    int open(const QUrl &url, QUrl *finalUrl = nullptr)
    {
        std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(url)));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 30000))
            return -1;
        if (finalUrl)
            *finalUrl = reply->url();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
};

} // namespace

class TestFacebookLogin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_service;
    int m_stores = 0;
    const QDateTime m_now = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);

    std::unique_ptr<TokenStore> makeStore()
    {
        auto store = std::make_unique<TokenStore>(
            m_dir.filePath(QStringLiteral("config%1/auth.conf").arg(++m_stores)));
        store->setService(m_service);
        return store;
    }

    void prepare(FacebookLogin &login, GraphApiStandIn &graph, quint16 port)
    {
        graph.registeredRedirectUri = FacebookLogin::redirectUriFor(port);
        login.setPort(port);
        login.setGraphBase(graph.graphBase());
        login.setDialogBase(graph.dialogBase());
        login.setTimeout(60s);
        login.setClock([this] { return m_now; });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("TAGLENS_NO_KEYRING"))
            QSKIP("gnome-keyring-daemon or dbus-run-session is not installed");
        QVERIFY2(qgetenv("TAGLENS_EXPECT_KEYCHAIN") == "1", "run through run-with-keyring.sh");
        QVERIFY(m_dir.isValid());
        m_service = QStringLiteral("TagLens-test-%1").arg(QRandomGenerator::global()->generate());
    }

    void wholeFlow()
    {
        GraphApiStandIn graph;
        auto store = makeStore();
        const quint16 port = freePort();
        QVERIFY(port != 0);
        FacebookLogin login(store->place());
        prepare(login, graph, port);
        QSignalSpy dialogs(&login, &FacebookLogin::dialogUrlReady);
        login.start(graph.clientId, graph.clientSecret);
        QVERIFY(dialogs.wait(10000));
        const QUrl dialog = dialogs.first().first().toUrl();

        // The dialog URL Meta documents, with the redirect URI exactly as registered.
        QCOMPARE(dialog.adjusted(QUrl::RemoveQuery), graph.dialogBase());
        QCOMPARE(field(dialog, "client_id"), graph.clientId);
        QCOMPARE(field(dialog, "redirect_uri"), QStringLiteral("http://localhost:%1/").arg(port));
        QCOMPARE(field(dialog, "scope"),
                 QStringLiteral("instagram_basic,pages_show_list,pages_read_engagement"));
        QCOMPARE(field(dialog, "response_type"), QStringLiteral("code"));
        QCOMPARE(field(dialog, "state").size(), 43);

        // The browser: the dialog redirects to http://localhost:PORT/?code=…&state=…, the catcher answers.
        Browser browser;
        QUrl landed;
        QCOMPARE(browser.open(dialog, &landed), 200);
        QCOMPARE(landed.host(), QStringLiteral("localhost"));
        QCOMPARE(landed.port(), int(port));

        const auto account = login.waitForFinished();
        QVERIFY2(account, qPrintable(account ? QString() : account.error().message));
        QCOMPARE(account->clientId, graph.clientId);
        QCOMPARE(account->userId, graph.igUserId);
        QCOMPARE(account->username, graph.igUsername);
        QCOMPARE(account->pageName, graph.pageName);
        QCOMPARE(account->tokenExpiresAt, m_now.addSecs(graph.longTokenExpiresIn));
        QCOMPARE(account->redirectPort, int(port));

        // Both exchanges as documented: the code (once), then fb_exchange_token.
        const auto tokenRequests = graph.server().requests(QStringLiteral("/v21.0/oauth/access_token"));
        QCOMPARE(tokenRequests.size(), 2);
        QCOMPARE(tokenRequests.at(0).query.queryItemValue(QStringLiteral("code")), graph.code);
        QCOMPARE(tokenRequests.at(0).query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("http://localhost:%1/").arg(port));
        QCOMPARE(tokenRequests.at(1).query.queryItemValue(QStringLiteral("grant_type")),
                 QStringLiteral("fb_exchange_token"));
        QCOMPARE(tokenRequests.at(1).query.queryItemValue(QStringLiteral("fb_exchange_token")),
                 graph.shortToken);
        const auto accountRequests = graph.server().requests(QStringLiteral("/v21.0/me/accounts"));
        QCOMPARE(accountRequests.size(), 1);
        QCOMPARE(accountRequests.first().header("Authorization"), "Bearer " + graph.longToken.toUtf8());

        // The keychain round trip, read back through a new store as another run would.
        auto again = std::make_unique<TokenStore>(store->settingsFile());
        again->setService(m_service);
        QVERIFY(again->keychainProblem().isEmpty());
        const auto stored = FacebookLogin::storedAccount(again.get());
        QVERIFY(stored);
        QCOMPARE(stored->userId, graph.igUserId);
        QCOMPARE(stored->username, graph.igUsername);
        QCOMPARE(stored->tokenExpiresAt, account->tokenExpiresAt);
        QCOMPARE(*FacebookLogin::storedToken(again.get(), *stored), graph.longToken);
        QCOMPARE(*FacebookLogin::storedClientSecret(again.get(), graph.clientId), graph.clientSecret);
        QCOMPARE(again->accounts(SourceKind::Instagram).size(), 1);

        // Only non-secrets in files.
        const QString config = QFileInfo(store->settingsFile()).absolutePath();
        QVERIFY(QFile::exists(store->settingsFile()));
        QVERIFY(!filesContaining(config, graph.igUserId.toUtf8()).isEmpty());
        for (const QString &secret : {graph.longToken, graph.shortToken, graph.clientSecret, graph.code})
            QCOMPARE(filesContaining(m_dir.path(), secret.toUtf8()), QStringList());

        // Logout forgets the token (and on request the secret).
        QVERIFY(FacebookLogin::logout(again.get(), true));
        QCOMPARE(FacebookLogin::storedAccount(again.get()).error().code, ErrorCode::NotFound);
        QCOMPARE(again
                     ->token({SourceKind::Instagram, QUrl(QStringLiteral("https://www.instagram.com")),
                              graph.igUserId})
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QCOMPARE(FacebookLogin::storedClientSecret(again.get(), graph.clientId).error().code,
                 ErrorCode::NotFound);
        QVERIFY(again->accounts().isEmpty());
    }

    void wrongStateIsRefusedAndTheWaitGoesOn()
    {
        GraphApiStandIn graph;
        auto store = makeStore();
        const quint16 port = freePort();
        FacebookLogin login(store->place());
        prepare(login, graph, port);
        QSignalSpy dialogs(&login, &FacebookLogin::dialogUrlReady);
        QSignalSpy refused(login.catcher(), &taglens::engine::LoopbackRedirectCatcher::requestRefused);
        login.start(graph.clientId, graph.clientSecret);
        QVERIFY(dialogs.wait(10000));
        Browser browser;
        // A forged redirect with someone else's code and state.
        QCOMPARE(
            browser.open(QUrl(QStringLiteral("http://localhost:%1/?code=stolen&state=forged").arg(port))),
            400);
        QCOMPARE(refused.size(), 1);
        QVERIFY(!login.isFinished());
        QVERIFY(graph.server().requests(QStringLiteral("/v21.0/oauth/access_token")).isEmpty());
        // The real one still works.
        QCOMPARE(browser.open(dialogs.first().first().toUrl()), 200);
        QVERIFY(login.waitForFinished());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("knob");
        QTest::addColumn<ErrorCode>("code");
        // What the message must pass on from Meta (the stand-in's texts and numbers) or name for the
        // user to act on; "%1" stands for the redirect URI of the port the test chose.
        QTest::addColumn<QStringList>("mustContain");
        QTest::newRow("access denied")
            << QStringLiteral("deny") << ErrorCode::Cancelled << QStringList{QStringLiteral("Permissions")};
        QTest::newRow("no linked account") << QStringLiteral("unlinked") << ErrorCode::NotFound
                                           << QStringList{QStringLiteral("2")}; // the Pages it can see
        QTest::newRow("wrong secret")
            << QStringLiteral("secret") << ErrorCode::InvalidArgument
            << QStringList{QStringLiteral("Error validating client secret"), QStringLiteral("%1")};
        QTest::newRow("long-lived exchange rate limited")
            << QStringLiteral("ratelimit") << ErrorCode::RateLimited
            << QStringList{QStringLiteral("AbCdEfGhIjK")}; // Meta's fbtrace_id
        QTest::newRow("accounts: token refused")
            << QStringLiteral("expired") << ErrorCode::Unauthorized
            << QStringList{QStringLiteral("taglens-cli auth login --source instagram")};
    }
    void refusals()
    {
        QFETCH(QString, knob);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, mustContain);
        GraphApiStandIn graph;
        auto store = makeStore();
        const quint16 port = freePort();
        FacebookLogin login(store->place());
        prepare(login, graph, port);
        QString secret = graph.clientSecret;
        if (knob == u"deny")
            graph.denyDialog = true;
        else if (knob == u"unlinked")
            graph.linkedAccount = false;
        else if (knob == u"secret")
            secret = QStringLiteral("NotTheSecret0123456789");
        else if (knob == u"ratelimit")
            graph.failNext(GraphApiStandIn::Endpoint::LongLivedExchange, 4);
        else if (knob == u"expired")
            graph.failNext(GraphApiStandIn::Endpoint::Accounts, 190);
        QSignalSpy dialogs(&login, &FacebookLogin::dialogUrlReady);
        login.start(graph.clientId, secret);
        QVERIFY(dialogs.wait(10000));
        Browser browser;
        QCOMPARE(browser.open(dialogs.first().first().toUrl()), 200);
        const auto result = login.waitForFinished();
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), int(code));
        for (const QString &part : std::as_const(mustContain)) {
            const QString wanted = part == u"%1" ? FacebookLogin::redirectUriFor(port).toString() : part;
            QVERIFY2(result.error().message.contains(wanted), qPrintable(result.error().message));
        }
        for (const QString &hidden : {secret, graph.code, graph.shortToken, graph.longToken})
            QVERIFY2(!result.error().message.contains(hidden), qPrintable(result.error().message));
        // Nothing was stored.
        QCOMPARE(FacebookLogin::storedAccount(store.get()).error().code, ErrorCode::NotFound);
        QVERIFY(store->accounts().isEmpty());
    }

    void badSetup_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("graphBase");
        QTest::newRow("client id not a number")
            << QStringLiteral("my-app") << QStringLiteral("s") << QString();
        QTest::newRow("empty secret") << QStringLiteral("123") << QString() << QString();
        QTest::newRow("plain http graph")
            << QStringLiteral("123") << QStringLiteral("s") << QStringLiteral("http://graph.example/v21.0");
    }
    void badSetup()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, secret);
        QFETCH(QString, graphBase);
        auto store = makeStore();
        FacebookLogin login(store->place());
        if (!graphBase.isEmpty())
            login.setGraphBase(QUrl(graphBase));
        QSignalSpy dialogs(&login, &FacebookLogin::dialogUrlReady);
        login.start(clientId, secret);
        QVERIFY(!login.isFinished()); // never from inside start()
        const auto result = login.waitForFinished();
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(dialogs.size(), 0);
    }

    void portInUse()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        GraphApiStandIn graph;
        auto store = makeStore();
        FacebookLogin login(store->place());
        prepare(login, graph, squatter.serverPort());
        login.start(graph.clientId, graph.clientSecret);
        const auto result = login.waitForFinished();
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(QStringLiteral("--port")),
                 qPrintable(result.error().message));
    }

    void cancelWhileWaiting()
    {
        GraphApiStandIn graph;
        auto store = makeStore();
        FacebookLogin login(store->place());
        prepare(login, graph, freePort());
        QSignalSpy dialogs(&login, &FacebookLogin::dialogUrlReady);
        login.start(graph.clientId, graph.clientSecret);
        QVERIFY(dialogs.wait(10000));
        login.cancel();
        QVERIFY(login.isFinished());
        QCOMPARE(login.result().error().code, ErrorCode::Cancelled);
    }

    void loopbackOverride_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty: default") << QString() << true;
        QTest::newRow("127.0.0.1 http") << QStringLiteral("http://127.0.0.1:8080/v21.0") << true;
        QTest::newRow("127.1.2.3 https") << QStringLiteral("https://127.1.2.3/v21.0") << true;
        QTest::newRow("::1") << QStringLiteral("http://[::1]:9000/v21.0") << true;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:9000") << true;
        QTest::newRow("remote https") << QStringLiteral("https://graph.example/v21.0") << false;
        QTest::newRow("remote http") << QStringLiteral("http://10.0.0.1/v21.0") << false;
        QTest::newRow("localhost lookalike") << QStringLiteral("http://localhost.evil.example/") << false;
        QTest::newRow("user info trick") << QStringLiteral("http://127.0.0.1@evil.example/") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("query") << QStringLiteral("http://127.0.0.1/?access_token=x") << false;
        QTest::newRow("garbage") << QStringLiteral("::::") << false;
    }
    void loopbackOverride()
    {
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        const QUrl fallback(QStringLiteral("https://graph.facebook.com/v21.0"));
        const auto url = FacebookLogin::loopbackOverride(value, fallback);
        QCOMPARE(bool(url), accepted);
        if (accepted)
            QCOMPARE(*url, value.isEmpty() ? fallback : QUrl(value));
        else
            QCOMPARE(url.error().code, ErrorCode::InvalidArgument);
    }

    void redirectUriIsWhatToRegister()
    {
        QCOMPARE(FacebookLogin::redirectUriFor(FacebookLogin::DefaultPort).toString(),
                 QStringLiteral("http://localhost:8765/"));
    }
};

QTEST_GUILESS_MAIN(TestFacebookLogin)
#include "tst_facebooklogin.moc"
