// SPDX-License-Identifier: GPL-3.0-or-later
// Instagram from the command line as a user runs it, against the Graph API stand-in on 127.0.0.1
// inside a private D-Bus session with an unlocked gnome-keyring (run-with-keyring.sh):
// `auth login --source instagram` (the test plays the browser: it opens the printed dialog URL,
// which redirects to the catcher), `auth status`, `harvest --source instagram` of two tags with
// the tiny test model, the hashtag budget refusing a 31st tag, and no token or secret in any file.
#include "engine/store/projectstore.h"
#include "support/filescan.h"
#include "support/graphapistandin.h"
#include "support/processrun.h"
#include "support/testpaths.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <algorithm>
#include <memory>

using namespace taglens;
using tests::GraphApiStandIn;

using taglens::tests::filesContaining;

namespace {

using Run = taglens::tests::ProcessRun;
using taglens::tests::runProcess;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

/// The account lines of `auth status`: source, instance or account, id, tab-separated.
QStringList accountLines(const Run &status)
{
    return taglens::tests::tabSeparatedLines(status);
}

/// The whole numbers in \a line, in order.
QList<int> numbersIn(const QString &line)
{
    static const QRegularExpression number(QStringLiteral("\\d+"));
    QList<int> numbers;
    for (auto it = number.globalMatch(line); it.hasNext();)
        numbers << it.next().captured().toInt();
    return numbers;
}

/// Whether some line of \a text mentions \a needle (empty: any line) and holds the numbers
/// \a numbers, each as often as listed, in any order (a translation may reorder them).
bool hasLineWith(const QString &text, const QString &needle, const QList<int> &numbers)
{
    static const QRegularExpression lineEnd(QStringLiteral("[\r\n]"));
    for (const QString &line : text.split(lineEnd)) {
        if (!line.contains(needle))
            continue;
        QList<int> found = numbersIn(line);
        const bool all =
            std::all_of(numbers.cbegin(), numbers.cend(), [&found](int n) { return found.removeOne(n); });
        if (all)
            return true;
    }
    return false;
}

GraphApiStandIn::Media media(const QString &id, const QString &type, bool hasUrl = true)
{
    GraphApiStandIn::Media m;
    m.id = id;
    m.type = type;
    m.hasMediaUrl = hasUrl;
    m.caption = QStringLiteral("post %1 #cats").arg(id);
    m.timestamp = QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC);
    return m;
}

} // namespace

