// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundInstagramBudget: the budget's answers as InstagramBudget gives them, from its own
// thread; a ledger that cannot be opened answers every question with the error; a second open()
// replaces the first; searches recorded on the budget's thread reach changed().
#include "engine/sources/hashtagledger.h"
#include "engine/workflow/backgroundinstagrambudget.h"
#include "support/ledgerfixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using taglens::engine::BackgroundInstagramBudget;
using taglens::engine::ErrorCode;
using taglens::engine::Expected;
using taglens::engine::HashtagLedger;
using taglens::engine::InstagramBudget;

namespace {

template <typename T> T resultOf(QFuture<T> future)
{
    // The future is answered by the budget's thread: the test's thread may wait for it.
    future.waitForFinished();
    return future.result();
}

QString userId()
{
    return QStringLiteral("17841400000000001");
}

} // namespace

class TestBackgroundInstagramBudget : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    QString freshLedger() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_count)); }

    /// A ledger in which \a searched distinct tags were searched an hour ago.
    QString ledgerWith(int searched)
    {
        const QString path = freshLedger();
        return taglens::tests::writeLedger(path, userId(), searched) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void answersAsTheBudgetDoes_data()
    {
        QTest::addColumn<int>("searched");
        QTest::addColumn<int>("asked");
        QTest::addColumn<bool>("admitted");
        QTest::newRow("fresh") << 0 << 3 << true;
        QTest::newRow("exactly the budget") << 27 << 3 << true;
        QTest::newRow("one over") << 28 << 3 << false;
        QTest::newRow("all spent") << HashtagLedger::Budget << 1 << false;
    }
    void answersAsTheBudgetDoes()
    {
        QFETCH(int, searched);
        QFETCH(int, asked);
        QFETCH(bool, admitted);
        const QString path = ledgerWith(searched);
        QVERIFY(!path.isEmpty());
        BackgroundInstagramBudget background;
        QSignalSpy opened(&background, &BackgroundInstagramBudget::opened);
        background.open(path);
        // Asked at once: the questions wait for the open on the budget's thread.
        const auto standing = resultOf(background.standing(userId()));
        QStringList tags;
        for (int i = 0; i < asked; ++i)
            tags << QStringLiteral("new%1").arg(i);
        const auto admission = resultOf(background.admit(userId(), tags));

        // The same answers as the budget itself gives on this thread.
        auto direct = InstagramBudget::open(path);
        QVERIFY(direct);
        const auto expected = (*direct)->standing(userId());
        QVERIFY(standing && expected);
        QCOMPARE(standing->remaining, expected->remaining);
        QCOMPARE(standing->remaining, HashtagLedger::Budget - searched);
        QCOMPARE(standing->entries.size(), expected->entries.size());
        QCOMPARE(admission.hasValue(), admitted);
        if (!admitted)
            QCOMPARE(admission.error().code, ErrorCode::RateLimited);

        QTRY_COMPARE(opened.size(), 1);
        QVERIFY(opened.first().first().value<Expected<void>>().hasValue());
        QVERIFY(background.budget());
        QVERIFY(background.budget()->thread() != QThread::currentThread());
        QCOMPARE(background.budget()->ledgerPath(), path);
    }

    void aLedgerThatCannotOpenAnswersWithItsError()
    {
        // A directory where the file should be.
        const QString path = m_dir.filePath(QStringLiteral("not-a-file"));
        QVERIFY(QDir().mkpath(path + QStringLiteral("/inside")));
        BackgroundInstagramBudget background;
        QSignalSpy opened(&background, &BackgroundInstagramBudget::opened);
        background.open(path);
        const auto standing = resultOf(background.standing(userId()));
        QVERIFY(!standing);
        QCOMPARE(standing.error().code, ErrorCode::Io);
        const auto admission = resultOf(background.admit(userId(), {QStringLiteral("cats")}));
        QVERIFY(!admission);
        QCOMPARE(admission.error().code, ErrorCode::Io);
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().value<Expected<void>>().error().code, ErrorCode::Io);
        QVERIFY(!background.budget());
    }

    void questionsBeforeAnyOpenAreRefused()
    {
        BackgroundInstagramBudget background;
        const auto standing = resultOf(background.standing(userId()));
        QVERIFY(!standing);
        QCOMPARE(standing.error().code, ErrorCode::Io);
    }

    void aSecondOpenReplacesTheFirst()
    {
        const QString full = ledgerWith(HashtagLedger::Budget);
        const QString empty = ledgerWith(0);
        QVERIFY(!full.isEmpty() && !empty.isEmpty());
        BackgroundInstagramBudget background;
        QSignalSpy opened(&background, &BackgroundInstagramBudget::opened);
        background.open(full);
        background.open(empty);
        QCOMPARE(background.ledgerPath(), empty);
        const auto standing = resultOf(background.standing(userId()));
        QVERIFY(standing);
        QCOMPARE(standing->remaining, HashtagLedger::Budget);
        // Only the latest open is reported, and its budget is the one handed out.
        QTRY_VERIFY(background.budget() != nullptr);
        QCOMPARE(background.budget()->ledgerPath(), empty);
        QTest::qWait(50);
        QCOMPARE(opened.size(), 1);
    }

    void recordedSearchesAreReported()
    {
        BackgroundInstagramBudget background;
        QSignalSpy changed(&background, &BackgroundInstagramBudget::changed);
        background.open(freshLedger());
        QTRY_VERIFY(background.budget() != nullptr);
        InstagramBudget *budget = background.budget();
        // As a harvest's source does: the search is recorded on the budget's thread.
        QMetaObject::invokeMethod(
            budget, [budget] { std::ignore = budget->record(userId(), QStringLiteral("cats")); },
            Qt::QueuedConnection);
        QTRY_COMPARE(changed.size(), 1);
        const auto standing = resultOf(background.standing(userId()));
        QVERIFY(standing);
        QCOMPARE(standing->remaining, HashtagLedger::Budget - 1);
        QCOMPARE(standing->entries.size(), 1);
        QCOMPARE(standing->entries.first().tag, QStringLiteral("cats"));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundInstagramBudget)
#include "tst_backgroundinstagrambudget.moc"
