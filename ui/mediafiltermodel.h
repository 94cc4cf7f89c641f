// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/shownfilter.h"

#include <QSortFilterProxyModel>
#include <QString>

namespace taglens::ui {

class ProjectModel;

/// Filters and sorts a ProjectModel for the grid: by tag, top label, status and minimum top-1
/// score; sorted by score, date or label.
class MediaFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class SortKey
    {
        Project, ///< the project's order: tag, post time, post, media index
        Score,   ///< best first
        Date,    ///< newest first
        Label,   ///< alphabetical
    };

    /// -1 for any status, else an engine::MediaStatus.
    static constexpr int AnyStatus = -1;

    explicit MediaFilterModel(QObject *parent = nullptr);

    void setTag(const QString &tag); ///< empty: every tag
    QString tag() const { return m_shown.tag; }
    void setLabel(const QString &label); ///< the top-1 label; empty: any
    QString label() const { return m_shown.label; }
    void setStatus(int status);
    int status() const { return m_shown.status ? int(*m_shown.status) : AnyStatus; }
    /// Items whose top-1 score is below this are hidden (items without predictions too, when > 0).
    void setMinimumScore(double score);
    double minimumScore() const { return m_shown.minimumScore; }
    /// The criteria as one engine value: the rule the rows pass, and what an export of the
    /// shown images applies and records.
    engine::ShownFilter shownFilter() const { return m_shown; }
    void setSourceModel(QAbstractItemModel *model) override;
    void setSortKey(SortKey key);
    SortKey sortKey() const { return m_sortKey; }

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    SortKey m_sortKey = SortKey::Project;
    engine::ShownFilter m_shown;            // the criteria: asked once per row
    ProjectModel *m_projectModel = nullptr; // the source, when it is one: rows read directly
};

} // namespace taglens::ui
