// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagmotifchart.h"

#include "motiftablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QPainter>
#include <QResizeEvent>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcTagMotifChart, "taglens.ui.charts.tagmotifchart")

namespace taglens::ui {

namespace {
constexpr int MaxComparedTags = 8;
constexpr int MinimumBarThickness = 6; // px: a bar thinner than this cannot be told apart or clicked
constexpr int CoalescingIntervalMs = 1000;
} // namespace

TagMotifChart::TagMotifChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_sliderValue(new QLabel(this)),
      m_topN(new QSpinBox(this)), m_stack(new QStackedWidget(this)), m_table(new QTableView(this)),
      m_tableModel(new MotifTableModel(this)), m_tableToggle(new QToolButton(this)),
      m_readout(new QLabel(this))
{
    m_categoryAxis = new QBarCategoryAxis;
    m_valueAxis = new QValueAxis;
    m_chart->addAxis(m_categoryAxis, Qt::AlignLeft);
    m_chart->addAxis(m_valueAxis, Qt::AlignBottom);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f%%"));
    m_valueAxis->setTitleText(tr("share of the tag's classified images"));
    m_chart->setAnimationOptions(QChart::NoAnimation); // redrawn live while a harvest streams in
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(6, 4, 6, 4)); // the default 20 px costs the grid a row on small screens
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Motifs per tag"));
    m_view->setAccessibleDescription(tr("Arrow keys choose a bar, Enter shows its images."));
    m_view->setMinimumHeight(112); // three motifs (fittingCategories()); the grid needs the room more
    // Tab reaches the bars; a frame in the highlight colour shows it (always drawn, so that
    // focus never changes the chart's size).
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setFrameStyle(QFrame::Box | QFrame::Plain);
    m_view->setLineWidth(2);
    m_view->installEventFilter(this);
    showFocus(false);

    m_table->setModel(m_tableModel);
    m_table->setMinimumHeight(m_view->minimumHeight()); // not taller than the bars need
    m_table->setAccessibleName(tr("Motifs per tag, as a table"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(MotifTableModel::MotifColumn, QHeaderView::Stretch);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        activateBar(index.data(MotifTableModel::TagRole).toString(),
                    index.data(MotifTableModel::CategoryRole).toInt());
    });
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_table);

    m_tableToggle->setText(tr("&Table"));
    m_tableToggle->setCheckable(true);
    m_tableToggle->setToolTip(tr("Show the chart's numbers as a table"));
    m_tableToggle->setAccessibleName(tr("Show as a table"));
    connect(m_tableToggle, &QToolButton::toggled, this, &TagMotifChart::setTableShown);

    m_readout->setAccessibleName(tr("Selected bar"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One line that never widens the chart or claims height (a wrapping label would); the full
    // text is also its tooltip and the bars' accessible description.
    m_readout->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);

    m_slider->setRange(0, 100);
    m_slider->setAccessibleName(tr("Minimum score"));
    m_slider->setToolTip(tr("Count an image under its top label only when the model is at least this sure."));
    m_topN->setRange(1, 30);
    m_topN->setValue(8);
    m_topN->setAccessibleName(tr("Motifs per tag"));
    m_topN->setPrefix(tr("Top "));
    m_topN->setToolTip(tr("Motifs per tag; fewer are shown while the chart is too small to label them."));

    auto *controls = new QHBoxLayout;
    auto *sliderLabel = new QLabel(tr("Minimum &score:"), this);
    sliderLabel->setBuddy(m_slider);
    controls->addWidget(sliderLabel);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_sliderValue);
    controls->addWidget(m_topN);
    controls->addWidget(m_tableToggle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_readout);
    layout->addLayout(controls);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        rebuild();
        Q_EMIT minimumScoreChanged(value / 100.0);
    });
    connect(m_topN, &QSpinBox::valueChanged, this, &TagMotifChart::rebuild);
    m_pendingTimer.setSingleShot(true);
    m_pendingTimer.setInterval(CoalescingIntervalMs);
    connect(&m_pendingTimer, &QTimer::timeout, this, &TagMotifChart::rebuild);
    rebuild();
}

