/* ingest.c — files, directories and stdin into the corpus. */
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

/* A file is binary when it has NUL bytes or many C0 controls near its
 * start: news text has only tab, CR and LF; a stray NUL or two in a long
 * text is repaired instead (see cr_corpus_add_doc). */
const char *cr_ingest_not_text(const char *p, size_t n) {
  size_t look = n < 8192 ? n : 8192, ctrl = 0, nul = 0;
  for (size_t i = 0; i < look; i++) {
    unsigned char ch = (unsigned char)p[i];
    if (ch == 0) nul++;
    else if (ch < 32 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f')
      ctrl++;
  }
  if (look >= 2 && (unsigned char)p[0] == 0x1f && (unsigned char)p[1] == 0x8b)
    return "gzip-compressed data, not text";
  /* A UTF-16 byte-order mark: the text is fine but needs converting; say
   * so rather than calling it binary. */
  if (look >= 2 && (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
                    ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF)))
    return "UTF-16 text, not UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)";
  if (nul * 100 > look || (nul + ctrl) * 20 > look)
    return "binary data, not text";
  return NULL;
}

static int only_space(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
        p[i] != '\f' && p[i] != '\v')
      return 0;
  return 1;
}

/* Chooses the reader: by extension first, then by content, since piped
 * input has no name and JSONL is one object per line. */
static cr_input_format detect_format(const char *name, const char *p, size_t n) {
  if (has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson"))
    return CR_INPUT_JSONL;
  if (cr_looks_like_html(name, p, n) || cr_is_gzip(p, n)) return CR_INPUT_HTML;
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
    i++;
  if (i < n && p[i] == '{') {
    const char *nl = memchr(p + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - p) : n;
    while (end > i && (p[end - 1] == ' ' || p[end - 1] == '\r')) end--;
    if (end > i && p[end - 1] == '}') return CR_INPUT_JSONL;
  }
  return CR_INPUT_TEXT;
}

cr_status cr_corpus_add_memory(cr_corpus *c, const char *name,
                               const char *bytes, size_t len,
                               cr_input_format fmt) {
  if (!c || !name || (!bytes && len)) return CR_ERR_USAGE;
  if (fmt == CR_INPUT_AUTO) fmt = detect_format(name, bytes, len);
  if (len == 0 || only_space(bytes, len)) {
    cr_corpus_diagf(c, CR_ERROR, name, 0, "empty input");
    c->failed_inputs++;
    return CR_ERR_INPUT;
  }
  if (fmt == CR_INPUT_JSONL) {
    size_t before = c->failed_inputs;
    size_t added = cr_ingest_jsonl(c, name, bytes, len);
    if (added == 0 && c->failed_inputs == before) {
      cr_corpus_diagf(c, CR_ERROR, name, 0, "no JSONL records found");
      c->failed_inputs++;
    }
    return added ? CR_OK : CR_ERR_INPUT;
  }
  if (fmt == CR_INPUT_HTML) {
    cr_status st = cr_ingest_html(c, name, 0, NULL, bytes, len);
    return st == CR_ERR_LIMIT ? CR_ERR_INPUT : st;
  }
  const char *why = cr_ingest_not_text(bytes, len);
  if (why) {
    cr_corpus_diagf(c, CR_ERROR, name, 0, "skipped: %s", why);
    c->failed_inputs++;
    return CR_ERR_INPUT;
  }
  if (!cr_corpus_add_doc(c, name, 0, NULL, bytes, len, bytes, len))
    return c->docs.n >= c->limits.max_docs ? CR_ERR_LIMIT : CR_ERR_NOMEM;
  return CR_OK;
}

/* Reads a whole stream, refusing more than limit bytes.  A pipe has no
 * size to check first, so this is where stdin and FIFOs are bounded. */
static cr_status read_stream(FILE *f, size_t limit, cr_buf *out) {
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (out->len + n > limit) return CR_ERR_LIMIT;
    if (cr_buf_append(out, chunk, n)) return CR_ERR_NOMEM;
  }
  return ferror(f) ? CR_ERR_IO : CR_OK;
}

