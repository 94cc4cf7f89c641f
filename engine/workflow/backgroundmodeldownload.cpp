// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundmodeldownload.h"

#include "engine/models/modeldownloader.h"

#include <QCoreApplication>

namespace taglens::engine {

BackgroundModelDownload::BackgroundModelDownload(QObject *parent)
    : QObject(parent), m_worker(new ModelDownloader)
{
    qRegisterMetaType<Expected<QString>>();
    m_thread.setObjectName(QStringLiteral("model-download"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ModelDownloader::progress, this, [this](qint64 received, qint64 total) {
        if (m_running && m_dropped == 0)
            Q_EMIT progress(received, total);
    });
    connect(m_worker, &ModelDownloader::finished, this, [this](const Expected<QString> &result) {
        --m_outstanding;
        if (m_dropped > 0) { // the answer to a download cancelled here, already reported
            --m_dropped;
            return;
        }
        m_running = false;
        Q_EMIT finished(result);
    });
    m_thread.start();
}

BackgroundModelDownload::~BackgroundModelDownload()
{
    disconnect(m_worker, nullptr, this, nullptr);
    // Cancelled and deleted on its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->cancel();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundModelDownload::start(const QUrl &url, const QString &destinationPath,
                                    const QString &expectedSha256Prefix)
{
    if (m_running)
        return;
    m_running = true;
    ++m_outstanding;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, url, destinationPath, expectedSha256Prefix] {
        worker->start(url, destinationPath, expectedSha256Prefix);
    });
}

void BackgroundModelDownload::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_dropped;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->cancel(); });
    Q_EMIT finished(
        Error::make(ErrorCode::Cancelled,
                    QCoreApplication::translate("BackgroundModelDownload", "The download was cancelled.")));
}

} // namespace taglens::engine
