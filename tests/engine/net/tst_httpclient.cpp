// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/net/httpclient.h"
#include "support/testhttpserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QPointer>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>
#include <algorithm>
#include <memory>
#include <optional>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::Expected;
using taglens::engine::HttpClient;
using taglens::engine::HttpJob;
using taglens::engine::HttpResponse;
using taglens::engine::RequestOptions;
using taglens::engine::RetryNotice;
using taglens::tests::TestHttpServer;

namespace {

constexpr int FinishTimeoutMs = 30000; // generous: a loaded 2-core machine must not make this flaky

// A self-signed certificate for 127.0.0.1 (CA:TRUE, valid for 100 years) and its key, made for
// this test only with `openssl req -x509 -newkey ec ... -addext subjectAltName=IP:127.0.0.1`.
constexpr char TestKeyPem[] = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgs28PNz/nWlVeLS6r
x1kMrslVFzQ+0LxIBschwjnerZqhRANCAASsPsVkS9f/iYkGf9M0k7/cEp3WlVhm
uGKnppoLM6OXgOwPtyfDIaXMvcUMB3L8s9zbEGHdysC0HkhvhXGcq+Ak
-----END PRIVATE KEY-----
)";
constexpr char TestCertificatePem[] = R"(-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUQ8qqyVVtheOB84aJH+OBSTJvUqowCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTA5MDc1NloYDzIxMjYxMTA1
MDkwNzU2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASsPsVkS9f/iYkGf9M0k7/cEp3WlVhmuGKnppoLM6OXgOwPtyfDIaXM
vcUMB3L8s9zbEGHdysC0HkhvhXGcq+Ako2QwYjAdBgNVHQ4EFgQUVqeDcBV7MA2e
7dkSjYWmjwZMFkIwHwYDVR0jBBgwFoAUVqeDcBV7MA2e7dkSjYWmjwZMFkIwDwYD
VR0RBAgwBocEfwAAATAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUC
IQDlNpPs0Pahf9JEd8OgQCIaos9ktLbk9Od4Wn9z09AX2QIgL0ODtEIT/7huOAtj
FujM/MYJA4Ugwk7BBauhn5Z1zPY=
-----END CERTIFICATE-----
)";

/// A minimal HTTPS server on 127.0.0.1 that answers every request with one fixed redirect, to
/// test what the client does with a redirect from https (TestHttpServer speaks plain HTTP only).
class TlsRedirectServer : public QObject
{
public:
    explicit TlsRedirectServer(const QUrl &location)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(QByteArray(TestCertificatePem)));
        configuration.setPrivateKey(QSslKey(QByteArray(TestKeyPem), QSsl::Ec));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(configuration);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this, location] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, location] {
                    m_input += socket->readAll();
                    if (!m_input.contains("\r\n\r\n"))
                        return;
                    m_input.clear();
                    ++m_requests;
                    socket->write("HTTP/1.1 302 Found\r\nLocation: " + location.toEncoded() +
                                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url(const QString &path) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_server.serverPort());
        url.setPath(path);
        return url;
    }

    bool isListening() const { return m_server.isListening(); }
    int requests() const { return m_requests; }

private:
    QSslServer m_server;
    QByteArray m_input;
    int m_requests = 0;
};

/// Collects the outcome of one job; the collector is the connection's context.
class Outcome : public QObject
{
public:
    explicit Outcome(HttpJob *job) : m_job(job)
    {
        connect(job, &HttpJob::finished, this, [this, job](const Expected<HttpResponse> &outcome) {
            ++count;
            result = outcome;
            httpStatus = job->httpStatus();
            requestsSent = job->requestsSent();
        });
    }

    bool wait(int timeoutMs = FinishTimeoutMs)
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, timeoutMs);
    }

    QString message() const { return result && !result->hasValue() ? result->error().message : QString(); }

    QPointer<HttpJob> m_job;
    std::optional<Expected<HttpResponse>> result;
    int count = 0;
    int httpStatus = 0;
    int requestsSent = 0;
};

