// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bootstrapoptions.h"
#include "engine/store/mediarow.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <utility>

namespace taglens::engine {

/// What each tag's pictures show: the one place this statistic is computed. The chart draws it,
/// the summary CSV writes it, and the CLI prints what the summary CSV holds.
///
/// Per tag it counts the tag's `ok` media items that carry labels of the rows' model (the
/// denominator: `classified`), and per label how many of them have that label as their top-1
/// prediction with a score of at least the minimum, that count's share of the classified items
/// and the mean top-1 score of those items. Labels are told apart by their model index and name,
/// so ImageNet's two "crane" classes stay two motifs. Items below the minimum count in the
/// denominator only, so a tag's shares may add up to less than 1. `ok` items without the model's
/// labels (a project classified partly by another model) are not known to show or not show a
/// motif: they are counted apart (`unlabelled`) and left out of the shares.
///
/// Every share carries a percentile interval from a cluster bootstrap over the tag's posts
/// (ClusterBootstrap: the images of one post are not independent), seeded per tag so that the
/// same project gives the same intervals everywhere.
class MotifStatistics
{
public:
    struct Motif
    {
        int labelIndex = -1;
        QString label;
        int images = 0;         ///< ok items of the tag with this top-1 label at the minimum score
        double share = 0.0;     ///< images / the tag's classified items
        double meanScore = 0.0; ///< mean top-1 score of those images
        double ciLow = 0.0;     ///< the share's interval (BootstrapOptions::level); [0, 0] without one
        double ciHigh = 0.0;
    };
    struct TagMotifs
    {
        int ok = 0;          ///< the tag's ok items
        int classified = 0;  ///< of them, those with the model's labels: the shares' denominator
        int unlabelled = 0;  ///< ok items without the model's labels (ok - classified)
        int counted = 0;     ///< of the classified, those with a top-1 label at the minimum score
        int posts = 0;       ///< the posts of the classified items: the clusters resampled
        QList<Motif> motifs; ///< most images first, then by label, then by index
    };

    static MotifStatistics compute(const QList<MediaRow> &rows, double minimumScore,
                                   const BootstrapOptions &bootstrap = {});

    double minimumScore() const { return m_minimumScore; }
    BootstrapOptions bootstrap() const { return m_bootstrap; }
    /// The tags with at least one ok item, sorted.
    QStringList tags() const { return m_tags.keys(); }
    /// The tag's motifs, or an empty entry for a tag without ok items.
    TagMotifs tag(const QString &tag) const { return m_tags.value(tag); }
    /// A motif as the chart's categories name it: label index and label.
    using MotifKey = std::pair<int, QString>;

    /// \a tag's entry for \a key. A motif the tag did not show has 0 images and share 0, and the
    /// interval up to the exact bound for a share never seen in the tag's posts.
    Motif motif(const QString &tag, const MotifKey &key) const;
    /// The share of \a tag's classified items whose top label is (labelIndex, label); 0 when none is.
    double share(const QString &tag, int labelIndex, const QString &label) const;
    /// The \a n motifs (at most) that compare \a tags best: the highest mean share over the
    /// tags (each tag weighs the same, whatever its size), ties by more images in all, then by
    /// label and index. Exactly n when the tags have that many motifs between them.
    QList<MotifKey> topMotifs(const QStringList &tags, int n) const;

private:
    QMap<QString, TagMotifs> m_tags;
    double m_minimumScore = 0.0;
    BootstrapOptions m_bootstrap;
};

} // namespace taglens::engine
