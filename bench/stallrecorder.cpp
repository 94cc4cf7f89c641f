// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallrecorder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>
#include <QTextStream>
#include <algorithm>
#include <ctime>

namespace taglens::bench {

namespace {

constexpr qsizetype MaxLogLines = 50000;

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// Nearest-rank percentile of sorted values.
qint64 percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = qsizetype(p / 100.0 * double(sorted.size()) + 0.5);
    return sorted[size_t(qBound<qsizetype>(0, rank - 1, qsizetype(sorted.size()) - 1))];
}

} // namespace

StallRecorder::StallRecorder(QObject *parent) : QObject(parent)
{
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    m_heartbeat.setInterval(1);
    connect(&m_heartbeat, &QTimer::timeout, this, &StallRecorder::tick);
}

qint64 StallRecorder::now()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

qint64 StallRecorder::threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::pair<qint64, qint64> StallRecorder::schedulerTimes()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() < 2)
        return {0, 0};
    return {fields.at(0).toLongLong(), fields.at(1).toLongLong()};
}

void StallRecorder::start()
{
    m_gaps.clear();
    m_gaps.reserve(1 << 18);
    m_spans.clear();
    m_phases.clear();
    m_marks.clear();
    m_pendingInput.clear();
    m_inputLatencies.clear();
    {
        const QMutexLocker lock(&m_logMutex);
        m_logs.clear();
    }
    m_startNs = now();
    m_stopNs = 0;
    m_lastTickNs = m_startNs;
    m_schedAtStart = schedulerTimes();
    m_running = true;
    m_heartbeat.start();
}

void StallRecorder::stop()
{
    if (!m_running)
        return;
    tick(); // the gap up to now counts too
    m_heartbeat.stop();
    m_running = false;
    m_stopNs = now();
    m_schedAtStop = schedulerTimes();
    m_pendingInput.clear();
}

void StallRecorder::tick()
{
    const qint64 t = now();
    m_gaps.push_back({t, t - m_lastTickNs});
    m_lastTickNs = t;
}

void StallRecorder::setPhase(const QString &phase)
{
    m_phases.append({now(), phase});
}

void StallRecorder::mark(const QString &note)
{
    if (m_running)
        m_marks.append({now(), note});
}

void StallRecorder::addSpan(const Span &span)
{
    if (m_running)
        m_spans.append(span);
}

void StallRecorder::notePosted(const QEvent *event, const QString &what)
{
    if (!m_running)
        return;
    m_pendingInput.insert(event, now());
    if (!what.isEmpty())
        mark(what);
}

void StallRecorder::noteDelivered(const QEvent *event)
{
    const auto it = m_pendingInput.constFind(event);
    if (it == m_pendingInput.cend())
        return;
    m_inputLatencies.push_back(now() - *it);
    m_pendingInput.erase(it);
}

void StallRecorder::addLog(const QString &line)
{
    const QMutexLocker lock(&m_logMutex);
    if (m_logs.size() < MaxLogLines)
        m_logs.append({now(), line});
}

QString StallRecorder::phaseAt(qint64 ns) const
{
    QString phase = m_phases.isEmpty() ? QStringLiteral("-") : m_phases.constFirst().text;
    for (const Note &p : m_phases) {
        if (p.ns > ns)
            break;
        phase = p.text;
    }
    return phase;
}

StallRecorder::Stats StallRecorder::stats() const
{
    Stats s;
    std::vector<qint64> gaps;
    gaps.reserve(m_gaps.size());
    for (const Gap &g : m_gaps) {
        gaps.push_back(g.ns);
        if (g.ns > 16000000) {
            ++s.over16;
            s.msInGapsOver16 += ms(g.ns);
        }
        if (g.ns > 100000000)
            ++s.over100;
    }
    std::sort(gaps.begin(), gaps.end());
    s.ticks = qsizetype(gaps.size());
    s.seconds = double((m_stopNs ? m_stopNs : now()) - m_startNs) / 1e9;
    s.p50 = ms(percentile(gaps, 50));
    s.p90 = ms(percentile(gaps, 90));
    s.p99 = ms(percentile(gaps, 99));
    s.max = gaps.empty() ? 0 : ms(gaps.back());
    const auto sched = m_stopNs ? m_schedAtStop : schedulerTimes();
    s.cpuSeconds = double(sched.first - m_schedAtStart.first) / 1e9;
    s.runnableSeconds = double(sched.second - m_schedAtStart.second) / 1e9;
    std::vector<qint64> input = m_inputLatencies;
    std::sort(input.begin(), input.end());
    s.inputEvents = qsizetype(input.size());
    s.inputP50 = ms(percentile(input, 50));
    s.inputP99 = ms(percentile(input, 99));
    s.inputMax = input.empty() ? 0 : ms(input.back());
    return s;
}

