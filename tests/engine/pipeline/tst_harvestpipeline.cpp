// SPDX-License-Identifier: GPL-3.0-or-later
// The harvest end to end in one process: a Mastodon stand-in on 127.0.0.1 serving real photos and
// every hostile kind of media, the real pipeline, a real SQLite project, a real (tiny) model.
#include "engine/inference/classifierworker.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/net/httpclient.h"
#include "engine/pipeline/decodegate.h"
#include "engine/pipeline/harvestpipeline.h"
#include "engine/sources/mastodontagtimeline.h"
#include "engine/store/projectstore.h"
#include "support/mastodonstandin.h"
#include "support/testhttpserver.h"
#include "support/testmodels.h"
#include "support/testpaths.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace taglens;
using engine::ErrorCode;
using engine::HarvestPipeline;
using engine::HarvestProgress;
using engine::HarvestVerdict;
using engine::MediaStatus;
using engine::RetryNotice;
using tests::MastodonStandIn;

namespace {

std::unique_ptr<engine::ImageClassifier> tinyModel()
{
    return tests::loadTinyModel();
}

/// The tiny model with a batch as long as a real model's, observed: counts the images prepared
/// (resized on a decoding thread) while a full batch runs.
class ObservedModel : public engine::ImageClassifier
{
public:
    explicit ObservedModel(int batchSize) : m_model(tinyModel()), m_batchSize(batchSize) {}

    const engine::ModelInfo &info() const override { return m_model->info(); }
    engine::Expected<engine::PreparedInput> prepare(const QImage &image) const override
    {
        if (m_inFullBatch.load())
            ++preparedDuringFullBatches;
        return m_model->prepare(image);
    }
    engine::Expected<QList<engine::Classification>> classify(const QList<engine::PreparedInput> &batch,
                                                             int topK) override
    {
        const bool full = batch.size() == m_batchSize;
        fullBatches += full ? 1 : 0;
        m_inFullBatch = full;
        QThread::msleep(150); // a real model takes about this long per image on two cores
        auto result = m_model->classify(batch, topK);
        m_inFullBatch = false;
        return result;
    }
    void setThreadCount(int threads) override { m_model->setThreadCount(threads); }
    int threadCount() const override { return m_model->threadCount(); }

    mutable std::atomic<int> preparedDuringFullBatches{0};
    std::atomic<int> fullBatches{0};

private:
    std::unique_ptr<engine::ImageClassifier> m_model;
    int m_batchSize;
    std::atomic<bool> m_inFullBatch{false};
};

using Run = engine::HarvestOutcome;

/// A pipeline wired to a stand-in, with short timeouts so that stalls fail quickly.
class Harness
{
public:
    Harness(MastodonStandIn &standIn, const QString &projectPath,
            std::unique_ptr<engine::ImageClassifier> model = tinyModel())
        : m_standIn(standIn), m_worker(std::move(model))
    {
        auto store = engine::ProjectStore::open(projectPath);
        if (!store)
            qFatal("cannot open the project: %s", qPrintable(store.error().message));
        m_store = std::move(*store);
        m_worker.setBatchSize(4);
        m_pipeline = std::make_unique<HarvestPipeline>(
            m_store.get(), &m_worker,
            [this](const QString &tag,
                   engine::HttpClient *client) -> engine::Expected<std::unique_ptr<engine::PostSource>> {
                const QUrl base = m_instance.isValid() ? m_instance : m_standIn.baseUrl();
                auto timeline = std::make_unique<engine::MastodonTagTimeline>(client, base, tag);
                return std::unique_ptr<engine::PostSource>(std::move(timeline));
            });
        engine::HttpClient *client = m_pipeline->httpClient();
        client->setTransferTimeout(std::chrono::milliseconds(1500));
        client->setMaxRetries(2);
        client->setBackoff(std::chrono::milliseconds(5), std::chrono::milliseconds(20));
        // What Automatic picks for a model on every core (the tiny one runs on one).
        m_pipeline->setDecodeScheduling(HarvestPipeline::DecodeScheduling::BetweenBatches);
    }

    Run harvest(const QStringList &tags, int limit, const std::function<void(HarvestPipeline &)> &during = {})
    {
        engine::HarvestRequest request;
        request.source = engine::SourceKind::Mastodon;
        request.instance = m_standIn.baseUrl().toString();
        request.tags = tags;
        request.limitPerTag = limit;
        request.topK = 3;
        Run run;
        bool done = false;
        QObject context;
        QObject::connect(m_pipeline.get(), &HarvestPipeline::finished, &context,
                         [&](const engine::HarvestOutcome &outcome) {
                             run = outcome;
                             done = true;
                         });
        m_pipeline->start(request);
        if (during)
            during(*m_pipeline);
        if (!QTest::qWaitFor([&] { return done; }, 180000))
            qFatal("the harvest did not finish");
        return run;
    }

