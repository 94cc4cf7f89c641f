// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "classification.h"

#include <QMetaType>
#include <QSize>
#include <QString>

namespace taglens::engine {

/// The outcome for one input file: classified, or an error that says why not.
struct FileClassification
{
    QString file;
    bool ok = false;
    Error error;
    QSize size; ///< after EXIF orientation
    Classification classification;
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::FileClassification)
