/* cmd_store.c — the story store commands: crossread add, crossread stories. */
#include <getopt.h>
#include <signal.h>
#include <string.h>

#include "cli/cli.h"
#include "report/jsonw.h"

static void add_usage(FILE *f) {
  fputs(
      "usage: crossread add --db FILE [options] INPUT...\n"
      "\n"
      "Adds the reports to the story store FILE (created when missing): each\n"
      "joins a stored story or starts a new one.  A report whose body is\n"
      "already stored is skipped with a message.  Each report is written in\n"
      "its own transaction and printed on stdout once it is stored, so an\n"
      "interrupted add keeps every report it printed; run it again to add\n"
      "the rest.\n"
      "\n"
      "options:\n"
      "      --db FILE          the store (SQLite)\n"
      CLI_LIMIT_HELP
      "  -q, --quiet            no progress or summary on stderr\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 some inputs failed or the store could not be\n"
      "written (the message says why), 2 usage error.\n",
      f);
}

typedef struct add_out {
  cr_corpus *c;
  size_t added, stories, skipped;
  int quiet;
} add_out;

static void on_event(void *ctx, const cr_store_event *e) {
  add_out *o = ctx;
  const cr_doc *d = cr_corpus_doc(o->c, e->doc);
  switch (e->outcome) {
    case CR_STORE_NEW_STORY:
      o->stories++;
      /* fall through */
    case CR_STORE_JOINED:
      o->added++;
      /* the id comes from the input: escaped, so it cannot forge a line */
      fputs("added ", stdout);
      cli_put_name(stdout, cr_doc_id(d));
      printf(": report %lld, story %lld%s\n", (long long)e->report, (long long)e->story,
             e->outcome == CR_STORE_NEW_STORY ? " (new)" : "");
      fflush(stdout); /* a reader of our output sees it as soon as it is stored */
      break;
    case CR_STORE_SKIPPED_SAME:
      o->skipped++;
      fputs("crossread add: ", stderr);
      cli_put_name(stderr, cr_doc_file(d));
      fputs(": ", stderr);
      cli_put_name(stderr, cr_doc_id(d));
      fprintf(stderr, " is already stored (report %lld, story %lld); skipped\n",
              (long long)e->report, (long long)e->story);
      break;
    case CR_STORE_SKIPPED_EMPTY: o->skipped++; break; /* a diagnostic says it */
  }
}

/* Parses --db and the common options; returns the first input index or
 * -1 (usage printed), -2 for --help. */
int cmd_add(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       CLI_LIMIT_OPT, {0, 0, 0, 0}};
  const char *db = NULL;
  int quiet = 0, ch;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'd': db = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "add")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': add_usage(stdout); return CLI_OK;
      default: add_usage(stderr); return CLI_USAGE;
    }
  }
  if (!db) {
    fputs("crossread add: give the store with --db FILE\n", stderr);
    add_usage(stderr);
    return CLI_USAGE;
  }
  /* A file size limit (ulimit -f) must surface as a write error SQLite
   * rolls back, not as a signal that kills us. */
  signal(SIGXFSZ, SIG_IGN);
  cr_corpus *c;
  int rc = cli_read_inputs("add", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) add_usage(stderr);
  if (rc != CLI_OK) return rc;
  char err[512];
  cr_store *s = NULL;
  rc = CLI_INPUT_FAILED;
  cr_status st = cr_store_open(db, CR_STORE_WRITE, &s, err, sizeof err);
  if (st != CR_OK) {
    fprintf(stderr, "crossread add: %s\n", err);
    goto done;
  }
  add_out o = {c, 0, 0, 0, quiet};
  size_t shown = cr_corpus_diag_count(c);
  st = cr_store_add(s, c, on_event, &o);
  cli_print_diags(c, &shown);
  if (st != CR_OK) {
    fprintf(stderr, "crossread add: %s\n", cr_store_errmsg(s));
    fprintf(stderr, "crossread add: stopped; %zu report%s stored before the error\n",
            o.added, o.added == 1 ? "" : "s");
    goto done;
  }
  if (!quiet)
    fprintf(stderr, "crossread add: %zu added (%zu new stor%s), %zu skipped\n", o.added,
            o.stories, o.stories == 1 ? "y" : "ies", o.skipped);
  rc = ferror(stdout) ? CLI_INPUT_FAILED : cli_exit_code(c);
