// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/modelstore.h"
#include "engine/models/sha256digest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using taglens::engine::Error;
using taglens::engine::ErrorCode;
using taglens::engine::Expected;
using taglens::engine::ModelStore;
using taglens::engine::Sha256Digest;

namespace {

/// The error message of a failed result, for QVERIFY2 (which evaluates its message even on success).
template <typename T> QByteArray failureText(const Expected<T> &result)
{
    return result.hasValue() ? QByteArray() : result.error().message.toUtf8();
}

const QByteArray ModelDirVariable = "TAGLENS_MODEL_DIR";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

/// A converter that prefixes the bytes, as a stand-in for state dict → TorchScript.
struct RecordingConverter
{
    QStringList calls;
    Expected<void> operator()(const QString &src, const QString &dst)
    {
        calls << src << dst;
        const QByteArray bytes = readFile(src);
        if (!writeFile(dst, "converted:" + bytes))
            return Error::make(ErrorCode::Io, QStringLiteral("cannot write ") + dst);
        return {};
    }
};

} // namespace

class TestModelStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void directory_data();
    void directory();
    void defaultModelPath();
    void list();
    void listMissingDirectory();
    void hasDefaultModel();

    void install_data();
    void install();
    void installBadChecksum();
    void installConverterFailure_data();
    void installConverterFailure();
    void installReplacesExistingModel();
    void installRejectsBadArguments();

    void missingModelMessage();
    void officialWeights();

    void sha256Prefix_data();
    void sha256Prefix();
    void sha256OfFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_source;
    QByteArray m_sourceBytes;
    QByteArray m_savedVariable;
    bool m_hadVariable = false;
};

void TestModelStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_hadVariable = qEnvironmentVariableIsSet(ModelDirVariable.constData());
    m_savedVariable = qgetenv(ModelDirVariable.constData());
}

void TestModelStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("downloads")));
    m_source = m_dir->filePath(QStringLiteral("downloads/inception_v3_google.pth"));
    m_sourceBytes = QByteArray(qsizetype(200) * 1024, 'w') + "end";
    QVERIFY(writeFile(m_source, m_sourceBytes));
    qunsetenv(ModelDirVariable.constData());
}

void TestModelStore::cleanup()
{
    if (m_hadVariable)
        qputenv(ModelDirVariable.constData(), m_savedVariable);
    else
        qunsetenv(ModelDirVariable.constData());
    m_dir.reset();
}

void TestModelStore::directory_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("expected"); // empty: the default location
    QTest::newRow("default") << QString() << QString() << QString();
    QTest::newRow("constructor") << QStringLiteral("/tmp/taglens-a/") << QString()
                                 << QStringLiteral("/tmp/taglens-a");
    QTest::newRow("environment") << QString() << QStringLiteral("/tmp/taglens-b")
                                 << QStringLiteral("/tmp/taglens-b");
    QTest::newRow("constructor wins") << QStringLiteral("/tmp/taglens-a") << QStringLiteral("/tmp/taglens-b")
                                      << QStringLiteral("/tmp/taglens-a");
}

void TestModelStore::directory()
{
    QFETCH(QString, argument);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    if (!environment.isEmpty())
        qputenv(ModelDirVariable.constData(), environment.toLocal8Bit());
    if (expected.isEmpty())
        expected = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                   + QStringLiteral("/taglens/models"); // the same for the CLI and the GUI

    const ModelStore store(argument);
    QCOMPARE(store.directory(), expected);
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/taglens-a"))); // nothing is created up front
}

void TestModelStore::defaultModelPath()
{
    const ModelStore store(m_dir->path());
    QCOMPARE(store.defaultModelPath(), m_dir->filePath(QStringLiteral("inception_v3_imagenet1k_v1.pt")));
}

void TestModelStore::list()
{
    const QString dir = m_dir->filePath(QStringLiteral("models"));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/folder.pt")));
    QVERIFY(writeFile(dir + QStringLiteral("/b.pt"), QByteArray(10, 'b')));
    QVERIFY(writeFile(dir + QStringLiteral("/a.pth"), QByteArray(5, 'a')));
    QVERIFY(writeFile(dir + QStringLiteral("/notes.txt"), "x"));
    QVERIFY(writeFile(dir + QStringLiteral("/c.pt.tmp"), "x"));
    QVERIFY(writeFile(dir + QStringLiteral("/d.pth.part"), "x"));

    const auto models = ModelStore(dir).list();
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(0).fileName, QStringLiteral("a.pth"));
    QCOMPARE(models.at(0).path, dir + QStringLiteral("/a.pth"));
    QCOMPARE(models.at(0).size, qint64(5));
    QVERIFY(models.at(0).modified.isValid());
    QCOMPARE(models.at(1).fileName, QStringLiteral("b.pt"));
    QCOMPARE(models.at(1).size, qint64(10));
}

