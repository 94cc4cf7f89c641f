// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/modeldownloader.h"
#include "support/testhttpserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::Expected;
using taglens::engine::ModelDownloader;
using taglens::tests::TestHttpServer;

Q_DECLARE_METATYPE(taglens::engine::ErrorCode)

namespace {

/// The error message of a failed result, for QVERIFY2 (which evaluates its message even on success).
template <typename T> QByteArray failureText(const Expected<T> &result)
{
    return result.hasValue() ? QByteArray() : result.error().message.toUtf8();
}

constexpr int FinishTimeoutMs = 60000; // generous: a loaded 2-core machine must not make this flaky
const QString WeightsPath = QStringLiteral("/models/weights.pth");

QByteArray makePayload(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray data((size + 3) / 4 * 4, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    data.truncate(size);
    return data;
}

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

QByteArray rangeFrom(qint64 offset)
{
    return "bytes=" + QByteArray::number(offset) + '-';
}

/// Records what one ModelDownloader reports. The recorder is the connections' context, so
/// nothing dangles if it goes first.
class Recorder : public QObject
{
public:
    explicit Recorder(ModelDownloader &downloader)
    {
        connect(&downloader, &ModelDownloader::finished, this, [this](const Expected<QString> &outcome) {
            ++finishedCount;
            result = outcome;
        });
        connect(&downloader, &ModelDownloader::progress, this, [this](qint64 received, qint64 total) {
            progress.append({received, total});
        });
    }

    void reset()
    {
        result.reset();
        finishedCount = 0;
        progress.clear();
    }

    std::optional<Expected<QString>> result;
    int finishedCount = 0;
    QList<std::pair<qint64, qint64>> progress;
};

} // namespace

class TestModelDownloader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void isAllowedUrl_data();
    void isAllowedUrl();

    void fullDownload_data();
    void fullDownload();
    void checksumMismatch_data();
    void checksumMismatch();

    void cutConnectionResumesWithinOneStart();
    void retriesAreLimited();
    void existingPartResumes();
    void serverIgnoringRangeRestarts_data();
    void serverIgnoringRangeRestarts();
    void stalePartIsReplaced();
    void rangeNotSatisfiable_data();
    void rangeNotSatisfiable();

    void httpError_data();
    void httpError();
    void connectionRefused();
    void stallTimesOut();
    void stallOnceRecovers();
    void cancelKeepsPartForResume_data();
    void cancelKeepsPartForResume();
    void oversizedBody_data();
    void oversizedBody();

    void refusedUrl_data();
    void refusedUrl();
    void invalidPrefix_data();
    void invalidPrefix();
    void redirect_data();
    void redirect();
    void cancelWhileHashingPart();
    void startWhileRunningIsIgnored();
    void destroyWhileRunningKeepsPart();

private:
    Expected<QString> download(ModelDownloader &downloader, Recorder &recorder, const QUrl &url,
                               const QString &prefix);

    QByteArray m_payload;
    QString m_sha256;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
    QString m_destination;
    QString m_part;
};

void TestModelDownloader::initTestCase()
{
    qRegisterMetaType<ErrorCode>();
    m_payload = makePayload(3 * 1024 * 1024 + 1237, 20240607);
    m_sha256 = QString::fromLatin1(QCryptographicHash::hash(m_payload, QCryptographicHash::Sha256).toHex());
}

void TestModelDownloader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
    m_server->serve(WeightsPath, m_payload);
    m_destination = m_dir->filePath(QStringLiteral("weights.pth"));
    m_part = ModelDownloader::partPath(m_destination);
}

void TestModelDownloader::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

Expected<QString> TestModelDownloader::download(ModelDownloader &downloader, Recorder &recorder,
                                                const QUrl &url, const QString &prefix)
{
    recorder.reset();
    downloader.start(url, m_destination, prefix);
    if (!QTest::qWaitFor([&] { return recorder.result.has_value(); }, FinishTimeoutMs))
        return taglens::engine::Error::make(ErrorCode::Internal,
                                            QStringLiteral("test: finished() never came"));
    return *recorder.result;
}

