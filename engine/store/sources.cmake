# SPDX-License-Identifier: GPL-3.0-or-later
# engine/store: the project file (SQLite through Qt SQL).
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/harvestrecord.h
  ${CMAKE_CURRENT_LIST_DIR}/harveststatus.cpp
  ${CMAKE_CURRENT_LIST_DIR}/harveststatus.h
  ${CMAKE_CURRENT_LIST_DIR}/imagerecord.h
  ${CMAKE_CURRENT_LIST_DIR}/mediaref.h
  ${CMAKE_CURRENT_LIST_DIR}/mediarow.h
  ${CMAKE_CURRENT_LIST_DIR}/mediarowfilter.h
  ${CMAKE_CURRENT_LIST_DIR}/postref.h
  ${CMAKE_CURRENT_LIST_DIR}/projectschema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/projectschema.h
  ${CMAKE_CURRENT_LIST_DIR}/projectstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/projectstore.h
  ${CMAKE_CURRENT_LIST_DIR}/statuscounts.h
  ${CMAKE_CURRENT_LIST_DIR}/storetransaction.cpp
  ${CMAKE_CURRENT_LIST_DIR}/storetransaction.h
)
