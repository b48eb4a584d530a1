/* Reference vector generator for the float128 soft-float core.
 * Uses GCC __float128 arithmetic (correctly rounded, RNE) and libquadmath.
 * Output: one case per line, 128-bit patterns as 32 hex digits (most significant first).
 * Usage: gen_vectors <outdir>   (fixed seed, deterministic) */
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>

typedef unsigned __int128 u128;
static uint64_t rs = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) { /* splitmix64 */
  uint64_t z = (rs += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
static u128 bits(__float128 x) { u128 u; memcpy(&u, &x, 16); return u; }
static __float128 fromb(u128 u) { __float128 x; memcpy(&x, &u, 16); return x; }
static u128 mk(int sign, int exp, u128 frac) {
  return ((u128)sign << 127) | ((u128)(exp & 0x7FFF) << 112) | (frac & (((u128)1 << 112) - 1));
}
static u128 rfrac(void) { return ((u128)rnd() << 64) | rnd(); }
static void ph(FILE *f, __float128 x) {
  u128 u = bits(x);
  fprintf(f, "%016llx%016llx", (unsigned long long)(u >> 64), (unsigned long long)u);
}
static const u128 specials[] = {
  0, (u128)1 << 127, (u128)0x7FFF << 112, (u128)0xFFFF << 112, (u128)0x7FFF8 << 108,
  (u128)0x3FFF << 112, (u128)0xBFFF << 112, 1, ((u128)1 << 112) - 1, (u128)1 << 112,
  ((u128)0x7FFF << 112) - 1, (u128)0x4000 << 112, (u128)0x3FFE << 112,
};
#define NSPEC (sizeof specials / sizeof specials[0])

/* An "interesting" random value: mixture of categories. */
static __float128 rval(void) {
  int c = rnd() % 16, s = rnd() & 1;
  switch (c) {
    case 0: return fromb(specials[rnd() % NSPEC]);
    case 1: return fromb(rfrac() ^ ((u128)rnd() << 64)); /* raw random bits */
    case 2: return fromb(mk(s, 0, rfrac() >> (rnd() % 112))); /* subnormal */
    case 3: return fromb(mk(s, 0x7FFE - rnd() % 120, rfrac())); /* huge */
    case 4: return fromb(mk(s, 1 + rnd() % 120, rfrac())); /* tiny normal */
    case 5: return fromb(mk(s, 0x3FFF - 60 + rnd() % 120, rfrac() & ~(((u128)1 << (rnd() % 112)) - 1)));
    case 6: return (__float128)(int64_t)(rnd() >> (rnd() % 64)) * (s ? -1 : 1);
    default: return fromb(mk(s, 0x3FFF - 40 + rnd() % 80, rfrac()));
  }
}
static __float128 near(__float128 a) { /* value close to a, for cancellation */
  u128 u = bits(a) ^ ((u128)1 << 127);
  int k = rnd() % 4;
  if (k == 0) return fromb(u);
  if (k == 1) return fromb(u + (rnd() % 7) - 3);
  if (k == 2) return fromb(u ^ (rfrac() >> (rnd() % 128)));
  return fromb(u + ((u128)1 << 112) * (rnd() % 3)); /* exponent differs by 0..2 */
}
/* b such that a+b lands exactly on or next to a rounding tie. */
static __float128 halfway(__float128 a) {
  u128 u = bits(a);
  int e = (int)((u >> 112) & 0x7FFF);
  int d = 113 + (int)(rnd() % 3);
  if (e <= d || e >= 0x7FFF) return near(a);
  u128 f = (rnd() & 1) ? 0 : (rfrac() >> (rnd() % 112 + 1));
  return fromb(mk((rnd() & 1) ? (int)(u >> 127) : !(int)(u >> 127), e - d + 1, f));
}
static __float128 odd_int(int nbits) { /* odd integer with exactly nbits bits */
  u128 v = rfrac() & ((((u128)1) << nbits) - 1);
  v |= (u128)1 << (nbits - 1);
  return (__float128)(v | 1);
}

static FILE *open_out(const char *dir, const char *name) {
  char p[1024];
  snprintf(p, sizeof p, "%s/%s.txt", dir, name);
  FILE *f = fopen(p, "w");
  if (!f) { perror(p); exit(1); }
  return f;
}

static void gen_binary(const char *dir, const char *name, int op, int n) {
  FILE *f = open_out(dir, name);
  for (int i = 0; i < n; i++) {
    __float128 a = rval(), b;
    int k = rnd() % 8;
    if (k == 0) b = near(a);
    else if (k == 1) b = halfway(a);
    else if (k == 2 && op >= 2) { int na = 1 + rnd() % 113; a = odd_int(na); b = odd_int(115 - na > 113 ? 113 : (115 - na < 1 ? 1 : 115 - na)); if (rnd() & 1) b = -b; }
    else b = rval();
    if (op >= 2 && k == 3) { b = fromb(bits(b) & ~(((u128)0x7FFF) << 112)); } /* wild exponent mixes */
    __float128 r = op == 0 ? a + b : op == 1 ? a - b : op == 2 ? a * b : a / b;
    ph(f, a); fputc(' ', f); ph(f, b); fputc(' ', f); ph(f, r); fputc('\n', f);
  }
  fclose(f);
}


/* libquadmath's sqrtq is not always correctly rounded, so the reference is fixed up exactly:
 * y is the RNE square root of x iff mid(pred y, y)^2 < x < mid(y, succ y)^2 (no ties exist).
 * Values are scaled to integers by 2^16495 so that midpoints are integers too. */
static void to_fixed(mpz_t r, __float128 v) {
  u128 u = bits(v);
  int e = (int)((u >> 112) & 0x7FFF);
  u128 f = u & (((u128)1 << 112) - 1);
  if (e) f |= (u128)1 << 112;
  mpz_set_ui(r, (unsigned long)(uint64_t)(f >> 64));
  mpz_mul_2exp(r, r, 64);
  mpz_add_ui(r, r, (unsigned long)(uint64_t)f);
  mpz_mul_2exp(r, r, (e ? e - 1 : 0) + 1); /* value = f * 2^(e'-16494), times 2^16495 */
}
static __float128 exact_sqrt(__float128 x) {
  __float128 y = sqrtq(x);
  if (!(x > 0) || isinfq(x)) return y;
  mpz_t X, lo, hi, t;
  mpz_inits(X, lo, hi, t, NULL);
  to_fixed(X, x);
  mpz_mul_2exp(X, X, 16495);
  for (int iter = 0; iter < 4; iter++) {
    __float128 p = fromb(bits(y) - 1), q = fromb(bits(y) + 1);
    to_fixed(lo, p); to_fixed(t, y); mpz_add(lo, lo, t); /* 2*mid */
    to_fixed(hi, q); mpz_add(hi, hi, t);
    mpz_mul(lo, lo, lo); mpz_mul(hi, hi, hi); /* 4*mid^2 */
    mpz_mul_2exp(t, X, 2);
    if (mpz_cmp(t, lo) <= 0) y = p;
    else if (mpz_cmp(t, hi) >= 0) y = q;
    else break;
  }
  mpz_clears(X, lo, hi, t, NULL);
  return y;
}

static void gen_sqrt(const char *dir, int n) {
  FILE *f = open_out(dir, "sqrt");
  for (int i = 0; i < n; i++) {
    __float128 a = rval();
    if (i % 5 == 0) a = fabsq(a);
    if (i % 7 == 0) { __float128 t = odd_int(1 + rnd() % 56); a = t * t; }
    ph(f, a); fputc(' ', f); ph(f, exact_sqrt(a)); fputc('\n', f);
  }
  fclose(f);
}

static void gen_fma(const char *dir, int n) {
  FILE *f = open_out(dir, "fma");
  for (int i = 0; i < n; i++) {
    __float128 a = rval(), b = rval(), c = rval();
    int k = rnd() % 4;
    if (k == 0) c = -(a * b); /* cancellation against rounded product */
    else if (k == 1) c = fromb(bits(a * b) ^ ((u128)1 << 127) ^ (rnd() % 5));
    else if (k == 2) { int na = 1 + rnd() % 113; a = odd_int(na); b = odd_int(114 - na < 1 ? 1 : 114 - na); c = rval() * 1e-30Q; }
    __float128 r = fmaq(a, b, c);
    ph(f, a); fputc(' ', f); ph(f, b); fputc(' ', f); ph(f, c); fputc(' ', f); ph(f, r); fputc('\n', f);
  }
  fclose(f);
}

static double rdouble(void) {
  uint64_t u = rnd();
  int k = rnd() % 4;
  if (k == 0) u &= 0x800FFFFFFFFFFFFFull; /* subnormal */
  double d; memcpy(&d, &u, 8); return d;
}
static void gen_conv(const char *dir, int n) {
  FILE *f = open_out(dir, "from_f64"); /* d q */
  for (int i = 0; i < n; i++) {
    double d = rdouble(); uint64_t u; memcpy(&u, &d, 8);
    fprintf(f, "%016llx ", (unsigned long long)u); ph(f, (__float128)d); fputc('\n', f);
  }
  fclose(f);
  f = open_out(dir, "to_f64"); /* q d */
  for (int i = 0; i < n; i++) {
    __float128 q = rval();
    if (i % 3 == 0) q = fromb(mk(rnd() & 1, 0x3FFF - 1100 + rnd() % 2200, rfrac()));
    if (i % 11 == 0) { double d = rdouble(); q = (__float128)d; u128 u = bits(q); u += (u128)1 << 59; u += (rnd() % 3) - 1; q = fromb(u); }
    double d = (double)q; uint64_t u; memcpy(&u, &d, 8);
    ph(f, q); fprintf(f, " %016llx\n", (unsigned long long)u);
  }
  fclose(f);
  f = open_out(dir, "from_i64"); /* i q */
  for (int i = 0; i < n; i++) {
    int64_t v = (int64_t)(rnd() >> (rnd() % 64)) * ((rnd() & 1) ? -1 : 1);
    if (i == 0) v = INT64_MIN;
    fprintf(f, "%lld ", (long long)v); ph(f, (__float128)v); fputc('\n', f);
  }
  fclose(f);
  f = open_out(dir, "to_i64"); /* q i (truncation), only in range */
  for (int i = 0; i < n; i++) {
    __float128 q = fromb(mk(rnd() & 1, 0x3FFF - 5 + rnd() % 68, rfrac()));
    if (fabsq(q) >= 9.2233720368547758e18Q) continue;
    ph(f, q); fprintf(f, " %lld\n", (long long)(int64_t)q);
  }
  fclose(f);
}

static void gen_strings(const char *dir, int n) {
  FILE *f = open_out(dir, "parse"); /* string q */
  char buf[200];
  for (int i = 0; i < n; i++) {
    int k = rnd() % 5;
    if (k == 0) snprintf(buf, sizeof buf, "%llu", (unsigned long long)(rnd() >> (rnd() % 64)));
    else if (k == 1) {
      int nd = 1 + rnd() % 45, p = 0;
      if (rnd() & 1) buf[p++] = '-';
      for (int j = 0; j < nd; j++) { buf[p++] = '0' + rnd() % 10; if (j == 0) buf[p++] = '.'; }
      snprintf(buf + p, sizeof buf - p, "e%d", (int)(rnd() % 10000) - 5000);
    } else if (k == 2) {
      __float128 q = rval(); if (isnanq(q) || isinfq(q)) q = 1;
      quadmath_snprintf(buf, sizeof buf, "%.*Qe", (int)(33 + rnd() % 8), q);
    } else if (k == 3) { /* decimal exactly halfway between two float128 (for exponent near 0) */
      __float128 q = fromb(mk(0, 0x3FFF + rnd() % 40, rfrac()));
      u128 u = bits(q);
      __float128 lo = fromb(u), hi = fromb(u + 1);
      quadmath_snprintf(buf, sizeof buf, "%.50Qe", lo); (void)hi;
      /* midpoint = lo + ulp/2: print exactly using enough digits of (lo+hi)/2 computed in
         higher precision is not available; use lo*2+1ulp scaled: exact for integers below 2^113 */
      if ((rnd() & 1) && ((u >> 112) & 0x7FFF) - 0x3FFF >= 112) {
        u128 ip = ((u & (((u128)1 << 112) - 1)) | ((u128)1 << 112)) << 1 | 1; /* 114-bit odd */
        char d[60]; int m = 0; while (ip) { d[m++] = '0' + (int)(ip % 10); ip /= 10; }
        for (int j = 0; j < m; j++) buf[j] = d[m - 1 - j];
        buf[m] = 0;
      }
    } else snprintf(buf, sizeof buf, "%.17g", rdouble());
    __float128 q = strtoflt128(buf, NULL);
    fprintf(f, "%s ", buf); ph(f, q); fputc('\n', f);
  }
  fclose(f);
  f = open_out(dir, "print"); /* q shortest-%.pQe */
  for (int i = 0; i < n; i++) {
    __float128 q = rval();
    if (isnanq(q) || isinfq(q) || q == 0) continue;
    for (int p = 0; p < 40; p++) {
      quadmath_snprintf(buf, sizeof buf, "%.*Qe", p, q);
      if (bits(strtoflt128(buf, NULL)) == bits(q)) break;
    }
    ph(f, q); fprintf(f, " %s\n", buf);
  }
  fclose(f);
}


/* MPFR (correctly rounded reference for the transcendental functions; libquadmath is not
 * always within 1 ulp, e.g. log1pq). Debian ships libmpfr.so.6 without headers here, so the
 * few entry points used are declared by hand (layout of mpfr_t from mpfr.h). */
typedef struct { long prec; int sign; long exp; void *d; } mpfr_struct;
typedef mpfr_struct mpfr_t[1];
typedef int (*mf1)(mpfr_struct *, const mpfr_struct *, int);
typedef int (*mf2)(mpfr_struct *, const mpfr_struct *, const mpfr_struct *, int);
void mpfr_init2(mpfr_struct *, long);
int mpfr_set_float128(mpfr_struct *, __float128, int);
__float128 mpfr_get_float128(mpfr_struct *, int);
int mpfr_set_emin(long);
int mpfr_set_emax(long);
int mpfr_subnormalize(mpfr_struct *, int, int);
int mpfr_exp(), mpfr_exp2(), mpfr_expm1(), mpfr_log(), mpfr_log2(), mpfr_log10(), mpfr_log1p(),
  mpfr_sin(), mpfr_cos(), mpfr_tan(), mpfr_asin(), mpfr_acos(), mpfr_atan(), mpfr_sinh(),
  mpfr_cosh(), mpfr_tanh(), mpfr_asinh(), mpfr_acosh(), mpfr_atanh(), mpfr_cbrt(), mpfr_atan2(),
  mpfr_pow(), mpfr_hypot();
static mpfr_t M_a, M_b, M_r;
static void mp_setup(void) {
  mpfr_set_emin(-16493); mpfr_set_emax(16384); /* binary128 range, for subnormalize */
  mpfr_init2(M_a, 113); mpfr_init2(M_b, 113); mpfr_init2(M_r, 113);
}
static __float128 mp1(mf1 f, __float128 a) {
  mpfr_set_float128(M_a, a, 0);
  int t = f(M_r, M_a, 0);
  mpfr_subnormalize(M_r, t, 0);
  return mpfr_get_float128(M_r, 0);
}
static __float128 mp2(mf2 f, __float128 a, __float128 b) {
  mpfr_set_float128(M_a, a, 0); mpfr_set_float128(M_b, b, 0);
  int t = f(M_r, M_a, M_b, 0);
  mpfr_subnormalize(M_r, t, 0);
  return mpfr_get_float128(M_r, 0);
}
typedef __float128 (*fn1)(__float128);
static void gen_unary(const char *dir, const char *name, mf1 fn, __float128 lo, __float128 hi, int n) {
  FILE *f = open_out(dir, name);
  for (int i = 0; i < n; i++) {
    __float128 a;
    int k = rnd() % 4;
    if (k == 0) a = rval();
    else if (k == 1) a = lo + (hi - lo) * ((__float128)rnd() / 18446744073709551616.0Q);
    else if (k == 2) a = fromb(mk(rnd() & 1, 0x3FFF - 1 - rnd() % 120, rfrac())); /* small */
    else { a = lo + (hi - lo) * ((__float128)rnd() / 18446744073709551616.0Q); a = fromb(bits(a) ^ (rnd() & 0xFFFF)); }
    ph(f, a); fputc(' ', f); ph(f, mp1(fn, a)); fputc('\n', f);
  }
  fclose(f);
}
typedef __float128 (*fn2)(__float128, __float128);
static void gen_bin2(const char *dir, const char *name, mf2 fn, int n) {
  FILE *f = open_out(dir, name);
  for (int i = 0; i < n; i++) {
    __float128 a = rval(), b = rval();
    int k = rnd() % 3;
    if (k == 0) { a = fromb(mk(0, 0x3FFF - 8 + rnd() % 16, rfrac())); b = fromb(mk(rnd() & 1, 0x3FFF - 4 + rnd() % 14, rfrac())); }
    if (k == 1) { a = (__float128)(int)(rnd() % 40) - 20; b = (__float128)(int)(rnd() % 60) - 30; }
    ph(f, a); fputc(' ', f); ph(f, b); fputc(' ', f); ph(f, mp2(fn, a, b)); fputc('\n', f);
  }
  fclose(f);
}


/* Exact operations: floor ceil trunc rint round (unary), fmod remainder nextafter (binary),
 * ldexp (value, int), frexp (value -> mantissa, exponent). */
static void gen_exact(const char *dir, int n) {
  static const char *un[] = {"floor", "ceil", "trunc", "rint", "round"};
  fn1 uf[] = {floorq, ceilq, truncq, rintq, roundq};
  for (int k = 0; k < 5; k++) {
    FILE *f = open_out(dir, un[k]);
    for (int i = 0; i < n; i++) {
      __float128 a = rval();
      if (i % 2) a = fromb(mk(rnd() & 1, 0x3FFF - 3 + rnd() % 120, rfrac()));
      if (i % 5 == 0) a = ((__float128)(int64_t)(rnd() >> 40) + 0.5Q) * ((rnd() & 1) ? 1 : -1);
      ph(f, a); fputc(' ', f); ph(f, uf[k](a)); fputc('\n', f);
    }
    fclose(f);
  }
  static const char *bn[] = {"fmod", "remainder", "nextafter"};
  fn2 bf[] = {fmodq, remainderq, nextafterq};
  for (int k = 0; k < 3; k++) {
    FILE *f = open_out(dir, bn[k]);
    for (int i = 0; i < n; i++) {
      __float128 a = rval(), b = rval();
      if (i % 3 == 0) b = fromb(mk(rnd() & 1, ((bits(a) >> 112) & 0x7FFF) - rnd() % 200, rfrac()));
      if (i % 7 == 0) { a = (__float128)(int64_t)(rnd() >> 50); b = (__float128)(int64_t)(rnd() >> 58) + 1; }
      ph(f, a); fputc(' ', f); ph(f, b); fputc(' ', f); ph(f, bf[k](a, b)); fputc('\n', f);
    }
    fclose(f);
  }
  FILE *f = open_out(dir, "ldexp");
  for (int i = 0; i < n; i++) {
    __float128 a = rval();
    int e = (int)(rnd() % 70000) - 35000;
    if (i % 2) e = (int)(rnd() % 400) - 200;
    ph(f, a); fprintf(f, " %d ", e); ph(f, ldexpq(a, e)); fputc('\n', f);
  }
  fclose(f);
  f = open_out(dir, "frexp");
  for (int i = 0; i < n; i++) {
    __float128 a = rval(); int e = 0;
    __float128 m = frexpq(a, &e);
    ph(f, a); fputc(' ', f); ph(f, m); fprintf(f, " %d\n", isnanq(a) || isinfq(a) ? 0 : e);
  }
  fclose(f);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  int N = 10000, T = 2000;
  gen_binary(dir, "add", 0, N); gen_binary(dir, "sub", 1, N);
  gen_binary(dir, "mul", 2, N); gen_binary(dir, "div", 3, N);
  gen_sqrt(dir, N); gen_fma(dir, N);
  gen_conv(dir, 3000); gen_strings(dir, 3000); gen_exact(dir, 1000);
  mp_setup();
  gen_unary(dir, "exp", (mf1)mpfr_exp, -11400, 11400, T); gen_unary(dir, "exp2", (mf1)mpfr_exp2, -16500, 16400, T);
  gen_unary(dir, "expm1", (mf1)mpfr_expm1, -50, 50, T); gen_unary(dir, "log", (mf1)mpfr_log, 0, 1e10Q, T);
  gen_unary(dir, "log2", (mf1)mpfr_log2, 0, 1e10Q, T); gen_unary(dir, "log10", (mf1)mpfr_log10, 0, 1e10Q, T);
  gen_unary(dir, "log1p", (mf1)mpfr_log1p, -1, 10, T); gen_unary(dir, "sin", (mf1)mpfr_sin, -100, 100, T);
  gen_unary(dir, "cos", (mf1)mpfr_cos, -100, 100, T); gen_unary(dir, "tan", (mf1)mpfr_tan, -100, 100, T);
  gen_unary(dir, "asin", (mf1)mpfr_asin, -1, 1, T); gen_unary(dir, "acos", (mf1)mpfr_acos, -1, 1, T);
  gen_unary(dir, "atan", (mf1)mpfr_atan, -100, 100, T); gen_unary(dir, "sinh", (mf1)mpfr_sinh, -12000, 12000, T);
  gen_unary(dir, "cosh", (mf1)mpfr_cosh, -12000, 12000, T); gen_unary(dir, "tanh", (mf1)mpfr_tanh, -50, 50, T);
  gen_unary(dir, "asinh", (mf1)mpfr_asinh, -1e6Q, 1e6Q, T); gen_unary(dir, "acosh", (mf1)mpfr_acosh, 1, 1e6Q, T);
  gen_unary(dir, "atanh", (mf1)mpfr_atanh, -1, 1, T); gen_unary(dir, "cbrt", (mf1)mpfr_cbrt, -1e30Q, 1e30Q, T);
  gen_bin2(dir, "atan2", (mf2)mpfr_atan2, T); gen_bin2(dir, "pow", (mf2)mpfr_pow, T); gen_bin2(dir, "hypot", (mf2)mpfr_hypot, T);
  return 0;
}