static void diag_too_large(cr_corpus *c, const char *path, size_t size) {
  if (size)
    cr_corpus_diagf(c, CR_ERROR, path, 0,
                    "skipped: %zu bytes is larger than %zu "
                    "(limit max_input_bytes)", size, c->limits.max_input_bytes);
  else
    cr_corpus_diagf(c, CR_ERROR, path, 0,
                    "skipped: larger than %zu bytes (limit max_input_bytes)",
                    c->limits.max_input_bytes);
  c->failed_inputs++;
}

/* Opens path for reading.  In a directory walk (regular_only) it opens
 * without blocking and refuses anything but a regular file, so a FIFO or
 * a device named like a report cannot hang or flood the run; a path given
 * by the user may be a pipe (process substitution, /dev/stdin). */
static FILE *open_input(cr_corpus *c, const char *path, int regular_only,
                        struct stat *st) {
  int fd = open(path, O_RDONLY | O_NOCTTY | (regular_only ? O_NONBLOCK : 0));
  if (fd < 0) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "cannot open: %s", strerror(errno));
    c->failed_inputs++;
    return NULL;
  }
  if (fstat(fd, st) != 0 || S_ISDIR(st->st_mode) ||
      (regular_only && !S_ISREG(st->st_mode))) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "skipped: not a regular file");
    c->failed_inputs++;
    close(fd);
    return NULL;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "cannot open: %s", strerror(errno));
    c->failed_inputs++;
    close(fd);
  }
  return f;
}

static cr_status add_file(cr_corpus *c, const char *path, cr_input_format fmt,
                          int regular_only) {
  int is_stdin = strcmp(path, "-") == 0;
  struct stat st;
  FILE *f = is_stdin ? stdin : open_input(c, path, regular_only, &st);
  if (!f) return CR_ERR_IO;
  cr_buf b = CR_BUF_INIT;
  cr_status rc = CR_OK;
  /* A regular file's size is known: refuse an oversized one before
   * reading a byte of it, and read the rest into one exact allocation. */
  if (!is_stdin && S_ISREG(st.st_mode)) {
    if ((uintmax_t)st.st_size > c->limits.max_input_bytes) {
      diag_too_large(c, path, (size_t)st.st_size);
      fclose(f);
      return CR_ERR_LIMIT;
    }
    if (st.st_size > 0 && cr_buf_reserve(&b, (size_t)st.st_size + 1))
      rc = CR_ERR_NOMEM;
  }
  if (rc == CR_OK) rc = read_stream(f, c->limits.max_input_bytes, &b);
  int err = errno;
  if (!is_stdin) fclose(f);
  if (rc == CR_ERR_LIMIT) {
    diag_too_large(c, path, 0);
  } else if (rc == CR_ERR_IO) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "read error: %s", strerror(err));
    c->failed_inputs++;
  } else if (rc == CR_OK) {
    rc = cr_corpus_add_memory(c, path, cr_buf_cstr(&b), b.len, fmt);
    /* reported as a diagnostic */
    if (rc == CR_ERR_INPUT || rc == CR_ERR_LIMIT) rc = CR_OK;
  }
  cr_buf_free(&b);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files a directory walk reads: reports and JSONL dumps.  Other files
 * (images, README, hidden files) are skipped silently, as a user who points
 * crossread at a folder expects. */
static int wanted_in_dir(const char *name) {
  if (name[0] == '.') return 0;
  return has_suffix(name, ".txt") || has_suffix(name, ".text") ||
         has_suffix(name, ".html") || has_suffix(name, ".htm") ||
         has_suffix(name, ".html.gz") || has_suffix(name, ".htm.gz") ||
         has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson");
}

/* The directories on the current walk, to refuse a symlink loop at once. */
typedef struct walk {
  dev_t dev;
  ino_t ino;
  const struct walk *up;
} walk;

static cr_status add_dir(cr_corpus *c, const char *path, cr_input_format fmt,
                         size_t depth, const walk *up);

