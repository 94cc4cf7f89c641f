// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectstore.h"

#include "../core/sha256.h"
#include "projectschema.h"
#include "storetransaction.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtEndian>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <tuple>

Q_LOGGING_CATEGORY(lcStore, "taglens.engine.store", QtInfoMsg)

namespace taglens::engine {

namespace {

// SQLite's primary result codes that deserve their own message (Qt passes them through as
// QSqlError::nativeErrorCode()).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteNotADatabase = 26;

// How long a write waits for another connection's write to finish before giving up. A harvest
// and a GUI reading the same project both stay responsive with WAL; this only covers two writers.
constexpr int kBusyTimeoutMs = 5000;

QAtomicInteger<quint64> connectionCounter;

// Qt's SQLite driver binds a null QString or QByteArray as SQL NULL; the text columns are
// NOT NULL with '' for "absent", so every text value goes through here.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString text(const QUrl &url)
{
    return text(url.toString(QUrl::FullyEncoded));
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullBlob()
{
    return QVariant(QMetaType::fromType<QByteArray>());
}

QString storedTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime timeFromStore(const QString &value)
{
    return value.isEmpty() ? QDateTime() : QDateTime::fromString(value, Qt::ISODateWithMs).toUTC();
}

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QStringList stringListFromJson(const QString &value)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toUtf8()).array();
    for (const auto &item : array)
        list.append(item.toString());
    return list;
}

bool isSha256Hex(const QString &value)
{
    if (value.size() != 64)
        return false;
    return std::all_of(value.cbegin(), value.cend(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

Error invalidSha256(const QString &value)
{
    return Error::make(ErrorCode::InvalidArgument,
                       ProjectStore::tr("\"%1\" is not a SHA-256 (64 lower-case hex digits).").arg(value));
}

QByteArray encodeEmbedding(const QList<float> &vector)
{
    QByteArray bytes(vector.size() * qsizetype(sizeof(float)), Qt::Uninitialized);
    // Little-endian float32 whatever the host, so a project file moves between machines.
    qToLittleEndian<float>(vector.constData(), vector.size(), bytes.data());
    return bytes;
}

QList<float> decodeEmbedding(const QByteArray &bytes)
{
    QList<float> vector(bytes.size() / qsizetype(sizeof(float)));
    qFromLittleEndian<float>(bytes.constData(), vector.size(), vector.data());
    return vector;
}

} // namespace

struct ProjectStore::Private
{
    QString path;
    QString connectionName;
    QSqlDatabase db;
    OpenMode mode = OpenMode::ReadWrite;
    int schemaVersion = 0;
    int depth = 0;

    ~Private()
    {
        // removeDatabase() wants every QSqlDatabase copy and query on the connection gone first.
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
        }
    }

    Error sqlError(const QSqlError &error, const QString &what) const
    {
        const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
        const QString file = QDir::toNativeSeparators(path);
        switch (error.nativeErrorCode().toInt()) {
        case kSqliteNotADatabase:
            return Error::make(
                ErrorCode::InvalidArgument,
                ProjectStore::tr("%1 is not a TagLens project (not an SQLite database).").arg(file));
        case kSqliteCorrupt:
            return Error::make(ErrorCode::Io,
                               QStringLiteral("%1 is damaged: %2 (SQLite: %3).").arg(file, what, detail));
        case kSqliteFull:
            return Error::make(ErrorCode::Io, ProjectStore::tr("%1: %2: the disk is full.").arg(file, what));
        case kSqliteReadOnly:
            return Error::make(ErrorCode::Io,
                               ProjectStore::tr("%1: %2: the project is open read-only.").arg(file, what));
        case kSqliteBusy:
        case kSqliteLocked:
            return Error::make(
                ErrorCode::Io,
                ProjectStore::tr("%1: %2: another program is writing to the project.").arg(file, what));
        default:
            return Error::make(ErrorCode::Io, QStringLiteral("%1: %2 (SQLite: %3).").arg(file, what, detail));
        }
    }

    // Prepares and runs one statement with positional values. Forward-only: results are read
    // once, and SQLite need not buffer them.
    Expected<QSqlQuery> exec(const QString &sql, const QVariantList &values, const QString &what) const
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return sqlError(query.lastError(), what);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return sqlError(query.lastError(), what);
        return query;
    }

    // A statement without values and without result rows we need (PRAGMA, BEGIN, …).
    Expected<void> execPlain(const QString &sql, const QString &what) const
    {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return sqlError(query.lastError(), what);
        return {};
    }

    Expected<qint64> scalar(const QString &sql, const QVariantList &values, const QString &what) const
    {
        auto query = exec(sql, values, what);
        if (!query)
            return query.error();
        if (query->next())
            return query->value(0).toLongLong();
        if (query->lastError().isValid())
            return sqlError(query->lastError(), what);
        return qint64(0);
    }

    Expected<void> prepareConnection();
    Expected<void> migrate();
    Expected<QList<MediaRow>> readMediaRows(const MediaRowFilter &filter,
                                            const QList<qint64> *mediaIds) const;
};

Expected<void> ProjectStore::Private::prepareConnection()
{
    const QString file = QDir::toNativeSeparators(path);
    const QString reading = ProjectStore::tr("cannot read the project");
    // The first reads of the file: a file that is not SQLite fails here, before anything is written.
    const auto version = scalar(QStringLiteral("PRAGMA user_version"), {}, reading);
    if (!version)
        return version.error();
    const auto applicationId = scalar(QStringLiteral("PRAGMA application_id"), {}, reading);
    if (!applicationId)
        return applicationId.error();
    const auto objectCount = scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"), {}, reading);
    if (!objectCount)
        return objectCount.error();

    if (*version > ProjectSchema::latestVersion()) {
        return Error::make(ErrorCode::InvalidArgument,
                           QStringLiteral("%1 was made by a newer TagLens (project format %2; this version "
                                          "reads up to %3). Update TagLens to open it.")
                               .arg(file)
                               .arg(*version)
                               .arg(ProjectSchema::latestVersion()));
    }
    if ((*version == 0 && *objectCount > 0) ||
        (*version > 0 && *applicationId != ProjectSchema::applicationId)) {
        return Error::make(
            ErrorCode::InvalidArgument,
            ProjectStore::tr("%1 is an SQLite database, but not a TagLens project.").arg(file));
    }
    schemaVersion = int(*version);

    const QString configuring = ProjectStore::tr("cannot configure the connection");
    if (auto ok = execPlain(QStringLiteral("PRAGMA foreign_keys = ON"), configuring); !ok)
        return ok.error();
    if (auto ok = execPlain(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs), configuring); !ok)
        return ok.error();

