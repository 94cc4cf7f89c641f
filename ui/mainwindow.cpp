// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "accountsaccess.h"
#include "accountsdialog.h"
#include "addprompt.h"
#include "charts/tagmotifchart.h"
#include "classifyrestrunner.h"
#include "detailpanel.h"
#include "dropcollector.h"
#include "engine/auth/facebooklogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/core/whenfinished.h"
#include "engine/workflow/backgroundinstagrambudget.h"
#include "engine/workflow/credentiallookup.h"
#include "engine/workflow/harvestplanner.h"
#include "engine/workflow/harvestpreparation.h"
#include "engine/workflow/harvestsession.h"
#include "engine/workflow/progresstext.h"
#include "engine/workflow/projectsession.h"
#include "filterbar.h"
#include "gridpane.h"
#include "harvestcontroller.h"
#include "harvestprogressstrip.h"
#include "hashtagchipsedit.h"
#include "instagramstanding.h"
#include "labelsstatus.h"
#include "mainmenus.h"
#include "mediafiltermodel.h"
#include "messagebanner.h"
#include "modelsetupdialog.h"
#include "projectexports.h"
#include "projectmodel.h"
#include "recentprojects.h"
#include "searchbar.h"
#include "settingsdialog.h"
#include "themeicon.h"
#include "thumbnaildelegate.h"
#include "thumbnailgridview.h"
#include "windowmemory.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcMainWindow, "taglens.ui.mainwindow")

namespace taglens::ui {

MainWindow::MainWindow(ClassifierLoader loader, QWidget *parent)
    : QMainWindow(parent), m_project(new engine::ProjectSession(this)), m_model(new ProjectModel(this)),
      m_filter(new MediaFilterModel(this)), m_delegate(new ThumbnailDelegate(this)),
      m_recent(new RecentProjects(this)),
      m_accounts(new AccountsAccess(engine::TokenStore::defaultPlace(), this))
{
    m_chooseSaveFile = [this](const QString &title, const QString &filter, const QString &suggested) {
        return QFileDialog::getSaveFileName(this, title, suggested, filter);
    };
    m_chooseOpenFile = [this](const QString &title, const QString &filter, const QString &suggested) {
        return QFileDialog::getOpenFileName(this, title, suggested, filter);
    };
    m_filter->setSourceModel(m_model);
    m_settings = AppSettings::load();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_search = new SearchBar(central);
    layout->addWidget(m_search);
    m_instagram = new InstagramStanding(m_search, this);
    m_instagram->setKeychain(m_accounts->keychain());
    m_instagram->setSessionAccount([this] { return m_accounts->sessionLogins().instagram; });
    connect(m_accounts, &AccountsAccess::accountsChanged, this, [this] {
        m_instagram->refresh();
        if (m_errorNeedsLogin) // the login the error asked for
            clearError();
    });
    connect(m_instagram, &InstagramStanding::recordFailed, this,
            [this](const engine::Error &error) { statusBar()->showMessage(error.message, 15000); });
    // As for the command line: the Graph API stand-in of tests and screenshots, never another host.
    if (auto graph =
            engine::FacebookLogin::loopbackOverride(qEnvironmentVariable("TAGLENS_GRAPH_API_BASE"), QUrl()))
        m_search->setGraphApiBase(*graph);
    else
        qCWarning(lcMainWindow).noquote() << graph.error().message;
    m_banner = new MessageBanner(central);
    m_banner->setAccessibleName(tr("Error message"));
    layout->addWidget(m_banner);
    m_progress = new HarvestProgressStrip(central);
    layout->addWidget(m_progress);
    m_classifyRest = new ClassifyRestRunner(loader, this);
    m_harvests = new HarvestController(std::move(loader), m_project, m_model, m_progress, m_instagram, this);
    m_harvests->setSettings(m_settings);
    m_harvests->setProjectChooser(m_chooseSaveFile);
    m_harvests->setContextSource([this] {
        engine::HarvestPreparation::Context context;
        context.keychain = m_accounts->keychain();
        context.session = m_accounts->sessionLogins();
        context.budget = [this] { return m_instagram->budget(); };
        return context;
    });

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    auto *left = new QSplitter(Qt::Vertical, splitter);
    m_gridAndChart = left;
    m_memory = std::make_unique<WindowMemory>(QStringLiteral("mainWindow"), this,
                                              QList<QSplitter *>{splitter, left});
    m_gridPane = new GridPane(m_model, m_filter, m_delegate, left);
    m_grid = m_gridPane->grid();
    m_filterBar = m_gridPane->filterBar();
    m_memory->remember(
        QStringLiteral("sort"), [this] { return QVariant(m_filterBar->sortName()); },
        [this](const QVariant &value) { m_filterBar->setSortName(value.toString()); });
    m_chart = new TagMotifChart(left);
    m_exports = new ProjectExports(m_chart, this);
    m_exports->setSaveFileChooser(m_chooseSaveFile);
    connect(m_exports, &ProjectExports::status, this,
            [this](const QString &message, int timeoutMs) { statusBar()->showMessage(message, timeoutMs); });
    connect(m_exports, &ProjectExports::failed, this, &MainWindow::showError);
    connect(m_exports, &ProjectExports::finished, this, &MainWindow::exportFinished);
    left->addWidget(m_gridPane);
    left->addWidget(m_chart);
    left->setStretchFactor(0, 3); // the grid gets the room; the chart still labels 8 motifs
    left->setStretchFactor(1, 2);

    auto *detailScroll = new QScrollArea(splitter);
    detailScroll->setWidgetResizable(true);
    detailScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_detail = new DetailPanel(detailScroll);
    detailScroll->setWidget(m_detail);
    detailScroll->setMinimumWidth(300);
    splitter->addWidget(left);
    splitter->addWidget(detailScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    // The detail panel is the grid's companion: never let a drag make it the wider column.
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] {
        const QList<int> sizes = splitter->sizes();
        if (sizes.size() == 2 && sizes.at(1) > sizes.at(0)) {
            const int half = (sizes.at(0) + sizes.at(1)) / 2;
            splitter->setSizes({half, half});
        }
    });
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_labelsStatus = new LabelsStatus(this);
    statusBar()->addPermanentWidget(m_labelsStatus);
    m_modelStatus = new QLabel(this);
    m_modelStatus->setAccessibleName(tr("Model status"));
    statusBar()->addPermanentWidget(m_modelStatus);

