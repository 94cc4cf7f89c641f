// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

class QAbstractItemView;
class QEvent;

namespace taglens::bench {

class StallRecorder;

/// Someone using the thumbnail grid: wheel turns on its viewport, arrow keys, Home and End on
/// the view, and clicks on visible items, posted to the event queue as a window system would
/// deliver them, so they wait for whatever the GUI thread is doing. Each is noted with the
/// recorder, which measures its wait.
class SimulatedUser : public QObject
{
    Q_OBJECT

public:
    SimulatedUser(QAbstractItemView *view, StallRecorder *recorder, QObject *parent = nullptr);

    /// \a notches wheel notches; positive scrolls down.
    void wheel(int notches);
    /// A key press and release on the view.
    void key(int key, const QString &name);
    /// Clicks an item in the viewport; false when no item is visible.
    bool clickVisibleItem();

    /// Browses on its own while something else happens: one action every \a intervalMs.
    void startRoaming(int intervalMs);
    void stopRoaming();
    int actions() const { return m_actions; }

private:
    void post(QObject *receiver, QEvent *event, const QString &what);
    void roam();

    QPointer<QAbstractItemView> m_view;
    StallRecorder *m_recorder;
    QRandomGenerator m_random{20260101};
    QTimer m_roamTimer;
    int m_step = 0;
    int m_actions = 0;
};

} // namespace taglens::bench
