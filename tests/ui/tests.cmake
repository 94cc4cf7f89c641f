# SPDX-License-Identifier: GPL-3.0-or-later
# GUI tests: run under the offscreen platform (taglens_add_qtest sets QT_QPA_PLATFORM).
taglens_add_qtest(tst_projectmodel
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_projectmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/projectfixture.h
  LIBRARIES taglens_ui taglens_testsupport)

taglens_add_qtest(tst_mainwindow
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow.cpp ${CMAKE_CURRENT_LIST_DIR}/projectfixture.h
  LIBRARIES taglens_ui taglens_torch taglens_testsupport)
set_tests_properties(tst_mainwindow PROPERTIES FIXTURES_REQUIRED hostile_models)

taglens_add_qtest(tst_modelsetupdialog
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modelsetupdialog.cpp
  LIBRARIES taglens_ui taglens_testsupport)
