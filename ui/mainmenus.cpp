// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainmenus.h"

#include "themeicon.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>

namespace taglens::ui {

namespace {

/// \a standard where the platform has one, else \a fallback.
QKeySequence standardOr(QKeySequence::StandardKey standard, const QKeySequence &fallback)
{
    const QKeySequence key(standard);
    return key.isEmpty() ? fallback : key;
}

} // namespace

MainMenus::MainMenus(QMenuBar *bar, QWidget *window) : QObject(bar), m_window(window)
{
    QMenu *file = bar->addMenu(tr("&File"));
    QAction *newProject = file->addAction(themeIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon),
                                          tr("&New Project…"), this, &MainMenus::newProjectRequested);
    newProject->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(themeIcon(QStringLiteral("document-open"), QStyle::SP_DialogOpenButton),
                                    tr("&Open Project…"), this, &MainMenus::openProjectRequested);
    open->setShortcut(QKeySequence::Open);
    m_recent = file->addMenu(themeIcon(QStringLiteral("document-open-recent"), QStyle::SP_DirIcon),
                             tr("Open &Recent"));
    QAction *saveAs =
        file->addAction(themeIcon(QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton),
                        tr("Save Project &As…"), this, &MainMenus::saveProjectAsRequested);
    saveAs->setShortcut(standardOr(QKeySequence::SaveAs, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    m_projectActions << saveAs;
    file->addSeparator();
    // Without dragging: what a drop does, from the menu (the images join a collection).
    QAction *addImages = file->addAction(themeIcon(QStringLiteral("image-x-generic"), QStyle::SP_FileIcon),
                                         tr("Add &Images…"), this, &MainMenus::addImagesRequested);
    addImages->setObjectName(QStringLiteral("addImages"));
    addImages->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *addFolder = file->addAction(themeIcon(QStringLiteral("folder-open"), QStyle::SP_DirOpenIcon),
                                         tr("Add Fol&der…"), this, &MainMenus::addFolderRequested);
    addFolder->setObjectName(QStringLiteral("addFolder"));
    QAction *addAddresses =
        file->addAction(themeIcon(QStringLiteral("insert-link"), QStyle::SP_DriveNetIcon),
                        tr("Add Image Addr&esses…"), this, &MainMenus::addAddressesRequested);
    addAddresses->setObjectName(QStringLiteral("addAddresses"));
    file->addSeparator();
    QAction *accounts = file->addAction(themeIcon(QStringLiteral("system-users"), QStyle::SP_DirHomeIcon),
                                        tr("A&ccounts…"), this, &MainMenus::accountsRequested);
    accounts->setObjectName(QStringLiteral("accounts"));
    accounts->setStatusTip(tr("Log in to Mastodon, Pixelfed or Instagram, or log out"));
    file->addSeparator();
    QAction *quit =
        file->addAction(themeIcon(QStringLiteral("application-exit"), QStyle::SP_DialogCloseButton),
                        tr("&Quit"), this, &MainMenus::quitRequested);
    quit->setShortcut(standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    QAction *preferences =
        edit->addAction(themeIcon(QStringLiteral("preferences-system"), QStyle::SP_FileDialogDetailedView),
                        tr("&Preferences…"), this, &MainMenus::preferencesRequested);
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferenceKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        preferenceKeys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    preferences->setShortcuts(preferenceKeys);

    QMenu *view = bar->addMenu(tr("&View"));
    m_labels = view->addMenu(tr("&Labels From"));
    m_labels->setObjectName(QStringLiteral("labelsFrom"));
    m_labels->setToolTipsVisible(true);
    setLabelModels({}, QString());
    QAction *classifyRest =
        view->addAction(tr("&Classify the Rest"), this, &MainMenus::classifyRestRequested);
    classifyRest->setObjectName(QStringLiteral("classifyRest"));
    classifyRest->setStatusTip(
        tr("Give every image of the project labels of the current model (images labelled only by another "
           "model get them from the images kept in the project)."));
    m_projectActions << classifyRest;

    QMenu *harvest = bar->addMenu(tr("Ha&rvest"));
    QAction *start =
        harvest->addAction(themeIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay),
                           tr("&Start"), this, &MainMenus::startRequested);
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    QAction *stop = harvest->addAction(themeIcon(QStringLiteral("media-playback-stop"), QStyle::SP_MediaStop),
                                       tr("S&top"), this, &MainMenus::stopRequested);
    stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    QAction *focusTags = harvest->addAction(tr("&Edit Tags"), this, &MainMenus::editTagsRequested);
    focusTags->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu *exportMenu = bar->addMenu(tr("E&xport"));
    for (const ExportKind kind : ExportKinds::all()) {
        if (kind == ExportKind::ChartPng)
            exportMenu->addSeparator();
        const ExportKinds::Info info = ExportKinds::info(kind);
        QAction *action = exportMenu->addAction(
            ExportKinds::isChart(kind)
                ? themeIcon(QStringLiteral("image-x-generic"), QStyle::SP_FileIcon)
                : themeIcon(QStringLiteral("document-export"), QStyle::SP_DialogSaveButton),
            info.menuText, this, [this, kind] { Q_EMIT exportRequested(kind); });
        action->setShortcut(info.shortcut);
        action->setObjectName(QStringLiteral("export%1").arg(int(kind)));
        m_projectActions << action;
    }

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(themeIcon(QStringLiteral("run-build-install"), QStyle::SP_ArrowDown),
                    tr("Set Up &Model…"), this, &MainMenus::modelSetupRequested);
    QAction *about =
        help->addAction(themeIcon(QStringLiteral("help-about"), QStyle::SP_MessageBoxInformation),
                        tr("&About TagLens"), this, &MainMenus::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainMenus::setLabelModels(const QList<engine::ModelLabels> &models, const QString &shown)
{
    m_labels->clear();
    auto *group = new QActionGroup(m_labels);
    group->setExclusive(true);
    for (const engine::ModelLabels &model : models) {
        if (model.images == 0)
            continue;
        QAction *action = m_labels->addAction(tr("%1 (%n image(s))", nullptr, model.images).arg(model.name));
        action->setCheckable(true);
        action->setChecked(model.sha256 == shown);
        action->setActionGroup(group);
        action->setData(model.sha256);
        action->setToolTip(tr("Show the labels this model gave, in the grid, the chart and the exports"));
        connect(action, &QAction::triggered, this,
                [this, sha = model.sha256] { Q_EMIT labelsModelChosen(sha); });
    }
    if (m_labels->isEmpty()) {
        QAction *none = m_labels->addAction(tr("No Labels Yet"));
        none->setEnabled(false);
    }
    m_labels->setEnabled(true);
}

void MainMenus::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About TagLens"),
                                tr("TagLens %1").arg(QCoreApplication::applicationVersion()), QMessageBox::Ok,
                                m_window);
    box->setInformativeText(tr("What do people show in the pictures they post under a hashtag? TagLens "
                               "collects them, recognises their motifs and compares tags.\n\n"
                               "Licensed under the GNU GPL, version 3 or later."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace taglens::ui
