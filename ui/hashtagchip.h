// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace taglens::ui {

/// One hashtag in a HashtagChipsEdit: a rounded label with a button that removes it. Painted
/// from the palette, so it follows light and dark themes. It takes focus by click (or from the
/// editor with the arrow keys); the chips edit handles its keys.
class HashtagChip : public QWidget
{
    Q_OBJECT

public:
    explicit HashtagChip(const QString &tag, QWidget *parent = nullptr);

    QString tag() const { return m_tag; }
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    /// The × button was clicked.
    void removeClicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QString m_tag;
    QLabel *m_label;
    QToolButton *m_remove;
};

} // namespace taglens::ui
