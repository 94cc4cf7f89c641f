// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmltext.h"

#include <QHash>

namespace taglens::engine {

namespace {

constexpr qsizetype MaxEntityLength = 32;

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> entities{
        {QStringLiteral("amp"), U'&'},       {QStringLiteral("lt"), U'<'},
        {QStringLiteral("gt"), U'>'},        {QStringLiteral("quot"), U'"'},
        {QStringLiteral("apos"), U'\''},     {QStringLiteral("nbsp"), U' '},
        {QStringLiteral("hellip"), U'…'},    {QStringLiteral("mdash"), U'—'},
        {QStringLiteral("ndash"), U'–'},     {QStringLiteral("lsquo"), U'‘'},
        {QStringLiteral("rsquo"), U'’'},     {QStringLiteral("ldquo"), U'“'},
        {QStringLiteral("rdquo"), U'”'},     {QStringLiteral("laquo"), U'«'},
        {QStringLiteral("raquo"), U'»'},     {QStringLiteral("copy"), U'©'},
        {QStringLiteral("reg"), U'®'},       {QStringLiteral("trade"), U'™'},
        {QStringLiteral("euro"), U'€'},      {QStringLiteral("pound"), U'£'},
        {QStringLiteral("deg"), U'°'},       {QStringLiteral("middot"), U'·'},
        {QStringLiteral("bull"), U'•'},      {QStringLiteral("times"), U'×'},
        {QStringLiteral("shy"), U'\u00AD'},  {QStringLiteral("zwj"), U'\u200D'},
        {QStringLiteral("zwnj"), U'\u200C'},
    };
    return entities;
}

/// Decodes the entity at html[pos] == '&'; returns the code point and advances \a pos past it,
/// or returns 0 (and leaves \a pos) when it is not an entity.
char32_t decodeEntity(QStringView html, qsizetype &pos)
{
    const qsizetype semicolon = html.sliced(pos).left(MaxEntityLength).indexOf(u';');
    if (semicolon < 2)
        return 0;
    const QStringView name = html.sliced(pos + 1, semicolon - 1);
    char32_t value = 0;
    if (name.startsWith(u'#')) {
        bool ok = false;
        const bool hex = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X');
        const uint number = name.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
        if (!ok)
            return 0;
        // NUL, surrogates and beyond Unicode become the replacement character, as browsers do.
        value =
            (number == 0 || number > 0x10FFFF || (number >= 0xD800 && number <= 0xDFFF)) ? U'\uFFFD' : number;
    } else {
        value = namedEntities().value(name.toString(), 0);
        if (value == 0)
            return 0;
    }
    pos += semicolon + 1;
    return value;
}

class TextBuilder
{
public:
    void text(QStringView piece)
    {
        flush();
        m_out += piece;
    }

    void codePoint(char32_t c)
    {
        if (c == U' ' || c == U'\u00A0') { // &nbsp; counts as a space that is kept
            flush();
            m_out += u' ';
            return;
        }
        flush();
        m_out += QString::fromUcs4(&c, 1);
    }

    void space()
    {
        if (!m_out.isEmpty() && m_pendingBreak == 0)
            m_pendingSpace = true;
    }

    void lineBreak()
    {
        trimTrailingSpaces();
        m_out += u'\n';
        m_pendingSpace = false;
    }

    /// A block boundary: \a lines = 1 for a new line, 2 for a blank line between paragraphs.
    void blockBreak(int lines)
    {
        if (!m_out.isEmpty())
            m_pendingBreak = qMax(m_pendingBreak, lines);
        m_pendingSpace = false;
    }

    QString result()
    {
        trimTrailingSpaces();
        while (m_out.endsWith(u'\n'))
            m_out.chop(1);
        return m_out;
    }

private:
    void trimTrailingSpaces()
    {
        while (m_out.endsWith(u' '))
            m_out.chop(1);
    }

