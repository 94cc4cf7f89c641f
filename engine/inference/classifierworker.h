// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "../core/expected.h"
#include "classification.h"
#include "imageclassifier.h"
#include "preparedinput.h"

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>
#include <atomic>
#include <memory>

class QTimer;

namespace taglens::engine {

/// Runs an ImageClassifier on a thread of its own. Inputs are queued with submit() from any
/// thread; they are classified in batches of up to batchSize(), and each result leaves through
/// classified() or failed() as plain values, so the GUI thread never waits on the model.
class ClassifierWorker : public QObject
{
    Q_OBJECT

public:
    explicit ClassifierWorker(std::unique_ptr<ImageClassifier> classifier, QObject *parent = nullptr);
    ~ClassifierWorker() override;

    const ModelInfo &modelInfo() const;

    /// Thread-safe: resizes and normalises \a image for this model (see ImageClassifier::prepare).
    Expected<PreparedInput> prepare(const QImage &image) const { return m_classifier->prepare(image); }

    void setBatchSize(int batchSize);
    int batchSize() const;
    void setTopK(int topK);

    /// A number no other caller gets: callers sharing a worker put it in the high 32 bits of their
    /// ids, so that each recognises its own results.
    static qint64 newClientId();

    /// Thread-safe. \a id is the caller's handle for the result.
    void submit(qint64 id, const PreparedInput &input);
    /// Thread-safe. Drops everything queued; the batch now running finishes but is reported as
    /// cancelled. Every item submitted ends with exactly one classified() or failed() signal,
    /// dropped ones with ErrorCode::Cancelled. Later submit() calls are accepted again.
    void cancel();
    /// Items queued or running.
    int pending() const;
    /// Threads the model uses in one forward pass.
    int threadCount() const;
    /// Thread-safe; blocks the calling thread until fewer than \a count items are pending or
    /// \a deadline passes, and says which. For feeders that should not compete with a batch for
    /// the cores (see HarvestPipeline::DecodeScheduling).
    bool waitUntilPendingBelow(int count, QDeadlineTimer deadline) const;

Q_SIGNALS:
    void classified(qint64 id, const taglens::engine::Classification &result);
    void failed(qint64 id, const taglens::engine::Error &error);
    /// Emitted when the queue runs empty.
    void idle();

private:
    struct Item
    {
        qint64 id = 0;
        PreparedInput input;
    };
    void processQueue();
    int pendingLocked() const; // with m_mutex held
    void releaseMemory() const;

    std::unique_ptr<ImageClassifier> m_classifier;
    QThread m_thread;
    QObject m_threadContext;          // lives on m_thread; queued work is posted to it
    QTimer *m_releaseTimer = nullptr; // lives on m_thread, a child of m_threadContext
    mutable QMutex m_mutex;
    mutable QWaitCondition m_pendingDropped; // a batch ended, or the queue was dropped
    QList<Item> m_queue;
    int m_running = 0;
    bool m_scheduled = false;
    std::atomic<int> m_batchSize{8};
    std::atomic<int> m_topK{5};
    std::atomic<quint64> m_generation{0};
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::Error)
