// SPDX-License-Identifier: GPL-3.0-or-later
// taglens-screenshooter: the screenshots for README, taken by scripts/screenshot.sh under Xvfb.
// It builds the real widgets (MainWindow on a harvested project, the dialogs), puts each in the
// state a user would see, and saves what they render, without window decorations:
//
//   taglens-screenshooter --project FILE --out DIR [--model FILE]
//
// The accounts dialog shows two logins written to a throwaway TokenStore (run it inside
// run-with-keyring.sh so they go to a real Secret Service) and an Instagram login waiting for
// the browser; nothing leaves 127.0.0.1.
#include "engine/auth/facebooklogin.h"
#include "engine/auth/tokenstore.h"
#include "engine/inference/torch/torchclassifier.h"
#include "engine/models/modelstore.h"
#include "engine/sources/hashtagledger.h"
#include "ui/accountsdialog.h"
#include "ui/appsettings.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/detailpanel.h"
#include "ui/hashtagchipsedit.h"
#include "ui/mainwindow.h"
#include "ui/mediafiltermodel.h"
#include "ui/modelsetupdialog.h"
#include "ui/projectmodel.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPixmap>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <tuple>

using namespace taglens;

namespace {

QString g_out;
int g_failures = 0;

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

void save(QWidget *widget, const QString &name, const QRect &area = QRect())
{
    settle(400);
    QImage image = (area.isNull() ? widget->grab() : widget->grab(area))
                       .toImage()
                       .convertToFormat(QImage::Format_RGB888);
    if (image.width() > 1280)
        image = image.scaledToWidth(1280, Qt::SmoothTransformation);
    const QString path = g_out + QLatin1Char('/') + name + QStringLiteral(".png");
    QImageWriter writer(path, "png");
    writer.setQuality(0); // the smallest file
    if (!writer.write(image)) {
        QTextStream(stderr) << writer.errorString() << Qt::endl;
        QTextStream(stderr) << "cannot write " << path << Qt::endl;
        ++g_failures;
        return;
    }
    QTextStream(stdout) << "wrote " << path << " (" << image.width() << "x" << image.height() << ")"
                        << Qt::endl;
}

engine::Expected<std::unique_ptr<engine::ImageClassifier>> loadTorch(const QString &path)
{
    auto loaded = torchbackend::TorchClassifier::load(path);
    if (!loaded)
        return loaded.error();
    return std::unique_ptr<engine::ImageClassifier>(std::move(*loaded));
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

/// Two logins, as a user who logged in to Mastodon and to Instagram has them.
void storeDemoLogins(engine::TokenStore &store)
{
    // Without a keychain the screenshots still show the accounts (kept for this run).
    std::ignore = store.saveToken({engine::SourceKind::Mastodon,
                                   QUrl(QStringLiteral("https://mastodon.social")), QStringLiteral("alice")},
                                  QStringLiteral("demo-token"));
    // What FacebookLogin writes for a login (group [instagram]); the token goes to the keychain.
    const QString userId = QStringLiteral("17841405822304914");
    std::ignore = store.saveToken(
        {engine::SourceKind::Instagram, QUrl(QStringLiteral("https://www.instagram.com")), userId},
        QStringLiteral("demo-token"));
    QSettings settings(store.settingsFile(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("instagram"));
    settings.setValue(QStringLiteral("clientId"), QStringLiteral("1234567890123456"));
    settings.setValue(QStringLiteral("userId"), userId);
    settings.setValue(QStringLiteral("username"), QStringLiteral("alice.photos"));
    settings.setValue(QStringLiteral("pageName"), QStringLiteral("Alice Photography"));
    settings.setValue(QStringLiteral("tokenExpiresAt"),
                      QDateTime::currentDateTimeUtc().addDays(59).toString(Qt::ISODate));
    settings.setValue(QStringLiteral("redirectPort"), 8765);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("taglens-screenshots"));
    QCoreApplication::setApplicationName(QStringLiteral("taglens"));
    QApplication::setApplicationDisplayName(QStringLiteral("TagLens"));
    QStandardPaths::setTestModeEnabled(true); // no recent projects or settings of the user's

    QCommandLineParser parser;
    const QCommandLineOption projectOption(QStringLiteral("project"), QStringLiteral("Project"),
                                           QStringLiteral("FILE"));
    const QCommandLineOption modelOption(QStringLiteral("model"), QStringLiteral("Model"),
                                         QStringLiteral("FILE"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder"),
                                       QStringLiteral("DIR"));
    parser.addOptions({projectOption, modelOption, outOption});
    parser.addHelpOption();
    parser.process(app);
    g_out = parser.value(outOption);
    if (g_out.isEmpty() || !parser.isSet(projectOption)) {
        QTextStream(stderr) << "usage: taglens-screenshooter --project FILE --out DIR [--model FILE]"
                            << Qt::endl;
        return 2;
    }
    QDir().mkpath(g_out);
    QTemporaryDir scratch;
    engine::TokenStore tokens(scratch.filePath(QStringLiteral("auth.conf")));
    tokens.setService(QStringLiteral("TagLens-screenshots"));

    ui::MainWindow window(loadTorch);
    window.setKeychain(tokens.place());
    window.setHashtagLedgerPath(scratch.filePath(QStringLiteral("ledger.sqlite")));
    QString model = parser.value(modelOption);
    if (const engine::ModelStore installed; model.isEmpty() && installed.hasDefaultModel())
        model = installed.defaultModelPath();
    if (!model.isEmpty()) {
        window.setModelPath(model);
        window.setModelStatus(QApplication::translate("main", "Model: %1").arg(QFileInfo(model).fileName()));
    }
    window.resize(1280, 800);
    window.show();
    // Opened off the GUI thread: the window has it, or says why not.
    const bool opening = window.openExistingProject(parser.value(projectOption));
    QElapsedTimer clock;
    clock.start();
    while (opening && window.projectPath().isEmpty() && window.lastError().isEmpty() &&
           clock.elapsed() < 20000)
        settle(20);
    if (window.projectPath().isEmpty()) {
        QTextStream(stderr) << window.lastError() << Qt::endl;
        return 1;
    }
    settle(2500);                                                      // thumbnails load off the GUI thread
    window.instanceEdit()->setText(QStringLiteral("mastodon.social")); // not the stand-in's address

    // 1. The main window: grid, chart of both tags, the first image in detail.
    QListView *grid = window.grid();
    if (window.filterModel()->rowCount() > 3)
        grid->setCurrentIndex(window.filterModel()->index(3, 0));
    settle(800);
    save(&window, QStringLiteral("main-window"));

    // 2. Two tags compared: the chart on its own, larger.
    ui::TagMotifChart chart;
    chart.setRows(window.projectModel()->mediaRows());
    chart.setModelTrained(window.projectModel()->modelTrained());
    chart.resize(960, 560);
    chart.show();
    save(&chart, QStringLiteral("compare-tags"));
    // The same numbers as a table, a bar chosen from the keyboard.
    chart.barView()->setFocus();
    for (const Qt::Key key : {Qt::Key_Down, Qt::Key_Right}) {
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
        QApplication::sendEvent(chart.barView(), &press);
    }
    chart.setTableShown(true);
    save(&chart, QStringLiteral("compare-tags-table"));
    chart.hide();

    // 3. The detail panel with a selected image.
    QWidget *detail = window.detailPanel();
    for (QWidget *w = detail; w; w = w->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            detail = scroll;
            break;
        }
    }
    save(detail, QStringLiteral("detail-panel"));

    // 4. The hashtag chips in the search bar, with a tag being typed.
    window.tagsEdit()->setTags(
        {QStringLiteral("cats"), QStringLiteral("dogs"), QStringLiteral("catsofmastodon")});
    window.tagsEdit()->editor()->setText(QStringLiteral("birds"));
    window.tagsEdit()->editor()->setFocus();
    settle(300);
    const QRect bar = window.tagsEdit()->geometry();
    const QPoint topLeft = window.tagsEdit()->parentWidget()->mapTo(&window, QPoint(0, 0));
    const QRect barArea(0, 0, window.width(), topLeft.y() + bar.bottom() + 5);
    save(&window, QStringLiteral("search-bar"), barArea);
    // The same bar searching Instagram: recent or top media, and the hashtag budget left.
    const QString demoUser = QStringLiteral("17841405822304914");
    storeDemoLogins(tokens);
    if (auto ledger = engine::HashtagLedger::open(scratch.filePath(QStringLiteral("ledger.sqlite")))) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const char *tag : {"cats", "dogs", "sunset"})
            std::ignore =
                (*ledger)->record(demoUser, QLatin1String(tag), now.addDays(-2)); // the shot shows what took
    }
    window.setHashtagLedgerPath(scratch.filePath(QStringLiteral("ledger.sqlite")));
    window.sourceCombo()->setCurrentIndex(window.sourceCombo()->findData(QStringLiteral("instagram")));
    window.tagsEdit()->editor()->clear();
    window.tagsEdit()->setTags({QStringLiteral("cats"), QStringLiteral("dogs")});
    settle(300);
    save(&window, QStringLiteral("search-bar-instagram"), barArea);
    // And a local folder: the collection's name, the folder and Browse…, no number per tag.
    window.sourceCombo()->setCurrentIndex(window.sourceCombo()->findData(QStringLiteral("local")));
    window.tagsEdit()->setTags({QStringLiteral("holidays")});
    window.instanceEdit()->setText(QStringLiteral("/home/alice/Pictures/Holidays 2026"));
    settle(300);
    save(&window, QStringLiteral("search-bar-local"), barArea);
    window.sourceCombo()->setCurrentIndex(0);

