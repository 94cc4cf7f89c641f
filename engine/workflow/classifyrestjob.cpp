// SPDX-License-Identifier: GPL-3.0-or-later
#include "classifyrestjob.h"

#include "engine/imaging/imagedecoder.h"
#include "engine/store/modellabels.h"
#include "engine/store/projectstore.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcClassifyRest, "taglens.engine.workflow.classifyrest")

namespace taglens::engine {

namespace {

struct Prepared
{
    QString sha256;
    PreparedInput input;
};

} // namespace

Expected<ClassifyRestJob::Done> ClassifyRestJob::run(const QString &projectPath, ImageClassifier &classifier,
                                                     const Options &options, const Progress &progress)
{
    const ModelInfo &model = classifier.info();
    if (model.sha256.isEmpty())
        return Error::make(ErrorCode::InvalidArgument,
                           tr("The model has no checksum to file its labels under."));
    if (options.batchSize < 1 || options.topK < 1)
        return Error::make(ErrorCode::InvalidArgument,
                           tr("The batch size and the labels per image must be at least 1."));
    if (!QFileInfo(projectPath).isFile()) // never a new, empty project by mistake
        return Error::make(ErrorCode::NotFound,
                           tr("%1 is not a project file.").arg(QDir::toNativeSeparators(projectPath)));
    auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::ReadWrite);
    if (!store)
        return store.error();
    auto images = (*store)->imagesWithoutClassification(model.sha256);
    if (!images)
        return images.error();

    Done done;
    done.modelSha256 = model.sha256;
    done.modelName = model.name;
    done.modelTrained = model.trained;
    done.total = int(images->size());
    qCInfo(lcClassifyRest) << done.total << "images of" << projectPath << "to classify with" << model.name;
    if (done.total == 0)
        return done;
    if (auto named = ModelLabels::remember(**store, model.sha256, model.name, model.trained); !named)
        return named.error();

    auto fail = [&done](const QString &sha256, const Error &error) {
        qCWarning(lcClassifyRest) << "cannot classify" << sha256 << error.message;
        if (done.failed++ == 0)
            done.firstProblem = error;
    };
    if (progress && !progress(0, done.total))
        return Error::make(ErrorCode::Cancelled, tr("Classifying was stopped."));
    for (qsizetype first = 0; first < images->size(); first += options.batchSize) {
        QList<Prepared> batch;
        const qsizetype end = qMin(images->size(), first + options.batchSize);
        for (qsizetype i = first; i < end; ++i) {
            const QString &sha256 = images->at(i);
            auto bytes = (*store)->imageBytes(sha256);
            if (!bytes) {
                fail(sha256, bytes.error());
                continue;
            }
            auto decoded = ImageDecoder::decode(*bytes);
            if (!decoded) {
                fail(sha256, decoded.error());
                continue;
            }
            auto input = classifier.prepare(decoded->image);
            if (!input) {
                fail(sha256, input.error());
                continue;
            }
            batch.append({sha256, *std::move(input)});
        }
        if (!batch.isEmpty()) {
            QList<PreparedInput> inputs;
            inputs.reserve(batch.size());
            for (const Prepared &p : std::as_const(batch))
                inputs.append(p.input);
            auto classified = classifier.classify(inputs, options.topK);
            if (!classified)
                return classified.error();
            if (classified->size() != batch.size())
                return Error::make(
                    ErrorCode::Inference,
                    tr("The model answered for %1 of %2 images.").arg(classified->size()).arg(batch.size()));
            // One transaction per batch: a stop or a kill keeps whole batches.
            auto write = [&]() -> Expected<void> {
                if (auto r = (*store)->transaction(); !r)
                    return r;
                for (qsizetype b = 0; b < batch.size(); ++b) {
                    if (auto r =
                            (*store)->addClassification(batch.at(b).sha256, model.sha256, classified->at(b));
                        !r)
                        return r;
                }
                return (*store)->commit();
            };
            if (auto written = write(); !written) {
                (*store)->rollback();
                return written.error();
            }
            done.classified += int(batch.size());
        }
        if (progress && !progress(int(end), done.total))
            return Error::make(ErrorCode::Cancelled,
                               tr("Classifying was stopped after %n image(s).", nullptr, done.classified));
    }
    qCInfo(lcClassifyRest) << "classified" << done.classified << "failed" << done.failed;
    return done;
}

QString ClassifyRestJob::summary(const Done &done)
{
    if (done.total == 0)
        return tr("Every image already has labels of %1.").arg(done.modelName);
    QString text = tr("Classified %1 of %n image(s) with %2.", nullptr, done.total)
                       .arg(done.classified)
                       .arg(done.modelName);
    if (done.failed > 0 && done.firstProblem) {
        text += QLatin1Char(' ') +
                tr("%n image(s) could not be read and keep no labels of this model: %1", nullptr, done.failed)
                    .arg(done.firstProblem->message);
    }
    return text;
}

QFuture<Expected<ClassifyRestJob::Done>>
ClassifyRestJob::start(const QString &projectPath, ClassifierLoader loader, const Options &options)
{
    return QtConcurrent::run(
        [projectPath, loader = std::move(loader), options](QPromise<Expected<Done>> &promise) {
            auto classifier = loader(options.modelPath);
            if (!classifier) {
                promise.addResult(Expected<Done>(classifier.error()));
                return;
            }
            promise.setProgressRange(0, 1);
            promise.addResult(run(projectPath, **classifier, options, [&promise](int done, int total) {
                promise.setProgressRange(0, qMax(1, total));
                promise.setProgressValue(done);
                return !promise.isCanceled();
            }));
        });
}

} // namespace taglens::engine
