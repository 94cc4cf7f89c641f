// SPDX-License-Identifier: GPL-3.0-or-later
#include "themeicon.h"

#include <QApplication>

namespace taglens::ui {

QIcon themeIcon(const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

} // namespace taglens::ui
