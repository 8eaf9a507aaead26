/* rubric-debrief-export-pdf.c — the debrief summary as a PDF
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PdfDocument (rubric-export-pdf-document.c) drawn with the candidate
 * summary's pen, so it looks like the candidate summary and follows its
 * rules: text from the files goes to pango_layout_set_text(), never to
 * markup; long text flows over pages and nothing is clipped. The same
 * content in the same order as the Markdown. The pages are landscape: the
 * topic table has a column an interviewer, and a panel of ten still
 * fits. A disagreement is tinted and said in words under its row.
 */

#define G_LOG_DOMAIN "rubric-debrief-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-debrief-export-private.h"
#include "rubric-export-pdf-private.h"

/* The report the document draws. */
#define REPORT(pdf) ((const Report *) (pdf)->data)

#define GAP 12.0   /* between the columns of a table */

/* Strengths and concerns: green and orange dots, as the candidate summary's. */
static const Color color_strength = RGB (0x26803f);
static const Color color_concern = RGB (0xa34400);
static const Color color_blind = RGB (0xa51d2d);
static const Color color_blind_background = RGB (0xfbe0e2);

/* TEXT in STYLE on a tinted band as wide as the text area. */
static void
draw_notice (Pdf         *pdf,
             const char  *text,
             const Style *style,
             const Color *background)
{
  const double padding = 6.0;
  g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, text, style, pdf->width - 2 * padding, PANGO_ALIGN_LEFT);
  double height = pdf_layout_height (layout) + 2 * padding;

  pdf_ensure_space (pdf, height);
  pdf_set_color (pdf, background);
  pdf_rounded_rectangle (pdf->cr, pdf->left, pdf->y, pdf->width, height, 4);
  cairo_fill (pdf->cr);
  pdf_draw_layout (pdf, layout, pdf->left + padding, pdf->y + padding);
  pdf->y += height;
}

static void
draw_header (Pdf *pdf)
{
  const Report *r = REPORT (pdf);

  pdf_draw_title (pdf, _("Panel debrief"),
                  !rubric_export_is_blank (r->candidate) ? r->candidate : _("Unnamed candidate"));
  if (*r->role != '\0')
    {
      pdf->y += 1;
      pdf_flow_text (pdf, r->role, &style_role, pdf->left, pdf->width, NULL);
    }

  if (r->blind != NULL)
    {
      Style style = style_flag;

      style.color = &color_blind;
      pdf->y += 10;
      draw_notice (pdf, r->blind, &style, &color_blind_background);
    }

  pdf->y += 6;
  pdf_draw_meta_line (pdf, _("Kit"), r->kit_title);
  pdf_draw_meta_line (pdf, _("Recommendations"), r->tally);
  if (r->mixed != NULL)
    {
      pdf->y += 8;
      draw_notice (pdf, r->mixed, &style_flag, &color_flag_background);
    }
}

static void
draw_interviewers (Pdf *pdf)
{
  const Report *r = REPORT (pdf);
  const char *headers[] = { _("Interviewer"), _("Recommendation"), _("Overall score"), _("Scorecard") };
  double widths[] = { 0.28, 0.2, 0.12, 0 };
  PdfColumn columns[G_N_ELEMENTS (headers)];
  PdfTable table = { columns, G_N_ELEMENTS (columns), headers, &style_table_head };
  double x = pdf->left;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      double width = widths[i] > 0 ? widths[i] * pdf->width : pdf->right - x;

      columns[i] = (PdfColumn) { x, width - (i + 1 < G_N_ELEMENTS (columns) ? GAP : 0),
                                 i == 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT };
      x += width;
    }

  pdf_section (pdf, _("Interviewers"), 24, 60);
  pdf_table_header (pdf, &table);
  for (guint i = 0; i < r->n; i++)
    {
      const char *cells[] = { r->names[i], r->recommendations[i], r->overall[i], r->statuses[i] };
      const Style *styles[] = { &style_cell_bold, &style_cell, &style_cell, r->counted[i] ? &style_cell : &style_cell_dim };

      pdf_table_row (pdf, &table, cells, styles, NULL);
    }
}

/* The topics × interviewers: the topic in what the score columns leave,
 * at least a sixth of the width; a score column at most 80 points, and
 * closer together than a table's: a panel of ten on A4 or US Letter keeps
 * 44 points or more for a name, "Interviewer" whole. */
