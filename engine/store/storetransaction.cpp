// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetransaction.h"

#include "projectstore.h"

#include <QCoreApplication>

namespace taglens::engine {

StoreTransaction::StoreTransaction(ProjectStore &store)
    : m_store(store), m_started(store.transaction()), m_open(m_started.hasValue())
{
}

StoreTransaction::~StoreTransaction()
{
    if (m_open)
        m_store.rollback();
}

Expected<void> StoreTransaction::commit()
{
    if (!m_started)
        return m_started;
    if (!m_open)
        return Error::make(
            ErrorCode::Internal,
            QCoreApplication::translate("StoreTransaction", "The transaction was already finished."));
    m_open = false;
    return m_store.commit();
}

void StoreTransaction::rollback()
{
    if (m_open) {
        m_open = false;
        m_store.rollback();
    }
}

} // namespace taglens::engine
