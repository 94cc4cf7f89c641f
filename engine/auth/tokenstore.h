// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "keychainplace.h"
#include "mastodonapp.h"
#include "storedaccount.h"

#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace taglens::engine {

/// Keeps access tokens and client secrets in the operating system's keychain (QtKeychain: the
/// Secret Service on Linux), under the service "TagLens", one entry per source, instance and account.
///
/// Only what is not secret — which accounts exist, each instance's client_id — goes to a settings
/// file (by default `<config>/taglens/auth.conf`), so that status can be listed without unlocking
/// anything. A token or client secret never goes to a plain file: when no keychain answers, the
/// store says so (keychainProblem()) and keeps the secret in this process's memory only.
///
/// The calls wait for the keychain: they run on KeychainThread (QtKeychain allows one thread per
/// process) and the caller waits for the answer. Use the store where waiting is allowed (the
/// command line, a worker thread, a KeychainThread::run job); the GUI thread runs its keychain
/// steps as KeychainThread::run jobs instead.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    /// \a settingsFile empty: `<GenericConfigLocation>/taglens/auth.conf`.
    explicit TokenStore(const QString &settingsFile = QString(), QObject *parent = nullptr);
    ~TokenStore() override;

    /// The keychain service name (default "TagLens"); tests use their own.
    void setService(const QString &service);
    QString service() const;

    /// Stores \a token for \a account and lists the account.
    Expected<void> saveToken(const StoredAccount &account, const QString &token);
    /// The token for \a account (NotFound when there is none).
    Expected<QString> token(const StoredAccount &account);
    /// The token of the first account stored for \a source at \a instance; an empty string when
    /// nobody is logged in there, an error when a login exists but its token cannot be read.
    Expected<QString> tokenFor(SourceKind source, const QUrl &instance);
    /// Forgets the token and unlists the account.
    Expected<void> removeToken(const StoredAccount &account);
    /// Accounts with a stored token, optionally only those of \a source and \a instance. An entry
    /// whose source name this version does not know (written by a newer one) is skipped, with a warning.
    QList<StoredAccount> accounts(std::optional<SourceKind> source = std::nullopt,
                                  const QUrl &instance = QUrl()) const;

    /// Remembers TagLens' registration with an instance (client_id in settings, secret in the keychain).
    Expected<void> saveClient(SourceKind source, const MastodonApp &app);
    /// The registration, NotFound when there is none or its secret is gone.
    Expected<MastodonApp> client(SourceKind source, const QUrl &instance);
    Expected<void> removeClient(SourceKind source, const QUrl &instance);

    /// A secret that is neither a token nor a Mastodon client, such as the client secret of the
    /// user's own Meta app, under \a name (kept under "secret:<name>" in the keychain; nothing is
    /// written to the settings file).
    Expected<void> saveSecret(const QString &name, const QString &secret);
    /// The secret stored under \a name (NotFound when there is none).
    Expected<QString> secret(const QString &name);
    Expected<void> removeSecret(const QString &name);

    /// Empty while the keychain works; else the plain sentence to show, e.g. "No keychain is
    /// available; the token is kept for this run only."
    QString keychainProblem() const;
    /// The settings file (for tests and diagnostics).
    QString settingsFile() const;
    /// The settings file and service, for a KeychainThread::run job that works on these entries.
    KeychainPlace place() const { return {m_settingsFile, m_service}; }
    /// The place of a TokenStore made with no arguments: the user's logins.
    static KeychainPlace defaultPlace();

private:
    Expected<void> writeSecret(const QString &key, const QString &secret);
    Expected<QString> readSecret(const QString &key);
    Expected<void> deleteSecret(const QString &key);
    static QString accountKey(const StoredAccount &account);
    static QString clientKey(SourceKind source, const QUrl &instance);

    QString m_settingsFile;
    QString m_service = QStringLiteral("TagLens");
    QString m_problem;
};

} // namespace taglens::engine
