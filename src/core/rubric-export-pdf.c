/* rubric-export-pdf.c — the candidate summary as a PDF, drawn with cairo and pango
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PdfDocument (rubric-export-pdf-document.c) whose draw function,
 * draw_document(), lays the summary out with the pen. Each text is laid
 * out once, and measured and drawn from the same PangoLayout. It runs on
 * the calling thread, so it can run in a worker:
 * rubric_export_to_file_async().
 *
 * Text from the session goes to pango_layout_set_text(), never to markup:
 * a note that reads "<b>x</b>" prints as exactly that. Styles are
 * PangoAttrLists over the whole text. Long text flows line by line and
 * continues on the next page; nothing is clipped.
 */

#define G_LOG_DOMAIN "rubric-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rubric-export-pdf-private.h"


/* The summary the document draws. */
#define SUMMARY(pdf) ((const RubricSummary *) (pdf)->data)

/* ------------------------------------------------------------- header */

static void
recommendation_colors (RubricRecommendation  recommendation,
                       Color                *fg,
                       Color                *bg)
{
  static const Color strong_yes_fg = RGB (0x1b6b3f), strong_yes_bg = RGB (0xd4f0dd);
  static const Color yes_fg = RGB (0x26803f), yes_bg = RGB (0xe3f5e8);
  static const Color no_fg = RGB (0xa34400), no_bg = RGB (0xfdebd9);
  static const Color strong_no_fg = RGB (0xa51d2d), strong_no_bg = RGB (0xfbe0e2);
  static const Color none_fg = RGB (0x5e5c64), none_bg = RGB (0xebebed);

  switch (recommendation)
    {
    case RUBRIC_RECOMMENDATION_STRONG_YES:
      *fg = strong_yes_fg, *bg = strong_yes_bg;
      break;
    case RUBRIC_RECOMMENDATION_YES:
      *fg = yes_fg, *bg = yes_bg;
      break;
    case RUBRIC_RECOMMENDATION_NO:
      *fg = no_fg, *bg = no_bg;
      break;
    case RUBRIC_RECOMMENDATION_STRONG_NO:
      *fg = strong_no_fg, *bg = strong_no_bg;
      break;
    case RUBRIC_RECOMMENDATION_NONE:
    default:
      *fg = none_fg, *bg = none_bg;
      break;
    }
}

enum {
  FACT_RECOMMENDATION,
  FACT_SCORE,
  FACT_INTERVIEWER,
  FACT_DATE,
  FACT_DURATION,
  N_FACTS
};

static const char *
fact_label (guint fact)
{
  switch (fact)
    {
    case FACT_RECOMMENDATION:
      /* Translators: a heading in the summary's header */
      return _("Recommendation");
    case FACT_SCORE:
      /* Translators: a heading in the summary's header */
      return _("Overall score");
    case FACT_INTERVIEWER:
      /* Translators: a heading in the summary's header */
      return _("Interviewer");
    case FACT_DATE:
      /* Translators: a heading in the summary's header: the interview's date */
      return _("Date");
    case FACT_DURATION:
    default:
      /* Translators: a heading in the summary's header: how long the questions took */
      return _("Duration");
    }
}

/* Lays out (and with DRAW, draws) the value of one fact of the header at
 * X, Y in WIDTH (0: as wide as it likes). Returns its height; NATURAL is
 * the width it would like. */
