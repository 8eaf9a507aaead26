/* rubric-guide.c — the interview guide, for interviewers who prepare on
 * paper
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PdfDocument (rubric-export-pdf-document.c) drawn with the PDF pen:
 * for each topic of the plan (or of the kit, without one), in the plan's
 * order, its planned questions — the main one and its follow-ups — each
 * with what a strong answer covers, its key points and its red flags;
 * with a plan, its slot and each topic's share of it. It prints
 * (rubric_pages_new_guide()) and exports (rubric_guide_to_pdf()) the
 * same pages. Text from the kit is never markup.
 */

#define G_LOG_DOMAIN "rubric-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-export-pdf-private.h"
#include "rubric-guide.h"
#include "rubric-pacing.h"

typedef struct
{
  RubricKit  *kit;
  RubricPlan *plan;   /* NULL: the whole kit */
} Guide;

#define GUIDE(pdf) ((const Guide *) (pdf)->data)

static const Color color_red_flag = RGB (0xa51d2d);

static void
guide_free (Guide *guide)
{
  g_clear_object (&guide->kit);
  g_clear_object (&guide->plan);
  g_free (guide);
}

static Guide *
guide_new (RubricKit  *kit,
           RubricPlan *plan)
{
  Guide *guide = g_new0 (Guide, 1);

  guide->kit = g_object_ref (kit);
  guide->plan = plan != NULL ? g_object_ref (plan) : NULL;
  return guide;
}

static gboolean
guide_includes (const Guide    *guide,
                RubricQuestion *question)
{
  return guide->plan == NULL || rubric_plan_includes (guide->plan, rubric_question_get_id (question));
}

/* How many questions the guide holds. */
static guint
guide_count_questions (const Guide *guide)
{
  GListModel *topics = rubric_kit_get_topics (guide->kit);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);

          n += guide_includes (guide, question);
        }
    }
  return n;
}

/* The kit's topics in the guide's order, and each one's budget in seconds
 * (0 without a plan). */
static GPtrArray *
guide_topics (const Guide  *guide,
              gint64      **budgets)
{
  GPtrArray *topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gint64 *plan_budgets = NULL;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (gint64));

  if (guide->plan != NULL)
    {
      plan_budgets = rubric_plan_dup_budgets (guide->plan, guide->kit);
      for (guint i = 0; i < rubric_plan_get_n_topics (guide->plan); i++)
        {
          RubricTopic *topic = rubric_kit_lookup_topic (guide->kit, rubric_plan_get_topic_id (guide->plan, i));

          if (topic == NULL)
            continue;
          g_ptr_array_add (topics, g_object_ref (topic));
          g_array_append_val (out, plan_budgets[i]);
        }
    }
  else
    {
      GListModel *kit_topics = rubric_kit_get_topics (guide->kit);
      gint64 none = 0;

      for (guint i = 0; i < g_list_model_get_n_items (kit_topics); i++)
        {
          g_ptr_array_add (topics, g_list_model_get_item (kit_topics, i));
          g_array_append_val (out, none);
        }
    }

  *budgets = (gint64 *) g_array_free (out, FALSE);
  return topics;
}

/* The title, the plan and its slot, and the time each topic gets. */
static void
draw_header (Pdf *pdf)
{
  const Guide *guide = GUIDE (pdf);
  g_autofree gint64 *budgets = NULL;
  g_autoptr(GPtrArray) topics = guide_topics (guide, &budgets);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  const char *notes;

  /* Translators: the small heading over the kit's title on the first page
   * of a printed interview guide */
  pdf_draw_title (pdf, _("Interview guide"), rubric_kit_get_title (guide->kit));
  {
    g_autofree char *count = g_strdup_printf ("%u", guide_count_questions (guide));

    /* Translators: under the title of a printed interview guide: how many
     * questions it holds, e.g. "Questions: 12" */
    pdf_draw_meta_line (pdf, _("Questions"), count);
  }
  if (guide->plan == NULL)
    return;

  {
    g_autofree char *slot = rubric_pacing_format_minutes ((gint64) rubric_plan_get_slot_minutes (guide->plan) * 60);
    /* Translators: under the title of a printed interview guide: the plan's
     * name and its time slot, e.g. "Half-hour round · 30 min slot" */
    g_autofree char *text = g_strdup_printf (_("%s · %s slot"), rubric_plan_get_name (guide->plan), slot);

    pdf_draw_meta_line (pdf, rubric_summary_plan_heading (), text);
  }

  notes = rubric_plan_get_notes (guide->plan);
  if (notes != NULL && !rubric_export_is_blank (notes))
    {
      pdf->y += 10;
      pdf_flow_text (pdf, notes, &style_body, pdf->left, pdf->width, &color_note_bar);
    }

  for (guint i = 0; i < topics->len; i++)
    {
      g_autofree char *budget = rubric_pacing_format_minutes (budgets[i]);

      /* Translators: a line of a printed interview guide's time budget:
       * a topic and its share of the slot, e.g. "HTTP: 6 min" */
      g_strv_builder_take (lines, g_strdup_printf (_("%s: %s"),
                                                   rubric_topic_get_title (g_ptr_array_index (topics, i)), budget));
    }
  items = g_strv_builder_end (lines);
  if (items[0] != NULL)
    {
      pdf->y += 6;
      /* Translators: a heading of a printed interview guide: each topic's share of the slot */
      pdf_draw_items (pdf, _("Time budget"), (const char * const *) items, &color_accent);
    }
}

