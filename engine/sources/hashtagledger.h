// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace taglens::engine {

/// Meta's budget for Instagram hashtag search, kept locally: an account may search at most 30
/// unique hashtags within a rolling 7 days. A tag counts from its first search for 7 days;
/// searching it again within them costs nothing and does not restart its 7 days.
///
/// The searches live in a small SQLite database (Qt SQL, a connection of its own), by default
/// `<GenericDataLocation>/taglens/settings.sqlite`, in the table `instagram_hashtag_searches`
/// (account id, tag lower-cased, first searched at, UTC). Every call takes the current time, so
/// tests never sleep. Use a ledger on the thread that opened it.
///
/// The ledger only knows the searches made through TagLens; Meta counts every app's.
class HashtagLedger
{
    Q_DECLARE_TR_FUNCTIONS(HashtagLedger)

public:
    static constexpr int Budget = 30;
    static constexpr qint64 WindowSeconds = qint64(7) * 24 * 3600;

    /// One tag in the window.
    struct Entry
    {
        QString tag;
        QDateTime firstSearchedAt; ///< UTC
        QDateTime freesAt;         ///< firstSearchedAt + 7 days
    };

    /// `<GenericDataLocation>/taglens/settings.sqlite`.
    static QString defaultPath();
    /// Opens (and creates) the ledger at \a path (empty: defaultPath()).
    static Expected<std::unique_ptr<HashtagLedger>> open(const QString &path = QString());
    ~HashtagLedger();
    HashtagLedger(const HashtagLedger &) = delete;
    HashtagLedger &operator=(const HashtagLedger &) = delete;

    QString path() const;

    /// Unique tags \a account may still search at \a now (0 … 30).
    Expected<int> remaining(const QString &account, const QDateTime &now) const;
    /// The tags counting against \a account's budget at \a now, oldest first.
    Expected<QList<Entry>> entries(const QString &account, const QDateTime &now) const;
    /// Whether searching all of \a tags at \a now stays within the budget. The refusal
    /// (RateLimited) names the tags over budget and the date the oldest tag frees a place.
    Expected<void> wouldAdmit(const QString &account, const QStringList &tags, const QDateTime &now) const;
    /// Notes that \a account searched \a tag at \a now. True when it cost a place, false when the
    /// tag was already in the window.
    Expected<bool> record(const QString &account, const QString &tag, const QDateTime &now);

    /// "2025-03-08 14:05 UTC": how the ledger writes dates in its messages.
    static QString formatDate(const QDateTime &time);

private:
    struct Private;
    explicit HashtagLedger(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace taglens::engine
