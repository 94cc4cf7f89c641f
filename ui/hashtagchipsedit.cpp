// SPDX-License-Identifier: GPL-3.0-or-later
#include "hashtagchipsedit.h"

#include "engine/sources/mastodontagtimeline.h"
#include "hashtagchip.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyleOptionFrame>
#include <QToolButton>
#include <QToolTip>

Q_LOGGING_CATEGORY(lcChipsEdit, "taglens.ui.hashtagchips")

namespace taglens::ui {

namespace {

// What ends a tag while typing or pasting; '#' also starts a new one inside a piece ("#a#b").
const QRegularExpression &separators()
{
    static const QRegularExpression re(QStringLiteral("[\\s,;]+"));
    return re;
}

constexpr int RowSpacing = 3;

} // namespace

HashtagChipsEdit::HashtagChipsEdit(QWidget *parent)
    : QWidget(parent), m_scroll(new QScrollArea(this)), m_row(new QWidget), m_rowLayout(new QHBoxLayout(m_row)),
      m_editor(new QLineEdit(m_row))
{
    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_editor);
    setAttribute(Qt::WA_Hover);
    setCursor(Qt::IBeamCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_editor->setFrame(false);
    m_editor->setAccessibleName(tr("New hashtag"));
    m_editor->setAccessibleDescription(
        tr("Type a hashtag and press Space, comma or Enter to add it. Backspace in the empty field removes the "
           "last one; Left selects the hashtags."));
    m_editor->setMinimumWidth(m_editor->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 10);
    m_editor->installEventFilter(this);

    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(RowSpacing);
    m_rowLayout->addWidget(m_editor, 1);
    m_row->installEventFilter(this);

    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(m_row);
    m_row->setAutoFillBackground(false); // after setWidget(), which turns it on: the frame paints the base
    m_scroll->viewport()->setAutoFillBackground(false);
    m_scroll->viewport()->installEventFilter(this);

    auto *layout = new QHBoxLayout(this);
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, this);
    layout->setContentsMargins(frame + 2, frame, frame + 2, frame);
    layout->addWidget(m_scroll);

    connect(m_editor, &QLineEdit::textEdited, this, &HashtagChipsEdit::onTextEdited);
}

QStringList HashtagChipsEdit::tags() const
{
    QStringList result;
    result.reserve(m_chips.size());
    for (const HashtagChip *chip : m_chips)
        result << chip->tag();
    return result;
}

void HashtagChipsEdit::setTags(const QStringList &tags)
{
    const QStringList before = this->tags();
    for (HashtagChip *chip : std::as_const(m_chips)) {
        m_rowLayout->removeWidget(chip);
        chip->hide();
        chip->deleteLater();
    }
    m_chips.clear();
    for (const QString &tag : tags)
        insertChip(tag, nullptr);
    updatePlaceholder();
    if (this->tags() != before)
        Q_EMIT tagsChanged(this->tags());
}

bool HashtagChipsEdit::addTag(const QString &typed)
{
    QString error;
    const Added added = insertChip(typed, &error);
    if (added == Added::Invalid) {
        setRejection(error);
        return false;
    }
    if (added == Added::Yes) {
        updatePlaceholder();
        keepEditorVisible();
        Q_EMIT tagsChanged(tags());
    }
    return added == Added::Yes;
}

void HashtagChipsEdit::removeTag(const QString &tag)
{
    for (HashtagChip *chip : std::as_const(m_chips)) {
        if (chip->tag().compare(tag, Qt::CaseInsensitive) == 0) {
            removeChip(chip, 0);
            return;
        }
    }
}

bool HashtagChipsEdit::commitText()
{
    const QStringList pieces = m_editor->text().split(separators(), Qt::SkipEmptyParts);
    const QStringList refused = commitPieces(pieces);
    m_editor->setText(refused.join(QLatin1Char(' ')));
    m_previousText = m_editor->text();
    if (refused.isEmpty())
        setRejection(QString());
    return refused.isEmpty();
}

QString HashtagChipsEdit::pendingText() const
{
    return m_editor->text().trimmed();
}

void HashtagChipsEdit::clear()
{
    m_editor->clear();
    m_previousText.clear();
    setTags({});
    setRejection(QString());
}

void HashtagChipsEdit::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    updatePlaceholder();
}

