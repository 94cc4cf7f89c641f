// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/mediarow.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// What each tag's pictures show: the one place this statistic is computed. The chart draws it,
/// the summary CSV writes it, and the CLI prints what the summary CSV holds.
///
/// Per tag it counts the tag's `ok` media items (the denominator), and per label how many of
/// them have that label as their top-1 prediction with a score of at least the minimum, that
/// count's share of the tag's `ok` items and the mean top-1 score of those items. Labels are
/// told apart by their model index and name, so ImageNet's two "crane" classes stay two motifs.
/// Items with no prediction at the minimum count in the denominator only, so a tag's shares may
/// add up to less than 1.
class MotifStatistics
{
public:
    struct Motif
    {
        int labelIndex = -1;
        QString label;
        int images = 0;         ///< ok items of the tag with this top-1 label at the minimum score
        double share = 0.0;     ///< images / the tag's ok items
        double meanScore = 0.0; ///< mean top-1 score of those images
    };
    struct TagMotifs
    {
        int ok = 0;          ///< the tag's ok items: the shares' denominator
        int counted = 0;     ///< of them, those with a top-1 label at the minimum score
        QList<Motif> motifs; ///< most images first, then by label, then by index
    };

    static MotifStatistics compute(const QList<MediaRow> &rows, double minimumScore);

    double minimumScore() const { return m_minimumScore; }
    /// The tags with at least one ok item, sorted.
    QStringList tags() const { return m_tags.keys(); }
    /// The tag's motifs, or an empty entry for a tag without ok items.
    TagMotifs tag(const QString &tag) const { return m_tags.value(tag); }
    /// The share of \a tag's ok items whose top label is (labelIndex, label); 0 when none is.
    double share(const QString &tag, int labelIndex, const QString &label) const;

private:
    QMap<QString, TagMotifs> m_tags;
    double m_minimumScore = 0.0;
};

} // namespace taglens::engine
