// SPDX-License-Identifier: GPL-3.0-or-later
#include "modeldownloader.h"

#include "../net/httpclient.h"

#include "sha256digest.h"

#include "../core/sha256.h"

#include <QDir>
#include <QFileInfo>
#include <QFuture>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtConcurrentRun>
#include <filesystem>
#include <system_error>

Q_LOGGING_CATEGORY(lcDownload, "taglens.engine.download")

namespace taglens::engine {

namespace {

constexpr qsizetype ChunkSize = qsizetype(256) * 1024;
// Bounds what Qt buffers for us when the disk is slower than the network.
constexpr qint64 ReplyBufferSize = qint64(2) * 1024 * 1024;
constexpr int MaxRedirects = 5;

struct PartDigest
{
    std::shared_ptr<Sha256> hash;
    qint64 size = -1;
    QString error;
};

PartDigest hashExistingPart(const QString &path)
{
    PartDigest digest;
    digest.hash = std::make_shared<Sha256>();
    const auto read = Sha256Digest::addFile(*digest.hash, path);
    if (read)
        digest.size = read.value();
    else
        digest.error = read.error().message;
    return digest;
}

/// "bytes FIRST-LAST/TOTAL", "bytes FIRST-LAST/*" or "bytes */TOTAL"; -1 for what is absent.
struct ContentRange
{
    qint64 first = -1;
    qint64 last = -1;
    qint64 total = -1;
    bool valid = false;
};

ContentRange parseContentRange(const QByteArray &value)
{
    ContentRange range;
    const QByteArray trimmed = value.trimmed();
    if (!trimmed.startsWith("bytes "))
        return range;
    const QByteArray spec = trimmed.mid(6).trimmed();
    const qsizetype slash = spec.indexOf('/');
    if (slash < 0)
        return range;
    const QByteArray span = spec.left(slash);
    const QByteArray total = spec.mid(slash + 1);
    bool ok = true;
    if (total != "*") {
        range.total = total.toLongLong(&ok);
        if (!ok || range.total < 0)
            return range;
    }
    if (span == "*") {
        range.valid = range.total >= 0;
        return range;
    }
    const qsizetype dash = span.indexOf('-');
    if (dash <= 0)
        return range;
    bool firstOk = false;
    bool lastOk = false;
    range.first = span.left(dash).toLongLong(&firstOk);
    range.last = span.mid(dash + 1).toLongLong(&lastOk);
    range.valid = firstOk && lastOk && range.first >= 0 && range.last >= range.first &&
                  (range.total < 0 || range.last < range.total);
    return range;
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0);
}

} // namespace

ModelDownloader::ModelDownloader(QObject *parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this)), m_buffer(ChunkSize, Qt::Uninitialized)
{
    m_stallTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &ModelDownloader::onStalled);
    connect(&m_retryTimer, &QTimer::timeout, this, &ModelDownloader::beginAttempt);
}

ModelDownloader::~ModelDownloader()
{
    // No signals from here on: the reply is aborted quietly and the .part stays for a later resume.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ModelDownloader::setMaxRetries(int retries)
{
    m_maxRetries = qMax(0, retries);
}

int ModelDownloader::maxRetries() const
{
    return m_maxRetries;
}

void ModelDownloader::setRetryDelay(std::chrono::milliseconds delay)
{
    m_retryDelay = qMax(std::chrono::milliseconds(0), delay);
}

std::chrono::milliseconds ModelDownloader::retryDelay() const
{
    return m_retryDelay;
}

void ModelDownloader::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = qMax(std::chrono::milliseconds(1), timeout);
}

std::chrono::milliseconds ModelDownloader::transferTimeout() const
{
    return m_transferTimeout;
}

void ModelDownloader::setMaxSize(qint64 bytes)
{
    m_maxSize = qMax<qint64>(0, bytes);
}

qint64 ModelDownloader::maxSize() const
{
    return m_maxSize;
}

