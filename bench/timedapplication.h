// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>

namespace taglens::bench {

class StallRecorder;

/// A QApplication that times every event the GUI thread handles from its event loop (not the
/// ones sent from inside another handler), and hands those that took 2 ms or more to a
/// StallRecorder with the event type and receiver, so that long gaps can be traced to a handler.
class TimedApplication : public QApplication
{
    Q_OBJECT

public:
    TimedApplication(int &argc, char **argv);

    void setRecorder(StallRecorder *recorder) { m_recorder = recorder; }
    bool notify(QObject *receiver, QEvent *event) override;

private:
    StallRecorder *m_recorder = nullptr;
    Qt::HANDLE m_guiThread;
    int m_depth = 0;
};

} // namespace taglens::bench
