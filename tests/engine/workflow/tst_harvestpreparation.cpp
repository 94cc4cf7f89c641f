// SPDX-License-Identifier: GPL-3.0-or-later
// HarvestPreparation: inputs become plans that can start, or one refusal with its code, with
// every step off the caller's thread: the planner (a local path), the login lookup (the
// keychain thread) and the Instagram budget (its own thread, a real SQLite ledger).
#include "engine/sources/hashtagledger.h"
#include "engine/workflow/backgroundinstagrambudget.h"
#include "engine/workflow/harvestplanner.h"
#include "engine/workflow/harvestpreparation.h"
#include "support/ledgerfixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using taglens::engine::BackgroundInstagramBudget;
using taglens::engine::Error;
using taglens::engine::ErrorCode;
using taglens::engine::HarvestInput;
using taglens::engine::HarvestPlan;
using taglens::engine::HarvestPreparation;
using taglens::engine::HashtagLedger;
using taglens::engine::SourceKind;

namespace {

constexpr auto InstagramUser = "17841400000000001";

/// What one preparation ended in.
struct Ending
{
    bool ready = false;
    QList<HarvestPlan> plans;
    QStringList warnings;
    QStringList problems;
    ErrorCode refusal = ErrorCode::Internal;
};

} // namespace

class TestHarvestPreparation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    QString folderWithImage()
    {
        const QString folder = m_dir.filePath(QStringLiteral("photos%1").arg(++m_count));
        QDir().mkpath(folder);
        QFile file(folder + QStringLiteral("/a.png"));
        if (file.open(QIODevice::WriteOnly))
            file.write("not really a png, the planner does not read it");
        return folder;
    }

    /// A ledger where \a searched distinct tags were searched an hour ago.
    QString ledgerWith(int searched)
    {
        const QString path = m_dir.filePath(QStringLiteral("ledger%1.sqlite").arg(++m_count));
        return taglens::tests::writeLedger(path, QString::fromLatin1(InstagramUser), searched) ? path
                                                                                               : QString();
    }

    /// Prepares \a inputs with \a context and waits for the ending.
    static Ending prepared(HarvestPreparation &preparation, const QList<HarvestInput> &inputs,
                           const HarvestPreparation::Context &context)
    {
        Ending ending;
        bool ended = false;
        QObject guard;
        QObject::connect(
            &preparation, &HarvestPreparation::ready, &guard,
            [&](const QList<HarvestPlan> &plans, const QStringList &warnings, const QStringList &problems) {
                ending.ready = true;
                ending.plans = plans;
                ending.warnings = warnings;
                ending.problems = problems;
                ended = true;
            });
        QObject::connect(&preparation, &HarvestPreparation::refused, &guard, [&](const Error &error) {
            ending.refusal = error.code;
            ended = true;
        });
        preparation.prepare(inputs, context);
        if (!QTest::qWaitFor([&] { return ended; }, 30000))
            ending.refusal = ErrorCode::Cancelled; // never ended: no row expects this
        return ending;
    }

    HarvestPreparation::Context context()
    {
        HarvestPreparation::Context context;
        context.keychain = {m_dir.filePath(QStringLiteral("auth.conf")),
                            QStringLiteral("TagLens-test-preparation")};
        context.applyDefaults = [](taglens::engine::HarvestRequest &request) { request.topK = 7; };
        return context;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void localAndDroppedInputs_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<bool>("ready");
        QTest::addColumn<int>("plans");
        QTest::addColumn<int>("problems");
        QTest::addColumn<ErrorCode>("refusal");
        QTest::newRow("a folder") << QStringLiteral("folder") << true << 1 << 0 << ErrorCode::Internal;
        QTest::newRow("a folder that is not there")
            << QStringLiteral("missing") << false << 0 << 0 << ErrorCode::NotFound;
        QTest::newRow("files and addresses: two harvests")
            << QStringLiteral("mixed") << true << 2 << 0 << ErrorCode::Internal;
        QTest::newRow("an address that cannot be fetched is left out")
            << QStringLiteral("mixed-bad") << true << 2 << 1 << ErrorCode::Internal;
        QTest::newRow("nothing") << QStringLiteral("nothing") << false << 0 << 0
                                 << ErrorCode::InvalidArgument;
        QTest::newRow("a hashtag that is not one")
            << QStringLiteral("bad-tag") << false << 0 << 0 << ErrorCode::InvalidArgument;
    }
    void localAndDroppedInputs()
    {
        QFETCH(QString, what);
        QFETCH(bool, ready);
        QFETCH(int, plans);
        QFETCH(int, problems);
        QFETCH(ErrorCode, refusal);
        QList<HarvestInput> inputs;
        if (what == u"folder" || what == u"missing") {
            HarvestInput input;
            input.source = SourceKind::Local;
            input.paths = {what == u"folder" ? folderWithImage() : m_dir.filePath(QStringLiteral("gone"))};
            inputs << input;
        } else if (what.startsWith(u"mixed")) {
            QList<QUrl> urls{QUrl(QStringLiteral("https://images.example/cat.jpg"))};
            if (what == u"mixed-bad")
                urls << QUrl(QStringLiteral("ftp://images.example/dog.jpg"));
            inputs = taglens::engine::HarvestPlanner::dropInputs({folderWithImage()}, urls,
                                                                 QStringLiteral("drop"));
        } else if (what == u"bad-tag") {
            HarvestInput input;
            input.source = SourceKind::Mastodon;
            input.instance = QStringLiteral("mastodon.example");
            input.tags = {QStringLiteral("no spaces allowed")};
            inputs << input;
        }
        HarvestPreparation preparation;
        const Ending ending = prepared(preparation, inputs, context());
        QCOMPARE(ending.ready, ready);
        QVERIFY(!preparation.isPreparing());
        if (!ready) {
            QCOMPARE(ending.refusal, refusal);
            return;
        }
        QCOMPARE(ending.plans.size(), plans);
        QCOMPARE(ending.problems.size(), problems);
        for (const HarvestPlan &plan : ending.plans)
            QCOMPARE(plan.request.topK, 7); // the user's defaults, on every plan
        if (what.startsWith(u"mixed")) {
            QCOMPARE(ending.plans.at(0).spec.kind(), SourceKind::Local); // files first
            QCOMPARE(ending.plans.at(1).spec.kind(), SourceKind::Urls);
        }
    }

    void oneAtATime()
    {
        HarvestInput input;
        input.source = SourceKind::Local;
        input.paths = {folderWithImage()};
        HarvestPreparation preparation;
        QSignalSpy refused(&preparation, &HarvestPreparation::refused);
        QSignalSpy ready(&preparation, &HarvestPreparation::ready);
        preparation.prepare({input}, context());
        QVERIFY(preparation.isPreparing());
        QVERIFY(ready.isEmpty());                // never from within prepare()
        preparation.prepare({input}, context()); // while the first is planned
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(refused.first().first().value<Error>().code, ErrorCode::InvalidArgument);
        QTRY_COMPARE(ready.size(), 1);
        QVERIFY(!preparation.isPreparing());
        QCOMPARE(refused.size(), 1);
    }

    void instagram_data()
    {
        QTest::addColumn<bool>("loggedIn");
        QTest::addColumn<int>("searchedThisWeek");
        QTest::addColumn<bool>("ledgerOpens");
        QTest::addColumn<bool>("ready");
        QTest::addColumn<ErrorCode>("refusal");
        QTest::newRow("no login") << false << 0 << true << false << ErrorCode::Unauthorized;
        QTest::newRow("room for the tags") << true << 10 << true << true << ErrorCode::Internal;
        QTest::newRow("exactly the budget") << true << 28 << true << true << ErrorCode::Internal;
        QTest::newRow("over the budget") << true << 29 << true << false << ErrorCode::RateLimited;
        QTest::newRow("the ledger cannot be opened") << true << 0 << false << false << ErrorCode::Io;
    }
    void instagram()
    {
        QFETCH(bool, loggedIn);
        QFETCH(int, searchedThisWeek);
        QFETCH(bool, ledgerOpens);
        QFETCH(bool, ready);
        QFETCH(ErrorCode, refusal);
        HarvestInput input;
        input.source = SourceKind::Instagram;
        input.tags = {QStringLiteral("cats"), QStringLiteral("dogs")};
        input.graphApiBase = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        input.accessToken = QStringLiteral("token-given-explicitly");
        HarvestPreparation::Context with = context();
        if (loggedIn) {
            // A login of this run (no keychain needed): the account that searches.
            with.session.instagram.clientId = QStringLiteral("55555");
            with.session.instagram.userId = QString::fromLatin1(InstagramUser);
        }
        QString ledger = ledgerWith(searchedThisWeek);
        if (!ledgerOpens) {
            ledger = m_dir.filePath(QStringLiteral("a-folder-%1").arg(++m_count));
            QVERIFY(QDir().mkpath(ledger + QStringLiteral("/inside")));
        }
        BackgroundInstagramBudget budget;
        budget.open(ledger);
        int asked = 0;
        with.budget = [&] {
            ++asked;
            return &budget;
        };
        HarvestPreparation preparation;
        const Ending ending = prepared(preparation, {input}, with);
        QCOMPARE(ending.ready, ready);
        QCOMPARE(asked, loggedIn ? 1 : 0); // the budget is asked only with a login to count for
        if (!ready) {
            QCOMPARE(ending.refusal, refusal);
            return;
        }
        QCOMPARE(ending.plans.size(), 1);
        QCOMPARE(ending.plans.first().spec.as<taglens::engine::InstagramSpec>()->userId,
                 QString::fromLatin1(InstagramUser));
        // Checked, not recorded: the harvest records what it searches.
        const auto standing = budget.standing(QString::fromLatin1(InstagramUser));
        QVERIFY(QTest::qWaitFor([&] { return standing.isFinished(); }, 10000));
        QCOMPARE(standing.result()->remaining, HashtagLedger::Budget - searchedThisWeek);
    }

    void otherSourcesNeverAskTheBudget()
    {
        HarvestInput input;
        input.source = SourceKind::Local;
        input.paths = {folderWithImage()};
        HarvestPreparation::Context with = context();
        int asked = 0;
        with.budget = [&]() -> BackgroundInstagramBudget * {
            ++asked;
            return nullptr;
        };
        HarvestPreparation preparation;
        QVERIFY(prepared(preparation, {input}, with).ready);
        QCOMPARE(asked, 0);
    }
};

QTEST_GUILESS_MAIN(TestHarvestPreparation)
#include "tst_harvestpreparation.moc"
