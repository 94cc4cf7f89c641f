// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "ratelimitheaders.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcHttp, "taglens.engine.net.http")

namespace taglens::engine {

namespace {

using std::chrono::milliseconds;

// Error pages are kept for callers that read an API's error document, but not all of a huge one.
constexpr qint64 MaxErrorBodyBytes = qint64(64) * 1024;
// Bounds what Qt buffers for a reply between two readyRead signals.
constexpr qint64 ReplyBufferBytes = qint64(2) * 1024 * 1024;
// Qt's HTTP/1.1 pool opens at most this many connections per host and queues the rest itself.
constexpr int QtConnectionsPerHost = 6;

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isRetryableStatus(int status)
{
    // 501 Not Implemented and 505 HTTP Version Not Supported will not change by asking again.
    return status >= 500 && status <= 599 && status != 501 && status != 505;
}

RetryNotice::Reason retryReason(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return RetryNotice::Reason::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProxyConnectionClosedError:
        return RetryNotice::Reason::ConnectionLost;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return RetryNotice::Reason::TimedOut;
    default:
        return RetryNotice::Reason::NetworkError;
    }
}

bool isRetryableTransportError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProtocolFailure:
        return true;
    default:
        return false;
    }
}

QString seconds(milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

/// The server's clock when it sent a Date header, else ours: Retry-After dates and rate-limit
/// resets are meant relative to the server's clock.
QDateTime serverNow(QNetworkReply *reply)
{
    const QDateTime date = RateLimitHeaders::parseHttpDate(reply->rawHeader("Date"));
    return date.isValid() ? date : QDateTime::currentDateTimeUtc();
}

} // namespace

HttpClient::HttpClient(QObject *parent) : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager->setAutoDeleteReplies(false);
}

HttpClient::~HttpClient()
{
    // Jobs are children, but must go while the client is still whole (they call forget()).
    const QList<HttpJob *> jobs = std::exchange(m_jobs, {});
    for (HttpJob *job : jobs) {
        job->m_client = nullptr;
        delete job;
    }
}

QByteArray HttpClient::userAgent()
{
    return QByteArrayLiteral("TagLens/" TAGLENS_VERSION " (+https://taglens.invalid)");
}

bool HttpClient::isAllowedUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return true;
    if (scheme != u"http")
        return false;
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

void HttpClient::setMaxRetries(int retries)
{
    m_maxRetries = qMax(0, retries);
}

int HttpClient::maxRetries() const
{
    return m_maxRetries;
}

void HttpClient::setTransferTimeout(milliseconds timeout)
{
    m_transferTimeout = qMax(milliseconds(1), timeout);
}

milliseconds HttpClient::transferTimeout() const
{
    return m_transferTimeout;
}

void HttpClient::setMaxBodyBytes(qint64 bytes)
{
    m_maxBodyBytes = qMax<qint64>(0, bytes);
}

qint64 HttpClient::maxBodyBytes() const
{
    return m_maxBodyBytes;
}

void HttpClient::setMaxConcurrentPerHost(int requests)
{
    m_maxConcurrentPerHost = qBound(1, requests, QtConnectionsPerHost);
}

int HttpClient::maxConcurrentPerHost() const
{
    return m_maxConcurrentPerHost;
}

void HttpClient::setBackoff(milliseconds base, milliseconds max)
{
    m_backoffBase = qMax(milliseconds(0), base);
    m_backoffMax = qMax(m_backoffBase, max);
}

milliseconds HttpClient::backoffBase() const
{
    return m_backoffBase;
}

milliseconds HttpClient::backoffMax() const
{
    return m_backoffMax;
}

void HttpClient::setMaxRateLimitWait(milliseconds wait)
{
    m_maxRateLimitWait = qMax(milliseconds(0), wait);
}

milliseconds HttpClient::maxRateLimitWait() const
{
    return m_maxRateLimitWait;
}

void HttpClient::setRateLimitSlowdownThreshold(int remaining)
{
    m_slowdownThreshold = qMax(0, remaining);
}

int HttpClient::rateLimitSlowdownThreshold() const
{
    return m_slowdownThreshold;
}

void HttpClient::setMaxRedirects(int redirects)
{
    m_maxRedirects = qMax(0, redirects);
}

int HttpClient::maxRedirects() const
{
    return m_maxRedirects;
}

int HttpClient::unfinishedCount() const
{
    return int(m_jobs.size());
}