bool ModelDownloader::isRunning() const
{
    return m_running;
}

QString ModelDownloader::partPath(const QString &destinationPath)
{
    return destinationPath + QStringLiteral(".part");
}

bool ModelDownloader::isAllowedUrl(const QUrl &url)
{
    return HttpClient::isAllowedUrl(url); // one rule for every download: https, or http to loopback
}

void ModelDownloader::start(const QUrl &url, const QString &destinationPath,
                            const QString &expectedSha256Prefix)
{
    if (m_running) {
        qCWarning(lcDownload) << "start() ignored: a download is already running";
        return;
    }
    m_running = true;
    const quint64 generation = ++m_generation;
    m_url = url;
    m_currentUrl = url;
    m_destination = destinationPath;
    m_partPath = partPath(destinationPath);
    m_expectedPrefix = expectedSha256Prefix;
    m_hash = std::make_shared<Sha256>();
    m_written = 0;
    m_total = -1;
    m_retriesUsed = 0;
    m_partFromEarlierRun = false;
    m_restartedFromScratch = false;

    if (!isAllowedUrl(url)) {
        failLater(Error::make(ErrorCode::InvalidArgument,
                              tr("Refusing to download %1: only https addresses are allowed "
                                 "(plain http only to this computer).")
                                  .arg(displayUrl())));
        return;
    }
    if (destinationPath.isEmpty() || QFileInfo(destinationPath).isDir()) {
        failLater(Error::make(ErrorCode::InvalidArgument,
                              tr("“%1” is not a file name to download to.").arg(destinationPath)));
        return;
    }
    if (!Sha256Digest::isValidPrefix(expectedSha256Prefix)) {
        failLater(
            Error::make(ErrorCode::InvalidArgument,
                        tr("“%1” is not a SHA-256 digest or the start of one.").arg(expectedSha256Prefix)));
        return;
    }
    const QString directory = QFileInfo(destinationPath).absolutePath();
    if (!QDir().mkpath(directory)) {
        failLater(Error::make(ErrorCode::Io, tr("Cannot create the folder %1.").arg(directory)));
        return;
    }

    const QFileInfo part(m_partPath);
    if (part.exists() && part.size() > 0 && part.size() <= m_maxSize) {
        // The part must be hashed before resuming; it may be large, so not on this thread.
        qCInfo(lcDownload) << "resuming" << m_partPath << "from byte" << part.size();
        QtConcurrent::run(&hashExistingPart, m_partPath)
            .then(this, [this, generation](const PartDigest &digest) {
                if (generation != m_generation)
                    return; // cancelled meanwhile
                if (!digest.error.isEmpty()) {
                    fail(Error::make(ErrorCode::Io, digest.error), false);
                    return;
                }
                m_hash = digest.hash;
                m_written = digest.size;
                m_partFromEarlierRun = true;
                beginAttempt();
            });
        return;
    }
    if (part.exists() && !QFile::remove(m_partPath)) {
        failLater(Error::make(ErrorCode::Io, tr("Cannot remove the stale file %1.").arg(m_partPath)));
        return;
    }
    beginAttempt();
}

void ModelDownloader::cancel()
{
    if (!m_running)
        return;
    qCInfo(lcDownload) << "cancelled" << displayUrl() << "at byte" << m_written;
    fail(Error::make(ErrorCode::Cancelled, tr("The download of %1 was cancelled.").arg(displayUrl())), false);
}