    connect(m_search, &SearchBar::startRequested, this, &MainWindow::startFromSearchBar);
    connect(m_search, &SearchBar::stopRequested, this, &MainWindow::cancelHarvest);
    connect(m_search, &SearchBar::tagRejected, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_search, &SearchBar::loginRequested, this, [this] { showAccounts(true); });
    connect(m_search, &SearchBar::sourceChanged, m_instagram, &InstagramStanding::refresh);
    connect(m_filterBar, &FilterBar::tagChosen, this, [this](const QString &tag) {
        m_chart->setTags(tag.isEmpty() ? QStringList() : QStringList{tag});
    });
    connect(m_recent, &RecentProjects::openRequested, this,
            [this](const QString &path) { openExistingProject(path); });

    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_detail->setIndex(current); });
    connect(m_filter, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_grid->currentIndex();
                if (current.isValid() && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                    m_detail->refresh();
            });
    connect(m_detail, &DetailPanel::openPostRequested, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    // Images are decoded at the size they are drawn at, on this screen.
    m_model->setThumbnailSize(qRound(m_delegate->thumbnailSize() * devicePixelRatioF()));
    m_model->setPreviewSize(qRound(DetailPanel::ImageBox * devicePixelRatioF()));
    connect(m_model, &ProjectModel::rowsRefreshed, this, [this] {
        // While a harvest streams rows in, the chart is redrawn about once a second.
        m_chart->setRows(m_model->mediaRows(),
                         isHarvesting() ? TagMotifChart::Redraw::Coalesced : TagMotifChart::Redraw::Now);
        if (isHarvesting() || m_model->hasPendingUpdates())
            m_project->refresh(); // a harvest may bring new ones; read off this thread
    });
    connect(m_model, &ProjectModel::rowsLoaded, this, [this] {
        m_gridPane->selectFirstIfNone(); // the detail panel shows something at once
        qCInfo(lcMainWindow) << "opened" << projectPath() << "with" << m_model->rowCount() << "rows";
    });
    connect(m_model, &ProjectModel::loadFailed, this, [this](const QString &message) {
        showError(tr("Could not read %1: %2").arg(QDir::toNativeSeparators(projectPath()), message));
    });
    connect(m_chart, &TagMotifChart::barActivated, this, [this](const QString &tag, const QString &label) {
        // That tag's images with that motif; the chart keeps comparing every tag it shows.
        m_filter->setTag(tag);
        m_filter->setLabel(label);
    });
    connect(m_chart, &TagMotifChart::minimumScoreChanged, this,
            [this](double score) { m_filter->setMinimumScore(score); });
    connectProject();
    connectHarvests();

    buildMenus();
    connectClassifyRest();
    setAcceptDrops(true);
    refreshBusy();
    refreshTitle();
    resize(1280, 860);
}

