# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(taglens_testsupport PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/testhttpserver.cpp
  ${CMAKE_CURRENT_LIST_DIR}/testhttpserver.h
)