TagMotifChart::~TagMotifChart() = default;

void TagMotifChart::setRows(const QList<engine::MediaRow> &rows, Redraw redraw)
{
    m_rows = rows;
    if (redraw == Redraw::Now)
        rebuild();
    else if (!m_pendingTimer.isActive())
        m_pendingTimer.start();
}

void TagMotifChart::applyPendingRows()
{
    if (m_pendingTimer.isActive())
        rebuild();
}

void TagMotifChart::setTags(const QStringList &tags)
{
    m_requestedTags = tags;
    rebuild();
}

void TagMotifChart::setTopN(int motifs)
{
    m_topN->setValue(motifs);
}

int TagMotifChart::topN() const
{
    return m_topN->value();
}

void TagMotifChart::setMinimumScore(double score)
{
    m_slider->setValue(qRound(qBound(0.0, score, 1.0) * 100.0));
}

double TagMotifChart::minimumScore() const
{
    return m_slider->value() / 100.0;
}

void TagMotifChart::setModelTrained(bool trained)
{
    m_modelTrained = trained;
    rebuild();
}

void TagMotifChart::rebuild()
{
    m_pendingTimer.stop(); // this draws the latest rows
    m_sliderValue->setText(tr("%1%").arg(m_slider->value()));
    m_statistics = engine::MotifStatistics::compute(m_rows, minimumScore());
    m_shownTags.clear();
    const QStringList available = m_statistics.tags();
    for (const QString &tag : m_requestedTags.isEmpty() ? available : m_requestedTags) {
        if (available.contains(tag) && m_shownTags.size() < MaxComparedTags)
            m_shownTags << tag;
    }

    // The categories: the N motifs that compare the shown tags best (MotifStatistics), fewer
    // only while the chart is too small to label them.
    m_fitting = fittingCategories();
    const QList<std::pair<int, QString>> keys = m_statistics.topMotifs(m_shownTags, qMin(topN(), m_fitting));
    m_categories.clear();
    for (const auto &key : std::as_const(keys))
        m_categories << key.second;

    // The same tags and motifs as drawn: only the bars' lengths change, in place. Replacing the
    // series and the axis labels is what makes a redraw expensive.
    bool sameBars = m_series && keys == m_keys && m_series->count() == m_shownTags.size();
    for (qsizetype t = 0; sameBars && t < m_shownTags.size(); ++t)
        sameBars = m_series->barSets().at(t)->label() == QLatin1Char('#') + m_shownTags.at(t);
    if (sameBars) {
        double maxShare = 0.0;
        const QList<QBarSet *> sets = m_series->barSets();
        for (qsizetype t = 0; t < m_shownTags.size(); ++t) {
            const QString &tag = m_shownTags.at(t);
            QBarSet *set = sets.at(t);
            // Qt Charts draws the first category at the bottom: the biggest is added last.
            for (qsizetype c = keys.size() - 1, bar = 0; c >= 0; --c, ++bar) {
                const double value = sharePercentOf(tag, keys.at(c));
                maxShare = qMax(maxShare, value / 100.0);
                if (set->at(int(bar)) != value)
                    set->replace(int(bar), value);
            }
        }
        updateValueAxis(maxShare);
    } else {
        rebuildSeries(keys);
    }
    m_keys = keys;
    if (m_selected && (!m_shownTags.contains(m_selected->first) || !m_keys.contains(m_selected->second)))
        m_selected.reset(); // its bar is gone
    m_tableModel->setContents(m_statistics, m_shownTags, m_keys);
    showSelection();

    QString title = m_shownTags.isEmpty() ? tr("No classified images yet") : tr("What the pictures show");
    if (!m_modelTrained && !m_shownTags.isEmpty())
        title = tr("Untrained test model: these labels mean nothing");
    if (m_chart->title() != title)
        m_chart->setTitle(title);
    qCDebug(lcTagMotifChart) << "chart with" << m_shownTags.size() << "tags and" << m_categories.size()
                             << "motifs";
}

