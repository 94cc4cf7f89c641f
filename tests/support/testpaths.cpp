// SPDX-License-Identifier: GPL-3.0-or-later
#include "testpaths.h"

#include <QDir>
#include <QFileInfo>

namespace taglens::tests {

QString sourceDir()
{
    return qEnvironmentVariable("TAGLENS_SOURCE_DIR");
}

QString buildDir()
{
    return qEnvironmentVariable("TAGLENS_BUILD_DIR");
}

QString testModelDir()
{
    return buildDir() + QStringLiteral("/test-models");
}

QString skimageDataDir()
{
    const QString dir = QStringLiteral("/usr/lib/python3/dist-packages/skimage/data");
    return QFileInfo::exists(dir) ? dir : QString();
}

} // namespace taglens::tests
