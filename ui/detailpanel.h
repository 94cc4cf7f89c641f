// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QModelIndex>
#include <QPersistentModelIndex>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace taglens::ui {

/// The selected image in detail: larger picture, top-5 labels with bars, the post's text as
/// plain text, alt text, author, date, a button that opens the post, and the media URL.
class DetailPanel : public QWidget
{
    Q_OBJECT

public:
    /// The box the picture is fitted into, in device-independent pixels.
    static constexpr int ImageBox = 280;

    explicit DetailPanel(QWidget *parent = nullptr);

    /// Shows the row at \a index (of a ProjectModel or a proxy over it); invalid clears.
    void setIndex(const QModelIndex &index);
    /// Refreshes from the index shown (its thumbnail may have arrived).
    void refresh();

    QUrl postUrl() const { return m_postUrl; }
    QString labelsText() const; ///< the shown labels and scores, one per line (for tests)
    QString postText() const;
    /// The picture shown, in device pixels; null when there is none (for tests).
    QImage shownImage() const;

Q_SIGNALS:
    void openPostRequested(const QUrl &url);

private:
    QPersistentModelIndex m_index;
    QUrl m_postUrl;
    QLabel *m_image;
    QWidget *m_labels;
    QVBoxLayout *m_labelsLayout;
    QLabel *m_meta;
    QPlainTextEdit *m_text;
    QLabel *m_alt;
    QLineEdit *m_mediaUrl;
    QPushButton *m_openPost;
};

} // namespace taglens::ui
