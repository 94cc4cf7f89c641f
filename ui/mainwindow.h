// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/inference/imageclassifier.h"
#include "engine/models/modelstore.h"
#include "engine/pipeline/harvestoutcome.h"
#include "engine/pipeline/harvestprogress.h"
#include "engine/pipeline/harvestrequest.h"
#include "engine/sources/sourcespec.h"
#include "engine/workflow/harvestinput.h"
#include "engine/workflow/harvestplan.h"
#include "engine/workflow/harvestsession.h"
#include "ui/accountsdialog.h"
#include "ui/appsettings.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace taglens::engine {
class InstagramBudget;
class ProjectStore;
class TokenStore;
} // namespace taglens::engine

namespace taglens::ui {

class DetailPanel;
class HashtagChipsEdit;
class MediaFilterModel;
class ProjectModel;
class TagMotifChart;
class ThumbnailDelegate;

/// The desktop application's window: a hashtag search bar, harvest progress, the thumbnail grid
/// with its filters, the selected image in detail, and the motif chart comparing tags.
///
/// It owns the open project (a ProjectStore on the GUI thread), the classifier worker and, while
/// one runs, the harvest pipeline. The classifier comes from a loader the composition root
/// passes in, so this layer names no inference runtime.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Loads the model at a path; called on a pool thread.
    using ClassifierLoader = engine::HarvestSession::ClassifierLoader;
    /// Asks for a file name (title, name filter, suggested path); empty when cancelled. Tests
    /// replace the file dialogs with these.
    using FileChooser =
        std::function<QString(const QString &title, const QString &filter, const QString &suggested)>;
    /// Asks which collection dropped items join (suggested name, the project's tags); empty when
    /// cancelled. Without one, an editable list asks without blocking.
    using CollectionChooser = std::function<QString(const QString &suggested, const QStringList &existing)>;

    enum class ExportKind
    {
        ImagesCsv,
        SummaryCsv,
        Json,
        Gexf,
        ChartPng,
        ChartSvg,
    };

