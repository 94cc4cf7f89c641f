// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulateduser.h"

#include "stallrecorder.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

namespace taglens::bench {

SimulatedUser::SimulatedUser(QAbstractItemView *view, StallRecorder *recorder, QObject *parent)
    : QObject(parent), m_view(view), m_recorder(recorder)
{
    connect(&m_roamTimer, &QTimer::timeout, this, &SimulatedUser::roam);
}

void SimulatedUser::post(QObject *receiver, QEvent *event, const QString &what)
{
    ++m_actions;
    m_recorder->notePosted(event, what);
    QCoreApplication::postEvent(receiver, event);
}

void SimulatedUser::wheel(int notches)
{
    if (!m_view)
        return;
    QWidget *viewport = m_view->viewport();
    const QPointF centre = QRectF(viewport->rect()).center();
    post(viewport,
         new QWheelEvent(centre, viewport->mapToGlobal(centre), QPoint(), QPoint(0, -120 * notches), Qt::NoButton,
                         Qt::NoModifier, Qt::NoScrollPhase, false),
         QStringLiteral("wheel %1 %2").arg(notches > 0 ? QStringLiteral("down") : QStringLiteral("up")).arg(qAbs(notches)));
}

void SimulatedUser::key(int key, const QString &name)
{
    if (!m_view)
        return;
    post(m_view, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier), QStringLiteral("key ") + name);
    post(m_view, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier), QString());
}

bool SimulatedUser::clickVisibleItem()
{
    if (!m_view)
        return false;
    QWidget *viewport = m_view->viewport();
    if (viewport->width() <= 0 || viewport->height() <= 0)
        return false;
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QPoint p(int(m_random.bounded(viewport->width())), int(m_random.bounded(viewport->height())));
        const QModelIndex index = m_view->indexAt(p);
        if (!index.isValid())
            continue;
        const QPointF centre = QRectF(m_view->visualRect(index)).center();
        const QPointF global = viewport->mapToGlobal(centre);
        post(viewport,
             new QMouseEvent(QEvent::MouseButtonPress, centre, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier),
             QStringLiteral("click row %1").arg(index.row()));
        post(viewport,
             new QMouseEvent(QEvent::MouseButtonRelease, centre, global, Qt::LeftButton, Qt::NoButton,
                             Qt::NoModifier),
             QString());
        return true;
    }
    return false;
}

void SimulatedUser::startRoaming(int intervalMs)
{
    m_step = 0;
    m_roamTimer.start(intervalMs);
}

void SimulatedUser::stopRoaming()
{
    m_roamTimer.stop();
}

void SimulatedUser::roam()
{
    // About two seconds of browsing, then again: scroll, look at one, jump to the newest items
    // (where the harvest appends), back to the top.
    switch (m_step++ % 14) {
    case 0:
    case 1:
    case 2:
    case 13:
        wheel(1);
        break;
    case 3:
    case 7:
    case 9:
    case 12:
        clickVisibleItem();
        break;
    case 4:
        key(Qt::Key_Down, QStringLiteral("Down"));
        break;
    case 5:
    case 6:
        wheel(-1);
        break;
    case 8:
        key(Qt::Key_End, QStringLiteral("End"));
        break;
    case 10:
        key(Qt::Key_Up, QStringLiteral("Up"));
        break;
    case 11:
        key(Qt::Key_Home, QStringLiteral("Home"));
        break;
    default:
        break;
    }
}

} // namespace taglens::bench
