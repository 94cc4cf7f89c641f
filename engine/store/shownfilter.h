// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../sources/mediastatus.h"
#include "mediarow.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace taglens::engine {

/// Which media rows a view shows: one tag, one top-1 label, one status, a minimum top-1 score
/// (each unset: any). The one rule for the grid's filter and for an export of "what is shown",
/// so the two cannot disagree; describe() and toJson() say it in a caption and an export record.
struct ShownFilter
{
    Q_DECLARE_TR_FUNCTIONS(ShownFilter)

public:
    QString tag;                       ///< empty: every tag
    QString label;                     ///< the top-1 label; empty: any
    std::optional<MediaStatus> status; ///< unset: any
    double minimumScore = 0.0;         ///< the top-1 score at least this (0: no limit)

    /// Everything passes.
    bool isEmpty() const { return tag.isEmpty() && label.isEmpty() && !status && minimumScore <= 0.0; }
    /// A row with this tag, status, top-1 label and score (0 without labels) passes.
    bool accepts(const QString &rowTag, MediaStatus rowStatus, const QString &topLabel,
                 double topScore) const;
    bool accepts(const MediaRow &row) const;

    /// "#cats · top label “tabby” · ok · score ≥ 58 %"; "all images" when empty.
    QString describe() const;
    /// {"tag", "label", "status", "min_score"}, null for what is not filtered.
    QJsonValue toJson() const;

    bool operator==(const ShownFilter &) const = default;
};

} // namespace taglens::engine
