// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

#include <QByteArray>
#include <QString>

namespace taglens::engine {

/// Writes a whole file or nothing: the bytes go to a temporary file that replaces `path` only
/// when complete (QSaveFile), so an interrupted export never leaves a half-written file behind
/// that looks like a finished one.
class AtomicFile
{
public:
    AtomicFile() = delete;

    /// Errors: Io (the folder is missing or not writable, the disk is full).
    static Expected<void> write(const QString &path, const QByteArray &bytes);
};

} // namespace taglens::engine
