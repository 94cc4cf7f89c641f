// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLineEdit;
class QScrollArea;

namespace taglens::ui {

class HashtagChip;

/// The search bar's hashtags as chips. Looks like a line edit; what is typed becomes a chip
/// (a rounded "#tag" with a × button) on Space, Enter, comma or semicolon, and pasting
/// "#a #b, c" makes three. Tags are checked with the engine's rule
/// (MastodonTagTimeline::normalizeTag): a refused one stays in the editor and the reason is
/// shown in a tooltip and through rejected(); a tag already there (in any case) is ignored.
///
/// Keyboard: Backspace in the empty editor removes the last chip; Left at the start of the
/// editor selects the last chip, where Left/Right/Home/End move, Delete or Backspace remove and
/// typing goes back to the editor. Enter with nothing typed emits returnPressed() (the search
/// bar starts the harvest with it).
class HashtagChipsEdit : public QWidget
{
    Q_OBJECT

public:
    explicit HashtagChipsEdit(QWidget *parent = nullptr);

    /// The chips' tags, without '#', in order.
    QStringList tags() const;
    /// Replaces the chips; invalid and duplicate tags are left out. Leaves the typed text alone.
    void setTags(const QStringList &tags);
    /// Adds one chip; false (and rejected() for an invalid one) when it is invalid or already there.
    bool addTag(const QString &typed);
    void removeTag(const QString &tag);

    /// Turns everything typed into chips, as Enter does. False when some of it was refused (it
    /// stays in the editor).
    bool commitText();
    /// What is typed and not a chip yet.
    QString pendingText() const;
    /// Removes every chip and the typed text.
    void clear();

    /// Shown while there are no chips.
    void setPlaceholderText(const QString &text);
    /// Why the last tag was refused; empty after an accepted edit.
    QString rejection() const { return m_rejection; }

    QLineEdit *editor() const { return m_editor; }
    QList<HashtagChip *> chips() const { return m_chips; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void tagsChanged(const QStringList &tags);
    /// Enter was pressed with nothing typed.
    void returnPressed();
    /// A typed tag was refused, with the reason.
    void rejected(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Added
    {
        Yes,
        Duplicate,
        Invalid,
    };
    Added insertChip(const QString &typed, QString *error);
    void removeChip(HashtagChip *chip, int focusDirection);
    void onTextEdited(const QString &text);
    /// Makes chips of \a pieces; returns those refused.
    QStringList commitPieces(const QStringList &pieces);
    void setRejection(const QString &message);
    bool chipKeyPress(HashtagChip *chip, QKeyEvent *event);
    bool editorKeyPress(QKeyEvent *event);
    void focusChip(int index);
    void updatePlaceholder();
    void keepEditorVisible();
    QSize lineEditSize(int contentWidth) const;

    QScrollArea *m_scroll;
    QWidget *m_row;
    QHBoxLayout *m_rowLayout;
    QLineEdit *m_editor;
    QList<HashtagChip *> m_chips;
    QString m_placeholder;
    QString m_previousText;
    QString m_rejection;
    bool m_pasting = false;
};

} // namespace taglens::ui
