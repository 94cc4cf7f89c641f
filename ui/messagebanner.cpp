// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace taglens::ui {

namespace {

// The kinds' hues; the banner mixes them into the palette rather than using them as they are.
QColor tintOf(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case MessageBanner::Kind::Warning:
        return QColor(0xe6, 0x8a, 0x00);
    case MessageBanner::Kind::Success:
        return QColor(0x2e, 0x7d, 0x32);
    }
    return QColor(0xd3, 0x2f, 0x2f);
}

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setFrameShape(QFrame::NoFrame); // paintEvent() draws the tinted box with rounded corners
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    setFocusProxy(m_label);
    applyColours();
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_label->setText(text);
    applyColours();
    setVisible(!text.isEmpty());
}

void MessageBanner::clear()
{
    m_label->clear();
    hide();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A new theme brings a new palette: mix again from its colours.
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColours();
}

void MessageBanner::applyColours()
{
    m_applying = true;
    // Mixed from the parent's colours; only the tinted roles are the banner's own, so the rest
    // (text among them) still follows the parent, and a theme change reaches changeEvent().
    const QPalette inherited = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor background = inherited.color(QPalette::Window);
    const QColor tint = tintOf(m_kind);
    // Dark themes need a stronger tint to show at all; light ones a paler one to stay readable.
    const bool dark = background.lightnessF() < 0.5;
    QPalette own;
    own.setColor(QPalette::Window, mix(background, tint, dark ? 0.35 : 0.14));
    own.setColor(QPalette::Mid, mix(background, tint, 0.6)); // the box's border
    setPalette(own);
    update();
    m_applying = false;
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(palette().color(QPalette::Window));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    QFrame::paintEvent(event);
}

} // namespace taglens::ui
