// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/mediarow.h"

#include <QAbstractListModel>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QList>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace taglens::engine {
class ProjectReadPool;
class ProjectStore;
} // namespace taglens::engine

namespace taglens::ui {

/// The media rows of a project as a list: one row per media item under each tag. Lives on the
/// GUI thread; everything it reads from the project is read on threads of its own (each with its
/// own read-only connection) and arrives queued: the rows when a project is set, the rows that
/// a harvest finishes, and the images, decoded and scaled to the size they are drawn at.
class ProjectModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        ThumbnailRole = Qt::UserRole + 1, ///< QImage at thumbnailSize(), null until loaded
        TopLabelRole,                     ///< QString, empty without predictions
        ScoreRole,                        ///< double, top-1 score; 0 without predictions
        PredictionsRole,                  ///< QList<engine::LabelScore>
        StatusRole,                       ///< int (engine::MediaStatus)
        TagRole,
        ErrorRole,
        PostTextRole,
        AltTextRole,
        AuthorRole,
        CreatedAtRole, ///< QDateTime, UTC
        PostUrlRole,   ///< QUrl
        MediaUrlRole,  ///< QUrl
        Sha256Role,
        MediaIdRole,        ///< qint64
        UntrainedModelRole, ///< bool: the predictions come from a test model and mean nothing
        PreviewRole,        ///< QImage fitted to previewSize() (the detail panel), null until loaded
    };

    explicit ProjectModel(QObject *parent = nullptr);
    ~ProjectModel() override;

    /// Shows the rows of the project at \a path with the predictions of \a modelSha256 (empty:
    /// none). The rows are read in the background, through connections of the model's own: the
    /// model is empty and isLoading() until rowsLoaded(). An empty path empties the model at once.
    void setProject(const QString &path, const QString &modelSha256 = {}, bool modelTrained = true);
    QString projectPath() const { return m_path; }
    /// The project now lives at \a path, with the same contents (Save As): later reads go there;
    /// the rows and decoded images stay.
    void relocate(const QString &path);
    QString modelSha256() const { return m_modelSha256; }
    bool modelTrained() const { return m_modelTrained; }

    /// Reads every row again, in the background (see setProject()).
    void reload();
    /// Whether the rows of the project are being read.
    bool isLoading() const { return m_loadingRows; }
    /// A media item reached a final status under \a tag: its row is added or refreshed shortly
    /// after (updates are coalesced, and read in the background a few times a second).
    void appendOrUpdate(qint64 mediaId, const QString &tag);
    /// Reads the updates queued by appendOrUpdate() now rather than at the next tick (the end of
    /// a harvest), in the background; rowsRefreshed() follows when they are in.
    void flushPending();
    /// Updates queued or being read.
    bool hasPendingUpdates() const { return !m_pending.isEmpty() || !m_flushing.isEmpty(); }

    /// The longest side, in device pixels, of the thumbnails handed out (larger ones are scaled
    /// down when decoded; smaller ones are kept as they are). Changing it forgets the decoded ones.
    void setThumbnailSize(int devicePixels);
    int thumbnailSize() const { return m_thumbnailSize; }
    /// The box, in device pixels, PreviewRole images are fitted into.
    void setPreviewSize(int devicePixels);
    int previewSize() const { return m_previewSize; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const engine::MediaRow &mediaRow(int row) const { return m_rows.at(row); }
    const QList<engine::MediaRow> &mediaRows() const { return m_rows; }
    /// Thumbnails being read and decoded (for tests and benchmarks).
    int thumbnailsInFlight() const { return int(m_thumbnailLoading.size()); }
    /// Decoded thumbnails kept, and their bytes (for tests and benchmarks).
    int thumbnailsCached() const { return int(m_thumbnails.count()); }
    qint64 thumbnailCacheBytes() const { return m_thumbnails.totalCost(); }

Q_SIGNALS:
    /// Rows were added or changed (for charts and counters that summarise the model).
    void rowsRefreshed();
    /// The rows of the project were read (after setProject() or reload()).
    void rowsLoaded();
    /// Reading the rows of the project started (true) or ended (false).
    void loadingChanged(bool loading);
    /// The rows could not be read.
    void loadFailed(const QString &message);
    /// A background read of updates ended (\a ok false: they stay queued for the next tick).
    void updatesRead(bool ok);

private:
    void startLoad();
    void applyLoadedRows(const QList<engine::MediaRow> &rows,
                         const QHash<QString, QHash<qint64, int>> &byTagAndMedia,
                         const QHash<QString, QList<int>> &bySha);
    void flushPendingInBackground();
    void applyFlushedRows(const QHash<QString, QSet<qint64>> &requested, const QList<engine::MediaRow> &rows);
    void indexRow(int row);
    void requestImage(const QString &sha256, bool preview) const;
    void onImageLoaded(const QString &sha256, bool preview, const QImage &image, quint64 generation);
    void emitImageChanged(const QString &sha256, int role);
    void forgetImages();

    QString m_path;
    std::unique_ptr<engine::ProjectReadPool> m_readers;
    QString m_modelSha256;
    bool m_modelTrained = true;
    QList<engine::MediaRow> m_rows;
    QHash<QString, QHash<qint64, int>> m_rowByTagAndMedia; // tag → media id → row
    QHash<QString, QList<int>> m_rowsBySha;                // image → rows showing it
    bool m_loadingRows = false;
    QThreadPool m_loadPool; // reads a whole project, with a connection of its own each time

    QHash<QString, QSet<qint64>> m_pending;  // tag → media ids to (re)read
    QHash<QString, QSet<qint64>> m_flushing; // tag → media ids being read in the background
    quint64 m_flushSequence = 0;             // bumped when a background read is superseded
    bool m_flushSoon = false;                // flushPending() asked while a read was on its way
    QTimer m_flushTimer;

    // Decoded images; mutable because data() starts loads lazily.
    mutable QCache<QString, QImage> m_thumbnails;
    mutable QSet<QString> m_thumbnailLoading;
    mutable QSet<QString> m_thumbnailUnavailable; // no thumbnail stored, or undecodable
    mutable QCache<QString, QImage> m_previews;
    mutable QSet<QString> m_previewLoading;
    mutable QSet<QString> m_previewUnavailable;
    mutable int m_requestCounter = 0; // later requests first: what is on screen now
    int m_thumbnailSize = 160;
    int m_previewSize = 280;
    quint64 m_generation = 0;   // bumped by setProject() so late results are dropped
    quint64 m_loadSequence = 0; // bumped by each load, so only the last one is shown
};

} // namespace taglens::ui
