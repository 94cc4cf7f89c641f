// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcAtomicFile, "taglens.engine.export.file", QtInfoMsg)

namespace taglens::engine {

Expected<void> AtomicFile::write(const QString &path, const QByteArray &bytes)
{
    const QString file = QDir::toNativeSeparators(path);
    if (path.isEmpty())
        return Error::make(ErrorCode::InvalidArgument,
                           QCoreApplication::translate("AtomicFile", "No output file was given."));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::make(
            ErrorCode::Io,
            QCoreApplication::translate("AtomicFile", "Cannot write %1: %2.").arg(file, out.errorString()));
    if (out.write(bytes) != bytes.size()) {
        const QString reason = out.errorString();
        out.cancelWriting();
        return Error::make(
            ErrorCode::Io,
            QCoreApplication::translate("AtomicFile", "Cannot write %1: %2.").arg(file, reason));
    }
    if (!out.commit())
        return Error::make(
            ErrorCode::Io,
            QCoreApplication::translate("AtomicFile", "Cannot write %1: %2.").arg(file, out.errorString()));
    qCDebug(lcAtomicFile) << "wrote" << bytes.size() << "bytes to" << path;
    return {};
}

} // namespace taglens::engine
