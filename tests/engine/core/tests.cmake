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

# The built-in translations: the loader installs them by locale, and every catalogue is complete.
taglens_add_qtest(tst_translationloader
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translationloader.cpp
  LIBRARIES taglens_engine taglens_testsupport)

taglens_add_qtest(tst_translationfile
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translationfile.cpp
  LIBRARIES taglens_testsupport)

# Futures handled on the context's thread, at once or from the event loop.
taglens_add_qtest(tst_whenfinished
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whenfinished.cpp
  LIBRARIES taglens_engine)