/* A key point, "(senior)" after it when it sets a senior answer apart. */
static GStrv
dup_key_points (RubricQuestion *question)
{
  const char * const *points = rubric_question_get_key_points (question);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; points != NULL && points[i] != NULL; i++)
    {
      if (rubric_question_get_key_point_level (question, i) == RUBRIC_KEY_POINT_LEVEL_SENIOR)
        g_strv_builder_take (builder, g_strdup_printf (C_("evidence", "%s (senior)"), points[i]));
      else
        g_strv_builder_add (builder, points[i]);
    }
  return g_strv_builder_end (builder);
}

/* One question: its kind and minutes, its prompt, then what a strong
 * answer covers. The kind and the prompt stay with the start of what
 * follows. */
static void
draw_question (Pdf            *pdf,
               RubricQuestion *question,
               guint           follow_up)
{
  g_autofree char *heading = rubric_summary_question_heading (follow_up);
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) kind = NULL;
  g_autoptr(PangoLayout) prompt = NULL;
  g_auto(GStrv) key_points = dup_key_points (question);
  const char * const *red_flags = rubric_question_get_red_flags (question);
  const char *expected = rubric_question_get_expected (question);
  const char *text = rubric_question_get_prompt (question);

  if (rubric_question_get_minutes (question) > 0)
    {
      g_autofree char *minutes = rubric_pacing_format_minutes ((gint64) rubric_question_get_minutes (question) * 60);
      g_autofree char *line = g_strdup_printf ("%s  ·  %s", heading, minutes);

      label = pdf_dup_label (line);
    }
  else
    label = pdf_dup_label (heading);

  if (text == NULL || rubric_export_is_blank (text))
    text = rubric_question_get_id (question);
  kind = pdf_layout_new (pdf, label, &style_label, pdf->width, PANGO_ALIGN_LEFT);
  prompt = pdf_layout_new (pdf, text, &style_prompt, pdf->width, PANGO_ALIGN_LEFT);

  pdf_ensure_space (pdf, pdf_layout_height (kind) + 2 + pdf_layout_lines_height (prompt, 3) + 28);
  pdf_draw_layout (pdf, kind, pdf->left, pdf->y);
  pdf->y += pdf_layout_height (kind) + 2;
  pdf_flow_layout (pdf, prompt, pdf->left, NULL, 0);

  if (expected != NULL && !rubric_export_is_blank (expected))
    {
      pdf->y += 5;
      pdf_flow_text (pdf, expected, &style_body, pdf->left, pdf->width, &color_note_bar);
    }
  if (key_points[0] != NULL)
    pdf_draw_items (pdf, _("Key points"), (const char * const *) key_points, &color_accent);
  if (red_flags != NULL && red_flags[0] != NULL)
    /* Translators: a heading of a printed interview guide: what a weak answer shows */
    pdf_draw_items (pdf, _("Red flags"), red_flags, &color_red_flag);
}

