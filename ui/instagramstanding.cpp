// SPDX-License-Identifier: GPL-3.0-or-later
#include "instagramstanding.h"

#include "engine/auth/facebooklogin.h"
#include "engine/core/whenfinished.h"
#include "engine/sources/hashtagledger.h"
#include "engine/workflow/backgroundinstagrambudget.h"
#include "searchbar.h"

#include <QtConcurrent/QtConcurrentRun>

namespace taglens::ui {

InstagramStanding::InstagramStanding(SearchBar *search, QObject *parent) : QObject(parent), m_search(search)
{
}

engine::BackgroundInstagramBudget *InstagramStanding::budget()
{
    if (!m_budget) {
        m_budget = new engine::BackgroundInstagramBudget(this);
        connect(m_budget, &engine::BackgroundInstagramBudget::changed, this, &InstagramStanding::refresh);
        connect(m_budget, &engine::BackgroundInstagramBudget::recordFailed, this,
                &InstagramStanding::recordFailed);
        m_budget->open(m_ledgerPath);
    }
    return m_budget;
}

void InstagramStanding::setLedgerPath(const QString &path)
{
    m_ledgerPath = path;
    if (m_budget)
        m_budget->open(path);
    refresh();
}

void InstagramStanding::refresh()
{
    if (m_search->source() != engine::SourceKind::Instagram)
        return;
    const int asked = ++m_questions;
    const QString settingsFile = m_keychain.settingsFile;
    const engine::InstagramAccount session =
        m_sessionAccount ? m_sessionAccount() : engine::InstagramAccount();
    engine::whenFinished(
        QtConcurrent::run([settingsFile] { return engine::FacebookLogin::storedAccount(settingsFile); }),
        this, [this, asked, session](engine::Expected<engine::InstagramAccount> account) {
            if (asked != m_questions)
                return;
            if (!account && session.isValid())
                account = session;
            if (!account) {
                m_left.reset();
                m_search->setBudget(tr("<a href=\"accounts\">Log in…</a>"),
                                    tr("Log in to Instagram first (Accounts…)."));
                return;
            }
            engine::whenFinished(budget()->standing(account->userId), this,
                                 [this, asked, account = *account](
                                     const engine::Expected<engine::InstagramBudget::Standing> &standing) {
                                     if (asked == m_questions)
                                         show(account, standing);
                                 });
        });
}

void InstagramStanding::show(const engine::InstagramAccount &account,
                             const engine::Expected<engine::InstagramBudget::Standing> &standing)
{
    m_left = standing ? std::optional(standing->remaining) : std::nullopt;
    if (!standing) {
        m_search->setBudget(tr("Budget unknown"), standing.error().message);
        return;
    }
    const QString text =
        tr("%1 of %2 hashtags left this week").arg(standing->remaining).arg(standing->budget);
    QString tip = tr("Instagram lets @%1 search %2 different hashtags in any 7 days; %3 are left.")
                      .arg(account.username.isEmpty() ? account.userId : account.username)
                      .arg(standing->budget)
                      .arg(standing->remaining);
    if (!standing->entries.isEmpty()) {
        tip += QLatin1Char('\n') + tr("Searched (each frees its place 7 days after its first search):");
        for (const auto &entry : std::as_const(standing->entries))
            tip +=
                QStringLiteral("\n#%1 — %2").arg(entry.tag, engine::HashtagLedger::formatDate(entry.freesAt));
    }
    m_search->setBudget(text, tip);
}

} // namespace taglens::ui
