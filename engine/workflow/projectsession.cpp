// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectsession.h"

#include "engine/core/sourcekind.h"
#include "engine/core/whenfinished.h"
#include "engine/store/projectreadpool.h"
#include "engine/store/projectstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcProjectSession, "taglens.engine.workflow.project")

namespace taglens::engine {

namespace {

// Runs on the session's thread: opens (creating or migrating), reads the overview, closes.
Expected<ProjectOverview> openAndRead(const QString &path, ProjectSession::OpenMode mode)
{
    if (path.trimmed().isEmpty())
        return Error::make(ErrorCode::InvalidArgument, ProjectSession::tr("No project file was named."));
    const QFileInfo file(path);
    const QString shown = QDir::toNativeSeparators(file.absoluteFilePath());
    if (file.isDir())
        return Error::make(ErrorCode::InvalidArgument,
                           ProjectSession::tr("%1 is a folder, not a project file.").arg(shown));
    if (mode == ProjectSession::OpenMode::Replace && file.exists()) {
        // The file and what SQLite keeps beside it; a project left half-removed would not open.
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()}) {
            const QString part = file.absoluteFilePath() + suffix;
            if (QFileInfo::exists(part) && !QFile::remove(part))
                return Error::make(ErrorCode::Io, ProjectSession::tr("Could not replace %1.").arg(shown));
        }
    }
    const bool existed = QFileInfo::exists(file.absoluteFilePath());
    if (!existed && mode == ProjectSession::OpenMode::MustExist)
        return Error::make(ErrorCode::NotFound, ProjectSession::tr("%1 does not exist.").arg(shown));
    if (!existed && !QDir().mkpath(file.absolutePath()))
        return Error::make(ErrorCode::Io, ProjectSession::tr("Could not create the folder %1.")
                                              .arg(QDir::toNativeSeparators(file.absolutePath())));
    auto store = ProjectStore::open(file.absoluteFilePath());
    if (!store)
        return store.error();
    ProjectOverview overview;
    overview.path = file.absoluteFilePath();
    overview.created = !existed;
    auto harvests = (*store)->harvests();
    if (!harvests)
        return harvests.error();
    for (auto it = harvests->crbegin(); it != harvests->crend(); ++it) {
        const auto kind = sourceKindFromName(it->source);
        if (!overview.lastSearch && kind && (isFediverse(*kind) || *kind == SourceKind::Instagram))
            overview.lastSearch = *it;
    }
    auto models = ModelLabels::of(**store);
    if (!models)
        return models.error();
    overview.models = *models;
    const ModelLabels byDefault = ModelLabels::shownByDefault(overview.models);
    overview.modelSha256 = byDefault.sha256;
    overview.modelTrained = byDefault.trained;
    auto tags = (*store)->tags();
    if (!tags)
        return tags.error();
    overview.tags = *tags;
    return overview;
}

Expected<ProjectOverview> copyAndOpen(const QString &from, const QString &to)
{
    {
        auto store = ProjectStore::open(from, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return store.error();
        if (auto copied = (*store)->saveCopy(to); !copied)
            return copied.error();
    }
    auto copy = openAndRead(to, ProjectSession::OpenMode::MustExist);
    if (copy)
        copy->copiedFrom = QFileInfo(from).absoluteFilePath();
    return copy;
}

} // namespace

ProjectSession::ProjectSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ProjectOverview>();
    qRegisterMetaType<Error>();
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("project-session"));
}

ProjectSession::~ProjectSession()
{
    m_pool.waitForDone();
}

void ProjectSession::setBusy(bool busy)
{
    if (std::exchange(m_busy, busy) != busy)
        Q_EMIT busyChanged(busy);
}

void ProjectSession::open(const QString &path, OpenMode mode)
{
    if (m_busy) {
        Q_EMIT failed(Operation::Open, path,
                      Error::make(ErrorCode::InvalidArgument,
                                  tr("A project is being opened or saved; try again when it is done.")));
        return;
    }
    setBusy(true);
    qCInfo(lcProjectSession) << "opening" << path;
    whenFinished(
        QtConcurrent::run(&m_pool, [path, mode] { return openAndRead(path, mode); }), this,
        [this, path](const Expected<ProjectOverview> &result) { finishOpen(Operation::Open, path, result); });
}

void ProjectSession::saveAs(const QString &path)
{
    if (m_busy || !isOpen()) {
        Q_EMIT failed(Operation::SaveAs, path,
                      Error::make(ErrorCode::InvalidArgument,
                                  m_busy
                                      ? tr("A project is being opened or saved; try again when it is done.")
                                      : tr("There is no project to save.")));
        return;
    }
    if (QFileInfo(path).absoluteFilePath() == m_overview.path) {
        Q_EMIT opened(m_overview);
        return;
    }
    setBusy(true);
    qCInfo(lcProjectSession) << "saving" << m_overview.path << "as" << path;
    whenFinished(
        QtConcurrent::run(&m_pool, [from = m_overview.path, path] { return copyAndOpen(from, path); }), this,
        [this, path](const Expected<ProjectOverview> &result) {
            finishOpen(Operation::SaveAs, path, result);
        });
}

void ProjectSession::finishOpen(Operation operation, const QString &path,
                                const Expected<ProjectOverview> &result)
{
    setBusy(false);
    if (!result) {
        qCWarning(lcProjectSession).noquote() << "cannot open" << path << ":" << result.error().message;
        Q_EMIT failed(operation, path, result.error());
        return;
    }
    ++m_generation;
    m_overview = *result;
    // A new pool for the new file: a connection is never pointed at another project.
    m_readers = std::make_unique<ProjectReadPool>(m_overview.path, 1);
    qCInfo(lcProjectSession) << "opened" << m_overview.path << (m_overview.created ? "(new)" : "");
    Q_EMIT opened(m_overview);
}

void ProjectSession::refreshTags()
{
    if (!m_readers)
        return;
    const quint64 generation = m_generation;
    whenFinished(m_readers->run([](const ProjectStore *store, const QString &error) -> Expected<QStringList> {
        if (!store)
            return Error::make(ErrorCode::Io, error);
        return store->tags();
    }),
                 this, [this, generation](const Expected<QStringList> &tags) {
                     if (generation != m_generation)
                         return; // another project opened meanwhile
                     if (!tags) {
                         qCWarning(lcProjectSession).noquote()
                             << "cannot read the tags:" << tags.error().message;
                         Q_EMIT failed(Operation::ReadTags, m_overview.path, tags.error());
                         return;
                     }
                     if (*tags == m_overview.tags)
                         return;
                     m_overview.tags = *tags;
                     Q_EMIT tagsChanged(m_overview.tags);
                 });
}

void ProjectSession::close()
{
    ++m_generation;
    m_readers.reset();
    m_overview = ProjectOverview();
}

} // namespace taglens::engine
