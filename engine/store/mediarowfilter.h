// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::engine {

/// Which rows ProjectStore::mediaRows() returns and which predictions it attaches.
struct MediaRowFilter
{
    QString tag;         ///< only this tag; empty = every tag
    QString modelSha256; ///< attach this model's predictions; empty = none
    int topK = 0;        ///< at most this many predictions per row; 0 = every stored rank
};

} // namespace taglens::engine
