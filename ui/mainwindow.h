// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/inference/imageclassifier.h"
#include "engine/models/modelstore.h"
#include "engine/pipeline/harvestrequest.h"
#include "engine/sources/sourcespec.h"
#include "engine/workflow/harvestsession.h"
#include "engine/workflow/projectsession.h"
#include "ui/accountsdialog.h"
#include "ui/addprompt.h"
#include "ui/appsettings.h"
#include "ui/exportkind.h"
#include "ui/filechooser.h"
#include "ui/projectexports.h"

#include <QMainWindow>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSplitter;

namespace taglens::engine {
struct ProjectOverview;
} // namespace taglens::engine

namespace taglens::ui {

class AccountsAccess;
class ClassifyRestRunner;
class DetailPanel;
class DropCollector;
class FilterBar;
class GridPane;
class HarvestController;
class HarvestProgressStrip;
class HashtagChipsEdit;
class MediaFilterModel;
class InstagramStanding;
class LabelsStatus;
class MainMenus;
class WindowMemory;
class MessageBanner;
class ProjectExports;
class ProjectModel;
class RecentProjects;
class SearchBar;
class TagMotifChart;
class ThumbnailDelegate;

/// The desktop application's window: a hashtag search bar, harvest progress, the thumbnail grid
/// with its filters, the selected image in detail, and the motif chart comparing tags.
///
/// Layout and wiring: the open project is an engine ProjectSession, harvests run in an engine
/// HarvestSession, plans come from the HarvestPlanner and logins from the CredentialLookup, all
/// off the GUI thread. The classifier comes from a loader the composition root passes in, so
/// this layer names no inference runtime.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Loads the model at a path; called on a pool thread.
    using ClassifierLoader = engine::HarvestSession::ClassifierLoader;
    using FileChooser = ui::FileChooser;
    /// Asks which collection dropped items join (suggested name, the project's tags); empty when
    /// cancelled. Without one, an editable list asks without blocking.
    using CollectionChooser = std::function<QString(const QString &suggested, const QStringList &existing)>;

    using ExportKind = ui::ExportKind;

