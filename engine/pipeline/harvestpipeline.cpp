// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestpipeline.h"

#include "../inference/classifierworker.h"
#include "../net/httpclient.h"
#include "../net/httpjob.h"
#include "../sources/postsource.h"
#include "../store/projectstore.h"
#include "decodegate.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcPipeline, "taglens.engine.pipeline")

namespace taglens::engine {

namespace {

constexpr qint64 kMaxImageBytes = qint64{25} * 1024 * 1024;

QString skipReason(const MediaItem &media)
{
    if (media.type == QLatin1String("video"))
        return HarvestPipeline::tr("a video");
    if (media.type == QLatin1String("gifv"))
        return HarvestPipeline::tr("an animation (gifv)");
    if (media.type == QLatin1String("audio"))
        return HarvestPipeline::tr("audio");
    return HarvestPipeline::tr("not a still image (type \"%1\")").arg(media.type);
}

} // namespace

HarvestPipeline::HarvestPipeline(ProjectStore *store, ClassifierWorker *worker, SourceFactory factory,
                                 QObject *parent)
    : QObject(parent), m_store(store), m_worker(worker), m_factory(std::move(factory)),
      m_client(new HttpClient(this))
{
    qRegisterMetaType<HarvestProgress>();
    qRegisterMetaType<TagSummary>();
    qRegisterMetaType<HarvestOutcome>();
    m_client->setMaxBodyBytes(kMaxImageBytes);
    connect(m_worker, &ClassifierWorker::classified, this, &HarvestPipeline::onClassified);
    connect(m_worker, &ClassifierWorker::failed, this, &HarvestPipeline::onClassifyFailed);
    connect(m_client, &HttpClient::rateLimitWait, this, [this](const QString &host, const QDateTime &until) {
        Q_EMIT notice(tr("Waiting for %1's rate limit until %2.")
                          .arg(host, until.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    });
    connect(m_client, &HttpClient::retryScheduled, this, [this](const RetryNotice &notice) {
        if (!m_running || m_cancelled)
            return;
        m_retry = notice;
        emitProgress();
    });
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
}

HarvestPipeline::~HarvestPipeline()
{
    stopGate();
    m_cancelled = true;
    m_running = false;
    m_client->cancelAll();
    m_pool.waitForDone();
}

void HarvestPipeline::setMaxInFlight(int items)
{
    m_maxInFlight = qMax(1, items);
}

void HarvestPipeline::setDecodeThreads(int threads)
{
    m_pool.setMaxThreadCount(qMax(1, threads));
}

void HarvestPipeline::setDecodeScheduling(DecodeScheduling scheduling)
{
    m_scheduling = scheduling;
}

void HarvestPipeline::stopGate()
{
    if (m_gate)
        m_gate->stop();
}

void HarvestPipeline::start(const HarvestRequest &request)
{
    if (m_running)
        return;
    m_request = request;
    m_request.limitPerTag = qMax(1, request.limitPerTag);
    m_client->setMaxConcurrentPerHost(request.maxDownloadsPerHost);
    m_running = true;
    m_cancelled = false;
    m_finishing = false;
    m_summaries.clear();
    m_okThisRun = 0;
    m_clock.start();
    m_idBase = ClassifierWorker::newClientId() << 32;
    const bool betweenBatches = m_scheduling == DecodeScheduling::BetweenBatches ||
                                (m_scheduling == DecodeScheduling::Automatic &&
                                 m_worker->threadCount() >= QThread::idealThreadCount());
    stopGate(); // tasks of an earlier run still waiting give up
    m_gate = betweenBatches ? std::make_shared<DecodeGate>(m_worker->batchSize()) : nullptr;
    qCDebug(lcPipeline) << "decoding"
                        << (betweenBatches ? "between the model's batches" : "beside the model");

    const ModelInfo &model = m_worker->modelInfo();
    m_modelSha256 = model.sha256;
    HarvestRecord record;
    record.source = sourceKindName(request.source);
    record.instance = request.instance;
    record.tags = request.tags;
    QJsonObject parameters = request.parameters;
    parameters.insert(QStringLiteral("limit"), m_request.limitPerTag);
    parameters.insert(QStringLiteral("top_k"), m_request.topK);
    record.parameters = parameters;
    record.modelName = model.name;
    record.modelSha256 = model.sha256;
    record.modelTrained = model.trained;
    auto id = m_store->beginHarvest(record);
    if (!id) {
        // Report asynchronously, like every other outcome.
        const Error &error = id.error();
        QMetaObject::invokeMethod(
            this, [this, error] { fatal(error); }, Qt::QueuedConnection);
        return;
    }
    m_harvestId = *id;
    m_tagIndex = -1;
    QMetaObject::invokeMethod(this, &HarvestPipeline::startTag, Qt::QueuedConnection);
}

void HarvestPipeline::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    stopGate();
    if (m_source)
        m_source->cancel();
    m_backlog.clear();
    m_queue.clear(); // they stay `pending` in the project: the next run resumes them
    m_client->cancelAll();
    m_worker->cancel();
    dropReady();
    if (m_inFlight == 0)
        finishHarvest(HarvestEnd::Cancelled);
}

void HarvestPipeline::startTag()
{
    if (!m_running || m_cancelled)
        return;
    ++m_tagIndex;
    if (m_tagIndex >= m_request.tags.size()) {
        finishHarvest(HarvestEnd::Finished);
        return;
    }
    const QString tag = m_request.tags[m_tagIndex];
    m_summary = TagSummary{};
    m_summary.tag = tag;
    m_retry.reset();
    m_backlog.clear();
    m_queue.clear();
    m_inFlight = 0;
    auto ok = m_store->okImageCount(tag);
    if (!ok) {
        fatal(ok.error());
        return;
    }
    m_okAtStart = *ok;
    m_summary.ok = *ok;

    auto source = m_factory(tag, m_client);
    if (!source) {
        m_summary.sourceFailed = true;
        m_summary.error = source.error();
        finishTagIfDone();
        return;
    }
    m_source = std::move(*source);
    connect(m_source.get(), &PostSource::postsReady, this, [this](const QList<Post> &posts) {
        m_retry.reset();
        m_backlog.append(posts);
        pump();
    });
    connect(m_source.get(), &PostSource::exhausted, this, [this] {
        m_retry.reset();
        pump();
    });
    connect(m_source.get(), &PostSource::failed, this, [this](const Error &error) {
        m_retry.reset();
        m_summary.sourceFailed = true;
        m_summary.error = error;
        pump();
    });
    connect(m_source.get(), &PostSource::warning, this, &HarvestPipeline::notice);
    emitProgress(true);
    pump();
}

void HarvestPipeline::pump()
{
    if (!m_running || m_cancelled || m_finishing)
        return;
    const auto wanted = [this] { return m_summary.ok + m_inFlight + int(m_queue.size()) < limit(); };

    // Store fetched posts while their images are still wanted.
    while (!m_backlog.isEmpty() && wanted()) {
        if (!storePost(m_backlog.takeFirst()))
            return;
    }
    // Start work on queued items within the in-flight bound.
    while (!m_queue.isEmpty() && m_inFlight < m_maxInFlight && m_summary.ok + m_inFlight < limit())
        startItem(m_queue.takeFirst());
    // Ask for another page only when there is room for what it brings.
    if (m_source && m_backlog.isEmpty() && !m_source->atEnd() && !m_source->isFetching() &&
        int(m_queue.size()) < m_maxInFlight && wanted())
        m_source->fetchNext();
    finishTagIfDone();
    emitProgress();
}

bool HarvestPipeline::storePost(const Post &post)
{
    const QString tag = m_summary.tag;
    auto ref = m_store->addPost(post, tag);
    if (!ref) {
        if (ref.error().code == ErrorCode::InvalidArgument) {
            // A post the source should not have given us (no id): say so, keep going.
            Q_EMIT notice(tr("Ignored a post without an id: %1").arg(ref.error().message));
            return true;
        }
        fatal(ref.error());
        return false;
    }
    ++m_summary.postsSeen;
    for (qsizetype i = 0; i < ref->media.size() && i < post.media.size(); ++i) {
        const MediaRef &media = ref->media[i];
        if (media.isDone())
            continue; // an earlier run settled it (and `ok` ones are already counted)
        WorkItem item{media.id, post.media[i]};
        // A federated attachment the instance has not cached comes only with its original URL.
        if (!item.media.url.isValid() && item.media.remoteUrl.isValid())
            item.media.url = item.media.remoteUrl;
        if (!item.media.skipReason.isEmpty()) {
            settle(item, MediaStatus::Skipped, Error{ErrorCode::InvalidArgument, item.media.skipReason});
        } else if (!item.media.isClassifiable()) {
            settle(item, MediaStatus::Skipped, Error{ErrorCode::InvalidArgument, skipReason(item.media)});
        } else if (item.media.localPath.isEmpty() && !item.media.url.isValid()) {
            settle(item, MediaStatus::Skipped,
                   Error{ErrorCode::InvalidArgument, tr("the post gives no URL for it")});
        } else {
            m_queue.append(item);
        }
        if (m_finishing)
            return false;
    }
    return true;
}

void HarvestPipeline::startItem(const WorkItem &item)
{
    ++m_inFlight;
    if (!item.media.localPath.isEmpty()) {
        prepare(item, QByteArray());
        return;
    }
    HttpJob *job = m_client->get(item.media.url);
    connect(job, &HttpJob::finished, this, [this, item](const Expected<HttpResponse> &response) {
        if (m_cancelled) {
            --m_inFlight;
            finishHarvestIfIdle();
            return;
        }
        if (!response) {
            settle(item, MediaStatus::Failed, response.error());
            return;
        }
        prepare(item, response->body);
    });
}

void HarvestPipeline::prepare(const WorkItem &item, const QByteArray &bytes)
{
    const ClassifierWorker *worker = m_worker;
    const int thumbnailSize = m_request.thumbnailSize;
    const QString localPath = item.media.localPath;
    const std::shared_ptr<DecodeGate> gate = m_gate;
    auto claimed = std::make_shared<std::atomic<bool>>(false); // read back on this thread
    ++m_preparing;
    QtConcurrent::run(&m_pool, [bytes, localPath, worker, thumbnailSize, gate, claimed] {
        if (gate)
            claimed->store(gate->waitForTurn(*worker));
        return PreparedMedia::make(bytes, localPath, worker, thumbnailSize);
    }).then(this, [this, item, gate, claimed](const Expected<PreparedMedia> &prepared) {
        // A place of an earlier run's gate is that gate's business, not this run's.
        onPrepared(item, prepared, claimed->load() && gate == m_gate);
    });
}

void HarvestPipeline::onPrepared(const WorkItem &item, const Expected<PreparedMedia> &prepared, bool claimed)
{
    --m_preparing;
    const qsizetype readyBefore = m_ready.size();
    usePrepared(item, prepared);
    if (m_ready.size() > readyBefore)
        m_ready.last().claimed = claimed;
    else if (claimed && m_gate)
        m_gate->giveBack(1); // failed, already classified, or cancelled: not part of a batch
    submitReady();           // one fewer being prepared may be what a partial batch was waiting for
}

void HarvestPipeline::submitReady()
{
    if (m_ready.isEmpty() || m_cancelled)
        return;
    if (m_gate && m_ready.size() < m_worker->batchSize() && m_preparing > 0)
        return;
    int places = 0;
    for (const Ready &ready : std::as_const(m_ready)) {
        m_worker->submit(ready.id, ready.input);
        places += ready.claimed ? 1 : 0;
    }
    m_ready.clear();
    if (m_gate)
        m_gate->giveBack(places);
}

void HarvestPipeline::dropReady()
{
    const QList<Ready> ready = std::exchange(m_ready, {});
    for (const Ready &r : ready)
        onClassifyFailed(r.id, Error::make(ErrorCode::Cancelled, tr("The harvest was cancelled.")));
}

void HarvestPipeline::usePrepared(const WorkItem &item, const Expected<PreparedMedia> &prepared)
{
    if (m_cancelled) {
        --m_inFlight;
        finishHarvestIfIdle();
        return;
    }
    if (!prepared) {
        settle(item, MediaStatus::Failed, prepared.error());
        return;
    }
    const QString sha = prepared->record.sha256;
    // The same bytes under another URL: classified once, both rows point to them.
    if (m_store->hasClassification(sha, m_modelSha256)) {
        if (auto added = m_store->addImage(prepared->record); !added) {
            fatal(added.error());
            return;
        }
        if (auto marked = m_store->markOk(item.mediaId, sha); !marked) {
            fatal(marked.error());
            return;
        }
        settle(item, MediaStatus::Ok);
        return;
    }
    if (m_sameBytes.contains(sha)) {
        m_sameBytes[sha].append(item); // settled when the first one's classification arrives
        return;
    }
    m_sameBytes.insert(sha, {});
    const qint64 id = m_idBase | m_nextId++;
    ImageRecord record = prepared->record;
    m_classifying.insert(id, Classifying{item, record});
    m_ready.append(Ready{id, prepared->input});
}

void HarvestPipeline::onClassified(qint64 id, const Classification &classification)
{
    if (!m_classifying.contains(id))
        return; // another caller's result, or one from before a cancel
    const Classifying c = m_classifying.take(id);
    const QList<WorkItem> others = m_sameBytes.take(c.record.sha256);
    if (m_cancelled) {
        m_inFlight -= 1 + int(others.size());
        finishHarvestIfIdle();
        return;
    }
    // Image, predictions and statuses in one transaction: a kill leaves all of it or none.
    const QString sha = c.record.sha256;
    auto write = [&]() -> Expected<void> {
        if (auto r = m_store->transaction(); !r)
            return r;
        if (auto r = m_store->addImage(c.record); !r)
            return r;
        if (auto r = m_store->addClassification(sha, m_modelSha256, classification); !r)
            return r;
        if (auto r = m_store->markOk(c.item.mediaId, sha); !r)
            return r;
        for (const WorkItem &other : others) {
            if (auto r = m_store->markOk(other.mediaId, sha); !r)
                return r;
        }
        return m_store->commit();
    };
    if (auto written = write(); !written) {
        m_store->rollback();
        fatal(written.error());
        return;
    }
    settle(c.item, MediaStatus::Ok);
    for (const WorkItem &other : others)
        settle(other, MediaStatus::Ok);
}

void HarvestPipeline::onClassifyFailed(qint64 id, const Error &error)
{
    if (!m_classifying.contains(id))
        return;
    const Classifying c = m_classifying.take(id);
    const QList<WorkItem> others = m_sameBytes.take(c.record.sha256);
    if (m_cancelled || error.code == ErrorCode::Cancelled) {
        m_inFlight -= 1 + int(others.size());
        finishHarvestIfIdle();
        return;
    }
    settle(c.item, MediaStatus::Failed, error);
    for (const WorkItem &other : others)
        settle(other, MediaStatus::Failed, error);
}

void HarvestPipeline::settle(const WorkItem &item, MediaStatus status, const Error &error)
{
    // Items that were in flight (downloads, decodes, the model) count down; skips at storing time do not.
    const bool wasInFlight = status == MediaStatus::Ok || status == MediaStatus::Failed;
    if (wasInFlight) {
        --m_inFlight;
        m_retry.reset(); // something arrived, or a retried download gave up
    }
    if (status == MediaStatus::Skipped) {
        if (auto r = m_store->markSkipped(item.mediaId, error.message); !r) {
            fatal(r.error());
            return;
        }
        ++m_summary.skipped;
    } else if (status == MediaStatus::Failed) {
        if (auto r = m_store->markFailed(item.mediaId, error); !r) {
            fatal(r.error());
            return;
        }
        ++m_summary.failed;
    } else if (status == MediaStatus::Ok) {
        ++m_summary.ok;
        ++m_okThisRun;
    }
    Q_EMIT itemFinished(item.mediaId, m_summary.tag, status);
    if (wasInFlight)
        pump();
}

bool HarvestPipeline::finishTagIfDone()
{
    if (m_inFlight > 0 || m_finishing)
        return false;
    const bool full = m_summary.ok >= limit();
    const bool sourceDone = !m_source || m_source->atEnd();
    if (!full && !(sourceDone && m_backlog.isEmpty() && m_queue.isEmpty()))
        return false;
    // Items stored but not needed any more: accounted for, not left pending.
    const QList<WorkItem> leftover = std::exchange(m_queue, {});
    for (const WorkItem &item : leftover) {
        if (auto r = m_store->markSkipped(item.mediaId, tr("beyond the limit of %1 images").arg(limit()));
            !r) {
            fatal(r.error());
            return true;
        }
        ++m_summary.skipped;
        Q_EMIT itemFinished(item.mediaId, m_summary.tag, MediaStatus::Skipped);
    }
    m_backlog.clear();
    noteSourceEnd();
    if (m_source) {
        m_source->disconnect(this);
        m_source->cancel();
        m_source.release()->deleteLater();
    }
    m_retry.reset();
    emitProgress(true);
    m_summaries.append(m_summary);
    Q_EMIT tagFinished(m_summary);
    QMetaObject::invokeMethod(this, &HarvestPipeline::startTag, Qt::QueuedConnection);
    return true;
}

void HarvestPipeline::finishHarvestIfIdle()
{
    if (m_cancelled && m_inFlight <= 0)
        finishHarvest(HarvestEnd::Cancelled);
}

void HarvestPipeline::fatal(const Error &error)
{
    if (m_finishing)
        return;
    qCWarning(lcPipeline) << "harvest stopped:" << error.message;
    m_cancelled = true;
    if (m_source)
        m_source->cancel();
    stopGate();
    m_client->cancelAll();
    m_worker->cancel();
    m_ready.clear(); // the harvest ends here: nothing waits for their results
    finishHarvest(HarvestEnd::Failed, error);
}

void HarvestPipeline::finishHarvest(HarvestEnd end, const Error &error)
{
    if (m_finishing)
        return;
    m_finishing = true;
    noteSourceEnd();
    if (m_source) {
        m_source->disconnect(this);
        m_source->cancel();
        m_source.release()->deleteLater();
    }
    m_classifying.clear();
    m_ready.clear();
    m_sameBytes.clear();
    if (m_harvestId > 0) {
        const HarvestStatus status = end == HarvestEnd::Failed      ? HarvestStatus::Failed
                                     : end == HarvestEnd::Cancelled ? HarvestStatus::Cancelled
                                                                    : HarvestStatus::Completed;
        if (auto r = m_store->finishHarvest(m_harvestId, status); !r)
            qCWarning(lcPipeline) << "cannot record the end of the harvest:" << r.error().message;
    }
    if (end == HarvestEnd::Cancelled && m_tagIndex >= 0 && m_tagIndex < m_request.tags.size() &&
        (m_summaries.isEmpty() || m_summaries.last().tag != m_summary.tag))
        m_summaries.append(m_summary); // the interrupted tag, as far as it got
    m_running = false;
    Q_EMIT finished(
        HarvestOutcome{end, m_summaries, end == HarvestEnd::Failed ? error : Error{}, m_request.source});
}

void HarvestPipeline::noteSourceEnd()
{
    if (!m_source)
        return;
    m_summary.postsDelivered = m_source->postsDelivered();
    m_summary.sourceExhausted = m_source->state() == PostSource::State::Exhausted;
}

void HarvestPipeline::emitProgress(bool force)
{
    const qint64 now = m_clock.elapsed();
    // A retry that starts or ends is news at once: the wait is what the person watches.
    if (!force && now - m_lastProgressMs < 100 && m_retry == m_retryShown)
        return;
    m_lastProgressMs = now;
    m_retryShown = m_retry;
    HarvestProgress p;
    p.tag = m_summary.tag;
    p.tagIndex = m_tagIndex;
    p.tagCount = int(m_request.tags.size());
    p.postsSeen = m_summary.postsSeen;
    p.ok = m_summary.ok;
    p.skipped = m_summary.skipped;
    p.failed = m_summary.failed;
    p.inFlight = m_inFlight;
    p.limit = limit();
    const double seconds = double(now) / 1000.0;
    p.imagesPerSecond = seconds > 0.5 ? m_okThisRun / seconds : 0;
    p.etaSeconds = p.imagesPerSecond > 0 ? double(qMax(0, limit() - m_summary.ok)) / p.imagesPerSecond : -1;
    p.retry = m_retry;
    Q_EMIT progress(p);
}

} // namespace taglens::engine
