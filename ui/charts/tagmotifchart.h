// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/analysis/motifstatistics.h"
#include "engine/store/mediarow.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <utility>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QHorizontalBarSeries;
class QLabel;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QToolButton;
class QValueAxis;

namespace taglens::ui {

class MotifTableModel;

/// Per tag, the top-N motifs as horizontal bars: the share of the tag's ok images whose top-1
/// label it is. Several tags are drawn side by side per motif, for comparison. A slider sets the
/// minimum top-1 score; clicking a bar asks for the grid to be filtered by its tag and label.
///
/// From the keyboard: the arrow keys move the selected bar (up/down: motif, left/right: tag),
/// Enter or Space activates it as a click does, Escape clears the selection; the line under the
/// chart reads out the selected or hovered bar. The same numbers are available as a table
/// (setTableShown()), whose rows activate on Enter or a double click.
class TagMotifChart : public QWidget
{
    Q_OBJECT

public:
    /// When setRows() redraws.
    enum class Redraw
    {
        Now,       ///< at once (a project opened, a harvest ended)
        Coalesced, ///< within coalescingInterval(), once for many calls (rows streaming in)
    };

    explicit TagMotifChart(QWidget *parent = nullptr);
    ~TagMotifChart() override;

    /// The rows to summarise (a ProjectModel's). Redrawing costs tens of milliseconds, so rows
    /// that stream in are drawn at most once per coalescingInterval(); the slider, the motif
    /// count and Redraw::Now draw at once.
    void setRows(const QList<engine::MediaRow> &rows, Redraw redraw = Redraw::Now);
    /// Draws rows that wait for a coalesced redraw now.
    void applyPendingRows();
    /// Whether rows wait for a coalesced redraw.
    bool hasPendingRows() const { return m_pendingTimer.isActive(); }
    void setCoalescingInterval(int milliseconds) { m_pendingTimer.setInterval(milliseconds); }
    int coalescingInterval() const { return m_pendingTimer.interval(); }
    /// Full redraws (new series and axis labels) so far; the others changed the bars in place
    /// (for tests).
    int seriesRebuilds() const { return m_seriesRebuilds; }
    /// Tags to compare; empty: every tag in the rows.
    void setTags(const QStringList &tags);
    QStringList shownTags() const { return m_shownTags; }
    void setTopN(int motifs);
    int topN() const;
    void setMinimumScore(double score);
    double minimumScore() const;
    /// Drawn with an "untrained model" warning in the title.
    void setModelTrained(bool trained);

    const engine::MotifStatistics &statistics() const { return m_statistics; }
    /// The motif labels on the category axis, top of the chart first.
    QStringList categories() const { return m_categories; }
    /// The motifs of the categories (label index and label), top first.
    QList<engine::MotifStatistics::MotifKey> motifKeys() const { return m_keys; }
    QHorizontalBarSeries *series() const { return m_series; }
    QSlider *scoreSlider() const { return m_slider; }

    /// The chart as on screen, with \a caption (what it shows: threshold, filters) under it;
    /// rendered here, written by whoever asked (off the GUI thread).
    QImage renderImage(const QString &caption = {}) const;
    /// What the chart shows, for a caption: the statistic, the threshold and the tags.
    QString caption() const;
    QByteArray renderSvg(const QString &caption = {}) const;

    /// What a bar says on hover: the tag, the motif, how many of how many images, the share.
    QString barText(const QString &tag, int category) const;
    /// Clicks the bar of \a tag in \a category (0: top): selects it, asks for the grid's filter.
    void activateBar(const QString &tag, int category);
    /// The selected bar (a tag and its motif), if any.
    std::optional<std::pair<QString, std::pair<int, QString>>> selectedBar() const { return m_selected; }
    void clearSelection();
    /// What the line under the chart reads out (the selected or hovered bar; a hint when empty).
    QString readout() const;

    /// The table instead of the bars.
    void setTableShown(bool shown);
    bool tableShown() const;
    QTableView *table() const { return m_table; }
    MotifTableModel *tableModel() const { return m_tableModel; }
    /// The bars' view: it takes the keyboard focus.
    QWidget *barView() const;

Q_SIGNALS:
    /// A bar was clicked: show \a tag's images with the top label \a label.
    void barActivated(const QString &tag, const QString &label);
    void minimumScoreChanged(double score);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void rebuildSeries(const QList<std::pair<int, QString>> &keys);
    int categoryOfBar(int bar) const;
    void showSelection();
    /// Moves the selection by \a categories motifs and \a tags tags, starting at the top
    /// motif's first tag; returns whether the key was used.
    bool moveSelection(int categories, int tags);
    void setReadout(const QString &text);
    void showFocus(bool focused);
    void updateValueAxis(double maxShare);
    /// A motif's share of a tag's ok images in %, as the bars show it.
    double sharePercentOf(const QString &tag, const std::pair<int, QString> &key) const;
    /// How many motif rows the chart can label readably at its current height (unlimited while
    /// it is not shown, e.g. for exports and tests).
    int fittingCategories() const;

    QList<engine::MediaRow> m_rows;
    QStringList m_requestedTags;
    QStringList m_shownTags;
    QStringList m_categories;              // top first
    QList<std::pair<int, QString>> m_keys; // label index and label of each category, top first
    engine::MotifStatistics m_statistics;
    bool m_modelTrained = true;
    std::optional<std::pair<QString, std::pair<int, QString>>> m_selected; // tag, motif

    QChart *m_chart;
    QChartView *m_view;
    QHorizontalBarSeries *m_series = nullptr;
    // Made once and reused: axes removed and deleted while the chart is shown leave their
    // labels behind in Qt Charts 6.4.
    QBarCategoryAxis *m_categoryAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    int m_fitting = 0;
    int m_seriesRebuilds = 0;
    QTimer m_pendingTimer;
    QSlider *m_slider;
    QLabel *m_sliderValue;
    QSpinBox *m_topN;
    QStackedWidget *m_stack;
    QTableView *m_table;
    MotifTableModel *m_tableModel;
    QToolButton *m_tableToggle;
    QLabel *m_readout;
    QString m_hovered; // the hovered bar's text, shown in the readout while the mouse is on it
};

} // namespace taglens::ui
