// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelinstall.h"

#include "engine/models/sha256digest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcModelInstall, "taglens.engine.workflow.modelinstall")

namespace taglens::engine {

namespace {

// A zip archive's entry names sit in its central directory, at the end: TorchScript archives
// have `<name>/constants.pkl` and `<name>/code/`, a zipped state dict has neither.
constexpr qint64 CentralDirectoryWindow = qint64{4} * 1024 * 1024;

Expected<void> copyFile(const QString &source, const QString &target)
{
    QFile::remove(target);
    if (!QFile::copy(source, target))
        return Error::make(ErrorCode::Io,
                           ModelInstall::tr("Cannot copy %1 to %2.")
                               .arg(QDir::toNativeSeparators(source), QDir::toNativeSeparators(target)));
    return {};
}

// `<name>.pt` for a custom model; never the official model's own file name.
QString customFileName(const QString &source)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString base = QFileInfo(source).completeBaseName().replace(unsafe, QStringLiteral("_"));
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    if (base.isEmpty())
        base = QStringLiteral("custom-model");
    QString name = base + QStringLiteral(".pt");
    if (name == ModelStore::defaultModelFileName())
        name = base + QStringLiteral("-custom.pt");
    return name;
}

} // namespace

Expected<ModelInstall::Format> ModelInstall::formatOf(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return Error::make(ErrorCode::NotFound,
                           tr("The model file %1 does not exist.").arg(QDir::toNativeSeparators(path)));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io,
                           tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray head = file.read(4);
    const QString shown = QDir::toNativeSeparators(path);
    if (head.size() < 2)
        return Error::make(ErrorCode::InvalidArgument,
                           tr("%1 is empty or cut short: it is no model.").arg(shown));
    // A pickle (protocol 2 or later) starts with 0x80: torch.save before PyTorch 1.6.
    if (quint8(head.at(0)) == 0x80)
        return Format::StateDict;
    if (!head.startsWith("PK\x03\x04"))
        return Error::make(ErrorCode::InvalidArgument,
                           tr("%1 is not a PyTorch model: neither saved weights (.pth) nor a TorchScript "
                              "file (.pt).")
                               .arg(shown));
    const qint64 size = file.size();
    file.seek(qMax<qint64>(0, size - CentralDirectoryWindow));
    const QByteArray tail = file.read(CentralDirectoryWindow);
    if (tail.contains("/constants.pkl") || tail.contains("/code/"))
        return Format::TorchScript;
    if (tail.contains("/data.pkl"))
        return Format::StateDict;
    return Error::make(ErrorCode::InvalidArgument,
                       tr("%1 is a zip archive but not a PyTorch model.").arg(shown));
}

Expected<ModelInstall::Installed> ModelInstall::fromFile(const ModelStore &store, const QString &source,
                                                         const ModelStore::Converter &convertWeights,
                                                         const QString &officialPrefix)
{
    auto format = formatOf(source);
    if (!format)
        return format.error();
    const auto digest = Sha256Digest::ofFile(source);
    if (!digest)
        return digest.error();
    Installed installed;
    installed.format = *format;
    installed.sourceSha256 = QString::fromLatin1(*digest);
    installed.official = *format == Format::StateDict && Sha256Digest::matchesPrefix(*digest, officialPrefix);
    Expected<QString> path = Error::make(ErrorCode::Internal, QString());
    if (installed.official)
        path = store.installFromFile(source, officialPrefix, convertWeights);
    else if (*format == Format::TorchScript)
        path = store.installAs(source, customFileName(source), copyFile);
    else
        path = store.installAs(source, customFileName(source), convertWeights);
    if (!path)
        return path.error();
    installed.path = *path;
    qCInfo(lcModelInstall) << "installed" << source << "as" << installed.path
                           << (installed.official ? "(official)" : "(custom)");
    return installed;
}

QFuture<Expected<ModelInstall::Installed>>
ModelInstall::fromFileInBackground(const ModelStore &store, const QString &source,
                                   const ModelStore::Converter &convertWeights, bool removeSource)
{
    return QtConcurrent::run([store, source, convertWeights, removeSource] {
        auto installed = fromFile(store, source, convertWeights);
        if (removeSource)
            QFile::remove(source); // the installed model holds the same weights
        return installed;
    });
}

QString ModelInstall::sha256PrefixInName(const QString &fileName)
{
    static const QRegularExpression re(QStringLiteral("-([0-9a-fA-F]{8,64})\\.[A-Za-z0-9]+$"));
    const auto match = re.match(fileName);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

Expected<QString> ModelInstall::prepareDownload(const ModelStore &store, const QUrl &url)
{
    if (!url.isValid() || url.fileName().isEmpty())
        return Error::make(ErrorCode::InvalidArgument,
                           tr("%1 is not the address of a file.").arg(url.toDisplayString()));
    if (sha256PrefixInName(url.fileName()).isEmpty())
        return Error::make(ErrorCode::InvalidArgument,
                           tr("%1 does not name its checksum (as torchvision's NAME-0123abcd.pth do), so the "
                              "download could not be verified.")
                               .arg(url.toDisplayString()));
    if (!QDir().mkpath(store.directory()))
        return Error::make(
            ErrorCode::Io,
            tr("Cannot create the model folder %1.").arg(QDir::toNativeSeparators(store.directory())));
    return QString(store.directory() + QLatin1Char('/') + url.fileName());
}

QFuture<Expected<QString>> ModelInstall::prepareDownloadInBackground(const ModelStore &store, const QUrl &url)
{
    return QtConcurrent::run([store, url] { return prepareDownload(store, url); });
}

} // namespace taglens::engine
