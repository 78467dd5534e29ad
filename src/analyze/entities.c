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
/* Longest headline, in tokens: a longer sentence is not one, and the
 * title-case test (a scan of the report per capitalised word) stays
 * bounded. */
#define CR_HEADLINE_MAX_TOKS 40
/* Descriptor words kept per person ("ukrainian", "president"). */
#define CR_DESC_MAX 6
/* Longest stored word (folded bytes). */
#define CR_WORD_MAX 24

extern const struct cr_place_entry {
  const char *name;
  uint8_t kind;
  const char *country;
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

static const struct cr_place_entry *place_entry(const char *folded, size_t n) {
  char key[64];
  if (n == 0 || n >= sizeof key) return NULL;
  memcpy(key, folded, n);
  key[n] = 0;
  return bsearch(key, cr_place_table, cr_place_table_len, sizeof *cr_place_table, place_cmp);
}

int cr_place_kind(const char *folded, size_t n) {
  const struct cr_place_entry *e = place_entry(folded, n);
  return e ? e->kind : 0;
}

const char *cr_place_speaks_for(const char *folded, size_t n) {
  const struct cr_place_entry *e = place_entry(folded, n);
  return e ? e->country : NULL;
}

/* Titles and roles that precede a name (lower-cased; sorted). */
static const char *const titles[] = {
    "adm.", "ambassador", "archbishop", "attorney", "capt.", "cardinal", "chairman",
    "chairwoman", "chancellor", "chief", "coach", "col.", "commander", "commissioner",
    "congressman", "congresswoman", "deputy", "detective", "dr.", "emir", "foreign",
    "former", "gen.", "general", "gov.", "governor", "judge", "justice", "king",
    "leader", "lt.", "maj.", "mayor", "minister", "moderator", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "pope", "premier", "president", "prime", "prince", "princess",
    "prosecutor", "queen", "rep.", "rev", "rev.", "reverend", "secretary",
    "secretary-general", "sen.", "senator", "sgt.", "sheikh", "sheriff", "speaker",
    "spokesman", "spokesperson", "spokeswoman", "state", "sultan", "vice"};
/* Title words that only modify another title ("Former Democratic
 * candidate", "Foreign Office", "State Department"): alone before a
 * capitalised word they do not make it a person (sorted). */
static const char *const weak_titles[] = {"chief", "deputy", "foreign", "former",
                                          "general", "prime", "state", "vice"};
/* Prepositions of place and time: the name after them ("in Des Moines",
 * "at Sciences Po") is where or when, rarely who (sorted). */
static const char *const locatives[] = {"across", "at", "from", "in", "inside", "near",
                                        "outside", "through", "throughout", "toward",
                                        "towards", "within"};
/* Role words a role phrase may end on ("the Ukrainian leader"); the
 * generic ones match any titled person of the right qualifier. */
static const char *const role_words[] = {
    "chancellor", "chief", "envoy", "governor", "head", "king", "leader",
    "mayor", "minister", "premier", "president", "secretary",
    "secretary-general", "spokesman", "spokesperson", "spokeswoman"};
static const char *const generic_roles[] = {"chief", "head", "leader"};
/* Last words of organisation names (sorted). */
static const char *const org_words[] = {
    "administration", "agency", "airlines", "airways", "alliance", "army",
    "assembly", "association", "authority", "bank", "bureau", "cabinet",
    "capital", "center", "centre", "coalition", "command", "commission",
    "committee", "communications", "company", "computer", "computers",
    "congress", "corp", "corp.", "corporation", "council", "court",
    "department", "energy", "federation", "forces", "foundation", "front",
    "group", "guard", "holdings", "inc", "inc.", "industries", "institute",
    "kremlin", "league", "ltd", "media", "ministry", "motors", "movement",
    "navy", "networks", "news", "office", "organisation", "organization",
    "parliament", "partners", "party", "pentagon", "pharmaceuticals", "police",
    "post", "press", "reuters", "senate", "service", "services", "studios",
    "systems", "technologies", "times", "tribune", "union", "university"};
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
/* Last words of names of places (sorted): "Wall Street", "Red Square". */
static const char *const place_words[] = {
    "airport", "avenue", "bay", "boulevard", "bridge", "canal", "coast",
    "county", "desert", "district", "garden", "gardens", "island", "islands", "lake",
    "mountains", "ocean", "peninsula", "plaza", "province", "region", "river", "road",
    "sea", "square", "station", "strait", "street", "valley"};
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
  char gender;           /* 'm', 'f' once a lone candidate took "he"/"she" */
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
  /* the plural possessive: "Nichols'" */
  if (s.end - s.start > 3 && p[s.end - 1] == '\'' && (p[s.end - 2] == 's' || p[s.end - 2] == 'S')) {
    s.end -= 1;
    return s;
  }
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

/* "Jr.", "Sr", "III": a generational suffix, never a surname. */
static int name_suffix(const char *w, size_t n) {
  static const char *const sfx[] = {"ii", "iii", "iv", "jr", "jr.", "sr", "sr."};
  for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++)
    if (strlen(sfx[i]) == n && !strncasecmp(w, sfx[i], n)) return 1;
  return 0;
}

