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
#include <QTimer>

namespace taglens::engine {
class ProjectStore;
}

namespace taglens::ui {

/// The media rows of a project as a list: one row per media item under each tag. Lives on the
/// GUI thread with the store it reads. Thumbnails are decoded lazily on the thread pool and
/// announced with dataChanged(); until then ThumbnailRole is a null QImage.
class ProjectModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        ThumbnailRole = Qt::UserRole + 1, ///< QImage, null until decoded
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
        MediaIdRole,       ///< qint64
        UntrainedModelRole ///< bool: the predictions come from a test model and mean nothing
    };

    explicit ProjectModel(QObject *parent = nullptr);
    ~ProjectModel() override;

    /// Shows \a store's rows with the predictions of \a modelSha256 (empty: none). The store must
    /// outlive the model or be replaced first; nullptr empties the model.
    void setStore(engine::ProjectStore *store, const QString &modelSha256 = {}, bool modelTrained = true);
    engine::ProjectStore *store() const { return m_store; }
    QString modelSha256() const { return m_modelSha256; }
    bool modelTrained() const { return m_modelTrained; }

    /// Rereads every row.
    void reload();
    /// A media item reached a final status under \a tag: its row is added or refreshed shortly
    /// after (updates are coalesced so that a fast harvest reads the store a few times a second).
    void appendOrUpdate(qint64 mediaId, const QString &tag);
    /// Applies the updates queued by appendOrUpdate() now.
    void flushPending();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const engine::MediaRow &mediaRow(int row) const { return m_rows.at(row); }
    const QList<engine::MediaRow> &mediaRows() const { return m_rows; }
    /// Decoded thumbnails waiting in the pool (for tests).
    int thumbnailsInFlight() const { return m_loading.size(); }

Q_SIGNALS:
    /// Rows were added or changed (for charts and counters that summarise the model).
    void rowsRefreshed();

private:
    void requestThumbnail(const QString &sha256) const;
    void onThumbnailDecoded(const QString &sha256, const QImage &image, quint64 generation);

    engine::ProjectStore *m_store = nullptr;
    QString m_modelSha256;
    bool m_modelTrained = true;
    QList<engine::MediaRow> m_rows;
    QHash<QString, QHash<qint64, int>> m_rowByTagAndMedia; // tag → media id → row
    QHash<QString, QSet<qint64>> m_pending;                // tag → media ids to (re)read
    QTimer m_flushTimer;

    // Thumbnail cache; mutable because data() starts decodes lazily.
    mutable QCache<QString, QImage> m_thumbnails;
    mutable QSet<QString> m_loading;
    mutable QSet<QString> m_unavailable; // no thumbnail stored, or undecodable
    quint64 m_generation = 0;            // bumped by setStore() so late decodes are dropped
};

} // namespace taglens::ui
