// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/expected.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace taglens::tests {

/// A Qt Linguist catalogue (`.ts`) as the translation checks read it: every message with its
/// context, source text and translation (one per numerus form for messages that use %n).
class TranslationCatalogue
{
public:
    struct Message
    {
        QString context;
        QString source;
        QString comment;      ///< the disambiguation, if any
        bool numerus = false; ///< the source uses %n and has one translation per plural form
        QString type;         ///< the translation's type: empty when finished, "unfinished", "vanished", …
        QStringList translations;
    };

    /// Errors: NotFound, Io, InvalidArgument (not a .ts file).
    static engine::Expected<TranslationCatalogue> read(const QString &path);
    /// Errors: InvalidArgument (malformed XML, not a .ts file).
    static engine::Expected<TranslationCatalogue> parse(const QByteArray &xml);

    QString language() const { return m_language; }
    const QList<Message> &messages() const { return m_messages; }

    /// Everything that keeps the catalogue from being complete, one line each: translations that
    /// are unfinished, obsolete or empty, a plural form missing, a placeholder (%1 … %99, %n)
    /// that the translation drops or adds.
    QStringList problems() const;

    /// The placeholders a text uses, "%L1" counted as "%1".
    static QSet<QString> placeholders(const QString &text);
    /// How many plural forms a language has (0 when not known here, then any count is accepted).
    static int pluralForms(const QString &language);

private:
    QString m_language;
    QList<Message> m_messages;
};

} // namespace taglens::tests
