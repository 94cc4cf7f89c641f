# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_modeldownloader
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modeldownloader.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_modelstore
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modelstore.cpp
  LIBRARIES taglens_engine taglens_testsupport)
