// SPDX-License-Identifier: GPL-3.0-or-later
// The main window end to end: files dropped on it are harvested and classified with the tiny test
// model, exports write their files, and a reopened project shows everything without a model.
#include "engine/inference/torch/torchclassifier.h"
#include "engine/sources/mediastatus.h"
#include "support/testpaths.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/detailpanel.h"
#include "ui/mainwindow.h"
#include "ui/mediafiltermodel.h"
#include "ui/projectmodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using ui::MainWindow;
using ui::ProjectModel;

namespace {

engine::Expected<std::unique_ptr<engine::ImageClassifier>> loadTorch(const QString &path)
{
    auto loaded = torchbackend::TorchClassifier::load(path, torchbackend::TorchClassifier::Options{1});
    if (!loaded)
        return loaded.error();
    return std::unique_ptr<engine::ImageClassifier>(std::move(*loaded));
}

QString tinyModel()
{
    return tests::testModelDir() + QStringLiteral("/hostile/tiny_sidecar.pt");
}

void writeImage(const QString &path, const QColor &colour)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    QVERIFY(image.save(path));
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
        if (!QFileInfo::exists(tinyModel()))
            QSKIP("the hostile_models fixture has not run");
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
        MainWindow window(loadTorch);
        window.setModelPath(tinyModel());
        QVERIFY(window.openProject(projectPath()));
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
        QVERIFY(finished.wait(60000));
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
        QVERIFY(window.openProject(projectPath()));
        window.show();
        QStringList asked;
        window.setSaveFileChooser([&](const QString &title, const QString &, const QString &suggested) {
            asked << title;
            return m_dir.filePath(QStringLiteral("out-") + QFileInfo(suggested).fileName());
        });
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

    void reopenShowsEverythingWithoutAModel()
    {
        MainWindow window; // no classifier at all
        QVERIFY(window.openProject(projectPath()));
        QCOMPARE(window.projectModel()->rowCount(), 4);
        int labelled = 0;
        for (int row = 0; row < 4; ++row)
            labelled +=
                window.projectModel()->index(row).data(ProjectModel::TopLabelRole).toString().isEmpty() ? 0
                                                                                                        : 1;
        QCOMPARE(labelled, 3);
        QCOMPARE(window.chart()->statistics().tag(QStringLiteral("local")).ok, 3);

        // Save As continues in the copy, which holds the same.
        const QString copy = m_dir.filePath(QStringLiteral("copy.taglens"));
        QVERIFY(window.saveProjectAs(copy));
        QCOMPARE(QFileInfo(window.projectPath()), QFileInfo(copy));
        QCOMPARE(window.windowTitle(), QStringLiteral("copy — TagLens"));
        QCOMPARE(window.projectModel()->rowCount(), 4);
    }

    void harvestWithoutModelExplains()
    {
        MainWindow window;
        QVERIFY(window.openProject(m_dir.filePath(QStringLiteral("empty.taglens"))));
        QSignalSpy errors(&window, &MainWindow::errorShown);
        window.harvestLocal({m_dir.filePath(QStringLiteral("photos"))});
        QCOMPARE(errors.count(), 1);
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
        QVERIFY(!window.openProject(bogus));
        QVERIFY(window.lastError().contains(QStringLiteral("bogus.taglens")));
    }

private:
    QString projectPath() const { return m_dir.filePath(QStringLiteral("project.taglens")); }
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
