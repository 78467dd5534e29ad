/* replay.c — replays a fuzz harness's committed corpus under the normal
 * test suite, so every crash ever found stays fixed in `make test` and
 * `make sanitize`, without clang or libFuzzer.
 *
 * Linked with one tests/fuzz/fuzz_<name>.c (FUZZ_NAME is its name).  With
 * no arguments it feeds every file of tests/fuzz/corpus/<name>/ to
 * LLVMFuzzerTestOneInput; with arguments, those files.  A failed invariant
 * aborts, which fails the test. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a harness, as in libFuzzer. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: %s: cannot open\n", path);
    return -1;
  }
  size_t cap = 4096, n = 0, got;
  uint8_t *buf = malloc(cap);
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      uint8_t *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  fclose(f);
  if (!buf) return -1;
  /* An exact-size copy, so reads past the end are caught by ASan. */
  uint8_t *exact = malloc(n ? n : 1);
  if (!exact) { free(buf); return -1; }
  memcpy(exact, buf, n);
  free(buf);
  LLVMFuzzerTestOneInput(exact, n);
  free(exact);
  return 0;
}

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  int bad = 0, count = 0;
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  if (argc > 1) {
    for (int i = 1; i < argc; i++, count++) bad |= replay_file(argv[i]);
  } else {
    const char *dir = "tests/fuzz/corpus/" FUZZ_NAME;
    DIR *d = opendir(dir);
    if (!d) { /* a harness merged before its seeds: nothing to replay */
      printf("[     SKIP ] %s: no corpus in %s\n", FUZZ_NAME, dir);
      return 0;
    }
    char *names[4096];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) && nn < sizeof names / sizeof *names)
      if (e->d_name[0] != '.') names[nn++] = strdup(e->d_name);
    closedir(d);
    qsort(names, nn, sizeof *names, cmp_name);
    for (size_t i = 0; i < nn; i++, count++) {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", dir, names[i]);
      bad |= replay_file(path);
      free(names[i]);
    }
  }
  printf("[ %s ] %s: %d corpus input%s replayed\n", bad ? "FAILED" : "    OK",
         FUZZ_NAME, count, count == 1 ? "" : "s");
  return bad ? 1 : 0;
}
