// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace taglens::engine {

class ModelDownloader;

/// A ModelDownloader on a thread of its own, for a window: the transfer, the hashing and the
/// file writes never run on the caller's thread. Same contract as ModelDownloader: every start()
/// ends in exactly one finished(), and cancel() reports Cancelled before it returns (what the
/// worker thread still says about a cancelled download is dropped).
class BackgroundModelDownload : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundModelDownload(QObject *parent = nullptr);
    /// Cancels a running download and waits for the thread (the `.part` file stays, to resume).
    ~BackgroundModelDownload() override;

    void start(const QUrl &url, const QString &destinationPath, const QString &expectedSha256Prefix);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const taglens::engine::Expected<QString> &result);

private:
    QThread m_thread;
    ModelDownloader *m_worker; // lives on m_thread
    bool m_running = false;
    int m_outstanding = 0; // starts whose finished() has not come back from the thread
    int m_dropped = 0;     // of those, cancelled here: their finished() is not passed on
};

} // namespace taglens::engine
