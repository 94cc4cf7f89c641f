// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagmotifchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLoggingCategory>
#include <QPainter>
#include <QSlider>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

Q_LOGGING_CATEGORY(lcTagMotifChart, "taglens.ui.charts.tagmotifchart")

namespace taglens::ui {

namespace {
constexpr int MaxComparedTags = 6;
}

TagMotifChart::TagMotifChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_sliderValue(new QLabel(this)), m_topN(new QSpinBox(this))
{
    m_chart->setAnimationOptions(QChart::NoAnimation); // redrawn live while a harvest streams in
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Motifs per tag"));
    m_view->setMinimumHeight(260);

    m_slider->setRange(0, 100);
    m_slider->setAccessibleName(tr("Minimum score"));
    m_slider->setToolTip(tr("Count an image under its top label only when the model is at least this sure."));
    m_topN->setRange(1, 30);
    m_topN->setValue(8);
    m_topN->setAccessibleName(tr("Motifs per tag"));
    m_topN->setPrefix(tr("Top "));

    auto *controls = new QHBoxLayout;
    auto *sliderLabel = new QLabel(tr("Minimum &score:"), this);
    sliderLabel->setBuddy(m_slider);
    controls->addWidget(sliderLabel);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_sliderValue);
    controls->addWidget(m_topN);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(controls);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        rebuild();
        Q_EMIT minimumScoreChanged(value / 100.0);
    });
    connect(m_topN, &QSpinBox::valueChanged, this, &TagMotifChart::rebuild);
    rebuild();
}

TagMotifChart::~TagMotifChart() = default;

void TagMotifChart::setRows(const QList<engine::MediaRow> &rows)
{
    m_rows = rows;
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
    m_sliderValue->setText(tr("%1%").arg(m_slider->value()));
    m_statistics = MotifStatistics::compute(m_rows, minimumScore());
    m_shownTags.clear();
    const QStringList available = m_statistics.tags();
    for (const QString &tag : m_requestedTags.isEmpty() ? available : m_requestedTags) {
        if (available.contains(tag) && m_shownTags.size() < MaxComparedTags)
            m_shownTags << tag;
    }

    // The categories: each shown tag's top-N motifs, merged in order of first appearance.
    QList<std::pair<int, QString>> keys; // label index, label
    for (const QString &tag : std::as_const(m_shownTags)) {
        const auto motifs = m_statistics.tag(tag).motifs;
        for (int i = 0; i < motifs.size() && i < topN(); ++i) {
            const std::pair<int, QString> key{motifs.at(i).labelIndex, motifs.at(i).label};
            if (!keys.contains(key))
                keys << key;
        }
    }
    m_categories.clear();
    for (const auto &key : std::as_const(keys))
        m_categories << key.second;

    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_series = new QHorizontalBarSeries;
    double maxShare = 0.0;
    for (const QString &tag : std::as_const(m_shownTags)) {
        const auto data = m_statistics.tag(tag);
        auto *set = new QBarSet(QLatin1Char('#') + tag);
        // Qt Charts draws the first category at the bottom; add them reversed so the biggest is on top.
        for (qsizetype c = keys.size() - 1; c >= 0; --c) {
            double share = 0.0;
            for (const auto &m : data.motifs) {
                if (m.labelIndex == keys.at(c).first && m.label == keys.at(c).second) {
                    share = m.share;
                    break;
                }
            }
            maxShare = qMax(maxShare, share);
            *set << share * 100.0;
        }
        connect(set, &QBarSet::clicked, this, [this](int index) {
            const qsizetype category = m_categories.size() - 1 - index;
            if (category >= 0 && category < m_categories.size())
                Q_EMIT labelActivated(m_categories.at(category));
        });
        m_series->append(set);
    }
    m_chart->addSeries(m_series);
    auto *categoryAxis = new QBarCategoryAxis;
    // The axis refuses duplicate names, and ImageNet has two classes called "crane".
    QStringList axisLabels;
    for (qsizetype c = keys.size() - 1; c >= 0; --c) {
        const bool ambiguous = m_categories.count(keys.at(c).second) > 1;
        axisLabels << (ambiguous ? tr("%1 (%2)").arg(keys.at(c).second).arg(keys.at(c).first)
                                 : keys.at(c).second);
    }
    categoryAxis->append(axisLabels);
    m_chart->addAxis(categoryAxis, Qt::AlignLeft);
    m_series->attachAxis(categoryAxis);
    auto *valueAxis = new QValueAxis;
    // Ticks on round percentages: steps of 10 up to 50 %, of 20 beyond.
    const int top = qMax(10, int(std::ceil(maxShare * 10.0)) * 10);
    const int step = top <= 50 ? 10 : 20;
    const int axisMax = (top + step - 1) / step * step;
    valueAxis->setRange(0, axisMax);
    valueAxis->setTickCount(axisMax / step + 1);
    valueAxis->setLabelFormat(QStringLiteral("%.0f%%"));
    valueAxis->setTitleText(tr("share of the tag's classified images"));
    m_chart->addAxis(valueAxis, Qt::AlignBottom);
    m_series->attachAxis(valueAxis);

    QString title = m_shownTags.isEmpty() ? tr("No classified images yet") : tr("What the pictures show");
    if (!m_modelTrained && !m_shownTags.isEmpty())
        title = tr("Untrained test model: these labels mean nothing");
    m_chart->setTitle(title);
    qCDebug(lcTagMotifChart) << "chart with" << m_shownTags.size() << "tags and" << m_categories.size()
                             << "motifs";
}

QString TagMotifChart::exportPng(const QString &path) const
{
    const QPixmap pixmap = m_view->grab();
    if (!pixmap.save(path, "PNG"))
        return tr("Could not write %1.").arg(path);
    return {};
}

QString TagMotifChart::exportSvg(const QString &path) const
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(m_view->size());
    generator.setViewBox(QRect(QPoint(), m_view->size()));
    generator.setTitle(m_chart->title());
    generator.setDescription(tr("TagLens motif chart"));
    QPainter painter;
    if (!painter.begin(&generator))
        return tr("Could not write %1.").arg(path);
    m_view->render(&painter);
    painter.end();
    return {};
}

} // namespace taglens::ui
