/* rubric-export-pdf-pen.c — what the PDF summary is drawn with: styles,
 * text that flows over pages, bars, dots and the footer
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-export-pdf-pen"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-export-pdf-private.h"


/* --------------------------------------------------------------- styles */


#define RGB(hex) { ((hex) >> 16 & 0xff) * 257, ((hex) >> 8 & 0xff) * 257, ((hex) & 0xff) * 257 }

/* The GNOME palette. */
const Color color_ink         = RGB (0x1e1e1e);
const Color color_secondary   = RGB (0x5e5c64);
const Color color_tertiary    = RGB (0x77767b);
const Color color_rule        = RGB (0xdeddda);
const Color color_track       = RGB (0xe8e8ea);
const Color color_accent      = RGB (0x1c71d8);
const Color color_bar_fill    = RGB (0x3584e4);
const Color color_note_bar    = RGB (0x99c1f1);
const Color color_private_bar = RGB (0xf6d32d);
/* A flag: ratings that differ, recommendations that are mixed. */
const Color color_flag        = RGB (0xa34400);
const Color color_flag_background = RGB (0xfdebd9);


const Style style_eyebrow = { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_accent, 0 };
const Style style_name = { 26.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 0 };
const Style style_role = { 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_secondary, 0 };
const Style style_label = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_tertiary, 0 };
const Style style_value = { 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_ink, 1.15 };
const Style style_value_dim = { 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_tertiary, 1.15 };
const Style style_score = { 20.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 0 };
const Style style_out_of = { 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_secondary, 0 };
const Style style_badge = { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 0 };
const Style style_h1 = { 16.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 0 };
const Style style_h2 = { 13.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 1.1 };
const Style style_h3 = { 12.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 1.1 };
const Style style_prompt = { 11.0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, &color_ink, 1.2 };
const Style style_prompt_dim = { 11.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_secondary, 1.2 };
const Style style_body = { 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_ink, 1.3 };
const Style style_placeholder = { 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, &color_tertiary, 1.3 };
const Style style_cell = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_ink, 1.15 };
const Style style_cell_bold = { 10.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 1.15 };
const Style style_cell_dim = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_tertiary, 1.15 };
const Style style_rating = { 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_ink, 0 };
const Style style_meta = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_secondary, 0 };
const Style style_meta_dim = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, &color_tertiary, 0 };
const Style style_flag = { 10.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_flag, 1.15 };
/* The headings of the tables: not in capitals, since they hold names. */
const Style style_table_head = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_secondary, 1.1 };
const Style style_remark = { 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_secondary, 1.1 };
const Style style_remark_flag = { 8.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &color_flag, 1.1 };
const Style style_footer = { 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &color_tertiary, 0 };

/* ------------------------------------------------------------- the pen */


void
pdf_set_color (Pdf         *pdf,
           const Color *color)
{
  cairo_set_source_rgb (pdf->cr, color->r / 65535.0, color->g / 65535.0, color->b / 65535.0);
}

/* Pango shapes the rest of a run again for each line it breaks inside it,
 * so a word of thousands of characters with no place to break (a pasted
 * token, a base64 blob) took seconds: 50 KB, 4–6 s. A run ends where an
 * attribute does, so a letter spacing of 0, which changes nothing drawn,
 * over each WORD_PIECE characters of a word longer than LONG_WORD keeps
 * every run short. Shorter words are left whole: the pieces are shaped
 * apart, and would lose their kerning at the seams. */
#define LONG_WORD  64
#define WORD_PIECE 32

static void
add_piece (PangoAttrList *attrs,
           const char    *text,
           const char    *start,
           const char    *end)
{
  PangoAttribute *attr = pango_attr_letter_spacing_new (0);

  attr->start_index = start - text;
  attr->end_index = end - text;
  pango_attr_list_insert (attrs, attr);
}

static void
split_word (PangoAttrList *attrs,
            const char    *text,
            const char    *start,
            const char    *end)
{
  const char *piece = start;
  guint n = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      if (n == WORD_PIECE)
        {
          add_piece (attrs, text, piece, p);
          piece = p;
          n = 0;
        }
      n++;
    }
  add_piece (attrs, text, piece, end);
}

