# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/backgroundharvest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/backgroundharvest.h
  ${CMAKE_CURRENT_LIST_DIR}/decodegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decodegate.h
  ${CMAKE_CURRENT_LIST_DIR}/harvestpipeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/harvestpipeline.h
  ${CMAKE_CURRENT_LIST_DIR}/harvestoutcome.h
  ${CMAKE_CURRENT_LIST_DIR}/harvestprogress.h
  ${CMAKE_CURRENT_LIST_DIR}/harvestrequest.h
  ${CMAKE_CURRENT_LIST_DIR}/preparedmedia.cpp
  ${CMAKE_CURRENT_LIST_DIR}/preparedmedia.h
)
