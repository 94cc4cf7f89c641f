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
/// For each tag and label: how many `ok` media items have that label as their top-1 prediction
/// (with a score of at least options.minScore), that count as a share of the tag's `ok` items,
/// and the mean top-1 score of those items. Share and mean have six decimals. Sorted by tag,
/// then images (most first), then label. Labels are told apart by their model index, so two
/// classes with one name (ImageNet's two "crane"s) stay two rows. Items without a prediction
/// above the threshold count in the share's denominator only, so a tag's shares may sum to
/// less than 1.
class SummaryCsvExporter
{
public:
    SummaryCsvExporter() = delete;

    static QByteArray render(const ExportSnapshot &snapshot);
    /// Errors: Io.
    static Expected<void> write(const ExportSnapshot &snapshot, const QString &path);
};

} // namespace taglens::engine
