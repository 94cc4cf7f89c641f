// SPDX-License-Identifier: GPL-3.0-or-later
// The taglens executable as a user starts it: --help and --version answer on stdout, an unknown
// option is an error, and a project file given on the command line is opened (or said missing).
// Runs the real binary under the offscreen platform with a home, settings and models of its own.
#include "engine/store/projectstore.h"
#include "projectfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestGuiCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment environment(bool verbose) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("TAGLENS_MODEL_DIR"), m_home.filePath(QStringLiteral("models")));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        if (verbose)
            env.insert(QStringLiteral("TAGLENS_VERBOSE"), QStringLiteral("1"));
        else
            env.remove(QStringLiteral("TAGLENS_VERBOSE"));
        return env;
    }

    /// Runs taglens to its end (for options that exit by themselves).
    Run run(const QStringList &args)
    {
        QProcess p;
        p.setProcessEnvironment(environment(false));
        p.start(QStringLiteral(TAGLENS_GUI), args);
        if (!p.waitForStarted() || !p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                   p.readAllStandardError()};
    }

    /// Starts the window with \a args and collects stderr until it contains \a expected (or a
    /// timeout), then ends it. The app logs what it opens when TAGLENS_VERBOSE is set.
    QByteArray stderrUntil(const QStringList &args, const QByteArray &expected)
    {
        QProcess p;
        p.setProcessEnvironment(environment(true));
        p.start(QStringLiteral(TAGLENS_GUI), args);
        if (!p.waitForStarted())
            return {};
        QByteArray err;
        (void)QTest::qWaitFor( // the caller checks what arrived
            [&] {
                err += p.readAllStandardError();
                return err.contains(expected) || p.state() == QProcess::NotRunning;
            },
            60000);
        p.kill(); // the process this test started, and only it
        p.waitForFinished();
        return err + p.readAllStandardError();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(QFileInfo(QStringLiteral(TAGLENS_GUI)).isExecutable());
    }

    void options_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArrayList>("inStdout");
        QTest::addColumn<QByteArray>("inStderr");

        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0
                                << QByteArrayList{"Usage:", "--version", "--model", "[FILE]", "project"} << QByteArray();
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << 0 << QByteArrayList{"Usage:"} << QByteArray();
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0
                                   << QByteArrayList{"taglens", TAGLENS_VERSION} << QByteArray();
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << 1 << QByteArrayList{}
                                        << QByteArray("frobnicate");
        QTest::newRow("--model without a value") << QStringList{QStringLiteral("--model")} << 1
                                                 << QByteArrayList{} << QByteArray("model");
    }

    void options()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArrayList, inStdout);
        QFETCH(QByteArray, inStderr);
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        for (const QByteArray &part : inStdout)
            QVERIFY2(r.out.contains(part), r.out.constData());
        if (!inStderr.isEmpty())
            QVERIFY2(r.err.contains(inStderr), r.err.constData());
    }

    void opensTheProjectGiven()
    {
        const QString path = m_home.filePath(QStringLiteral("given.taglens"));
        {
            auto store = taglens::engine::ProjectStore::open(path);
            QVERIFY(store);
            taglens::tests::ProjectFixture fixture(store->get());
            fixture.add(QStringLiteral("cats"), taglens::engine::MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.9f);
            fixture.add(QStringLiteral("cats"), taglens::engine::MediaStatus::Skipped);
        }
        // Relative to the working directory, as a shell would pass it.
        QDir::setCurrent(m_home.path());
        const QByteArray err = stderrUntil({QStringLiteral("given.taglens")}, "rows");
        QVERIFY2(err.contains("opened"), err.constData());
        QVERIFY2(err.contains("given.taglens"), err.constData());
        QVERIFY2(err.contains("with 2 rows"), err.constData());
    }

    void missingProjectIsReported()
    {
        const QString path = m_home.filePath(QStringLiteral("typo.taglens"));
        const QByteArray err = stderrUntil({path}, "does not exist");
        QVERIFY2(err.contains("does not exist"), err.constData());
        QVERIFY(!QFileInfo::exists(path)); // not created behind the user's back
    }
};

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_guicommandline.moc"