    // 5. Preferences.
    ui::AppSettings preferences;
    preferences.projectFolder = QStringLiteral("/home/alice/TagLens");
    ui::SettingsDialog settings(preferences, &window);
    settings.show();
    save(&settings, QStringLiteral("preferences"));
    settings.hide();

    // 6. Accounts: two logins, and an Instagram login waiting for the browser.
    window.setUrlOpener([](const QUrl &) { return true; });
    window.showAccounts(true);
    ui::AccountsDialog *accounts = window.accountsDialog();
    accounts->refresh();
    for (int waited = 0; accounts->isReadingLogins() && waited < 10000; waited += 100)
        settle(100); // the logins are read on the keychain thread
    quint16 port = engine::FacebookLogin::DefaultPort;
    {
        QTcpServer probe; // the port the stored login registered, when it is free
        if (!probe.listen(QHostAddress::LocalHost, port))
            port = freePort();
    }
    if (port != 0)
        accounts->startInstagramLogin(QStringLiteral("1234567890123456"), QStringLiteral("demo-secret"),
                                      port);
    settle(800);
    save(accounts, QStringLiteral("accounts"));
    accounts->cancelLogin();
    accounts->hide();

    // 7. First run: no model installed.
    // (Where models would go, as on a user's machine; nothing is written there unless a button is pressed.)
    ui::ModelSetupDialog setup({}, QStringLiteral("/home/alice/.local/share/taglens/models"), &window);
    setup.show();
    save(&setup, QStringLiteral("first-run"));
    setup.hide();

    return g_failures == 0 ? 0 : 1;
}