void StallRecorder::report(QTextStream &out, int worst) const
{
    const Stats s = stats();
    const auto f = [](double v, int decimals = 1) { return QString::number(v, 'f', decimals); };
    out << QStringLiteral("  event-loop gaps (1 ms precise heartbeat on the GUI thread): %1 ticks over %2 s\n")
               .arg(s.ticks)
               .arg(f(s.seconds));
    out << QStringLiteral("    p50 %1 ms   p90 %2 ms   p99 %3 ms (target < 16)   max %4 ms (target < 100)\n")
               .arg(f(s.p50, 2), f(s.p90, 2), f(s.p99, 2), f(s.max));
    out << QStringLiteral("    gaps > 16 ms: %1 (%2 ms in all, %3% of the time)   gaps > 100 ms: %4\n")
               .arg(s.over16)
               .arg(f(s.msInGapsOver16, 0))
               .arg(f(s.seconds > 0 ? s.msInGapsOver16 / 10.0 / s.seconds : 0.0))
               .arg(s.over100);
    out << QStringLiteral("  GUI thread (kernel schedstat): on a CPU %1 s (%2% of the time), runnable but "
                          "waiting for a core %3 s\n")
               .arg(f(s.cpuSeconds, 2))
               .arg(f(s.seconds > 0 ? 100.0 * s.cpuSeconds / s.seconds : 0.0))
               .arg(f(s.runnableSeconds, 2));
    out << QStringLiteral("  simulated input, posted → delivered: %1 events, p50 %2 ms, p99 %3 ms, max %4 ms\n")
               .arg(s.inputEvents)
               .arg(f(s.inputP50, 2), f(s.inputP99), f(s.inputMax));

    std::vector<Gap> sorted = m_gaps;
    std::sort(sorted.begin(), sorted.end(), [](const Gap &a, const Gap &b) { return a.ns > b.ns; });
    QList<Note> logs;
    {
        const QMutexLocker lock(&m_logMutex);
        logs = m_logs;
    }
    out << QStringLiteral("  worst %1 gaps (what the GUI thread handled meanwhile; cpu < wall: it was not running):\n")
               .arg(worst);
    for (int i = 0; i < worst && i < int(sorted.size()); ++i) {
        const Gap &g = sorted[size_t(i)];
        const qint64 begin = g.endNs - g.ns;
        out << QStringLiteral("    %1. %2 ms at +%3 s [%4]\n")
                   .arg(i + 1)
                   .arg(f(ms(g.ns)))
                   .arg(f(double(begin - m_startNs) / 1e9, 3), phaseAt(begin));
        QList<Span> overlapping;
        for (const Span &span : m_spans) {
            if (span.startNs < g.endNs && span.startNs + span.wallNs > begin)
                overlapping.append(span);
        }
        std::sort(overlapping.begin(), overlapping.end(),
                  [](const Span &a, const Span &b) { return a.wallNs > b.wallNs; });
        for (int k = 0; k < qMin<qsizetype>(4, overlapping.size()); ++k) {
            const Span &span = overlapping.at(k);
            out << QStringLiteral("         %1 ms (cpu %2) %3\n")
                       .arg(f(ms(span.wallNs)), f(ms(span.cpuNs)), span.what);
        }
        if (overlapping.isEmpty())
            out << QStringLiteral("         no single event ≥ 2 ms: many small ones, or the thread was not scheduled\n");
        int shown = 0;
        for (const Note &m : m_marks) {
            if (m.ns >= begin - 50000000 && m.ns <= g.endNs && shown < 3) {
                out << QStringLiteral("         probe +%1 s: %2\n").arg(f(double(m.ns - m_startNs) / 1e9, 3), m.text);
                ++shown;
            }
        }
        const Note *lastLog = nullptr;
        shown = 0;
        for (const Note &l : std::as_const(logs)) {
            if (l.ns <= begin)
                lastLog = &l;
            else if (l.ns <= g.endNs && shown < 3) {
                out << QStringLiteral("         log +%1 s: %2\n").arg(f(double(l.ns - m_startNs) / 1e9, 3), l.text);
                ++shown;
            }
        }
        if (lastLog && shown == 0)
            out << QStringLiteral("         last log before, +%1 s: %2\n")
                       .arg(f(double(lastLog->ns - m_startNs) / 1e9, 3), lastLog->text);
    }

    // Which handlers took the GUI thread's time, summed over every event of at least 2 ms.
    struct Total
    {
        int count = 0;
        qint64 wall = 0;
        qint64 cpu = 0;
        qint64 max = 0;
    };
    QHash<QString, Total> totals;
    for (const Span &span : m_spans) {
        QString key = span.what;
        if (key.startsWith(QLatin1String("probe: "))) {
            key = key.section(QLatin1Char(' '), 0, 1); // "probe: wheel" groups every wheel step
            if (span.wallNs < 2000000)
                continue;
        }
        Total &t = totals[key];
        ++t.count;
        t.wall += span.wallNs;
        t.cpu += span.cpuNs;
        t.max = qMax(t.max, span.wallNs);
    }
    QList<std::pair<QString, Total>> ranked;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        ranked.append({it.key(), it.value()});
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.second.wall > b.second.wall; });
    out << QStringLiteral("  handlers of ≥ 2 ms by total time (count, total, cpu, longest):\n");
    for (int k = 0; k < qMin<qsizetype>(10, ranked.size()); ++k) {
        const auto &[what, t] = ranked.at(k);
        out << QStringLiteral("    %1× %2 ms (cpu %3), longest %4 ms: %5\n")
                   .arg(t.count)
                   .arg(f(ms(t.wall), 0), f(ms(t.cpu), 0), f(ms(t.max)), what);
    }
}

} // namespace taglens::bench
