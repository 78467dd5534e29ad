/* main.c — crossread: dispatches to one subcommand per file. */
#include <string.h>

#include "cli/cli.h"

static const cli_cmd commands[] = {
    {"add", "add reports to a story store (--db FILE)", cmd_add},
    {"brief", "a cited brief of each story in the reports", cmd_brief},
    {"clean", "the reports as clean paragraphs and sentences", cmd_clean},
    {"cluster", "a story id per report (one story per event)", cmd_cluster},
    {"dedup", "exact, near-duplicate and derived (wire) copies", cmd_dedup},
    {"quotes", "who said what: attributions with speaker, cue, content", cmd_quotes},
    {"entities", "people, organisations and places with their aliases", cmd_entities},
    {"numbers", "numbers and dates, normalised, per report", cmd_numbers},
    {"limits", "the input limits, their defaults and --limit names", cmd_limits},
    {"report", "a static HTML site (index + story pages) from a store", cmd_report},
    {"extract", "the article text and metadata found in each input", cmd_extract},
    {"stories", "the stories of a story store (--db FILE)", cmd_stories},
};

static void usage(FILE *f) {
  fputs("usage: crossread COMMAND [options] INPUT...\n\ncommands:\n", f);
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
  fputs("\n'crossread COMMAND --help' describes a command.\n"
        "crossread " CR_VERSION "\n", f);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return CLI_USAGE;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return CLI_OK;
  }
  if (!strcmp(argv[1], "--version")) {
    puts("crossread " CR_VERSION);
    return CLI_OK;
  }
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (!strcmp(argv[1], commands[i].name))
      return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "crossread: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return CLI_USAGE;
}
