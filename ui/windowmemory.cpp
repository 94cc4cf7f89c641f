// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowmemory.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace taglens::ui {

namespace {

QString splitterKey(qsizetype index)
{
    return QStringLiteral("splitter%1").arg(index);
}

} // namespace

WindowMemory::WindowMemory(QString group, QMainWindow *window, QList<QSplitter *> splitters)
    : m_group(std::move(group)), m_window(window), m_splitters(std::move(splitters))
{
}

void WindowMemory::remember(const QString &key, std::function<QVariant()> read,
                            std::function<void(const QVariant &)> apply)
{
    m_remembered.append({key, std::move(read), std::move(apply)});
}

bool WindowMemory::restore()
{
    QSettings settings;
    settings.beginGroup(m_group);
    const bool placed = m_window->restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_window->restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_restoredSplitters = !m_splitters.isEmpty();
    for (qsizetype i = 0; i < m_splitters.size(); ++i) {
        const QByteArray state = settings.value(splitterKey(i)).toByteArray();
        // restoreState() refuses what is not a splitter's state.
        m_restoredSplitters =
            !state.isEmpty() && m_splitters.at(i)->restoreState(state) && m_restoredSplitters;
    }
    for (const Remembered &choice : std::as_const(m_remembered)) {
        const QVariant value = settings.value(choice.key);
        if (value.isValid())
            choice.apply(value);
    }
    return placed;
}

void WindowMemory::save() const
{
    QSettings settings;
    settings.beginGroup(m_group);
    settings.setValue(QStringLiteral("geometry"), m_window->saveGeometry());
    settings.setValue(QStringLiteral("state"), m_window->saveState());
    for (qsizetype i = 0; i < m_splitters.size(); ++i)
        settings.setValue(splitterKey(i), m_splitters.at(i)->saveState());
    for (const Remembered &choice : m_remembered)
        settings.setValue(choice.key, choice.read());
}

} // namespace taglens::ui
