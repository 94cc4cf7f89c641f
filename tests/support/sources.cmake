# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(taglens_testsupport PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/testhttpserver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/testhttpserver.h
)
# The Mastodon stand-in and the photo set (real photos from Debian's python3-skimage).
target_sources(taglens_testsupport PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstandin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstandin.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstandinmedia.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstandinmedia.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstandinscenario.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodonstandinscenario.h
  ${CMAKE_CURRENT_LIST_DIR}/photoset.cpp
  ${CMAKE_CURRENT_LIST_DIR}/photoset.h
)
# The stand-in speaks the engine's vocabulary (MediaStatus, ErrorCode) and PhotoSet needs QImage.
target_link_libraries(taglens_testsupport PUBLIC taglens_engine Qt6::Gui Qt6::Concurrent)
# The Graph API stand-in (Instagram hashtag search, Facebook Login), for the Instagram tests.
target_sources(taglens_testsupport PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/graphapistandin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/graphapistandin.h
)
# Helpers for tests that run the programs and look for secrets in files.
target_sources(taglens_testsupport PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/filescan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/filescan.h
  ${CMAKE_CURRENT_LIST_DIR}/processrun.cpp
  ${CMAKE_CURRENT_LIST_DIR}/processrun.h
)
# The translation checks read the Qt Linguist catalogues.
target_sources(taglens_testsupport PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/translationcatalogue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/translationcatalogue.h
)