HttpJob *HttpClient::get(const QUrl &url, const RequestOptions &options)
{
    RequestOptions resolved = options;
    if (resolved.maxBodyBytes <= 0)
        resolved.maxBodyBytes = m_maxBodyBytes;
    if (resolved.transferTimeout <= milliseconds(0))
        resolved.transferTimeout = m_transferTimeout;
    if (resolved.maxRetries < 0)
        resolved.maxRetries = m_maxRetries;

    auto *job = new HttpJob(this, ++m_nextId, url, resolved);
    m_jobs.append(job);
    connect(&job->m_stallTimer, &QTimer::timeout, job, [this, job] { onStalled(job); });
    connect(&job->m_retryTimer, &QTimer::timeout, job, [this, job] { enqueue(job, true); });

    if (!isAllowedUrl(url)) {
        qCWarning(lcHttp) << "refusing" << job->displayUrl();
        failLater(job,
                  Error::make(ErrorCode::InvalidArgument,
                              tr("Refusing to fetch %1: only https addresses are allowed (plain http only to "
                                 "this computer).")
                                  .arg(job->displayUrl())));
        return job;
    }
    enqueue(job, false);
    return job;
}

void HttpClient::cancelAll()
{
    const QList<HttpJob *> jobs = m_jobs;
    for (HttpJob *job : jobs) {
        if (m_jobs.contains(job)) // a finished() handler may have cancelled it already
            cancelJob(job);
    }
}

QString HttpClient::hostKey(const QUrl &url)
{
    return url.host().toLower() + u':' + QString::number(url.port(url.scheme() == u"https" ? 443 : 80));
}

HttpClient::HostState &HttpClient::host(const QString &key)
{
    HostState &state = m_hosts[key];
    if (!state.timer) {
        state.timer = new QTimer(this);
        state.timer->setSingleShot(true);
        connect(state.timer, &QTimer::timeout, this, [this, key] { pump(key); });
    }
    return state;
}

void HttpClient::enqueue(HttpJob *job, bool front)
{
    job->m_state = HttpJob::State::Queued;
    job->m_hostKey = hostKey(job->m_currentUrl);
    HostState &state = host(job->m_hostKey);
    if (front)
        state.queue.prepend(job);
    else
        state.queue.append(job);
    schedulePump(job->m_hostKey);
}

void HttpClient::schedulePump(const QString &key)
{
    // Queued, so that no request starts from inside a caller's signal handler.
    HostState &state = host(key);
    if (state.pumpScheduled)
        return;
    state.pumpScheduled = true;
    QMetaObject::invokeMethod(
        this, [this, key] { pump(key); }, Qt::QueuedConnection);
}

void HttpClient::pump(const QString &key)
{
    HostState &state = host(key);
    state.pumpScheduled = false;
    if (state.queue.isEmpty())
        return;
    const auto now = Clock::now();
    if (state.notBefore > now) {
        const auto wait = std::chrono::ceil<milliseconds>(state.notBefore - now);
        if (!state.timer->isActive() || state.timer->remainingTimeAsDuration() > wait)
            state.timer->start(wait);
        return;
    }
    while (state.active < m_maxConcurrentPerHost && !state.queue.isEmpty()) {
        HttpJob *job = state.queue.takeFirst();
        ++state.active;
        startAttempt(job);
    }
}

void HttpClient::startAttempt(HttpJob *job)
{
    job->m_state = HttpJob::State::Running;
    job->m_body.clear();
    job->m_errorBody.clear();
    ++job->m_requestsSent;

    QNetworkRequest request(job->m_currentUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("User-Agent", userAgent());
    for (const auto &[name, value] : std::as_const(job->m_options.headers))
        request.setRawHeader(name, value);
    // The token belongs to the origin it was given for, not to wherever a redirect points.
    if (!job->m_options.bearerToken.isEmpty() && sameOrigin(job->m_currentUrl, job->m_url))
        request.setRawHeader("Authorization", "Bearer " + job->m_options.bearerToken.toUtf8());

    qCDebug(lcHttp) << "GET" << HttpJob::displayUrl(job->m_currentUrl) << "job" << job->m_id << "request"
                    << job->m_requestsSent;
    QNetworkReply *reply = m_manager->get(request);
    reply->setReadBufferSize(ReplyBufferBytes);
    job->m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, job, [this, job] { onMetaData(job); });
    connect(reply, &QNetworkReply::readyRead, job, [this, job] { onReadyRead(job); });
    connect(reply, &QNetworkReply::finished, job, [this, job] { onReplyFinished(job); });
    job->m_stallTimer.start(job->m_options.transferTimeout);
}

