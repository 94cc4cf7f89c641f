// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analysis/motifstatistics.h"

#include <QRandomGenerator>
#include <QTest>
#include <map>
#include <tuple>

using taglens::engine::LabelScore;
using taglens::engine::MediaRow;
using taglens::engine::MediaStatus;
using taglens::engine::MotifStatistics;

namespace {

MediaRow row(const QString &tag, MediaStatus status, int index = -1, const QString &label = {},
             float score = 0.f)
{
    MediaRow r;
    r.tag = tag;
    r.status = status;
    if (index >= 0)
        r.predictions = {LabelScore{index, label, score},
                         LabelScore{999, QStringLiteral("runner-up"), score / 2}};
    return r;
}

// "tag|label#index=images/classified" for every motif, in the order compute() gives them.
QStringList describe(const MotifStatistics &statistics)
{
    QStringList out;
    for (const QString &tag : statistics.tags()) {
        const auto t = statistics.tag(tag);
        for (const auto &m : t.motifs)
            out << QStringLiteral("%1|%2#%3=%4/%5")
                       .arg(tag, m.label)
                       .arg(m.labelIndex)
                       .arg(m.images)
                       .arg(t.classified);
    }
    return out;
}

} // namespace

class TestMotifStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts_data()
    {
        QTest::addColumn<QList<MediaRow>>("rows");
        QTest::addColumn<double>("minimum");
        QTest::addColumn<QStringList>("expected");
        const QString cats = QStringLiteral("cats");
        const QString tabby = QStringLiteral("tabby");
        QTest::newRow("nothing") << QList<MediaRow>{} << 0.0 << QStringList{};
        QTest::newRow("only failed, skipped and pending: no tag")
            << QList<MediaRow>{row(cats, MediaStatus::Failed), row(cats, MediaStatus::Skipped),
                               row(cats, MediaStatus::Pending, 281, tabby, 0.9f)}
            << 0.0 << QStringList{};
        QTest::newRow("one label") << QList<MediaRow>{row(cats, MediaStatus::Ok, 281, tabby, 0.9f),
                                                      row(cats, MediaStatus::Ok, 281, tabby, 0.5f),
                                                      row(cats, MediaStatus::Failed)}
                                   << 0.0 << QStringList{QStringLiteral("cats|tabby#281=2/2")};
        QTest::newRow("ok without the model's labels is left out of the shares (issue 17 #1)")
            << QList<MediaRow>{row(cats, MediaStatus::Ok, 281, tabby, 0.9f), row(cats, MediaStatus::Ok)}
            << 0.0 << QStringList{QStringLiteral("cats|tabby#281=1/1")};
        QTest::newRow("below the minimum counts in the denominator; at it counts")
            << QList<MediaRow>{row(cats, MediaStatus::Ok, 281, tabby, 0.5f),
                               row(cats, MediaStatus::Ok, 281, tabby, 0.49f)}
            << 0.5 << QStringList{QStringLiteral("cats|tabby#281=1/2")};
        QTest::newRow("two classes with one name stay two")
            << QList<MediaRow>{row(cats, MediaStatus::Ok, 134, QStringLiteral("crane"), 0.6f),
                               row(cats, MediaStatus::Ok, 517, QStringLiteral("crane"), 0.6f),
                               row(cats, MediaStatus::Ok, 517, QStringLiteral("crane"), 0.6f)}
            << 0.0 << QStringList{QStringLiteral("cats|crane#517=2/3"), QStringLiteral("cats|crane#134=1/3")};
        QTest::newRow("ties by label, then by index")
            << QList<MediaRow>{row(cats, MediaStatus::Ok, 5, QStringLiteral("b"), 0.6f),
                               row(cats, MediaStatus::Ok, 9, QStringLiteral("a"), 0.6f),
                               row(cats, MediaStatus::Ok, 3, QStringLiteral("a"), 0.6f)}
            << 0.0
            << QStringList{QStringLiteral("cats|a#3=1/3"), QStringLiteral("cats|a#9=1/3"),
                           QStringLiteral("cats|b#5=1/3")};
        QTest::newRow("tags apart, sorted")
            << QList<MediaRow>{row(QStringLiteral("dogs"), MediaStatus::Ok, 207,
                                   QStringLiteral("golden retriever"), 0.8f),
                               row(cats, MediaStatus::Ok, 281, tabby, 0.9f)}
            << 0.0
            << QStringList{QStringLiteral("cats|tabby#281=1/1"),
                           QStringLiteral("dogs|golden retriever#207=1/1")};
        QTest::newRow("a tag whose every image is under the minimum is still a tag")
            << QList<MediaRow>{row(cats, MediaStatus::Ok, 281, tabby, 0.1f)} << 0.5 << QStringList{};
    }
    void counts()
    {
        QFETCH(QList<MediaRow>, rows);
        QFETCH(double, minimum);
        QFETCH(QStringList, expected);
        const MotifStatistics statistics = MotifStatistics::compute(rows, minimum);
        QCOMPARE(describe(statistics), expected);
        QCOMPARE(statistics.minimumScore(), minimum);
        for (const QString &tag : statistics.tags()) {
            const auto t = statistics.tag(tag);
            int counted = 0;
            for (const auto &m : t.motifs) {
                counted += m.images;
                QCOMPARE(m.share, double(m.images) / t.classified);
                QCOMPARE(statistics.share(tag, m.labelIndex, m.label), m.share);
            }
            QCOMPARE(t.counted, counted);
            QVERIFY(t.counted <= t.classified);
            QCOMPARE(t.classified + t.unlabelled, t.ok);
        }
    }

    void emptyTagAndUnknownLabel()
    {
        const MotifStatistics statistics = MotifStatistics::compute(
            {row(QStringLiteral("cats"), MediaStatus::Ok, 281, QStringLiteral("tabby"), 0.1f)}, 0.5);
        QCOMPARE(statistics.tags(), QStringList{QStringLiteral("cats")});
        QCOMPARE(statistics.tag(QStringLiteral("cats")).ok, 1);
        QCOMPARE(statistics.tag(QStringLiteral("cats")).counted, 0);
        QCOMPARE(statistics.tag(QStringLiteral("nosuch")).ok, 0);
        QCOMPARE(statistics.share(QStringLiteral("cats"), 281, QStringLiteral("tabby")), 0.0);
        QCOMPARE(statistics.share(QStringLiteral("nosuch"), 281, QStringLiteral("tabby")), 0.0);
    }

    // Many random rows against a second, plain computation: counts, shares and mean scores.
    void agreesWithAPlainTally()
    {
        QRandomGenerator random(20261201);
        QList<MediaRow> rows;
        const MediaStatus statuses[] = {MediaStatus::Ok,     MediaStatus::Ok,      MediaStatus::Ok,
                                        MediaStatus::Failed, MediaStatus::Skipped, MediaStatus::Pending};
        for (int i = 0; i < 5000; ++i) {
            const QString tag = QStringLiteral("t%1").arg(random.bounded(7));
            const MediaStatus status = statuses[random.bounded(6)];
            const int index = random.bounded(12);
            const bool predicted = random.bounded(10) != 0;
            rows << row(tag, status, predicted ? index : -1, QStringLiteral("label%1").arg(index % 9),
                        float(random.generateDouble()));
        }
        const double minimum = 0.3;
        std::map<QString, int> ok;
        std::map<QString, int> classified;
        std::map<std::tuple<QString, int, QString>, std::pair<int, double>> tally;
        for (const MediaRow &r : std::as_const(rows)) {
            if (r.status != MediaStatus::Ok)
                continue;
            ++ok[r.tag];
            if (!r.predictions.isEmpty())
                ++classified[r.tag];
            if (!r.predictions.isEmpty() && r.predictions.first().score >= minimum) {
                auto &t = tally[{r.tag, r.predictions.first().index, r.predictions.first().label}];
                ++t.first;
                t.second += r.predictions.first().score;
            }
        }
        const MotifStatistics statistics = MotifStatistics::compute(rows, minimum);
        QCOMPARE(statistics.tags().size(), qsizetype(ok.size()));
        qsizetype motifs = 0;
        for (const QString &tag : statistics.tags()) {
            QCOMPARE(statistics.tag(tag).ok, ok[tag]);
            QCOMPARE(statistics.tag(tag).classified, classified[tag]);
            QCOMPARE(statistics.tag(tag).unlabelled, ok[tag] - classified[tag]);
            for (const auto &m : statistics.tag(tag).motifs) {
                ++motifs;
                const auto &t = tally[{tag, m.labelIndex, m.label}];
                QCOMPARE(m.images, t.first);
                QVERIFY(qAbs(m.share - double(t.first) / classified[tag]) < 1e-12);
                QVERIFY(qAbs(m.meanScore - t.second / t.first) < 1e-9);
            }
        }
        QCOMPARE(motifs, qsizetype(tally.size()));
    }

    // Issue 17 #5: "Top N" means N motifs, chosen by the mean share over the compared tags,
    // checked against a brute-force ranking of every motif.
    void topMotifsAreExactlyN_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("tagCount");
        QTest::newRow("top 1 of 2 tags") << 1 << 2;
        QTest::newRow("top 8 of 4 tags") << 8 << 4;
        QTest::newRow("top 8 of 1 tag") << 8 << 1;
        QTest::newRow("more asked than there are") << 200 << 3;
    }
    void topMotifsAreExactlyN()
    {
        QFETCH(int, n);
        QFETCH(int, tagCount);
        QRandomGenerator random(quint32(n * 31 + tagCount));
        QList<MediaRow> rows;
        QStringList tags;
        for (int t = 0; t < tagCount; ++t)
            tags << QStringLiteral("t%1").arg(t);
        for (int i = 0; i < 3000; ++i) {
            const QString tag = tags.at(random.bounded(tagCount));
            const int index = random.bounded(20) * (1 + random.bounded(2)) % 25; // uneven
            rows << row(tag, MediaStatus::Ok, index, QStringLiteral("label%1").arg(index), 0.9f);
        }
        const MotifStatistics statistics = MotifStatistics::compute(rows, 0.0);
        // Brute force: every motif's mean share over the tags.
        std::map<std::pair<int, QString>, double> mean;
        for (const QString &tag : tags) {
            for (const auto &m : statistics.tag(tag).motifs)
                mean[{m.labelIndex, m.label}] += m.share / tagCount;
        }
        const auto top = statistics.topMotifs(tags, n);
        QCOMPARE(top.size(), qsizetype(qMin<size_t>(size_t(n), mean.size())));
        double lowestTaken = 1.0;
        for (const auto &key : top)
            lowestTaken = qMin(lowestTaken, mean.at(key));
        for (const auto &[key, value] : mean) {
            if (!top.contains(key))
                QVERIFY2(value <= lowestTaken + 1e-12, qPrintable(key.second)); // none left out ranks higher
        }
        for (qsizetype i = 1; i < top.size(); ++i)
            QVERIFY(mean.at(top.at(i - 1)) >= mean.at(top.at(i)) - 1e-12); // best first
    }
};

QTEST_GUILESS_MAIN(TestMotifStatistics)
#include "tst_motifstatistics.moc"