    if (mode == OpenMode::ReadOnly) {
        if (schemaVersion == 0) {
            return Error::make(ErrorCode::InvalidArgument,
                               ProjectStore::tr("%1 is empty, not a TagLens project.").arg(file));
        }
        if (schemaVersion < ProjectSchema::latestVersion()) {
            return Error::make(ErrorCode::InvalidArgument,
                               QStringLiteral("%1 was made by an older TagLens; open it for writing once "
                                              "(for example with a harvest) to update it.")
                                   .arg(file));
        }
        return {};
    }

    // WAL: readers (the GUI, an export) never block the harvest's writer, and a commit is one
    // append, so a crash loses at most the transaction in flight. NORMAL is durable enough in
    // WAL mode (a power cut may lose the last commits, never consistency) and much faster.
    auto journal = exec(QStringLiteral("PRAGMA journal_mode = WAL"), {}, configuring);
    if (!journal)
        return journal.error();
    if (!journal->next() ||
        journal->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "WAL is not available for" << file << "- using SQLite's rollback journal";
    journal->finish();
    if (auto ok = execPlain(QStringLiteral("PRAGMA synchronous = NORMAL"), configuring); !ok)
        return ok.error();

    return migrate();
}

Expected<void> ProjectStore::Private::migrate()
{
    if (schemaVersion == ProjectSchema::latestVersion())
        return {};
    const QString what = ProjectStore::tr("cannot update the project format");
    // IMMEDIATE: two processes creating the same project wait for each other here instead of
    // both creating tables.
    if (auto ok = execPlain(QStringLiteral("BEGIN IMMEDIATE"), what); !ok)
        return ok.error();
    auto fail = [this](const Error &error) {
        std::ignore = execPlain(QStringLiteral("ROLLBACK"),
                                {}); // the error that made us roll back is the one to report
        return error;
    };
    const auto current = scalar(QStringLiteral("PRAGMA user_version"), {}, what);
    if (!current)
        return fail(current.error());
    for (const ProjectSchema::Migration &migration : ProjectSchema::migrations()) {
        if (migration.version <= *current)
            continue;
        for (const QString &statement : migration.statements) {
            if (auto ok = execPlain(statement, what); !ok)
                return fail(ok.error());
        }
        // user_version lives in the file header and is part of the transaction.
        if (auto ok = execPlain(QStringLiteral("PRAGMA user_version = %1").arg(migration.version), what); !ok)
            return fail(ok.error());
        if (*current > 0)
            qCInfo(lcStore) << "updated" << path << "to project format" << migration.version;
    }
    if (auto ok = execPlain(QStringLiteral("COMMIT"), what); !ok)
        return fail(ok.error());
    schemaVersion = ProjectSchema::latestVersion();
    return {};
}

ProjectStore::ProjectStore(std::unique_ptr<Private> d) : d(std::move(d))
{
}

ProjectStore::~ProjectStore()
{
    while (d->depth > 0)
        rollback();
}

Expected<std::unique_ptr<ProjectStore>> ProjectStore::open(const QString &path, OpenMode mode)
{
    if (path.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("No project file was given."));
    const QFileInfo info(path);
    const QString file = QDir::toNativeSeparators(path);
    if (info.isDir())
        return Error::make(ErrorCode::Io, tr("%1 is a folder, not a project file.").arg(file));
    if (!info.exists()) {
        if (mode == OpenMode::ReadOnly)
            return Error::make(ErrorCode::NotFound, tr("%1 does not exist.").arg(file));
        if (!info.absoluteDir().exists()) {
            return Error::make(ErrorCode::NotFound, tr("The folder for %1 does not exist.").arg(file));
        }
    }

    auto d = std::make_unique<Private>();
    d->path = path;
    d->mode = mode;
    d->connectionName = QStringLiteral("taglens-project-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    if (!d->db.isValid()) {
        return Error::make(ErrorCode::Internal,
                           tr("Qt's SQLite driver is not installed (the QSQLITE plugin)."));
    }
    d->db.setDatabaseName(path);
    if (mode == OpenMode::ReadOnly)
        d->db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!d->db.open()) {
        return Error::make(ErrorCode::Io,
                           tr("Cannot open %1: %2.").arg(file, d->db.lastError().databaseText()));
    }
    // From here the store owns the connection, so every early return below closes it.
    std::unique_ptr<ProjectStore> store(new ProjectStore(std::move(d)));
    if (auto prepared = store->d->prepareConnection(); !prepared)
        return prepared.error();
    qCDebug(lcStore) << "opened" << path << "schema" << store->d->schemaVersion;
    return store;
}