QByteArray failureText(const std::optional<Expected<HttpResponse>> &result)
{
    if (!result)
        return "no result";
    return result->hasValue() ? QByteArray() : result->error().message.toUtf8();
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

const QString Path = QStringLiteral("/data");

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void isAllowedUrl_data();
    void isAllowedUrl();
    void okResponse();
    void bearerToken();
    void refusedUrlSendsNothing_data();
    void refusedUrlSendsNothing();
    void redirectFollowed();
    void redirectFromHttpsToHttpRefused();
    void redirectToRemoteHttpRefused();
    void redirectLoopBounded();
    void tokenNotSentToAnotherOrigin();
    void tooManyRequestsWaitsForRetryAfter_data();
    void tooManyRequestsWaitsForRetryAfter();
    void serverErrorsRetried();
    void serverErrorForeverGivesUp();
    void retryNoticeSaysWhichAttemptAndWhy_data();
    void retryNoticeSaysWhichAttemptAndWhy();
    void clientErrorsNotRetried_data();
    void clientErrorsNotRetried();
    void rateLimitRemainingZeroWaitsForReset_data();
    void rateLimitRemainingZeroWaitsForReset();
    void rateLimitWaitIsCapped();
    void connectionResetRetried_data();
    void connectionResetRetried();
    void stallRetriedThenSucceeds();
    void stallForeverTimesOut();
    void bodyOverCap_data();
    void bodyOverCap();
    void perHostConcurrencyLimited_data();
    void perHostConcurrencyLimited();
    void cancelRunning();
    void cancelQueued();
    void cancelAll();
    void deletingAJobFreesItsSlot();

private:
    std::unique_ptr<HttpClient> makeClient();

    std::unique_ptr<TestHttpServer> m_server;
};

void TestHttpClient::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->isListening());
}

void TestHttpClient::cleanup()
{
    m_server.reset();
}

std::unique_ptr<HttpClient> TestHttpClient::makeClient()
{
    auto client = std::make_unique<HttpClient>();
    client->setBackoff(5ms, 40ms);
    client->setTransferTimeout(5s);
    return client;
}

void TestHttpClient::isAllowedUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << QStringLiteral("https://mastodon.social/api/v1/x") << true;
    QTest::newRow("http remote") << QStringLiteral("http://mastodon.social/api/v1/x") << false;
    QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/x") << true;
    QTest::newRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3/x") << true;
    QTest::newRow("http ::1") << QStringLiteral("http://[::1]:80/x") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://LocalHost/x") << true;
    QTest::newRow("http localhost lookalike") << QStringLiteral("http://localhost.example.org/x") << false;
    QTest::newRow("http 10.0.0.1") << QStringLiteral("http://10.0.0.1/x") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("no host") << QStringLiteral("https:///x") << false;
}

void TestHttpClient::isAllowedUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(HttpClient::isAllowedUrl(QUrl(url)), allowed);
}

void TestHttpClient::okResponse()
{
    m_server->route(Path, [](const TestHttpServer::Request &) {
        auto response = TestHttpServer::Response::json(R"([{"id":"1"}])");
        response.headers.emplaceBack("X-Custom", "yes");
        return response;
    });
    auto client = makeClient();
    RequestOptions options;
    options.headers.emplaceBack("Accept", "application/json");
    Outcome outcome(client->get(m_server->url(Path + QStringLiteral("?limit=40")), options));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    const HttpResponse &response = outcome.result->value();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray(R"([{"id":"1"}])"));
    QCOMPARE(response.header("x-custom"), QByteArray("yes"));
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(response.url, m_server->url(Path + QStringLiteral("?limit=40")));
    QCOMPARE(response.finalUrl, response.url);
    QCOMPARE(outcome.count, 1);

    const auto requests = m_server->requests(Path);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().header("User-Agent"),
             QByteArray("TagLens/" TAGLENS_VERSION " (+https://taglens.invalid)"));
    QCOMPARE(requests.first().header("Accept"), QByteArray("application/json"));
    QCOMPARE(requests.first().query.queryItemValue(QStringLiteral("limit")), QStringLiteral("40"));
    QVERIFY(!requests.first().hasHeader("Authorization"));
    QTRY_COMPARE(client->unfinishedCount(), 0);
}

