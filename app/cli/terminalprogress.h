// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace taglens::app {

/// Progress on stderr: a redrawn bar on a terminal, a plain line now and then otherwise (logs
/// and CI output stay readable).
class TerminalProgress
{
public:
    explicit TerminalProgress(QTextStream &err);

    /// \a fraction in 0..1, or negative when unknown; \a text follows the bar.
    void update(double fraction, const QString &text);
    /// Ends the bar's line (a no-op for plain output).
    void done();
    bool isTerminal() const { return m_tty; }

private:
    QTextStream &m_err;
    bool m_tty;
    bool m_drawn = false;
    int m_nextTenth = 0;
    QElapsedTimer m_sinceLine;
};

} // namespace taglens::app