done:
  cr_store_close(s);
  cr_corpus_free(c);
  return rc;
}

static void stories_usage(FILE *f) {
  fputs(
      "usage: crossread stories --db FILE [options]\n"
      "\n"
      "Lists the stories of the store, most recently seen first: id, reports,\n"
      "sources, first and last seen (when the store got its first and latest\n"
      "report), the earliest report date when known, headline.\n"
      "\n"
      "options:\n"
      "      --db FILE          the store (SQLite)\n"
      "  -f, --format text|json output format (default text)\n"
      "  -o, --output FILE      write to FILE instead of stdout\n"
      "  -h, --help             this help\n"
      "\n"
      "exit status: 0 ok, 1 the store could not be read, 2 usage error.\n",
      f);
}

typedef struct list_out {
  FILE *f;
  cr_jw *w;
} list_out;

static int on_story(void *ctx, const cr_story_info *s) {
  list_out *o = ctx;
  if (o->w) {
    cr_jw *w = o->w;
    cr_jw_object(w);
    cr_jw_kint(w, "id", (long long)s->id);
    cr_jw_key(w, "headline");
    cr_jw_string(w, s->headline);
    cr_jw_kint(w, "reports", (long long)s->reports);
    cr_jw_kint(w, "sources", (long long)s->sources);
    cr_jw_kstr(w, "first_seen", s->first_seen);
    cr_jw_kstr(w, "last_seen", s->last_seen);
    cr_jw_kstr(w, "first_date", s->first_date);
    cr_jw_kstr(w, "last_date", s->last_date);
    cr_jw_object_end(w);
  } else {
    fprintf(o->f, "%lld\t%zu\t%zu\t%s\t%s\t%s\t%s\n", (long long)s->id, s->reports,
            s->sources, s->first_seen ? s->first_seen : "-",
            s->last_seen ? s->last_seen : "-", s->first_date ? s->first_date : "-",
            s->headline ? s->headline : "(no headline)");
  }
  return 0;
}

int cmd_stories(int argc, char **argv) {
  static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                       {"format", required_argument, 0, 'f'},
                                       {"output", required_argument, 0, 'o'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  const char *db = NULL, *out = NULL;
  int json = 0, ch;
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
    switch (ch) {
      case 'd': db = optarg; break;
      case 'f':
        if (!strcmp(optarg, "json")) json = 1;
        else if (!strcmp(optarg, "text")) json = 0;
        else {
          fprintf(stderr, "crossread stories: unknown format '%s' (text, json)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'o': out = optarg; break;
      case 'h': stories_usage(stdout); return CLI_OK;
      default: stories_usage(stderr); return CLI_USAGE;
    }
  }
  if (!db || optind < argc) {
    fputs(db ? "crossread stories: takes no inputs\n"
             : "crossread stories: give the store with --db FILE\n",
          stderr);
    stories_usage(stderr);
    return CLI_USAGE;
  }
  char err[512];
  cr_store *s = NULL;
  if (cr_store_open(db, CR_STORE_READ, &s, err, sizeof err) != CR_OK) {
    fprintf(stderr, "crossread stories: %s\n", err);
    return CLI_INPUT_FAILED;
  }
  int rc = CLI_INPUT_FAILED;
  FILE *f = cli_output(out);
  if (!f) goto done;
  cr_jw w;
  list_out o = {f, NULL};
  if (json) {
    cr_jw_init(&w, f, 1);
    cr_jw_object(&w);
    cr_jw_kstr(&w, "crossread", CR_SCHEMA_VERSION);
    cr_jw_key(&w, "stories");
    cr_jw_array(&w);
    o.w = &w;
  } else {
    fputs("id\treports\tsources\tfirst_seen\tlast_seen\tdate\theadline\n", f);
  }
  cr_status st = cr_store_stories(s, on_story, &o);
  int bad = 0;
  if (json) {
    cr_jw_array_end(&w);
    cr_jw_object_end(&w);
    bad = cr_jw_finish(&w);
  }
  if (st != CR_OK) fprintf(stderr, "crossread stories: %s\n", cr_store_errmsg(s));
  if (cli_close_output(f, out) || bad || st != CR_OK) goto done;
  rc = CLI_OK;
done:
  cr_store_close(s);
  return rc;
}
