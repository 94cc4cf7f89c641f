// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/export/exportoptions.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <functional>

namespace taglens::engine {

/// Writes a project's exports: the project is read once (a snapshot through a read-only
/// connection of the job's own), then every file is written from that snapshot, so the CSV,
/// summary, JSON and GEXF of one job describe the same state. The CLI's `export` and the desktop
/// app's File ▸ Export both run it; the app runs it off the GUI thread with progress and cancel.
class ExportJob
{
public:
    enum class Format
    {
        ImagesCsv,
        SummaryCsv,
        Json,
        Gexf
    };
    struct Target
    {
        Format format = Format::ImagesCsv;
        QString path;
    };
    /// What was written, for the user.
    struct Written
    {
        QStringList paths;
        bool modelTrained = true; ///< false: the labels come from an untrained test model
    };
    /// Steps done of steps in all (reading the project is the first); false stops the job.
    using Progress = std::function<bool(int done, int total)>;

    ExportJob() = delete;

    /// Errors: those of the store (the project cannot be opened or read), Io (a file cannot be
    /// written; the files written before it stay), Cancelled (progress said stop).
    [[nodiscard]] static Expected<Written> run(const QString &projectPath, const ExportOptions &options,
                                               const QList<Target> &targets, const Progress &progress = {});
    /// run() on a pool thread; the future reports progress (0 … targets + 1) and cancel() stops it
    /// before the next file.
    static QFuture<Expected<Written>> start(const QString &projectPath, const ExportOptions &options,
                                            const QList<Target> &targets);
};

} // namespace taglens::engine