QString ProjectStore::path() const
{
    return d->path;
}

int ProjectStore::schemaVersion() const
{
    return d->schemaVersion;
}

Expected<void> ProjectStore::verifyIntegrity() const
{
    const QString what = tr("cannot check the project");
    QStringList problems;
    {
        auto query = d->exec(QStringLiteral("PRAGMA integrity_check"), {}, what);
        if (!query)
            return query.error();
        while (query->next()) {
            const QString line = query->value(0).toString();
            if (line != QLatin1String("ok"))
                problems.append(line);
        }
    }
    {
        auto query = d->exec(QStringLiteral("PRAGMA foreign_key_check"), {}, what);
        if (!query)
            return query.error();
        while (query->next()) {
            problems.append(
                tr("row %1 of %2 refers to a missing row of %3")
                    .arg(query->value(1).toString(), query->value(0).toString(), query->value(2).toString()));
        }
    }
    if (!problems.isEmpty()) {
        return Error::make(
            ErrorCode::Io,
            QStringLiteral("%1 is damaged: %2").arg(QDir::toNativeSeparators(d->path), problems.join(u"; ")));
    }
    return {};
}

// -- Transactions ---------------------------------------------------------------------------

Expected<void> ProjectStore::transaction()
{
    QString statement;
    if (d->depth == 0) {
        // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
        // writes fails at once (busy timeout or not) when another connection wrote in between.
        statement =
            d->mode == OpenMode::ReadOnly ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    } else {
        statement = QStringLiteral("SAVEPOINT taglens_%1").arg(d->depth);
    }
    if (auto ok = d->execPlain(statement, tr("cannot start a transaction")); !ok)
        return ok.error();
    ++d->depth;
    return {};
}

Expected<void> ProjectStore::commit()
{
    if (d->depth == 0)
        return Error::make(ErrorCode::Internal, tr("commit() without transaction()"));
    --d->depth;
    const QString what = tr("cannot save the changes");
    if (d->depth > 0)
        return d->execPlain(QStringLiteral("RELEASE taglens_%1").arg(d->depth), what);
    if (auto ok = d->execPlain(QStringLiteral("COMMIT"), what); !ok) {
        // A failed COMMIT can leave the transaction open; end it so the connection stays usable.
        std::ignore = d->execPlain(QStringLiteral("ROLLBACK"), {});
        return ok.error();
    }
    return {};
}

void ProjectStore::rollback()
{
    if (d->depth == 0)
        return;
    --d->depth;
    // Errors are ignored: after SQLITE_FULL or an I/O error SQLite may already have rolled the
    // whole transaction back, and then there is nothing left to undo.
    if (d->depth == 0) {
        std::ignore = d->execPlain(QStringLiteral("ROLLBACK"), {});
    } else {
        std::ignore = d->execPlain(QStringLiteral("ROLLBACK TO taglens_%1").arg(d->depth), {});
        std::ignore = d->execPlain(QStringLiteral("RELEASE taglens_%1").arg(d->depth), {});
    }
}

int ProjectStore::transactionDepth() const
{
    return d->depth;
}

// -- Harvests -------------------------------------------------------------------------------

namespace {

const QString kHarvestColumns = QStringLiteral(
    "id, source, instance, tags, parameters, model_name, model_sha256, model_trained, started_at, "
    "finished_at, status");

HarvestRecord harvestFromQuery(const QSqlQuery &query)
{
    HarvestRecord record;
    record.id = query.value(0).toLongLong();
    record.source = query.value(1).toString();
    record.instance = query.value(2).toString();
    record.tags = stringListFromJson(query.value(3).toString());
    record.parameters = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    record.modelName = query.value(5).toString();
    record.modelSha256 = query.value(6).toString();
    record.modelTrained = query.value(7).toBool();
    record.startedAt = timeFromStore(query.value(8).toString());
    record.finishedAt = timeFromStore(query.value(9).toString());
    record.status = harvestStatusFromName(query.value(10).toString());
    return record;
}

} // namespace

Expected<qint64> ProjectStore::beginHarvest(const HarvestRecord &record)
{
    if (record.source.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("A harvest needs a source."));
    const QDateTime started = record.startedAt.isValid() ? record.startedAt : QDateTime::currentDateTimeUtc();
    auto query = d->exec(
        QStringLiteral("INSERT INTO harvests (source, instance, tags, parameters, model_name, model_sha256, "
                       "model_trained, started_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')"),
        {record.source, text(record.instance), jsonText(record.tags), jsonText(record.parameters),
         text(record.modelName), text(record.modelSha256), record.modelTrained, storedTime(started)},
        tr("cannot record the harvest"));
    if (!query)
        return query.error();
    return query->lastInsertId().toLongLong();
}

