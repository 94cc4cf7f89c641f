// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/instagramaccount.h"
#include "engine/auth/keychainplace.h"
#include "engine/core/expected.h"
#include "engine/workflow/instagrambudget.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace taglens::engine {
class BackgroundInstagramBudget;
} // namespace taglens::engine

namespace taglens::ui {

class SearchBar;

/// The search bar's Instagram budget ("27 of 30 hashtags left this week", every searched tag
/// and when it frees its place in the tooltip, or "Log in…"). The login's settings and the
/// hashtag ledger are files, so both are read off the GUI thread, and only the latest
/// question's answer is shown. The ledger is opened when first needed: a window that never
/// searches Instagram opens none.
class InstagramStanding : public QObject
{
    Q_OBJECT

public:
    /// The account logged in during this run only (no keychain); invalid when none.
    using SessionAccount = std::function<engine::InstagramAccount()>;

    InstagramStanding(SearchBar *search, QObject *parent = nullptr);

    void setKeychain(const engine::KeychainPlace &keychain) { m_keychain = keychain; }
    void setSessionAccount(SessionAccount account) { m_sessionAccount = std::move(account); }
    /// The ledger file (empty: the default one); a ledger already open is opened there again.
    void setLedgerPath(const QString &path);

    /// Asks again (Instagram chosen, a login, a search recorded); shown when answered. Nothing
    /// while another source is chosen.
    void refresh();
    /// Searches left, once known (empty: unknown, or no login).
    std::optional<int> left() const { return m_left; }
    /// The budget object harvests record their searches in (opened on first use).
    engine::BackgroundInstagramBudget *budget();

Q_SIGNALS:
    /// A search could not be recorded in the ledger.
    void recordFailed(const engine::Error &error);

private:
    void show(const engine::InstagramAccount &account,
              const engine::Expected<engine::InstagramBudget::Standing> &standing);

    SearchBar *m_search;
    engine::KeychainPlace m_keychain;
    SessionAccount m_sessionAccount;
    engine::BackgroundInstagramBudget *m_budget = nullptr;
    QString m_ledgerPath;
    std::optional<int> m_left;
    int m_questions = 0; ///< refresh() calls: only the latest answer shows
};

} // namespace taglens::ui
