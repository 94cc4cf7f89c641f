# SPDX-License-Identifier: GPL-3.0-or-later
# engine/imaging: turning untrusted bytes into RGB pixels.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/imagedecoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pilresampler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pilresampler.h
  ${CMAKE_CURRENT_LIST_DIR}/imagedecoder.h
  ${CMAKE_CURRENT_LIST_DIR}/decodedimage.h
  ${CMAKE_CURRENT_LIST_DIR}/decodelimits.h
)