void TestModelDownloader::isAllowedUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << QUrl(QStringLiteral("https://download.pytorch.org/models/x.pth")) << true;
    QTest::newRow("http 127.0.0.1") << QUrl(QStringLiteral("http://127.0.0.1:8080/x")) << true;
    QTest::newRow("http 127.1.2.3") << QUrl(QStringLiteral("http://127.1.2.3/x")) << true;
    QTest::newRow("http ::1") << QUrl(QStringLiteral("http://[::1]:8080/x")) << true;
    QTest::newRow("http localhost") << QUrl(QStringLiteral("http://localhost/x")) << true;
    QTest::newRow("http LOCALHOST") << QUrl(QStringLiteral("http://LOCALHOST/x")) << true;
    QTest::newRow("http public host") << QUrl(QStringLiteral("http://download.pytorch.org/x")) << false;
    QTest::newRow("http private address") << QUrl(QStringLiteral("http://10.0.0.1/x")) << false;
    QTest::newRow("http loopback look-alike")
        << QUrl(QStringLiteral("http://127.0.0.1.example.invalid/x")) << false;
    QTest::newRow("http localhost look-alike")
        << QUrl(QStringLiteral("http://localhost.example.invalid/x")) << false;
    QTest::newRow("ftp loopback") << QUrl(QStringLiteral("ftp://127.0.0.1/x")) << false;
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/hostname")) << false;
    QTest::newRow("relative") << QUrl(QStringLiteral("models/x.pth")) << false;
    QTest::newRow("empty") << QUrl() << false;
}

void TestModelDownloader::isAllowedUrl()
{
    QFETCH(QUrl, url);
    QFETCH(bool, allowed);
    QCOMPARE(ModelDownloader::isAllowedUrl(url), allowed);
}

void TestModelDownloader::fullDownload_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("subdirectory");
    QTest::addColumn<bool>("announced"); // whether the server sends Content-Length
    QTest::newRow("8 digits, lower case") << m_sha256.left(8) << QString() << true;
    QTest::newRow("8 digits, upper case") << m_sha256.left(8).toUpper() << QString() << true;
    QTest::newRow("whole digest") << m_sha256 << QString() << true;
    QTest::newRow("no check") << QString() << QString() << true;
    QTest::newRow("missing folders are made") << m_sha256.left(8) << QStringLiteral("a/b") << true;
    QTest::newRow("size not announced") << m_sha256.left(8) << QString() << false;
}

void TestModelDownloader::fullDownload()
{
    QFETCH(QString, prefix);
    QFETCH(QString, subdirectory);
    QFETCH(bool, announced);
    if (!subdirectory.isEmpty())
        m_destination = m_dir->filePath(subdirectory + QStringLiteral("/weights.pth"));
    if (!announced) {
        m_server->route(WeightsPath, [payload = m_payload](const TestHttpServer::Request &) {
            auto response = TestHttpServer::Response::withBody(payload);
            response.closeDelimited = true;
            return response;
        });
    }
    const qint64 expectedTotal = announced ? m_payload.size() : -1;

    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), prefix);

    QVERIFY2(result.hasValue(), failureText(result).constData());
    QCOMPARE(result.value(), m_destination);
    QCOMPARE(recorder.finishedCount, 1);
    QVERIFY(readFile(m_destination) == m_payload);
    QCOMPARE(entries(QFileInfo(m_destination).absolutePath()), QStringList{QStringLiteral("weights.pth")});

    QVERIFY(!recorder.progress.isEmpty());
    qint64 previous = 0;
    for (const auto &[received, total] : std::as_const(recorder.progress)) {
        QCOMPARE(total, expectedTotal);
        QVERIFY(received >= previous);
        previous = received;
    }
    QCOMPARE(recorder.progress.last().first, qint64(m_payload.size()));

    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().method, QByteArray("GET"));
    QCOMPARE(requests.first().header("User-Agent"), QByteArray("TagLens/" TAGLENS_VERSION));
    QCOMPARE(requests.first().header("Accept-Encoding"), QByteArray("identity"));
    QVERIFY(!requests.first().hasHeader("Range"));
}

void TestModelDownloader::checksumMismatch_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("wrong 8 digits") << QStringLiteral("deadbeef");
    QTest::newRow("wrong whole digest") << QString(64, u'0');
    QTest::newRow("right digest, one digit off at the end")
        << m_sha256.left(63) + (m_sha256.endsWith(u'0') ? u'1' : u'0');
}

