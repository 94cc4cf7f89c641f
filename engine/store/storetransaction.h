// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"

namespace taglens::engine {

class ProjectStore;

/// A transaction on a ProjectStore that rolls back when it goes out of scope uncommitted, so
/// every early return on an error undoes the partial writes.
///
///     StoreTransaction tx(store);
///     if (!tx.started())
///         return tx.started().error();
///     … writes, returning their errors …
///     return tx.commit();
class StoreTransaction
{
public:
    explicit StoreTransaction(ProjectStore &store);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    /// Whether the transaction began; when not, the error says why and commit() returns it.
    const Expected<void> &started() const { return m_started; }
    Expected<void> commit();
    void rollback();

private:
    ProjectStore &m_store;
    Expected<void> m_started;
    bool m_open = false;
};

} // namespace taglens::engine