void TestHttpClient::bearerToken()
{
    m_server->serve(Path, "ok");
    auto client = makeClient();
    RequestOptions options;
    options.bearerToken = QStringLiteral("s3cret-token");
    Outcome outcome(client->get(m_server->url(Path), options));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(m_server->requests(Path).first().header("Authorization"), QByteArray("Bearer s3cret-token"));
}

void TestHttpClient::refusedUrlSendsNothing_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("http to a remote host") << QStringLiteral("http://example.org/api/v1/timelines/tag/cats");
    QTest::newRow("http to a private address") << QStringLiteral("http://192.168.1.1/x");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x");
    QTest::newRow("empty") << QString();
}

void TestHttpClient::refusedUrlSendsNothing()
{
    QFETCH(QString, url);
    auto client = makeClient();
    HttpJob *job = client->get(QUrl(url));
    Outcome outcome(job); // connected after get(): the result must still arrive
    QVERIFY(!outcome.result.has_value());
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::InvalidArgument);
    QVERIFY(!outcome.message().isEmpty());
    QCOMPARE(outcome.requestsSent, 0);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestHttpClient::redirectFollowed()
{
    m_server->serve(Path, "final");
    const QUrl target = m_server->url(Path);
    m_server->route(QStringLiteral("/old"), [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(301, QUrl(QStringLiteral("/middle")));
    });
    m_server->route(QStringLiteral("/middle"), [target](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(307, target);
    });
    auto client = makeClient();
    Outcome outcome(client->get(m_server->url(QStringLiteral("/old"))));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(outcome.result->value().body, QByteArray("final"));
    QCOMPARE(outcome.result->value().url, m_server->url(QStringLiteral("/old")));
    QCOMPARE(outcome.result->value().finalUrl, target);
    QCOMPARE(outcome.requestsSent, 3);
}

void TestHttpClient::redirectFromHttpsToHttpRefused()
{
    // The target is loopback http, which get() itself would accept: only the downgrade is wrong.
    m_server->serve(Path, "plain");
    TlsRedirectServer tls(m_server->url(Path));
    QVERIFY(tls.isListening());
    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    const QSslConfiguration original = trusting;
    trusting.addCaCertificate(QSslCertificate(QByteArray(TestCertificatePem)));
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([original] { QSslConfiguration::setDefaultConfiguration(original); });

    auto client = makeClient();
    client->setMaxRetries(0);
    Outcome outcome(client->get(tls.url(QStringLiteral("/start"))));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    QVERIFY(!outcome.message().isEmpty());
    QCOMPARE(tls.requests(), 1); // the TLS side answered, so the refusal is about the redirect
    QCOMPARE(m_server->requests(Path).size(), 0);
}

void TestHttpClient::redirectToRemoteHttpRefused()
{
    m_server->route(Path, [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(302, QUrl(QStringLiteral("http://example.invalid/x")));
    });
    auto client = makeClient();
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QVERIFY2(outcome.message().contains(QStringLiteral("http://example.invalid/x")),
             qPrintable(outcome.message()));
    QCOMPARE(outcome.requestsSent, 1);
}

void TestHttpClient::redirectLoopBounded()
{
    m_server->route(Path, [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(302, QUrl(QStringLiteral("/data")));
    });
    auto client = makeClient();
    client->setMaxRedirects(3);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    QVERIFY2(outcome.message().contains(QStringLiteral("3")), qPrintable(outcome.message())); // the limit
    QCOMPARE(m_server->requests(Path).size(), 4);
}

