// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class QMainWindow;
class QSplitter;

namespace taglens::ui {

/// Remembers a main window's size and position, its toolbars and docks, and the sizes of its
/// splitters in QSettings under one group, as desktop applications do: restore() when the window
/// is built, save() when it closes. A setting that is missing or does not fit this window (another
/// version, another number of splitters) is ignored and the window keeps its own layout.
class WindowMemory
{
public:
    /// \a group: the QSettings group ("mainWindow"); \a splitters in a fixed order.
    WindowMemory(QString group, QMainWindow *window, QList<QSplitter *> splitters);

    /// True when a saved geometry was applied.
    bool restore();
    void save() const;

private:
    QString m_group;
    QMainWindow *m_window;
    QList<QSplitter *> m_splitters;
};

} // namespace taglens::ui
