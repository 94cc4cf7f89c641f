# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_harvestpipeline
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_harvestpipeline.cpp
  LIBRARIES taglens_torch taglens_testmodels)
set_tests_properties(tst_harvestpipeline PROPERTIES FIXTURES_REQUIRED hostile_models)
taglens_add_qtest(tst_backgroundharvest
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_backgroundharvest.cpp
  LIBRARIES taglens_torch taglens_testmodels)
set_tests_properties(tst_backgroundharvest PROPERTIES FIXTURES_REQUIRED hostile_models)
taglens_add_qtest(tst_preparedmedia
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_preparedmedia.cpp
  LIBRARIES taglens_engine)
