# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_harvestplanner
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_harvestplanner.cpp
  LIBRARIES taglens_workflow)

taglens_add_qtest(tst_instagrambudget
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_instagrambudget.cpp
  LIBRARIES taglens_workflow taglens_testsupport)

taglens_add_qtest(tst_harvestpreparation
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_harvestpreparation.cpp
  LIBRARIES taglens_workflow taglens_testsupport)

taglens_add_qtest(tst_backgroundinstagrambudget
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backgroundinstagrambudget.cpp
  LIBRARIES taglens_workflow taglens_testsupport)

# Logins looked up for a plan, with a real Secret Service and with none (as the token store).
add_executable(tst_credentiallookup ${CMAKE_CURRENT_LIST_DIR}/tst_credentiallookup.cpp)
target_link_libraries(tst_credentiallookup PRIVATE Qt6::Test TagLens::policy taglens_workflow)
taglens_add_keychain_tests(tst_credentiallookup TIMEOUT 120)

taglens_add_qtest(tst_progresstext
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_progresstext.cpp
  LIBRARIES taglens_workflow)

taglens_add_qtest(tst_harvestsession
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_harvestsession.cpp
  LIBRARIES taglens_workflow taglens_torch taglens_testmodels)
set_tests_properties(tst_harvestsession PROPERTIES FIXTURES_REQUIRED hostile_models)

taglens_add_qtest(tst_exportjob
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_exportjob.cpp
  LIBRARIES taglens_workflow taglens_testsupport)

taglens_add_qtest(tst_projectsession
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_projectsession.cpp
  LIBRARIES taglens_workflow)

taglens_add_qtest(tst_modelinstall
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_modelinstall.cpp
  LIBRARIES taglens_workflow)
set_tests_properties(tst_modelinstall PROPERTIES FIXTURES_REQUIRED hostile_models)

taglens_add_qtest(tst_backgroundmodeldownload
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backgroundmodeldownload.cpp
  LIBRARIES taglens_workflow taglens_testsupport)

taglens_add_qtest(tst_classifyrestjob
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_classifyrestjob.cpp
  LIBRARIES taglens_workflow taglens_fakeclassifier Qt6::Sql)
