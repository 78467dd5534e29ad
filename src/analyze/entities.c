/* entities.c — people, organisations and places in one report.
 *
 * A name is a run of capitalised words ("Jane Smith", "North Korea",
 * "European Union").  Titles before it ("Ukrainian President", "NATO
 * Secretary-General") are not part of the name but say it is a person
 * and describe them; those descriptions let a later role phrase ("the
 * Ukrainian leader", "NATO's chief") find its person.  Within a report a
 * surname alone is the full name met elsewhere in it, and a pronoun
 * subject of a speech verb is the last person mentioned before it.
 *
 * Word lists below are general English news vocabulary (titles, forms of
 * organisation names, calendar words), compiled by hand; places and
 * demonyms come from data/places.tsv. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/analyze.h"

/* Names longer than this are not names but title-case headlines. */
#define CR_NAME_MAX_TOKS 6
/* Descriptor words kept per person ("ukrainian", "president"). */
#define CR_DESC_MAX 6
/* Longest stored word (folded bytes). */
#define CR_WORD_MAX 24

extern const struct cr_place_entry {
  const char *name;
  uint8_t kind;
} cr_place_table[];
extern const size_t cr_place_table_len;

const char *cr_ent_type_name(cr_ent_type t) {
  switch (t) {
    case CR_ENT_PERSON: return "person";
    case CR_ENT_ORG: return "org";
    case CR_ENT_PLACE: return "place";
    case CR_ENT_OTHER: return "other";
  }
  return "other";
}

static int place_cmp(const void *k, const void *e) {
  return strcmp((const char *)k, ((const struct cr_place_entry *)e)->name);
}

int cr_place_kind(const char *folded, size_t n) {
  char key[64];
  if (n == 0 || n >= sizeof key) return 0;
  memcpy(key, folded, n);
  key[n] = 0;
  const struct cr_place_entry *e = bsearch(key, cr_place_table, cr_place_table_len,
                                           sizeof *cr_place_table, place_cmp);
  return e ? e->kind : 0;
}

/* Titles and roles that precede a name (lower-cased; sorted). */
static const char *const titles[] = {
    "ambassador", "archbishop", "attorney", "cardinal", "chairman",
    "chairwoman", "chancellor", "chief", "commander", "commissioner",
    "congressman", "congresswoman", "deputy", "dr.", "emir", "foreign",
    "former", "gen.", "general", "gov.", "governor", "judge", "justice",
    "king", "leader", "lt.", "mayor", "minister", "mr.", "mrs.", "ms.",
    "pope", "premier", "president", "prime", "prince", "princess",
    "queen", "rep.", "secretary", "secretary-general", "sen.", "senator",
    "sheikh", "speaker", "spokesman", "spokesperson", "spokeswoman",
    "state", "sultan", "vice"};
/* Role words a role phrase may end on ("the Ukrainian leader"); the
 * generic ones match any titled person of the right qualifier. */
static const char *const role_words[] = {
    "chancellor", "chief", "envoy", "governor", "head", "king", "leader",
    "mayor", "minister", "premier", "president", "secretary",
    "secretary-general", "spokesman", "spokesperson", "spokeswoman"};
static const char *const generic_roles[] = {"chief", "head", "leader"};
/* Last words of organisation names (sorted). */
static const char *const org_words[] = {
    "administration", "agency", "alliance", "army", "assembly",
    "association", "authority", "bank", "bureau", "cabinet", "center",
    "centre", "coalition", "command", "commission", "committee", "company",
    "congress", "corp", "corp.", "corporation", "council", "court",
    "department", "federation", "forces", "foundation", "front", "group",
    "guard", "inc", "inc.", "institute", "kremlin", "league", "ltd",
    "ministry", "movement", "navy", "news", "office", "organisation",
    "organization", "parliament", "party", "pentagon", "police", "post",
    "press", "reuters", "senate", "service", "services", "times", "tribune",
    "union", "university"};
