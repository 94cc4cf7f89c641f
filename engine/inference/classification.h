// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelscore.h"

#include <QList>
#include <QMetaType>

namespace taglens::engine {

/// What the model says about one image: labels ranked by score, and the penultimate embedding
/// (2048 floats for Inception-v3; empty when the model does not expose one).
struct Classification
{
    QList<LabelScore> labels;
    QList<float> embedding;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::Classification)
