# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_httpclient
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_httpclient.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_linkheader
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_linkheader.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_ratelimitheaders
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ratelimitheaders.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_graphapierror
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_graphapierror.cpp
  LIBRARIES taglens_engine)