int TagMotifChart::categoryOfBar(int bar) const
{
    // Qt Charts draws the first category at the bottom: bars are added top category last.
    const qsizetype category = m_categories.size() - 1 - bar;
    return category >= 0 && category < m_categories.size() ? int(category) : -1;
}

QString TagMotifChart::barText(const QString &tag, int category) const
{
    if (category < 0 || category >= m_keys.size())
        return {};
    const auto &key = m_keys.at(category);
    const engine::MotifStatistics::TagMotifs motifs = m_statistics.tag(tag);
    int images = 0;
    for (const auto &m : motifs.motifs) {
        if (m.labelIndex == key.first && m.label == key.second)
            images = m.images;
    }
    return tr("#%1 · %2: %3 of %n classified image(s) (%4 %)", nullptr, motifs.classified)
        .arg(tag, key.second)
        .arg(images)
        .arg(sharePercentOf(tag, key), 0, 'f', 1);
}

void TagMotifChart::activateBar(const QString &tag, int category)
{
    if (category < 0 || category >= m_keys.size())
        return;
    m_selected = {tag, m_keys.at(category)};
    showSelection();
    Q_EMIT barActivated(tag, m_keys.at(category).second);
}

void TagMotifChart::clearSelection()
{
    m_selected.reset();
    showSelection();
}

void TagMotifChart::showSelection()
{
    setReadout(readout());
    const int row =
        m_selected ? m_tableModel->rowOf(m_selected->first, int(m_keys.indexOf(m_selected->second))) : -1;
    if (row < 0)
        m_table->clearSelection();
    else if (m_table->currentIndex().row() != row)
        m_table->setCurrentIndex(m_tableModel->index(row, MotifTableModel::TagColumn));
    if (!m_series)
        return;
    for (QBarSet *set : m_series->barSets()) {
        set->deselectAllBars();
        if (!m_selected || set->label() != QLatin1Char('#') + m_selected->first)
            continue;
        const qsizetype category = m_keys.indexOf(m_selected->second);
        if (category >= 0)
            set->selectBar(int(m_keys.size() - 1 - category));
    }
}

QString TagMotifChart::readout() const
{
    if (!m_hovered.isEmpty())
        return m_hovered;
    if (m_selected) {
        const qsizetype category = m_keys.indexOf(m_selected->second);
        if (category >= 0)
            return barText(m_selected->first, int(category));
    }
    return m_shownTags.isEmpty() ? QString() : tr("Point at a bar or use the arrow keys for its numbers.");
}

void TagMotifChart::setReadout(const QString &text)
{
    if (m_readout->text() != text) {
        m_readout->setText(text);
        m_readout->setToolTip(text);
    }
    m_view->setAccessibleDescription(text);
}

bool TagMotifChart::moveSelection(int categories, int tags)
{
    if (m_keys.isEmpty() || m_shownTags.isEmpty())
        return false;
    int category = 0;
    int tag = 0;
    if (m_selected) {
        category =
            int(qBound(qsizetype(0), m_keys.indexOf(m_selected->second) + categories, m_keys.size() - 1));
        tag =
            int(qBound(qsizetype(0), m_shownTags.indexOf(m_selected->first) + tags, m_shownTags.size() - 1));
    }
    m_selected = {m_shownTags.at(tag), m_keys.at(category)};
    showSelection();
    return true;
}

void TagMotifChart::setTableShown(bool shown)
{
    m_tableToggle->setChecked(shown);
    QWidget *const page = shown ? static_cast<QWidget *>(m_table) : m_view;
    if (m_stack->currentWidget() == page)
        return;
    const bool hadFocus = m_stack->currentWidget() && m_stack->currentWidget()->hasFocus();
    m_stack->setCurrentWidget(page);
    if (hadFocus)
        page->setFocus(Qt::OtherFocusReason);
    if (!shown && fittingCategories() != m_fitting)
        rebuild();
}

