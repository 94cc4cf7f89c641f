# SPDX-License-Identifier: GPL-3.0-or-later
# Loopback OAuth login (RFC 8252, PKCE) and the keychain token store.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/loopbackredirect.h
  ${CMAKE_CURRENT_LIST_DIR}/loopbackredirectcatcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loopbackredirectcatcher.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonaccount.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonapp.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonauthclient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodonauthclient.h
  ${CMAKE_CURRENT_LIST_DIR}/mastodonlogin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mastodonlogin.h
  ${CMAKE_CURRENT_LIST_DIR}/oauthtoken.h
  ${CMAKE_CURRENT_LIST_DIR}/pkce.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pkce.h
  ${CMAKE_CURRENT_LIST_DIR}/storedaccount.h
  ${CMAKE_CURRENT_LIST_DIR}/tokenstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenstore.h
)
# Facebook Login for the Instagram Graph API.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/facebooklogin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/facebooklogin.h
  ${CMAKE_CURRENT_LIST_DIR}/instagramaccount.h
)
