// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThreadPool>

class QMenu;

namespace taglens::ui {

/// The projects opened last, newest first, kept in QSettings ("recentProjects"), and the
/// File ▸ Open Recent menu that shows them. Read once, when made; every change is written on a
/// thread of its own, in order. Files are not looked at here (disk access on the GUI thread):
/// one that has gone is dropped when opening it fails.
class RecentProjects : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxProjects = 8;

    explicit RecentProjects(QObject *parent = nullptr);
    /// Waits for the writes still on their way.
    ~RecentProjects() override;

    QStringList paths() const;
    /// Puts \a path first (once; absolute).
    void add(const QString &path);
    void remove(const QString &path);
    void clear();
    /// Keeps \a menu filled with the projects and a Clear item.
    void attachMenu(QMenu *menu);

Q_SIGNALS:
    void openRequested(const QString &path);
    void changed();

private:
    void store(const QStringList &paths);
    void rebuildMenu();

    QStringList m_paths;
    QThreadPool m_writer; // one thread: the last list written is the last one asked for
    QPointer<QMenu> m_menu;
};

} // namespace taglens::ui
