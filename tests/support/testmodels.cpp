// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmodels.h"

#include "engine/inference/torch/torchclassifier.h"
#include "testpaths.h"

namespace taglens::tests {

std::unique_ptr<engine::ImageClassifier> loadTinyModel()
{
    auto loaded = torchbackend::TorchClassifier::load(testModelDir() + QStringLiteral("/hostile/tiny_sidecar.pt"),
                                                      torchbackend::TorchClassifier::Options{1});
    if (!loaded)
        qFatal("cannot load the tiny test model (run the make_hostile_models fixture): %s",
               qPrintable(loaded.error().message));
    return std::move(*loaded);
}

} // namespace taglens::tests
