// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/inference/classifierworker.h"
#include "engine/inference/fileclassifier.h"
#include "engine/inference/torch/torchclassifier.h"
#include "support/testmodels.h"
#include "support/testpaths.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace taglens;
using engine::ClassifierWorker;
using engine::ErrorCode;
using engine::FileClassification;
using engine::FileClassifier;

namespace {

std::unique_ptr<engine::ImageClassifier> tinyModel()
{
    return tests::loadTinyModel();
}

QImage solid(QColor colour)
{
    QImage image(64, 48, QImage::Format_RGB888);
    image.fill(colour);
    return image;
}

} // namespace

class TestClassifierWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesEverythingSubmitted()
    {
        ClassifierWorker worker(tinyModel());
        worker.setBatchSize(4);
        worker.setTopK(2);
        QSignalSpy classified(&worker, &ClassifierWorker::classified);
        QSignalSpy idle(&worker, &ClassifierWorker::idle);
        auto input = worker.prepare(solid(Qt::red));
        QVERIFY(input.hasValue());
        for (int i = 0; i < 10; ++i)
            worker.submit(i, *input);
        QTRY_COMPARE_WITH_TIMEOUT(classified.size(), 10, 30000);
        QTRY_VERIFY(idle.size() >= 1);
        QSet<qint64> ids;
        for (const auto &args : std::as_const(classified)) {
            ids.insert(args.at(0).toLongLong());
            const auto c = args.at(1).value<engine::Classification>();
            QCOMPARE(c.labels.size(), 2);
        }
        QCOMPARE(ids.size(), 10);
        QCOMPARE(worker.pending(), 0);
    }

    void cancelReportsEveryItem()
    {
        ClassifierWorker worker(tinyModel());
        worker.setBatchSize(2);
        QSignalSpy classified(&worker, &ClassifierWorker::classified);
        QSignalSpy failed(&worker, &ClassifierWorker::failed);
        auto input = worker.prepare(solid(Qt::blue));
        QVERIFY(input.hasValue());
        for (int i = 0; i < 400; ++i)
            worker.submit(i, *input);
        worker.cancel();
        // Every item reports exactly once, dropped ones as cancelled.
        QTRY_COMPARE_WITH_TIMEOUT(classified.size() + failed.size(), 400, 30000);
        QVERIFY(failed.size() > 300);
        QTest::qWait(100);
        QCOMPARE(classified.size() + failed.size(), 400);
        for (const auto &args : std::as_const(failed))
            QCOMPARE(args.at(1).value<engine::Error>().code, ErrorCode::Cancelled);
        // The worker accepts work again after a cancel.
        worker.submit(1000, *input);
        QTRY_VERIFY_WITH_TIMEOUT(!classified.isEmpty() && classified.last().at(0).toLongLong() == 1000, 30000);
    }

    void classifiesFilesInOrderWithOneResultEach()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList files;
        const QList<QColor> colours{Qt::red, Qt::green, Qt::blue, Qt::gray};
        for (int i = 0; i < colours.size(); ++i) {
            files << dir.filePath(QStringLiteral("img%1.png").arg(i));
            QVERIFY(solid(colours[i]).save(files.last()));
        }
        files.insert(1, dir.filePath(QStringLiteral("missing.jpg")));
        QFile text(dir.filePath(QStringLiteral("notes.jpg")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("this is not an image");
        text.close();
        files.insert(3, text.fileName());

        ClassifierWorker worker(tinyModel());
        FileClassifier runner(&worker);
        QList<FileClassification> results(files.size());
        QList<int> counts(files.size(), 0);
        connect(&runner, &FileClassifier::resultReady, this, [&](int index, const FileClassification &r) {
            results[index] = r;
            ++counts[index];
        });
        QSignalSpy finished(&runner, &FileClassifier::finished);
        QSignalSpy progress(&runner, &FileClassifier::progress);
        runner.start(files);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(counts, QList<int>(files.size(), 1));
        QCOMPARE(progress.last().at(0).toInt(), int(files.size()));
        QVERIFY(!results[1].ok);
        QCOMPARE(results[1].error.code, ErrorCode::NotFound);
        QVERIFY(!results[3].ok);
        QCOMPARE(results[3].error.code, ErrorCode::NotAnImage);
        for (int i : {0, 2, 4, 5}) {
            QVERIFY2(results[i].ok, qPrintable(results[i].error.message));
            QCOMPARE(results[i].file, files[i]);
            QCOMPARE(results[i].size, QSize(64, 48));
            QCOMPARE(results[i].classification.labels.size(), 4); // top-5 capped at the 4 classes
        }
        // A solid red picture and a solid green one must not get identical scores.
        QVERIFY(results[0].classification.labels.first().score != results[2].classification.labels.first().score
                || results[0].classification.labels.first().index != results[2].classification.labels.first().index);
    }

    void cancelEndsEveryFileOnce()
    {
        QTemporaryDir dir;
        QStringList files;
        for (int i = 0; i < 60; ++i) {
            files << dir.filePath(QStringLiteral("img%1.png").arg(i));
            QVERIFY(solid(QColor::fromHsv(i * 6, 200, 200)).save(files.last()));
        }
        ClassifierWorker worker(tinyModel());
        worker.setBatchSize(1);
        FileClassifier runner(&worker);
        runner.setDecodeThreads(1);
        QList<int> counts(files.size(), 0);
        int cancelled = 0;
        connect(&runner, &FileClassifier::resultReady, this, [&](int index, const FileClassification &r) {
            ++counts[index];
            if (!r.ok && r.error.code == ErrorCode::Cancelled)
                ++cancelled;
            if (index == 2)
                runner.cancel();
        });
        QSignalSpy finished(&runner, &FileClassifier::finished);
        runner.start(files);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(counts, QList<int>(files.size(), 1));
        QVERIFY(cancelled > 30);
    }
};

QTEST_GUILESS_MAIN(TestClassifierWorker)
#include "tst_classifierworker.moc"
