// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediafiltermodel.h"

#include "projectmodel.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMediaFilter, "taglens.ui.mediafilter")

namespace taglens::ui {

MediaFilterModel::MediaFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

void MediaFilterModel::setTag(const QString &tag)
{
    if (tag == m_shown.tag)
        return;
    m_shown.tag = tag;
    refilter();
}

void MediaFilterModel::setLabel(const QString &label)
{
    if (label == m_shown.label)
        return;
    m_shown.label = label;
    refilter();
}

void MediaFilterModel::setStatus(int status)
{
    if (status == this->status())
        return;
    m_shown.status = status == AnyStatus ? std::nullopt : std::optional(engine::MediaStatus(status));
    refilter();
}

void MediaFilterModel::setMinimumScore(double score)
{
    if (qFuzzyCompare(1.0 + score, 1.0 + m_shown.minimumScore))
        return;
    m_shown.minimumScore = score;
    refilter();
}

void MediaFilterModel::setSortKey(SortKey key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    qCDebug(lcMediaFilter) << "sort key" << int(key);
    invalidate();
}

void MediaFilterModel::refilter()
{
    invalidateFilter();
    Q_EMIT filterChanged();
}

void MediaFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_projectModel = qobject_cast<ProjectModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool MediaFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_projectModel) // the rows themselves: no QVariant per role, ten thousand times per change
        return m_shown.accepts(m_projectModel->mediaRow(sourceRow));
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_shown.accepts(i.data(ProjectModel::TagRole).toString(),
                           engine::MediaStatus(i.data(ProjectModel::StatusRole).toInt()),
                           i.data(ProjectModel::TopLabelRole).toString(),
                           i.data(ProjectModel::ScoreRole).toDouble());
}

bool MediaFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    switch (m_sortKey) {
    case SortKey::Score: {
        const double l = left.data(ProjectModel::ScoreRole).toDouble();
        const double r = right.data(ProjectModel::ScoreRole).toDouble();
        if (l != r)
            return l > r;
        break;
    }
    case SortKey::Date: {
        const QDateTime l = left.data(ProjectModel::CreatedAtRole).toDateTime();
        const QDateTime r = right.data(ProjectModel::CreatedAtRole).toDateTime();
        if (l != r)
            return l > r;
        break;
    }
    case SortKey::Label: {
        const int c = QString::localeAwareCompare(left.data(ProjectModel::TopLabelRole).toString(),
                                                  right.data(ProjectModel::TopLabelRole).toString());
        if (c != 0)
            return c < 0;
        break;
    }
    case SortKey::Project:
        break;
    }
    return left.row() < right.row();
}

} // namespace taglens::ui
