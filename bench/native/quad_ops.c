/* C __float128 reference column of the dtkit float128 benchmark (bench/float128.mjs).
 * Built by the bench: gcc -O2 -o bench/native/quad_ops.bin bench/native/quad_ops.c -lquadmath
 *
 * Protocol on stdin/stdout, one line each:
 *   "<n>" then n decimal strings for a, then n for b (parsed with strtoflt128, correctly rounded).
 *   "<op> <iterations>"  op in add|mul|div|sqrt: runs out[i] = a[i] op b[i] (sqrt: sqrtq(a[i]))
 *                         over all n elements `iterations` times and answers
 *                         "<elapsed ns> <xor of all 64-bit words of out, hex>".
 * The checksum lets the bench check that dtkit produced bit-identical results. */
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static __float128 *read_values(size_t n) {
  __float128 *values = malloc(n * sizeof *values);
  char line[256];
  for (size_t i = 0; i < n; i++) {
    if (!fgets(line, sizeof line, stdin)) exit(2);
    values[i] = strtoflt128(line, NULL);
  }
  return values;
}

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The empty asm with a memory clobber keeps gcc from merging or dropping repeated passes. */
#define PASSES(body)                                   \
  for (long k = 0; k < iterations; k++) {              \
    for (size_t i = 0; i < n; i++) body;               \
    __asm__ volatile("" ::: "memory");                 \
  }

static void run(const char *op, long iterations, size_t n, const __float128 *a, const __float128 *b, __float128 *out) {
  if (strcmp(op, "add") == 0) PASSES(out[i] = a[i] + b[i])
  else if (strcmp(op, "mul") == 0) PASSES(out[i] = a[i] * b[i])
  else if (strcmp(op, "div") == 0) PASSES(out[i] = a[i] / b[i])
  else if (strcmp(op, "sqrt") == 0) PASSES(out[i] = sqrtq(a[i]))
  else exit(3);
}

static uint64_t checksum(const __float128 *out, size_t n) {
  uint64_t sum = 0, word[2];
  for (size_t i = 0; i < n; i++) {
    memcpy(word, &out[i], sizeof word);
    sum ^= word[0] ^ word[1];
  }
  return sum;
}

int main(void) {
  char line[256], op[16];
  long iterations;
  if (!fgets(line, sizeof line, stdin)) return 1;
  size_t n = strtoul(line, NULL, 10);
  __float128 *a = read_values(n), *b = read_values(n), *out = calloc(n, sizeof *out);
  while (fgets(line, sizeof line, stdin)) {
    if (sscanf(line, "%15s %ld", op, &iterations) != 2) return 4;
    uint64_t start = now_ns();
    run(op, iterations, n, a, b, out);
    uint64_t elapsed = now_ns() - start;
    printf("%llu %016llx\n", (unsigned long long)elapsed, (unsigned long long)checksum(out, n));
    fflush(stdout);
  }
  return 0;
}
