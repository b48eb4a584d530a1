/* Same-machine C baseline for scripts/time.mjs: GCC __float128 ops on 1e5-element arrays. */
#include <quadmath.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#define N 100000
static __float128 a[N], b[N];
static volatile __float128 o[N];
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
static int cmp(const void *x, const void *y) { double d = *(const double *)x - *(const double *)y; return (d > 0) - (d < 0); }
#define BENCH(name, expr) { double ts[15]; for (int r = 0; r < 15; r++) { double t0 = now(); \
  for (int i = 0; i < N; i++) { o[i] = expr; } ts[r] = (now() - t0) / N; __asm__ volatile("" ::: "memory"); } \
  qsort(ts, 15, sizeof(double), cmp); printf("%-5s %.1f ns/op (C)\n", name, ts[7]); }
int main(void) {
  srand(1);
  for (int i = 0; i < N; i++) { a[i] = (rand() / (double)RAND_MAX + 0.5) * (1 + rand() * 1e-20Q); b[i] = (rand() / (double)RAND_MAX + 0.5) * (1 + rand() * 1e-21Q); }
  BENCH("add", a[i] + b[i]); BENCH("mul", a[i] * b[i]); BENCH("div", a[i] / b[i]); BENCH("sqrt", sqrtq(a[i]));
  return (int)o[0] & 0;
}
