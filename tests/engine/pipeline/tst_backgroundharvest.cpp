// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundHarvest: the pipeline on its own thread with its own connection; the starting thread
// only receives signals. Real stand-in server, real SQLite, the tiny TorchScript model.
#include "engine/inference/classifierworker.h"
#include "engine/net/httpclient.h"
#include "engine/pipeline/backgroundharvest.h"
#include "engine/sources/mastodontagtimeline.h"
#include "engine/store/projectstore.h"
#include "support/mastodonstandin.h"
#include "support/testmodels.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using engine::BackgroundHarvest;
using engine::MediaStatus;
using tests::MastodonStandIn;

namespace {

engine::HarvestPipeline::SourceFactory factoryFor(const MastodonStandIn &standIn)
{
    const QUrl base = standIn.baseUrl();
    return [base](const QString &tag,
                  engine::HttpClient *client) -> engine::Expected<std::unique_ptr<engine::PostSource>> {
        return std::unique_ptr<engine::PostSource>(new engine::MastodonTagTimeline(client, base, tag));
    };
}

engine::HarvestRequest requestFor(const MastodonStandIn &standIn, const QStringList &tags, int limit)
{
    engine::HarvestRequest request;
    request.source = engine::SourceKind::Mastodon;
    request.instance = standIn.baseUrl().toString();
    request.tags = tags;
    request.limitPerTag = limit;
    request.topK = 3;
    return request;
}

void shortTimeouts(engine::HarvestPipeline &pipeline)
{
    pipeline.httpClient()->setTransferTimeout(std::chrono::milliseconds(1500));
    pipeline.httpClient()->setMaxRetries(1);
    pipeline.httpClient()->setBackoff(std::chrono::milliseconds(5), std::chrono::milliseconds(20));
}

} // namespace

