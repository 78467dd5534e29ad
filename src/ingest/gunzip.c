/* gunzip.c — gzip members to bytes, with a ceiling on the output.
 *
 * The ceiling is what makes a zip bomb harmless: a 40 KB file that expands
 * to 4 GB stops at the limit with an error instead of filling memory. */
#include <zlib.h>

#include "ingest/ingest.h"

int cr_is_gzip(const char *p, size_t n) {
  return n >= 2 && (unsigned char)p[0] == 0x1f && (unsigned char)p[1] == 0x8b;
}

/* Output below this is never called a bomb, whatever the ratio: a small
 * page of repeated markup may compress very well and costs nothing. */
#define RATIO_FLOOR ((size_t)1 << 20)

const char *cr_gunzip(const char *p, size_t n, size_t limit, size_t ratio, cr_buf *out) {
  if (!cr_is_gzip(p, n)) return "not gzip data (no gzip header)";
  z_stream z = {0};
  /* 15 + 32: zlib or gzip header, detected automatically. */
  if (inflateInit2(&z, 15 + 32) != Z_OK) return "out of memory";
  z.next_in = (Bytef *)(uintptr_t)p;
  z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
  const char *err = NULL;
  unsigned char chunk[65536];
  for (;;) {
    z.next_out = chunk;
    z.avail_out = sizeof chunk;
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t got = sizeof chunk - z.avail_out;
    if (out->len + got > limit) {
      err = "decompressed size exceeds the limit max_html_bytes "
            "(a zip bomb?)";
      break;
    }
    if (ratio && out->len + got > RATIO_FLOOR && (out->len + got) / ratio > n) {
      err = "decompressed size passes the limit max_gzip_ratio times the "
            "compressed size (a zip bomb?)";
      break;
    }
    if (got && cr_buf_append(out, chunk, got)) {
      err = "out of memory";
      break;
    }
    if (rc == Z_STREAM_END) {
      /* Concatenated members (gzip allows them): go on with the next. */
      if (z.avail_in > 0 && cr_is_gzip((const char *)z.next_in, z.avail_in)) {
        if (inflateReset(&z) != Z_OK) { err = "corrupt gzip data"; break; }
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      err = "truncated gzip data";
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      err = rc == Z_MEM_ERROR ? "out of memory" : "corrupt gzip data";
      break;
    }
  }
  inflateEnd(&z);
  return err;
}
