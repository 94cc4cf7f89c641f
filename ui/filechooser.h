// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>

namespace taglens::ui {

/// Asks for a file name (title, name filter, suggested path); empty when cancelled. Tests
/// replace the file dialogs with these.
using FileChooser =
    std::function<QString(const QString &title, const QString &filter, const QString &suggested)>;

} // namespace taglens::ui
