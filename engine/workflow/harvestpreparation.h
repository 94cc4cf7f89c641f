// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/auth/keychainplace.h"
#include "engine/core/error.h"
#include "engine/pipeline/harvestrequest.h"
#include "harvestinput.h"
#include "harvestplan.h"
#include "sessionlogins.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace taglens::engine {

class BackgroundInstagramBudget;

/// Everything between "Start" and a harvest that can run, for a window that must not wait:
/// plans the inputs (HarvestPlanner, off the caller's thread), looks up the first plan's login
/// (CredentialLookup on the keychain thread) and, for Instagram, checks Meta's hashtag budget
/// (on the budget's thread). Then either ready() with the plans to start, or refused() with why.
///
/// Follow-up plans of a mixed drop (files, then addresses) need no login. Plans that cannot run
/// do not stop the others: what they left out is told in ready()'s problems.
///
/// Refusals: the planner's (InvalidArgument, NotFound); Unauthorized when Instagram has no usable
/// login (offer to log in); RateLimited when the tags do not fit the week's budget; Io when the
/// budget's ledger cannot be opened.
class HarvestPreparation : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        KeychainPlace keychain;
        SessionLogins session;
        /// The budget for an Instagram plan; asked only when one needs it.
        std::function<BackgroundInstagramBudget *()> budget;
        /// The user's defaults for every plan's request (top-k, the classifier's threshold…).
        std::function<void(HarvestRequest &)> applyDefaults;
    };

    explicit HarvestPreparation(QObject *parent = nullptr);

    /// Starts preparing \a inputs (refused with InvalidArgument when there are none or while a
    /// preparation runs). ready() or refused() follow from the event loop, never from within.
    void prepare(const QList<HarvestInput> &inputs, const Context &context);
    bool isPreparing() const { return m_preparing; }

Q_SIGNALS:
    /// The plans can start, in order. \a warnings: about the first plan's login (it goes ahead);
    /// \a problems: inputs or addresses left out.
    void ready(const QList<taglens::engine::HarvestPlan> &plans, const QStringList &warnings,
               const QStringList &problems);
    void refused(const taglens::engine::Error &error);

private:
    void lookUpLogin(const QList<HarvestPlan> &plans, const QStringList &problems, const Context &context);
    void finish(const QList<HarvestPlan> &plans, const QStringList &warnings, const QStringList &problems);
    void refuse(const Error &error);

    bool m_preparing = false;
};

} // namespace taglens::engine
