// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "../inference/classification.h"
#include "../sources/mediaitem.h"
#include "../sources/mediastatus.h"
#include "../sources/post.h"
#include "harvestoutcome.h"
#include "harvestprogress.h"
#include "harvestrequest.h"
#include "preparedmedia.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>

namespace taglens::engine {

class ClassifierWorker;
class DecodeGate;
class HttpClient;
class PostSource;
class ProjectStore;

/// Harvests hashtags into a project: feed pages → media queue → download → decode and prepare on
/// a thread pool → batched classification on the worker → store. Tags are harvested one after
/// the other; each ends when `limitPerTag` images are `ok` or its source is exhausted.
///
/// - Every media item of every stored post ends with exactly one status: `ok`, `skipped`
///   (not a still image, no URL, or beyond the limit) or `failed` with the reason.
/// - Back-pressure: a page is fetched only when the queue has room, and at most a bounded number
///   of items are downloading, decoding or waiting for the model, so a slow model does not let
///   downloads pile up in memory.
/// - Resumable: the store remembers what is done; running the same harvest again skips it, and
///   identical bytes are classified once (by SHA-256).
/// - cancel() stops at once; items in flight stay `pending` in the project for the next run.
/// - When the model's threads take every core, decoding runs between the model's batches rather
///   beside them (see DecodeScheduling).
///
/// Lives on the thread that owns the store (the GUI or the CLI's main thread) and does nothing
/// heavy there: no decoding, no parsing of images, no inference.
class HarvestPipeline : public QObject
{
    Q_OBJECT

public:
    /// How decoding (and the rest of preparing an image: hashing, thumbnail, resizing) shares the
    /// CPU with the model.
    enum class DecodeScheduling
    {
        /// BetweenBatches when the model's threads take every core, BesideModel otherwise.
        Automatic,
        /// Prepare images whenever there are some: right for cores the model leaves free.
        BesideModel,
        /// Prepare images only while the model has no full batch running or waiting, and hand
        /// them over a batch at a time (see DecodeGate). On cores the model fills, decoding
        /// beside it preempts one of its threads while all the others wait for that one at the
        /// next barrier; between batches decoding has every core and costs only its own time.
        BetweenBatches,
    };

    /// Makes the source for one tag; the client is the pipeline's, for network sources.
    using SourceFactory =
        std::function<Expected<std::unique_ptr<PostSource>>(const QString &tag, HttpClient *client)>;

    HarvestPipeline(ProjectStore *store, ClassifierWorker *worker, SourceFactory factory,
                    QObject *parent = nullptr);
    ~HarvestPipeline() override;

    /// The client every download goes through (for tests and settings: timeouts, retries).
    HttpClient *httpClient() const { return m_client; }
    /// Items downloading, decoding or classifying at once (default 24).
    void setMaxInFlight(int items);
    void setDecodeThreads(int threads);
    /// Takes effect at the next start().
    void setDecodeScheduling(DecodeScheduling scheduling);

    void start(const HarvestRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(const taglens::engine::HarvestProgress &progress);
    /// One media item reached its final status in this run.
    void itemFinished(qint64 mediaId, const QString &tag, taglens::engine::MediaStatus status);
    /// Something a person should know while it runs: rate-limit waits, source warnings.
    void notice(const QString &message);
    void tagFinished(const taglens::engine::TagSummary &summary);
    /// The end: finished, stopped, or failed because the project could not be written.
    void finished(const taglens::engine::HarvestOutcome &outcome);

private:
    struct WorkItem
    {
        qint64 mediaId = 0;
        MediaItem media;
    };

    void startTag();
    void pump();
    bool storePost(const Post &post);
    void startItem(const WorkItem &item);
    void prepare(const WorkItem &item, const QByteArray &bytes);
    void onPrepared(const WorkItem &item, const Expected<PreparedMedia> &prepared, bool claimed);
    void usePrepared(const WorkItem &item, const Expected<PreparedMedia> &prepared);
    /// Hands prepared images to the model: at once when decoding runs beside it, else a full
    /// batch at a time, or what there is when nothing else is being prepared.
    void submitReady();
    /// Ends the images prepared but not handed to the model yet as cancelled.
    void dropReady();
    void onClassified(qint64 id, const Classification &classification);
    void onClassifyFailed(qint64 id, const Error &error);
    void settle(const WorkItem &item, MediaStatus status, const Error &error = {});
    bool finishTagIfDone();
    void finishHarvest(HarvestEnd end, const Error &error = {});
    void finishHarvestIfIdle();
    /// Copies what the tag's source knows about its end into the summary.
    void noteSourceEnd();
    void fatal(const Error &error);
    void emitProgress(bool force = false);
    int limit() const { return m_request.limitPerTag; }

    ProjectStore *m_store;
    ClassifierWorker *m_worker;
    SourceFactory m_factory;
    HttpClient *m_client;
    QThreadPool m_pool;
    int m_maxInFlight = 24;
    DecodeScheduling m_scheduling = DecodeScheduling::Automatic;
    /// Where decoding tasks wait for their turn between batches: this run's, null when decoding
    /// runs beside the model. Shared with the tasks, which may outlive a run.
    std::shared_ptr<DecodeGate> m_gate;
    void stopGate();

    HarvestRequest m_request;
    qint64 m_harvestId = 0;
    QString m_modelSha256;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_finishing = false;
    QList<TagSummary> m_summaries;

    // The tag being harvested.
    int m_tagIndex = -1;
    std::unique_ptr<PostSource> m_source;
    QList<Post> m_backlog;   // fetched, not stored yet
    QList<WorkItem> m_queue; // stored and pending, waiting for a download slot
    int m_inFlight = 0;
    TagSummary m_summary;
    int m_okAtStart = 0;
    std::optional<RetryNotice> m_retry;      // the latest retry, until something arrives
    std::optional<RetryNotice> m_retryShown; // what the latest progress said

    // Waiting for the model, by worker id; and items whose bytes are already being classified.
    struct Classifying
    {
        WorkItem item;
        ImageRecord record;
    };
    QHash<qint64, Classifying> m_classifying;
    struct Ready
    {
        qint64 id = 0;
        PreparedInput input;
        bool claimed = false; // holds one of the gate's places in the next batch
    };
    QList<Ready> m_ready;                        // prepared, in m_classifying, not submitted to the model yet
    int m_preparing = 0;                         // items on the decoding pool
    QHash<QString, QList<WorkItem>> m_sameBytes; // sha256 → other items with those bytes
    qint64 m_idBase = 0;
    qint64 m_nextId = 1;

    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1000;
    int m_okThisRun = 0;
};

} // namespace taglens::engine
