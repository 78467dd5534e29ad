/* cmd_entities.c — crossread entities: the people, organisations and
 * places of the reports, one entry per real-world entity with the
 * spellings merged into it and where it is mentioned. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "cli/cli.h"
#include "report/jsonw.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread entities [options] INPUT...\n"
      "\n"
      "Prints the entities of the reports as JSON: canonical name, type\n"
      "(person, org, place, other), aliases (other spellings merged in),\n"
      "number of mentions and reports, and each mention (report id, byte\n"
      "span, text, how it was found: name, role or pronoun).\n"
      "\n"
      "options:\n"
      "  -a, --all             include untyped names mentioned once\n"
      "  -m, --no-mentions     leave out the mention list\n"
      "  -o, --output FILE     write to FILE instead of stdout\n"
      CLI_LIMIT_HELP
      "  -q, --quiet           no progress on stderr\n"
      "  -h, --help            this help\n",
      f);
}

static const char *via_name(uint8_t v) {
  return v == CR_VIA_ROLE ? "role" : v == CR_VIA_PRONOUN ? "pronoun" : "name";
}

/* Entities are listed most mentioned first, then by name. */
typedef struct ent_row {
  uint32_t id, mentions;
  const char *name;
} ent_row;

static int cmp_row(const void *a, const void *b) {
  const ent_row *x = a, *y = b;
  if (x->mentions != y->mentions) return x->mentions > y->mentions ? -1 : 1;
  return strcmp(x->name, y->name);
}

static int write_entities(cr_corpus *c, FILE *f, int all, int mentions) {
  cr_jw w;
  cr_jw_init(&w, f, 1);
  size_t n = c->ents.n;
  ent_row *order = malloc((n ? n : 1) * sizeof *order);
  if (!order) return -1;
  size_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    const cr_entity *e = &c->ents.v[i];
    if (!cr_entity_is_root(c->ents.v, i)) continue;
    if (!all && e->type == CR_ENT_OTHER && e->mentions < 2) continue;
    order[k++] = (ent_row){i, e->mentions, e->name};
  }
  qsort(order, k, sizeof *order, cmp_row);
  cr_jw_object(&w);
  cr_jw_kstr(&w, "crossread", CR_SCHEMA_VERSION);
  cr_jw_key(&w, "entities");
  cr_jw_array(&w);
  for (size_t oi = 0; oi < k; oi++) {
    uint32_t id = order[oi].id;
    const cr_entity *e = &c->ents.v[id];
    cr_jw_object(&w);
    cr_jw_kstr(&w, "name", e->name);
    cr_jw_kstr(&w, "type", cr_ent_type_name((cr_ent_type)e->type));
    cr_jw_key(&w, "aliases");
    cr_jw_array(&w);
    for (size_t a = 0; a < e->aliases.n; a++) cr_jw_string(&w, e->aliases.v[a]);
    cr_jw_array_end(&w);
    cr_jw_kint(&w, "mentions", e->mentions);
    cr_jw_kint(&w, "reports", e->docs);
    if (mentions) {
      cr_jw_key(&w, "mentioned");
      cr_jw_array(&w);
      for (size_t di = 0; di < cr_corpus_doc_count(c); di++) {
        const cr_doc *d = cr_corpus_doc(c, di);
        for (size_t m = 0; m < d->nments; m++) {
          const cr_mention *mm = &d->ments[m];
          if (mm->entity != id) continue;
          cr_jw_object(&w);
          cr_jw_kstr(&w, "doc", cr_doc_id(d));
          cr_jw_key(&w, "span");
          cr_jw_array(&w);
          cr_jw_int(&w, mm->span.start);
          cr_jw_int(&w, mm->span.end);
          cr_jw_array_end(&w);
          cr_jw_key(&w, "text");
          cr_jw_stringn(&w, d->text + mm->span.start, mm->span.end - mm->span.start);
          cr_jw_kstr(&w, "via", via_name(mm->via));
          cr_jw_object_end(&w);
        }
      }
      cr_jw_array_end(&w);
    }
    cr_jw_object_end(&w);
  }
  cr_jw_array_end(&w);
  cr_jw_object_end(&w);
  free(order);
  return cr_jw_finish(&w);
}

int cmd_entities(int argc, char **argv) {
  static const struct option opts[] = {{"all", no_argument, 0, 'a'},
                                       {"no-mentions", no_argument, 0, 'm'},
                                       {"output", required_argument, 0, 'o'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       CLI_LIMIT_OPT, {0, 0, 0, 0}};
  int all = 0, mentions = 1, quiet = 0, ch;
  const char *out = NULL;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "amo:L:qh", opts, NULL)) != -1) {
    switch (ch) {
      case 'a': all = 1; break;
      case 'm': mentions = 0; break;
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "entities")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("entities", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) {
    fprintf(stderr, "crossread entities: %s\n", cr_status_str(st));
    goto done;
  }
  FILE *f = cli_output(out);
  if (!f) goto done;
  int bad = write_entities(c, f, all, mentions) != 0;
  if (cli_close_output(f, out) || bad) goto done;
  rc = cr_corpus_doc_count(c) ? cli_exit_code(c) : CLI_INPUT_FAILED;
done:
  cr_corpus_free(c);
  return rc;
}
