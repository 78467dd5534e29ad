/* common.c — see cli.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

void cli_print_diags(const cr_corpus *c, size_t *shown) {
  size_t n = cr_corpus_diag_count(c);
  for (; *shown < n; (*shown)++) {
    const cr_diag *d = cr_corpus_diag(c, *shown);
    if (d->line)
      fprintf(stderr, "crossread: %s:%zu: %s%s\n", d->file, d->line,
              d->severity == CR_WARNING ? "warning: " : "", d->message);
    else
      fprintf(stderr, "crossread: %s: %s%s\n", d->file,
              d->severity == CR_WARNING ? "warning: " : "", d->message);
  }
}

int cli_load(cr_corpus *c, char **paths, int npaths, int quiet) {
  size_t shown = 0;
  int progress = !quiet && isatty(2) && npaths > 1;
  for (int i = 0; i < npaths; i++) {
    if (progress)
      fprintf(stderr, "\rcrossread: reading %d/%d ...", i + 1, npaths);
    cr_status st = cr_corpus_add_path(c, paths[i], CR_INPUT_AUTO);
    if (progress) fputs("\r\033[K", stderr);
    cli_print_diags(c, &shown);
    if (st == CR_ERR_NOMEM) {
      fprintf(stderr, "crossread: %s: out of memory\n", paths[i]);
      return -1;
    }
  }
  return 0;
}

int cli_read_inputs(const char *cmd, int argc, char **argv, int first,
                    int quiet, cr_corpus **out) {
  *out = NULL;
  if (first >= argc) {
    fprintf(stderr, "crossread %s: no input (give files, directories or -)\n", cmd);
    return CLI_USAGE;
  }
  cr_corpus *c = cr_corpus_new(NULL);
  if (!c || cli_load(c, argv + first, argc - first, quiet)) {
    fputs("crossread: out of memory\n", stderr);
    cr_corpus_free(c);
    return CLI_INPUT_FAILED;
  }
  *out = c;
  return CLI_OK;
}

FILE *cli_output(const char *path) {
  if (!path || strcmp(path, "-") == 0) return stdout;
  FILE *f = fopen(path, "w");
  if (!f) fprintf(stderr, "crossread: %s: cannot write: %s\n", path, strerror(errno));
  return f;
}

int cli_close_output(FILE *f, const char *path) {
  int bad = ferror(f);
  if (f == stdout) bad |= fflush(f) != 0;
  else bad |= fclose(f) != 0;
  if (bad)
    fprintf(stderr, "crossread: %s: write error\n", path && f != stdout ? path : "stdout");
  return bad ? -1 : 0;
}

int cli_exit_code(const cr_corpus *c) {
  return cr_corpus_failed_inputs(c) ? CLI_INPUT_FAILED : CLI_OK;
}

int cli_format(const char *s) {
  if (!strcmp(s, "json")) return CR_FORMAT_JSON;
  if (!strcmp(s, "jsonl")) return CR_FORMAT_JSONL;
  if (!strcmp(s, "md") || !strcmp(s, "markdown")) return CR_FORMAT_MARKDOWN;
  if (!strcmp(s, "text") || !strcmp(s, "txt")) return CR_FORMAT_TEXT;
  if (!strcmp(s, "html")) return CR_FORMAT_HTML;
  return -1;
}

long cli_count(const char *s, long max) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < 1 || v > max) return -1;
  return v;
}
