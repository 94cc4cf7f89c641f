// SPDX-License-Identifier: GPL-3.0-or-later
#include "motiftablemodel.h"

#include <QLocale>

namespace taglens::ui {

MotifTableModel::MotifTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void MotifTableModel::setContents(const engine::MotifStatistics &statistics, const QStringList &tags,
                                  const QList<engine::MotifStatistics::MotifKey> &keys)
{
    QList<Row> rows;
    rows.reserve(tags.size() * keys.size());
    for (qsizetype c = 0; c < keys.size(); ++c) {
        const auto &key = keys.at(c);
        // Two ImageNet classes share a name ("crane"): the index tells them apart, as on the axis.
        bool ambiguous = false;
        for (qsizetype other = 0; other < keys.size(); ++other)
            ambiguous = ambiguous || (other != c && keys.at(other).second == key.second);
        const QString motif = ambiguous ? tr("%1 (%2)").arg(key.second).arg(key.first) : key.second;
        for (const QString &tag : tags) {
            const engine::MotifStatistics::TagMotifs motifs = statistics.tag(tag);
            Row row{tag,
                    int(c),
                    key.first,
                    motif,
                    0,
                    motifs.classified,
                    statistics.share(tag, key.first, key.second)};
            for (const auto &m : motifs.motifs) {
                if (m.labelIndex == key.first && m.label == key.second)
                    row.images = m.images;
            }
            rows << row;
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int MotifTableModel::rowOf(const QString &tag, int category) const
{
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).tag == tag && m_rows.at(r).category == category)
            return int(r);
    }
    return -1;
}

int MotifTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MotifTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MotifTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case CategoryRole:
        return row.category;
    case TagRole:
        return row.tag;
    case LabelIndexRole:
        return row.labelIndex;
    case Qt::TextAlignmentRole:
        return index.column() >= ImagesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TagColumn:
            return QString(QLatin1Char('#') + row.tag);
        case MotifColumn:
            return row.motif;
        case ImagesColumn:
            return row.images;
        case ClassifiedColumn:
            return row.classified;
        case ShareColumn:
            return tr("%1 %").arg(QLocale().toString(row.share * 100.0, 'f', 1));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("#%1 · %2: %3 of %n classified image(s)", nullptr, row.classified)
            .arg(row.tag, row.motif)
            .arg(row.images);
    default:
        return {};
    }
}

QVariant MotifTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ImagesColumn:
            return tr("The tag's classified images whose top label this is, at the minimum score or above");
        case ClassifiedColumn:
            return tr("The tag's images that the shown model labelled: what the share is a share of");
        case ShareColumn:
            return tr("Images ÷ classified");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TagColumn:
        return tr("Tag");
    case MotifColumn:
        return tr("Motif");
    case ImagesColumn:
        return tr("Images");
    case ClassifiedColumn:
        return tr("Classified");
    case ShareColumn:
        return tr("Share");
    default:
        return {};
    }
}

} // namespace taglens::ui
