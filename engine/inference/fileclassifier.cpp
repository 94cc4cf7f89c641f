// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileclassifier.h"

#include "../imaging/imagedecoder.h"
#include "classifierworker.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcFiles, "taglens.engine.fileclassifier")

namespace taglens::engine {

namespace {

struct Prepared
{
    Expected<PreparedInput> input = Error{};
    QSize size;
};

} // namespace

FileClassifier::FileClassifier(ClassifierWorker *worker, QObject *parent) : QObject(parent), m_worker(worker)
{
    qRegisterMetaType<FileClassification>();
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    connect(m_worker, &ClassifierWorker::classified, this, [this](qint64 id, const Classification &c) {
        if ((id >> 32) != m_runId)
            return;
        const int index = int(id & 0xffffffff);
        FileClassification r;
        r.file = m_files.value(index);
        r.ok = true;
        r.size = m_sizes.value(index);
        r.classification = c;
        complete(index, r);
    });
    connect(m_worker, &ClassifierWorker::failed, this, [this](qint64 id, const Error &e) {
        if ((id >> 32) != m_runId)
            return;
        const int index = int(id & 0xffffffff);
        complete(index, FileClassification{m_files.value(index), false, e, m_sizes.value(index), {}});
    });
}

FileClassifier::~FileClassifier()
{
    cancel();
    m_pool.waitForDone();
}

void FileClassifier::setDecodeThreads(int threads)
{
    m_pool.setMaxThreadCount(qMax(1, threads));
}

void FileClassifier::start(const QStringList &files)
{
    m_runId = ClassifierWorker::newClientId();
    m_files = files;
    m_sizes = QList<QSize>(files.size());
    m_done = QList<bool>(files.size(), false);
    m_next = 0;
    m_inFlight = 0;
    m_completed = 0;
    m_cancelled = false;
    m_running = true;
    if (files.isEmpty()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    launchMore();
}

void FileClassifier::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_worker->cancel();
    // Files never started end as cancelled right away; those in flight report when they return.
    while (m_next < m_files.size()) {
        const int index = m_next++;
        complete(index,
                 FileClassification{
                     m_files[index], false, Error::make(ErrorCode::Cancelled, tr("Cancelled.")), {}, {}},
                 false);
    }
}

void FileClassifier::launchMore()
{
    // Enough in flight to keep the decoders and the model busy, few enough to bound memory.
    const int limit = m_worker->batchSize() * 2 + m_pool.maxThreadCount();
    while (!m_cancelled && m_next < m_files.size() && m_inFlight < limit) {
        const int index = m_next++;
        ++m_inFlight;
        const QString file = m_files[index];
        ClassifierWorker *worker = m_worker;
        QtConcurrent::run(&m_pool, [file, worker] {
            Prepared p;
            auto decoded = ImageDecoder::decodeFile(file);
            if (!decoded) {
                p.input = decoded.error();
                return p;
            }
            p.size = decoded->image.size();
            p.input = worker->prepare(decoded->image);
            return p;
        }).then(this, [this, index](const Prepared &p) {
            m_sizes[index] = p.size;
            if (m_cancelled) {
                complete(index, FileClassification{m_files[index],
                                                   false,
                                                   Error::make(ErrorCode::Cancelled, tr("Cancelled.")),
                                                   p.size,
                                                   {}});
            } else if (!p.input) {
                complete(index, FileClassification{m_files[index], false, p.input.error(), p.size, {}});
            } else {
                m_worker->submit(idFor(index), *p.input);
            }
        });
    }
}

void FileClassifier::complete(int index, const FileClassification &result, bool wasInFlight)
{
    if (index < 0 || index >= m_done.size() || m_done[index])
        return;
    m_done[index] = true;
    if (wasInFlight)
        --m_inFlight;
    ++m_completed;
    Q_EMIT resultReady(index, result);
    Q_EMIT progress(m_completed, int(m_files.size()));
    if (m_completed == m_files.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    launchMore();
}

} // namespace taglens::engine
