// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/pipeline/harvestrequest.h"
#include "engine/sources/sourcespec.h"

#include <QStringList>

namespace taglens::engine {

/// A harvest that can start: what the pipeline records and does (request) and how its sources
/// are made (spec). A plan for a login-only source still lacks the login's account and token;
/// CredentialLookup fills them in.
struct HarvestPlan
{
    HarvestRequest request;
    SourceSpec spec;
    /// Input left out on the way, one reason each (an address that cannot be fetched, say): the
    /// plan goes ahead without it, and the user is told.
    QStringList leftOut;

    /// Whether the source needs a login before it can start (Instagram).
    bool needsLogin() const { return spec.kind() == SourceKind::Instagram; }
};

} // namespace taglens::engine
