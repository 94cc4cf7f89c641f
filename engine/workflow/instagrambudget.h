// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"
#include "engine/pipeline/harvestpipeline.h"
#include "engine/sources/hashtagledger.h"
#include "engine/sources/sourcespec.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace taglens::engine {

/// Meta's budget for Instagram hashtag searches (30 unique hashtags per account in a rolling 7
/// days), kept in one object that checks a plan before it runs and records each search as the
/// harvest makes it. The desktop app and the CLI both go through it, so neither can forget to
/// count a search or word the refusal differently.
///
/// Lives on the thread that opened it (its ledger is an SQLite connection); sources made by
/// sourceFactory() may run on another thread and report their searches here, queued.
class InstagramBudget : public QObject
{
    Q_OBJECT

public:
    /// Where an account stands.
    struct Standing
    {
        int remaining = 0;                  ///< unique hashtags it may still search now
        int budget = HashtagLedger::Budget; ///< of this many
        QList<HashtagLedger::Entry> entries; ///< the tags counting now, oldest first
    };

    /// Opens the ledger at \a ledgerPath (empty: HashtagLedger::defaultPath()). Errors: Io.
    [[nodiscard]] static Expected<std::unique_ptr<InstagramBudget>> open(const QString &ledgerPath = QString());
    ~InstagramBudget() override;

    QString ledgerPath() const;
    /// The time the budget is judged at (tests set their own; default: now, UTC).
    void setClock(std::function<QDateTime()> clock);

    [[nodiscard]] Expected<Standing> standing(const QString &userId) const;
    /// Whether searching all of \a tags stays within \a userId's budget. Errors: RateLimited,
    /// naming the tags over budget and when a place frees; Io.
    [[nodiscard]] Expected<void> admit(const QString &userId, const QStringList &tags) const;
    /// Notes a search; true when it cost a place. Emits changed().
    [[nodiscard]] Expected<bool> record(const QString &userId, const QString &tag);

    /// Makes the sources of an Instagram plan, each reporting its hashtag search to this budget
    /// (which records it for the spec's Instagram user). Other kinds of spec are made unchanged.
    HarvestPipeline::SourceFactory sourceFactory(const SourceSpec &spec);

Q_SIGNALS:
    /// A search was recorded: what standing() says may have changed.
    void changed();
    /// A search could not be recorded (the ledger is not writable): the harvest goes on.
    void recordFailed(const taglens::engine::Error &error);

private:
    explicit InstagramBudget(std::unique_ptr<HashtagLedger> ledger);
    QDateTime now() const;

    std::unique_ptr<HashtagLedger> m_ledger;
    std::function<QDateTime()> m_clock;
};

} // namespace taglens::engine
