// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackredirectcatcher.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpSocket>

namespace taglens::engine {

Q_LOGGING_CATEGORY(lcCatcher, "taglens.engine.auth.catcher")

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

// Values in a redirect are form-style: '+' may stand for a space (error_description).
QUrlQuery parseQuery(QByteArray query)
{
    query.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(query));
}

QString queryValue(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

LoopbackRedirectCatcher::LoopbackRedirectCatcher(QObject *parent) : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(DefaultTimeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        const qint64 minutes =
            std::chrono::duration_cast<std::chrono::minutes>(m_timeout.intervalAsDuration()).count();
        finish(Error::make(ErrorCode::Network,
                           minutes >= 1 ? tr("No sign-in arrived from the browser within %n minute(s).",
                                             nullptr, int(minutes))
                                        : tr("No sign-in arrived from the browser in time.")));
    });
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this,
            &LoopbackRedirectCatcher::onNewConnection);
}

LoopbackRedirectCatcher::~LoopbackRedirectCatcher()
{
    for (QTcpSocket *socket : std::as_const(m_connections)) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

void LoopbackRedirectCatcher::setExpectedState(const QByteArray &state)
{
    m_expectedState = state;
}

QByteArray LoopbackRedirectCatcher::expectedState() const
{
    return m_expectedState;
}

void LoopbackRedirectCatcher::setPath(const QString &path)
{
    m_path = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
}

QString LoopbackRedirectCatcher::path() const
{
    return m_path;
}

void LoopbackRedirectCatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout.setInterval(timeout);
}

std::chrono::milliseconds LoopbackRedirectCatcher::timeout() const
{
    return m_timeout.intervalAsDuration();
}

void LoopbackRedirectCatcher::setReadTimeout(std::chrono::milliseconds timeout)
{
    m_readTimeout = timeout;
}

std::chrono::milliseconds LoopbackRedirectCatcher::readTimeout() const
{
    return m_readTimeout;
}

void LoopbackRedirectCatcher::setMaxRequestBytes(qsizetype bytes)
{
    m_maxRequestBytes = qMax<qsizetype>(256, bytes);
}

qsizetype LoopbackRedirectCatcher::maxRequestBytes() const
{
    return m_maxRequestBytes;
}

void LoopbackRedirectCatcher::setMaxConnections(int connections)
{
    m_maxConnections = qMax(1, connections);
}

Expected<QUrl> LoopbackRedirectCatcher::listen(quint16 port)
{
    if (m_expectedState.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("The redirect catcher needs a state to check."));
    if (m_server.isListening() || m_result)
        return Error::make(ErrorCode::InvalidArgument, tr("The redirect catcher can only be used once."));
    // 127.0.0.1, never QHostAddress::Any: nothing but this computer may talk to it.
    if (!m_server.listen(QHostAddress(QHostAddress::LocalHost), port)) {
        return Error::make(ErrorCode::Network,
                           tr("Cannot listen on 127.0.0.1:%1 for the browser's answer: %2")
                               .arg(port)
                               .arg(m_server.errorString()));
    }
    m_timeout.start();
    qCDebug(lcCatcher) << "waiting on" << redirectUri();
    return redirectUri();
}