void ModelDownloader::beginAttempt()
{
    m_headersHandled = false;
    m_discardBody = false;
    m_attemptReceived = 0;
    m_total = -1;
    m_currentUrl = m_url;

    QNetworkRequest request(m_url);
    // Redirects are checked in onRedirected(): never to a less safe scheme, never to plain http
    // outside loopback (NoLessSafeRedirectPolicy alone would let a loopback http mirror do that).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxRedirects);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("TagLens/" TAGLENS_VERSION));
    // Byte ranges must count bytes of the file itself, not of a compressed transfer.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (m_written > 0)
        request.setRawHeader("Range", QByteArray("bytes=" + QByteArray::number(m_written) + '-'));

    qCDebug(lcDownload) << "GET" << displayUrl() << "from byte" << m_written;
    m_reply = m_manager->get(request);
    m_reply->setReadBufferSize(ReplyBufferSize);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] { m_stallTimer.start(); });
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelDownloader::onReplyFinished);
    connect(m_reply, &QNetworkReply::redirected, this, &ModelDownloader::onRedirected);
    m_stallTimer.start(m_transferTimeout);
}

ModelDownloader::HeaderOutcome ModelDownloader::handleResponseHeaders()
{
    m_headersHandled = true;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QVariant lengthHeader = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 contentLength = lengthHeader.isValid() ? lengthHeader.toLongLong() : -1;
    QIODevice::OpenMode openMode;

    if (status == 206) {
        const ContentRange range = parseContentRange(m_reply->rawHeader("Content-Range"));
        if (!range.valid || range.first != m_written) {
            qCWarning(lcDownload) << "unusable Content-Range" << m_reply->rawHeader("Content-Range")
                                  << "for a resume at byte" << m_written;
            endAttempt();
            if (!m_restartedFromScratch) {
                restartFromScratch("the server resumed at another offset");
            } else {
                fail(Error::make(ErrorCode::Network,
                                 tr("Could not download %1: the server sent an unusable byte range.")
                                     .arg(displayUrl())),
                     true);
            }
            return HeaderOutcome::AttemptEnded;
        }
        if (range.total >= 0)
            m_total = range.total;
        else if (contentLength >= 0)
            m_total = m_written + contentLength;
        openMode = QIODevice::WriteOnly | QIODevice::Append;
    } else if (status == 200) {
        if (m_written > 0) {
            qCInfo(lcDownload) << "the server ignored the Range header; starting" << m_partPath << "over";
            m_hash->reset();
            m_written = 0;
            m_partFromEarlierRun = false;
        }
        m_total = contentLength;
        openMode = QIODevice::WriteOnly | QIODevice::Truncate;
    } else {
        // An error page or a 416: judged in onReplyFinished(), never written to the part.
        m_discardBody = true;
        return HeaderOutcome::DiscardBody;
    }

    if (m_total > m_maxSize) {
        fail(Error::make(ErrorCode::TooLarge,
                         tr("Could not download %1: it is %2 bytes, more than the limit of %3.")
                             .arg(displayUrl(), QString::number(m_total), QString::number(m_maxSize))),
             true);
        return HeaderOutcome::AttemptEnded;
    }
    m_file.setFileName(m_partPath);
    if (!m_file.open(openMode)) {
        fail(Error::make(ErrorCode::Io, tr("Cannot write %1: %2").arg(m_partPath, m_file.errorString())),
             false);
        return HeaderOutcome::AttemptEnded;
    }
    return HeaderOutcome::AcceptBody;
}

bool ModelDownloader::drainBody()
{
    while (m_reply->bytesAvailable() > 0) {
        const qint64 n = m_reply->read(m_buffer.data(), m_buffer.size());
        if (n <= 0)
            break;
        if (m_discardBody)
            continue;
        if (m_written + n > m_maxSize) {
            fail(Error::make(ErrorCode::TooLarge,
                             tr("Could not download %1: the server sent more than the limit of "
                                "%2 bytes.")
                                 .arg(displayUrl(), QString::number(m_maxSize))),
                 true);
            return false;
        }
        if (m_file.write(m_buffer.constData(), n) != n) {
            fail(Error::make(ErrorCode::Io, tr("Cannot write %1: %2").arg(m_partPath, m_file.errorString())),
                 false);
            return false;
        }
        m_hash->addData(QByteArrayView(m_buffer.constData(), n));
        m_written += n;
        m_attemptReceived += n;
    }
    return true;
}