void TestModelDownloader::checksumMismatch()
{
    QFETCH(QString, prefix);
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), prefix);

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::Checksum);
    QVERIFY2(result.error().message.contains(prefix.toLower()), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(m_sha256), qPrintable(result.error().message));
    QCOMPARE(entries(m_dir->path()), QStringList());
}

void TestModelDownloader::cutConnectionResumesWithinOneStart()
{
    const qint64 cut = m_payload.size() * 40 / 100;
    m_server->cutAfterBytes(WeightsPath, cut, 1);
    ModelDownloader downloader;
    downloader.setRetryDelay(10ms);
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), m_sha256.left(8));

    QVERIFY2(result.hasValue(), failureText(result).constData());
    QCOMPARE(recorder.finishedCount, 1);
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 2);
    QVERIFY(!requests.at(0).hasHeader("Range"));
    QCOMPARE(requests.at(1).header("Range"), rangeFrom(cut));
    QVERIFY(readFile(m_destination) == m_payload);
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("weights.pth")});
}

void TestModelDownloader::retriesAreLimited()
{
    // Every response is cut after 10 %: two retries get to 30 %, then the download gives up,
    // keeps what it has, and a later start() finishes from there.
    const qint64 cut = m_payload.size() / 10;
    m_server->cutAfterBytes(WeightsPath, cut, TestHttpServer::Always);
    ModelDownloader downloader;
    downloader.setMaxRetries(2);
    downloader.setRetryDelay(10ms);
    Recorder recorder(downloader);
    const QUrl url = m_server->url(WeightsPath);
    const auto failed = download(downloader, recorder, url, m_sha256.left(8));

    QVERIFY(!failed.hasValue());
    QCOMPARE(failed.error().code, ErrorCode::Network);
    QVERIFY2(failed.error().message.contains(url.toString()), qPrintable(failed.error().message));
    QCOMPARE(m_server->requests(WeightsPath).size(), 3);
    QCOMPARE(QFileInfo(m_part).size(), 3 * cut);
    QVERIFY(!QFileInfo::exists(m_destination));

    m_server->clearFaults(WeightsPath);
    m_server->clearRequests();
    const auto resumed = download(downloader, recorder, url, m_sha256.left(8));
    QVERIFY2(resumed.hasValue(), failureText(resumed).constData());
    QCOMPARE(m_server->requests(WeightsPath).size(), 1);
    QCOMPARE(m_server->requests(WeightsPath).first().header("Range"), rangeFrom(3 * cut));
    QVERIFY(readFile(m_destination) == m_payload);
    QVERIFY(!QFileInfo::exists(m_part));
}

void TestModelDownloader::existingPartResumes()
{
    const qint64 have = m_payload.size() / 3;
    QVERIFY(writeFile(m_part, m_payload.left(have)));
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), m_sha256.left(8));

    QVERIFY2(result.hasValue(), failureText(result).constData());
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().header("Range"), rangeFrom(have));
    QVERIFY(readFile(m_destination) == m_payload);
    QVERIFY(!QFileInfo::exists(m_part));
    // Progress counts the resumed part, and the total is the whole file.
    QVERIFY(!recorder.progress.isEmpty());
    QVERIFY(recorder.progress.first().first > have);
    QCOMPARE(recorder.progress.first().second, qint64(m_payload.size()));
    QCOMPARE(recorder.progress.last().first, qint64(m_payload.size()));
}

void TestModelDownloader::serverIgnoringRangeRestarts_data()
{
    QTest::addColumn<QByteArray>("part");
    QTest::newRow("good part") << m_payload.left(m_payload.size() / 2);
    QTest::newRow("garbage part") << makePayload(m_payload.size() / 2, 7);
}

void TestModelDownloader::serverIgnoringRangeRestarts()
{
    QFETCH(QByteArray, part);
    QVERIFY(writeFile(m_part, part));
    m_server->ignoreRange(WeightsPath);
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), m_sha256.left(8));

    QVERIFY2(result.hasValue(), failureText(result).constData());
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().header("Range"), rangeFrom(part.size()));
    QVERIFY(readFile(m_destination) == m_payload);
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("weights.pth")});
}

