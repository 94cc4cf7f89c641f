# SPDX-License-Identifier: GPL-3.0-or-later
find_package(JPEG REQUIRED) # libjpeg writes the CMYK sample that Qt cannot
taglens_add_qtest(tst_imagedecoder
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_imagedecoder.cpp
  LIBRARIES taglens_engine taglens_testsupport JPEG::JPEG)

taglens_add_qtest(tst_pilresampler
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pilresampler.cpp
  LIBRARIES taglens_engine)