void ModelDownloader::onReadyRead()
{
    m_stallTimer.start();
    if (!m_headersHandled && handleResponseHeaders() == HeaderOutcome::AttemptEnded)
        return;
    if (!drainBody() || m_discardBody)
        return;
    // Last statement: a receiver may cancel() or even start() again from here.
    Q_EMIT progress(m_written, m_total);
}

void ModelDownloader::onReplyFinished()
{
    m_stallTimer.stop();
    if (!m_headersHandled && handleResponseHeaders() == HeaderOutcome::AttemptEnded)
        return;
    if (!drainBody())
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QNetworkReply::NetworkError error = m_reply->error();
    const QString errorString = m_reply->errorString();
    const QByteArray contentRange = m_reply->rawHeader("Content-Range");
    endAttempt();

    if (status == 416) {
        handleRangeNotSatisfiable(contentRange);
        return;
    }
    if (error == QNetworkReply::InsecureRedirectError || error == QNetworkReply::TooManyRedirectsError) {
        fail(Error::make(ErrorCode::Network, tr("Could not download %1: %2.").arg(displayUrl(), errorString)),
             false);
        return;
    }
    if (status != 0 && status != 200 && status != 206) {
        fail(Error::make(ErrorCode::Network, tr("Could not download %1: the server answered HTTP %2 %3.")
                                                 .arg(displayUrl(), QString::number(status), reason)
                                                 .trimmed()),
             false);
        return;
    }
    if (error != QNetworkReply::NoError) {
        handleTransportFailure(errorString);
        return;
    }
    if (status == 0) {
        fail(
            Error::make(ErrorCode::Network, tr("Could not download %1: no HTTP response.").arg(displayUrl())),
            false);
        return;
    }
    if (m_total >= 0 && m_written < m_total) {
        handleTransportFailure(tr("the connection closed after %1 of %2 bytes")
                                   .arg(QString::number(m_written), QString::number(m_total)));
        return;
    }
    verifyAndInstall();
}

void ModelDownloader::onRedirected(const QUrl &target)
{
    const QUrl next = m_currentUrl.resolved(target);
    const bool downgrade = m_currentUrl.scheme() == u"https" && next.scheme() != u"https";
    if (downgrade || !isAllowedUrl(next)) {
        qCWarning(lcDownload) << "refusing a redirect from" << m_currentUrl << "to" << next;
        fail(Error::make(ErrorCode::Network,
                         tr("Could not download %1: refused a redirect to %2, which is not a "
                            "secure address.")
                             .arg(displayUrl(), next.toDisplayString(QUrl::RemoveUserInfo))),
             false);
        return;
    }
    qCDebug(lcDownload) << "redirected to" << next;
    m_currentUrl = next;
    Q_EMIT m_reply->redirectAllowed();
}

void ModelDownloader::onStalled()
{
    qCWarning(lcDownload) << "no data for" << m_transferTimeout.count() << "ms from" << displayUrl();
    endAttempt();
    handleTransportFailure(tr("no data arrived for %1 s").arg(seconds(m_transferTimeout)));
}

void ModelDownloader::handleRangeNotSatisfiable(const QByteArray &contentRange)
{
    // The part already covers the whole file (an earlier run stopped before the rename), or the
    // file on the server changed. Keep the part only if it is verifiably the complete file.
    const ContentRange range = parseContentRange(contentRange);
    const bool sizeMatches = range.total < 0 || range.total == m_written;
    const bool verifiable = !m_expectedPrefix.isEmpty() || range.total >= 0;
    if (m_written > 0 && sizeMatches && verifiable &&
        Sha256Digest::matchesPrefix(m_hash->result().toHex(), m_expectedPrefix)) {
        qCInfo(lcDownload) << m_partPath << "is already complete";
        m_total = m_written;
        verifyAndInstall();
        return;
    }
    if (m_written > 0 && !m_restartedFromScratch) {
        restartFromScratch("the server cannot resume the partial file");
        return;
    }
    fail(Error::make(ErrorCode::Network, tr("Could not download %1: the server answered HTTP 416 (range not "
                                            "satisfiable).")
                                             .arg(displayUrl())),
         true);
}

