// SPDX-License-Identifier: GPL-3.0-or-later
#include "motifstatistics.h"

#include "clusterbootstrap.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>
#include <tuple>

Q_LOGGING_CATEGORY(lcMotifStatistics, "taglens.engine.analysis.motifs")

namespace taglens::engine {

MotifStatistics MotifStatistics::compute(const QList<MediaRow> &rows, double minimumScore,
                                         const BootstrapOptions &bootstrap)
{
    struct Accumulator
    {
        int ok = 0;
        int classified = 0;
        QList<Motif> motifs;                        // in the order first seen: the bootstrap's slots
        QHash<std::pair<int, QString>, int> slotOf; // label → index into motifs
        QList<ClusterBootstrap::Cluster> posts;
        QHash<qint64, int> postOf; // post id → index into posts
    };
    QMap<QString, Accumulator> accumulators;
    for (const MediaRow &row : rows) {
        if (row.status != MediaStatus::Ok)
            continue;
        Accumulator &a = accumulators[row.tag];
        ++a.ok;
        if (row.predictions.isEmpty())
            continue; // not labelled by this model: unknown, not "no motif"
        ++a.classified;
        const auto post = a.postOf.constFind(row.postId);
        const int p = post != a.postOf.constEnd() ? *post : int(a.posts.size());
        if (post == a.postOf.constEnd()) {
            a.postOf.insert(row.postId, p);
            a.posts.append(ClusterBootstrap::Cluster{});
        }
        ClusterBootstrap::Cluster &cluster = a.posts[p];
        ++cluster.size;
        const LabelScore &top = row.predictions.constFirst();
        if (double(top.score) < minimumScore)
            continue;
        const std::pair<int, QString> key{top.index, top.label};
        const auto slot = a.slotOf.constFind(key);
        const int s = slot != a.slotOf.constEnd() ? *slot : int(a.motifs.size());
        if (slot == a.slotOf.constEnd()) {
            a.slotOf.insert(key, s);
            a.motifs.append(Motif{top.index, top.label});
        }
        Motif &m = a.motifs[s];
        ++m.images;
        m.meanScore += double(top.score); // a sum until the end
        cluster.counts.emplaceBack(s, 1);
    }
    MotifStatistics result;
    result.m_minimumScore = minimumScore;
    result.m_bootstrap = bootstrap;
    for (auto it = accumulators.cbegin(); it != accumulators.cend(); ++it) {
        TagMotifs tag;
        tag.ok = it->ok;
        tag.classified = it->classified;
        tag.unlabelled = it->ok - it->classified;
        tag.posts = int(it->posts.size());
        const QList<ClusterBootstrap::Interval> intervals =
            ClusterBootstrap::intervals(it->posts, int(it->motifs.size()), bootstrap, it.key().toUtf8());
        for (qsizetype s = 0; s < it->motifs.size(); ++s) {
            Motif m = it->motifs.at(s);
            tag.counted += m.images;
            m.meanScore /= m.images;
            m.share = double(m.images) / double(tag.classified);
            if (s < intervals.size()) {
                m.ciLow = intervals.at(s).low;
                m.ciHigh = intervals.at(s).high;
            }
            tag.motifs << m;
        }
        std::sort(tag.motifs.begin(), tag.motifs.end(), [](const Motif &a, const Motif &b) {
            return std::forward_as_tuple(b.images, a.label, a.labelIndex) <
                   std::forward_as_tuple(a.images, b.label, b.labelIndex);
        });
        result.m_tags.insert(it.key(), tag);
    }
    qCDebug(lcMotifStatistics) << "motifs of" << result.m_tags.size() << "tags at minimum score"
                               << minimumScore << "with" << bootstrap.replicates << "replicates";
    return result;
}

MotifStatistics::Motif MotifStatistics::motif(const QString &tag, const MotifKey &key) const
{
    const TagMotifs t = m_tags.value(tag);
    for (const Motif &m : t.motifs) {
        if (m.labelIndex == key.first && m.label == key.second)
            return m;
    }
    Motif none{key.first, key.second};
    if (m_bootstrap.replicates > 0 && t.posts > 0)
        none.ciHigh = ClusterBootstrap::zeroShareUpperBound(t.posts, m_bootstrap.level);
    return none;
}

double MotifStatistics::share(const QString &tag, int labelIndex, const QString &label) const
{
    return motif(tag, {labelIndex, label}).share;
}

QList<MotifStatistics::MotifKey> MotifStatistics::topMotifs(const QStringList &tags, int n) const
{
    struct Candidate
    {
        MotifKey key;
        double shareSum = 0.0;
        int images = 0;
    };
    QMap<MotifKey, Candidate> candidates;
    for (const QString &tag : tags) {
        for (const Motif &m : m_tags.value(tag).motifs) {
            Candidate &c = candidates[{m.labelIndex, m.label}];
            c.key = {m.labelIndex, m.label};
            c.shareSum += m.share;
            c.images += m.images;
        }
    }
    QList<Candidate> ranked = candidates.values();
    std::sort(ranked.begin(), ranked.end(), [](const Candidate &a, const Candidate &b) {
        if (a.shareSum != b.shareSum)
            return a.shareSum > b.shareSum; // the same order as the mean: the tags are the same
        if (a.images != b.images)
            return a.images > b.images;
        if (a.key.second != b.key.second)
            return a.key.second < b.key.second;
        return a.key.first < b.key.first;
    });
    QList<MotifKey> top;
    for (qsizetype i = 0; i < ranked.size() && i < n; ++i)
        top << ranked.at(i).key;
    return top;
}

} // namespace taglens::engine
