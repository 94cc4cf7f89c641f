// SPDX-License-Identifier: GPL-3.0-or-later
#include "testhttpserver.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcHttpServer, "taglens.tests.httpserver")

namespace taglens::tests {

namespace {

constexpr qint64 WriteChunk = 64 * 1024;
constexpr qint64 MaxQueuedBytes = 256 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

bool statusHasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

/// A single byte range "bytes=a-b", "bytes=a-" or "bytes=-n" resolved against \a size.
/// Returns false when the header is not such a range (then it is ignored, as RFC 9110 allows).
/// \a satisfiable is false when the range lies outside the body.
bool parseRange(const QByteArray &header, qint64 size, qint64 &first, qint64 &last, bool &satisfiable)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes=") || value.contains(','))
        return false;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return false;
    const QByteArray from = spec.left(dash).trimmed();
    const QByteArray to = spec.mid(dash + 1).trimmed();
    bool ok = false;
    if (from.isEmpty()) { // suffix: the last n bytes
        const qint64 n = to.toLongLong(&ok);
        if (!ok || n < 0)
            return false;
        satisfiable = n > 0 && size > 0;
        first = qMax<qint64>(0, size - n);
        last = size - 1;
        return true;
    }
    first = from.toLongLong(&ok);
    if (!ok || first < 0)
        return false;
    last = size - 1;
    if (!to.isEmpty()) {
        last = to.toLongLong(&ok);
        if (!ok || last < first)
            return false;
        last = qMin(last, size - 1);
    }
    satisfiable = first < size;
    return true;
}

void setHeader(TestHttpServer::Headers &headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace

struct TestHttpServer::Connection
{
    QTcpSocket *socket = nullptr;
    QByteArray input; // received and not yet parsed
    bool responding = false;
    bool finished = false; // closing, cut or stalled: no more requests on this connection
    QByteArray body;
    qint64 sent = 0;
    qint64 bodyEnd = 0;
    AfterBody after = AfterBody::KeepAlive;
    std::function<QByteArray(qint64, qint64)> source; // a streamed body instead of `body`
};

QByteArray TestHttpServer::Request::header(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

bool TestHttpServer::Request::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

TestHttpServer::Response TestHttpServer::Response::withBody(const QByteArray &body,
                                                            const QByteArray &contentType)
{
    Response response;
    response.body = body;
    response.contentType = contentType;
    return response;
}

TestHttpServer::Response TestHttpServer::Response::withStatus(int status, const QByteArray &body)
{
    Response response;
    response.status = status;
    response.body = body;
    response.contentType = "text/plain; charset=utf-8";
    response.acceptRanges = false;
    return response;
}

TestHttpServer::Response TestHttpServer::Response::redirect(int status, const QUrl &location)
{
    Response response = withStatus(status);
    response.headers.append({"Location", location.toEncoded()});
    return response;
}

TestHttpServer::Response TestHttpServer::Response::json(const QByteArray &json, int status)
{
    Response response = withStatus(status, json);
    response.contentType = "application/json";
    return response;
}

TestHttpServer::TestHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
    if (!m_server.listen(QHostAddress::LocalHost, 0))
        qCWarning(lcHttpServer) << "cannot listen on 127.0.0.1:" << m_server.errorString();
}

TestHttpServer::~TestHttpServer()
{
    // Quietly: no slot of this half-destroyed object may run while the sockets go.
    for (auto &[socket, connection] : m_connections) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    m_connections.clear();
    m_server.close();
}

bool TestHttpServer::isListening() const
{
    return m_server.isListening();
}

bool TestHttpServer::listenOn(quint16 port)
{
    if (m_server.isListening() && (port == 0 || m_server.serverPort() == port))
        return true;
    m_server.close();
    if (m_server.listen(QHostAddress::LocalHost, port))
        return true;
    qCWarning(lcHttpServer) << "cannot listen on 127.0.0.1:" << port << m_server.errorString();
    return false;
}

quint16 TestHttpServer::port() const
{
    return m_server.serverPort();
}

QUrl TestHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

void TestHttpServer::route(const QString &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void TestHttpServer::serve(const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    route(path, [body, contentType](const Request &) { return Response::withBody(body, contentType); });
}

void TestHttpServer::serveStatus(const QString &path, int status, const QByteArray &body)
{
    route(path, [status, body](const Request &) { return Response::withStatus(status, body); });
}

void TestHttpServer::removeRoute(const QString &path)
{
    m_routes.remove(path);
}

void TestHttpServer::setFallback(Handler handler)
{
    m_fallback = std::move(handler);
}

void TestHttpServer::cutAfterBytes(const QString &path, qint64 bytes, int times)
{
    Faults &faults = m_faults[path];
    faults.cutAfter = bytes;
    faults.cutTimes = times;
}

void TestHttpServer::stallAfterBytes(const QString &path, qint64 bytes, int times)
{
    Faults &faults = m_faults[path];
    faults.stallAfter = bytes;
    faults.stallTimes = times;
}

void TestHttpServer::ignoreRange(const QString &path, bool ignore)
{
    m_faults[path].ignoreRange = ignore;
}

void TestHttpServer::clearFaults(const QString &path)
{
    m_faults.remove(path);
}

QList<TestHttpServer::Request> TestHttpServer::requests() const
{
    return m_requests;
}

QList<TestHttpServer::Request> TestHttpServer::requests(const QString &path) const
{
    QList<Request> matching;
    for (const Request &request : m_requests) {
        if (request.path == path)
            matching.append(request);
    }
    return matching;
}

void TestHttpServer::clearRequests()
{
    m_requests.clear();
}

int TestHttpServer::openConnections() const
{
    return int(m_connections.size());
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto connection = std::make_unique<Connection>();
        connection->socket = socket;
        Connection *raw = connection.get();
        m_connections.emplace(socket, std::move(connection));
        connect(socket, &QTcpSocket::readyRead, this, [this, raw] {
            raw->input.append(raw->socket->readAll());
            processInput(*raw);
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, raw] { pump(*raw); });
        // Queued: disconnectFromHost() may emit this while pump() still holds the connection.
        connect(
            socket, &QTcpSocket::disconnected, this, [this, socket] { dropConnection(socket); },
            Qt::QueuedConnection);
    }
}

void TestHttpServer::dropConnection(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    socket->disconnect(this);
    socket->deleteLater();
    m_connections.erase(it);
}

void TestHttpServer::processInput(Connection &connection)
{
    // Requests may arrive in pieces, or several at once (pipelining): parse what is complete.
    while (!connection.responding && !connection.finished) {
        const qsizetype headerEnd = connection.input.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (connection.input.size() > MaxHeaderBytes)
                sendSimpleAndClose(connection, 431);
            return;
        }
        if (headerEnd + 4 > MaxHeaderBytes) {
            sendSimpleAndClose(connection, 431);
            return;
        }

        const QList<QByteArray> lines = connection.input.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || requestLine.at(0).isEmpty() ||
            !requestLine.at(2).startsWith("HTTP/1.")) {
            sendSimpleAndClose(connection, 400);
            return;
        }
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        request.version = requestLine.at(2);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            // Obsolete line folding (a line starting with white space) is refused, as RFC 9112 allows.
            if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t') ||
                line.left(colon).contains(' ')) {
                sendSimpleAndClose(connection, 400);
                return;
            }
            request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }

        QByteArray pathPart = request.target;
        if (pathPart.startsWith("http://") || pathPart.startsWith("https://")) // absolute form
            pathPart = QUrl::fromEncoded(pathPart).path(QUrl::FullyEncoded).toLatin1();
        const qsizetype question = pathPart.indexOf('?');
        if (question >= 0) {
            request.query = QUrlQuery(QString::fromLatin1(pathPart.mid(question + 1)));
            pathPart.truncate(question);
        }
        if (!pathPart.startsWith('/')) {
            sendSimpleAndClose(connection, 400);
            return;
        }
        request.path = QUrl::fromPercentEncoding(pathPart);

        if (request.hasHeader("Transfer-Encoding")) {
            sendSimpleAndClose(connection, 501); // chunked uploads are not needed by any test
            return;
        }
        qint64 contentLength = 0;
        if (request.hasHeader("Content-Length")) {
            bool ok = false;
            contentLength = request.header("Content-Length").toLongLong(&ok);
            if (!ok || contentLength < 0) {
                sendSimpleAndClose(connection, 400);
                return;
            }
        }
        if (contentLength > MaxBodyBytes) {
            sendSimpleAndClose(connection, 413);
            return;
        }
        const qint64 requestSize = headerEnd + 4 + contentLength;
        if (connection.input.size() < requestSize)
            return; // wait for the rest of the body
        request.body = connection.input.mid(headerEnd + 4, contentLength);
        connection.input.remove(0, requestSize);

        qCDebug(lcHttpServer) << request.method << request.target << "Range:" << request.header("Range");
        m_requests.append(request);
        Q_EMIT requestReceived(request.method, request.path);
        respond(connection, request);
    }
}