void TestModelDownloader::stalePartIsReplaced()
{
    // A part from another version of the file resumes into a wrong file; the checksum catches it
    // and the download starts over once, from zero.
    const QByteArray stale = makePayload(m_payload.size() / 4, 99);
    QVERIFY(writeFile(m_part, stale));
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), m_sha256.left(8));

    QVERIFY2(result.hasValue(), failureText(result).constData());
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).header("Range"), rangeFrom(stale.size()));
    QVERIFY(!requests.at(1).hasHeader("Range"));
    QVERIFY(readFile(m_destination) == m_payload);
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("weights.pth")});
}

void TestModelDownloader::rangeNotSatisfiable_data()
{
    QTest::addColumn<QByteArray>("part");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("expectedRequests");
    // The part is the whole file already (an earlier run stopped before the rename).
    QTest::newRow("complete part") << m_payload << m_sha256.left(8) << 1;
    QTest::newRow("complete part, no checksum") << m_payload << QString() << 1;
    // The part is longer than the file: it cannot be right, so start over.
    QTest::newRow("overlong part") << m_payload + makePayload(100, 3) << m_sha256.left(8) << 2;
}

void TestModelDownloader::rangeNotSatisfiable()
{
    QFETCH(QByteArray, part);
    QFETCH(QString, prefix);
    QFETCH(int, expectedRequests);
    QVERIFY(writeFile(m_part, part));
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), prefix);

    QVERIFY2(result.hasValue(), failureText(result).constData());
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), expectedRequests);
    QCOMPARE(requests.first().header("Range"), rangeFrom(part.size()));
    QVERIFY(readFile(m_destination) == m_payload);
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("weights.pth")});
}

void TestModelDownloader::httpError_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("404") << 404;
    QTest::newRow("403") << 403;
    QTest::newRow("500") << 500;
    QTest::newRow("503") << 503;
}

void TestModelDownloader::httpError()
{
    QFETCH(int, status);
    m_server->serveStatus(WeightsPath, status, "an error page that must not end up in the file\n");
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const QUrl url = m_server->url(WeightsPath);
    const auto result = download(downloader, recorder, url, m_sha256.left(8));

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY2(result.error().message.contains(QString::number(status)), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(url.toString()), qPrintable(result.error().message));
    QCOMPARE(m_server->requests(WeightsPath).size(), 1); // HTTP errors are not retried
    QVERIFY(recorder.progress.isEmpty());
    QCOMPARE(entries(m_dir->path()), QStringList());
}

void TestModelDownloader::connectionRefused()
{
    // A port that was free a moment ago: nothing listens there.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/models/weights.pth").arg(port));
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, url, m_sha256.left(8));

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY2(result.error().message.contains(url.toString()), qPrintable(result.error().message));
    QCOMPARE(entries(m_dir->path()), QStringList());
}

void TestModelDownloader::stallTimesOut()
{
    // Every response stalls after 10 %; one retry, then give up with what arrived kept.
    const qint64 stall = m_payload.size() / 10;
    m_server->stallAfterBytes(WeightsPath, stall, TestHttpServer::Always);
    ModelDownloader downloader;
    downloader.setTransferTimeout(1s);
    downloader.setMaxRetries(1);
    downloader.setRetryDelay(10ms);
    Recorder recorder(downloader);
    QElapsedTimer clock;
    clock.start();
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), m_sha256.left(8));

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY2(result.error().message.contains(m_server->url(WeightsPath).toString()),
             qPrintable(result.error().message));
    QVERIFY(clock.elapsed() >= 2000);
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).header("Range"), rangeFrom(stall));
    QCOMPARE(QFileInfo(m_part).size(), 2 * stall);
    QVERIFY(!QFileInfo::exists(m_destination));
}

void TestModelDownloader::stallOnceRecovers()
{
    const qint64 stall = m_payload.size() / 2;
    m_server->stallAfterBytes(WeightsPath, stall, 1);
    ModelDownloader downloader;
    downloader.setTransferTimeout(1s);
    downloader.setRetryDelay(10ms);
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), m_sha256.left(8));

    QVERIFY2(result.hasValue(), failureText(result).constData());
    const auto requests = m_server->requests(WeightsPath);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).header("Range"), rangeFrom(stall));
    QVERIFY(readFile(m_destination) == m_payload);
}

void TestModelDownloader::cancelKeepsPartForResume_data()
{
    QTest::addColumn<bool>("fromProgressSlot");
    QTest::newRow("from outside") << false;
    QTest::newRow("from a progress slot") << true;
}

