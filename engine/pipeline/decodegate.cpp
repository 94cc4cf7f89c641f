// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodegate.h"

#include "../inference/classifierworker.h"

#include <QDeadlineTimer>

#include <chrono>

namespace taglens::engine {

namespace {

/// The longest a decoding task waits for its turn. A batch takes about a second; the limit only
/// matters when other callers keep the worker busy, and then decoding goes on beside the model
/// rather than stalling the harvest.
constexpr std::chrono::seconds kMaxWait{20};
/// How often a waiting task looks again (it is also woken when a batch ends).
constexpr std::chrono::milliseconds kPoll{50};

} // namespace

DecodeGate::DecodeGate(int batchSize) : m_batchSize(qMax(1, batchSize)), m_places(qMax(1, batchSize)) {}

bool DecodeGate::waitForTurn(const ClassifierWorker &worker)
{
    const QDeadlineTimer giveUp(kMaxWait);
    while (!m_stopped.load() && !giveUp.hasExpired()) {
        if (!worker.waitUntilPendingBelow(m_batchSize, QDeadlineTimer(kPoll)))
            continue;
        if (!m_places.tryAcquire(1, int(kPoll.count())))
            continue;
        if (worker.pending() < m_batchSize)
            return true;
        m_places.release(); // a batch started meanwhile
    }
    return false;
}

void DecodeGate::giveBack(int places)
{
    if (places > 0)
        m_places.release(places);
}

void DecodeGate::stop()
{
    m_stopped = true;
}

} // namespace taglens::engine
