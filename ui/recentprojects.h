// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMenu;

namespace taglens::ui {

/// The projects opened last, newest first, kept in QSettings ("recentProjects"), and the
/// File ▸ Open Recent menu that shows them. Files are not looked at here (that would be disk
/// access on the GUI thread): one that has gone is dropped when opening it fails.
class RecentProjects : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxProjects = 8;

    explicit RecentProjects(QObject *parent = nullptr);

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

    QPointer<QMenu> m_menu;
};

} // namespace taglens::ui
