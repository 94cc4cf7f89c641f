// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "accountsdialog.h"
#include "charts/tagmotifchart.h"
#include "detailpanel.h"
#include "engine/auth/facebooklogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/core/whenfinished.h"
#include "engine/sources/hashtagledger.h"
#include "engine/sources/postsourcefactory.h"
#include "engine/sources/urllistsource.h"
#include "engine/store/projectstore.h"
#include "engine/workflow/credentiallookup.h"
#include "engine/workflow/exportjob.h"
#include "engine/workflow/harvestplanner.h"
#include "engine/workflow/harvestsession.h"
#include "engine/workflow/instagrambudget.h"
#include "engine/workflow/progresstext.h"
#include "hashtagchipsedit.h"
#include "mediafiltermodel.h"
#include "modelsetupdialog.h"
#include "projectmodel.h"
#include "settingsdialog.h"
#include "thumbnaildelegate.h"
#include "thumbnailgridview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFuture>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcMainWindow, "taglens.ui.mainwindow")

namespace taglens::ui {

namespace {

constexpr int MaxRecentProjects = 8;
// The progress bar and counts are redrawn at most this often (every item reports progress).
constexpr int ProgressIntervalMs = 200;
const QString RecentProjectsKey = QStringLiteral("recentProjects");
// The source combo's items carry the names projects record.
const QString LocalSource = engine::sourceKindName(engine::SourceKind::Local);
const QString InstagramSource = engine::sourceKindName(engine::SourceKind::Instagram);

/// An icon from the desktop theme (scalable, so sharp at any scale factor), or the style's own.
QIcon themeIcon(const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

/// What a drop brings: local files and folders, and http(s) addresses — as URLs, or as lines of
/// text when the source offers no URL list.
struct DroppedItems
{
    QStringList paths;
    QList<QUrl> urls;
    bool isEmpty() const { return paths.isEmpty() && urls.isEmpty(); }
};

DroppedItems droppedItems(const QMimeData *mime)
{
    DroppedItems items;
    if (mime->hasUrls()) {
        const auto urls = mime->urls();
        for (const QUrl &url : urls) {
            const QString scheme = url.scheme().toLower();
            if (url.isLocalFile())
                items.paths << url.toLocalFile();
            else if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
                items.urls << url;
            if (items.paths.size() + items.urls.size() >= engine::UrlListSource::MaxUrls)
                break;
        }
    } else if (mime->hasText()) {
        items.urls = engine::UrlListSource::urlsInText(mime->text());
    }
    return items;
}

} // namespace

MainWindow::MainWindow(ClassifierLoader loader, QWidget *parent)
    : QMainWindow(parent), m_hasLoader(bool(loader)),
      m_session(new engine::HarvestSession(std::move(loader), this)), m_model(new ProjectModel(this)),
      m_filter(new MediaFilterModel(this)), m_delegate(new ThumbnailDelegate(this))
{
    m_chooseSaveFile = [this](const QString &title, const QString &filter, const QString &suggested) {
        return QFileDialog::getSaveFileName(this, title, suggested, filter);
    };
    m_chooseOpenFile = [this](const QString &title, const QString &filter, const QString &suggested) {
        return QFileDialog::getOpenFileName(this, title, suggested, filter);
    };
    m_filter->setSourceModel(m_model);
    m_settings = AppSettings::load();
    // As for the command line: the Graph API stand-in of tests and screenshots, never another host.
    if (auto graph =
            engine::FacebookLogin::loopbackOverride(qEnvironmentVariable("TAGLENS_GRAPH_API_BASE"), QUrl()))
        m_graphApiBase = *graph;
    else
        qCWarning(lcMainWindow).noquote() << graph.error().message;

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    buildSearchBar(central, layout);

    m_errorBar = new QLabel(central);
    m_errorBar->setWordWrap(true);
    m_errorBar->setTextFormat(Qt::PlainText);
    m_errorBar->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #e0a39b;"
                       " border-radius: 4px; padding: 6px; }"));
    m_errorBar->setAccessibleName(tr("Error message"));
    m_errorBar->hide();
    layout->addWidget(m_errorBar);

