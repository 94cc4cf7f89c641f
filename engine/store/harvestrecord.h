// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "harveststatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace taglens::engine {

/// One run of `harvest` into a project: what was asked for and which model answered.
/// Exports copy it verbatim, so a reader can repeat the harvest.
struct HarvestRecord
{
    qint64 id = 0;          ///< assigned by ProjectStore::beginHarvest()
    QString source;         ///< "mastodon", "pixelfed", "local", …
    QString instance;       ///< the instance URL, or the folder for local sources
    QStringList tags;       ///< the hashtags asked for, as the caller normalised them
    QJsonObject parameters; ///< everything else that shapes the result (limit, top-K, CLI options)
    QString modelName;
    QString modelSha256;      ///< the model file's SHA-256; predictions are stored under it
    bool modelTrained = true; ///< false for random-weight test models
    QDateTime startedAt;      ///< UTC; beginHarvest() uses the current time when left invalid
    QDateTime finishedAt;     ///< invalid while running
    HarvestStatus status = HarvestStatus::Running;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::HarvestRecord)
