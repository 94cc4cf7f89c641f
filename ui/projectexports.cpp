// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectexports.h"

#include "charts/tagmotifchart.h"
#include "engine/core/whenfinished.h"
#include "engine/export/atomicfile.h"
#include "engine/workflow/exportjob.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace taglens::ui {

namespace {
const QString kLastFolderKey = QStringLiteral("exports/lastFolder");
} // namespace

ProjectExports::ProjectExports(TagMotifChart *chart, QObject *parent)
    : QObject(parent), m_chart(chart), m_lastFolder(QSettings().value(kLastFolderKey).toString())
{
    m_writer.setMaxThreadCount(1);
    m_writer.setObjectName(QStringLiteral("exports"));
}

ProjectExports::~ProjectExports()
{
    m_writer.waitForDone();
}

void ProjectExports::chooseAndExport(ExportKind kind, const QString &projectPath,
                                     const engine::ExportOptions &options, const View &view)
{
    if (ExportKinds::isChart(kind) || view.shown.isEmpty())
        return askWhere(kind, projectPath, options); // the chart says what it shows in its caption
    askScope(view, [this, kind, projectPath, options, shown = view.shown](Scope scope) {
        engine::ExportOptions scoped = options;
        if (scope == Scope::Shown)
            scoped.shown = shown;
        askWhere(kind, projectPath, scoped);
    });
}

void ProjectExports::askScope(const View &view, const std::function<void(Scope)> &then)
{
    if (m_chooseScope) {
        if (const std::optional<Scope> scope = m_chooseScope(view))
            then(*scope);
        return;
    }
    auto *parentWidget = qobject_cast<QWidget *>(parent());
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Export"),
                        tr("The grid shows %1 of %n image(s).", nullptr, view.total).arg(view.shownCount),
                        QMessageBox::Cancel, parentWidget);
    box->setObjectName(QStringLiteral("exportScope"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Shown: %1. The file records which images it holds.").arg(view.shown.describe()));
    QPushButton *all = box->addButton(tr("Export &All %n", nullptr, view.total), QMessageBox::AcceptRole);
    all->setAccessibleName(tr("Export every image of the project"));
    QPushButton *shown =
        box->addButton(tr("Export the %n &Shown", nullptr, view.shownCount), QMessageBox::AcceptRole);
    shown->setAccessibleName(tr("Export only the images shown"));
    box->setDefaultButton(shown);
    connect(all, &QPushButton::clicked, this, [then] { then(Scope::All); });
    connect(shown, &QPushButton::clicked, this, [then] { then(Scope::Shown); });
    box->open();
}

void ProjectExports::askWhere(ExportKind kind, const QString &projectPath,
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
    remember(path);
    Q_EMIT status(tr("Exporting %1…").arg(QDir::toNativeSeparators(path)), 0);
    if (!format) {
        // Drawn here (widgets live on this thread), encoded and written on the writer's.
        const QString caption = m_chart->caption();
        QFuture<engine::Expected<void>> written;
        if (kind == ExportKind::ChartPng) {
            written = QtConcurrent::run(&m_writer, [path, image = m_chart->renderImage(caption)] {
                QByteArray bytes;
                QBuffer buffer(&bytes);
                if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
                    return engine::Expected<void>(
                        engine::Error::make(engine::ErrorCode::Io, tr("Could not encode the chart.")));
                return engine::AtomicFile::write(path, bytes);
            });
        } else {
            written = QtConcurrent::run(&m_writer, [path, bytes = m_chart->renderSvg(caption)] {
                return engine::AtomicFile::write(path, bytes);
            });
        }
        engine::whenFinished(written, this,
                             [this, path](const engine::Expected<void> &result) { report(path, result); });
        return true;
    }
    if (projectPath.isEmpty()) {
        Q_EMIT status(QString(), 0);
        Q_EMIT failed(tr("Open a project to export it."));
        return false;
    }
    engine::whenFinished(engine::ExportJob::start(projectPath, options, {{*format, path}}), this,
                         [this, path](const engine::Expected<engine::ExportJob::Written> &written) {
                             report(path, written ? engine::Expected<void>()
                                                  : engine::Expected<void>(written.error()));
                         });
    return true;
}

void ProjectExports::report(const QString &path, const engine::Expected<void> &written)
{
    if (!written) {
        Q_EMIT status(QString(), 0);
        Q_EMIT failed(tr("Could not export: %1").arg(written.error().message));
        Q_EMIT finished(path, false);
        return;
    }
    Q_EMIT status(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 10000);
    Q_EMIT finished(path, true);
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