    void flush()
    {
        if (m_pendingBreak > 0) {
            trimTrailingSpaces();
            int have = 0;
            for (qsizetype i = m_out.size() - 1; i >= 0 && m_out.at(i) == u'\n'; --i)
                ++have;
            for (int i = have; i < m_pendingBreak; ++i)
                m_out += u'\n';
            m_pendingBreak = 0;
            m_pendingSpace = false;
        }
        if (m_pendingSpace) {
            if (!m_out.isEmpty() && !m_out.endsWith(u'\n') && !m_out.endsWith(u' '))
                m_out += u' ';
            m_pendingSpace = false;
        }
    }

    QString m_out;
    bool m_pendingSpace = false;
    int m_pendingBreak = 0;
};

/// The end of the tag starting at html[pos] == '<' (the index of its '>'), honouring quoted
/// attribute values; -1 when it never closes.
qsizetype tagEnd(QStringView html, qsizetype pos)
{
    QChar quote;
    for (qsizetype i = pos + 1; i < html.size(); ++i) {
        const QChar c = html.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            return i;
        }
    }
    return -1;
}

} // namespace

QString HtmlText::toPlainText(QStringView html)
{
    TextBuilder out;
    qsizetype pos = 0;
    const qsizetype size = html.size();
    while (pos < size) {
        const QChar c = html.at(pos);
        if (c == u'<') {
            if (html.sliced(pos).startsWith(u"<!--")) {
                const qsizetype end = html.indexOf(u"-->", pos + 4);
                pos = end < 0 ? size : end + 3;
                continue;
            }
            const qsizetype end = tagEnd(html, pos);
            // "<" not followed by a tag name is text ("a < b").
            const bool looksLikeTag =
                pos + 1 < size && (html.at(pos + 1).isLetter() || html.at(pos + 1) == u'/' ||
                                   html.at(pos + 1) == u'!' || html.at(pos + 1) == u'?');
            if (end < 0 || !looksLikeTag) {
                out.text(u"<");
                ++pos;
                continue;
            }
            QStringView inner = html.sliced(pos + 1, end - pos - 1).trimmed();
            const bool closing = inner.startsWith(u'/');
            if (closing)
                inner = inner.sliced(1).trimmed();
            qsizetype nameLength = 0;
            while (nameLength < inner.size() && inner.at(nameLength).isLetterOrNumber())
                ++nameLength;
            const QString name = inner.left(nameLength).toString().toLower();
            pos = end + 1;

            if (!closing && (name == u"script" || name == u"style")) {
                const qsizetype close = html.indexOf(QString(u"</" + name), pos, Qt::CaseInsensitive);
                const qsizetype closeEnd = close < 0 ? -1 : html.indexOf(u'>', close);
                pos = closeEnd < 0 ? size : closeEnd + 1;
                continue;
            }
            if (name == u"br")
                out.lineBreak();
            else if (name == u"p" || name == u"blockquote" || name == u"pre" ||
                     (name.size() == 2 && name.at(0) == u'h' && name.at(1) >= u'1' && name.at(1) <= u'6'))
                out.blockBreak(2);
            else if (name == u"div" || name == u"li" || name == u"ul" || name == u"ol" || name == u"tr" ||
                     name == u"hr")
                out.blockBreak(1);
            continue;
        }
        if (c == u'&') {
            qsizetype next = pos;
            if (const char32_t decoded = decodeEntity(html, next)) {
                out.codePoint(decoded);
                pos = next;
                continue;
            }
            out.text(u"&");
            ++pos;
            continue;
        }
        if (isHtmlSpace(c)) {
            out.space();
            ++pos;
            continue;
        }
        // A run of ordinary characters at once.
        qsizetype runEnd = pos + 1;
        while (runEnd < size && html.at(runEnd) != u'<' && html.at(runEnd) != u'&' &&
               !isHtmlSpace(html.at(runEnd)))
            ++runEnd;
        out.text(html.sliced(pos, runEnd - pos));
        pos = runEnd;
    }
    return out.result();
}

} // namespace taglens::engine
