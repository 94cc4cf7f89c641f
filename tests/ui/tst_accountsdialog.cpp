// SPDX-License-Identifier: GPL-3.0-or-later
// The accounts dialog and the search bar's Instagram source, end to end: the Mastodon login
// against the OAuth stand-in and the Instagram login against the Graph API stand-in, each with a
// scripted browser that follows the provider's redirect to TagLens' loopback catcher; logout,
// cancel, failures; the hashtag budget refusing a tag and the ledger recording a harvest's tags.
//
// Runs twice (tests.cmake): inside run-with-keyring.sh (a real Secret Service) and inside
// run-without-bus.sh (no keychain at all: the dialog says so and logins last for the run).
#include "../engine/auth/mastodonoauthstandin.h"
#include "engine/auth/facebooklogin.h"
#include "engine/auth/keychainthread.h"
#include "engine/auth/tokenstore.h"
#include "engine/sources/hashtagledger.h"
#include "engine/store/projectstore.h"
#include "support/fakeclassifier.h"
#include "support/graphapistandin.h"
#include "support/testpaths.h"
#include "support/widgetnamed.h"
#include "ui/accountsdialog.h"
#include "ui/hashtagchipsedit.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/projectmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <memory>

using namespace std::chrono_literals;
using namespace taglens;
using taglens::tests::GraphApiStandIn;
using taglens::tests::MastodonOAuthStandIn;
using ui::AccountsDialog;
using ui::MainWindow;
using ui::MessageBanner;

using tests::widgetNamed;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

/// The user's browser: opens the sign-in page and follows its redirect (to the catcher).
struct ScriptedBrowser
{
    QNetworkAccessManager manager;
    QList<QUrl> opened;
    QList<int> statuses;
    bool act = true; ///< false: a browser that opens the page and then nothing happens

    AccountsDialog::UrlOpener opener()
    {
        return [this](const QUrl &url) {
            opened << url;
            if (!act)
                return true;
            QNetworkReply *reply = manager.get(QNetworkRequest(url));
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                reply->deleteLater();
            });
            return true;
        };
    }
};

