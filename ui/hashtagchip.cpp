// SPDX-License-Identifier: GPL-3.0-or-later
#include "hashtagchip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>

namespace taglens::ui {

namespace {

QColor mixed(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

} // namespace

HashtagChip::HashtagChip(const QString &tag, QWidget *parent)
    : QWidget(parent), m_tag(tag), m_label(new QLabel(QLatin1Char('#') + tag, this)),
      m_remove(new QToolButton(this))
{
    setFocusPolicy(Qt::ClickFocus); // reached from the editor with the arrow keys, not with Tab
    setAccessibleName(QLatin1Char('#') + tag);
    setAccessibleDescription(tr("Hashtag. Delete or Backspace removes it; the arrow keys move between hashtags."));
    setToolTip(tr("#%1: press Delete or click × to remove it").arg(tag));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setForegroundRole(QPalette::Text); // chips sit on the editor's Base colour
    m_remove->setText(QStringLiteral("×"));
    m_remove->setAutoRaise(true);
    m_remove->setFocusPolicy(Qt::NoFocus); // the chip itself is removable from the keyboard
    m_remove->setCursor(Qt::ArrowCursor);
    m_remove->setAccessibleName(tr("Remove #%1").arg(tag));
    m_remove->setToolTip(tr("Remove #%1").arg(tag));
    m_remove->setForegroundRole(QPalette::Text);
    m_remove->setStyleSheet(QStringLiteral("QToolButton { border: none; padding: 0px 2px; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 1, 3, 1);
    layout->setSpacing(1);
    layout->addWidget(m_label);
    layout->addWidget(m_remove);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(m_remove, &QToolButton::clicked, this, &HashtagChip::removeClicked);
}

void HashtagChip::paintEvent(QPaintEvent *)
{
    QPalette pal = palette();
    pal.setCurrentColorGroup(isEnabled() ? QPalette::Active : QPalette::Disabled);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(box, box.height() / 2, box.height() / 2);
    // A tint of the highlight over the editor's background: readable in light and dark palettes.
    painter.fillPath(path, mixed(pal.color(QPalette::Base), pal.color(QPalette::Highlight), hasFocus() ? 0.45 : 0.2));
    painter.setPen(QPen(hasFocus() ? pal.color(QPalette::Highlight)
                                   : mixed(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.6),
                        hasFocus() ? 2.0 : 1.0));
    painter.drawPath(path);
}

void HashtagChip::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void HashtagChip::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

} // namespace taglens::ui
