// SPDX-License-Identifier: GPL-3.0-or-later
// CredentialLookup against the real keychain code: run twice, with a private Secret Service
// (run-with-keyring.sh) and with no session bus at all (run-without-bus.sh).
#include "engine/auth/tokenstore.h"
#include "engine/workflow/credentiallookup.h"
#include "engine/workflow/harvestplanner.h"

#include <QFutureWatcher>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using taglens::engine::CredentialLookup;
using taglens::engine::ErrorCode;
using taglens::engine::HarvestInput;
using taglens::engine::HarvestPlan;
using taglens::engine::HarvestPlanner;
using taglens::engine::SessionLogins;
using taglens::engine::SourceKind;
using taglens::engine::StoredAccount;
using taglens::engine::TokenStore;

namespace {
const QString UserId = QStringLiteral("17841405822304914");
} // namespace

class TestCredentialLookup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_service =
        QStringLiteral("TagLens-credentiallookup-test-%1").arg(QCoreApplication::applicationPid());
    int m_count = 0;
    QString m_settings;

    std::unique_ptr<TokenStore> freshStore()
    {
        m_settings = m_dir.filePath(QStringLiteral("auth-%1.conf").arg(++m_count));
        auto store = std::make_unique<TokenStore>(m_settings);
        store->setService(m_service);
        return store;
    }

    static HarvestPlan planFor(SourceKind kind, const QString &instance = QStringLiteral("mastodon.example"))
    {
        HarvestInput input;
        input.source = kind;
        input.tags = {QStringLiteral("cats")};
        input.instance = instance;
        auto plan = HarvestPlanner::plan(input);
        if (!plan)
            qFatal("cannot plan: %s", qPrintable(plan.error().message));
        return *plan;
    }

    // What FacebookLogin writes for a login: the account in [instagram], its token in the keychain.
    void storeInstagramLogin(TokenStore &store, const QDateTime &expires, bool withToken = true)
    {
        QSettings settings(store.settingsFile(), QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("instagram"));
        settings.setValue(QStringLiteral("clientId"), QStringLiteral("1234567890123456"));
        settings.setValue(QStringLiteral("userId"), UserId);
        settings.setValue(QStringLiteral("username"), QStringLiteral("taglens_test"));
        settings.setValue(QStringLiteral("tokenExpiresAt"), expires.toString(Qt::ISODate));
        settings.endGroup();
        settings.sync();
        if (withToken)
            QVERIFY(store.saveToken(
                {SourceKind::Instagram, QUrl(QStringLiteral("https://www.instagram.com")), UserId},
                QStringLiteral("ig-token")));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    // Every test starts from an empty keychain (the keychain outlives a TokenStore).
    void init() { cleanupTestCase(); }

    void mastodonTokenIsFilledIn()
    {
        auto store = freshStore();
        const StoredAccount alice{SourceKind::Mastodon, QUrl(QStringLiteral("https://mastodon.example")),
                                  QStringLiteral("alice")};
        QVERIFY(store->saveToken(alice, QStringLiteral("m-token")));
        const auto found =
            CredentialLookup::complete(planFor(SourceKind::Mastodon), store.get(), {{alice}, {}});
        QVERIFY(found);
        QCOMPARE(found->plan.spec.accessToken(), QStringLiteral("m-token"));
        QVERIFY(found->warnings.isEmpty());
        // Another instance has no login: anonymous, and nothing to warn about.
        const auto other = CredentialLookup::complete(
            planFor(SourceKind::Mastodon, QStringLiteral("other.example")), store.get());
        QVERIFY(other);
        QCOMPARE(other->plan.spec.accessToken(), QString());
        QVERIFY(other->warnings.isEmpty());
        // Pixelfed logins are not Mastodon's.
        const auto pixelfed =
            CredentialLookup::complete(planFor(SourceKind::Pixelfed), store.get(), {{alice}, {}});
        QCOMPARE(pixelfed->plan.spec.accessToken(), QString());
    }

    void anExplicitTokenWins()
    {
        auto store = freshStore();
        QVERIFY(store->saveToken(
            {SourceKind::Mastodon, QUrl(QStringLiteral("https://mastodon.example")), QStringLiteral("alice")},
            QStringLiteral("stored")));
        HarvestPlan plan = planFor(SourceKind::Mastodon);
        plan.spec.setAccessToken(QStringLiteral("given"));
        QCOMPARE(CredentialLookup::complete(plan, store.get())->plan.spec.accessToken(),
                 QStringLiteral("given"));
    }

    void instagram_data()
    {
        QTest::addColumn<int>(
            "login"); // 0 none, 1 valid, 2 expired, 3 account without its token, 4 this run's only
        QTest::addColumn<bool>("found");
        QTest::newRow("no login") << 0 << false;
        QTest::newRow("valid login") << 1 << true;
        QTest::newRow("expired login") << 2 << false;
        QTest::newRow("token gone") << 3 << false;
        QTest::newRow("this run's login, not in the settings") << 4 << true;
    }
    void instagram()
    {
        QFETCH(int, login);
        QFETCH(bool, found);
        auto store = freshStore();
        const QDateTime later = QDateTime::currentDateTimeUtc().addDays(30);
        SessionLogins session;
        if (login == 1)
            storeInstagramLogin(*store, later);
        if (login == 2)
            storeInstagramLogin(*store, QDateTime::currentDateTimeUtc().addDays(-1));
        if (login == 3)
            storeInstagramLogin(*store, later, false);
        if (login == 4) {
            session.instagram.clientId = QStringLiteral("1234567890123456");
            session.instagram.userId = UserId;
            QVERIFY(store->saveToken(
                {SourceKind::Instagram, QUrl(QStringLiteral("https://www.instagram.com")), UserId},
                QStringLiteral("ig-token")));
        }
        const auto result = CredentialLookup::complete(planFor(SourceKind::Instagram), store.get(), session);
        QCOMPARE(bool(result), found);
        if (!found) {
            QCOMPARE(result.error().code, ErrorCode::Unauthorized);
            return;
        }
        QCOMPARE(result->plan.spec.as<taglens::engine::InstagramSpec>()->userId, UserId);
        QCOMPARE(result->plan.spec.accessToken(), QStringLiteral("ig-token"));
        QCOMPARE(result->instagram.userId, UserId);
    }

    // Off the calling thread, with a store of its own: the same answer, and the caller's event
    // loop runs meanwhile.
    void inTheBackground()
    {
        auto store = freshStore();
        storeInstagramLogin(*store, QDateTime::currentDateTimeUtc().addDays(30));
        auto future =
            CredentialLookup::completeInBackground(planFor(SourceKind::Instagram), {m_settings, m_service});
        QFutureWatcher<taglens::engine::Expected<CredentialLookup::Found>> watcher;
        QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        QVERIFY(done.wait(20000));
        const auto result = future.result();
        QVERIFY(result);
        QCOMPARE(result->plan.spec.accessToken(), QStringLiteral("ig-token"));

        // No login needed: ready at once.
        HarvestInput local;
        local.source = SourceKind::Local;
        local.paths = {m_dir.path()};
        auto ready =
            CredentialLookup::completeInBackground(*HarvestPlanner::plan(local), {m_settings, m_service});
        QVERIFY(ready.isFinished());
        QVERIFY(ready.result());

        const auto refused = CredentialLookup::completeInBackground(
            planFor(SourceKind::Instagram), {m_dir.filePath(QStringLiteral("none.conf")), m_service});
        QFutureWatcher<taglens::engine::Expected<CredentialLookup::Found>> second;
        QSignalSpy secondDone(&second, &QFutureWatcherBase::finished);
        second.setFuture(refused);
        QVERIFY(secondDone.wait(20000));
        QCOMPARE(refused.result().error().code, ErrorCode::Unauthorized);
    }

    void cleanupTestCase()
    {
        // Leave nothing in the keychain of whoever runs the test.
        TokenStore store(m_dir.filePath(QStringLiteral("cleanup.conf")));
        store.setService(m_service);
        std::ignore = store.removeToken(
            {SourceKind::Instagram, QUrl(QStringLiteral("https://www.instagram.com")), UserId});
        std::ignore =
            store.removeToken({SourceKind::Mastodon, QUrl(QStringLiteral("https://mastodon.example")),
                               QStringLiteral("alice")});
    }
};

QTEST_GUILESS_MAIN(TestCredentialLookup)
#include "tst_credentiallookup.moc"
