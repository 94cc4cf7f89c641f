// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QUrl>
#include <utility>

namespace taglens::engine {

/// A successful (2xx) HTTP answer, as HttpClient delivers it: redirects are already followed.
struct HttpResponse
{
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    int status = 0;  ///< 200, 203, 206, ...
    Headers headers; ///< as received; repeated headers may arrive joined with ", "
    QByteArray body; ///< the whole body (content codings such as gzip already undone)
    QUrl url;        ///< what was asked for
    QUrl finalUrl;   ///< where the body came from, after redirects

    /// The first header called \a name (any case), or an empty array.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    }
};

} // namespace taglens::engine

Q_DECLARE_METATYPE(taglens::engine::HttpResponse)
