// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencescript.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QtDebug>

namespace taglens::tests {

QJsonObject referenceStatistics(const QString &command, const QJsonObject &query)
{
    const QString script = QDir(qEnvironmentVariable("TAGLENS_SOURCE_DIR"))
                               .filePath(QStringLiteral("tests/engine/analysis/reference_statistics.py"));
    QProcess python;
    python.start(QStringLiteral(TAGLENS_PYTHON), {script, command});
    if (!python.waitForStarted(10000)) {
        qWarning() << "cannot start" << TAGLENS_PYTHON << python.errorString();
        return {};
    }
    python.write(QJsonDocument(query).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    if (!python.waitForFinished(120000) || python.exitCode() != 0) {
        qWarning().noquote() << "the reference failed:" << python.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace taglens::tests
