/* minhash.c — MinHash signatures and LSH banding.
 *
 * Permutation i maps a 64-bit shingle hash x to the high 32 bits of
 * a_i * x + b_i (mod 2^64) with odd a_i: Dietzfelbinger's multiply-shift,
 * a 2-universal family, one multiply per shingle and permutation.  The
 * a_i, b_i come from a fixed splitmix64 stream so signatures are the same
 * in every run and every process (the store can keep them). */
#include <math.h>

#include "dedup/dedup.h"

static uint64_t splitmix64(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void cr_minhash(const uint64_t *sh, size_t n, size_t perms, uint32_t *sig) {
  uint64_t a[CR_DEDUP_MAX_PERMS], b[CR_DEDUP_MAX_PERMS];
  uint64_t seed = 0x63726F7373726561ull; /* "crossrea" */
  if (perms > CR_DEDUP_MAX_PERMS) perms = CR_DEDUP_MAX_PERMS;
  for (size_t i = 0; i < perms; i++) {
    a[i] = splitmix64(&seed) | 1;
    b[i] = splitmix64(&seed);
    sig[i] = UINT32_MAX;
  }
  for (size_t j = 0; j < n; j++) {
    uint64_t x = sh[j];
    for (size_t i = 0; i < perms; i++) {
      uint32_t h = (uint32_t)((a[i] * x + b[i]) >> 32);
      if (h < sig[i]) sig[i] = h;
    }
  }
}

double cr_lsh_candidate_prob(double j, size_t rows, size_t bands) {
  return 1.0 - pow(1.0 - pow(j, (double)rows), (double)bands);
}

size_t cr_lsh_rows(double threshold, size_t perms) {
  size_t best = 1;
  for (size_t r = 1; r <= perms; r++)
    if (cr_lsh_candidate_prob(threshold, r, perms / r) >= 0.995) best = r;
  return best;
}