static double
fact_value (Pdf     *pdf,
            guint    fact,
            double   x,
            double   y,
            double   width,
            gboolean draw,
            double  *natural)
{
  const RubricSummary *summary = SUMMARY (pdf);

  if (fact == FACT_RECOMMENDATION)
    {
      /* A coloured badge. */
      Color fg, bg;
      Style style = style_badge;
      g_autoptr(PangoLayout) layout = NULL;
      double text_width, text_height;

      recommendation_colors (summary->recommendation, &fg, &bg);
      style.color = &fg;
      layout = pdf_layout_new (pdf, summary->recommendation_label, &style,
                           width > 0 ? width - 16 : 0, PANGO_ALIGN_LEFT);
      text_width = pdf_layout_width (layout);
      text_height = pdf_layout_height (layout);
      *natural = text_width + 16;

      if (draw)
        {
          pdf_set_color (pdf, &bg);
          pdf_rounded_rectangle (pdf->cr, x, y - 3, text_width + 16, text_height + 6, 6);
          cairo_fill (pdf->cr);
          pdf_draw_layout (pdf, layout, x + 8, y);
        }
      return text_height + 3;
    }

  if (fact == FACT_SCORE && summary->has_score)
    {
      /* "3.8 / 5" over a bar. */
      g_autoptr(PangoLayout) number = pdf_layout_new (pdf, summary->score_number, &style_score, 0, PANGO_ALIGN_LEFT);
      /* Translators: follows an overall score such as 3.8: "out of five" */
      g_autoptr(PangoLayout) out_of = pdf_layout_new (pdf, _("/ 5"), &style_out_of, 0, PANGO_ALIGN_LEFT);
      const double bar = 72.0;
      double top = y - 4;   /* the big digits' line has room above them */
      double height = pdf_layout_height (number);

      *natural = MAX (pdf_layout_width (number) + 4 + pdf_layout_width (out_of), bar);
      if (draw)
        {
          pdf_draw_layout (pdf, number, x, top);
          pdf_draw_layout (pdf, out_of, x + pdf_layout_width (number) + 4,
                       top + pdf_layout_baseline (number) - pdf_layout_baseline (out_of));
          pdf_draw_score_bar (pdf, x, top + height + 2, bar, 5, summary->score);
        }
      return height + 7 - 4;
    }

  {
    const char *value;
    gboolean empty;
    g_autoptr(PangoLayout) layout = NULL;

    switch (fact)
      {
      case FACT_SCORE:
        value = summary->score_text;
        empty = FALSE;
        break;
      case FACT_INTERVIEWER:
        value = summary->interviewer;
        empty = *value == '\0';
        break;
      case FACT_DATE:
        value = summary->date;
        empty = *value == '\0';
        break;
      case FACT_DURATION:
      default:
        value = summary->duration_text;
        empty = summary->duration == 0;
        break;
      }

    layout = pdf_layout_new (pdf, empty ? "—" : value, empty || fact == FACT_SCORE ? &style_value_dim : &style_value,
                         width, PANGO_ALIGN_LEFT);
    *natural = pdf_layout_width (layout);
    if (draw)
      pdf_draw_layout (pdf, layout, x, y);
    return pdf_layout_height (layout);
  }
}

static void
draw_header (Pdf *pdf)
{
  const RubricSummary *summary = SUMMARY (pdf);
  g_autoptr(PangoLayout) eyebrow = NULL;
  g_autoptr(PangoLayout) name = NULL;
  double widths[N_FACTS];
  double total = 0.0, gap, x, band_top, band_height = 0.0;
  const double min_gap = 14.0, max_gap = 40.0;

  /* Not for the candidate's eyes, first of all. */
  if (summary->confidential != NULL)
    {
      static const Color warning = RGB (0xa51d2d);
      Style style = style_label;
      g_autofree char *text = pdf_dup_label (summary->confidential);

      style.color = &warning;
      pdf_flow_text (pdf, text, &style, pdf->left, pdf->width, NULL);
      pdf->y += 8;
    }

  /* Title, candidate, role. */
  eyebrow = pdf_layout_new (pdf, _("Interview summary"), &style_eyebrow, pdf->width, PANGO_ALIGN_LEFT);
  pdf_flow_layout (pdf, eyebrow, pdf->left, NULL, 0);
  pdf->y += 3;

  /* Translators: stands in an exported summary for a candidate whose name was
   * not filled in */
  name = pdf_layout_new (pdf, *summary->candidate != '\0' ? summary->candidate : _("Unnamed candidate"),
                     &style_name, pdf->width, PANGO_ALIGN_LEFT);
  pdf_flow_layout (pdf, name, pdf->left, NULL, 0);

  if (*summary->role != '\0')
    {
      pdf->y += 1;
      pdf_flow_text (pdf, summary->role, &style_role, pdf->left, pdf->width, NULL);
    }

  /* The plan the interview ran, with its slot; then whether the
   * scorecard was sealed for the panel, or changed after a seal. */
  if (summary->planned)
    pdf_draw_meta_line (pdf, rubric_summary_plan_heading (), summary->plan_text);
  if (summary->seal_text != NULL)
    pdf_draw_meta_line (pdf, rubric_summary_seal_heading (), summary->seal_text);

  /* The facts, in a band between two rules: each as wide as it needs,
   * the interviewers (the one long value) wrapped to what is left. */
  for (guint i = 0; i < N_FACTS; i++)
    {
      g_autofree char *label = pdf_dup_label (fact_label (i));
      g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, label, &style_label, 0, PANGO_ALIGN_LEFT);
      double value;

      fact_value (pdf, i, 0, 0, 0, FALSE, &value);
      widths[i] = MAX (pdf_layout_width (layout), value) + 1;
      if (i != FACT_INTERVIEWER)
        total += widths[i];
    }
  widths[FACT_INTERVIEWER] = MIN (widths[FACT_INTERVIEWER], pdf->width - total - min_gap * (N_FACTS - 1));
  if (widths[FACT_INTERVIEWER] < 72)
    {
      /* Long words (a translation?): equal columns, wrapped. */
      for (guint i = 0; i < N_FACTS; i++)
        widths[i] = (pdf->width - min_gap * (N_FACTS - 1)) / N_FACTS;
    }
  total = 0;
  for (guint i = 0; i < N_FACTS; i++)
    total += widths[i];
  gap = CLAMP ((pdf->width - total) / (N_FACTS - 1), min_gap, max_gap);

  pdf->y += 16;
  pdf_ensure_space (pdf, 72);
  band_top = pdf->y;
  pdf_set_color (pdf, &color_rule);
  cairo_rectangle (pdf->cr, pdf->left, band_top, pdf->width, 0.75);
  cairo_fill (pdf->cr);

  x = pdf->left;
  for (guint i = 0; i < N_FACTS; i++)
    {
      g_autofree char *label = pdf_dup_label (fact_label (i));
      g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, label, &style_label, widths[i], PANGO_ALIGN_LEFT);
      double y = band_top + 10;
      double natural;

      pdf_draw_layout (pdf, layout, x, y);
      y += pdf_layout_height (layout) + 5;
      y += fact_value (pdf, i, x, y, widths[i], TRUE, &natural);
      band_height = MAX (band_height, y - band_top);
      x += widths[i] + gap;
    }

  pdf->y = band_top + band_height + 10;
  pdf_draw_rule (pdf, &color_rule, 0.75);
  pdf->y += 0.75;
}