void HttpClient::onMetaData(HttpJob *job)
{
    job->m_stallTimer.start();
    QNetworkReply *reply = job->m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status > 299)
        return;
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > job->m_options.maxBodyBytes) {
        const QString message =
            tr("Could not fetch %1: the response is too large (%2 bytes, the limit is %3).")
                .arg(job->displayUrl(), QString::number(length.toLongLong()),
                     QString::number(job->m_options.maxBodyBytes));
        endAttempt(job);
        finish(job, Error::make(ErrorCode::TooLarge, message));
    }
}

bool HttpClient::drain(HttpJob *job, QNetworkReply *reply, bool keepBody)
{
    const QByteArray data = reply->readAll();
    if (!keepBody) {
        const qint64 room = MaxErrorBodyBytes - job->m_errorBody.size();
        if (room > 0)
            job->m_errorBody.append(data.left(room));
        return true;
    }
    if (job->m_body.size() + data.size() > job->m_options.maxBodyBytes) {
        const QString message =
            tr("Could not fetch %1: the response is too large (more than the limit of %2 bytes).")
                .arg(job->displayUrl(), QString::number(job->m_options.maxBodyBytes));
        endAttempt(job);
        finish(job, Error::make(ErrorCode::TooLarge, message));
        return false;
    }
    job->m_body.append(data);
    return true;
}

void HttpClient::onReadyRead(HttpJob *job)
{
    job->m_stallTimer.start();
    QNetworkReply *reply = job->m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    drain(job, reply, status >= 200 && status <= 299);
}