void TestModelStore::listMissingDirectory()
{
    const ModelStore store(m_dir->filePath(QStringLiteral("nowhere")));
    QVERIFY(store.list().isEmpty());
    QVERIFY(!store.hasDefaultModel());
}

void TestModelStore::hasDefaultModel()
{
    const ModelStore store(m_dir->path());
    QVERIFY(!store.hasDefaultModel());
    QVERIFY(writeFile(store.defaultModelPath(), "model"));
    QVERIFY(store.hasDefaultModel());
}

void TestModelStore::install_data()
{
    QTest::addColumn<int>("prefixLength"); // 0: no check
    QTest::addColumn<bool>("upperCase");
    QTest::newRow("8 digits") << 8 << false;
    QTest::newRow("8 digits, upper case") << 8 << true;
    QTest::newRow("whole digest") << 64 << false;
    QTest::newRow("no check") << 0 << false;
}

void TestModelStore::install()
{
    QFETCH(int, prefixLength);
    QFETCH(bool, upperCase);
    QString prefix = sha256Hex(m_sourceBytes).left(prefixLength);
    if (upperCase)
        prefix = prefix.toUpper();
    const ModelStore store(m_dir->filePath(QStringLiteral("models")));
    RecordingConverter converter;

    const auto result = store.installFromFile(m_source, prefix, std::ref(converter));

    QVERIFY2(result.hasValue(), failureText(result).constData());
    QCOMPARE(result.value(), store.defaultModelPath());
    QCOMPARE(converter.calls, (QStringList{m_source, store.defaultModelPath() + QStringLiteral(".tmp")}));
    QCOMPARE(readFile(store.defaultModelPath()), "converted:" + m_sourceBytes);
    QCOMPARE(entries(store.directory()), QStringList{ModelStore::defaultModelFileName()});
    QVERIFY(store.hasDefaultModel());
    QCOMPARE(readFile(m_source), m_sourceBytes); // the source is left alone
}

void TestModelStore::installBadChecksum()
{
    const ModelStore store(m_dir->filePath(QStringLiteral("models")));
    RecordingConverter converter;
    const auto result = store.installFromFile(m_source, QStringLiteral("deadbeef"), std::ref(converter));

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::Checksum);
    QVERIFY(result.error().message.contains(QStringLiteral("deadbeef")));
    QVERIFY(converter.calls.isEmpty());
    QCOMPARE(entries(store.directory()), QStringList());
}

void TestModelStore::installConverterFailure_data()
{
    QTest::addColumn<bool>("writesFirst");
    QTest::addColumn<bool>("reportsError");
    QTest::addColumn<ErrorCode>("expectedCode");
    QTest::newRow("fails after writing half a file") << true << true << ErrorCode::ModelInvalid;
    QTest::newRow("fails before writing") << false << true << ErrorCode::ModelInvalid;
    QTest::newRow("claims success, writes nothing") << false << false << ErrorCode::ModelInvalid;
}

void TestModelStore::installConverterFailure()
{
    QFETCH(bool, writesFirst);
    QFETCH(bool, reportsError);
    QFETCH(ErrorCode, expectedCode);
    const ModelStore store(m_dir->filePath(QStringLiteral("models")));
    const auto converter = [&](const QString &, const QString &dst) -> Expected<void> {
        if (writesFirst)
            writeFile(dst, "half a mod");
        if (reportsError)
            return Error::make(ErrorCode::ModelInvalid, QStringLiteral("not an Inception-v3 state dict"));
        return {};
    };

    const auto result = store.installFromFile(m_source, QString(), converter);

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, expectedCode);
    if (reportsError)
        QCOMPARE(result.error().message, QStringLiteral("not an Inception-v3 state dict"));
    QCOMPARE(entries(store.directory()), QStringList());
}

void TestModelStore::installReplacesExistingModel()
{
    const ModelStore store(m_dir->filePath(QStringLiteral("models")));
    QVERIFY(QDir().mkpath(store.directory()));
    QVERIFY(writeFile(store.defaultModelPath(), "old model"));

    // A failed install keeps the old model...
    const auto failing = [](const QString &, const QString &dst) -> Expected<void> {
        writeFile(dst, "partial");
        return Error::make(ErrorCode::ModelInvalid, QStringLiteral("broken"));
    };
    QVERIFY(!store.installFromFile(m_source, QString(), failing).hasValue());
    QCOMPARE(readFile(store.defaultModelPath()), QByteArray("old model"));
    QCOMPARE(entries(store.directory()), QStringList{ModelStore::defaultModelFileName()});

    // ...and a good one replaces it.
    RecordingConverter converter;
    const auto result = store.installFromFile(m_source, QString(), std::ref(converter));
    QVERIFY2(result.hasValue(), failureText(result).constData());
    QCOMPARE(readFile(store.defaultModelPath()), "converted:" + m_sourceBytes);
    QCOMPARE(entries(store.directory()), QStringList{ModelStore::defaultModelFileName()});
}

