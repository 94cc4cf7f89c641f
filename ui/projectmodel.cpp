// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectmodel.h"

#include "engine/store/projectreadpool.h"
#include "engine/store/projectstore.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFuture>
#include <QImageReader>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcProjectModel, "taglens.ui.projectmodel")

namespace taglens::ui {

namespace {

// Decoded thumbnails kept: about 2,500 at the grid's 160 px, many screens' worth.
constexpr qsizetype ThumbnailCacheCost = qsizetype(96) * 1024 * 1024;
// Decoded previews kept (the detail panel's few last images).
constexpr qsizetype PreviewCacheCost = qsizetype(24) * 1024 * 1024;
constexpr int TopK = 5;
// Threads reading thumbnails and new rows. Two: the machine's other cores decode and classify
// during a harvest, and the GUI thread must keep one.
constexpr int ReaderThreads = 2;
constexpr int FlushIntervalMs = 150;

using RowsByTagAndMedia = QHash<QString, QHash<qint64, int>>; // tag → media id → row
using RowsBySha = QHash<QString, QList<int>>;                 // image → rows showing it

void addToIndex(const engine::MediaRow &r, int row, RowsByTagAndMedia &byTagAndMedia, RowsBySha &bySha)
{
    byTagAndMedia[r.tag].insert(r.mediaId, row);
    if (!r.sha256.isEmpty())
        bySha[r.sha256].append(row);
}

struct LoadedRows
{
    QList<engine::MediaRow> rows;
    // Built with the rows, on the loader thread: for 10,000 rows it is tens of milliseconds.
    RowsByTagAndMedia byTagAndMedia;
    RowsBySha bySha;
    QString error;
    bool ok = false;
};

// Decodes an image and fits it into a box of \a box pixels, on a pool thread. Scaling while
// decoding lets the JPEG decoder skip most of the work for a large photo.
QImage decodeFitted(const QByteArray &bytes, int box, bool enlarge)
{
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize original = reader.size();
    if (original.isValid() && box > 0 && (enlarge || original.width() > box || original.height() > box))
        reader.setScaledSize(original.scaled(box, box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    // The formats the raster engine draws without converting on every paint.
    image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    return image;
}

engine::MediaRowFilter rowFilter(const QString &modelSha256)
{
    return engine::MediaRowFilter{QString(), modelSha256, TopK};
}

} // namespace

ProjectModel::ProjectModel(QObject *parent) : QAbstractListModel(parent)
{
    m_thumbnails.setMaxCost(ThumbnailCacheCost);
    m_previews.setMaxCost(PreviewCacheCost);
    m_loadPool.setMaxThreadCount(1);
    m_loadPool.setObjectName(QStringLiteral("project-loader"));
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ProjectModel::flushPendingInBackground);
}

ProjectModel::~ProjectModel()
{
    // Every job finishes before the model goes, so none hands a result to a deleted model.
    m_readers.reset();
    m_loadPool.waitForDone();
}

void ProjectModel::setProject(const QString &path, const QString &modelSha256, bool modelTrained)
{
    m_path = path;
    m_modelSha256 = modelSha256;
    m_modelTrained = modelTrained;
    ++m_generation;
    // The old readers only run short jobs; their queued ones are dropped.
    m_readers.reset(path.isEmpty() ? nullptr : new engine::ProjectReadPool(path, ReaderThreads));
    forgetImages();
    m_pending.clear();
    m_flushing.clear();
    m_flushSoon = false;
    m_flushTimer.stop();
    reload();
}

void ProjectModel::relocate(const QString &path)
{
    if (path == m_path || m_path.isEmpty())
        return;
    m_path = path;
    // Jobs running on the old readers answer from the old file, which holds the same; queued ones
    // are dropped with it, so what they were to read is asked for again.
    m_readers.reset(new engine::ProjectReadPool(path, ReaderThreads));
    m_thumbnailLoading.clear();
    m_previewLoading.clear();
    for (auto it = m_flushing.cbegin(); it != m_flushing.cend(); ++it)
        m_pending[it.key()].unite(it.value());
    m_flushing.clear();
    ++m_flushSequence;
    if (!m_pending.isEmpty() && !m_loadingRows && !m_flushTimer.isActive())
        m_flushTimer.start();
    if (!m_rows.isEmpty()) // repainted, so what was dropped is asked for again
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ThumbnailRole, PreviewRole});
}

void ProjectModel::forgetImages()
{
    m_thumbnails.clear();
    m_thumbnailLoading.clear();
    m_thumbnailUnavailable.clear();
    m_previews.clear();
    m_previewLoading.clear();
    m_previewUnavailable.clear();
}

void ProjectModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowByTagAndMedia.clear();
    m_rowsBySha.clear();
    endResetModel();
    ++m_loadSequence;
    // The load reads every row; an update being read now would only be reset by it.
    for (auto it = m_flushing.cbegin(); it != m_flushing.cend(); ++it)
        m_pending[it.key()].unite(it.value());
    m_flushing.clear();
    ++m_flushSequence;
    if (!m_path.isEmpty())
        startLoad();
    else if (std::exchange(m_loadingRows, false))
        Q_EMIT loadingChanged(false);
    Q_EMIT rowsRefreshed();
}

void ProjectModel::startLoad()
{
    const bool wasLoading = std::exchange(m_loadingRows, true);
    const quint64 sequence = m_loadSequence;
    const quint64 generation = m_generation;
    // A whole project is read once, by a connection of its own on the loader thread.
    QtConcurrent::run(&m_loadPool, [path = m_path, filter = rowFilter(m_modelSha256)] {
        QElapsedTimer clock;
        clock.start();
        LoadedRows result;
        auto store = engine::ProjectStore::open(path, engine::ProjectStore::OpenMode::ReadOnly);
        if (!store) {
            result.error = store.error().message;
            return result;
        }
        auto rows = (*store)->mediaRows(filter);
        if (!rows) {
            result.error = rows.error().message;
            return result;
        }
        result.rows = std::move(*rows);
        for (int i = 0; i < result.rows.size(); ++i)
            addToIndex(result.rows.at(i), i, result.byTagAndMedia, result.bySha);
        result.ok = true;
        qCDebug(lcProjectModel) << "read" << result.rows.size() << "items in" << clock.elapsed() << "ms";
        return result;
    }).then(this, [this, sequence, generation](const LoadedRows &result) {
        // Announced from the event loop, never from within the caller of setProject().
        QMetaObject::invokeMethod(
            this,
            [this, sequence, generation, result] {
                if (generation != m_generation || sequence != m_loadSequence)
                    return;
                if (!result.ok) {
                    qCWarning(lcProjectModel).noquote() << "cannot read the project:" << result.error;
                    m_loadingRows = false;
                    Q_EMIT loadingChanged(false);
                    Q_EMIT loadFailed(result.error);
                    return;
                }
                applyLoadedRows(result.rows, result.byTagAndMedia, result.bySha);
            },
            Qt::QueuedConnection);
    });
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void ProjectModel::applyLoadedRows(const QList<engine::MediaRow> &rows,
                                   const QHash<QString, QHash<qint64, int>> &byTagAndMedia,
                                   const QHash<QString, QList<int>> &bySha)
{
    QElapsedTimer clock;
    clock.start();
    beginResetModel();
    m_rows = rows;
    m_rowByTagAndMedia = byTagAndMedia;
    m_rowsBySha = bySha;
    endResetModel();
    m_loadingRows = false;
    qCDebug(lcProjectModel) << "showing" << m_rows.size() << "items after" << clock.elapsed() << "ms";
    Q_EMIT loadingChanged(false);
    Q_EMIT rowsLoaded();
    Q_EMIT rowsRefreshed();
    // Updates that came in while the rows were read.
    if (!m_pending.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void ProjectModel::indexRow(int row)
{
    addToIndex(m_rows.at(row), row, m_rowByTagAndMedia, m_rowsBySha);
}

void ProjectModel::appendOrUpdate(qint64 mediaId, const QString &tag)
{
    m_pending[tag].insert(mediaId);
    if (!m_flushTimer.isActive() && m_flushing.isEmpty() && !m_loadingRows)
        m_flushTimer.start();
}

void ProjectModel::flushPendingInBackground()
{
    // One read at a time, so results apply in order; the next starts when this one is in.
    if (!m_readers || m_pending.isEmpty() || m_loadingRows || !m_flushing.isEmpty())
        return;
    m_flushing = std::exchange(m_pending, {});
    QList<qint64> ids;
    for (const auto &tagIds : std::as_const(m_flushing))
        ids.append(QList<qint64>(tagIds.cbegin(), tagIds.cend()));
    const quint64 sequence = m_flushSequence;
    const quint64 generation = m_generation;
    m_readers
        ->run(
            [ids, filter = rowFilter(m_modelSha256)](const engine::ProjectStore *store,
                                                     const QString &error) {
                LoadedRows result;
                if (!store) {
                    result.error = error;
                    return result;
                }
                auto rows = store->mediaRowsByIds(ids, filter);
                if (!rows) {
                    result.error = rows.error().message;
                    return result;
                }
                result.rows = std::move(*rows);
                result.ok = true;
                return result;
            },
            ++m_requestCounter)
        .then(this, [this, sequence, generation](const LoadedRows &result) {
            QMetaObject::invokeMethod(
                this,
                [this, sequence, generation, result] {
                    // Superseded by a reload (which reads every row) or another project.
                    if (generation != m_generation || sequence != m_flushSequence)
                        return;
                    const auto requested = std::exchange(m_flushing, {});
                    if (result.ok) {
                        applyFlushedRows(requested, result.rows);
                    } else {
                        // Kept for the next tick: a busy file answers later, and nothing is lost.
                        qCWarning(lcProjectModel).noquote() << "cannot read the project:" << result.error;
                        for (auto it = requested.cbegin(); it != requested.cend(); ++it)
                            m_pending[it.key()].unite(it.value());
                    }
                    if (m_pending.isEmpty())
                        m_flushSoon = false;
                    else if (std::exchange(m_flushSoon, false) && result.ok)
                        flushPendingInBackground();
                    else if (!m_flushTimer.isActive())
                        m_flushTimer.start();
                    Q_EMIT updatesRead(result.ok);
                },
                Qt::QueuedConnection);
        });
}

void ProjectModel::flushPending()
{
    m_flushTimer.stop();
    if (m_path.isEmpty() || m_loadingRows)
        return; // after the load, which starts the flush
    if (!m_flushing.isEmpty()) {
        m_flushSoon = true; // right after the read on its way (one at a time, so in order)
        return;
    }
    flushPendingInBackground();
}

void ProjectModel::applyFlushedRows(const QHash<QString, QSet<qint64>> &requested,
                                    const QList<engine::MediaRow> &rows)
{
    QElapsedTimer clock;
    clock.start();
    bool changed = false;
    QList<engine::MediaRow> added;
    for (const engine::MediaRow &row : rows) {
        const auto wanted = requested.constFind(row.tag);
        if (wanted == requested.cend() || !wanted->contains(row.mediaId))
            continue;
        changed = true;
        const auto &byMedia = m_rowByTagAndMedia[row.tag];
        const auto existing = byMedia.constFind(row.mediaId);
        if (existing == byMedia.cend()) {
            added << row;
            continue;
        }
        const int i = *existing;
        if (m_rows.at(i).sha256 != row.sha256) {
            if (!m_rows.at(i).sha256.isEmpty())
                m_rowsBySha[m_rows.at(i).sha256].removeOne(i);
            if (!row.sha256.isEmpty())
                m_rowsBySha[row.sha256].append(i);
        }
        m_rows[i] = row;
        const QModelIndex changedIndex = index(i);
        Q_EMIT dataChanged(changedIndex, changedIndex);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (auto &row : added) {
            m_rows << std::move(row);
            indexRow(int(m_rows.size()) - 1);
        }
        endInsertRows();
    }
    if (changed)
        Q_EMIT rowsRefreshed();
    // Rows and what listens to them (filters, views, counters) grow with the project: flush less
    // often when applying gets slow, so this takes at most about a tenth of the GUI thread.
    m_flushTimer.setInterval(qBound(FlushIntervalMs, int(clock.elapsed()) * 10, 2000));
}

void ProjectModel::setThumbnailSize(int devicePixels)
{
    devicePixels = qBound(16, devicePixels, 2048);
    if (devicePixels == m_thumbnailSize)
        return;
    m_thumbnailSize = devicePixels;
    m_thumbnails.clear();
    m_thumbnailUnavailable.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ThumbnailRole, Qt::DecorationRole});
}

void ProjectModel::setPreviewSize(int devicePixels)
{
    devicePixels = qBound(16, devicePixels, 4096);
    if (devicePixels == m_previewSize)
        return;
    m_previewSize = devicePixels;
    m_previews.clear();
    m_previewUnavailable.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {PreviewRole});
}

int ProjectModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ProjectModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::MediaRow &row = m_rows.at(index.row());
    const bool hasPrediction = !row.predictions.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
    case TopLabelRole:
        return hasPrediction ? row.predictions.first().label : QString();
    case Qt::ToolTipRole:
        if (row.status == engine::MediaStatus::Ok)
            return hasPrediction ? tr("#%1: %2 (%3%)")
                                       .arg(row.tag, row.predictions.first().label)
                                       .arg(double(row.predictions.first().score) * 100.0, 0, 'f', 1)
                                 : tr("#%1: not classified").arg(row.tag);
        return tr("#%1: %2 — %3").arg(row.tag, engine::mediaStatusName(row.status), row.error);
    case ThumbnailRole:
    case PreviewRole: {
        if (row.sha256.isEmpty())
            return QImage();
        const bool preview = role == PreviewRole;
        if (const QImage *cached = (preview ? m_previews : m_thumbnails).object(row.sha256))
            return *cached;
        requestImage(row.sha256, preview);
        return QImage();
    }
    case ScoreRole:
        return hasPrediction ? double(row.predictions.first().score) : 0.0;
    case PredictionsRole:
        return QVariant::fromValue(row.predictions);
    case StatusRole:
        return int(row.status);
    case TagRole:
        return row.tag;
    case ErrorRole:
        return row.error;
    case PostTextRole:
        return row.text;
    case AltTextRole:
        return row.altText;
    case AuthorRole:
        return row.author;
    case CreatedAtRole:
        return row.createdAt;
    case PostUrlRole:
        return row.postUrl;
    case MediaUrlRole:
        return row.mediaUrl.isEmpty() ? row.remoteUrl : row.mediaUrl;
    case Sha256Role:
        return row.sha256;
    case MediaIdRole:
        return row.mediaId;
    case UntrainedModelRole:
        return !m_modelTrained && hasPrediction;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{ThumbnailRole, "thumbnail"},
                  {TopLabelRole, "topLabel"},
                  {ScoreRole, "score"},
                  {PredictionsRole, "predictions"},
                  {StatusRole, "status"},
                  {TagRole, "tag"},
                  {ErrorRole, "error"},
                  {PostTextRole, "postText"},
                  {AltTextRole, "altText"},
                  {AuthorRole, "author"},
                  {CreatedAtRole, "createdAt"},
                  {PostUrlRole, "postUrl"},
                  {MediaUrlRole, "mediaUrl"},
                  {Sha256Role, "sha256"},
                  {MediaIdRole, "mediaId"},
                  {UntrainedModelRole, "untrainedModel"},
                  {PreviewRole, "preview"}});
    return names;
}