void HttpClient::onReplyFinished(HttpJob *job)
{
    QNetworkReply *reply = job->m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool success = status >= 200 && status <= 299;
    if (!drain(job, reply, success))
        return;
    job->m_lastStatus = status;
    noteRateLimit(job, reply, status);

    const QNetworkReply::NetworkError error = reply->error();
    const QString errorString = reply->errorString();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location").trimmed(), QUrl::StrictMode);
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    const QByteArray rateLimitReset = reply->rawHeader("X-RateLimit-Reset");
    const QDateTime now = serverNow(reply);
    HttpResponse response;
    if (success) {
        response.status = status;
        const auto pairs = reply->rawHeaderPairs();
        response.headers = HttpResponse::Headers(pairs.cbegin(), pairs.cend());
        response.url = job->m_url;
        response.finalUrl = job->m_currentUrl;
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool decoded = !reply->rawHeader("Content-Encoding").isEmpty();
    endAttempt(job);

    if (isRedirect(status) && location.isValid() && !location.isEmpty()) {
        handleRedirect(job, location);
        return;
    }
    if (status == 0 || (success && error != QNetworkReply::NoError)) {
        if (isRetryableTransportError(error)) {
            retryOrFail(job, retryReason(error), errorString, std::nullopt);
            return;
        }
        finish(job, Error::make(ErrorCode::Network,
                                tr("Could not fetch %1: %2.").arg(job->displayUrl(), errorString)));
        return;
    }
    if (success) {
        if (!decoded && length.isValid() && job->m_body.size() < length.toLongLong()) {
            retryOrFail(job, RetryNotice::Reason::ConnectionLost,
                        tr("the connection closed after %1 of %2 bytes")
                            .arg(QString::number(job->m_body.size()), QString::number(length.toLongLong())),
                        std::nullopt);
            return;
        }
        response.body = std::exchange(job->m_body, {});
        finish(job, response);
        return;
    }

    const QString problem =
        tr("the server answered HTTP %1 %2").arg(QString::number(status), reason).trimmed();
    if (status == 429) {
        // Hold the whole host: every request to it would get the same answer.
        std::optional<milliseconds> wait = RateLimitHeaders::retryAfter(retryAfter, now);
        if (!wait) {
            const QDateTime reset = RateLimitHeaders::resetTime(rateLimitReset, now);
            if (reset.isValid())
                wait = milliseconds(qMax<qint64>(0, now.msecsTo(reset)));
        }
        if (!wait)
            wait = backoffDelay(job->m_retries + 1);
        holdHost(job->m_hostKey, *wait, true);
        // The host's hold is the wait.
        retryOrFail(job, RetryNotice::Reason::RateLimited, problem, std::nullopt, Backoff::None);
        return;
    }
    if (isRetryableStatus(status)) {
        retryOrFail(job, RetryNotice::Reason::ServerError, problem,
                    RateLimitHeaders::retryAfter(retryAfter, now));
        return;
    }
    finish(job,
           Error::make(ErrorCode::Network, tr("Could not fetch %1: %2.").arg(job->displayUrl(), problem)));
}

void HttpClient::handleRedirect(HttpJob *job, const QUrl &location)
{
    const QUrl from = job->m_currentUrl;
    const QUrl next = from.resolved(location);
    if (job->m_redirects >= m_maxRedirects) {
        finish(job,
               Error::make(ErrorCode::Network, tr("Could not fetch %1: more than %2 redirects.")
                                                   .arg(job->displayUrl(), QString::number(m_maxRedirects))));
        return;
    }
    const bool downgrade = from.scheme() == u"https" && next.scheme() != u"https";
    if (downgrade || !isAllowedUrl(next)) {
        qCWarning(lcHttp) << "refusing a redirect from" << from << "to" << next;
        finish(job, Error::make(ErrorCode::Network,
                                tr("Could not fetch %1: refused a redirect to %2, which is less secure.")
                                    .arg(job->displayUrl(), next.toDisplayString(QUrl::RemoveUserInfo))));
        return;
    }
    ++job->m_redirects;
    qCDebug(lcHttp) << "redirected from" << from << "to" << next;
    job->m_currentUrl = next;
    enqueue(job, true);
}

void HttpClient::noteRateLimit(HttpJob *job, QNetworkReply *reply, int status)
{
    if (status == 429)
        return; // handled with the retry
    const auto remaining = RateLimitHeaders::remaining(reply->rawHeader("X-RateLimit-Remaining"));
    if (!remaining || *remaining > m_slowdownThreshold)
        return;
    const QDateTime now = serverNow(reply);
    const QDateTime reset = RateLimitHeaders::resetTime(reply->rawHeader("X-RateLimit-Reset"), now);
    if (!reset.isValid())
        return;
    const milliseconds untilReset(qMax<qint64>(0, now.msecsTo(reset)));
    if (*remaining <= 0) {
        qCInfo(lcHttp) << "rate limit used up on" << job->m_hostKey << "- waiting" << untilReset.count()
                       << "ms";
        holdHost(job->m_hostKey, untilReset, true);
    } else {
        // Spread what is left over the rest of the window instead of running into the wall.
        holdHost(job->m_hostKey, untilReset / (*remaining + 1), false);
    }
}

void HttpClient::holdHost(const QString &key, milliseconds wait, bool announce)
{
    if (wait > m_maxRateLimitWait) {
        qCWarning(lcHttp) << "the server asks to wait" << wait.count() << "ms; waiting"
                          << m_maxRateLimitWait.count() << "ms";
        wait = m_maxRateLimitWait;
    }
    HostState &state = host(key);
    const auto until = Clock::now() + wait;
    if (until <= state.notBefore)
        return;
    state.notBefore = until;
    if (announce && wait > milliseconds(0)) {
        // Queued: this runs in the middle of handling a reply, and a receiver may cancel jobs.
        const QDateTime when = QDateTime::currentDateTimeUtc().addMSecs(wait.count());
        QMetaObject::invokeMethod(
            this, [this, key, when] { Q_EMIT rateLimitWait(key, when); }, Qt::QueuedConnection);
    }
}

milliseconds HttpClient::backoffDelay(int retry) const
{
    const int exponent = qBound(0, retry - 1, 30);
    const qint64 base = m_backoffBase.count();
    const qint64 cap = m_backoffMax.count();
    const qint64 full = base > 0 && (cap >> exponent) < base ? cap : qMin(cap, base << exponent);
    const qint64 half = full / 2;
    const qint64 jitter = half > 0 ? qint64(QRandomGenerator::global()->bounded(quint64(half) + 1)) : 0;
    return milliseconds(full - half + jitter);
}

void HttpClient::retryOrFail(HttpJob *job, RetryNotice::Reason reason, const QString &problem,
                             std::optional<milliseconds> serverDelay, Backoff backoff)
{
    job->m_lastProblem = problem;
    if (job->m_retries >= job->m_options.maxRetries) {
        finish(job,
               Error::make(ErrorCode::Network,
                           tr("Could not fetch %1: %2 (%3).").arg(job->displayUrl(), problem, gaveUp(job))));
        return;
    }
    ++job->m_retries;
    milliseconds delay(0);
    if (backoff == Backoff::Exponential)
        delay = backoffDelay(job->m_retries);
    if (serverDelay) // a 503 with Retry-After: the longer of the two, within the cap
        delay = std::max(delay, std::min(*serverDelay, m_maxRateLimitWait));
    qCInfo(lcHttp).nospace() << "retry " << job->m_retries << " of " << job->m_options.maxRetries << " for "
                             << job->displayUrl() << " in " << delay.count() << " ms: " << problem;
    job->m_state = HttpJob::State::Waiting;
    job->m_retryTimer.start(delay);
    RetryNotice notice;
    notice.host = job->m_hostKey;
    notice.attempt = job->m_retries + 1;
    notice.attempts = job->m_options.maxRetries + 1;
    notice.delayMs = delay.count();
    if (backoff == Backoff::None) // the wait is the host's hold, which may be longer than ours
        notice.delayMs = qMax<qint64>(
            delay.count(),
            std::chrono::duration_cast<milliseconds>(host(job->m_hostKey).notBefore - Clock::now()).count());
    notice.reason = reason;
    const bool answered =
        reason == RetryNotice::Reason::ServerError || reason == RetryNotice::Reason::RateLimited;
    notice.httpStatus = answered ? job->m_lastStatus : 0;
    notice.problem = problem;
    Q_EMIT retryScheduled(notice);
}

QString HttpClient::gaveUp(const HttpJob *job) const
{
    const int attempts = job->m_retries + 1;
    return attempts == 1 ? tr("gave up after 1 attempt") : tr("gave up after %1 attempts").arg(attempts);
}

void HttpClient::onStalled(HttpJob *job)
{
    if (job->m_state != HttpJob::State::Running)
        return;
    qCWarning(lcHttp) << "no progress for" << job->m_options.transferTimeout.count() << "ms on"
                      << job->displayUrl();
    endAttempt(job);
    retryOrFail(job, RetryNotice::Reason::TimedOut,
                tr("timed out: no data arrived for %1 s").arg(seconds(job->m_options.transferTimeout)),
                std::nullopt);
}

void HttpClient::endAttempt(HttpJob *job)
{
    job->m_stallTimer.stop();
    if (QNetworkReply *reply = job->m_reply.data()) {
        job->m_reply = nullptr;
        reply->disconnect(job);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (job->m_state == HttpJob::State::Running) {
        job->m_state = HttpJob::State::Waiting;
        HostState &state = host(job->m_hostKey);
        --state.active;
        schedulePump(job->m_hostKey);
    }
}

void HttpClient::cancelJob(HttpJob *job)
{
    endAttempt(job);
    finish(job,
           Error::make(ErrorCode::Cancelled, tr("The request for %1 was cancelled.").arg(job->displayUrl())));
}

void HttpClient::failLater(HttpJob *job, const Error &error)
{
    job->m_state = HttpJob::State::Waiting;
    QMetaObject::invokeMethod(
        job,
        [this, job, error] {
            if (job->m_state != HttpJob::State::Finished)
                finish(job, error);
        },
        Qt::QueuedConnection);
}

void HttpClient::forget(HttpJob *job)
{
    endAttempt(job);
    if (const auto it = m_hosts.find(job->m_hostKey); it != m_hosts.end())
        it->second.queue.removeAll(job);
    m_jobs.removeAll(job);
}

void HttpClient::finish(HttpJob *job, const Expected<HttpResponse> &result)
{
    if (job->m_state == HttpJob::State::Finished)
        return;
    endAttempt(job);
    job->m_retryTimer.stop();
    if (const auto it = m_hosts.find(job->m_hostKey); it != m_hosts.end())
        it->second.queue.removeAll(job);
    m_jobs.removeAll(job);
    job->m_state = HttpJob::State::Finished;
    if (!result.hasValue() && result.error().code != ErrorCode::Cancelled)
        qCWarning(lcHttp) << result.error().message;
    job->deleteLater();
    // Last: a receiver may cancel other jobs, start new ones or delete this client.
    Q_EMIT job->finished(result);
}

} // namespace taglens::engine
