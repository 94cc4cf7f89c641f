// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mediaref.h"

#include <QList>

namespace taglens::engine {

/// What ProjectStore::addPost() answers: the post's row and the state of each of its media.
struct PostRef
{
    qint64 postId = 0;
    bool newPost = false;   ///< this call created the post row (false: seen before, under any tag)
    bool newForTag = false; ///< first time the post is seen under this tag (for "posts seen" counts)
    QList<MediaRef> media;  ///< one per Post::media, in the same order
};

} // namespace taglens::engine
