# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/httpclient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httpclient.h
  ${CMAKE_CURRENT_LIST_DIR}/httpjob.cpp
  ${CMAKE_CURRENT_LIST_DIR}/httpjob.h
  ${CMAKE_CURRENT_LIST_DIR}/httpresponse.h
  ${CMAKE_CURRENT_LIST_DIR}/linkheader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/linkheader.h
  ${CMAKE_CURRENT_LIST_DIR}/ratelimitheaders.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ratelimitheaders.h
  ${CMAKE_CURRENT_LIST_DIR}/requestoptions.h
)
# Meta's Graph API error objects.
target_sources(taglens_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/graphapierror.cpp
  ${CMAKE_CURRENT_LIST_DIR}/graphapierror.h
)