    m_progressRow = new QWidget(central);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_progressBar = new QProgressBar(m_progressRow);
    m_progressBar->setAccessibleName(tr("Harvest progress"));
    m_progressText = new QLabel(m_progressRow);
    m_progressText->setAccessibleName(tr("Harvest counts"));
    // Its text changes with every update: a fixed width keeps that from laying the window out again.
    m_progressText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancelButton->setAccessibleName(tr("Cancel harvest"));
    progressLayout->addWidget(m_progressBar, 1);
    progressLayout->addWidget(m_progressText, 2);
    progressLayout->addWidget(m_cancelButton);
    m_progressRow->hide();
    layout->addWidget(m_progressRow);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelHarvest);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    auto *left = new QSplitter(Qt::Vertical, splitter);
    auto *gridPane = new QWidget(left);
    auto *gridLayout = new QVBoxLayout(gridPane);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    buildFilterBar(gridPane, gridLayout);
    m_grid = new ThumbnailGridView(gridPane);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true); // keeps layout O(1) per item with thousands of rows
    m_grid->setSpacing(4);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setModel(m_filter);
    m_grid->setAccessibleName(tr("Images"));
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(200);
    gridLayout->addWidget(m_grid, 1);
    m_emptyHint = new QLabel(
        tr("Type hashtags above and press Start,\nor drop images, folders or image addresses here."),
        m_grid->viewport());
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setEnabled(false); // drawn in the palette's disabled text colour
    auto *hintLayout = new QVBoxLayout(m_grid->viewport());
    hintLayout->addWidget(m_emptyHint);
    m_chart = new TagMotifChart(left);
    left->addWidget(gridPane);
    left->addWidget(m_chart);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 1); // room for the chart to label its motifs

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
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_modelStatus = new QLabel(this);
    m_modelStatus->setAccessibleName(tr("Model status"));
    statusBar()->addPermanentWidget(m_modelStatus);

    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
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
        refreshTags();
    });
    connect(m_model, &ProjectModel::rowsLoaded, this, [this] {
        if (!m_grid->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_grid->setCurrentIndex(m_filter->index(0, 0)); // the detail panel shows something at once
        qCInfo(lcMainWindow) << "opened" << projectPath() << "with" << m_model->rowCount() << "rows";
    });
    connect(m_model, &ProjectModel::loadFailed, this, [this](const QString &message) {
        showError(tr("Could not read %1: %2").arg(QDir::toNativeSeparators(projectPath()), message));
    });
    m_progressTimer.setSingleShot(true);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::showProgress);
    connectSession();
    auto updateCount = [this] {
        m_countLabel->setText(tr("%n image(s) shown", nullptr, m_filter->rowCount()) +
                              tr(" of %1").arg(m_model->rowCount()));
        m_emptyHint->setVisible(m_model->rowCount() == 0);
    };
    connect(m_model, &ProjectModel::loadingChanged, this, [this, updateCount](bool loading) {
        // A large project takes a moment to read (off this thread): say so meanwhile.
        m_emptyHint->setText(
            loading ? tr("Reading the project…")
                    : tr("Type hashtags above and press Start,\nor drop images, folders or image "
                         "addresses here."));
        if (loading) {
            m_emptyHint->show();
            m_countLabel->setText(tr("Reading the project…"));
            m_grid->viewport()->setCursor(Qt::BusyCursor);
        } else {
            m_grid->viewport()->unsetCursor();
            updateCount();
        }
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, updateCount);
    connect(m_chart, &TagMotifChart::labelActivated, this,
            [this](const QString &label) { m_filter->setLabel(label); });
    connect(m_chart, &TagMotifChart::minimumScoreChanged, this,
            [this](double score) { m_filter->setMinimumScore(score); });
    connect(m_filter, &MediaFilterModel::filterChanged, this, [this, updateCount] {
        m_labelFilter->setVisible(!m_filter->label().isEmpty());
        m_labelFilter->setText(tr("Label: %1 ✕").arg(m_filter->label()));
        updateCount();
    });

    buildMenus();
    setAcceptDrops(true);
    setHarvesting(false);
    refreshTitle();
    updateCount();
    resize(1280, 860);
}

MainWindow::~MainWindow()
{
    m_session->disconnect(this);
    delete m_session; // cancels and waits for the harvest thread
    m_model->setStore(nullptr);
    delete m_accounts; // before the token store it uses
}

void MainWindow::buildSearchBar(QWidget *parent, QVBoxLayout *layout)
{
    auto *bar = new QHBoxLayout;
    m_tagsEdit = new HashtagChipsEdit(parent);
    m_tagsEdit->setPlaceholderText(tr("Hashtags, e.g. #cats #dogs"));
    m_tagsEdit->setAccessibleName(tr("Hashtags"));
    m_tagsEdit->setToolTip(tr("Type hashtags; Space, comma or Enter adds each. Enter again starts."));
    m_sourceCombo = new QComboBox(parent);
    m_sourceCombo->addItem(tr("Mastodon"), QStringLiteral("mastodon"));
    m_sourceCombo->addItem(tr("Pixelfed"), QStringLiteral("pixelfed"));
    m_sourceCombo->addItem(tr("Instagram"), InstagramSource);
    m_sourceCombo->addItem(tr("Local folder"), LocalSource);
    m_sourceCombo->setAccessibleName(tr("Source"));
    m_instanceEdit = new QLineEdit(QStringLiteral("mastodon.social"), parent);
    m_instanceEdit->setAccessibleName(tr("Instance"));
    m_instanceEdit->setPlaceholderText(tr("Instance, e.g. mastodon.social"));
    m_edgeCombo = new QComboBox(parent);
    m_edgeCombo->addItem(tr("Recent (24 h)"), QStringLiteral("recent"));
    m_edgeCombo->addItem(tr("Top posts"), QStringLiteral("top"));
    m_edgeCombo->setAccessibleName(tr("Instagram media"));
    m_edgeCombo->setToolTip(
        tr("Recent: the public posts of the last 24 hours. Top: the most popular posts."));
    m_edgeCombo->hide();
    m_budgetLabel = new QLabel(parent);
    m_budgetLabel->setAccessibleName(tr("Instagram hashtag budget"));
    m_budgetLabel->setTextFormat(Qt::RichText);
    m_budgetLabel->hide();
    connect(m_budgetLabel, &QLabel::linkActivated, this, [this] { showAccounts(true); });
    m_limitSpin = new QSpinBox(parent);
    m_limitSpin->setRange(1, 100000);
    m_limitSpin->setValue(200);
    m_limitSpin->setAccessibleName(tr("Images per tag"));
    m_limitSpin->setSuffix(tr(" per tag"));
    m_startButton = new QPushButton(themeIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay),
                                    tr("&Start"), parent);
    m_startButton->setAccessibleName(tr("Start harvest"));
    m_startButton->setDefault(true);
    m_stopButton = new QPushButton(themeIcon(QStringLiteral("media-playback-stop"), QStyle::SP_MediaStop),
                                   tr("S&top"), parent);
    m_stopButton->setAccessibleName(tr("Stop harvest"));
    auto *tagsLabel = new QLabel(tr("&Tags:"), parent);
    tagsLabel->setBuddy(m_tagsEdit);
    bar->addWidget(tagsLabel);
    bar->addWidget(m_tagsEdit, 3);
    bar->addWidget(m_sourceCombo);
    bar->addWidget(m_instanceEdit, 2);
    bar->addWidget(m_edgeCombo);
    bar->addWidget(m_budgetLabel);
    bar->addWidget(m_limitSpin);
    bar->addWidget(m_startButton);
    bar->addWidget(m_stopButton);
    layout->addLayout(bar);
    connect(m_tagsEdit, &HashtagChipsEdit::returnPressed, this, &MainWindow::startFromSearchBar);
    connect(m_tagsEdit, &HashtagChipsEdit::rejected, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_startButton, &QPushButton::clicked, this, &MainWindow::startFromSearchBar);
    connect(m_stopButton, &QPushButton::clicked, this, &MainWindow::cancelHarvest);
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, &MainWindow::onSourceChanged);
}

