// SPDX-License-Identifier: GPL-3.0-or-later
#include "timedapplication.h"

#include "stallrecorder.h"

#include <QEvent>
#include <QMetaEnum>
#include <QThread>
#include <QTimer>

namespace taglens::bench {

namespace {
constexpr qint64 SpanThresholdNs = 2000000;
} // namespace

TimedApplication::TimedApplication(int &argc, char **argv)
    : QApplication(argc, argv), m_guiThread(QThread::currentThreadId())
{
}

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    if (QThread::currentThreadId() != m_guiThread)
        return QApplication::notify(receiver, event);
    if (m_depth > 0 || !m_recorder || !m_recorder->isRunning()) {
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        return result;
    }
    if (m_recorder->hasPendingInput())
        m_recorder->noteDelivered(event);
    // Everything needed to name the handler is read first: the receiver may not survive it.
    const int type = int(event->type());
    const char *receiverClass = receiver->metaObject()->className();
    const QObject *parent = receiver->parent();
    const char *parentClass = parent ? parent->metaObject()->className() : nullptr;
    const QString name = receiver->objectName();
    const auto *timer = qobject_cast<const QTimer *>(receiver);
    const int timerInterval = timer ? timer->interval() : -1;

    const qint64 start = StallRecorder::now();
    const qint64 cpu = StallRecorder::threadCpuNs();
    ++m_depth;
    const bool result = QApplication::notify(receiver, event);
    --m_depth;
    const qint64 wall = StallRecorder::now() - start;
    if (wall >= SpanThresholdNs && m_recorder->isRunning()) {
        StallRecorder::Span span;
        span.startNs = start;
        span.wallNs = wall;
        span.cpuNs = StallRecorder::threadCpuNs() - cpu;
        const char *typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
        span.what = (typeName ? QString::fromLatin1(typeName) : QString::number(type)) + QStringLiteral(" → ") +
                    QString::fromLatin1(receiverClass);
        if (!name.isEmpty())
            span.what += QStringLiteral(" \"") + name + QLatin1Char('"');
        if (parentClass)
            span.what += QStringLiteral(" in ") + QString::fromLatin1(parentClass);
        if (timerInterval >= 0)
            span.what += QStringLiteral(" (%1 ms timer)").arg(timerInterval);
        m_recorder->addSpan(span);
    }
    return result;
}

} // namespace taglens::bench
