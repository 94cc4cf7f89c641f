// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/workflow/harvestplanner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using taglens::engine::ErrorCode;
using taglens::engine::HarvestInput;
using taglens::engine::HarvestPlanner;
using taglens::engine::SourceKind;

namespace {
QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}
} // namespace

class TestHarvestPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("holidays")));
        QFile file(m_dir.filePath(QStringLiteral("holidays/beach.jpg")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not read by the planner");
    }

    // Every source, accepted or refused. "@/x" in a path stands for the test's folder.
    void plans_data()
    {
        QTest::addColumn<SourceKind>("source");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QStringList>("urls");
        QTest::addColumn<QString>("collection");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("edge");
        QTest::addColumn<int>("code"); // -1: accepted
        QTest::addColumn<QStringList>("plannedTags");
        QTest::addColumn<QString>("recordedInstance");
        QTest::addColumn<int>("leftOut");

        const QStringList none;
        const QString recent = QStringLiteral("recent");
        const int ok = -1;
        const int invalid = int(ErrorCode::InvalidArgument);
        const int notFound = int(ErrorCode::NotFound);
        // Mastodon and Pixelfed
        QTest::newRow("mastodon, tags cleaned and repeats dropped")
            << SourceKind::Mastodon << L({"#cats", " dogs ", "Cats", "DOGS"}) << "mastodon.social" << none
            << none << "" << 200 << recent << ok << L({"cats", "dogs"}) << "https://mastodon.social" << 0;
        QTest::newRow("pixelfed, full URL kept as typed")
            << SourceKind::Pixelfed << L({"art"}) << "https://pixelfed.example:8443/" << none << none << ""
            << 5 << recent << ok << L({"art"}) << "https://pixelfed.example:8443" << 0;
        QTest::newRow("no tag") << SourceKind::Mastodon << none << "mastodon.social" << none << none << ""
                                << 200 << recent << invalid << none << "" << 0;
        QTest::newRow("only a '#'") << SourceKind::Mastodon << L({"#"}) << "mastodon.social" << none << none
                                    << "" << 200 << recent << invalid << none << "" << 0;
        QTest::newRow("tag with a slash")
            << SourceKind::Mastodon << L({"cats/../admin"}) << "mastodon.social" << none << none << "" << 200
            << recent << invalid << none << "" << 0;
        QTest::newRow("tag with a space inside")
            << SourceKind::Mastodon << L({"two words"}) << "mastodon.social" << none << none << "" << 200
            << recent << invalid << none << "" << 0;
        QTest::newRow("no instance") << SourceKind::Mastodon << L({"cats"}) << "" << none << none << "" << 200
                                     << recent << invalid << none << "" << 0;
        QTest::newRow("instance that is not a host")
            << SourceKind::Mastodon << L({"cats"}) << "ftp://x y" << none << none << "" << 200 << recent
            << invalid << none << "" << 0;
        QTest::newRow("limit 0") << SourceKind::Mastodon << L({"cats"}) << "mastodon.social" << none << none
                                 << "" << 0 << recent << invalid << none << "" << 0;
        QTest::newRow("limit above everything")
            << SourceKind::Mastodon << L({"cats"}) << "mastodon.social" << none << none << ""
            << HarvestInput::Everything + 1 << recent << invalid << none << "" << 0;
        // Instagram: the tag rules are Meta's, and its repeats are exact.
        QTest::newRow("instagram") << SourceKind::Instagram << L({"#Cats", "dogs"}) << "" << none << none
                                   << "" << 50 << "top" << ok << L({"cats", "dogs"})
                                   << "https://www.instagram.com" << 0;
        QTest::newRow("instagram, unknown edge") << SourceKind::Instagram << L({"cats"}) << "" << none << none
                                                 << "" << 50 << "newest" << invalid << none << "" << 0;
        QTest::newRow("instagram, no tag") << SourceKind::Instagram << none << "" << none << none << "" << 50
                                           << recent << invalid << none << "" << 0;
        // Local folders and files
        QTest::newRow("local folder, named after it")
            << SourceKind::Local << none << "" << L({"@/holidays"}) << none << "" << 200 << recent << ok
            << L({"holidays"}) << "@/holidays" << 0;
        QTest::newRow("local, collection given")
            << SourceKind::Local << none << "" << L({"@/holidays/beach.jpg"}) << none << "summer 2026" << 200
            << recent << ok << L({"summer 2026"}) << "@/holidays/beach.jpg" << 0;
        QTest::newRow("local, one tag is the collection")
            << SourceKind::Local << L({"trip"}) << "" << L({"@/holidays"}) << none << "" << 200 << recent
            << ok << L({"trip"}) << "@/holidays" << 0;
        QTest::newRow("local, two collections")
            << SourceKind::Local << L({"a", "b"}) << "" << L({"@/holidays"}) << none << "" << 200 << recent
            << invalid << none << "" << 0;
        QTest::newRow("local, a path that does not exist")
            << SourceKind::Local << none << "" << L({"@/holidays", "@/nosuch"}) << none << "" << 200 << recent
            << notFound << none << "" << 0;
        QTest::newRow("local, an empty path") << SourceKind::Local << none << "" << L({""}) << none << ""
                                              << 200 << recent << notFound << none << "" << 0;
        QTest::newRow("local, nothing") << SourceKind::Local << none << "" << none << none << "" << 200
                                        << recent << invalid << none << "" << 0;
        // Image addresses
        QTest::newRow("addresses, the refused ones left out")
            << SourceKind::Urls << none << "" << none
            << L({"https://example.org/a.jpg", "file:///etc/passwd", "https://example.org/a.jpg",
                  "http://example.org/b.png", "not a url", "https://user:secret@example.org/c.jpg"})
            << "" << HarvestInput::Everything << recent << ok << L({"dropped"}) << "https://example.org" << 4;
        QTest::newRow("addresses, none can be fetched")
            << SourceKind::Urls << none << "" << none << L({"javascript:alert(1)"}) << "" << 10 << recent
            << invalid << none << "" << 0;
        QTest::newRow("addresses, nothing given") << SourceKind::Urls << none << "" << none << none << ""
                                                  << 10 << recent << invalid << none << "" << 0;
    }
    void plans()
    {
        QFETCH(SourceKind, source);
        QFETCH(QStringList, tags);
        QFETCH(QString, instance);
        QFETCH(QStringList, paths);
        QFETCH(QStringList, urls);
        QFETCH(QString, collection);
        QFETCH(int, limit);
        QFETCH(QString, edge);
        QFETCH(int, code);
        QFETCH(QStringList, plannedTags);
        QFETCH(QString, recordedInstance);
        QFETCH(int, leftOut);

        HarvestInput input;
        input.source = source;
        input.tags = tags;
        input.instance = instance;
        for (const QString &p : std::as_const(paths))
            input.paths << QString(p).replace(QStringLiteral("@"), m_dir.path());
        for (const QString &u : std::as_const(urls))
            input.urls << QUrl(u);
        input.collection = collection;
        input.limitPerTag = limit;
        input.instagramEdge = edge;
        const auto plan = HarvestPlanner::plan(input);
        if (code >= 0) {
            QVERIFY(!plan);
            QCOMPARE(int(plan.error().code), code);
            QVERIFY(!plan.error().message.isEmpty());
            return;
        }
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
        QCOMPARE(plan->request.source, source);
        QCOMPARE(plan->spec.kind(), source);
        QCOMPARE(plan->request.tags, plannedTags);
        QCOMPARE(plan->request.instance,
                 QString(recordedInstance).replace(QStringLiteral("@"), m_dir.path()));
        QCOMPARE(plan->request.limitPerTag, limit);
        QCOMPARE(plan->leftOut.size(), leftOut);
        QCOMPARE(plan->needsLogin(), source == SourceKind::Instagram);
        if (source == SourceKind::Instagram) {
            QCOMPARE(plan->spec.as<taglens::engine::InstagramSpec>()->edge, edge);
            QCOMPARE(plan->request.parameters.value(QStringLiteral("edge")).toString(), edge);
        }
        if (source == SourceKind::Local) {
            const QStringList paths = plan->spec.as<taglens::engine::LocalSpec>()->paths;
            for (const QString &p : paths)
                QVERIFY2(QFileInfo(p).isAbsolute(), qPrintable(p));
            QCOMPARE(plan->request.parameters.value(QStringLiteral("paths")).toArray().size(), paths.size());
        }
        if (source == SourceKind::Urls)
            QCOMPARE(plan->spec.as<taglens::engine::UrlsSpec>()->urls.size(),
                     plan->request.parameters.value(QStringLiteral("addresses")).toInt());
    }

    // The token given explicitly goes to the source; none is looked up here.
    void explicitTokenIsCarried()
    {
        HarvestInput input;
        input.tags = {QStringLiteral("cats")};
        input.instance = QStringLiteral("mastodon.social");
        input.accessToken = QStringLiteral("abc");
        const auto plan = HarvestPlanner::plan(input);
        QVERIFY(plan);
        QCOMPARE(plan->spec.accessToken(), QStringLiteral("abc"));
        input.accessToken.clear();
        QCOMPARE(HarvestPlanner::plan(input)->spec.accessToken(), QString());
    }

    // A relative path becomes absolute (the project records where the images were).
    void relativePathsBecomeAbsolute()
    {
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        HarvestInput input;
        input.source = SourceKind::Local;
        input.paths = {QStringLiteral("holidays"), QStringLiteral("./holidays")};
        const auto plan = HarvestPlanner::plan(input);
        QDir::setCurrent(before);
        QVERIFY(plan);
        QCOMPARE(plan->spec.as<taglens::engine::LocalSpec>()->paths,
                 QStringList{m_dir.filePath(QStringLiteral("holidays"))}); // once
    }

    // A drop: one input per kind of source, the files first, all into one collection.
    void dropInputs_data()
    {
        QTest::addColumn<int>("paths");
        QTest::addColumn<int>("urls");
        QTest::addColumn<QList<int>>("sources");
        QTest::newRow("nothing") << 0 << 0 << QList<int>{};
        QTest::newRow("files") << 2 << 0 << QList<int>{int(SourceKind::Local)};
        QTest::newRow("addresses") << 0 << 3 << QList<int>{int(SourceKind::Urls)};
        QTest::newRow("both: files first")
            << 1 << 1 << QList<int>{int(SourceKind::Local), int(SourceKind::Urls)};
    }

    void dropInputs()
    {
        QFETCH(int, paths);
        QFETCH(int, urls);
        QFETCH(QList<int>, sources);
        QStringList pathList;
        for (int i = 0; i < paths; ++i)
            pathList << QStringLiteral("/tmp/%1.png").arg(i);
        QList<QUrl> urlList;
        for (int i = 0; i < urls; ++i)
            urlList << QUrl(QStringLiteral("https://example.org/%1.png").arg(i));
        const QList<HarvestInput> inputs =
            HarvestPlanner::dropInputs(pathList, urlList, QStringLiteral("trip"));
        QCOMPARE(inputs.size(), sources.size());
        for (int i = 0; i < inputs.size(); ++i) {
            const HarvestInput &input = inputs.at(i);
            QCOMPARE(int(input.source), sources.at(i));
            QCOMPARE(input.collection, QStringLiteral("trip"));
            QCOMPARE(input.limitPerTag, HarvestInput::Everything);
            QCOMPARE(input.paths, input.source == SourceKind::Local ? pathList : QStringList());
            QCOMPARE(input.urls, input.source == SourceKind::Urls ? urlList : QList<QUrl>());
        }
    }

    // Planned on a pool thread, one answer per input in order, the same answers as plan().
    void plansInTheBackground()
    {
        HarvestInput local;
        local.source = SourceKind::Local;
        local.paths = {m_dir.filePath(QStringLiteral("holidays"))};
        HarvestInput missing = local;
        missing.paths = {m_dir.filePath(QStringLiteral("gone"))};
        HarvestInput badTag;
        badTag.tags = L({"a/b"});
        auto future = HarvestPlanner::planInBackground({local, missing, badTag});
        future.waitForFinished();
        const auto plans = future.result();
        QCOMPARE(plans.size(), 3);
        QVERIFY(plans.at(0));
        QCOMPARE(plans.at(0)->spec.as<taglens::engine::LocalSpec>()->paths, local.paths);
        QVERIFY(!plans.at(1));
        QCOMPARE(plans.at(1).error().code, ErrorCode::NotFound);
        QVERIFY(!plans.at(2));
        QCOMPARE(plans.at(2).error().code, HarvestPlanner::plan(badTag).error().code);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHarvestPlanner)
#include "tst_harvestplanner.moc"
