# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_imagedecoder
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_imagedecoder.cpp
  LIBRARIES taglens_engine taglens_testsupport)

taglens_add_qtest(tst_pilresampler
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pilresampler.cpp
  LIBRARIES taglens_engine)
