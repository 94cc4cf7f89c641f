// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/models/modelstore.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QUrl>

namespace taglens::engine {

/// Installing a model from a file, the one rule the first-run dialog and `taglens-cli model
/// install` share: a file becomes *the official model* only when its SHA-256 starts with
/// torchvision's (ModelStore::officialSha256Prefix()), whatever it is called. Any other weights
/// (a state dict) or TorchScript file is installed as a custom model under its own name, so
/// random weights are never shown as the official network.
class ModelInstall
{
    Q_DECLARE_TR_FUNCTIONS(ModelInstall)

public:
    ModelInstall() = delete;

    /// What a file holds, from its bytes (never its name).
    enum class Format
    {
        StateDict,   ///< torchvision weights (torch.save of a state dict: a zip or a legacy pickle)
        TorchScript, ///< a scripted or traced module (torch.jit.save)
    };
    struct Installed
    {
        QString path;          ///< the installed model file
        bool official = false; ///< the official Inception-v3 weights
        Format format = Format::StateDict;
        QString sourceSha256; ///< of the file installed from
    };

    /// Installs \a source into \a store by the rule above: the official weights become
    /// ModelStore::defaultModelPath(); other weights are converted by \a convertWeights into
    /// `<name>.pt`; TorchScript is copied as `<name>.pt` (renamed when the name is the official
    /// model's). Errors: NotFound (no such file), InvalidArgument (not a PyTorch model file, or
    /// empty), Io, and the conversion's own. Slow (hashes and converts): call it off the GUI thread.
    /// \a officialPrefix is torchvision's; tests pass their own file's to reach that branch.
    static Expected<Installed> fromFile(const ModelStore &store, const QString &source,
                                        const ModelStore::Converter &convertWeights,
                                        const QString &officialPrefix = ModelStore::officialSha256Prefix());
    /// fromFile() on a pool thread; \a removeSource deletes the source afterwards (a download).
    static QFuture<Expected<Installed>> fromFileInBackground(const ModelStore &store, const QString &source,
                                                             const ModelStore::Converter &convertWeights,
                                                             bool removeSource = false);

    /// What the file at \a path holds. Errors: NotFound, Io, InvalidArgument (neither kind).
    static Expected<Format> formatOf(const QString &path);
    /// The SHA-256 prefix torchvision puts in a weights file's name (NAME-0123abcd.pth), lower
    /// case; empty when the name carries none. Downloads are checked against it as they arrive.
    static QString sha256PrefixInName(const QString &fileName);
    /// Where a download of \a url goes, with the model folder created. Errors: InvalidArgument
    /// (no file name, or no SHA-256 prefix in it to check the bytes against), Io.
    static Expected<QString> prepareDownload(const ModelStore &store, const QUrl &url);
    static QFuture<Expected<QString>> prepareDownloadInBackground(const ModelStore &store, const QUrl &url);
};

} // namespace taglens::engine