Expected<void> ProjectStore::finishHarvest(qint64 harvestId, HarvestStatus status)
{
    auto query = d->exec(QStringLiteral("UPDATE harvests SET status = ?, finished_at = ? WHERE id = ?"),
                         {harvestStatusName(status), storedTime(QDateTime::currentDateTimeUtc()), harvestId},
                         tr("cannot record the end of the harvest"));
    if (!query)
        return query.error();
    if (query->numRowsAffected() == 0)
        return Error::make(ErrorCode::NotFound, tr("There is no harvest %1.").arg(harvestId));
    return {};
}

Expected<std::optional<HarvestRecord>> ProjectStore::latestHarvest() const
{
    auto query =
        d->exec(QStringLiteral("SELECT %1 FROM harvests ORDER BY id DESC LIMIT 1").arg(kHarvestColumns), {},
                tr("cannot read the harvests"));
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<HarvestRecord>();
    return std::optional<HarvestRecord>(harvestFromQuery(*query));
}

Expected<QList<HarvestRecord>> ProjectStore::harvests() const
{
    auto query = d->exec(QStringLiteral("SELECT %1 FROM harvests ORDER BY id").arg(kHarvestColumns), {},
                         tr("cannot read the harvests"));
    if (!query)
        return query.error();
    QList<HarvestRecord> list;
    while (query->next())
        list.append(harvestFromQuery(*query));
    return list;
}

// -- Posts and media ------------------------------------------------------------------------

Expected<PostRef> ProjectStore::addPost(const Post &post, const QString &tag)
{
    if (tag.isEmpty() || post.source.isEmpty() || post.remoteId.isEmpty()) {
        return Error::make(ErrorCode::InvalidArgument,
                           tr("A post needs a source, a remote id and the tag it was found under."));
    }
    const QString what = tr("cannot store post %1").arg(post.remoteId);
    StoreTransaction tx(*this);
    if (!tx.started())
        return tx.started().error();

    PostRef ref;
    const QVariantList key{post.source, text(post.instance), post.remoteId};
    {
        auto insert = d->exec(
            QStringLiteral(
                "INSERT INTO posts (source, instance, remote_id, url, created_at, author, text, tags) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (source, instance, remote_id) DO NOTHING"),
            key + QVariantList{text(post.url), storedTime(post.createdAt), text(post.author), text(post.text),
                               jsonText(post.tags)},
            what);
        if (!insert)
            return insert.error();
        ref.newPost = insert->numRowsAffected() == 1;
    }
    const auto postId =
        d->scalar(QStringLiteral("SELECT id FROM posts WHERE source = ? AND instance = ? AND remote_id = ?"),
                  key, what);
    if (!postId)
        return postId.error();
    ref.postId = *postId;
    {
        auto insert = d->exec(
            QStringLiteral("INSERT INTO post_tags (post_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING"),
            {ref.postId, tag}, what);
        if (!insert)
            return insert.error();
        ref.newForTag = insert->numRowsAffected() == 1;
    }

    // Existing rows are left alone: their status is the record of work already done.
    QSqlQuery insertMedia(d->db);
    if (!insertMedia.prepare(
            QStringLiteral("INSERT INTO media (post_id, media_index, remote_id, type, url, preview_url, "
                           "remote_url, alt_text, "
                           "width, height, local_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (post_id, media_index) DO NOTHING")))
        return d->sqlError(insertMedia.lastError(), what);
    for (qsizetype index = 0; index < post.media.size(); ++index) {
        const MediaItem &item = post.media.at(index);
        const QVariantList values{ref.postId,           int(index),          text(item.remoteId),
                                  text(item.type),      text(item.url),      text(item.previewUrl),
                                  text(item.remoteUrl), text(item.altText),  item.width,
                                  item.height,          text(item.localPath)};
        for (int i = 0; i < values.size(); ++i)
            insertMedia.bindValue(i, values.at(i));
        if (!insertMedia.exec())
            return d->sqlError(insertMedia.lastError(), what);
    }
    insertMedia.finish();

    QHash<int, MediaRef> stored;
    {
        auto query = d->exec(QStringLiteral("SELECT id, media_index, status FROM media WHERE post_id = ?"),
                             {ref.postId}, what);
        if (!query)
            return query.error();
        while (query->next()) {
            MediaRef media;
            media.id = query->value(0).toLongLong();
            media.index = query->value(1).toInt();
            media.status = mediaStatusFromName(query->value(2).toString());
            stored.insert(media.index, media);
        }
    }
    for (qsizetype index = 0; index < post.media.size(); ++index)
        ref.media.append(stored.value(int(index)));

    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return ref;
}

namespace {

Expected<void> requireOneRow(const Expected<QSqlQuery> &query, qint64 mediaId)
{
    if (!query)
        return query.error();
    if (query->numRowsAffected() == 0)
        return Error::make(ErrorCode::NotFound, ProjectStore::tr("There is no media item %1.").arg(mediaId));
    return {};
}

} // namespace

