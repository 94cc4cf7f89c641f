// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analysis/clusterbootstrap.h"
#include "engine/analysis/motifstatistics.h"
#include "referencescript.h"

#include <QJsonArray>
#include <QTest>
#include <cmath>

using taglens::engine::BootstrapOptions;
using taglens::engine::ClusterBootstrap;
using taglens::engine::LabelScore;
using taglens::engine::MediaRow;
using taglens::engine::MediaStatus;
using taglens::engine::MotifStatistics;

namespace {

using Clusters = QList<ClusterBootstrap::Cluster>;

// A post of `size` images, `alike` of them with label `slot`, the rest spread over the others
// by a fixed rule (no randomness: the tables stay the same from run to run).
Clusters design(int posts, int maxSize, int slots, double clustering)
{
    Clusters out;
    quint32 state = 12345;
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (int p = 0; p < posts; ++p) {
        ClusterBootstrap::Cluster c;
        c.size = 1 + int(next() % quint32(maxSize));
        const int slot = int(next() % quint32(slots));
        for (int i = 0; i < c.size; ++i) {
            const bool alike = double(next() % 1000) / 1000.0 < clustering;
            c.counts.append({alike ? slot : int(next() % quint32(slots)), 1});
        }
        out << c;
    }
    return out;
}

QJsonObject queryOf(const Clusters &clusters, int slots, int replicates, double level)
{
    QJsonArray array;
    for (const auto &c : clusters) {
        QJsonArray labels;
        for (const auto &[slot, images] : c.counts) {
            for (int i = 0; i < images; ++i)
                labels.append(QString::number(slot));
        }
        array.append(QJsonArray{c.size, labels});
    }
    QJsonArray names;
    for (int s = 0; s < slots; ++s)
        names.append(QString::number(s));
    return {{QStringLiteral("clusters"), array},
            {QStringLiteral("labels"), names},
            {QStringLiteral("replicates"), replicates},
            {QStringLiteral("seed"), 7},
            {QStringLiteral("level"), level}};
}

double width(const ClusterBootstrap::Interval &i)
{
    return i.high - i.low;
}

} // namespace

class TestClusterBootstrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAnIndependentBootstrap_data()
    {
        QTest::addColumn<Clusters>("clusters");
        QTest::addColumn<int>("slots");
        QTest::addColumn<double>("level");
        QTest::newRow("one image per post") << design(300, 1, 3, 0.0) << 3 << 0.95;
        QTest::newRow("posts of up to six alike images") << design(120, 6, 4, 0.8) << 4 << 0.95;
        QTest::newRow("many labels, loosely clustered") << design(400, 3, 12, 0.4) << 12 << 0.95;
        QTest::newRow("a 90 % interval") << design(200, 4, 3, 0.6) << 3 << 0.90;
    }
    void matchesAnIndependentBootstrap()
    {
        QFETCH(Clusters, clusters);
        QFETCH(int, slots);
        QFETCH(double, level);
        const auto intervals = ClusterBootstrap::intervals(clusters, slots, {4000, 99, level}, "tag");
        QCOMPARE(intervals.size(), slots);
        const QJsonObject reference = taglens::tests::referenceStatistics(
            QStringLiteral("cluster-bootstrap"), queryOf(clusters, slots, 20000, level));
        const QJsonObject expected = reference.value(QStringLiteral("intervals")).toObject();
        const QJsonObject se = reference.value(QStringLiteral("linearised_se")).toObject();
        QCOMPARE(expected.size(), slots);
        const double z = level == 0.95 ? 1.959964 : 1.644854;
        for (int s = 0; s < slots; ++s) {
            const QJsonArray e = expected.value(QString::number(s)).toArray();
            const double low = e.at(0).toDouble(), high = e.at(1).toDouble();
            // Two bootstraps with other random streams: the endpoints agree within a tenth of
            // the width (about nine Monte Carlo standard errors of a 4000-replicate quantile).
            const double tolerance = 0.1 * (high - low);
            QVERIFY2(
                std::abs(intervals.at(s).low - low) <= tolerance,
                qPrintable(QStringLiteral("slot %1 low %2 vs %3").arg(s).arg(intervals.at(s).low).arg(low)));
            QVERIFY2(std::abs(intervals.at(s).high - high) <= tolerance,
                     qPrintable(
                         QStringLiteral("slot %1 high %2 vs %3").arg(s).arg(intervals.at(s).high).arg(high)));
            // And the width is that of the linearised ratio estimator's normal interval.
            const double normalWidth = 2 * z * se.value(QString::number(s)).toDouble();
            QVERIFY2(std::abs(width(intervals.at(s)) - normalWidth) <= 0.2 * normalWidth,
                     qPrintable(QStringLiteral("slot %1 width %2 vs %3")
                                    .arg(s)
                                    .arg(width(intervals.at(s)))
                                    .arg(normalWidth)));
        }
    }

    void theSameSeedGivesTheSameIntervals()
    {
        const Clusters clusters = design(100, 4, 3, 0.5);
        const auto first = ClusterBootstrap::intervals(clusters, 3, {500, 1, 0.95}, "cats");
        const auto again = ClusterBootstrap::intervals(clusters, 3, {500, 1, 0.95}, "cats");
        const auto otherSeed = ClusterBootstrap::intervals(clusters, 3, {500, 2, 0.95}, "cats");
        const auto otherTag = ClusterBootstrap::intervals(clusters, 3, {500, 1, 0.95}, "dogs");
        bool seedDiffers = false, tagDiffers = false;
        for (int s = 0; s < 3; ++s) {
            QCOMPARE(first.at(s).low, again.at(s).low);
            QCOMPARE(first.at(s).high, again.at(s).high);
            seedDiffers |= first.at(s).low != otherSeed.at(s).low || first.at(s).high != otherSeed.at(s).high;
            tagDiffers |= first.at(s).low != otherTag.at(s).low || first.at(s).high != otherTag.at(s).high;
        }
        QVERIFY(seedDiffers);
        QVERIFY(tagDiffers);
        QCOMPARE(ClusterBootstrap::streamSeed(1, "cats"), ClusterBootstrap::streamSeed(1, "cats"));
        QVERIFY(ClusterBootstrap::streamSeed(1, "cats") != ClusterBootstrap::streamSeed(1, "cat"));
    }

    void postsOfAlikeImagesWidenTheInterval()
    {
        // The same 200 images, half of each label: in 50 posts of four alike images, or alone.
        Clusters grouped, single;
        for (int p = 0; p < 50; ++p)
            grouped << ClusterBootstrap::Cluster{4, {{p % 2, 4}}};
        for (int p = 0; p < 200; ++p)
            single << ClusterBootstrap::Cluster{1, {{p % 2, 1}}};
        const auto g = ClusterBootstrap::intervals(grouped, 2, {2000, 3, 0.95}, "t");
        const auto s = ClusterBootstrap::intervals(single, 2, {2000, 3, 0.95}, "t");
        // A design effect of 4 doubles the standard error.
        QVERIFY2(width(g.at(0)) > 1.6 * width(s.at(0)),
                 qPrintable(QStringLiteral("%1 vs %2").arg(width(g.at(0))).arg(width(s.at(0)))));
        QVERIFY(g.at(0).low < 0.5 && g.at(0).high > 0.5);
    }

    void sharesOfNothingAndOfEverythingStillHaveABound_data()
    {
        QTest::addColumn<int>("posts");
        QTest::addColumn<double>("level");
        QTest::newRow("10 posts") << 10 << 0.95;
        QTest::newRow("1 post") << 1 << 0.95;
        QTest::newRow("250 posts, 90 %") << 250 << 0.90;
    }
    void sharesOfNothingAndOfEverythingStillHaveABound()
    {
        QFETCH(int, posts);
        QFETCH(double, level);
        Clusters clusters;
        for (int p = 0; p < posts; ++p)
            clusters << ClusterBootstrap::Cluster{2, {{0, 2}}}; // slot 1 is never seen
        const auto intervals = ClusterBootstrap::intervals(clusters, 2, {300, 5, level}, "t");
        const QJsonObject reference = taglens::tests::referenceStatistics(QStringLiteral("cluster-bootstrap"),
                                                                          queryOf(clusters, 2, 10, level));
        const double exact = reference.value(QStringLiteral("zero_upper")).toDouble();
        QVERIFY(exact > 0);
        QCOMPARE(ClusterBootstrap::zeroShareUpperBound(posts, level), exact);
        QCOMPARE(intervals.at(1).low, 0.0);
        QVERIFY(std::abs(intervals.at(1).high - exact) < 1e-12);
        QVERIFY(std::abs(intervals.at(0).low - (1.0 - exact)) < 1e-12);
        QCOMPARE(intervals.at(0).high, 1.0);
    }

    void hostileInput()
    {
        // Slots out of range, negative counts and empty clusters take no part.
        const Clusters clusters{{3, {{0, 2}, {7, 1}, {-1, 1}, {1, -4}}}, {0, {{0, 5}}}, {1, {{1, 1}}}};
        const auto intervals = ClusterBootstrap::intervals(clusters, 2, {200, 1, 0.95}, "t");
        QCOMPARE(intervals.size(), 2);
        for (const auto &i : intervals)
            QVERIFY(i.low >= 0 && i.high <= 1 && i.low <= i.high);
        QVERIFY(ClusterBootstrap::intervals(clusters, 2, {0, 1, 0.95}, "t").isEmpty());
        QVERIFY(ClusterBootstrap::intervals({}, 2, {200, 1, 0.95}, "t").isEmpty());
        QVERIFY(ClusterBootstrap::intervals(clusters, 0, {200, 1, 0.95}, "t").isEmpty());
        QVERIFY(ClusterBootstrap::intervals({{0, {{0, 1}}}}, 1, {200, 1, 0.95}, "t").isEmpty());
    }

    void motifStatisticsResamplePosts()
    {
        // #x: 30 posts of three pizza images and 30 single tabby images.
        QList<MediaRow> rows;
        qint64 post = 0;
        const auto add = [&rows](qint64 postId, const QString &label) {
            MediaRow r;
            r.tag = QStringLiteral("x");
            r.postId = postId;
            r.status = MediaStatus::Ok;
            r.predictions = {LabelScore{int(label.at(0).unicode()), label, 0.9f}};
            rows << r;
        };
        for (int p = 0; p < 30; ++p) {
            ++post;
            for (int i = 0; i < 3; ++i)
                add(post, QStringLiteral("pizza"));
            add(++post, QStringLiteral("tabby"));
        }
        const auto statistics = MotifStatistics::compute(rows, 0.0, {1000, 11, 0.95});
        const auto tag = statistics.tag(QStringLiteral("x"));
        QCOMPARE(tag.posts, 60);
        QCOMPARE(tag.classified, 120);
        for (const auto &m : tag.motifs)
            QVERIFY(m.ciLow < m.share && m.share < m.ciHigh);
        // The same shares from the clusters directly: one place computes them.
        Clusters clusters;
        for (int p = 0; p < 30; ++p)
            clusters << ClusterBootstrap::Cluster{3, {{0, 3}}} << ClusterBootstrap::Cluster{1, {{1, 1}}};
        const auto direct = ClusterBootstrap::intervals(clusters, 2, {1000, 11, 0.95}, "x");
        const auto pizza =
            statistics.motif(QStringLiteral("x"), {int(QChar(u'p').unicode()), QStringLiteral("pizza")});
        QCOMPARE(pizza.ciLow, direct.at(0).low);
        QCOMPARE(pizza.ciHigh, direct.at(0).high);
        // A motif the tag never showed: share 0, up to the exact bound over its 60 posts.
        const auto car = statistics.motif(QStringLiteral("x"), {3, QStringLiteral("car")});
        QCOMPARE(car.images, 0);
        QCOMPARE(car.ciLow, 0.0);
        QCOMPARE(car.ciHigh, ClusterBootstrap::zeroShareUpperBound(60, 0.95));
        // Without replicates there are no intervals.
        const auto plain = MotifStatistics::compute(rows, 0.0, {0});
        QCOMPARE(plain.tag(QStringLiteral("x")).motifs.first().ciHigh, 0.0);
        QCOMPARE(plain.motif(QStringLiteral("x"), {3, QStringLiteral("car")}).ciHigh, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestClusterBootstrap)
#include "tst_clusterbootstrap.moc"
