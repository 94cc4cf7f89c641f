// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstore.h"

#include "keychainthread.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QStandardPaths>
#include <memory>
#include <optional>
#include <qt6keychain/keychain.h>

namespace taglens::engine {

Q_LOGGING_CATEGORY(lcTokenStore, "taglens.engine.auth.tokenstore")

namespace {

// Secrets of this run when no keychain answers: process memory only, never a file.
/// This run's secrets when no keychain answers. Shared by every TokenStore of the process, on
/// any thread (logins are looked up off the GUI thread), so behind a lock.
class MemorySecrets
{
public:
    std::optional<QString> find(const QString &key) const
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_secrets.constFind(key);
        return it == m_secrets.constEnd() ? std::nullopt : std::optional<QString>(*it);
    }
    void insert(const QString &key, const QString &secret)
    {
        const QMutexLocker lock(&m_mutex);
        m_secrets.insert(key, secret);
    }
    void remove(const QString &key)
    {
        const QMutexLocker lock(&m_mutex);
        m_secrets.remove(key);
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

MemorySecrets &memorySecrets()
{
    static MemorySecrets secrets;
    return secrets;
}

QString settingsKey(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

bool isMissingBackend(QKeychain::Error error)
{
    // Without a Secret Service on the session bus (or without a bus) QtKeychain reports
    // NoBackendAvailable or, from libsecret, OtherError.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError ||
           error == QKeychain::NotImplemented;
}

enum class KeychainOp
{
    Read,
    Write,
    Delete
};

/// What QtKeychain answered to one job.
struct KeychainReply
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text;
};

/// One QtKeychain job, run on this thread (the keychain thread) until it answers.
KeychainReply callHere(KeychainOp op, const QString &service, const QString &key, const QString &data)
{
    std::unique_ptr<QKeychain::Job> job;
    switch (op) {
    case KeychainOp::Read:
        job = std::make_unique<QKeychain::ReadPasswordJob>(service);
        break;
    case KeychainOp::Write: {
        auto write = std::make_unique<QKeychain::WritePasswordJob>(service);
        write->setTextData(data);
        job = std::move(write);
        break;
    }
    case KeychainOp::Delete:
        job = std::make_unique<QKeychain::DeletePasswordJob>(service);
        break;
    }
    job->setKey(key);
    job->setAutoDelete(false);
    job->setInsecureFallback(false); // QtKeychain's fallback is a plain-text file: never
    QEventLoop loop;
    QObject::connect(job.get(), &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    KeychainReply reply{job->error(), job->errorString(), {}};
    if (op == KeychainOp::Read)
        reply.text = static_cast<QKeychain::ReadPasswordJob *>(job.get())->textData();
    return reply;
}

/// One QtKeychain job on the keychain thread, from whichever thread asks (which waits).
KeychainReply callKeychain(KeychainOp op, const QString &service, const QString &key,
                           const QString &data = QString())
{
    if (KeychainThread::isCurrent())
        return callHere(op, service, key, data);
    KeychainThread::noteWait();
    QFuture<KeychainReply> reply =
        KeychainThread::call([op, service, key, data] { return callHere(op, service, key, data); });
    reply.waitForFinished();
    if (reply.isCanceled() || reply.resultCount() == 0)
        return {QKeychain::OtherError, QStringLiteral("the keychain thread has stopped"), {}};
    return reply.result();
}

} // namespace

TokenStore::TokenStore(const QString &settingsFile, QObject *parent)
    : QObject(parent),
      m_settingsFile(settingsFile.isEmpty()
                         ? QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                               QStringLiteral("/taglens/auth.conf")
                         : settingsFile)
{
}

TokenStore::~TokenStore() = default;

KeychainPlace TokenStore::defaultPlace()
{
    return TokenStore().place();
}

void TokenStore::setService(const QString &service)
{
    m_service = service;
}

QString TokenStore::service() const
{
    return m_service;
}

QString TokenStore::keychainProblem() const
{
    return m_problem;
}

QString TokenStore::settingsFile() const
{
    return m_settingsFile;
}

QString TokenStore::accountKey(const StoredAccount &account)
{
    return QStringLiteral("token:%1:%2:%3")
        .arg(sourceKindName(account.source), account.instance.toString(QUrl::FullyEncoded), account.acct);
}

QString TokenStore::clientKey(SourceKind source, const QUrl &instance)
{
    return QStringLiteral("client-secret:%1:%2")
        .arg(sourceKindName(source), instance.toString(QUrl::FullyEncoded));
}

Expected<void> TokenStore::writeSecret(const QString &key, const QString &secret)
{
    const QString memoryKey = m_service + QLatin1Char('\n') + key;
    if (m_problem.isEmpty()) {
        const KeychainReply job = callKeychain(KeychainOp::Write, m_service, key, secret);
        if (job.error == QKeychain::NoError) {
            memorySecrets().remove(memoryKey);
            return {};
        }
        if (!isMissingBackend(job.error))
            return Error::make(ErrorCode::Io,
                               tr("The keychain refused to store the secret: %1").arg(job.errorString));
        qCWarning(lcTokenStore) << "no keychain:" << job.errorString;
        m_problem = tr("No keychain is available; the token is kept for this run only.");
    }
    memorySecrets().insert(memoryKey, secret);
    return {};
}

Expected<QString> TokenStore::readSecret(const QString &key)
{
    const QString memoryKey = m_service + QLatin1Char('\n') + key;
    if (const auto kept = memorySecrets().find(memoryKey))
        return *kept;
    if (!m_problem.isEmpty())
        return Error::make(ErrorCode::NotFound, tr("No token is stored."));
    const KeychainReply job = callKeychain(KeychainOp::Read, m_service, key);
    if (job.error == QKeychain::NoError)
        return job.text;
    if (job.error == QKeychain::EntryNotFound)
        return Error::make(ErrorCode::NotFound, tr("No token is stored."));
    if (isMissingBackend(job.error)) {
        qCWarning(lcTokenStore) << "no keychain:" << job.errorString;
        m_problem = tr("No keychain is available; the token is kept for this run only.");
        return Error::make(ErrorCode::NotFound, tr("No keychain is available, so no token is stored."));
    }
    return Error::make(ErrorCode::Io, tr("The keychain refused to read the secret: %1").arg(job.errorString));
}

Expected<void> TokenStore::deleteSecret(const QString &key)
{
    memorySecrets().remove(m_service + QLatin1Char('\n') + key);
    if (!m_problem.isEmpty())
        return {};
    const KeychainReply job = callKeychain(KeychainOp::Delete, m_service, key);
    if (job.error == QKeychain::NoError || job.error == QKeychain::EntryNotFound)
        return {};
    if (isMissingBackend(job.error)) {
        m_problem = tr("No keychain is available; the token is kept for this run only.");
        return {};
    }
    return Error::make(ErrorCode::Io,
                       tr("The keychain refused to delete the secret: %1").arg(job.errorString));
}

Expected<void> TokenStore::saveToken(const StoredAccount &account, const QString &token)
{
    if (auto written = writeSecret(accountKey(account), token); !written)
        return written;
    if (!m_problem.isEmpty())
        return {}; // listed nowhere: the next run will not find it anyway
    QDir().mkpath(QFileInfo(m_settingsFile).absolutePath());
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("accounts"));
    settings.setValue(settingsKey(accountKey(account)),
                      QStringList{sourceKindName(account.source),
                                  account.instance.toString(QUrl::FullyEncoded), account.acct});
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Error::make(ErrorCode::Io, tr("Cannot write %1.").arg(m_settingsFile));
    return {};
}

Expected<QString> TokenStore::token(const StoredAccount &account)
{
    return readSecret(accountKey(account));
}

Expected<QString> TokenStore::tokenFor(SourceKind source, const QUrl &instance)
{
    const QList<StoredAccount> found = accounts(source, instance);
    if (found.isEmpty())
        return QString();
    return token(found.first());
}

Expected<void> TokenStore::removeToken(const StoredAccount &account)
{
    if (auto deleted = deleteSecret(accountKey(account)); !deleted)
        return deleted;
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("accounts"));
    settings.remove(settingsKey(accountKey(account)));
    settings.endGroup();
    settings.sync();
    return {};
}

QList<StoredAccount> TokenStore::accounts(std::optional<SourceKind> source, const QUrl &instance) const
{
    QList<StoredAccount> found;
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("accounts"));
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        const QStringList fields = settings.value(key).toStringList();
        if (fields.size() != 3)
            continue;
        const auto kind = sourceKindFromName(fields[0]);
        if (!kind) {
            qCWarning(lcTokenStore) << "skipping a stored login of an unknown source:" << fields[0];
            continue;
        }
        StoredAccount account{*kind, QUrl(fields[1]), fields[2]};
        if ((!source || account.source == *source) && (instance.isEmpty() || account.instance == instance))
            found.append(account);
    }
    std::sort(found.begin(), found.end(), [](const StoredAccount &a, const StoredAccount &b) {
        const QString aSource = sourceKindName(a.source);
        const QString bSource = sourceKindName(b.source);
        return std::tie(aSource, a.instance, a.acct) < std::tie(bSource, b.instance, b.acct);
    });
    return found;
}