static void
draw_topics (Pdf *pdf)
{
  const Report *r = REPORT (pdf);
  guint n = r->n + 2;
  g_autofree PdfColumn *columns = g_new0 (PdfColumn, n);
  g_autofree const char **headers = g_new0 (const char *, n);
  g_autofree const char **cells = g_new0 (const char *, n);
  g_autofree const Style **styles = g_new0 (const Style *, n);
  PdfTable table = { columns, n, headers, &style_table_head };
  const double gap = GAP / 2;
  double column = MIN (80.0, (pdf->width * 5 / 6) / (r->n + 1));
  double x = pdf->right;

  for (guint i = n - 1; i > 0; i--)
    {
      columns[i] = (PdfColumn) { x - column + gap, column - gap, PANGO_ALIGN_RIGHT };
      headers[i] = i <= r->n ? r->names[i - 1] : _("Panel");
      x -= column;
    }
  columns[0] = (PdfColumn) { pdf->left, x - pdf->left - GAP, PANGO_ALIGN_LEFT };
  headers[0] = _("Topic");

  pdf_section (pdf, _("Topics"), 24, 80);
  pdf_table_header (pdf, &table);
  for (guint t = 0; t < r->topics->len; t++)
    {
      ReportTopic *topic = g_ptr_array_index (r->topics, t);

      cells[0] = topic->title;
      styles[0] = &style_cell;
      for (guint i = 0; i < r->n; i++)
        {
          cells[i + 1] = topic->scores[i];
          styles[i + 1] = g_str_equal (topic->scores[i], "—") ? &style_cell_dim : &style_cell;
        }
      cells[n - 1] = topic->panel;
      styles[n - 1] = g_str_equal (topic->panel, "—") ? &style_cell_dim : &style_cell_bold;
      pdf_table_row (pdf, &table, cells, styles,
                     topic->disagreement ? rubric_debrief_export_disagreement_label () : NULL);
    }
}

static void
draw_list (Pdf              *pdf,
           const ReportList *list)
{
  pdf_section (pdf, list->heading, 22, 40);
  if (list->items[0] != NULL)
    pdf_draw_bullets (pdf, pdf->left, pdf->width, list->items, &color_accent);
  else
    pdf_flow_text (pdf, list->none, &style_placeholder, pdf->left, pdf->width, NULL);
}

/* The height of NOTES (nullable) and EVIDENCE under them, as
 * draw_answer() draws them in WIDTH. */
static double
details_height (Pdf                *pdf,
                double              width,
                PangoLayout        *notes,
                const char * const *evidence)
{
  double height = notes != NULL ? pdf_layout_height (notes) : 0;

  for (guint i = 0; evidence[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) item = pdf_layout_new (pdf, evidence[i], &style_body, width - PDF_BULLET_INDENT,
                                                    PANGO_ALIGN_LEFT);

      height += (i > 0 ? 2 : notes != NULL ? 3 : 0) + pdf_layout_height (item);
    }
  return height;
}

/* An interviewer's answer to a question: the name and rating in their
 * columns, the notes and evidence down the last. The row stays on one
 * page when a page can hold it; else it flows over pages. */
static void
draw_answer (Pdf                  *pdf,
             const PdfTable       *table,
             const ReportQuestion *q,
             guint                 i)
{
  const Report *r = REPORT (pdf);
  const PdfColumn *c = table->columns;
  const double padding = 5.0;
  gboolean rated = g_str_equal (q->statuses[i], "rated");
  g_autoptr(PangoLayout) name = pdf_layout_new (pdf, r->names[i], &style_cell_bold, c[0].width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) rating = pdf_layout_new (pdf, q->ratings[i], rated ? &style_cell : &style_cell_dim,
                                                  c[1].width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) notes = NULL;
  double side = MAX (pdf_layout_height (name), pdf_layout_height (rating));
  double details, top;
  int page = pdf->page;

  if (!rubric_export_is_blank (q->notes[i]))
    notes = pdf_layout_new (pdf, q->notes[i], &style_cell, c[2].width, PANGO_ALIGN_LEFT);
  details = details_height (pdf, c[2].width, notes, (const char * const *) q->evidence[i]);

  pdf_ensure_space (pdf, MIN (MAX (side, details) + 2 * padding, pdf->bottom - pdf->top));
  if (pdf->page != page)
    pdf_table_header (pdf, table);
  page = pdf->page;

  top = pdf->y + padding;
  pdf_draw_layout (pdf, name, c[0].x, top);
  pdf_draw_layout (pdf, rating, c[1].x, top);
  pdf->y = top;
  if (notes != NULL)
    pdf_flow_layout (pdf, notes, c[2].x, NULL, 0);
  if (q->evidence[i][0] != NULL)
    {
      if (notes != NULL)
        pdf->y += 3;
      pdf_draw_bullets (pdf, c[2].x, c[2].width, (const char * const *) q->evidence[i], &color_tertiary);
    }
  if (pdf->page == page)
    pdf->y = MAX (pdf->y, top + side);
  pdf->y += padding;

  pdf_draw_rule (pdf, &color_rule, 0.5);
}

