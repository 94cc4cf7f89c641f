// SPDX-License-Identifier: GPL-3.0-or-later
// The main window end to end: files dropped on it are harvested and classified with the tiny test
// model, exports write their files, and a reopened project shows everything without a model.
#include "engine/sources/mediastatus.h"
#include "engine/store/modellabels.h"
#include "engine/store/projectstore.h"
#include "projectfixture.h"
#include "support/fakeclassifier.h"
#include "support/testhttpserver.h"
#include "support/testpaths.h"
#include "support/widgetnamed.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/detailpanel.h"
#include "ui/hashtagchipsedit.h"
#include "ui/mainwindow.h"
#include "ui/mediafiltermodel.h"
#include "ui/modelsetupdialog.h"
#include "ui/projectexports.h"
#include "ui/projectmodel.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace taglens;
using ui::ExportKind;
using ui::HashtagChipsEdit;
using ui::MainWindow;
using ui::MediaFilterModel;
using ui::ProjectExports;
using ui::ProjectModel;

using tests::widgetNamed;

namespace {

// The window's harvests classify with a fake colour classifier: no network, no LibTorch.
const auto loadModel = tests::FakeClassifier::loader();

void writeImage(const QString &path, const QColor &colour)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    QVERIFY(image.save(path));
}

QByteArray encodedImage(const QColor &colour, const char *format)
{
    QImage image(80, 60, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

/// Sends a drag that enters the window and drops \a mime on it; false when the window refused it.
bool dropOn(MainWindow &window, QMimeData &mime)
{
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    return drop.isAccepted();
}

// Opens (or creates) a project and waits until the window has it open (the open runs off the
// GUI thread); false when an error is shown instead.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy opened(&window, &MainWindow::projectOpened);
    QSignalSpy errors(&window, &MainWindow::errorShown);
    if (!window.openProject(path))
        return false;
    return QTest::qWaitFor([&] { return !opened.isEmpty() || !errors.isEmpty(); }, 20000) &&
           !opened.isEmpty();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("taglens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QVERIFY(tests::FakeClassifier::writeModel(tinyModel()));
        QVERIFY(m_dir.isValid());
        const QString photos = m_dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(photos + QStringLiteral("/sub")));
        writeImage(photos + QStringLiteral("/red.png"), Qt::red);
        writeImage(photos + QStringLiteral("/green.jpg"), Qt::green);
        writeImage(photos + QStringLiteral("/sub/blue.png"), Qt::blue);
        QFile text(photos + QStringLiteral("/notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not an image");
    }

    void dropHarvestsAndClassifies()
    {
        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        QStringList suggestions;
        window.setCollectionChooser([&](const QString &suggested, const QStringList &) {
            suggestions << suggested;
            return suggested;
        });
        QVERIFY(openAndWait(window, projectPath()));
        QCOMPARE(window.windowTitle(), QStringLiteral("project — TagLens"));
        window.show();

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("photos")))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        QSignalSpy inserted(window.projectModel(), &QAbstractItemModel::rowsInserted);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
        QCOMPARE(suggestions, QStringList{QStringLiteral("local")}); // files only: the local collection
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), false);

        ProjectModel *model = window.projectModel();
        QVERIFY(!inserted.isEmpty());   // rows are appended as items finish, not by a reset at the end
        QCOMPARE(model->rowCount(), 4); // three images and a text file, which is skipped
        int ok = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex i = model->index(row);
            QCOMPARE(i.data(ProjectModel::TagRole).toString(), QStringLiteral("local"));
            if (i.data(ProjectModel::StatusRole).toInt() == int(engine::MediaStatus::Ok)) {
                ++ok;
                QVERIFY(!i.data(ProjectModel::TopLabelRole).toString().isEmpty());
                QVERIFY(i.data(ProjectModel::UntrainedModelRole).toBool()); // the tiny model is untrained
            } else {
                QCOMPARE(i.data(ProjectModel::StatusRole).toInt(), int(engine::MediaStatus::Skipped));
            }
        }
        QCOMPARE(ok, 3);
        // The grid paints thumbnails, labels, score bars, badges and the untrained mark.
        QTRY_COMPARE(model->thumbnailsInFlight(), 0);
        QVERIFY(!window.grab().isNull());
        QCOMPARE(window.chart()->shownTags(), QStringList{QStringLiteral("local")});

        // Selecting an item fills the detail panel.
        window.grid()->setCurrentIndex(window.filterModel()->index(0, 0));
        QVERIFY(!window.detailPanel()->labelsText().isEmpty() ||
                model->index(0).data(ProjectModel::StatusRole).toInt() != int(engine::MediaStatus::Ok));

        // The chart's slider filters the grid too.
        window.chart()->scoreSlider()->setValue(100);
        QVERIFY(window.filterModel()->rowCount() < 4);
        window.chart()->scoreSlider()->setValue(0);
        QCOMPARE(window.filterModel()->rowCount(), 4);
    }

    void exportActionsWriteFiles()
    {
        MainWindow window;
        QVERIFY(openAndWait(window, projectPath()));
        window.show();
        QStringList asked;
        window.setSaveFileChooser([&](const QString &title, const QString &, const QString &suggested) {
            asked << title;
            return m_dir.filePath(QStringLiteral("out-") + QFileInfo(suggested).fileName());
        });
        QSignalSpy written(&window, &MainWindow::exportFinished);
        const auto actions = window.findChildren<QAction *>();
        int triggered = 0;
        for (QAction *action : actions) {
            if (action->objectName().startsWith(QLatin1String("export"))) {
                QVERIFY(action->isEnabled());
                action->trigger();
                ++triggered;
            }
        }
        QCOMPARE(triggered, 6);
        // Every file is written in the background, the chart images as drawn on screen.
        QTRY_COMPARE(written.size(), 6);
        for (const auto &args : std::as_const(written))
            QVERIFY(args.at(1).toBool());
        QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
        for (const char *name : {"out-project-images.csv", "out-project-summary.csv", "out-project.json",
                                 "out-project.gexf", "out-project-chart.png", "out-project-chart.svg"}) {
            const QFileInfo file(m_dir.filePath(QLatin1String(name)));
            QVERIFY2(file.exists() && file.size() > 0, name);
        }
        QFile images(m_dir.filePath(QStringLiteral("out-project-images.csv")));
        QVERIFY(images.open(QIODevice::ReadOnly));
        QCOMPARE(images.readAll().trimmed().split('\n').size(), 5); // header and four items
        QImage png(m_dir.filePath(QStringLiteral("out-project-chart.png")));
        QVERIFY(!png.isNull());
        QFile svg(m_dir.filePath(QStringLiteral("out-project-chart.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
    }

    // Issue 17 #6: a harvest with no project open asks where the new project goes (named after
    // the tag, in the projects folder) instead of filling a hidden scratch file; cancelled, nothing
    // is harvested or written.
    void aHarvestWithoutAProjectAsksWhere()
    {
        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        QStringList suggested;
        QString answer;
        window.setSaveFileChooser([&](const QString &, const QString &, const QString &path) {
            suggested << path;
            return answer;
        });
        const QString photos = m_dir.filePath(QStringLiteral("photos"));
        window.harvestLocal({photos}, QStringLiteral("summer 2026"));
        QTRY_COMPARE(suggested.size(), 1); // once planned, off the GUI thread
        QCOMPARE(QFileInfo(suggested.first()).fileName(), QStringLiteral("summer-2026.taglens"));
        QVERIFY(!QFileInfo::exists(suggested.first()));
        QVERIFY(window.projectPath().isEmpty());
        QTRY_VERIFY(!window.isBusy());

        answer = m_dir.filePath(QStringLiteral("asked/summer")); // the suffix is added
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("asked"))));
        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        window.harvestLocal({photos}, QStringLiteral("summer 2026"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(window.projectPath(), QFileInfo(answer + QStringLiteral(".taglens")).absoluteFilePath());
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
    }

    // Issue 17 #5: clicking a bar shows that tag's images with that motif; the chart goes on
    // comparing the tags it showed.
    void aBarClickFiltersTagAndLabel()
    {
        MainWindow window(loadModel);
        QVERIFY(openAndWait(window, projectPath()));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
        const QStringList tags = window.chart()->shownTags();
        QVERIFY(!window.chart()->categories().isEmpty());
        const QString label = window.chart()->categories().first();
        window.chart()->activateBar(tags.first(), 0);
        QCOMPARE(window.filterModel()->tag(), tags.first());
        QCOMPARE(window.filterModel()->label(), label);
        QCOMPARE(window.chart()->shownTags(), tags);
        auto *tagCombo = widgetNamed<QComboBox>(&window, QStringLiteral("Filter by tag"));
        QVERIFY(tagCombo);
        QCOMPARE(tagCombo->currentData().toString(), tags.first()); // the filter bar says so
        for (int row = 0; row < window.filterModel()->rowCount(); ++row)
            QCOMPARE(window.filterModel()->index(row, 0).data(ProjectModel::TopLabelRole).toString(), label);
    }

    // Issue 17 #4: an export of a filtered grid asks whether to write all images or the ones
    // shown, writes what was chosen and records it; the threshold on screen is the export's.
    void exportsOfAFilteredGridSayWhatTheyHold_data()
    {
        QTest::addColumn<int>("scope");
        QTest::newRow("the shown") << int(ProjectExports::Scope::Shown);
        QTest::newRow("all") << int(ProjectExports::Scope::All);
    }
    void exportsOfAFilteredGridSayWhatTheyHold()
    {
        QFETCH(int, scope);
        MainWindow window(loadModel);
        QVERIFY(openAndWait(window, projectPath()));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
        window.filterModel()->setStatus(int(engine::MediaStatus::Ok));
        window.chart()->scoreSlider()->setValue(0);
        const int shown = window.filterModel()->rowCount();
        QCOMPARE(shown, 3); // the text file was skipped
        QList<ProjectExports::View> asked;
        window.setExportScopeChooser([&](const ProjectExports::View &view) {
            asked << view;
            return std::optional(ProjectExports::Scope(scope));
        });
        const QString path = m_dir.filePath(QStringLiteral("scoped.json"));
        window.setSaveFileChooser([&](const QString &, const QString &, const QString &) { return path; });
        QSignalSpy written(&window, &MainWindow::exportFinished);
        auto *json = window.findChild<QAction *>(QStringLiteral("export%1").arg(int(ExportKind::Json)));
        QVERIFY(json);
        json->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().shownCount, shown);
        QCOMPARE(asked.first().total, 4);
        QCOMPARE(asked.first().shown.status, std::optional(engine::MediaStatus::Ok));
        QTRY_COMPARE(written.size(), 1);
        QVERIFY(written.first().at(1).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonValue recorded =
            root.value(QStringLiteral("options")).toObject().value(QStringLiteral("shown"));
        const int items = int(root.value(QStringLiteral("items")).toArray().size());
        if (scope == int(ProjectExports::Scope::Shown)) {
            QCOMPARE(items, shown);
            QCOMPARE(recorded.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        } else {
            QCOMPARE(items, 4);
            QVERIFY(recorded.isNull());
        }

        // An unfiltered grid exports everything without asking.
        window.filterModel()->setStatus(MediaFilterModel::AnyStatus);
        json->trigger();
        QCOMPARE(asked.size(), 1);
        QTRY_COMPARE(written.size(), 2);
    }

    void reopenShowsEverythingWithoutAModel()
    {
        MainWindow window; // no classifier at all
        QVERIFY(openAndWait(window, projectPath()));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4); // read in the background
        int labelled = 0;
        for (int row = 0; row < 4; ++row)
            labelled +=
                window.projectModel()->index(row).data(ProjectModel::TopLabelRole).toString().isEmpty() ? 0
                                                                                                        : 1;
        QCOMPARE(labelled, 3);
        QCOMPARE(window.chart()->statistics().tag(QStringLiteral("local")).ok, 3);
        // The status bar names the model whose labels are on screen (as the project recorded it).
        {
            auto store = engine::ProjectStore::open(projectPath(), engine::ProjectStore::OpenMode::ReadOnly);
            QVERIFY(store);
            const auto harvests = (*store)->harvests();
            QVERIFY(harvests && !harvests->isEmpty());
            auto *labels = widgetNamed<QLabel>(&window, QStringLiteral("Labels shown"));
            QVERIFY(labels);
            QVERIFY2(labels->text().contains(harvests->last().modelName), qPrintable(labels->text()));
        }

        // Save As continues in the copy, which holds the same.
        const QString copy = m_dir.filePath(QStringLiteral("copy.taglens"));
        QSignalSpy opened(&window, &MainWindow::projectOpened);
        QVERIFY(window.saveProjectAs(copy));
        QVERIFY(window.isOpening()); // copied off the GUI thread
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(QFileInfo(window.projectPath()), QFileInfo(copy));
        QCOMPARE(window.windowTitle(), QStringLiteral("copy — TagLens"));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
    }

    // Issue 17 #3: a project opened after another shows all of its own images, whatever the
    // previous one was filtered, sorted or showed in the detail panel.
    void anotherProjectStartsFromACleanView()
    {
        MainWindow window(loadModel);
        QVERIFY(openAndWait(window, projectPath()));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
        MediaFilterModel *filter = window.filterModel();
        const QString label = window.projectModel()->index(0).data(ProjectModel::TopLabelRole).toString();
        auto *status = widgetNamed<QComboBox>(&window, QStringLiteral("Filter by status"));
        auto *sort = widgetNamed<QComboBox>(&window, QStringLiteral("Sort order"));
        QVERIFY(status && sort);
        status->setCurrentIndex(status->findData(int(engine::MediaStatus::Ok)));
        sort->setCurrentIndex(sort->findData(int(MediaFilterModel::SortKey::Score)));
        window.chart()->scoreSlider()->setValue(58);
        window.grid()->setCurrentIndex(filter->index(0, 0));
        if (!label.isEmpty())
            filter->setLabel(label);
        QVERIFY(filter->status() != MediaFilterModel::AnyStatus);
        QVERIFY(filter->minimumScore() > 0.5);

        const QString other = m_dir.filePath(QStringLiteral("clean-view.taglens"));
        QVERIFY(openAndWait(window, other));
        QCOMPARE(window.projectPath(), QFileInfo(other).absoluteFilePath());
        QCOMPARE(filter->status(), MediaFilterModel::AnyStatus);
        // The sort order is a way of looking, not a filter: it stays (and never hides an image).
        QCOMPARE(filter->sortKey(), MediaFilterModel::SortKey::Score);
        QCOMPARE(filter->label(), QString());
        QCOMPARE(filter->tag(), QString());
        QCOMPARE(filter->minimumScore(), 0.0);
        QCOMPARE(window.chart()->scoreSlider()->value(), 0);
        QCOMPARE(status->currentData().toInt(), MediaFilterModel::AnyStatus);
        QCOMPARE(window.detailPanel()->labelsText(), QString()); // nothing of the other project
        QTRY_COMPARE(window.projectModel()->rowCount(), 0);
        QCOMPARE(filter->rowCount(), 0);

        // And back: the first project's images, all of them.
        QVERIFY(openAndWait(window, projectPath()));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
        QCOMPARE(filter->rowCount(), 4);
    }

    // Issue 17 #1: a project with the labels of two models shows those of the model with the most
    // images, View ▸ Labels From chooses the other (kept in the project), and a harvest with
    // another model leaves the choice as it is.
    void labelsOfAnotherModelAreChosenFromTheViewMenu()
    {
        const QString path = m_dir.filePath(QStringLiteral("two-models.taglens"));
        QFile::remove(path);
        QVERIFY(QFile::copy(projectPath(), path));
        const QString other(64, QLatin1Char('b'));
        QString shownFirst;
        {
            auto store = engine::ProjectStore::open(path);
            QVERIFY(store);
            const auto harvests = (*store)->harvests();
            QVERIFY(harvests && !harvests->isEmpty());
            shownFirst = harvests->last().modelSha256;
            engine::HarvestRecord record = harvests->last();
            record.modelName = QStringLiteral("other.pt");
            record.modelSha256 = other;
            QVERIFY((*store)->beginHarvest(record));
            const auto rows = (*store)->mediaRows(engine::MediaRowFilter{QString(), shownFirst, 1});
            QVERIFY(rows);
            const auto ok = std::find_if(rows->cbegin(), rows->cend(),
                                         [](const engine::MediaRow &row) { return !row.sha256.isEmpty(); });
            QVERIFY(ok != rows->cend());
            engine::Classification labels;
            labels.labels = {{7, QStringLiteral("cock"), 0.9f}};
            QVERIFY((*store)->addClassification(ok->sha256, other, labels));
        }
        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        window.setCollectionChooser([](const QString &suggested, const QStringList &) { return suggested; });
        QVERIFY(openAndWait(window, path));
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
        QCOMPARE(window.projectModel()->modelSha256(), shownFirst); // three images against one

        auto *menu = window.findChild<QMenu *>(QStringLiteral("labelsFrom"));
        QVERIFY(menu);
        QAction *choice = nullptr;
        int choices = 0;
        for (QAction *action : menu->actions()) {
            if (!action->isCheckable())
                continue;
            ++choices;
            QCOMPARE(action->isChecked(), action->data().toString() == shownFirst);
            if (action->data().toString() == other)
                choice = action;
        }
        QCOMPARE(choices, 2);
        QVERIFY(choice);
        choice->trigger();
        QTRY_COMPARE(window.projectModel()->modelSha256(), other);
        QTRY_COMPARE(window.projectModel()->rowCount(), 4);
        int labelled = 0;
        for (int row = 0; row < 4; ++row) {
            const QModelIndex index = window.projectModel()->index(row);
            if (!index.data(ProjectModel::TopLabelRole).toString().isEmpty()) {
                ++labelled;
                QCOMPARE(index.data(ProjectModel::TopLabelRole).toString(), QStringLiteral("cock"));
            }
        }
        QCOMPARE(labelled, 1);
        auto *status = widgetNamed<QLabel>(&window, QStringLiteral("Labels shown"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("other.pt")), qPrintable(status->text()));
        {
            auto store = engine::ProjectStore::open(path, engine::ProjectStore::OpenMode::ReadOnly);
            QVERIFY(store);
            QCOMPARE(engine::ModelLabels::choice(**store).value(), other); // for the exports and the CLI
        }

        // A harvest with the tiny model: the window keeps showing the chosen labels.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("photos/red.png")))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(window.projectModel()->modelSha256(), other);
        QTest::qWait(200); // the refresh after the harvest changes nothing either
        QCOMPARE(window.projectModel()->modelSha256(), other);
    }

    // Issue 17 #12: Help ▸ Set Up Model names the model in use instead of saying none is installed.
    void modelSetupNamesTheModelInUse()
    {
        MainWindow window(loadModel);
        window.showModelSetup();
        auto *first = window.findChild<ui::ModelSetupDialog *>();
        QVERIFY(first);
        QCOMPARE(first->currentModel(), QString());
        QVERIFY(widgetNamed<QPushButton>(first, QStringLiteral("Continue without classification")));
        first->close();
        delete first;

        window.setModelPath(tinyModel());
        window.showModelSetup();
        auto *dialog = window.findChild<ui::ModelSetupDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->currentModel(), tinyModel());
        auto *keep = widgetNamed<QPushButton>(dialog, QStringLiteral("Keep the current model"));
        QVERIFY(keep);
        QVERIFY(!widgetNamed<QPushButton>(dialog, QStringLiteral("Continue without classification")));
        QTest::mouseClick(keep, Qt::LeftButton);
        QCOMPARE(window.modelPath(), tinyModel()); // kept
    }

    // Issue 17 #13: closing while a harvest runs asks first; stopping keeps what is done.
    void closingWhileHarvestingAsks()
    {
        std::atomic<bool> release{false};
        MainWindow window([&](const QString &path) {
            while (!release)
                QThread::msleep(5); // the model takes its time to load: the harvest is under way
            return loadModel(path);
        });
        window.setModelPath(tinyModel());
        QVERIFY(openAndWait(window, m_dir.filePath(QStringLiteral("closing.taglens"))));
        window.show();
        window.harvestLocal({m_dir.filePath(QStringLiteral("photos"))}, QStringLiteral("local"));
        QVERIFY(window.isBusy());
        QVERIFY(!window.close()); // refused for now: the user is asked
        QVERIFY(window.isVisible());
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("quitWhileHarvesting"))) !=
                    nullptr);
        window.close(); // again while asked: still one question
        QCOMPARE(window.findChildren<QMessageBox *>(QStringLiteral("quitWhileHarvesting")).size(), 1);
        auto *quit = widgetNamed<QPushButton>(box, QStringLiteral("Stop the harvest and quit"));
        QVERIFY(quit);
        release = true;
        QTest::mouseClick(quit, Qt::LeftButton);
        QTRY_VERIFY(!window.isVisible());
        QTRY_VERIFY(!window.isBusy());
    }

    void closingWhenIdleDoesNotAsk()
    {
        MainWindow window(loadModel);
        window.show();
        QVERIFY(window.close());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("quitWhileHarvesting")));
    }

    // Issue 17 #13: the window's size and splitters come back in the next run.
    void layoutIsRememberedAcrossRuns()
    {
        QSettings().remove(QStringLiteral("mainWindow"));
        QList<int> sizes;
        {
            MainWindow window;
            window.restoreLayout();
            window.show();
            window.resize(1100, 760);
            auto splitters = window.findChildren<QSplitter *>();
            QVERIFY(!splitters.isEmpty());
            QSplitter *outer = splitters.first();
            QCOMPARE(outer->orientation(), Qt::Horizontal);
            const int total = outer->sizes().at(0) + outer->sizes().at(1);
            outer->setSizes({total - 420, 420});
            sizes = outer->sizes();
            auto *sort = widgetNamed<QComboBox>(&window, QStringLiteral("Sort order"));
            QVERIFY(sort);
            sort->setCurrentIndex(sort->findData(int(MediaFilterModel::SortKey::Date)));
            QVERIFY(window.close());
        }
        MainWindow again;
        QCOMPARE(again.filterModel()->sortKey(), MediaFilterModel::SortKey::Project); // before restoring
        again.restoreLayout();
        again.show();
        QCOMPARE(again.size(), QSize(1100, 760));
        QCOMPARE(again.findChildren<QSplitter *>().first()->sizes(), sizes);
        QCOMPARE(again.filterModel()->sortKey(), MediaFilterModel::SortKey::Date);
        // A value the settings file should not hold leaves the order alone.
        QSettings().setValue(QStringLiteral("mainWindow/sort"), QStringLiteral("by colour"));
        MainWindow odd;
        odd.restoreLayout();
        QCOMPARE(odd.filterModel()->sortKey(), MediaFilterModel::SortKey::Project);
        // A window that does not remember starts from its own layout.
        MainWindow fresh;
        QCOMPARE(fresh.size(), QSize(1280, 860));
    }

    void theLastProjectIsReopened()
    {
        const QString gone = m_dir.filePath(QStringLiteral("gone.taglens"));
        {
            MainWindow window; // the previous run (its recent list is written when it goes)
            QVERIFY(openAndWait(window, projectPath()));
        }
        {
            MainWindow next; // the next run, with nothing named on the command line
            QSignalSpy opened(&next, &MainWindow::projectOpened);
            QVERIFY(next.reopenLastProject());
            QTRY_COMPARE(opened.count(), 1);
            QCOMPARE(next.projectPath(), QFileInfo(projectPath()).absoluteFilePath());
            QVERIFY(openAndWait(next, gone));
        }
        // Gone since: dropped quietly, the window starts empty.
        QVERIFY(QFile::remove(gone));
        {
            MainWindow after;
            QSignalSpy errors(&after, &MainWindow::errorShown);
            QVERIFY(after.reopenLastProject());
            QTRY_VERIFY(!after.isOpening());
            QCOMPARE(errors.count(), 0);
            QCOMPARE(after.projectPath(), QString());
        }
        MainWindow later;
        QSignalSpy openedLater(&later, &MainWindow::projectOpened);
        QVERIFY(later.reopenLastProject()); // the gone one was dropped: the one before it
        QTRY_COMPARE(openedLater.count(), 1);
        QCOMPARE(later.projectPath(), QFileInfo(projectPath()).absoluteFilePath());
    }

    // Issue 17 #10: File ▸ Add Images… and Add Folder… do what a drop does, without dragging.
    void addFromTheFileMenu_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("rows");
        QTest::newRow("Add Folder…") << int(MainWindow::AddKind::Folder) << 4;
        QTest::newRow("Add Images…") << int(MainWindow::AddKind::Images) << 2;
    }
    void addFromTheFileMenu()
    {
        QFETCH(int, kind);
        QFETCH(int, rows);
        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        QVERIFY(openAndWait(window, m_dir.filePath(QStringLiteral("added%1.taglens").arg(kind))));
        const QString photos = m_dir.filePath(QStringLiteral("photos"));
        QList<MainWindow::AddKind> asked;
        window.setAddChooser([&](MainWindow::AddKind what) {
            asked << what;
            return what == MainWindow::AddKind::Folder
                       ? QStringList{photos}
                       : QStringList{photos + QStringLiteral("/red.png"),
                                     photos + QStringLiteral("/sub/blue.png")};
        });
        window.setCollectionChooser(
            [](const QString &, const QStringList &) { return QStringLiteral("menu"); });
        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        auto *action = window.findChild<QAction *>(kind == int(MainWindow::AddKind::Folder)
                                                       ? QStringLiteral("addFolder")
                                                       : QStringLiteral("addImages"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(asked, QList<MainWindow::AddKind>{MainWindow::AddKind(kind)});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QTRY_COMPARE(window.projectModel()->rowCount(), rows);
        for (int row = 0; row < rows; ++row)
            QCOMPARE(window.projectModel()->index(row).data(ProjectModel::TagRole).toString(),
                     QStringLiteral("menu"));
    }

    void addressesThatAreNoneAreRefused()
    {
        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        window.setAddChooser(
            [](MainWindow::AddKind) { return QStringList{QStringLiteral("not an address")}; });
        QSignalSpy errors(&window, &MainWindow::errorShown);
        auto *action = window.findChild<QAction *>(QStringLiteral("addAddresses"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(errors.count(), 1);
        QVERIFY(!window.isBusy());
    }

    void openingReadsRowsInTheBackground_data()
    {
        QTest::addColumn<int>("images");
        QTest::newRow("empty") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("300") << 300;
    }

    void openingReadsRowsInTheBackground()
    {
        QFETCH(int, images);
        const QString path = m_dir.filePath(QStringLiteral("background-%1.taglens").arg(images));
        {
            auto store = engine::ProjectStore::open(path);
            QVERIFY(store);
            tests::ProjectFixture fixture(store->get());
            for (int i = 0; i < images; ++i)
                fixture.add(i % 2 ? QStringLiteral("cats") : QStringLiteral("dogs"), engine::MediaStatus::Ok,
                            QStringLiteral("label %1").arg(i % 7), i % 7, 0.5f);
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ProjectModel *model = window.projectModel();
        QSignalSpy loaded(model, &ProjectModel::rowsLoaded);
        QSignalSpy loading(model, &ProjectModel::loadingChanged);
        QVERIFY(openAndWait(window, path));
        // The project is open before its rows are read: the window says it is reading them.
        QVERIFY(model->isLoading());
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(loading.count(), 1);
        QCOMPARE(loading.first().first().toBool(), true);
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.last().first().toBool(), false);
        QVERIFY(!model->isLoading());
        QCOMPARE(model->rowCount(), images);
        QCOMPARE(window.filterModel()->rowCount(), images);
        QCOMPARE(window.grid()->currentIndex().isValid(), images > 0); // the first item, in detail
        if (images > 0) {
            QCOMPARE(window.grid()->currentIndex().row(), 0);
            int ok = 0;
            for (const QString &tag : window.chart()->shownTags())
                ok += window.chart()->statistics().tag(tag).ok;
            QCOMPARE(ok, images);
        }
        QVERIFY(window.lastError().isEmpty());
    }

    // Issue 17 #1: a project labelled by another model gets the current model's labels for
    // every image (View ▸ Classify the Rest), and then shows that model.
    void classifyTheRestShowsOneModelForEverything()
    {
        const QString path = m_dir.filePath(QStringLiteral("other-model.taglens"));
        {
            auto store = engine::ProjectStore::open(path);
            QVERIFY(store);
            tests::ProjectFixture fixture(store->get());
            for (int i = 0; i < 5; ++i)
                fixture.add(QStringLiteral("cats"), engine::MediaStatus::Ok, QStringLiteral("tabby"), 281,
                            0.5f);
            fixture.add(QStringLiteral("cats"), engine::MediaStatus::Failed);
        }
        QFile modelFile(tinyModel());
        QVERIFY(modelFile.open(QIODevice::ReadOnly));
        const QString fakeSha = QString::fromLatin1(
            QCryptographicHash::hash(modelFile.readAll(), QCryptographicHash::Sha256).toHex());

        MainWindow window(loadModel);
        QVERIFY(!window.classifyRest()); // no project yet
        QVERIFY(openAndWait(window, path));
        QTRY_COMPARE(window.projectModel()->rowCount(), 6);
        QCOMPARE(window.projectModel()->modelSha256(), QLatin1String(tests::ProjectFixture::ModelSha));
        window.setModelPath(QString());
        QVERIFY(!window.classifyRest()); // no model to classify with
        window.setModelPath(tinyModel());
        QAction *action = window.findChild<QAction *>(QStringLiteral("classifyRest"));
        QVERIFY(action && action->isEnabled());

        action->trigger();
        QVERIFY(window.isClassifyingRest());
        QVERIFY(window.isBusy()); // Start waits meanwhile
        QVERIFY(!action->isEnabled());
        QVERIFY(!window.classifyRest()); // one at a time, said so
        QVERIFY(!window.lastError().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isClassifyingRest(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.projectModel()->modelSha256(), fakeSha, 20000);
        QTRY_VERIFY(!window.projectModel()->isLoading());
        // Every ok image now has the fake colour model's labels on screen; the failed one none.
        const QStringList colours{QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue"),
                                  QStringLiteral("grey")};
        int labelled = 0;
        for (int row = 0; row < window.projectModel()->rowCount(); ++row) {
            const QString label =
                window.projectModel()->index(row).data(ProjectModel::TopLabelRole).toString();
            if (label.isEmpty())
                continue;
            QVERIFY2(colours.contains(label), qPrintable(label));
            ++labelled;
        }
        QCOMPARE(labelled, 5);
        QVERIFY(action->isEnabled());
        {
            // Both models' labels are in the project; the choice is recorded in it.
            auto store = engine::ProjectStore::open(path, engine::ProjectStore::OpenMode::ReadOnly);
            QCOMPARE(*engine::ModelLabels::choice(**store), fakeSha);
            const auto models = engine::ModelLabels::of(**store);
            QCOMPARE(models->size(), 2);
            QCOMPARE(*(*store)->imagesWithoutClassification(QLatin1String(tests::ProjectFixture::ModelSha)),
                     QStringList());
        }
        // Nothing is left to do the second time.
        QVERIFY(window.classifyRest());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isClassifyingRest(), 20000);
        QCOMPARE(window.projectModel()->modelSha256(), fakeSha);
        QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError())); // the start cleared it
    }

    // Issue 17 #13: on a small screen the grid still shows rows of thumbnails, and the detail
    // panel is never wider than the grid.
    void smallScreenLeavesTheGridRoom_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    void smallScreenLeavesTheGridRoom()
    {
        QFETCH(QSize, size);
        const QString path = m_dir.filePath(QStringLiteral("small-screen.taglens"));
        if (!QFile::exists(path)) {
            auto store = engine::ProjectStore::open(path);
            QVERIFY(store);
            tests::ProjectFixture fixture(store->get());
            for (int i = 0; i < 24; ++i)
                fixture.add(i % 2 ? QStringLiteral("cats") : QStringLiteral("dogs"), engine::MediaStatus::Ok,
                            QStringLiteral("tabby"), 281, 0.5f);
        }
        MainWindow window;
        QVERIFY(window.minimumSizeHint().width() <= 1024);
        QVERIFY(window.minimumSizeHint().height() <= 700);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, path));
        QTRY_COMPARE(window.projectModel()->rowCount(), 24);
        QListView *grid = window.grid();
        QTRY_VERIFY(grid->visualRect(window.filterModel()->index(0, 0)).isValid());
        const QRect item = grid->visualRect(window.filterModel()->index(0, 0));
        const int columns = grid->viewport()->width() / (item.width() + grid->spacing());
        const int rows = grid->viewport()->height() / (item.height() + grid->spacing());
        QVERIFY2(columns >= 3, qPrintable(QString::number(columns)));
        QVERIFY2(rows >= 2, qPrintable(QStringLiteral("%1 rows of %2 px in %3 px")
                                           .arg(rows)
                                           .arg(item.height())
                                           .arg(grid->viewport()->height())));
        // The detail panel's column (its scroll area) is not wider than the grid's.
        QWidget *detailColumn = window.detailPanel()->parentWidget()->parentWidget();
        QVERIFY(detailColumn->width() <= grid->width());
        // The chart still labels a few motifs.
        QVERIFY(window.chart()->height() >= 150);
    }

    void pageDownMovesByTheVisibleRows()
    {
        const QString path = m_dir.filePath(QStringLiteral("paging.taglens"));
        {
            auto store = engine::ProjectStore::open(path);
            QVERIFY(store);
            tests::ProjectFixture fixture(store->get());
            for (int i = 0; i < 120; ++i)
                fixture.add(QStringLiteral("cats"), engine::MediaStatus::Ok, QStringLiteral("tabby"), 281,
                            0.5f);
        }
        MainWindow window; // at its default size the grid shows one or two rows of items
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, path));
        QTRY_COMPARE(window.projectModel()->rowCount(), 120);
        QListView *grid = window.grid();
        QTRY_COMPARE(grid->currentIndex().row(), 0);
        QTRY_VERIFY(grid->visualRect(window.filterModel()->index(119, 0)).isValid()); // laid out
        grid->setFocus();
        const QRect item = grid->visualRect(grid->currentIndex());
        QVERIFY(item.isValid());
        int columns = 0;
        for (int row = 0;
             row < 120 && grid->visualRect(window.filterModel()->index(row, 0)).top() == item.top(); ++row)
            ++columns;
        QVERIFY(columns > 0);
        const int rows = qMax(1, grid->viewport()->height() / (item.height() + grid->spacing()));
        QTest::keyClick(grid, Qt::Key_PageDown);
        QCOMPARE(grid->currentIndex().row(), rows * columns);
        QTest::keyClick(grid, Qt::Key_PageDown);
        QCOMPARE(grid->currentIndex().row(), 2 * rows * columns);
        QTest::keyClick(grid, Qt::Key_PageUp);
        QCOMPARE(grid->currentIndex().row(), rows * columns);
        QTest::keyClick(grid, Qt::Key_End);
        QCOMPARE(grid->currentIndex().row(), 119);
        QTest::keyClick(grid, Qt::Key_PageDown); // at the end: stays
        QCOMPARE(grid->currentIndex().row(), 119);
    }

    void harvestWithoutModelExplains()
    {
        MainWindow window;
        QVERIFY(openAndWait(window, m_dir.filePath(QStringLiteral("empty.taglens"))));
        QSignalSpy errors(&window, &MainWindow::errorShown);
        window.harvestLocal({m_dir.filePath(QStringLiteral("photos"))});
        QTRY_COMPARE(errors.count(), 1); // planned off the GUI thread first
        QVERIFY(window.lastError().contains(QStringLiteral("model")));
        QVERIFY(!window.isHarvesting());
    }

    void unreadableProjectIsReported()
    {
        const QString bogus = m_dir.filePath(QStringLiteral("bogus.taglens"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        MainWindow window;
        QSignalSpy errors(&window, &MainWindow::errorShown);
        QVERIFY(!openAndWait(window, bogus));
        QCOMPARE(errors.count(), 1);
        QVERIFY(window.lastError().contains(QStringLiteral("bogus.taglens")));
        QVERIFY(window.projectPath().isEmpty()); // nothing is open, nothing was written
        QFile again(bogus);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), QByteArray(4096, 'x'));
    }

    void dropOfAddressesHarvestsAndClassifies()
    {
        taglens::tests::TestHttpServer server;
        QVERIFY(server.isListening());
        server.serve(QStringLiteral("/media/red.png"), encodedImage(Qt::red, "PNG"), "image/png");
        server.serve(QStringLiteral("/media/green.jpg"), encodedImage(Qt::green, "JPEG"), "image/jpeg");
        server.serve(QStringLiteral("/media/blue"), encodedImage(Qt::blue, "PNG"), "image/png");
        server.serveStatus(QStringLiteral("/media/gone.png"), 404);
        server.serve(QStringLiteral("/media/page.html"), "<html>not an image</html>", "text/html");

        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        QStringList suggestions;
        window.setCollectionChooser([&](const QString &suggested, const QStringList &) {
            suggestions << suggested;
            return suggested;
        });
        QVERIFY(openAndWait(window, m_dir.filePath(QStringLiteral("addresses.taglens"))));
        window.show();

        QMimeData mime;
        mime.setUrls(
            {server.url(QStringLiteral("/media/red.png")), server.url(QStringLiteral("/media/green.jpg")),
             server.url(QStringLiteral("/media/blue?size=large")),
             server.url(QStringLiteral("/media/gone.png")), server.url(QStringLiteral("/media/page.html")),
             QUrl(QStringLiteral("ftp://127.0.0.1/x.png")),      // not http(s): not part of the drop
             QUrl(QStringLiteral("http://example.org/a.jpg"))}); // plain http elsewhere: refused
        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        QVERIFY(dropOn(window, mime));
        QCOMPARE(suggestions, QStringList{QStringLiteral("dropped")});
        QTRY_VERIFY(window.lastError().contains(QStringLiteral("example.org"))); // said, and the rest goes on
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), false);

        QCOMPARE(window.lastHarvestRequest().source, engine::SourceKind::Urls);
        ProjectModel *model = window.projectModel();
        QCOMPARE(model->rowCount(), 5);
        int ok = 0;
        int failed = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex i = model->index(row);
            QCOMPARE(i.data(ProjectModel::TagRole).toString(), QStringLiteral("dropped"));
            const auto status = engine::MediaStatus(i.data(ProjectModel::StatusRole).toInt());
            if (status == engine::MediaStatus::Ok) {
                ++ok;
                QVERIFY(!i.data(ProjectModel::TopLabelRole).toString().isEmpty());
            } else {
                QCOMPARE(status, engine::MediaStatus::Failed);
                ++failed;
            }
        }
        QCOMPARE(ok, 3);
        QCOMPARE(failed, 2); // the 404 and the page that is not an image
        QCOMPARE(window.chart()->statistics().tag(QStringLiteral("dropped")).ok, 3);
        // Each address was fetched once, through the pipeline's client.
        QCOMPARE(server.requests(QStringLiteral("/media/red.png")).size(), 1);
        QVERIFY(server.requests(QStringLiteral("/media/red.png"))
                    .first()
                    .header("User-Agent")
                    .startsWith("TagLens/"));
    }

    void mixedDropJoinsOneCollection()
    {
        taglens::tests::TestHttpServer server;
        server.serve(QStringLiteral("/cat.png"), encodedImage(Qt::yellow, "PNG"), "image/png");

        MainWindow window(loadModel);
        window.setModelPath(tinyModel());
        QStringList existingSeen;
        window.setCollectionChooser([&](const QString &suggested, const QStringList &existing) {
            existingSeen = existing;
            return suggested == QLatin1String("dropped") ? QStringLiteral("mixed") : QString();
        });
        QVERIFY(openAndWait(window, m_dir.filePath(QStringLiteral("mixed.taglens"))));
        window.show();

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("photos/red.png"))),
                      server.url(QStringLiteral("/cat.png"))});
        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        QVERIFY(dropOn(window, mime));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 60000); // the files
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);  // then the addresses
        ProjectModel *model = window.projectModel();
        QCOMPARE(model->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(model->index(row).data(ProjectModel::TagRole).toString(), QStringLiteral("mixed"));
            QCOMPARE(model->index(row).data(ProjectModel::StatusRole).toInt(), int(engine::MediaStatus::Ok));
        }

        // A second drop offers the collections there are (read again off the GUI thread, as the
        // tag filter shows them); cancelling the question does nothing.
        QComboBox *tagFilter = nullptr;
        for (QComboBox *combo : window.findChildren<QComboBox *>()) {
            if (combo->accessibleName() == QLatin1String("Filter by tag"))
                tagFilter = combo;
        }
        QVERIFY(tagFilter);
        QTRY_VERIFY(tagFilter->findData(QStringLiteral("mixed")) > 0);
        QMimeData again;
        again.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("photos/green.jpg")))});
        QVERIFY(dropOn(window, again));
        QCOMPARE(existingSeen, QStringList{QStringLiteral("mixed")});
        QVERIFY(!window.isHarvesting());
        QCOMPARE(finished.count(), 2);
    }

    void dropsOfTextAndOtherThings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("uri-list lines") << "# comment\r\nhttps://a.example/1.jpg\r\n" << true;
        QTest::newRow("addresses in prose")
            << "see https://a.example/1.jpg and https://b.example/2.png" << true;
        QTest::newRow("no address") << "just words" << false;
        QTest::newRow("other schemes") << "ftp://a.example/1.jpg javascript:alert(1)" << false;
        QTest::newRow("empty") << "" << false;
    }

    void dropsOfTextAndOtherThings()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        MainWindow window;
        int asked = 0;
        window.setCollectionChooser([&](const QString &suggested, const QStringList &) {
            ++asked;
            [&] { QCOMPARE(suggested, QStringLiteral("dropped")); }();
            return QString(); // cancelled
        });
        QMimeData mime;
        mime.setText(text);
        QCOMPARE(dropOn(window, mime), accepted);
        QCOMPARE(asked, accepted ? 1 : 0);
        QVERIFY(!window.isHarvesting());
    }

    void chipsDriveTheSearchBar()
    {
        MainWindow window;
        window.show();
        HashtagChipsEdit *chips = window.tagsEdit();
        QVERIFY(chips);
        QCOMPARE(chips->accessibleName(), QStringLiteral("Hashtags"));
        chips->editor()->setText(QStringLiteral("a/b"));
        QSignalSpy errors(&window, &MainWindow::errorShown);
        const auto actions = window.findChildren<QAction *>();
        for (QAction *a : actions) {
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Return))
                a->trigger(); // Harvest ▸ Start with a refused tag typed
        }
        QCOMPARE(errors.count(), 1);
        QVERIFY(window.lastError().contains(QStringLiteral("a/b")));
        QVERIFY(!window.isHarvesting());
    }

    void everyControlIsNamed()
    {
        MainWindow window;
        window.show();
        QStringList unnamed;
        const auto widgets = window.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w) ||
                                 qobject_cast<QAbstractSlider *>(w) || qobject_cast<QAbstractItemView *>(w);
            if (!control || !w->isVisibleTo(&window) || qobject_cast<QScrollBar *>(w) ||
                qobject_cast<QAbstractSpinBox *>(w->parentWidget())) // a spin box's own line edit
                continue;
            // A button's text names it; everything else needs an accessible name.
            const auto *button = qobject_cast<QAbstractButton *>(w);
            if (w->accessibleName().isEmpty() &&
                !(button && !button->text().remove(QLatin1Char('&')).isEmpty()))
                unnamed << QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                       w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

        // Every menu action that does something often has a shortcut, shown in the menu.
        for (QAction *a : window.findChildren<QAction *>()) {
            if (a->text().contains(QStringLiteral("Preferences")) || a->text() == QStringLiteral("&Start") ||
                a->text().contains(QStringLiteral("Open Project")) ||
                a->text().contains(QStringLiteral("Quit")))
                QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->text()));
        }
    }

private:
    QString tinyModel() const { return m_dir.filePath(QStringLiteral("fake.model")); }
    QString projectPath() const { return m_dir.filePath(QStringLiteral("project.taglens")); }
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
