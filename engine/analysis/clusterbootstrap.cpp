// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterbootstrap.h"

#include <QLoggingCategory>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

Q_LOGGING_CATEGORY(lcClusterBootstrap, "taglens.engine.analysis.bootstrap")

namespace taglens::engine {

namespace {

quint64 splitMix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Type 7 of Hyndman & Fan (numpy's default): linear between the order statistics around p.
double quantile(const std::vector<double> &sorted, double p)
{
    const double position = p * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - double(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

} // namespace

quint64 ClusterBootstrap::streamSeed(quint64 seed, const QByteArray &stream)
{
    quint64 hash = 0xcbf29ce484222325ULL; // FNV-1a, 64 bit
    for (const char c : stream) {
        hash ^= quint64(quint8(c));
        hash *= 0x100000001b3ULL;
    }
    return splitMix64(seed ^ splitMix64(hash));
}

double ClusterBootstrap::zeroShareUpperBound(int clusters, double level)
{
    if (clusters < 1)
        return 1.0;
    return 1.0 - std::pow((1.0 - level) / 2.0, 1.0 / double(clusters));
}

QList<ClusterBootstrap::Interval> ClusterBootstrap::intervals(const QList<Cluster> &clusters, int slots,
                                                              const BootstrapOptions &options,
                                                              const QByteArray &stream)
{
    // Flat arrays: a replicate touches every drawn cluster's counts, millions of times per project.
    std::vector<int> sizes;
    std::vector<int> firstCount;
    std::vector<std::pair<int, int>> counts;
    for (const Cluster &c : clusters) {
        if (c.size <= 0)
            continue;
        sizes.push_back(c.size);
        firstCount.push_back(int(counts.size()));
        for (const auto &[slot, images] : c.counts) {
            if (slot >= 0 && slot < slots && images > 0)
                counts.emplace_back(slot, images);
        }
    }
    firstCount.push_back(int(counts.size()));
    const auto n = quint64(sizes.size());
    if (n == 0 || options.replicates < 1 || slots < 1)
        return {};

    const auto replicates = std::size_t(options.replicates);
    std::vector<double> shares(std::size_t(slots) * replicates); // slot-major: one run per slot
    std::vector<double> sums(static_cast<std::size_t>(slots));
    std::mt19937_64 random(streamSeed(options.seed, stream));
    for (std::size_t r = 0; r < replicates; ++r) {
        std::fill(sums.begin(), sums.end(), 0.0);
        double denominator = 0.0;
        for (quint64 draw = 0; draw < n; ++draw) {
            // The modulo's bias is below n / 2^64: nothing a share can show.
            const auto c = std::size_t(random() % n);
            denominator += sizes[c];
            for (int k = firstCount[c]; k < firstCount[c + 1]; ++k)
                sums[std::size_t(counts[std::size_t(k)].first)] += counts[std::size_t(k)].second;
        }
        for (std::size_t s = 0; s < std::size_t(slots); ++s)
            shares[s * replicates + r] = sums[s] / denominator;
    }

    const double tail = (1.0 - options.level) / 2.0;
    const double bound = zeroShareUpperBound(int(n), options.level);
    QList<Interval> out(slots);
    std::vector<double> run(replicates);
    for (std::size_t s = 0; s < std::size_t(slots); ++s) {
        std::copy_n(shares.begin() + std::ptrdiff_t(s * replicates), replicates, run.begin());
        std::sort(run.begin(), run.end());
        Interval &i = out[qsizetype(s)];
        i.low = quantile(run, tail);
        i.high = quantile(run, 1.0 - tail);
        if (run.back() == 0.0)
            i.high = bound; // never seen in any replicate
        else if (run.front() == 1.0)
            i.low = 1.0 - bound; // seen in every image of every replicate
    }
    qCDebug(lcClusterBootstrap) << "resampled" << n << "clusters" << replicates << "times for" << slots
                                << "shares";
    return out;
}

} // namespace taglens::engine
