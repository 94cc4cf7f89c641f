# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_sha256
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sha256.cpp
  LIBRARIES taglens_engine)

taglens_add_qtest(tst_expected
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_expected.cpp
  LIBRARIES taglens_engine)

taglens_add_qtest(tst_sourcekind
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sourcekind.cpp
  LIBRARIES taglens_engine)
