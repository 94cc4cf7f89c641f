// SPDX-License-Identifier: GPL-3.0-or-later
// HarvestSession against the Mastodon stand-in, real SQLite and the tiny TorchScript model:
// the model loads once and is kept, follow-up plans run in turn, a stop or a failure drops
// them, and every end arrives as an outcome.
#include "engine/net/httpclient.h"
#include "engine/workflow/harvestplanner.h"
#include "engine/workflow/harvestsession.h"
#include "support/mastodonstandin.h"
#include "support/testmodels.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>

using namespace taglens;
using engine::ErrorCode;
using engine::HarvestEnd;
using engine::HarvestOutcome;
using engine::HarvestSession;
using tests::MastodonStandIn;

namespace {

void shortTimeouts(engine::HarvestPipeline &pipeline)
{
    pipeline.httpClient()->setTransferTimeout(std::chrono::milliseconds(1500));
    pipeline.httpClient()->setMaxRetries(1);
    pipeline.httpClient()->setBackoff(std::chrono::milliseconds(5), std::chrono::milliseconds(20));
}

} // namespace

class TestHarvestSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;
    std::atomic<int> m_loads{0};
    std::unique_ptr<MastodonStandIn> m_standIn;

    HarvestSession::ClassifierLoader countingLoader()
    {
        return [this](const QString &) -> engine::Expected<std::unique_ptr<engine::ImageClassifier>> {
            ++m_loads;
            return tests::loadTinyModel();
        };
    }

    engine::HarvestPlan planFor(const QStringList &tags, int limit) const
    {
        engine::HarvestInput input;
        input.source = engine::SourceKind::Mastodon;
        input.instance = m_standIn->baseUrl().toString();
        input.tags = tags;
        input.limitPerTag = limit;
        auto plan = engine::HarvestPlanner::plan(input);
        if (!plan)
            qFatal("cannot plan: %s", qPrintable(plan.error().message));
        plan->request.topK = 3;
        return *plan;
    }

    QString newProject() { return m_dir.filePath(QStringLiteral("s%1.taglens").arg(++m_count)); }

    static QList<HarvestOutcome> outcomes(const QSignalSpy &spy)
    {
        QList<HarvestOutcome> out;
        for (const auto &args : spy)
            out << args.at(0).value<HarvestOutcome>();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MastodonStandIn::Scenario scenario;
        scenario.tags.append({QStringLiteral("cats"), 8, 1, 0, {}, {}});
        scenario.tags.append({QStringLiteral("dogs"), 5, 1, 0, {}, {}});
        scenario.tags.append({QStringLiteral("boats"), 200, 1, 0, {}, {}});
        m_standIn = std::make_unique<MastodonStandIn>(scenario);
        QVERIFY(m_standIn->isListening());
    }
    void cleanupTestCase() { m_standIn.reset(); }
    void init() { m_loads = 0; }

    void followUpsRunInTurnWithOneModelLoad()
    {
        HarvestSession session(countingLoader());
        session.setPipelineSetup(shortTimeouts);
        QSignalSpy loading(&session, &HarvestSession::modelLoading);
        QSignalSpy started(&session, &HarvestSession::started);
        QSignalSpy finished(&session, &HarvestSession::finished);
        QSignalSpy idle(&session, &HarvestSession::idle);
        qsizetype idleBefore = 0; // a model load that fails at once reports idle inside start()
        QVERIFY(session.start(newProject(), planFor({QStringLiteral("cats")}, 100),
                              {planFor({QStringLiteral("dogs")}, 100)}));
        QVERIFY(session.isBusy());
        // Busy: a second start is refused, and nothing it asked for runs.
        const auto refused = session.start(newProject(), planFor({QStringLiteral("boats")}, 5));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() > idleBefore, 60000);
        idleBefore = idle.size();
        QCOMPARE(idle.size(), 1);
        QCOMPARE(loading.size(), 1);
        QCOMPARE(m_loads.load(), 1);
        QCOMPARE(started.size(), 2);
        const auto ends = outcomes(finished);
        QCOMPARE(ends.size(), 2);
        QCOMPARE(ends.at(0).end, HarvestEnd::Finished);
        QCOMPARE(ends.at(0).ok(), 8);
        QCOMPARE(ends.at(1).end, HarvestEnd::Finished);
        QCOMPARE(ends.at(1).ok(), 5);
        QVERIFY(!session.isBusy());
        QVERIFY(session.loadedModel());
        QCOMPARE(started.at(0).at(1).value<engine::ModelInfo>().sha256, session.loadedModel()->sha256);

        // The kept model serves the next start; other threads load it again.
        QVERIFY(session.start(newProject(), planFor({QStringLiteral("dogs")}, 2)));
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() > idleBefore, 60000);
        idleBefore = idle.size();
        QCOMPARE(m_loads.load(), 1);
        session.setModel({QString(), 1, 4});
        QVERIFY(session.start(newProject(), planFor({QStringLiteral("dogs")}, 2)));
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() > idleBefore, 60000);
        idleBefore = idle.size();
        QCOMPARE(m_loads.load(), 2);
        QCOMPARE(outcomes(finished).last().ok(), 2);
    }

    void stopDropsTheFollowUps()
    {
        HarvestSession session(countingLoader());
        session.setPipelineSetup(shortTimeouts);
        QSignalSpy finished(&session, &HarvestSession::finished);
        QSignalSpy idle(&session, &HarvestSession::idle);
        qsizetype idleBefore = 0; // a model load that fails at once reports idle inside start()
        int items = 0;
        connect(&session, &HarvestSession::itemFinished, this, [&] {
            if (++items == 3)
                session.stop();
        });
        QVERIFY(session.start(newProject(), planFor({QStringLiteral("boats")}, 1000),
                              {planFor({QStringLiteral("cats")}, 100)}));
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() > idleBefore, 60000);
        idleBefore = idle.size();
        const auto ends = outcomes(finished);
        QCOMPARE(ends.size(), 1);
        QCOMPARE(ends.first().end, HarvestEnd::Cancelled);
        QVERIFY(ends.first().ok() < 200);
        QVERIFY(!session.isBusy());
    }

    void stopWhileTheModelLoads()
    {
        HarvestSession session(countingLoader());
        QSignalSpy finished(&session, &HarvestSession::finished);
        QSignalSpy idle(&session, &HarvestSession::idle);
        qsizetype idleBefore = 0; // a model load that fails at once reports idle inside start()
        QSignalSpy started(&session, &HarvestSession::started);
        QVERIFY(session.start(newProject(), planFor({QStringLiteral("cats")}, 100)));
        QVERIFY(session.isLoadingModel());
        session.stop();
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() > idleBefore, 60000);
        idleBefore = idle.size();
        QCOMPARE(started.size(), 0);
        QCOMPARE(outcomes(finished).first().end, HarvestEnd::Cancelled);
        QVERIFY(session.loadedModel()); // kept for the next start
    }

    void aModelThatCannotLoadFailsTheHarvest_data()
    {
        QTest::addColumn<int>("loaderCode");
        QTest::addColumn<int>("expectedCode");
        QTest::newRow("missing") << int(ErrorCode::ModelMissing) << int(ErrorCode::ModelMissing);
        QTest::newRow("invalid") << int(ErrorCode::ModelInvalid) << int(ErrorCode::ModelInvalid);
        QTest::newRow("unreadable") << int(ErrorCode::Io) << int(ErrorCode::ModelInvalid);
    }
    void aModelThatCannotLoadFailsTheHarvest()
    {
        QFETCH(int, loaderCode);
        QFETCH(int, expectedCode);
        HarvestSession session(
            [loaderCode](const QString &) -> engine::Expected<std::unique_ptr<engine::ImageClassifier>> {
                return engine::Error::make(ErrorCode(loaderCode), QStringLiteral("no"));
            });
        QSignalSpy finished(&session, &HarvestSession::finished);
        QSignalSpy idle(&session, &HarvestSession::idle);
        qsizetype idleBefore = 0; // a model load that fails at once reports idle inside start()
        QVERIFY(session.start(newProject(), planFor({QStringLiteral("cats")}, 5),
                              {planFor({QStringLiteral("dogs")}, 5)}));
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() > idleBefore, 20000);
        idleBefore = idle.size();
        const auto ends = outcomes(finished);
        QCOMPARE(ends.size(), 1);
        QCOMPARE(ends.first().end, HarvestEnd::Failed);
        QCOMPARE(int(ends.first().error.code), expectedCode);
        QVERIFY(!session.isBusy());
        QVERIFY(!session.loadedModel());
    }

    void refusals()
    {
        HarvestSession session(countingLoader());
        const auto noProject = session.start(QString(), planFor({QStringLiteral("cats")}, 5));
        QCOMPARE(noProject.error().code, ErrorCode::InvalidArgument);
        HarvestSession noLoader{HarvestSession::ClassifierLoader()};
        QCOMPARE(noLoader.start(newProject(), planFor({QStringLiteral("cats")}, 5)).error().code,
                 ErrorCode::ModelMissing);
        QCOMPARE(m_loads.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHarvestSession)
#include "tst_harvestsession.moc"
