// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/inference/imageclassifier.h"

#include <functional>
#include <memory>

namespace taglens::tests {

/// A classifier for UI tests that need one but not a network: it ranks four colour labels by an
/// image's mean colour ("red", "green", "blue", "grey"), with the mean as its embedding. Loaded
/// from a small text file (writeModel()), so a missing or damaged model file is an error as it is
/// with the real backend. It marks itself untrained, as the real test models do. No LibTorch.
class FakeClassifier : public engine::ImageClassifier
{
public:
    using Loader = std::function<engine::Expected<std::unique_ptr<engine::ImageClassifier>>(const QString &)>;

    /// Writes a model file the loader accepts.
    static bool writeModel(const QString &path);
    /// Loads a model file: ModelMissing when there is none, ModelInvalid when it is not one.
    static Loader loader();

    const engine::ModelInfo &info() const override { return m_info; }
    engine::Expected<engine::PreparedInput> prepare(const QImage &image) const override;
    engine::Expected<QList<engine::Classification>> classify(const QList<engine::PreparedInput> &batch,
                                                             int topK) override;
    void setThreadCount(int threads) override { m_threads = threads; }
    int threadCount() const override { return m_threads; }

private:
    explicit FakeClassifier(engine::ModelInfo info) : m_info(std::move(info)) {}

    engine::ModelInfo m_info;
    int m_threads = 1;
};

} // namespace taglens::tests
