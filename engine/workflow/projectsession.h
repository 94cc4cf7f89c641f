// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "../core/expected.h"
#include "projectoverview.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <memory>

namespace taglens::engine {

class ProjectReadPool;

/// The project a front end has open: opening (creating, migrating), Save As and the queries a
/// window repeats (the tags) all run off the caller's thread; results come back as signals on
/// it. The session holds no connection on the caller's thread: a harvest, the model of rows
/// and the exports each read or write through connections of their own, by path.
///
/// One open or Save As runs at a time; another asked for meanwhile fails at once with
/// InvalidArgument (the window disables the actions while isBusy()).
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    enum class OpenMode
    {
        CreateIfMissing, ///< a new project when there is no file (and its folder when missing)
        MustExist,       ///< File ▸ Open and the command line: the file must be there
        Replace,         ///< File ▸ New over an existing file (the file dialog asked): a new, empty project
    };
    enum class Operation
    {
        Open,
        SaveAs,
        ReadTags,
        ChooseLabels,
    };
    Q_ENUM(Operation)

    explicit ProjectSession(QObject *parent = nullptr);
    /// Waits for a running open or Save As (they are short and must not be cut off mid-write).
    ~ProjectSession() override;

    /// Opens \a path: opened() with what it holds, or failed(). Errors: NotFound (MustExist and
    /// no file), InvalidArgument (a folder, not a project, a newer TagLens' project, busy), Io.
    void open(const QString &path, OpenMode mode = OpenMode::CreateIfMissing);
    /// Writes a complete copy of the open project to \a path and continues there: opened() for
    /// the copy, or failed() with the open project unchanged. The same file: opened() at once.
    void saveAs(const QString &path);
    /// Reads the tags and the models with labels again (a harvest added some): tagsChanged() and
    /// labelsChanged() when they differ.
    void refresh();
    /// Shows the labels of the model \a sha256 from now on, in this and every front end and
    /// export (recorded in the project; empty: back to the default rule of ModelLabels):
    /// labelsChanged(), or failed(ChooseLabels).
    void chooseLabels(const QString &sha256);
    /// Forgets the open project (its file stays).
    void close();

    bool isOpen() const { return !m_overview.path.isEmpty(); }
    /// An open or Save As is running.
    bool isBusy() const { return m_busy; }
    QString path() const { return m_overview.path; }
    /// What the project held when it opened, with the tags as last read.
    const ProjectOverview &overview() const { return m_overview; }
    QStringList tags() const { return m_overview.tags; }

Q_SIGNALS:
    void opened(const taglens::engine::ProjectOverview &overview);
    void failed(taglens::engine::ProjectSession::Operation operation, const QString &path,
                const taglens::engine::Error &error);
    void tagsChanged(const QStringList &tags);
    /// The models with labels, or the one shown, changed (overview() has them).
    void labelsChanged();
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);
    void finishOpen(Operation operation, const QString &path, const Expected<ProjectOverview> &result);
    void takeLabels(const QList<ModelLabels> &models, const QString &chosen);

    QThreadPool m_pool; // one thread: opens and copies, one after the other
    std::unique_ptr<ProjectReadPool> m_readers;
    ProjectOverview m_overview;
    quint64 m_generation = 0; // bumped by every open and close, so late tag reads are dropped
    bool m_busy = false;
};

} // namespace taglens::engine