    explicit MainWindow(ClassifierLoader loader = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The model harvests classify with; empty: none (projects can be browsed and exported).
    void setModelPath(const QString &path);
    QString modelPath() const { return m_modelPath; }
    /// Shows which model classifies, or why none can.
    void setModelStatus(const QString &status);

    /// Turns downloaded weights into the installed model (for the model setup dialog).
    void setModelConverter(engine::ModelStore::Converter converter) { m_converter = std::move(converter); }
    /// Opens the model setup dialog (first run, or Help ▸ Set Up Model); a model installed there
    /// is used from then on.
    void showModelSetup();

    void setSaveFileChooser(FileChooser chooser) { m_chooseSaveFile = std::move(chooser); }
    void setOpenFileChooser(FileChooser chooser) { m_chooseOpenFile = std::move(chooser); }
    void setCollectionChooser(CollectionChooser chooser) { m_chooseCollection = std::move(chooser); }

    /// The preferences (Edit ▸ Preferences…), read from QSettings at construction.
    AppSettings settings() const { return m_settings; }
    /// Stores \a settings in QSettings; they apply to the next harvest.
    void setSettings(const AppSettings &settings);
    /// Opens the preferences dialog; what it accepts goes to setSettings().
    void showSettings();

    /// Opens (or creates) a project and shows what it holds; false with lastError() set.
    bool openProject(const QString &path);
    /// Opens a project that must exist (the command line, File ▸ Open); false with lastError() set.
    bool openExistingProject(const QString &path);
    /// Copies the open project to \a path and continues there; false with lastError() set.
    bool saveProjectAs(const QString &path);
    QString projectPath() const;

    /// Starts harvesting into the open project (a scratch project when none is open).
    void startHarvest(const engine::HarvestRequest &request, const engine::SourceSpec &spec);
    /// Files and folders become the collection \a collection of a local harvest.
    void harvestLocal(const QStringList &paths, const QString &collection = QStringLiteral("local"));
    /// Image addresses (http/https) are downloaded into the collection \a collection.
    void harvestUrls(const QList<QUrl> &urls, const QString &collection = QStringLiteral("dropped"));
    /// What a drop brings: asks which collection it joins ("local" for files only, "dropped"
    /// otherwise), then harvests the files and the addresses into it, one after the other.
    void harvestDropped(const QStringList &paths, const QList<QUrl> &urls);
    void cancelHarvest();
    bool isHarvesting() const;
    /// Harvesting, loading the model or looking up a login: Start waits.
    bool isBusy() const;
    /// The request of the harvest started last (with the settings applied).
    engine::HarvestRequest lastHarvestRequest() const { return m_lastRequest; }

    /// The logins (File ▸ Accounts…). By default the desktop's keychain and
    /// `<config>/taglens/auth.conf`; tests give their own store, which must outlive the window.
    void setTokenStore(engine::TokenStore *store);
    engine::TokenStore *tokenStore();
    /// Opens the accounts dialog (with the Instagram login in front when \a instagram).
    void showAccounts(bool instagram = false);
    /// The accounts dialog, once it has been opened.
    AccountsDialog *accountsDialog() const { return m_accounts; }
    /// How the accounts dialog opens addresses (tests script the browser).
    void setUrlOpener(AccountsDialog::UrlOpener opener);
    /// Meta's budget ledger for Instagram hashtag searches (default: HashtagLedger::defaultPath()).
    void setHashtagLedgerPath(const QString &path);
    /// Where the Graph API is (default Meta's, or TAGLENS_GRAPH_API_BASE on a loopback address).
    void setGraphApiBase(const QUrl &base) { m_graphApiBase = base; }
    /// What the search bar says about the Instagram hashtag budget ("27 of 30 hashtags left this week").
    QString instagramBudgetText() const;
    QComboBox *sourceCombo() const { return m_sourceCombo; }
    QComboBox *edgeCombo() const { return m_edgeCombo; }
    QLineEdit *instanceEdit() const { return m_instanceEdit; }

    /// Writes an export of the open project: the chart at once, the data files in the background
    /// (exportFinished() says when). False, with lastError() set, when it cannot start.
    bool exportTo(ExportKind kind, const QString &path);

    QString lastError() const { return m_lastError; }
    ProjectModel *projectModel() const { return m_model; }
    MediaFilterModel *filterModel() const { return m_filter; }
    TagMotifChart *chart() const { return m_chart; }
    DetailPanel *detailPanel() const { return m_detail; }
    QListView *grid() const { return m_grid; }
    HashtagChipsEdit *tagsEdit() const { return m_tagsEdit; }

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

private:
    void buildSearchBar(QWidget *parent, QVBoxLayout *layout);
    void buildFilterBar(QWidget *parent, QVBoxLayout *layout);
    void buildMenus();
    void startFromSearchBar();
    /// Plans \a input, looks up its login off the GUI thread, then starts it.
    void planAndStart(const engine::HarvestInput &input, const QList<engine::HarvestInput> &followUps = {});
    /// Runs the plans one after the other in the open project (a scratch project when none is).
    void startPlans(const QList<engine::HarvestPlan> &plans);
    void connectSession();
    void offerInstagramLogin(const QString &message);
    void refreshInstagramBudget();
    engine::InstagramBudget *instagramBudget(QString *error);
    void onSourceChanged();
    void runHarvest(const engine::HarvestRequest &request, const engine::SourceSpec &spec);
    void harvestDroppedInto(const QStringList &paths, const QList<QUrl> &urls, const QString &collection);
    void onProgress(const engine::HarvestProgress &progress);
    void showProgress();
    void onHarvestFinished(const engine::HarvestOutcome &outcome);
    void setHarvesting(bool running);
    bool ensureProject();
    void refreshTags();
    void refreshTitle();
    void addRecentProject(const QString &path);
    void rebuildRecentMenu();
    void showError(const QString &message);
    void clearError();
    void chooseAndExport(ExportKind kind);
    void chooseAndOpen();
    void chooseAndCreate();
    void chooseAndSaveAs();
    void onCurrentChanged(const QModelIndex &current);

    bool m_hasLoader = false;
    engine::HarvestSession *m_session; // the model, the running harvest and the ones queued behind it
    engine::ModelStore::Converter m_converter;
    FileChooser m_chooseSaveFile;
    FileChooser m_chooseOpenFile;
    CollectionChooser m_chooseCollection;
    AppSettings m_settings;
    engine::HarvestRequest m_lastRequest;
    QString m_modelPath;
    QString m_lastError;
    bool m_errorNeedsLogin = false; // the error shown asks for an Instagram login

    std::unique_ptr<engine::ProjectStore> m_store;
    std::unique_ptr<engine::TokenStore> m_ownTokens;
    engine::TokenStore *m_tokens = nullptr;
    AccountsDialog *m_accounts = nullptr;
    AccountsDialog::UrlOpener m_openUrl;
    std::unique_ptr<engine::InstagramBudget> m_budget;
    QString m_ledgerPath;
    QUrl m_graphApiBase;
    bool m_lookingUpLogin = false;

    ProjectModel *m_model;
    MediaFilterModel *m_filter;
    ThumbnailDelegate *m_delegate;

    HashtagChipsEdit *m_tagsEdit = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QLineEdit *m_instanceEdit = nullptr;
    QComboBox *m_edgeCombo = nullptr;
    QLabel *m_budgetLabel = nullptr;
    QSpinBox *m_limitSpin = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressText = nullptr;
    // Progress arrives with every item; the bar and counts are redrawn a few times a second.
    engine::HarvestProgress m_progress;
    QElapsedTimer m_progressShown;
    QTimer m_progressTimer;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_errorBar = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_sortCombo = nullptr;
    QToolButton *m_labelFilter = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_emptyHint = nullptr;
    QListView *m_grid = nullptr;
    DetailPanel *m_detail = nullptr;
    TagMotifChart *m_chart = nullptr;
    QLabel *m_modelStatus = nullptr;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_projectActions; // need an open project
};

} // namespace taglens::ui
