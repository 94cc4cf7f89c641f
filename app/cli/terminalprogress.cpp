// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalprogress.h"

#include <unistd.h>

namespace taglens::app {

TerminalProgress::TerminalProgress(QTextStream &err) : m_err(err), m_tty(isatty(STDERR_FILENO) == 1)
{
    m_sinceLine.start();
}

void TerminalProgress::update(double fraction, const QString &text)
{
    const int percent = fraction < 0 ? -1 : int(qBound(0.0, fraction, 1.0) * 100);
    if (m_tty) {
        constexpr int width = 30;
        const int filled = percent < 0 ? 0 : percent * width / 100;
        m_err << '\r' << '[' << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char(' ')) << "] "
              << (percent < 0 ? QStringLiteral("  ?") : QStringLiteral("%1").arg(percent, 3)) << "% " << text
              << "\x1b[K"; // clear the rest of the line
        m_err.flush();
        m_drawn = true;
        return;
    }
    // Plain output: every 10 %, or every 10 s when the total is unknown.
    const bool due = percent >= 0 ? percent >= m_nextTenth * 10 : m_sinceLine.elapsed() >= 10000;
    if (!due)
        return;
    m_err << (percent >= 0 ? QStringLiteral("%1% ").arg(percent) : QString()) << text << Qt::endl;
    if (percent >= 0)
        m_nextTenth = percent / 10 + 1;
    m_sinceLine.restart();
}

void TerminalProgress::done()
{
    if (m_tty && m_drawn)
        m_err << Qt::endl;
    m_drawn = false;
    m_nextTenth = 0;
}

} // namespace taglens::app