static void
draw_topic (Pdf         *pdf,
            RubricTopic *topic,
            gint64       budget)
{
  const double side = 90.0;   /* the budget, right of the title */
  const Guide *guide = GUIDE (pdf);
  GListModel *questions = rubric_topic_get_questions (topic);
  guint n = g_list_model_get_n_items (questions);
  g_autoptr(PangoLayout) title = NULL;
  const char *summary = rubric_topic_get_summary (topic);
  guint follow_ups = 0, n_drawn = 0;
  double top;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);

      n_drawn += guide_includes (guide, question);
    }
  if (n_drawn == 0)
    return;

  title = pdf_layout_new (pdf, rubric_topic_get_title (topic), &style_h2,
                          budget > 0 ? pdf->width - side - 12 : pdf->width, PANGO_ALIGN_LEFT);
  pdf_add_space (pdf, 28);
  pdf_ensure_space (pdf, pdf_layout_height (title) + 18 + 80);
  top = pdf->y;
  pdf_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, rubric_topic_get_title (topic), top, NULL);
  pdf_flow_layout (pdf, title, pdf->left, NULL, 0);
  if (budget > 0)
    {
      g_autofree char *text = rubric_pacing_format_minutes (budget);
      g_autoptr(PangoLayout) minutes = pdf_layout_new (pdf, text, &style_h3, side, PANGO_ALIGN_RIGHT);
      double center = top + pdf_layout_lines_height (title, 1) / 2;

      pdf_draw_layout (pdf, minutes, pdf->right - side, center - pdf_layout_height (minutes) / 2);
    }

  pdf->y += 5;
  pdf_draw_rule (pdf, &color_rule, 0.75);
  pdf->y += 10;

  if (summary != NULL && !rubric_export_is_blank (summary))
    {
      pdf_flow_text (pdf, summary, &style_meta, pdf->left, pdf->width, NULL);
      pdf->y += 10;
    }

  /* Follow-ups keep the kit's numbers, as in the summary, planned or not. */
  n_drawn = 0;
  for (guint i = 0; i < n && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
      gboolean main = rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN;
      guint follow_up = main ? 0 : ++follow_ups;

      if (!guide_includes (guide, question))
        continue;
      if (n_drawn++ > 0)
        pdf_add_space (pdf, 16);
      draw_question (pdf, question, follow_up);
    }
}

static void
draw_guide (Pdf *pdf)
{
  const Guide *guide = GUIDE (pdf);
  g_autofree gint64 *budgets = NULL;
  g_autoptr(GPtrArray) topics = guide_topics (guide, &budgets);

  pdf_new_page (pdf);
  draw_header (pdf);
  for (guint i = 0; i < topics->len && !g_cancellable_is_cancelled (pdf->cancellable); i++)
    draw_topic (pdf, g_ptr_array_index (topics, i), budgets[i]);
}

/**
 * rubric_guide_dup_title:
 * @plan: (nullable): the plan, or %NULL for the whole kit
 *
 * Returns: (transfer full): the guide's title: "Interview guide: Kit",
 *   or "Interview guide: Kit — Plan"
 */
char *
rubric_guide_dup_title (RubricKit  *kit,
                        RubricPlan *plan)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan), NULL);

  if (plan != NULL)
    /* Translators: the title of a printed interview guide: the kit's title,
     * then the plan's name */
    return g_strdup_printf (_("Interview guide: %s — %s"), rubric_kit_get_title (kit), rubric_plan_get_name (plan));
  /* Translators: the title of a printed interview guide; %s is the kit's title */
  return g_strdup_printf (_("Interview guide: %s"), rubric_kit_get_title (kit));
}

static void
guide_document (PdfDocument *document,
                Guide       *guide,
                char        *title)
{
  document->draw = draw_guide;
  document->data = guide;
  document->title = title;
  document->subject = rubric_kit_get_title (guide->kit);
  document->footer = title;
}

/**
 * rubric_guide_to_pdf:
 * @plan: (nullable): the plan, or %NULL for the whole kit
 * @cancellable: (nullable): stops the drawing between two topics
 *
 * The interview guide as a PDF on the locale's paper: what
 * rubric_pages_new_guide() prints. Any thread may call it.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
rubric_guide_to_pdf (RubricKit     *kit,
                     RubricPlan    *plan,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) keep = NULL;
  g_autofree char *title = NULL;
  Guide *guide;
  PdfDocument document = { 0, };
  GBytes *bytes;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  guide = guide_new (kit, plan);
  title = rubric_guide_dup_title (kit, plan);
  guide_document (&document, guide, title);
  bytes = pdf_render (&document, cancellable, error);
  guide_free (guide);
  return bytes;
}

/**
 * rubric_pages_new_guide:
 * @plan: (nullable): the plan, or %NULL for the whole kit
 *
 * The interview guide's pages, to print.
 *
 * Returns: (transfer full): the pages, to lay out with rubric_pages_paginate()
 */
RubricPages *
rubric_pages_new_guide (RubricKit  *kit,
                        RubricPlan *plan)
{
  g_autofree char *title = NULL;
  PdfDocument document = { 0, };
  Guide *guide;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan), NULL);

  guide = guide_new (kit, plan);
  title = rubric_guide_dup_title (kit, plan);
  guide_document (&document, guide, title);
  return pdf_pages_new (&document, guide, (GDestroyNotify) guide_free);
}