void TestHttpClient::tokenNotSentToAnotherOrigin()
{
    TestHttpServer other;
    QVERIFY(other.isListening());
    other.serve(Path, "elsewhere");
    const QUrl target = other.url(Path);
    m_server->route(QStringLiteral("/same"), [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(302, QUrl(QStringLiteral("/moved")));
    });
    m_server->route(QStringLiteral("/moved"), [target](const TestHttpServer::Request &) {
        return TestHttpServer::Response::redirect(302, target);
    });
    auto client = makeClient();
    RequestOptions options;
    options.bearerToken = QStringLiteral("tok");
    Outcome outcome(client->get(m_server->url(QStringLiteral("/same")), options));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(m_server->requests(QStringLiteral("/moved")).first().header("Authorization"),
             QByteArray("Bearer tok"));
    QCOMPARE(other.requests(Path).size(), 1);
    QVERIFY(!other.requests(Path).first().hasHeader("Authorization"));
}

void TestHttpClient::tooManyRequestsWaitsForRetryAfter_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("Retry-After: delay-seconds") << QStringLiteral("seconds");
    QTest::newRow("Retry-After: HTTP-date") << QStringLiteral("date");
    QTest::newRow("only X-RateLimit-Reset, as Mastodon sends it") << QStringLiteral("reset");
}

void TestHttpClient::tooManyRequestsWaitsForRetryAfter()
{
    QFETCH(QString, form);
    QElapsedTimer clock;
    QList<qint64> arrivals;
    m_server->route(Path, [&](const TestHttpServer::Request &) {
        arrivals.append(clock.elapsed());
        if (arrivals.size() > 1)
            return TestHttpServer::Response::withBody("finally");
        auto response = TestHttpServer::Response::withStatus(429, "slow down");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (form == u"date") {
            // Whole seconds on the server's clock: Date and Retry-After one second apart.
            response.headers.emplaceBack("Date", httpDate(now));
            response.headers.emplaceBack("Retry-After", httpDate(now.addSecs(1)));
        } else if (form == u"seconds") {
            response.headers.emplaceBack("Retry-After", "1");
        } else {
            response.headers.emplaceBack("X-RateLimit-Limit", "300");
            response.headers.emplaceBack("X-RateLimit-Remaining", "0");
            response.headers.emplaceBack("X-RateLimit-Reset",
                                         now.addMSecs(1000).toString(Qt::ISODateWithMs).toLatin1());
        }
        return response;
    });
    auto client = makeClient();
    QSignalSpy waits(client.get(), &HttpClient::rateLimitWait);
    clock.start();
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(outcome.result->value().body, QByteArray("finally"));
    QCOMPARE(m_server->requests(Path).size(), 2);
    QCOMPARE(arrivals.size(), 2);
    QVERIFY2(arrivals.at(1) - arrivals.at(0) >= 990,
             qPrintable(QString::number(arrivals.at(1) - arrivals.at(0))));
    QCOMPARE(waits.size(), 1);
    QCOMPARE(waits.first().at(0).toString(), QStringLiteral("127.0.0.1:%1").arg(m_server->port()));
    const QDateTime until = waits.first().at(1).toDateTime();
    QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(-5));
}

void TestHttpClient::serverErrorsRetried()
{
    int calls = 0;
    m_server->route(Path, [&](const TestHttpServer::Request &) {
        return ++calls <= 2 ? TestHttpServer::Response::withStatus(503, "busy")
                            : TestHttpServer::Response::withBody("fine");
    });
    auto client = makeClient();
    QSignalSpy retries(client.get(), &HttpClient::retryScheduled);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(outcome.result->value().body, QByteArray("fine"));
    QCOMPARE(m_server->requests(Path).size(), 3);
    QCOMPARE(retries.size(), 2);
    const auto first = retries.at(0).at(0).value<RetryNotice>();
    const auto second = retries.at(1).at(0).value<RetryNotice>();
    QCOMPARE(second.attempt, 3);
    QCOMPARE(first.reason, RetryNotice::Reason::ServerError);
    QCOMPARE(first.httpStatus, 503);
    QVERIFY(first.problem.contains(QStringLiteral("503")));
}

void TestHttpClient::serverErrorForeverGivesUp()
{
    m_server->serveStatus(Path, 503, "busy");
    auto client = makeClient();
    client->setMaxRetries(3);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    const QString message = outcome.message();
    QVERIFY2(message.contains(QStringLiteral("503")), qPrintable(message));
    QVERIFY2(message.contains(m_server->url(Path).toString()), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("4")), qPrintable(message));
    QCOMPARE(outcome.httpStatus, 503);
    QCOMPARE(m_server->requests(Path).size(), 4);
}