Expected<void> TokenStore::saveSecret(const QString &name, const QString &secret)
{
    return writeSecret(QStringLiteral("secret:") + name, secret);
}

Expected<QString> TokenStore::secret(const QString &name)
{
    return readSecret(QStringLiteral("secret:") + name);
}

Expected<void> TokenStore::removeSecret(const QString &name)
{
    return deleteSecret(QStringLiteral("secret:") + name);
}

Expected<void> TokenStore::saveClient(SourceKind source, const MastodonApp &app)
{
    if (auto written = writeSecret(clientKey(source, app.instance), app.clientSecret); !written)
        return written;
    if (!m_problem.isEmpty())
        return {};
    QDir().mkpath(QFileInfo(m_settingsFile).absolutePath());
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("clients"));
    settings.setValue(settingsKey(clientKey(source, app.instance)),
                      QStringList{app.clientId, app.redirectUri.toString(QUrl::FullyEncoded)});
    settings.endGroup();
    settings.sync();
    return {};
}

Expected<MastodonApp> TokenStore::client(SourceKind source, const QUrl &instance)
{
    QStringList fields;
    {
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("clients"));
        fields = settings.value(settingsKey(clientKey(source, instance))).toStringList();
    }
    if (fields.size() != 2)
        return Error::make(ErrorCode::NotFound,
                           tr("TagLens is not registered with %1 yet.").arg(instance.host()));
    auto secret = readSecret(clientKey(source, instance));
    if (!secret)
        return secret.error();
    return MastodonApp{instance, fields[0], *secret, QUrl(fields[1])};
}

Expected<void> TokenStore::removeClient(SourceKind source, const QUrl &instance)
{
    if (auto deleted = deleteSecret(clientKey(source, instance)); !deleted)
        return deleted;
    QSettings settings(m_settingsFile, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("clients"));
    settings.remove(settingsKey(clientKey(source, instance)));
    settings.endGroup();
    return {};
}

} // namespace taglens::engine
