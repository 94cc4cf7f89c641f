// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "exportsnapshot.h"

#include <QByteArray>
#include <QString>

namespace taglens::engine {

/// The summary CSV, what each tag's pictures show:
///
///     tag,label,images,classified,share,mean_score
///
/// One row per tag and motif of MotifStatistics at options.minScore (the chart's statistic,
/// computed by the same code): images, the tag's classified items (the denominator), the share
/// of those and the mean top-1 score, share
/// and mean with six decimals. Sorted by tag, then images (most first), then label.
class SummaryCsvExporter
{
public:
    SummaryCsvExporter() = delete;

    static QByteArray render(const ExportSnapshot &snapshot);
    /// Errors: Io.
    static Expected<void> write(const ExportSnapshot &snapshot, const QString &path);
};

} // namespace taglens::engine