void TestHttpClient::retryNoticeSaysWhichAttemptAndWhy_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("reason"); // RetryNotice::Reason
    QTest::addColumn<int>("status");
    QTest::newRow("refused") << QStringLiteral("refused") << int(RetryNotice::Reason::ConnectionRefused) << 0;
    QTest::newRow("502") << QStringLiteral("502") << int(RetryNotice::Reason::ServerError) << 502;
    QTest::newRow("429") << QStringLiteral("429") << int(RetryNotice::Reason::RateLimited) << 429;
    QTest::newRow("stall") << QStringLiteral("stall") << int(RetryNotice::Reason::TimedOut) << 0;
    QTest::newRow("cut body") << QStringLiteral("cut") << int(RetryNotice::Reason::ConnectionLost) << 0;
}

// Every retry is announced with the attempt that comes next, of how many, the wait and a reason
// code; the last failure is not (the job finishes instead).
void TestHttpClient::retryNoticeSaysWhichAttemptAndWhy()
{
    QFETCH(QString, fault);
    QFETCH(int, reason);
    QFETCH(int, status);
    QUrl url = m_server->url(Path);
    if (fault == u"refused") {
        // A port that was just listened on and is closed now: the connection is refused.
        auto closed = std::make_unique<TestHttpServer>();
        QVERIFY(closed->isListening());
        url = closed->url(Path);
    } else if (fault == u"stall") {
        m_server->serve(Path, QByteArray(2000, 'y'));
        m_server->stallAfterBytes(Path, 10, TestHttpServer::Always);
    } else if (fault == u"cut") {
        m_server->serve(Path, QByteArray(2000, 'y'));
        m_server->cutAfterBytes(Path, 100, TestHttpServer::Always);
    } else {
        m_server->serveStatus(Path, fault.toInt(), "no");
    }
    auto client = makeClient();
    client->setMaxRetries(2);
    client->setTransferTimeout(300ms);
    QSignalSpy retries(client.get(), &HttpClient::retryScheduled);
    Outcome outcome(client->get(url));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    QCOMPARE(retries.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const auto notice = retries.at(i).at(0).value<RetryNotice>();
        QCOMPARE(notice.attempt, i + 2);
        QCOMPARE(notice.attempts, 3);
        QCOMPARE(int(notice.reason), reason);
        QCOMPARE(notice.httpStatus, status);
        QCOMPARE(notice.host, QStringLiteral("127.0.0.1:%1").arg(url.port()));
        QVERIFY(notice.delayMs >= 0);
        QVERIFY(!notice.problem.isEmpty());
    }
}

void TestHttpClient::clientErrorsNotRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("400") << 400;
    QTest::newRow("401") << 401;
    QTest::newRow("403") << 403;
    QTest::newRow("404") << 404;
    QTest::newRow("410") << 410;
    QTest::newRow("501") << 501;
}

void TestHttpClient::clientErrorsNotRetried()
{
    QFETCH(int, status);
    m_server->serveStatus(Path, status, R"({"error":"Record not found"})");
    auto client = makeClient();
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    QVERIFY2(outcome.message().contains(QStringLiteral("HTTP %1").arg(status)),
             qPrintable(outcome.message()));
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(m_server->requests(Path).size(), 1);
}

void TestHttpClient::rateLimitRemainingZeroWaitsForReset_data()
{
    // The reset is 1000 ms ahead of the first answer.
    QTest::addColumn<int>("remaining");
    QTest::addColumn<int>("minGap");
    QTest::addColumn<int>("maxGap");
    QTest::addColumn<bool>("announced");
    QTest::newRow("used up: wait for the reset") << 0 << 900 << 5000 << true;
    QTest::newRow("3 left: spread over the rest (1000 / 4)") << 3 << 200 << 900 << false;
    QTest::newRow("plenty left: no wait") << 250 << 0 << 200 << false;
}

