#!/bin/sh
# Regenerates tests/vectors/*.txt from GCC __float128 / libquadmath (deterministic seed).
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/tests/vectors"
bin=$(mktemp -d)/gen_vectors
gcc -O2 -std=gnu11 -o "$bin" "$here/tests/gen/gen_vectors.c" -lquadmath -lgmp -l:libmpfr.so.6 -lm
mkdir -p "$out"
"$bin" "$out"
du -sh "$out"
