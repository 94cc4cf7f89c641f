// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestprogressstrip.h"

#include "engine/workflow/progresstext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace taglens::ui {

HarvestProgressStrip::HarvestProgressStrip(QWidget *parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setAccessibleName(tr("Harvest progress"));
    m_text->setAccessibleName(tr("Harvest counts"));
    // Its text changes with every update: a fixed width keeps that from laying the window out again.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_text, 2);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HarvestProgressStrip::showLatest);
    hide();
}

void HarvestProgressStrip::showModelLoading()
{
    m_timer.stop();
    m_bar->setRange(0, 0);
    m_text->setText(tr("Loading the model…"));
    show();
}

void HarvestProgressStrip::showStarting()
{
    m_timer.stop();
    m_shown.invalidate();
    m_bar->setRange(0, 0);
    m_text->setText(tr("Starting…"));
    show();
}

void HarvestProgressStrip::setProgress(const engine::HarvestProgress &progress)
{
    m_progress = progress;
    if (m_timer.isActive())
        return; // the latest is shown when it fires
    const qint64 since = m_shown.isValid() ? m_shown.elapsed() : IntervalMs;
    if (since >= IntervalMs)
        showLatest();
    else
        m_timer.start(int(IntervalMs - since));
}

void HarvestProgressStrip::finish()
{
    m_timer.stop();
    m_progress = engine::HarvestProgress();
    hide();
}

QString HarvestProgressStrip::countsText() const
{
    return m_text->text();
}

void HarvestProgressStrip::showLatest()
{
    m_shown.start();
    const engine::HarvestProgress &p = m_progress;
    // A limit of "everything" has no end to show: the bar stays busy.
    const bool bounded = p.limit > 0 && p.limit < 1000000;
    if (bounded) {
        m_bar->setRange(0, p.limit);
        m_bar->setValue(qMin(p.ok, p.limit));
    } else {
        m_bar->setRange(0, 0);
    }
    m_text->setText(engine::ProgressText::describe(p));
    show();
}

} // namespace taglens::ui