Expected<void> ProjectStore::markSkipped(qint64 mediaId, const QString &reason)
{
    return requireOneRow(
        d->exec(QStringLiteral("UPDATE media SET status = 'skipped', error_code = NULL, error = ?, "
                               "image_sha256 = NULL WHERE id = ?"),
                {text(reason), mediaId}, tr("cannot record a skipped item")),
        mediaId);
}

Expected<void> ProjectStore::markFailed(qint64 mediaId, const Error &error)
{
    return requireOneRow(
        d->exec(QStringLiteral("UPDATE media SET status = 'failed', error_code = ?, error = ?, "
                               "image_sha256 = NULL WHERE id = ?"),
                {errorCodeName(error.code), text(error.message), mediaId}, tr("cannot record a failed item")),
        mediaId);
}

Expected<void> ProjectStore::markOk(qint64 mediaId, const QString &sha256)
{
    if (!isSha256Hex(sha256))
        return invalidSha256(sha256);
    // Checked here rather than left to the foreign key, whose error names no row.
    const auto known = d->scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM images WHERE sha256 = ?)"),
                                 {sha256}, tr("cannot record a finished item"));
    if (!known)
        return known.error();
    if (*known == 0) {
        return Error::make(ErrorCode::InvalidArgument,
                           tr("Image %1 is not in the project; add it before marking items ok.").arg(sha256));
    }
    return requireOneRow(
        d->exec(QStringLiteral("UPDATE media SET status = 'ok', error_code = NULL, error = NULL, "
                               "image_sha256 = ? WHERE id = ?"),
                {sha256, mediaId}, tr("cannot record a finished item")),
        mediaId);
}

// -- Images and classifications -------------------------------------------------------------

bool ProjectStore::hasImage(const QString &sha256) const
{
    const auto known = d->scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM images WHERE sha256 = ?)"),
                                 {sha256}, tr("cannot read the images"));
    if (!known)
        qCWarning(lcStore) << known.error().message;
    return known && *known != 0;
}

Expected<void> ProjectStore::addImage(const ImageRecord &record)
{
    if (!isSha256Hex(record.sha256))
        return invalidSha256(record.sha256);
    if (record.bytes.isEmpty() == record.path.isEmpty()) {
        return Error::make(ErrorCode::InvalidArgument,
                           tr("An image needs either its bytes or the path of a local file."));
    }
    const QVariant bytes = record.bytes.isEmpty() ? nullBlob() : QVariant(record.bytes);
    const QVariant path = record.path.isEmpty() ? nullText() : QVariant(record.path);
    const QVariant thumbnail = record.thumbnail.isEmpty() ? nullBlob() : QVariant(record.thumbnail);
    const qint64 byteSize = record.byteSize > 0 ? record.byteSize : record.bytes.size();
    auto query = d->exec(
        QStringLiteral(
            "INSERT INTO images (sha256, width, height, format, byte_size, path, thumbnail, bytes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"),
        {record.sha256, record.width, record.height, text(record.format), byteSize, path, thumbnail, bytes},
        tr("cannot store image %1").arg(record.sha256));
    if (!query)
        return query.error();
    return {};
}

bool ProjectStore::hasClassification(const QString &sha256, const QString &modelSha256) const
{
    const auto known =
        d->scalar(QStringLiteral(
                      "SELECT EXISTS (SELECT 1 FROM predictions WHERE image_sha256 = ? AND model_sha256 = ?) "
                      "OR EXISTS (SELECT 1 FROM embeddings WHERE image_sha256 = ? AND model_sha256 = ?)"),
                  {sha256, modelSha256, sha256, modelSha256}, tr("cannot read the classifications"));
    if (!known)
        qCWarning(lcStore) << known.error().message;
    return known && *known != 0;
}

Expected<QStringList> ProjectStore::imagesWithoutClassification(const QString &modelSha256) const
{
    auto query = d->exec(QStringLiteral("SELECT m.image_sha256 FROM media m "
                                        "WHERE m.status = 'ok' AND m.image_sha256 IS NOT NULL "
                                        "AND NOT EXISTS (SELECT 1 FROM predictions p "
                                        "WHERE p.image_sha256 = m.image_sha256 AND p.model_sha256 = ?) "
                                        "GROUP BY m.image_sha256 ORDER BY MIN(m.id)"),
                         {modelSha256}, tr("cannot read the images still to classify"));
    if (!query)
        return query.error();
    QStringList images;
    while (query->next())
        images.append(query->value(0).toString());
    return images;
}

