// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "exportsnapshot.h"

#include <QByteArray>
#include <QString>

namespace taglens::engine {

/// The summary CSV, what each tag's pictures show:
///
///     tag,label,images,share,mean_score
///
/// One row per tag and motif of MotifStatistics at options.minScore (the chart's statistic,
/// computed by the same code): images, share of the tag's `ok` items and mean top-1 score, share
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
