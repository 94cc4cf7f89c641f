// SPDX-License-Identifier: GPL-3.0-or-later
// `taglens-cli auth login --no-browser`, `auth status`, `harvest` with the stored login and
// `auth logout` as a user runs them: real processes against the Mastodon stand-in on 127.0.0.1,
// inside a private D-Bus session with an unlocked gnome-keyring (run-with-keyring.sh). The test
// plays the browser: it reads the printed URL and calls the catcher as the authorize page would.
#include "support/processrun.h"
#include "../engine/auth/mastodonoauthstandin.h"
#include "engine/auth/pkce.h"
#include "engine/auth/tokenstore.h"
#include "support/testpaths.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace taglens::tests;

namespace {

using Run = taglens::tests::ProcessRun;

/// The account lines of `auth status`: source, instance or account, id, tab-separated.
QStringList accountLines(const Run &status)
{
    return taglens::tests::tabSeparatedLines(status);
}

} // namespace

class TestCliAuth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;

    void prepare(QProcess &process) const
    {
        process.setProcessEnvironment(m_env);
        process.setProgram(QStringLiteral(TAGLENS_CLI));
    }

    Run run(const QStringList &args) const
    {
        return runProcess(QStringLiteral(TAGLENS_CLI), args, m_env, 120000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("TAGLENS_NO_KEYRING"))
            QSKIP("gnome-keyring-daemon or dbus-run-session is not installed");
        QVERIFY2(qgetenv("TAGLENS_EXPECT_KEYCHAIN") == "1", "run through run-with-keyring.sh");
        QVERIFY(m_home.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    }

    void loginStatusHarvestLogout()
    {
        MastodonOAuthStandIn standIn;
        const QString instance = standIn.instance().toString();
        const QString account = QStringLiteral("@trwnh@127.0.0.1"); // the stand-in's user on its host

        const Run before = run({QStringLiteral("auth"), QStringLiteral("status")});
        QCOMPARE(before.exitCode, 0);
        QCOMPARE(accountLines(before), QStringList());

        // login: the URL comes on stdout; the "browser" follows it to the catcher.
        QProcess login;
        prepare(login);
        login.setArguments({QStringLiteral("auth"), QStringLiteral("login"), QStringLiteral("--no-browser"),
                            QStringLiteral("--source"), QStringLiteral("mastodon"),
                            QStringLiteral("--instance"), instance, QStringLiteral("--timeout"),
                            QStringLiteral("60")});
        login.start();
        QVERIFY(login.waitForStarted(10000));
        QString stdoutText;
        QUrl authorize;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         stdoutText += QString::fromUtf8(login.readAllStandardOutput());
                         for (const QString &line : stdoutText.split(QLatin1Char('\n'))) {
                             if (line.trimmed().startsWith(instance + QStringLiteral("/oauth/authorize?")) &&
                                 line.endsWith(QString()))
                                 authorize = QUrl(line.trimmed());
                         }
                         return authorize.isValid() && stdoutText.endsWith(QLatin1Char('\n'));
                     },
                     60000),
                 qPrintable(stdoutText + QString::fromUtf8(login.readAllStandardError())));
        const QUrlQuery q(authorize);
        QCOMPARE(field(q, "client_id"), ClientId);
        QCOMPARE(field(q, "code_challenge_method"), QStringLiteral("S256"));
        standIn.lastChallenge = field(q, "code_challenge").toLatin1();
        QUrl callback(field(q, "redirect_uri"));
        QVERIFY(callback.toString().startsWith(QStringLiteral("http://127.0.0.1:")));
        callback.setQuery(QStringLiteral("code=%1&state=%2").arg(Code, field(q, "state")));
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(callback)));
        QVERIFY(QTest::qWaitFor([&] { return page->isFinished(); }, 30000));
        QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, 60000));
        stdoutText += QString::fromUtf8(login.readAllStandardOutput());
        const QString stderrText = QString::fromUtf8(login.readAllStandardError());
        QVERIFY2(login.exitCode() == 0, qPrintable(stderrText));
        QVERIFY2(stdoutText.contains(account), qPrintable(stdoutText));

        // status, another process, lists the account (so the keychain kept the login), never the token.
        const Run status = run({QStringLiteral("auth"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(accountLines(status),
                 QStringList{QStringLiteral("mastodon\t%1\t%2").arg(instance, account)});
        QVERIFY(!status.out.contains(AccessToken));

        // harvest on that instance sends the stored token without --token-env.
        const QString project = m_home.filePath(QStringLiteral("projects/cats.taglens"));
        QDir().mkpath(QFileInfo(project).absolutePath());
        const Run harvest =
            run({QStringLiteral("harvest"), QStringLiteral("--source"), QStringLiteral("mastodon"),
                 QStringLiteral("--instance"), instance, QStringLiteral("--tag"), QStringLiteral("cats"),
                 QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--project"), project,
                 QStringLiteral("--model"),
                 taglens::tests::testModelDir() + QStringLiteral("/hostile/tiny_sidecar.pt")});
        const auto timelineRequests = standIn.server.requests(QStringLiteral("/api/v1/timelines/tag/cats"));
        QVERIFY2(!timelineRequests.isEmpty(), qPrintable(harvest.err));
        QCOMPARE(timelineRequests.first().header("Authorization"), "Bearer " + AccessToken.toUtf8());

        // No token or client secret in any file: config, data, cache, the project.
        QCOMPARE(filesContaining(m_home.path(), AccessToken.toUtf8()), QStringList());
        QCOMPARE(filesContaining(m_home.path(), ClientSecret.toUtf8()), QStringList());
        QVERIFY(QFile::exists(m_home.filePath(QStringLiteral("config/taglens/auth.conf"))));

        // logout revokes at the instance and forgets the login.
        const Run logout =
            run({QStringLiteral("auth"), QStringLiteral("logout"), QStringLiteral("--instance"), instance});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        QVERIFY2(logout.out.contains(instance) && logout.out.contains(account), qPrintable(logout.out));
        QVERIFY(standIn.revoked);
        const Run after = run({QStringLiteral("auth"), QStringLiteral("status")});
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(accountLines(after), QStringList());
    }

    void loginReportsDenial()
    {
        MastodonOAuthStandIn standIn;
        QProcess login;
        prepare(login);
        login.setArguments({QStringLiteral("auth"), QStringLiteral("login"), QStringLiteral("--no-browser"),
                            QStringLiteral("--instance"), standIn.instance().toString()});
        login.start();
        QVERIFY(login.waitForStarted(10000));
        QString text;
        QUrl authorize;
        QVERIFY(QTest::qWaitFor(
            [&] {
                text += QString::fromUtf8(login.readAllStandardOutput());
                const qsizetype at = text.indexOf(QStringLiteral("http://"));
                if (at >= 0 && text.indexOf(QLatin1Char('\n'), at) > 0)
                    authorize = QUrl(text.mid(at, text.indexOf(QLatin1Char('\n'), at) - at));
                return authorize.isValid() && !authorize.isEmpty();
            },
            60000));
        const QUrlQuery q(authorize);
        QUrl callback(field(q, "redirect_uri"));
        callback.setQuery(QStringLiteral("error=access_denied&state=%1").arg(field(q, "state")));
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(callback)));
        QVERIFY(QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(login.exitCode(), 1);
        QVERIFY(!login.readAllStandardError().trimmed().isEmpty());
        QCOMPARE(accountLines(run({QStringLiteral("auth"), QStringLiteral("status")})), QStringList());
    }

    void loginWithoutKeychain()
    {
        // No session bus for the CLI: it says so plainly, logs in for this run only, writes no secret.
        MastodonOAuthStandIn standIn;
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/taglens-no-bus"));
        env.remove(QStringLiteral("DISPLAY"));
        QTemporaryDir home;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        QProcess login;
        login.setProcessEnvironment(env);
        login.setProgram(QStringLiteral(TAGLENS_CLI));
        login.setArguments({QStringLiteral("auth"), QStringLiteral("login"), QStringLiteral("--no-browser"),
                            QStringLiteral("--instance"), standIn.instance().toString()});
        login.start();
        QVERIFY(login.waitForStarted(10000));
        QString text;
        QUrl authorize;
        QVERIFY(QTest::qWaitFor(
            [&] {
                text += QString::fromUtf8(login.readAllStandardOutput());
                const qsizetype at = text.indexOf(QStringLiteral("http://"));
                if (at >= 0 && text.indexOf(QLatin1Char('\n'), at) > 0)
                    authorize = QUrl(text.mid(at, text.indexOf(QLatin1Char('\n'), at) - at));
                return authorize.isValid() && !authorize.isEmpty();
            },
            60000));
        const QUrlQuery q(authorize);
        standIn.lastChallenge = field(q, "code_challenge").toLatin1();
        QUrl callback(field(q, "redirect_uri"));
        callback.setQuery(QStringLiteral("code=%1&state=%2").arg(Code, field(q, "state")));
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(callback)));
        QVERIFY(QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, 60000));
        const QString err = QString::fromUtf8(login.readAllStandardError());
        QVERIFY2(login.exitCode() == 0, qPrintable(err));
        QVERIFY2(
            QString::fromUtf8(login.readAllStandardOutput()).contains(QStringLiteral("@trwnh@127.0.0.1")),
            qPrintable(err));
        // The login was for this run only: the next one does not know it.
        const Run status = runProcess(QStringLiteral(TAGLENS_CLI),
                                      {QStringLiteral("auth"), QStringLiteral("status")}, env, 120000);
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(accountLines(status), QStringList());
        QCOMPARE(filesContaining(home.path(), AccessToken.toUtf8()), QStringList());
        QCOMPARE(filesContaining(home.path(), ClientSecret.toUtf8()), QStringList());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no action") << QStringList{QStringLiteral("auth")};
        QTest::newRow("unknown action") << QStringList{QStringLiteral("auth"), QStringLiteral("dance")};
        QTest::newRow("login without instance")
            << QStringList{QStringLiteral("auth"), QStringLiteral("login")};
        QTest::newRow("bad source") << QStringList{QStringLiteral("auth"), QStringLiteral("status"),
                                                   QStringLiteral("--source"), QStringLiteral("flickr")};
        QTest::newRow("plain http elsewhere")
            << QStringList{QStringLiteral("auth"), QStringLiteral("login"), QStringLiteral("--instance"),
                           QStringLiteral("http://social.example")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliAuth)
#include "tst_cliauth.moc"