void ProjectModel::requestImage(const QString &sha256, bool preview) const
{
    QSet<QString> &loading = preview ? m_previewLoading : m_thumbnailLoading;
    if (!m_readers || loading.contains(sha256) ||
        (preview ? m_previewUnavailable : m_thumbnailUnavailable).contains(sha256))
        return;
    loading.insert(sha256);
    const int box = preview ? m_previewSize : m_thumbnailSize;
    const quint64 generation = m_generation;
    auto *self = const_cast<ProjectModel *>(this);
    // Read and decoded on a reader thread; the last requested first, which is what is on screen
    // after a fast scroll.
    m_readers
        ->run(
            [sha256, box, preview](const engine::ProjectStore *store, const QString &) -> QImage {
                if (!store)
                    return {};
                if (preview) {
                    // The photo itself, for a sharp preview; its thumbnail when it is gone.
                    if (auto bytes = store->imageBytes(sha256); bytes && !bytes->isEmpty()) {
                        QImage image = decodeFitted(*bytes, box, true);
                        if (!image.isNull())
                            return image;
                    }
                }
                auto bytes = store->thumbnail(sha256);
                if (!bytes || bytes->isEmpty())
                    return {};
                return decodeFitted(*bytes, box, preview);
            },
            ++m_requestCounter)
        .then(self, [self, sha256, preview, generation](const QImage &image) {
            // A load that finished before then() was attached runs this at once, inside data();
            // announce it from the event loop instead, never from within a view's data() call.
            QMetaObject::invokeMethod(
                self,
                [self, sha256, preview, generation, image] {
                    self->onImageLoaded(sha256, preview, image, generation);
                },
                Qt::QueuedConnection);
        });
}

void ProjectModel::onImageLoaded(const QString &sha256, bool preview, const QImage &image, quint64 generation)
{
    if (generation != m_generation)
        return;
    (preview ? m_previewLoading : m_thumbnailLoading).remove(sha256);
    if (image.isNull()) {
        qCDebug(lcProjectModel) << "no image for" << sha256;
        (preview ? m_previewUnavailable : m_thumbnailUnavailable).insert(sha256);
        return;
    }
    auto &cache = preview ? m_previews : m_thumbnails;
    cache.insert(sha256, new QImage(image),
                 qMin<qsizetype>(image.sizeInBytes(), preview ? PreviewCacheCost : ThumbnailCacheCost));
    emitImageChanged(sha256, preview ? PreviewRole : ThumbnailRole);
}

void ProjectModel::emitImageChanged(const QString &sha256, int role)
{
    const QList<int> roles =
        role == ThumbnailRole ? QList<int>{ThumbnailRole, Qt::DecorationRole} : QList<int>{role};
    const QList<int> rows = m_rowsBySha.value(sha256);
    for (const int row : rows) {
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, roles);
    }
}

} // namespace taglens::ui
