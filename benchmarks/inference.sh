#!/usr/bin/env bash
# Prediction latency and throughput of trained MnistMlp and Tox21SrMmp models, Lamina (LaminaModel and
# BatchingPredictor, from raw pixels and raw SMILES) next to PyTorch (Debian's python3-torch, eager under
# torch.no_grad(), the model Lamina exported with the same run), in one run, and the side-by-side table.
#
#   benchmarks/inference.sh [--mnist-run DIR] [--tox21-run DIR] [--threads N] [--seconds S]
#                           [--latency-calls N] [--rss N] [--save FILE] [--build|--no-build]
#
#   --mnist-run DIR   a run folder of MnistMlp with MnistMlp.lamina.safetensors and the PyTorch export
#                     (model.py, model.safetensors, preprocess.py); default examples/lamina-runs/MnistMlp/latest,
#                     trained for one epoch first when it does not exist (accuracy does not matter here)
#   --tox21-run DIR   the same for Tox21SrMmp
#   --threads N       intra-op threads of both sides (default 1: Lamina's default on 2 cores, and PyTorch's)
#   --seconds S       timed seconds per throughput measurement, after as long a warm-up (default 5)
#   --latency-calls N single-row calls timed one by one per latency measurement (default 20000)
#   --rss N           single-row predictions of Lamina's memory run, per model (default 1000000; 0: none)
#   --save FILE       also copy the raw JSON lines there (e.g. benchmarks/results/<date>-inference.jsonl)
#   --build           rebuild first; --no-build never builds (default: build when the classes are missing)
#
# Output: benchmarks/target/inference.jsonl (one JSON line per measurement), benchmarks/target/inference.md
# (machine, load and the table), logs in benchmarks/target/logs/. MVN (default mvn) runs Maven, e.g.
# MVN="mvn -Dmaven.repo.local=/tmp/m2".
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH_DIR/lib.sh"
MVN="${MVN:-mvn}"

mnist_run="$ROOT/examples/lamina-runs/MnistMlp/latest"
tox21_run="$ROOT/examples/lamina-runs/Tox21SrMmp/latest"
threads=1
seconds=5
latency_calls=20000
rss=1000000
save=""
build=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --mnist-run) mnist_run="$2"; shift 2 ;;
    --tox21-run) tox21_run="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --latency-calls) latency_calls="$2"; shift 2 ;;
    --rss) rss="$2"; shift 2 ;;
    --save) save="$2"; shift 2 ;;
    --build) build=always; shift ;;
    --no-build) build=never; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------------------------------------- build
stamp="$TARGET/classes/dev/lamina/benchmarks/InferenceBenchmark.class"
if [ "$build" = always ] || { [ "$build" = auto ] && [ ! -f "$stamp" ]; }; then
  echo "Building ($MVN -q install -DskipTests -Dinvoker.skip -pl benchmarks -am) ..." >&2
  (cd "$ROOT" && $MVN -B -q install -DskipTests -Dinvoker.skip -pl benchmarks -am)
