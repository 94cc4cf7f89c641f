// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fileclassification.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace taglens::engine {

class ClassifierWorker;

/// Classifies a list of image files: decoding and preparing run on a thread pool while the
/// worker runs the model, so the two overlap. At most a bounded number of prepared images wait
/// for the model at any time (a slow model does not let decoded images pile up in memory).
/// Every file ends with exactly one resultReady(); then finished().
class FileClassifier : public QObject
{
    Q_OBJECT

public:
    explicit FileClassifier(ClassifierWorker *worker, QObject *parent = nullptr);
    ~FileClassifier() override;

    void setDecodeThreads(int threads);
    void start(const QStringList &files);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void resultReady(int index, const taglens::engine::FileClassification &result);
    void progress(int done, int total);
    void finished();

private:
    void launchMore();
    void complete(int index, const FileClassification &result, bool wasInFlight = true);
    qint64 idFor(int index) const { return (m_runId << 32) | quint32(index); }

    ClassifierWorker *m_worker;
    QThreadPool m_pool;
    QStringList m_files;
    QList<QSize> m_sizes;
    QList<bool> m_done;
    int m_next = 0;
    int m_inFlight = 0;
    int m_completed = 0;
    qint64 m_runId = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace taglens::engine
