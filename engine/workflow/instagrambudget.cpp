// SPDX-License-Identifier: GPL-3.0-or-later
#include "instagrambudget.h"

#include "engine/sources/instagramhashtagsource.h"
#include "engine/sources/postsourcefactory.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcInstagramBudget, "taglens.engine.workflow.budget")

namespace taglens::engine {

Expected<std::unique_ptr<InstagramBudget>> InstagramBudget::open(const QString &ledgerPath)
{
    return HashtagLedger::open(ledgerPath).transform([](std::unique_ptr<HashtagLedger> ledger) {
        return std::unique_ptr<InstagramBudget>(new InstagramBudget(std::move(ledger)));
    });
}

InstagramBudget::InstagramBudget(std::unique_ptr<HashtagLedger> ledger) : m_ledger(std::move(ledger))
{
}

InstagramBudget::~InstagramBudget() = default;

QString InstagramBudget::ledgerPath() const
{
    return m_ledger->path();
}

void InstagramBudget::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime InstagramBudget::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

Expected<InstagramBudget::Standing> InstagramBudget::standing(const QString &userId) const
{
    const QDateTime at = now();
    auto remaining = m_ledger->remaining(userId, at);
    if (!remaining)
        return remaining.error();
    return m_ledger->entries(userId, at).transform([&remaining](QList<HashtagLedger::Entry> entries) {
        return Standing{*remaining, HashtagLedger::Budget, std::move(entries)};
    });
}

Expected<void> InstagramBudget::admit(const QString &userId, const QStringList &tags) const
{
    return m_ledger->wouldAdmit(userId, tags, now());
}

Expected<bool> InstagramBudget::record(const QString &userId, const QString &tag)
{
    auto recorded = m_ledger->record(userId, tag, now());
    if (recorded)
        Q_EMIT changed();
    return recorded;
}

HarvestPipeline::SourceFactory InstagramBudget::sourceFactory(const SourceSpec &spec)
{
    QPointer<InstagramBudget> self(this);
    return [spec, self](const QString &tag, HttpClient *client) {
        auto made = makePostSource(spec, tag, client);
        const auto *instagram = spec.as<InstagramSpec>();
        if (!made || !instagram)
            return made;
        if (auto *search = qobject_cast<InstagramHashtagSource *>(made->get()); search && self) {
            // The search is what Meta counts: recorded when it is made, on the budget's thread.
            const QString userId = instagram->userId;
            QObject::connect(search, &InstagramHashtagSource::hashtagSearched, self.data(),
                             [self, userId](const QString &searched, const QString &) {
                                 if (!self)
                                     return;
                                 if (auto recorded = self->record(userId, searched); !recorded) {
                                     qCWarning(lcInstagramBudget)
                                         << "search not recorded:" << recorded.error().message;
                                     Q_EMIT self->recordFailed(recorded.error());
                                 }
                             });
        }
        return made;
    };
}

} // namespace taglens::engine
