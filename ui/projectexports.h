// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/export/exportoptions.h"
#include "engine/store/shownfilter.h"
#include "exportkind.h"
#include "filechooser.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <optional>

namespace taglens::ui {

class TagMotifChart;

/// Export ▸ …: says what it exports and asks where (starting in the folder the last export
/// went to, remembered across runs), then writes off the GUI thread: the data files through
/// the engine's ExportJob (each with a read-only connection of its own), the chart images as
/// rendered from the chart on screen with a caption of what it shows. When the grid shows only
/// some images, a data export asks whether to write all of them or the ones shown; the files
/// record which (ExportOptions::shown). It reports through signals; the window shows them.
class ProjectExports : public QObject
{
    Q_OBJECT

public:
    /// What the grid shows.
    struct View
    {
        engine::ShownFilter shown;
        int shownCount = 0;
        int total = 0;
    };
    enum class Scope
    {
        All,   ///< every image of the project
        Shown, ///< the images that pass the grid's filter
    };
    /// Asks all or shown (nothing: cancelled); tests answer with this, else a dialog asks.
    using ScopeChooser = std::function<std::optional<Scope>(const View &view)>;

    explicit ProjectExports(TagMotifChart *chart, QObject *parent = nullptr);
    /// Waits for the files and the last folder being written.
    ~ProjectExports() override;

    void setSaveFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    void setScopeChooser(ScopeChooser chooser) { m_chooseScope = std::move(chooser); }
    /// Where the next file dialog starts (empty: beside the project).
    QString lastFolder() const { return m_lastFolder; }

    /// Asks what (all or shown, when the grid is filtered) and where, then exports \a kind of
    /// the project at \a projectPath.
    void chooseAndExport(ExportKind kind, const QString &projectPath, const engine::ExportOptions &options,
                         const View &view);
    /// Exports \a kind to \a path in the background (finished() says when); \a options.shown
    /// set: only those images. False, with failed() emitted, when it cannot start.
    bool exportTo(ExportKind kind, const QString &projectPath, const engine::ExportOptions &options,
                  const QString &path);

Q_SIGNALS:
    /// A line for the status bar (\a timeoutMs 0: until the next).
    void status(const QString &message, int timeoutMs);
    void failed(const QString &message);
    /// An export ended.
    void finished(const QString &path, bool ok);

private:
    void askWhere(ExportKind kind, const QString &projectPath, const engine::ExportOptions &options);
    void askScope(const View &view, const std::function<void(Scope)> &then);
    void remember(const QString &path);
    void report(const QString &path, const engine::Expected<void> &written);

    TagMotifChart *m_chart;
    FileChooser m_chooseFile;
    ScopeChooser m_chooseScope;
    QString m_lastFolder;
    QThreadPool m_writer; // one thread: chart images and the settings file, off the GUI thread
};

} // namespace taglens::ui
