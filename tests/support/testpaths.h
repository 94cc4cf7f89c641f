// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::tests {

/// The source tree (TAGLENS_SOURCE_DIR, set by CTest).
QString sourceDir();
/// The build tree (TAGLENS_BUILD_DIR, set by CTest).
QString buildDir();
/// Where the test-model fixture writes the random-weight models (build/test-models).
QString testModelDir();
/// Debian's python3-skimage sample photos (empty when not installed).
QString skimageDataDir();

} // namespace taglens::tests