/* How much of the interview the score stands on, under the facts: "22 of
 * 30 questions rated", after an INCOMPLETE badge unless every question
 * was rated. */
static void
draw_completeness (Pdf *pdf)
{
  static const Color fg = RGB (0xa34400), bg = RGB (0xfdebd9);
  const RubricSummary *summary = SUMMARY (pdf);
  g_autoptr(PangoLayout) rated = pdf_layout_new (pdf, summary->rated_text, &style_meta, pdf->width, PANGO_ALIGN_LEFT);
  double x = pdf->left;
  double y = pdf->y + 8;
  double height = pdf_layout_height (rated);

  if (!summary->complete)
    {
      Style style = style_label;
      g_autofree char *label = pdf_dup_label (rubric_summary_incomplete_label ());
      g_autoptr(PangoLayout) badge = NULL;
      double width;

      style.color = &fg;
      badge = pdf_layout_new (pdf, label, &style, 0, PANGO_ALIGN_LEFT);
      width = pdf_layout_width (badge) + 12;
      pdf_set_color (pdf, &bg);
      pdf_rounded_rectangle (pdf->cr, x, y + pdf_layout_baseline (rated) - pdf_layout_baseline (badge) - 3,
                             width, pdf_layout_height (badge) + 6, 5);
      cairo_fill (pdf->cr);
      pdf_draw_layout (pdf, badge, x + 6, y + pdf_layout_baseline (rated) - pdf_layout_baseline (badge));
      x += width + 8;
      g_object_unref (rated);
      rated = pdf_layout_new (pdf, summary->rated_text, &style_meta, pdf->right - x, PANGO_ALIGN_LEFT);
      height = pdf_layout_height (rated);
    }
  pdf_draw_layout (pdf, rated, x, y);
  pdf->y = y + height;
}

/* ----------------------------------------------------------- sections */

/* The bullets of the evidence: as the strengths and the concerns. */
static const Color color_heard = RGB (0x26803f);
static const Color color_red_flag = RGB (0xa51d2d);

static void
draw_summary (Pdf *pdf)
{
  const RubricSummary *summary = SUMMARY (pdf);
  g_autofree char *text = g_strstrip (g_strdup (summary->summary));
  double y;

  /* Translators: a section of the exported summary: the interviewer's summary */
  y = pdf_heading (pdf, _("Summary"), &style_h1, 22, 40);
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Summary"), y, NULL);
  pdf->y += 6;

  if (*text != '\0')
    pdf_flow_text (pdf, text, &style_body, pdf->left, pdf->width, NULL);
  else
    /* Translators: in an exported PDF, under the heading “Summary”, when the
     * interviewer wrote none */
    pdf_flow_text (pdf, _("No summary was written."), &style_placeholder, pdf->left, pdf->width, NULL);

  /* Under the summary, on page 1 with the verdict: green dots for the
   * strengths, orange for the concerns, as the recommendation's badge. */
  for (guint i = 0; i < summary->n_lists; i++)
    {
      static const Color strength = RGB (0x26803f), concern = RGB (0xa34400);
      const RubricSummaryList *list = &summary->lists[i];

      pdf->y += 6;
      pdf_draw_items (pdf, list->heading, list->items,
                  list->kind == RUBRIC_SUMMARY_CONCERNS ? &concern : &strength);
    }
}

