// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace taglens::ui {

/// Paints one grid cell: the thumbnail, the top label, a bar for its score, a badge for failed
/// and skipped items, and a mark when the labels come from an untrained test model.
class ThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);

    void setThumbnailSize(int pixels);
    int thumbnailSize() const { return m_thumbnailSize; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_thumbnailSize = 160;
};

} // namespace taglens::ui