void TestModelStore::installRejectsBadArguments()
{
    const ModelStore store(m_dir->filePath(QStringLiteral("models")));
    RecordingConverter converter;

    const auto missing =
        store.installFromFile(m_dir->filePath(QStringLiteral("nope.pth")), QString(), std::ref(converter));
    QVERIFY(!missing.hasValue());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    const auto badPrefix = store.installFromFile(m_source, QStringLiteral("not-hex"), std::ref(converter));
    QVERIFY(!badPrefix.hasValue());
    QCOMPARE(badPrefix.error().code, ErrorCode::InvalidArgument);

    const auto noConverter = store.installFromFile(m_source, QString(), ModelStore::Converter());
    QVERIFY(!noConverter.hasValue());
    QCOMPARE(noConverter.error().code, ErrorCode::InvalidArgument);

    QVERIFY(converter.calls.isEmpty());
    QVERIFY(!QFileInfo::exists(store.directory()));
}

void TestModelStore::missingModelMessage()
{
    const ModelStore store(m_dir->filePath(QStringLiteral("models")));
    const QString message = store.missingModelMessage();
    QVERIFY2(message.contains(QDir::toNativeSeparators(store.defaultModelPath())), qPrintable(message));
    // The commands and options to type (their FILE and PATH placeholders are translated).
    QVERIFY2(message.contains(QStringLiteral("taglens-cli model install")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--from")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--model")), qPrintable(message));
    QVERIFY2(message.contains(ModelStore::officialWeightsUrl().toString()), qPrintable(message));
}

void TestModelStore::officialWeights()
{
    QCOMPARE(ModelStore::officialWeightsUrl().scheme(), QStringLiteral("https"));
    QCOMPARE(ModelStore::officialWeightsUrl().fileName(), ModelStore::officialWeightsFileName());
    QVERIFY(ModelStore::officialWeightsFileName().contains(ModelStore::officialSha256Prefix()));
    QVERIFY(Sha256Digest::isValidPrefix(ModelStore::officialSha256Prefix()));
    QCOMPARE(ModelStore::officialSha256Prefix().size(), 8);
    QVERIFY(ModelStore::officialWeightsSize() > 100'000'000);
}

void TestModelStore::sha256Prefix_data()
{
    const QByteArray digest = "0cc3c7bd" + QByteArray(56, 'a');
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty") << digest << QString() << true << true;
    QTest::newRow("8 digits") << digest << QStringLiteral("0cc3c7bd") << true << true;
    QTest::newRow("upper case") << digest << QStringLiteral("0CC3C7BD") << true << true;
    QTest::newRow("whole") << digest << QString::fromLatin1(digest) << true << true;
    QTest::newRow("one digit") << digest << QStringLiteral("0") << true << true;
    QTest::newRow("other digits") << digest << QStringLiteral("0cc3c7be") << true << false;
    QTest::newRow("in the middle") << digest << QStringLiteral("c3c7bd") << true << false;
    QTest::newRow("too long") << digest << QString::fromLatin1(digest) + u'a' << false << false;
    QTest::newRow("not hex") << digest << QStringLiteral("0cc3c7bg") << false << false;
    QTest::newRow("white space") << digest << QStringLiteral("0cc3 c7bd") << false << false;
}

void TestModelStore::sha256Prefix()
{
    QFETCH(QByteArray, digest);
    QFETCH(QString, prefix);
    QFETCH(bool, valid);
    QFETCH(bool, matches);
    QCOMPARE(Sha256Digest::isValidPrefix(prefix), valid);
    QCOMPARE(Sha256Digest::matchesPrefix(digest, prefix), matches);
}

void TestModelStore::sha256OfFile()
{
    const auto digest = Sha256Digest::ofFile(m_source);
    QVERIFY(digest.hasValue());
    QCOMPARE(QString::fromLatin1(digest.value()), sha256Hex(m_sourceBytes));

    const auto missing = Sha256Digest::ofFile(m_dir->filePath(QStringLiteral("nope")));
    QVERIFY(!missing.hasValue());
    QCOMPARE(missing.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestModelStore)
#include "tst_modelstore.moc"