/* Capitalised words that are not names: calendar words and the function
 * words that open sentences (sorted). */
static const char *const not_names[] = {
    "a", "after", "also", "an", "and", "april", "as", "at", "august",
    "but", "by", "december", "february", "for", "friday", "from", "he",
    "her", "his", "i", "if", "in", "it", "its", "january", "july", "june",
    "march", "may", "monday", "my", "news", "november", "october", "of",
    "on", "our", "saturday", "september", "she", "so", "sunday", "that",
    "the", "their", "there", "these", "they", "this", "those", "thursday",
    "to", "tuesday", "we", "wednesday", "what", "when", "while", "with",
    "you"};
/* Last words of names of things, not people ("Victory Plan", "Working
 * Dinner", "AP Photo"), sorted. */
static const char *const thing_words[] = {
    "act", "award", "bill", "conference", "day", "deal", "dinner",
    "forum", "headquarters", "meeting", "operation", "photo", "plan",
    "prize", "program", "programme", "report", "summit", "treaty", "war"};
/* Lower-case words inside names ("Bank of America", "Osama bin Laden"). */
static const char *const connectors[] = {"al", "bin", "de", "der", "du",
                                         "la", "of", "van", "von"};

#define IN(d, t, list) cr_tok_in(d, t, list, sizeof list / sizeof *list)

/* One entity of the report. */
typedef struct local_ent {
  cr_span name;          /* the longest form met */
  uint8_t type;
  uint8_t ndesc;
  char desc[CR_DESC_MAX][CR_WORD_MAX]; /* folded descriptor words */
} local_ent;

typedef struct ectx {
  cr_corpus *c;
  cr_doc *d;
  CR_VEC(local_ent) ents;
  CR_VEC(cr_mention) ments;
} ectx;

static int tok_cap_word(const cr_token *t) {
  return (t->kind == CR_TOK_WORD || t->kind == CR_TOK_ABBREV) &&
         (t->flags & (CR_TF_CAP | CR_TF_UPPER));
}

/* The span of a token without a trailing possessive ’s / 's. */
static cr_span strip_possessive(const cr_doc *d, cr_span s) {
  const unsigned char *p = (const unsigned char *)d->text;
  if (s.end - s.start > 2 && (p[s.end - 1] == 's' || p[s.end - 1] == 'S')) {
    if (p[s.end - 2] == '\'') s.end -= 2;
    else if (s.end - s.start > 4 && p[s.end - 2] == 0x99 && p[s.end - 3] == 0x80 &&
             p[s.end - 4] == 0xE2)
      s.end -= 4;
  }
  return s;
}

static int possessive(const cr_doc *d, const cr_token *t) {
  cr_span s = strip_possessive(d, t->span);
  return s.end != t->span.end;
}

