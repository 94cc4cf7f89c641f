// SPDX-License-Identifier: GPL-3.0-or-later
#include "loggingrules.h"

#include <QLoggingCategory>

namespace taglens::engine {

void installDefaultLoggingRules(bool verbose)
{
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("taglens.*=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("taglens.*.debug=false\n"
                                                        "taglens.*.info=false\n"
                                                        "qt.gui.imageio=false"));
}

} // namespace taglens::engine
