// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrl>
#include <utility>

namespace taglens::engine {

/// Parses HTTP Link headers (RFC 8288), as Mastodon uses them for paging:
/// `<https://host/api/v1/timelines/tag/x?max_id=1>; rel="next", <...?min_id=9>; rel="prev"`.
///
/// Tolerant of what servers really send: several links in one header, quoted and unquoted
/// parameters, several relation types in one rel ("next last"), any case, extra white space,
/// commas and semicolons inside quoted strings and inside the <...> target. A malformed link is
/// skipped; parsing never fails and never reads past the input.
class LinkHeader
{
public:
    struct Link
    {
        QByteArray target;                            ///< the URI reference between < and >, unresolved
        QStringList rels;                             ///< relation types, lower-case
        QList<std::pair<QByteArray, QString>> params; ///< every parameter, names lower-case
    };

    LinkHeader() = delete;

    /// Every well-formed link in \a value, in order.
    static QList<Link> parse(QByteArrayView value);

    /// The target of the first link whose relation types include \a rel (any case), resolved
    /// against \a base. An invalid URL when there is none.
    static QUrl find(QByteArrayView value, QStringView rel, const QUrl &base);
};

} // namespace taglens::engine
