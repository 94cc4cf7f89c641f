// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/sources/postsource.h"

#include <QList>
#include <QStringList>
#include <QTest>
#include <optional>

namespace taglens::tests {

/// Records what a PostSource emits, and drives it page by page as the pipeline would.
/// The recorder is the connections' context, so nothing dangles if it goes first.
class SourceRecorder : public QObject
{
public:
    explicit SourceRecorder(engine::PostSource &source) : m_source(source)
    {
        connect(&source, &engine::PostSource::postsReady, this, [this](const QList<engine::Post> &page) {
            pages.append(page);
            posts.append(page);
            ++events;
        });
        connect(&source, &engine::PostSource::exhausted, this, [this] {
            ++exhaustedCount;
            ++events;
        });
        connect(&source, &engine::PostSource::failed, this, [this](const engine::Error &e) {
            error = e;
            ++failedCount;
            ++events;
        });
        connect(&source, &engine::PostSource::warning, this,
                [this](const QString &message) { warnings.append(message); });
    }

    /// One fetchNext() and the wait for its answer. False on a timeout.
    bool fetchOne(int timeoutMs = 30000)
    {
        const int before = events;
        m_source.fetchNext();
        if (events != before)
            return false; // answered synchronously: a contract violation
        return QTest::qWaitFor([&] { return events > before; }, timeoutMs);
    }

    /// Pages until the stream ends; at most \a maxPages fetches (a guard against endless streams).
    bool fetchAll(int maxPages = 100)
    {
        for (int i = 0; i < maxPages && !m_source.atEnd(); ++i) {
            if (!fetchOne())
                return false;
        }
        return m_source.atEnd();
    }

    QStringList ids() const
    {
        QStringList result;
        for (const engine::Post &post : posts)
            result.append(post.remoteId);
        return result;
    }

    QList<QList<engine::Post>> pages;
    QList<engine::Post> posts;
    QStringList warnings;
    std::optional<engine::Error> error;
    int exhaustedCount = 0;
    int failedCount = 0;
    int events = 0;

private:
    engine::PostSource &m_source;
};

} // namespace taglens::tests
