// SPDX-License-Identifier: GPL-3.0-or-later
// ClassifyRestJob: a project harvested with one model gets another model's labels for every ok
// image, from the bytes it holds; stops keep whole batches, a rerun does only the rest, and
// images that cannot be read any more are counted, not fatal.
#include "engine/imaging/imagedecoder.h"
#include "engine/store/modellabels.h"
#include "engine/store/projectstore.h"
#include "engine/workflow/classifyrestjob.h"
#include "support/fakeclassifier.h"
#include "ui/projectfixture.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using taglens::engine::ClassifyRestJob;
using taglens::engine::ErrorCode;
using taglens::engine::ImageClassifier;
using taglens::engine::MediaStatus;
using taglens::engine::ModelLabels;
using taglens::engine::ProjectStore;
using taglens::tests::FakeClassifier;
using taglens::tests::ProjectFixture;

class TestClassifyRestJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_modelPath;
    int m_project = 0;

    std::unique_ptr<ImageClassifier> classifier()
    {
        auto loaded = FakeClassifier::loader()(m_modelPath);
        if (!loaded)
            qFatal("the fake model does not load");
        return std::move(*loaded);
    }

    // A project harvested with the fixture's model: \a ok classified images under #cats and
    // #dogs, the first of them also under #dogs (the same bytes twice), one failed, one skipped.
    QString makeProject(int ok)
    {
        const QString path = m_dir.filePath(QStringLiteral("p%1.taglens").arg(++m_project));
        auto store = ProjectStore::open(path);
        if (!store)
            qFatal("cannot make a project");
        ProjectFixture fixture(store->get());
        for (int i = 0; i < ok; ++i)
            fixture.add(i % 2 ? QStringLiteral("dogs") : QStringLiteral("cats"), MediaStatus::Ok,
                        QStringLiteral("tabby"), 281, 0.5f);
        fixture.add(QStringLiteral("cats"), MediaStatus::Failed);
        fixture.add(QStringLiteral("cats"), MediaStatus::Skipped);
        return path;
    }

    static QStringList okImages(const QString &path)
    {
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        QStringList images;
        const auto rows = (*store)->mediaRows();
        if (!rows)
            return images;
        for (const auto &row : *rows) {
            if (row.status == MediaStatus::Ok && !images.contains(row.sha256))
                images << row.sha256;
        }
        return images;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_modelPath = m_dir.filePath(QStringLiteral("fake.model"));
        QVERIFY(FakeClassifier::writeModel(m_modelPath));
    }

    void classifiesEveryOkImageOnce_data()
    {
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("batchSize");
        QTest::newRow("one image") << 1 << 8;
        QTest::newRow("less than a batch") << 5 << 8;
        QTest::newRow("exactly two batches") << 8 << 4;
        QTest::newRow("batches of one") << 3 << 1;
        QTest::newRow("a batch and a bit") << 11 << 8;
    }
    void classifiesEveryOkImageOnce()
    {
        QFETCH(int, images);
        QFETCH(int, batchSize);
        const QString path = makeProject(images);
        const QStringList ok = okImages(path);
        QCOMPARE(ok.size(), images);
        auto model = classifier();
        QList<std::pair<int, int>> steps;
        auto done = ClassifyRestJob::run(path, *model, {{}, batchSize, 3}, [&steps](int d, int total) {
            steps << std::pair(d, total);
            return true;
        });
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->total, images);
        QCOMPARE(done->classified, images);
        QCOMPARE(done->failed, 0);
        QVERIFY(!done->firstProblem);
        QCOMPARE(done->modelSha256, model->info().sha256);
        // Progress: from 0 to all, once per batch.
        QCOMPARE(steps.first(), std::pair(0, images));
        QCOMPARE(steps.last(), std::pair(images, images));
        QCOMPARE(steps.size(), 1 + (images + batchSize - 1) / batchSize);

        // What is stored is what the classifier says of each image's own bytes.
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        for (const QString &sha : ok) {
            auto stored = (*store)->classification(sha, model->info().sha256);
            QVERIFY(stored);
            auto decoded = taglens::engine::ImageDecoder::decode(*(*store)->imageBytes(sha));
            auto expected = model->classify({*model->prepare(decoded->image)}, 3);
            QCOMPARE(stored->labels, expected->first().labels);
            QCOMPARE(stored->labels.size(), 3);
            // The earlier model's labels stay.
            QVERIFY((*store)->hasClassification(sha, QLatin1String(ProjectFixture::ModelSha)));
        }
        QVERIFY(*(*store)->imagesWithoutClassification(model->info().sha256) == QStringList());
        // The project now names the model, as a harvest with it would have.
        auto models = ModelLabels::of(**store);
        QVERIFY(models);
        const auto it = std::find_if(models->cbegin(), models->cend(),
                                     [&](const ModelLabels &m) { return m.sha256 == model->info().sha256; });
        QVERIFY(it != models->cend());
        QCOMPARE(it->name, model->info().name);
        QCOMPARE(it->trained, false);
        QCOMPARE(it->images, images);

        // Again: nothing left to do.
        auto again = ClassifyRestJob::run(path, *model, {});
        QVERIFY(again);
        QCOMPARE(again->total, 0);
        QCOMPARE(again->classified, 0);
    }

    void stopKeepsWholeBatches()
    {
        const QString path = makeProject(10);
        auto model = classifier();
        int calls = 0;
        auto stopped =
            ClassifyRestJob::run(path, *model, {{}, 4, 5}, [&calls](int, int) { return ++calls < 2; });
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        QCOMPARE((*store)->imagesWithoutClassification(model->info().sha256)->size(),
                 6); // one batch of 4 kept
        store->reset();
        auto rest = ClassifyRestJob::run(path, *model, {{}, 4, 5});
        QVERIFY(rest);
        QCOMPARE(rest->total, 6);
        QCOMPARE(rest->classified, 6);
        // Stopped before the first batch: nothing written.
        const QString other = makeProject(3);
        auto early = ClassifyRestJob::run(other, *model, {}, [](int, int) { return false; });
        QCOMPARE(early.error().code, ErrorCode::Cancelled);
        QCOMPARE(okImages(other).size(), 3);
        auto otherStore = ProjectStore::open(other, ProjectStore::OpenMode::ReadOnly);
        QCOMPARE((*otherStore)->imagesWithoutClassification(model->info().sha256)->size(), 3);
    }

    void unreadableImagesAreCountedNotFatal_data()
    {
        QTest::addColumn<QByteArray>("bytes"); // what the image's bytes become
        QTest::addColumn<int>("code");
        QTest::newRow("truncated PNG")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << int(ErrorCode::Decode);
        QTest::newRow("not an image")
            << QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>") << int(ErrorCode::NotAnImage);
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::NotAnImage);
    }
    void unreadableImagesAreCountedNotFatal()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const QString path = makeProject(4);
        const QStringList ok = okImages(path);
        {
            // Damage one image's stored bytes behind the store's back, as a broken copy would.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE images SET bytes = ? WHERE sha256 = ?"));
            query.addBindValue(bytes.isEmpty() ? QVariant(QByteArray("")) : QVariant(bytes));
            query.addBindValue(ok.at(1));
            QVERIFY(query.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        auto model = classifier();
        auto done = ClassifyRestJob::run(path, *model, {{}, 2, 5});
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->total, 4);
        QCOMPARE(done->classified, 3);
        QCOMPARE(done->failed, 1);
        QVERIFY(done->firstProblem);
        QCOMPARE(int(done->firstProblem->code), code);
        auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
        QCOMPARE(*(*store)->imagesWithoutClassification(model->info().sha256), QStringList{ok.at(1)});
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("content"); // of the project file; empty: no file
        QTest::addColumn<int>("code");
        QTest::newRow("no such project") << QByteArray() << int(ErrorCode::NotFound);
        QTest::newRow("not a project") << QByteArray("just text\n") << int(ErrorCode::InvalidArgument);
        QTest::newRow("a truncated SQLite header")
            << QByteArray("SQLite format 3\0\x10\0", 19) << int(ErrorCode::InvalidArgument);
    }
    void refusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        const QString path = m_dir.filePath(QStringLiteral("refused-%1.taglens").arg(++m_project));
        if (!content.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        auto model = classifier();
        auto done = ClassifyRestJob::run(path, *model, {});
        QVERIFY(!done);
        QCOMPARE(int(done.error().code), code);
        if (content.isEmpty()) {
            QVERIFY(!QFileInfo::exists(path)); // no project made on the way
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), content); // left as it was
        }
        auto bad = ClassifyRestJob::run(makeProject(1), *model, {{}, 0, 5});
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    }

    void startsInTheBackground()
    {
        const QString path = makeProject(6);
        QFutureWatcher<taglens::engine::Expected<ClassifyRestJob::Done>> watcher;
        QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(ClassifyRestJob::start(path, FakeClassifier::loader(), {m_modelPath, 2, 5}));
        QVERIFY(finished.wait(20000));
        const auto done = watcher.result();
        QVERIFY(done);
        QCOMPARE(done->classified, 6);
        QCOMPARE(watcher.progressMaximum(), 6);
        QCOMPARE(watcher.progressValue(), 6);

        // The loader's error comes back as the result.
        QFutureWatcher<taglens::engine::Expected<ClassifyRestJob::Done>> missing;
        QSignalSpy missingFinished(&missing, &QFutureWatcherBase::finished);
        missing.setFuture(ClassifyRestJob::start(path, FakeClassifier::loader(),
                                                 {m_dir.filePath(QStringLiteral("none.model")), 2, 5}));
        QVERIFY(missingFinished.wait(20000));
        QCOMPARE(missing.result().error().code, ErrorCode::ModelMissing);
    }
};

QTEST_GUILESS_MAIN(TestClassifyRestJob)
#include "tst_classifyrestjob.moc"