MainWindow::~MainWindow()
{
    // Nothing below may call back into a window that is going.
    m_model->disconnect(this);
    m_project->disconnect(this);
    m_harvests->disconnect(this);
    delete m_harvests; // cancels and waits for the harvest thread
    delete m_accounts; // the dialog before the token store it uses
}

void MainWindow::buildMenus()
{
    m_menus = new MainMenus(menuBar(), this);
    m_add = new AddPrompt(this);
    connect(m_add, &AddPrompt::chosen, this, &MainWindow::harvestDropped);
    connect(m_add, &AddPrompt::refused, this, &MainWindow::showError);
    connect(m_menus, &MainMenus::newProjectRequested, this, &MainWindow::chooseAndCreate);
    connect(m_menus, &MainMenus::openProjectRequested, this, &MainWindow::chooseAndOpen);
    connect(m_menus, &MainMenus::saveProjectAsRequested, this, &MainWindow::chooseAndSaveAs);
    connect(m_menus, &MainMenus::addImagesRequested, this, [this] { addToProject(AddKind::Images); });
    connect(m_menus, &MainMenus::addFolderRequested, this, [this] { addToProject(AddKind::Folder); });
    connect(m_menus, &MainMenus::addAddressesRequested, this, [this] { addToProject(AddKind::Addresses); });
    connect(m_menus, &MainMenus::accountsRequested, this, [this] { showAccounts(); });
    connect(m_menus, &MainMenus::quitRequested, this, &QWidget::close);
    connect(m_menus, &MainMenus::preferencesRequested, this, &MainWindow::showSettings);
    connect(m_menus, &MainMenus::startRequested, this, &MainWindow::startFromSearchBar);
    connect(m_menus, &MainMenus::stopRequested, this, &MainWindow::cancelHarvest);
    connect(m_menus, &MainMenus::editTagsRequested, this,
            [this] { tagsEdit()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_menus, &MainMenus::exportRequested, this, [this](ExportKind kind) {
        m_exports->chooseAndExport(kind, m_project->path(), exportOptions(),
                                   {m_filter->shownFilter(), m_filter->rowCount(), m_model->rowCount()});
    });
    connect(m_menus, &MainMenus::modelSetupRequested, this, &MainWindow::showModelSetup);
    connect(m_menus, &MainMenus::labelsModelChosen, m_project, &engine::ProjectSession::chooseLabels);
    m_recent->attachMenu(m_menus->recentMenu());
}

void MainWindow::showModelSetup()
{
    auto *dialog = new ModelSetupDialog(m_converter, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCurrentModel(modelPath()); // says which is in use rather than "none is installed"
    connect(dialog, &ModelSetupDialog::installed, this, [this](const QString &path) {
        setModelPath(path);
        setModelStatus(tr("Model: %1").arg(QFileInfo(path).fileName()));
    });
    dialog->open();
}

void MainWindow::setModelPath(const QString &path)
{
    // A harvest after this loads it (the session keeps the model it loaded last).
    m_harvests->setModelPath(path);
    refreshBusy();
}

void MainWindow::setSettings(const AppSettings &settings)
{
    m_settings = settings;
    m_settings.save();
    m_harvests->setSettings(m_settings);
    statusBar()->showMessage(tr("Preferences saved; they apply to the next harvest."), 8000);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setSettings(dialog->settings()); });
    dialog->open();
}

void MainWindow::setModelStatus(const QString &status)
{
    // The status bar shows the first sentence; the whole explanation is in the tooltip.
    const qsizetype end = status.indexOf(QLatin1String(". "));
    m_modelStatus->setText(end > 0 ? status.left(end + 1) : status);
    m_modelStatus->setToolTip(status);
}

QString MainWindow::projectPath() const
{
    return m_project->path();
}

bool MainWindow::isOpening() const
{
    return m_project->isBusy();
}

