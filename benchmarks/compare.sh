#!/usr/bin/env bash
# Trains the seed's networks with Lamina's generated harness, a hand-written DJL loop and PyTorch, one
# thread count after the other (Lamina's JVM, then PyTorch, per thread count), and prints the comparison.
#
#   benchmarks/compare.sh [--threads "1 2"] [--repeat N] [--timed-epochs N] [--load] [--configs LIST]
#                         [--pytorch-blas openblas|system] [--java-impls LIST] [--torch2 PYTHON]
#                         [--build|--no-build]
#
#   --threads LIST   intra-op thread counts, 'default' = each implementation's own default (default: "1 2")
#   --repeat N       run the whole alternation N times; the table shows each implementation's best run
#   --timed-epochs N epochs timed after each configuration's warm-up epoch; the fastest counts (default 3)
#   --load           keep the other core busy (`yes > /dev/null`) during the runs, to check the thread
#                    default on a loaded machine; --threads then defaults to "default 1 2"
#   --configs LIST   NETWORK:BATCH,... (default MnistMlp:32,MnistMlp:128,MnistMlp:1024,Tox21SrMmp:32,
#                    MnistCnn:32,MnistCnnStrong:64: the CNNs at their @Train batch sizes)
#   --pytorch-blas   Debian's python3-torch calls whatever libblas.so.3 the system provides; here that is
#                    netlib's reference BLAS unless OpenBLAS is installed. 'openblas' (the default) runs
#                    PyTorch with OpenBLAS from the libopenblas0-pthread .deb, unpacked under
#                    benchmarks/target (nothing is installed); 'system' uses the system's libblas.so.3.
#   --java-impls L   the JVM's implementations (default lamina,djl-raw); add script-step,script-epoch for
#                    libtorch's floor: the seed MNIST network's whole step or epoch in TorchScript
#   --torch2 PYTHON  also run PyTorch 2.x from this interpreter (a venv, see README), with its default and
#                    its fused Adam, as pytorch-2.x and pytorch-2.x-fused: the same MKL kernels as Lamina's
#                    libtorch, driven from Python
#   --build          rebuild first; --no-build never builds (default: build when classes are missing or
#                    older than a source or pom)
#
# Output: benchmarks/target/results.jsonl (one JSON line per configuration and implementation),
# benchmarks/target/results.md (the table, with machine and load), logs in benchmarks/target/logs/.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH_DIR/lib.sh"

threads=""
repeat=1
timed_epochs=3
java_impls=lamina,djl-raw
torch2=""
load=false
configs="MnistMlp:32,MnistMlp:128,MnistMlp:1024,Tox21SrMmp:32,MnistCnn:32,MnistCnnStrong:64"
blas=openblas
build=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --timed-epochs) timed_epochs="$2"; shift 2 ;;
    --java-impls) java_impls="$2"; shift 2 ;;
    --torch2) torch2="$2"; shift 2 ;;
    --load) load=true; shift ;;
    --configs) configs="$2"; shift 2 ;;
    --pytorch-blas) blas="$2"; shift 2 ;;
    --build) build=always; shift ;;
    --no-build) build=never; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$threads" ]; then
  if $load; then threads="default 1 2"; else threads="1 2"; fi
fi

# ---------------------------------------------------------------------------------------------- build
# The run-time class path is copied to benchmarks/target/lib by the build (see pom.xml).
stamp="$TARGET/lib/lamina-examples-0.1.0-SNAPSHOT.jar"
needs_build() {
  [ ! -f "$stamp" ] && return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/runtime" "$ROOT/examples" "$ROOT/dsl-annotations" \
      "$BENCH_DIR/pom.xml" "$BENCH_DIR/src" \( -name '*.java' -o -name 'pom.xml' \) -newer "$stamp" \
      -not -path '*/target/*' -print -quit)" ]
}
if [ "$build" = always ] || { [ "$build" = auto ] && needs_build; }; then
  echo "Building (mvn -q install -DskipTests -Dinvoker.skip -pl benchmarks -am) ..." >&2
  (cd "$ROOT" && mvn -B -q install -DskipTests -Dinvoker.skip -pl benchmarks -am)
fi
[ -f "$stamp" ] || { echo "no $stamp: build with --build" >&2; exit 1; }
CLASSPATH_JAVA="$TARGET/classes:$TARGET/lib/*"

