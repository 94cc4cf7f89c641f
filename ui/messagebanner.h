// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QString>

class QLabel;

namespace taglens::ui {

/// A message across a window or dialog: an error, a warning, or news that something worked.
/// Its colours come from the palette (a tint of the kind's colour over the window background,
/// the window's own text colour), so it reads the same in light and dark themes and follows a
/// theme change. Plain text, wrapped, selectable; hidden while there is no message.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Warning,
        Success,
    };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows \a text (empty: hides the banner).
    void showMessage(Kind kind, const QString &text);
    void clear();
    /// The message shown; empty while hidden.
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyColours();

    QLabel *m_label;
    Kind m_kind = Kind::Error;
    bool m_applying = false;
};

} // namespace taglens::ui
