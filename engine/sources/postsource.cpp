// SPDX-License-Identifier: GPL-3.0-or-later
#include "postsource.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPostSource, "taglens.engine.sources")

namespace taglens::engine {

PostSource::PostSource(QObject *parent) : QObject(parent)
{
}

PostSource::~PostSource() = default;

void PostSource::fetchNext()
{
    if (m_state != State::Idle) {
        qCDebug(lcPostSource) << "fetchNext() ignored in state" << m_state << "by" << description();
        return;
    }
    m_state = State::Fetching;
    fetchPage();
}

void PostSource::cancel()
{
    if (atEnd())
        return;
    ++m_generation;
    const bool wasFetching = m_state == State::Fetching;
    m_state = State::Cancelled;
    if (wasFetching)
        abortFetch();
    qCDebug(lcPostSource) << "cancelled" << description();
}

void PostSource::deliver(const QList<Post> &posts, bool last)
{
    if (m_state != State::Fetching)
        return;
    if (last && posts.isEmpty()) {
        finishExhausted();
        return;
    }
    // Before the last page the stream stays Fetching while the receivers run, so that a
    // cancel() from a receiver still suppresses exhausted(); otherwise it is Idle, so that a
    // receiver may ask for the next page right away.
    if (!last)
        m_state = State::Idle;
    m_postsDelivered += int(posts.size());
    const quint64 generation = m_generation;
    Q_EMIT postsReady(posts);
    if (last && generation == m_generation)
        finishExhausted();
}

void PostSource::finishExhausted()
{
    if (m_state != State::Fetching)
        return;
    m_state = State::Exhausted;
    qCDebug(lcPostSource) << description() << "exhausted after" << m_postsDelivered << "posts";
    Q_EMIT exhausted();
}

void PostSource::fail(const Error &error)
{
    if (m_state != State::Fetching)
        return;
    m_state = State::Failed;
    qCWarning(lcPostSource) << description() << "failed:" << error.message;
    Q_EMIT failed(error);
}

void PostSource::failLater(const Error &error)
{
    QMetaObject::invokeMethod(
        this,
        [this, error, generation = m_generation] {
            if (generation == m_generation)
                fail(error);
        },
        Qt::QueuedConnection);
}

} // namespace taglens::engine
