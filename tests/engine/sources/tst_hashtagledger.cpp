// SPDX-License-Identifier: GPL-3.0-or-later
// HashtagLedger: Meta's 30 unique hashtags per account in a rolling 7 days, with the time passed
// in (no sleeping), persisted in SQLite.
#include "engine/sources/hashtagledger.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using taglens::engine::ErrorCode;
using taglens::engine::HashtagLedger;

namespace {

const QString Alice = QStringLiteral("17841405822304914");
const QString Bob = QStringLiteral("17841400000000002");
const QDateTime Start(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);

QStringList tags(int from, int count)
{
    QStringList list;
    for (int i = from; i < from + count; ++i)
        list << QStringLiteral("tag%1").arg(i);
    return list;
}

} // namespace

class TestHashtagLedger : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<HashtagLedger> freshLedger()
    {
        auto ledger =
            HashtagLedger::open(m_dir.filePath(QStringLiteral("ledger%1/settings.sqlite").arg(++m_files)));
        if (!ledger)
            qFatal("%s", qPrintable(ledger.error().message));
        return std::move(*ledger);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void emptyLedgerHasTheWholeBudget()
    {
        auto ledger = freshLedger();
        QCOMPARE(*ledger->remaining(Alice, Start), 30);
        QVERIFY(ledger->wouldAdmit(Alice, tags(0, 30), Start));
        QVERIFY(ledger->entries(Alice, Start)->isEmpty());
    }

    void repeatedTagCostsNothing()
    {
        auto ledger = freshLedger();
        QCOMPARE(*ledger->record(Alice, QStringLiteral("cats"), Start), true);
        QCOMPARE(*ledger->record(Alice, QStringLiteral("#Cats"), Start.addSecs(3600)), false);
        QCOMPARE(*ledger->record(Alice, QStringLiteral("CATS"), Start.addDays(6)), false);
        QCOMPARE(*ledger->remaining(Alice, Start.addDays(6)), 29);
        // A repeat does not restart the tag's 7 days: it frees at Start + 7 days.
        const auto entries = ledger->entries(Alice, Start.addDays(6));
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().firstSearchedAt, Start);
        QCOMPARE(entries->first().freesAt, Start.addDays(7));
    }

    void accountsAreSeparate()
    {
        auto ledger = freshLedger();
        for (const QString &tag : tags(0, 30))
            QVERIFY(*ledger->record(Alice, tag, Start));
        QCOMPARE(*ledger->remaining(Alice, Start), 0);
        QCOMPARE(*ledger->remaining(Bob, Start), 30);
        QVERIFY(ledger->wouldAdmit(Bob, {QStringLiteral("new")}, Start));
    }

    void thirtyFirstTagIsRefusedWithTheDate()
    {
        auto ledger = freshLedger();
        // tag0 first, an hour later the rest.
        QVERIFY(*ledger->record(Alice, QStringLiteral("tag0"), Start));
        for (const QString &tag : tags(1, 29))
            QVERIFY(*ledger->record(Alice, tag, Start.addSecs(3600)));
        const QDateTime now = Start.addDays(2);
        QCOMPARE(*ledger->remaining(Alice, now), 0);
        // Tags in the window are still fine.
        QVERIFY(ledger->wouldAdmit(Alice, {QStringLiteral("tag0"), QStringLiteral("#TAG5")}, now));
        const auto refused = ledger->wouldAdmit(Alice, {QStringLiteral("tag3"), QStringLiteral("Dogs")}, now);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::RateLimited);
        QVERIFY2(refused.error().message.contains(QStringLiteral("#dogs")),
                 qPrintable(refused.error().message));
        QVERIFY2(!refused.error().message.contains(QStringLiteral("#tag3")),
                 qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QStringLiteral("2025-03-08 12:00 UTC")),
                 qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QStringLiteral("#tag0")),
                 qPrintable(refused.error().message));
    }

    void severalOverBudgetNameWhenAllFit()
    {
        auto ledger = freshLedger();
        for (int i = 0; i < 28; ++i)
            QVERIFY(*ledger->record(Alice, QStringLiteral("tag%1").arg(i), Start.addSecs(3600 * i)));
        // 2 places left, 5 new tags: 3 too many; all fit once the 3 oldest have aged out.
        const auto refused = ledger->wouldAdmit(Alice, tags(100, 5), Start.addDays(3));
        QVERIFY(!refused);
        const QString message = refused.error().message;
        QVERIFY2(message.contains(QStringLiteral("#tag102, #tag103, #tag104")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("#tag101")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("2025-03-08 12:00 UTC")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("2025-03-08 14:00 UTC")),
                 qPrintable(message)); // when all fit
        // Duplicates among the asked tags count once.
        QVERIFY(ledger->wouldAdmit(Alice, {QStringLiteral("x"), QStringLiteral("X"), QStringLiteral("#x")},
                                   Start.addDays(3)));
    }

    void windowBoundary_data()
    {
        QTest::addColumn<qint64>("secondsLater");
        QTest::addColumn<int>("remaining");
        QTest::newRow("same moment") << qint64(0) << 29;
        QTest::newRow("6 days 23:59:59") << qint64(HashtagLedger::WindowSeconds - 1) << 29;
        QTest::newRow("exactly 7 days") << qint64(HashtagLedger::WindowSeconds) << 30;
        QTest::newRow("8 days") << qint64(HashtagLedger::WindowSeconds + 86400) << 30;
        QTest::newRow("clock went back") << qint64(-3600) << 30;
    }
    void windowBoundary()
    {
        QFETCH(qint64, secondsLater);
        QFETCH(int, remaining);
        auto ledger = freshLedger();
        QVERIFY(*ledger->record(Alice, QStringLiteral("cats"), Start));
        QCOMPARE(*ledger->remaining(Alice, Start.addSecs(secondsLater)), remaining);
    }

    void searchAfterTheWindowCountsAgain()
    {
        auto ledger = freshLedger();
        QVERIFY(*ledger->record(Alice, QStringLiteral("cats"), Start));
        const QDateTime later = Start.addDays(9);
        QCOMPARE(*ledger->record(Alice, QStringLiteral("cats"), later), true);
        QCOMPARE(*ledger->remaining(Alice, later.addDays(6)), 29);
        QCOMPARE(ledger->entries(Alice, later)->first().firstSearchedAt, later);
    }

    void timeZonesDoNotMatter()
    {
        auto ledger = freshLedger();
        const QDateTime inTokyo = Start.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Tokyo")));
        QVERIFY(*ledger->record(Alice, QStringLiteral("cats"), inTokyo));
        QCOMPARE(ledger->entries(Alice, Start)->first().firstSearchedAt, Start);
        QCOMPARE(ledger->entries(Alice, Start)->first().firstSearchedAt.timeSpec(), Qt::UTC);
    }

    void persistsAcrossOpens()
    {
        const QString path = m_dir.filePath(QStringLiteral("persist/settings.sqlite"));
        {
            auto ledger = HashtagLedger::open(path);
            QVERIFY(ledger);
            for (const QString &tag : tags(0, 12))
                QVERIFY(*(*ledger)->record(Alice, tag, Start));
        }
        auto again = HashtagLedger::open(path);
        QVERIFY(again);
        QCOMPARE(*(*again)->remaining(Alice, Start.addDays(1)), 18);
        // Two ledgers on one file (two processes) see each other's searches.
        auto other = HashtagLedger::open(path);
        QVERIFY(other);
        QVERIFY(*(*other)->record(Alice, QStringLiteral("more"), Start.addDays(1)));
        QCOMPARE(*(*again)->remaining(Alice, Start.addDays(1)), 17);
    }

    void hostileInput()
    {
        auto ledger = freshLedger();
        QCOMPARE(ledger->record(QString(), QStringLiteral("cats"), Start).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(ledger->record(Alice, QStringLiteral("  # "), Start).error().code,
                 ErrorCode::InvalidArgument);
        // SQL in a tag is data, nothing else.
        const QString sneaky = QStringLiteral("x'); DROP TABLE instagram_hashtag_searches; --");
        QVERIFY(*ledger->record(Alice, sneaky, Start));
        QCOMPARE(*ledger->remaining(Alice, Start), 29);
        QVERIFY(ledger->wouldAdmit(Alice, {sneaky}, Start));
    }

    void unusablePathsAreErrors()
    {
        const auto folder = HashtagLedger::open(m_dir.path());
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, ErrorCode::Io);
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto underFile = HashtagLedger::open(m_dir.filePath(QStringLiteral("blocker/settings.sqlite")));
        QVERIFY(!underFile);
        QCOMPARE(underFile.error().code, ErrorCode::Io);
        QFile garbage(m_dir.filePath(QStringLiteral("garbage.sqlite")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        const auto notSqlite = HashtagLedger::open(garbage.fileName());
        QVERIFY(!notSqlite);
        QCOMPARE(notSqlite.error().code, ErrorCode::Io);
    }

    void defaultPathIsInTheDataFolder()
    {
        QVERIFY(HashtagLedger::defaultPath().endsWith(QStringLiteral("/taglens/settings.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestHashtagLedger)
#include "tst_hashtagledger.moc"
