// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace taglens::ui {

class MediaFilterModel;

/// Above the grid: which tag, status and label are shown, in which order, and how many images
/// that leaves. It sets the filter model's criteria; the model does the filtering.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    FilterBar(MediaFilterModel *filter, QWidget *parent = nullptr);

    /// The project's tags (the choice shown stays when it is still there).
    void setTags(const QStringList &tags);
    QStringList tags() const;
    /// The count shown: of \a total rows, how many pass the filter; or that rows are being read.
    void showCount(int shown, int total);
    void showReading();
    /// Back to every image: all tags, any status, no label (another project). The sort order
    /// stays: it is how the user likes to look, and it never hides an image.
    void reset();
    /// The sort order by a name that does not change with the wording ("project", "score",
    /// "date", "label"); an unknown name leaves the order as it is and returns false.
    bool setSortName(const QString &name);
    QString sortName() const;

Q_SIGNALS:
    /// A tag was chosen (empty: all).
    void tagChosen(const QString &tag);

private:
    MediaFilterModel *m_filter;
    QComboBox *m_tag;
    QComboBox *m_status;
    QComboBox *m_sort;
    QToolButton *m_clearLabel;
    QLabel *m_count;
};

} // namespace taglens::ui
