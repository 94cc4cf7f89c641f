# SPDX-License-Identifier: GPL-3.0-or-later
# GUI tests: run under the offscreen platform (taglens_add_qtest sets QT_QPA_PLATFORM).
taglens_add_qtest(tst_projectmodel
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_projectmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/projectfixture.h
  LIBRARIES taglens_ui taglens_testsupport)

# UI tests classify with the fake colour classifier: none of them links LibTorch.
taglens_add_qtest(tst_mainwindow
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mainwindow.cpp ${CMAKE_CURRENT_LIST_DIR}/projectfixture.h
  LIBRARIES taglens_ui taglens_fakeclassifier)

taglens_add_qtest(tst_modelsetupdialog
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modelsetupdialog.cpp
  LIBRARIES taglens_ui taglens_testsupport)

taglens_add_qtest(tst_hashtagchipsedit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hashtagchipsedit.cpp
  LIBRARIES taglens_ui)

taglens_add_qtest(tst_settingsdialog
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_settingsdialog.cpp
  LIBRARIES taglens_ui taglens_fakeclassifier)

# The taglens executable itself: --help, --version and a project file on the command line.
taglens_add_qtest(tst_guicommandline
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_guicommandline.cpp
  LIBRARIES taglens_engine taglens_testsupport)
target_compile_definitions(tst_guicommandline PRIVATE TAGLENS_GUI="$<TARGET_FILE:taglens>")
add_dependencies(tst_guicommandline taglens)

# The accounts dialog and the search bar's Instagram source, against the Mastodon OAuth and Graph
# API stand-ins. Twice, like the token store: with a real Secret Service (a private D-Bus session
# with an unlocked gnome-keyring) and with no keychain at all.
add_executable(tst_accountsdialog ${CMAKE_CURRENT_LIST_DIR}/tst_accountsdialog.cpp)
target_link_libraries(tst_accountsdialog PRIVATE Qt6::Test TagLens::policy taglens_ui taglens_fakeclassifier
  taglens_testsupport)
taglens_add_keychain_tests(tst_accountsdialog TIMEOUT 300 FULL_ENVIRONMENT)

# Not a test: takes README's screenshots for scripts/screenshot.sh (under Xvfb).
add_executable(taglens-screenshooter ${CMAKE_CURRENT_LIST_DIR}/screenshooter.cpp)
target_link_libraries(taglens-screenshooter PRIVATE TagLens::policy taglens_ui taglens_torch)

# The main window's parts on their own: search bar, filter bar, banner, progress strip, recent
# projects, drop collector.
taglens_add_qtest(tst_windowparts
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_windowparts.cpp
  LIBRARIES taglens_ui)

# The motif chart from the keyboard, its table and its focus frame.
taglens_add_qtest(tst_tagmotifchart
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tagmotifchart.cpp
  LIBRARIES taglens_ui)