void MainWindow::buildFilterBar(QWidget *parent, QVBoxLayout *layout)
{
    auto *bar = new QHBoxLayout;
    m_tagFilter = new QComboBox(parent);
    m_tagFilter->setAccessibleName(tr("Filter by tag"));
    m_tagFilter->addItem(tr("All tags"), QString());
    m_statusFilter = new QComboBox(parent);
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_statusFilter->addItem(tr("Any status"), MediaFilterModel::AnyStatus);
    m_statusFilter->addItem(tr("Classified"), int(engine::MediaStatus::Ok));
    m_statusFilter->addItem(tr("Skipped"), int(engine::MediaStatus::Skipped));
    m_statusFilter->addItem(tr("Failed"), int(engine::MediaStatus::Failed));
    m_statusFilter->addItem(tr("Pending"), int(engine::MediaStatus::Pending));
    m_sortCombo = new QComboBox(parent);
    m_sortCombo->setAccessibleName(tr("Sort order"));
    m_sortCombo->addItem(tr("Project order"), int(MediaFilterModel::SortKey::Project));
    m_sortCombo->addItem(tr("Best score first"), int(MediaFilterModel::SortKey::Score));
    m_sortCombo->addItem(tr("Newest first"), int(MediaFilterModel::SortKey::Date));
    m_sortCombo->addItem(tr("By label"), int(MediaFilterModel::SortKey::Label));
    m_labelFilter = new QToolButton(parent);
    m_labelFilter->setAccessibleName(tr("Clear label filter"));
    m_labelFilter->setToolTip(tr("Show every label again"));
    m_labelFilter->hide();
    m_countLabel = new QLabel(parent);
    m_countLabel->setAccessibleName(tr("Images shown"));
    bar->addWidget(m_tagFilter);
    bar->addWidget(m_statusFilter);
    bar->addWidget(m_sortCombo);
    bar->addWidget(m_labelFilter);
    bar->addStretch();
    bar->addWidget(m_countLabel);
    layout->addLayout(bar);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QString tag = m_tagFilter->currentData().toString();
        m_filter->setTag(tag);
        m_chart->setTags(tag.isEmpty() ? QStringList() : QStringList{tag});
    });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatus(m_statusFilter->currentData().toInt()); });
    connect(m_sortCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setSortKey(MediaFilterModel::SortKey(m_sortCombo->currentData().toInt())); });
    connect(m_labelFilter, &QToolButton::clicked, this, [this] { m_filter->setLabel(QString()); });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newProject = file->addAction(themeIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon),
                                          tr("&New Project…"), this, &MainWindow::chooseAndCreate);
    newProject->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(themeIcon(QStringLiteral("document-open"), QStyle::SP_DialogOpenButton),
                                    tr("&Open Project…"), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(themeIcon(QStringLiteral("document-open-recent"), QStyle::SP_DirIcon),
                                 tr("Open &Recent"));
    QAction *saveAs =
        file->addAction(themeIcon(QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton),
                        tr("Save Project &As…"), this, &MainWindow::chooseAndSaveAs);
    saveAs->setShortcut(QKeySequence(QKeySequence::SaveAs).isEmpty()
                            ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)
                            : QKeySequence(QKeySequence::SaveAs));
    m_projectActions << saveAs;
    file->addSeparator();
    QAction *accounts = file->addAction(themeIcon(QStringLiteral("system-users"), QStyle::SP_DirHomeIcon),
                                        tr("A&ccounts…"), this, [this] { showAccounts(); });
    accounts->setObjectName(QStringLiteral("accounts"));
    accounts->setStatusTip(tr("Log in to Mastodon, Pixelfed or Instagram, or log out"));
    file->addSeparator();
    QAction *quit =
        file->addAction(themeIcon(QStringLiteral("application-exit"), QStyle::SP_DialogCloseButton),
                        tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(QKeySequence::Quit).isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q)
                                                                 : QKeySequence(QKeySequence::Quit));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *preferences =
        edit->addAction(themeIcon(QStringLiteral("preferences-system"), QStyle::SP_FileDialogDetailedView),
                        tr("&Preferences…"), this, &MainWindow::showSettings);
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> preferenceKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferenceKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        preferenceKeys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    preferences->setShortcuts(preferenceKeys);

    QMenu *harvest = menuBar()->addMenu(tr("&Harvest"));
    QAction *start =
        harvest->addAction(themeIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay),
                           tr("&Start"), this, &MainWindow::startFromSearchBar);
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    QAction *stop = harvest->addAction(themeIcon(QStringLiteral("media-playback-stop"), QStyle::SP_MediaStop),
                                       tr("S&top"), this, &MainWindow::cancelHarvest);
    stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    QAction *focusTags =
        harvest->addAction(tr("&Edit Tags"), this, [this] { m_tagsEdit->setFocus(Qt::ShortcutFocusReason); });
    focusTags->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu *exportMenu = menuBar()->addMenu(tr("&Export"));
    const struct
    {
        QString text;
        ExportKind kind;
        QKeySequence shortcut;
    } exports[] = {
        {tr("&Images CSV…"), ExportKind::ImagesCsv, QKeySequence(Qt::CTRL | Qt::Key_E)},
        {tr("&Summary CSV…"), ExportKind::SummaryCsv, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {tr("&JSON…"), ExportKind::Json, {}},
        {tr("&GEXF Network…"), ExportKind::Gexf, {}},
        {tr("Chart as &PNG…"), ExportKind::ChartPng, {}},
        {tr("Chart as S&VG…"), ExportKind::ChartSvg, {}},
    };
    for (const auto &e : exports) {
        if (e.kind == ExportKind::ChartPng)
            exportMenu->addSeparator();
        const ExportKind kind = e.kind;
        QAction *action = exportMenu->addAction(
            kind == ExportKind::ChartPng || kind == ExportKind::ChartSvg
                ? themeIcon(QStringLiteral("image-x-generic"), QStyle::SP_FileIcon)
                : themeIcon(QStringLiteral("document-export"), QStyle::SP_DialogSaveButton),
            e.text, this, [this, kind] { chooseAndExport(kind); });
        action->setShortcut(e.shortcut);
        action->setObjectName(QStringLiteral("export%1").arg(int(kind)));
        m_projectActions << action;
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(themeIcon(QStringLiteral("run-build-install"), QStyle::SP_ArrowDown),
                    tr("Set Up &Model…"), this, &MainWindow::showModelSetup);
    QAction *about =
        help->addAction(themeIcon(QStringLiteral("help-about"), QStyle::SP_MessageBoxInformation),
                        tr("&About TagLens"), this, [this] {
                            auto *box =
                                new QMessageBox(QMessageBox::Information, tr("About TagLens"),
                                                tr("TagLens %1").arg(QCoreApplication::applicationVersion()),
                                                QMessageBox::Ok, this);
                            box->setInformativeText(
                                tr("What do people show in the pictures they post under a hashtag? TagLens "
                                   "collects them, recognises their motifs and compares tags.\n\n"
                                   "Licensed under the GNU GPL, version 3 or later."));
                            box->setAttribute(Qt::WA_DeleteOnClose);
                            box->open();
                        });
    about->setMenuRole(QAction::AboutRole);
    rebuildRecentMenu();
}

void MainWindow::showModelSetup()
{
    auto *dialog = new ModelSetupDialog(m_converter, QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModelSetupDialog::installed, this, [this](const QString &path) {
        setModelPath(path);
        setModelStatus(tr("Model: %1").arg(QFileInfo(path).fileName()));
    });
    dialog->open();
}

void MainWindow::setModelPath(const QString &path)
{
    m_modelPath = path; // a harvest after this loads it (the session keeps the model it loaded last)
    setHarvesting(isHarvesting());
}

void MainWindow::setSettings(const AppSettings &settings)
{
    m_settings = settings;
    m_settings.save();
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
    return m_store ? m_store->path() : QString();
}

bool MainWindow::openProject(const QString &path)
{
    if (isHarvesting()) {
        showError(tr("Stop the harvest before opening another project."));
        return false;
    }
    auto opened = engine::ProjectStore::open(path);
    if (!opened) {
        showError(tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), opened.error().message));
        return false;
    }
    clearError();
    m_model->setStore(nullptr);
    m_store = std::move(*opened);
    // Show the predictions of the model that harvested last, as the exports do.
    QString modelSha;
    bool trained = true;
    if (auto harvests = m_store->harvests()) {
        for (auto it = harvests->crbegin(); it != harvests->crend(); ++it) {
            if (!it->modelSha256.isEmpty()) {
                modelSha = it->modelSha256;
                trained = it->modelTrained;
                break;
            }
        }
        // The search bar shows the last hashtag search again, so that Start resumes it.
        for (auto it = harvests->crbegin(); it != harvests->crend(); ++it) {
            const int sourceIndex = m_sourceCombo->findData(it->source);
            if (it->source == LocalSource || sourceIndex < 0)
                continue;
            const QUrl instance(it->instance);
            m_sourceCombo->setCurrentIndex(sourceIndex);
            if (it->source == InstagramSource) {
                const QString edge = it->parameters.value(QStringLiteral("edge")).toString();
                m_edgeCombo->setCurrentIndex(qMax(0, m_edgeCombo->findData(edge)));
            } else
                m_instanceEdit->setText(instance.scheme() == QLatin1String("https") && instance.port() < 0
                                            ? instance.host()
                                            : it->instance);
            m_tagsEdit->setTags(it->tags);
            break;
        }
    }
    // The rows are read in the background; the first one becomes current when they are in.
    m_model->setStore(m_store.get(), modelSha, trained);
    m_chart->setModelTrained(trained);
    addRecentProject(m_store->path());
    refreshTitle();
    setHarvesting(false);
    qCInfo(lcMainWindow) << "opening" << m_store->path();
    Q_EMIT projectOpened(m_store->path());
    return true;
}

