// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/inference/imageclassifier.h"

#include <memory>

namespace taglens::tests {

/// The tiny TorchScript classifier (4 labels, 32×32 input) that the make_hostile_models fixture
/// writes: a real model that runs in microseconds, for tests of everything around inference.
/// Aborts the test program when it is missing.
std::unique_ptr<engine::ImageClassifier> loadTinyModel();

} // namespace taglens::tests
