# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_exporters
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_exporters.cpp
  LIBRARIES taglens_engine taglens_testsupport)
