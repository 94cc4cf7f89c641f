// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/net/httpclient.h"
#include "engine/sources/instagramhashtagsource.h"
#include "engine/workflow/instagrambudget.h"
#include "support/graphapistandin.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <memory>

using namespace std::chrono_literals;
using taglens::engine::ErrorCode;
using taglens::engine::HttpClient;
using taglens::engine::InstagramBudget;
using taglens::engine::SourceKind;
using taglens::engine::SourceSpec;
using taglens::tests::GraphApiStandIn;

class TestInstagramBudget : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;
    QDateTime m_now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

    std::unique_ptr<InstagramBudget> openBudget()
    {
        auto budget =
            InstagramBudget::open(m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_count)));
        if (!budget)
            return nullptr;
        (*budget)->setClock([this] { return m_now; });
        return std::move(*budget);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // How many searches fit, counted over a rolling week, per account.
    void admitsWithinTheWeek_data()
    {
        QTest::addColumn<int>("searchedBefore"); // distinct tags searched two days ago
        QTest::addColumn<int>("asked");          // new tags in the plan
        QTest::addColumn<int>("daysLater");
        QTest::addColumn<bool>("admitted");
        QTest::addColumn<int>("remaining");
        QTest::newRow("fresh account") << 0 << 5 << 0 << true << 30;
        QTest::newRow("exactly the budget") << 25 << 5 << 0 << true << 5;
        QTest::newRow("one over") << 26 << 5 << 0 << false << 4;
        QTest::newRow("all spent") << 30 << 1 << 0 << false << 0;
        QTest::newRow("all spent, a week later they are free again") << 30 << 30 << 6 << true << 30;
    }
    void admitsWithinTheWeek()
    {
        QFETCH(int, searchedBefore);
        QFETCH(int, asked);
        QFETCH(int, daysLater);
        QFETCH(bool, admitted);
        QFETCH(int, remaining);
        auto budget = openBudget();
        QVERIFY(budget);
        const QString user = QStringLiteral("17841400000000001");
        const QDateTime start = m_now;
        m_now = start.addDays(-2);
        for (int i = 0; i < searchedBefore; ++i)
            QVERIFY(budget->record(user, QStringLiteral("old%1").arg(i)));
        m_now = start.addDays(daysLater);
        QStringList tags;
        for (int i = 0; i < asked; ++i)
            tags << QStringLiteral("new%1").arg(i);
        const auto admit = budget->admit(user, tags);
        QCOMPARE(bool(admit), admitted);
        if (!admitted)
            QCOMPARE(admit.error().code, ErrorCode::RateLimited);
        const auto standing = budget->standing(user);
        QVERIFY(standing);
        QCOMPARE(standing->remaining, remaining);
        QCOMPARE(standing->budget, 30);
        QCOMPARE(standing->entries.size(), qsizetype(30 - remaining));
        // Another account's budget is its own.
        QCOMPARE(budget->standing(QStringLiteral("other"))->remaining, 30);
        m_now = start;
    }

    void aTagSearchedAgainCostsNothing()
    {
        auto budget = openBudget();
        QVERIFY(budget);
        QSignalSpy changed(budget.get(), &InstagramBudget::changed);
        QCOMPARE(*budget->record(QStringLiteral("u"), QStringLiteral("cats")), true);
        QCOMPARE(*budget->record(QStringLiteral("u"), QStringLiteral("cats")), false);
        QCOMPARE(budget->standing(QStringLiteral("u"))->remaining, 29);
        QCOMPARE(changed.size(), 2);
        QVERIFY(budget->admit(QStringLiteral("u"), {QStringLiteral("cats")}));
    }

    void anUnreadableLedgerIsAnError()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        const auto budget = InstagramBudget::open(path);
        QVERIFY(!budget);
        QCOMPARE(budget.error().code, ErrorCode::Io);
    }

    // The sources it makes report each search to it; a search that finds no tag costs nothing.
    void sourcesRecordTheirSearches()
    {
        GraphApiStandIn graph;
        graph.addHashtag(QStringLiteral("cats"), QStringLiteral("17843853986012965"),
                         GraphApiStandIn::images(QStringLiteral("1790000000000"), 3, QStringLiteral("cats")));
        auto budget = openBudget();
        QVERIFY(budget);
        const auto spec = SourceSpec::instagram(
            {graph.igUserId, graph.longToken, graph.graphBase(), QStringLiteral("recent")});
        HttpClient client;
        client.setBackoff(5ms, 20ms);
        client.setMaxRetries(1);
        auto factory = budget->sourceFactory(spec);
        for (const QString &tag : {QStringLiteral("cats"), QStringLiteral("nosuchtag")}) {
            auto source = factory(tag, &client);
            QVERIFY(source);
            auto *instagram = qobject_cast<taglens::engine::InstagramHashtagSource *>(source->get());
            QVERIFY(instagram);
            QSignalSpy done(instagram, &taglens::engine::PostSource::postsReady);
            QSignalSpy failed(instagram, &taglens::engine::PostSource::failed);
            instagram->fetchNext();
            QVERIFY(QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 10000));
        }
        QCOMPARE(graph.searchedTags().size(), 2);
        const auto standing = budget->standing(graph.igUserId);
        QVERIFY(standing);
        QCOMPARE(standing->remaining, 29);
        QCOMPARE(standing->entries.size(), 1);
        QCOMPARE(standing->entries.first().tag, QStringLiteral("cats"));

        // Another kind of source is made as it is, and costs nothing.
        const auto mastodon = SourceSpec::fediverse(SourceKind::Mastodon,
                                                    {QUrl(QStringLiteral("https://mastodon.example")), {}});
        QVERIFY(budget->sourceFactory(mastodon)(QStringLiteral("cats"), &client));
        QCOMPARE(budget->standing(graph.igUserId)->remaining, 29);
    }
};

QTEST_GUILESS_MAIN(TestInstagramBudget)
#include "tst_instagrambudget.moc"
