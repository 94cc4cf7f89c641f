// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>
#include <functional>

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

    /// Also remembers a choice of the window's, such as the grid's sort order: \a read gives it
    /// for save(), \a apply takes the saved value back in restore() (only when one was saved).
    void remember(const QString &key, std::function<QVariant()> read,
                  std::function<void(const QVariant &)> apply);

    /// True when a saved geometry was applied.
    bool restore();
    /// Whether restore() applied a saved state to every splitter.
    bool restoredSplitters() const { return m_restoredSplitters; }
    void save() const;

private:
    struct Remembered
    {
        QString key;
        std::function<QVariant()> read;
        std::function<void(const QVariant &)> apply;
    };

    QString m_group;
    QMainWindow *m_window;
    QList<QSplitter *> m_splitters;
    QList<Remembered> m_remembered;
    bool m_restoredSplitters = false;
};

} // namespace taglens::ui
