// SPDX-License-Identifier: GPL-3.0-or-later
#include "thumbnailgridview.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcThumbnailGridView, "taglens.ui.thumbnailgridview")

namespace taglens::ui {

ThumbnailGridView::ThumbnailGridView(QWidget *parent) : QListView(parent)
{
}

int ThumbnailGridView::rowPitch() const
{
    if (gridSize().isValid())
        return gridSize().height();
    const QModelIndex current = currentIndex();
    const QModelIndex probe = current.isValid() ? current : model() ? model()->index(0, modelColumn(), rootIndex())
                                                                    : QModelIndex();
    const QRect rect = probe.isValid() ? visualRect(probe) : QRect();
    return rect.isValid() ? rect.height() + spacing() : 0;
}

int ThumbnailGridView::rowsPerPage() const
{
    const int pitch = rowPitch();
    return pitch > 0 ? qMax(1, viewport()->height() / pitch) : 1;
}

QModelIndex ThumbnailGridView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const bool pageDown = cursorAction == MovePageDown;
    if ((!pageDown && cursorAction != MovePageUp) || viewMode() != IconMode || flow() != LeftToRight || !model())
        return QListView::moveCursor(cursorAction, modifiers);
    const QModelIndex current = currentIndex();
    const int count = model()->rowCount(rootIndex());
    if (!current.isValid() || count == 0)
        return QListView::moveCursor(cursorAction, modifiers);
    const int pitch = rowPitch();
    if (pitch <= 0)
        return QListView::moveCursor(cursorAction, modifiers);
    // The item as many rows down (up) in the same column; the nearest row that has one there
    // when the last row is short; the last (first) item when there is no such row.
    const QPoint centre = visualRect(current).center();
    const int rows = rowsPerPage();
    for (int step = rows; step >= 1; --step) {
        const QModelIndex target = indexAt(centre + QPoint(0, (pageDown ? step : -step) * pitch));
        if (target.isValid() && target != current) {
            qCDebug(lcThumbnailGridView) << "page" << (pageDown ? "down" : "up") << "by" << step << "rows to"
                                         << target.row();
            return target;
        }
    }
    return model()->index(pageDown ? count - 1 : 0, modelColumn(), rootIndex());
}

} // namespace taglens::ui
