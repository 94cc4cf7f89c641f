# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_motifstatistics
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_motifstatistics.cpp
  LIBRARIES taglens_analysis)
