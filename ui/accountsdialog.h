// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/instagramaccount.h"
#include "engine/auth/keychainplace.h"
#include "engine/auth/storedaccount.h"
#include "engine/core/error.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace taglens::engine {
class FacebookLogin;
class MastodonAuthClient;
class MastodonLogin;
} // namespace taglens::engine

namespace taglens::ui {

class MessageBanner;

/// File ▸ Accounts: the stored logins (Mastodon and Pixelfed instances, the Instagram account
/// with its token's expiry), Log Out, and the two logins RFC 8252 style: the dialog opens the
/// provider's page in the desktop's browser and waits, without blocking, for the redirect on
/// 127.0.0.1 ("Waiting for your browser…", the address to copy should no browser open, Cancel).
///
/// For Instagram the user brings their own Meta app: its App ID, its secret (kept in the keychain
/// by the engine; an empty field reuses the stored one) and the port of the redirect URI they
/// registered, shown exactly as it must be registered.
///
/// The stored logins are those of the keychain entries given. Every keychain step (listing,
/// the logins' writes, logging out) runs on engine::KeychainThread; the dialog never waits.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Opens a URL in a browser; false when none could be started. Tests script the browser.
    using UrlOpener = std::function<bool(const QUrl &url)>;

    explicit AccountsDialog(const engine::KeychainPlace &keychain, QWidget *parent = nullptr);
    ~AccountsDialog() override;

    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    /// Where the Graph API and the Facebook Login dialog are (tests: a stand-in on 127.0.0.1).
    /// By default Meta's, or TAGLENS_GRAPH_API_BASE / TAGLENS_FACEBOOK_DIALOG_BASE when they name
    /// a loopback address, as for the command line.
    void setGraphBase(const QUrl &base) { m_graphBase = base; }
    void setDialogBase(const QUrl &base) { m_dialogBase = base; }
    /// How long a login waits for the browser (default 5 minutes).
    void setLoginTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Reads the stored logins again, on the keychain thread; refreshed() tells when they show.
    void refresh();
    /// True while the stored logins are being read (the list shows the previous reading).
    bool isReadingLogins() const { return m_readsPending > 0; }
    /// What the list shows.
    QList<engine::StoredAccount> listedAccounts() const { return m_accounts; }
    /// Logins made in this run while no keychain was available (kept in memory only).
    QList<engine::StoredAccount> sessionAccounts() const { return m_sessionAccounts; }
    /// The Instagram login made in this run while no keychain was available (invalid: none).
    engine::InstagramAccount sessionInstagramAccount() const { return m_sessionInstagram; }

    /// Logs in to the Mastodon or Pixelfed (\a source) instance typed as \a instance.
    void startMastodonLogin(engine::SourceKind source, const QString &instance);
    /// Logs in to Instagram with the Meta app \a clientId; an empty \a clientSecret uses the
    /// one in the keychain.
    void startInstagramLogin(const QString &clientId, const QString &clientSecret, int port);
    void cancelLogin();
    bool isBusy() const;
    /// Logs out of the account in row \a row of the list.
    void logOut(int row);

    /// The sentence that tells how the last action went (plain text).
    QString statusText() const;
    bool lastActionFailed() const { return m_failed; }
    /// Why the last action failed (empty when it did not).
    std::optional<engine::ErrorCode> lastError() const { return m_lastError; }
    /// The address the browser was sent to, while a login waits.
    QUrl waitingUrl() const { return m_waitingUrl; }
    /// The keychain problem shown, empty when the keychain works.
    QString keychainProblemText() const;
    /// What to register in the Meta app for the port in the field.
    QString redirectUriText() const;

    QTreeWidget *accountList() const { return m_list; }
    QTabWidget *loginTabs() const { return m_tabs; }
    /// Shows the Instagram login page first.
    void showInstagramLogin();

Q_SIGNALS:
    /// A login or logout changed the stored accounts.
    void accountsChanged();
    /// A login ended (\a ok false: failed or cancelled; the message is statusText()).
    void loginFinished(bool ok);
    /// A logout ended.
    void logoutFinished(bool ok);
    /// The list shows what the keychain and the settings file hold now.
    void refreshed();

protected:
    void reject() override;

private:
    /// What refresh() reads on the keychain thread.
    struct StoredLogins
    {
        QList<engine::StoredAccount> accounts;
        std::optional<engine::InstagramAccount> instagram;
        QString keychainProblem;
    };

    void showStoredLogins(const StoredLogins &stored);
    void continueInstagramLogin(const QString &clientId, QString clientSecret, int port);
    void finishLogOut(const engine::StoredAccount &account, const QString &revokeProblem);
    void buildList();
    QWidget *buildMastodonPage();
    QWidget *buildInstagramPage();
    QWidget *buildWaitingPanel();
    void onAuthorizeUrl(const QUrl &url);
    void mastodonFinished();
    void instagramFinished();
    void setWaiting(bool waiting);
    /// Ends the wait; on \a error says why and reports the login failed. True when there was none.
    bool loginSucceeded(const engine::Error *error);
    /// Shows the accounts and \a text after a login, and tells listeners.
    void showLoggedIn(const QString &text);
    void setStatus(const QString &text, bool failed, std::optional<engine::ErrorCode> error = std::nullopt);
    void setFailed(const engine::Error &error);
    void updateButtons();
    void updateKeychainProblem(const QString &problem);
    void updateRedirectUri();

    engine::KeychainPlace m_keychain;
    /// Keychain steps under way (a login's stored secret, a logout); the dialog is busy meanwhile.
    int m_keychainSteps = 0;
    int m_readsPending = 0;
    bool m_formFilled = false;
    std::optional<engine::ErrorCode> m_lastError;
    UrlOpener m_openUrl;
    QUrl m_graphBase;
    QUrl m_dialogBase;
    std::chrono::milliseconds m_timeout{std::chrono::minutes(5)};
    QList<engine::StoredAccount> m_accounts;
    QList<engine::StoredAccount> m_sessionAccounts;
    engine::InstagramAccount m_sessionInstagram;
    QPointer<engine::MastodonLogin> m_mastodonLogin;
    QPointer<engine::FacebookLogin> m_instagramLogin;
    QPointer<engine::MastodonAuthClient> m_revoker;
    QUrl m_waitingUrl;
    bool m_failed = false;

    MessageBanner *m_keychainProblem = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_logOut = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_mastodonSource = nullptr;
    QLineEdit *m_instance = nullptr;
    QPushButton *m_mastodonLogIn = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_clientSecret = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_redirectUri = nullptr;
    QPushButton *m_instagramLogIn = nullptr;
    QWidget *m_waiting = nullptr;
    QLabel *m_waitingText = nullptr;
    QProgressBar *m_waitingBar = nullptr;
    QLineEdit *m_waitingAddress = nullptr;
    QPushButton *m_cancel = nullptr;
    MessageBanner *m_status = nullptr;
};

} // namespace taglens::ui
