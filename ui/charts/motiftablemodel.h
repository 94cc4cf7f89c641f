// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/analysis/motifstatistics.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace taglens::ui {

/// The chart's numbers as a table, one row per motif and tag in the chart's order (top motif
/// first, then the tags as the legend lists them): what a screen reader reads and what a user
/// copies when a bar's length is not precise enough.
class MotifTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TagColumn,
        MotifColumn,
        ImagesColumn,     ///< the tag's classified images with this top-1 label at the minimum score
        ClassifiedColumn, ///< the tag's classified images: the share's denominator
        ShareColumn,      ///< images / classified, in %
        ColumnCount
    };
    /// Qt::UserRole on any cell: the row's category index (0: the chart's top motif).
    static constexpr int CategoryRole = Qt::UserRole;
    /// Qt::UserRole + 1 on any cell: the row's tag.
    static constexpr int TagRole = Qt::UserRole + 1;
    /// Qt::UserRole + 2 on any cell: the motif's label index in the model's label list.
    static constexpr int LabelIndexRole = Qt::UserRole + 2;

    explicit MotifTableModel(QObject *parent = nullptr);

    /// Shows \a keys (top first) for \a tags, counted as \a statistics counts them.
    void setContents(const engine::MotifStatistics &statistics, const QStringList &tags,
                     const QList<engine::MotifStatistics::MotifKey> &keys);
    /// The row of \a tag in \a category, or -1.
    int rowOf(const QString &tag, int category) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString tag;
        int category = 0;
        int labelIndex = -1;
        QString motif;
        int images = 0;
        int classified = 0;
        double share = 0.0;
    };
    QList<Row> m_rows;
};

} // namespace taglens::ui
