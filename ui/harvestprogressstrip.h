// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pipeline/harvestprogress.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace taglens::ui {

/// The strip under the search bar while a harvest runs: a bar and the counts (ProgressText).
/// Stopping is the search bar's Stop, next to Start: one control for one action. Progress arrives with every
/// item; the strip redraws a few times a second with the latest, so a fast harvest does not keep the GUI
/// thread painting.
class HarvestProgressStrip : public QWidget
{
    Q_OBJECT

public:
    /// The strip redraws at most this often.
    static constexpr int IntervalMs = 200;

    explicit HarvestProgressStrip(QWidget *parent = nullptr);

    /// The model loads (seconds, on the pool): a busy bar and what it waits for.
    void showModelLoading();
    /// The harvest started: a busy bar until the first progress.
    void showStarting();
    /// The latest progress; shown now or at the next redraw.
    void setProgress(const engine::HarvestProgress &progress);
    /// Hides the strip and forgets the progress (the harvest ended).
    void finish();

    QProgressBar *bar() const { return m_bar; }
    QString countsText() const;

private:
    void showLatest();

    QProgressBar *m_bar;
    QLabel *m_text;
    engine::HarvestProgress m_progress;
    QElapsedTimer m_shown;
    QTimer m_timer;
};

} // namespace taglens::ui
