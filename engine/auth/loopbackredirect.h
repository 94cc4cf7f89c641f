// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrlQuery>

namespace taglens::engine {

/// What the browser brought back to the loopback catcher after a successful authorization.
struct LoopbackRedirect
{
    QString code;    ///< the authorization code
    QString state;   ///< equal to the state the catcher was told to expect
    QUrlQuery query; ///< every parameter, decoded (e.g. `iss` from RFC 9207)
};

} // namespace taglens::engine
