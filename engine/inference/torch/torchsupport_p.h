// SPDX-License-Identifier: GPL-3.0-or-later
// Private to taglens_torch: the only header that includes LibTorch. Never include it from a
// public header; the public classes hide torch behind a pimpl.
#pragma once

#include "../../core/expected.h"

#include <QString>

#include <torch/script.h>

namespace taglens::torchbackend {

/// Builds the torchvision Inception-v3 network (eval mode, transform_input=True, no aux head) as
/// a TorchScript module from a `torch.save(state_dict)` file. forward(x) returns (logits, features).
engine::Expected<torch::jit::Module> buildInceptionV3Module(const QString &stateDictPath);

/// Turns any exception from LibTorch into an error value with \a context in the message.
engine::Error torchError(engine::ErrorCode code, const QString &context, const std::exception &e);

} // namespace taglens::torchbackend
