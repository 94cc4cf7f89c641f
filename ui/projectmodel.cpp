// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectmodel.h"

#include "engine/store/projectstore.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcProjectModel, "taglens.ui.projectmodel")

namespace taglens::ui {

namespace {
constexpr int ThumbnailCacheCost = 256 * 1024 * 1024; // bytes of decoded thumbnails kept
constexpr int TopK = 5;
} // namespace

ProjectModel::ProjectModel(QObject *parent) : QAbstractListModel(parent)
{
    m_thumbnails.setMaxCost(ThumbnailCacheCost);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(150);
    connect(&m_flushTimer, &QTimer::timeout, this, &ProjectModel::flushPending);
}

ProjectModel::~ProjectModel() = default;

void ProjectModel::setStore(engine::ProjectStore *store, const QString &modelSha256, bool modelTrained)
{
    m_store = store;
    m_modelSha256 = modelSha256;
    m_modelTrained = modelTrained;
    ++m_generation;
    m_thumbnails.clear();
    m_loading.clear();
    m_unavailable.clear();
    m_pending.clear();
    m_flushTimer.stop();
    reload();
}

void ProjectModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowByTagAndMedia.clear();
    if (m_store) {
        auto rows = m_store->mediaRows(engine::MediaRowFilter{QString(), m_modelSha256, TopK});
        if (rows) {
            m_rows = std::move(*rows);
        } else {
            qCWarning(lcProjectModel) << "cannot read the project:" << rows.error().message;
        }
    }
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowByTagAndMedia[m_rows.at(i).tag].insert(m_rows.at(i).mediaId, i);
    endResetModel();
    Q_EMIT rowsRefreshed();
}

void ProjectModel::appendOrUpdate(qint64 mediaId, const QString &tag)
{
    m_pending[tag].insert(mediaId);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ProjectModel::flushPending()
{
    m_flushTimer.stop();
    if (!m_store || m_pending.isEmpty())
        return;
    const auto pending = std::exchange(m_pending, {});
    QElapsedTimer clock;
    clock.start();
    bool changed = false;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        // The store has no lookup by media id; one query per tag and flush keeps this cheap enough.
        auto rows = m_store->mediaRows(engine::MediaRowFilter{it.key(), m_modelSha256, TopK});
        if (!rows) {
            qCWarning(lcProjectModel) << "cannot read the project:" << rows.error().message;
            continue;
        }
        QList<engine::MediaRow> added;
        auto &byMedia = m_rowByTagAndMedia[it.key()];
        for (const engine::MediaRow &row : std::as_const(*rows)) {
            if (!it.value().contains(row.mediaId))
                continue;
            const auto existing = byMedia.constFind(row.mediaId);
            if (existing != byMedia.cend()) {
                m_rows[*existing] = row;
                const QModelIndex changedIndex = index(*existing);
                Q_EMIT dataChanged(changedIndex, changedIndex);
            } else {
                added << row;
            }
            changed = true;
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
            for (const auto &row : std::as_const(added)) {
                byMedia.insert(row.mediaId, int(m_rows.size()));
                m_rows << row;
            }
            endInsertRows();
        }
    }
    // Reading a tag's rows grows with the project; flush less often when it gets slow, so the
    // GUI thread spends at most about a tenth of its time here.
    m_flushTimer.setInterval(qBound(150, int(clock.elapsed()) * 10, 2000));
    if (changed)
        Q_EMIT rowsRefreshed();
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
    case ThumbnailRole: {
        if (row.sha256.isEmpty())
            return QImage();
        if (const QImage *cached = m_thumbnails.object(row.sha256))
            return *cached;
        requestThumbnail(row.sha256);
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
                  {UntrainedModelRole, "untrainedModel"}});
    return names;
}

void ProjectModel::requestThumbnail(const QString &sha256) const
{
    if (!m_store || m_loading.contains(sha256) || m_unavailable.contains(sha256))
        return;
    // Reading the small JPEG blob is a quick indexed lookup and must happen on the store's
    // thread; decoding it is the costly part and goes to the pool.
    auto bytes = m_store->thumbnail(sha256);
    if (!bytes || bytes->isEmpty()) {
        m_unavailable.insert(sha256);
        return;
    }
    m_loading.insert(sha256);
    const quint64 generation = m_generation;
    auto *self = const_cast<ProjectModel *>(this);
    QtConcurrent::run([data = std::move(*bytes)] {
        return QImage::fromData(data);
    }).then(self, [self, sha256, generation](const QImage &image) {
        // A decode that finished before then() was attached runs this at once, inside data();
        // announce it from the event loop instead, never from within a view's data() call.
        QTimer::singleShot(0, self, [self, sha256, generation, image] {
            self->onThumbnailDecoded(sha256, image, generation);
        });
    });
}

void ProjectModel::onThumbnailDecoded(const QString &sha256, const QImage &image, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_loading.remove(sha256);
    if (image.isNull()) {
        qCDebug(lcProjectModel) << "undecodable thumbnail" << sha256;
        m_unavailable.insert(sha256);
        return;
    }
    m_thumbnails.insert(sha256, new QImage(image),
                        int(qMin<qsizetype>(image.sizeInBytes(), ThumbnailCacheCost)));
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).sha256 == sha256) {
            const QModelIndex changed = index(i);
            Q_EMIT dataChanged(changed, changed, {ThumbnailRole, Qt::DecorationRole});
        }
    }
}

} // namespace taglens::ui