void TestHttpServer::respond(Connection &connection, const Request &request)
{
    Response response;
    if (const auto route = m_routes.constFind(request.path); route != m_routes.cend())
        response = route.value()(request);
    else if (m_fallback)
        response = m_fallback(request);
    else
        response = Response::withStatus(404, "not found\n");

    Faults *faults = nullptr;
    if (const auto it = m_faults.find(request.path); it != m_faults.end())
        faults = &it.value();
    const bool streamed = bool(response.streamedBody) && !statusHasNoBody(response.status);
    const bool rangesOn = response.acceptRanges && !streamed && !(faults && faults->ignoreRange);

    int status = response.status;
    QByteArray body = statusHasNoBody(status) || streamed ? QByteArray() : response.body;
    Headers headers;
    if (rangesOn && status == 200 && request.hasHeader("Range")) {
        qint64 first = 0;
        qint64 last = 0;
        bool satisfiable = false;
        if (parseRange(request.header("Range"), body.size(), first, last, satisfiable)) {
            if (satisfiable) {
                status = 206;
                setHeader(headers, "Content-Range",
                          "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' +
                              QByteArray::number(body.size()));
                body = body.mid(first, last - first + 1);
            } else {
                status = 416;
                setHeader(headers, "Content-Range", "bytes */" + QByteArray::number(body.size()));
                body.clear();
            }
        }
    }

    const bool clientCloses = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0 ||
                              (request.version == "HTTP/1.0" &&
                               request.header("Connection").compare("keep-alive", Qt::CaseInsensitive) != 0);
    const bool close = clientCloses || response.closeDelimited;
    if (!body.isEmpty() || (status != 416 && !statusHasNoBody(status)))
        setHeader(headers, "Content-Type", response.contentType);
    if (!statusHasNoBody(status) && !response.closeDelimited)
        setHeader(headers, "Content-Length",
                  QByteArray::number(streamed ? response.streamedSize : body.size()));
    if (rangesOn && (status == 200 || status == 206))
        setHeader(headers, "Accept-Ranges", "bytes");
    setHeader(headers, "Server", "TagLensTestHttpServer");
    if (close)
        setHeader(headers, "Connection", "close");
    for (const auto &[name, value] : std::as_const(response.headers))
        setHeader(headers, name, value);

    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : std::as_const(headers))
        head += name + ": " + value + "\r\n";
    head += "\r\n";

    const bool headOnly = request.method == "HEAD";
    if (headOnly)
        body.clear();
    qint64 bodyEnd = streamed && !headOnly ? response.streamedSize : body.size();
    AfterBody after = close ? AfterBody::Close : AfterBody::KeepAlive;
    // The handler's own faults come first: it decided them for this very request.
    if (response.cutAfterBytes >= 0) {
        bodyEnd = qMin(bodyEnd, response.cutAfterBytes);
        after = AfterBody::Cut;
    } else if (response.resetAfterBytes >= 0) {
        bodyEnd = qMin(bodyEnd, response.resetAfterBytes);
        after = AfterBody::Reset;
    } else if (response.stallAfterBytes >= 0) {
        bodyEnd = qMin(bodyEnd, response.stallAfterBytes);
        after = AfterBody::Stall;
    } else if (faults && faults->cutTimes != 0 && faults->cutAfter >= 0) {
        bodyEnd = qMin(bodyEnd, faults->cutAfter);
        after = AfterBody::Cut;
        if (faults->cutTimes > 0)
            --faults->cutTimes;
    } else if (faults && faults->stallTimes != 0 && faults->stallAfter >= 0) {
        bodyEnd = qMin(bodyEnd, faults->stallAfter);
        after = AfterBody::Stall;
        if (faults->stallTimes > 0)
            --faults->stallTimes;
    }

    std::function<QByteArray(qint64, qint64)> source =
        streamed && !headOnly ? response.streamedBody : nullptr;
    const bool reset = response.resetWithoutResponse;
    if (response.delayMs <= 0) {
        connection.source = std::move(source);
        if (reset)
            resetConnection(connection);
        else
            startResponse(connection, head, body, bodyEnd, after);
        return;
    }
    // Hold back pipelined requests while waiting; the client may give up and go meanwhile.
    connection.responding = true;
    QTimer::singleShot(response.delayMs, this,
                       [this, socket = QPointer<QTcpSocket>(connection.socket), head, body, bodyEnd, after,
                        source = std::move(source), reset]() mutable {
                           if (!socket)
                               return;
                           const auto it = m_connections.find(socket.data());
                           if (it == m_connections.end())
                               return;
                           Connection &delayed = *it->second;
                           delayed.source = std::move(source);
                           if (reset)
                               resetConnection(delayed);
                           else
                               startResponse(delayed, head, body, bodyEnd, after);
                       });
}

