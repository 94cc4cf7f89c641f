#!/usr/bin/env bash
# Runs the benchmarks and prints their numbers. Uses the random-weight test model (its speed is
# that of the real network: same shapes, same operations) unless TAGLENS_BENCH_WEIGHTS names
# the official weights.
set -euo pipefail
build_dir="${1:-build}"
src_dir="$(cd "$(dirname "$0")/.." && pwd)"
weights="${TAGLENS_BENCH_WEIGHTS:-$build_dir/test-models/test_inception_v3.pth}"
if [ ! -f "$weights" ]; then
  /usr/bin/python3 "$src_dir/models/make_test_model.py" "$build_dir/test-models"
fi
/usr/bin/python3 "$src_dir/bench/compare_eager.py" --cli "$build_dir/app/cli/taglens-cli" \
  --weights "$weights" --threads "${THREADS:-$(nproc)}"
echo
echo "== harvest pipeline against pure inference (issue: pipeline >= 0.95x) =="
model="${TAGLENS_BENCH_MODEL:-$build_dir/test-models/test_inception_v3.pt}"
"$build_dir/bench/taglens-bench-harvest" --model "$model" --images "${IMAGES:-320}"
echo
echo "== GUI responsiveness (issue: gaps p99 < 16 ms, max < 100 ms; RSS < 1 GiB with 10,000 images) =="
probe=("$build_dir/bench/taglens-bench-gui" --model "$model" --images "${IMAGES:-320}")
if command -v xvfb-run > /dev/null 2>&1; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${probe[@]}"
else
  QT_QPA_PLATFORM=offscreen "${probe[@]}"
fi
