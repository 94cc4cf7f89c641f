// SPDX-License-Identifier: GPL-3.0-or-later
// ModelInstall: what a file is decides where it is installed — the official model only by its
// checksum, every other file as a custom model under its own name; hostile and cut files refused.
#include "engine/core/sha256.h"
#include "engine/workflow/modelinstall.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens::engine;

namespace {

QString hostileModel(const char *name)
{
    return QDir::cleanPath(qEnvironmentVariable("TAGLENS_BUILD_DIR") +
                           QStringLiteral("/test-models/hostile/") + QLatin1String(name));
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Stands in for the torch backend's conversion: marks what it wrote, so the test sees it ran.
Expected<void> markingConverter(const QString &source, const QString &target)
{
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(ErrorCode::Io, QStringLiteral("cannot write"));
    out.write("converted:" + readAll(source).left(16));
    return {};
}

// A zip's local header, some bytes, then an entry name as a central directory has it.
QByteArray zipWith(const char *entry)
{
    return QByteArray("PK\x03\x04", 4) + QByteArray(64, '\0') + QByteArray(entry) + QByteArray(32, '\0');
}

} // namespace

class TestModelInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format"); // -1: refused
        QTest::newRow("legacy pickle")
            << QByteArray("\x80\x02}q\x00.", 6) << int(ModelInstall::Format::StateDict);
        QTest::newRow("zipped state dict")
            << zipWith("archive/data.pkl") << int(ModelInstall::Format::StateDict);
        QTest::newRow("TorchScript") << zipWith("model/constants.pkl")
                                     << int(ModelInstall::Format::TorchScript);
        QTest::newRow("TorchScript code")
            << zipWith("model/code/__torch__.py") << int(ModelInstall::Format::TorchScript);
        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("one byte") << QByteArray("P") << -1;
        QTest::newRow("text") << QByteArray("not a model at all\n") << -1;
        QTest::newRow("some other zip") << zipWith("word/document.xml") << -1;
        QTest::newRow("JPEG") << QByteArray("\xff\xd8\xff\xe0\0\x10JFIF", 10) << -1;
    }

    void formats()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file.pth"));
        write(path, bytes);
        const auto found = ModelInstall::formatOf(path);
        QCOMPARE(bool(found), format >= 0);
        if (found)
            QCOMPARE(int(*found), format);
        else
            QCOMPARE(found.error().code, ErrorCode::InvalidArgument);
        // A model refused is not installed: nothing appears in the model folder.
        const ModelStore store(dir.filePath(QStringLiteral("models")));
        if (format < 0) {
            const auto installed = ModelInstall::fromFile(store, path, markingConverter);
            QVERIFY(!installed);
            QCOMPARE(installed.error().code, ErrorCode::InvalidArgument);
            QVERIFY(store.list().isEmpty());
        }
    }

    void realModelFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("TorchScript") << hostileModel("plain_weights.pt")
                                     << int(ModelInstall::Format::TorchScript);
        QTest::newRow("state dict") << hostileModel("not_inception.pth")
                                    << int(ModelInstall::Format::StateDict);
    }

    // The files PyTorch itself wrote (the hostile_models fixture), as a user would pick them.
    void realModelFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        const auto found = ModelInstall::formatOf(file);
        QVERIFY(found);
        QCOMPARE(int(*found), format);
    }

    void officialOnlyByChecksum_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("prefixMatches");
        QTest::addColumn<bool>("official");
        QTest::addColumn<QString>("installedName");
        // The name says nothing: a file named like torchvision's is custom unless its bytes match.
        QTest::newRow("named like the official, other bytes")
            << QStringLiteral("inception_v3_google-0cc3c7bd.pth") << false << false
            << QStringLiteral("inception_v3_google-0cc3c7bd.pt");
        QTest::newRow("any name, official bytes")
            << QStringLiteral("weights.pth") << true << true << ModelStore::defaultModelFileName();
        QTest::newRow("no prefix in the name")
            << QStringLiteral("mine.pth") << false << false << QStringLiteral("mine.pt");
        QTest::newRow("the official model's own name")
            << QStringLiteral("inception_v3_imagenet1k_v1.pth") << false << false
            << QStringLiteral("inception_v3_imagenet1k_v1-custom.pt");
        QTest::newRow("hostile name") << QStringLiteral("..evil name;rm -rf.pth") << false << false
                                      << QStringLiteral("evil_name_rm_-rf.pt");
    }

    void officialOnlyByChecksum()
    {
        QFETCH(QString, name);
        QFETCH(bool, prefixMatches);
        QFETCH(bool, official);
        QFETCH(QString, installedName);
        QTemporaryDir dir;
        const QString source = dir.filePath(name);
        const QByteArray bytes = zipWith("archive/data.pkl");
        write(source, bytes);
        const QString sha = Sha256::hex(bytes);
        // The test's own file stands for torchvision's: its checksum is the "official" one, or not.
        const QString officialPrefix = prefixMatches ? sha.left(8) : QStringLiteral("0cc3c7bd");
        const ModelStore store(dir.filePath(QStringLiteral("models")));
        const auto installed = ModelInstall::fromFile(store, source, markingConverter, officialPrefix);
        QVERIFY2(installed, installed ? "" : qPrintable(installed.error().message));
        QCOMPARE(installed->official, official);
        QCOMPARE(installed->format, ModelInstall::Format::StateDict);
        QCOMPARE(installed->sourceSha256, sha);
        QCOMPARE(QFileInfo(installed->path).fileName(), installedName);
        QCOMPARE(QFileInfo(installed->path).absolutePath(), QDir(store.directory()).absolutePath());
        QVERIFY(readAll(installed->path).startsWith("converted:")); // the weights were converted
        QCOMPARE(store.hasDefaultModel(), official);
        QVERIFY(QFileInfo::exists(source)); // the user's file stays
    }

    void torchScriptIsCopiedAsIs()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("my-detector.pt"));
        const QByteArray bytes = zipWith("my-detector/constants.pkl");
        write(source, bytes);
        const ModelStore store(dir.filePath(QStringLiteral("models")));
        const auto installed = ModelInstall::fromFile(store, source, markingConverter);
        QVERIFY(installed);
        QVERIFY(!installed->official);
        QCOMPARE(installed->format, ModelInstall::Format::TorchScript);
        QCOMPARE(QFileInfo(installed->path).fileName(), QStringLiteral("my-detector.pt"));
        QCOMPARE(readAll(installed->path), bytes); // not run through the weights converter
        QVERIFY(!store.hasDefaultModel());
    }

    void missingAndFailingConversions()
    {
        QTemporaryDir dir;
        const ModelStore store(dir.filePath(QStringLiteral("models")));
        const auto missing =
            ModelInstall::fromFile(store, dir.filePath(QStringLiteral("gone.pth")), markingConverter);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        const auto folder = ModelInstall::fromFile(store, dir.path(), markingConverter);
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, ErrorCode::NotFound);
        const QString source = dir.filePath(QStringLiteral("w.pth"));
        write(source, zipWith("archive/data.pkl"));
        const auto failing = ModelInstall::fromFile(store, source, [](const QString &, const QString &) {
            return Expected<void>(Error::make(ErrorCode::ModelInvalid, QStringLiteral("not Inception-v3")));
        });
        QVERIFY(!failing);
        QCOMPARE(failing.error().code, ErrorCode::ModelInvalid);
        QVERIFY(store.list().isEmpty()); // nothing half-installed
    }

    void inTheBackgroundAndRemovingTheDownload()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("download.pth"));
        write(source, zipWith("archive/data.pkl"));
        const ModelStore store(dir.filePath(QStringLiteral("models")));
        auto future = ModelInstall::fromFileInBackground(store, source, markingConverter, true);
        future.waitForFinished();
        QVERIFY(future.result());
        QVERIFY(!QFileInfo::exists(source));
        QVERIFY(QFileInfo::exists(future.result()->path));
    }

    void prefixInName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("torchvision") << QStringLiteral("inception_v3_google-0cc3c7bd.pth")
                                     << QStringLiteral("0cc3c7bd");
        QTest::newRow("upper case") << QStringLiteral("x-0CC3C7BD.pth") << QStringLiteral("0cc3c7bd");
        QTest::newRow("too short") << QStringLiteral("x-0cc3c7.pth") << QString();
        QTest::newRow("none") << QStringLiteral("weights.pth") << QString();
        QTest::newRow("not hex") << QStringLiteral("x-0cc3c7bz.pth") << QString();
    }

    void prefixInName()
    {
        QFETCH(QString, name);
        QFETCH(QString, prefix);
        QCOMPARE(ModelInstall::sha256PrefixInName(name), prefix);
    }

    void prepareDownload_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<bool>("ok");
        QTest::newRow("official") << ModelStore::officialWeightsUrl() << true;
        QTest::newRow("no checksum in the name")
            << QUrl(QStringLiteral("https://example.org/weights.pth")) << false;
        QTest::newRow("no file") << QUrl(QStringLiteral("https://example.org/")) << false;
        QTest::newRow("invalid") << QUrl() << false;
    }

    void prepareDownload()
    {
        QFETCH(QUrl, url);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        const ModelStore store(dir.filePath(QStringLiteral("new/models")));
        auto future = ModelInstall::prepareDownloadInBackground(store, url);
        future.waitForFinished();
        const auto target = future.result();
        QCOMPARE(bool(target), ok);
        if (ok) {
            QCOMPARE(QFileInfo(*target).fileName(), url.fileName());
            QVERIFY(QFileInfo(store.directory()).isDir()); // made, off the caller's thread
        } else {
            QCOMPARE(target.error().code, ErrorCode::InvalidArgument);
            QVERIFY(!QFileInfo::exists(store.directory()));
        }
    }
};

QTEST_GUILESS_MAIN(TestModelInstall)
#include "tst_modelinstall.moc"
