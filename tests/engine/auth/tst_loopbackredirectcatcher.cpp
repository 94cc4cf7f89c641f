// SPDX-License-Identifier: GPL-3.0-or-later
// The loopback catcher against real sockets: the one valid redirect, and the abuse around it.
#include "engine/auth/loopbackredirectcatcher.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::LoopbackRedirectCatcher;

namespace {

// The page the browser gets after a sign-in ends, in whatever language the catcher speaks.
QByteArray closeTabHint()
{
    return taglens::engine::LoopbackRedirectCatcher::tr("You can close this tab and return to TagLens.")
        .toUtf8();
}

const QByteArray State = "s7aTe-Of-This-Login_0123456789abcdefghijklm";

struct Answer
{
    bool connected = false;
    bool answered = false; // any bytes came back
    int status = 0;
    QByteArray raw;
};

int statusOf(const QByteArray &raw)
{
    if (!raw.startsWith("HTTP/1.1 "))
        return 0;
    return raw.mid(9, 3).toInt();
}

/// Sends \a bytes on a fresh connection and collects what comes back until the server closes.
Answer exchange(quint16 port, const QByteArray &bytes, int waitMs = 5000)
{
    Answer answer;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!QTest::qWaitFor(
            [&] {
                return socket.state() != QAbstractSocket::ConnectingState &&
                       socket.state() != QAbstractSocket::HostLookupState;
            },
            3000) ||
        socket.state() != QAbstractSocket::ConnectedState)
        return answer;
    answer.connected = true;
    socket.write(bytes);
    (void)QTest::qWaitFor(
        [&] {
            answer.raw += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        waitMs);
    answer.raw += socket.readAll();
    answer.answered = !answer.raw.isEmpty();
    answer.status = statusOf(answer.raw);
    return answer;
}

QByteArray realRedirect(quint16 port, const QByteArray &code = "THE-CODE")
{
    return "GET /callback?code=" + code + "&state=" + State +
           "&iss=http%3A%2F%2F127.0.0.1 HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nUser-Agent: test\r\nAccept: text/html\r\n\r\n";
}

std::unique_ptr<LoopbackRedirectCatcher> makeCatcher()
{
    auto catcher = std::make_unique<LoopbackRedirectCatcher>();
    catcher->setExpectedState(State);
    return catcher;
}

/// A client that sends \a bytes one every \a intervalMs.
class SlowClient : public QObject
{
public:
    SlowClient(quint16 port, const QByteArray &bytes, int intervalMs) : m_bytes(bytes)
    {
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_sent < m_bytes.size() && m_socket.state() == QAbstractSocket::ConnectedState)
                m_socket.write(m_bytes.mid(m_sent++, 1));
        });
        m_timer.start(intervalMs);
    }
    QTcpSocket &socket() { return m_socket; }
    qsizetype sent() const { return m_sent; }

private:
    QByteArray m_bytes;
    QTcpSocket m_socket;
    QTimer m_timer;
    qsizetype m_sent = 0;
};

} // namespace

class TestLoopbackRedirectCatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realRedirectSucceeds()
    {
        auto catcher = makeCatcher();
        QSignalSpy finished(catcher.get(), &LoopbackRedirectCatcher::finished);
        auto uri = catcher->listen();
        QVERIFY2(uri.hasValue(), uri ? "" : qPrintable(uri.error().message));
        QCOMPARE(uri->scheme(), QStringLiteral("http"));
        QCOMPARE(uri->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(uri->path(), QStringLiteral("/callback"));
        QVERIFY(uri->port() > 0);
        QCOMPARE(catcher->timeout(), LoopbackRedirectCatcher::DefaultTimeout);

        const Answer answer = exchange(catcher->port(), realRedirect(catcher->port()));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.raw.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(answer.raw.contains(closeTabHint()));
        QCOMPARE(finished.size(), 1);
        const auto result = catcher->result();
        QVERIFY(result.hasValue());
        QCOMPARE(result->code, QStringLiteral("THE-CODE"));
        QCOMPARE(result->state, QString::fromLatin1(State));
        QCOMPARE(result->query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1"));
        QVERIFY(!catcher->isListening());
    }

    void listensOnLoopbackOnly()
    {
        auto catcher = makeCatcher();
        QVERIFY(catcher->listen().hasValue());
        QHostAddress outside;
        const auto addresses = QNetworkInterface::allAddresses();
        for (const QHostAddress &address : addresses) {
            if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol) {
                outside = address;
                break;
            }
        }
        if (outside.isNull())
            QSKIP("this machine has no non-loopback IPv4 address to try");
        QTcpSocket socket;
        socket.connectToHost(outside, catcher->port());
        QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 5000));
        QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
        QVERIFY(!catcher->isFinished());
    }

    void fixedPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const quint16 port = probe.serverPort();
        probe.close();
        auto catcher = makeCatcher();
        auto uri = catcher->listen(port);
        QVERIFY(uri.hasValue());
        QCOMPARE(uri->port(), int(port));
        // The port is taken now: a second catcher on it fails with a message.
        auto second = makeCatcher();
        auto failed = second->listen(port);
        QVERIFY(!failed.hasValue());
        QCOMPARE(failed.error().code, ErrorCode::Network);
    }

    void listenNeedsState()
    {
        LoopbackRedirectCatcher catcher;
        auto uri = catcher.listen();
        QVERIFY(!uri.hasValue());
        QCOMPARE(uri.error().code, ErrorCode::InvalidArgument);
    }

    void abuseIsRefusedAndTheWaitGoesOn_data()
    {
        QTest::addColumn<QByteArray>("request"); // PORT and STATE are replaced
        QTest::addColumn<int>("status");         // expected answer; 0: dropped without one
        const QByteArray host = "\r\nHost: 127.0.0.1:PORT\r\n\r\n";
        QTest::newRow("wrong state") << ("GET /callback?code=evil&state=wrong HTTP/1.1" + host) << 400;
        QTest::newRow("missing state") << ("GET /callback?code=evil HTTP/1.1" + host) << 400;
        QTest::newRow("state prefix") << ("GET /callback?code=evil&state=s7aTe HTTP/1.1" + host) << 400;
        QTest::newRow("access_denied with wrong state")
            << ("GET /callback?error=access_denied&state=wrong HTTP/1.1" + host) << 400;
        QTest::newRow("right state but no code") << ("GET /callback?state=STATE HTTP/1.1" + host) << 400;
        QTest::newRow("junk bytes") << QByteArray("\x16\x03\x01\x02\x00\x01\xfc\x03\x03garbage\r\n\r\n", 22)
                                    << 400;
        QTest::newRow("http/0.9") << QByteArray("GET /callback?code=evil&state=STATE\r\n\r\n") << 400;
        QTest::newRow("oversized request line")
            << ("GET /callback?code=" + QByteArray(9000, 'A') + "&state=STATE HTTP/1.1" + host) << 431;
        QByteArray manyHeaders = "GET /callback?code=evil&state=STATE HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n";
        for (int i = 0; i < 200; ++i)
            manyHeaders += "X-Padding-" + QByteArray::number(i) + ": " + QByteArray(40, 'p') + "\r\n";
        QTest::newRow("oversized headers") << (manyHeaders + "\r\n") << 431;
        QTest::newRow("oversized without end") << QByteArray(20000, 'G') << 431;
        QTest::newRow("POST with the right state")
            << ("POST /callback?code=evil&state=STATE HTTP/1.1" + host) << 405;
        QTest::newRow("HEAD") << ("HEAD /callback?code=evil&state=STATE HTTP/1.1" + host) << 405;
        QTest::newRow("wrong path") << ("GET /other?code=evil&state=STATE HTTP/1.1" + host) << 404;
        QTest::newRow("longer path") << ("GET /callbackx?code=evil&state=STATE HTTP/1.1" + host) << 404;
        QTest::newRow("foreign Host (DNS rebinding)")
            << QByteArray("GET /callback?code=evil&state=STATE HTTP/1.1\r\nHost: evil.example:PORT\r\n\r\n")
            << 400;
        QTest::newRow("Host with another port")
            << QByteArray("GET /callback?code=evil&state=STATE HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n") << 400;
        QTest::newRow("no Host") << QByteArray("GET /callback?code=evil&state=STATE HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Hosts") << ("GET /callback?code=evil&state=STATE HTTP/1.1\r\nHost: evil.example" +
                                       host)
                                   << 400;
        QTest::newRow("absolute-form target")
            << ("GET http://127.0.0.1:PORT/callback?code=evil&state=STATE HTTP/1.1" + host) << 400;
        QTest::newRow("header without colon")
            << QByteArray(
                   "GET /callback?code=evil&state=STATE HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nnonsense\r\n\r\n")
            << 400;
    }
    void abuseIsRefusedAndTheWaitGoesOn()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        auto catcher = makeCatcher();
        QSignalSpy refused(catcher.get(), &LoopbackRedirectCatcher::requestRefused);
        QVERIFY(catcher->listen().hasValue());
        const QByteArray port = QByteArray::number(catcher->port());
        request.replace("PORT", port).replace("STATE", State);

        const Answer abuse = exchange(catcher->port(), request);
        QVERIFY(abuse.connected);
        QCOMPARE(abuse.status, status);
        QVERIFY(!abuse.raw.contains(closeTabHint()));
        QCOMPARE(refused.size(), 1);
        QVERIFY(!catcher->isFinished());
        QVERIFY(catcher->isListening());

        const Answer real = exchange(catcher->port(), realRedirect(catcher->port()));
        QCOMPARE(real.status, 200);
        QVERIFY(catcher->isFinished());
        QVERIFY(catcher->result().hasValue());
        QCOMPARE(catcher->result()->code, QStringLiteral("THE-CODE"));
    }

    void secondRequestAfterSuccessIsRefused()
    {
        auto catcher = makeCatcher();
        QVERIFY(catcher->listen().hasValue());
        const quint16 port = catcher->port();
        QCOMPARE(exchange(port, realRedirect(port)).status, 200);
        // A replay of the same redirect (or any other) finds no listener.
        const Answer replay = exchange(port, realRedirect(port, "SECOND-CODE"));
        QVERIFY(!replay.connected);
        QCOMPARE(catcher->result()->code, QStringLiteral("THE-CODE"));
    }

    void pipelinedSecondRequestIsIgnored()
    {
        auto catcher = makeCatcher();
        QVERIFY(catcher->listen().hasValue());
        const quint16 port = catcher->port();
        const Answer answer = exchange(port, realRedirect(port) + realRedirect(port, "SECOND-CODE"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.raw.count("HTTP/1.1 "), 1);
        QCOMPARE(catcher->result()->code, QStringLiteral("THE-CODE"));
    }

    void slowLorisDoesNotBlockTheRealRedirect()
    {
        auto catcher = makeCatcher();
        catcher->setReadTimeout(30s);
        QVERIFY(catcher->listen().hasValue());
        SlowClient loris(catcher->port(), realRedirect(catcher->port(), "LORIS"), 1000); // a byte a second
        QTest::qWait(2500);
        QVERIFY(loris.sent() >= 1);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(exchange(catcher->port(), realRedirect(catcher->port())).status, 200);
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(catcher->result()->code, QStringLiteral("THE-CODE"));
        // The finished catcher drops the slow one.
        QTRY_COMPARE_WITH_TIMEOUT(loris.socket().state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void slowLorisIsDroppedAfterTheReadTimeout()
    {
        auto catcher = makeCatcher();
        catcher->setReadTimeout(2s);
        QSignalSpy refused(catcher.get(), &LoopbackRedirectCatcher::requestRefused);
        QVERIFY(catcher->listen().hasValue());
        SlowClient loris(catcher->port(), realRedirect(catcher->port(), "LORIS"), 1000);
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(loris.socket().state(), QAbstractSocket::UnconnectedState, 10000);
        QVERIFY2(clock.elapsed() >= 1500, "dropped before the read timeout");
        QVERIFY(loris.sent() < realRedirect(catcher->port(), "LORIS").size());
        QCOMPARE(refused.size(), 1);
        QVERIFY(!catcher->isFinished());
        QCOMPARE(exchange(catcher->port(), realRedirect(catcher->port())).status, 200);
        QCOMPARE(catcher->result()->code, QStringLiteral("THE-CODE"));
    }

    void manyIdleConnectionsDoNotBlock()
    {
        auto catcher = makeCatcher();
        catcher->setMaxConnections(4);
        QVERIFY(catcher->listen().hasValue());
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 10; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress(QHostAddress::LocalHost), catcher->port());
        }
        QTest::qWait(300);
        QCOMPARE(exchange(catcher->port(), realRedirect(catcher->port())).status, 200);
        QCOMPARE(catcher->result()->code, QStringLiteral("THE-CODE"));
    }

    void oauthErrorEndsTheWait_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("access_denied") << QByteArray("error=access_denied") << ErrorCode::Cancelled
                                       << QString(); // nothing passed in to look for
        QTest::newRow("access_denied with description")
            << QByteArray("error=access_denied&error_description=The+resource+owner+said+no")
            << ErrorCode::Cancelled << QStringLiteral("The resource owner said no");
        QTest::newRow("invalid_scope")
            << QByteArray("error=invalid_scope") << ErrorCode::InvalidArgument << QString();
        QTest::newRow("server_error") << QByteArray("error=server_error&error_description=db%20down")
                                      << ErrorCode::Network << QStringLiteral("db down");
        QTest::newRow("other") << QByteArray("error=unauthorized_client") << ErrorCode::InvalidArgument
                               << QStringLiteral("unauthorized_client");
    }
    void oauthErrorEndsTheWait()
    {
        QFETCH(QByteArray, query);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        auto catcher = makeCatcher();
        QSignalSpy finished(catcher.get(), &LoopbackRedirectCatcher::finished);
        QVERIFY(catcher->listen().hasValue());
        const quint16 port = catcher->port();
        const Answer answer =
            exchange(port, "GET /callback?" + query + "&state=" + State +
                               " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n\r\n");
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.raw.contains(closeTabHint()));
        QCOMPARE(finished.size(), 1);
        const auto result = catcher->result();
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
        QVERIFY(!exchange(port, realRedirect(port)).connected);
    }

    void timeout()
    {
        auto catcher = makeCatcher();
        catcher->setTimeout(300ms);
        QSignalSpy finished(catcher.get(), &LoopbackRedirectCatcher::finished);
        QVERIFY(catcher->listen().hasValue());
        const quint16 port = catcher->port();
        QVERIFY(finished.wait(5000));
        QVERIFY(!catcher->result().hasValue());
        QCOMPARE(catcher->result().error().code, ErrorCode::Network);
        QVERIFY(!catcher->result().error().message.isEmpty());
        QVERIFY(!exchange(port, realRedirect(port)).connected);
    }

    void cancel()
    {
        auto catcher = makeCatcher();
        QSignalSpy finished(catcher.get(), &LoopbackRedirectCatcher::finished);
        QVERIFY(catcher->listen().hasValue());
        const quint16 port = catcher->port();
        QTimer::singleShot(100, catcher.get(), [&] { catcher->cancel(); });
        const auto result = catcher->waitForRedirect();
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(finished.size(), 1);
        catcher->cancel(); // no second finished()
        QCOMPARE(finished.size(), 1);
        QVERIFY(!exchange(port, realRedirect(port)).connected);
    }

    void usedOnlyOnce()
    {
        auto catcher = makeCatcher();
        QVERIFY(catcher->listen().hasValue());
        QVERIFY(!catcher->listen().hasValue());
    }
};

QTEST_GUILESS_MAIN(TestLoopbackRedirectCatcher)
#include "tst_loopbackredirectcatcher.moc"
