# SPDX-License-Identifier: GPL-3.0-or-later
# Equivalence of the C++ pipeline with torchvision (see check_equivalence.py).
# Included by tests/CMakeLists.txt, which sets TAGLENS_PYTHON and
# TAGLENS_TEST_MODEL_DIR; the taglens-probe and taglens-cli targets exist by then.

# The random-weight test model, generated (~1 min) only when missing or older
# than its generator script.
add_test(NAME make_test_models
  COMMAND ${TAGLENS_PYTHON} ${PROJECT_SOURCE_DIR}/models/make_test_model.py
          --if-stale ${TAGLENS_TEST_MODEL_DIR})
set_tests_properties(make_test_models PROPERTIES
  FIXTURES_SETUP test_models
  TIMEOUT 900
  PROCESSORS 2
  LABELS "equivalence")

set(_taglens_eq_script ${CMAKE_CURRENT_LIST_DIR}/check_equivalence.py)
set(_taglens_eq_model ${TAGLENS_TEST_MODEL_DIR}/test_inception_v3)
# Per-test work directories keep the derived images, reference tensors and
# tool outputs for inspection after a failure, and let the tests run in parallel.
set(_taglens_eq_work ${CMAKE_CURRENT_BINARY_DIR}/equivalence-work)

add_test(NAME equivalence_preprocess
  COMMAND ${TAGLENS_PYTHON} ${_taglens_eq_script} preprocess
          --probe $<TARGET_FILE:taglens-probe>
          --workdir ${_taglens_eq_work}/preprocess)

foreach(_format pth pt)
  add_test(NAME equivalence_logits_${_format}
    COMMAND ${TAGLENS_PYTHON} ${_taglens_eq_script} logits
            --probe $<TARGET_FILE:taglens-probe>
            --model ${_taglens_eq_model}.${_format}
            --workdir ${_taglens_eq_work}/logits_${_format})
  add_test(NAME equivalence_classify_${_format}
    COMMAND ${TAGLENS_PYTHON} ${_taglens_eq_script} classify
            --cli $<TARGET_FILE:taglens-cli>
            --model ${_taglens_eq_model}.${_format}
            --workdir ${_taglens_eq_work}/classify_${_format})
endforeach()

set_tests_properties(
    equivalence_preprocess
    equivalence_logits_pth equivalence_logits_pt
    equivalence_classify_pth equivalence_classify_pt
  PROPERTIES
    FIXTURES_REQUIRED test_models
    # The tools may create a QGuiApplication; Python must not write
    # __pycache__ into the source tree when importing make_test_model.py.
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;PYTHONDONTWRITEBYTECODE=1"
    TIMEOUT 900
    PROCESSORS 2
    LABELS "equivalence")

unset(_taglens_eq_script)
unset(_taglens_eq_model)
unset(_taglens_eq_work)
