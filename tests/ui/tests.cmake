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

taglens_add_qtest(tst_hashtagchipsedit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hashtagchipsedit.cpp
  LIBRARIES taglens_ui)

taglens_add_qtest(tst_settingsdialog
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_settingsdialog.cpp
  LIBRARIES taglens_ui taglens_torch taglens_testsupport)
set_tests_properties(tst_settingsdialog PROPERTIES FIXTURES_REQUIRED hostile_models)

# The taglens executable itself: --help, --version and a project file on the command line.
taglens_add_qtest(tst_guicommandline
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_guicommandline.cpp
  LIBRARIES taglens_engine taglens_testsupport)
target_compile_definitions(tst_guicommandline PRIVATE TAGLENS_GUI="$<TARGET_FILE:taglens>")
add_dependencies(tst_guicommandline taglens)