HashtagChipsEdit::Added HashtagChipsEdit::insertChip(const QString &typed, QString *error)
{
    const auto tag = engine::MastodonTagTimeline::normalizeTag(typed);
    if (!tag) {
        if (error)
            *error = tag.error().message;
        return Added::Invalid;
    }
    for (const HashtagChip *chip : std::as_const(m_chips)) {
        if (chip->tag().compare(*tag, Qt::CaseInsensitive) == 0)
            return Added::Duplicate;
    }
    auto *chip = new HashtagChip(*tag, m_row);
    const int height = m_editor->sizeHint().height();
    chip->setFixedHeight(height);
    chip->removeButton()->setFixedSize(height - 2, height - 2);
    chip->installEventFilter(this);
    connect(chip, &HashtagChip::removeClicked, this, [this, chip] {
        removeChip(chip, 0);
        m_editor->setFocus(Qt::OtherFocusReason);
    });
    m_rowLayout->insertWidget(int(m_chips.size()), chip);
    m_chips << chip;
    chip->setEnabled(isEnabled());
    chip->show();
    return Added::Yes;
}

void HashtagChipsEdit::removeChip(HashtagChip *chip, int focusDirection)
{
    const qsizetype index = m_chips.indexOf(chip);
    if (index < 0)
        return;
    const bool hadFocus = chip->hasFocus();
    m_chips.removeAt(index);
    m_rowLayout->removeWidget(chip);
    chip->hide();
    chip->deleteLater(); // it may be in the middle of delivering the event that removed it
    if (hadFocus || focusDirection != 0) {
        if (focusDirection < 0 && index > 0)
            focusChip(int(index - 1));
        else if (focusDirection > 0 && index < m_chips.size())
            focusChip(int(index));
        else
            m_editor->setFocus(Qt::OtherFocusReason);
    }
    updatePlaceholder();
    keepEditorVisible();
    qCDebug(lcChipsEdit) << "removed" << chip->tag();
    Q_EMIT tagsChanged(tags());
}

void HashtagChipsEdit::onTextEdited(const QString &text)
{
    // A paste (or a drop, or more than one character at once) means every word in it as a tag.
    // While typing, the word after the last separator is still being written.
    const bool pasted = m_pasting || text.size() - m_previousText.size() > 1;
    m_previousText = text;
    if (!text.contains(separators()) && !pasted) {
        if (!m_rejection.isEmpty())
            setRejection(QString());
        return;
    }
    QStringList pieces = text.split(separators());
    QString typing;
    if (!pasted)
        typing = pieces.takeLast();
    pieces.removeAll(QString());
    const QStringList refused = commitPieces(pieces);
    QStringList rest = refused;
    if (!typing.isEmpty())
        rest << typing;
    QString remaining = rest.join(QLatin1Char(' '));
    if (!refused.isEmpty() && typing.isEmpty())
        remaining += QLatin1Char(' '); // what is typed next is a word of its own
    m_editor->setText(remaining);
    m_previousText = remaining;
    if (refused.isEmpty())
        setRejection(QString());
    keepEditorVisible();
}

QStringList HashtagChipsEdit::commitPieces(const QStringList &pieces)
{
    QStringList refused;
    QString firstError;
    bool changed = false;
    for (const QString &piece : pieces) {
        // "#a#b" is two tags; a lone "#" is nothing.
        const QStringList words = piece.split(QLatin1Char('#'), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            QString error;
            switch (insertChip(word, &error)) {
            case Added::Yes:
                changed = true;
                break;
            case Added::Duplicate:
                break;
            case Added::Invalid:
                refused << word;
                if (firstError.isEmpty())
                    firstError = error;
                break;
            }
        }
    }
    if (!firstError.isEmpty())
        setRejection(firstError);
    if (changed) {
        updatePlaceholder();
        Q_EMIT tagsChanged(tags());
    }
    return refused;
}

void HashtagChipsEdit::setRejection(const QString &message)
{
    if (message == m_rejection)
        return;
    m_rejection = message;
    update();
    if (message.isEmpty()) {
        QToolTip::hideText();
        m_editor->setToolTip(QString());
        return;
    }
    m_editor->setToolTip(message);
    if (isVisible())
        QToolTip::showText(m_editor->mapToGlobal(QPoint(0, m_editor->height())), message, m_editor);
    Q_EMIT rejected(message);
}

