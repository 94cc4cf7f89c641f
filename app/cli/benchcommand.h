// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace taglens::app {

class CliContext;

/// `taglens-cli bench [--model PATH] [--threads N] [--images N]`: images/s at batch 1, 4, 8 and
/// 16, the best of them, and decode + preprocess time per 1080×1080 JPEG. Prints numbers only;
/// the comparison with PyTorch lives in bench/.
int runBenchCommand(CliContext &cli, const QStringList &arguments);

} // namespace taglens::app
