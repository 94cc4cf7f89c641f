# SPDX-License-Identifier: GPL-3.0-or-later
# engine/models: downloading, verifying and installing model weights.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/installedmodel.h
  ${CMAKE_CURRENT_LIST_DIR}/modeldownloader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/modeldownloader.h
  ${CMAKE_CURRENT_LIST_DIR}/modelstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/modelstore.h
  ${CMAKE_CURRENT_LIST_DIR}/sha256digest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sha256digest.h
)
