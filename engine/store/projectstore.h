// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "../inference/classification.h"
#include "../sources/post.h"
#include "harvestrecord.h"
#include "harveststatus.h"
#include "imagerecord.h"
#include "mediarow.h"
#include "mediarowfilter.h"
#include "postref.h"
#include "statuscounts.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace taglens::engine {

/// A TagLens project: one SQLite file (`.taglens`) holding harvests, posts, media with their
/// status, the images themselves (by SHA-256), and each model's predictions and embeddings.
///
/// Crash safety: the file runs in WAL mode with synchronous=NORMAL, and every call that writes
/// more than one row does so in one transaction, so a killed process leaves each call's writes
/// either complete or absent, and the file consistent. Callers can group several calls into
/// one transaction with transaction()/commit() or a StoreTransaction (nesting is allowed).
///
/// Each instance owns its own database connection. Use an instance on the thread that opened
/// it (Qt SQL connections are bound to their thread); several instances, in one process or
/// several, may use the same file at once.
///
/// Tags are stored as given; callers normalise them (lower case, no '#') before passing them in.
class ProjectStore
{
    Q_DECLARE_TR_FUNCTIONS(ProjectStore)

public:
    enum class OpenMode
    {
        ReadWrite, ///< create the file when missing; bring an older schema up to date
        ReadOnly,  ///< the file must exist and be current; nothing is written (for exports)
    };

    /// Opens or creates a project. Errors: NotFound (ReadOnly and no such file), Io (cannot
    /// open, read or write it; damaged), InvalidArgument (not a TagLens project, or made by a
    /// newer TagLens than this one).
    static Expected<std::unique_ptr<ProjectStore>> open(const QString &path,
                                                        OpenMode mode = OpenMode::ReadWrite);
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    QString path() const;
    /// The schema version of the file (after open(), always ProjectSchema::latestVersion()).
    int schemaVersion() const;

    /// Runs SQLite's integrity and foreign-key checks over the whole file (reads every page).
    /// Errors: Io with the problems SQLite found.
    Expected<void> verifyIntegrity() const;

    /// Writes a complete, compact copy of the project to \a destination (Save As), while this
    /// store stays open: SQLite's VACUUM INTO writes a temporary file beside the destination,
    /// which then replaces it in one rename — a crash or a full disk leaves the destination as
    /// it was and no temporary behind. Not inside a transaction. Errors: InvalidArgument
    /// (destination is this project, or a transaction is open), Io (cannot write there).
    Expected<void> saveCopy(const QString &destination) const;

    // -- Transactions -------------------------------------------------------------------------

    /// Starts a transaction, or a nested one (a savepoint) inside an open one. On a ReadWrite
    /// store it takes the project's write lock at once (other writers wait up to 5 s), so keep it
    /// short; on a ReadOnly store it is a read snapshot that blocks no one.
    Expected<void> transaction();
    /// Commits the innermost open transaction. A failed outermost commit rolls back.
    Expected<void> commit();
    /// Undoes everything since the matching transaction(). Safe to call when SQLite has
    /// already rolled back on its own (after a disk-full error, for instance).
    void rollback();
    /// How many transaction() calls are open.
    int transactionDepth() const;

    // -- Harvests -----------------------------------------------------------------------------

    /// Records the start of a harvest (status Running) and returns its id.
    Expected<qint64> beginHarvest(const HarvestRecord &record);
    /// Sets the final status and finishedAt (now). Errors: NotFound for an unknown id.
    Expected<void> finishHarvest(qint64 harvestId, HarvestStatus status);
    /// The most recently started harvest; std::nullopt when the project has none.
    Expected<std::optional<HarvestRecord>> latestHarvest() const;
    /// Every harvest, oldest first.
    Expected<QList<HarvestRecord>> harvests() const;

    // -- Posts and media ----------------------------------------------------------------------

