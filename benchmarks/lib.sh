# Sourced by compare.sh and profile.sh, after they set BENCH_DIR: the folders, interpreters and settings
# both scripts start their processes with.
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
TARGET="$BENCH_DIR/target"
PYTHON=/usr/bin/python3

# The glibc settings of `mvn lamina:train`'s training JVM (maven-plugin ForkedTraining.NATIVE_MEMORY_ENVIRONMENT
# says why each is there), for every process the scripts start, Lamina's and PyTorch's alike, so that
# neither side pays page faults the other does not. Use as: env "${GLIBC_ENV[@]}" command ...
GLIBC_ENV=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967295 MALLOC_TOP_PAD_=67108864)

# The training JVM's heap options (ForkedTraining.DEFAULT_JVM_OPTIONS, which says why).
TRAINING_JVM_OPTIONS=(-Xmn64m -XX:+AlwaysPreTouch -XX:MinHeapFreeRatio=10 -XX:GCTimeRatio=4)

# Where compare.sh unpacks OpenBLAS from the libopenblas0-pthread .deb for Debian's torch.
OPENBLAS_DIR="$TARGET/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread"

# torch_minor_version PYTHON: the torch version of that interpreter, without patch and build ("2.13").
torch_minor_version() {
  "$1" -c 'import torch; print(torch.__version__.split("+")[0].rsplit(".", 1)[0])'
}