# ---------------------------------------------------------------------------------------------- BLAS for PyTorch
python_env=()
blas_note="system libblas.so.3 ($(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown))"
if [ "$blas" = openblas ]; then
  if [ ! -f "$OPENBLAS_DIR/libblas.so.3" ]; then
    deb="$(ls /var/cache/apt/archives/libopenblas0-pthread_*_amd64.deb 2>/dev/null | tail -1 || true)"
    if [ -z "$deb" ]; then
      mkdir -p "$TARGET/debs"
      (cd "$TARGET/debs" && apt-get download libopenblas0-pthread >/dev/null 2>&1) || true
      deb="$(ls "$TARGET"/debs/libopenblas0-pthread_*_amd64.deb 2>/dev/null | tail -1 || true)"
    fi
    if [ -n "$deb" ]; then
      mkdir -p "$TARGET/openblas" && dpkg-deb -x "$deb" "$TARGET/openblas"
    fi
  fi
  if [ -f "$OPENBLAS_DIR/libblas.so.3" ]; then
    python_env=(LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
    blas_note="OpenBLAS ($(basename "$(ls "$OPENBLAS_DIR"/libopenblasp-*.so | head -1)"), unpacked from libopenblas0-pthread)"
  else
    echo "warning: no libopenblas0-pthread package found; PyTorch runs with the system BLAS" >&2
    blas=system
  fi
fi

# ---------------------------------------------------------------------------------------------- PyTorch 2.x
torch2_version=""
if [ -n "$torch2" ]; then
  torch2_version="$(torch_minor_version "$torch2")" \
    || { echo "--torch2 $torch2 cannot import torch" >&2; exit 2; }
fi

# ---------------------------------------------------------------------------------------------- competing load
load_pid=""
cleanup() { if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT INT TERM
if $load; then
  yes > /dev/null &
  load_pid=$!
  echo "Competing process: yes > /dev/null (pid $load_pid)" >&2
fi

# ---------------------------------------------------------------------------------------------- runs
mkdir -p "$TARGET/logs"
results="$TARGET/results.jsonl"
: > "$results"
load_before="$(uptime)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Load before: $load_before" >&2
for round in $(seq 1 "$repeat"); do
  for t in $threads; do
    echo "== round $round, threads $t: Lamina (harness + hand-written DJL loop)" >&2
    # The JVM as `mvn lamina:train` starts it (maven-plugin ForkedTraining): glibc settings, heap options.
    env "${GLIBC_ENV[@]}" \
      java "${TRAINING_JVM_OPTIONS[@]}" -cp "$CLASSPATH_JAVA" dev.lamina.benchmarks.Benchmark --repo-root "$ROOT" --threads "$t" \
        --configs "$configs" --impl "$java_impls" --timed-epochs "$timed_epochs" \
        2>>"$TARGET/logs/java-threads-$t.log" | tee -a "$results"
    echo "== round $round, threads $t: PyTorch" >&2
    # OpenBLAS keeps its own thread pool: hold it to the same count (Debian's torch does not set it).
    blas_threads="$t"; [ "$t" = default ] && blas_threads="$(nproc)"
    # The same glibc settings as Lamina's JVM: with glibc's defaults, PyTorch's per-step temporaries above
    # 128 KB are fresh mmaps that fault in every step (measured: MNIST batch 32 at 4,600-5,400 samples/s
    # instead of 17,000-18,000, depending on what the process had allocated before).
    env "${python_env[@]}" OPENBLAS_NUM_THREADS="$blas_threads" "${GLIBC_ENV[@]}" \
        "$PYTHON" "$BENCH_DIR/pytorch_bench.py" --repo-root "$ROOT" --threads "$t" --configs "$configs" \
        --timed-epochs "$timed_epochs" 2>>"$TARGET/logs/pytorch-threads-$t.log" | tee -a "$results"
    if [ -n "$torch2" ]; then
      echo "== round $round, threads $t: PyTorch $torch2_version (default and fused Adam)" >&2
      for adam in default fused; do
        flags=(--impl "pytorch-$torch2_version"); [ "$adam" = fused ] && flags=(--impl "pytorch-$torch2_version-fused" --fused-adam)
        env "${GLIBC_ENV[@]}" \
          "$torch2" "$BENCH_DIR/pytorch_bench.py" --repo-root "$ROOT" --threads "$t" --configs "$configs" \
          --timed-epochs "$timed_epochs" "${flags[@]}" 2>>"$TARGET/logs/torch2-threads-$t.log" | tee -a "$results"
      done
    fi
  done
done
load_after="$(uptime)"
echo "Load after: $load_after" >&2

# ---------------------------------------------------------------------------------------------- table
{
  echo "Measured $started on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "$(free -g | awk '/^Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1); torch $("$PYTHON" -c 'import torch; print(torch.__version__)' 2>/dev/null) with $blas_note."
  if [ -n "$torch2" ]; then echo "PyTorch $("$torch2" -c 'import torch; print(torch.__version__)') from $torch2 (its own MKL)."; fi
  if $load; then echo "A competing process (yes > /dev/null) kept one core busy."; fi
  echo "Load before: ${load_before#*load average: }; after: ${load_after#*load average: } (1, 5, 15 min)."
  echo
  "$PYTHON" "$BENCH_DIR/table.py" "$results"
} | tee "$TARGET/results.md"