static void
split_long_words (PangoAttrList *attrs,
                  const char    *text)
{
  const char *word = NULL;   /* where the current word started */
  guint length = 0;          /* its characters so far */

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (word == NULL)
            word = p, length = 0;
          length++;
          continue;
        }
      if (word != NULL && length > LONG_WORD)
        split_word (attrs, text, word, p);
      word = NULL;
      if (*p == '\0')
        break;
    }
}

static PangoLayout *
layout_make (Pdf             *pdf,
             const char      *text,
             const Style     *style,
             double           width,
             PangoAlignment   alignment)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_text (layout, text, -1);

  pango_attr_list_insert (attrs, pango_attr_size_new ((int) (style->size * PANGO_SCALE)));
  pango_attr_list_insert (attrs, pango_attr_weight_new (style->weight));
  pango_attr_list_insert (attrs, pango_attr_style_new (style->style));
  pango_attr_list_insert (attrs, pango_attr_foreground_new (style->color->r, style->color->g, style->color->b));
  split_long_words (attrs, pango_layout_get_text (layout));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  if (style->spacing > 0)
    pango_layout_set_line_spacing (layout, style->spacing);

  return layout;
}

/* The layout TABLE holds for TEXT in STYLE, WIDTH and ALIGNMENT, made and
 * put there the first time; borrowed. The style counts by value: a caller
 * may pass a copy, changed. */
