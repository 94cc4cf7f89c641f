// SPDX-License-Identifier: GPL-3.0-or-later
// The first-run dialog's paths: offline, checksum failure, cancel, a file from disk, success.
#include "support/testhttpserver.h"
#include "ui/modelsetupdialog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using tests::TestHttpServer;
using ui::ModelSetupDialog;

namespace {

/// Stands in for the real conversion: copies the weights.
engine::Expected<void> copyConverter(const QString &src, const QString &dst)
{
    if (!QFile::copy(src, dst))
        return engine::Error::make(engine::ErrorCode::Io, QStringLiteral("copy failed"));
    return {};
}

// The shape of torch.save's zipped state dict, as far as the installer looks: a zip naming data.pkl.
QByteArray fakeStateDict(int size)
{
    QByteArray bytes("PK\x03\x04", 4);
    bytes += QByteArray(qMax(0, size - 40), 'd');
    bytes += "archive/data.pkl";
    return bytes + QByteArray(20, '\0');
}

QString prefixOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(8));
}

} // namespace

class TestModelSetupDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void offlineShowsTheError()
    {
        quint16 port = 0;
        {
            QTcpServer probe; // a port that was free a moment ago: connections are refused
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ModelSetupDialog dialog(copyConverter, m_dir.filePath(QStringLiteral("offline")));
        dialog.setDownloadUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/inception-0cc3c7bd.pth").arg(port)));
        QSignalSpy failed(&dialog, &ModelSetupDialog::failed);
        dialog.startDownload();
        QVERIFY(dialog.isBusy());
        QVERIFY(failed.wait(30000));
        QVERIFY(!dialog.isBusy());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("download failed")),
                 qPrintable(dialog.errorText()));
        QVERIFY(dialog.installedModelPath().isEmpty());
        QVERIFY(!QFileInfo::exists(
            engine::ModelStore(m_dir.filePath(QStringLiteral("offline"))).defaultModelPath()));
    }

    void checksumFailureShowsTheError()
    {
        TestHttpServer server;
        const QByteArray weights(4096, 'w');
        server.serve(QStringLiteral("/weights-deadbeef.pth"), weights); // the name promises another digest
        ModelSetupDialog dialog(copyConverter, m_dir.filePath(QStringLiteral("checksum")));
        dialog.setDownloadUrl(server.url(QStringLiteral("/weights-deadbeef.pth")));
        QSignalSpy failed(&dialog, &ModelSetupDialog::failed);
        dialog.startDownload();
        QVERIFY(failed.wait(30000));
        QVERIFY2(dialog.errorText().contains(QStringLiteral("SHA-256"), Qt::CaseInsensitive) ||
                     dialog.errorText().contains(QStringLiteral("checksum"), Qt::CaseInsensitive),
                 qPrintable(dialog.errorText()));
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("checksum")))
                    .entryList(QDir::Files)
                    .isEmpty()); // nothing left
    }

    void cancelStopsTheDownload()
    {
        TestHttpServer server;
        const QByteArray weights(256 * 1024, 'c');
        const QString path = QStringLiteral("/weights-%1.pth").arg(prefixOf(weights));
        server.serve(path, weights);
        server.stallAfterBytes(path, 1024, TestHttpServer::Always);
        ModelSetupDialog dialog(copyConverter, m_dir.filePath(QStringLiteral("cancel")));
        dialog.setDownloadUrl(server.url(path));
        QSignalSpy installed(&dialog, &ModelSetupDialog::installed);
        QSignalSpy failed(&dialog, &ModelSetupDialog::failed);
        dialog.show();
        dialog.startDownload();
        QTRY_VERIFY(!server.requests(path).isEmpty());
        QTest::keyClick(&dialog, Qt::Key_Escape); // stops the download, keeps the dialog
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QCOMPARE(failed.count(), 0); // a cancel is not an error
        QCOMPARE(installed.count(), 0);
        QVERIFY(dialog.installedModelPath().isEmpty());
    }

    void downloadInstalls()
    {
        TestHttpServer server;
        const QByteArray weights = fakeStateDict(64 * 1024);
        const QString path = QStringLiteral("/weights-%1.pth").arg(prefixOf(weights));
        server.serve(path, weights);
        const QString dir = m_dir.filePath(QStringLiteral("ok"));
        ModelSetupDialog dialog(copyConverter, dir);
        dialog.setDownloadUrl(server.url(path));
        QSignalSpy installed(&dialog, &ModelSetupDialog::installed);
        dialog.startDownload();
        QVERIFY(installed.wait(30000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // Not torchvision's checksum: a custom model under the download's name, not the official one.
        QCOMPARE(dialog.installedModelPath(), engine::ModelStore(dir).directory() +
                                                  QStringLiteral("/weights-%1.pt").arg(prefixOf(weights)));
        QVERIFY(!dialog.installedOfficialModel());
        QVERIFY(!engine::ModelStore(dir).hasDefaultModel());
        QFile model(dialog.installedModelPath());
        QVERIFY(model.open(QIODevice::ReadOnly));
        QCOMPARE(model.readAll(), weights);
        QVERIFY(!QFileInfo::exists(dir + path)); // the downloaded weights are removed once installed
    }

    void fileFromDiskAndConverterErrors()
    {
        const QString weights = m_dir.filePath(QStringLiteral("mine.pth"));
        QFile file(weights);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fakeStateDict(1024));
        file.close();
        // A file that is no model at all is refused before any conversion, with nothing installed.
        const QString text = m_dir.filePath(QStringLiteral("notes.pth"));
        QFile notes(text);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("weights");
        notes.close();
        ModelSetupDialog refused(copyConverter, m_dir.filePath(QStringLiteral("refused")));
        QSignalSpy refusedFailed(&refused, &ModelSetupDialog::failed);
        refused.installFromFile(text);
        QTRY_COMPARE_WITH_TIMEOUT(refusedFailed.count(), 1, 30000);
        QVERIFY(!refused.errorText().isEmpty());
        QVERIFY(engine::ModelStore(m_dir.filePath(QStringLiteral("refused"))).list().isEmpty());

        auto failing = [](const QString &, const QString &) -> engine::Expected<void> {
            return engine::Error::make(engine::ErrorCode::ModelInvalid,
                                       QStringLiteral("not an Inception-v3 state dict"));
        };
        ModelSetupDialog bad(failing, m_dir.filePath(QStringLiteral("bad")));
        bad.setFileChooser([&] { return weights; });
        QSignalSpy failed(&bad, &ModelSetupDialog::failed);
        bad.installFromFile(weights);
        // The outcome may arrive before installFromFile() returns, when the conversion is quick.
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(bad.errorText().contains(QStringLiteral("not an Inception-v3 state dict")));

        ModelSetupDialog good(copyConverter, m_dir.filePath(QStringLiteral("good")));
        QSignalSpy installed(&good, &ModelSetupDialog::installed);
        good.installFromFile(weights);
        QTRY_COMPARE_WITH_TIMEOUT(installed.count(), 1, 30000);
        QCOMPARE(QFileInfo(good.installedModelPath()).fileName(), QStringLiteral("mine.pt")); // its own name
        QVERIFY(!good.installedOfficialModel());
        QVERIFY(QFileInfo::exists(weights)); // the user's own file stays
    }

    void continueWithoutModel()
    {
        ModelSetupDialog dialog(copyConverter, m_dir.filePath(QStringLiteral("without")));
        dialog.show();
        dialog.continueWithout();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.installedModelPath().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestModelSetupDialog)
#include "tst_modelsetupdialog.moc"