/* The columns of the topic table, right to left: each count and the time
 * as wide as their heading or widest value, the bar and score, and the
 * topic in what is left. */
#define COLUMN_TOPIC     RUBRIC_SUMMARY_COLUMN_TOPIC
#define COLUMN_SCORE     RUBRIC_SUMMARY_COLUMN_SCORE
#define COLUMN_RATED     RUBRIC_SUMMARY_COLUMN_RATED
#define COLUMN_TIME      RUBRIC_SUMMARY_COLUMN_TIME
#define N_COLUMNS        RUBRIC_SUMMARY_N_COLUMNS

typedef struct
{
  double x[N_COLUMNS];
  double width[N_COLUMNS];
  double bar_width;
  double number_width;   /* the score right of the bar */
} Columns;

static double
text_width (Pdf         *pdf,
            const char  *text,
            const Style *style)
{
  g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, text, style, 0, PANGO_ALIGN_LEFT);

  return pdf_layout_width (layout);
}

static void
table_columns (Pdf     *pdf,
               Columns *c)
{
  const RubricSummary *summary = SUMMARY (pdf);
  const double gap = 12.0;
  double x = pdf->right;

  for (guint i = COLUMN_RATED; i < N_COLUMNS; i++)
    {
      g_autofree char *label = pdf_dup_label (rubric_summary_column_header (i));

      c->width[i] = MAX (text_width (pdf, label, &style_label), text_width (pdf, "000", &style_cell_bold));
    }
  c->width[COLUMN_TIME] = MAX (c->width[COLUMN_TIME], text_width (pdf, summary->duration_text, &style_cell_bold));
  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      c->width[COLUMN_TIME] = MAX (c->width[COLUMN_TIME], text_width (pdf, topic->elapsed_text, &style_cell));
    }

  for (guint i = N_COLUMNS - 1; i >= COLUMN_RATED; i--)
    {
      c->width[i] = (int) c->width[i] + 2;
      c->x[i] = x - c->width[i];
      x = c->x[i] - gap;
    }

  c->number_width = (int) text_width (pdf, "5.0", &style_cell_bold) + 3;
  c->bar_width = 56.0;
  c->width[COLUMN_SCORE] = c->bar_width + 6 + c->number_width;
  c->x[COLUMN_SCORE] = x - c->width[COLUMN_SCORE] - 4;
  c->x[COLUMN_TOPIC] = pdf->left;
  c->width[COLUMN_TOPIC] = c->x[COLUMN_SCORE] - 16 - pdf->left;
}

static void
draw_table_header (Pdf     *pdf,
                   Columns *c)
{
  PdfColumn columns[N_COLUMNS];
  char *labels[N_COLUMNS];
  PdfTable table = { columns, N_COLUMNS, (const char * const *) labels, &style_label };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      columns[i] = (PdfColumn) { c->x[i], c->width[i], i >= COLUMN_RATED ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT };
      labels[i] = pdf_dup_label (rubric_summary_column_header (i));
    }
  pdf_table_header (pdf, &table);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (labels[i]);
}

static void
draw_cell (Pdf         *pdf,
           Columns     *c,
           guint        column,
           const char  *text,
           const Style *style,
           double       y)
{
  pdf_draw_layout (pdf, pdf_layout_shared (pdf, text, style, c->width[column], PANGO_ALIGN_RIGHT),
                   c->x[column], y);
}

static void
draw_count (Pdf     *pdf,
            Columns *c,
            guint    column,
            guint    count,
            gboolean total,
            double   y)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  draw_cell (pdf, c, column, text, total ? &style_cell_bold : count == 0 ? &style_cell_dim : &style_cell, y);
}

