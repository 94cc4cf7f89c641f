// SPDX-License-Identifier: GPL-3.0-or-later
#include "hashtagledger.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>

Q_LOGGING_CATEGORY(lcHashtagLedger, "taglens.engine.sources.hashtagledger")

namespace taglens::engine {

namespace {

QAtomicInt ledgerCounter;

qint64 seconds(const QDateTime &time)
{
    return time.toSecsSinceEpoch();
}

QDateTime fromSeconds(qint64 value)
{
    return QDateTime::fromSecsSinceEpoch(value, Qt::UTC);
}

QString normalized(const QString &tag)
{
    QString t = tag.trimmed();
    if (t.startsWith(u'#'))
        t.remove(0, 1);
    return t.toLower();
}

} // namespace

struct HashtagLedger::Private
{
    QString path;
    QString connectionName;
    QSqlDatabase db;

    ~Private()
    {
        if (db.isValid()) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
        }
    }

    Error sqlError(const QSqlQuery &query) const
    {
        return Error::make(ErrorCode::Io, HashtagLedger::tr("The hashtag ledger in %1 cannot be used: %2")
                                              .arg(QDir::toNativeSeparators(path), query.lastError().text()));
    }
};

HashtagLedger::HashtagLedger(std::unique_ptr<Private> d) : d(std::move(d))
{
}

HashtagLedger::~HashtagLedger() = default;

QString HashtagLedger::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/taglens/settings.sqlite");
}

QString HashtagLedger::path() const
{
    return d->path;
}

QString HashtagLedger::formatDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

Expected<std::unique_ptr<HashtagLedger>> HashtagLedger::open(const QString &path)
{
    auto d = std::make_unique<Private>();
    d->path = path.isEmpty() ? defaultPath() : path;
    const QFileInfo info(d->path);
    if (info.isDir())
        return Error::make(ErrorCode::Io,
                           tr("%1 is a folder, not a database.").arg(QDir::toNativeSeparators(d->path)));
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(
            ErrorCode::Io,
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath())));
    d->connectionName = QStringLiteral("taglens-hashtag-ledger-%1").arg(ledgerCounter.fetchAndAddRelaxed(1));
    d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
    if (!d->db.isValid())
        return Error::make(ErrorCode::Internal,
                           tr("Qt's SQLite driver is not installed (the QSQLITE plugin)."));
    d->db.setDatabaseName(d->path);
    // Several TagLens processes may use the file at once.
    d->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!d->db.open())
        return Error::make(
            ErrorCode::Io,
            tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(d->path), d->db.lastError().text()));
    QSqlQuery query(d->db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS instagram_hashtag_searches ("
                                   " account TEXT NOT NULL,"
                                   " tag TEXT NOT NULL,"
                                   " first_searched_at INTEGER NOT NULL," // seconds since 1970, UTC
                                   " PRIMARY KEY (account, tag, first_searched_at))")))
        return d->sqlError(query);
    return std::unique_ptr<HashtagLedger>(new HashtagLedger(std::move(d)));
}

Expected<QList<HashtagLedger::Entry>> HashtagLedger::entries(const QString &account,
                                                             const QDateTime &now) const
{
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral("SELECT tag, MIN(first_searched_at) FROM instagram_hashtag_searches"
                                 " WHERE account = ? AND first_searched_at > ? AND first_searched_at <= ?"
                                 " GROUP BY tag ORDER BY 2, 1"));
    query.addBindValue(account);
    query.addBindValue(seconds(now) - WindowSeconds);
    query.addBindValue(seconds(now));
    if (!query.exec())
        return d->sqlError(query);
    QList<Entry> found;
    while (query.next()) {
        const QDateTime at = fromSeconds(query.value(1).toLongLong());
        found.append(Entry{query.value(0).toString(), at, at.addSecs(WindowSeconds)});
    }
    return found;
}

Expected<int> HashtagLedger::remaining(const QString &account, const QDateTime &now) const
{
    const auto inWindow = entries(account, now);
    if (!inWindow)
        return inWindow.error();
    return qMax(0, Budget - int(inWindow->size()));
}

Expected<void> HashtagLedger::wouldAdmit(const QString &account, const QStringList &tags,
                                         const QDateTime &now) const
{
    const auto inWindow = entries(account, now);
    if (!inWindow)
        return inWindow.error();
    QSet<QString> counted;
    for (const Entry &entry : *inWindow)
        counted.insert(entry.tag);
    QStringList fresh;
    for (const QString &tag : tags) {
        const QString t = normalized(tag);
        if (!t.isEmpty() && !counted.contains(t) && !fresh.contains(t))
            fresh.append(t);
    }
    const int used = int(inWindow->size());
    const int over = used + int(fresh.size()) - Budget;
    if (over <= 0)
        return {};
    // The first `over` new tags fit once that many of the oldest entries have aged out; say when
    // the first place frees up and when all of them will have.
    const int fit = qMax(0, Budget - used);
    const QStringList refused = fresh.mid(fit);
    QString message =
        tr("Instagram allows %1 different hashtags per 7 days for this account; %2 are used, so these new "
           "tags are over the budget: #%3.")
            .arg(QString::number(Budget), QString::number(used), refused.join(QStringLiteral(", #")));
    if (!inWindow->isEmpty()) {
        const Entry &oldest = inWindow->first();
        message += QLatin1Char(' ') + tr("The next place frees up on %1 (when #%2 is 7 days old).")
                                          .arg(formatDate(oldest.freesAt), oldest.tag);
        if (over > 1 && over <= inWindow->size())
            message += QLatin1Char(' ') +
                       tr("All %1 fit from %2 on.")
                           .arg(QString::number(refused.size()), formatDate(inWindow->at(over - 1).freesAt));
    }
    return Error::make(ErrorCode::RateLimited, message);
}

Expected<bool> HashtagLedger::record(const QString &account, const QString &tag, const QDateTime &now)
{
    const QString t = normalized(tag);
    if (account.isEmpty() || t.isEmpty())
        return Error::make(ErrorCode::InvalidArgument, tr("The hashtag ledger needs an account and a tag."));
    QSqlQuery query(d->db);
    query.prepare(QStringLiteral(
        "SELECT 1 FROM instagram_hashtag_searches"
        " WHERE account = ? AND tag = ? AND first_searched_at > ? AND first_searched_at <= ?"));
    query.addBindValue(account);
    query.addBindValue(t);
    query.addBindValue(seconds(now) - WindowSeconds);
    query.addBindValue(seconds(now));
    if (!query.exec())
        return d->sqlError(query);
    if (query.next())
        return false;
    query.finish();
    QSqlQuery insert(d->db);
    insert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO instagram_hashtag_searches (account, tag, first_searched_at)"
                       " VALUES (?, ?, ?)"));
    insert.addBindValue(account);
    insert.addBindValue(t);
    insert.addBindValue(seconds(now));
    if (!insert.exec())
        return d->sqlError(insert);
    // Searches that left the window long ago are of no use any more.
    QSqlQuery prune(d->db);
    prune.prepare(
        QStringLiteral("DELETE FROM instagram_hashtag_searches WHERE account = ? AND first_searched_at < ?"));
    prune.addBindValue(account);
    prune.addBindValue(seconds(now) - 8 * WindowSeconds);
    if (!prune.exec())
        qCWarning(lcHashtagLedger) << "could not prune old searches:" << prune.lastError().text();
    qCDebug(lcHashtagLedger) << "recorded" << t << "for" << account;
    return true;
}

} // namespace taglens::engine