void TestHttpServer::sendSimpleAndClose(Connection &connection, int status)
{
    const QByteArray body = reasonPhrase(status) + '\n';
    const QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n\r\n";
    connection.source = nullptr;
    startResponse(connection, head, body, body.size(), AfterBody::Close);
}

void TestHttpServer::startResponse(Connection &connection, const QByteArray &head, const QByteArray &body,
                                   qint64 bodyEnd, AfterBody after)
{
    connection.responding = true;
    connection.body = body;
    connection.sent = 0;
    connection.bodyEnd = bodyEnd;
    connection.after = after;
    connection.socket->write(head);
    pump(connection);
}

void TestHttpServer::pump(Connection &connection)
{
    if (!connection.responding)
        return;
    // Feed the socket in chunks as it drains, as a real server streams a large file.
    while (connection.sent < connection.bodyEnd && connection.socket->bytesToWrite() < MaxQueuedBytes) {
        const qint64 n = qMin(WriteChunk, connection.bodyEnd - connection.sent);
        qint64 written = 0;
        if (connection.source) {
            const QByteArray piece = connection.source(connection.sent, n);
            if (piece.isEmpty()) { // the generator ran dry early: end the body here
                connection.bodyEnd = connection.sent;
                break;
            }
            written = connection.socket->write(piece.constData(), qMin<qint64>(piece.size(), n));
        } else {
            written = connection.socket->write(connection.body.constData() + connection.sent, n);
        }
        if (written <= 0)
            return;
        connection.sent += written;
    }
    if (connection.sent < connection.bodyEnd)
        return;
    // A reset discards what is still queued, so let the bytes promised reach the kernel first.
    if (connection.after == AfterBody::Reset && connection.socket->bytesToWrite() > 0)
        return;

    connection.responding = false;
    switch (connection.after) {
    case AfterBody::KeepAlive:
        connection.body.clear();
        connection.source = nullptr;
        processInput(connection); // a pipelined request may be waiting
        return;
    case AfterBody::Reset:
        resetConnection(connection);
        return;
    case AfterBody::Close:
    case AfterBody::Cut:
        // disconnectFromHost() delivers what is queued first, so exactly bodyEnd bytes arrive.
        connection.finished = true;
        connection.socket->disconnectFromHost();
        return;
    case AfterBody::Stall:
        connection.finished = true; // silent until the client gives up or the server goes
        return;
    }
}

void TestHttpServer::resetConnection(Connection &connection)
{
    connection.responding = false;
    connection.finished = true;
    connection.source = nullptr;
    QTcpSocket *socket = connection.socket;
    // Closing with a zero linger time sends RST instead of FIN: the peer sees "connection reset".
    const linger abortive{1, 0};
    if (::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive) != 0)
        qCWarning(lcHttpServer) << "cannot set SO_LINGER; the connection closes with FIN instead of RST";
    socket->abort();
    // abort() may not report `disconnected` for a socket that never finished connecting.
    QMetaObject::invokeMethod(
        this, [this, socket] { dropConnection(socket); }, Qt::QueuedConnection);
}

} // namespace taglens::tests