bool MainWindow::openProject(const QString &path)
{
    return openWith(path, engine::ProjectSession::OpenMode::CreateIfMissing);
}

bool MainWindow::openExistingProject(const QString &path)
{
    return openWith(path, engine::ProjectSession::OpenMode::MustExist);
}

bool MainWindow::openWith(const QString &path, engine::ProjectSession::OpenMode mode)
{
    if (isBusy()) {
        showError(tr("Stop the harvest before opening another project."));
        return false;
    }
    if (m_project->isBusy()) {
        showError(tr("A project is being opened or saved; try again when it is done."));
        return false;
    }
    m_project->open(path, mode);
    refreshBusy();
    return true;
}

bool MainWindow::saveProjectAs(const QString &path)
{
    if (!m_project->isOpen()) {
        showError(tr("There is no project to save."));
        return false;
    }
    if (isHarvesting()) {
        showError(tr("Stop the harvest before saving the project under another name."));
        return false;
    }
    if (m_project->isBusy()) {
        showError(tr("A project is being opened or saved; try again when it is done."));
        return false;
    }
    // A consistent copy written beside the destination and renamed over it, off this thread: an
    // existing file there is replaced only when the copy is complete.
    statusBar()->showMessage(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    m_project->saveAs(path);
    refreshBusy();
    return true;
}

void MainWindow::connectProject()
{
    connect(m_project, &engine::ProjectSession::opened, this, &MainWindow::onProjectOpened);
    connect(
        m_project, &engine::ProjectSession::failed, this,
        [this](engine::ProjectSession::Operation operation, const QString &path, const engine::Error &error) {
            const QString shown = QDir::toNativeSeparators(path);
            refreshBusy();
            switch (operation) {
            case engine::ProjectSession::Operation::Open:
                if (error.code == engine::ErrorCode::NotFound)
                    m_recent->remove(path); // gone since it was opened last
                m_harvests->projectFailed();
                if (std::exchange(m_reopening, false) && error.code == engine::ErrorCode::NotFound) {
                    statusBar()->showMessage(tr("The last project, %1, is gone.").arg(shown), 10000);
                    break; // the window starts empty, as without a last project
                }
                showError(tr("Could not open %1: %2").arg(shown, error.message));
                break;
            case engine::ProjectSession::Operation::SaveAs:
                statusBar()->clearMessage();
                showError(tr("Could not save the project as %1: %2").arg(shown, error.message));
                break;
            case engine::ProjectSession::Operation::ChooseLabels:
                showError(tr("Could not choose the labels to show: %1").arg(error.message));
                m_menus->setLabelModels(m_project->overview().models, m_project->overview().modelSha256);
                break;
            case engine::ProjectSession::Operation::ReadTags:
                break; // logged; the filter keeps the tags it has
            }
        });
    connect(m_project, &engine::ProjectSession::tagsChanged, m_filterBar, &FilterBar::setTags);
    connect(m_project, &engine::ProjectSession::labelsChanged, this, [this] {
        // Chosen from View ▸ Labels From, or the first labels of a project: the rows again, with them.
        const engine::ProjectOverview &overview = m_project->overview();
        if (overview.modelSha256 != m_model->modelSha256() || std::exchange(m_reloadLabels, false)) {
            m_model->setProject(overview.path, overview.modelSha256, overview.modelTrained);
            m_chart->setModelTrained(overview.modelTrained);
        }
        m_labelsStatus->setModels(overview.models, overview.modelSha256);
        m_menus->setLabelModels(overview.models, overview.modelSha256);
    });
    connect(m_project, &engine::ProjectSession::busyChanged, this, [this] { refreshBusy(); });
}

void MainWindow::onProjectOpened(const engine::ProjectOverview &overview)
{
    clearError();
    statusBar()->clearMessage();
    if (!overview.copiedFrom.isEmpty() && overview.copiedFrom == m_model->projectPath()) {
        m_model->relocate(overview.path); // Save As: the same rows, now from the copy
    } else if (overview.path != m_model->projectPath()) {
        // Another project starts from a clean view: every image, in project order, nothing picked.
        m_filterBar->reset();
        m_chart->setMinimumScore(0.0);
        m_chart->setTags({});
        m_detail->setIndex(QModelIndex());
        // The predictions of the model that harvested last, as the exports show them. The rows
        // are read in the background; the first one becomes current when they are in.
        m_model->setProject(overview.path, overview.modelSha256, overview.modelTrained);
        m_labelsStatus->setModels(overview.models, overview.modelSha256);
        m_menus->setLabelModels(overview.models, overview.modelSha256);
        m_chart->setModelTrained(overview.modelTrained);
        if (overview.lastSearch)
            m_search->showSearch(*overview.lastSearch); // so that Start resumes it
    }
    m_filterBar->setTags(overview.tags);
    m_recent->add(overview.path);
    refreshTitle();
    refreshBusy();
    Q_EMIT projectOpened(overview.path);
    m_harvests->projectOpened();
}

void MainWindow::startFromSearchBar()
{
    if (isBusy())
        return;
    auto input = m_search->input();
    if (!input) {
        showError(input.error().message);
        return;
    }
    m_harvests->plan({*input});
}

void MainWindow::offerInstagramLogin(const QString &message)
{
    showError(message);
    m_errorNeedsLogin = true; // a login made now clears it
    m_accounts->offerInstagramLogin(message);
}

void MainWindow::setHashtagLedgerPath(const QString &path)
{
    m_instagram->setLedgerPath(path);
}

QString MainWindow::instagramBudgetText() const
{
    return m_search->budgetText();
}

std::optional<int> MainWindow::instagramBudgetLeft() const
{
    return m_instagram->left();
}

void MainWindow::setKeychain(const engine::KeychainPlace &keychain)
{
    m_accounts->setKeychain(keychain);
    m_instagram->setKeychain(keychain);
    m_instagram->refresh();
}

void MainWindow::setUrlOpener(AccountsDialog::UrlOpener opener)
{
    m_accounts->setUrlOpener(std::move(opener));
}

void MainWindow::showAccounts(bool instagram)
{
    m_accounts->show(instagram);
}

AccountsDialog *MainWindow::accountsDialog() const
{
    return m_accounts->dialog();
}

void MainWindow::harvestLocal(const QStringList &paths, const QString &collection)
{
    m_harvests->plan(engine::HarvestPlanner::dropInputs(
        paths, {}, collection.trimmed().isEmpty() ? QStringLiteral("local") : collection));
}

void MainWindow::harvestUrls(const QList<QUrl> &urls, const QString &collection)
{
    m_harvests->plan(engine::HarvestPlanner::dropInputs({}, urls, collection));
}

void MainWindow::setCollectionChooser(CollectionChooser chooser)
{
    m_harvests->setCollectionChooser(std::move(chooser));
}

void MainWindow::harvestDropped(const QStringList &paths, const QList<QUrl> &urls)
{
    m_harvests->collectDrop(paths, urls);
}

void MainWindow::startHarvest(const engine::HarvestRequest &request, const engine::SourceSpec &spec)
{
    m_harvests->start({engine::HarvestPlan{request, spec, {}}});
}

void MainWindow::connectHarvests()
{
    connect(m_harvests, &HarvestController::busyChanged, this, &MainWindow::refreshBusy);
    connect(m_harvests, &HarvestController::errorShown, this, &MainWindow::showError);
    connect(m_harvests, &HarvestController::errorCleared, this, &MainWindow::clearError);
    connect(m_harvests, &HarvestController::statusMessage, this,
            [this](const QString &message, int timeoutMs) { statusBar()->showMessage(message, timeoutMs); });
    connect(m_harvests, &HarvestController::loginNeeded, this, &MainWindow::offerInstagramLogin);
    connect(m_harvests, &HarvestController::started, this,
            [this](const engine::HarvestRequest &, const engine::ModelInfo &model) {
                // The view keeps the labels it shows (ModelLabels' rule, as the exports do); a
                // project without any shows the new ones as they come.
                if (m_model->modelSha256().isEmpty()) {
                    m_model->setProject(m_project->path(), model.sha256, model.trained);
                    m_chart->setModelTrained(model.trained);
                } else if (model.sha256 != m_model->modelSha256()) {
                    statusBar()->showMessage(
                        tr("The new images are labelled by %1; the window shows the labels of another "
                           "model (View ▸ Labels From).")
                            .arg(model.name),
                        15000);
                }
                Q_EMIT harvestStarted();
            });
    connect(m_harvests, &HarvestController::ended, this, [this](const engine::HarvestOutcome &outcome) {
        m_chart->applyPendingRows(); // the chart as the harvest left it, at once
        Q_EMIT harvestFinished(outcome.end == engine::HarvestEnd::Cancelled);
    });
}

void MainWindow::cancelHarvest()
{
    m_harvests->stop(); // and the addresses of a drop that wait behind the files
    m_classifyRest->stop();
}

bool MainWindow::classifyRest()
{
    if (!m_project->isOpen()) {
        showError(tr("Open a project first."));
        return false;
    }
    if (isBusy() || m_project->isBusy()) {
        showError(tr("Wait until the harvest or the project is done, then classify the rest."));
        return false;
    }
    if (modelPath().isEmpty()) {
        showError(tr("No model is installed to classify with (Help ▸ Set Up Model…)."));
        return false;
    }
    clearError();
    engine::ClassifyRestJob::Options options;
    options.modelPath = modelPath();
    options.batchSize = m_settings.batchSize;
    options.topK = m_settings.topK; // as many labels as a harvest keeps
    if (!m_classifyRest->start(m_project->path(), options))
        return false;
    refreshBusy();
    return true;
}

bool MainWindow::isClassifyingRest() const
{
    return m_classifyRest->isRunning();
}

void MainWindow::connectClassifyRest()
{
    connect(m_menus, &MainMenus::classifyRestRequested, this, &MainWindow::classifyRest);
    connect(m_classifyRest, &ClassifyRestRunner::status, this, [this](const QString &text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_classifyRest, &ClassifyRestRunner::failed, this, &MainWindow::showError);
    connect(m_classifyRest, &ClassifyRestRunner::runningChanged, this, [this] { refreshBusy(); });
    connect(m_classifyRest, &ClassifyRestRunner::labelled, this,
            [this](const QString &path, const QString &sha) {
                if (path != m_project->path())
                    return;
                m_reloadLabels = true; // the model that now labels everything, read again
                m_project->chooseLabels(sha);
            });
}

bool MainWindow::isHarvesting() const
{
    return m_harvests->isHarvesting();
}

bool MainWindow::isBusy() const
{
    return m_harvests->isBusy() || m_classifyRest->isRunning();
}

QString MainWindow::modelPath() const
{
    return m_harvests->modelPath();
}

engine::HarvestRequest MainWindow::lastHarvestRequest() const
{
    return m_harvests->lastRequest();
}

void MainWindow::refreshBusy()
{
    m_search->setBusy(isBusy(), isHarvesting() || m_classifyRest->isRunning());
    const bool project = m_project->isOpen() && !m_project->isBusy() && !m_classifyRest->isRunning();
    for (QAction *a : m_menus->projectActions())
        a->setEnabled(project);
    m_search->setStartToolTip(modelPath().isEmpty() ? tr("No model is installed: harvests cannot classify.")
                                                    : QString());
}

void MainWindow::refreshTitle()
{
    const QString name =
        m_project->isOpen() ? QFileInfo(m_project->path()).completeBaseName() : tr("No project");
    setWindowTitle(tr("%1 — TagLens").arg(name));
    setWindowFilePath(m_project->path());
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    m_errorNeedsLogin = false;
    m_banner->showMessage(MessageBanner::Kind::Error, message);
    qCWarning(lcMainWindow).noquote() << message;
    Q_EMIT errorShown(message);
}

void MainWindow::clearError()
{
    m_lastError.clear();
    m_errorNeedsLogin = false;
    m_banner->clear();
}

QString MainWindow::lastError() const
{
    return m_lastError;
}

HashtagChipsEdit *MainWindow::tagsEdit() const
{
    return m_search->tagsEdit();
}

QComboBox *MainWindow::sourceCombo() const
{
    return m_search->sourceCombo();
}

QComboBox *MainWindow::edgeCombo() const
{
    return m_search->edgeCombo();
}

QLineEdit *MainWindow::instanceEdit() const
{
    return m_search->instanceEdit();
}

void MainWindow::setGraphApiBase(const QUrl &base)
{
    m_search->setGraphApiBase(base);
}

bool MainWindow::exportTo(ExportKind kind, const QString &path)
{
    return m_exports->exportTo(kind, m_project->isOpen() ? m_project->path() : QString(), exportOptions(),
                               path);
}

void MainWindow::setSaveFileChooser(FileChooser chooser)
{
    m_chooseSaveFile = chooser;
    m_harvests->setProjectChooser(chooser);
    m_exports->setSaveFileChooser(std::move(chooser));
}

void MainWindow::setExportScopeChooser(ProjectExports::ScopeChooser chooser)
{
    m_exports->setScopeChooser(std::move(chooser));
}

engine::ExportOptions MainWindow::exportOptions() const
{
    engine::ExportOptions options;
    options.modelSha256 = m_model->modelSha256(); // the labels on screen
    options.minScore = m_chart->minimumScore();   // the threshold on screen, as the chart counts
    return options;
}

void MainWindow::chooseAndOpen()
{
    const QString path = m_chooseOpenFile(tr("Open Project"), tr("TagLens projects (*.taglens)"),
                                          m_settings.effectiveProjectFolder());
    if (!path.isEmpty())
        openExistingProject(path);
}

void MainWindow::chooseAndCreate()
{
    QString path =
        m_chooseSaveFile(tr("New Project"), tr("TagLens projects (*.taglens)"),
                         m_settings.effectiveProjectFolder() + QStringLiteral("/untitled.taglens"));
    if (path.isEmpty())
        return;
    path = withProjectSuffix(path);
    if (m_project->isOpen() && QFileInfo(path).absoluteFilePath() == m_project->path()) {
        showError(tr("%1 is the project that is open.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    openWith(path, engine::ProjectSession::OpenMode::Replace); // the dialog asked before overwriting
}

void MainWindow::chooseAndSaveAs()
{
    QString path = m_chooseSaveFile(tr("Save Project As"), tr("TagLens projects (*.taglens)"), projectPath());
    if (path.isEmpty())
        return;
    path = withProjectSuffix(path);
    saveProjectAs(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!DropCollector::itemsIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    // Child widgets that do not take drops pass the move here; keep saying yes over all of them.
    if (!DropCollector::itemsIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const DropCollector::Items items = DropCollector::itemsIn(event->mimeData());
    if (items.isEmpty())
        return;
    event->acceptProposedAction();
    harvestDropped(items.paths, items.urls);
}

void MainWindow::setAddChooser(AddChooser chooser)
{
    m_add->setChooser(std::move(chooser));
}

void MainWindow::addToProject(AddKind kind)
{
    m_add->ask(kind, m_settings.effectiveProjectFolder());
}

void MainWindow::restoreLayout()
{
    m_rememberLayout = true;
    m_memory->restore();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_placedSplitters, true) || m_memory->restoredSplitters())
        return;
    // First shown without a remembered layout: two rows of thumbnails when the height allows,
    // the chart the rest (at least what it needs to label a few motifs, at most two fifths).
    const QList<int> sizes = m_gridAndChart->sizes();
    if (sizes.size() != 2)
        return;
    const int total = sizes.at(0) + sizes.at(1);
    const int chartMinimum = m_chart->minimumSizeHint().height();
    const int chart =
        qBound(chartMinimum, total - m_gridPane->heightForRows(2), qMax(chartMinimum, total * 2 / 5));
    m_gridAndChart->setSizes({total - chart, chart});
    qCDebug(lcMainWindow) << "first layout: grid" << total - chart << "chart" << chart << "of" << total;
}

bool MainWindow::reopenLastProject()
{
    const QStringList recent = m_recent->paths();
    if (recent.isEmpty())
        return false;
    m_reopening = true; // a project that has gone since is dropped without an error
    return openExistingProject(recent.constFirst());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isBusy() && !m_quitConfirmed) {
        // Stopping loses nothing (Start resumes), but ask: closing is easy to do by mistake.
        event->ignore();
        if (findChild<QMessageBox *>(QStringLiteral("quitWhileHarvesting")))
            return;
        auto *box = new QMessageBox(QMessageBox::Question, tr("Quit TagLens"),
                                    tr("A harvest is running. Stop it and quit?"), QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("quitWhileHarvesting"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(
            tr("What is done is kept in the project; starting the same harvest again resumes it."));
        QPushButton *quit = box->addButton(tr("&Stop and Quit"), QMessageBox::AcceptRole);
        quit->setAccessibleName(tr("Stop the harvest and quit"));
        box->setDefaultButton(QMessageBox::Cancel);
        connect(quit, &QPushButton::clicked, this, [this] {
            m_quitConfirmed = true;
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        });
        box->open();
        return;
    }
    cancelHarvest();
    if (m_rememberLayout)
        m_memory->save();
    QMainWindow::closeEvent(event);
}

} // namespace taglens::ui
