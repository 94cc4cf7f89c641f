// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "httpresponse.h"
#include "requestoptions.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace taglens::engine {

class HttpClient;

/// One GET started by HttpClient::get(): a handle to watch and cancel it.
///
/// finished() is emitted exactly once: with the response, or with an Error (ErrorCode::Network
/// with the URL and the HTTP status or the transport problem in the message, TooLarge,
/// InvalidArgument for a refused URL, Cancelled). The job belongs to its HttpClient and deletes
/// itself (deleteLater) after finished(); keep a QPointer if you hold on to it.
class HttpJob : public QObject
{
    Q_OBJECT

public:
    ~HttpJob() override;

    /// A number unique within the client, for logs and maps.
    quint64 id() const { return m_id; }
    /// The URL given to HttpClient::get().
    QUrl url() const { return m_url; }
    /// Requests sent so far (retries and redirect hops included).
    int requestsSent() const { return m_requestsSent; }
    /// The HTTP status of the latest answer; 0 when none arrived. With an error result this is the
    /// status that caused it (e.g. 401 or 404), so callers can tell those apart.
    int httpStatus() const { return m_lastStatus; }
    /// The body of the latest answer, kept for error statuses (capped like any body) so callers
    /// can read an API's error document.
    QByteArray errorBody() const { return m_errorBody; }
    bool isFinished() const { return m_state == State::Finished; }

    /// Stops the request. Unless it had already finished, finished() is emitted with
    /// ErrorCode::Cancelled before this returns.
    void cancel();

Q_SIGNALS:
    void finished(const taglens::engine::Expected<taglens::engine::HttpResponse> &result);

private:
    friend class HttpClient;
    enum class State
    {
        Queued,
        Running,
        Waiting,
        Finished
    };

    HttpJob(HttpClient *client, quint64 id, const QUrl &url, const RequestOptions &options);
    QString displayUrl() const;
    /// \a url for messages and logs: no user info, credential query items replaced by REDACTED.
    static QString displayUrl(const QUrl &url);

    QPointer<HttpClient> m_client;
    const quint64 m_id;
    const QUrl m_url;
    RequestOptions m_options; // the client's defaults filled in
    QUrl m_currentUrl;        // m_url, or where redirects led
    QString m_hostKey;        // the host queue it is in or holds a slot of
    State m_state = State::Queued;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    QByteArray m_errorBody;
    QTimer m_stallTimer;
    QTimer m_retryTimer;
    int m_requestsSent = 0;
    int m_retries = 0;
    int m_redirects = 0;
    int m_lastStatus = 0;
    QString m_lastProblem; // why the latest attempt failed, for the final message
};

} // namespace taglens::engine