static PangoLayout *
find_or_make (Pdf            *pdf,
              GHashTable     *table,
              const char     *text,
              const Style    *style,
              double          width,
              PangoAlignment  alignment)
{
  g_autofree char *key = g_strdup_printf ("%a %d %d %u %u %u %a %a %d %s", style->size, style->weight, style->style,
                                          style->color->r, style->color->g, style->color->b, style->spacing,
                                          width, alignment, text);
  PangoLayout *layout = g_hash_table_lookup (table, key);

  if (layout == NULL)
    {
      layout = layout_make (pdf, text, style, width, alignment);
      g_hash_table_insert (table, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* A layout of TEXT (never markup) in STYLE; wrapped at WIDTH when it is
 * above 0. Never changed once made: a PDF's second pass gets the layout
 * that its first made for the same text, style, width and alignment (its
 * shaping is most of the first pass's time). */
PangoLayout *
pdf_layout_new (Pdf             *pdf,
            const char      *text,
            const Style     *style,
            double           width,
            PangoAlignment   alignment)
{
  if (pdf->laid_out == NULL)
    return layout_make (pdf, text, style, width, alignment);
  return g_object_ref (find_or_make (pdf, pdf->laid_out, text, style, width, alignment));
}

/* Like pdf_layout_new(), for the short texts that come again and again
 * (a label, a rating, a time): laid out once per document and borrowed,
 * never changed. */
PangoLayout *
pdf_layout_shared (Pdf             *pdf,
                   const char      *text,
                   const Style     *style,
                   double           width,
                   PangoAlignment   alignment)
{
  return find_or_make (pdf, pdf->shared, text, style, width, alignment);
}

double
pdf_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
pdf_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* The distance from the top of LAYOUT to its first baseline. */
double
pdf_layout_baseline (PangoLayout *layout)
{
  return pango_units_to_double (pango_layout_get_baseline (layout));
}

/* The height of LAYOUT's first N lines. */
double
pdf_layout_lines_height (PangoLayout *layout,
                     int          n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1 = 0;

  for (int i = 0; i < n; i++)
    {
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);

  return pango_units_to_double (y1);
}

void
pdf_draw_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (pdf->pass == PDF_PASS_MEASURE)
    return;
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

char *
pdf_dup_label (const char *text)
{
  return g_utf8_strup (text, -1);
}

void
pdf_draw_footer (Pdf *pdf)
{
  g_autofree char *page = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double y = pdf->bottom + FOOTER_GAP;

  pdf_set_color (pdf, &color_rule);
  cairo_rectangle (pdf->cr, pdf->left, y, pdf->width, 0.5);
  cairo_fill (pdf->cr);

  /* Translators: the page number in the footer of an exported summary */
  page = g_strdup_printf (_("Page %d of %d"), pdf->page, pdf->n_pages);

  /* Made here, not found again: the left one is changed below. */
  right = layout_make (pdf, page, &style_footer, 0, PANGO_ALIGN_LEFT);
  left = layout_make (pdf, pdf->footer, &style_footer, pdf->width - pdf_layout_width (right) - 24, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, 0);  /* one line */

  pdf_draw_layout (pdf, left, pdf->left, y + 6);
  pdf_draw_layout (pdf, right, pdf->right - pdf_layout_width (right), y + 6);
}

/* Starts a page (the first one too), on a fresh cairo context:
 *  - recording: on a recording surface, kept until the pages are painted;
 *  - measuring: nowhere, only counted;
 *  - drawing: the page before ends with its footer, and the PDF's next
 *    page starts. */
void
pdf_new_page (Pdf *pdf)
{
  cairo_rectangle_t extents = { 0, 0, pdf->page_width, pdf->page_height };
  cairo_surface_t *page;

  switch (pdf->pass)
    {
    case PDF_PASS_RECORD:
      page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      g_ptr_array_add (pdf->pages, page);
      g_clear_pointer (&pdf->cr, cairo_destroy);
      pdf->cr = cairo_create (page);
      break;

    case PDF_PASS_MEASURE:
      cairo_new_path (pdf->cr);
      break;

    case PDF_PASS_DRAW:
      pdf_end_page (pdf);
      pdf->cr = cairo_create (pdf->surface);
      break;

    default:
      g_assert_not_reached ();
    }

  pdf_set_color (pdf, &color_ink);
  pdf->page++;
  pdf->y = pdf->top;
}

/* When drawing: ends the page being drawn, if any, with its footer. */
void
pdf_end_page (Pdf *pdf)
{
  g_return_if_fail (pdf->pass == PDF_PASS_DRAW);

  if (pdf->cr == NULL)
    return;
  /* On a clean state, whatever the page's drawing left. */
  cairo_save (pdf->cr);
  cairo_reset_clip (pdf->cr);
  cairo_identity_matrix (pdf->cr);
  pdf_draw_footer (pdf);
  cairo_restore (pdf->cr);
  cairo_show_page (pdf->cr);
  if (pdf->status == CAIRO_STATUS_SUCCESS)
    pdf->status = cairo_status (pdf->cr);
  g_clear_pointer (&pdf->cr, cairo_destroy);
}


static gboolean
at_page_top (Pdf *pdf)
{
  return pdf->y <= pdf->top + 0.01;
}

/* Starts a new page unless HEIGHT still fits on this one (or the page is
 * empty: then it could not fit anywhere). */
void
pdf_ensure_space (Pdf    *pdf,
              double  height)
{
  if (pdf->y + height > pdf->bottom && !at_page_top (pdf))
    pdf_new_page (pdf);
}

void
pdf_add_space (Pdf    *pdf,
           double  space)
{
  if (!at_page_top (pdf))
    pdf->y = MIN (pdf->y + space, pdf->bottom);
}

/* A thin bar down the left of a quote. */
static void
draw_bar (Pdf         *pdf,
          const Color *color,
          double       x,
          double       top,
          double       bottom)
{
  pdf_set_color (pdf, color);
  pdf_rounded_rectangle (pdf->cr, x, top + 1, 2.5, bottom - top - 2, 1.25);
  cairo_fill (pdf->cr);
}

/* Draws LAYOUT at X, line by line, from the current position on; a line
 * that does not fit goes to the next page. With BAR, a thin bar runs down
 * the left of the text, BAR_GAP points before X. */
void
pdf_flow_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             const Color *bar,
             double       bar_gap)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = pdf->y;   /* where the layout's y = 0 lies on this page */
  double bar_top = pdf->y;  /* where the bar starts on this page */

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int y0, y1;
      double top, bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_units_to_double (y0);
      bottom = pango_units_to_double (y1);

      if (origin + bottom > pdf->bottom && origin + top > pdf->top + 0.01)
        {
          if (bar != NULL)
            draw_bar (pdf, bar, x - bar_gap, bar_top, pdf->y);
          pdf_new_page (pdf);
          origin = pdf->top - top;
          bar_top = pdf->top;
        }

      if (pdf->pass != PDF_PASS_MEASURE)
        {
          cairo_move_to (pdf->cr, x + pango_units_to_double (logical.x),
                         origin + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
          pango_cairo_show_layout_line (pdf->cr, line);
        }

      pdf->y = origin + bottom;
    }
  while (pango_layout_iter_next_line (iter));

  if (bar != NULL)
    draw_bar (pdf, bar, x - bar_gap, bar_top, pdf->y);

  pango_layout_iter_free (iter);
}

/* Text that may be long: wrapped to WIDTH, flowed across pages. */
void
pdf_flow_text (Pdf         *pdf,
           const char  *text,
           const Style *style,
           double       x,
           double       width,
           const Color *bar)
{
  g_autoptr(PangoLayout) layout = NULL;
  double bar_gap = bar != NULL ? 10.0 : 0.0;

  layout = pdf_layout_new (pdf, text, style, width - bar_gap, PANGO_ALIGN_LEFT);
  pdf_flow_layout (pdf, layout, x + bar_gap, bar, bar_gap);
}

/* The top of a document's first page: EYEBROW small over TITLE big. */
void
pdf_draw_title (Pdf        *pdf,
                const char *eyebrow,
                const char *title)
{
  g_autoptr(PangoLayout) eyebrow_layout = pdf_layout_new (pdf, eyebrow, &style_eyebrow, pdf->width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) title_layout = pdf_layout_new (pdf, title, &style_name, pdf->width, PANGO_ALIGN_LEFT);

  pdf_flow_layout (pdf, eyebrow_layout, pdf->left, NULL, 0);
  pdf->y += 3;
  pdf_flow_layout (pdf, title_layout, pdf->left, NULL, 0);
}

/* "Label: text", small, on a line of its own under the title. */
void
pdf_draw_meta_line (Pdf        *pdf,
                    const char *label,
                    const char *text)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);
  g_autofree char *line = g_strconcat (with_colon, " ", text, NULL);

  pdf->y += 3;
  pdf_flow_text (pdf, line, &style_meta, pdf->left, pdf->width, NULL);
}

