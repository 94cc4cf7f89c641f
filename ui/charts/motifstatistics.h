// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/store/mediarow.h"

#include <QList>
#include <QMap>
#include <QString>

namespace taglens::ui {

/// What each tag's pictures show, computed as the summary CSV does: per tag, how many `ok`
/// items have a label as their top-1 prediction (scoring at least the minimum), and that count
/// as a share of the tag's `ok` items. Labels are told apart by their model index.
class MotifStatistics
{
public:
    struct Motif
    {
        int labelIndex = -1;
        QString label;
        int images = 0;
        double share = 0.0;     ///< images / the tag's ok items
        double meanScore = 0.0; ///< mean top-1 score of those images
    };
    struct TagMotifs
    {
        int ok = 0;
        QList<Motif> motifs; ///< most images first, then by label
    };

    static MotifStatistics compute(const QList<engine::MediaRow> &rows, double minimumScore);

    QStringList tags() const { return m_tags.keys(); }
    /// The tag's motifs, or an empty entry for a tag without ok items.
    TagMotifs tag(const QString &tag) const { return m_tags.value(tag); }

private:
    QMap<QString, TagMotifs> m_tags;
};

} // namespace taglens::ui
