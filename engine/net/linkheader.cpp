// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkheader.h"

#include <QLoggingCategory>
#include <cstring>

Q_LOGGING_CATEGORY(lcLinkHeader, "taglens.engine.net.link")

namespace taglens::engine {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

class Cursor
{
public:
    explicit Cursor(QByteArrayView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void advance() { ++m_pos; }

    void skipSpace()
    {
        while (!atEnd() && isSpace(peek()))
            advance();
    }

    /// A quoted-string, the cursor on its opening quote; backslash escapes undone. An unterminated
    /// string runs to the end of the input.
    QByteArray quoted()
    {
        QByteArray value;
        advance();
        while (!atEnd()) {
            const char c = peek();
            advance();
            if (c == '"')
                return value;
            if (c == '\\' && !atEnd()) {
                value.append(peek());
                advance();
                continue;
            }
            value.append(c);
        }
        return value;
    }

    /// Characters up to (not including) white space or one of \a stops.
    QByteArray token(const char *stops)
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !isSpace(peek()) && !std::strchr(stops, peek()))
            advance();
        return m_text.sliced(start, m_pos - start).toByteArray();
    }

    /// Moves past the next ',' that is outside quotes and <...>, or to the end.
    void skipToNextLink()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                quoted();
                continue;
            }
            advance();
            if (c == ',')
                return;
        }
    }

    /// The target of "<...>", the cursor on '<'. False (cursor unchanged) when there is no '>'.
    bool target(QByteArray &target)
    {
        const qsizetype close = m_text.sliced(m_pos).indexOf('>');
        if (close < 0)
            return false;
        target = m_text.sliced(m_pos + 1, close - 1).toByteArray().trimmed();
        m_pos += close + 1;
        return true;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

} // namespace

QList<LinkHeader::Link> LinkHeader::parse(QByteArrayView value)
{
    QList<Link> links;
    Cursor cursor(value);
    while (true) {
        while (!cursor.atEnd() && (isSpace(cursor.peek()) || cursor.peek() == ','))
            cursor.advance();
        if (cursor.atEnd())
            break;
        Link link;
        if (cursor.peek() != '<' || !cursor.target(link.target)) {
            qCDebug(lcLinkHeader) << "skipping a malformed link in" << value;
            cursor.skipToNextLink();
            continue;
        }
        bool haveRel = false;
        bool malformed = false;
        while (true) {
            cursor.skipSpace();
            if (cursor.atEnd() || cursor.peek() == ',')
                break;
            if (cursor.peek() != ';') {
                malformed = true;
                cursor.skipToNextLink();
                break;
            }
            cursor.advance();
            cursor.skipSpace();
            const QByteArray name = cursor.token(";,=\"").toLower();
            cursor.skipSpace();
            QString paramValue;
            if (cursor.peek() == '=') {
                cursor.advance();
                cursor.skipSpace();
                paramValue = QString::fromUtf8(cursor.peek() == '"' ? cursor.quoted() : cursor.token(";,"));
            }
            if (name.isEmpty())
                continue;
            link.params.append({name, paramValue});
            // RFC 8288: only the first rel counts.
            if (name == "rel" && !haveRel) {
                haveRel = true;
                link.rels = paramValue.toLower().simplified().split(u' ', Qt::SkipEmptyParts);
            }
        }
        if (!malformed && !link.target.isEmpty())
            links.append(link);
    }
    return links;
}

QUrl LinkHeader::find(QByteArrayView value, QStringView rel, const QUrl &base)
{
    const QString wanted = rel.toString().toLower();
    const QList<Link> links = parse(value);
    for (const Link &link : links) {
        if (link.rels.contains(wanted)) {
            const QUrl target = QUrl::fromEncoded(link.target, QUrl::TolerantMode);
            if (!target.isValid())
                continue;
            return base.resolved(target);
        }
    }
    return QUrl();
}

} // namespace taglens::engine