class TestBackgroundHarvest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Signals arrive on the starting thread, each item is readable through another connection
    // when its itemFinished() arrives, and the result is the same as the pipeline's own.
    void harvestsOffTheStartingThread_data()
    {
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("expectedOk");
        QTest::newRow("one tag, limited") << QStringList{QStringLiteral("cats")} << 5 << 5;
        QTest::newRow("two tags, everything")
            << QStringList{QStringLiteral("cats"), QStringLiteral("dogs")} << 1000 << 14 + 6;
    }

    void harvestsOffTheStartingThread()
    {
        QFETCH(QStringList, tags);
        QFETCH(int, limit);
        QFETCH(int, expectedOk);
        MastodonStandIn::Scenario scenario;
        using K = MastodonStandIn::MediaKind;
        scenario.tags.append({QStringLiteral("cats"), 16, 1, 2, {}, {{K::Video, 1}, {K::NotFound, 1}}});
        scenario.tags.append({QStringLiteral("dogs"), 6, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        QVERIFY(standIn.isListening());

        const QString path = m_dir.filePath(
            QStringLiteral("bg-%1.taglens")
                .arg(QString::fromUtf8(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        auto reader = engine::ProjectStore::open(path); // the GUI's connection
        QVERIFY(reader);
        engine::ClassifierWorker worker(tests::loadTinyModel());
        BackgroundHarvest harvest(path, &worker, factoryFor(standIn));
        harvest.setSetup(shortTimeouts);

        int seenOk = 0;
        int unreadable = 0;
        bool wrongThread = false;
        bool done = false;
        engine::HarvestOutcome outcome;
        outcome.end = engine::HarvestEnd::Failed; // until it arrives
        connect(&harvest, &BackgroundHarvest::itemFinished, this,
                [&](qint64 mediaId, const QString &, MediaStatus status) {
                    wrongThread |= QThread::currentThread() != thread();
                    const auto rows = (*reader)->mediaRows();
                    const bool found =
                        rows && std::any_of(rows->cbegin(), rows->cend(), [&](const engine::MediaRow &r) {
                            return r.mediaId == mediaId && r.status == status;
                        });
                    if (!found)
                        ++unreadable;
                    if (status == MediaStatus::Ok)
                        ++seenOk;
                });
        connect(&harvest, &BackgroundHarvest::finished, this, [&](const engine::HarvestOutcome &o) {
            outcome = o;
            done = true;
        });
        harvest.start(requestFor(standIn, tags, limit));
        QVERIFY(harvest.isRunning());
        QVERIFY(QTest::qWaitFor([&] { return done; }, 120000));
        QVERIFY(!harvest.isRunning());
        QCOMPARE(outcome.end, engine::HarvestEnd::Finished);
        QCOMPARE(outcome.error.message, QString());
        QVERIFY(!wrongThread);
        QCOMPARE(unreadable, 0);
        QCOMPARE(seenOk, expectedOk);
        QCOMPARE(outcome.ok(), expectedOk);
        const auto counts = (*reader)->statusCounts();
        QVERIFY(counts);
        QCOMPARE(counts->ok, expectedOk);
        QCOMPARE(counts->pending, 0);
        QVERIFY((*reader)->verifyIntegrity());
    }

    void cancelEndsWithFinished()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("boats"), 40, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        const QString path = m_dir.filePath(QStringLiteral("bg-cancel.taglens"));
        engine::ClassifierWorker worker(tests::loadTinyModel());
        BackgroundHarvest harvest(path, &worker, factoryFor(standIn));
        harvest.setSetup(shortTimeouts);
        QSignalSpy finished(&harvest, &BackgroundHarvest::finished);
        int items = 0;
        connect(&harvest, &BackgroundHarvest::itemFinished, this, [&] {
            if (++items == 3)
                harvest.cancel();
        });
        harvest.start(requestFor(standIn, {QStringLiteral("boats")}, 1000));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<engine::HarvestOutcome>().end, engine::HarvestEnd::Cancelled);
        QVERIFY(items < 40);

        // The file is closed and whole; running again resumes to the end.
        auto store = engine::ProjectStore::open(path);
        QVERIFY(store);
        QVERIFY((*store)->verifyIntegrity());
        harvest.start(requestFor(standIn, {QStringLiteral("boats")}, 1000));
        QVERIFY(finished.wait(120000));
        QVERIFY(!finished.last().at(0).toBool());
        QCOMPARE((*store)->statusCounts()->ok, 40);
    }

    void unusableProjectIsAFatalError()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("x"), 2, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        const QString path = m_dir.filePath(QStringLiteral("not-a-project.taglens"));
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'j'));
        junk.close();
        engine::ClassifierWorker worker(tests::loadTinyModel());
        BackgroundHarvest harvest(path, &worker, factoryFor(standIn));
        QSignalSpy finished(&harvest, &BackgroundHarvest::finished);
        harvest.start(requestFor(standIn, {QStringLiteral("x")}, 10));
        QVERIFY(finished.wait(20000));
        const auto outcome = finished.first().at(0).value<engine::HarvestOutcome>();
        QCOMPARE(outcome.end, engine::HarvestEnd::Failed);
        QCOMPARE(outcome.error.code, engine::ErrorCode::InvalidArgument); // not an SQLite database
        QVERIFY(outcome.summaries.isEmpty());
        QVERIFY(!harvest.isRunning());
    }

    // Destroying a running harvest cancels it, waits for its thread and reports nothing more.
    void destroyWhileRunning()
    {
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("trees"), 40, 1, 0, {}, {}});
        MastodonStandIn standIn(scenario);
        const QString path = m_dir.filePath(QStringLiteral("bg-destroy.taglens"));
        engine::ClassifierWorker worker(tests::loadTinyModel());
        int finishedCount = 0;
        {
            auto harvest = std::make_unique<BackgroundHarvest>(path, &worker, factoryFor(standIn));
            connect(harvest.get(), &BackgroundHarvest::finished, this, [&] { ++finishedCount; });
            int items = 0;
            connect(harvest.get(), &BackgroundHarvest::itemFinished, this, [&] { ++items; });
            harvest->start(requestFor(standIn, {QStringLiteral("trees")}, 1000));
            QVERIFY(QTest::qWaitFor([&] { return items >= 2; }, 60000));
        }
        QTest::qWait(200); // anything still queued would arrive now
        QCOMPARE(finishedCount, 0);
        auto store = engine::ProjectStore::open(path);
        QVERIFY(store);
        QVERIFY((*store)->verifyIntegrity());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundHarvest)
#include "tst_backgroundharvest.moc"
