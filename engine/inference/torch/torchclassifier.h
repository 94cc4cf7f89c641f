// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../../core/expected.h"
#include "../imageclassifier.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace taglens::torchbackend {

/// The LibTorch implementation of ImageClassifier. Loads either model kind:
///  - a torchvision Inception-v3 state_dict (`.pth`, e.g. the official weights), turned into a
///    TorchScript module in memory;
///  - a TorchScript image classifier (`.pt`) whose labels and preprocessing travel inside it as
///    `labels.txt` / `taglens.json` extra files, or beside it (`<name>.labels.txt`, `<name>.json`).
/// Either way the module is frozen and optimised for inference at load time (saving an optimised
/// module does not round-trip in LibTorch 1.13, so optimisation always happens here).
class TorchClassifier final : public engine::ImageClassifier
{
    Q_DECLARE_TR_FUNCTIONS(TorchClassifier)

public:
    struct Options
    {
        int threads = 0; ///< intra-op threads; 0 = one per core
    };

    static engine::Expected<std::unique_ptr<TorchClassifier>> load(const QString &path,
                                                                   const Options &options);
    static engine::Expected<std::unique_ptr<TorchClassifier>> load(const QString &path)
    {
        return load(path, Options{});
    }

    /// What the applications call: loads \a path, or the installed default model when \a path is
    /// empty (ModelMissing with the install hint when there is none), as an engine ImageClassifier.
    static engine::Expected<std::unique_ptr<engine::ImageClassifier>> open(const QString &path,
                                                                           const Options &options);
    static engine::Expected<std::unique_ptr<engine::ImageClassifier>> open(const QString &path)
    {
        return open(path, Options{});
    }

    ~TorchClassifier() override;

    const engine::ModelInfo &info() const override;
    engine::Expected<engine::PreparedInput> prepare(const QImage &image) const override;
    engine::Expected<QList<engine::Classification>> classify(const QList<engine::PreparedInput> &batch,
                                                             int topK) override;
    void setThreadCount(int threads) override;
    int threadCount() const override;

    /// The installer's converter: turns a torchvision Inception-v3 state_dict into the TorchScript
    /// model at \a destination (labels and metadata inside) and checks that it loads.
    static engine::Expected<void> installFromStateDict(const QString &source, const QString &destination);

    /// torchvision's Resize → CenterCrop → ToTensor → Normalize, as done on a PIL image.
    static engine::Expected<engine::PreparedInput> preprocess(const QImage &image,
                                                              const engine::Preprocessing &pp);

    /// The raw logits for a batch (N × classes), for reference checks against PyTorch.
    engine::Expected<QList<QList<float>>> logits(const QList<engine::PreparedInput> &batch);

private:
    struct Private;
    explicit TorchClassifier(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace taglens::torchbackend
