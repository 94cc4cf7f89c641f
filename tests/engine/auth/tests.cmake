# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_pkce
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pkce.cpp
  LIBRARIES taglens_engine)
taglens_add_qtest(tst_loopbackredirectcatcher
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_loopbackredirectcatcher.cpp
  LIBRARIES taglens_engine)

# The keychain round trip runs twice: against a real Secret Service (a private D-Bus session with an
# unlocked gnome-keyring) and with no session bus at all (the run-only fallback).
add_executable(tst_tokenstore ${CMAKE_CURRENT_LIST_DIR}/tst_tokenstore.cpp)
target_link_libraries(tst_tokenstore PRIVATE Qt6::Test TagLens::policy taglens_engine taglens_testsupport)
taglens_add_keychain_tests(tst_tokenstore TIMEOUT 120)

add_executable(tst_mastodonauthclient ${CMAKE_CURRENT_LIST_DIR}/tst_mastodonauthclient.cpp)
target_link_libraries(tst_mastodonauthclient PRIVATE Qt6::Test TagLens::policy taglens_engine taglens_testsupport)
add_test(NAME tst_mastodonauthclient
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/run-with-keyring.sh $<TARGET_FILE:tst_mastodonauthclient>)
set_tests_properties(tst_mastodonauthclient PROPERTIES
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=taglens.*.debug=false"
  TIMEOUT 300)

# A real OAuth 2.0 server (npm oidc-provider, pinned by tests/auth/oidc-peer/package-lock.json),
# installed by a fixture into the build tree with `npm ci` (needs node, npm and the npm registry).
set(TAGLENS_OIDC_PEER_DIR ${PROJECT_BINARY_DIR}/oidc-peer)
add_test(NAME auth_oidc_peer_install
  COMMAND ${PROJECT_SOURCE_DIR}/tests/auth/install-oidc-peer.sh ${PROJECT_SOURCE_DIR}/tests/auth/oidc-peer
          ${TAGLENS_OIDC_PEER_DIR})
set_tests_properties(auth_oidc_peer_install PROPERTIES FIXTURES_SETUP oidc_peer TIMEOUT 600 LABELS npm)
taglens_add_qtest(tst_oidcloopbackflow
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_oidcloopbackflow.cpp
  LIBRARIES taglens_engine)
set_tests_properties(tst_oidcloopbackflow PROPERTIES
  FIXTURES_REQUIRED oidc_peer
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=taglens.*.debug=false;TAGLENS_OIDC_PEER_DIR=${TAGLENS_OIDC_PEER_DIR}")

# The command line end to end (tests/auth/tst_cliauth.cpp): login, status, harvest with the stored
# token, logout, against the stand-in and a real Secret Service.
add_executable(tst_cliauth ${PROJECT_SOURCE_DIR}/tests/auth/tst_cliauth.cpp)
target_link_libraries(tst_cliauth PRIVATE Qt6::Test TagLens::policy taglens_engine taglens_testsupport)
target_compile_definitions(tst_cliauth PRIVATE TAGLENS_CLI="$<TARGET_FILE:taglens-cli>")
add_dependencies(tst_cliauth taglens-cli)
add_test(NAME tst_cliauth COMMAND ${CMAKE_CURRENT_LIST_DIR}/run-with-keyring.sh $<TARGET_FILE:tst_cliauth>)
set_tests_properties(tst_cliauth PROPERTIES
  FIXTURES_REQUIRED hostile_models
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=taglens.*.debug=false;TAGLENS_SOURCE_DIR=${PROJECT_SOURCE_DIR};TAGLENS_BUILD_DIR=${PROJECT_BINARY_DIR}"
  TIMEOUT 300)

# Facebook Login for Instagram against the Graph API stand-in, with a real Secret Service.
add_executable(tst_facebooklogin ${CMAKE_CURRENT_LIST_DIR}/tst_facebooklogin.cpp)
target_link_libraries(tst_facebooklogin PRIVATE Qt6::Test TagLens::policy taglens_engine taglens_testsupport)
add_test(NAME tst_facebooklogin
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/run-with-keyring.sh $<TARGET_FILE:tst_facebooklogin>)
set_tests_properties(tst_facebooklogin PROPERTIES
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=taglens.*.debug=false"
  TIMEOUT 300)
