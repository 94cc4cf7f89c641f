// SPDX-License-Identifier: GPL-3.0-or-later
// TokenStore against a real Secret Service (run-with-keyring.sh: dbus-run-session + an unlocked
// gnome-keyring) and without any (run-without-bus.sh): the run-only fallback, never a file.
#include "engine/auth/keychainthread.h"
#include "engine/auth/tokenstore.h"
#include "support/filescan.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>

using taglens::engine::ErrorCode;
using taglens::engine::KeychainThread;
using taglens::engine::MastodonApp;
using taglens::engine::SourceKind;
using taglens::engine::StoredAccount;
using taglens::engine::TokenStore;

using taglens::tests::filesContaining;

namespace {

QString randomText(const char *prefix)
{
    return QString::fromLatin1(prefix) + QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private:
    bool m_expectKeychain = false;
    QTemporaryDir m_dir;
    QString m_service;

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("config/taglens/auth.conf")); }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("TAGLENS_NO_KEYRING"))
            QSKIP("gnome-keyring-daemon or dbus-run-session is not installed");
        const QByteArray mode = qgetenv("TAGLENS_EXPECT_KEYCHAIN");
        QVERIFY2(mode == "0" || mode == "1", "run through run-with-keyring.sh or run-without-bus.sh");
        m_expectKeychain = mode == "1";
        QVERIFY(m_dir.isValid());
        m_service = randomText("TagLens-test-");
    }

    void tokenRoundTrip()
    {
        const StoredAccount account{SourceKind::Mastodon, QUrl(QStringLiteral("https://social.example")),
                                    QStringLiteral("alice")};
        const QString token = randomText("token-");
        {
            TokenStore store(settingsFile());
            store.setService(m_service);
            QVERIFY(!store.token(account).hasValue());
            auto saved = store.saveToken(account, token);
            QVERIFY2(saved.hasValue(), saved ? "" : qPrintable(saved.error().message));
            if (m_expectKeychain) {
                QVERIFY2(store.keychainProblem().isEmpty(), qPrintable(store.keychainProblem()));
            } else {
                QCOMPARE(store.keychainProblem(),
                         QStringLiteral("No keychain is available; the token is kept for this run only."));
            }
            auto read = store.token(account);
            QVERIFY(read.hasValue());
            QCOMPARE(*read, token);
        }
        // A new store, as in the next command: the keychain still has it and the account is listed;
        // without a keychain the token lives on in this process only and is not listed.
        TokenStore again(settingsFile());
        again.setService(m_service);
        if (m_expectKeychain) {
            QCOMPARE(again.accounts(), QList<StoredAccount>{account});
            QCOMPARE(again.accounts(SourceKind::Pixelfed), QList<StoredAccount>{});
            QCOMPARE(again.accounts(SourceKind::Mastodon, QUrl(QStringLiteral("https://other.example"))),
                     QList<StoredAccount>{});
        } else {
            QVERIFY(again.accounts().isEmpty());
        }
        auto read = again.token(account);
        QVERIFY2(read.hasValue(), read ? "" : qPrintable(read.error().message));
        QCOMPARE(*read, token);

        if (m_expectKeychain && !QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty()) {
            // Independently of QtKeychain: the Secret Service holds it (libsecret schema org.qt.keychain).
            QProcess lookup;
            lookup.start(QStringLiteral("secret-tool"),
                         {QStringLiteral("lookup"), QStringLiteral("server"), m_service,
                          QStringLiteral("user"),
                          QStringLiteral("token:mastodon:https://social.example:alice")});
            QVERIFY(lookup.waitForFinished(10000));
            QCOMPARE(QString::fromUtf8(lookup.readAllStandardOutput()).trimmed(), token);
        }

        QVERIFY(filesContaining(m_dir.path(), token.toUtf8()).isEmpty());

        QVERIFY(again.removeToken(account).hasValue());
        auto gone = again.token(account);
        QVERIFY(!gone.hasValue());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QVERIFY(again.accounts().isEmpty());
        TokenStore third(settingsFile());
        third.setService(m_service);
        QVERIFY(!third.token(account).hasValue());
    }

    void accountListReadsOnlyKnownSources_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<bool>("listed");
        QTest::newRow("mastodon") << QStringList{QStringLiteral("mastodon"),
                                                 QStringLiteral("https://a.example"), QStringLiteral("alice")}
                                  << true;
        QTest::newRow("pixelfed") << QStringList{QStringLiteral("pixelfed"),
                                                 QStringLiteral("https://b.example"), QStringLiteral("bob")}
                                  << true;
        QTest::newRow("a newer version's source")
            << QStringList{QStringLiteral("bluesky"), QStringLiteral("https://bsky.example"),
                           QStringLiteral("carol")}
            << false;
        QTest::newRow("upper case") << QStringList{QStringLiteral("Mastodon"),
                                                   QStringLiteral("https://a.example"),
                                                   QStringLiteral("dave")}
                                    << false;
        QTest::newRow("empty source")
            << QStringList{QString(), QStringLiteral("https://a.example"), QStringLiteral("erin")} << false;
        QTest::newRow("two fields") << QStringList{QStringLiteral("mastodon"),
                                                   QStringLiteral("https://a.example")}
                                    << false;
    }
    void accountListReadsOnlyKnownSources()
    {
        // The list is the settings file's: a hand-edited or newer file must not break it.
        QFETCH(QStringList, fields);
        QFETCH(bool, listed);
        const QString file = m_dir.filePath(
            QStringLiteral("listing/%1.conf").arg(QString::fromLatin1(QTest::currentDataTag())));
        {
            QSettings settings(file, QSettings::IniFormat);
            settings.beginGroup(QStringLiteral("accounts"));
            settings.setValue(QStringLiteral("entry"), fields);
            settings.setValue(QStringLiteral("known"),
                              QStringList{QStringLiteral("mastodon"), QStringLiteral("https://z.example"),
                                          QStringLiteral("zoe")});
        }
        TokenStore store(file);
        store.setService(m_service);
        const QList<StoredAccount> accounts = store.accounts();
        QCOMPARE(accounts.size(), listed ? 2 : 1);
        QVERIFY(accounts.contains(StoredAccount{
            SourceKind::Mastodon, QUrl(QStringLiteral("https://z.example")), QStringLiteral("zoe")}));
        if (listed) {
            const StoredAccount expected{*taglens::engine::sourceKindFromName(fields[0]), QUrl(fields[1]),
                                         fields[2]};
            QVERIFY(accounts.contains(expected));
            QCOMPARE(store.accounts(expected.source, expected.instance), QList<StoredAccount>{expected});
        }
    }

    void clientRoundTrip()
    {
        const QUrl instance(QStringLiteral("https://pixel.example"));
        const MastodonApp app{instance, QStringLiteral("client-id-1"), randomText("client-secret-"),
                              QUrl(QStringLiteral("http://127.0.0.1/callback"))};
        TokenStore store(settingsFile());
        store.setService(m_service);
        QCOMPARE(store.client(SourceKind::Pixelfed, instance).error().code, ErrorCode::NotFound);
        QVERIFY(store.saveClient(SourceKind::Pixelfed, app).hasValue());
        TokenStore again(settingsFile());
        again.setService(m_service);
        auto client = again.client(SourceKind::Pixelfed, instance);
        if (m_expectKeychain) {
            QVERIFY2(client.hasValue(), client ? "" : qPrintable(client.error().message));
            QCOMPARE(client->clientId, app.clientId);
            QCOMPARE(client->clientSecret, app.clientSecret);
            QCOMPARE(client->redirectUri, app.redirectUri);
            QVERIFY(QFile(settingsFile()).exists());
        } else {
            // Not listed in settings, so the next run registers again; the secret stays in memory only.
            QVERIFY(!client.hasValue());
        }
        QVERIFY(filesContaining(m_dir.path(), app.clientSecret.toUtf8()).isEmpty());
        QVERIFY(again.removeClient(SourceKind::Pixelfed, instance).hasValue());
        QVERIFY(!again.client(SourceKind::Pixelfed, instance).hasValue());
    }

    // QtKeychain has one job queue per process and it is not thread-safe: stores used from
    // several threads at once (the GUI's logins, a harvest's login lookup, the command line) must
    // still answer every call right, because all their jobs run on the one keychain thread.
    void storesOnManyThreadsAtOnce_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("rounds");
        QTest::newRow("2 threads") << 2 << 5;
        QTest::newRow("6 threads") << 6 << 4;
    }
    void storesOnManyThreadsAtOnce()
    {
        QFETCH(int, threads);
        QFETCH(int, rounds);
        QThreadPool workers;
        workers.setMaxThreadCount(threads);
        std::atomic<int> wrong{0};
        std::atomic<int> offThread{0};
        QList<QFuture<void>> running;
        const QString settings = settingsFile();
        const QString service = m_service;
        for (int t = 0; t < threads; ++t) {
            running << QtConcurrent::run(&workers, [&, t] {
                TokenStore store(settings);
                store.setService(service);
                for (int r = 0; r < rounds; ++r) {
                    const StoredAccount account{SourceKind::Mastodon,
                                                QUrl(QStringLiteral("https://t%1.example").arg(t)),
                                                QStringLiteral("user%1").arg(r)};
                    const QString token = QStringLiteral("token-%1-%2").arg(t).arg(r);
                    if (!store.saveToken(account, token))
                        ++wrong;
                    const auto read = store.token(account);
                    if (!read || *read != token)
                        ++wrong;
                    // And a whole step as the GUI runs one, interleaved with the waits above.
                    const auto viaJob = KeychainThread::run(store.place(), [account](TokenStore &own) {
                                            if (!KeychainThread::isCurrent())
                                                return QStringLiteral("not on the keychain thread");
                                            return own.token(account).valueOr(QString());
                                        }).result();
                    if (viaJob != token)
                        ++wrong;
                    if (KeychainThread::isCurrent())
                        ++offThread;
                    if (!store.removeToken(account))
                        ++wrong;
                }
            });
        }
        for (auto &future : running)
            future.waitForFinished();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(offThread.load(), 0);
        TokenStore after(settings);
        after.setService(service);
        QCOMPARE(after.accounts(SourceKind::Mastodon), QList<StoredAccount>{});
    }

    // Only the application's main thread's waits are counted (the GUI's tests check they stay put).
    void waitsOfTheMainThreadAreCounted()
    {
        TokenStore store(settingsFile());
        store.setService(m_service);
        const int before = KeychainThread::mainThreadWaits();
        std::ignore = QtConcurrent::run([&] { return store.secret(QStringLiteral("absent")); }).result();
        QCOMPARE(KeychainThread::mainThreadWaits(), before);
        std::ignore = KeychainThread::run(store.place(), [](TokenStore &own) {
                          return own.secret(QStringLiteral("absent"));
                      }).result();
        QCOMPARE(KeychainThread::mainThreadWaits(), before);
        std::ignore = store.secret(QStringLiteral("absent"));
        QCOMPARE(KeychainThread::mainThreadWaits(), before + (store.keychainProblem().isEmpty() ? 1 : 0));
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
