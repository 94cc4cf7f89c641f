// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/export/exportsnapshot.h"
#include "engine/export/summarycsvexporter.h"
#include "engine/workflow/exportjob.h"
#include "ui/projectfixture.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using engine::ErrorCode;
using engine::ExportJob;
using engine::MediaStatus;

class TestExportJob : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QList<ExportJob::Target> everyFormat(const QString &stem) const
    {
        return {{ExportJob::Format::ImagesCsv, m_dir.filePath(stem + QStringLiteral("-images.csv"))},
                {ExportJob::Format::SummaryCsv, m_dir.filePath(stem + QStringLiteral("-summary.csv"))},
                {ExportJob::Format::Json, m_dir.filePath(stem + QStringLiteral(".json"))},
                {ExportJob::Format::Gexf, m_dir.filePath(stem + QStringLiteral(".gexf"))}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("p.taglens"));
        auto store = engine::ProjectStore::open(m_project);
        QVERIFY(store);
        tests::ProjectFixture fixture(store->get());
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tabby"), 281, 0.8f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Ok, QStringLiteral("tiger cat"), 282, 0.4f);
        fixture.add(QStringLiteral("dogs"), MediaStatus::Ok, QStringLiteral("beagle"), 162, 0.9f);
        fixture.add(QStringLiteral("dogs"), MediaStatus::Failed);
    }

    // Every file from one snapshot: each is what its exporter makes of the project.
    void writesEveryFormat()
    {
        engine::ExportOptions options;
        options.minScore = 0.5;
        QList<int> steps;
        const auto written =
            ExportJob::run(m_project, options, everyFormat(QStringLiteral("all")), [&](int done, int total) {
                steps << done;
                return total == 5;
            });
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        QCOMPARE(written->paths.size(), 4);
        QCOMPARE(steps, (QList<int>{0, 1, 2, 3, 4, 5}));
        QVERIFY(written->modelTrained);
        auto store = engine::ProjectStore::open(m_project, engine::ProjectStore::OpenMode::ReadOnly);
        QVERIFY(store);
        const auto snapshot = engine::ExportSnapshot::load(**store, options);
        QVERIFY(snapshot);
        QCOMPARE(read(written->paths.at(1)), engine::SummaryCsvExporter::render(*snapshot));
        QVERIFY(!read(written->paths.at(1)).contains("tiger cat")); // below the minimum score
        for (const QString &path : written->paths)
            QVERIFY2(read(path).size() > 40, qPrintable(path));
    }

    void stopsBeforeTheNextFile()
    {
        const auto targets = everyFormat(QStringLiteral("stopped"));
        const auto written = ExportJob::run(m_project, {}, targets, [](int done, int) { return done < 2; });
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Cancelled);
        QVERIFY(QFile::exists(targets.at(0).path));
        QVERIFY(!QFile::exists(targets.at(1).path));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("projectFails");
        QTest::newRow("no such project") << QStringLiteral("none.taglens") << QStringLiteral("a.csv") << true;
        QTest::newRow("not a project") << QStringLiteral("junk.taglens") << QStringLiteral("b.csv") << true;
        QTest::newRow("folder that does not exist")
            << QStringLiteral("p.taglens") << QStringLiteral("no/such/c.csv") << false;
    }
    void errors()
    {
        QFETCH(QString, project);
        QFETCH(QString, target);
        QFETCH(bool, projectFails);
        QFile junk(m_dir.filePath(QStringLiteral("junk.taglens")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'j'));
        junk.close();
        const auto written = ExportJob::run(m_dir.filePath(project), {},
                                            {{ExportJob::Format::ImagesCsv, m_dir.filePath(target)}});
        QVERIFY(!written);
        QVERIFY(written.error().code != ErrorCode::Cancelled);
        if (!projectFails)
            QCOMPARE(written.error().code, ErrorCode::Io);
        QVERIFY(!QFile::exists(m_dir.filePath(target)));
    }

    void inTheBackground()
    {
        auto future = ExportJob::start(m_project, {}, everyFormat(QStringLiteral("background")));
        QFutureWatcher<engine::Expected<ExportJob::Written>> watcher;
        QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        QVERIFY(done.wait(20000));
        QCOMPARE(future.progressMaximum(), 5);
        QCOMPARE(future.progressValue(), 5);
        QVERIFY(future.result());
        QCOMPARE(future.result()->paths.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
