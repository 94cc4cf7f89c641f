// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSemaphore>

#include <atomic>

namespace taglens::engine {

class ClassifierWorker;

/// Decoding between the model's batches (HarvestPipeline::DecodeScheduling::BetweenBatches).
/// A decoding task starts an image only while the model has no full batch running or waiting,
/// and only if the image is one of the next batch's: the gate has one place per image of a batch,
/// taken when a task starts and given back when the image is handed to the model (or turns out
/// not to need it). So decoding stops once the next batch is in the making, instead of spilling
/// into the batch after it. Thread-safe.
class DecodeGate
{
public:
    explicit DecodeGate(int batchSize);

    /// Blocks a decoding thread until it is this image's turn. False when the wait was given up
    /// (stop(), or the worker stayed busy with other callers' work for long) and no place was
    /// taken: the image is then decoded beside the model.
    bool waitForTurn(const ClassifierWorker &worker);
    /// Gives back the places of images handed to the model or not needing it.
    void giveBack(int places);
    /// Releases every waiting task, now and later (a cancel, or the end of the run).
    void stop();

private:
    const int m_batchSize;
    QSemaphore m_places;
    std::atomic<bool> m_stopped{false};
};

} // namespace taglens::engine
