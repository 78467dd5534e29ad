/* cmd_quotes.c — crossread quotes: who said what, one JSON line per
 * report (the contract bench/quotes-eval and eval_quotes.py read). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "cli/cli.h"
#include "report/jsonw.h"

static void usage(FILE *f) {
  fputs(
      "usage: crossread quotes [options] INPUT...\n"
      "\n"
      "Prints, for each report, its attributions: who (source), the cue\n"
      "(a reporting verb or \"according to\", with its polarity), what was\n"
      "said (content), the speaker's canonical name and the kind (direct,\n"
      "indirect, mixed).  One JSON line per report:\n"
      "  {\"doc\": ID, \"attributions\": [{\"source\": [[s,e]], \"cue\": [[s,e]],\n"
      "   \"content\": [[s,e],...], \"speaker\": NAME|null, \"kind\": K,\n"
      "   \"polarity\": P}]}\n"
      "Offsets are 0-based, end-exclusive, into the report's text.\n"
      "\n"
      "options:\n"
      "  -f, --format jsonl|json      one line per report (default), or one\n"
      "                               indented document per report\n"
      "      --offsets codepoint|byte  offset unit (default codepoint)\n"
      "  -t, --text                   add the text of each role\n"
      "  -o, --output FILE            write to FILE instead of stdout\n"
      CLI_LIMIT_HELP
      "  -q, --quiet                  no progress on stderr\n"
      "  -h, --help                   this help\n",
      f);
}

typedef struct out_ctx {
  cr_jw *w;
  const char *text;
  const uint32_t *cp; /* code point index of each byte, or NULL for bytes */
  int with_text;
} out_ctx;

static void span_list(out_ctx *o, const char *key, cr_span a, cr_span b) {
  cr_jw_key(o->w, key);
  cr_jw_array(o->w);
  cr_span s[2] = {a, b};
  for (int i = 0; i < 2; i++) {
    if (s[i].end <= s[i].start) continue;
    cr_jw_array(o->w);
    cr_jw_int(o->w, o->cp ? o->cp[s[i].start] : s[i].start);
    cr_jw_int(o->w, o->cp ? o->cp[s[i].end] : s[i].end);
    cr_jw_array_end(o->w);
  }
  cr_jw_array_end(o->w);
  if (o->with_text && a.end > a.start) {
    char k[32];
    snprintf(k, sizeof k, "%s_text", key);
    cr_jw_key(o->w, k);
    cr_jw_stringn(o->w, o->text + a.start, a.end - a.start);
  }
}

static int write_doc(cr_corpus *c, const cr_doc *d, FILE *f, int pretty,
                     int bytes, int with_text) {
  size_t len;
  const char *text = cr_doc_text(d, &len);
  uint32_t *cp = NULL;
  if (!bytes) {
    cp = malloc((len + 1) * sizeof *cp);
    if (!cp) return -1;
    uint32_t n = 0;
    for (size_t i = 0; i <= len; i++) {
      cp[i] = n;
      if (i < len && ((unsigned char)text[i] & 0xC0) != 0x80) n++;
    }
    /* a continuation byte maps to its character's index, not the next */
    for (size_t i = 0; i < len; i++)
      if (((unsigned char)text[i] & 0xC0) == 0x80) cp[i] = cp[i] - 1;
  }
  cr_jw w;
  cr_jw_init(&w, f, pretty);
  out_ctx o = {&w, text, cp, with_text};
  cr_jw_object(&w);
  cr_jw_kstr(&w, "doc", cr_doc_id(d));
  cr_jw_key(&w, "attributions");
  cr_jw_array(&w);
  cr_span none = {0, 0};
  for (size_t i = 0; i < d->nattrs; i++) {
    const cr_attr *a = &d->attrs[i];
    cr_jw_object(&w);
    span_list(&o, "source", a->source, none);
    span_list(&o, "cue", a->cue, none);
    span_list(&o, "content", a->content, a->content2);
    cr_jw_key(&w, "speaker");
    cr_jw_string(&w, cr_attr_speaker(c, d, a));
    cr_jw_kstr(&w, "kind", cr_attr_kind_name((cr_attr_kind)a->kind));
    cr_jw_kstr(&w, "polarity", cr_polarity_name((cr_polarity)a->polarity));
    cr_jw_object_end(&w);
  }
  cr_jw_array_end(&w);
  cr_jw_object_end(&w);
  free(cp);
  return cr_jw_finish(&w);
}

int cmd_quotes(int argc, char **argv) {
  static const struct option opts[] = {{"format", required_argument, 0, 'f'},
                                       {"offsets", required_argument, 0, 'O'},
                                       {"text", no_argument, 0, 't'},
                                       {"output", required_argument, 0, 'o'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"help", no_argument, 0, 'h'},
                                       CLI_LIMIT_OPT, {0, 0, 0, 0}};
  int fmt = CR_FORMAT_JSONL, quiet = 0, bytes = 0, with_text = 0, ch;
  const char *out = NULL;
  cr_limits lim;
  cr_limits_default(&lim);
  optind = 1;
  while ((ch = getopt_long(argc, argv, "f:o:L:qht", opts, NULL)) != -1) {
    switch (ch) {
      case 'f':
        fmt = cli_format(optarg);
        if (fmt != CR_FORMAT_JSON && fmt != CR_FORMAT_JSONL) {
          fprintf(stderr, "crossread quotes: unknown format '%s' (jsonl, json)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 'O':
        if (!strcmp(optarg, "byte") || !strcmp(optarg, "bytes")) bytes = 1;
        else if (!strcmp(optarg, "codepoint") || !strcmp(optarg, "codepoints")) bytes = 0;
        else {
          fprintf(stderr, "crossread quotes: unknown offsets '%s' (codepoint, byte)\n", optarg);
          return CLI_USAGE;
        }
        break;
      case 't': with_text = 1; break;
      case 'o': out = optarg; break;
      case 'L':
        if (cli_limit_option(&lim, optarg, "quotes")) return CLI_USAGE;
        break;
      case 'q': quiet = 1; break;
      case 'h': usage(stdout); return CLI_OK;
      default: usage(stderr); return CLI_USAGE;
    }
  }
  cr_corpus *c;
  int rc = cli_read_inputs("quotes", &lim, argc, argv, optind, quiet, &c);
  if (rc == CLI_USAGE) usage(stderr);
  if (rc != CLI_OK) return rc;
  rc = CLI_INPUT_FAILED;
  cr_status st = cr_corpus_analyze(c);
  if (st != CR_OK) {
    fprintf(stderr, "crossread quotes: %s\n", cr_status_str(st));
    goto done;
  }
  FILE *f = cli_output(out);
  if (!f) goto done;
  int bad = 0;
  for (size_t i = 0; i < cr_corpus_doc_count(c) && !bad; i++)
    bad = write_doc(c, cr_corpus_doc(c, i), f, fmt == CR_FORMAT_JSON, bytes,
                    with_text) != 0;
  if (cli_close_output(f, out) || bad) goto done;
  rc = cr_corpus_doc_count(c) ? cli_exit_code(c) : CLI_INPUT_FAILED;
done:
  cr_corpus_free(c);
  return rc;
}
