// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../analysis/bootstrapoptions.h"
#include "../store/shownfilter.h"

#include <QString>
#include <optional>

namespace taglens::engine {

/// What an export includes. The defaults give everything the project holds for the model of
/// its latest harvest.
struct ExportOptions
{
    /// Whose predictions to export; empty = the model of the latest harvest that had one.
    QString modelSha256;
    /// Predictions per image (CSV label columns, JSON, GEXF co-occurrence); 0 = every stored rank.
    int topK = 0;
    /// Predictions scoring below this are ignored by the GEXF network (nodes and edges) and by
    /// the summary (an image whose top-1 scores below it counts towards its tag's `ok` images,
    /// so the shares, but under no label). The images CSV and the JSON keep every prediction.
    double minScore = 0.0;
    /// Only the rows a view shows (ShownFilter, the grid's rule); unset: every row. The counts
    /// and the summary are of those rows; the JSON record and the GEXF description name it.
    std::optional<ShownFilter> shown;
    /// The resampling behind the summary's share intervals; the JSON record names it.
    BootstrapOptions bootstrap;
};

} // namespace taglens::engine
