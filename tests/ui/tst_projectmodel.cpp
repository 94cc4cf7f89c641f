// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectModel, MediaFilterModel and the motif chart against a project written as a harvest would.
#include "engine/analysis/motifstatistics.h"
#include "engine/export/exportsnapshot.h"
#include "engine/export/summarycsvexporter.h"
#include "projectfixture.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/mediafiltermodel.h"
#include "ui/projectmodel.h"

#include <QBarSet>
#include <QCryptographicHash>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QPointer>
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
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha), false);
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY(!model.isLoading());

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
        QTRY_VERIFY(!model.hasPendingUpdates()); // read at once, in the background
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2).data(ProjectModel::StatusRole).toInt(), int(MediaStatus::Pending));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        fixture.settle(pending, MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.5f);
        model.appendOrUpdate(pending, QStringLiteral("dogs"));
        model.flushPending();
        QTRY_VERIFY(!model.hasPendingUpdates()); // read at once, in the background
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(2).data(ProjectModel::TopLabelRole).toString(), QStringLiteral("beagle"));

        // Reading everything back gives the same rows.
        ProjectModel reopened;
        reopened.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha), false);
        QTRY_COMPARE(reopened.rowCount(), 3);
    }

    void thumbnailsDecodeOffTheGuiThread()
    {
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.9f);
        ProjectModel model;
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
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
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
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
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
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
        QVERIFY(lines.first().startsWith("tag,label,images,classified,share"));
        QMap<QString, QList<std::pair<QString, double>>> expected; // tag → (label, share) in CSV order
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> f = lines.at(i).trimmed().split(',');
            expected[QString::fromUtf8(f.at(0))] << std::pair{QString::fromUtf8(f.at(1)), f.at(4).toDouble()};
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
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
        ui::TagMotifChart chart;
        chart.setRows(model.mediaRows());
        QCOMPARE(chart.categories(), (QStringList{QStringLiteral("tabby"), QStringLiteral("tiger cat")}));
        QSignalSpy scoreChanged(&chart, &ui::TagMotifChart::minimumScoreChanged);
        chart.scoreSlider()->setValue(50);
        QCOMPARE(scoreChanged.count(), 1);
        QCOMPARE(chart.categories(), QStringList{QStringLiteral("tabby")});
        QCOMPARE(chart.series()->barSets().first()->at(0), 50.0); // 1 of the 2 ok images

        // Issue 17 #5: a click names the tag and the motif, and the clicked bar stays selected.
        QSignalSpy activated(&chart, &ui::TagMotifChart::barActivated);
        Q_EMIT chart.series()->barSets().first()->clicked(0);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("cats"));
        QCOMPARE(activated.first().at(1).toString(), QStringLiteral("tabby"));
        QVERIFY(chart.selectedBar());
        QCOMPARE(chart.selectedBar()->first, QStringLiteral("cats"));
        QCOMPARE(chart.series()->barSets().first()->selectedBars(), QList<int>{0});
        // On hover: how many of how many, not only a bar's length.
        const QString text = chart.barText(QStringLiteral("cats"), 0);
        QVERIFY(text.contains(QStringLiteral("1")) && text.contains(QStringLiteral("2")) &&
                text.contains(QStringLiteral("50.0")));
        chart.clearSelection();
        QVERIFY(chart.series()->barSets().first()->selectedBars().isEmpty());
    }

    void rowsAreReadInTheBackground_data()
    {
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("failed");
        QTest::newRow("empty project") << 0 << 0;
        QTest::newRow("one image") << 1 << 0;
        QTest::newRow("some failed") << 20 << 5;
        QTest::newRow("400 rows") << 380 << 20;
    }
    void rowsAreReadInTheBackground()
    {
        QFETCH(int, images);
        QFETCH(int, failed);
        tests::ProjectFixture fixture(m_store.get());
        for (int i = 0; i < images; ++i)
            fixture.add(i % 3 ? QStringLiteral("cats") : QStringLiteral("dogs"), MediaStatus::Ok,
                        QStringLiteral("tabby"), 281, 0.5f);
        for (int i = 0; i < failed; ++i)
            fixture.add(QStringLiteral("cats"), MediaStatus::Failed);
        ProjectModel model;
        QSignalSpy loading(&model, &ProjectModel::loadingChanged);
        QSignalSpy loaded(&model, &ProjectModel::rowsLoaded);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        // setProject() only starts the read: nothing is there yet, and nothing arrives within it.
        QVERIFY(model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(loading.count(), 1);
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.at(1).first().toBool(), false);
        QCOMPARE(model.rowCount(), images + failed);
        const auto expected = m_store->mediaRows(
            engine::MediaRowFilter{QString(), QLatin1String(tests::ProjectFixture::ModelSha), 5});
        QVERIFY(expected);
        QCOMPARE(model.mediaRows().size(), expected->size());
        for (qsizetype i = 0; i < expected->size(); ++i) {
            QCOMPARE(model.mediaRows().at(i).mediaId, expected->at(i).mediaId);
            QCOMPARE(model.mediaRows().at(i).tag, expected->at(i).tag);
            QCOMPARE(model.mediaRows().at(i).predictions, expected->at(i).predictions);
        }
        QVERIFY(reset.count() >= 2); // emptied at once, filled when read

        // A second project set while the first is read: only the second one's rows are shown.
        QTemporaryDir other;
        auto otherStore = engine::ProjectStore::open(other.filePath(QStringLiteral("other.taglens")));
        QVERIFY(otherStore);
        tests::ProjectFixture otherFixture(otherStore->get());
        otherFixture.add(QStringLiteral("birds"), MediaStatus::Ok, QStringLiteral("robin"), 15, 0.9f);
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        model.setProject((*otherStore)->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_COMPARE(loaded.count(), 2);
        QTest::qWait(50); // nothing late from the first
        QCOMPARE(loaded.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ProjectModel::TagRole).toString(), QStringLiteral("birds"));
        model.setProject(QString());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
    }

    void unreadableProjectReportsTheError()
    {
        // The file goes away behind an open store: the background read cannot open it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gone.taglens"));
        auto store = engine::ProjectStore::open(path);
        QVERIFY(store);
        tests::ProjectFixture fixture(store->get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.5f);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        ProjectModel model;
        QSignalSpy failed(&model, &ProjectModel::loadFailed);
        QSignalSpy loaded(&model, &ProjectModel::rowsLoaded);
        model.setProject((*store)->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("gone.taglens")));
        QVERIFY(!model.isLoading());
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void imagesArriveAsynchronously_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("box");
        QTest::addColumn<QSize>("expected");
        // The fixture's images are 40×30: thumbnails are only ever made smaller, previews fill the box.
        QTest::newRow("thumbnail, grid size") << int(ProjectModel::ThumbnailRole) << 160 << QSize(40, 30);
        QTest::newRow("thumbnail, smaller box") << int(ProjectModel::ThumbnailRole) << 20 << QSize(20, 15);
        QTest::newRow("preview, panel size") << int(ProjectModel::PreviewRole) << 280 << QSize(280, 210);
        QTest::newRow("preview, high DPI") << int(ProjectModel::PreviewRole) << 560 << QSize(560, 420);
        QTest::newRow("preview, small box") << int(ProjectModel::PreviewRole) << 32 << QSize(32, 24);
    }
    void imagesArriveAsynchronously()
    {
        QFETCH(int, role);
        QFETCH(int, box);
        QFETCH(QSize, expected);
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.9f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.8f);
        ProjectModel model;
        if (role == ProjectModel::ThumbnailRole)
            model.setThumbnailSize(box);
        else
            model.setPreviewSize(box);
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Asked for from data(): null now, announced later, never from inside data().
        QVERIFY(model.index(1).data(role).value<QImage>().isNull());
        QCOMPARE(changed.count(), 0);
        QTRY_COMPARE(changed.count(), 1);
        const QList<int> roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(role));
        QCOMPARE(roles.contains(int(Qt::DecorationRole)), role == ProjectModel::ThumbnailRole);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        const QImage image = model.index(1).data(role).value<QImage>();
        QCOMPARE(image.size(), expected);
        QCOMPARE(model.thumbnailsInFlight(), 0);
        // Drawn without converting: 32-bit RGB.
        QCOMPARE(image.format(), QImage::Format_RGB32);
        if (role == ProjectModel::ThumbnailRole) {
            QCOMPARE(model.thumbnailsCached(), 1);
            QCOMPARE(model.thumbnailCacheBytes(), qint64(expected.width()) * expected.height() * 4);
        }
        // Cached: asking again starts nothing.
        changed.clear();
        QVERIFY(!model.index(1).data(role).value<QImage>().isNull());
        QTest::qWait(30);
        QCOMPARE(changed.count(), 0);
    }

    void unusableThumbnailsStayEmpty_data()
    {
        QTest::addColumn<QByteArray>("thumbnail");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("garbage") << QByteArray("not a JPEG at all");
        QTest::newRow("truncated JPEG")
            << QByteArray::fromHex("ffd8ffe000104a46494600010100000100010000ffdb");
        QTest::newRow("huge declared size") << QByteArray::fromHex("89504e470d0a1a0a0000000d49484452"
                                                                   "7fffffff7fffffff0806000000");
    }
    void unusableThumbnailsStayEmpty()
    {
        QFETCH(QByteArray, thumbnail);
        tests::ProjectFixture fixture(m_store.get());
        const qint64 id = fixture.add(QStringLiteral("cats"), MediaStatus::Pending);
        engine::ImageRecord record;
        record.bytes = "original " + thumbnail;
        record.sha256 =
            QString::fromLatin1(QCryptographicHash::hash(record.bytes, QCryptographicHash::Sha256).toHex());
        record.thumbnail = thumbnail;
        record.format = QStringLiteral("jpeg");
        record.byteSize = record.bytes.size();
        QVERIFY(m_store->addImage(record));
        QVERIFY(m_store->markOk(id, record.sha256));
        ProjectModel model;
        model.setProject(m_store->path());
        QTRY_VERIFY(!model.isLoading());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.index(0).data(ProjectModel::ThumbnailRole).value<QImage>().isNull());
        QVERIFY(model.index(0).data(ProjectModel::PreviewRole).value<QImage>().isNull());
        QTRY_COMPARE(model.thumbnailsInFlight(), 0);
        QTest::qWait(50);
        QCOMPARE(changed.count(), 0);
        QVERIFY(model.index(0).data(ProjectModel::ThumbnailRole).value<QImage>().isNull());
        QCOMPARE(model.thumbnailsInFlight(), 0); // not asked for again
    }

    void lateImagesOfAnotherProjectAreDropped()
    {
        tests::ProjectFixture fixture(m_store.get());
        for (int i = 0; i < 30; ++i)
            fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.5f);
        ProjectModel model;
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
        for (int row = 0; row < model.rowCount(); ++row)
            model.index(row).data(ProjectModel::ThumbnailRole);
        QVERIFY(model.thumbnailsInFlight() > 0);
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha)); // reopened
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.thumbnailsInFlight(), 0);
        QTRY_VERIFY(!model.isLoading());
        QTest::qWait(100);
        QCOMPARE(changed.count(), 0); // what the first one asked for never arrives
        QCOMPARE(model.thumbnailsCached(), 0);
    }

    void updatesAreReadInTheBackground_data()
    {
        QTest::addColumn<int>("items");
        QTest::newRow("one") << 1;
        QTest::newRow("a batch") << 40;
    }
    void updatesAreReadInTheBackground()
    {
        QFETCH(int, items);
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.5f);
        ProjectModel model;
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        // Items that finish while the project is read wait for it, then come in.
        QList<qint64> ids;
        for (int i = 0; i < items; ++i)
            ids << fixture.add(QStringLiteral("dogs"), MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.7f);
        for (const qint64 id : std::as_const(ids))
            model.appendOrUpdate(id, QStringLiteral("dogs"));
        QSignalSpy refreshed(&model, &ProjectModel::rowsRefreshed);
        QTRY_COMPARE(model.rowCount(), 1 + items);
        QCOMPARE(model.rowCount(), 1 + items); // the load's rows updated, not added twice
        QVERIFY(!refreshed.isEmpty());
        QStringList tags;
        for (const auto &row : model.mediaRows())
            tags << row.tag;
        QCOMPARE(tags.count(QStringLiteral("dogs")), items);
        // An update asked for at once while the timer's read may be on its way: applied once.
        fixture.settle(ids.first(), MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.7f);
        model.appendOrUpdate(ids.first(), QStringLiteral("dogs"));
        model.flushPending();
        QTRY_VERIFY(!model.hasPendingUpdates());
        QCOMPARE(model.rowCount(), 1 + items);
    }

    // Save As: the rows and the decoded images stay; what is read later comes from the copy.
    void relocateKeepsRowsAndReadsTheCopy()
    {
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.9f);
        ProjectModel model;
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_VERIFY(!model.index(0).data(ProjectModel::ThumbnailRole).value<QImage>().isNull());
        const QString copy = m_dir.filePath(QStringLiteral("relocated-%1.taglens").arg(m_count));
        QVERIFY(m_store->saveCopy(copy));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy loading(&model, &ProjectModel::loadingChanged);
        model.relocate(copy);
        QCOMPARE(model.projectPath(), copy);
        QCOMPARE(reset.count(), 0); // nothing read again, nothing emptied
        QCOMPARE(loading.count(), 0);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.index(0).data(ProjectModel::ThumbnailRole).value<QImage>().isNull());
        // A row added to the copy only (as the next harvest does) arrives: the reads go there.
        auto copied = engine::ProjectStore::open(copy);
        QVERIFY(copied);
        tests::ProjectFixture copyFixture(copied->get());
        const qint64 added =
            copyFixture.add(QStringLiteral("dogs"), MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.8f);
        model.appendOrUpdate(added, QStringLiteral("dogs"));
        model.flushPending();
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(ProjectModel::TopLabelRole).toString(), QStringLiteral("beagle"));
    }

    void chartCoalescesStreamingRows_data()
    {
        QTest::addColumn<int>("batches");
        QTest::addColumn<bool>("newMotif"); // the last batch brings a motif that was not drawn
        QTest::newRow("one batch, same motifs") << 1 << false;
        QTest::newRow("ten batches, same motifs") << 10 << false;
        QTest::newRow("ten batches, a new motif") << 10 << true;
    }
    void chartCoalescesStreamingRows()
    {
        QFETCH(int, batches);
        QFETCH(bool, newMotif);
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.8f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tiger cat"), 282, 0.6f);
        fixture.add(QStringLiteral("dogs"), MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.9f);
        ProjectModel model;
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
        ui::TagMotifChart chart;
        chart.setTopN(10);
        chart.setCoalescingInterval(300);
        chart.setRows(model.mediaRows());
        const QStringList categoriesBefore = chart.categories();
        const int rebuildsBefore = chart.seriesRebuilds();
        QPointer<QBarSet> firstSet = chart.series()->barSets().first();

        for (int b = 0; b < batches; ++b) {
            const bool last = b == batches - 1;
            const qint64 id = last && newMotif ? fixture.add(QStringLiteral("dogs"), MediaStatus::Ok,
                                                             QStringLiteral("lynx"), 287, 0.7f)
                                               : fixture.add(QStringLiteral("cats"), MediaStatus::Ok,
                                                             QStringLiteral("tabby"), 281, 0.7f);
            model.appendOrUpdate(id, last && newMotif ? QStringLiteral("dogs") : QStringLiteral("cats"));
            model.flushPending();
            QTRY_VERIFY(!model.hasPendingUpdates());
            chart.setRows(model.mediaRows(), ui::TagMotifChart::Redraw::Coalesced);
            // Not drawn yet: the chart still shows what it showed.
            QVERIFY(chart.hasPendingRows());
            QCOMPARE(chart.categories(), categoriesBefore);
            QCOMPARE(chart.seriesRebuilds(), rebuildsBefore);
        }
        QTRY_VERIFY(!chart.hasPendingRows());
        // One redraw for every batch, and the bars are the summary statistics of every row.
        QCOMPARE(chart.seriesRebuilds(), rebuildsBefore + (newMotif ? 1 : 0));
        QCOMPARE(firstSet.isNull(), newMotif); // same motifs: the bars changed in place
        const engine::MotifStatistics expected = engine::MotifStatistics::compute(model.mediaRows(), 0.0);
        const QStringList tags = chart.shownTags();
        QCOMPARE(tags, expected.tags());
        const QStringList categories = chart.categories();
        QCOMPARE(categories.contains(QStringLiteral("lynx")), newMotif);
        QHorizontalBarSeries *series = chart.series();
        QCOMPARE(series->count(), int(tags.size()));
        for (int s = 0; s < series->count(); ++s) {
            const QBarSet *set = series->barSets().at(s);
            QCOMPARE(set->count(), int(categories.size()));
            for (int c = 0; c < categories.size(); ++c) {
                double share = 0.0;
                for (const auto &motif : expected.tag(tags.at(s)).motifs)
                    share = motif.label == categories.at(c) ? motif.share * 100.0 : share;
                // Categories run top-down, bars bottom-up.
                QCOMPARE(set->at(int(categories.size()) - 1 - c), share);
            }
        }
        QCOMPARE(chart.statistics().tag(QStringLiteral("cats")).ok, expected.tag(QStringLiteral("cats")).ok);
    }

    void chartDrawsAtOnceWhenAsked_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("slider") << QStringLiteral("slider");
        QTest::newRow("motif count") << QStringLiteral("topN");
        QTest::newRow("harvest ended") << QStringLiteral("apply");
        QTest::newRow("rows now") << QStringLiteral("now");
    }
    void chartDrawsAtOnceWhenAsked()
    {
        QFETCH(QString, how);
        tests::ProjectFixture fixture(m_store.get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.8f);
        ProjectModel model;
        model.setProject(m_store->path(), QLatin1String(tests::ProjectFixture::ModelSha));
        QTRY_VERIFY(!model.isLoading());
        ui::TagMotifChart chart;
        chart.setCoalescingInterval(60 * 1000);
        chart.setRows(model.mediaRows());
        QCOMPARE(chart.categories(), QStringList{QStringLiteral("tabby")});
        model.appendOrUpdate(
            fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tiger cat"), 282, 0.6f),
            QStringLiteral("cats"));
        model.flushPending();
        QTRY_VERIFY(!model.hasPendingUpdates());
        chart.setRows(model.mediaRows(), ui::TagMotifChart::Redraw::Coalesced);
        QVERIFY(chart.hasPendingRows());
        if (how == QLatin1String("slider"))
            chart.scoreSlider()->setValue(10);
        else if (how == QLatin1String("topN"))
            chart.setTopN(chart.topN() + 1);
        else if (how == QLatin1String("apply"))
            chart.applyPendingRows();
        else
            chart.setRows(model.mediaRows(), ui::TagMotifChart::Redraw::Now);
        QVERIFY(!chart.hasPendingRows());
        QCOMPARE(chart.categories(), (QStringList{QStringLiteral("tabby"), QStringLiteral("tiger cat")}));
        QCOMPARE(chart.series()->barSets().first()->at(1), 50.0);
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<engine::ProjectStore> m_store;
};

QTEST_MAIN(TestProjectModel)
#include "tst_projectmodel.moc"
