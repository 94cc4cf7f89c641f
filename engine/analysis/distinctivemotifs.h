// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "motifstatistics.h"

#include <QList>
#include <QStringList>

namespace taglens::engine {

/// What one group of tags shows that another does not, beyond chance: the weighted log-odds ratio
/// with an informative Dirichlet prior and its z-score, per motif (Monroe, Colaresi & Quinn 2008,
/// "Fightin' Words", Political Analysis 16(4), eq. 16 and 20-22).
///
/// Counts are those of MotifStatistics: y_w images of a group with top-1 motif w (at the minimum
/// score) out of n classified images. The prior is the project: a_w = a_0 * (the project's images
/// of w / the project's classified images), a_0 the project's classified images unless given.
///
///   delta_w = log((yA_w + a_w) / (nA + a_0 - yA_w - a_w)) - log((yB_w + a_w) / (nB + a_0 - yB_w - a_w))
///   var_w  ~ 1 / (yA_w + a_w) + 1 / (yB_w + a_w),   z_w = delta_w / sqrt(var_w)
///
/// Positive z: A shows w more often. p is two-sided from the normal distribution, q the
/// Benjamini-Hochberg adjustment over every motif compared (a list of 1000 labels holds about 50
/// with |z| > 1.96 by chance alone). The model treats images as independent draws; the shares'
/// intervals (ClusterBootstrap) are the ones that respect posts.
class DistinctiveMotifs
{
public:
    struct Term
    {
        MotifStatistics::MotifKey key;
        int imagesA = 0;      ///< yA_w
        int imagesB = 0;      ///< yB_w
        int background = 0;   ///< the project's images of w (every tag)
        double shareA = 0.0;  ///< yA_w / nA
        double shareB = 0.0;  ///< yB_w / nB
        double prior = 0.0;   ///< a_w
        double logOdds = 0.0; ///< delta_w, A against B
        double standardError = 0.0;
        double z = 0.0;
        double p = 1.0; ///< two-sided
        double q = 1.0; ///< Benjamini-Hochberg over the terms
    };
    struct Comparison
    {
        QStringList tagsA;
        QStringList tagsB;
        int classifiedA = 0; ///< nA: an image under two tags of a group counts under each
        int classifiedB = 0;
        int background = 0;         ///< the project's classified images, every tag
        double priorStrength = 0.0; ///< the a_0 used
        QList<Term> terms; ///< every motif either group shows; highest z first (A's), lowest last (B's)
    };

    /// Compares the tags \a a with the tags \a b; an empty \a b means every other tag of the
    /// project. Tags without classified images add nothing. A tag in both groups stays in A only.
    /// \a priorStrength is a_0; 0 or less: the project's classified images.
    static Comparison compare(const MotifStatistics &statistics, const QStringList &a, const QStringList &b,
                              double priorStrength = 0.0);
};

} // namespace taglens::engine