class TestCliInstagram : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    GraphApiStandIn m_graph;

    void prepare(QProcess &process) const
    {
        process.setProcessEnvironment(m_env);
        process.setProgram(QStringLiteral(TAGLENS_CLI));
    }

    Run run(const QStringList &args) const
    {
        return runProcess(QStringLiteral(TAGLENS_CLI), args, m_env, 240000);
    }

    QString tinyModel() const { return tests::testModelDir() + QStringLiteral("/hostile/tiny_sidecar.pt"); }

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
        m_env.insert(QStringLiteral("TAGLENS_GRAPH_API_BASE"), m_graph.graphBase().toString());
        m_env.insert(QStringLiteral("TAGLENS_FACEBOOK_DIALOG_BASE"), m_graph.dialogBase().toString());
        m_env.insert(QStringLiteral("TAGLENS_TEST_META_SECRET"), m_graph.clientSecret);

        GraphApiStandIn::Media album = media(QStringLiteral("200"), QStringLiteral("CAROUSEL_ALBUM"));
        album.children = {media(QStringLiteral("201"), QStringLiteral("IMAGE")),
                          media(QStringLiteral("202"), QStringLiteral("VIDEO")),
                          media(QStringLiteral("203"), QStringLiteral("IMAGE"), false)};
        m_graph.addHashtag(QStringLiteral("cats"), QStringLiteral("17843857450040591"),
                           {media(QStringLiteral("101"), QStringLiteral("IMAGE")),
                            media(QStringLiteral("102"), QStringLiteral("IMAGE")),
                            media(QStringLiteral("103"), QStringLiteral("IMAGE")), album,
                            media(QStringLiteral("300"), QStringLiteral("VIDEO")),
                            media(QStringLiteral("400"), QStringLiteral("IMAGE"), false)});
        m_graph.addHashtag(QStringLiteral("dogs"), QStringLiteral("17841562426109234"),
                           GraphApiStandIn::images(QStringLiteral("5"), 2, QStringLiteral("dogs")));
    }

    void loginHarvestBudgetLogout()
    {
        const Run before = run({QStringLiteral("auth"), QStringLiteral("status"), QStringLiteral("--source"),
                                QStringLiteral("instagram")});
        QCOMPARE(before.exitCode, 0);
        QCOMPARE(accountLines(before), QStringList());

        // login: the dialog URL comes on stdout; the browser follows it to the catcher.
        const quint16 port = freePort();
        QVERIFY(port != 0);
        m_graph.registeredRedirectUri = QUrl(QStringLiteral("http://localhost:%1/").arg(port));
        QProcess login;
        prepare(login);
        login.setArguments({QStringLiteral("auth"), QStringLiteral("login"), QStringLiteral("--source"),
                            QStringLiteral("instagram"), QStringLiteral("--client-id"), m_graph.clientId,
                            QStringLiteral("--client-secret-env"), QStringLiteral("TAGLENS_TEST_META_SECRET"),
                            QStringLiteral("--port"), QString::number(port), QStringLiteral("--no-browser"),
                            QStringLiteral("--timeout"), QStringLiteral("60")});
        login.start();
        QVERIFY(login.waitForStarted(10000));
        QString stdoutText;
        QUrl dialog;
        const QString dialogPrefix = m_graph.dialogBase().toString() + QLatin1Char('?');
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         stdoutText += QString::fromUtf8(login.readAllStandardOutput());
                         for (const QString &line : stdoutText.split(QLatin1Char('\n'))) {
                             if (line.trimmed().startsWith(dialogPrefix) &&
                                 stdoutText.endsWith(QLatin1Char('\n')))
                                 dialog = QUrl(line.trimmed());
                         }
                         return dialog.isValid() && !dialog.isEmpty();
                     },
                     60000),
                 qPrintable(stdoutText));
        QCOMPARE(QUrlQuery(dialog).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 m_graph.registeredRedirectUri.toString());
        QNetworkAccessManager browser;
        std::unique_ptr<QNetworkReply> page(browser.get(QNetworkRequest(dialog)));
        QVERIFY(QTest::qWaitFor([&] { return page->isFinished(); }, 30000));
        QCOMPARE(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(QTest::qWaitFor([&] { return login.state() == QProcess::NotRunning; }, 60000));
        stdoutText += QString::fromUtf8(login.readAllStandardOutput());
        const QString stderrText = QString::fromUtf8(login.readAllStandardError());
        QVERIFY2(login.exitCode() == 0, qPrintable(stdoutText + stderrText));
        // The account the stand-in links, its id and its Page.
        const QString account = QLatin1Char('@') + m_graph.igUsername;
        QVERIFY2(stdoutText.contains(account) && stdoutText.contains(m_graph.igUserId) &&
                     stdoutText.contains(m_graph.pageName),
                 qPrintable(stdoutText));
        QVERIFY2(stderrText.contains(QStringLiteral("http://localhost:%1/").arg(port)),
                 qPrintable(stderrText));

        // status, another process, lists the account (so the keychain kept the login).
        const Run status = run({QStringLiteral("auth"), QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
        const QStringList accounts = accountLines(status);
        QCOMPARE(accounts.size(), 1);
        QVERIFY2(
            accounts.first().startsWith(QStringLiteral("instagram\t%1\t%2").arg(account, m_graph.igUserId)),
            qPrintable(status.out));

        // harvest two tags with the stored login.
        const QString project = m_home.filePath(QStringLiteral("projects/insta.taglens"));
        QDir().mkpath(QFileInfo(project).absolutePath());
        const QDateTime harvestStarted = QDateTime::currentDateTimeUtc();
        const Run harvest =
            run({QStringLiteral("harvest"), QStringLiteral("--source"), QStringLiteral("instagram"),
                 QStringLiteral("--tag"), QStringLiteral("cats"), QStringLiteral("--tag"),
                 QStringLiteral("#Dogs"), QStringLiteral("--limit"), QStringLiteral("50"),
                 QStringLiteral("--project"), project, QStringLiteral("--model"), tinyModel()});
        const QDateTime harvestEnded = QDateTime::currentDateTimeUtc();
        QVERIFY2(harvest.exitCode == 0, qPrintable(harvest.out + harvest.err));
        // The budget before (30 of 30, for the account) and after the two tags (28 of 30).
        QVERIFY2(hasLineWith(harvest.err, account, {30, 30}), qPrintable(harvest.err));
        QVERIFY2(hasLineWith(harvest.err, QString(), {28, 30}), qPrintable(harvest.err));
        QCOMPARE(m_graph.searchedTags(), (QStringList{QStringLiteral("cats"), QStringLiteral("dogs")}));
        {
            auto store = engine::ProjectStore::open(project, engine::ProjectStore::OpenMode::ReadOnly);
            QVERIFY(store);
            QCOMPARE((*store)->statusCounts(QStringLiteral("cats"))->ok, 4);
            QCOMPARE((*store)->statusCounts(QStringLiteral("cats"))->skipped, 4);
            QCOMPARE((*store)->statusCounts(QStringLiteral("dogs"))->ok, 2);
            const auto rows = (*store)->mediaRows();
            QVERIFY(rows);
            int noUrl = 0;
            QSet<QString> noUrlReasons;
            QSet<QString> videoReasons;
            for (const auto &row : *rows) {
                QCOMPARE(row.source, QStringLiteral("instagram"));
                QVERIFY(row.author.isEmpty());
                if (row.mediaRemoteId == u"203" || row.mediaRemoteId == u"400") {
                    QCOMPARE(row.status, engine::MediaStatus::Skipped);
                    QVERIFY(!row.error.isEmpty());
                    noUrlReasons.insert(row.error);
                    ++noUrl;
                }
                if (row.mediaRemoteId == u"202" || row.mediaRemoteId == u"300") {
                    QCOMPARE(row.status, engine::MediaStatus::Skipped);
                    QVERIFY(!row.error.isEmpty());
                    videoReasons.insert(row.error);
                }
            }
            QCOMPARE(noUrl, 2);
            // Both posts without a media URL are skipped for one reason, which is not the videos' one.
            QCOMPARE(noUrlReasons.size(), 1);
            QVERIFY(!videoReasons.isEmpty());
            QVERIFY(!videoReasons.contains(*noUrlReasons.cbegin()));
        }

        // The budget: 28 left; asking for 29 new tags is refused before any request, with the date
        // the first place frees up: 7 days after the first search (UTC, as the ledger writes dates).
        QStringList args{QStringLiteral("harvest"),
                         QStringLiteral("--source"),
                         QStringLiteral("instagram"),
                         QStringLiteral("--project"),
                         project,
                         QStringLiteral("--model"),
                         tinyModel()};
        for (int i = 0; i < 29; ++i)
            args << QStringLiteral("--tag") << QStringLiteral("new%1").arg(i);
        const int searchesBefore = int(m_graph.searchedTags().size());
        const Run refused = run(args);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("#new28")), qPrintable(refused.err));
        const auto freesOn = [](const QDateTime &searched) {
            return QLocale::c().toString(searched.toUTC().addDays(7), QStringLiteral("yyyy-MM-dd"));
        };
        QVERIFY2(refused.err.contains(freesOn(harvestStarted)) || refused.err.contains(freesOn(harvestEnded)),
                 qPrintable(refused.err));
        QCOMPARE(int(m_graph.searchedTags().size()), searchesBefore);

        // No token, code or secret in any file: config, data (ledger), cache, the project.
        for (const QString &secret :
             {m_graph.longToken, m_graph.shortToken, m_graph.clientSecret, m_graph.code})
            QCOMPARE(filesContaining(m_home.path(), secret.toUtf8()), QStringList());
        QVERIFY(QFile::exists(m_home.filePath(QStringLiteral("config/taglens/auth.conf"))));
        QVERIFY(QFile::exists(m_home.filePath(QStringLiteral("data/taglens/settings.sqlite"))));

        // logout forgets the login; harvest then says to log in.
        const Run logout = run({QStringLiteral("auth"), QStringLiteral("logout"), QStringLiteral("--source"),
                                QStringLiteral("instagram")});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        QVERIFY2(logout.out.contains(account), qPrintable(logout.out));
        const Run loggedOut = run({QStringLiteral("auth"), QStringLiteral("status")});
        QCOMPARE(loggedOut.exitCode, 0);
        QCOMPARE(accountLines(loggedOut), QStringList());
        const Run after = run({QStringLiteral("harvest"), QStringLiteral("--source"),
                               QStringLiteral("instagram"), QStringLiteral("--tag"), QStringLiteral("cats"),
                               QStringLiteral("--project"), project, QStringLiteral("--model"), tinyModel()});
        QCOMPARE(after.exitCode, 1);
        QVERIFY2(after.err.contains(QStringLiteral("auth login --source instagram")), qPrintable(after.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("graphBase"); // empty: the stand-in's
        const QString none;
        const QString remote = QStringLiteral("https://graph.example/v21.0");
        QTest::newRow("login without client id")
            << QStringList{QStringLiteral("auth"), QStringLiteral("login"), QStringLiteral("--source"),
                           QStringLiteral("instagram")}
            << none;
        QTest::newRow("bad port") << QStringList{QStringLiteral("auth"),        QStringLiteral("login"),
                                                 QStringLiteral("--source"),    QStringLiteral("instagram"),
                                                 QStringLiteral("--client-id"), QStringLiteral("1"),
                                                 QStringLiteral("--port"),      QStringLiteral("99999")}
                                  << none;
        QTest::newRow("empty secret variable") << QStringList{QStringLiteral("auth"),
                                                              QStringLiteral("login"),
                                                              QStringLiteral("--source"),
                                                              QStringLiteral("instagram"),
                                                              QStringLiteral("--client-id"),
                                                              QStringLiteral("1"),
                                                              QStringLiteral("--client-secret-env"),
                                                              QStringLiteral("TAGLENS_NO_SUCH_VARIABLE")}
                                               << none;
        QTest::newRow("graph override elsewhere")
            << QStringList{QStringLiteral("auth"),        QStringLiteral("login"),
                           QStringLiteral("--source"),    QStringLiteral("instagram"),
                           QStringLiteral("--client-id"), QStringLiteral("1")}
            << remote;
        QTest::newRow("bad edge") << QStringList{QStringLiteral("harvest"),   QStringLiteral("--source"),
                                                 QStringLiteral("instagram"), QStringLiteral("--tag"),
                                                 QStringLiteral("cats"),      QStringLiteral("--edge"),
                                                 QStringLiteral("sideways"),  QStringLiteral("--project"),
                                                 QStringLiteral("x.taglens")}
                                  << none;
        QTest::newRow("emoji tag") << QStringList{QStringLiteral("harvest"),   QStringLiteral("--source"),
                                                  QStringLiteral("instagram"), QStringLiteral("--tag"),
                                                  QStringLiteral("cat🐱"),      QStringLiteral("--project"),
                                                  QStringLiteral("x.taglens")}
                                   << none;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, graphBase);
        QProcessEnvironment env = m_env;
        if (!graphBase.isEmpty())
            env.insert(QStringLiteral("TAGLENS_GRAPH_API_BASE"), graphBase);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TAGLENS_CLI), args);
        QVERIFY(p.waitForStarted(10000));
        p.closeWriteChannel(); // nothing to read a secret from
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(!p.readAllStandardError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliInstagram)
#include "tst_cliinstagram.moc"