void TestModelDownloader::cancelKeepsPartForResume()
{
    QFETCH(bool, fromProgressSlot);
    const qint64 stall = m_payload.size() * 40 / 100;
    m_server->stallAfterBytes(WeightsPath, stall, 1);
    ModelDownloader downloader;
    Recorder recorder(downloader);
    QMetaObject::Connection cancelling;
    if (fromProgressSlot) {
        cancelling = connect(&downloader, &ModelDownloader::progress, &recorder,
                             [&downloader, stall](qint64 received, qint64) {
                                 if (received >= stall)
                                     downloader.cancel();
                             });
    }
    const QUrl url = m_server->url(WeightsPath);
    downloader.start(url, m_destination, m_sha256.left(8));
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.progress.isEmpty() && recorder.progress.last().first == stall,
                             FinishTimeoutMs);
    if (!fromProgressSlot) {
        QVERIFY(!recorder.result);
        downloader.cancel();
    }
    // cancel() reports before it returns.
    QVERIFY(recorder.result.has_value());
    QVERIFY(!recorder.result->hasValue());
    QCOMPARE(recorder.result->error().code, ErrorCode::Cancelled);
    QVERIFY(!downloader.isRunning());
    QCOMPARE(QFileInfo(m_part).size(), stall);
    QVERIFY(!QFileInfo::exists(m_destination));
    QTest::qWait(100);
    QCOMPARE(recorder.finishedCount, 1);

    disconnect(cancelling);
    m_server->clearRequests();
    const auto result = download(downloader, recorder, url, m_sha256.left(8));
    QVERIFY2(result.hasValue(), failureText(result).constData());
    QCOMPARE(m_server->requests(WeightsPath).size(), 1);
    QCOMPARE(m_server->requests(WeightsPath).first().header("Range"), rangeFrom(stall));
    QVERIFY(readFile(m_destination) == m_payload);
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("weights.pth")});
}

void TestModelDownloader::oversizedBody_data()
{
    QTest::addColumn<bool>("announced");
    QTest::addColumn<qint64>("partSize");
    QTest::newRow("size announced") << true << qint64(0);
    QTest::newRow("size not announced") << false << qint64(0);
    QTest::newRow("size announced, resumed part") << true << qint64(1000);
    QTest::newRow("size not announced, resumed part") << false << qint64(1000);
}

void TestModelDownloader::oversizedBody()
{
    QFETCH(bool, announced);
    QFETCH(qint64, partSize);
    const QByteArray payload = m_payload;
    m_server->route(WeightsPath, [payload, announced](const TestHttpServer::Request &) {
        auto response = TestHttpServer::Response::withBody(payload);
        response.closeDelimited = !announced;
        return response;
    });
    if (partSize > 0)
        QVERIFY(writeFile(m_part, m_payload.left(partSize)));
    ModelDownloader downloader;
    downloader.setMaxSize(qint64(1024) * 1024);
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), QString());

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::TooLarge);
    QCOMPARE(entries(m_dir->path()), QStringList());
}

void TestModelDownloader::refusedUrl_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("plain http, not loopback") << QUrl(QStringLiteral("http://example.invalid/weights.pth"));
    QTest::newRow("plain http, private address") << QUrl(QStringLiteral("http://10.0.0.1/weights.pth"));
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/weights.pth"));
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/hostname"));
    QTest::newRow("empty") << QUrl();
}

void TestModelDownloader::refusedUrl()
{
    QFETCH(QUrl, url);
    ModelDownloader downloader;
    Recorder recorder(downloader);
    downloader.start(url, m_destination, QString());
    QVERIFY(!recorder.result); // reported asynchronously, like every outcome
    QTRY_VERIFY_WITH_TIMEOUT(recorder.result.has_value(), FinishTimeoutMs);
    QVERIFY(!recorder.result->hasValue());
    QCOMPARE(recorder.result->error().code, ErrorCode::InvalidArgument);
    QVERIFY(recorder.progress.isEmpty());
    QCOMPARE(entries(m_dir->path()), QStringList());
}

void TestModelDownloader::invalidPrefix_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("not hex") << QStringLiteral("0cc3c7bz");
    QTest::newRow("too long") << m_sha256 + u'0';
    QTest::newRow("spaces") << QStringLiteral(" 0cc3c7bd");
}