/* One row: a topic, or the total when TOPIC is NULL. */
static void
draw_table_row (Pdf                      *pdf,
                Columns                  *c,
                const RubricSummaryTopic *topic)
{
  const RubricSummary *summary = SUMMARY (pdf);
  gboolean total = topic == NULL;
  const double padding = 5.0;
  g_autoptr(PangoLayout) title = NULL;
  gboolean has_score = total ? summary->has_score : topic->has_score;
  double score = total ? summary->score : topic->score;
  const char *number = total ? summary->score_number : topic->score_number;
  guint counts[N_COLUMNS] = { 0, };
  gint64 elapsed = total ? summary->duration : topic->elapsed;
  const char *duration = total ? summary->duration_text : topic->elapsed_text;
  double height, y, line_center;
  int page;

  counts[RUBRIC_SUMMARY_COLUMN_RATED] = total ? summary->rated : topic->rated;
  counts[RUBRIC_SUMMARY_COLUMN_SKIPPED] = total ? summary->skipped : topic->skipped;
  counts[RUBRIC_SUMMARY_COLUMN_NOT_RATED] = total ? summary->not_rated : topic->not_rated;
  counts[RUBRIC_SUMMARY_COLUMN_NOT_ASKED] = total ? summary->not_asked : topic->not_asked;

  /* Translators: the last row of the topic table: all topics together */
  title = pdf_layout_new (pdf, total ? _("Overall") : topic->title,
                      total ? &style_cell_bold : &style_cell, c->width[COLUMN_TOPIC], PANGO_ALIGN_LEFT);
  height = pdf_layout_height (title) + 2 * padding;

  /* A row never breaks; the heading comes again on a new page. */
  page = pdf->page;
  pdf_ensure_space (pdf, height);
  if (pdf->page != page)
    draw_table_header (pdf, c);

  y = pdf->y + padding;
  pdf_draw_layout (pdf, title, c->x[COLUMN_TOPIC], y);
  line_center = y + pdf_layout_lines_height (title, 1) / 2;

  if (has_score)
    {
      g_autoptr(PangoLayout) layout = pdf_layout_new (pdf, number, total ? &style_cell_bold : &style_cell,
                                                      c->number_width, PANGO_ALIGN_RIGHT);

      pdf_draw_score_bar (pdf, c->x[COLUMN_SCORE], line_center - 3, c->bar_width, 6, score);
      pdf_draw_layout (pdf, layout, c->x[COLUMN_SCORE] + c->width[COLUMN_SCORE] - c->number_width, y);
    }
  else
    {
      g_autoptr(PangoLayout) none = pdf_layout_new (pdf, _("Not rated"), &style_cell_dim,
                                                c->width[COLUMN_SCORE], PANGO_ALIGN_LEFT);

      pdf_draw_layout (pdf, none, c->x[COLUMN_SCORE], y);
    }

  for (guint i = COLUMN_RATED; i < COLUMN_TIME; i++)
    draw_count (pdf, c, i, counts[i], total, y);

  draw_cell (pdf, c, COLUMN_TIME, elapsed > 0 ? duration : "—",
             total ? &style_cell_bold : elapsed > 0 ? &style_cell : &style_cell_dim, y);

  pdf->y += height;
  pdf_draw_rule (pdf, total ? &color_secondary : &color_rule, total ? 0.75 : 0.5);
}

static void
draw_topic_table (Pdf *pdf)
{
  const RubricSummary *summary = SUMMARY (pdf);
  Columns c;
  double y;

  table_columns (pdf, &c);

  /* Translators: a section of the exported summary */
  y = pdf_heading (pdf, _("Scores by topic"), &style_h1, 24, 60);
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Scores by topic"), y, NULL);
  pdf->y += 8;

  draw_table_header (pdf, &c);
  for (guint i = 0; i < summary->topics->len; i++)
    draw_table_row (pdf, &c, g_ptr_array_index (summary->topics, i));
  draw_table_row (pdf, &c, NULL);
}

/* A question's parts, laid out. */
typedef struct
{
  PangoLayout *kind;     /* shared: see pdf_layout_shared() */
  PangoLayout *prompt;
  PangoLayout *rating;   /* shared */
  PangoLayout *time;     /* shared; NULL when no time was spent */
  PangoLayout *notes;    /* NULL without notes */
  int          stars;    /* the rating, 0 for none */
  const RubricSummaryQuestion *question;
} Question;

