// SPDX-License-Identifier: GPL-3.0-or-later
#include "motifstatistics.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcMotifStatistics, "taglens.ui.charts.motifstatistics")

namespace taglens::ui {

MotifStatistics MotifStatistics::compute(const QList<engine::MediaRow> &rows, double minimumScore)
{
    struct Accumulator
    {
        int ok = 0;
        QHash<int, Motif> byIndex;
    };
    QMap<QString, Accumulator> accumulators;
    for (const engine::MediaRow &row : rows) {
        if (row.status != engine::MediaStatus::Ok)
            continue;
        Accumulator &a = accumulators[row.tag];
        ++a.ok;
        if (row.predictions.isEmpty())
            continue;
        const engine::LabelScore &top = row.predictions.first();
        if (double(top.score) < minimumScore)
            continue;
        Motif &m = a.byIndex[top.index];
        m.labelIndex = top.index;
        m.label = top.label;
        ++m.images;
        m.meanScore += double(top.score); // a sum until the end
    }
    MotifStatistics result;
    for (auto it = accumulators.cbegin(); it != accumulators.cend(); ++it) {
        TagMotifs tag;
        tag.ok = it->ok;
        for (Motif m : it->byIndex) {
            m.meanScore /= m.images;
            m.share = double(m.images) / double(tag.ok);
            tag.motifs << m;
        }
        std::sort(tag.motifs.begin(), tag.motifs.end(), [](const Motif &a, const Motif &b) {
            if (a.images != b.images)
                return a.images > b.images;
            if (a.label != b.label)
                return a.label < b.label;
            return a.labelIndex < b.labelIndex;
        });
        result.m_tags.insert(it.key(), tag);
    }
    qCDebug(lcMotifStatistics) << "motifs of" << result.m_tags.size() << "tags";
    return result;
}

} // namespace taglens::ui
