// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>
#include <utility>
#include <vector>

class QEvent;
class QTextStream;

namespace taglens::bench {

/// Measures how long the GUI thread could not react to input: a 1 ms precise timer ticks on it
/// and every gap between two ticks is kept (a user's key press waits at most that long). Events
/// the thread handled, the probe's own actions and log messages are kept with their times, so
/// the worst gaps can be explained afterwards.
class StallRecorder : public QObject
{
    Q_OBJECT

public:
    /// One event (or direct call by the probe) handled on the GUI thread.
    struct Span
    {
        qint64 startNs = 0;
        qint64 wallNs = 0;
        qint64 cpuNs = 0; ///< the GUI thread's CPU time meanwhile; much less than wall: it waited
        QString what;
    };
    struct Stats
    {
        qsizetype ticks = 0;
        double seconds = 0;
        double p50 = 0, p90 = 0, p99 = 0, max = 0; ///< ms
        int over16 = 0;
        int over100 = 0;
        double msInGapsOver16 = 0;
        double cpuSeconds = 0;      ///< the GUI thread ran this long (from the kernel's schedstat)
        double runnableSeconds = 0; ///< it was ready to run but waited this long for a core
        qsizetype inputEvents = 0;
        double inputP50 = 0, inputP99 = 0, inputMax = 0; ///< ms from posting to delivery
    };

    explicit StallRecorder(QObject *parent = nullptr);

    /// Nanoseconds on a monotonic clock shared by everything recorded.
    static qint64 now();
    /// CPU time of the calling thread, in nanoseconds.
    static qint64 threadCpuNs();

    /// Forgets everything recorded and starts ticking.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    /// What the probe is doing from now on ("harvesting", "scrolling down", …).
    void setPhase(const QString &phase);
    /// A moment worth naming (a simulated key press, a filter change).
    void mark(const QString &note);
    /// Runs \a call on the GUI thread as one span named "probe: <what>".
    template<typename Call>
    void call(const QString &what, Call &&call)
    {
        Span span;
        span.startNs = now();
        const qint64 cpu = threadCpuNs();
        mark(what);
        std::forward<Call>(call)();
        span.wallNs = now() - span.startNs;
        span.cpuNs = threadCpuNs() - cpu;
        span.what = QStringLiteral("probe: ") + what;
        addSpan(span);
    }
    void addSpan(const Span &span);

    /// An input event the simulated user posted; its wait until delivery is measured.
    void notePosted(const QEvent *event, const QString &what);
    bool hasPendingInput() const { return !m_pendingInput.isEmpty(); }
    /// Called with every event the GUI thread starts to handle while input is pending.
    void noteDelivered(const QEvent *event);

    /// A log message (any thread).
    void addLog(const QString &line);

    Stats stats() const;
    /// Percentiles, counts, the worst gaps with what overlapped them, and the handlers that
    /// took the most time.
    void report(QTextStream &out, int worst = 5) const;

private:
    struct Gap
    {
        qint64 endNs;
        qint64 ns;
    };
    struct Note
    {
        qint64 ns;
        QString text;
    };
    void tick();
    /// The calling thread's time on a CPU and time waiting on a run queue (ns), from the kernel.
    static std::pair<qint64, qint64> schedulerTimes();
    QString phaseAt(qint64 ns) const;

    QTimer m_heartbeat;
    bool m_running = false;
    qint64 m_startNs = 0;
    qint64 m_stopNs = 0;
    qint64 m_lastTickNs = 0;
    std::pair<qint64, qint64> m_schedAtStart{0, 0};
    std::pair<qint64, qint64> m_schedAtStop{0, 0};
    std::vector<Gap> m_gaps;
    QList<Span> m_spans;
    QList<Note> m_phases;
    QList<Note> m_marks;
    QHash<const QEvent *, qint64> m_pendingInput;
    std::vector<qint64> m_inputLatencies;
    mutable QMutex m_logMutex;
    QList<Note> m_logs;
};

} // namespace taglens::bench
