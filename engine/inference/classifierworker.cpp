// SPDX-License-Identifier: GPL-3.0-or-later
#include "classifierworker.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QMutexLocker>
#include <QTimer>
#include <chrono>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcWorker, "taglens.engine.classifier")

namespace taglens::engine {

namespace {
/// How long the queue stays empty before the memory the model's batches used goes back to the
/// system (glibc keeps freed activations in its heap: hundreds of MiB after a harvest).
constexpr std::chrono::seconds kReleaseMemoryAfter{5};
#ifdef Q_OS_LINUX
/// Niceness of the model's threads (0 = like everything else, 19 = only idle time).
constexpr int kModelNiceness = 5;
#endif
} // namespace

ClassifierWorker::ClassifierWorker(std::unique_ptr<ImageClassifier> classifier, QObject *parent)
    : QObject(parent), m_classifier(std::move(classifier))
{
    qRegisterMetaType<Classification>();
    qRegisterMetaType<Error>();
    m_thread.setObjectName(QStringLiteral("taglens-classifier"));
    m_threadContext.moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(&m_threadContext, [this] {
        m_releaseTimer = new QTimer(&m_threadContext);
        m_releaseTimer->setSingleShot(true);
        m_releaseTimer->setInterval(kReleaseMemoryAfter);
        connect(m_releaseTimer, &QTimer::timeout, &m_threadContext, [this] { releaseMemory(); });
    });
#ifdef Q_OS_LINUX
    // The model takes every core it is given. It runs a little below the threads that feed it
    // (downloads, decoding) and the GUI's, so that they are never starved behind a batch: the
    // model still gets all the time they leave. Linux nice values are per thread, and the
    // OpenMP threads this thread starts inherit it.
    QMetaObject::invokeMethod(&m_threadContext, [] {
        if (setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), kModelNiceness) != 0)
            qCDebug(lcWorker) << "cannot lower the model thread's priority";
    });
#endif
}

ClassifierWorker::~ClassifierWorker()
{
    cancel();
    // The timer belongs to the worker thread: it is stopped and deleted there.
    QMetaObject::invokeMethod(
        &m_threadContext,
        [this] {
            delete m_releaseTimer;
            m_releaseTimer = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

const ModelInfo &ClassifierWorker::modelInfo() const
{
    return m_classifier->info();
}

qint64 ClassifierWorker::newClientId()
{
    static std::atomic<qint64> next{1};
    return next++;
}

void ClassifierWorker::setBatchSize(int batchSize)
{
    m_batchSize = qBound(1, batchSize, 256);
}

int ClassifierWorker::batchSize() const
{
    return m_batchSize;
}

void ClassifierWorker::setTopK(int topK)
{
    m_topK = qMax(1, topK);
}

void ClassifierWorker::submit(qint64 id, const PreparedInput &input)
{
    QMutexLocker lock(&m_mutex);
    m_queue.append(Item{id, input});
    if (m_scheduled)
        return;
    m_scheduled = true;
    lock.unlock();
    QMetaObject::invokeMethod(
        &m_threadContext, [this] { processQueue(); }, Qt::QueuedConnection);
}

void ClassifierWorker::cancel()
{
    QList<Item> dropped;
    {
        QMutexLocker lock(&m_mutex);
        dropped.swap(m_queue);
        ++m_generation;
        m_pendingDropped.wakeAll();
    }
    // Every submitted item ends with exactly one signal, dropped ones included.
    for (const Item &item : std::as_const(dropped))
        Q_EMIT failed(item.id, Error::make(ErrorCode::Cancelled, tr("Classification was cancelled.")));
}

int ClassifierWorker::pending() const
{
    QMutexLocker lock(&m_mutex);
    return pendingLocked();
}

int ClassifierWorker::pendingLocked() const
{
    return int(m_queue.size()) + m_running;
}

int ClassifierWorker::threadCount() const
{
    return m_classifier->threadCount();
}

bool ClassifierWorker::waitUntilPendingBelow(int count, QDeadlineTimer deadline) const
{
    QMutexLocker lock(&m_mutex);
    while (pendingLocked() >= count) {
        if (!m_pendingDropped.wait(&m_mutex, deadline))
            return pendingLocked() < count;
    }
    return true;
}

void ClassifierWorker::processQueue()
{
    while (true) {
        QList<Item> batch;
        quint64 generation;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.isEmpty()) {
                m_scheduled = false;
                break;
            }
            const qsizetype n = qMin<qsizetype>(m_queue.size(), m_batchSize.load());
            batch = m_queue.mid(0, n);
            m_queue.remove(0, n);
            m_running = int(n);
            generation = m_generation;
        }

        QList<PreparedInput> inputs;
        inputs.reserve(batch.size());
        for (const Item &item : std::as_const(batch))
            inputs.append(item.input);
        auto results = m_classifier->classify(inputs, m_topK);
        if (results && results->size() != batch.size())
            results = Error::make(
                ErrorCode::Internal,
                tr("The model returned %1 results for %2 images.").arg(results->size()).arg(batch.size()));

        {
            QMutexLocker lock(&m_mutex);
            m_running = 0;
            m_pendingDropped.wakeAll();
        }
        const bool cancelled = generation != m_generation;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (cancelled) {
                Q_EMIT failed(batch[i].id,
                              Error::make(ErrorCode::Cancelled, tr("Classification was cancelled.")));
            } else if (!results) {
                Q_EMIT failed(batch[i].id, results.error());
            } else {
                Q_EMIT classified(batch[i].id, results.value().at(i));
            }
        }
        if (!results)
            qCWarning(lcWorker) << "batch failed:" << results.error().message;
    }
    if (m_releaseTimer)
        m_releaseTimer->start();
    Q_EMIT idle();
}

void ClassifierWorker::releaseMemory() const
{
    if (pending() > 0)
        return;
#ifdef __GLIBC__
    const bool released = malloc_trim(0) != 0;
    qCDebug(lcWorker) << "idle for" << kReleaseMemoryAfter.count()
                      << "s; memory returned to the system:" << released;
#endif
}

} // namespace taglens::engine
