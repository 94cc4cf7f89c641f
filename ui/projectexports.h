// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/export/exportoptions.h"
#include "exportkind.h"
#include "filechooser.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

namespace taglens::ui {

class TagMotifChart;

/// Export ▸ …: asks where (starting in the folder the last export went to, remembered across
/// runs), then writes the data files off the GUI thread (engine ExportJob, each with a read-only
/// connection of its own) and the chart images from the chart on screen. It reports through
/// signals; the window shows them.
class ProjectExports : public QObject
{
    Q_OBJECT

public:
    explicit ProjectExports(TagMotifChart *chart, QObject *parent = nullptr);
    /// Waits for the last folder to be written to the settings.
    ~ProjectExports() override;

    void setSaveFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// Where the next file dialog starts (empty: beside the project).
    QString lastFolder() const { return m_lastFolder; }

    /// Asks for a file, then exports \a kind of the project at \a projectPath to it.
    void chooseAndExport(ExportKind kind, const QString &projectPath, const engine::ExportOptions &options);
    /// Exports \a kind to \a path: a chart image at once, a data file in the background
    /// (finished() says when). False, with failed() emitted, when it cannot start.
    bool exportTo(ExportKind kind, const QString &projectPath, const engine::ExportOptions &options,
                  const QString &path);

Q_SIGNALS:
    /// A line for the status bar (\a timeoutMs 0: until the next).
    void status(const QString &message, int timeoutMs);
    void failed(const QString &message);
    /// A data export ended (chart images end within exportTo()).
    void finished(const QString &path, bool ok);

private:
    void remember(const QString &path);

    TagMotifChart *m_chart;
    FileChooser m_chooseFile;
    QString m_lastFolder;
    QThreadPool m_writer; // one thread: the settings file is written off the GUI thread
};

} // namespace taglens::ui
