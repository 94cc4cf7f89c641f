// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::engine {

/// What went wrong, as a code a caller can branch on.
enum class ErrorCode {
    InvalidArgument, ///< the caller passed something unusable (bad option, bad URL)
    NotFound,        ///< a file, model or resource does not exist
    Io,              ///< reading or writing a file failed
    Network,         ///< connection, DNS, TLS, timeout or HTTP error
    Checksum,        ///< downloaded or copied bytes do not match the expected digest
    TooLarge,        ///< input exceeds a size or pixel limit (e.g. a decompression bomb)
    NotAnImage,      ///< bytes are not an image format we can decode
    Decode,          ///< an image format was recognised but decoding failed (truncated, corrupt)
    ModelMissing,    ///< no model is installed or the path does not exist
    ModelInvalid,    ///< a model file exists but cannot be used (truncated, wrong layout)
    Inference,       ///< the runtime failed while running the model
    Cancelled,       ///< the user or caller cancelled the work
    Internal,        ///< a bug: something that should not happen
    Unauthorized,    ///< a login is missing, expired or was revoked: log in again
    RateLimited,     ///< the service asks to slow down: wait and try again later
    PermissionDenied, ///< the login lacks a permission or feature the request needs
};

/// An error value that crosses layer boundaries: a code plus a message for people.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;

    static Error make(ErrorCode code, const QString &message) { return Error{code, message}; }
};

/// A stable, machine-readable name for an error code (used in CSV/JSON exports and logs).
QString errorCodeName(ErrorCode code);

} // namespace taglens::engine
