// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences: values round-trip through QSettings (broken ones fall back to defaults), the dialog
// shows and returns them, and the next harvest carries them — in its request and in the project.
#include "support/fakeclassifier.h"
#include "engine/store/projectstore.h"
#include "support/testpaths.h"
#include "ui/appsettings.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using taglens::ui::AppSettings;
using taglens::ui::MainWindow;
using taglens::ui::SettingsDialog;

namespace {

AppSettings custom()
{
    AppSettings s;
    s.modelThreads = 1;
    s.batchSize = 3;
    s.topK = 7;
    s.downloadsPerHost = 2;
    s.thumbnailSize = 192;
    s.projectFolder = QStringLiteral("/srv/projects");
    return s;
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("taglens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    void roundTrip()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
        settings.clear();
        QCOMPARE(AppSettings::load(settings), AppSettings()); // nothing stored: the defaults
        custom().save(settings);
        settings.sync();
        QSettings again(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
        QCOMPARE(AppSettings::load(again), custom());
        // Nothing secret or unexpected is written.
        QCOMPARE(again.allKeys().size(), 6);
        for (const QString &key : again.allKeys())
            QVERIFY2(!key.contains(QStringLiteral("token"), Qt::CaseInsensitive), qPrintable(key));
    }

    void brokenValuesFallBack_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("stored");
        QTest::addColumn<int>("expected");
        QTest::newRow("threads negative") << "harvest/modelThreads" << QVariant(-4) << 0;
        QTest::newRow("threads huge")
            << "harvest/modelThreads" << QVariant(100000) << AppSettings::MaxModelThreads;
        QTest::newRow("batch zero") << "harvest/batchSize" << QVariant(0) << 1;
        QTest::newRow("batch not a number") << "harvest/batchSize" << QVariant(QStringLiteral("lots")) << 8;
        QTest::newRow("top-k huge") << "harvest/topK" << QVariant(1000) << AppSettings::MaxTopK;
        QTest::newRow("downloads above Qt's pool") << "harvest/downloadsPerHost" << QVariant(50) << 6;
        QTest::newRow("downloads zero") << "harvest/downloadsPerHost" << QVariant(0) << 1;
        QTest::newRow("thumbnail tiny") << "harvest/thumbnailSize" << QVariant(3) << 64;
    }

    void brokenValuesFallBack()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, stored);
        QFETCH(int, expected);
        QSettings settings(m_dir.filePath(QStringLiteral("broken.ini")), QSettings::IniFormat);
        settings.clear();
        settings.setValue(key, stored);
        const AppSettings s = AppSettings::load(settings);
        const int value = key.endsWith(QLatin1String("modelThreads"))       ? s.modelThreads
                          : key.endsWith(QLatin1String("batchSize"))        ? s.batchSize
                          : key.endsWith(QLatin1String("topK"))             ? s.topK
                          : key.endsWith(QLatin1String("downloadsPerHost")) ? s.downloadsPerHost
                                                                            : s.thumbnailSize;
        QCOMPARE(value, expected);
    }

    void dialogShowsAndReturnsValues()
    {
        SettingsDialog dialog(custom());
        QCOMPARE(dialog.settings(), custom());
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("topK"))->value(), 7);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("downloadsPerHost"))->maximum(), 6);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("downloadsPerHost"))->minimum(), 1);

        dialog.findChild<QSpinBox *>(QStringLiteral("batchSize"))->setValue(16);
        dialog.findChild<QSpinBox *>(QStringLiteral("modelThreads"))->setValue(0);
        dialog.setFolderChooser([](const QString &) { return QStringLiteral("/tmp/elsewhere"); });
        const auto buttons = dialog.findChildren<QPushButton *>();
        for (QPushButton *b : buttons) {
            if (b->text().contains(QStringLiteral("Browse")))
                b->click();
        }
        AppSettings expected = custom();
        expected.batchSize = 16;
        expected.modelThreads = 0;
        expected.projectFolder = QStringLiteral("/tmp/elsewhere");
        QCOMPARE(dialog.settings(), expected);

        // Every control is named for assistive technology.
        for (QSpinBox *spin : dialog.findChildren<QSpinBox *>())
            QVERIFY2(!spin->accessibleName().isEmpty(), qPrintable(spin->objectName()));

        // Restore Defaults.
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
        QCOMPARE(dialog.settings(), AppSettings());
    }

    void preferencesActionOpensTheDialog()
    {
        MainWindow window;
        window.show();
        QAction *preferences = window.findChild<QAction *>(QStringLiteral("preferences"));
        QVERIFY(preferences);
        QVERIFY(preferences->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        preferences->trigger();
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>()) != nullptr);
        dialog->findChild<QSpinBox *>(QStringLiteral("topK"))->setValue(9);
        dialog->accept();
        QCOMPARE(window.settings().topK, 9);
        QCOMPARE(AppSettings::load().topK, 9); // stored
        MainWindow another;                    // a new window reads them
        QCOMPARE(another.settings().topK, 9);
    }

    void nextHarvestCarriesThem()
    {
        const QString model = m_dir.filePath(QStringLiteral("fake.model"));
        QVERIFY(taglens::tests::FakeClassifier::writeModel(model));
        const QString photos = m_dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(photos));
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(photos + QStringLiteral("/a.png")));

        MainWindow window(taglens::tests::FakeClassifier::loader()); // no LibTorch in UI tests
        window.setModelPath(model);
        window.setCollectionChooser([](const QString &suggested, const QStringList &) { return suggested; });
        const QString project = m_dir.filePath(QStringLiteral("settings.taglens"));
        QSignalSpy opened(&window, &MainWindow::projectOpened);
        QVERIFY(window.openProject(project));
        QTRY_COMPARE(opened.count(), 1); // opened off the GUI thread
        window.setSettings(custom());

        QSignalSpy finished(&window, &MainWindow::harvestFinished);
        window.harvestLocal({photos});
        QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));
        QVERIFY(finished.wait(60000));

        const taglens::engine::HarvestRequest request = window.lastHarvestRequest();
        QCOMPARE(request.topK, 7);
        QCOMPARE(request.maxDownloadsPerHost, 2);
        QCOMPARE(request.thumbnailSize, 192);
        QCOMPARE(request.parameters.value(QStringLiteral("batch_size")).toInt(), 3);
        QCOMPARE(request.parameters.value(QStringLiteral("model_threads")).toInt(), 1);

        // The project records them with the harvest.
        auto store = taglens::engine::ProjectStore::open(project);
        QVERIFY(store);
        auto harvests = (*store)->harvests();
        QVERIFY(harvests && !harvests->isEmpty());
        const QJsonObject recorded = harvests->last().parameters;
        QCOMPARE(recorded.value(QStringLiteral("top_k")).toInt(), 7);
        QCOMPARE(recorded.value(QStringLiteral("downloads_per_host")).toInt(), 2);
        QCOMPARE(recorded.value(QStringLiteral("batch_size")).toInt(), 3);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