void TestHttpClient::rateLimitRemainingZeroWaitsForReset()
{
    QFETCH(int, remaining);
    QFETCH(int, minGap);
    QFETCH(int, maxGap);
    QFETCH(bool, announced);
    QElapsedTimer clock;
    QList<qint64> arrivals;
    m_server->route(Path, [&](const TestHttpServer::Request &) {
        arrivals.append(clock.elapsed());
        auto response = TestHttpServer::Response::json("[]");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        response.headers.emplaceBack("X-RateLimit-Limit", "300");
        response.headers.emplaceBack("X-RateLimit-Remaining", QByteArray::number(remaining));
        response.headers.emplaceBack("X-RateLimit-Reset",
                                     now.addMSecs(1000).toString(Qt::ISODateWithMs).toLatin1());
        return response;
    });
    auto client = makeClient();
    QSignalSpy waits(client.get(), &HttpClient::rateLimitWait);
    clock.start();
    Outcome first(client->get(m_server->url(Path)));
    QVERIFY(first.wait());
    QVERIFY2(first.result->hasValue(), failureText(first.result).constData());
    Outcome second(client->get(m_server->url(Path)));
    QVERIFY(second.wait());
    QVERIFY2(second.result->hasValue(), failureText(second.result).constData());
    QCOMPARE(arrivals.size(), 2);
    const qint64 gap = arrivals.at(1) - arrivals.at(0);
    QVERIFY2(gap >= minGap && gap < maxGap, qPrintable(QString::number(gap)));
    QCOMPARE(waits.size(), announced ? 1 : 0);
}

void TestHttpClient::rateLimitWaitIsCapped()
{
    QElapsedTimer clock;
    QList<qint64> arrivals;
    m_server->route(Path, [&](const TestHttpServer::Request &) {
        arrivals.append(clock.elapsed());
        auto response = TestHttpServer::Response::json("[]");
        response.headers.emplaceBack("X-RateLimit-Remaining", "0");
        response.headers.append(
            {"X-RateLimit-Reset",
             QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs).toLatin1()});
        return response;
    });
    auto client = makeClient();
    client->setMaxRateLimitWait(300ms);
    clock.start();
    Outcome first(client->get(m_server->url(Path)));
    QVERIFY(first.wait());
    Outcome second(client->get(m_server->url(Path)));
    QVERIFY(second.wait(10000));
    QVERIFY2(second.result->hasValue(), failureText(second.result).constData());
    const qint64 gap = arrivals.at(1) - arrivals.at(0);
    QVERIFY2(gap >= 280 && gap < 5000, qPrintable(QString::number(gap)));
}

void TestHttpClient::connectionResetRetried_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("faultyAnswers");
    QTest::newRow("closed after the head") << QStringLiteral("cut") << 1;
    // Qt itself re-sends a request once when the connection drops before any response, so it
    // takes more than one reset before the client sees one.
    QTest::newRow("reset before any response") << QStringLiteral("reset") << 3;
    QTest::newRow("reset mid-body") << QStringLiteral("reset-mid-body") << 1;
}

void TestHttpClient::connectionResetRetried()
{
    QFETCH(QString, fault);
    QFETCH(int, faultyAnswers);
    const QByteArray body(4096, 'x');
    int calls = 0;
    m_server->route(Path, [&](const TestHttpServer::Request &) {
        auto response = TestHttpServer::Response::withBody(body);
        if (++calls <= faultyAnswers) {
            if (fault == u"cut")
                response.cutAfterBytes = 0;
            else if (fault == u"reset")
                response.resetWithoutResponse = true;
            else
                response.resetAfterBytes = 1000;
        }
        return response;
    });
    auto client = makeClient();
    QSignalSpy retries(client.get(), &HttpClient::retryScheduled);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(outcome.result->value().body, body);
    QVERIFY(retries.size() >= 1);
    QCOMPARE(calls, faultyAnswers + 1);
}

