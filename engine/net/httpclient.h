// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "httpjob.h"
#include "httpresponse.h"
#include "requestoptions.h"
#include "retrynotice.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <map>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace taglens::engine {

/// The one way the harvest reads from the network: GET requests that are polite to servers and
/// safe for us.
///
/// - Only https URLs, plus plain http to loopback hosts (127.0.0.0/8, ::1, localhost); anything
///   else fails with ErrorCode::InvalidArgument before a byte is sent. Redirects are followed by
///   the client itself, at most maxRedirects() of them, never from https to http, never to a URL
///   that get() would refuse; a bearer token is never sent to another origin.
/// - Every request says `User-Agent: TagLens/<version> (+https://taglens.invalid)`.
/// - A transfer that makes no progress for transferTimeout() is aborted; a body larger than
///   maxBodyBytes() is refused from its Content-Length or aborted while streaming (TooLarge).
/// - 429 waits for Retry-After (delay-seconds or an HTTP-date) or X-RateLimit-Reset, holding back
///   every request to that host; an X-RateLimit-Remaining at or below
///   rateLimitSlowdownThreshold() spaces the next requests to that host out until
///   X-RateLimit-Reset, and at zero waits for it. Waits are capped by maxRateLimitWait() and
///   announced by rateLimitWait().
/// - 5xx (except 501 and 505), timeouts, resets and refused connections are retried with
///   exponential backoff and jitter, at most maxRetries() times; other 4xx are not retried. The
///   final error names the URL and the HTTP status or the transport problem.
/// - At most maxConcurrentPerHost() requests per host (host and port) run at once; the rest wait
///   in that host's queue, first come first served.
///
/// Lives on the thread that created it and must be used from that thread only. Destroying the
/// client drops its unfinished jobs without signals; call cancelAll() first to get them.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    /// Starts a GET of \a url. The result always arrives asynchronously, through the returned
    /// job's finished() signal (never before get() returns).
    HttpJob *get(const QUrl &url, const RequestOptions &options = {});

    /// Cancels every unfinished job; each emits finished() with ErrorCode::Cancelled.
    void cancelAll();
    /// Jobs that have not finished yet (queued, running or waiting to retry).
    int unfinishedCount() const;

    /// True for https URLs and for http URLs whose host is loopback (127.0.0.0/8, ::1, localhost).
    static bool isAllowedUrl(const QUrl &url);
    /// "TagLens/<version> (+https://taglens.invalid)".
    static QByteArray userAgent();

    /// Retries after the first attempt (default 4).
    void setMaxRetries(int retries);
    int maxRetries() const;

    /// How long a request may go without progress (connecting, headers, body) before it is
    /// aborted and counted as a timeout (default 30 s).
    void setTransferTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds transferTimeout() const;

    /// Largest body accepted (default 25 MiB).
    void setMaxBodyBytes(qint64 bytes);
    qint64 maxBodyBytes() const;

    /// Concurrent requests per host (default 6, at most 6: that is also where Qt's HTTP/1.1
    /// connection pool stops, and a request queued inside Qt would count its wait as a stall).
    void setMaxConcurrentPerHost(int requests);
    int maxConcurrentPerHost() const;

    /// Backoff before retry n: a random time between d/2 and d, d = min(max, base * 2^(n-1))
    /// (defaults 1 s and 60 s). Tests set a few milliseconds.
    void setBackoff(std::chrono::milliseconds base, std::chrono::milliseconds max);
    std::chrono::milliseconds backoffBase() const;
    std::chrono::milliseconds backoffMax() const;

    /// Longest wait for a rate limit (Retry-After, X-RateLimit-Reset) (default 5 min, which is
    /// Mastodon's rate-limit window). Longer requests are shortened to this.
    void setMaxRateLimitWait(std::chrono::milliseconds wait);
    std::chrono::milliseconds maxRateLimitWait() const;

    /// From how many remaining requests on (X-RateLimit-Remaining) the client starts to space out
    /// requests to a host so that they last until X-RateLimit-Reset (default 5).
    void setRateLimitSlowdownThreshold(int remaining);
    int rateLimitSlowdownThreshold() const;

    /// Redirect hops followed per request (default 5).
    void setMaxRedirects(int redirects);
    int maxRedirects() const;

Q_SIGNALS:
    /// Requests to \a host ("name:port") are held back until \a until (UTC) because the server
    /// said so (429 or X-RateLimit-Remaining at zero); for the UI: "waiting for the rate limit".
    void rateLimitWait(const QString &host, const QDateTime &until);
    /// A failed attempt will be followed by another one after a wait (see RetryNotice). Not
    /// emitted for the last failure: the job finishes with an error instead.
    void retryScheduled(const taglens::engine::RetryNotice &notice);

private:
    friend class HttpJob;
    using Clock = std::chrono::steady_clock;

    struct HostState
    {
        QList<HttpJob *> queue;
        int active = 0;
        Clock::time_point notBefore{};
        QTimer *timer = nullptr;
        bool pumpScheduled = false;
    };

    static QString hostKey(const QUrl &url);
    HostState &host(const QString &key);
    void enqueue(HttpJob *job, bool front);
    void schedulePump(const QString &key);
    void pump(const QString &key);
    void startAttempt(HttpJob *job);
    void onMetaData(HttpJob *job);
    void onReadyRead(HttpJob *job);
    void onReplyFinished(HttpJob *job);
    void onStalled(HttpJob *job);
    bool drain(HttpJob *job, QNetworkReply *reply, bool keepBody);
    void handleRedirect(HttpJob *job, const QUrl &location);
    void noteRateLimit(HttpJob *job, QNetworkReply *reply, int status);
    void holdHost(const QString &key, std::chrono::milliseconds wait, bool announce);
    enum class Backoff
    {
        Exponential,
        None
    };
    void retryOrFail(HttpJob *job, RetryNotice::Reason reason, const QString &problem,
                     std::optional<std::chrono::milliseconds> serverDelay,
                     Backoff backoff = Backoff::Exponential);
    std::chrono::milliseconds backoffDelay(int retry) const;
    void endAttempt(HttpJob *job);
    void cancelJob(HttpJob *job);
    void finish(HttpJob *job, const Expected<HttpResponse> &result);
    void failLater(HttpJob *job, const Error &error);
    void forget(HttpJob *job);
    QString gaveUp(const HttpJob *job) const;

    QNetworkAccessManager *m_manager = nullptr;
    std::map<QString, HostState> m_hosts;
    QList<HttpJob *> m_jobs;
    quint64 m_nextId = 0;

    int m_maxRetries = 4;
    std::chrono::milliseconds m_transferTimeout{30000};
    qint64 m_maxBodyBytes = qint64(25) * 1024 * 1024;
    int m_maxConcurrentPerHost = 6;
    std::chrono::milliseconds m_backoffBase{1000};
    std::chrono::milliseconds m_backoffMax{60000};
    std::chrono::milliseconds m_maxRateLimitWait{300000};
    int m_slowdownThreshold = 5;
    int m_maxRedirects = 5;
};

} // namespace taglens::engine
