// SPDX-License-Identifier: GPL-3.0-or-later
#include "harvestpreparation.h"

#include "backgroundinstagrambudget.h"
#include "credentiallookup.h"
#include "engine/core/whenfinished.h"
#include "harvestplanner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPreparation, "taglens.engine.workflow.preparation")

namespace taglens::engine {

HarvestPreparation::HarvestPreparation(QObject *parent) : QObject(parent)
{
}

void HarvestPreparation::prepare(const QList<HarvestInput> &inputs, const Context &context)
{
    if (m_preparing || inputs.isEmpty()) {
        const Error error =
            Error::make(ErrorCode::InvalidArgument, m_preparing ? tr("A harvest is already being prepared.")
                                                                : tr("There is nothing to harvest."));
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT refused(error); }, Qt::QueuedConnection);
        return;
    }
    m_preparing = true;
    // A local path's existence is the disk's to answer: planned on a pool thread.
    whenFinished(HarvestPlanner::planInBackground(inputs), this,
                 [this, context](const QList<Expected<HarvestPlan>> &planned) {
                     if (!planned.constFirst())
                         return refuse(planned.constFirst().error());
                     QStringList problems;
                     QStringList leftOut;
                     QList<HarvestPlan> plans;
                     for (const auto &plan : planned) {
                         if (!plan) {
                             problems << plan.error().message;
                             continue;
                         }
                         plans << *plan;
                         if (context.applyDefaults)
                             context.applyDefaults(plans.last().request);
                         leftOut << plan->leftOut;
                     }
                     if (!leftOut.isEmpty())
                         problems << tr("%n dropped address(es) cannot be fetched and were left out:",
                                        nullptr, int(leftOut.size())) +
                                         QLatin1Char('\n') + leftOut.mid(0, 5).join(QLatin1Char('\n'));
                     lookUpLogin(plans, problems, context);
                 });
}

void HarvestPreparation::lookUpLogin(const QList<HarvestPlan> &plans, const QStringList &problems,
                                     const Context &context)
{
    // The keychain answers on a thread of its own; the caller goes on meanwhile.
    whenFinished(
        CredentialLookup::completeInBackground(plans.first(), context.keychain, context.session), this,
        [this, then = plans.mid(1), problems, context](const Expected<CredentialLookup::Found> &found) {
            if (!found)
                return refuse(found.error());
            const HarvestPlan &plan = found->plan;
            const QList<HarvestPlan> ready = QList<HarvestPlan>{plan} + then;
            if (plan.spec.kind() != SourceKind::Instagram)
                return finish(ready, found->warnings, problems);
            BackgroundInstagramBudget *budget = context.budget ? context.budget() : nullptr;
            if (!budget)
                return refuse(Error::make(ErrorCode::Internal, tr("No Instagram budget is kept here.")));
            // Meta counts every hashtag searched: the budget is checked first, on its own thread.
            whenFinished(budget->admit(plan.spec.as<InstagramSpec>()->userId, plan.request.tags), this,
                         [this, ready, warnings = found->warnings, problems](const Expected<void> &admitted) {
                             if (!admitted)
                                 return refuse(admitted.error());
                             finish(ready, warnings, problems);
                         });
        });
}

// The answers come from the event loop, never from within prepare(), even when every step was
// ready at once: a caller sets itself up after prepare() returns.
void HarvestPreparation::finish(const QList<HarvestPlan> &plans, const QStringList &warnings,
                                const QStringList &problems)
{
    qCDebug(lcPreparation) << plans.size() << "plan(s) ready";
    QMetaObject::invokeMethod(
        this,
        [this, plans, warnings, problems] {
            m_preparing = false;
            Q_EMIT ready(plans, warnings, problems);
        },
        Qt::QueuedConnection);
}

void HarvestPreparation::refuse(const Error &error)
{
    qCInfo(lcPreparation) << "refused:" << error.message;
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            m_preparing = false;
            Q_EMIT refused(error);
        },
        Qt::QueuedConnection);
}

} // namespace taglens::engine
