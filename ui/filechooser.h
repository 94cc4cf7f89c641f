// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>

namespace taglens::ui {

/// Asks for a file name (title, name filter, suggested path); empty when cancelled. Tests
/// replace the file dialogs with these.
using FileChooser =
    std::function<QString(const QString &title, const QString &filter, const QString &suggested)>;

/// \a path as a project file: with the .taglens suffix a file dialog may have left off.
inline QString withProjectSuffix(QString path)
{
    if (!path.endsWith(QLatin1String(".taglens")))
        path += QStringLiteral(".taglens");
    return path;
}

} // namespace taglens::ui
