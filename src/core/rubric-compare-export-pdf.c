/* rubric-compare-export-pdf.c — candidates for one role, compared, as a PDF
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PdfDocument (rubric-export-pdf-document.c) drawn with the candidate
 * summary's pen, on landscape pages as the debrief's, and by its rules:
 * text from the files goes to pango_layout_set_text(), never to markup;
 * long text flows over pages and nothing is clipped; no creation date, so
 * the same compare gives the same file. The table is the compare view's,
 * in its default order: a row a candidate, a split panel or a topic over
 * time said in words under its score. When the topics' titles do not fit
 * over their columns, the columns are numbered and a key names them.
 */

#define G_LOG_DOMAIN "rubric-compare-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-compare-export-private.h"
#include "rubric-export-pdf-private.h"

/* The report the document draws. */
#define REPORT(pdf) ((const CompareReport *) (pdf)->data)

#define GAP 12.0   /* between the columns of a table */

/* The columns of the candidates' table: name, overall, recommendation,
 * the topics, audit. */
#define FIRST_TOPIC 3

static void
draw_header (Pdf *pdf)
{
  const CompareReport *r = REPORT (pdf);

  /* Translators: small, over the role, at the top of an exported
   * comparison of candidates */
  pdf_draw_title (pdf, _("Candidates compared"), r->role);
  pdf->y += 6;
  if (r->plan != NULL)
    pdf_draw_meta_line (pdf, _("Plan"), r->plan);
  if (!rubric_export_is_blank (r->kit_title))
    pdf_draw_meta_line (pdf, _("Kit"), r->kit_title);
  pdf->y += 3;
  pdf_flow_text (pdf, r->counts, &style_meta, pdf->left, pdf->width, NULL);
  if (r->problems[0] != NULL)
    /* Translators: the heading of the files an exported comparison left
     * out, or warned about */
    pdf_draw_items (pdf, _("Problems with the files"), r->problems, &color_flag);
}

/* Whether each topic's title fits over a column of WIDTH: no word broken,
 * three lines at most. */
static gboolean
titles_fit (Pdf    *pdf,
            double  width)
{
  const CompareReport *r = REPORT (pdf);

  for (guint t = 0; t < r->n_topics; t++)
    {
      g_autoptr(PangoLayout) title = pdf_layout_new (pdf, r->topics[t], &style_table_head, width, PANGO_ALIGN_RIGHT);
      g_auto(GStrv) words = g_strsplit_set (r->topics[t], " \t\n", -1);

      if (pango_layout_get_line_count (title) > 3)
        return FALSE;
      for (guint i = 0; words[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) word = pdf_layout_new (pdf, words[i], &style_table_head, 0, PANGO_ALIGN_LEFT);

          if (pdf_layout_width (word) > width)
            return FALSE;
        }
    }
  return TRUE;
}

/* The candidates × topics. The numbers right-aligned in narrow columns,
 * at most 80 points each; the name takes what they leave, between a
 * sixth and 30 % of the width, and the audit the rest: ten topics on A4
 * or US Letter keep 40 points or more a topic, as wide as "Hidden" and
 * the remarks' longest word. */
