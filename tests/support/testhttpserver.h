// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <map>
#include <memory>
#include <utility>

class QTcpSocket;

namespace taglens::tests {

/// A small HTTP/1.1 server on 127.0.0.1 (never other interfaces), on an ephemeral port, for tests
/// that need a real server: routes answered by handlers, byte ranges, keep-alive, and fault
/// injection per path (connections cut or stalled after some body bytes, Range ignored).
/// Every complete request is logged so that tests can assert what a client sent.
/// Runs on the thread that owns it; the test's event loop (QTRY_*, QSignalSpy::wait) drives it.
class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method; // "GET"
        QByteArray target; // as sent, e.g. "/models/a.pth?x=1"
        QString path;      // decoded, without the query: "/models/a.pth"
        QUrlQuery query;
        QByteArray version; // "HTTP/1.1"
        Headers headers;    // in order, names as sent
        QByteArray body;

        /// The value of the first header called \a name (any case), or an empty array.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/octet-stream";
        /// Extra headers. One named like a generated header (Content-Type, Content-Length, ...)
        /// replaces it, so tests can also send wrong ones.
        Headers headers;
        /// Answer "Range: bytes=..." on a 200 with 206 or 416, and send Accept-Ranges.
        bool acceptRanges = true;
        /// Send no Content-Length; the body ends when the server closes the connection.
        bool closeDelimited = false;

        /// A body produced piece by piece while it is sent, so a huge one never sits in memory:
        /// called with the offset and the most bytes wanted, returns the next piece. When set,
        /// \a body is ignored, streamedSize is the body's length and Range is not answered.
        std::function<QByteArray(qint64 offset, qint64 maxBytes)> streamedBody;
        qint64 streamedSize = 0;

        // Faults a handler decides for this one response (the per-path knobs apply as well).
        /// Waits this long before sending anything; the connection is silent meanwhile.
        int delayMs = 0;
        /// Sends nothing at all and resets the connection (TCP RST).
        bool resetWithoutResponse = false;
        /// Sends the head and this many body bytes, then closes the connection (FIN).
        qint64 cutAfterBytes = -1;
        /// Sends the head and this many body bytes, then resets the connection (TCP RST).
        qint64 resetAfterBytes = -1;
        /// Sends the head and this many body bytes, then keeps the connection open and silent.
        qint64 stallAfterBytes = -1;

        static Response withBody(const QByteArray &body,
                                 const QByteArray &contentType = "application/octet-stream");
        static Response withStatus(int status, const QByteArray &body = QByteArray());
        static Response redirect(int status, const QUrl &location);
        static Response json(const QByteArray &json, int status = 200);
    };

    using Handler = std::function<Response(const Request &)>;

    /// For the fault knobs' \a times: every request, not only the first ones.
    static constexpr int Always = -1;
    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 16 * 1024 * 1024;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool isListening() const;
    /// Listens on \a port of 127.0.0.1 instead of the port chosen at construction (0: any free
    /// one), for a stand-alone server that others must find. False when the port is taken; the
    /// server then listens nowhere.
    bool listenOn(quint16 port);
    quint16 port() const;
    /// http://127.0.0.1:<port><path>; \a path may carry a query ("/a?b=c").
    QUrl url(const QString &path) const;

    /// Answers requests for exactly \a path (any method; the query is ignored) with \a handler.
    void route(const QString &path, Handler handler);
    /// Serves fixed bytes at \a path, with byte-range support.
    void serve(const QString &path, const QByteArray &body,
               const QByteArray &contentType = "application/octet-stream");
    /// Answers \a path with a status code (and an optional body).
    void serveStatus(const QString &path, int status, const QByteArray &body = QByteArray());
    void removeRoute(const QString &path);
    /// Answers requests that no route matches (default: 404).
    void setFallback(Handler handler);

    /// Sends \a bytes body bytes, then closes the connection; for the next \a times requests to
    /// \a path (Always: every one).
    void cutAfterBytes(const QString &path, qint64 bytes, int times = 1);
    /// Sends \a bytes body bytes, then keeps the connection open and silent.
    void stallAfterBytes(const QString &path, qint64 bytes, int times = 1);
    /// Answers 200 with the whole body even when the request asks for a range.
    void ignoreRange(const QString &path, bool ignore = true);
    void clearFaults(const QString &path);

    /// Complete requests received so far, oldest first.
    QList<Request> requests() const;
    QList<Request> requests(const QString &path) const;
    void clearRequests();
    int openConnections() const;

Q_SIGNALS:
    void requestReceived(const QByteArray &method, const QString &path);

private:
    struct Connection;
    enum class AfterBody
    {
        KeepAlive,
        Close,
        Cut,
        Stall,
        Reset
    };
    struct Faults
    {
        qint64 cutAfter = -1;
        int cutTimes = 0;
        qint64 stallAfter = -1;
        int stallTimes = 0;
        bool ignoreRange = false;
    };

    void onNewConnection();
    void processInput(Connection &connection);
    void respond(Connection &connection, const Request &request);
    void sendSimpleAndClose(Connection &connection, int status);
    void startResponse(Connection &connection, const QByteArray &head, const QByteArray &body, qint64 bodyEnd,
                       AfterBody after);
    void pump(Connection &connection);
    void resetConnection(Connection &connection);
    void dropConnection(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QString, Handler> m_routes;
    Handler m_fallback;
    QHash<QString, Faults> m_faults;
    QList<Request> m_requests;
    std::map<QTcpSocket *, std::unique_ptr<Connection>> m_connections;
};

} // namespace taglens::tests
