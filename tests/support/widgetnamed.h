// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

namespace taglens::tests {

/// The child of \a parent of type T with this accessible name (what a screen reader says, and
/// what GUI tests find controls by), or nullptr.
template <typename T> T *widgetNamed(QWidget *parent, const QString &accessibleName)
{
    const auto widgets = parent->findChildren<T *>();
    for (T *w : widgets) {
        if (w->accessibleName() == accessibleName)
            return w;
    }
    return nullptr;
}

} // namespace taglens::tests