    /// Records that `post` was found under `tag`. Idempotent: a post is one row however often
    /// and under however many tags it is seen; its media rows are created as Pending the first
    /// time and never reset. Returns the post id and one MediaRef per post.media, so a resumed
    /// harvest processes only the items that are not done. Errors: InvalidArgument (empty tag,
    /// source or remote id), Io.
    Expected<PostRef> addPost(const Post &post, const QString &tag);
    /// Final status for an item that is not a still image (video, gifv, audio, no URL).
    Expected<void> markSkipped(qint64 mediaId, const QString &reason);
    /// Final status for an item that could not be fetched, decoded or classified.
    Expected<void> markFailed(qint64 mediaId, const Error &error);
    /// Final status for a classified item; the image must have been added with addImage() first.
    /// Errors: NotFound (unknown media id), InvalidArgument (unknown image).
    Expected<void> markOk(qint64 mediaId, const QString &sha256);

    // -- Images and classifications -----------------------------------------------------------

    /// Whether an image with these bytes is stored. False also when the project cannot be read;
    /// the caller then adds it again, which is harmless, and that write reports the error.
    bool hasImage(const QString &sha256) const;
    /// Stores an image unless one with the same SHA-256 is already there (the first one wins).
    /// Exactly one of record.bytes and record.path must be set. Errors: InvalidArgument, Io.
    Expected<void> addImage(const ImageRecord &record);
    /// Whether `modelSha256` has classified this image (false on read errors, as hasImage()).
    bool hasClassification(const QString &sha256, const QString &modelSha256) const;
    /// Stores ranked labels and the embedding of an image for a model in one transaction,
    /// replacing an earlier classification by the same model. Errors: InvalidArgument (unknown
    /// image, empty model hash), Io.
    Expected<void> addClassification(const QString &sha256, const QString &modelSha256,
                                     const Classification &classification);
    /// The images of `ok` media items that \a modelSha256 has not classified, each once, in the
    /// order they were first harvested: what "classify the rest" has to do.
    Expected<QStringList> imagesWithoutClassification(const QString &modelSha256) const;
    /// Reads back a classification. Errors: NotFound when there is none.
    Expected<Classification> classification(const QString &sha256, const QString &modelSha256) const;

    // -- Queries ------------------------------------------------------------------------------

    /// How many images each model has classified (by model SHA-256; an image stored once counts
    /// once however many posts show it).
    Expected<QHash<QString, int>> classifiedImageCounts() const;
    /// Media items with status Ok under `tag` (what `--limit` counts).
    Expected<int> okImageCount(const QString &tag) const;
    /// Media items per status under `tag`; an empty tag counts every media item once.
    Expected<StatusCounts> statusCounts(const QString &tag = {}) const;
    /// Every tag a harvest asked for or a post was found under, sorted.
    Expected<QStringList> tags() const;
    /// Media rows with their posts, ordered by tag, post creation time, post and media index.
    Expected<QList<MediaRow>> mediaRows(const MediaRowFilter &filter = {}) const;
    /// The rows of these media items only, as mediaRows() gives them (same order, one row per
    /// tag, filter.tag and the predictions applied): a cheap read for a few items of a large
    /// project. Unknown ids are left out; no ids, no rows.
    Expected<QList<MediaRow>> mediaRowsByIds(const QList<qint64> &mediaIds,
                                             const MediaRowFilter &filter = {}) const;
    /// The stored JPEG thumbnail (empty when none was stored). Errors: NotFound (unknown image).
    Expected<QByteArray> thumbnail(const QString &sha256) const;
    /// The image file's bytes, read from the project or from the referenced local file.
    /// Errors: NotFound (unknown image, or the local file is gone), Checksum (the local file
    /// changed since it was harvested), Io.
    Expected<QByteArray> imageBytes(const QString &sha256) const;

    // -- Settings -----------------------------------------------------------------------------

    /// A small per-project setting; `fallback` when it was never set.
    Expected<QString> setting(const QString &key, const QString &fallback = {}) const;
    Expected<void> setSetting(const QString &key, const QString &value);

private:
    struct Private;
    explicit ProjectStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace taglens::engine
