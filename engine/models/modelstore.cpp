// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelstore.h"

#include "sha256digest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <filesystem>
#include <system_error>

Q_LOGGING_CATEGORY(lcModelStore, "taglens.engine.modelstore")

namespace taglens::engine {

namespace {

QString resolveDirectory(const QString &requested)
{
    if (!requested.isEmpty())
        return QDir::cleanPath(QDir(requested).absolutePath());
    const QString fromEnvironment = qEnvironmentVariable("TAGLENS_MODEL_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(QDir(fromEnvironment).absolutePath());
    // Not AppDataLocation: that depends on the organisation and application names each executable
    // sets, and the CLI and the GUI must find the same models.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/taglens/models");
}

/// Removes \a path when it exists; used so that a failed install leaves nothing behind.
void removeIfPresent(const QString &path)
{
    if (QFileInfo::exists(path) && !QFile::remove(path))
        qCWarning(lcModelStore) << "cannot remove" << path;
}

} // namespace

ModelStore::ModelStore(const QString &directory) : m_directory(resolveDirectory(directory))
{
}

QString ModelStore::directory() const
{
    return m_directory;
}

QString ModelStore::defaultModelPath() const
{
    return m_directory + u'/' + defaultModelFileName();
}

bool ModelStore::hasDefaultModel() const
{
    return QFileInfo(defaultModelPath()).isFile();
}

QList<InstalledModel> ModelStore::list() const
{
    QList<InstalledModel> models;
    const QDir dir(m_directory);
    const QFileInfoList entries = dir.entryInfoList({QStringLiteral("*.pt"), QStringLiteral("*.pth")},
                                                    QDir::Files | QDir::Readable, QDir::Name);
    models.reserve(entries.size());
    for (const QFileInfo &entry : entries)
        models.append(
            InstalledModel{entry.absoluteFilePath(), entry.fileName(), entry.size(), entry.lastModified()});
    return models;
}

Expected<QString> ModelStore::installFromFile(const QString &source, const QString &expectedSha256Prefix,
                                              const Converter &convert) const
{
    if (!convert)
        return Error::make(ErrorCode::InvalidArgument, tr("No converter was given to install the model."));
    if (!Sha256Digest::isValidPrefix(expectedSha256Prefix)) {
        return Error::make(ErrorCode::InvalidArgument,
                           tr("“%1” is not a SHA-256 digest or the start of one.").arg(expectedSha256Prefix));
    }
    if (!QFileInfo(source).isFile())
        return Error::make(ErrorCode::NotFound, tr("The model file %1 does not exist.").arg(source));

    const auto digest = Sha256Digest::ofFile(source);
    if (!digest)
        return digest.error();
    if (!Sha256Digest::matchesPrefix(digest.value(), expectedSha256Prefix)) {
        return Error::make(
            ErrorCode::Checksum,
            tr("%1 is not the expected file: its SHA-256 is %2, expected one "
               "that begins with %3.")
                .arg(source, QString::fromLatin1(digest.value()), expectedSha256Prefix.toLower()));
    }

    return convertInto(source, defaultModelPath(), convert, QString::fromLatin1(digest.value()));
}

Expected<QString> ModelStore::installAs(const QString &source, const QString &fileName,
                                        const Converter &convert) const
{
    if (!convert)
        return Error::make(ErrorCode::InvalidArgument, tr("No converter was given to install the model."));
    if (fileName.isEmpty() || fileName != QFileInfo(fileName).fileName() ||
        fileName.startsWith(QLatin1Char('.')))
        return Error::make(ErrorCode::InvalidArgument, tr("“%1” is not a plain file name.").arg(fileName));
    if (!QFileInfo(source).isFile())
        return Error::make(ErrorCode::NotFound, tr("The model file %1 does not exist.").arg(source));
    return convertInto(source, m_directory + QLatin1Char('/') + fileName, convert, QString());
}

Expected<QString> ModelStore::convertInto(const QString &source, const QString &target,
                                          const Converter &convert, const QString &sourceSha256) const
{
    if (!QDir().mkpath(m_directory))
        return Error::make(ErrorCode::Io, tr("Cannot create the model folder %1.").arg(m_directory));
    const QString temporary = target + QStringLiteral(".tmp");
    removeIfPresent(temporary); // left over from a crash

    qCInfo(lcModelStore) << "converting" << source << "to" << temporary;
    const Expected<void> converted = convert(source, temporary);
    if (!converted) {
        removeIfPresent(temporary);
        return converted.error();
    }
    if (QFileInfo(temporary).size() <= 0) {
        removeIfPresent(temporary);
        return Error::make(ErrorCode::ModelInvalid, tr("Converting %1 produced no model file.").arg(source));
    }

    // rename(2) replaces the old model atomically: a reader sees the old file or the new one.
    std::error_code ec;
    std::filesystem::rename(QFile(temporary).filesystemFileName(), QFile(target).filesystemFileName(), ec);
    if (ec) {
        removeIfPresent(temporary);
        return Error::make(
            ErrorCode::Io,
            tr("Cannot move %1 to %2: %3").arg(temporary, target, QString::fromStdString(ec.message())));
    }
    qCInfo(lcModelStore) << "installed" << target << "from" << source << "sha256" << sourceSha256;
    return target;
}

QString ModelStore::missingModelMessage() const
{
    const QString size =
        QLocale().formattedDataSize(officialWeightsSize(), 0, QLocale::DataSizeTraditionalFormat);
    return tr("No model is installed at %1. Install the official Inception-v3 weights (about %2) with "
              "\"taglens-cli model install\"; on a machine without internet, download %3 elsewhere and run "
              "\"taglens-cli model install --from FILE\". Or pass --model PATH to use another model file.")
        .arg(QDir::toNativeSeparators(defaultModelPath()), size, officialWeightsUrl().toString());
}

QString ModelStore::officialWeightsFileName()
{
    return QStringLiteral("inception_v3_google-0cc3c7bd.pth");
}

QUrl ModelStore::officialWeightsUrl()
{
    return QUrl(QStringLiteral("https://download.pytorch.org/models/inception_v3_google-0cc3c7bd.pth"));
}

QString ModelStore::officialSha256Prefix()
{
    return QStringLiteral("0cc3c7bd");
}

qint64 ModelStore::officialWeightsSize()
{
    return 108857766;
}

QString ModelStore::defaultModelFileName()
{
    return QStringLiteral("inception_v3_imagenet1k_v1.pt");
}

} // namespace taglens::engine
