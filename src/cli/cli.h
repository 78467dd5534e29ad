/* cli.h — shared pieces of the subcommands: input loading with
 * diagnostics on stderr, output files, exit codes. */
#ifndef CR_CLI_H
#define CR_CLI_H
#include <stdio.h>

#include "crossread.h"

/* Exit codes: success, some inputs failed (others processed), bad usage. */
enum { CLI_OK = 0, CLI_INPUT_FAILED = 1, CLI_USAGE = 2 };

typedef struct cli_cmd {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);
} cli_cmd;

int cmd_clean(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_numbers(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_stories(int argc, char **argv);

/* Adds every path to the corpus and prints each diagnostic as
 * "crossread: FILE[:LINE]: message".  Returns -1 when out of memory. */
int cli_load(cr_corpus *c, char **paths, int npaths, int quiet);
/* Reads the inputs argv[first..argc) into a new corpus for command cmd.
 * lim may be NULL for the defaults.  Returns CLI_OK with *out set; CLI_USAGE when there is no input (the
 * message is printed, the caller prints its usage); CLI_INPUT_FAILED when
 * out of memory. */
int cli_read_inputs(const char *cmd, const cr_limits *lim, int argc,
                    char **argv, int first, int quiet, cr_corpus **out);
/* Prints diagnostics recorded since *shown and advances it. */
void cli_print_diags(const cr_corpus *c, size_t *shown);
/* Opens -o FILE (or stdout for NULL or "-"); prints an error on failure. */
FILE *cli_output(const char *path);
/* Closes an output opened by cli_output; returns -1 on a write error. */
int cli_close_output(FILE *f, const char *path);
/* The exit code for a run that got this far. */
int cli_exit_code(const cr_corpus *c);
/* Parses a format name; -1 when unknown. */
int cli_format(const char *s);
/* Parses a positive count; -1 when not a number in [1, max]. */
long cli_count(const char *s, long max);
/* hardening: writes a file name on one line, control characters and
 * invalid UTF-8 bytes escaped as \xNN. */
void cli_put_name(FILE *f, const char *name);
/* hardening: applies "--limit NAME=VALUE" to l; prints a message naming
 * the valid limits and returns -1 when it is not valid. */
int cli_limit_option(cr_limits *l, const char *arg, const char *cmd);
/* hardening: every command that reads reports takes -L/--limit (its
 * getopt_long entry, "L:" in its short options, a 'L' case calling
 * cli_limit_option, and this line in its usage). */
#define CLI_LIMIT_OPT {"limit", required_argument, 0, 'L'}
#define CLI_LIMIT_HELP \
  "  -L, --limit NAME=VALUE  change an input limit (see 'crossread limits')\n"
int cmd_limits(int argc, char **argv);
#endif
