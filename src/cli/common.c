/* common.c — see cli.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
/* The strict UTF-8 decoder, to show file names safely. */
#include "text/text.h"

/* Writes a file name for a one-line message: control characters (a
 * newline in a name would forge a second diagnostic line) and bytes that
 * are not UTF-8 are shown as \xNN; everything else as it is. */
void cli_put_name(FILE *f, const char *name) {
  size_t n = strlen(name), i = 0;
  while (i < n) {
    unsigned char ch = (unsigned char)name[i];
    size_t at = i;
    if (ch >= 0x80) {
      if (cr_utf8_next(name, n, &i) >= 0) {
        fwrite(name + at, 1, i - at, f);
        continue;
      }
      i = at;
    }
    if (ch < 0x20 || ch == 0x7F || ch >= 0x80) fprintf(f, "\\x%02X", ch);
    else if (ch == '\\') fputs("\\\\", f);
    else fputc(ch, f);
    i++;
  }
}

/* The diagnostics are formatted into memory and written with one call:
 * stderr is unbuffered, and a syscall per fragment made a file with many
 * bad lines cost minutes. */
void cli_print_diags(const cr_corpus *c, size_t *shown) {
  size_t n = cr_corpus_diag_count(c);
  if (*shown >= n) return;
  char *mem = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&mem, &len);
  FILE *f = m ? m : stderr;
  for (; *shown < n; (*shown)++) {
    const cr_diag *d = cr_corpus_diag(c, *shown);
    fputs("crossread: ", f);
    cli_put_name(f, d->file);
    if (d->line) fprintf(f, ":%zu", d->line);
    fprintf(f, ": %s%s\n", d->severity == CR_WARNING ? "warning: " : "",
            d->message);
  }
  if (m) {
    fclose(m);
    fwrite(mem, 1, len, stderr);
    free(mem);
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

int cli_read_inputs(const char *cmd, const cr_limits *lim, int argc,
                    char **argv, int first, int quiet, cr_corpus **out) {
  *out = NULL;
  if (first >= argc) {
    fprintf(stderr, "crossread %s: no input (give files, directories or -)\n", cmd);
    return CLI_USAGE;
  }
  cr_corpus *c = cr_corpus_new(lim);
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

int cli_limit_option(cr_limits *l, const char *arg, const char *cmd) {
  const char *eq = strchr(arg, '=');
  char name[64];
  size_t n = eq ? (size_t)(eq - arg) : 0;
  if (eq && n < sizeof name) {
    memcpy(name, arg, n);
    name[n] = '\0';
    if (cr_limits_set(l, name, eq + 1) == CR_OK) return 0;
  }
  fprintf(stderr,
          "crossread %s: --limit wants NAME=VALUE with a positive VALUE "
          "(K, M, G suffixes) and NAME one of:", cmd);
  const cr_limit_info *li;
  for (size_t i = 0; (li = cr_limit_info_at(i)); i++)
    fprintf(stderr, " %s", li->name);
  fprintf(stderr, "; got '%s' (see 'crossread limits')\n", arg);
  return -1;
}
