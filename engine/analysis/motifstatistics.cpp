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

} // namespace taglens::engine
