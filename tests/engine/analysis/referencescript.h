// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace taglens::tests {

/// Runs reference_statistics.py (Debian's python3 with numpy and scipy) on \a query and returns
/// its answer; an empty object when the script could not run or answered no JSON (the caller's
/// QVERIFY then fails with the script's stderr in the log).
QJsonObject referenceStatistics(const QString &command, const QJsonObject &query);

} // namespace taglens::tests