void TestHttpClient::stallRetriedThenSucceeds()
{
    m_server->serve(Path, QByteArray(2000, 'y'));
    m_server->stallAfterBytes(Path, 100, 1);
    auto client = makeClient();
    client->setTransferTimeout(300ms);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY2(outcome.result->hasValue(), failureText(outcome.result).constData());
    QCOMPARE(outcome.result->value().body, QByteArray(2000, 'y'));
    QCOMPARE(m_server->requests(Path).size(), 2);
}

void TestHttpClient::stallForeverTimesOut()
{
    m_server->serve(Path, QByteArray(2000, 'y'));
    m_server->stallAfterBytes(Path, 0, TestHttpServer::Always);
    auto client = makeClient();
    client->setTransferTimeout(200ms);
    client->setMaxRetries(2);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QVERIFY(!outcome.result->hasValue());
    QCOMPARE(outcome.result->error().code, ErrorCode::Network);
    QVERIFY2(outcome.message().contains(QStringLiteral("3")), qPrintable(outcome.message()));
    QCOMPARE(m_server->requests(Path).size(), 3);
}

void TestHttpClient::bodyOverCap_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("announced");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("Content-Length over the cap") << 300000 << true << false;
    QTest::newRow("unannounced, over the cap") << 300000 << false << false;
    QTest::newRow("Content-Length at the cap") << 100000 << true << true;
    QTest::newRow("unannounced, at the cap") << 100000 << false << true;
}

void TestHttpClient::bodyOverCap()
{
    QFETCH(int, size);
    QFETCH(bool, announced);
    QFETCH(bool, accepted);
    const QByteArray body(size, 'z');
    m_server->route(Path, [&](const TestHttpServer::Request &) {
        auto response = TestHttpServer::Response::withBody(body);
        response.closeDelimited = !announced;
        return response;
    });
    auto client = makeClient();
    client->setMaxBodyBytes(100000);
    Outcome outcome(client->get(m_server->url(Path)));
    QVERIFY(outcome.wait());
    QCOMPARE(outcome.result->hasValue(), accepted);
    if (accepted) {
        QCOMPARE(outcome.result->value().body.size(), size);
    } else {
        QCOMPARE(outcome.result->error().code, ErrorCode::TooLarge);
        QVERIFY(!outcome.message().isEmpty());
        QCOMPARE(m_server->requests(Path).size(), 1); // never retried
    }
}

void TestHttpClient::perHostConcurrencyLimited_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("2") << 2;
    QTest::newRow("3") << 3;
    QTest::newRow("default (6)") << 0;
}

void TestHttpClient::perHostConcurrencyLimited()
{
    QFETCH(int, limit);
    constexpr int Requests = 14;
    constexpr int DelayMs = 150;
    // The server holds every answer for DelayMs; a request is in flight from its arrival until
    // then, so the largest number of overlapping [arrival, arrival + DelayMs) spans is the
    // concurrency the server saw. (A late timer only makes a span longer on the server, never
    // shorter, so this cannot overcount a client that keeps the limit.)
    QElapsedTimer clock;
    QList<qint64> arrivals;
    m_server->setFallback([&](const TestHttpServer::Request &) {
        arrivals.append(clock.elapsed());
        auto response = TestHttpServer::Response::withBody("ok");
        response.delayMs = DelayMs;
        return response;
    });
    auto client = makeClient();
    if (limit > 0)
        client->setMaxConcurrentPerHost(limit);
    const int expected = limit > 0 ? limit : 6;
    QCOMPARE(client->maxConcurrentPerHost(), expected);

    clock.start();
    std::vector<std::unique_ptr<Outcome>> outcomes;
    for (int i = 0; i < Requests; ++i)
        outcomes.push_back(
            std::make_unique<Outcome>(client->get(m_server->url(QStringLiteral("/item/%1").arg(i)))));
    for (const auto &outcome : outcomes) {
        QVERIFY(outcome->wait());
        QVERIFY2(outcome->result->hasValue(), failureText(outcome->result).constData());
    }
    QCOMPARE(arrivals.size(), Requests);
    int peak = 0;
    for (const qint64 start : std::as_const(arrivals)) {
        const int overlapping = int(std::count_if(arrivals.cbegin(), arrivals.cend(), [start](qint64 other) {
            return other <= start && start < other + DelayMs;
        }));
        peak = std::max(peak, overlapping);
    }
    QCOMPARE(peak, expected);
}