/// The instance's authorize page, as a user who agrees (or refuses) sees it: a redirect to the
/// redirect_uri with the code (or the error) and the state.
void addAuthorizePage(MastodonOAuthStandIn &standIn, bool deny)
{
    standIn.server.route(QStringLiteral("/oauth/authorize"), [&standIn,
                                                              deny](const tests::TestHttpServer::Request &r) {
        standIn.lastChallenge = r.query.queryItemValue(QStringLiteral("code_challenge")).toLatin1();
        QUrl back(r.query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QUrlQuery q;
        if (deny) {
            q.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
            q.addQueryItem(QStringLiteral("error_description"),
                           QStringLiteral("The resource owner or authorization server denied the request."));
        } else {
            q.addQueryItem(QStringLiteral("code"), tests::Code);
        }
        q.addQueryItem(QStringLiteral("state"),
                       r.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
        back.setQuery(q);
        return tests::TestHttpServer::Response::redirect(302, back);
    });
}

/// The dialog reads the stored logins on the keychain thread: waits until the list shows them.
bool waitForList(AccountsDialog &dialog)
{
    return QTest::qWaitFor([&] { return !dialog.isReadingLogins(); }, 30000);
}

/// The GUI thread never waits for the keychain: the waits counted there stay as they were.
struct NoKeychainWaits
{
    int before = engine::KeychainThread::mainThreadWaits();
    bool held() const { return engine::KeychainThread::mainThreadWaits() == before; }
};

} // namespace

class TestAccountsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_service;
    bool m_keychain = false;
    int m_stores = 0;

    std::unique_ptr<engine::TokenStore> makeStore()
    {
        auto store = std::make_unique<engine::TokenStore>(
            m_dir.filePath(QStringLiteral("config%1/taglens/auth.conf").arg(++m_stores)));
        store->setService(m_service);
        return store;
    }

    /// Logs in to Instagram through the dialog against \a graph; the account on success.
    static bool instagramLogin(AccountsDialog &dialog, GraphApiStandIn &graph, ScriptedBrowser &browser)
    {
        const quint16 port = freePort();
        if (port == 0)
            return false;
        graph.registeredRedirectUri = engine::FacebookLogin::redirectUriFor(port);
        dialog.setGraphBase(graph.graphBase());
        dialog.setDialogBase(graph.dialogBase());
        dialog.setUrlOpener(browser.opener());
        dialog.setLoginTimeout(60s);
        QSignalSpy finished(&dialog, &AccountsDialog::loginFinished);
        dialog.startInstagramLogin(graph.clientId, graph.clientSecret, port);
        return finished.wait(30000) && finished.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("taglens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_accountsdialog"));
        if (qEnvironmentVariableIsSet("TAGLENS_NO_KEYRING"))
            QSKIP("gnome-keyring-daemon or dbus-run-session is not installed");
        const QByteArray expect = qgetenv("TAGLENS_EXPECT_KEYCHAIN");
        QVERIFY2(expect == "1" || expect == "0", "run through run-with-keyring.sh or run-without-bus.sh");
        m_keychain = expect == "1";
        QVERIFY(m_dir.isValid());
        m_service = QStringLiteral("TagLens-test-%1").arg(QRandomGenerator::global()->generate(), 0, 36);
    }

    void keychainProblemIsShownOnlyWithoutKeychain()
    {
        auto store = makeStore();
        const NoKeychainWaits waits;
        AccountsDialog dialog(store->place());
        auto *banner = widgetNamed<MessageBanner>(&dialog, QStringLiteral("Keychain problem"));
        QVERIFY(banner);
        QVERIFY(waitForList(dialog));
        QVERIFY(waits.held());
        if (m_keychain) {
            QCOMPARE(dialog.keychainProblemText(), QString());
            QVERIFY(banner->isHidden());
        } else {
            QVERIFY(!banner->isHidden());
            QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
            std::ignore = store->secret(QStringLiteral("probe")); // the store finds out too
            QVERIFY(!store->keychainProblem().isEmpty());
            QVERIFY2(dialog.keychainProblemText().contains(store->keychainProblem()),
                     qPrintable(dialog.keychainProblemText()));
        }
        // Nothing stored yet: the list says so and Log Out has nothing to do.
        QVERIFY(dialog.listedAccounts().isEmpty());
        QCOMPARE(dialog.accountList()->topLevelItemCount(), 1);
        QVERIFY(!(dialog.accountList()->topLevelItem(0)->flags() & Qt::ItemIsSelectable));
        auto *logOut = widgetNamed<QPushButton>(&dialog, QStringLiteral("Log out of the selected account"));
        QVERIFY(logOut && !logOut->isEnabled());
    }

    void mastodonLoginThenLogout_data()
    {
        QTest::addColumn<int>("sourceIndex");
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("pkce");
        QTest::addColumn<bool>("byEnter"); // Enter in the instance field instead of the button
        QTest::newRow("Mastodon 4.3 with PKCE") << 0 << QStringLiteral("mastodon") << true << false;
        QTest::newRow("Pixelfed without PKCE") << 1 << QStringLiteral("pixelfed") << false << false;
        QTest::newRow("Mastodon, Enter in the field") << 0 << QStringLiteral("mastodon") << true << true;
    }
    void mastodonLoginThenLogout()
    {
        QFETCH(int, sourceIndex);
        QFETCH(QString, source);
        QFETCH(bool, pkce);
        QFETCH(bool, byEnter);
        MastodonOAuthStandIn standIn;
        standIn.advertisePkce = pkce;
        addAuthorizePage(standIn, false);
        auto store = makeStore();
        NoKeychainWaits waits;
        AccountsDialog dialog(store->place());
        ScriptedBrowser browser;
        dialog.setUrlOpener(browser.opener());
        dialog.show();
        QVERIFY(waitForList(dialog));
        QSignalSpy finished(&dialog, &AccountsDialog::loginFinished);
        QSignalSpy changed(&dialog, &AccountsDialog::accountsChanged);

        // As the user does it: pick the kind of server, type the instance, press Log In.
        auto *kind = widgetNamed<QComboBox>(&dialog, QStringLiteral("Kind of server"));
        auto *instance = widgetNamed<QLineEdit>(&dialog, QStringLiteral("Instance"));
        auto *logIn = widgetNamed<QPushButton>(&dialog, QStringLiteral("Log in to the instance"));
        QVERIFY(kind && instance && logIn);
        kind->setCurrentIndex(sourceIndex);
        instance->setText(standIn.instance().toString());
        if (byEnter) {
            instance->setFocus();
            QTest::keyClick(instance, Qt::Key_Return);
        } else {
            QTest::mouseClick(logIn, Qt::LeftButton);
        }
        QVERIFY(dialog.isVisible()); // Enter does not close the dialog
        QVERIFY(dialog.isBusy());
        QVERIFY(!dialog.loginTabs()->isEnabled()); // no second login meanwhile
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(!dialog.lastActionFailed(), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.lastError(), std::nullopt);
        QVERIFY(!dialog.statusText().isEmpty());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.loginTabs()->isEnabled());

        // The browser was sent to the instance's authorize page and landed on the catcher's page.
        QCOMPARE(browser.opened.size(), 1);
        QCOMPARE(browser.opened.first().path(), QStringLiteral("/oauth/authorize"));
        QTRY_COMPARE_WITH_TIMEOUT(browser.statuses.size(), 1, 10000);
        QCOMPARE(browser.statuses.first(), 200);
        QCOMPARE(standIn.lastChallenge.isEmpty(), !pkce);

        // The account is listed.
        QTRY_COMPARE(dialog.listedAccounts().size(), 1);
        QVERIFY(waits.held()); // the login stored its token without the GUI thread waiting
        const engine::StoredAccount account = dialog.listedAccounts().first();
        QCOMPARE(engine::sourceKindName(account.source), source);
        QCOMPARE(account.acct, QStringLiteral("trwnh"));
        QTreeWidgetItem *row = dialog.accountList()->topLevelItem(0);
        QCOMPARE(row->text(0),
                 source == u"mastodon" ? QStringLiteral("Mastodon") : QStringLiteral("Pixelfed"));
        QCOMPARE(row->text(2), QStringLiteral("@trwnh@127.0.0.1"));
        if (m_keychain) {
            QCOMPARE(*store->token(account), tests::AccessToken);
            QCOMPARE(store->accounts(), QList<engine::StoredAccount>{account});
            QVERIFY(dialog.sessionAccounts().isEmpty());
            // Nothing secret in files.
            QCOMPARE(tests::filesContaining(m_dir.path(), tests::AccessToken.toUtf8()), QStringList());
            QCOMPARE(tests::filesContaining(m_dir.path(), tests::ClientSecret.toUtf8()), QStringList());
        } else {
            QVERIFY(!dialog.keychainProblemText().isEmpty());
            QCOMPARE(dialog.sessionAccounts(), QList<engine::StoredAccount>{account});
            QVERIFY(row->text(3).contains(QStringLiteral("this run only")));
            QCOMPARE(*store->token(account), tests::AccessToken); // in memory
        }

        // Log out: select the row, press Log Out.
        auto *logOut = widgetNamed<QPushButton>(&dialog, QStringLiteral("Log out of the selected account"));
        QVERIFY(!logOut->isEnabled());
        dialog.accountList()->setCurrentItem(row);
        QVERIFY(logOut->isEnabled());
        QSignalSpy loggedOut(&dialog, &AccountsDialog::logoutFinished);
        waits = NoKeychainWaits();
        QTest::mouseClick(logOut, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.size(), 1, 30000);
        QCOMPARE(loggedOut.first().first().toBool(), true);
        QVERIFY(!dialog.lastActionFailed());
        QTRY_VERIFY(dialog.listedAccounts().isEmpty());
        QVERIFY(waits.held());
        QVERIFY(dialog.sessionAccounts().isEmpty());
        QVERIFY(!store->token(account).hasValue());
        if (m_keychain)
            QVERIFY(standIn.revoked); // the instance was told
    }

    void cancelWhileWaiting_data()
    {
        QTest::addColumn<bool>("browserOpens");
        QTest::newRow("browser opened") << true;
        QTest::newRow("no browser") << false;
    }
    void cancelWhileWaiting()
    {
        QFETCH(bool, browserOpens);
        MastodonOAuthStandIn standIn;
        auto store = makeStore();
        AccountsDialog dialog(store->place());
        QList<QUrl> opened;
        dialog.setUrlOpener([&](const QUrl &url) {
            opened << url;
            return browserOpens;
        });
        dialog.show();
        QSignalSpy finished(&dialog, &AccountsDialog::loginFinished);
        dialog.startMastodonLogin(engine::SourceKind::Mastodon, standIn.instance().toString());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.waitingUrl().isValid(), 30000);

        // Waiting: the text says so, the address is there to copy, Cancel is offered.
        auto *text = widgetNamed<QLabel>(&dialog, QStringLiteral("Login progress"));
        auto *address = widgetNamed<QLineEdit>(&dialog, QStringLiteral("Sign-in address"));
        auto *cancel = widgetNamed<QPushButton>(&dialog, QStringLiteral("Cancel the login"));
        QVERIFY(text && address && cancel);
        QVERIFY(text->isVisible() && address->isVisible() && cancel->isVisible());
        QVERIFY2(text->text().startsWith(browserOpens ? QStringLiteral("Waiting for your browser…")
                                                      : QStringLiteral("No browser could be opened.")),
                 qPrintable(text->text()));
        QCOMPARE(QUrl(address->text()), opened.first());
        QVERIFY(address->isReadOnly());
        auto *copy = widgetNamed<QPushButton>(&dialog, QStringLiteral("Copy the sign-in address"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), address->text());
        QVERIFY(finished.isEmpty());

        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(dialog.lastActionFailed());
        QCOMPARE(dialog.lastError(), engine::ErrorCode::Cancelled);
        QVERIFY(!text->isVisible());
        QVERIFY(dialog.loginTabs()->isEnabled());
        QVERIFY(dialog.listedAccounts().isEmpty());
        QVERIFY(standIn.server.requests(QStringLiteral("/oauth/token")).isEmpty());

        // The catcher is gone: a late redirect reaches nobody.
        const QUrlQuery q(opened.first());
        const QUrl callback(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QNetworkAccessManager late;
        std::unique_ptr<QNetworkReply> reply(late.get(QNetworkRequest(callback)));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    }

    void failuresAreShownPlainly_data()
    {
        QTest::addColumn<QString>("instance"); // empty: the stand-in
        QTest::addColumn<bool>("deny");
        QTest::addColumn<int>("appsStatus");
        QTest::addColumn<engine::ErrorCode>("expected");
        QTest::newRow("not an address")
            << QStringLiteral("ht!tp://exa mple") << false << 0 << engine::ErrorCode::InvalidArgument;
        QTest::newRow("plain http elsewhere")
            << QStringLiteral("http://social.example") << false << 0 << engine::ErrorCode::InvalidArgument;
        QTest::newRow("user refuses") << QString() << true << 0 << engine::ErrorCode::Cancelled;
        QTest::newRow("OAuth off (404 on apps)") << QString() << false << 404 << engine::ErrorCode::Network;
    }
    void failuresAreShownPlainly()
    {
        QFETCH(QString, instance);
        QFETCH(bool, deny);
        QFETCH(int, appsStatus);
        QFETCH(engine::ErrorCode, expected);
        MastodonOAuthStandIn standIn;
        addAuthorizePage(standIn, deny);
        if (appsStatus)
            standIn.appsError = tests::TestHttpServer::Response::json("<html>nope</html>", appsStatus);
        auto store = makeStore();
        AccountsDialog dialog(store->place());
        ScriptedBrowser browser;
        dialog.setUrlOpener(browser.opener());
        QSignalSpy finished(&dialog, &AccountsDialog::loginFinished);
        dialog.startMastodonLogin(engine::SourceKind::Mastodon,
                                  instance.isEmpty() ? standIn.instance().toString() : instance);
        if (dialog.isBusy())
            QVERIFY(finished.wait(30000));
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.lastActionFailed());
        QVERIFY(!dialog.statusText().isEmpty());
        QCOMPARE(dialog.lastError(), expected);
        QVERIFY(dialog.listedAccounts().isEmpty());
        QVERIFY(store->accounts().isEmpty());
        QVERIFY(standIn.server.requests(QStringLiteral("/oauth/token")).isEmpty());
    }

    void instagramLoginThenLogout()
    {
        GraphApiStandIn graph;
        auto store = makeStore();
        NoKeychainWaits waits;
        AccountsDialog dialog(store->place());
        dialog.show();
        QVERIFY(waitForList(dialog));
        dialog.showInstagramLogin();
        QCOMPARE(dialog.loginTabs()->currentIndex(), 1);

        // The secret is never shown; the redirect URI follows the port, exactly as Meta wants it.
        auto *secret = widgetNamed<QLineEdit>(&dialog, QStringLiteral("App secret of your Meta app"));
        auto *port = widgetNamed<QSpinBox>(&dialog, QStringLiteral("Port of the redirect URI"));
        QVERIFY(secret && port);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.redirectUriText(), QStringLiteral("http://localhost:8765/"));
        port->setValue(9123);
        QCOMPARE(dialog.redirectUriText(), engine::FacebookLogin::redirectUriFor(9123).toString());
        QCOMPARE(dialog.redirectUriText(), QStringLiteral("http://localhost:9123/"));

        // Without an App ID or secret nothing starts.
        dialog.startInstagramLogin(QString(), QStringLiteral("x"), 9123);
        QVERIFY(dialog.lastActionFailed() && !dialog.isBusy());
        QCOMPARE(dialog.lastError(), engine::ErrorCode::InvalidArgument);
        // No secret typed and none stored: the keychain thread looks, the dialog waits for it.
        dialog.startInstagramLogin(QStringLiteral("55555"), QString(), 9123);
        QTRY_VERIFY(!dialog.isBusy());
        QVERIFY(dialog.lastActionFailed());
        QCOMPARE(dialog.lastError(), engine::ErrorCode::NotFound);

        ScriptedBrowser browser;
        QVERIFY2(instagramLogin(dialog, graph, browser), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.lastError(), std::nullopt);
        QCOMPARE(browser.opened.first().adjusted(QUrl::RemoveQuery), graph.dialogBase());
        QTRY_COMPARE(dialog.listedAccounts().size(), 1);
        QVERIFY(waits.held());
        QTreeWidgetItem *row = dialog.accountList()->topLevelItem(0);
        QCOMPARE(row->text(0), QStringLiteral("Instagram"));
        QVERIFY2(row->text(2).startsWith(QStringLiteral("@taglens_test")), qPrintable(row->text(2)));
        QVERIFY2(row->text(2).contains(graph.pageName), qPrintable(row->text(2)));
        if (m_keychain) {
            QVERIFY2(row->text(3).startsWith(QStringLiteral("until ")), qPrintable(row->text(3)));
            // The secret is in the keychain: the next login needs only the App ID.
            QCOMPARE(*engine::FacebookLogin::storedClientSecret(store.get(), graph.clientId),
                     graph.clientSecret);
            for (const QString &s : {graph.longToken, graph.clientSecret})
                QCOMPARE(tests::filesContaining(m_dir.path(), s.toUtf8()), QStringList());
        } else {
            QVERIFY(row->text(3).contains(QStringLiteral("this run only")));
            QVERIFY(dialog.sessionInstagramAccount().isValid());
        }
        QVERIFY(secret->text().isEmpty()); // not kept in the widget

        QSignalSpy loggedOut(&dialog, &AccountsDialog::logoutFinished);
        waits = NoKeychainWaits();
        dialog.logOut(0);
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.size(), 1, 10000);
        QCOMPARE(loggedOut.first().first().toBool(), true);
        QVERIFY(!dialog.lastActionFailed());
        QTRY_VERIFY(dialog.listedAccounts().isEmpty());
        QVERIFY(waits.held());
        QVERIFY(!engine::FacebookLogin::storedAccount(store.get()));
    }

    void searchBarInstagramBudget()
    {
        GraphApiStandIn graph;
        graph.addHashtag(QStringLiteral("cats"), QStringLiteral("17843857450040591"),
                         GraphApiStandIn::images(QStringLiteral("1"), 3, QStringLiteral("cats")));
        auto store = makeStore();
        const QString ledgerPath = m_dir.filePath(QStringLiteral("ledger%1.sqlite").arg(m_stores));
        const QString model = m_dir.filePath(QStringLiteral("fake%1.model").arg(m_stores));
        QVERIFY(tests::FakeClassifier::writeModel(model));
        MainWindow window(tests::FakeClassifier::loader());
        window.setModelPath(model);
        window.setKeychain(store->place());
        window.setHashtagLedgerPath(ledgerPath);
        window.setGraphApiBase(graph.graphBase());
        window.show();

        // Instagram in the source list: no instance field, a recent/top choice, the budget.
        QComboBox *source = window.sourceCombo();
        const int instagram = source->findData(QStringLiteral("instagram"));
        QVERIFY(instagram >= 0);
        source->setCurrentIndex(instagram);
        QVERIFY(!window.instanceEdit()->isVisible());
        QVERIFY(window.edgeCombo()->isVisible());
        QCOMPARE(window.edgeCombo()->currentData().toString(), QStringLiteral("recent"));

        // Not logged in: Start explains and offers the accounts dialog.
        window.tagsEdit()->setTags({QStringLiteral("cats")});
        QSignalSpy errors(&window, &MainWindow::errorShown);
        QPushButton *start = widgetNamed<QPushButton>(&window, QStringLiteral("Start harvest"));
        QVERIFY(start);
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE(errors.size(), 1); // the login is looked up off the GUI thread
        QVERIFY(!window.isHarvesting());
        QMessageBox *offer = nullptr;
        QTRY_VERIFY((offer = window.findChild<QMessageBox *>(QStringLiteral("instagramLoginNeeded"))) !=
                    nullptr);
        QPushButton *openAccounts =
            widgetNamed<QPushButton>(offer, QStringLiteral("Open the accounts dialog"));
        QVERIFY(openAccounts);
        QTest::mouseClick(openAccounts, Qt::LeftButton);
        QVERIFY(window.accountsDialog());
        QVERIFY(window.accountsDialog()->isVisible());
        QCOMPARE(window.accountsDialog()->loginTabs()->currentIndex(), 1);

        ScriptedBrowser browser;
        QVERIFY2(instagramLogin(*window.accountsDialog(), graph, browser),
                 qPrintable(window.accountsDialog()->statusText()));
        QTRY_COMPARE(window.instagramBudgetLeft(), std::optional<int>(30));

        // 30 other tags searched yesterday: a new tag does not fit, and the refusal says when it will.
        const QDateTime yesterday = QDateTime::currentDateTimeUtc().addDays(-1);
        {
            auto ledger = engine::HashtagLedger::open(ledgerPath);
            QVERIFY(ledger);
            for (int i = 0; i < engine::HashtagLedger::Budget; ++i)
                QVERIFY(
                    (*ledger)->record(graph.igUserId, QStringLiteral("tag%1").arg(i), yesterday.addSecs(i)));
            const auto refusal = (*ledger)->wouldAdmit(graph.igUserId, {QStringLiteral("cats")},
                                                       QDateTime::currentDateTimeUtc());
            QVERIFY(!refusal);
            window.setHashtagLedgerPath(ledgerPath); // reads it again
            QTRY_COMPARE(window.instagramBudgetLeft(), std::optional<int>(0));
            window.tagsEdit()->setTags({QStringLiteral("cats")});
            QTest::mouseClick(start, Qt::LeftButton);
            QTRY_COMPARE(window.lastError(), refusal.error().message);
        }
        QVERIFY2(window.lastError().contains(engine::HashtagLedger::formatDate(yesterday.addDays(7))),
                 qPrintable(window.lastError()));
        QVERIFY(!window.isHarvesting());
        QVERIFY(graph.searchedTags().isEmpty()); // Meta was not asked

        // A tag already in the window costs nothing: the harvest runs and asks Meta.
        QSignalSpy opened(&window, &MainWindow::projectOpened);
        QVERIFY(window.openProject(m_dir.filePath(QStringLiteral("instagram.taglens"))));
        QTRY_COMPARE(opened.count(), 1); // opened off the GUI thread
        source->setCurrentIndex(instagram);
        window.edgeCombo()->setCurrentIndex(window.edgeCombo()->findData(QStringLiteral("recent")));
        auto fresh = engine::HashtagLedger::open(m_dir.filePath(QStringLiteral("fresh.sqlite")));
        QVERIFY(fresh);
        window.setHashtagLedgerPath((*fresh)->path());
        QTRY_COMPARE(window.instagramBudgetLeft(), std::optional<int>(30));
        window.tagsEdit()->setTags({QStringLiteral("cats")});
        QSignalSpy done(&window, &MainWindow::harvestFinished);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY2(window.isHarvesting() || !done.isEmpty() || done.wait(60000),
                 qPrintable(window.lastError()));
        QVERIFY(!done.isEmpty() || done.wait(60000));
        QCOMPARE(graph.searchedTags(), QStringList{QStringLiteral("cats")});
        // Recorded in the ledger as the command line does, and the bar shows it.
        const auto entries = (*fresh)->entries(graph.igUserId, QDateTime::currentDateTimeUtc());
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().tag, QStringLiteral("cats"));
        QTRY_COMPARE(window.instagramBudgetLeft(), std::optional<int>(29));
        QTRY_COMPARE_WITH_TIMEOUT(window.projectModel()->rowCount(), 3, 10000);
        auto project = engine::ProjectStore::open(window.projectPath());
        QVERIFY(project);
        const auto harvests = (*project)->harvests();
        QVERIFY(harvests && !harvests->isEmpty());
        QCOMPARE(harvests->last().source, QStringLiteral("instagram"));
        QCOMPARE(harvests->last().parameters.value(QStringLiteral("edge")).toString(),
                 QStringLiteral("recent"));
        // The token never reaches the project file.
        QCOMPARE(
            tests::filesContaining(QFileInfo(window.projectPath()).absolutePath(), graph.longToken.toUtf8()),
            QStringList());
    }
};

QTEST_MAIN(TestAccountsDialog)
#include "tst_accountsdialog.moc"
