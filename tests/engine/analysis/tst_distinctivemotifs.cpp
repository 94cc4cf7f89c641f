// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analysis/distinctivemotifs.h"
#include "referencescript.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using taglens::engine::DistinctiveMotifs;
using taglens::engine::LabelScore;
using taglens::engine::MediaRow;
using taglens::engine::MediaStatus;
using taglens::engine::MotifStatistics;

namespace {

// "tag:label=images" (score 0.9) or "tag:label=images@score".
struct Count
{
    QString tag;
    QString label;
    int images = 0;
    float score = 0.9f;
};

QList<MediaRow> rowsOf(const QList<Count> &counts)
{
    QList<MediaRow> rows;
    qint64 post = 0;
    for (const Count &c : counts) {
        for (int i = 0; i < c.images; ++i) {
            MediaRow r;
            r.tag = c.tag;
            r.postId = ++post;
            r.status = MediaStatus::Ok;
            // The label's index is its first letter: stable and distinct in these tables.
            r.predictions = {LabelScore{int(c.label.at(0).unicode()), c.label, c.score}};
            rows << r;
        }
    }
    return rows;
}

QString keyName(const MotifStatistics::MotifKey &key)
{
    return QStringLiteral("%1#%2").arg(key.second).arg(key.first);
}

QJsonObject imagesOf(const MotifStatistics &statistics, const QStringList &tags)
{
    QJsonObject out;
    for (const QString &tag : tags) {
        for (const auto &m : statistics.tag(tag).motifs) {
            const QString name = keyName({m.labelIndex, m.label});
            out.insert(name, out.value(name).toInt() + m.images);
        }
    }
    return out;
}

bool near(double value, double expected)
{
    return std::abs(value - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

} // namespace

Q_DECLARE_METATYPE(QList<Count>)

class TestDistinctiveMotifs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheReference_data()
    {
        QTest::addColumn<QList<Count>>("counts");
        QTest::addColumn<QStringList>("a");
        QTest::addColumn<QStringList>("b");
        QTest::addColumn<double>("minimumScore");
        QTest::addColumn<double>("priorStrength");
        const QString x = QStringLiteral("x"), y = QStringLiteral("y"), z = QStringLiteral("z");
        const QString pizza = QStringLiteral("pizza"), tabby = QStringLiteral("tabby"),
                      beach = QStringLiteral("beach"), car = QStringLiteral("car");
        QTest::newRow("two tags, shared and own labels")
            << QList<Count>{{x, pizza, 40}, {x, tabby, 5},  {x, beach, 12},
                            {y, pizza, 8},  {y, tabby, 30}, {y, car, 3}}
            << QStringList{x} << QStringList{y} << 0.0 << 0.0;
        QTest::newRow("very unequal sizes")
            << QList<Count>{{x, pizza, 400}, {x, tabby, 50}, {x, beach, 120}, {y, pizza, 2}, {y, tabby, 6}}
            << QStringList{x} << QStringList{y} << 0.0 << 0.0;
        QTest::newRow("one tag against every other")
            << QList<Count>{{x, pizza, 20}, {x, beach, 4}, {y, pizza, 5},
                            {y, tabby, 9},  {z, car, 7},   {z, pizza, 3}}
            << QStringList{x} << QStringList{} << 0.0 << 0.0;
        QTest::newRow("a third tag's label is in the prior only")
            << QList<Count>{{x, pizza, 20}, {x, beach, 4}, {y, pizza, 5}, {y, tabby, 9}, {z, car, 70}}
            << QStringList{x} << QStringList{y} << 0.0 << 0.0;
        QTest::newRow("images below the minimum count in n only")
            << QList<Count>{{x, pizza, 20, 0.8f},
                            {x, beach, 9, 0.2f},
                            {y, pizza, 5, 0.8f},
                            {y, tabby, 9, 0.1f}}
            << QStringList{x} << QStringList{y} << 0.5 << 0.0;
        QTest::newRow("a weak prior")
            << QList<Count>{{x, pizza, 40}, {x, tabby, 5}, {y, pizza, 8}, {y, tabby, 30}, {y, car, 1}}
            << QStringList{x} << QStringList{y} << 0.0 << 2.0;
        QTest::newRow("two tags against one")
            << QList<Count>{{x, pizza, 20}, {y, pizza, 15}, {y, beach, 3}, {z, tabby, 30}, {z, pizza, 2}}
            << QStringList{x, y} << QStringList{z} << 0.0 << 0.0;
    }
    void matchesTheReference()
    {
        QFETCH(QList<Count>, counts);
        QFETCH(QStringList, a);
        QFETCH(QStringList, b);
        QFETCH(double, minimumScore);
        QFETCH(double, priorStrength);
        const MotifStatistics statistics = MotifStatistics::compute(rowsOf(counts), minimumScore, {0});
        const DistinctiveMotifs::Comparison c = DistinctiveMotifs::compare(statistics, a, b, priorStrength);
        QVERIFY(!c.terms.isEmpty());

        const QJsonObject query{{QStringLiteral("a"), imagesOf(statistics, c.tagsA)},
                                {QStringLiteral("b"), imagesOf(statistics, c.tagsB)},
                                {QStringLiteral("project"), imagesOf(statistics, statistics.tags())},
                                {QStringLiteral("nA"), c.classifiedA},
                                {QStringLiteral("nB"), c.classifiedB},
                                {QStringLiteral("nProject"), c.background},
                                {QStringLiteral("a0"), c.priorStrength}};
        const QJsonObject expected =
            taglens::tests::referenceStatistics(QStringLiteral("fightin-words"), query)
                .value(QStringLiteral("terms"))
                .toObject();
        QCOMPARE(expected.size(), c.terms.size());
        for (const DistinctiveMotifs::Term &t : c.terms) {
            const QJsonObject e = expected.value(keyName(t.key)).toObject();
            QVERIFY2(!e.isEmpty(), qPrintable(keyName(t.key)));
            QVERIFY2(near(t.logOdds, e.value(QStringLiteral("delta")).toDouble()),
                     qPrintable(keyName(t.key)));
            QVERIFY(near(t.standardError, e.value(QStringLiteral("se")).toDouble()));
            QVERIFY(near(t.z, e.value(QStringLiteral("z")).toDouble()));
            QVERIFY(near(t.p, e.value(QStringLiteral("p")).toDouble()));
            QVERIFY(near(t.q, e.value(QStringLiteral("q")).toDouble()));
        }
        for (qsizetype i = 1; i < c.terms.size(); ++i)
            QVERIFY(c.terms.at(i - 1).z >= c.terms.at(i).z);
    }

    void groupsAreCleanedUp()
    {
        const QString x = QStringLiteral("x"), y = QStringLiteral("y"), z = QStringLiteral("z");
        const auto statistics = MotifStatistics::compute(rowsOf({{x, QStringLiteral("pizza"), 3},
                                                                 {y, QStringLiteral("tabby"), 2},
                                                                 {z, QStringLiteral("car"), 1}}),
                                                         0.0, {0});
        // A tag in both groups stays in A; unknown tags and repeats add nothing.
        const auto c = DistinctiveMotifs::compare(statistics, {x, x, QStringLiteral("nope")},
                                                  {x, y, QStringLiteral("nope")});
        QCOMPARE(c.tagsA, QStringList{x});
        QCOMPARE(c.tagsB, QStringList{y});
        QCOMPARE(c.classifiedA, 3);
        QCOMPARE(c.classifiedB, 2);
        QCOMPARE(c.background, 6);
        QCOMPARE(c.priorStrength, 6.0);
        QCOMPARE(c.terms.size(), 2); // car is z's alone
        // Every other tag.
        const auto rest = DistinctiveMotifs::compare(statistics, {y}, {});
        QCOMPARE(rest.tagsB, (QStringList{x, z}));
        QCOMPARE(rest.classifiedB, 4);
    }

    void turnsAroundWithTheGroups()
    {
        const QString x = QStringLiteral("x"), y = QStringLiteral("y");
        const auto statistics = MotifStatistics::compute(rowsOf({{x, QStringLiteral("pizza"), 30},
                                                                 {x, QStringLiteral("tabby"), 4},
                                                                 {y, QStringLiteral("pizza"), 6},
                                                                 {y, QStringLiteral("tabby"), 25}}),
                                                         0.0, {0});
        const auto forward = DistinctiveMotifs::compare(statistics, {x}, {y});
        const auto backward = DistinctiveMotifs::compare(statistics, {y}, {x});
        QCOMPARE(forward.terms.size(), 2);
        QCOMPARE(forward.terms.first().key.second, QStringLiteral("pizza"));
        QVERIFY(forward.terms.first().z > 1.96);
        QCOMPARE(backward.terms.last().key.second, QStringLiteral("pizza"));
        QVERIFY(near(forward.terms.first().z, -backward.terms.last().z));
    }

    void nothingToCompare()
    {
        const QString x = QStringLiteral("x");
        const auto statistics = MotifStatistics::compute(rowsOf({{x, QStringLiteral("pizza"), 3}}), 0.0, {0});
        // One tag: no other group.
        const auto alone = DistinctiveMotifs::compare(statistics, {x}, {});
        QVERIFY(alone.tagsB.isEmpty());
        QVERIFY(alone.terms.isEmpty());
        const auto none = DistinctiveMotifs::compare(MotifStatistics::compute({}, 0.0, {0}), {x}, {});
        QVERIFY(none.terms.isEmpty());
        QCOMPARE(none.classifiedA, 0);
    }

    void oneLabelEverywhereIsNoDifference()
    {
        const QString x = QStringLiteral("x"), y = QStringLiteral("y");
        const auto statistics = MotifStatistics::compute(
            rowsOf({{x, QStringLiteral("pizza"), 3}, {y, QStringLiteral("pizza"), 7}}), 0.0, {0});
        const auto c = DistinctiveMotifs::compare(statistics, {x}, {y});
        QCOMPARE(c.terms.size(), 1);
        QCOMPARE(c.terms.first().z, 0.0);
        QCOMPARE(c.terms.first().p, 1.0);
        QVERIFY(std::isfinite(c.terms.first().standardError));
    }
};

QTEST_GUILESS_MAIN(TestDistinctiveMotifs)
#include "tst_distinctivemotifs.moc"
