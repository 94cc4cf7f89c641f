// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "loopbackredirect.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <optional>

class QTcpSocket;

namespace taglens::engine {

/// Receives the OAuth redirect of RFC 8252 (native apps, loopback interface redirection).
///
/// Listens on 127.0.0.1 only, on an ephemeral port unless listen() is given one. Exactly one
/// valid redirect is accepted: a GET of path() whose `state` equals expectedState(), carrying
/// either `code` (success) or `error` (the authorization server's refusal, turned into a clear
/// message). Then the server closes and finished() is emitted; the browser is answered with a
/// small translated page saying the tab can be closed.
///
/// Anything else — another method or path, a wrong or missing state, a foreign Host header,
/// bytes that are not HTTP, a request head larger than maxRequestBytes(), a client that does not
/// finish its request head within readTimeout() (slow-loris) — is answered with an HTTP error or
/// dropped, and the wait for the real redirect goes on. The whole wait ends after timeout()
/// (default 5 minutes) or cancel().
///
/// Lives on the thread that created it; driven by that thread's event loop.
class LoopbackRedirectCatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds DefaultTimeout = std::chrono::minutes(5);
    static constexpr std::chrono::milliseconds DefaultReadTimeout = std::chrono::seconds(10);
    static constexpr qsizetype DefaultMaxRequestBytes = qsizetype{8} * 1024;
    static constexpr int DefaultMaxConnections = 16;

    explicit LoopbackRedirectCatcher(QObject *parent = nullptr);
    ~LoopbackRedirectCatcher() override;

    /// The `state` the redirect must carry (required before listen()).
    void setExpectedState(const QByteArray &state);
    QByteArray expectedState() const;
    /// The redirect path (default "/callback").
    void setPath(const QString &path);
    QString path() const;
    /// How long the whole wait may last (default 5 minutes).
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;
    /// How long one connection may take to send its request head (default 10 s).
    void setReadTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds readTimeout() const;
    /// Largest request head accepted, request line and headers (default 8 KiB).
    void setMaxRequestBytes(qsizetype bytes);
    qsizetype maxRequestBytes() const;
    /// Connections held at once; a new one beyond this drops the oldest (default 16).
    void setMaxConnections(int connections);

    /// Starts listening on 127.0.0.1:\a port (0: an ephemeral port) and starts the timeout.
    /// Returns the redirect URI, http://127.0.0.1:PORT/callback.
    Expected<QUrl> listen(quint16 port = 0);
    /// The redirect URI once listening, else an empty URL.
    QUrl redirectUri() const;
    quint16 port() const;
    bool isListening() const;
    bool isFinished() const;

    /// Ends the wait with ErrorCode::Cancelled (no effect once finished).
    void cancel();
    /// The outcome once finished(); before that an Internal error.
    Expected<LoopbackRedirect> result() const;
    /// Runs a local event loop until finished() and returns result(). For the command line; a GUI
    /// connects to finished() instead.
    Expected<LoopbackRedirect> waitForRedirect();

Q_SIGNALS:
    /// The wait is over: a redirect arrived, the server refused, it timed out or was cancelled.
    void finished();
    /// A request was answered with an error or dropped; the wait goes on. For logs and tests.
    void requestRefused(const QString &reason);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleHead(QTcpSocket *socket, const QByteArray &head);
    void refuse(QTcpSocket *socket, int status, const QString &reason);
    void drop(QTcpSocket *socket, const QString &reason);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void finish(Expected<LoopbackRedirect> result);
    Error oauthError(const QString &error, const QString &description) const;

    QTcpServer m_server;
    QTimer m_timeout;
    QByteArray m_expectedState;
    QString m_path = QStringLiteral("/callback");
    std::chrono::milliseconds m_readTimeout = DefaultReadTimeout;
    qsizetype m_maxRequestBytes = DefaultMaxRequestBytes;
    int m_maxConnections = DefaultMaxConnections;
    QList<QTcpSocket *> m_connections; // oldest first
    QHash<QTcpSocket *, QByteArray> m_input;
    std::optional<Expected<LoopbackRedirect>> m_result;
};

} // namespace taglens::engine
