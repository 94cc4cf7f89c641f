// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-cli end to end: a real process, a real HTTP server on 127.0.0.1, a model directory of
// its own. Nothing here reaches the internet.
#include "support/testhttpserver.h"
#include "support/testpaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using taglens::tests::TestHttpServer;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString testWeights()
{
    return taglens::tests::testModelDir() + QStringLiteral("/test_inception_v3.pth");
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_modelDir;
    QTemporaryDir m_work;
    QByteArray m_weights;
    QString m_prefix;

    /// Runs taglens-cli without blocking the event loop, so the test's HTTP server can answer it.
    Run run(const QStringList &args, int timeoutMs = 300000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TAGLENS_MODEL_DIR"), m_modelDir.path());
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QStringLiteral(TAGLENS_CLI), args);
        if (!p.waitForStarted() || !finished.wait(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                   p.readAllStandardError()};
    }

    QStringList modelDirEntries() const
    {
        return QDir(m_modelDir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot);
    }

    void clearModelDir()
    {
        for (const QString &f : modelDirEntries())
            QFile::remove(m_modelDir.filePath(f));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_modelDir.isValid() && m_work.isValid());
        QFile f(testWeights());
        QVERIFY2(f.open(QIODevice::ReadOnly), "run the make_test_models fixture");
        m_weights = f.readAll();
        m_prefix = QString::fromLatin1(
            QCryptographicHash::hash(m_weights, QCryptographicHash::Sha256).toHex().left(8));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        // What the message must name: the program, a command or option the test passed, or the
        // command that installs a model; empty where there is nothing but the wording to check.
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QStringList() << 2 << QStringLiteral("taglens-cli");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("frobnicate");
        QTest::newRow("classify without files") << QStringList{QStringLiteral("classify")} << 2 << QString();
        QTest::newRow("bad --top") << QStringList{QStringLiteral("classify"), QStringLiteral("--top"),
                                                  QStringLiteral("0"), QStringLiteral("x.jpg")}
                                   << 2 << QStringLiteral("--top");
        QTest::newRow("bad --format") << QStringList{QStringLiteral("classify"), QStringLiteral("--format"),
                                                     QStringLiteral("xml"), QStringLiteral("x.jpg")}
                                      << 2 << QStringLiteral("--format");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("classify"), QStringLiteral("--frob"), QStringLiteral("x.jpg")} << 2
            << QStringLiteral("frob");
        QTest::newRow("no model installed")
            << QStringList{QStringLiteral("classify"), QStringLiteral("x.jpg")} << 1
            << QStringLiteral("taglens-cli model install");
        QTest::newRow("model file is garbage")
            << QStringList{QStringLiteral("classify"), QStringLiteral("--model"),
                           QStringLiteral("/etc/hostname"), QStringLiteral("x.jpg")}
            << 1 << QStringLiteral("taglens-cli model install");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        clearModelDir();
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(!r.err.trimmed().isEmpty(), "no message on stderr");
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void installRejectsABadChecksumAndLeavesNothing()
    {
        clearModelDir();
        TestHttpServer server;
        server.serve(QStringLiteral("/models/inception_v3_test-00000000.pth"), m_weights);
        const Run r = run({QStringLiteral("model"), QStringLiteral("install"), QStringLiteral("--url"),
                           server.url(QStringLiteral("/models/inception_v3_test-00000000.pth")).toString()});
        QCOMPARE(r.exitCode, 1);
        // The message names the digest of what arrived and the prefix the file name promised.
        const QByteArray arrived = QCryptographicHash::hash(m_weights, QCryptographicHash::Sha256).toHex();
        QVERIFY2(r.err.toLower().contains(arrived), r.err.constData());
        QVERIFY2(r.err.contains("00000000"), r.err.constData());
        QCOMPARE(modelDirEntries(), QStringList());
    }

    void installResumesACutDownloadThenClassifies()
    {
        clearModelDir();
        TestHttpServer server;
        const QString path = QStringLiteral("/models/inception_v3_test-%1.pth").arg(m_prefix);
        server.serve(path, m_weights);
        server.cutAfterBytes(path, m_weights.size() / 3, 1);
        const Run install = run({QStringLiteral("model"), QStringLiteral("install"), QStringLiteral("--url"),
                                 server.url(path).toString()});
        QVERIFY2(install.exitCode == 0, install.err.constData());
        // Random test weights are not torchvision's, whatever the download is called: they are a
        // custom model under their own name, never the official one.
        const QString custom = QStringLiteral("inception_v3_test-%1.pt").arg(m_prefix);
        QCOMPARE(modelDirEntries(), QStringList{custom});
        const QString model = m_modelDir.filePath(custom);
        const auto requests = server.requests(path);
        QVERIFY(requests.size() >= 2);
        QVERIFY2(requests.last().header("Range").startsWith("bytes="),
                 requests.last().header("Range").constData());

        const Run list = run({QStringLiteral("model"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QByteArray(QByteArray("  ") + custom.toUtf8())), list.out.constData()); // not the default
        QVERIFY(!list.out.contains("* "));

        const Run info =
            run({QStringLiteral("model"), QStringLiteral("info"), QStringLiteral("--model"), model});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.contains(m_prefix.toLatin1()), info.out.constData()); // the source weights' SHA-256
        QVERIFY2(info.out.contains("2048"), info.out.constData()); // Inception-v3's embedding size

        // The installed model classifies; bad files are error rows, not aborts.
        const QString photo = taglens::tests::skimageDataDir() + QStringLiteral("/chelsea.png");
        const QString text = m_work.filePath(QStringLiteral("notes.jpg"));
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("not an image");
        t.close();
        const Run classify =
            run({QStringLiteral("classify"), QStringLiteral("--model"), model, QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--top"), QStringLiteral("3"), photo, text,
                 m_work.filePath(QStringLiteral("missing.png"))});
        QVERIFY2(classify.exitCode == 0, classify.err.constData());
        const QJsonArray results = QJsonDocument::fromJson(classify.out).array();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results[0][QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QCOMPARE(results[0][QStringLiteral("width")].toInt(), 451);
        QCOMPARE(results[0][QStringLiteral("height")].toInt(), 300);
        QCOMPARE(results[0][QStringLiteral("labels")].toArray().size(), 3);
        QCOMPARE(results[1][QStringLiteral("status")].toString(), QStringLiteral("error"));
        QVERIFY(!results[1][QStringLiteral("error")].toString().isEmpty());
        QCOMPARE(results[2][QStringLiteral("file")].toString(),
                 m_work.filePath(QStringLiteral("missing.png")));
        QCOMPARE(results[2][QStringLiteral("status")].toString(), QStringLiteral("error"));

        const Run csv =
            run({QStringLiteral("classify"), QStringLiteral("--model"), model, QStringLiteral("--format"),
                 QStringLiteral("csv"), QStringLiteral("--top"), QStringLiteral("2"), photo});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].trimmed(),
                 QByteArray("file,status,error,width,height,label_1,score_1,label_2,score_2"));
    }

    void installFromAFileOnDisk()
    {
        clearModelDir();
        const Run r = run(
            {QStringLiteral("model"), QStringLiteral("install"), QStringLiteral("--from"), testWeights()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // A custom model under the file's own name: its checksum is not the official one.
        const QString custom = QFileInfo(testWeights()).completeBaseName() + QStringLiteral(".pt");
        QCOMPARE(modelDirEntries(), QStringList{custom});
        QVERIFY(QFile::exists(testWeights())); // the user's file is left alone
        // The sidecar beside the test weights says they are untrained; the installed model keeps that
        // in the metadata it carries (TorchScript stores its extra files uncompressed).
        QFile installed(m_modelDir.filePath(custom));
        QVERIFY(installed.open(QIODevice::ReadOnly));
        const QByteArray model = installed.readAll();
        QVERIFY(model.contains("\"trained\": false"));
        QVERIFY(!model.contains("\"trained\": true"));
        const Run info = run({QStringLiteral("model"), QStringLiteral("info"), QStringLiteral("--model"),
                              m_modelDir.filePath(custom)});
        QVERIFY2(info.exitCode == 0, info.err.constData());
        QVERIFY2(info.out.contains(m_prefix.toLatin1()), info.out.constData()); // the weights it came from
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
