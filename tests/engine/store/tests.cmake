# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_projectstore
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_projectstore.cpp
  LIBRARIES taglens_engine taglens_testsupport)

taglens_add_qtest(tst_modellabels
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modellabels.cpp
  LIBRARIES taglens_engine)
