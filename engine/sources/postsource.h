// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/error.h"
#include "post.h"

#include <QList>
#include <QObject>
#include <QString>

namespace taglens::engine {

/// Where posts come from: a pull-based, paginated, cancellable stream.
///
/// The consumer asks for one page at a time with fetchNext() — only when it has room, which is
/// the back-pressure — and each call is answered asynchronously (never from inside fetchNext())
/// by exactly one of:
/// - postsReady(posts): the next page (it may be empty when every status on it was a duplicate
///   or malformed); when it was the last one, exhausted() follows right after it;
/// - exhausted(): there is nothing more;
/// - failed(error): the stream ends with an error. Posts delivered before stay valid.
/// fetchNext() while a page is on its way, or after the stream ended, does nothing.
/// cancel() ends the stream at once and quietly: no signal follows it.
/// warning() reports things worth telling the user that do not end the stream (a status that
/// could not be read, a partly restricted instance).
///
/// Sources live on the thread that created them and are driven from it.
class PostSource : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,      ///< ready for fetchNext()
        Fetching,  ///< a page is on its way
        Exhausted, ///< every post was delivered
        Failed,    ///< ended with failed()
        Cancelled, ///< ended with cancel()
    };
    Q_ENUM(State)

    explicit PostSource(QObject *parent = nullptr);
    ~PostSource() override;

    /// Asks for the next page; see the class description.
    void fetchNext();
    /// Ends the stream; an outstanding page is abandoned and nothing more is emitted.
    void cancel();

    State state() const { return m_state; }
    bool isFetching() const { return m_state == State::Fetching; }
    /// Exhausted, failed or cancelled: fetchNext() will do nothing any more.
    bool atEnd() const { return m_state != State::Idle && m_state != State::Fetching; }
    /// Posts delivered so far through postsReady().
    int postsDelivered() const { return m_postsDelivered; }

    /// What this source reads, for people: "#cats on https://mastodon.social", "/home/a/Photos".
    virtual QString description() const = 0;

Q_SIGNALS:
    void postsReady(const QList<taglens::engine::Post> &posts);
    void exhausted();
    void failed(const taglens::engine::Error &error);
    void warning(const QString &message);

protected:
    /// Starts fetching the next page; called by fetchNext() in state Fetching. Must not report
    /// synchronously; reports later through deliver(), finishExhausted() or fail().
    virtual void fetchPage() = 0;
    /// Stops outstanding work quietly (cancel() or destruction).
    virtual void abortFetch() = 0;

    /// Reports a page. With \a last the stream is exhausted after it (an empty last page only
    /// emits exhausted()).
    void deliver(const QList<Post> &posts, bool last);
    void finishExhausted();
    void fail(const Error &error);
    /// Reports \a error asynchronously (for problems found inside fetchPage()).
    void failLater(const Error &error);

private:
    State m_state = State::Idle;
    int m_postsDelivered = 0;
    quint64 m_generation = 0; // bumped by cancel(), so a late report is dropped
};

} // namespace taglens::engine