bool TagMotifChart::tableShown() const
{
    return m_stack->currentWidget() == m_table;
}

QWidget *TagMotifChart::barView() const
{
    return m_view;
}

void TagMotifChart::showFocus(bool focused)
{
    // From the chart's own palette, so that a theme change (changeEvent) recolours the frame.
    QPalette palette = m_view->palette();
    palette.setColor(QPalette::WindowText, focused ? this->palette().color(QPalette::Highlight)
                                                   : this->palette().color(QPalette::Window));
    m_view->setPalette(palette);
}

void TagMotifChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showFocus(m_view->hasFocus());
}

bool TagMotifChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        switch (event->type()) {
        case QEvent::FocusIn:
            showFocus(true);
            break;
        case QEvent::FocusOut:
            showFocus(false);
            break;
        case QEvent::KeyPress: {
            const auto *key = static_cast<QKeyEvent *>(event);
            switch (key->key()) {
            case Qt::Key_Up:
                return moveSelection(-1, 0);
            case Qt::Key_Down:
                return moveSelection(1, 0);
            case Qt::Key_Left:
                return moveSelection(0, -1);
            case Qt::Key_Right:
                return moveSelection(0, 1);
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Space:
                if (!m_selected)
                    return moveSelection(0, 0);
                activateBar(m_selected->first, int(m_keys.indexOf(m_selected->second)));
                return true;
            case Qt::Key_Escape:
                if (!m_selected)
                    return false;
                clearSelection();
                return true;
            default:
                break;
            }
            break;
        }
        default:
            break;
        }
    } else if (watched == m_table && event->type() == QEvent::KeyPress) {
        // Space activates a row as Enter does (QTableView activates only on Enter).
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && m_table->currentIndex().isValid()) {
            const QModelIndex current = m_table->currentIndex();
            activateBar(current.data(MotifTableModel::TagRole).toString(),
                        current.data(MotifTableModel::CategoryRole).toInt());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

double TagMotifChart::sharePercentOf(const QString &tag, const std::pair<int, QString> &key) const
{
    return m_statistics.share(tag, key.first, key.second) * 100.0;
}

void TagMotifChart::rebuildSeries(const QList<std::pair<int, QString>> &keys)
{
    ++m_seriesRebuilds;
    m_chart->removeAllSeries();
    m_series = new QHorizontalBarSeries;
    double maxShare = 0.0;
    for (const QString &tag : std::as_const(m_shownTags)) {
        auto *set = new QBarSet(QLatin1Char('#') + tag);
        // Qt Charts draws the first category at the bottom; add them reversed so the biggest is on top.
        for (qsizetype c = keys.size() - 1; c >= 0; --c) {
            const double value = sharePercentOf(tag, keys.at(c));
            maxShare = qMax(maxShare, value / 100.0);
            *set << value;
        }
        set->setSelectedColor(set->color().darker(160));
        connect(set, &QBarSet::clicked, this,
                [this, tag](int index) { activateBar(tag, categoryOfBar(index)); });
        connect(set, &QBarSet::hovered, this, [this, tag](bool entered, int index) {
            m_hovered = entered ? barText(tag, categoryOfBar(index)) : QString();
            if (entered)
                QToolTip::showText(QCursor::pos(), m_hovered, m_view);
            else
                QToolTip::hideText();
            setReadout(readout());
        });
        m_series->append(set);
    }
    m_series->setBarWidth(0.85); // of a category's height: thick bars even with several tags
    m_chart->addSeries(m_series);
    showSelection();
    // The axis refuses duplicate names, and ImageNet has two classes called "crane".
    QStringList axisLabels;
    for (qsizetype c = keys.size() - 1; c >= 0; --c) {
        const bool ambiguous = m_categories.count(keys.at(c).second) > 1;
        axisLabels << (ambiguous ? tr("%1 (%2)").arg(keys.at(c).second).arg(keys.at(c).first)
                                 : keys.at(c).second);
    }
    m_categoryAxis->setCategories(axisLabels);
    m_series->attachAxis(m_categoryAxis);
    updateValueAxis(maxShare);
    m_series->attachAxis(m_valueAxis);
}

void TagMotifChart::updateValueAxis(double maxShare)
{
    // Ticks on round percentages: steps of 10 up to 50 %, of 20 beyond.
    const int top = qMax(10, int(std::ceil(maxShare * 10.0)) * 10);
    const int step = top <= 50 ? 10 : 20;
    const int axisMax = (top + step - 1) / step * step;
    if (m_valueAxis->max() != axisMax || m_valueAxis->min() != 0)
        m_valueAxis->setRange(0, axisMax);
    if (m_valueAxis->tickCount() != axisMax / step + 1)
        m_valueAxis->setTickCount(axisMax / step + 1);
}

int TagMotifChart::fittingCategories() const
{
    if (!m_view->isVisible())
        return std::numeric_limits<int>::max();
    // Title, value axis with its title, legend and margins take about nine lines; each motif row
    // needs two lines of height for its label to be drawn (Qt Charts elides it to "…" otherwise),
    // and room for a readable bar of every compared tag.
    const int line = m_view->fontMetrics().height();
    const int tags = int(qMax(qsizetype(1), m_shownTags.size()));
    const int row = qMax(2 * line, int(std::ceil(tags * MinimumBarThickness / 0.85))); // bars: 85 % of a row
    return qMax(3, (m_view->height() - 9 * line) / row);
}

void TagMotifChart::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (fittingCategories() != m_fitting)
        rebuild();
}

void TagMotifChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_view->isVisible() && fittingCategories() != m_fitting)
        rebuild();
}

namespace {

/// Room for the caption under the chart: two lines of the chart's font.
int captionHeight(const QFont &font)
{
    return QFontMetrics(font).lineSpacing() * 2 + 8;
}

void drawCaption(QPainter &painter, const QRect &area, const QString &caption, const QPalette &palette)
{
    painter.fillRect(area, palette.color(QPalette::Base));
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(area.adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                     caption);
}

} // namespace

QString TagMotifChart::caption() const
{
    QStringList tags;
    for (const QString &tag : m_shownTags)
        tags << QStringLiteral("#") + tag;
    return tr("Share of each tag's classified images by top-1 label, top-1 score ≥ %1 %; tags: %2")
        .arg(qRound(minimumScore() * 100.0))
        .arg(tags.isEmpty() ? tr("none") : tags.join(QStringLiteral(", ")));
}

QImage TagMotifChart::renderImage(const QString &caption) const
{
    const QPixmap chart = m_view->grab();
    const int extra = caption.isEmpty() ? 0 : captionHeight(font()) * int(chart.devicePixelRatio());
    QImage image(chart.width(), chart.height() + extra, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.drawPixmap(0, 0, chart);
    if (extra > 0) {
        painter.scale(chart.devicePixelRatio(), chart.devicePixelRatio());
        const int top = int(chart.height() / chart.devicePixelRatio());
        drawCaption(painter,
                    QRect(0, top, int(chart.width() / chart.devicePixelRatio()), captionHeight(font())),
                    caption, palette());
    }
    painter.end();
    return image;
}

QByteArray TagMotifChart::renderSvg(const QString &caption) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const int extra = caption.isEmpty() ? 0 : captionHeight(font());
    const QSize size(m_view->width(), m_view->height() + extra);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setTitle(m_chart->title());
    generator.setDescription(caption.isEmpty() ? tr("TagLens motif chart") : caption);
    QPainter painter(&generator);
    m_view->render(&painter, QRectF(0, 0, m_view->width(), m_view->height()));
    if (extra > 0)
        drawCaption(painter, QRect(0, m_view->height(), size.width(), extra), caption, palette());
    painter.end();
    return bytes;
}

} // namespace taglens::ui
