/* rubric-export-pdf-private.h — the PDF pen and documents, shared by the
 * PDF writers: the candidate summary's and the debrief's
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "rubric-export-private.h"
#include "rubric-pages.h"

G_BEGIN_DECLS

#define MM(x) ((x) * 72.0 / 25.4)
#define FOOTER_GAP 14.0    /* from the text area to the footer's rule */
#define PDF_BULLET_INDENT 14.0  /* from a bullet to its text */
#define RGB(hex) { ((hex) >> 16 & 0xff) * 257, ((hex) >> 8 & 0xff) * 257, ((hex) & 0xff) * 257 }

typedef struct
{
  guint16 r, g, b;   /* 0–65535, as PangoAttrColor wants them */
} Color;

typedef struct
{
  double       size;     /* points */
  PangoWeight  weight;
  PangoStyle   style;
  const Color *color;
  double       spacing;  /* line spacing factor; 0 for the font's own */
} Style;

/* How the pen goes over a document: see rubric-export-pdf-document.c. */
typedef enum
{
  PDF_PASS_RECORD,   /* each page on a recording surface, kept (printing) */
  PDF_PASS_MEASURE,  /* a PDF's first pass: page breaks only, nothing drawn */
  PDF_PASS_DRAW,     /* its second: straight on the PDF's pages */
} PdfPass;

typedef struct
{
  gconstpointer        data;       /* the document's: see PdfDocument */
  const char          *footer;     /* left in each page's footer */
  GCancellable        *cancellable;
  PdfPass              pass;
  cairo_surface_t     *surface;    /* the PDF; NULL when printing and while
                                    * measuring */
  cairo_t             *cr;         /* what the pen draws on: the page being
                                    * laid out or drawn, or while measuring
                                    * a context that keeps nothing */
  GPtrArray           *pages;      /* when recording: cairo recording
                                    * surfaces, one a page */
  GHashTable          *shared;     /* short layouts drawn many times */
  GHashTable          *laid_out;   /* a PDF's layouts, made in the first
                                    * pass, found again in the second */
  cairo_status_t       status;     /* when drawing: the first failure of
                                    * a page's context */
  PangoContext        *context;
  double               page_width;
  double               page_height;
  double               left;       /* the text area */
  double               right;
  double               top;
  double               bottom;
  double               width;
  double               y;          /* where the next block goes */
  int                  page;       /* 1, 2, …; 0 before the first */
  int                  n_pages;    /* 0 until the pages are counted */
} Pdf;

/* Lays the document out on PDF: pdf_new_page() first, then the pen. For a
 * PDF it runs twice, measuring then drawing (rubric-export-pdf-document.c),
 * and must break the pages the same way both times: it changes no data,
 * keeps nothing between runs, reaches cairo through pdf->cr only (a page
 * has a context of its own), and changes no layout that pdf_layout_new()
 * gave it (the second run gets the same ones). */
typedef void (*PdfDrawFunc) (Pdf *pdf);

/* A document: what draws it, what it draws, and what the PDF says of it. */
typedef struct
{
  PdfDrawFunc    draw;
  gconstpointer  data;       /* pdf->data while it draws */
  const char    *title;      /* the metadata's */
  const char    *subject;
  const char    *author;     /* NULL or "": none */
  const char    *date;       /* the creation date, YYYY-MM-DD; else none */
  const char    *footer;     /* left in each page's footer; "Page N of M" right */
  gboolean       landscape;  /* the locale's paper turned */
} PdfDocument;

GBytes * pdf_render (const PdfDocument *document, GCancellable *cancellable, GError **error);
RubricPages * pdf_pages_new (const PdfDocument *document, gpointer data, GDestroyNotify data_free);
GBytes * pdf_render_panel (PdfDrawFunc draw, gconstpointer data, const char *title, const char *subject,
                           GCancellable *cancellable, GError **error);

