// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace taglens::tests {

/// Files under \a dir (recursively, hidden ones too) whose bytes contain \a needle: how the tests
/// prove that a token or a secret never reached a plain file.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

} // namespace taglens::tests
