// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace taglens::engine {

class Sha256;

/// Downloads one large file (model weights) to disk, resumably, and verifies its SHA-256.
///
/// Bytes are streamed into `<destination>.part` and hashed as they arrive; only a verified file
/// is renamed to the destination. An existing `.part` is resumed with an HTTP Range request, and
/// a connection that is cut after some progress is retried with resume up to maxRetries() times.
/// Only https URLs are accepted, plus http to loopback hosts (for tests and local mirrors).
///
/// Lives on the thread that created it; every outcome arrives once through finished().
class ModelDownloader : public QObject
{
    Q_OBJECT

public:
    explicit ModelDownloader(QObject *parent = nullptr);
    ~ModelDownloader() override;

    /// Automatic resumes after a connection is cut mid-way (default 3). A retry happens only when
    /// the failed attempt received some bytes, so a dead server fails fast.
    void setMaxRetries(int retries);
    int maxRetries() const;

    /// Pause before each automatic retry (default 1 s).
    void setRetryDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds retryDelay() const;

    /// How long a transfer may go without receiving anything before it counts as cut (default 60 s).
    void setTransferTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds transferTimeout() const;

    /// Largest file accepted, resumed part included (default 1 GiB). A larger announced size or
    /// more bytes than this fail with ErrorCode::TooLarge, and the partial file is removed.
    void setMaxSize(qint64 bytes);
    qint64 maxSize() const;

    /// Whether a download is in progress (between start() and finished()).
    bool isRunning() const;

    /// Starts downloading \a url to \a destinationPath. \a expectedSha256Prefix is the start of the
    /// expected hex SHA-256 digest (any length up to all 64 digits, any case); empty means no check.
    /// A missing destination directory is created. Errors in the arguments (a plain-http URL to a
    /// host that is not loopback, a prefix that is not hex) arrive through finished() as
    /// ErrorCode::InvalidArgument without any network traffic. Does nothing while isRunning().
    void start(const QUrl &url, const QString &destinationPath, const QString &expectedSha256Prefix);

    /// Stops the download. finished() is emitted before this returns, with ErrorCode::Cancelled;
    /// the `.part` file is kept so that the next start() resumes it.
    void cancel();

    /// The partial file used while downloading to \a destinationPath.
    static QString partPath(const QString &destinationPath);

    /// True for https URLs and for http URLs whose host is loopback (127.0.0.0/8, ::1, localhost).
    static bool isAllowedUrl(const QUrl &url);

Q_SIGNALS:
    /// Bytes on disk so far (a resumed part included) and the full size, -1 when unknown.
    void progress(qint64 received, qint64 total);
    /// The final path, or an Error: Network (with the URL and the HTTP status), Checksum (nothing
    /// is left on disk), TooLarge, Io, Cancelled or InvalidArgument.
    void finished(const taglens::engine::Expected<QString> &result);

private:
    enum class HeaderOutcome
    {
        AcceptBody,
        DiscardBody,
        AttemptEnded
    };

    void beginAttempt();
    HeaderOutcome handleResponseHeaders();
    bool drainBody();
    void onReadyRead();
    void onReplyFinished();
    void onRedirected(const QUrl &target);
    void onStalled();
    void handleRangeNotSatisfiable(const QByteArray &contentRange);
    void handleTransportFailure(const QString &reason);
    void verifyAndInstall();
    void restartFromScratch(const char *why);
    void endAttempt();
    void failLater(const Error &error);
    void fail(const Error &error, bool removePart);
    void succeed();
    void finish(const Expected<QString> &result);
    QString displayUrl() const;

    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QFile m_file;
    std::shared_ptr<Sha256> m_hash; // shared: the part is hashed on a pool thread
    QByteArray m_buffer;
    QTimer m_stallTimer;
    QTimer m_retryTimer;

    int m_maxRetries = 3;
    std::chrono::milliseconds m_retryDelay{1000};
    std::chrono::milliseconds m_transferTimeout{60000};
    qint64 m_maxSize = qint64(1) << 30;

    QUrl m_url;
    QUrl m_currentUrl; // m_url, or where it redirected to
    QString m_destination;
    QString m_partPath;
    QString m_expectedPrefix;
    bool m_running = false;
    quint64 m_generation = 0;     // bumped by start() and cancel(), so stale callbacks drop out
    qint64 m_written = 0;         // bytes in the .part file (and in m_hash)
    qint64 m_total = -1;          // full size, when the server told us
    qint64 m_attemptReceived = 0; // body bytes written by the current attempt
    int m_retriesUsed = 0;
    bool m_partFromEarlierRun = false; // the .part predates this start(): it may be stale
    bool m_restartedFromScratch = false;
    bool m_headersHandled = false;
    bool m_discardBody = false;
};

} // namespace taglens::engine