    /// Reads the tags from \a instance instead of the stand-in.
    void setInstance(const QUrl &instance) { m_instance = instance; }
    engine::ProjectStore &store() { return *m_store; }
    engine::ClassifierWorker &worker() { return m_worker; }
    HarvestPipeline &pipeline() { return *m_pipeline; }

private:
    MastodonStandIn &m_standIn;
    QUrl m_instance;
    engine::ClassifierWorker m_worker;
    std::unique_ptr<engine::ProjectStore> m_store;
    std::unique_ptr<HarvestPipeline> m_pipeline;
};

/// The retry notices among the progress a spy caught, in order (repeats of one notice once).
QList<RetryNotice> retryNotices(const QSignalSpy &progress)
{
    QList<RetryNotice> notices;
    for (const QList<QVariant> &args : progress) {
        const auto p = args.at(0).value<HarvestProgress>();
        if (p.retry && (notices.isEmpty() || notices.last() != *p.retry))
            notices << *p.retry;
    }
    return notices;
}

QHash<QString, engine::MediaRow> rowsByUrl(engine::ProjectStore &store)
{
    QHash<QString, engine::MediaRow> rows;
    const auto all = store.mediaRows();
    if (!all)
        qFatal("cannot read the project: %s", qPrintable(all.error().message));
    for (const auto &row : *all)
        rows.insert(row.postRemoteId + QLatin1Char('/') + QString::number(row.mediaIndex), row);
    return rows;
}

} // namespace

class TestHarvestPipeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyItemEndsWithItsExactStatus()
    {
        MastodonStandIn::Scenario scenario;
        using K = MastodonStandIn::MediaKind;
        scenario.tags.append({QStringLiteral("cats"),
                              24,
                              2,
                              3,
                              {},
                              {{K::Video, 2},
                               {K::Gifv, 1},
                               {K::Audio, 1},
                               {K::Unknown, 1},
                               {K::NoUrl, 1},
                               {K::TruncatedJpeg, 1},
                               {K::HtmlAsJpeg, 1},
                               {K::DecompressionBomb, 1},
                               {K::Oversized, 1},
                               {K::OversizedUnannounced, 1},
                               {K::NotFound, 1},
                               {K::ServerError, 1},
                               {K::Stalled, 1},
                               {K::ResetMidBody, 1},
                               {K::PngAsJpg, 1},
                               {K::Duplicate, 2},
                               {K::Flaky, 1}}});
        scenario.tags.append({QStringLiteral("dogs"), 12, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        QVERIFY(standIn.isListening());

        Harness h(standIn, m_dir.filePath(QStringLiteral("exact.taglens")));
        QSignalSpy classified(&h.worker(), &engine::ClassifierWorker::classified);
        const Run run = h.harvest({QStringLiteral("cats"), QStringLiteral("dogs")}, 1000);
        QCOMPARE(run.end, engine::HarvestEnd::Finished);
        QCOMPARE(run.error.message, QString());
        QCOMPARE(run.summaries.size(), 2);

        const auto rows = rowsByUrl(h.store());
        int expectedOk = 0;
        QSet<QByteArray> distinctOkBytes;
        for (const QString &tag : {QStringLiteral("cats"), QStringLiteral("dogs")}) {
            const auto expected = standIn.expectedMedia(tag);
            QVERIFY(!expected.isEmpty());
            for (const auto &e : expected) {
                const QString key = e.statusId + QLatin1Char('/') + QString::number(e.position);
                QVERIFY2(rows.contains(key), qPrintable(key));
                const auto &row = rows[key];
                QVERIFY2(row.status == e.status,
                         qPrintable(QStringLiteral("%1 (%2): %3, expected %4; error: %5")
                                        .arg(key, e.url.toString(), engine::mediaStatusName(row.status),
                                             engine::mediaStatusName(e.status), row.error)));
                if (e.status == MediaStatus::Ok) {
                    ++expectedOk;
                    distinctOkBytes.insert(e.sha256);
                    QCOMPARE(row.sha256.toLatin1(), e.sha256);
                }
                if (e.status == MediaStatus::Failed)
                    QVERIFY2(!row.error.isEmpty(), qPrintable(key));
            }
        }
        QCOMPARE(run.summaries[0].ok + run.summaries[1].ok, expectedOk);
        // The same bytes under two URLs are classified once.
        QCOMPARE(classified.size(), distinctOkBytes.size());
        const auto counts = h.store().statusCounts();
        QVERIFY(counts.hasValue());
        QCOMPARE(counts->pending, 0);
    }

    void limitCountsImagesAndLeavesNothingPending()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("birds"), 60, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("limit.taglens")));
        const Run run = h.harvest({QStringLiteral("birds")}, 7);
        QCOMPARE(run.summaries.size(), 1);
        QCOMPARE(run.summaries[0].ok, 7);
        const auto counts = h.store().statusCounts(QStringLiteral("birds"));
        QCOMPARE(counts->ok, 7);
        QCOMPARE(counts->pending, 0);
        // Back-pressure: one page of 40 statuses at most, not the whole timeline.
        QCOMPARE(standIn.timelineRequests(QStringLiteral("birds")).size(), 1);

        // Resume with a higher limit: the 7 are not fetched again.
        QHash<QString, int> before = standIn.fetchCounts();
        const Run more = h.harvest({QStringLiteral("birds")}, 12);
        QCOMPARE(more.summaries[0].ok, 12);
        const QHash<QString, int> after = standIn.fetchCounts();
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
    }

    // On cores the model fills, images are prepared between its batches, not during them.
    // Beside the model (for spare cores), preparing goes on during batches.
    void decodingWaitsForTheGapBetweenBatches_data()
    {
        QTest::addColumn<int>("scheduling");
        QTest::addColumn<bool>("waits");
        QTest::newRow("between batches") << int(HarvestPipeline::DecodeScheduling::BetweenBatches) << true;
        QTest::newRow("beside the model") << int(HarvestPipeline::DecodeScheduling::BesideModel) << false;
    }

    void decodingWaitsForTheGapBetweenBatches()
    {
        QFETCH(int, scheduling);
        QFETCH(bool, waits);
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("gulls"), 32, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        constexpr int batch = 4;
        auto model = std::make_unique<ObservedModel>(batch);
        ObservedModel *observed = model.get();
        Harness h(standIn, m_dir.filePath(QStringLiteral("batches-%1.taglens").arg(scheduling)),
                  std::move(model));
        h.worker().setBatchSize(batch);
        h.pipeline().setDecodeThreads(1);
        h.pipeline().setDecodeScheduling(HarvestPipeline::DecodeScheduling(scheduling));
        const Run run = h.harvest({QStringLiteral("gulls")}, 32);
        QCOMPARE(run.summaries.size(), 1);
        QCOMPARE(run.summaries[0].ok, 32);
        QCOMPARE(h.store().statusCounts(QStringLiteral("gulls"))->pending, 0);
        const int full = observed->fullBatches.load();
        const int during = observed->preparedDuringFullBatches.load();
        qInfo("%d full batches of %d, %d images prepared during them", full, batch, during);
        QVERIFY(full >= 1);
        if (waits) {
            // A decoding thread takes one of the next batch's places before it starts an image, and
            // the places come free only once that batch is handed over: nothing is left to decode
            // while it runs (a little slack for a batch that starts as a place is taken).
            QVERIFY(during * 4 <= full);
        } else {
            QVERIFY(during > full);
        }
    }

    // The gate on its own: a batch's worth of places while the model is idle, a place for the
    // next image once one is given back, and stop() lets every waiter go without one.
    void decodeGateHandsOutABatchOfPlaces()
    {
        engine::ClassifierWorker worker(tinyModel());
        engine::DecodeGate gate(3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(gate.waitForTurn(worker));

        QFuture<bool> fourth = QtConcurrent::run([&] { return gate.waitForTurn(worker); });
        QTest::qWait(300);
        QVERIFY(!fourth.isFinished()); // the next batch is complete: no fourth place
        gate.giveBack(1);
        QTRY_VERIFY_WITH_TIMEOUT(fourth.isFinished(), 5000);
        QVERIFY(fourth.result());

        QFuture<bool> fifth = QtConcurrent::run([&] { return gate.waitForTurn(worker); });
        QTest::qWait(200);
        QVERIFY(!fifth.isFinished());
        QElapsedTimer stopping;
        stopping.start();
        gate.stop();
        QTRY_VERIFY_WITH_TIMEOUT(fifth.isFinished(), 5000);
        QVERIFY(!fifth.result()); // let go without a place
        QVERIFY(stopping.elapsed() < 2000);
        QVERIFY(!gate.waitForTurn(worker)); // and so is everyone after
    }

    void cancelKeepsWhatIsDoneAndTheNextRunResumes_data()
    {
        QTest::addColumn<int>("scheduling");
        QTest::newRow("between batches") << int(HarvestPipeline::DecodeScheduling::BetweenBatches);
        QTest::newRow("beside the model") << int(HarvestPipeline::DecodeScheduling::BesideModel);
    }

    void cancelKeepsWhatIsDoneAndTheNextRunResumes()
    {
        QFETCH(int, scheduling);
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("boats"), 40, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("cancel-%1.taglens").arg(scheduling)));
        h.pipeline().setDecodeScheduling(HarvestPipeline::DecodeScheduling(scheduling));
        const Run first = h.harvest({QStringLiteral("boats")}, 1000, [](HarvestPipeline &p) {
            QObject context;
            QObject::connect(&p, &HarvestPipeline::itemFinished, &context, [&p] { p.cancel(); });
            QVERIFY(QTest::qWaitFor([&p] { return !p.isRunning(); }, 60000));
        });
        QCOMPARE(first.end, engine::HarvestEnd::Cancelled);
        const auto afterCancel = h.store().statusCounts(QStringLiteral("boats"));
        QVERIFY(afterCancel->ok >= 1);
        QVERIFY(afterCancel->ok < 40);
        QCOMPARE(h.store().latestHarvest()->value().status, engine::HarvestStatus::Cancelled);

        const Run second = h.harvest({QStringLiteral("boats")}, 1000);
        QCOMPARE(second.end, engine::HarvestEnd::Finished);
        const auto done = h.store().statusCounts(QStringLiteral("boats"));
        QCOMPARE(done->ok, 40);
        QCOMPARE(done->pending, 0);
        for (const auto &[path, count] : standIn.fetchCounts().asKeyValueRange())
            QVERIFY2(count <= 2, qPrintable(path)); // at most once per run; ok ones only once
    }

    void anUnknownTagIsReportedAndTheOthersGoOn()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("trees"), 5, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("unknown.taglens")));
        const Run run = h.harvest({QStringLiteral("nosuchtag"), QStringLiteral("trees")}, 100);
        QCOMPARE(run.summaries.size(), 2);
        QVERIFY(run.summaries[0].sourceFailed);
        QCOMPARE(run.summaries[0].error.code, ErrorCode::NotFound);
        QVERIFY2(run.summaries[0].error.message.contains(QLatin1String("#nosuchtag")),
                 qPrintable(run.summaries[0].error.message));
        QVERIFY(!run.summaries[1].sourceFailed);
        QCOMPARE(run.summaries[1].ok, 5);
    }

    void aLoginWallIsReportedPlainly()
    {
        MastodonStandIn::Scenario scenario;
        scenario.requiresLogin = true;
        scenario.tags.append({QStringLiteral("art"), 3, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("login.taglens")));
        const Run run = h.harvest({QStringLiteral("art")}, 10);
        QCOMPARE(run.summaries.size(), 1);
        QVERIFY(run.summaries[0].sourceFailed);
        QCOMPARE(run.summaries[0].error.code, ErrorCode::Unauthorized);
        QVERIFY(!run.summaries[0].error.message.isEmpty());
    }

    // A tag the instance knows but that has no posts ends exhausted with nothing delivered; a tag
    // with posts but no media is another case; neither is a failure.
    void aTagWithoutPostsIsToldApartFromOneWithoutImages()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("empty"), 0, 1, 0, {}, {}});
        scenario.tags.append({QStringLiteral("words"), 0, 1, 3, {}, {}});
        scenario.tags.append({QStringLiteral("trees"), 2, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("empty.taglens")));
        const Run run =
            h.harvest({QStringLiteral("empty"), QStringLiteral("words"), QStringLiteral("trees")}, 10);
        QCOMPARE(run.verdict(), HarvestVerdict::Finished);
        QCOMPARE(run.source, engine::SourceKind::Mastodon);
        QCOMPARE(run.summaries.size(), 3);
        const engine::TagSummary &empty = run.summaries[0];
        QVERIFY(!empty.sourceFailed);
        QVERIFY(empty.sourceExhausted);
        QCOMPARE(empty.postsDelivered, 0);
        QVERIFY(empty.hasNoPosts());
        QVERIFY(!empty.hasNoImages());
        const engine::TagSummary &words = run.summaries[1];
        QVERIFY(words.sourceExhausted);
        QCOMPARE(words.postsDelivered, 3);
        QCOMPARE(words.postsSeen, 3);
        QVERIFY(!words.hasNoPosts());
        QVERIFY(words.hasNoImages());
        const engine::TagSummary &trees = run.summaries[2];
        QCOMPARE(trees.ok, 2);
        QVERIFY(!trees.hasNoPosts());
        QVERIFY(!trees.hasNoImages());
    }

    // A tag whose limit an earlier run reached is not read again: that is not "no posts".
    void aTagDoneEarlierIsNotEmpty()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("trees"), 2, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("done.taglens")));
        QCOMPARE(h.harvest({QStringLiteral("trees")}, 2).ok(), 2);
        const Run again = h.harvest({QStringLiteral("trees")}, 2);
        QCOMPARE(again.summaries.size(), 1);
        QVERIFY(!again.summaries[0].sourceExhausted);
        QVERIFY(!again.summaries[0].hasNoPosts());
        QVERIFY(!again.summaries[0].hasNoImages());
    }

    // Nothing listens at the instance: each wait to retry reaches the progress (which attempt,
    // of how many, why), the progress goes back to plain counts when the source gives up, and the
    // harvest ends as one that reached nothing.
    void aRefusedConnectionIsRetriedVisiblyThenReported()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("trees"), 2, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        Harness h(standIn, m_dir.filePath(QStringLiteral("refused.taglens")));
        {
            tests::TestHttpServer closed; // its port is closed once it is gone
            QVERIFY(closed.isListening());
            h.setInstance(closed.url(QStringLiteral("/")).adjusted(QUrl::RemovePath));
        }
        QSignalSpy progress(&h.pipeline(), &HarvestPipeline::progress);
        const Run run = h.harvest({QStringLiteral("trees")}, 10);
        QCOMPARE(run.verdict(), HarvestVerdict::NoTagHarvested);
        QCOMPARE(run.summaries.size(), 1);
        QVERIFY(run.summaries[0].sourceFailed);
        QCOMPARE(run.summaries[0].error.code, ErrorCode::Network);
        QVERIFY(!run.summaries[0].hasNoPosts());
        const QList<RetryNotice> notices = retryNotices(progress);
        // The instance's access check (one retry), then the timeline (the client's two).
        QCOMPARE(notices.size(), 3);
        QCOMPARE(notices[0].attempt, 2);
        QCOMPARE(notices[0].attempts, 2);
        QCOMPARE(notices[1].attempt, 2);
        QCOMPARE(notices[1].attempts, 3);
        QCOMPARE(notices[2].attempt, 3);
        QCOMPARE(notices[2].attempts, 3);
        for (const RetryNotice &notice : notices)
            QCOMPARE(notice.reason, RetryNotice::Reason::ConnectionRefused);
        QVERIFY(!progress.last().at(0).value<HarvestProgress>().retry);
    }

    // A timeline that answers 503 once: the retry shows until the page arrives, then the counts.
    void aRetryShowsUntilDataFlows()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("trees"), 3, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        standIn.failTimelineRequests(1, 503);
        Harness h(standIn, m_dir.filePath(QStringLiteral("retried.taglens")));
        QSignalSpy progress(&h.pipeline(), &HarvestPipeline::progress);
        const Run run = h.harvest({QStringLiteral("trees")}, 10);
        QCOMPARE(run.verdict(), HarvestVerdict::Finished);
        QCOMPARE(run.summaries[0].ok, 3);
        const QList<RetryNotice> notices = retryNotices(progress);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices[0].attempt, 2);
        QCOMPARE(notices[0].reason, RetryNotice::Reason::ServerError);
        QCOMPARE(notices[0].httpStatus, 503);
        qsizetype retrying = -1;
        for (qsizetype i = 0; i < progress.size() && retrying < 0; ++i) {
            if (progress.at(i).at(0).value<HarvestProgress>().retry)
                retrying = i;
        }
        QVERIFY(retrying >= 0);
        bool flowedAfter = false;
        for (qsizetype i = retrying + 1; i < progress.size(); ++i) {
            const auto p = progress.at(i).at(0).value<HarvestProgress>();
            QVERIFY(!p.retry || p.postsSeen == 0); // once posts came, no retry is shown
            flowedAfter = flowedAfter || (!p.retry && p.postsSeen > 0);
        }
        QVERIFY(flowedAfter);
    }
};

QTEST_GUILESS_MAIN(TestHarvestPipeline)
#include "tst_harvestpipeline.moc"
