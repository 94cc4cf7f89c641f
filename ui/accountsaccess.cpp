// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountsaccess.h"

#include <QMessageBox>
#include <QPushButton>

namespace taglens::ui {

AccountsAccess::AccountsAccess(const engine::KeychainPlace &keychain, QWidget *window)
    : QObject(window), m_window(window), m_keychain(keychain)
{
}

AccountsAccess::~AccountsAccess()
{
    delete m_dialog; // before the token store it uses
}

void AccountsAccess::setKeychain(const engine::KeychainPlace &keychain)
{
    m_keychain = keychain;
    delete m_dialog; // made again for these logins when next opened
    m_dialog = nullptr;
}

void AccountsAccess::setUrlOpener(AccountsDialog::UrlOpener opener)
{
    m_openUrl = std::move(opener);
    if (m_dialog && m_openUrl)
        m_dialog->setUrlOpener(m_openUrl);
}

void AccountsAccess::show(bool instagram)
{
    if (!m_dialog) {
        m_dialog = new AccountsDialog(m_keychain, m_window);
        if (m_openUrl)
            m_dialog->setUrlOpener(m_openUrl);
        connect(m_dialog, &AccountsDialog::accountsChanged, this, &AccountsAccess::accountsChanged);
    } else {
        m_dialog->refresh();
    }
    if (instagram)
        m_dialog->showInstagramLogin();
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void AccountsAccess::offerInstagramLogin(const QString &message)
{
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("Instagram"), message, QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("instagramLoginNeeded"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Hashtag search on Instagram needs a login with your own Meta app."));
    QPushButton *open = box->addButton(tr("&Accounts…"), QMessageBox::AcceptRole);
    open->setAccessibleName(tr("Open the accounts dialog"));
    box->setDefaultButton(open);
    connect(open, &QPushButton::clicked, this, [this] { show(true); });
    box->open();
}

engine::SessionLogins AccountsAccess::sessionLogins() const
{
    if (!m_dialog)
        return {};
    return {m_dialog->sessionAccounts(), m_dialog->sessionInstagramAccount()};
}

} // namespace taglens::ui
