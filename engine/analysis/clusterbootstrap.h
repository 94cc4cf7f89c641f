// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bootstrapoptions.h"

#include <QByteArray>
#include <QList>
#include <utility>

namespace taglens::engine {

/// Percentile intervals for shares of one group of images when the images come in clusters
/// (the images of one post are not independent draws): the clusters are resampled with
/// replacement, every share is recomputed as a ratio of the resampled sums, and the interval is
/// the (1 - level) / 2 and (1 + level) / 2 quantiles of the replicates (linear interpolation
/// between order statistics, numpy's default). Deterministic for a seed and a stream name:
/// the same project gives the same intervals on every machine.
///
/// A share that every replicate gives as 0 (or 1) has no spread to resample; its open bound is
/// then the exact one-sided bound of a binomial with one trial per cluster (for 0 successes
/// in n: 1 - ((1 - level) / 2)^(1/n)), so a motif a tag did not show still says how large its
/// share could be.
class ClusterBootstrap
{
public:
    struct Cluster
    {
        int size = 0;                      ///< the cluster's images: the share's denominator
        QList<std::pair<int, int>> counts; ///< (slot, images of the cluster in that slot)
    };
    struct Interval
    {
        double low = 0.0;
        double high = 0.0;
    };

    /// One interval per slot (0 … slots - 1) for the share sum(counts of slot) / sum(size).
    /// Clusters of size 0 take no part. Without clusters, or with options.replicates < 1, the
    /// list is empty: there is nothing to resample.
    static QList<Interval> intervals(const QList<Cluster> &clusters, int slots,
                                     const BootstrapOptions &options, const QByteArray &stream);

    /// The exact bound for a share that is 0 in every replicate, from \a clusters trials.
    static double zeroShareUpperBound(int clusters, double level);

    /// The seed of a named stream: options' seed mixed with a hash of the name (FNV-1a, then
    /// SplitMix64), the same on every platform.
    static quint64 streamSeed(quint64 seed, const QByteArray &stream);
};

} // namespace taglens::engine