static void
draw_question (Pdf                  *pdf,
               int                   outline,
               const PdfTable       *table,
               const ReportQuestion *q)
{
  const Report *r = REPORT (pdf);
  double y;

  y = pdf_heading (pdf, q->title, &style_h2, 26, 90);
  pdf_add_outline (pdf, outline, q->title, y, NULL);
  pdf->y += 4;
  pdf_flow_text (pdf, q->prompt, &style_prompt_dim, pdf->left, pdf->width, NULL);
  if (q->disagreement)
    {
      pdf->y += 6;
      draw_notice (pdf, rubric_debrief_export_disagreement_label (), &style_flag, &color_flag_background);
    }
  pdf->y += 10;
  pdf_ensure_space (pdf, 40);
  pdf_table_header (pdf, table);
  for (guint i = 0; i < r->n && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    draw_answer (pdf, table, q, i);
}

static void
draw_questions (Pdf *pdf)
{
  const Report *r = REPORT (pdf);
  g_autofree char *details = g_strdup_printf (C_("debrief", "%s · %s"), _("Notes"), _("Evidence"));
  const char *headers[] = { _("Interviewer"), _("Rating"), details };
  PdfColumn columns[G_N_ELEMENTS (headers)];
  PdfTable table = { columns, G_N_ELEMENTS (columns), headers, &style_table_head };
  double name = MIN (170.0, pdf->width * 0.24);
  int outline;

  if (r->asked->len == 0)
    return;

  columns[0] = (PdfColumn) { pdf->left, name - GAP, PANGO_ALIGN_LEFT };
  columns[1] = (PdfColumn) { pdf->left + name, 150.0 - GAP, PANGO_ALIGN_LEFT };
  columns[2] = (PdfColumn) { pdf->left + name + 150.0, pdf->width - name - 150.0, PANGO_ALIGN_LEFT };

  /* The overview is page 1 and what follows it: the details start anew. */
  pdf_new_page (pdf);
  outline = pdf_section (pdf, _("Questions and notes"), 0, 120);
  pdf->y -= 16;  /* the first question's space above it is nearly enough */
  for (guint k = 0; k < r->asked->len && !g_cancellable_is_cancelled (pdf->cancellable); k++)
    draw_question (pdf, outline, &table, g_ptr_array_index (r->asked, k));
}

static void
draw_strengths (Pdf *pdf)
{
  const Report *r = REPORT (pdf);
  const char *title = _("Strengths and concerns");
  int outline = pdf_section (pdf, title, 36, 80);

  pdf->y -= 18;
  for (guint i = 0; i < r->n; i++)
    {
      double y = pdf_heading (pdf, r->names[i], &style_h3, 18, 40);

      pdf_add_outline (pdf, outline, r->names[i], y, NULL);
      if (!rubric_export_is_blank (r->summaries[i]))
        {
          pdf->y += 6;
          pdf_flow_text (pdf, r->summaries[i], &style_body, pdf->left, pdf->width, &color_note_bar);
        }
      if (r->strengths[i][0] != NULL)
        pdf_draw_items (pdf, _("Strengths"), (const char * const *) r->strengths[i], &color_strength);
      if (r->concerns[i][0] != NULL)
        pdf_draw_items (pdf, _("Concerns"), (const char * const *) r->concerns[i], &color_concern);
    }
}

static void
draw_document (Pdf *pdf)
{
  const Report *r = REPORT (pdf);

  pdf_new_page (pdf);
  draw_header (pdf);
  draw_interviewers (pdf);
  draw_topics (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (r->lists); i++)
    draw_list (pdf, &r->lists[i]);
  draw_questions (pdf);
  draw_strengths (pdf);
}

/**
 * rubric_debrief_export_write_pdf:
 * @cancellable: (nullable): stops the drawing between two questions
 *
 * Draws @report on landscape pages of the locale's paper (A4, or US
 * Letter where LC_PAPER says so). No author and no creation date: a
 * debrief has several of each, and the same report gives the same file.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
rubric_debrief_export_write_pdf (const Report  *report,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return pdf_render_panel (draw_document, report, report->title, report->kit_title, cancellable, error);
}
