// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace taglens::engine {

/// A model file found in the user's model directory.
struct InstalledModel
{
    QString path;       ///< absolute path of the file
    QString fileName;   ///< file name only, e.g. "inception_v3_imagenet1k_v1.pt"
    qint64 size = 0;    ///< bytes
    QDateTime modified; ///< last modification time
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::InstalledModel)
