# SPDX-License-Identifier: GPL-3.0-or-later
# engine/export: what a researcher cites (CSV, summary CSV, JSON, GEXF), read from a project.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/atomicfile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/atomicfile.h
  ${CMAKE_CURRENT_LIST_DIR}/csvwriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csvwriter.h
  ${CMAKE_CURRENT_LIST_DIR}/exportoptions.h
  ${CMAKE_CURRENT_LIST_DIR}/exportsnapshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exportsnapshot.h
  ${CMAKE_CURRENT_LIST_DIR}/gexfexporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gexfexporter.h
  ${CMAKE_CURRENT_LIST_DIR}/imagescsvexporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/imagescsvexporter.h
  ${CMAKE_CURRENT_LIST_DIR}/jsonexporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsonexporter.h
  ${CMAKE_CURRENT_LIST_DIR}/summarycsvexporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/summarycsvexporter.h
)
