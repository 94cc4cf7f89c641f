// SPDX-License-Identifier: GPL-3.0-or-later
#include "thumbnaildelegate.h"

#include "engine/sources/mediastatus.h"
#include "projectmodel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>

Q_LOGGING_CATEGORY(lcThumbnailDelegate, "taglens.ui.thumbnaildelegate")

namespace taglens::ui {

namespace {
constexpr int Margin = 4;
constexpr int BarHeight = 5;
} // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
}

void ThumbnailDelegate::setThumbnailSize(int pixels)
{
    m_thumbnailSize = qBound(48, pixels, 512);
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {m_thumbnailSize + 2 * Margin, m_thumbnailSize + 3 * Margin + fm.height() + BarHeight + Margin};
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    painter->fillRect(cell, selected ? palette.highlight() : palette.base());

    const QRect imageRect(cell.left() + Margin - 1, cell.top() + Margin - 1, m_thumbnailSize,
                          m_thumbnailSize);
    const QImage thumbnail = index.data(ProjectModel::ThumbnailRole).value<QImage>();
    const auto status = engine::MediaStatus(index.data(ProjectModel::StatusRole).toInt());
    if (!thumbnail.isNull()) {
        const QSize scaled = thumbnail.size().scaled(imageRect.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(), scaled);
        target.moveCenter(imageRect.center());
        painter->drawImage(target, thumbnail);
    } else {
        painter->fillRect(imageRect, palette.alternateBase());
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QString placeholder = status == engine::MediaStatus::Ok ? tr("Loading…") : tr("No image");
        painter->drawText(imageRect, Qt::AlignCenter, placeholder);
    }

    // Status badge: failed and skipped items say so at a glance, with the reason in the tooltip.
    if (status == engine::MediaStatus::Failed || status == engine::MediaStatus::Skipped ||
        status == engine::MediaStatus::Pending) {
        const QString text = status == engine::MediaStatus::Failed    ? tr("failed")
                             : status == engine::MediaStatus::Skipped ? tr("skipped")
                                                                      : tr("pending");
        const QColor colour =
            status == engine::MediaStatus::Failed ? QColor(0xc0, 0x39, 0x2b) : QColor(0x7f, 0x8c, 0x8d);
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        painter->setFont(badgeFont);
        const QFontMetrics fm(badgeFont);
        const QRect badge(imageRect.left() + 4, imageRect.top() + 4, fm.horizontalAdvance(text) + 10,
                          fm.height() + 2);
        QPainterPath path;
        path.addRoundedRect(badge, 4, 4);
        painter->fillPath(path, colour);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
    }
    if (index.data(ProjectModel::UntrainedModelRole).toBool()) {
        // The labels of a random-weight test model are meaningless: make that impossible to miss.
        QFont markFont = option.font;
        markFont.setBold(true);
        painter->setFont(markFont);
        const QFontMetrics fm(markFont);
        const QString text = tr("untrained");
        const QRect mark(imageRect.right() - fm.horizontalAdvance(text) - 14, imageRect.top() + 4,
                         fm.horizontalAdvance(text) + 10, fm.height() + 2);
        QPainterPath path;
        path.addRoundedRect(mark, 4, 4);
        painter->fillPath(path, QColor(0xd3, 0x54, 0x00));
        painter->setPen(Qt::white);
        painter->drawText(mark, Qt::AlignCenter, text);
    }

    painter->setFont(option.font);
    const QFontMetrics fm(option.font);
    const QRect labelRect(imageRect.left(), imageRect.bottom() + Margin, imageRect.width(), fm.height());
    QString label = index.data(ProjectModel::TopLabelRole).toString();
    if (label.isEmpty())
        label = QLatin1Char('#') + index.data(ProjectModel::TagRole).toString();
    painter->setPen(selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text));
    painter->drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(label, Qt::ElideRight, labelRect.width()));

    const double score = qBound(0.0, index.data(ProjectModel::ScoreRole).toDouble(), 1.0);
    const QRect barRect(labelRect.left(), labelRect.bottom() + Margin, labelRect.width(), BarHeight);
    painter->fillRect(barRect, palette.color(QPalette::Mid));
    if (score > 0.0) {
        QRect filled = barRect;
        filled.setWidth(qMax(1, int(barRect.width() * score)));
        painter->fillRect(filled, selected ? palette.color(QPalette::HighlightedText)
                                           : palette.color(QPalette::Highlight));
    }

    if (option.state.testFlag(QStyle::State_HasFocus)) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(cell.adjusted(0, 0, -1, -1));
    }
    painter->restore();
}

} // namespace taglens::ui