static void
question_clear (Question *q)
{
  g_clear_object (&q->prompt);
  g_clear_object (&q->notes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Question, question_clear)

static void
question_init (Pdf                         *pdf,
               Question                    *q,
               const RubricSummaryQuestion *question)
{
  g_autofree char *kind = pdf_dup_label (question->heading);
  g_autofree char *notes = g_strstrip (g_strdup (question->notes));

  q->stars = question->rating;
  q->question = question;
  q->kind = pdf_layout_shared (pdf, kind, &style_label, pdf->width, PANGO_ALIGN_LEFT);
  q->prompt = pdf_layout_new (pdf, question->prompt, question->asked ? &style_prompt : &style_prompt_dim,
                          pdf->width, PANGO_ALIGN_LEFT);
  q->rating = pdf_layout_shared (pdf, question->rating_text,
                                 question->status == RUBRIC_SUMMARY_RATED ? &style_rating : &style_meta_dim,
                                 0, PANGO_ALIGN_LEFT);
  if (question->elapsed > 0)
    {
      g_autofree char *text = g_strconcat ("·  ", question->elapsed_text, NULL);

      q->time = pdf_layout_shared (pdf, text, &style_meta, 0, PANGO_ALIGN_LEFT);
    }
  if (*notes != '\0')
    q->notes = pdf_layout_new (pdf, notes, &style_body, pdf->width, PANGO_ALIGN_LEFT);
}

/* What must stay on one page: the label, the prompt and the rating, with
 * the first two lines of the notes. */
static double
question_keep (Question *q)
{
  double keep = pdf_layout_height (q->kind) + 2 + pdf_layout_height (q->prompt) + 4 + pdf_layout_height (q->rating);

  if (q->notes != NULL)
    keep += 5 + pdf_layout_lines_height (q->notes, 2);
  return keep;
}

static void
draw_question (Pdf      *pdf,
               Question *q)
{
  double x;

  pdf_ensure_space (pdf, question_keep (q));

  pdf_draw_layout (pdf, q->kind, pdf->left, pdf->y);
  pdf->y += pdf_layout_height (q->kind) + 2;
  pdf_flow_layout (pdf, q->prompt, pdf->left, NULL, 0);
  pdf->y += 4;

  /* Five dots, the rating, the time. */
  pdf_ensure_space (pdf, pdf_layout_height (q->rating));
  x = pdf->left;
  x += pdf_draw_rating_dots (pdf, x, pdf->y + pdf_layout_height (q->rating) / 2, q->stars) + 8;
  pdf_draw_layout (pdf, q->rating, x, pdf->y);
  x += pdf_layout_width (q->rating) + 8;
  if (q->time != NULL)
    pdf_draw_layout (pdf, q->time, x, pdf->y);
  pdf->y += pdf_layout_height (q->rating);

  if (q->notes != NULL)
    {
      pdf->y += 5;
      pdf_flow_layout (pdf, q->notes, pdf->left, NULL, 0);
    }

  /* The evidence ticked: green for the points heard, red for the flags. */
  if (q->question->heard_lines[0] != NULL)
    pdf_draw_items (pdf, rubric_summary_evidence_heading (RUBRIC_TICK_KEY_POINT),
                (const char * const *) q->question->heard_lines, &color_heard);
  if (q->question->red_flag_lines[0] != NULL)
    pdf_draw_items (pdf, rubric_summary_evidence_heading (RUBRIC_TICK_RED_FLAG),
                (const char * const *) q->question->red_flag_lines, &color_red_flag);
}

static void
draw_topic (Pdf                      *pdf,
            const RubricSummaryTopic *topic,
            int                       outline)
{
  const double side = 110.0;   /* the score, right of the title */
  g_autoptr(PangoLayout) title = pdf_layout_new (pdf, topic->title, &style_h2, pdf->width - side - 12, PANGO_ALIGN_LEFT);
  g_autofree char *notes = g_strstrip (g_strdup (topic->notes));
  double top, line_center, keep;

  pdf_add_space (pdf, 28);

  /* The title stays with the first question. */
  keep = pdf_layout_height (title) + 18;
  if (topic->questions->len > 0)
    {
      g_auto(Question) first = { NULL, };

      question_init (pdf, &first, g_ptr_array_index (topic->questions, 0));
      keep += question_keep (&first);
    }
  pdf_ensure_space (pdf, keep);

  top = pdf->y;
  pdf_add_outline (pdf, outline, topic->title, top, NULL);
  pdf_flow_layout (pdf, title, pdf->left, NULL, 0);
  line_center = top + pdf_layout_lines_height (title, 1) / 2;

  if (topic->has_score)
    {
      g_autoptr(PangoLayout) number = pdf_layout_new (pdf, topic->score_number, &style_h3, 28, PANGO_ALIGN_RIGHT);
      double number_height = pdf_layout_height (number);

      pdf_draw_layout (pdf, number, pdf->right - 28, line_center - number_height / 2);
      pdf_draw_score_bar (pdf, pdf->right - 28 - 8 - 72, line_center - 3, 72, 6, topic->score);
    }
  else
    {
      g_autoptr(PangoLayout) none = pdf_layout_new (pdf, _("Not rated"), &style_meta_dim, side, PANGO_ALIGN_RIGHT);

      pdf_draw_layout (pdf, none, pdf->right - side, line_center - pdf_layout_height (none) / 2);
    }

  pdf->y += 5;
  pdf_draw_rule (pdf, &color_rule, 0.75);
  pdf->y += 12;

  for (guint i = 0; i < topic->questions->len && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    {
      g_auto(Question) q = { NULL, };

      if (i > 0)
        pdf_add_space (pdf, 14);
      question_init (pdf, &q, g_ptr_array_index (topic->questions, i));
      draw_question (pdf, &q);
    }

  if (*notes != '\0')
    {
      g_autofree char *label = pdf_dup_label (_("Topic notes"));
      g_autoptr(PangoLayout) label_layout = pdf_layout_new (pdf, label, &style_label, pdf->width, PANGO_ALIGN_LEFT);

      pdf_add_space (pdf, 14);
      pdf_ensure_space (pdf, pdf_layout_height (label_layout) + 4 + 28);
      pdf_draw_layout (pdf, label_layout, pdf->left, pdf->y);
      pdf->y += pdf_layout_height (label_layout) + 4;
      pdf_flow_text (pdf, notes, &style_body, pdf->left, pdf->width, &color_note_bar);
    }
}

static void
draw_topics (Pdf *pdf)
{
  const RubricSummary *summary = SUMMARY (pdf);
  int outline;
  double y;

  if (summary->topics->len == 0)
    return;

  /* The first page is the overview: the details start on the next. */
  if (pdf->page == 1)
    pdf_new_page (pdf);

  /* Translators: a section of the exported summary: every question with its rating and notes */
  y = pdf_heading (pdf, _("Questions and notes"), &style_h1, 36, 120);
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Questions and notes"), y, &outline);
  pdf->y -= 14;  /* the first topic's space above it is enough */

  for (guint i = 0; i < summary->topics->len && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    draw_topic (pdf, g_ptr_array_index (summary->topics, i), outline);
}

static gboolean
has_answers (const RubricSummary *summary)
{
  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);

          if (q->expected != NULL || (q->key_points != NULL && q->key_points[0] != NULL))
            return TRUE;
        }
    }
  return FALSE;
}