/* A section heading, kept on one page with the first KEEP points of what
 * follows it. Returns the heading's y, for the outline. */
double
pdf_heading (Pdf         *pdf,
         const char  *text,
         const Style *style,
         double       space_before,
         double       keep)
{
  g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, text, style, pdf->width, PANGO_ALIGN_LEFT);
  double height = pdf_layout_height (layout);
  double y;

  pdf_add_space (pdf, space_before);
  pdf_ensure_space (pdf, height + keep);
  y = pdf->y;
  pdf_flow_layout (pdf, layout, pdf->left, NULL, 0);

  return y;
}

/* A section's heading in style_h1, in the outline too; returns its
 * outline id. */
int
pdf_section (Pdf        *pdf,
             const char *title,
             double      space_before,
             double      keep)
{
  double y = pdf_heading (pdf, title, &style_h1, space_before, keep);
  int id;

  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, title, y, &id);
  pdf->y += 8;
  return id;
}

void
pdf_add_outline (Pdf        *pdf,
             int         parent,
             const char *name,
             double      y,
             int        *id)
{
  g_autofree char *link = NULL;
  int new_id = CAIRO_PDF_OUTLINE_ROOT;

  /* Printed pages have no outline. */
  if (pdf->surface != NULL)
    {
      link = g_strdup_printf ("page=%d pos=[%d %d]", pdf->page, (int) pdf->left, (int) MAX (y - 6, 0));
      new_id = cairo_pdf_surface_add_outline (pdf->surface, parent, name, link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }

  if (id != NULL)
    *id = new_id;
}

/* ITEMS as a list with BULLET dots, at X in WIDTH: wrapped under
 * themselves, flowed across pages. */
void
pdf_draw_bullets (Pdf                *pdf,
                  double              x,
                  double              width,
                  const char * const *items,
                  const Color        *bullet)
{
  const double indent = PDF_BULLET_INDENT;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) item = pdf_layout_new (pdf, items[i], &style_body, width - indent, PANGO_ALIGN_LEFT);
      double first = pdf_layout_lines_height (item, 1);

      if (i > 0)
        pdf->y += 2;
      pdf_ensure_space (pdf, first);
      pdf_set_color (pdf, bullet);
      cairo_new_sub_path (pdf->cr);
      cairo_arc (pdf->cr, x + 4, pdf->y + pdf_layout_baseline (item) - 3.2, 1.8, 0, 2 * G_PI);
      cairo_fill (pdf->cr);
      pdf_flow_layout (pdf, item, x + indent, NULL, 0);
    }
}

