// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/instagramaccount.h"
#include "engine/auth/storedaccount.h"
#include "engine/core/error.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QUrl>
#include <chrono>
#include <functional>

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
class TokenStore;
} // namespace taglens::engine

namespace taglens::ui {

/// File ▸ Accounts: the stored logins (Mastodon and Pixelfed instances, the Instagram account
/// with its token's expiry), Log Out, and the two logins RFC 8252 style: the dialog opens the
/// provider's page in the desktop's browser and waits, without blocking, for the redirect on
/// 127.0.0.1 ("Waiting for your browser…", the address to copy should no browser open, Cancel).
///
/// For Instagram the user brings their own Meta app: its App ID, its secret (kept in the keychain
/// by the engine; an empty field reuses the stored one) and the port of the redirect URI they
/// registered, shown exactly as it must be registered.
///
/// Everything goes through the TokenStore given, which must outlive the dialog.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Opens a URL in a browser; false when none could be started. Tests script the browser.
    using UrlOpener = std::function<bool(const QUrl &url)>;

    explicit AccountsDialog(engine::TokenStore *store, QWidget *parent = nullptr);
    ~AccountsDialog() override;

    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    /// Where the Graph API and the Facebook Login dialog are (tests: a stand-in on 127.0.0.1).
    /// By default Meta's, or TAGLENS_GRAPH_API_BASE / TAGLENS_FACEBOOK_DIALOG_BASE when they name
    /// a loopback address, as for the command line.
    void setGraphBase(const QUrl &base) { m_graphBase = base; }
    void setDialogBase(const QUrl &base) { m_dialogBase = base; }
    /// How long a login waits for the browser (default 5 minutes).
    void setLoginTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Reads the stored logins again.
    void refresh();
    /// What the list shows.
    QList<engine::StoredAccount> listedAccounts() const { return m_accounts; }
    /// Logins made in this run while no keychain was available (kept in memory only).
    QList<engine::StoredAccount> sessionAccounts() const { return m_sessionAccounts; }
    /// The Instagram login made in this run while no keychain was available (invalid: none).
    engine::InstagramAccount sessionInstagramAccount() const { return m_sessionInstagram; }

    /// Logs in to the Mastodon or Pixelfed (\a source) instance typed as \a instance.
    void startMastodonLogin(const QString &source, const QString &instance);
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

protected:
    void reject() override;

private:
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
    void setStatus(const QString &text, bool failed);
    void updateButtons();
    void updateKeychainProblem();
    void updateRedirectUri();

    engine::TokenStore *m_store;
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

    QLabel *m_keychainProblem = nullptr;
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
    QLabel *m_status = nullptr;
};

} // namespace taglens::ui
