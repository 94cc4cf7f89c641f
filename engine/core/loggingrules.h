// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace taglens::engine {

/// Quiet by default: TagLens' own debug and info messages and Qt's image-I/O chatter (libpng's
/// "known incorrect sRGB profile") stay hidden unless \a verbose. Per-file problems reach people
/// as error values, not log lines. QT_LOGGING_RULES still overrides these rules.
void installDefaultLoggingRules(bool verbose);

} // namespace taglens::engine