    explicit MainWindow(ClassifierLoader loader = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The model harvests classify with; empty: none (projects can be browsed and exported).
    void setModelPath(const QString &path);
    QString modelPath() const;
    /// Shows which model classifies, or why none can.
    void setModelStatus(const QString &status);

    /// Turns downloaded weights into the installed model (for the model setup dialog).
    void setModelConverter(engine::ModelStore::Converter converter) { m_converter = std::move(converter); }
    /// Opens the model setup dialog (first run, or Help ▸ Set Up Model); a model installed there
    /// is used from then on.
    void showModelSetup();

    void setSaveFileChooser(FileChooser chooser);
    /// Answers "all images or the ones shown?" for an export of a filtered grid (tests).
    void setExportScopeChooser(ProjectExports::ScopeChooser chooser);
    /// What File ▸ Add … adds (AddPrompt); tests answer for the dialogs with this.
    using AddKind = AddPrompt::Kind;
    using AddChooser = AddPrompt::Chooser;
    void setAddChooser(AddChooser chooser);
    /// File ▸ Add …: asks what to add, then harvests it as a drop of it would.
    void addToProject(AddKind kind);
    void setOpenFileChooser(FileChooser chooser) { m_chooseOpenFile = std::move(chooser); }
    void setCollectionChooser(CollectionChooser chooser);

    /// The preferences (Edit ▸ Preferences…), read from QSettings at construction.
    AppSettings settings() const { return m_settings; }
    /// Stores \a settings in QSettings; they apply to the next harvest.
    void setSettings(const AppSettings &settings);
    /// Opens the preferences dialog; what it accepts goes to setSettings().
    void showSettings();

    /// Opens (or creates) a project in the background: projectOpened() when it is open, or an
    /// error shown. False, with lastError() set, when it cannot start (a harvest runs).
    bool openProject(const QString &path);
    /// As openProject(), for a project that must exist (the command line, File ▸ Open).
    bool openExistingProject(const QString &path);
    /// Opens the project opened last (the desktop app's start without a project named); one
    /// that has gone is dropped from the recent list with a note, not an error. False: none.
    bool reopenLastProject();
    /// Restores the window's size, position and splitters from the last run, and saves them
    /// when it closes (the desktop app; tests keep the default layout).
    void restoreLayout();
    /// Copies the open project to \a path in the background and continues there:
    /// projectOpened() for the copy, or an error shown. False when it cannot start.
    bool saveProjectAs(const QString &path);
    QString projectPath() const;
    /// The project is being opened or saved.
    bool isOpening() const;

    /// Starts harvesting into the open project (when none is, asks where to save a new one).
    void startHarvest(const engine::HarvestRequest &request, const engine::SourceSpec &spec);
    /// Files and folders become the collection \a collection of a local harvest.
    void harvestLocal(const QStringList &paths, const QString &collection = QStringLiteral("local"));
    /// Image addresses (http/https) are downloaded into the collection \a collection.
    void harvestUrls(const QList<QUrl> &urls, const QString &collection = QStringLiteral("dropped"));
    /// What a drop brings: asks which collection it joins ("local" for files only, "dropped"
    /// otherwise), then harvests the files and the addresses into it, one after the other.
    void harvestDropped(const QStringList &paths, const QList<QUrl> &urls);
    /// Stops a harvest, or classifying the rest.
    void cancelHarvest();
    bool isHarvesting() const;
    /// View ▸ Classify the Rest: the open project's images that the current model has not
    /// labelled get its labels, in the background; then the views show that model. False (and
    /// an error shown) without a project or a model, or while busy.
    bool classifyRest();
    bool isClassifyingRest() const;
    /// Harvesting, loading the model, planning or looking up a login: Start waits.
    bool isBusy() const;
    /// The request of the harvest started last (with the settings applied).
    engine::HarvestRequest lastHarvestRequest() const;

    /// The logins (File ▸ Accounts…). By default the desktop's keychain and
    /// `<config>/taglens/auth.conf`; tests give their own store, which must outlive the window.
    /// Where the logins are (tests: a settings file and keychain service of their own).
    void setKeychain(const engine::KeychainPlace &keychain);
    /// Opens the accounts dialog (with the Instagram login in front when \a instagram).
    void showAccounts(bool instagram = false);
    /// The accounts dialog, once it has been opened.
    AccountsDialog *accountsDialog() const;
    /// How the accounts dialog opens addresses (tests script the browser).
    void setUrlOpener(AccountsDialog::UrlOpener opener);
    /// Meta's budget ledger for Instagram hashtag searches (default: HashtagLedger::defaultPath()).
    void setHashtagLedgerPath(const QString &path);
    /// Where the Graph API is (default Meta's, or TAGLENS_GRAPH_API_BASE on a loopback address).
    void setGraphApiBase(const QUrl &base);
    /// What the search bar says about the Instagram hashtag budget ("27 of 30 hashtags left this week").
    QString instagramBudgetText() const;
    /// The hashtags the Instagram account shown may still search this week (empty: not known,
    /// not logged in, or not yet read).
    std::optional<int> instagramBudgetLeft() const;
    QComboBox *sourceCombo() const;
    QComboBox *edgeCombo() const;
    QLineEdit *instanceEdit() const;

    /// Writes an export of the open project: the chart at once, the data files in the background
    /// (exportFinished() says when). False, with lastError() set, when it cannot start.
    bool exportTo(ExportKind kind, const QString &path);

    QString lastError() const;
    ProjectModel *projectModel() const { return m_model; }
    MediaFilterModel *filterModel() const { return m_filter; }
    TagMotifChart *chart() const { return m_chart; }
    DetailPanel *detailPanel() const { return m_detail; }
    QListView *grid() const { return m_grid; }
    HashtagChipsEdit *tagsEdit() const;
    RecentProjects *recentProjects() const { return m_recent; }

Q_SIGNALS:
    void projectOpened(const QString &path);
    void harvestStarted();
    void harvestFinished(bool cancelled);
    void errorShown(const QString &message);
    /// A data export written in the background ended (\a ok false: lastError() says why).
    void exportFinished(const QString &path, bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildMenus();
    void connectProject();
    void connectHarvests();
    void connectClassifyRest();
    void startFromSearchBar();
    bool openWith(const QString &path, engine::ProjectSession::OpenMode mode);
    void onProjectOpened(const engine::ProjectOverview &overview);
    void offerInstagramLogin(const QString &message);
    /// Start/Stop and the project actions as the harvests and the project allow.
    void refreshBusy();
    void refreshTitle();
    void showError(const QString &message);
    void clearError();
    engine::ExportOptions exportOptions() const;
    void chooseAndOpen();
    void chooseAndCreate();
    void chooseAndSaveAs();

    engine::ProjectSession *m_project; // the open project: opened, saved and queried off this thread
    engine::ModelStore::Converter m_converter;
    FileChooser m_chooseSaveFile;
    FileChooser m_chooseOpenFile;
    AppSettings m_settings;
    QString m_lastError;
    bool m_errorNeedsLogin = false; // the error shown asks for an Instagram login

    ProjectModel *m_model;
    MediaFilterModel *m_filter;
    ThumbnailDelegate *m_delegate;
    RecentProjects *m_recent;
    AccountsAccess *m_accounts; // the logins and the accounts dialog
    InstagramStanding *m_instagram = nullptr;
    HarvestController *m_harvests = nullptr; // plans, runs and tells the harvests
    ClassifyRestRunner *m_classifyRest = nullptr;
    bool m_reloadLabels = false;         // the shown model's labels changed: read the rows again
    QSplitter *m_gridAndChart = nullptr; // grid over chart
    bool m_placedSplitters = false;

    SearchBar *m_search = nullptr;
    MessageBanner *m_banner = nullptr;
    HarvestProgressStrip *m_progress = nullptr;
    FilterBar *m_filterBar = nullptr;
    GridPane *m_gridPane = nullptr;
    QListView *m_grid = nullptr;
    DetailPanel *m_detail = nullptr;
    TagMotifChart *m_chart = nullptr;
    QLabel *m_modelStatus = nullptr;
    LabelsStatus *m_labelsStatus = nullptr;
    MainMenus *m_menus = nullptr;
    ProjectExports *m_exports = nullptr;
    AddPrompt *m_add = nullptr;
    std::unique_ptr<WindowMemory> m_memory;
    bool m_rememberLayout = false; ///< restoreLayout() was called: the layout is saved on close
    bool m_reopening = false;      ///< opening the last project of the previous run
    bool m_quitConfirmed = false;  ///< closing while a harvest runs was confirmed
};

} // namespace taglens::ui
