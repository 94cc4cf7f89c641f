// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::engine {

/// A token from `/oauth/token`.
struct OAuthToken
{
    QString accessToken;
    QString tokenType; ///< "Bearer"
    QString scope;
};

} // namespace taglens::engine
