// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectschema.h"

namespace taglens::engine {

namespace {

// Version 1. Conventions: times are ISO 8601 UTC text with milliseconds ("…T03:04:05.000Z"), so
// they sort as text; JSON columns hold arrays or objects; empty strings rather than NULL for
// absent text, so the C++ side need not tell the two apart. images keeps the large columns last:
// SQLite walks a row's overflow pages to reach a later column, so reading a thumbnail must not
// mean reading the whole photo first.
QStringList schemaVersion1()
{
    return {
        QStringLiteral(R"(CREATE TABLE harvests (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            instance TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            parameters TEXT NOT NULL DEFAULT '{}',
            model_name TEXT NOT NULL DEFAULT '',
            model_sha256 TEXT NOT NULL DEFAULT '',
            model_trained INTEGER NOT NULL DEFAULT 1,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'completed', 'cancelled', 'failed'))))"),
        QStringLiteral(R"(CREATE TABLE posts (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            instance TEXT NOT NULL,
            remote_id TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            UNIQUE (source, instance, remote_id)))"),
        QStringLiteral(R"(CREATE TABLE post_tags (
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (post_id, tag)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE images (
            sha256 TEXT PRIMARY KEY,
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            format TEXT NOT NULL DEFAULT '',
            byte_size INTEGER NOT NULL DEFAULT 0,
            path TEXT,
            thumbnail BLOB,
            bytes BLOB,
            CHECK ((bytes IS NULL) <> (path IS NULL))))"),
        QStringLiteral(R"(CREATE TABLE media (
            id INTEGER PRIMARY KEY,
            post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
            media_index INTEGER NOT NULL,
            remote_id TEXT NOT NULL DEFAULT '',
            type TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            preview_url TEXT NOT NULL DEFAULT '',
            remote_url TEXT NOT NULL DEFAULT '',
            alt_text TEXT NOT NULL DEFAULT '',
            width INTEGER NOT NULL DEFAULT 0,
            height INTEGER NOT NULL DEFAULT 0,
            local_path TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'ok', 'skipped', 'failed')),
            error_code TEXT,
            error TEXT,
            image_sha256 TEXT REFERENCES images(sha256),
            UNIQUE (post_id, media_index),
            CHECK ((status = 'ok') = (image_sha256 IS NOT NULL))))"),
        QStringLiteral(R"(CREATE TABLE predictions (
            image_sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
            model_sha256 TEXT NOT NULL,
            rank INTEGER NOT NULL CHECK (rank >= 1),
            label_index INTEGER NOT NULL,
            label TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (image_sha256, model_sha256, rank)) WITHOUT ROWID)"),
        // A rowid table: 8 KiB vectors are far beyond what WITHOUT ROWID tables are good at.
        QStringLiteral(R"(CREATE TABLE embeddings (
            image_sha256 TEXT NOT NULL REFERENCES images(sha256) ON DELETE CASCADE,
            model_sha256 TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (image_sha256, model_sha256)))"),
        QStringLiteral(R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID)"),
        // Per-tag counts and row lists start from the tag; media by post is served by
        // UNIQUE(post_id, media_index); exports read one model's predictions in rank order.
        QStringLiteral("CREATE INDEX post_tags_by_tag ON post_tags (tag, post_id)"),
        QStringLiteral("CREATE INDEX posts_by_created_at ON posts (created_at)"),
        QStringLiteral("CREATE INDEX media_by_image ON media (image_sha256)"),
        QStringLiteral("CREATE INDEX media_by_status ON media (status)"),
        QStringLiteral("CREATE INDEX predictions_by_model ON predictions (model_sha256, rank)"),
        QStringLiteral("CREATE INDEX harvests_by_started_at ON harvests (started_at)"),
        QStringLiteral("PRAGMA application_id = %1").arg(ProjectSchema::applicationId),
    };
}

} // namespace

const QList<ProjectSchema::Migration> &ProjectSchema::migrations()
{
    static const QList<Migration> list{
        {1, schemaVersion1()},
    };
    return list;
}

int ProjectSchema::latestVersion()
{
    return migrations().constLast().version;
}

} // namespace taglens::engine
