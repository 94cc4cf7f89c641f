// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// The project file's schema as a list of migrations. Version N is reached by applying every
/// migration up to N in order; PRAGMA user_version records where a file stands.
/// A new schema version is one more entry at the end of migrations(); entries are never edited
/// once released, because files in the wild are at those versions.
class ProjectSchema
{
public:
    ProjectSchema() = delete;

    struct Migration
    {
        int version = 0;        ///< the user_version after this step
        QStringList statements; ///< one SQL statement each (Qt's SQLite driver runs one per exec)
    };

    /// "TGLN": PRAGMA application_id, so `file` and TagLens can tell a project from other SQLite files.
    static constexpr int applicationId = 0x54474C4E;

    static const QList<Migration> &migrations();
    /// The newest version this build knows (the last migration's).
    static int latestVersion();
};

} // namespace taglens::engine
