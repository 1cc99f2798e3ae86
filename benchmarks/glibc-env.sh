# Sourced by compare.sh and profile.sh: the glibc settings of `mvn lamina:train`'s training JVM
# (maven-plugin ForkedTraining.NATIVE_MEMORY_ENVIRONMENT says why each is there), for every process the
# scripts start, Lamina's and PyTorch's alike, so that neither side pays page faults the other does not.
# Use as: env "${GLIBC_ENV[@]}" command ...
GLIBC_ENV=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967295 MALLOC_TOP_PAD_=67108864)
