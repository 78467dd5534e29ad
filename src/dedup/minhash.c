/* minhash.c — MinHash signatures and LSH banding.
 *
 * One permutation hashing (Li, Owen and Zhang 2012): each shingle hash is
 * already a uniform 64-bit value, so its high bits pick one of the perms
 * bins and its low 32 bits are its rank there; a bin keeps its smallest
 * rank.  One multiply per shingle instead of one per shingle and
 * permutation (128 times cheaper), and two sets agree on a bin with
 * probability equal to their Jaccard, as with k permutations.  A bin no
 * shingle fell in takes the value of a bin drawn by a fixed sequence of
 * its own until a filled one comes up (Shrivastava's optimal
 * densification, 2017), which keeps that probability for short reports.
 * Everything is a fixed function of the shingle hashes, so signatures are
 * the same in every run and every process. */
#include <math.h>
#include <string.h>

#include "dedup/dedup.h"

static uint64_t splitmix64(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void cr_minhash(const uint64_t *sh, size_t n, size_t perms, uint32_t *sig) {
  uint8_t filled[CR_DEDUP_MAX_PERMS];
  if (perms > CR_DEDUP_MAX_PERMS) perms = CR_DEDUP_MAX_PERMS;
  memset(filled, 0, perms);
  for (size_t i = 0; i < perms; i++) sig[i] = UINT32_MAX;
  for (size_t j = 0; j < n; j++) {
    size_t bin = (size_t)(((sh[j] >> 32) * perms) >> 32);
    uint32_t rank = (uint32_t)sh[j];
    filled[bin] = 1;
    if (rank < sig[bin]) sig[bin] = rank;
  }
  if (!n) return;
  /* densification: bin i borrows from the first filled bin of its own
   * sequence (the same sequence in every signature); the loop ends since
   * one bin at least is filled */
  for (size_t i = 0; i < perms; i++) {
    if (filled[i]) continue;
    uint64_t seed = 0x63726F7373726561ull ^ i; /* "crossrea" */
    size_t b;
    do b = (size_t)(((splitmix64(&seed) >> 32) * perms) >> 32);
    while (!filled[b]);
    sig[i] = sig[b];
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

/* Standard deviations under the expected agreement (normal tail ~1e-6;
 * one permutation hashing varies less than independent permutations). */
#define SIG_Z 4.75

double cr_minhash_min_agree(double p, size_t perms, double eff) {
  if (eff > (double)perms) eff = (double)perms;
  if (eff < 1) eff = 1;
  return (double)perms * (p - SIG_Z * sqrt(p * (1 - p) / eff));
}
