// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace taglens::ui {

class FilterBar;
class MediaFilterModel;
class ProjectModel;
class ThumbnailDelegate;

/// The images of the open project: the filter bar, the thumbnail grid it filters, and the hint
/// that says what to do while there is nothing to show (or that the project is being read). It
/// keeps the filter bar's count right at every moment: as rows are read, streamed in by a
/// harvest, or filtered.
class GridPane : public QWidget
{
    Q_OBJECT

public:
    GridPane(ProjectModel *model, MediaFilterModel *filter, ThumbnailDelegate *delegate,
             QWidget *parent = nullptr);

    QListView *grid() const { return m_grid; }
    /// The pane's height that shows \a rows full rows of thumbnails (filter bar and frame included).
    int heightForRows(int rows) const;
    FilterBar *filterBar() const { return m_filterBar; }
    /// The hint over the empty grid (tests, screenshots).
    QLabel *emptyHint() const { return m_emptyHint; }

    /// Shows the first image in the detail panel when nothing is current yet.
    void selectFirstIfNone();

private:
    void updateCount();
    void showLoading(bool loading);

    ProjectModel *m_model;
    MediaFilterModel *m_filter;
    FilterBar *m_filterBar;
    QListView *m_grid;
    QLabel *m_emptyHint;
};

} // namespace taglens::ui
