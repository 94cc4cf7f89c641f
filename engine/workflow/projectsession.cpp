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

/// What an open and refresh() read, on a reader's thread.
struct Contents
{
    QStringList tags;
    QList<ModelLabels> models;
    QString chosen;
};

Expected<Contents> readContents(const ProjectStore &store)
{
    Contents contents;
    auto tags = store.tags();
    if (!tags)
        return tags.error();
    contents.tags = std::move(*tags);
    auto models = ModelLabels::of(store);
    if (!models)
        return models.error();
    contents.models = std::move(*models);
    auto chosen = ModelLabels::choice(store);
    if (!chosen)
        return chosen.error();
    contents.chosen = std::move(*chosen);
    return contents;
}

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
    auto contents = readContents(**store);
    if (!contents)
        return contents.error();
    overview.models = contents->models;
    const ModelLabels labels = ModelLabels::shown(overview.models, contents->chosen);
    overview.modelSha256 = labels.sha256;
    overview.modelTrained = labels.trained;
    overview.tags = contents->tags;
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

void ProjectSession::refresh()
{
    if (!m_readers)
        return;
    const quint64 generation = m_generation;
    whenFinished(m_readers->run([](const ProjectStore *store, const QString &error) -> Expected<Contents> {
        if (!store)
            return Error::make(ErrorCode::Io, error);
        return readContents(*store);
    }),
                 this, [this, generation](const Expected<Contents> &contents) {
                     if (generation != m_generation)
                         return; // another project opened meanwhile
                     if (!contents) {
                         qCWarning(lcProjectSession).noquote()
                             << "cannot read the tags:" << contents.error().message;
                         Q_EMIT failed(Operation::ReadTags, m_overview.path, contents.error());
                         return;
                     }
                     if (contents->tags != m_overview.tags) {
                         m_overview.tags = contents->tags;
                         Q_EMIT tagsChanged(m_overview.tags);
                     }
                     takeLabels(contents->models, contents->chosen);
                 });
}

void ProjectSession::chooseLabels(const QString &sha256)
{
    if (!isOpen()) {
        Q_EMIT failed(
            Operation::ChooseLabels, QString(),
            Error::make(ErrorCode::InvalidArgument, tr("There is no project to choose labels for.")));
        return;
    }
    const quint64 generation = m_generation;
    // On the session's own thread: a write, one connection, as short as a setting is.
    whenFinished(QtConcurrent::run(&m_pool,
                                   [path = m_overview.path, sha256]() -> Expected<Contents> {
                                       auto store = ProjectStore::open(path);
                                       if (!store)
                                           return store.error();
                                       if (auto chosen = ModelLabels::choose(**store, sha256); !chosen)
                                           return chosen.error();
                                       return readContents(**store);
                                   }),
                 this, [this, generation](const Expected<Contents> &contents) {
                     if (generation != m_generation)
                         return;
                     if (!contents) {
                         qCWarning(lcProjectSession).noquote()
                             << "cannot choose the labels:" << contents.error().message;
                         Q_EMIT failed(Operation::ChooseLabels, m_overview.path, contents.error());
                         return;
                     }
                     takeLabels(contents->models, contents->chosen);
                 });
}

void ProjectSession::takeLabels(const QList<ModelLabels> &models, const QString &chosen)
{
    const ModelLabels shown = ModelLabels::shown(models, chosen);
    if (models == m_overview.models && shown.sha256 == m_overview.modelSha256)
        return;
    m_overview.models = models;
    m_overview.modelSha256 = shown.sha256;
    m_overview.modelTrained = shown.trained;
    Q_EMIT labelsChanged();
}

void ProjectSession::close()
{
    ++m_generation;
    m_readers.reset();
    m_overview = ProjectOverview();
}

} // namespace taglens::engine