void TestHttpClient::cancelRunning()
{
    m_server->serve(Path, QByteArray(2000, 'y'));
    m_server->stallAfterBytes(Path, 10, TestHttpServer::Always);
    auto client = makeClient();
    Outcome outcome(client->get(m_server->url(Path)));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests(Path).size(), 1, FinishTimeoutMs);
    QVERIFY(outcome.m_job);
    outcome.m_job->cancel();
    QVERIFY(outcome.result.has_value()); // before cancel() returned
    QCOMPARE(outcome.result->error().code, ErrorCode::Cancelled);
    QCOMPARE(client->unfinishedCount(), 0);
    QTRY_VERIFY(!outcome.m_job); // deleted later
    QCOMPARE(outcome.count, 1);
    QCOMPARE(m_server->requests(Path).size(), 1);
}

void TestHttpClient::cancelQueued()
{
    m_server->serve(Path, QByteArray(2000, 'y'));
    m_server->stallAfterBytes(Path, 10, TestHttpServer::Always);
    m_server->serve(QStringLiteral("/second"), "2");
    m_server->serve(QStringLiteral("/third"), "3");
    auto client = makeClient();
    client->setMaxConcurrentPerHost(1);
    Outcome first(client->get(m_server->url(Path)));
    Outcome second(client->get(m_server->url(QStringLiteral("/second"))));
    Outcome third(client->get(m_server->url(QStringLiteral("/third"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests(Path).size(), 1, FinishTimeoutMs);
    second.m_job->cancel();
    QCOMPARE(second.result->error().code, ErrorCode::Cancelled);
    first.m_job->cancel();
    QVERIFY(third.wait());
    QVERIFY2(third.result->hasValue(), failureText(third.result).constData());
    QCOMPARE(m_server->requests(QStringLiteral("/second")).size(), 0);
}

void TestHttpClient::cancelAll()
{
    m_server->serve(Path, QByteArray(2000, 'y'));
    m_server->stallAfterBytes(Path, 10, TestHttpServer::Always);
    auto client = makeClient();
    client->setMaxConcurrentPerHost(2);
    std::vector<std::unique_ptr<Outcome>> outcomes;
    for (int i = 0; i < 5; ++i)
        outcomes.push_back(std::make_unique<Outcome>(client->get(m_server->url(Path))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests(Path).size(), 2, FinishTimeoutMs);
    QCOMPARE(client->unfinishedCount(), 5);
    client->cancelAll();
    QCOMPARE(client->unfinishedCount(), 0);
    for (const auto &outcome : outcomes) {
        QVERIFY(outcome->result.has_value());
        QCOMPARE(outcome->result->error().code, ErrorCode::Cancelled);
        QCOMPARE(outcome->count, 1);
    }
    QTest::qWait(50); // nothing queued may start after cancelAll()
    QCOMPARE(m_server->requests(Path).size(), 2);
}

void TestHttpClient::deletingAJobFreesItsSlot()
{
    m_server->serve(Path, QByteArray(2000, 'y'));
    m_server->stallAfterBytes(Path, 10, TestHttpServer::Always);
    m_server->serve(QStringLiteral("/next"), "next");
    auto client = makeClient();
    client->setMaxConcurrentPerHost(1);
    QPointer<HttpJob> stalled = client->get(m_server->url(Path));
    Outcome next(client->get(m_server->url(QStringLiteral("/next"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests(Path).size(), 1, FinishTimeoutMs);
    QCOMPARE(m_server->requests(QStringLiteral("/next")).size(), 0);
    delete stalled.data(); // quietly, without finished()
    QVERIFY(next.wait());
    QVERIFY2(next.result->hasValue(), failureText(next.result).constData());
    QCOMPARE(client->unfinishedCount(), 0);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