/* The last word of a multi-word name ("Smith" of "Jane Smith"). */
static cr_span last_word(const cr_doc *d, cr_span s) {
  uint32_t i = s.end;
  while (i > s.start && d->text[i - 1] != ' ') i--;
  cr_span r = {i, s.end};
  /* "Arcade Comeaux Jr.": the surname is before the generational suffix */
  if (i > s.start + 1 && name_suffix(d->text + i, s.end - i)) {
    r.end = i - 1;
    for (r.start = r.end; r.start > s.start && d->text[r.start - 1] != ' ';) r.start--;
  }
  return r;
}

/* "African-Americans", "Pro-Russian": a hyphenated word ending in a
 * demonym names no single entity either. */
static int hyphenated_demonym(const char *folded, size_t n) {
  const char *h = memchr(folded, '-', n);
  if (!h || memchr(folded, ' ', n)) return 0;
  const char *last = folded + n;
  while (last > h && last[-1] != '-') last--;
  return cr_place_kind(last, (size_t)(folded + n - last)) == 2;
}

/* The first word of a name ("Kim" of "Kim Jong Un"). */
static cr_span first_word(const cr_doc *d, cr_span s) {
  uint32_t i = s.start;
  while (i < s.end && d->text[i] != ' ') i++;
  cr_span r = {s.start, i};
  return r;
}

