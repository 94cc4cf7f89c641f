// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/keychainplace.h"
#include "engine/workflow/sessionlogins.h"
#include "ui/accountsdialog.h"

#include <QObject>

class QWidget;

namespace taglens::ui {

/// The window's way to the logins: one accounts dialog for the window's lifetime (made when
/// first asked for, so it remembers this run's logins when there is no keychain), the logins
/// of this run for a harvest's plan, and the question that offers the dialog when an Instagram
/// search needs a login.
class AccountsAccess : public QObject
{
    Q_OBJECT

public:
    /// \a window parents the dialog and the question.
    AccountsAccess(const engine::KeychainPlace &keychain, QWidget *window);
    ~AccountsAccess() override;

    /// Where the logins are; the dialog is made again for them when next opened.
    void setKeychain(const engine::KeychainPlace &keychain);
    engine::KeychainPlace keychain() const { return m_keychain; }
    /// How the dialog opens addresses (tests script the browser).
    void setUrlOpener(AccountsDialog::UrlOpener opener);
    /// The dialog, once it has been opened.
    AccountsDialog *dialog() const { return m_dialog; }

    /// Opens the dialog (with the Instagram login in front when \a instagram).
    void show(bool instagram = false);
    /// Asks whether to open the dialog for the Instagram login \a message says is needed.
    void offerInstagramLogin(const QString &message);
    /// The logins made in this run without a keychain to keep them (none before the dialog opened).
    engine::SessionLogins sessionLogins() const;

Q_SIGNALS:
    /// A login was added, changed or removed in the dialog.
    void accountsChanged();

private:
    QWidget *m_window;
    engine::KeychainPlace m_keychain;
    AccountsDialog::UrlOpener m_openUrl;
    AccountsDialog *m_dialog = nullptr;
};

} // namespace taglens::ui
