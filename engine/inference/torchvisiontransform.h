// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "modelinfo.h"
#include "preparedinput.h"

#include <QImage>

namespace taglens::engine {

/// What torchvision does to a PIL image before an ImageNet classifier sees it:
/// `convert('RGB')` → `Resize(resizeSize)` (Pillow's antialiased bilinear, reproduced bit for bit)
/// → `CenterCrop(inputSize)` → `ToTensor` → `Normalize(mean, std)`. No runtime needed: plain
/// integer resampling, then floats. Thread-safe.
class TorchvisionTransform
{
public:
    static Expected<PreparedInput> apply(const QImage &image, const Preprocessing &preprocessing);
};

} // namespace taglens::engine
