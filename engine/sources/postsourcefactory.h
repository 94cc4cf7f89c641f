// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../core/expected.h"
#include "postsource.h"
#include "sourcespec.h"

#include <memory>

namespace taglens::engine {

class HttpClient;

/// Opens the source that reads \a tag as \a spec describes, with \a client for its requests.
/// The one place that knows which class serves which source kind: the CLI and the GUI both use
/// it (wrapped in HarvestPipeline::SourceFactory). Unknown kinds are an InvalidArgument error.
Expected<std::unique_ptr<PostSource>> makePostSource(const SourceSpec &spec, const QString &tag, HttpClient *client);

} // namespace taglens::engine
