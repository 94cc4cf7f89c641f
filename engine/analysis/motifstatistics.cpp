// SPDX-License-Identifier: GPL-3.0-or-later
#include "motifstatistics.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>
#include <tuple>

Q_LOGGING_CATEGORY(lcMotifStatistics, "taglens.engine.analysis.motifs")

namespace taglens::engine {

MotifStatistics MotifStatistics::compute(const QList<MediaRow> &rows, double minimumScore)
{
    struct Accumulator
    {
        int ok = 0;
        int classified = 0;
        QHash<std::pair<int, QString>, Motif> byLabel;
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
        const LabelScore &top = row.predictions.constFirst();
        if (double(top.score) < minimumScore)
            continue;
        Motif &m = a.byLabel[{top.index, top.label}];
        m.labelIndex = top.index;
        m.label = top.label;
        ++m.images;
        m.meanScore += double(top.score); // a sum until the end
    }
    MotifStatistics result;
    result.m_minimumScore = minimumScore;
    for (auto it = accumulators.cbegin(); it != accumulators.cend(); ++it) {
        TagMotifs tag;
        tag.ok = it->ok;
        tag.classified = it->classified;
        tag.unlabelled = it->ok - it->classified;
        for (Motif m : it->byLabel) {
            tag.counted += m.images;
            m.meanScore /= m.images;
            m.share = double(m.images) / double(tag.classified);
            tag.motifs << m;
        }
        std::sort(tag.motifs.begin(), tag.motifs.end(), [](const Motif &a, const Motif &b) {
            return std::forward_as_tuple(b.images, a.label, a.labelIndex) <
                   std::forward_as_tuple(a.images, b.label, b.labelIndex);
        });
        result.m_tags.insert(it.key(), tag);
    }
    qCDebug(lcMotifStatistics) << "motifs of" << result.m_tags.size() << "tags at minimum score"
                               << minimumScore;
    return result;
}

double MotifStatistics::share(const QString &tag, int labelIndex, const QString &label) const
{
    const auto found = m_tags.constFind(tag);
    if (found == m_tags.constEnd())
        return 0.0;
    for (const Motif &m : found->motifs) {
        if (m.labelIndex == labelIndex && m.label == label)
            return m.share;
    }
    return 0.0;
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