void ModelDownloader::handleTransportFailure(const QString &reason)
{
    // Retry only after progress: a cut connection is worth resuming, a dead server is not.
    if (m_attemptReceived > 0 && m_retriesUsed < m_maxRetries) {
        ++m_retriesUsed;
        qCWarning(lcDownload).nospace()
            << "transfer of " << displayUrl() << " failed (" << reason << "); resuming at byte " << m_written
            << ", retry " << m_retriesUsed << " of " << m_maxRetries;
        m_retryTimer.start(m_retryDelay);
        return;
    }
    fail(Error::make(ErrorCode::Network, tr("Could not download %1: %2.").arg(displayUrl(), reason)), false);
}

void ModelDownloader::verifyAndInstall()
{
    const QByteArray digest = m_hash->result().toHex();
    if (QFileInfo(m_partPath).size() != m_written) {
        fail(Error::make(ErrorCode::Io, tr("%1 was not written completely.").arg(m_partPath)), true);
        return;
    }
    if (!Sha256Digest::matchesPrefix(digest, m_expectedPrefix)) {
        if (m_partFromEarlierRun && !m_restartedFromScratch) {
            // The earlier part may belong to another version of the file.
            restartFromScratch("the resumed file does not match its checksum");
            return;
        }
        fail(Error::make(ErrorCode::Checksum,
                         tr("The file downloaded from %1 is not the expected one: its SHA-256 "
                            "is %2, expected one that begins with %3.")
                             .arg(displayUrl(), QString::fromLatin1(digest), m_expectedPrefix.toLower())),
             true);
        return;
    }
    // rename(2) replaces the destination atomically: readers see the old file or the new one.
    std::error_code ec;
    std::filesystem::rename(QFile(m_partPath).filesystemFileName(), QFile(m_destination).filesystemFileName(),
                            ec);
    if (ec) {
        fail(Error::make(ErrorCode::Io,
                         tr("Cannot move %1 to %2: %3")
                             .arg(m_partPath, m_destination, QString::fromStdString(ec.message()))),
             false);
        return;
    }
    qCInfo(lcDownload) << "installed" << m_destination << "sha256" << digest;
    succeed();
}

void ModelDownloader::restartFromScratch(const char *why)
{
    qCWarning(lcDownload) << why << "- downloading" << displayUrl() << "from the start";
    m_restartedFromScratch = true;
    m_partFromEarlierRun = false;
    QFile::remove(m_partPath);
    m_hash->reset();
    m_written = 0;
    beginAttempt();
}

void ModelDownloader::endAttempt()
{
    m_stallTimer.stop();
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (m_file.isOpen())
        m_file.close();
}

void ModelDownloader::failLater(const Error &error)
{
    // Argument errors arrive like every other outcome: asynchronously, through finished().
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation, error] {
            if (generation == m_generation && m_running)
                finish(error);
        },
        Qt::QueuedConnection);
}

void ModelDownloader::fail(const Error &error, bool removePart)
{
    endAttempt();
    const QFileInfo part(m_partPath);
    if (removePart || (part.exists() && part.size() == 0))
        QFile::remove(m_partPath);
    if (error.code != ErrorCode::Cancelled)
        qCWarning(lcDownload) << error.message;
    finish(error);
}

void ModelDownloader::succeed()
{
    finish(m_destination);
}

void ModelDownloader::finish(const Expected<QString> &result)
{
    m_retryTimer.stop();
    m_stallTimer.stop();
    m_running = false;
    ++m_generation;
    Q_EMIT finished(result);
}

QString ModelDownloader::displayUrl() const
{
    return m_url.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace taglens::engine