/* LABEL, then ITEMS as a list with BULLET dots: the key points of an
 * answer, the strengths and the concerns, the plan's times. */
void
pdf_draw_items (Pdf                *pdf,
                const char         *label,
                const char * const *items,
                const Color        *bullet)
{
  g_autofree char *label_text = pdf_dup_label (label);
  g_autoptr(PangoLayout) label_layout = pdf_layout_new (pdf, label_text, &style_label, pdf->width, PANGO_ALIGN_LEFT);

  pdf->y += 8;
  pdf_ensure_space (pdf, pdf_layout_height (label_layout) + 4 + 14);
  pdf_draw_layout (pdf, label_layout, pdf->left, pdf->y);
  pdf->y += pdf_layout_height (label_layout) + 4;
  pdf_draw_bullets (pdf, pdf->left, pdf->width, items, bullet);
}

/* A rule across the text area where the next block goes, THICKNESS
 * high, in COLOR; what follows goes on below it. */
void
pdf_draw_rule (Pdf         *pdf,
               const Color *color,
               double       thickness)
{
  pdf_set_color (pdf, color);
  cairo_rectangle (pdf->cr, pdf->left, pdf->y, pdf->width, thickness);
  cairo_fill (pdf->cr);
}

/* -------------------------------------------------------------- tables */

/* The table's headings, then a rule. */
void
pdf_table_header (Pdf            *pdf,
                  const PdfTable *table)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const PdfColumn *column = &table->columns[i];
      g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, table->headers[i], table->header_style, column->width,
                                                      column->alignment);

      pdf_draw_layout (pdf, layout, column->x, pdf->y);
      height = MAX (height, pdf_layout_height (layout));
    }

  pdf->y += height + 5;
  pdf_set_color (pdf, &color_secondary);
  cairo_rectangle (pdf->cr, pdf->left, pdf->y, pdf->width, 0.75);
  cairo_fill (pdf->cr);
  pdf->y += 0.75;
}

