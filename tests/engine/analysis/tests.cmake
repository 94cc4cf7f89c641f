# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_motifstatistics
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_motifstatistics.cpp
  LIBRARIES taglens_analysis)

# Checked against reference_statistics.py: numpy and scipy compute the same statistics apart.
foreach(_test tst_distinctivemotifs tst_clusterbootstrap)
  taglens_add_qtest(${_test}
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_test}.cpp ${CMAKE_CURRENT_LIST_DIR}/referencescript.cpp
            ${CMAKE_CURRENT_LIST_DIR}/referencescript.h
    LIBRARIES taglens_analysis)
  target_compile_definitions(${_test} PRIVATE TAGLENS_PYTHON="${TAGLENS_PYTHON}")
endforeach()
unset(_test)
