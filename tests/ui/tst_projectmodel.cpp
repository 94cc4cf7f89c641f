// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectModel, MediaFilterModel and the motif chart against a project written as a harvest would.
#include "engine/export/exportsnapshot.h"
#include "engine/export/summarycsvexporter.h"
#include "projectfixture.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/mediafiltermodel.h"
#include "ui/projectmodel.h"

#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using engine::MediaStatus;
using ui::ProjectModel;

class TestProjectModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto store = engine::ProjectStore::open(m_dir.filePath(QStringLiteral("p%1.taglens").arg(++m_count)));
        QVERIFY(store);
        m_store = std::move(*store);
    }
    void cleanup() { m_store.reset(); }

    void rowsAndRolesAsItemsArrive()
    {
        tests::ProjectFixture fixture(m_store.get(), false);
        ProjectModel model;
        model.setStore(m_store.get(), QLatin1String(tests::ProjectFixture::ModelSha), false);
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const qint64 ok =
            fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.75f);
        const qint64 failed = fixture.add(QStringLiteral("cats"), MediaStatus::Failed);
        const qint64 pending = fixture.add(QStringLiteral("dogs"), MediaStatus::Pending);
        model.appendOrUpdate(ok, QStringLiteral("cats"));
        model.appendOrUpdate(failed, QStringLiteral("cats"));
        QCOMPARE(model.rowCount(), 0); // coalesced
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(inserted.count() >= 1);

        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(ProjectModel::TagRole).toString(), QStringLiteral("cats"));
        QCOMPARE(first.data(ProjectModel::TopLabelRole).toString(), QStringLiteral("tabby"));
        QCOMPARE(first.data(ProjectModel::ScoreRole).toDouble(), 0.75);
        QCOMPARE(first.data(ProjectModel::StatusRole).toInt(), int(MediaStatus::Ok));
        QCOMPARE(first.data(ProjectModel::PostTextRole).toString(), QStringLiteral("<b>post</b> 1"));
        QCOMPARE(first.data(ProjectModel::AltTextRole).toString(), QStringLiteral("alt 1"));
        QCOMPARE(first.data(ProjectModel::AuthorRole).toString(), QStringLiteral("alice@example.org"));
        QCOMPARE(first.data(ProjectModel::PostUrlRole).toUrl(),
                 QUrl(QStringLiteral("https://example.org/@alice/1")));
        QCOMPARE(first.data(ProjectModel::MediaIdRole).toLongLong(), ok);
        QCOMPARE(first.data(ProjectModel::PredictionsRole).value<QList<engine::LabelScore>>().size(), 2);
        QVERIFY(first.data(ProjectModel::UntrainedModelRole).toBool());
        const QModelIndex second = model.index(1);
        QCOMPARE(second.data(ProjectModel::StatusRole).toInt(), int(MediaStatus::Failed));
        QCOMPARE(second.data(ProjectModel::ErrorRole).toString(), QStringLiteral("HTTP 404"));
        QVERIFY(second.data(ProjectModel::TopLabelRole).toString().isEmpty());
        QVERIFY(!second.data(ProjectModel::UntrainedModelRole).toBool());

        // A pending row that later settles is updated in place, not added twice.
        model.appendOrUpdate(pending, QStringLiteral("dogs"));
        model.flushPending();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2).data(ProjectModel::StatusRole).toInt(), int(MediaStatus::Pending));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        fixture.settle(pending, MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.5f);
        model.appendOrUpdate(pending, QStringLiteral("dogs"));
        model.flushPending();
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(2).data(ProjectModel::TopLabelRole).toString(), QStringLiteral("beagle"));

        // Reading everything back gives the same rows.
        ProjectModel reopened;
        reopened.setStore(m_store.get(), QLatin1String(tests::ProjectFixture::ModelSha), false);
        QCOMPARE(reopened.rowCount(), 3);
    }

    void thumbnailsDecodeOffTheGuiThread()
    {
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.9f);
        ProjectModel model;
        model.setStore(m_store.get(), QLatin1String(tests::ProjectFixture::ModelSha));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.index(0).data(ProjectModel::ThumbnailRole).value<QImage>().isNull()); // not decoded yet
        QCOMPARE(model.thumbnailsInFlight(), 1);
        QTRY_VERIFY(!changed.isEmpty());
        QVERIFY(changed.first().at(2).value<QList<int>>().contains(ProjectModel::ThumbnailRole));
        const QImage image = model.index(0).data(ProjectModel::ThumbnailRole).value<QImage>();
        QCOMPARE(image.size(), QSize(40, 30));
        QCOMPARE(model.thumbnailsInFlight(), 0);
    }

    void filtersAndSorting()
    {
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.3f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tiger cat"), 282, 0.9f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Skipped);
        fixture.add(QStringLiteral("dogs"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.6f);
        ProjectModel model;
        model.setStore(m_store.get(), QLatin1String(tests::ProjectFixture::ModelSha));
        ui::MediaFilterModel filter;
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 4);
        filter.setTag(QStringLiteral("cats"));
        QCOMPARE(filter.rowCount(), 3);
        filter.setStatus(int(MediaStatus::Skipped));
        QCOMPARE(filter.rowCount(), 1);
        filter.setStatus(ui::MediaFilterModel::AnyStatus);
        filter.setTag(QString());
        filter.setLabel(QStringLiteral("tabby"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setLabel(QString());
        filter.setMinimumScore(0.5);
        QCOMPARE(filter.rowCount(), 2);
        filter.setMinimumScore(0.0);
        filter.setSortKey(ui::MediaFilterModel::SortKey::Score);
        QCOMPARE(filter.index(0, 0).data(ProjectModel::ScoreRole).toDouble(), double(0.9f));
        QCOMPARE(filter.index(1, 0).data(ProjectModel::ScoreRole).toDouble(), double(0.6f));
        filter.setSortKey(ui::MediaFilterModel::SortKey::Date);
        QCOMPARE(filter.index(0, 0).data(ProjectModel::TagRole).toString(), QStringLiteral("dogs"));
        filter.setSortKey(ui::MediaFilterModel::SortKey::Label);
        QCOMPARE(filter.index(filter.rowCount() - 1, 0).data(ProjectModel::TopLabelRole).toString(),
                 QStringLiteral("tiger cat"));
    }

    void chartEqualsSummary_data()
    {
        QTest::addColumn<double>("minScore");
        QTest::newRow("all") << 0.0;
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.95") << 0.95;
    }
    void chartEqualsSummary()
    {
        QFETCH(double, minScore);
        tests::ProjectFixture fixture(m_store.get());
        const struct
        {
            const char *tag;
            const char *label;
            int index;
            float score;
        } items[] = {{"cats", "tabby", 281, 0.8f},     {"cats", "tabby", 281, 0.4f},
                     {"cats", "tiger cat", 282, 0.6f}, {"cats", "crane", 134, 0.7f},
                     {"cats", "crane", 517, 0.7f},     {"dogs", "beagle", 162, 0.9f},
                     {"dogs", "tabby", 281, 0.55f},    {"dogs", "beagle", 162, 0.2f}};
        for (const auto &i : items)
            fixture.add(QLatin1String(i.tag), MediaStatus::Ok, QLatin1String(i.label), i.index, i.score);
        fixture.add(QStringLiteral("cats"), MediaStatus::Failed);

        ProjectModel model;
        model.setStore(m_store.get(), QLatin1String(tests::ProjectFixture::ModelSha));
        ui::TagMotifChart chart;
        chart.setTopN(10);
        chart.setRows(model.mediaRows());
        chart.setMinimumScore(minScore);
        QCOMPARE(chart.scoreSlider()->value(), qRound(minScore * 100));

        engine::ExportOptions options;
        options.minScore = minScore;
        auto snapshot = engine::ExportSnapshot::load(*m_store, options);
        QVERIFY(snapshot);
        const QList<QByteArray> lines = engine::SummaryCsvExporter::render(*snapshot).trimmed().split('\n');
        QVERIFY(lines.first().startsWith("tag,label,images,share"));
        QMap<QString, QList<std::pair<QString, double>>> expected; // tag → (label, share) in CSV order
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines.at(i).trimmed().split(',');
            expected[QString::fromUtf8(f.at(0))] << std::pair{QString::fromUtf8(f.at(1)), f.at(3).toDouble()};
        }
        const QStringList tags = chart.shownTags();
        for (const QString &tag : tags) {
            const auto motifs = chart.statistics().tag(tag).motifs;
            QCOMPARE(motifs.size(), expected.value(tag).size());
            for (int i = 0; i < motifs.size(); ++i) {
                QCOMPARE(motifs.at(i).label, expected.value(tag).at(i).first);
                QCOMPARE(QString::number(motifs.at(i).share, 'f', 6),
                         QString::number(expected.value(tag).at(i).second, 'f', 6));
            }
        }
        // Each bar is the share (in %) of its tag's ok images; categories run top-down.
        QHorizontalBarSeries *series = chart.series();
        QCOMPARE(series->count(), int(tags.size()));
        const QStringList categories = chart.categories();
        for (int s = 0; s < series->count(); ++s) {
            const QBarSet *set = series->barSets().at(s);
            const QString tag = tags.at(s);
            QCOMPARE(set->label(), QLatin1Char('#') + tag);
            QCOMPARE(set->count(), int(categories.size()));
            double total = 0;
            for (int c = 0; c < set->count(); ++c)
                total += set->at(c);
            double expectedTotal = 0;
            for (const auto &e : expected.value(tag))
                expectedTotal += e.second * 100.0;
            QVERIFY2(qAbs(total - expectedTotal) < 1e-3,
                     qPrintable(QStringLiteral("%1 vs %2").arg(total).arg(expectedTotal)));
        }
    }

    void sliderAndBarClicks()
    {
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.8f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tiger cat"), 282, 0.3f);
        ProjectModel model;
        model.setStore(m_store.get(), QLatin1String(tests::ProjectFixture::ModelSha));
        ui::TagMotifChart chart;
        chart.setRows(model.mediaRows());
        QCOMPARE(chart.categories(), (QStringList{QStringLiteral("tabby"), QStringLiteral("tiger cat")}));
        QSignalSpy scoreChanged(&chart, &ui::TagMotifChart::minimumScoreChanged);
        chart.scoreSlider()->setValue(50);
        QCOMPARE(scoreChanged.count(), 1);
        QCOMPARE(chart.categories(), QStringList{QStringLiteral("tabby")});
        QCOMPARE(chart.series()->barSets().first()->at(0), 50.0); // 1 of the 2 ok images

        QSignalSpy activated(&chart, &ui::TagMotifChart::labelActivated);
        Q_EMIT chart.series()->barSets().first()->clicked(0);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("tabby"));
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<engine::ProjectStore> m_store;
};

QTEST_MAIN(TestProjectModel)
#include "tst_projectmodel.moc"
