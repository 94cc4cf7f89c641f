# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_cli
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli.cpp
  LIBRARIES taglens_testsupport)
target_compile_definitions(tst_cli PRIVATE TAGLENS_CLI="$<TARGET_FILE:taglens-cli>")
add_dependencies(tst_cli taglens-cli)
set_tests_properties(tst_cli PROPERTIES FIXTURES_REQUIRED test_models)

taglens_add_qtest(tst_cliharvest
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cliharvest.cpp
  LIBRARIES taglens_testsupport)
target_compile_definitions(tst_cliharvest PRIVATE TAGLENS_CLI="$<TARGET_FILE:taglens-cli>")
add_dependencies(tst_cliharvest taglens-cli)
set_tests_properties(tst_cliharvest PROPERTIES FIXTURES_REQUIRED hostile_models)

# Instagram end to end: auth login against the Graph API stand-in, harvest of two tags with the
# tiny model, the hashtag budget, no token in any file; inside a real Secret Service.
add_executable(tst_cliinstagram ${CMAKE_CURRENT_LIST_DIR}/tst_cliinstagram.cpp)
target_link_libraries(tst_cliinstagram PRIVATE Qt6::Test TagLens::policy taglens_engine taglens_testsupport)
target_compile_definitions(tst_cliinstagram PRIVATE TAGLENS_CLI="$<TARGET_FILE:taglens-cli>")
add_dependencies(tst_cliinstagram taglens-cli)
add_test(NAME tst_cliinstagram
  COMMAND ${PROJECT_SOURCE_DIR}/tests/engine/auth/run-with-keyring.sh $<TARGET_FILE:tst_cliinstagram>)
set_tests_properties(tst_cliinstagram PROPERTIES
  FIXTURES_REQUIRED hostile_models
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=taglens.*.debug=false;TAGLENS_SOURCE_DIR=${PROJECT_SOURCE_DIR};TAGLENS_BUILD_DIR=${PROJECT_BINARY_DIR}"
  TIMEOUT 300)