void TestModelDownloader::invalidPrefix()
{
    QFETCH(QString, prefix);
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result = download(downloader, recorder, m_server->url(WeightsPath), prefix);

    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(m_server->requests().size(), 0);
    QCOMPARE(entries(m_dir->path()), QStringList());
}

void TestModelDownloader::redirect_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("followed");
    QTest::newRow("to loopback") << QStringLiteral("SERVER") << true;
    QTest::newRow("to plain http elsewhere") << QStringLiteral("http://example.invalid/weights.pth") << false;
}

void TestModelDownloader::redirect()
{
    QFETCH(QString, location);
    QFETCH(bool, followed);
    const QUrl target = location == u"SERVER" ? m_server->url(WeightsPath) : QUrl(location);
    m_server->route(QStringLiteral("/old"), [target](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(302, target);
    });
    ModelDownloader downloader;
    Recorder recorder(downloader);
    const auto result =
        download(downloader, recorder, m_server->url(QStringLiteral("/old")), m_sha256.left(8));

    QCOMPARE(result.hasValue(), followed);
    if (followed) {
        QVERIFY(readFile(m_destination) == m_payload);
        QCOMPARE(m_server->requests(WeightsPath).size(), 1);
    } else {
        QCOMPARE(result.error().code, ErrorCode::Network);
        QVERIFY2(result.error().message.contains(target.toString()), qPrintable(result.error().message));
        QCOMPARE(entries(m_dir->path()), QStringList());
    }
}

void TestModelDownloader::cancelWhileHashingPart()
{
    // An existing part is hashed on a pool thread before the request; cancelling meanwhile must
    // report once, send nothing and keep the part.
    const QByteArray part = m_payload.left(m_payload.size() / 2);
    QVERIFY(writeFile(m_part, part));
    ModelDownloader downloader;
    Recorder recorder(downloader);
    downloader.start(m_server->url(WeightsPath), m_destination, m_sha256.left(8));
    downloader.cancel();
    QVERIFY(recorder.result.has_value());
    QCOMPARE(recorder.result->error().code, ErrorCode::Cancelled);
    QTest::qWait(300);
    QCOMPARE(recorder.finishedCount, 1);
    QVERIFY(m_server->requests().isEmpty());
    QVERIFY(readFile(m_part) == part);
}

void TestModelDownloader::startWhileRunningIsIgnored()
{
    m_server->stallAfterBytes(WeightsPath, 1000, 1);
    ModelDownloader downloader;
    downloader.setTransferTimeout(1s);
    downloader.setRetryDelay(10ms);
    Recorder recorder(downloader);
    downloader.start(m_server->url(WeightsPath), m_destination, m_sha256.left(8));
    QVERIFY(downloader.isRunning());
    QTest::ignoreMessage(QtWarningMsg, "start() ignored: a download is already running");
    downloader.start(m_server->url(QStringLiteral("/elsewhere")), m_destination, QString());
    QTRY_VERIFY_WITH_TIMEOUT(recorder.result.has_value(), FinishTimeoutMs);
    QVERIFY2(recorder.result->hasValue(), failureText(*recorder.result).constData());
    QTest::qWait(100);
    QCOMPARE(recorder.finishedCount, 1);
    QCOMPARE(m_server->requests(QStringLiteral("/elsewhere")).size(), 0);
    QVERIFY(readFile(m_destination) == m_payload);
}

void TestModelDownloader::destroyWhileRunningKeepsPart()
{
    const qint64 stall = m_payload.size() / 4;
    m_server->stallAfterBytes(WeightsPath, stall, 1);
    auto downloader = std::make_unique<ModelDownloader>();
    Recorder recorder(*downloader);
    downloader->start(m_server->url(WeightsPath), m_destination, m_sha256.left(8));
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.progress.isEmpty() && recorder.progress.last().first == stall,
                             FinishTimeoutMs);
    downloader.reset();
    QVERIFY(!recorder.result); // no report from a destructor
    QCOMPARE(QFileInfo(m_part).size(), stall);
    QVERIFY(!QFileInfo::exists(m_destination));
}

QTEST_GUILESS_MAIN(TestModelDownloader)
#include "tst_modeldownloader.moc"
