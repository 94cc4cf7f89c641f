# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the compile policy every TagLens target links.
add_library(taglens_policy INTERFACE)
add_library(TagLens::policy ALIAS taglens_policy)
target_compile_definitions(taglens_policy INTERFACE
  QT_NO_KEYWORDS
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  TAGLENS_VERSION="${PROJECT_VERSION}")
# Warnings are errors through CMAKE_COMPILE_WARNING_AS_ERROR (on unless a packager turns it off:
# -DCMAKE_COMPILE_WARNING_AS_ERROR=OFF or cmake --compile-no-warning-as-error).
target_compile_options(taglens_policy INTERFACE
  -Wall -Wextra -Wpedantic -Wno-error=deprecated-declarations)
