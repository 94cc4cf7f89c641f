// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace taglens::engine {

/// Turns the HTML of a post (Mastodon's sanitised subset, but anything is tolerated) into plain
/// text: tags removed, entities decoded, <br> a line break, paragraphs separated by a blank line,
/// runs of white space folded as a browser would, script and style content dropped.
/// Never fails; malformed markup degrades to text.
class HtmlText
{
public:
    HtmlText() = delete;

    static QString toPlainText(QStringView html);
};

} // namespace taglens::engine
