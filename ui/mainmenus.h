// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/modellabels.h"
#include "exportkind.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace taglens::ui {

/// The main window's menu bar: File, Edit, View, Harvest, Export and Help, each action's text, icon,
/// shortcut and platform menu role in one place. It does nothing itself but show About; the
/// window connects the signals.
class MainMenus : public QObject
{
    Q_OBJECT

public:
    /// Fills \a bar; \a window is the About box's parent.
    MainMenus(QMenuBar *bar, QWidget *window);

    /// File ▸ Open Recent, for RecentProjects to fill.
    QMenu *recentMenu() const { return m_recent; }
    /// The actions that need an open project (Save As, the exports).
    QList<QAction *> projectActions() const { return m_projectActions; }
    /// View ▸ Labels From: one choice per model with labels in the project, \a shown checked
    /// (disabled when the project holds none).
    void setLabelModels(const QList<engine::ModelLabels> &models, const QString &shown);
    QMenu *labelsMenu() const { return m_labels; }

Q_SIGNALS:
    void newProjectRequested();
    void openProjectRequested();
    void saveProjectAsRequested();
    void addImagesRequested();
    void addFolderRequested();
    void addAddressesRequested();
    void accountsRequested();
    void quitRequested();
    void preferencesRequested();
    void startRequested();
    void stopRequested();
    void editTagsRequested();
    /// The user picked whose labels to show.
    void labelsModelChosen(const QString &sha256);
    /// View ▸ Classify the Rest: label the images the current model has not labelled.
    void classifyRestRequested();
    void exportRequested(taglens::ui::ExportKind kind);
    void modelSetupRequested();

private:
    void showAbout();

    QWidget *m_window;
    QMenu *m_recent = nullptr;
    QMenu *m_labels = nullptr;
    QList<QAction *> m_projectActions;
};

} // namespace taglens::ui