static void
layout_unref0 (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

/* One row of TABLE: each of CELLS in its column, in STYLES[i], wrapped to
 * the column's width; with REMARKS (nullable, and each), a remark in small
 * type under its cell, tinted with its cell when FLAGGED[i]. With NOTE,
 * the row is tinted and NOTE says why under its cells. Colour is never
 * all that marks a row or a cell: a note or a remark says it in words. A
 * row never breaks; the headings come again on a new page. */
void
pdf_table_row_remarks (Pdf                 *pdf,
                       const PdfTable      *table,
                       const char * const  *cells,
                       const Style * const *styles,
                       const char * const  *remarks,
                       const gboolean      *flagged,
                       const char          *note)
{
  const double padding = 5.0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) remark_layouts = g_ptr_array_new_with_free_func (layout_unref0);
  g_autoptr(PangoLayout) note_layout = NULL;
  g_autofree double *heights = g_new0 (double, table->n_columns);
  double height = 0, cells_height, y;
  int page = pdf->page;

  for (guint i = 0; i < table->n_columns; i++)
    {
      const PdfColumn *column = &table->columns[i];
      PangoLayout *layout = pdf_layout_new (pdf, cells[i], styles[i], column->width, column->alignment);
      PangoLayout *remark = NULL;

      heights[i] = pdf_layout_height (layout);
      if (remarks != NULL && remarks[i] != NULL)
        {
          remark = pdf_layout_new (pdf, remarks[i], flagged != NULL && flagged[i] ? &style_remark_flag : &style_remark,
                                   column->width, column->alignment);
          height = MAX (height, heights[i] + 1 + pdf_layout_height (remark));
        }
      g_ptr_array_add (layouts, layout);
      g_ptr_array_add (remark_layouts, remark);   /* NULL: none */
      height = MAX (height, heights[i]);
    }
  cells_height = height;
  if (note != NULL)
    {
      note_layout = pdf_layout_new (pdf, note, &style_flag, pdf->right - table->columns[0].x, PANGO_ALIGN_LEFT);
      height += 2 + pdf_layout_height (note_layout);
    }
  height += 2 * padding;

  pdf_ensure_space (pdf, height);
  if (pdf->page != page)
    pdf_table_header (pdf, table);

  if (note != NULL)
    {
      pdf_set_color (pdf, &color_flag_background);
      cairo_rectangle (pdf->cr, pdf->left, pdf->y, pdf->width, height);
      cairo_fill (pdf->cr);
    }
  y = pdf->y + padding;
  for (guint i = 0; i < table->n_columns; i++)
    {
      const PdfColumn *column = &table->columns[i];
      PangoLayout *remark = g_ptr_array_index (remark_layouts, i);

      if (note == NULL && flagged != NULL && flagged[i] && remarks != NULL && remarks[i] != NULL)
        {
          pdf_set_color (pdf, &color_flag_background);
          cairo_rectangle (pdf->cr, column->x - 2, pdf->y + 1, column->width + 4, height - 2);
          cairo_fill (pdf->cr);
        }
      pdf_draw_layout (pdf, g_ptr_array_index (layouts, i), column->x, y);
      if (remark != NULL)
        pdf_draw_layout (pdf, remark, column->x, y + heights[i] + 1);
    }
  if (note_layout != NULL)
    pdf_draw_layout (pdf, note_layout, table->columns[0].x, y + cells_height + 2);

  pdf->y += height;
  pdf_draw_rule (pdf, &color_rule, 0.5);
}

/* One row of TABLE, as pdf_table_row_remarks() without remarks. */
void
pdf_table_row (Pdf                 *pdf,
               const PdfTable      *table,
               const char * const  *cells,
               const Style * const *styles,
               const char          *note)
{
  pdf_table_row_remarks (pdf, table, cells, styles, NULL, NULL, note);
}

/* ------------------------------------------------------------ drawings */

void
pdf_rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A grey track WIDTH long with SCORE/5 of it filled. */
void
pdf_draw_score_bar (Pdf    *pdf,
                double  x,
                double  y,
                double  width,
                double  height,
                double  score)
{
  double fill = width * CLAMP (score, 0.0, 5.0) / 5.0;

  pdf_set_color (pdf, &color_track);
  pdf_rounded_rectangle (pdf->cr, x, y, width, height, height / 2);
  cairo_fill (pdf->cr);

  if (fill > 0)
    {
      cairo_save (pdf->cr);
      pdf_rounded_rectangle (pdf->cr, x, y, width, height, height / 2);
      cairo_clip (pdf->cr);
      pdf_set_color (pdf, &color_bar_fill);
      cairo_rectangle (pdf->cr, x, y, fill, height);
      cairo_fill (pdf->cr);
      cairo_restore (pdf->cr);
    }
}

/* Five dots, RATING of them filled, centred on CY; returns the width. */
double
pdf_draw_rating_dots (Pdf    *pdf,
                  double  x,
                  double  cy,
                  int     rating)
{
  const double radius = 3.0;
  const double step = 9.0;

  rating = CLAMP (rating, 0, 5);

  /* The filled dots, then the empty ones: a path each. */
  for (int filled = 1; filled >= 0; filled--)
    {
      for (int i = filled ? 0 : rating; i < (filled ? rating : 5); i++)
        {
          cairo_new_sub_path (pdf->cr);
          cairo_arc (pdf->cr, x + radius + i * step, cy, radius, 0, 2 * G_PI);
        }
      pdf_set_color (pdf, filled ? &color_bar_fill : &color_track);
      cairo_fill (pdf->cr);
    }

  return 4 * step + 2 * radius;
}

