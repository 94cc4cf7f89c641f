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