fi
[ -f "$stamp" ] || { echo "no $stamp: build with --build" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------- models
# A run folder holds the model file and the PyTorch export of the same weights; train one when missing.
ensure_run() {
  local network="$1" run="$2"
  if [ ! -f "$run/$network.lamina.safetensors" ]; then
    echo "No $run/$network.lamina.safetensors: training $network for one epoch ..." >&2
    (cd "$ROOT" && $MVN -B -q -pl examples lamina:train -Dlamina.network="$network" -Dlamina.epochs=1 \
        -Dlamina.progress=false) >&2
  fi
  for file in "$network.lamina.safetensors" model.py model.safetensors preprocess.py; do
    [ -f "$run/$file" ] || { echo "$run has no $file" >&2; exit 1; }
  done
}
ensure_run MnistMlp "$mnist_run"
ensure_run Tox21SrMmp "$tox21_run"
mnist_run="$(readlink -f "$mnist_run")"
tox21_run="$(readlink -f "$tox21_run")"

# ---------------------------------------------------------------------------------------------- PyTorch's BLAS
# As in compare.sh: Debian's torch calls the system's libblas.so.3 (here netlib's reference BLAS); run it with
# OpenBLAS unpacked from the libopenblas0-pthread .deb, nothing installed.
python_env=()
blas_note="system libblas.so.3 ($(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown))"
if [ ! -f "$OPENBLAS_DIR/libblas.so.3" ]; then
  deb="$(ls /var/cache/apt/archives/libopenblas0-pthread_*_amd64.deb 2>/dev/null | tail -1 || true)"
  if [ -z "$deb" ]; then
    mkdir -p "$TARGET/debs"
    (cd "$TARGET/debs" && apt-get download libopenblas0-pthread >/dev/null 2>&1) || true
    deb="$(ls "$TARGET"/debs/libopenblas0-pthread_*_amd64.deb 2>/dev/null | tail -1 || true)"
  fi
  if [ -n "$deb" ]; then mkdir -p "$TARGET/openblas" && dpkg-deb -x "$deb" "$TARGET/openblas"; fi
fi
if [ -f "$OPENBLAS_DIR/libblas.so.3" ]; then
  python_env=(LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
  blas_note="OpenBLAS ($(basename "$(ls "$OPENBLAS_DIR"/libopenblasp-*.so | head -1)"), unpacked from libopenblas0-pthread)"
fi
rdkit_note="$("$PYTHON" -c 'import rdkit; print("RDKit " + rdkit.__version__ + " (python3-rdkit)")' 2>/dev/null \
  || echo "no RDKit (apt-get install python3-rdkit): PyTorch's Tox21 rows time precomputed fingerprints")"

# ---------------------------------------------------------------------------------------------- runs
mkdir -p "$TARGET/logs"
results="$TARGET/inference.jsonl"
: > "$results"
load_before="$(uptime)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Load before: $load_before" >&2
echo "== Lamina ($threads intra-op thread(s))" >&2
env "${GLIBC_ENV[@]}" java "${TRAINING_JVM_OPTIONS[@]}" -cp "$TARGET/classes:$TARGET/lib/*" \
    dev.lamina.benchmarks.InferenceBenchmark --repo-root "$ROOT" --threads "$threads" --seconds "$seconds" \
    --latency-calls "$latency_calls" --rss "$rss" \
    --mnist "$mnist_run/MnistMlp.lamina.safetensors" --tox21 "$tox21_run/Tox21SrMmp.lamina.safetensors" \
    2>>"$TARGET/logs/inference-lamina.log" | tee -a "$results"
echo "== PyTorch ($threads intra-op thread(s))" >&2
env "${python_env[@]}" OPENBLAS_NUM_THREADS="$threads" "${GLIBC_ENV[@]}" \
    "$PYTHON" "$BENCH_DIR/pytorch_inference_bench.py" --repo-root "$ROOT" --threads "$threads" \
    --seconds "$seconds" --latency-calls "$latency_calls" --mnist-export "$mnist_run" --tox21-export "$tox21_run" \
    2>>"$TARGET/logs/inference-pytorch.log" | tee -a "$results"
load_after="$(uptime)"
echo "Load after: $load_after" >&2
[ -z "$save" ] || cp "$results" "$save"

# ---------------------------------------------------------------------------------------------- table
{
  echo "Measured $started on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');"
  echo "$(java -version 2>&1 | head -1); torch $("$PYTHON" -c 'import torch; print(torch.__version__)' 2>/dev/null) with $blas_note; $rdkit_note."
  echo "Models: $mnist_run, $tox21_run."
  echo "Load before: ${load_before#*load average: }; after: ${load_after#*load average: } (1, 5, 15 min)."
  echo
  "$PYTHON" "$BENCH_DIR/inference_table.py" "$results"
} | tee "$TARGET/inference.md"
