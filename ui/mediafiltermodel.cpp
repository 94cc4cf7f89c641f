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
    if (tag == m_tag)
        return;
    m_tag = tag;
    refilter();
}

void MediaFilterModel::setLabel(const QString &label)
{
    if (label == m_label)
        return;
    m_label = label;
    refilter();
}

void MediaFilterModel::setStatus(int status)
{
    if (status == m_status)
        return;
    m_status = status;
    refilter();
}

void MediaFilterModel::setMinimumScore(double score)
{
    if (qFuzzyCompare(1.0 + score, 1.0 + m_minimumScore))
        return;
    m_minimumScore = score;
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

bool MediaFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_tag.isEmpty() && i.data(ProjectModel::TagRole).toString() != m_tag)
        return false;
    if (m_status != AnyStatus && i.data(ProjectModel::StatusRole).toInt() != m_status)
        return false;
    if (!m_label.isEmpty() && i.data(ProjectModel::TopLabelRole).toString() != m_label)
        return false;
    if (m_minimumScore > 0.0 && i.data(ProjectModel::ScoreRole).toDouble() < m_minimumScore)
        return false;
    return true;
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