static void
draw_table (Pdf *pdf)
{
  const CompareReport *r = REPORT (pdf);
  guint n = r->n_topics + FIRST_TOPIC + 1;
  g_autofree PdfColumn *columns = g_new0 (PdfColumn, n);
  g_autofree const char **headers = g_new0 (const char *, n);
  g_autofree const char **cells = g_new0 (const char *, n);
  g_autofree const Style **styles = g_new0 (const Style *, n);
  g_autofree const char **remarks = g_new0 (const char *, n);
  g_autofree gboolean *flagged = g_new0 (gboolean, n);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  PdfTable table = { columns, n, headers, &style_table_head };
  const double gap = GAP / 2;
  const double overall = 44.0, audit = 60.0;
  double recommendation = MIN (120.0, pdf->width * 0.13);
  double name = pdf->width / 6;
  double topic = r->n_topics > 0 ? MIN (80.0, (pdf->width - name - overall - recommendation - audit) / r->n_topics) : 0;
  gboolean numbered;
  double x = pdf->left;

  name = MIN (pdf->width * 0.3, pdf->width - overall - recommendation - audit - topic * r->n_topics);
  columns[0] = (PdfColumn) { x, name - GAP, PANGO_ALIGN_LEFT };
  x += name;
  columns[1] = (PdfColumn) { x, overall - gap, PANGO_ALIGN_RIGHT };
  x += overall;
  columns[2] = (PdfColumn) { x + gap, recommendation - GAP, PANGO_ALIGN_LEFT };
  x += recommendation;
  for (guint t = 0; t < r->n_topics; t++, x += topic)
    columns[FIRST_TOPIC + t] = (PdfColumn) { x, topic - gap, PANGO_ALIGN_RIGHT };
  columns[n - 1] = (PdfColumn) { x + gap, pdf->right - x - gap, PANGO_ALIGN_LEFT };

  numbered = !titles_fit (pdf, topic - gap);
  headers[0] = _("Candidate");
  headers[1] = _("Overall");
  headers[2] = _("Recommendation");
  for (guint t = 0; t < r->n_topics; t++)
    {
      g_ptr_array_add (numbers, g_strdup_printf ("%u", t + 1));
      headers[FIRST_TOPIC + t] = numbered ? numbers->pdata[t] : r->topics[t];
    }
  headers[n - 1] = _("Audit");

  pdf_section (pdf, _("Candidates"), 24, 80);
  if (numbered)
    {
      /* "1 System design · 2 Databases · …", over the table; a number
       * never apart from its title. */
      g_autoptr(GString) key = g_string_new (NULL);

      for (guint t = 0; t < r->n_topics; t++)
        g_string_append_printf (key, "%s%u\u00a0%s", t > 0 ? " · " : "", t + 1, r->topics[t]);
      pdf_flow_text (pdf, key->str, &style_meta, pdf->left, pdf->width, NULL);
      pdf->y += 8;
    }
  pdf_table_header (pdf, &table);

  for (guint i = 0; i < r->rows->len && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    {
      const CompareRow *row = g_ptr_array_index (r->rows, i);
      const Style *number = row->hidden ? &style_cell_dim : &style_cell;

      cells[0] = row->name, styles[0] = &style_cell_bold, remarks[0] = row->counted;
      cells[1] = row->overall, styles[1] = row->hidden ? &style_cell_dim : &style_cell_bold;
      cells[2] = row->recommendation, styles[2] = number;
      remarks[2] = row->tally, flagged[2] = row->mixed;
      for (guint t = 0; t < r->n_topics; t++)
        {
          cells[FIRST_TOPIC + t] = row->scores[t];
          styles[FIRST_TOPIC + t] = g_str_equal (row->scores[t], "—") ? &style_cell_dim : number;
          remarks[FIRST_TOPIC + t] = row->remarks[t];
          flagged[FIRST_TOPIC + t] = row->remarks[t] != NULL;
        }
      cells[n - 1] = row->audit;
      styles[n - 1] = row->findings[0] != NULL ? &style_cell : &style_cell_dim;
      pdf_table_row_remarks (pdf, &table, cells, styles, remarks, flagged, NULL);
    }
}

/* Each candidate with findings, and their lines; those interviewed as
 * planned in one line. */
static void
draw_audit (Pdf *pdf)
{
  const CompareReport *r = REPORT (pdf);
  double space = 0;   /* above a candidate's heading: none under the section's */
  int outline;

  /* Translators: a section of an exported comparison: whether each
   * candidate had the same structured interview */
  outline = pdf_section (pdf, _("Structured-interview audit"), 30, 60);
  for (guint i = 0; i < r->rows->len; i++)
    {
      const CompareRow *row = g_ptr_array_index (r->rows, i);
      g_autofree char *heading = NULL;
      double y;

      if (row->findings[0] == NULL)
        continue;
      /* Translators: a candidate's heading in an exported comparison's
       * audit: their name and what the audit found, “Ada Lovelace · 2 findings” */
      heading = g_strdup_printf (C_("compare", "%s · %s"), row->name, row->audit);
      y = pdf_heading (pdf, heading, &style_h3, space, 30);
      space = 14;
      pdf_add_outline (pdf, outline, row->name, y, NULL);
      pdf->y += 4;
      pdf_draw_bullets (pdf, pdf->left, pdf->width, row->findings, &color_flag);
    }
  if (r->as_planned->len > 1)
    {
      g_autofree char *count = rubric_compare_as_planned_text (r->as_planned->len - 1);
      g_autofree char *label = rubric_summary_format_label (count);
      /* Translators: separates candidates' names in a list */
      g_autofree char *names = g_strjoinv (_(", "), (char **) r->as_planned->pdata);
      g_autofree char *line = g_strconcat (label, " ", names, NULL);

      pdf_add_space (pdf, 14);
      pdf_flow_text (pdf, line, &style_body, pdf->left, pdf->width, NULL);
    }
}

/* Each interviewer's line against the panel, with their mean and spread. */
static void
draw_calibration (Pdf *pdf)
{
  const CompareReport *r = REPORT (pdf);
  /* Translators: a column of an exported comparison's calibration: how an
   * interviewer rates against the rest of the panel */
  const char *headers[] = { _("Interviewer"), _("Against the panel"), _("Ratings") };
  double widths[] = { 0.24, 0.52, 0 };
  PdfColumn columns[G_N_ELEMENTS (headers)];
  PdfTable table = { columns, G_N_ELEMENTS (columns), headers, &style_table_head };
  double x = pdf->left;

  if (r->n_interviewers == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      double width = widths[i] > 0 ? widths[i] * pdf->width : pdf->right - x;

      columns[i] = (PdfColumn) { x, width - (i + 1 < G_N_ELEMENTS (columns) ? GAP : 0), PANGO_ALIGN_LEFT };
      x += width;
    }

  /* Translators: a section of an exported comparison: how each
   * interviewer rates against the rest of the panel */
  pdf_section (pdf, _("Interviewer calibration"), 30, 60);
  pdf_table_header (pdf, &table);
  for (guint i = 0; i < r->n_interviewers; i++)
    {
      const char *cells[] = { r->interviewers[i], r->calibration[i], r->numbers[i] };
      const Style *styles[] = { &style_cell_bold, &style_cell, &style_cell };

      pdf_table_row (pdf, &table, cells, styles, NULL);
    }
}

static void
draw_document (Pdf *pdf)
{
  pdf_new_page (pdf);
  draw_header (pdf);
  draw_table (pdf);
  draw_audit (pdf);
  draw_calibration (pdf);
}

/**
 * rubric_compare_export_write_pdf:
 * @cancellable: (nullable): stops the drawing between two rows
 *
 * Draws @report on landscape pages of the locale's paper (A4, or US
 * Letter where LC_PAPER says so). No author and no creation date: a
 * compare has many of each, and the same report gives the same file.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
rubric_compare_export_write_pdf (const CompareReport  *report,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  return pdf_render_panel (draw_document, report, report->title, report->kit_title, cancellable, error);
}