bool MainWindow::saveProjectAs(const QString &path)
{
    if (!m_store) {
        showError(tr("There is no project to save."));
        return false;
    }
    if (isHarvesting()) {
        showError(tr("Stop the harvest before saving the project under another name."));
        return false;
    }
    if (QFileInfo(m_store->path()) == QFileInfo(path))
        return true;
    // A consistent copy written beside the destination and renamed over it: an existing file
    // there is replaced only when the copy is complete.
    if (auto saved = m_store->saveCopy(path); !saved) {
        showError(tr("Could not save the project as %1: %2")
                      .arg(QDir::toNativeSeparators(path), saved.error().message));
        return false;
    }
    return openProject(path);
}

bool MainWindow::ensureProject()
{
    if (m_store)
        return true;
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/scratch");
    if (!QDir().mkpath(dir)) {
        showError(tr("Could not create %1 for a new project.").arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    const QString path =
        dir + QStringLiteral("/untitled-%1.taglens")
                  .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss-zzz")));
    return openProject(path);
}

void MainWindow::onSourceChanged()
{
    const bool local = m_sourceCombo->currentData().toString() == LocalSource;
    const bool instagram = m_sourceCombo->currentData().toString() == InstagramSource;
    // Instagram has no instances: the account searching comes from the login.
    m_instanceEdit->setVisible(!instagram);
    m_edgeCombo->setVisible(instagram);
    m_budgetLabel->setVisible(instagram);
    if (instagram)
        refreshInstagramBudget();
    m_instanceEdit->setPlaceholderText(local ? tr("Folder with images")
                                             : tr("Instance, e.g. mastodon.social"));
    m_tagsEdit->setPlaceholderText(local ? tr("Collection name, e.g. holidays")
                                         : tr("Hashtags, e.g. #cats #dogs"));
    if (local && m_instanceEdit->text() == QLatin1String("mastodon.social"))
        m_instanceEdit->setText(QDir::homePath());
    else if (!local && QFileInfo(m_instanceEdit->text()).isAbsolute())
        m_instanceEdit->setText(QStringLiteral("mastodon.social"));
}

void MainWindow::startFromSearchBar()
{
    if (isBusy())
        return;
    if (!m_tagsEdit->commitText()) { // what is still typed counts, as if Enter had been pressed
        showError(m_tagsEdit->rejection());
        return;
    }
    const QString source = m_sourceCombo->currentData().toString();
    engine::HarvestInput input;
    input.source = *engine::sourceKindFromName(source); // the combo offers known names only
    input.limitPerTag = m_limitSpin->value();
    if (input.source == engine::SourceKind::Local) {
        // The chips split on spaces; a collection's name may have them.
        input.paths = {m_instanceEdit->text().trimmed()};
        input.collection = m_tagsEdit->tags().join(QLatin1Char(' '));
        input.limitPerTag = engine::HarvestInput::Everything;
    } else {
        input.tags = m_tagsEdit->tags();
        input.instance = m_instanceEdit->text();
        input.instagramEdge = m_edgeCombo->currentData().toString();
        input.graphApiBase = m_graphApiBase;
    }
    planAndStart(input);
}

void MainWindow::planAndStart(const engine::HarvestInput &input, const QList<engine::HarvestInput> &followUps)
{
    if (isBusy()) {
        showError(tr("A harvest is already running."));
        return;
    }
    auto plan = engine::HarvestPlanner::plan(input);
    if (!plan) {
        showError(plan.error().message);
        return;
    }
    m_settings.applyTo(plan->request);
    // Shown once the harvest runs: what the plans left out, and follow-ups that cannot run.
    QStringList problems;
    QStringList leftOut = plan->leftOut;
    QList<engine::HarvestPlan> then;
    for (const engine::HarvestInput &next : followUps) {
        auto planned = engine::HarvestPlanner::plan(next);
        if (!planned) {
            problems << planned.error().message;
            continue;
        }
        m_settings.applyTo(planned->request);
        leftOut << planned->leftOut;
        then << *planned;
    }
    if (!leftOut.isEmpty())
        problems << tr("%n dropped address(es) cannot be fetched and were left out:", nullptr,
                       int(leftOut.size())) +
                        QLatin1Char('\n') + leftOut.mid(0, 5).join(QLatin1Char('\n'));
    // The keychain answers on a thread of its own; the window goes on meanwhile.
    engine::TokenStore *tokens = tokenStore();
    engine::SessionLogins session;
    if (m_accounts) {
        session.accounts = m_accounts->sessionAccounts();
        session.instagram = m_accounts->sessionInstagramAccount();
    }
    m_lookingUpLogin = true;
    setHarvesting(false);
    engine::whenFinished(
        engine::CredentialLookup::completeInBackground(std::move(*plan),
                                                       {tokens->settingsFile(), tokens->service()}, session),
        this, [this, then, problems](const engine::Expected<engine::CredentialLookup::Found> &found) {
            m_lookingUpLogin = false;
            setHarvesting(false);
            if (!found) {
                if (found.error().code == engine::ErrorCode::Unauthorized)
                    offerInstagramLogin(found.error().message);
                else
                    showError(found.error().message);
                return;
            }
            for (const QString &warning : found->warnings)
                statusBar()->showMessage(warning, 10000);
            const engine::HarvestPlan &plan = found->plan;
            if (plan.spec.kind == engine::SourceKind::Instagram) {
                QString error;
                engine::InstagramBudget *budget = instagramBudget(&error);
                if (!budget) {
                    showError(error);
                    return;
                }
                if (auto admitted = budget->admit(plan.spec.instagramUserId, plan.request.tags); !admitted) {
                    refreshInstagramBudget();
                    showError(admitted.error().message);
                    return;
                }
                refreshInstagramBudget();
                statusBar()->showMessage(m_budgetLabel->toolTip().section(QLatin1Char('\n'), 0, 0), 15000);
            }
            startPlans(QList<engine::HarvestPlan>{plan} + then);
            if (!problems.isEmpty() && isBusy()) // after startPlans() cleared the error bar
                showError(problems.join(QLatin1Char('\n')));
        });
}

void MainWindow::offerInstagramLogin(const QString &message)
{
    showError(message);
    m_errorNeedsLogin = true; // a login made now clears it
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("Instagram"), message, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("instagramLoginNeeded"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Hashtag search on Instagram needs a login with your own Meta app."));
    QPushButton *open = box->addButton(tr("&Accounts…"), QMessageBox::AcceptRole);
    open->setAccessibleName(tr("Open the accounts dialog"));
    box->setDefaultButton(open);
    connect(open, &QPushButton::clicked, this, [this] { showAccounts(true); });
    box->open();
}

engine::InstagramBudget *MainWindow::instagramBudget(QString *error)
{
    if (m_budget)
        return m_budget.get();
    auto opened = engine::InstagramBudget::open(m_ledgerPath);
    if (!opened) {
        if (error)
            *error = opened.error().message;
        return nullptr;
    }
    m_budget = std::move(*opened);
    connect(m_budget.get(), &engine::InstagramBudget::changed, this, &MainWindow::refreshInstagramBudget);
    connect(m_budget.get(), &engine::InstagramBudget::recordFailed, this,
            [this](const engine::Error &error) { statusBar()->showMessage(error.message, 15000); });
    return m_budget.get();
}

void MainWindow::setHashtagLedgerPath(const QString &path)
{
    m_ledgerPath = path;
    m_budget.reset();
    refreshInstagramBudget();
}

QString MainWindow::instagramBudgetText() const
{
    return m_budgetLabel->text();
}

void MainWindow::refreshInstagramBudget()
{
    if (m_sourceCombo->currentData().toString() != InstagramSource)
        return;
    auto account = engine::FacebookLogin::storedAccount(tokenStore());
    if (!account && m_accounts && m_accounts->sessionInstagramAccount().isValid())
        account = m_accounts->sessionInstagramAccount();
    if (!account) {
        m_budgetLabel->setText(tr("<a href=\"accounts\">Log in…</a>"));
        m_budgetLabel->setToolTip(tr("Log in to Instagram first (Accounts…)."));
        return;
    }
    QString error;
    engine::InstagramBudget *budget = instagramBudget(&error);
    const auto standing = budget ? budget->standing(account->userId)
                                 : engine::Expected<engine::InstagramBudget::Standing>(
                                       engine::Error::make(engine::ErrorCode::Io, error));
    if (!standing) {
        m_budgetLabel->setText(tr("Budget unknown"));
        m_budgetLabel->setToolTip(standing.error().message);
        return;
    }
    m_budgetLabel->setText(
        tr("%1 of %2 hashtags left this week").arg(standing->remaining).arg(standing->budget));
    QString tip = tr("Instagram lets @%1 search %2 different hashtags in any 7 days; %3 are left.")
                      .arg(account->username.isEmpty() ? account->userId : account->username)
                      .arg(standing->budget)
                      .arg(standing->remaining);
    if (!standing->entries.isEmpty()) {
        tip += QLatin1Char('\n') + tr("Searched (each frees its place 7 days after its first search):");
        for (const auto &entry : std::as_const(standing->entries))
            tip +=
                QStringLiteral("\n#%1 — %2").arg(entry.tag, engine::HashtagLedger::formatDate(entry.freesAt));
    }
    m_budgetLabel->setToolTip(tip);
}

void MainWindow::setTokenStore(engine::TokenStore *store)
{
    m_tokens = store;
    delete m_accounts; // made again for this store when next opened
    m_accounts = nullptr;
    refreshInstagramBudget();
}

engine::TokenStore *MainWindow::tokenStore()
{
    if (!m_tokens) {
        m_ownTokens = std::make_unique<engine::TokenStore>();
        m_tokens = m_ownTokens.get();
    }
    return m_tokens;
}

void MainWindow::setUrlOpener(AccountsDialog::UrlOpener opener)
{
    m_openUrl = std::move(opener);
    if (m_accounts && m_openUrl)
        m_accounts->setUrlOpener(m_openUrl);
}

void MainWindow::showAccounts(bool instagram)
{
    // One dialog for the window's lifetime: it remembers this run's logins when there is no keychain.
    if (!m_accounts) {
        m_accounts = new AccountsDialog(tokenStore(), this);
        if (m_openUrl)
            m_accounts->setUrlOpener(m_openUrl);
        connect(m_accounts, &AccountsDialog::accountsChanged, this, [this] {
            refreshInstagramBudget();
            if (m_errorNeedsLogin)
                clearError();
        });
    } else {
        m_accounts->refresh();
    }
    if (instagram)
        m_accounts->showInstagramLogin();
    m_accounts->show();
    m_accounts->raise();
    m_accounts->activateWindow();
}

void MainWindow::harvestLocal(const QStringList &paths, const QString &collection)
{
    engine::HarvestInput input;
    input.source = engine::SourceKind::Local;
    input.paths = paths;
    input.collection = collection.trimmed().isEmpty() ? QStringLiteral("local") : collection;
    input.limitPerTag = engine::HarvestInput::Everything; // everything that was dropped
    planAndStart(input);
}

void MainWindow::harvestUrls(const QList<QUrl> &urls, const QString &collection)
{
    engine::HarvestInput input;
    input.source = engine::SourceKind::Urls;
    input.urls = urls;
    input.collection = collection;
    input.limitPerTag = engine::HarvestInput::Everything;
    planAndStart(input);
}

void MainWindow::harvestDropped(const QStringList &paths, const QList<QUrl> &urls)
{
    if (paths.isEmpty() && urls.isEmpty())
        return;
    if (isBusy()) {
        showError(tr("A harvest is already running; drop them again when it has finished."));
        return;
    }
    const QString suggested = urls.isEmpty() ? QStringLiteral("local") : QStringLiteral("dropped");
    QStringList existing;
    if (m_store) {
        if (auto tags = m_store->tags())
            existing = *tags;
    }
    if (m_chooseCollection) {
        const QString collection = m_chooseCollection(suggested, existing).trimmed();
        if (!collection.isEmpty())
            harvestDroppedInto(paths, urls, collection);
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add Dropped Images"));
    const QString files = tr("%n file(s) or folder(s)", nullptr, int(paths.size()));
    const QString addresses = tr("%n image address(es)", nullptr, int(urls.size()));
    const QString what = urls.isEmpty()    ? files
                         : paths.isEmpty() ? addresses
                                           : tr("%1 and %2", "files and addresses").arg(files, addresses);
    dialog->setLabelText(tr("Classify %1 as the collection:").arg(what));
    existing.removeAll(suggested);
    existing.prepend(suggested);
    dialog->setComboBoxItems(existing);
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(suggested);
    dialog->setOkButtonText(tr("&Classify"));
    dialog->setAccessibleName(tr("Collection for the dropped images"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, paths, urls](const QString &name) {
        if (!name.trimmed().isEmpty())
            harvestDroppedInto(paths, urls, name.trimmed());
    });
    dialog->open();
}

void MainWindow::harvestDroppedInto(const QStringList &paths, const QList<QUrl> &urls,
                                    const QString &collection)
{
    if (paths.isEmpty()) {
        harvestUrls(urls, collection);
        return;
    }
    // One harvest reads one kind of source: the files first, then the addresses, same collection.
    engine::HarvestInput files;
    files.source = engine::SourceKind::Local;
    files.paths = paths;
    files.collection = collection;
    files.limitPerTag = engine::HarvestInput::Everything;
    QList<engine::HarvestInput> then;
    if (!urls.isEmpty()) {
        engine::HarvestInput addresses = files;
        addresses.source = engine::SourceKind::Urls;
        addresses.paths.clear();
        addresses.urls = urls;
        then << addresses;
    }
    planAndStart(files, then);
}

void MainWindow::startHarvest(const engine::HarvestRequest &request, const engine::SourceSpec &spec)
{
    startPlans({engine::HarvestPlan{request, spec, {}}});
}

void MainWindow::startPlans(const QList<engine::HarvestPlan> &plans)
{
    if (m_session->isBusy()) {
        showError(tr("A harvest is already running."));
        return;
    }
    if (m_modelPath.isEmpty() || !m_hasLoader) {
        showError(
            tr("No model is installed, so nothing can be classified. Set one up with Help ▸ Set Up Model."));
        return;
    }
    if (!ensureProject())
        return;
    clearError();
    const bool instagram = std::any_of(plans.cbegin(), plans.cend(), [](const engine::HarvestPlan &p) {
        return p.spec.kind == engine::SourceKind::Instagram;
    });
    m_session->setBudget(instagram ? instagramBudget(nullptr) : nullptr); // records each search it makes
    m_session->setModel({m_modelPath, m_settings.modelThreads, m_settings.batchSize});
    if (auto started = m_session->start(m_store->path(), plans.first(), plans.mid(1)); !started)
        showError(started.error().message);
}

void MainWindow::connectSession()
{
    connect(m_session, &engine::HarvestSession::modelLoading, this, [this] {
        // Loading a model takes seconds, on the pool.
        setHarvesting(false);
        m_progressRow->show();
        m_progressBar->setRange(0, 0);
        m_progressText->setText(tr("Loading the model…"));
    });
    connect(m_session, &engine::HarvestSession::started, this,
            [this](const engine::HarvestRequest &request, const engine::ModelInfo &model) {
                if (model.sha256 != m_model->modelSha256())
                    m_model->setStore(m_store.get(), model.sha256, model.trained);
                m_chart->setModelTrained(model.trained);
                m_lastRequest = request;
                m_progressBar->setRange(0, 0);
                m_progressText->setText(tr("Starting…"));
                m_progressTimer.stop();
                m_progressShown.invalidate();
                setHarvesting(true);
                Q_EMIT harvestStarted();
            });
    connect(m_session, &engine::HarvestSession::progress, this, &MainWindow::onProgress);
    connect(m_session, &engine::HarvestSession::itemFinished, this,
            [this](qint64 mediaId, const QString &tag, engine::MediaStatus) {
                m_model->appendOrUpdate(mediaId, tag);
            });
    connect(m_session, &engine::HarvestSession::notice, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_session, &engine::HarvestSession::finished, this, &MainWindow::onHarvestFinished);
    connect(m_session, &engine::HarvestSession::idle, this, [this] {
        setHarvesting(false);
        m_progressRow->hide();
    });
}

void MainWindow::onProgress(const engine::HarvestProgress &progress)
{
    m_progress = progress;
    if (m_progressTimer.isActive())
        return; // the latest is shown when it fires
    const qint64 since = m_progressShown.isValid() ? m_progressShown.elapsed() : ProgressIntervalMs;
    if (since >= ProgressIntervalMs)
        showProgress();
    else
        m_progressTimer.start(int(ProgressIntervalMs - since));
}

void MainWindow::showProgress()
{
    m_progressShown.start();
    const engine::HarvestProgress &p = m_progress;
    const bool bounded = p.limit > 0 && p.limit < 1000000;
    if (bounded) {
        m_progressBar->setRange(0, p.limit);
        m_progressBar->setValue(qMin(p.ok, p.limit));
    } else {
        m_progressBar->setRange(0, 0);
    }
    m_progressText->setText(engine::ProgressText::describe(p));
}

void MainWindow::onHarvestFinished(const engine::HarvestOutcome &outcome)
{
    const bool cancelled = outcome.end == engine::HarvestEnd::Cancelled;
    m_model->flushPending();
    m_progressTimer.stop();
    m_chart->applyPendingRows(); // the chart as the harvest left it, at once
    setHarvesting(false);
    m_progressRow->hide();
    QStringList problems;
    const int ok = outcome.ok();
    for (const auto &s : outcome.summaries) {
        if (s.sourceFailed)
            problems << tr("#%1: %2").arg(s.tag, s.error.message);
    }
    const bool modelFailed = outcome.error.code == engine::ErrorCode::ModelMissing ||
                             outcome.error.code == engine::ErrorCode::ModelInvalid;
    if (outcome.end == engine::HarvestEnd::Failed)
        problems.prepend(modelFailed ? tr("The model could not be loaded: %1").arg(outcome.error.message)
                                     : tr("The project could not be written: %1").arg(outcome.error.message));
    if (!problems.isEmpty())
        showError(problems.join(QLatin1Char('\n')));
    statusBar()->showMessage(cancelled ? tr("Harvest stopped; starting it again resumes.")
                                       : tr("Harvest finished: %n image(s) classified.", nullptr, ok),
                             15000);
    refreshInstagramBudget();
    Q_EMIT harvestFinished(cancelled);
}

void MainWindow::cancelHarvest()
{
    m_session->stop(); // and the addresses of a drop that wait behind the files
}

bool MainWindow::isHarvesting() const
{
    return m_session->isRunning();
}

bool MainWindow::isBusy() const
{
    return m_session->isBusy() || m_lookingUpLogin;
}

void MainWindow::setHarvesting(bool running)
{
    const bool busy = running || m_session->isBusy() || m_lookingUpLogin;
    m_startButton->setEnabled(!busy);
    m_stopButton->setEnabled(running);
    m_cancelButton->setEnabled(running);
    m_tagsEdit->setEnabled(!busy);
    m_sourceCombo->setEnabled(!busy);
    m_instanceEdit->setEnabled(!busy);
    m_edgeCombo->setEnabled(!busy);
    m_limitSpin->setEnabled(!busy);
    if (running)
        m_progressRow->show();
    for (QAction *a : std::as_const(m_projectActions))
        a->setEnabled(m_store != nullptr);
    m_startButton->setToolTip(m_modelPath.isEmpty() ? tr("No model is installed: harvests cannot classify.")
                                                    : QString());
}

void MainWindow::refreshTags()
{
    if (!m_store)
        return;
    auto tags = m_store->tags();
    if (!tags)
        return;
    const QString current = m_tagFilter->currentData().toString();
    QStringList shown;
    for (int i = 1; i < m_tagFilter->count(); ++i)
        shown << m_tagFilter->itemData(i).toString();
    if (shown == *tags)
        return;
    const QSignalBlocker blocker(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const QString &tag : std::as_const(*tags))
        m_tagFilter->addItem(QLatin1Char('#') + tag, tag);
    m_tagFilter->setCurrentIndex(qMax(0, m_tagFilter->findData(current)));
}

void MainWindow::refreshTitle()
{
    const QString name = m_store ? QFileInfo(m_store->path()).completeBaseName() : tr("No project");
    setWindowTitle(tr("%1 — TagLens").arg(name));
    setWindowFilePath(m_store ? m_store->path() : QString());
}

void MainWindow::addRecentProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(RecentProjectsKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentProjects)
        recent.removeLast();
    settings.setValue(RecentProjectsKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(RecentProjectsKey).toStringList();
    for (const QString &path : recent) {
        if (!QFileInfo::exists(path))
            continue;
        QAction *a = m_recentMenu->addAction(QFileInfo(path).completeBaseName(), this,
                                             [this, path] { openProject(path); });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::showError(const QString &message)
{
    m_lastError = message;
    m_errorNeedsLogin = false;
    m_errorBar->setText(message);
    m_errorBar->show();
    qCWarning(lcMainWindow).noquote() << message;
    Q_EMIT errorShown(message);
}

void MainWindow::clearError()
{
    m_lastError.clear();
    m_errorNeedsLogin = false;
    m_errorBar->hide();
}

bool MainWindow::exportTo(ExportKind kind, const QString &path)
{
    if (kind == ExportKind::ChartPng || kind == ExportKind::ChartSvg) {
        const QString error =
            kind == ExportKind::ChartPng ? m_chart->exportPng(path) : m_chart->exportSvg(path);
        if (!error.isEmpty()) {
            showError(error);
            return false;
        }
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
        return true;
    }
    if (!m_store) {
        showError(tr("Open a project to export it."));
        return false;
    }
    engine::ExportOptions options;
    options.modelSha256 = m_model->modelSha256();
    engine::ExportJob::Format format = engine::ExportJob::Format::ImagesCsv;
    switch (kind) {
    case ExportKind::ImagesCsv:
        format = engine::ExportJob::Format::ImagesCsv;
        break;
    case ExportKind::SummaryCsv:
        format = engine::ExportJob::Format::SummaryCsv;
        break;
    case ExportKind::Json:
        format = engine::ExportJob::Format::Json;
        break;
    case ExportKind::Gexf:
        format = engine::ExportJob::Format::Gexf;
        break;
    case ExportKind::ChartPng:
    case ExportKind::ChartSvg:
        break;
    }
    // Read and written on a pool thread, each export with its own read-only connection; the
    // window goes on and says when it is done.
    statusBar()->showMessage(tr("Exporting %1…").arg(QDir::toNativeSeparators(path)));
    engine::whenFinished(engine::ExportJob::start(m_store->path(), options, {{format, path}}), this,
                         [this, path](const engine::Expected<engine::ExportJob::Written> &written) {
                             if (!written) {
                                 statusBar()->clearMessage();
                                 showError(tr("Could not export: %1").arg(written.error().message));
                                 Q_EMIT exportFinished(path, false);
                                 return;
                             }
                             statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)),
                                                      10000);
                             Q_EMIT exportFinished(path, true);
                         });
    return true;
}

void MainWindow::chooseAndExport(ExportKind kind)
{
    QString title;
    QString filter;
    QString suffix;
    switch (kind) {
    case ExportKind::ImagesCsv:
        title = tr("Export Images CSV");
        filter = tr("CSV files (*.csv)");
        suffix = QStringLiteral("-images.csv");
        break;
    case ExportKind::SummaryCsv:
        title = tr("Export Summary CSV");
        filter = tr("CSV files (*.csv)");
        suffix = QStringLiteral("-summary.csv");
        break;
    case ExportKind::Json:
        title = tr("Export JSON");
        filter = tr("JSON files (*.json)");
        suffix = QStringLiteral(".json");
        break;
    case ExportKind::Gexf:
        title = tr("Export GEXF Network");
        filter = tr("GEXF files (*.gexf)");
        suffix = QStringLiteral(".gexf");
        break;
    case ExportKind::ChartPng:
        title = tr("Export Chart as PNG");
        filter = tr("PNG images (*.png)");
        suffix = QStringLiteral("-chart.png");
        break;
    case ExportKind::ChartSvg:
        title = tr("Export Chart as SVG");
        filter = tr("SVG images (*.svg)");
        suffix = QStringLiteral("-chart.svg");
        break;
    }
    const QFileInfo project(projectPath());
    const QString suggested = project.absolutePath() + QLatin1Char('/') + project.completeBaseName() + suffix;
    const QString path = m_chooseSaveFile(title, filter, suggested);
    if (!path.isEmpty())
        exportTo(kind, path);
}

void MainWindow::chooseAndOpen()
{
    const QString path = m_chooseOpenFile(tr("Open Project"), tr("TagLens projects (*.taglens)"),
                                          m_settings.effectiveProjectFolder());
    if (!path.isEmpty())
        openExistingProject(path);
}

bool MainWindow::openExistingProject(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists()) {
        showError(tr("%1 does not exist.").arg(QDir::toNativeSeparators(file.absoluteFilePath())));
        return false;
    }
    if (!file.isFile()) {
        showError(tr("%1 is not a project file.").arg(QDir::toNativeSeparators(file.absoluteFilePath())));
        return false;
    }
    return openProject(file.absoluteFilePath());
}

void MainWindow::chooseAndCreate()
{
    QString path =
        m_chooseSaveFile(tr("New Project"), tr("TagLens projects (*.taglens)"),
                         m_settings.effectiveProjectFolder() + QStringLiteral("/untitled.taglens"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".taglens")))
        path += QStringLiteral(".taglens");
    if (m_store && QFileInfo(path) == QFileInfo(m_store->path())) {
        showError(tr("%1 is the project that is open.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    QFile::remove(path); // the dialog asked before overwriting
    openProject(path);
}

void MainWindow::chooseAndSaveAs()
{
    QString path = m_chooseSaveFile(tr("Save Project As"), tr("TagLens projects (*.taglens)"), projectPath());
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".taglens")))
        path += QStringLiteral(".taglens");
    saveProjectAs(path);
}

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    m_detail->setIndex(current);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedItems(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    // Child widgets that do not take drops pass the move here; keep saying yes over all of them.
    if (!droppedItems(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const DroppedItems items = droppedItems(event->mimeData());
    if (items.isEmpty())
        return;
    event->acceptProposedAction();
    harvestDropped(items.paths, items.urls);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    cancelHarvest();
    QMainWindow::closeEvent(event);
}

} // namespace taglens::ui
