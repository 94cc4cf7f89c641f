// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

namespace taglens::engine {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Checksum:
        return QStringLiteral("checksum");
    case ErrorCode::TooLarge:
        return QStringLiteral("too-large");
    case ErrorCode::NotAnImage:
        return QStringLiteral("not-an-image");
    case ErrorCode::Decode:
        return QStringLiteral("decode");
    case ErrorCode::ModelMissing:
        return QStringLiteral("model-missing");
    case ErrorCode::ModelInvalid:
        return QStringLiteral("model-invalid");
    case ErrorCode::Inference:
        return QStringLiteral("inference");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate-limited");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission-denied");
    }
    return QStringLiteral("internal");
}

} // namespace taglens::engine