bool HashtagChipsEdit::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (watched == m_editor)
            return editorKeyPress(key);
        if (auto *chip = qobject_cast<HashtagChip *>(watched); chip && m_chips.contains(chip))
            return chipKeyPress(chip, key);
        break;
    }
    case QEvent::FocusIn:
    case QEvent::FocusOut:
        update(); // the frame shows focus for the editor and the chips alike
        if (event->type() == QEvent::FocusIn && watched != m_editor && qobject_cast<QWidget *>(watched))
            m_scroll->ensureWidgetVisible(static_cast<QWidget *>(watched), 0, 0);
        break;
    case QEvent::MouseButtonPress:
        if (watched == m_row || watched == m_scroll->viewport()) {
            m_editor->setFocus(Qt::MouseFocusReason);
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

bool HashtagChipsEdit::editorKeyPress(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste) && !m_editor->isReadOnly()) {
        m_pasting = true;
        m_editor->paste();
        m_pasting = false;
        return true;
    }
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!pendingText().isEmpty())
            commitText();
        else
            Q_EMIT returnPressed();
        return true;
    case Qt::Key_Backspace:
        if (m_editor->text().isEmpty() && !m_chips.isEmpty() && event->modifiers() == Qt::NoModifier) {
            removeChip(m_chips.last(), 0);
            return true;
        }
        return false;
    case Qt::Key_Left:
        if (m_editor->cursorPosition() == 0 && !m_editor->hasSelectedText() && !m_chips.isEmpty()
            && !(event->modifiers() & Qt::ShiftModifier)) {
            focusChip(int(m_chips.size() - 1));
            return true;
        }
        return false;
    default:
        return false;
    }
}

bool HashtagChipsEdit::chipKeyPress(HashtagChip *chip, QKeyEvent *event)
{
    const int index = int(m_chips.indexOf(chip));
    switch (event->key()) {
    case Qt::Key_Left:
        focusChip(qMax(0, index - 1));
        return true;
    case Qt::Key_Right:
        if (index + 1 < m_chips.size()) {
            focusChip(index + 1);
        } else {
            m_editor->setFocus(Qt::OtherFocusReason);
            m_editor->setCursorPosition(0);
        }
        return true;
    case Qt::Key_Home:
        focusChip(0);
        return true;
    case Qt::Key_End:
    case Qt::Key_Escape:
        m_editor->setFocus(Qt::OtherFocusReason);
        return true;
    case Qt::Key_Backspace:
        removeChip(chip, -1);
        return true;
    case Qt::Key_Delete:
        removeChip(chip, +1);
        return true;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        // Leave as if from the editor: the chips are not stops of their own.
        m_editor->setFocus(Qt::OtherFocusReason);
        QCoreApplication::sendEvent(m_editor, event);
        return true;
    default:
        if (!event->text().isEmpty() && event->text().at(0).isPrint()) {
            m_editor->setFocus(Qt::OtherFocusReason);
            m_editor->end(false);
            QCoreApplication::sendEvent(m_editor, event);
            return true;
        }
        return false;
    }
}

void HashtagChipsEdit::focusChip(int index)
{
    if (index < 0 || index >= m_chips.size())
        return;
    m_chips.at(index)->setFocus(Qt::OtherFocusReason);
    m_scroll->ensureWidgetVisible(m_chips.at(index), 0, 0);
}

void HashtagChipsEdit::updatePlaceholder()
{
    m_editor->setPlaceholderText(m_chips.isEmpty() ? m_placeholder : QString());
}

void HashtagChipsEdit::keepEditorVisible()
{
    // After the layout has placed the new chips.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_row->adjustSize();
            m_scroll->ensureWidgetVisible(m_editor, 0, 0);
        },
        Qt::QueuedConnection);
}

QSize HashtagChipsEdit::lineEditSize(int contentWidth) const
{
    // The size a framed QLineEdit with this font would have, so the search bar lines up.
    QStyleOptionFrame option;
    option.initFrom(this);
    option.lineWidth = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, this);
    option.midLineWidth = 0;
    option.state |= QStyle::State_Sunken;
    const int height = m_editor->sizeHint().height();
    return style()->sizeFromContents(QStyle::CT_LineEdit, &option, QSize(contentWidth, height), this);
}

QSize HashtagChipsEdit::sizeHint() const
{
    return lineEditSize(m_editor->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
}

QSize HashtagChipsEdit::minimumSizeHint() const
{
    return lineEditSize(m_editor->minimumWidth());
}

void HashtagChipsEdit::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    QStyleOptionFrame option;
    option.initFrom(this);
    option.lineWidth = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, this);
    option.midLineWidth = 0;
    option.state |= QStyle::State_Sunken;
    const QWidget *focus = QApplication::focusWidget();
    if (focus && (focus == this || isAncestorOf(focus)))
        option.state |= QStyle::State_HasFocus;
    style()->drawPrimitive(QStyle::PE_PanelLineEdit, &option, &painter, this);
    if (!m_rejection.isEmpty()) {
        // A refused tag: a red outline, readable on light and dark backgrounds.
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(0xd9, 0x30, 0x25), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
    }
}

void HashtagChipsEdit::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        const int height = m_editor->sizeHint().height();
        for (HashtagChip *chip : std::as_const(m_chips)) {
            chip->setFixedHeight(height);
            chip->removeButton()->setFixedSize(height - 2, height - 2);
        }
        updateGeometry();
    }
}

} // namespace taglens::ui
