# SPDX-License-Identifier: GPL-3.0-or-later
add_test(NAME make_hostile_models
  COMMAND ${TAGLENS_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_hostile_models.py ${TAGLENS_TEST_MODEL_DIR}/hostile)
set_tests_properties(make_hostile_models PROPERTIES FIXTURES_SETUP hostile_models TIMEOUT 300)

taglens_add_qtest(tst_statedictpickle
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_statedictpickle.cpp
  LIBRARIES taglens_torch taglens_testsupport)

taglens_add_qtest(tst_torchclassifier
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_torchclassifier.cpp
  LIBRARIES taglens_torch taglens_testsupport)
set_tests_properties(tst_torchclassifier PROPERTIES FIXTURES_REQUIRED "hostile_models;test_models")

taglens_add_qtest(tst_classifierworker
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_classifierworker.cpp
  LIBRARIES taglens_torch taglens_testmodels)
set_tests_properties(tst_classifierworker PROPERTIES FIXTURES_REQUIRED hostile_models)