/* Under the topic table: each topic's time against its budget, and what
 * was planned but not asked. */
static void
draw_plan (Pdf *pdf)
{
  static const Color over = RGB (0xa34400);
  const RubricSummary *summary = SUMMARY (pdf);
  double y;

  if (!summary->planned)
    return;

  /* The heading stays with the plan and its topics' times. */
  y = pdf_heading (pdf, rubric_summary_plan_heading (), &style_h1, 24,
                   80 + 18 * MIN (g_strv_length (summary->pacing), 12));
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, rubric_summary_plan_heading (), y, NULL);
  pdf->y += 2;
  pdf_flow_text (pdf, summary->plan_text, &style_body, pdf->left, pdf->width, NULL);

  if (summary->pacing[0] != NULL)
    {
      pdf->y += 4;
      pdf_draw_items (pdf, rubric_summary_pacing_heading (), (const char * const *) summary->pacing, &color_accent);
    }

  pdf->y += 4;
  if (summary->planned_not_asked[0] != NULL)
    pdf_draw_items (pdf, rubric_summary_planned_not_asked_heading (),
                (const char * const *) summary->planned_not_asked, &over);
  else
    {
      const char * const none[] = { rubric_summary_all_asked_label (), NULL };

      pdf_draw_items (pdf, rubric_summary_planned_not_asked_heading (), none, &color_tertiary);
    }
}

