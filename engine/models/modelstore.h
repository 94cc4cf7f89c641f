// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "installedmodel.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

namespace taglens::engine {

/// The user's model directory: where the classifier's weights are installed and found.
///
/// The directory is, in order of precedence: the one given to the constructor, the environment
/// variable TAGLENS_MODEL_DIR, or `<AppDataLocation>/models`. Nothing is created until a model
/// is installed. Not thread-safe; cheap to create where needed.
class ModelStore
{
    Q_DECLARE_TR_FUNCTIONS(ModelStore)

public:
    /// Turns the source file into the installed model file, e.g. torchvision's state dict into
    /// TorchScript. Writes \a dst; returns an Error if it cannot.
    using Converter = std::function<Expected<void>(const QString &src, const QString &dst)>;

    /// \a directory overrides TAGLENS_MODEL_DIR and the default when it is not empty.
    explicit ModelStore(const QString &directory = QString());

    QString directory() const;

    /// `<directory>/inception_v3_imagenet1k_v1.pt`, where installFromFile() puts the model.
    QString defaultModelPath() const;
    bool hasDefaultModel() const;

    /// The *.pt and *.pth files in directory(), sorted by name. Empty if the directory is missing.
    QList<InstalledModel> list() const;

    /// Installs a model from a local file: checks the SHA-256 of \a source against
    /// \a expectedSha256Prefix (empty: no check; any case; up to all 64 hex digits), lets
    /// \a convert write `<defaultModelPath()>.tmp`, then renames that over defaultModelPath()
    /// atomically. On any failure nothing new is left in directory() and an existing model stays.
    /// Runs synchronously (conversion may take seconds): call it off the GUI thread.
    /// Errors: NotFound (source), InvalidArgument (prefix, no converter), Checksum, Io,
    /// ModelInvalid (the converter wrote nothing), or the converter's own error.
    Expected<QString> installFromFile(const QString &source, const QString &expectedSha256Prefix,
                                      const Converter &convert) const;
    /// As installFromFile(), into `<directory>/<fileName>` (a custom model beside the official one),
    /// without a checksum to match. Errors as there; InvalidArgument for a name that is not a
    /// plain file name.
    Expected<QString> installAs(const QString &source, const QString &fileName,
                                const Converter &convert) const;

    /// One translated sentence for when no model is installed: where it was looked for and the
    /// commands that install one.
    QString missingModelMessage() const;

    /// torchvision's Inception-v3 ImageNet weights (IMAGENET1K_V1), a state dict.
    static QString officialWeightsFileName();
    static QUrl officialWeightsUrl();
    /// torchvision's file names carry the first 8 hex digits of the file's SHA-256.
    static QString officialSha256Prefix();
    /// Size of the official weights in bytes, for display ("about 104 MB").
    static qint64 officialWeightsSize();
    /// The file name of the installed (converted) default model.
    static QString defaultModelFileName();

private:
    Expected<QString> convertInto(const QString &source, const QString &target, const Converter &convert,
                                  const QString &sourceSha256) const;

    QString m_directory;
};

} // namespace taglens::engine
