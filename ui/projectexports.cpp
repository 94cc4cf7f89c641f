// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectexports.h"

#include "charts/tagmotifchart.h"
#include "engine/core/whenfinished.h"
#include "engine/workflow/exportjob.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace taglens::ui {

namespace {
const QString kLastFolderKey = QStringLiteral("exports/lastFolder");
} // namespace

ProjectExports::ProjectExports(TagMotifChart *chart, QObject *parent)
    : QObject(parent), m_chart(chart), m_lastFolder(QSettings().value(kLastFolderKey).toString())
{
    m_writer.setMaxThreadCount(1);
    m_writer.setObjectName(QStringLiteral("export-folder"));
}

ProjectExports::~ProjectExports()
{
    m_writer.waitForDone();
}

void ProjectExports::chooseAndExport(ExportKind kind, const QString &projectPath,
                                     const engine::ExportOptions &options)
{
    if (!m_chooseFile)
        return;
    const ExportKinds::Info info = ExportKinds::info(kind);
    const QFileInfo project(projectPath);
    const QString folder =
        !m_lastFolder.isEmpty() && QFileInfo(m_lastFolder).isDir() ? m_lastFolder : project.absolutePath();
    const QString suggested = folder + QLatin1Char('/') + project.completeBaseName() + info.suffix;
    const QString path = m_chooseFile(info.dialogTitle, info.fileFilter, suggested);
    if (!path.isEmpty())
        exportTo(kind, projectPath, options, path);
}

bool ProjectExports::exportTo(ExportKind kind, const QString &projectPath,
                              const engine::ExportOptions &options, const QString &path)
{
    const std::optional<engine::ExportJob::Format> format = ExportKinds::jobFormat(kind);
    if (!format) {
        const QString error =
            kind == ExportKind::ChartPng ? m_chart->exportPng(path) : m_chart->exportSvg(path);
        if (!error.isEmpty()) {
            Q_EMIT failed(error);
            return false;
        }
        remember(path);
        Q_EMIT status(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
        return true;
    }
    if (projectPath.isEmpty()) {
        Q_EMIT failed(tr("Open a project to export it."));
        return false;
    }
    remember(path);
    Q_EMIT status(tr("Exporting %1…").arg(QDir::toNativeSeparators(path)), 0);
    engine::whenFinished(engine::ExportJob::start(projectPath, options, {{*format, path}}), this,
                         [this, path](const engine::Expected<engine::ExportJob::Written> &written) {
                             if (!written) {
                                 Q_EMIT status(QString(), 0);
                                 Q_EMIT failed(tr("Could not export: %1").arg(written.error().message));
                                 Q_EMIT finished(path, false);
                                 return;
                             }
                             Q_EMIT status(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 10000);
                             Q_EMIT finished(path, true);
                         });
    return true;
}

void ProjectExports::remember(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (folder == m_lastFolder)
        return;
    m_lastFolder = folder;
    m_writer.start([folder] { QSettings().setValue(kLastFolderKey, folder); });
}

} // namespace taglens::ui
