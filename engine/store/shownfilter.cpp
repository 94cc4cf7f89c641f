// SPDX-License-Identifier: GPL-3.0-or-later
#include "shownfilter.h"

#include <QJsonObject>
#include <QStringList>

namespace taglens::engine {

bool ShownFilter::accepts(const QString &rowTag, MediaStatus rowStatus, const QString &topLabel,
                          double topScore) const
{
    if (!tag.isEmpty() && rowTag != tag)
        return false;
    if (status && rowStatus != *status)
        return false;
    if (!label.isEmpty() && topLabel != label)
        return false;
    if (minimumScore > 0.0 && topScore < minimumScore)
        return false;
    return true;
}

bool ShownFilter::accepts(const MediaRow &row) const
{
    const bool labelled = !row.predictions.isEmpty();
    return accepts(row.tag, row.status, labelled ? row.predictions.first().label : QString(),
                   labelled ? double(row.predictions.first().score) : 0.0);
}

QString ShownFilter::describe() const
{
    if (isEmpty())
        return tr("all images");
    QStringList parts;
    if (!tag.isEmpty())
        parts << QStringLiteral("#") + tag;
    if (!label.isEmpty())
        parts << tr("top label “%1”").arg(label);
    if (status)
        parts << mediaStatusName(*status);
    if (minimumScore > 0.0)
        parts << tr("score ≥ %1 %").arg(qRound(minimumScore * 100.0));
    return parts.join(QStringLiteral(" · "));
}

QJsonValue ShownFilter::toJson() const
{
    const auto textOrNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    return QJsonObject{
        {QStringLiteral("tag"), textOrNull(tag)},
        {QStringLiteral("label"), textOrNull(label)},
        {QStringLiteral("status"), status ? QJsonValue(mediaStatusName(*status)) : QJsonValue()},
        {QStringLiteral("min_score"), minimumScore > 0.0 ? QJsonValue(minimumScore) : QJsonValue()},
    };
}

} // namespace taglens::engine
