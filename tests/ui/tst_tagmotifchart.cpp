// SPDX-License-Identifier: GPL-3.0-or-later
// The motif chart read without a mouse (issue 17 #5, #11): the arrow keys choose a bar, Enter
// activates it as a click does, the readout names the numbers, the table holds the same numbers
// as the statistic, and a focused chart shows it.
#include "ui/charts/motiftablemodel.h"
#include "ui/charts/tagmotifchart.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using taglens::engine::LabelScore;
using taglens::engine::MediaRow;
using taglens::engine::MediaStatus;
using taglens::ui::MotifTableModel;
using taglens::ui::TagMotifChart;

namespace {

MediaRow row(const QString &tag, int index, const QString &label, float score)
{
    MediaRow r;
    r.tag = tag;
    r.status = MediaStatus::Ok;
    r.predictions = {LabelScore{index, label, score}};
    return r;
}

// #cats: 3 tabby, 1 crane (bird, 134); #dogs: 2 beagle, 1 tabby, 1 crane (machine, 517).
QList<MediaRow> rows()
{
    return {row(QStringLiteral("cats"), 281, QStringLiteral("tabby"), 0.9f),
            row(QStringLiteral("cats"), 281, QStringLiteral("tabby"), 0.8f),
            row(QStringLiteral("cats"), 281, QStringLiteral("tabby"), 0.4f),
            row(QStringLiteral("cats"), 134, QStringLiteral("crane"), 0.7f),
            row(QStringLiteral("dogs"), 162, QStringLiteral("beagle"), 0.9f),
            row(QStringLiteral("dogs"), 162, QStringLiteral("beagle"), 0.6f),
            row(QStringLiteral("dogs"), 281, QStringLiteral("tabby"), 0.5f),
            row(QStringLiteral("dogs"), 517, QStringLiteral("crane"), 0.95f)};
}

// The selected bar as "tag/label", or empty.
QString selected(const TagMotifChart &chart)
{
    const auto bar = chart.selectedBar();
    return bar ? bar->first + QLatin1Char('/') + bar->second.second : QString();
}

} // namespace

class TestTagMotifChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysMoveAndActivate_data()
    {
        QTest::addColumn<QList<int>>("keys");
        QTest::addColumn<QString>("selection");
        QTest::addColumn<int>("activations");
        // The chart's order: tabby (4 of 8 over both tags' mean share), beagle, then the two cranes.
        QTest::newRow("first key selects the top bar")
            << QList<int>{Qt::Key_Down} << QStringLiteral("cats/tabby") << 0;
        QTest::newRow("down, down") << QList<int>{Qt::Key_Down, Qt::Key_Down} << QStringLiteral("cats/beagle")
                                    << 0;
        QTest::newRow("right changes the tag")
            << QList<int>{Qt::Key_Down, Qt::Key_Right} << QStringLiteral("dogs/tabby") << 0;
        QTest::newRow("stops at the edges")
            << QList<int>{Qt::Key_Down, Qt::Key_Up, Qt::Key_Up, Qt::Key_Left, Qt::Key_Left}
            << QStringLiteral("cats/tabby") << 0;
        QTest::newRow("to the bottom") << QList<int>{Qt::Key_Down, Qt::Key_Down, Qt::Key_Down, Qt::Key_Down,
                                                     Qt::Key_Down, Qt::Key_Down, Qt::Key_Right}
                                       << QStringLiteral("dogs/crane") << 0;
        QTest::newRow("enter activates")
            << QList<int>{Qt::Key_Down, Qt::Key_Right, Qt::Key_Return} << QStringLiteral("dogs/tabby") << 1;
        QTest::newRow("space activates")
            << QList<int>{Qt::Key_Down, Qt::Key_Space} << QStringLiteral("cats/tabby") << 1;
        QTest::newRow("enter with nothing selected selects")
            << QList<int>{Qt::Key_Enter} << QStringLiteral("cats/tabby") << 0;
        QTest::newRow("escape clears") << QList<int>{Qt::Key_Down, Qt::Key_Escape} << QString() << 0;
    }
    void keysMoveAndActivate()
    {
        QFETCH(QList<int>, keys);
        QFETCH(QString, selection);
        QFETCH(int, activations);
        TagMotifChart chart;
        chart.setRows(rows());
        QCOMPARE(chart.categories().size(), 4);
        QSignalSpy activated(&chart, &TagMotifChart::barActivated);
        for (int key : keys)
            QTest::keyClick(chart.barView(), Qt::Key(key));
        QCOMPARE(selected(chart), selection);
        QCOMPARE(activated.size(), activations);
        if (activations > 0) {
            QCOMPARE(activated.first().at(0).toString() + QLatin1Char('/') +
                         activated.first().at(1).toString(),
                     selection);
        }
        // The selected bar is the one drawn selected: exactly one bar, in the selected tag's set.
        int drawnSelected = 0;
        for (QBarSet *set : chart.series()->barSets()) {
            drawnSelected += int(set->selectedBars().size());
            if (!set->selectedBars().isEmpty())
                QCOMPARE(set->label().mid(1), selection.section(QLatin1Char('/'), 0, 0));
        }
        QCOMPARE(drawnSelected, selection.isEmpty() ? 0 : 1);
        // The readout names the selected bar's count, which the statistic also gives.
        if (!selection.isEmpty()) {
            const auto bar = chart.selectedBar();
            QCOMPARE(chart.readout(), chart.barText(bar->first, int(chart.motifKeys().indexOf(bar->second))));
        }
    }

    void tableHoldsTheStatistic_data()
    {
        QTest::addColumn<double>("minimumScore");
        QTest::newRow("every image") << 0.0;
        QTest::newRow("at 0.55") << 0.55;
        QTest::newRow("at 0.85") << 0.85;
    }
    void tableHoldsTheStatistic()
    {
        QFETCH(double, minimumScore);
        TagMotifChart chart;
        chart.setRows(rows());
        chart.setMinimumScore(minimumScore);
        const MotifTableModel *table = chart.tableModel();
        QCOMPARE(table->rowCount(), int(chart.shownTags().size() * chart.categories().size()));
        // An independent count from the rows, per tag and (index, label).
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString tag = table->index(r, 0).data(MotifTableModel::TagRole).toString();
            const int category = table->index(r, 0).data(MotifTableModel::CategoryRole).toInt();
            const QString label = chart.categories().at(category);
            const int labelIndex = table->index(r, 0).data(MotifTableModel::LabelIndexRole).toInt();
            int images = 0;
            int classified = 0;
            for (const MediaRow &m : rows()) {
                if (m.tag != tag)
                    continue;
                ++classified;
                const LabelScore &top = m.predictions.first();
                // The two cranes are two motifs: told apart by index.
                if (top.label == label && top.index == labelIndex && top.score >= minimumScore)
                    ++images;
            }
            QCOMPARE(table->index(r, MotifTableModel::ImagesColumn).data().toInt(), images);
            QCOMPARE(table->index(r, MotifTableModel::ClassifiedColumn).data().toInt(), classified);
            QCOMPARE(table->index(r, MotifTableModel::TagColumn).data().toString(), QLatin1Char('#') + tag);
            // The share is the statistic's, as the bars draw it.
            QCOMPARE(chart.statistics().share(tag, labelIndex, label),
                     classified ? double(images) / classified : 0.0);
        }
        // Both cranes at 0 show as two motifs, named apart by their index.
        if (minimumScore == 0.0) {
            QStringList motifs;
            for (int r = 0; r < table->rowCount(); r += int(chart.shownTags().size()))
                motifs << table->index(r, MotifTableModel::MotifColumn).data().toString();
            QCOMPARE(motifs, (QStringList{QStringLiteral("tabby"), QStringLiteral("beagle"),
                                          QStringLiteral("crane (134)"), QStringLiteral("crane (517)")}));
        }
    }

    void tableRowsActivate_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("key");
        QTest::newRow("first row, Enter") << 0 << int(Qt::Key_Return);
        QTest::newRow("third row, Space") << 2 << int(Qt::Key_Space);
        QTest::newRow("last row, Enter") << 7 << int(Qt::Key_Enter);
    }
    void tableRowsActivate()
    {
        QFETCH(int, row);
        QFETCH(int, key);
        TagMotifChart chart;
        chart.setRows(rows());
        chart.resize(900, 700); // room for every motif
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCOMPARE(chart.tableModel()->rowCount(), 8);
        chart.setTableShown(true);
        QVERIFY(chart.tableShown());
        QVERIFY(chart.table()->isVisible());
        QVERIFY(!chart.barView()->isVisible());
        QSignalSpy activated(&chart, &TagMotifChart::barActivated);
        chart.table()->setFocus();
        chart.table()->setCurrentIndex(chart.tableModel()->index(row, 0));
        QTest::keyClick(chart.table(), Qt::Key(key));
        QCOMPARE(activated.size(), 1);
        const QModelIndex index = chart.tableModel()->index(row, 0);
        QCOMPARE(activated.first().at(0).toString(), index.data(MotifTableModel::TagRole).toString());
        QCOMPARE(activated.first().at(1).toString(),
                 chart.categories().at(index.data(MotifTableModel::CategoryRole).toInt()));
        // The bars follow: the same bar is selected when the chart comes back.
        chart.setTableShown(false);
        QVERIFY(chart.barView()->isVisible());
        QCOMPARE(selected(chart),
                 index.data(MotifTableModel::TagRole).toString() + QLatin1Char('/') +
                     chart.categories().at(index.data(MotifTableModel::CategoryRole).toInt()));
    }

    void focusIsVisible()
    {
        TagMotifChart chart;
        chart.setRows(rows());
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QWidget *view = chart.barView();
        QCOMPARE(view->focusPolicy(), Qt::StrongFocus);
        chart.scoreSlider()->setFocus(Qt::TabFocusReason); // the window gave the bars the focus first
        QTRY_VERIFY(!view->hasFocus());
        const QSize before = view->size();
        const QImage unfocused = view->grab().toImage();
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        const QImage focused = view->grab().toImage();
        // The frame's pixels turn the highlight colour; the size stays.
        const QColor highlight = chart.palette().color(QPalette::Highlight);
        QCOMPARE(focused.pixelColor(0, focused.height() / 2).rgb(), highlight.rgb());
        QVERIFY(unfocused.pixelColor(0, unfocused.height() / 2).rgb() != highlight.rgb());
        QCOMPARE(view->size(), before);
    }

    void upToEightTagsHaveReadableBars_data()
    {
        QTest::addColumn<int>("tags");
        QTest::addColumn<int>("height");
        for (const int tags : {2, 5, 8})
            for (const int height : {420, 700})
                QTest::addRow("%d tags, %d px", tags, height) << tags << height;
    }
    void upToEightTagsHaveReadableBars()
    {
        QFETCH(int, tags);
        QFETCH(int, height);
        QList<MediaRow> many;
        for (int t = 0; t < tags; ++t)
            for (int m = 0; m < 10; ++m)
                many << row(QStringLiteral("tag%1").arg(t), m, QStringLiteral("motif %1").arg(m), 0.9f);
        TagMotifChart chart;
        chart.setRows(many);
        chart.resize(900, height);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTRY_COMPARE(chart.shownTags().size(), tags); // every tag compared, up to eight
        auto *view = qobject_cast<QChartView *>(chart.barView());
        QVERIFY(view);
        QTRY_VERIFY(view->chart()->plotArea().height() > 0);
        const auto categories = chart.categories().size();
        QVERIFY(categories >= 3);
        // Each bar (85 % of a motif's row, shared by the tags) is at least 6 px thick, or the chart
        // shows its minimum of three motifs.
        const double thickness = view->chart()->plotArea().height() / double(categories) * 0.85 / tags;
        QVERIFY2(thickness >= 5.5 || categories == 3, qPrintable(QString::number(thickness)));
    }

    void selectionOfAGoneBarIsDropped()
    {
        TagMotifChart chart;
        chart.setRows(rows());
        QTest::keyClick(chart.barView(), Qt::Key_Down);
        QTest::keyClick(chart.barView(), Qt::Key_Right);
        QCOMPARE(selected(chart), QStringLiteral("dogs/tabby"));
        chart.setTags({QStringLiteral("cats")});
        QCOMPARE(selected(chart), QString());
        QCOMPARE(chart.table()->selectionModel()->selectedRows().size(), 0);
    }
};

QTEST_MAIN(TestTagMotifChart)
#include "tst_tagmotifchart.moc"
