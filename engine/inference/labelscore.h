// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace taglens::engine {

/// One ranked label: the class index in the model's label list, its name and its softmax probability.
struct LabelScore
{
    int index = -1;
    QString label;
    float score = 0.0f;

    friend bool operator==(const LabelScore &, const LabelScore &) = default;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::LabelScore)
