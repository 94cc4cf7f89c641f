// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QStyle>

namespace taglens::ui {

/// An icon from the desktop theme (scalable, so sharp at any scale factor), or the style's own.
QIcon themeIcon(const QString &name, QStyle::StandardPixmap fallback);

} // namespace taglens::ui
