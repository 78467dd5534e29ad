/* stance.c — where an attribution stands on what it reports.
 *
 * Given the cue ("said", "dismissed ... as", "could not confirm") and the
 * content of one attribution, in this order of precedence:
 *   conditional     the content or cue hedges on a condition: "if
 *                   confirmed", "if true", "would mark";
 *   cannot-confirm  the speaker cannot verify: "could not confirm", "still
 *                   being evaluated", "studying", "yet to confirm";
 *   denies          a denial cue ("denied", "dismissed", "rejected") or a
 *                   negated existence claim ("no evidence", "not true",
 *                   "fake");
 *   asserts         an assertive cue ("said", "warned", "claimed") with
 *                   none of the above;
 *   neutral         anything else.
 * The lists are general English reporting vocabulary (cf. the PARC 3.0
 * cue inventory), kept as data below. */
#include <string.h>

#include "align/align.h"

static const char *const conditional_cues[] = {
    "if confirmed", "if true", "if it is confirmed", "if proven", "would mark",
    "would be", "could mark", "unconfirmed", "if the reports", NULL};
static const char *const cannot_confirm_cues[] = {
    "could not confirm", "cannot confirm", "can't confirm", "could not verify",
    "cannot verify", "unable to confirm", "unable to verify", "not able to confirm",
    "being evaluated", "being assessed", "being studied", "studying",
    "looking into", "yet to confirm", "no confirmation", "not confirmed",
    "could not independently", "declined to confirm", NULL};
static const char *const deny_cues[] = {
    "denied", "denies", "deny", "dismissed", "dismisses", "rejected", "rejects",
    "refuted", "disputed", "rebuffed", "ruled out", NULL};
static const char *const deny_content[] = {
    "no evidence", "not true", "no proof", "fake", "false", "baseless",
    "groundless", "fabricat", "nonsense", "no sign", "not involved", NULL};
static const char *const assert_cues[] = {
    "said", "says", "say", "told", "stated", "announced", "warned", "claimed",
    "claims", "accused", "alleged", "alleges", "confirmed", "insisted",
    "added", "reported", "noted", "argued", "wrote", "asserted", NULL};

/* Case-insensitive search for a whole-word-start phrase. */
static int has_phrase(const char *s, size_t n, const char *p) {
  size_t m = strlen(p);
  for (size_t i = 0; i + m <= n; i++) {
    if (i && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
      continue;
    size_t k = 0;
    while (k < m) {
      char a = s[i + k], b = p[k];
      if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
      if (a != b) break;
      k++;
    }
    if (k == m) return 1;
  }
  return 0;
}

static int has_any(const char *s, size_t n, const char *const *list) {
  if (!s) return 0;
  for (size_t i = 0; list[i]; i++)
    if (has_phrase(s, n, list[i])) return 1;
  return 0;
}

const char *cr_stance_name(cr_stance s) {
  switch (s) {
    case CR_STANCE_ASSERTS: return "asserts";
    case CR_STANCE_DENIES: return "denies";
    case CR_STANCE_CANNOT_CONFIRM: return "cannot-confirm";
    case CR_STANCE_CONDITIONAL: return "conditional";
    default: return "neutral";
  }
}

cr_stance cr_stance_classify(const char *cue, size_t cue_len, const char *content,
                             size_t content_len) {
  if (has_any(content, content_len, conditional_cues) ||
      has_any(cue, cue_len, conditional_cues))
    return CR_STANCE_CONDITIONAL;
  if (has_any(cue, cue_len, cannot_confirm_cues) ||
      has_any(content, content_len, cannot_confirm_cues))
    return CR_STANCE_CANNOT_CONFIRM;
  if (has_any(cue, cue_len, deny_cues) || has_any(content, content_len, deny_content))
    return CR_STANCE_DENIES;
  if (has_any(cue, cue_len, assert_cues)) return CR_STANCE_ASSERTS;
  return CR_STANCE_NEUTRAL;
}
