// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentprojects.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace taglens::ui {

namespace {

const QString SettingsKey = QStringLiteral("recentProjects");

QString absolute(const QString &path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path)); // a string operation only
}

} // namespace

RecentProjects::RecentProjects(QObject *parent) : QObject(parent)
{
    m_writer.setMaxThreadCount(1);
    m_writer.setObjectName(QStringLiteral("recent-projects"));
    m_paths = QSettings().value(SettingsKey).toStringList();
    m_paths.removeAll(QString());
    m_paths.removeDuplicates();
    m_paths = m_paths.mid(0, MaxProjects);
}

RecentProjects::~RecentProjects()
{
    m_writer.waitForDone();
}

QStringList RecentProjects::paths() const
{
    return m_paths;
}

void RecentProjects::add(const QString &path)
{
    const QString file = absolute(path);
    QStringList list = paths();
    list.removeAll(file);
    list.prepend(file);
    store(list.mid(0, MaxProjects));
}

void RecentProjects::remove(const QString &path)
{
    QStringList list = paths();
    if (list.removeAll(absolute(path)) > 0)
        store(list);
}

void RecentProjects::clear()
{
    store({});
}

void RecentProjects::attachMenu(QMenu *menu)
{
    m_menu = menu;
    rebuildMenu();
}

void RecentProjects::store(const QStringList &paths)
{
    m_paths = paths;
    m_writer.start([paths] { QSettings().setValue(SettingsKey, paths); });
    rebuildMenu();
    Q_EMIT changed();
}

void RecentProjects::rebuildMenu()
{
    if (!m_menu)
        return;
    m_menu->clear();
    const QStringList list = paths();
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list.at(i);
        // &1 … &8: a key for each, as in every desktop app's recent list.
        QAction *action = m_menu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).completeBaseName()),
                                            this, [this, path] { Q_EMIT openRequested(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setData(path);
    }
    if (!list.isEmpty()) {
        m_menu->addSeparator();
        m_menu->addAction(tr("&Clear Recent Projects"), this, &RecentProjects::clear);
    }
    m_menu->setEnabled(!list.isEmpty());
}

} // namespace taglens::ui
