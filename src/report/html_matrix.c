/* html_matrix.c — the coverage matrix as an inline SVG heat map: one row
 * per statement, one column per source, each cell shaded by how closely
 * that source states it and linked to the source sentence that does. */
#include "core/strmap.h"
#include "report/html.h"

/* Geometry in SVG user units (1 unit = 1 CSS px at full size; the SVG
 * scales down on narrow screens). */
#define MX_NUM_W 34      /* row number column, left of the cells */
#define MX_LABEL_W 360   /* row text, right of the cells: on a narrow
                            screen the numbers and cells come into view
                            first and the text scrolls */
#define MX_LABEL_CHARS 46 /* characters of a row's text shown as its label */
#define MX_HEAD_H 46     /* column header */
#define MX_CELL_W 66
#define MX_CELL_H 30
#define MX_GAP 3
#define MX_LEGEND_H 46
#define MX_SCALE_COLS 8  /* more columns than this: no scaling, scroll */
#define MX_COL_CHARS 7   /* characters of a source name under its number */

/* Shade class 1..5 of a value in [0,1]; 0 means "not carried". */
static int shade(float v) {
  if (v < 0) return 0;
  int k = 1 + (int)(v * 5.0f);
  return k > 5 ? 5 : k;
}

/* 1-based number of the source in column c (its card is "src<n>"). */
static size_t col_num(const cr_html_matrix *m, size_t c) {
  return (m->col_doc ? m->col_doc[c] : c) + 1;
}

static void cell(FILE *f, const cr_html_matrix *m, size_t r, size_t c, int x, int y) {
  size_t i = r * m->ncols + c, n = col_num(m, c);
  float v = m->value[i];
  int k = shade(v), origin = m->origin && m->origin[r] == c;
  int linked = k && m->sent && m->sent[i] != CR_NO_ID;
  if (linked) {
    fprintf(f, "<a href=\"#src%zu-s%u\" aria-label=\"statement %zu in source %zu: %d%% match\">",
            n, m->sent[i], r + 1, n, (int)(v * 100 + 0.5f));
  }
  fprintf(f, "<g><title>Statement %zu, source %zu (", r + 1, n);
  cr_html_text(f, m->col_label[c]);
  if (k) fprintf(f, "): %d%% match%s</title>", (int)(v * 100 + 0.5f),
                 origin ? ", the wording used" : "");
  else fputs("): not found</title>", f);
  fprintf(f, "<rect class=\"c%d%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\"/>",
          k, origin ? " origin" : "", x, y, MX_CELL_W, MX_CELL_H);
  if (k)
    fprintf(f, "<text%s x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>",
            k >= 4 ? " class=\"on\"" : " class=\"dk\"", x + MX_CELL_W / 2, y + MX_CELL_H / 2 + 4,
            (int)(v * 100 + 0.5f));
  else
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">\xE2\x80\x93</text>",
            x + MX_CELL_W / 2, y + MX_CELL_H / 2 + 4);
  fputs("</g>", f);
  if (linked) fputs("</a>", f);
}

static void legend(FILE *f, int y) {
  static const char *const label[] = {"none", "<20", "20-39", "40-59", "60-79", "80+"};
  fprintf(f, "<text x=\"0\" y=\"%d\">match %%:</text>", y + 17);
  for (int k = 0; k <= 5; k++) {
    int x = 70 + k * 62;
    fprintf(f, "<rect class=\"c%d\" x=\"%d\" y=\"%d\" width=\"16\" height=\"16\" rx=\"2\"/>"
               "<text x=\"%d\" y=\"%d\">",
            k, x, y + 4, x + 20, y + 17);
    cr_html_text(f, label[k]);
    fputs("</text>", f);
  }
  int x = 70 + 6 * 62 + 10;
  fprintf(f, "<rect class=\"c5 origin\" x=\"%d\" y=\"%d\" width=\"16\" height=\"16\" rx=\"2\"/>"
             "<text x=\"%d\" y=\"%d\">the wording used</text>",
          x, y + 4, x + 22, y + 17);
}

/* Top of row r: rows past nshared sit one row lower, under the label of
 * the single-source group. */
static int row_y(const cr_html_matrix *m, size_t r) {
  size_t slot = r + (r >= m->nshared && m->nshared < m->nrows);
  return MX_HEAD_H + (int)slot * (MX_CELL_H + MX_GAP);
}

/* The row number, linked to the sentence whose wording the row shows. */
static void row_number(FILE *f, const cr_html_matrix *m, size_t r, int ty) {
  uint32_t o = m->origin ? m->origin[r] : CR_NO_ID;
  int linked = o < m->ncols && m->sent && m->sent[r * m->ncols + o] != CR_NO_ID;
  if (linked) fprintf(f, "<a href=\"#src%zu-s%u\">", col_num(m, o), m->sent[r * m->ncols + o]);
  fprintf(f, "<text x=\"0\" y=\"%d\" font-weight=\"700\">%zu.</text>", ty, r + 1);
  if (linked) fputs("</a>", f);
}

void cr_html_matrix_svg(FILE *f, const cr_html_matrix *m) {
  if (!m || !m->nrows || !m->ncols) return;
  int cells_w = (int)m->ncols * (MX_CELL_W + MX_GAP);
  int w = MX_NUM_W + cells_w + 8 + MX_LABEL_W;
  if (w < 620) w = 620; /* room for the legend */
  int body_end = row_y(m, m->nrows - 1) + MX_CELL_H + MX_GAP;
  int h = body_end + MX_LEGEND_H;
  /* a map of a few sources scales down to the screen; a wide one keeps
   * its size and scrolls, or its cells would shrink past reading */
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\"%s width=\"%d\" height=\"%d\" "
             "viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"coverage-h\">",
          m->ncols > MX_SCALE_COLS ? " class=\"wide\"" : "", w, h, w, h);
  for (size_t c = 0; c < m->ncols; c++) {
    int x = MX_NUM_W + (int)c * (MX_CELL_W + MX_GAP) + MX_CELL_W / 2;
    fprintf(f, "<a href=\"#src%zu\"><text x=\"%d\" y=\"16\" text-anchor=\"middle\" "
               "font-weight=\"700\">[%zu]</text><text x=\"%d\" y=\"34\" "
               "text-anchor=\"middle\"><title>",
            col_num(m, c), x, col_num(m, c), x);
    cr_html_text(f, m->col_label[c]);
    fputs("</title>", f);
    cr_html_text_clip(f, m->col_label[c], MX_COL_CHARS);
    fputs("</text></a>", f);
  }
  if (m->nshared < m->nrows)
    fprintf(f, "<text x=\"0\" y=\"%d\" font-style=\"italic\">Only in one source:</text>",
            row_y(m, m->nshared) - MX_GAP - 10);
  for (size_t r = 0; r < m->nrows; r++) {
    int y = row_y(m, r), ty = y + MX_CELL_H / 2 + 4;
    row_number(f, m, r, ty);
    for (size_t c = 0; c < m->ncols; c++)
      cell(f, m, r, c, MX_NUM_W + (int)c * (MX_CELL_W + MX_GAP), y);
    fprintf(f, "<text x=\"%d\" y=\"%d\"><title>", MX_NUM_W + cells_w + 8, ty);
    cr_html_text(f, m->row_text[r]);
    fputs("</title>", f);
    cr_html_text_clip(f, m->row_text[r], MX_LABEL_CHARS);
    fputs("</text>", f);
  }
  legend(f, body_end + 8);
  fputs("</svg>", f);
}
