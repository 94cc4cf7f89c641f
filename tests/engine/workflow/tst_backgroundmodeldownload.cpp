// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundModelDownload: the downloader's contract kept across its thread — one finished() per
// start(), a cancel reported at once and never twice, and a download that works afterwards.
#include "engine/core/sha256.h"
#include "engine/workflow/backgroundmodeldownload.h"
#include "support/testhttpserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens::engine;

class TestBackgroundModelDownload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downloadsOnItsThread()
    {
        taglens::tests::TestHttpServer server;
        const QByteArray body(200 * 1024, 'w');
        const QString prefix = Sha256::hex(body).left(8);
        server.serve(QStringLiteral("/w-%1.pth").arg(prefix), body);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("w.pth"));
        BackgroundModelDownload download;
        QList<Expected<QString>> finished; // Expected has no default value, so no QSignalSpy
        connect(&download, &BackgroundModelDownload::finished, this,
                [&finished](const Expected<QString> &result) { finished.append(result); });
        QSignalSpy progress(&download, &BackgroundModelDownload::progress);
        download.start(server.url(QStringLiteral("/w-%1.pth").arg(prefix)), target, prefix);
        QVERIFY(download.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto result = finished.first();
        QVERIFY(result);
        QCOMPARE(*result, target);
        QVERIFY(!download.isRunning());
        QVERIFY(!progress.isEmpty());
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body);
    }

    void cancelIsReportedOnceAndAtOnce()
    {
        QTcpServer silent; // accepts, never answers: the download waits until cancelled
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        BackgroundModelDownload download;
        QList<Expected<QString>> finished; // Expected has no default value, so no QSignalSpy
        connect(&download, &BackgroundModelDownload::finished, this,
                [&finished](const Expected<QString> &result) { finished.append(result); });
        download.start(QUrl(QStringLiteral("http://127.0.0.1:%1/w-0cc3c7bd.pth").arg(silent.serverPort())),
                       dir.filePath(QStringLiteral("w.pth")), QStringLiteral("0cc3c7bd"));
        QTRY_VERIFY(silent.hasPendingConnections()); // connected: the transfer is under way
        download.cancel();
        QCOMPARE(finished.count(), 1); // before cancel() returns
        QCOMPARE(finished.first().error().code, ErrorCode::Cancelled);
        QVERIFY(!download.isRunning());
        QTest::qWait(500); // the thread's own answer to the cancel is not passed on
        QCOMPARE(finished.count(), 1);
        download.cancel(); // nothing running: nothing to report
        QCOMPARE(finished.count(), 1);
    }

    void refusedArgumentsEndTheDownload()
    {
        QTemporaryDir dir;
        BackgroundModelDownload download;
        QList<Expected<QString>> finished; // Expected has no default value, so no QSignalSpy
        connect(&download, &BackgroundModelDownload::finished, this,
                [&finished](const Expected<QString> &result) { finished.append(result); });
        download.start(QUrl(QStringLiteral("http://example.org/w-0cc3c7bd.pth")), // plain http elsewhere
                       dir.filePath(QStringLiteral("w.pth")), QStringLiteral("0cc3c7bd"));
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().error().code, ErrorCode::InvalidArgument);
        QVERIFY(!download.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundModelDownload)
#include "tst_backgroundmodeldownload.moc"