QUrl LoopbackRedirectCatcher::redirectUri() const
{
    if (!m_server.isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(m_path);
    return url;
}

quint16 LoopbackRedirectCatcher::port() const
{
    return m_server.isListening() ? m_server.serverPort() : 0;
}

bool LoopbackRedirectCatcher::isListening() const
{
    return m_server.isListening();
}

bool LoopbackRedirectCatcher::isFinished() const
{
    return m_result.has_value();
}

void LoopbackRedirectCatcher::cancel()
{
    if (!m_result)
        finish(Error::make(ErrorCode::Cancelled, tr("The sign-in was cancelled.")));
}

Expected<LoopbackRedirect> LoopbackRedirectCatcher::result() const
{
    if (!m_result)
        return Error::make(ErrorCode::Internal, tr("The sign-in has not finished yet."));
    return *m_result;
}

Expected<LoopbackRedirect> LoopbackRedirectCatcher::waitForRedirect()
{
    if (!m_result) {
        if (!m_server.isListening())
            return Error::make(ErrorCode::Internal, tr("The redirect catcher is not listening."));
        QEventLoop loop;
        connect(this, &LoopbackRedirectCatcher::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result();
}

void LoopbackRedirectCatcher::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_result) { // finished while this one waited in the backlog
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_connections.size() >= m_maxConnections)
            drop(m_connections.first(), tr("too many connections; dropped the oldest"));
        m_connections.append(socket);
        m_input.insert(socket, QByteArray());
        // The whole request head must arrive within the read timeout, however slowly it trickles.
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, this,
                [this, socket] { drop(socket, tr("the request head did not arrive in time")); });
        deadline->start(m_readTimeout);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.removeAll(socket);
            m_input.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void LoopbackRedirectCatcher::onReadyRead(QTcpSocket *socket)
{
    auto it = m_input.find(socket);
    if (it == m_input.end()) { // already answered: ignore whatever else it sends
        socket->readAll();
        return;
    }
    QByteArray &input = *it;
    input += socket->read(m_maxRequestBytes + 4 - input.size());
    const qsizetype end = input.indexOf("\r\n\r\n");
    if (end < 0) {
        if (input.size() > m_maxRequestBytes || socket->bytesAvailable() > 0)
            refuse(socket, 431, tr("the request head is larger than %1 bytes").arg(m_maxRequestBytes));
        return;
    }
    if (end > m_maxRequestBytes) {
        refuse(socket, 431, tr("the request head is larger than %1 bytes").arg(m_maxRequestBytes));
        return;
    }
    const QByteArray head = input.left(end);
    m_input.erase(it); // one request per connection; later bytes (pipelining) are ignored
    handleHead(socket, head);
}

void LoopbackRedirectCatcher::handleHead(QTcpSocket *socket, const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.") || !requestLine[1].startsWith('/')) {
        refuse(socket, 400, tr("not an HTTP request"));
        return;
    }
    const QByteArray &method = requestLine[0];
    const QByteArray &target = requestLine[1];
    // Only a Host naming this very listener: a web page cannot reach it by DNS rebinding.
    QByteArray host;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(socket, 400, tr("a malformed header line"));
            return;
        }
        if (line.left(colon).trimmed().compare("host", Qt::CaseInsensitive) == 0) {
            if (!host.isNull()) {
                refuse(socket, 400, tr("more than one Host header"));
                return;
            }
            host = line.mid(colon + 1).trimmed().toLower();
        }
    }
    const QByteArray portText = QByteArray::number(m_server.serverPort());
    if (host != "127.0.0.1:" + portText && host != "localhost:" + portText) {
        refuse(socket, 400, tr("a Host header that is not this listener"));
        return;
    }
    const qsizetype question = target.indexOf('?');
    const QString path = QUrl::fromPercentEncoding(target.left(question < 0 ? target.size() : question));
    if (path != m_path) {
        refuse(socket, 404, tr("a request for another path"));
        return;
    }
    if (method != "GET") {
        refuse(socket, 405, tr("a %1 request instead of GET").arg(QString::fromLatin1(method.left(16))));
        return;
    }
    const QUrlQuery query = question < 0 ? QUrlQuery() : parseQuery(target.mid(question + 1));
    const QString state = queryValue(query, QStringLiteral("state"));
    // A request without our state may come from anywhere (another page, a stale tab); it must not
    // end the wait, not even with error=access_denied.
    if (state.isEmpty() || state.toUtf8() != m_expectedState) {
        refuse(socket, 400,
               state.isEmpty() ? tr("a redirect without state") : tr("a redirect with a wrong state"));
        return;
    }
    if (query.hasQueryItem(QStringLiteral("error"))) {
        const Error error = oauthError(queryValue(query, QStringLiteral("error")),
                                       queryValue(query, QStringLiteral("error_description")));
        answer(socket, 200, tr("TagLens did not get access"),
               error.message + QLatin1Char(' ') + tr("You can close this tab and return to TagLens."));
        finish(error);
        return;
    }
    const QString code = queryValue(query, QStringLiteral("code"));
    if (code.isEmpty()) {
        refuse(socket, 400, tr("a redirect without code"));
        return;
    }
    answer(socket, 200, tr("Signed in"), tr("You can close this tab and return to TagLens."));
    qCDebug(lcCatcher) << "got the authorization code";
    finish(LoopbackRedirect{code, state, query});
}

Error LoopbackRedirectCatcher::oauthError(const QString &error, const QString &description) const
{
    const QString detail =
        description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description.left(300));
    if (error == u"access_denied")
        return Error::make(ErrorCode::Cancelled,
                           tr("Access was denied: the sign-in was declined in the browser%1.").arg(detail));
    if (error == u"invalid_scope")
        return Error::make(ErrorCode::InvalidArgument,
                           tr("The server does not grant the requested permissions%1.").arg(detail));
    if (error == u"server_error" || error == u"temporarily_unavailable")
        return Error::make(
            ErrorCode::Network,
            tr("The server could not complete the sign-in right now%1; try again later.").arg(detail));
    return Error::make(ErrorCode::InvalidArgument,
                       tr("The server refused the sign-in: %1%2.").arg(error.left(64), detail));
}

void LoopbackRedirectCatcher::refuse(QTcpSocket *socket, int status, const QString &reason)
{
    qCInfo(lcCatcher) << "refused a request:" << reason;
    m_input.remove(socket);
    answer(socket, status, tr("Not the expected sign-in"),
           tr("This request is not the sign-in TagLens is waiting for."));
    Q_EMIT requestRefused(reason);
}

void LoopbackRedirectCatcher::drop(QTcpSocket *socket, const QString &reason)
{
    qCInfo(lcCatcher) << "dropped a connection:" << reason;
    m_connections.removeAll(socket);
    m_input.remove(socket);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    Q_EMIT requestRefused(reason);
}

void LoopbackRedirectCatcher::answer(QTcpSocket *socket, int status, const QString &title,
                                     const QString &text)
{
    const QByteArray body =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                       "</head><body><h1>%1</h1><p>%2</p></body></html>\n")
            .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
            .toUtf8();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n"
                "Cache-Control: no-store\r\n"
                "Referrer-Policy: no-referrer\r\n"
                "Connection: close\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n";
    response += body;
    if (QTimer *deadline = socket->findChild<QTimer *>())
        deadline->stop();
    socket->write(response);
    socket->disconnectFromHost(); // after the bytes are written; disconnected() then deletes it
}

void LoopbackRedirectCatcher::finish(Expected<LoopbackRedirect> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    m_timeout.stop();
    m_server.close();
    // Connections still sending their heads will never be served.
    const QList<QTcpSocket *> open = m_connections;
    for (QTcpSocket *socket : open) {
        if (m_input.contains(socket)) {
            m_connections.removeAll(socket);
            m_input.remove(socket);
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
    }
    if (!m_result->hasValue())
        qCInfo(lcCatcher) << "wait ended:" << m_result->error().message;
    Q_EMIT finished();
}

} // namespace taglens::engine