static uint8_t classify_name(const cr_doc *d, const cr_token *t, uint32_t n,
                             int titled) {
  char buf[64];
  cr_span all = {t[0].span.start, strip_possessive(d, t[n - 1].span).end};
  size_t bl = fold_word(d, all, buf, sizeof buf);
  int pk = cr_place_kind(buf, bl);
  if (pk == 1) return CR_ENT_PLACE;
  if (pk == 2 || hyphenated_demonym(buf, bl)) return CR_ENT_OTHER + 1; /* not an entity */
  if (pk == 3) return CR_ENT_ORG;        /* a seat of government */
  const cr_token *last = &t[n - 1];
  cr_token lt = *last;
  lt.span = strip_possessive(d, last->span);
  if (IN(d, &lt, org_words)) return CR_ENT_ORG;
  if (n >= 2 && IN(d, &lt, place_words)) return CR_ENT_PLACE;
  /* "Presumptive Democratic", "Pro-Russian": an adjective, not a name */
  char lb[CR_WORD_MAX];
  size_t ln = fold_word(d, lt.span, lb, sizeof lb);
  if (n >= 2 && cr_place_kind(lb, ln) == 2) return CR_ENT_OTHER + 1;
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
  if (single && type != CR_ENT_PLACE && !name_suffix(d->text + name.start, name.end - name.start)) {
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
    /* "Kim" after "Kim Jong Un": a family name written first; taken when
     * no one's name ends with the word and exactly one starts with it */
    if (n == 0) {
      for (size_t i = 0; i < x->ents.n; i++) {
        local_ent *e = &x->ents.v[i];
        if (e->type == CR_ENT_PERSON && span_eq(d, first_word(d, e->name), name) &&
            memchr(d->text + e->name.start, ' ', e->name.end - e->name.start)) {
          found = (uint32_t)i;
          n++;
        }
      }
      if (n == 1) {
        *id = found;
        return 0;
      }
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

/* 1 when the title words toks[i..last] hold one that names an office
 * by itself (weak_titles only modify). */
static int strong_title(const cr_doc *d, uint32_t i, uint32_t last) {
  for (uint32_t k = i; k <= last; k++)
    if (IN(d, &d->toks[k], titles) && !IN(d, &d->toks[k], weak_titles)) return 1;
  return 0;
}

/* 1 when the name starting at token i of the sentence beginning at b
 * follows a preposition of place ("in Des Moines", ", of Huntsville"). */
static int after_locative(const cr_doc *d, uint32_t b, uint32_t i) {
  if (i > b && IN(d, &d->toks[i - 1], locatives)) return 1;
  /* "Jane Doe, 29, of Huntsville": where she is from */
  return i > b + 1 && cr_tok_is(d, &d->toks[i - 1], "of") &&
         d->text[d->toks[i - 2].span.start] == ',';
}

/* A capitalised first word of a sentence that is a function word
 * ("Most", "Many", "Maybe"): capitalised for the sentence, not a name. */
static int sentence_opener(const cr_doc *d, const cr_token *t) {
  char w[CR_WORD_MAX];
  size_t n = cr_tok_lower(d, t, w, sizeof w);
  if (!n || (t->flags & CR_TF_UPPER)) return 0;
  return cr_is_stopword(w, n) || !strcmp(w, "maybe") || !strcmp(w, "perhaps");
}

/* "Chris Smith of Ohio", "Jane Doe of Clemson University": "of" after a
 * full personal name (two words besides titles, no organisation word:
 * "Central Bank of Russia" stays whole) says where the person is from;
 * the name ends before "of". */
static int of_place_after_person(const cr_doc *d, uint32_t i, uint32_t j) {
  if (!cr_tok_is(d, &d->toks[j], "of")) return 0;
  uint32_t words = 0;
  for (uint32_t k = i; k < j; k++) {
    if (IN(d, &d->toks[k], org_words) || IN(d, &d->toks[k], place_words) ||
        (d->toks[k].flags & CR_TF_UPPER))
      return 0;
    words += !IN(d, &d->toks[k], titles);
  }
  return words >= 2 && !IN(d, &d->toks[j - 1], titles);
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
          !IN(d, &d->toks[j + 1], not_names) && !of_place_after_person(d, i, j)) {
        j++;
        continue;
      }
      break;
    }
    if (i == b && j - i >= 2 && sentence_opener(d, &d->toks[i])) {
      i++; /* "Most Republican leaders", "Maybe Trump": the capital is the sentence's */
      continue;
    }
    /* titles: the name starts after the last title word of the run */
    uint32_t k = i, last_title = UINT32_MAX;
    /* a title word ending the run is the surname ("Billie Jean King") */
    for (; k + 1 < j; k++)
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
    int titled = last_title != UINT32_MAX && strong_title(d, i, last_title);
    uint8_t type = classify_name(d, &d->toks[ns], n, titled);
    if (type == CR_ENT_PERSON && !titled && after_locative(d, b, i))
      type = CR_ENT_OTHER;
    /* "However", "Speaking": a lone capital at the start of a sentence
     * is a name only when the lists know it */
    if (type == CR_ENT_OTHER && n == 1 && ns == b && !known_or_speaker(x, ns, e))
      type = CR_ENT_OTHER + 1;
    if (type <= CR_ENT_OTHER) {
      cr_span name = {d->toks[ns].span.start,
                      strip_possessive(d, d->toks[j - 1].span).end};
      uint32_t id;
      if (local_for(x, name, type, &id)) return -1;
      if (titled) {
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

/* Words that open a relative clause (sorted). */
static const char *const relatives[] = {"that", "where", "which", "who", "whom", "whose"};

/* 1 when the capitalised word t also occurs in lower case in the report
 * ("Soldiers" in a headline, "soldiers" in the body): a common word. */
static int lower_elsewhere(const cr_doc *d, const cr_token *t) {
  char w[CR_WORD_MAX];
  size_t n = cr_tok_lower(d, t, w, sizeof w);
  if (!n) return 0;
  const char *end = d->text + d->text_len;
  for (const char *p = d->text; p + n <= end; p++) {
    if (*p != w[0] || memcmp(p, w, n)) continue;
    int before = p > d->text && ((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
    int after = p + n < end && ((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z');
    if (!before && !after) return 1;
  }
  return 0;
}

/* A sentence in title case ("Senator Claims Agency Plans to Deploy
 * Troops"): at least 4 words of 4+ letters after the first, 80% or more
 * of them capitalised, two or more of those common words (a reporting
 * verb, or a word the report also writes in lower case), so a lead
 * sentence that is all names ("Mrs. Lena Okafor met Mr. Daniel Ruiz on
 * Tuesday") is not one.  Its capitals say nothing about names. */
static int title_case(const cr_doc *d, uint32_t b, uint32_t e) {
  uint32_t words = 0, caps = 0, common = 0;
  if (e - b > CR_HEADLINE_MAX_TOKS) return 0;
  for (uint32_t i = b + 1; i < e; i++) {
    const cr_token *t = &d->toks[i];
    if (t->kind != CR_TOK_WORD || t->span.end - t->span.start < 4) continue;
    words++;
    if (!(t->flags & CR_TF_CAP)) continue;
    caps++;
    if (common < 2 && (headline_verb(d, t) || lower_elsewhere(d, t))) common++;
  }
  return words >= 4 && caps * 10 >= words * 8 && common >= 2;
}

/* A title-case sentence of the headline (the title, or the first
 * paragraph): captions are full of real names and stay with the rules. */
static int headline(const cr_doc *d, const cr_sentence *se) {
  return (d->paras[se->para].kind == CR_PARA_TITLE || se->para == 0) &&
         title_case(d, se->tok_begin, se->tok_end);
}

/* 1 when toks[i..i+n) spell a name the report already knows (an entity's
 * name or a person's surname) or a listed place. */
static int known_name(ectx *x, uint32_t i, uint32_t n, uint32_t *id) {
  const cr_doc *d = x->d;
  cr_span s = {d->toks[i].span.start, strip_possessive(d, d->toks[i + n - 1].span).end};
  for (size_t k = 0; k < x->ents.n; k++) {
    const local_ent *le = &x->ents.v[k];
    if (span_eq(d, le->name, s) ||
        (n == 1 && le->type == CR_ENT_PERSON && span_eq(d, last_word(d, le->name), s))) {
      *id = (uint32_t)k;
      return 1;
    }
  }
  char buf[64];
  size_t bl = fold_word(d, s, buf, sizeof buf);
  if (cr_place_kind(buf, bl) != 1) return 0;
  return local_for(x, s, CR_ENT_PLACE, id) == 0;
}

/* Names in a title-case sentence: only what the body introduced or the
 * place list knows, the longest match first (up to CR_NAME_MAX_TOKS
 * words), so "Minister Warns Russia" yields "Russia" and no person. */
static int scan_title_case(ectx *x, uint32_t b, uint32_t e) {
  const cr_doc *d = x->d;
  for (uint32_t i = b; i < e; i++) {
    if (!tok_cap_word(&d->toks[i])) continue;
    uint32_t n = 0, id = 0;
    for (uint32_t w = CR_NAME_MAX_TOKS; w >= 1 && !n; w--) {
      if (i + w > e) continue;
      int all = 1;
      for (uint32_t k = i; k < i + w && all; k++) all = tok_cap_word(&d->toks[k]);
      if (all && known_name(x, i, w, &id)) n = w;
    }
    if (!n) continue;
    cr_span name = {d->toks[i].span.start, strip_possessive(d, d->toks[i + n - 1].span).end};
    if (add_mention(x, name, id, CR_VIA_NAME)) return -1;
    i += n - 1;
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
      /* "Smith, who met Mrs. Jones," is a relative clause, and the
       * names in it are other people */
      if (IN(d, &d->toks[k], relatives)) break;
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
    if (k >= e) continue;
    /* "the Ukrainian leader's comments": the role word may be possessive */
    cr_token rt = d->toks[k];
    rt.span = strip_possessive(d, rt.span);
    if (!IN(d, &rt, role_words)) continue;
    /* "Secretary General": two role words */
    if (k + 1 < e && IN(d, &d->toks[k + 1], titles) && tok_cap_word(&d->toks[k + 1])) k++;
    /* not a role phrase when a name follows ("the President Joe Biden") */
    if (k + 1 < e && tok_cap_word(&d->toks[k + 1]) && !IN(d, &d->toks[k + 1], not_names))
      continue;
    char rw[CR_WORD_MAX], qw[CR_WORD_MAX];
    fold_word(d, rt.span, rw, sizeof rw);
    qw[0] = 0;
    if (qual != UINT32_MAX) fold_word(d, strip_possessive(d, d->toks[qual].span), qw, sizeof qw);
    int generic = IN(d, &rt, generic_roles);
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
      cr_span s = {t->span.start, strip_possessive(d, d->toks[k].span).end};
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

/* How far back a pronoun looks for the person it continues, in name
 * mentions: a bound on the work per pronoun, wide enough for a few
 * paragraphs of names. */
#define CR_PRONOUN_LOOKBACK 64

/* Per name mention, what the attributions of the report make of it. */
enum {
  MF_SPEAKER = 1,   /* the resolved speaker of an attribution */
  MF_DESCRIBES = 2, /* inside a source without being its speaker ("Smith,
                       an ally of Jones, said") */
  MF_REPORTED = 4   /* inside a quotation or inside what a known speaker
                       is reported to say */
};

/* The first of the sorted name mentions m[0..n) starting at or after b. */
static size_t mention_from(const cr_mention *m, size_t n, uint32_t b) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].span.start < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int cmp_span(const void *a, const void *b) {
  const cr_span *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* Flags every one of the n0 sorted name mentions lying inside one of the
 * spans: the spans are sorted and swept with the mentions in one pass,
 * so overlapping spans (a quote that never closes, reported in turn by
 * every attribution of a long paragraph) cost no more than disjoint
 * ones. */
static void mark_spans(const ectx *x, size_t n0, cr_span *sp, size_t ns, uint8_t flag,
                       uint8_t *mf) {
  if (ns > 1) qsort(sp, ns, sizeof *sp, cmp_span);
  size_t m = 0;
  for (size_t i = 0; i < ns && m < n0;) {
    cr_span u = sp[i++];
    while (i < ns && sp[i].start < u.end) { /* the union of overlapping spans */
      if (sp[i].end > u.end) u.end = sp[i].end;
      i++;
    }
    while (m < n0 && x->ments.v[m].span.start < u.start) m++;
    for (; m < n0 && x->ments.v[m].span.start < u.end; m++)
      if (x->ments.v[m].span.end <= u.end) mf[m] |= flag;
  }
}

/* Sets mf for the n0 name mentions from the attributions.  A mention in
 * two overlapping sources of which only one is its own is flagged as
 * describing; the speaker flag wins over it where it matters. */
static int mark_mentions(const ectx *x, size_t n0, const cr_attr *attrs, size_t nattrs,
                         uint8_t *mf) {
  memset(mf, 0, n0);
  cr_span *src = malloc((nattrs ? nattrs : 1) * sizeof *src);
  cr_span *rep = malloc((nattrs ? 2 * nattrs : 1) * sizeof *rep);
  if (!src || !rep) {
    free(src);
    free(rep);
    return -1;
  }
  size_t ns = 0, nr = 0;
  for (size_t a = 0; a < nattrs; a++) {
    const cr_attr *at = &attrs[a];
    if (at->source.end > at->source.start) src[ns++] = at->source;
    if (at->mention != CR_NO_ID && at->mention < n0) mf[at->mention] |= MF_SPEAKER;
    if (at->mention == CR_NO_ID && at->kind != CR_ATTR_DIRECT) continue;
    if (at->content.end > at->content.start) rep[nr++] = at->content;
    if (at->content2.end > at->content2.start) rep[nr++] = at->content2;
  }
  mark_spans(x, n0, src, ns, MF_DESCRIBES, mf);
  mark_spans(x, n0, rep, nr, MF_REPORTED, mf);
  free(src);
  free(rep);
  return 0;
}

/* Titles that tell a person's gender, for pronoun agreement. */
static const char *const male_words[] = {"chairman", "congressman", "emir", "king", "mr",
                                         "mr.", "pope", "prince", "sheikh",
                                         "spokesman", "sultan"};
static const char *const female_words[] = {"chairwoman", "congresswoman", "mrs", "mrs.", "ms", "ms.",
                                           "princess", "queen", "spokeswoman"};

/* 'm' or 'f' when a title of the person or an earlier pronoun says so,
 * else 0. */
static char ent_gender(const local_ent *e) {
  if (e->gender) return e->gender;
  for (int i = 0; i < e->ndesc; i++) {
    for (size_t k = 0; k < sizeof male_words / sizeof *male_words; k++)
      if (!strcmp(e->desc[i], male_words[k])) return 'm';
    for (size_t k = 0; k < sizeof female_words / sizeof *female_words; k++)
      if (!strcmp(e->desc[i], female_words[k])) return 'f';
  }
  return 0;
}

/* 1 when a name mention stands where a sentence's subject does: at the
 * start of its sentence or after an opening phrase's comma (titles and
 * "the" before it allowed), not a possessive, and not followed by a
 * comma (then it is an appositive: "On the topic of another leader,
 * Mr. X, Mr. Y was asked"). */
static int subject_position(const cr_doc *d, const cr_mention *mm) {
  size_t s = cr_doc_sentence_at(d, mm->span.start);
  if (s >= d->nsents) return 0;
  const cr_sentence *se = &d->sents[s];
  if (followed_by_possessive(d, mm->span)) return 0; /* "Smith's aide" */
  uint32_t k = cr_doc_token_at(d, mm->span.start);
  if (k < se->tok_begin) k = se->tok_begin;
  uint32_t after = k;
  while (after < se->tok_end && d->toks[after].span.start < mm->span.end) after++;
  if (after < se->tok_end && d->text[d->toks[after].span.start] == ',') return 0;
  /* "Smith and Jones met": a compound subject names no single person */
  if (after < se->tok_end && (cr_tok_is(d, &d->toks[after], "and") || cr_tok_is(d, &d->toks[after], "or")))
    return 0;
  uint32_t stop = k > se->tok_begin + 2 * CR_NAME_MAX_TOKS ? k - 2 * CR_NAME_MAX_TOKS : se->tok_begin;
  while (k > stop && (tok_cap_word(&d->toks[k - 1]) || cr_tok_is(d, &d->toks[k - 1], "the")))
    k--;
  if (k > se->tok_begin && k == stop) return 0; /* a run of capitals longer than any title */
  return k == se->tok_begin || d->text[d->toks[k - 1].span.start] == ',';
}

/* One person a pronoun may continue, as pronoun_antecedent weighs it. */
typedef struct antecedent {
  uint32_t local;
  size_t sent;
  int speaker, subject;
} antecedent;

/* The person a pronoun source at byte `at` continues.  Candidates: the
 * name mentions before it that are people, neither describing a speaker
 * nor reported (mark_mentions), of agreeing gender, within
 * CR_PRONOUN_LOOKBACK; and the last pronoun speaker before it (prev).
 * In the latest sentence holding candidates: the one person there; else
 * the one speaking there; else the one in subject position.  With two
 * speakers or no subject the pronoun stays unresolved: better no speaker
 * than the wrong one.  Returns a local entity or CR_NO_ID. */
static uint32_t pronoun_antecedent(ectx *x, size_t n0, const uint8_t *mf, size_t iprev,
                                   uint32_t at, char gender) {
  const cr_mention *prev = iprev < x->ments.n ? &x->ments.v[iprev] : NULL;
  const cr_doc *d = x->d;
  antecedent c[CR_PRONOUN_LOOKBACK + 1];
  size_t nc = 0;
  size_t first = mention_from(x->ments.v, n0, at);
  for (size_t m = first, seen = 0; m-- > 0 && seen < CR_PRONOUN_LOOKBACK; seen++) {
    const cr_mention *mm = &x->ments.v[m];
    const local_ent *le = &x->ents.v[mm->local];
    if (mm->span.end > at || le->type != CR_ENT_PERSON) continue;
    if ((mf[m] & (MF_REPORTED | MF_DESCRIBES)) && !(mf[m] & MF_SPEAKER)) continue;
    char g = ent_gender(le);
    if (g && g != gender) continue;
    antecedent a = {mm->local, cr_doc_sentence_at(d, mm->span.start), (mf[m] & MF_SPEAKER) != 0,
                    subject_position(d, mm)};
    c[nc++] = a;
  }
  if (prev) {
    char g = ent_gender(&x->ents.v[prev->local]);
    if (!g || g == gender) {
      antecedent a = {prev->local, cr_doc_sentence_at(d, prev->span.start), 1, 1};
      c[nc++] = a;
    }
  }
  size_t sent = 0;
  int any = 0;
  for (size_t i = 0; i < nc; i++)
    if (!any || c[i].sent > sent) sent = c[i].sent, any = 1;
  if (!any) return CR_NO_ID;
  uint32_t pick = CR_NO_ID, spoke = CR_NO_ID, subj = CR_NO_ID;
  int several = 0, speakers = 0;
  for (size_t i = 0; i < nc; i++) {
    if (c[i].sent != sent) continue;
    if (pick == CR_NO_ID) pick = c[i].local;
    else if (c[i].local != pick) several = 1;
    if (c[i].speaker && spoke == CR_NO_ID) spoke = c[i].local, speakers = 1;
    else if (c[i].speaker && c[i].local != spoke) speakers = 2;
    /* scanned backwards: the last one seen is the first in the sentence */
    if (c[i].subject) subj = c[i].local;
  }
  if (!several) {
    /* the only person in reach took the pronoun: remember the gender so
     * a later "she" does not go to a man the text called "he" */
    x->ents.v[pick].gender = gender;
    return pick;
  }
  if (speakers) return speakers == 1 ? spoke : CR_NO_ID;
  return subj;
}

/* The speaker of each attribution: a name or role phrase inside its
 * source; a document's issuer (document_speaker); for a pronoun source,
 * the person it continues (pronoun_antecedent). */
static int resolve_speakers(ectx *x, cr_attr *attrs, size_t nattrs) {
  const cr_doc *d = x->d;
  size_t n0 = x->ments.n;
  for (size_t a = 0; a < nattrs; a++) {
    cr_attr *at = &attrs[a];
    if (at->source.end <= at->source.start) continue;
    uint32_t best = CR_NO_ID;
    for (size_t m = mention_from(x->ments.v, n0, at->source.start);
         m < n0 && x->ments.v[m].span.start < at->source.end; m++) {
      const cr_mention *mm = &x->ments.v[m];
      /* "29, of Huntsville," in a source is where the speaker is from */
      if (mm->span.end <= at->source.end && mm->type != CR_ENT_PLACE &&
          !followed_by_possessive(d, mm->span) &&
          !(mm->type != CR_ENT_PERSON && after_locative(d, 0, cr_doc_token_at(d, mm->span.start)))) {
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
    }
  }
  uint8_t *mf = n0 ? malloc(n0) : NULL;
  if (n0 && !mf) return -1;
  if (n0 && mark_mentions(x, n0, attrs, nattrs, mf)) {
    free(mf);
    return -1;
  }
  /* pronouns in text order, each seeing the pronoun speaker before it */
  size_t prev = SIZE_MAX; /* index of the last pronoun mention */
  for (size_t a = 0; a < nattrs; a++) {
    cr_attr *at = &attrs[a];
    if (at->source.end <= at->source.start || at->mention != CR_NO_ID) continue;
    uint32_t via_doc = document_speaker(x, attrs, a);
    if (via_doc != CR_NO_ID) {
      at->mention = via_doc;
      continue;
    }
    cr_token pt = {at->source, CR_TOK_WORD, 0, 0};
    char gender = cr_tok_is(d, &pt, "he") ? 'm' : cr_tok_is(d, &pt, "she") ? 'f' : 0;
    if (!gender) continue;
    if (prev != SIZE_MAX && x->ments.v[prev].span.start > at->source.start) prev = SIZE_MAX;
    uint32_t who = pronoun_antecedent(x, n0, mf, prev, at->source.start, gender);
    if (who == CR_NO_ID) continue;
    if (add_mention(x, at->source, who, CR_VIA_PRONOUN)) {
      free(mf);
      return -1;
    }
    at->mention = (uint32_t)(x->ments.n - 1);
    prev = x->ments.n - 1;
  }
  free(mf);
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
    if (headline(d, se)) continue;
    size_t before = x.ments.n;
    if (scan_names(&x, se->tok_begin, se->tok_end)) goto done;
    if (x.ments.n > before) appositive_roles(&x, se->tok_begin, se->tok_end);
  }
  /* title-case headlines once the body has introduced its names */
  for (size_t s = 0; s < d->nsents; s++) {
    const cr_sentence *se = &d->sents[s];
    uint8_t pk = d->paras[se->para].kind;
    if (pk != CR_PARA_BODY && pk != CR_PARA_TITLE && pk != CR_PARA_CAPTION) continue;
    if (headline(d, se) && scan_title_case(&x, se->tok_begin, se->tok_end))
      goto done;
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
