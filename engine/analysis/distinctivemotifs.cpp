// SPDX-License-Identifier: GPL-3.0-or-later
#include "distinctivemotifs.h"

#include <QLoggingCategory>
#include <QMap>
#include <algorithm>
#include <cmath>
#include <numeric>

Q_LOGGING_CATEGORY(lcDistinctiveMotifs, "taglens.engine.analysis.distinctive")

namespace taglens::engine {

namespace {

using MotifKey = MotifStatistics::MotifKey;

struct GroupCounts
{
    int classified = 0;
    QMap<MotifKey, int> images;
};

GroupCounts countsOf(const MotifStatistics &statistics, const QStringList &tags)
{
    GroupCounts g;
    for (const QString &tag : tags) {
        const MotifStatistics::TagMotifs t = statistics.tag(tag);
        g.classified += t.classified;
        for (const MotifStatistics::Motif &m : t.motifs)
            g.images[{m.labelIndex, m.label}] += m.images;
    }
    return g;
}

// Benjamini & Hochberg (1995): q_(i) = min over j >= i of p_(j) * m / j, at most 1.
void adjustForManyTests(QList<DistinctiveMotifs::Term> &terms)
{
    QList<qsizetype> order(terms.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) { return terms[x].p < terms[y].p; });
    const auto m = double(terms.size());
    double running = 1.0;
    for (qsizetype rank = terms.size(); rank >= 1; --rank) {
        DistinctiveMotifs::Term &t = terms[order[rank - 1]];
        running = std::min(running, t.p * m / double(rank));
        t.q = running;
    }
}

} // namespace

DistinctiveMotifs::Comparison DistinctiveMotifs::compare(const MotifStatistics &statistics,
                                                         const QStringList &a, const QStringList &b,
                                                         double priorStrength)
{
    Comparison result;
    const QStringList all = statistics.tags();
    for (const QString &tag : a) {
        if (all.contains(tag) && !result.tagsA.contains(tag))
            result.tagsA << tag;
    }
    for (const QString &tag : b.isEmpty() ? all : b) {
        if (all.contains(tag) && !result.tagsA.contains(tag) && !result.tagsB.contains(tag))
            result.tagsB << tag;
    }
    const GroupCounts groupA = countsOf(statistics, result.tagsA);
    const GroupCounts groupB = countsOf(statistics, result.tagsB);
    const GroupCounts project = countsOf(statistics, all);
    result.classifiedA = groupA.classified;
    result.classifiedB = groupB.classified;
    result.background = project.classified;
    result.priorStrength = priorStrength > 0 ? priorStrength : double(project.classified);
    if (groupA.classified == 0 || groupB.classified == 0 || project.classified == 0)
        return result; // nothing to compare: one side has no classified images

    const double a0 = result.priorStrength;
    const auto nA = double(groupA.classified);
    const auto nB = double(groupB.classified);
    QMap<MotifKey, int> shown = groupA.images;
    for (auto it = groupB.images.cbegin(); it != groupB.images.cend(); ++it)
        shown[it.key()] += 0; // every motif either group shows, once
    for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
        Term t;
        t.key = it.key();
        t.imagesA = groupA.images.value(t.key);
        t.imagesB = groupB.images.value(t.key);
        t.background = project.images.value(t.key);
        t.shareA = t.imagesA / nA;
        t.shareB = t.imagesB / nB;
        t.prior = a0 * double(t.background) / double(project.classified);
        const double yA = t.imagesA + t.prior;
        const double yB = t.imagesB + t.prior;
        t.standardError = std::sqrt(1.0 / yA + 1.0 / yB);
        // Both rests are empty only when the whole project shows w alone: no difference at all.
        if (nA + a0 - yA > 0 && nB + a0 - yB > 0) {
            t.logOdds = std::log(yA / (nA + a0 - yA)) - std::log(yB / (nB + a0 - yB));
            t.z = t.logOdds / t.standardError;
            t.p = std::erfc(std::abs(t.z) / std::sqrt(2.0));
        }
        result.terms << t;
    }
    adjustForManyTests(result.terms);
    std::sort(result.terms.begin(), result.terms.end(), [](const Term &x, const Term &y) {
        if (x.z != y.z)
            return x.z > y.z;
        return x.key < y.key;
    });
    qCDebug(lcDistinctiveMotifs) << "compared" << result.tagsA << "with" << result.tagsB << "over"
                                 << result.terms.size() << "motifs";
    return result;
}

} // namespace taglens::engine