Expected<void> ProjectStore::addClassification(const QString &sha256, const QString &modelSha256,
                                               const Classification &classification)
{
    if (modelSha256.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("A classification needs the model's SHA-256."));
    if (!hasImage(sha256)) {
        return Error::make(
            ErrorCode::InvalidArgument,
            tr("Image %1 is not in the project; add it before its classification.").arg(sha256));
    }
    const QString what = tr("cannot store the classification of %1").arg(sha256);
    StoreTransaction tx(*this);
    if (!tx.started())
        return tx.started().error();
    for (const QString &table : {QStringLiteral("predictions"), QStringLiteral("embeddings")}) {
        auto removed =
            d->exec(QStringLiteral("DELETE FROM %1 WHERE image_sha256 = ? AND model_sha256 = ?").arg(table),
                    {sha256, modelSha256}, what);
        if (!removed)
            return removed.error();
    }
    QSqlQuery insert(d->db);
    if (!insert.prepare(
            QStringLiteral("INSERT INTO predictions (image_sha256, model_sha256, rank, label_index, "
                           "label, score) VALUES (?, ?, ?, ?, ?, ?)")))
        return d->sqlError(insert.lastError(), what);
    for (qsizetype rank = 0; rank < classification.labels.size(); ++rank) {
        const LabelScore &label = classification.labels.at(rank);
        insert.bindValue(0, sha256);
        insert.bindValue(1, modelSha256);
        insert.bindValue(2, int(rank + 1));
        insert.bindValue(3, label.index);
        insert.bindValue(4, text(label.label));
        insert.bindValue(5, double(label.score));
        if (!insert.exec())
            return d->sqlError(insert.lastError(), what);
    }
    insert.finish();
    if (!classification.embedding.isEmpty()) {
        auto stored = d->exec(
            QStringLiteral("INSERT INTO embeddings (image_sha256, model_sha256, vector) VALUES (?, ?, ?)"),
            {sha256, modelSha256, encodeEmbedding(classification.embedding)}, what);
        if (!stored)
            return stored.error();
    }
    return tx.commit();
}

Expected<Classification> ProjectStore::classification(const QString &sha256, const QString &modelSha256) const
{
    const QString what = tr("cannot read the classification of %1").arg(sha256);
    Classification result;
    bool found = false;
    {
        auto query = d->exec(QStringLiteral("SELECT label_index, label, score FROM predictions "
                                            "WHERE image_sha256 = ? AND model_sha256 = ? ORDER BY rank"),
                             {sha256, modelSha256}, what);
        if (!query)
            return query.error();
        while (query->next()) {
            found = true;
            result.labels.append(LabelScore{query->value(0).toInt(), query->value(1).toString(),
                                            float(query->value(2).toDouble())});
        }
    }
    {
        auto query = d->exec(
            QStringLiteral("SELECT vector FROM embeddings WHERE image_sha256 = ? AND model_sha256 = ?"),
            {sha256, modelSha256}, what);
        if (!query)
            return query.error();
        if (query->next()) {
            found = true;
            const QByteArray bytes = query->value(0).toByteArray();
            if (bytes.size() % qsizetype(sizeof(float)) != 0) {
                return Error::make(ErrorCode::Io, tr("%1: the stored embedding of %2 is damaged.")
                                                      .arg(QDir::toNativeSeparators(d->path), sha256));
            }
            result.embedding = decodeEmbedding(bytes);
        }
    }
    if (!found) {
        return Error::make(ErrorCode::NotFound,
                           tr("Image %1 has no classification by model %2.").arg(sha256, modelSha256));
    }
    return result;
}

// -- Queries --------------------------------------------------------------------------------

Expected<QHash<QString, int>> ProjectStore::classifiedImageCounts() const
{
    auto query = d->exec(QStringLiteral("SELECT model_sha256, COUNT(DISTINCT image_sha256) FROM predictions "
                                        "GROUP BY model_sha256"),
                         {}, tr("cannot count the classified images"));
    if (!query)
        return query.error();
    QHash<QString, int> counts;
    while (query->next())
        counts.insert(query->value(0).toString(), query->value(1).toInt());
    return counts;
}

Expected<int> ProjectStore::okImageCount(const QString &tag) const
{
    const auto count =
        d->scalar(QStringLiteral("SELECT COUNT(*) FROM post_tags pt JOIN media m ON m.post_id = "
                                 "pt.post_id WHERE pt.tag = ? AND m.status = 'ok'"),
                  {tag}, tr("cannot count the images of #%1").arg(tag));
    if (!count)
        return count.error();
    return int(*count);
}

Expected<StatusCounts> ProjectStore::statusCounts(const QString &tag) const
{
    auto query = tag.isEmpty()
                     ? d->exec(QStringLiteral("SELECT status, COUNT(*) FROM media GROUP BY status"), {},
                               tr("cannot count the media items"))
                     : d->exec(QStringLiteral(
                                   "SELECT m.status, COUNT(*) FROM post_tags pt JOIN media m ON m.post_id = "
                                   "pt.post_id WHERE pt.tag = ? GROUP BY m.status"),
                               {tag}, tr("cannot count the media items of #%1").arg(tag));
    if (!query)
        return query.error();
    StatusCounts counts;
    while (query->next()) {
        const int count = query->value(1).toInt();
        switch (mediaStatusFromName(query->value(0).toString())) {
        case MediaStatus::Pending:
            counts.pending += count;
            break;
        case MediaStatus::Ok:
            counts.ok += count;
            break;
        case MediaStatus::Skipped:
            counts.skipped += count;
            break;
        case MediaStatus::Failed:
            counts.failed += count;
            break;
        }
    }
    return counts;
}

