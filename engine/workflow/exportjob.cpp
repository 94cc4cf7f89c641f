// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportjob.h"

#include "engine/export/exportsnapshot.h"
#include "engine/export/gexfexporter.h"
#include "engine/export/imagescsvexporter.h"
#include "engine/export/jsonexporter.h"
#include "engine/export/summarycsvexporter.h"
#include "engine/store/projectstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcExportJob, "taglens.engine.workflow.export")

namespace taglens::engine {

namespace {

Expected<void> writeOne(ExportJob::Format format, const ExportSnapshot &snapshot, const QString &path)
{
    switch (format) {
    case ExportJob::Format::ImagesCsv:
        return ImagesCsvExporter::write(snapshot, path);
    case ExportJob::Format::SummaryCsv:
        return SummaryCsvExporter::write(snapshot, path);
    case ExportJob::Format::Json:
        return JsonExporter::write(snapshot, path);
    case ExportJob::Format::Gexf:
        return GexfExporter::write(snapshot, path);
    }
    return Error::make(ErrorCode::Internal, QStringLiteral("unknown export format %1").arg(int(format)));
}

Error cancelled()
{
    return Error::make(ErrorCode::Cancelled,
                       QCoreApplication::translate("ExportJob", "The export was stopped."));
}

} // namespace

Expected<ExportJob::Written> ExportJob::run(const QString &projectPath, const ExportOptions &options,
                                            const QList<Target> &targets, const Progress &progress)
{
    const int total = int(targets.size()) + 1;
    if (progress && !progress(0, total))
        return cancelled();
    auto store = ProjectStore::open(projectPath, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return store.error();
    auto snapshot = ExportSnapshot::load(**store, options);
    if (!snapshot)
        return snapshot.error();
    Written written;
    written.modelTrained = snapshot->modelTrained;
    for (int i = 0; i < targets.size(); ++i) {
        if (progress && !progress(i + 1, total))
            return cancelled();
        const Target &target = targets.at(i);
        if (auto ok = writeOne(target.format, *snapshot, target.path); !ok)
            return ok.error();
        qCDebug(lcExportJob) << "wrote" << target.path;
        written.paths << target.path;
    }
    if (progress)
        std::ignore = progress(total, total); // the end: nothing is left to stop
    return written;
}

QFuture<Expected<ExportJob::Written>>
ExportJob::start(const QString &projectPath, const ExportOptions &options, const QList<Target> &targets)
{
    return QtConcurrent::run([projectPath, options, targets](QPromise<Expected<Written>> &promise) {
        promise.setProgressRange(0, int(targets.size()) + 1);
        promise.addResult(run(projectPath, options, targets, [&promise](int done, int) {
            promise.setProgressValue(done);
            return !promise.isCanceled();
        }));
    });
}

} // namespace taglens::engine
