#!/usr/bin/env bash
# Where a training step's time goes, Lamina next to PyTorch: perf samples the timed epochs of each
# implementation (recording is switched on and off through perf's control FIFO, so start-up, data loading
# and the warm-up epoch are not in the profile), and perf_categories.py groups the samples into matrix
# products, dropout masks, Adam, other ATen kernels, memory, libtorch's framework, and the host language
# (Java and JNI for Lamina, the interpreter for PyTorch), in CPU microseconds per training step.
#
#   benchmarks/profile.sh [--configs LIST] [--timed-epochs N] [--java-impls LIST] [--torch2 PYTHON]
#
#   --configs LIST    NETWORK:BATCH,... (default MnistMlp:32,MnistMlp:1024)
#   --timed-epochs N  epochs recorded per run (default 3)
#   --java-impls L    the JVM's implementations (default lamina,script-epoch)
#   --torch2 PYTHON   also profile PyTorch 2.x from this interpreter, with its fused Adam
#
# Needs perf (Debian: linux-perf) and a build (benchmarks/compare.sh --build, or the mvn line in README).
# Output: benchmarks/target/profiles/ (perf data, reports, JSON lines) and the tables on standard output.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH_DIR/lib.sh"
FREQ=1999

configs="MnistMlp:32,MnistMlp:1024"
timed_epochs=3
java_impls="lamina,script-epoch"
torch2=""
while [ $# -gt 0 ]; do
  case "$1" in
    --configs) configs="$2"; shift 2 ;;
    --timed-epochs) timed_epochs="$2"; shift 2 ;;
    --java-impls) java_impls="$2"; shift 2 ;;
    --torch2) torch2="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v perf >/dev/null || { echo "perf is not installed (Debian: apt-get install linux-perf)" >&2; exit 1; }
[ -f "$TARGET/lib/lamina-examples-0.1.0-SNAPSHOT.jar" ] || { echo "build first: benchmarks/compare.sh --build" >&2; exit 1; }
[ -f "$OPENBLAS_DIR/libblas.so.3" ] || { echo "no OpenBLAS for Debian's torch under $OPENBLAS_DIR: run benchmarks/compare.sh once" >&2; exit 1; }

out="$TARGET/profiles"
rm -rf "$out" && mkdir -p "$out"
# The glibc settings of `mvn lamina:train`'s JVM, for every process (see README, "Memory").
export "${GLIBC_ENV[@]}"

# profile NAME COMMAND...: runs COMMAND under perf with recording off until the program switches it on.
profile() {
  local name="$1"; shift
  local fifo="$out/$name.ctl"
  mkfifo "$fifo"
  # Held open here too, so that perf never waits on it when the program exits without writing to it.
  exec {keeper}<>"$fifo"
  echo "== $name" >&2
  LAMINA_PERF_CONTROL="$fifo" perf record -q -F "$FREQ" -D -1 --control "fifo:$fifo" -o "$out/$name.perf.data" \
    -- "$@" 2>>"$out/$name.log" | tail -1 > "$out/$name.json"
  exec {keeper}>&-
  cat "$out/$name.json"
  perf report -i "$out/$name.perf.data" -n --stdio --no-children --sort comm,dso,sym --percent-limit 0 \
    -t $'\t' 2>/dev/null > "$out/$name.perf.txt"
  rm -f "$fifo"
}

for config in ${configs//,/ }; do
  network="${config%%:*}"; batch="${config##*:}"
  for impl in ${java_impls//,/ }; do
    profile "$impl--$network--b$batch" java "${TRAINING_JVM_OPTIONS[@]}" -cp "$TARGET/classes:$TARGET/lib/*" \
      dev.lamina.benchmarks.Benchmark --repo-root "$ROOT" --threads 1 --impl "$impl" --configs "$config" \
      --timed-epochs "$timed_epochs"
  done
  profile "pytorch--$network--b$batch" env LD_LIBRARY_PATH="$OPENBLAS_DIR" OPENBLAS_NUM_THREADS=1 \
    "$PYTHON" "$BENCH_DIR/pytorch_bench.py" --repo-root "$ROOT" --threads 1 --configs "$config" \
    --timed-epochs "$timed_epochs"
  if [ -n "$torch2" ]; then
    version="$(torch_minor_version "$torch2")"
    profile "pytorch-$version-fused--$network--b$batch" "$torch2" "$BENCH_DIR/pytorch_bench.py" --repo-root "$ROOT" \
      --threads 1 --configs "$config" --timed-epochs "$timed_epochs" --impl "pytorch-$version-fused" --fused-adam
  fi
done
echo >&2
"$PYTHON" "$BENCH_DIR/perf_categories.py" "$out" --freq "$FREQ" | tee "$out/categories.md"
