// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace taglens::engine {

/// Which keychain entries a caller means: those a TokenStore with this settings file and this
/// service reads (both empty: the defaults). A value that can cross threads, unlike the store.
struct KeychainPlace
{
    QString settingsFile;
    QString service;

    friend bool operator==(const KeychainPlace &, const KeychainPlace &) = default;
};

} // namespace taglens::engine
