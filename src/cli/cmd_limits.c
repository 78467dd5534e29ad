/* cmd_limits.c — crossread limits: every input limit with its default and
 * the --limit name that changes it, printed from the library's table so
 * it cannot drift from the code. */
#include <string.h>

#include "cli/cli.h"

static void usage(FILE *f) {
  fputs("usage: crossread limits\n"
        "\n"
        "Lists every input limit: its --limit NAME, default, what it bounds\n"
        "and what happens to an input past it.  Any command that reads\n"
        "input takes --limit NAME=VALUE (VALUE may end in K, M or G).\n",
        f);
}

/* 268435456 -> "256M": defaults are round binary sizes. */
static void put_size(FILE *f, size_t v, const char *unit) {
  static const char sfx[] = "KMG";
  int k = -1;
  if (!strcmp(unit, "bytes"))
    while (k < 2 && v >= 1024 && v % 1024 == 0) v /= 1024, k++;
  if (k >= 0) fprintf(f, "%zu%c", v, sfx[k]);
  else fprintf(f, "%zu", v);
}

int cmd_limits(int argc, char **argv) {
  if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
    usage(stdout);
    return CLI_OK;
  }
  if (argc > 1) {
    usage(stderr);
    return CLI_USAGE;
  }
  cr_limits l;
  cr_limits_default(&l);
  const cr_limit_info *li;
  for (size_t i = 0; (li = cr_limit_info_at(i)); i++) {
    printf("%-16s ", li->name);
    put_size(stdout, cr_limits_get(&l, i), li->unit);
    printf(" %s\n    %s; past it: %s.\n", li->unit, li->what, li->on_excess);
  }
  return CLI_OK;
}
