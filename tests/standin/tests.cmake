# SPDX-License-Identifier: GPL-3.0-or-later
# The Mastodon stand-in's own test: include after add_subdirectory(support) (and after
# add_subdirectory(standin), so that the program is tested as well).
taglens_add_qtest(tst_mastodonstandin
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/../support/tst_mastodonstandin.cpp
  LIBRARIES taglens_testsupport taglens_engine)
target_compile_definitions(tst_mastodonstandin PRIVATE
  TAGLENS_STANDIN_SCENARIOS="${CMAKE_CURRENT_LIST_DIR}/scenarios")
if(TARGET taglens-standin)
  add_dependencies(tst_mastodonstandin taglens-standin)
  target_compile_definitions(tst_mastodonstandin PRIVATE TAGLENS_STANDIN_PROGRAM="$<TARGET_FILE:taglens-standin>")
endif()
