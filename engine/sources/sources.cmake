# SPDX-License-Identifier: GPL-3.0-or-later
# post.h, mediaitem.h and mediastatus.* are listed in engine/CMakeLists.txt.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/htmltext.cpp
  ${CMAKE_CURRENT_LIST_DIR}/htmltext.h
  ${CMAKE_CURRENT_LIST_DIR}/localfoldersource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/localfoldersource.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstatusparser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstatusparser.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodontagtimeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodontagtimeline.h
  ${CMAKE_CURRENT_LIST_DIR}/postsource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/postsourcefactory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/postsourcefactory.h
  ${CMAKE_CURRENT_LIST_DIR}/postsource.h
  ${CMAKE_CURRENT_LIST_DIR}/sourcespec.h
  ${CMAKE_CURRENT_LIST_DIR}/urllistsource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/urllistsource.h
)
# Instagram: Graph API hashtag search and the hashtag budget.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/hashtagledger.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hashtagledger.h
  ${CMAKE_CURRENT_LIST_DIR}/instagramhashtagsource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instagramhashtagsource.h
  ${CMAKE_CURRENT_LIST_DIR}/instagrammediaparser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instagrammediaparser.h
)
