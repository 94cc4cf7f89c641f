// SPDX-License-Identifier: GPL-3.0-or-later
#include "translationcatalogue.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <algorithm>

namespace taglens::tests {

using engine::Error;
using engine::ErrorCode;

engine::Expected<TranslationCatalogue> TranslationCatalogue::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error::make(ErrorCode::NotFound, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorCode::Io, path + QStringLiteral(": ") + file.errorString());
    return parse(file.readAll());
}

engine::Expected<TranslationCatalogue> TranslationCatalogue::parse(const QByteArray &xml)
{
    TranslationCatalogue catalogue;
    QXmlStreamReader reader(xml);
    QString context;
    Message message;
    bool sawRoot = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const auto name = reader.name();
        if (name == u"TS") {
            sawRoot = true;
            catalogue.m_language = reader.attributes().value(QLatin1String("language")).toString();
        } else if (name == u"name") {
            context = reader.readElementText();
        } else if (name == u"message") {
            message = Message{};
            message.context = context;
            message.numerus = reader.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (name == u"source") {
            message.source = reader.readElementText();
        } else if (name == u"comment") {
            message.comment = reader.readElementText();
        } else if (name == u"translation") {
            message.type = reader.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus) {
                message.translations = {reader.readElementText()};
                catalogue.m_messages.append(message);
                continue;
            }
            while (reader.readNextStartElement()) {
                if (reader.name() == u"numerusform")
                    message.translations.append(reader.readElementText());
                else
                    reader.skipCurrentElement();
            }
            catalogue.m_messages.append(message);
        }
    }
    if (reader.hasError())
        return Error::make(ErrorCode::InvalidArgument,
                           QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString()));
    if (!sawRoot)
        return Error::make(ErrorCode::InvalidArgument, QStringLiteral("not a Qt Linguist catalogue"));
    return catalogue;
}

QStringList TranslationCatalogue::problems() const
{
    QStringList found;
    const int forms = pluralForms(m_language);
    for (const Message &m : m_messages) {
        const QString where = m.context + QStringLiteral(" / \"") + m.source + u'"';
        if (!m.type.isEmpty()) {
            found << where + QStringLiteral(": ") + m.type;
            continue;
        }
        if (m.numerus && forms > 0 && m.translations.size() != forms)
            found
                << where +
                       QStringLiteral(": %1 plural forms, %2 expected").arg(m.translations.size()).arg(forms);
        const QSet<QString> expected = placeholders(m.source);
        for (const QString &text : m.translations) {
            if (text.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) {
                found << where + QStringLiteral(": an empty translation");
                continue;
            }
            if (const QSet<QString> got = placeholders(text); got != expected) {
                QStringList lost = QStringList(expected.cbegin(), expected.cend());
                QStringList added = QStringList(got.cbegin(), got.cend());
                lost.removeIf([&](const QString &p) { return got.contains(p); });
                added.removeIf([&](const QString &p) { return expected.contains(p); });
                std::sort(lost.begin(), lost.end());
                std::sort(added.begin(), added.end());
                found << where + QStringLiteral(": \"%1\" drops {%2} and adds {%3}")
                                     .arg(text, lost.join(QStringLiteral(", ")),
                                          added.join(QStringLiteral(", ")));
            }
        }
    }
    return found;
}

QSet<QString> TranslationCatalogue::placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QSet<QString> found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.insert(u'%' + it.next().captured(1));
    return found;
}

int TranslationCatalogue::pluralForms(const QString &language)
{
    // Qt's plural rules (lrelease) for the languages TagLens is translated into.
    const QString code = language.section(u'_', 0, 0);
    if (code == u"de" || code == u"en")
        return 2;
    return 0;
}

} // namespace taglens::tests
