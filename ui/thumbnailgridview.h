// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

namespace taglens::ui {

/// The thumbnail grid: a QListView in icon mode whose PageUp and PageDown move the current item
/// by the rows that fit in the viewport (at least one). QListView pages by the viewport's height
/// less two items, which is nothing at all when only one or two rows of large items fit.
class ThumbnailGridView : public QListView
{
    Q_OBJECT

public:
    explicit ThumbnailGridView(QWidget *parent = nullptr);

    /// Whole rows of items that fit in the viewport, at least one.
    int rowsPerPage() const;

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;

private:
    int rowPitch() const;
};

} // namespace taglens::ui
