// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's parts, each on its own: the search bar (what it turns into a harvest input),
// the filter bar, the message banner (readable in light and dark palettes), the progress strip
// (redraws a few times a second), recent projects (QSettings) and the drop collector.
#include "engine/core/translationloader.h"
#include "engine/sources/urllistsource.h"
#include "ui/charts/tagmotifchart.h"
#include "ui/dropcollector.h"
#include "ui/filterbar.h"
#include "ui/harvestprogressstrip.h"
#include "ui/hashtagchipsedit.h"
#include "ui/mainmenus.h"
#include "ui/mediafiltermodel.h"
#include "ui/messagebanner.h"
#include "ui/projectexports.h"
#include "ui/recentprojects.h"
#include "ui/searchbar.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using namespace taglens::ui;

namespace {

QStringList L(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return p;
}

QComboBox *comboNamed(QWidget *parent, const QString &name)
{
    for (QComboBox *combo : parent->findChildren<QComboBox *>()) {
        if (combo->accessibleName() == name)
            return combo;
    }
    return nullptr;
}

} // namespace

class TestWindowParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("taglens-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowparts"));
    }

    // -- SearchBar ------------------------------------------------------------------------

    void searchBarInput_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("typed"); // what is in the chips' editor, not yet a chip
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<int>("limit");
        QTest::newRow("mastodon, typed tag counts (the planner normalises)")
            << int(engine::SourceKind::Mastodon) << QStringLiteral("#Cats") << QStringLiteral("fosstodon.org")
            << L({"Cats"}) << QString() << QStringList() << 50;
        QTest::newRow("pixelfed") << int(engine::SourceKind::Pixelfed) << QStringLiteral("dogs")
                                  << QStringLiteral("pixelfed.social") << L({"dogs"}) << QString()
                                  << QStringList() << 50;
        QTest::newRow("local: chips are the collection's name")
            << int(engine::SourceKind::Local) << QStringLiteral("summer") << QStringLiteral("/tmp/photos ")
            << QStringList() << QStringLiteral("summer") << L({"/tmp/photos"})
            << engine::HarvestInput::Everything;
    }

    void searchBarInput()
    {
        QFETCH(int, source);
        QFETCH(QString, typed);
        QFETCH(QString, instance);
        QFETCH(QStringList, tags);
        QFETCH(QString, collection);
        QFETCH(QStringList, paths);
        QFETCH(int, limit);
        SearchBar bar;
        bar.setSource(engine::SourceKind(source));
        QCOMPARE(bar.source(), engine::SourceKind(source));
        bar.instanceEdit()->setText(instance);
        bar.findChild<QSpinBox *>()->setValue(50);
        bar.tagsEdit()->editor()->setText(typed);
        const auto input = bar.input();
        QVERIFY(input);
        QCOMPARE(input->source, engine::SourceKind(source));
        QCOMPARE(input->tags, tags);
        QCOMPARE(input->collection, collection);
        QCOMPARE(input->paths, paths);
        QCOMPARE(input->limitPerTag, limit);
        if (!tags.isEmpty())
            QCOMPARE(input->instance, instance);
    }

    void searchBarRefusesABadTag()
    {
        SearchBar bar;
        bar.tagsEdit()->editor()->setText(QStringLiteral("a/b"));
        const auto input = bar.input();
        QVERIFY(!input);
        QCOMPARE(input.error().code, engine::ErrorCode::InvalidArgument);
        QVERIFY(input.error().message.contains(QStringLiteral("a/b")));
    }

    void searchBarShowsASearchAgain_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("shownInstance");
        QTest::addColumn<bool>("shown");
        QTest::newRow("https instance by name")
            << QStringLiteral("mastodon") << QStringLiteral("https://chaos.social")
            << QStringLiteral("chaos.social") << true;
        QTest::newRow("other port stays whole")
            << QStringLiteral("pixelfed") << QStringLiteral("http://127.0.0.1:8080")
            << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("local harvests are not searches") << QStringLiteral("local") << QStringLiteral("/tmp")
                                                         << QStringLiteral("mastodon.social") << false;
        QTest::newRow("unknown source") << QStringLiteral("myspace") << QStringLiteral("https://x")
                                        << QStringLiteral("mastodon.social") << false;
    }

    void searchBarShowsASearchAgain()
    {
        QFETCH(QString, source);
        QFETCH(QString, instance);
        QFETCH(QString, shownInstance);
        QFETCH(bool, shown);
        SearchBar bar;
        engine::HarvestRecord record;
        record.source = source;
        record.instance = instance;
        record.tags = L({"cats", "dogs"});
        bar.showSearch(record);
        QCOMPARE(bar.instanceEdit()->text(), shownInstance);
        QCOMPARE(bar.tagsEdit()->tags(), shown ? record.tags : QStringList());
        if (shown)
            QCOMPARE(engine::sourceKindName(bar.source()), source);
    }

    void searchBarWaitsWhileBusy()
    {
        SearchBar bar;
        QSignalSpy start(&bar, &SearchBar::startRequested);
        bar.setBusy(true, true);
        QVERIFY(!bar.startButton()->isEnabled());
        QVERIFY(!bar.tagsEdit()->isEnabled());
        bar.startButton()->click();
        QCOMPARE(start.count(), 0);
        bar.setBusy(false, false);
        bar.startButton()->click();
        QCOMPARE(start.count(), 1);
    }

    void searchBarSwitchesFieldsWithTheSource()
    {
        SearchBar bar;
        bar.show();
        QSignalSpy changed(&bar, &SearchBar::sourceChanged);
        bar.setSource(engine::SourceKind::Instagram);
        QCOMPARE(changed.count(), 1);
        QVERIFY(bar.edgeCombo()->isVisible());
        QVERIFY(!bar.instanceEdit()->isVisible());
        bar.setSource(engine::SourceKind::Local);
        QVERIFY(bar.instanceEdit()->isVisible());
        QVERIFY(QDir::isAbsolutePath(bar.instanceEdit()->text())); // a folder now, not an instance
        bar.setSource(engine::SourceKind::Mastodon);
        QCOMPARE(bar.instanceEdit()->text(), QStringLiteral("mastodon.social"));
    }

    // -- FilterBar ------------------------------------------------------------------------

    void filterBarKeepsTheTagShownWhileItIsThere()
    {
        QStandardItemModel source;
        MediaFilterModel filter;
        filter.setSourceModel(&source);
        FilterBar bar(&filter);
        QSignalSpy chosen(&bar, &FilterBar::tagChosen);
        bar.setTags(L({"cats", "dogs"}));
        QComboBox *tag = comboNamed(&bar, QStringLiteral("Filter by tag"));
        QVERIFY(tag);
        QCOMPARE(tag->count(), 3); // All tags, #cats, #dogs
        tag->setCurrentIndex(2);
        QCOMPARE(filter.tag(), QStringLiteral("dogs"));
        QCOMPARE(chosen.count(), 1);
        bar.setTags(L({"birds", "cats", "dogs"})); // a harvest brought one more
        QCOMPARE(tag->currentData().toString(), QStringLiteral("dogs"));
        QCOMPARE(filter.tag(), QStringLiteral("dogs"));
        QCOMPARE(chosen.count(), 1);
        bar.setTags(L({"birds"})); // another project: the filter is lifted
        QCOMPARE(tag->currentIndex(), 0);
        QVERIFY(filter.tag().isEmpty());
        QCOMPARE(chosen.count(), 2);
        QCOMPARE(bar.tags(), L({"birds"}));
    }

    void filterBarSortsByName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("key"); // the order afterwards
        QTest::newRow("project") << QStringLiteral("project") << true
                                 << int(MediaFilterModel::SortKey::Project);
        QTest::newRow("score") << QStringLiteral("score") << true << int(MediaFilterModel::SortKey::Score);
        QTest::newRow("date") << QStringLiteral("date") << true << int(MediaFilterModel::SortKey::Date);
        QTest::newRow("label") << QStringLiteral("label") << true << int(MediaFilterModel::SortKey::Label);
        // Unknown names leave the order as it was (score, set first).
        QTest::newRow("empty") << QString() << false << int(MediaFilterModel::SortKey::Score);
        QTest::newRow("wrong case") << QStringLiteral("Date") << false
                                    << int(MediaFilterModel::SortKey::Score);
        QTest::newRow("a shown text")
            << QStringLiteral("Newest first") << false << int(MediaFilterModel::SortKey::Score);
        QTest::newRow("a number") << QStringLiteral("2") << false << int(MediaFilterModel::SortKey::Score);
    }
    void filterBarSortsByName()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QFETCH(int, key);
        QStandardItemModel source;
        MediaFilterModel filter;
        filter.setSourceModel(&source);
        FilterBar bar(&filter);
        QVERIFY(bar.setSortName(QStringLiteral("score")));
        QCOMPARE(bar.setSortName(name), known);
        QCOMPARE(int(filter.sortKey()), key);
        QCOMPARE(bar.setSortName(bar.sortName()), true); // what it gives, it takes back
        QCOMPARE(int(filter.sortKey()), key);
        bar.reset(); // another project: the filters go, the order stays
        QCOMPARE(int(filter.sortKey()), key);
    }

    // -- MessageBanner --------------------------------------------------------------------

    void bannerIsReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("kind");
        for (const bool dark : {false, true}) {
            for (const auto kind :
                 {MessageBanner::Kind::Error, MessageBanner::Kind::Warning, MessageBanner::Kind::Success})
                QTest::addRow("%s, kind %d", dark ? "dark" : "light", int(kind)) << dark << int(kind);
        }
    }

    void bannerIsReadable()
    {
        QFETCH(bool, dark);
        QFETCH(int, kind);
        QWidget window;
        window.setPalette(dark ? darkPalette() : QPalette(Qt::white));
        MessageBanner banner(&window);
        QVERIFY(banner.isHidden());
        banner.showMessage(MessageBanner::Kind(kind), QStringLiteral("message"));
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.text(), QStringLiteral("message"));
        const QColor background = banner.palette().color(QPalette::Window);
        const QColor text = banner.palette().color(QPalette::WindowText);
        // Tinted, so it stands out from the window, yet text on it keeps WCAG AA contrast.
        QVERIFY(background != window.palette().color(QPalette::Window));
        QVERIFY2(contrast(background, text) >= 4.5, qPrintable(QString::number(contrast(background, text))));
        banner.clear();
        QVERIFY(banner.isHidden());
        QVERIFY(banner.text().isEmpty());
    }

    void bannerFollowsAThemeChange()
    {
        QWidget window;
        window.setPalette(QPalette(Qt::white));
        MessageBanner banner(&window);
        banner.showMessage(MessageBanner::Kind::Error, QStringLiteral("x"));
        const QColor light = banner.palette().color(QPalette::Window);
        window.setPalette(darkPalette());
        QCoreApplication::sendPostedEvents();
        const QColor dark = banner.palette().color(QPalette::Window);
        QVERIFY(dark.lightnessF() < light.lightnessF());
        QVERIFY(contrast(dark, banner.palette().color(QPalette::WindowText)) >= 4.5);
    }

    void bannerKindsDiffer()
    {
        QWidget window;
        MessageBanner banner(&window);
        banner.showMessage(MessageBanner::Kind::Error, QStringLiteral("x"));
        const QColor error = banner.palette().color(QPalette::Window);
        banner.showMessage(MessageBanner::Kind::Success, QStringLiteral("x"));
        QCOMPARE(banner.kind(), MessageBanner::Kind::Success);
        QVERIFY(banner.palette().color(QPalette::Window) != error);
        banner.showMessage(MessageBanner::Kind::Error, QString()); // nothing to say: hidden
        QVERIFY(banner.isHidden());
    }

    // -- HarvestProgressStrip -------------------------------------------------------------

    void progressStripRedrawsAFewTimesASecond()
    {
        HarvestProgressStrip strip;
        strip.showStarting();
        QVERIFY(!strip.isHidden());
        QCOMPARE(strip.bar()->maximum(), 0); // busy until the first progress
        engine::HarvestProgress p;
        p.limit = 100;
        p.ok = 1;
        strip.setProgress(p); // the first is shown at once
        QCOMPARE(strip.bar()->value(), 1);
        QCOMPARE(strip.bar()->maximum(), 100);
        for (int i = 2; i <= 40; ++i) {
            p.ok = i;
            strip.setProgress(p);
        }
        QCOMPARE(strip.bar()->value(), 1);      // within the interval: not yet
        QTRY_COMPARE(strip.bar()->value(), 40); // the latest, after it
        const QString counts = strip.countsText();
        QVERIFY(!counts.isEmpty());
        p.limit = engine::HarvestInput::Everything; // everything dropped: no end to show
        QTest::qWait(HarvestProgressStrip::IntervalMs + 20);
        strip.setProgress(p);
        QCOMPARE(strip.bar()->maximum(), 0);
        strip.finish();
        QVERIFY(strip.isHidden());
    }

    // Issue 17 #10: a local folder has a Browse… button, no number per tag, and the field keeps
    // an instance and a folder apart.
    void searchBarLocalFolder()
    {
        SearchBar bar;
        bar.show();
        QStringList asked;
        const QString folder = QDir::tempPath();
        bar.setFolderChooser([&](const QString &start) {
            asked << start;
            return folder;
        });
        bar.instanceEdit()->setText(QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!bar.browseButton()->isVisible());
        QVERIFY(bar.limitSpin()->isVisible());
        bar.setSource(engine::SourceKind::Local);
        QVERIFY(bar.browseButton()->isVisible());
        QVERIFY(!bar.limitSpin()->isVisible());
        QCOMPARE(bar.tagsLabel()->buddy(), bar.tagsEdit());
        QCOMPARE(bar.instanceEdit()->text(), QDir::homePath()); // not the instance's address
        QTest::mouseClick(bar.browseButton(), Qt::LeftButton);
        QCOMPARE(asked, QStringList{QDir::homePath()});
        QCOMPARE(QDir::fromNativeSeparators(bar.instanceEdit()->text()), folder);
        const auto input = bar.input();
        QVERIFY(input);
        QCOMPARE(input->source, engine::SourceKind::Local);
        QCOMPARE(input->paths.size(), 1);
        QCOMPARE(QDir::fromNativeSeparators(input->paths.first()), folder);
        QCOMPARE(input->limitPerTag, engine::HarvestInput::Everything);

        bar.setSource(engine::SourceKind::Mastodon); // the instance comes back
        QCOMPARE(bar.instanceEdit()->text(), QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!bar.browseButton()->isVisible());
        bar.setSource(engine::SourceKind::Local); // and so does the folder
        QCOMPARE(QDir::fromNativeSeparators(bar.instanceEdit()->text()), folder);
        bar.setFolderChooser([](const QString &) { return QString(); }); // cancelled: nothing changes
        QTest::mouseClick(bar.browseButton(), Qt::LeftButton);
        QCOMPARE(QDir::fromNativeSeparators(bar.instanceEdit()->text()), folder);
    }

    // Issue 17 #9: stopping is one control, the search bar's Stop; the strip only shows progress.
    void oneStopForOneAction()
    {
        HarvestProgressStrip strip;
        strip.showModelLoading();
        QVERIFY(strip.findChildren<QAbstractButton *>().isEmpty());
        SearchBar bar;
        const auto buttons = bar.findChildren<QPushButton *>();
        int stops = 0;
        for (QPushButton *button : buttons) {
            if (button->accessibleName() == QLatin1String("Stop harvest")) {
                ++stops;
                QVERIFY(!button->toolTip().isEmpty()); // says that starting again resumes
            }
        }
        QCOMPARE(stops, 1);
    }

    // -- RecentProjects -------------------------------------------------------------------

    void recentProjectsNewestFirstAndBounded()
    {
        QSettings().remove(QStringLiteral("recentProjects"));
        RecentProjects recent;
        QMenu menu;
        recent.attachMenu(&menu);
        QVERIFY(!menu.isEnabled());
        for (int i = 0; i < RecentProjects::MaxProjects + 3; ++i)
            recent.add(QStringLiteral("/projects/p%1.taglens").arg(i));
        recent.add(QStringLiteral("/projects/p5.taglens")); // again: moves to the front, once
        const QStringList paths = recent.paths();
        QCOMPARE(paths.size(), RecentProjects::MaxProjects);
        QCOMPARE(paths.first(), QStringLiteral("/projects/p5.taglens"));
        QCOMPARE(paths.count(QStringLiteral("/projects/p5.taglens")), 1);
        QVERIFY(!paths.contains(QStringLiteral("/projects/p0.taglens"))); // the oldest went
        QVERIFY(menu.isEnabled());
        QSignalSpy open(&recent, &RecentProjects::openRequested);
        const auto actions = menu.actions();
        QCOMPARE(actions.first()->data().toString(), paths.first());
        actions.first()->trigger();
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), paths.first());
        // Kept in QSettings, written off the GUI thread: a window opened later sees the list.
        QTRY_COMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList(), paths);
        QCOMPARE(RecentProjects().paths(), paths);
        recent.remove(paths.first());
        QCOMPARE(recent.paths().size(), RecentProjects::MaxProjects - 1);
        recent.clear();
        QVERIFY(recent.paths().isEmpty());
        QVERIFY(!menu.isEnabled());
    }

    void recentProjectsAreAbsolute()
    {
        QSettings().remove(QStringLiteral("recentProjects"));
        RecentProjects recent;
        recent.add(QStringLiteral("relative/p.taglens"));
        recent.add(QStringLiteral("/a/../b/p.taglens"));
        QCOMPARE(recent.paths(),
                 (QStringList{QStringLiteral("/b/p.taglens"),
                              QDir::current().absoluteFilePath(QStringLiteral("relative/p.taglens"))}));
    }

    // -- DropCollector --------------------------------------------------------------------

    void dropItems_data()
    {
        QTest::addColumn<QList<QUrl>>("urls"); // empty: \a text is dropped instead
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("paths");
        QTest::addColumn<int>("addresses");
        QTest::newRow("files and http(s)") << QList<QUrl>{QUrl::fromLocalFile(QStringLiteral("/tmp/a.png")),
                                                          QUrl(QStringLiteral("https://example.org/b.jpg")),
                                                          QUrl(QStringLiteral("http://example.org/c.jpg"))}
                                           << QString() << 1 << 2;
        QTest::newRow("other schemes are not part of it")
            << QList<QUrl>{QUrl(QStringLiteral("ftp://example.org/a.png")),
                           QUrl(QStringLiteral("mailto:a@b"))}
            << QString() << 0 << 0;
        QTest::newRow("addresses as lines of text")
            << QList<QUrl>()
            << QStringLiteral("https://example.org/a.png\nnot an address\nhttps://example.org/b.png") << 0
            << 2;
        QTest::newRow("hostile text") << QList<QUrl>() << QString(100000, QLatin1Char('h')) << 0 << 0;
        QList<QUrl> many;
        for (int i = 0; i < engine::UrlListSource::MaxUrls + 50; ++i)
            many << QUrl(QStringLiteral("https://example.org/%1.png").arg(i));
        QTest::newRow("more than the most") << many << QString() << 0 << int(engine::UrlListSource::MaxUrls);
    }

    void dropItems()
    {
        QFETCH(QList<QUrl>, urls);
        QFETCH(QString, text);
        QFETCH(int, paths);
        QFETCH(int, addresses);
        QMimeData mime;
        if (!urls.isEmpty())
            mime.setUrls(urls);
        else
            mime.setText(text);
        const DropCollector::Items items = DropCollector::itemsIn(&mime);
        QCOMPARE(items.paths.size(), paths);
        QCOMPARE(items.urls.size(), addresses);
        QCOMPARE(items.isEmpty(), paths + addresses == 0);
        QVERIFY(DropCollector::itemsIn(nullptr).isEmpty());
    }

    void dropAsksForTheCollection_data()
    {
        QTest::addColumn<bool>("withUrls");
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("suggested");
        QTest::addColumn<int>("collected");
        QTest::newRow("files: local") << false << QStringLiteral("local") << QStringLiteral("local") << 1;
        QTest::newRow("with addresses: dropped")
            << true << QStringLiteral(" trip ") << QStringLiteral("dropped") << 1;
        QTest::newRow("cancelled") << false << QString() << QStringLiteral("local") << 0;
    }

    void dropAsksForTheCollection()
    {
        QFETCH(bool, withUrls);
        QFETCH(QString, answer);
        QFETCH(QString, suggested);
        QFETCH(int, collected);
        QWidget window;
        DropCollector drops(&window);
        QStringList offered;
        QString suggestion;
        drops.setChooser([&](const QString &s, const QStringList &existing) {
            suggestion = s;
            offered = existing;
            return answer;
        });
        QSignalSpy spy(&drops, &DropCollector::collected);
        DropCollector::Items items;
        items.paths << QStringLiteral("/tmp/a.png");
        if (withUrls)
            items.urls << QUrl(QStringLiteral("https://example.org/b.png"));
        drops.collect(items, L({"cats", "trip"}));
        QCOMPARE(suggestion, suggested);
        QCOMPARE(offered, L({"cats", "trip"}));
        QCOMPARE(spy.count(), collected);
        if (collected) {
            QCOMPARE(spy.first().at(0).toStringList(), items.paths);
            QCOMPARE(spy.first().at(2).toString(), answer.trimmed());
        }
        drops.collect(DropCollector::Items(), {}); // nothing dropped: nothing asked
        QCOMPARE(spy.count(), collected);
    }

    // Alt+letter reaches every menu and every item in it: no two share an access key, in every
    // language TagLens speaks.
    void menuAccessKeysAreUnique_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("English") << QStringLiteral("en_GB");
        QTest::newRow("German") << QStringLiteral("de_DE");
    }
    void menuAccessKeysAreUnique()
    {
        QFETCH(QString, locale);
        const engine::TranslationLoader translations{QLocale(locale)};
        QCOMPARE(translations.hasTagLensTranslation(), locale.startsWith(u"de"));
        QMainWindow window;
        MainMenus menus(window.menuBar(), &window);
        const auto accessKey = [](const QString &text) -> QChar {
            for (qsizetype i = 0; i + 1 < text.size(); ++i) {
                if (text.at(i) == u'&' && text.at(i + 1) != u'&')
                    return text.at(i + 1).toLower();
                if (text.at(i) == u'&')
                    ++i;
            }
            return {};
        };
        QSet<QChar> topLevel;
        const auto menuActions = window.menuBar()->actions();
        QCOMPARE(menuActions.size(), 6); // File, Edit, View, Harvest, Export, Help
        for (QAction *top : menuActions) {
            const QChar key = accessKey(top->text());
            QVERIFY2(!key.isNull(), qPrintable(top->text()));
            QVERIFY2(!topLevel.contains(key), qPrintable(top->text()));
            topLevel.insert(key);
            QSet<QChar> inMenu;
            const auto items = top->menu()->actions();
            for (QAction *item : items) {
                if (item->isSeparator())
                    continue;
                const QChar itemKey = accessKey(item->text());
                QVERIFY2(!itemKey.isNull(), qPrintable(item->text()));
                QVERIFY2(!inMenu.contains(itemKey), qPrintable(item->text()));
                inMenu.insert(itemKey);
            }
        }
    }

    // Each export item asks for its own kind; Save As and the exports wait for an open project.
    void exportItemsNameTheirKind()
    {
        QMainWindow window;
        MainMenus menus(window.menuBar(), &window);
        QSignalSpy requested(&menus, &MainMenus::exportRequested);
        const QList<ExportKind> kinds = ExportKinds::all();
        for (const ExportKind kind : kinds) {
            auto *action = window.findChild<QAction *>(QStringLiteral("export%1").arg(int(kind)));
            QVERIFY(action);
            QVERIFY(menus.projectActions().contains(action));
            action->trigger();
            QCOMPARE(requested.last().first().value<ExportKind>(), kind);
            const ExportKinds::Info info = ExportKinds::info(kind);
            QVERIFY(info.fileFilter.contains(info.suffix.section(u'.', -1)));
            QCOMPARE(ExportKinds::jobFormat(kind).has_value(), !ExportKinds::isChart(kind));
        }
        QCOMPARE(requested.size(), kinds.size());
        QCOMPARE(menus.projectActions().size(), kinds.size() + 2); // and Save As, Classify the Rest
    }

    // -- ProjectExports -----------------------------------------------------------------------

    // Issue 17 #6: the export dialog starts where the last export went, in this run and the
    // next; a folder that is gone since falls back to the project's.
    void exportsRememberTheLastFolder()
    {
        QSettings().remove(QStringLiteral("exports/lastFolder"));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString projectFolder = dir.filePath(QStringLiteral("projects"));
        const QString exportFolder = dir.filePath(QStringLiteral("exports"));
        QVERIFY(QDir().mkpath(projectFolder) && QDir().mkpath(exportFolder));
        const QString project = projectFolder + QStringLiteral("/birds.taglens");
        QStringList suggested;
        QString answer;
        const auto chooser = [&](const QString &, const QString &, const QString &path) {
            suggested << path;
            return answer;
        };
        {
            TagMotifChart chart;
            ProjectExports exports(&chart);
            exports.setSaveFileChooser(chooser);
            exports.chooseAndExport(ExportKind::ChartPng, project, {}, {}); // cancelled
            QCOMPARE(QFileInfo(suggested.last()).absolutePath(), projectFolder);
            QCOMPARE(QFileInfo(suggested.last()).fileName(), QStringLiteral("birds-chart.png"));
            answer = exportFolder + QStringLiteral("/chart.png");
            QSignalSpy failed(&exports, &ProjectExports::failed);
            QSignalSpy finished(&exports, &ProjectExports::finished);
            exports.chooseAndExport(ExportKind::ChartPng, project, {}, {});
            QTRY_COMPARE(finished.count(), 1); // written off the GUI thread
            QCOMPARE(finished.first().at(1).toBool(), true);
            QCOMPARE(failed.count(), 0);
            QVERIFY(QFileInfo::exists(answer));
            // With its caption under it: taller than the chart on screen.
            QVERIFY(QImage(answer).height() > chart.renderImage().height());
            answer.clear();
            exports.chooseAndExport(ExportKind::ChartSvg, project, {}, {});
            QCOMPARE(QFileInfo(suggested.last()).absolutePath(), exportFolder);
            QCOMPARE(exports.lastFolder(), exportFolder);
        }
        {
            TagMotifChart chart;
            ProjectExports next(&chart); // another run
            next.setSaveFileChooser(chooser);
            next.chooseAndExport(ExportKind::ImagesCsv, project, {}, {});
            QCOMPARE(QFileInfo(suggested.last()).absolutePath(), exportFolder);
        }
        QVERIFY(QDir(exportFolder).removeRecursively());
        {
            TagMotifChart chart;
            ProjectExports gone(&chart);
            gone.setSaveFileChooser(chooser);
            gone.chooseAndExport(ExportKind::ImagesCsv, project, {}, {});
            QCOMPARE(QFileInfo(suggested.last()).absolutePath(), projectFolder);
        }
        // Nothing to export from: refused with a message, no file dialog.
        TagMotifChart chart;
        ProjectExports none(&chart);
        QSignalSpy failed(&none, &ProjectExports::failed);
        QVERIFY(!none.exportTo(ExportKind::Json, QString(), {}, dir.filePath(QStringLiteral("x.json"))));
        QCOMPARE(failed.count(), 1);
    }
};

QTEST_MAIN(TestWindowParts)
#include "tst_windowparts.moc"
