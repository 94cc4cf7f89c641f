// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>

namespace taglens::engine {

/// A decoded image already resized, cropped and normalised for one model: `channels × size × size`
/// floats in CHW order. Preparing is thread-safe and runs beside inference, not in front of it.
struct PreparedInput
{
    QList<float> values;
    int channels = 0;
    int size = 0;

    bool isValid() const { return channels > 0 && size > 0 && values.size() == qsizetype(channels) * size * size; }
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::PreparedInput)