static void
draw_answers (Pdf *pdf)
{
  const RubricSummary *summary = SUMMARY (pdf);
  int outline;
  double y;

  if (!has_answers (summary))
    return;

  pdf_new_page (pdf);
  /* Translators: a section of the exported summary: what the kit expects of each answer */
  y = pdf_heading (pdf, _("Expected answers"), &style_h1, 0, 80);
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Expected answers"), y, &outline);
  pdf->y += 4;
  /* Translators: in an exported PDF, under the heading “Expected answers” */
  pdf_flow_text (pdf, _("What a strong answer covers, from the interview kit."), &style_meta,
             pdf->left, pdf->width, NULL);

  for (guint i = 0; i < summary->topics->len && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);
      gboolean first = TRUE;

      for (guint j = 0; j < topic->questions->len; j++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);
          g_autoptr(PangoLayout) prompt = NULL;

          if (q->expected == NULL && q->key_points == NULL)
            continue;

          if (first)
            {
              y = pdf_heading (pdf, topic->title, &style_h2, 26, 90);
              pdf_add_outline (pdf, outline, topic->title, y, NULL);
              pdf->y += 6;
              pdf_draw_rule (pdf, &color_rule, 0.75);
              pdf->y += 12;
              first = FALSE;
            }
          else
            pdf_add_space (pdf, 16);

          prompt = pdf_layout_new (pdf, q->prompt, &style_prompt, pdf->width, PANGO_ALIGN_LEFT);
          pdf_ensure_space (pdf, pdf_layout_height (prompt) + 4 + 28);
          pdf_flow_layout (pdf, prompt, pdf->left, NULL, 0);
          if (q->expected != NULL && *q->expected != '\0')
            {
              pdf->y += 4;
              pdf_flow_text (pdf, q->expected, &style_body, pdf->left, pdf->width, NULL);
            }
          if (q->key_points != NULL && q->key_points[0] != NULL)
            pdf_draw_items (pdf, _("Key points"), (const char * const *) q->key_points, &color_tertiary);
        }
    }
}

static void
draw_private_notes (Pdf *pdf)
{
  const RubricSummary *summary = SUMMARY (pdf);
  g_autofree char *text = NULL;
  double y;

  if (summary->private_notes == NULL)
    return;

  text = g_strstrip (g_strdup (summary->private_notes));
  /* Translators: a section of the exported summary: the interviewer's own notes */
  y = pdf_heading (pdf, _("Private notes"), &style_h1, 36, 40);
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, _("Private notes"), y, NULL);
  pdf->y += 8;
  if (*text != '\0')
    pdf_flow_text (pdf, text, &style_body, pdf->left, pdf->width, &color_private_bar);
  else
    pdf_flow_text (pdf, _("No private notes."), &style_placeholder, pdf->left, pdf->width, NULL);
}

static void
draw_document (Pdf *pdf)
{
  pdf_new_page (pdf);

  /* The verdict first: what a reader who stops at page 1 needs. */
  draw_header (pdf);
  draw_completeness (pdf);
  draw_summary (pdf);
  draw_topic_table (pdf);
  draw_plan (pdf);
  /* Nothing asked: no pages of questions that all say so. */
  if (SUMMARY (pdf)->not_asked < SUMMARY (pdf)->n_questions)
    draw_topics (pdf);
  /* Before the appendix, where a reader of the report still finds them. */
  draw_private_notes (pdf);
  draw_answers (pdf);
}

/* ------------------------------------------------------------- writing */

/**
 * rubric_export_write_pdf:
 * @cancellable: (nullable): stops the drawing between two questions
 *
 * Draws @summary on pages of the locale's paper size (A4, or US Letter
 * where LC_PAPER says so). Any thread may call it.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
/* The summary's document; FOOTER is its footer, to free. */
static void
summary_document (PdfDocument          *document,
                  const RubricSummary  *summary,
                  char                **footer)
{
  /* Translators: the footer of each page of an exported summary; %s is the candidate */
  *footer = g_strdup_printf (_("Interview summary · %s"),
                             *summary->candidate != '\0' ? summary->candidate : _("Unnamed candidate"));
  document->draw = draw_document;
  document->data = summary;
  document->title = summary->title;
  document->subject = summary->kit_title;
  document->author = summary->anonymized ? NULL : summary->interviewer;
  document->date = summary->date;
  document->footer = *footer;
}

GBytes *
rubric_export_write_pdf (const RubricSummary  *summary,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_autofree char *footer = NULL;
  PdfDocument document = { 0, };

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  summary_document (&document, summary, &footer);
  return pdf_render (&document, cancellable, error);
}

/**
 * rubric_pages_new_summary:
 * @summary: (transfer full): the summary, as the PDF export draws it
 *
 * The candidate summary's PDF pages, to print.
 *
 * Returns: (transfer full): the pages, to lay out with rubric_pages_paginate()
 */
RubricPages *
rubric_pages_new_summary (RubricSummary *summary)
{
  g_autofree char *footer = NULL;
  PdfDocument document = { 0, };

  g_return_val_if_fail (summary != NULL, NULL);

  summary_document (&document, summary, &footer);
  return pdf_pages_new (&document, summary, (GDestroyNotify) rubric_summary_free);
}