extern const Color color_ink;
extern const Color color_secondary;
extern const Color color_tertiary;
extern const Color color_rule;
extern const Color color_track;
extern const Color color_accent;
extern const Color color_bar_fill;
extern const Color color_note_bar;
extern const Color color_private_bar;
extern const Color color_flag;
extern const Color color_flag_background;

extern const Style style_eyebrow;
extern const Style style_name;
extern const Style style_role;
extern const Style style_label;
extern const Style style_value;
extern const Style style_value_dim;
extern const Style style_score;
extern const Style style_out_of;
extern const Style style_badge;
extern const Style style_h1;
extern const Style style_h2;
extern const Style style_h3;
extern const Style style_prompt;
extern const Style style_prompt_dim;
extern const Style style_body;
extern const Style style_placeholder;
extern const Style style_cell;
extern const Style style_cell_bold;
extern const Style style_cell_dim;
extern const Style style_rating;
extern const Style style_meta;
extern const Style style_meta_dim;
extern const Style style_flag;
extern const Style style_table_head;
extern const Style style_remark;
extern const Style style_remark_flag;
extern const Style style_footer;

/* A column of a table: where, how wide, and how its text is aligned. */
typedef struct
{
  double          x;
  double          width;
  PangoAlignment  alignment;
} PdfColumn;

typedef struct
{
  const PdfColumn    *columns;
  guint               n_columns;
  const char * const *headers;       /* drawn as they are */
  const Style        *header_style;
} PdfTable;

void pdf_set_color (Pdf *pdf, const Color *color);
PangoLayout * pdf_layout_new (Pdf *pdf, const char *text, const Style *style, double width, PangoAlignment alignment);
PangoLayout * pdf_layout_shared (Pdf *pdf, const char *text, const Style *style, double width, PangoAlignment alignment);
double pdf_layout_height (PangoLayout *layout);
double pdf_layout_width (PangoLayout *layout);
double pdf_layout_baseline (PangoLayout *layout);
double pdf_layout_lines_height (PangoLayout *layout, int n);
void pdf_draw_layout (Pdf *pdf, PangoLayout *layout, double x, double y);
char * pdf_dup_label (const char *text);
void pdf_draw_footer (Pdf *pdf);
void pdf_draw_rule (Pdf *pdf, const Color *color, double thickness);
void pdf_new_page (Pdf *pdf);
void pdf_end_page (Pdf *pdf);
void pdf_ensure_space (Pdf *pdf, double height);
void pdf_add_space (Pdf *pdf, double space);
void pdf_flow_layout (Pdf *pdf, PangoLayout *layout, double x, const Color *bar, double bar_gap);
void pdf_flow_text (Pdf *pdf, const char *text, const Style *style, double x, double width, const Color *bar);
void pdf_draw_title (Pdf *pdf, const char *eyebrow, const char *title);
void pdf_draw_meta_line (Pdf *pdf, const char *label, const char *text);
double pdf_heading (Pdf *pdf, const char *text, const Style *style, double space_before, double keep);
int pdf_section (Pdf *pdf, const char *title, double space_before, double keep);
void pdf_add_outline (Pdf *pdf, int parent, const char *name, double y, int *id);
void pdf_rounded_rectangle (cairo_t *cr, double x, double y, double width, double height, double radius);
void pdf_draw_score_bar (Pdf *pdf, double x, double y, double width, double height, double score);
double pdf_draw_rating_dots (Pdf *pdf, double x, double cy, int rating);
void pdf_draw_bullets (Pdf *pdf, double x, double width, const char * const *items, const Color *bullet);
void pdf_draw_items (Pdf *pdf, const char *label, const char * const *items, const Color *bullet);
void pdf_table_header (Pdf *pdf, const PdfTable *table);
void pdf_table_row (Pdf *pdf, const PdfTable *table, const char * const *cells, const Style * const *styles,
                    const char *note);
void pdf_table_row_remarks (Pdf *pdf, const PdfTable *table, const char * const *cells, const Style * const *styles,
                            const char * const *remarks, const gboolean *flagged, const char *note);

G_END_DECLS
