/* bench/story_speed.c — how long a brief of a big story takes.
 *
 *   build/bench/story_speed NEUS_SOURCE [N...]
 *
 * Builds stories of N reports (default 50 and 1000) from the articles of
 * a NeuS source file (three per line, "TITLE=> t ARTICLE=> a" separated by
 * " [SEP] ", taken in file order, so a story mixes events as a badly
 * clustered feed would), and times cr_brief_new on each: analysis,
 * summary and the cross-source alignment (facts, discrepancies, flags).
 * Prints seconds, reports/s, MB/s and peak RSS.  Timings are wall clock
 * on one core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/corpus.h"
#include "summarize/summarize.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct art {
  char *title, *text;
} art;

static char *dup_range(const char *s, size_t n) {
  while (n && *s == ' ') s++, n--;
  while (n && s[n - 1] == ' ') n--;
  char *o = malloc(n + 1);
  if (!o) return NULL;
  memcpy(o, s, n);
  o[n] = 0;
  return o;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: story_speed NEUS_SOURCE [N...]\n", stderr);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    printf("story_speed: %s not found, skipping\n", argv[1]);
    return 0;
  }
  size_t sizes[16] = {50, 1000}, nsizes = 2, maxn = 0;
  if (argc > 2) {
    nsizes = 0;
    for (int i = 2; i < argc && nsizes < 16; i++) sizes[nsizes++] = (size_t)atol(argv[i]);
  }
  for (size_t i = 0; i < nsizes; i++)
    if (sizes[i] > maxn) maxn = sizes[i];
  art *arts = calloc(maxn, sizeof *arts);
  size_t na = 0, cap = 0;
  char *line = NULL;
  ssize_t len;
  while (na < maxn && (len = getline(&line, &cap, f)) > 0) {
    char *p = line;
    line[strcspn(line, "\r\n")] = 0;
    while (p && *p && na < maxn) {
      char *sep = strstr(p, " [SEP] ");
      size_t n = sep ? (size_t)(sep - p) : strlen(p);
      char *a = strstr(p, "ARTICLE=>");
      if (a && (size_t)(a - p) < n) {
        char *t = strstr(p, "TITLE=>");
        arts[na].title = t && t < a ? dup_range(t + 7, (size_t)(a - t - 7)) : NULL;
        arts[na].text = dup_range(a + 9, n - (size_t)(a + 9 - p));
        na++;
      }
      p = sep ? sep + 7 : NULL;
    }
  }
  free(line);
  fclose(f);
  for (size_t s = 0; s < nsizes; s++) {
    size_t n = sizes[s] < na ? sizes[s] : na, bytes = 0;
    double t0 = now();
    cr_corpus *c = cr_corpus_new(NULL);
    for (size_t i = 0; i < n; i++) {
      char id[32];
      snprintf(id, sizeof id, "r%zu", i);
      size_t tl = strlen(arts[i].text);
      bytes += tl;
      cr_doc *d = cr_corpus_add_doc(c, "neus", i + 1, id, arts[i].text, tl, arts[i].text, tl);
      if (d && arts[i].title) d->meta.title = cr_arena_strdup(c->arena, arts[i].title);
    }
    cr_brief_options o = {5, 0};
    cr_brief *b = NULL;
    cr_status st = cr_brief_new(c, &o, &b);
    double t = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("story of %zu reports: %.3f s (%.0f reports/s, %.2f MB/s), %zu facts, "
           "%zu discrepancies, peak RSS %.1f MB%s\n",
           n, t, n / t, bytes / 1e6 / t, b && b->align ? b->align->nfacts : 0,
           b && b->align ? b->align->ndiscs : 0, ru.ru_maxrss / 1024.0,
           st == CR_OK ? "" : " (brief failed)");
    cr_brief_free(b);
    cr_corpus_free(c);
  }
  for (size_t i = 0; i < na; i++) free(arts[i].title), free(arts[i].text);
  free(arts);
  return 0;
}
