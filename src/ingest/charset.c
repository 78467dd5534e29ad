/* charset.c — the bytes of an HTML page to UTF-8.
 *
 * Order of evidence, as in the WHATWG encoding sniffing algorithm: a byte
 * order mark, then a charset declared in the first bytes (<meta charset>,
 * http-equiv content type, XML declaration).  Undeclared pages that are not
 * valid UTF-8 are read as Windows-1252, the most common legacy encoding of
 * the web.  Conversion goes through iconv (part of the C library); a byte
 * it cannot map becomes U+FFFD, so conversion never fails outright. */
#include <ctype.h>
#include <stdio.h>
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"

/* How far the declaration is searched: the spec says 1024 bytes, but real
 * pages put long <script> blocks first; 8 KB finds those too. */
#define CHARSET_SNIFF_BYTES 8192

/* Copies the charset label after "charset=" / "encoding=" at p. */
static size_t read_label(const char *p, const char *end, char *lab, size_t cap) {
  while (p < end && (*p == ' ' || *p == '"' || *p == '\'' || *p == '=')) p++;
  size_t n = 0;
  while (p < end && n + 1 < cap &&
         (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' ||
          *p == ':'))
    lab[n++] = (char)tolower((unsigned char)*p++);
  lab[n] = 0;
  return n;
}

static const char *find_ci(const char *p, const char *end, const char *needle) {
  size_t m = strlen(needle);
  for (; p + m <= end; p++)
    if (strncasecmp(p, needle, m) == 0) return p;
  return NULL;
}

int cr_html_declared_charset(const char *p, size_t n, char *lab, size_t cap) {
  lab[0] = 0;
  if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
    snprintf(lab, cap, "utf-8");
    return 1;
  }
  if (n >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2))) {
    snprintf(lab, cap, "%s", (unsigned char)p[0] == 0xFF ? "utf-16le" : "utf-16be");
    return 1;
  }
  const char *end = p + (n < CHARSET_SNIFF_BYTES ? n : CHARSET_SNIFF_BYTES);
  const char *q = p;
  while ((q = find_ci(q, end, "charset")) != NULL) {
    q += 7;
    const char *r = q;
    while (r < end && *r == ' ') r++;
    if (r < end && *r == '=' && read_label(r, end, lab, cap)) return 1;
  }
  q = find_ci(p, end, "<?xml");
  if (q && (q = find_ci(q, end, "encoding")) != NULL && q < p + 200 &&
      read_label(q + 8, end, lab, cap))
    return 1;
  return 0;
}

/* WHATWG maps these labels to windows-1252: pages that say latin-1 use
 * the 0x80-0x9F range for curly quotes and dashes. */
static int is_1252_label(const char *lab) {
  static const char *const labels[] = {
      "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
      "iso_8859-1", "latin1", "l1", "latin-1", "us-ascii", "ascii",
      "iso-ir-100", "ibm819", "cp819", "csisolatin1", "ansi_x3.4-1968"};
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
    if (!strcmp(lab, labels[i])) return 1;
  return 0;
}

static int is_utf8_label(const char *lab) {
  return !strcmp(lab, "utf-8") || !strcmp(lab, "utf8") ||
         !strcmp(lab, "unicode-1-1-utf-8") || !strcmp(lab, "x-unicode20utf8");
}

/* Converts with iconv, writing U+FFFD for every byte it cannot map. */
static int convert(iconv_t cd, const char *p, size_t n, cr_buf *out) {
  char *in = (char *)(uintptr_t)p;
  size_t left = n;
  char tmp[16384];
  while (left > 0) {
    char *o = tmp;
    size_t room = sizeof tmp;
    size_t rc = iconv(cd, &in, &left, &o, &room);
    if (cr_buf_append(out, tmp, (size_t)(o - tmp))) return -1;
    if (rc == (size_t)-1) {
      if (errno == E2BIG) continue;
      /* EILSEQ or EINVAL (truncated at the end): replace one byte. */
      if (cr_buf_append(out, "\xEF\xBF\xBD", 3)) return -1;
      in++;
      left--;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  return 0;
}

const char *cr_html_to_utf8(const char *p, size_t n, cr_buf *out,
                            char *label, size_t cap, int *unknown) {
  *unknown = 0;
  int declared = cr_html_declared_charset(p, n, label, cap);
  const char *from = NULL;
  if (declared && is_utf8_label(label)) {
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3, n -= 3;
    from = NULL; /* already UTF-8; invalid bytes are repaired later */
  } else if (declared && is_1252_label(label)) {
    /* A page that declares latin-1 but is valid UTF-8 with multibyte
     * characters was re-encoded without its meta tag being updated. */
    from = cr_utf8_valid(p, n) ? NULL : "WINDOWS-1252";
  } else if (declared) {
    from = label;
  } else {
    from = cr_utf8_valid(p, n) ? NULL : "WINDOWS-1252";
    if (from) snprintf(label, cap, "windows-1252 (undeclared)");
  }
  if (!from) return cr_buf_append(out, p, n) ? "out of memory" : NULL;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) {
    *unknown = 1;
    return cr_buf_append(out, p, n) ? "out of memory" : NULL;
  }
  int rc = convert(cd, p, n, out);
  iconv_close(cd);
  return rc ? "out of memory" : NULL;
}
