// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/inference/imageclassifier.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace taglens::engine {

/// Classifies the images of a project that a model has not labelled yet (a project harvested
/// partly with another model), from the image bytes the project holds: no network. Afterwards
/// every `ok` image has that model's labels, so the views and exports can show one model for
/// everything. The desktop app (View ▸ Classify the Rest) and `taglens-cli classify --project`
/// both run it.
///
/// Each batch is written in one transaction, so a stop or a kill keeps what was classified and
/// running it again does only the rest. An image that cannot be read or decoded any more (a
/// local file that changed or went) is counted as failed and left as it is; it does not stop
/// the job.
class ClassifyRestJob
{
    Q_DECLARE_TR_FUNCTIONS(ClassifyRestJob)

public:
    using ClassifierLoader =
        std::function<Expected<std::unique_ptr<ImageClassifier>>(const QString &modelPath)>;

    struct Options
    {
        QString modelPath; ///< for the loader; empty: the installed model
        int batchSize = 8; ///< images per forward pass
        int topK = 5;      ///< labels kept per image, as a harvest keeps them
    };

    /// What the job did.
    struct Done
    {
        QString modelSha256;
        QString modelName;
        bool modelTrained = true;
        int total = 0;                     ///< images that were without the model's labels when it started
        int classified = 0;                ///< of them, now labelled
        int failed = 0;                    ///< could not be read or decoded: still without labels
        std::optional<Error> firstProblem; ///< why the first failed one failed
    };

    /// Images done of images in all; false stops the job after the batch under way.
    using Progress = std::function<bool(int done, int total)>;

    ClassifyRestJob() = delete;

    /// What a job did, in a sentence for people: how many of how many images, with which model,
    /// and why the first that could not be read could not (both front ends show it).
    static QString summary(const Done &done);

    /// Classifies with \a classifier on the calling thread. Errors: NotFound (no such project
    /// file; none is created), InvalidArgument (bad options), those of the store (cannot
    /// open, read or write the project), Inference (the model failed on a batch; what was written
    /// before stays), Cancelled (progress said stop; what was written stays).
    [[nodiscard]] static Expected<Done> run(const QString &projectPath, ImageClassifier &classifier,
                                            const Options &options, const Progress &progress = {});
    /// Loads the model with \a loader and run()s, on a pool thread; the future reports progress
    /// (images done of images in all) and cancel() stops it after the batch under way. Errors:
    /// also the loader's.
    static QFuture<Expected<Done>> start(const QString &projectPath, ClassifierLoader loader,
                                         const Options &options);
};

} // namespace taglens::engine
