// SPDX-License-Identifier: GPL-3.0-or-later
#include "filescan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace taglens::tests {

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

} // namespace taglens::tests