/* Folds s into out (lower case ASCII; other bytes kept). */
static size_t fold_word(const cr_doc *d, cr_span s, char *out, size_t cap) {
  size_t n = s.end - s.start;
  if (n >= cap) n = cap - 1;
  for (size_t i = 0; i < n; i++) {
    char ch = d->text[s.start + i];
    out[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  out[n] = 0;
  return n;
}

static int span_eq(const cr_doc *d, cr_span a, cr_span b) {
  return a.end - a.start == b.end - b.start &&
         !memcmp(d->text + a.start, d->text + b.start, a.end - a.start);
}

/* The last word of a multi-word name ("Smith" of "Jane Smith"). */
static cr_span last_word(const cr_doc *d, cr_span s) {
  uint32_t i = s.end;
  while (i > s.start && d->text[i - 1] != ' ') i--;
  cr_span r = {i, s.end};
  return r;
}

static uint8_t classify_name(const cr_doc *d, const cr_token *t, uint32_t n,
                             int titled) {
  char buf[64];
  cr_span all = {t[0].span.start, strip_possessive(d, t[n - 1].span).end};
  size_t bl = fold_word(d, all, buf, sizeof buf);
  int pk = cr_place_kind(buf, bl);
  if (pk == 1) return CR_ENT_PLACE;
  if (pk == 2) return CR_ENT_OTHER + 1; /* a demonym: not an entity */
  const cr_token *last = &t[n - 1];
  cr_token lt = *last;
  lt.span = strip_possessive(d, last->span);
  if (IN(d, &lt, org_words)) return CR_ENT_ORG;
  if (n == 1 && (last->flags & CR_TF_UPPER) && lt.span.end - lt.span.start <= 6)
    return CR_ENT_ORG; /* NATO, EU, FBI */
  if (n == 1 && last->kind == CR_TOK_ABBREV) return CR_ENT_ORG; /* U.N. */
  if (IN(d, &lt, thing_words)) return CR_ENT_OTHER;
  if (titled) return CR_ENT_PERSON;
  /* an acronym inside makes it an organisation's name ("NATO Council") */
  for (uint32_t k = 0; k < n; k++)
    if ((t[k].flags & CR_TF_UPPER) && t[k].span.end - t[k].span.start <= 6)
      return n == 1 ? CR_ENT_ORG : CR_ENT_OTHER;
  if (n >= 2 && n <= 4) return CR_ENT_PERSON;
  return CR_ENT_OTHER;
}

/* Finds or adds the report entity for a name. */
static int local_for(ectx *x, cr_span name, uint8_t type, uint32_t *id) {
  const cr_doc *d = x->d;
  int single = !memchr(d->text + name.start, ' ', name.end - name.start);
  for (size_t i = 0; i < x->ents.n; i++) {
    local_ent *e = &x->ents.v[i];
    if (span_eq(d, e->name, name)) {
      *id = (uint32_t)i;
      return 0;
    }
  }
  /* a surname alone: the one person whose full name ends with it */
  if (single && type != CR_ENT_PLACE) {
    uint32_t found = UINT32_MAX;
    int n = 0;
    for (size_t i = 0; i < x->ents.n; i++) {
      local_ent *e = &x->ents.v[i];
      if (e->type == CR_ENT_PERSON && span_eq(d, last_word(d, e->name), name)) {
        found = (uint32_t)i;
        n++;
      }
    }
    if (n == 1) {
      *id = found;
      return 0;
    }
  }
  /* a full name whose surname was met alone earlier: the same person */
  if (!single && type == CR_ENT_PERSON) {
    cr_span lw = last_word(d, name);
    for (size_t i = 0; i < x->ents.n; i++) {
      local_ent *e = &x->ents.v[i];
      if (span_eq(d, e->name, lw) && e->type != CR_ENT_PLACE) {
        e->name = name;
        e->type = CR_ENT_PERSON;
        *id = (uint32_t)i;
        return 0;
      }
    }
  }
  local_ent e;
  memset(&e, 0, sizeof e);
  e.name = name;
  e.type = type;
  if (cr_vec_push(&x->ents, e)) return -1;
  *id = (uint32_t)(x->ents.n - 1);
  return 0;
}

static void add_desc(const cr_doc *d, local_ent *e, cr_span s) {
  if (e->ndesc >= CR_DESC_MAX) return;
  cr_span w = strip_possessive(d, s);
  char buf[CR_WORD_MAX];
  size_t n = fold_word(d, w, buf, sizeof buf);
  if (!n) return;
  for (int i = 0; i < e->ndesc; i++)
    if (!strcmp(e->desc[i], buf)) return;
  memcpy(e->desc[e->ndesc++], buf, n + 1);
}

static int add_mention(ectx *x, cr_span s, uint32_t local, uint8_t via) {
  cr_mention m = {s, CR_NO_ID, local, x->ents.v[local].type, via};
  return cr_vec_push(&x->ments, m);
}

/* A sentence-initial capital is still a name when the report already
 * knows it (as a name or a surname) or when it is the subject of a
 * reporting verb ("Smith urged ...", "Morales has said"). */
static int known_or_speaker(ectx *x, uint32_t i, uint32_t e) {
  const cr_doc *d = x->d;
  cr_span s = strip_possessive(d, d->toks[i].span);
  for (size_t k = 0; k < x->ents.n; k++)
    if (span_eq(d, x->ents.v[k].name, s) ||
        (x->ents.v[k].type == CR_ENT_PERSON && span_eq(d, last_word(d, x->ents.v[k].name), s)))
      return 1;
  for (uint32_t j = i + 1; j < e && j < i + 3; j++) {
    char w[CR_WORD_MAX];
    size_t n = cr_tok_lower(d, &d->toks[j], w, sizeof w);
    if (!n || (d->toks[j].flags & CR_TF_CAP)) return 0;
    if (cr_cue_lookup(w, n)) return 1;
    if (strcmp(w, "has") && strcmp(w, "had") && strcmp(w, "also") &&
        (n < 3 || strcmp(w + n - 2, "ly")))
      return 0;
  }
  return 0;
}

/* Title-case headlines capitalise verbs too ("Minister Warns", "Russia
 * Plans"): a reporting verb ends a name. */
static int headline_verb(const cr_doc *d, const cr_token *t) {
  char w[CR_WORD_MAX];
  size_t n = cr_tok_lower(d, t, w, sizeof w);
  return n && !(t->flags & CR_TF_UPPER) && cr_cue_lookup(w, n) != NULL;
}

/* Names in tokens [b, e) of one sentence. */
static int scan_names(ectx *x, uint32_t b, uint32_t e) {
  const cr_doc *d = x->d;
  for (uint32_t i = b; i < e;) {
    const cr_token *t = &d->toks[i];
    if (!tok_cap_word(t) || IN(d, t, not_names)) {
      i++;
      continue;
    }
    uint32_t j = i;
    while (j < e && j - i < 3 * CR_NAME_MAX_TOKS) {
      const cr_token *u = &d->toks[j];
      if (tok_cap_word(u) && !IN(d, u, not_names) && !(j > i && headline_verb(d, u))) {
        j++;
        if (possessive(d, u)) break; /* "NATO's chief": the name ends */
        continue;
      }
      if (j > i && j + 1 < e && IN(d, u, connectors) && tok_cap_word(&d->toks[j + 1]) &&
          !IN(d, &d->toks[j + 1], not_names)) {
        j++;
        continue;
      }
      break;
    }
    /* titles: the name starts after the last title word of the run */
    uint32_t k = i, last_title = UINT32_MAX;
    for (; k < j; k++)
      if (IN(d, &d->toks[k], titles) || IN(d, &d->toks[k], connectors)) {
        if (!IN(d, &d->toks[k], connectors)) last_title = k;
      }
    uint32_t ns = last_title == UINT32_MAX ? i : last_title + 1;
    while (ns < j && IN(d, &d->toks[ns], connectors)) ns++;
    uint32_t n = j - ns;
    if (n == 0 || n > CR_NAME_MAX_TOKS) {
      i = j > i ? j : i + 1;
      continue;
    }
    uint8_t type = classify_name(d, &d->toks[ns], n, last_title != UINT32_MAX);
    /* "However", "Speaking": a lone capital at the start of a sentence
     * is a name only when the lists know it */
    if (type == CR_ENT_OTHER && n == 1 && ns == b && !known_or_speaker(x, ns, e))
      type = CR_ENT_OTHER + 1;
    if (type <= CR_ENT_OTHER) {
      cr_span name = {d->toks[ns].span.start,
                      strip_possessive(d, d->toks[j - 1].span).end};
      uint32_t id;
      if (local_for(x, name, type, &id)) return -1;
      if (last_title != UINT32_MAX) {
        local_ent *le = &x->ents.v[id];
        if (le->type == CR_ENT_OTHER) le->type = CR_ENT_PERSON;
        for (uint32_t q = i; q <= last_title; q++)
          add_desc(d, le, d->toks[q].span);
      }
      if (add_mention(x, name, id, CR_VIA_NAME)) return -1;
    }
    i = j;
  }
  return 0;
}

/* Appositive roles: "Jane Smith, NATO's secretary general," and
 * "Jane Smith, a spokeswoman for the ministry" describe the person. */
static void appositive_roles(ectx *x, uint32_t b, uint32_t e) {
  const cr_doc *d = x->d;
  for (size_t m = 0; m < x->ments.n; m++) {
    cr_mention *mm = &x->ments.v[m];
    if (mm->type != CR_ENT_PERSON || mm->via != CR_VIA_NAME) continue;
    if (mm->span.start < d->toks[b].span.start || mm->span.end > d->toks[e - 1].span.end)
      continue;
    uint32_t i = b;
    while (i < e && d->toks[i].span.end < mm->span.end) i++;
    if (i + 2 >= e || d->text[d->toks[i + 1].span.start] != ',') continue;
    for (uint32_t k = i + 2; k < e && k < i + 8; k++) {
      if (d->text[d->toks[k].span.start] == ',') break;
      if (IN(d, &d->toks[k], role_words) || tok_cap_word(&d->toks[k]))
        add_desc(d, &x->ents.v[mm->local], d->toks[k].span);
    }
  }
}

static int desc_has(const local_ent *e, const char *w) {
  for (int i = 0; i < e->ndesc; i++) {
    /* "ukraine's" qualifies like "ukrainian": compare stems of 5 bytes */
    if (!strcmp(e->desc[i], w)) return 1;
    if (strlen(w) >= 5 && !strncmp(e->desc[i], w, 5)) return 1;
  }
  return 0;
}

/* Role phrases: "the Ukrainian leader", "NATO's chief", "the Secretary
 * General".  They resolve only when exactly one titled person fits. */
static int scan_roles(ectx *x, uint32_t b, uint32_t e) {
  const cr_doc *d = x->d;
  for (uint32_t i = b; i + 1 < e; i++) {
    const cr_token *t = &d->toks[i];
    int the = cr_tok_is(d, t, "the");
    int poss = tok_cap_word(t) && possessive(d, t);
    if (!the && !poss) continue;
    uint32_t k = i + 1, qual = UINT32_MAX;
    if (poss) qual = i;
    /* an optional qualifier: a demonym or a capitalised word */
    if (k < e && !IN(d, &d->toks[k], role_words) && tok_cap_word(&d->toks[k])) {
      qual = k;
      k++;
    }
    if (k >= e || !IN(d, &d->toks[k], role_words)) continue;
    uint32_t role = k;
    /* "Secretary General": two role words */
    if (k + 1 < e && IN(d, &d->toks[k + 1], titles) && tok_cap_word(&d->toks[k + 1])) k++;
    /* not a role phrase when a name follows ("the President Joe Biden") */
    if (k + 1 < e && tok_cap_word(&d->toks[k + 1]) && !IN(d, &d->toks[k + 1], not_names))
      continue;
    char rw[CR_WORD_MAX], qw[CR_WORD_MAX];
    fold_word(d, d->toks[role].span, rw, sizeof rw);
    qw[0] = 0;
    if (qual != UINT32_MAX) fold_word(d, strip_possessive(d, d->toks[qual].span), qw, sizeof qw);
    int generic = IN(d, &d->toks[role], generic_roles);
    uint32_t found = UINT32_MAX;
    int nfound = 0;
    for (size_t q = 0; q < x->ents.n; q++) {
      const local_ent *le = &x->ents.v[q];
      if (le->type != CR_ENT_PERSON || !le->ndesc) continue;
      if (!generic && !desc_has(le, rw)) continue;
      if (qw[0] && !desc_has(le, qw)) continue;
      found = (uint32_t)q;
      nfound++;
    }
    if (nfound == 1) {
      cr_span s = {t->span.start, d->toks[k].span.end};
      if (add_mention(x, s, found, CR_VIA_ROLE)) return -1;
    }
    i = k;
  }
  return 0;
}

static int cmp_mention(const void *a, const void *b) {
  const cr_mention *x = a, *y = b;
  if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
  return 0;
}

/* "Kiev's allies said": a possessive name modifies the speaker, it is
 * not the speaker. */
static int followed_by_possessive(const cr_doc *d, cr_span s) {
  const unsigned char *p = (const unsigned char *)d->text + s.end;
  size_t left = d->text_len - s.end;
  return (left >= 1 && p[0] == '\'') || (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99);
}

/* Documents that speak for someone ("the statement said"). */
static const char *const documents[] = {"announcement", "communique", "declaration",
                                        "document", "letter", "release", "statement"};

/* "“Russia must not win,” the statement said": a source that is a
 * document speaks for whoever issued it — the speaker of the nearest
 * earlier attribution whose sentence names that kind of document ("In a
 * statement, EU leaders called for ...").  Returns its mention or
 * CR_NO_ID. */
static uint32_t document_speaker(ectx *x, const cr_attr *attrs, size_t a) {
  const cr_doc *d = x->d;
  const cr_attr *at = &attrs[a];
  uint32_t i = d->sents[at->sent].tok_begin, e = d->sents[at->sent].tok_end;
  while (i < e && d->toks[i].span.start < at->source.start) i++;
  if (i + 1 >= e || !cr_tok_is(d, &d->toks[i], "the") ||
      d->toks[i + 1].span.end != at->source.end || !IN(d, &d->toks[i + 1], documents))
    return CR_NO_ID;
  const cr_token *noun = &d->toks[i + 1];
  for (size_t k = a; k-- > 0;) {
    const cr_attr *p = &attrs[k];
    if (p->mention == CR_NO_ID) continue;
    const cr_sentence *ps = &d->sents[p->sent];
    for (uint32_t j = ps->tok_begin; j < ps->tok_end; j++) {
      const cr_token *t = &d->toks[j];
      if (t->span.end - t->span.start == noun->span.end - noun->span.start &&
          !strncasecmp(d->text + t->span.start, d->text + noun->span.start,
                       t->span.end - t->span.start))
        return p->mention;
    }
  }
  return CR_NO_ID;
}

/* The speaker of each attribution: a name or role phrase inside its
 * source; for a pronoun source, the last person mentioned before it. */
static int resolve_speakers(ectx *x, cr_attr *attrs, size_t nattrs) {
  const cr_doc *d = x->d;
  size_t n0 = x->ments.n;
  for (size_t a = 0; a < nattrs; a++) {
    cr_attr *at = &attrs[a];
    if (at->source.end <= at->source.start) continue;
    uint32_t best = CR_NO_ID;
    for (size_t m = 0; m < n0; m++) {
      const cr_mention *mm = &x->ments.v[m];
      if (mm->span.start >= at->source.start && mm->span.end <= at->source.end &&
          mm->type != CR_ENT_PLACE && !followed_by_possessive(d, mm->span)) {
        if (best == CR_NO_ID || (mm->type == CR_ENT_PERSON &&
                                 x->ments.v[best].type != CR_ENT_PERSON))
          best = (uint32_t)m;
      }
    }
    if (best != CR_NO_ID) {
      /* an untyped name that says something is a person ("Morales said") */
      local_ent *le = &x->ents.v[x->ments.v[best].local];
      if (le->type == CR_ENT_OTHER) le->type = CR_ENT_PERSON;
      x->ments.v[best].type = le->type;
      at->mention = best;
      continue;
    }
    uint32_t via_doc = document_speaker(x, attrs, a);
    if (via_doc != CR_NO_ID) {
      at->mention = via_doc;
      continue;
    }
    cr_token pt = {at->source, CR_TOK_WORD, 0, 0};
    if (!cr_tok_is(d, &pt, "he") && !cr_tok_is(d, &pt, "she")) continue;
    uint32_t last = CR_NO_ID;
    for (size_t m = 0; m < n0; m++) {
      const cr_mention *mm = &x->ments.v[m];
      if (mm->span.end > at->source.start) break;
      if (mm->type == CR_ENT_PERSON) last = (uint32_t)m;
    }
    if (last == CR_NO_ID) continue;
    if (add_mention(x, at->source, x->ments.v[last].local, CR_VIA_PRONOUN)) return -1;
    at->mention = (uint32_t)(x->ments.n - 1);
  }
  return 0;
}

/* Puts every report entity in the corpus registry (exact name first;
 * aliases.c merges variants later). */
static int register_entities(ectx *x, uint32_t *map) {
  cr_corpus *c = x->c;
  if (!c->ent_keys && !(c->ent_keys = cr_strmap_new(c->arena))) return -1;
  for (size_t i = 0; i < x->ents.n; i++) {
    const local_ent *e = &x->ents.v[i];
    uint32_t id = cr_strmap_intern(c->ent_keys, x->d->text + e->name.start,
                                   e->name.end - e->name.start);
    if (id == CR_NO_ID) return -1;
    if (id == c->ents.n) {
      cr_entity ne;
      memset(&ne, 0, sizeof ne);
      ne.name = ne.own = cr_strmap_key(c->ent_keys, id, NULL);
      ne.type = e->type;
      ne.parent = id;
      ne.last_doc = UINT32_MAX;
      if (cr_vec_push(&c->ents, ne)) return -1;
    }
    cr_entity *ce = &c->ents.v[id];
    if (ce->type == CR_ENT_OTHER) ce->type = e->type;
    map[i] = id;
  }
  return 0;
}

int cr_find_entities(cr_corpus *c, cr_doc *d, cr_attr *attrs, size_t nattrs) {
  ectx x = {c, d, {0}, {0}};
  int rc = -1;
  uint32_t *map = NULL;
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    uint8_t pk = d->paras[se->para].kind;
    if (pk != CR_PARA_BODY && pk != CR_PARA_TITLE && pk != CR_PARA_CAPTION) continue;
    size_t before = x.ments.n;
    if (scan_names(&x, se->tok_begin, se->tok_end)) goto done;
    if (x.ments.n > before) appositive_roles(&x, se->tok_begin, se->tok_end);
  }
  /* role phrases once every titled name is known, so "NATO's chief" in
   * the lead resolves to the person introduced further down */
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    uint8_t pk = d->paras[se->para].kind;
    if (pk != CR_PARA_BODY && pk != CR_PARA_TITLE && pk != CR_PARA_CAPTION) continue;
    if (scan_roles(&x, se->tok_begin, se->tok_end)) goto done;
  }
  /* names and roles in text order, so "last person before" is a scan */
  if (x.ments.n) qsort(x.ments.v, x.ments.n, sizeof *x.ments.v, cmp_mention);
  if (resolve_speakers(&x, attrs, nattrs)) goto done;
  if (x.ents.n && !(map = malloc(x.ents.n * sizeof *map))) goto done;
  if (register_entities(&x, map)) goto done;
  for (size_t m = 0; m < x.ments.n; m++) {
    cr_mention *mm = &x.ments.v[m];
    mm->entity = map[mm->local];
    mm->type = x.ents.v[mm->local].type;
    c->ents.v[mm->entity].own_mentions++;
  }
  d->ments = cr_arena_memdup(c->arena, x.ments.v, x.ments.n, sizeof *x.ments.v);
  d->nments = x.ments.n;
  if (x.ments.n && !d->ments) goto done;
  rc = 0;
done:
  free(map);
  cr_vec_free(&x.ents);
  cr_vec_free(&x.ments);
  return rc;
}