static cr_status add_any(cr_corpus *c, const char *path, cr_input_format fmt,
                         size_t depth) {
  if (strcmp(path, "-") == 0) return add_file(c, path, fmt, 0);
  struct stat st;
  if (stat(path, &st) != 0) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "cannot read: %s", strerror(errno));
    c->failed_inputs++;
    return CR_ERR_IO;
  }
  if (S_ISDIR(st.st_mode)) return add_dir(c, path, fmt, depth, NULL);
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "skipped: not a regular file");
    c->failed_inputs++;
    return CR_ERR_INPUT;
  }
  return add_file(c, path, fmt, 0);
}

static cr_status add_dir(cr_corpus *c, const char *path, cr_input_format fmt,
                         size_t depth, const walk *up) {
  struct stat self;
  if (stat(path, &self) != 0) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "cannot read: %s", strerror(errno));
    c->failed_inputs++;
    return CR_ERR_IO;
  }
  for (const walk *w = up; w; w = w->up)
    if (w->dev == self.st_dev && w->ino == self.st_ino) {
      cr_corpus_diagf(c, CR_WARNING, path, 0,
                      "skipped: symbolic link loop back to an enclosing "
                      "directory");
      return CR_OK;
    }
  walk here = {self.st_dev, self.st_ino, up};
  if (depth >= c->limits.max_dir_depth) {
    cr_corpus_diagf(c, CR_ERROR, path, 0,
                    "skipped: directories nested deeper than %zu "
                    "(limit max_dir_depth; a symlink loop?)",
                    c->limits.max_dir_depth);
    c->failed_inputs++;
    return CR_ERR_LIMIT;
  }
  DIR *dir = opendir(path);
  if (!dir) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "cannot open directory: %s",
                    strerror(errno));
    c->failed_inputs++;
    return CR_ERR_IO;
  }
  CR_VEC(char *) names = {0};
  cr_status rc = CR_OK;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    size_t n = strlen(path) + strlen(e->d_name) + 2;
    char *full = malloc(n);
    if (!full || cr_vec_push(&names, full)) {
      free(full);
      rc = CR_ERR_NOMEM;
      break;
    }
    snprintf(full, n, "%s%s%s", path, has_suffix(path, "/") ? "" : "/",
             e->d_name);
  }
  closedir(dir);
  /* Sorted so that output and story ids do not depend on the file system. */
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_str);
  for (size_t i = 0; i < names.n && rc != CR_ERR_NOMEM; i++) {
    const char *base = strrchr(names.v[i], '/') + 1;
    struct stat st;
    if (stat(names.v[i], &st) != 0) {
      if (lstat(names.v[i], &st) == 0 && S_ISLNK(st.st_mode))
        cr_corpus_diagf(c, CR_WARNING, names.v[i], 0,
                        "skipped: broken or looping symbolic link");
      else {
        cr_corpus_diagf(c, CR_ERROR, names.v[i], 0, "cannot read: %s",
                        strerror(errno));
        c->failed_inputs++;
      }
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (base[0] != '.') {
        cr_status r = add_dir(c, names.v[i], fmt, depth + 1, &here);
        if (r == CR_ERR_NOMEM) rc = r;
      }
    } else if (wanted_in_dir(base)) {
      cr_status r = add_file(c, names.v[i], fmt, 1);
      if (r == CR_ERR_NOMEM) rc = r;
    }
  }
  for (size_t i = 0; i < names.n; i++) free(names.v[i]);
  cr_vec_free(&names);
  return rc;
}

cr_status cr_corpus_add_path(cr_corpus *c, const char *path,
                             cr_input_format fmt) {
  if (!c || !path) return CR_ERR_USAGE;
  size_t before = c->docs.n;
  cr_status st = add_any(c, path, fmt, 0);
  if (st == CR_ERR_NOMEM) return st;
  /* A directory that yielded nothing is worth an error of its own. */
  struct stat s;
  if (st == CR_OK && c->docs.n == before && strcmp(path, "-") != 0 &&
      stat(path, &s) == 0 && S_ISDIR(s.st_mode)) {
    cr_corpus_diagf(c, CR_ERROR, path, 0, "no readable reports in directory");
    c->failed_inputs++;
    return CR_ERR_INPUT;
  }
  return c->docs.n > before ? CR_OK : (st == CR_OK ? CR_ERR_INPUT : st);
}