Expected<QStringList> ProjectStore::tags() const
{
    const QString what = tr("cannot read the tags");
    QStringList list;
    {
        auto query = d->exec(QStringLiteral("SELECT DISTINCT tag FROM post_tags"), {}, what);
        if (!query)
            return query.error();
        while (query->next())
            list.append(query->value(0).toString());
    }
    // A tag that found nothing is still part of the project (and of its exports, with zeros).
    {
        auto query = d->exec(QStringLiteral("SELECT tags FROM harvests"), {}, what);
        if (!query)
            return query.error();
        while (query->next())
            list.append(stringListFromJson(query->value(0).toString()));
    }
    list.sort();
    list.removeDuplicates();
    return list;
}

// Every row of mediaRows(), or only those of \a mediaIds (a JSON array for json_each(), so any
// number of ids is one bound value).
Expected<QList<MediaRow>> ProjectStore::Private::readMediaRows(const MediaRowFilter &filter,
                                                               const QList<qint64> *mediaIds) const
{
    const QString what = ProjectStore::tr("cannot read the media items");
    // One read transaction, so the predictions and the rows come from the same state of the file
    // while a harvest writes to it. Inside a caller's transaction the state is already fixed.
    const bool ownSnapshot = depth == 0;
    if (ownSnapshot) {
        if (auto ok = execPlain(QStringLiteral("BEGIN"), what); !ok)
            return ok.error();
    }
    const auto endSnapshot = qScopeGuard([this, ownSnapshot] {
        if (ownSnapshot) // a read-only snapshot: ending it cannot lose anything
            std::ignore = execPlain(QStringLiteral("COMMIT"), {});
    });
    QString idsJson;
    if (mediaIds) {
        QStringList ids;
        ids.reserve(mediaIds->size());
        for (const qint64 id : *mediaIds)
            ids << QString::number(id);
        idsJson = QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    QHash<QString, QList<LabelScore>> predictions;
    if (!filter.modelSha256.isEmpty()) {
        // For a few ids, from their images through the primary key (CROSS JOIN keeps SQLite from
        // scanning the model's index over every prediction instead).
        auto query =
            mediaIds ? exec(QStringLiteral(
                                "SELECT pr.image_sha256, pr.label_index, pr.label, pr.score FROM "
                                "(SELECT DISTINCT image_sha256 AS sha FROM media WHERE id IN "
                                "(SELECT value FROM json_each(?)) AND image_sha256 IS NOT NULL) s "
                                "CROSS JOIN predictions pr ON pr.image_sha256 = s.sha "
                                "AND pr.model_sha256 = ? WHERE (? = 0 OR pr.rank <= ?) ORDER BY pr.rank"),
                            {idsJson, filter.modelSha256, filter.topK, filter.topK}, what)
                     : exec(QStringLiteral("SELECT image_sha256, label_index, label, score FROM predictions "
                                           "WHERE model_sha256 = ? AND (? = 0 OR rank <= ?) ORDER BY rank"),
                            {filter.modelSha256, filter.topK, filter.topK}, what);
        if (!query)
            return query.error();
        while (query->next()) {
            predictions[query->value(0).toString()].append(LabelScore{
                query->value(1).toInt(), query->value(2).toString(), float(query->value(3).toDouble())});
        }
    }

    QStringList conditions;
    QVariantList values;
    if (!filter.tag.isEmpty()) {
        conditions << QStringLiteral("pt.tag = ?");
        values << filter.tag;
    }
    if (mediaIds) {
        conditions << QStringLiteral("m.id IN (SELECT value FROM json_each(?))");
        values << idsJson;
    }
    auto query = exec(
        QStringLiteral(
            "SELECT pt.tag, p.id, p.source, p.instance, p.remote_id, p.url, p.created_at, p.author, p.text, "
            "p.tags, m.id, m.media_index, m.remote_id, m.type, m.url, m.preview_url, m.remote_url, "
            "m.alt_text, "
            "m.local_path, m.status, m.error_code, m.error, m.image_sha256, "
            "COALESCE(i.width, m.width), COALESCE(i.height, m.height) "
            "FROM post_tags pt JOIN posts p ON p.id = pt.post_id JOIN media m ON m.post_id = p.id "
            "LEFT JOIN images i ON i.sha256 = m.image_sha256 %1"
            "ORDER BY pt.tag, p.created_at, p.id, m.media_index")
            .arg(conditions.isEmpty()
                     ? QString()
                     : QStringLiteral("WHERE %1 ").arg(conditions.join(QLatin1String(" AND ")))),
        values, what);
    if (!query)
        return query.error();
    QList<MediaRow> rows;
    while (query->next()) {
        MediaRow row;
        row.tag = query->value(0).toString();
        row.postId = query->value(1).toLongLong();
        row.source = query->value(2).toString();
        row.instance = query->value(3).toString();
        row.postRemoteId = query->value(4).toString();
        row.postUrl = QUrl(query->value(5).toString());
        row.createdAt = timeFromStore(query->value(6).toString());
        row.author = query->value(7).toString();
        row.text = query->value(8).toString();
        row.postTags = stringListFromJson(query->value(9).toString());
        row.mediaId = query->value(10).toLongLong();
        row.mediaIndex = query->value(11).toInt();
        row.mediaRemoteId = query->value(12).toString();
        row.mediaType = query->value(13).toString();
        row.mediaUrl = QUrl(query->value(14).toString());
        row.previewUrl = QUrl(query->value(15).toString());
        row.remoteUrl = QUrl(query->value(16).toString());
        row.altText = query->value(17).toString();
        row.localPath = query->value(18).toString();
        row.status = mediaStatusFromName(query->value(19).toString());
        row.errorCode = query->value(20).toString();
        row.error = query->value(21).toString();
        row.sha256 = query->value(22).toString();
        row.width = query->value(23).toInt();
        row.height = query->value(24).toInt();
        if (!row.sha256.isEmpty())
            row.predictions = predictions.value(row.sha256);
        rows.append(std::move(row));
    }
    if (query->lastError().isValid())
        return sqlError(query->lastError(), what);
    return rows;
}

Expected<QList<MediaRow>> ProjectStore::mediaRows(const MediaRowFilter &filter) const
{
    return d->readMediaRows(filter, nullptr);
}

Expected<QList<MediaRow>> ProjectStore::mediaRowsByIds(const QList<qint64> &mediaIds,
                                                       const MediaRowFilter &filter) const
{
    if (mediaIds.isEmpty())
        return QList<MediaRow>();
    return d->readMediaRows(filter, &mediaIds);
}

Expected<QByteArray> ProjectStore::thumbnail(const QString &sha256) const
{
    auto query = d->exec(QStringLiteral("SELECT thumbnail FROM images WHERE sha256 = ?"), {sha256},
                         tr("cannot read the thumbnail of %1").arg(sha256));
    if (!query)
        return query.error();
    if (!query->next())
        return Error::make(ErrorCode::NotFound, tr("Image %1 is not in the project.").arg(sha256));
    return query->value(0).toByteArray();
}

Expected<QByteArray> ProjectStore::imageBytes(const QString &sha256) const
{
    QString path;
    QByteArray bytes;
    {
        auto query = d->exec(QStringLiteral("SELECT path, bytes FROM images WHERE sha256 = ?"), {sha256},
                             tr("cannot read image %1").arg(sha256));
        if (!query)
            return query.error();
        if (!query->next())
            return Error::make(ErrorCode::NotFound, tr("Image %1 is not in the project.").arg(sha256));
        path = query->value(0).toString();
        bytes = query->value(1).toByteArray();
    }
    if (path.isEmpty())
        return bytes;

    QFile file(path);
    if (!file.exists()) {
        return Error::make(
            ErrorCode::NotFound,
            tr("%1 is gone (it was harvested from there).").arg(QDir::toNativeSeparators(path)));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(ErrorCode::Io,
                           tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    bytes = file.readAll();
    // Local files are referenced, not copied, so they can change behind the project's back.
    if (Sha256::hex(bytes) != sha256) {
        return Error::make(ErrorCode::Checksum,
                           tr("%1 changed since it was harvested.").arg(QDir::toNativeSeparators(path)));
    }
    return bytes;
}

// -- Settings -------------------------------------------------------------------------------

Expected<QString> ProjectStore::setting(const QString &key, const QString &fallback) const
{
    auto query = d->exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key},
                         tr("cannot read setting %1").arg(key));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : fallback;
}

Expected<void> ProjectStore::saveCopy(const QString &destination) const
{
    const QFileInfo target(destination);
    const QString shown = QDir::toNativeSeparators(destination);
    if (destination.isEmpty() || target.absoluteFilePath() == QFileInfo(d->path).absoluteFilePath() ||
        (target.exists() && target.canonicalFilePath() == QFileInfo(d->path).canonicalFilePath()))
        return Error::make(ErrorCode::InvalidArgument, tr("%1 is this project itself.").arg(shown));
    if (d->depth > 0)
        return Error::make(ErrorCode::InvalidArgument,
                           tr("The project cannot be copied while it is being written."));
    if (target.isDir())
        return Error::make(ErrorCode::InvalidArgument, tr("%1 is a folder.").arg(shown));
    if (!target.absoluteDir().exists())
        return Error::make(ErrorCode::Io, tr("The folder of %1 does not exist.").arg(shown));

    // VACUUM INTO refuses an existing file: a fresh name beside the destination (same file
    // system, so the rename below is atomic).
    static QAtomicInteger<quint32> copyCounter;
    const QString partial = target.absoluteFilePath() + QStringLiteral(".part-%1-%2")
                                                            .arg(QCoreApplication::applicationPid())
                                                            .arg(copyCounter.fetchAndAddRelaxed(1));
    QFile::remove(partial);
    auto removePartial = qScopeGuard([&] { QFile::remove(partial); });
    if (auto vacuum =
            d->exec(QStringLiteral("VACUUM INTO ?"), {partial}, tr("cannot write a copy to %1").arg(shown));
        !vacuum)
        return vacuum.error();
    if (::rename(QFile::encodeName(partial).constData(),
                 QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return Error::make(
            ErrorCode::Io,
            tr("Cannot replace %1: %2").arg(shown, QString::fromLocal8Bit(std::strerror(errno))));
    removePartial.dismiss();
    qCInfo(lcStore) << "copied" << d->path << "to" << target.absoluteFilePath();
    return {};
}

Expected<void> ProjectStore::setSetting(const QString &key, const QString &value)
{
    auto query = d->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                         {text(key), text(value)}, tr("cannot save setting %1").arg(key));
    if (!query)
        return query.error();
    return {};
}

} // namespace taglens::engine
