/* rubric-debrief-export-text.c — the debrief summary as plain text
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * By the candidate summary's plain text rules, with its pieces
 * (rubric-export-text.c): UTF-8, headings underlined, tables aligned,
 * everything wrapped at 80 columns, nothing escaped. The same content in
 * the same order as the Markdown. The topic table has a column an
 * interviewer: when their names do not fit on the line, the columns are
 * numbered and a key above the table names them.
 */

#define G_LOG_DOMAIN "rubric-debrief-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-debrief-export-private.h"

#define LINE_WIDTH 80
#define MIN_TOPIC 20      /* the least the topic column keeps of the line */

#define begin_block rubric_export_begin_block

static void
append_interviewers (GString      *out,
                     const Report *r)
{
  const char *headers[] = { _("Interviewer"), _("Recommendation"), _("Overall score"), _("Scorecard") };
  const gboolean right[] = { FALSE, FALSE, TRUE, FALSE };
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  for (guint i = 0; i < r->n; i++)
    {
      g_ptr_array_add (cells, r->names[i]);
      g_ptr_array_add (cells, (gpointer) r->recommendations[i]);
      g_ptr_array_add (cells, r->overall[i]);
      g_ptr_array_add (cells, (gpointer) r->statuses[i]);
    }
  rubric_export_text_heading (out, _("Interviewers"), '-');
  rubric_export_text_table (out, headers, G_N_ELEMENTS (headers), (const char * const *) cells->pdata, r->n,
                            0, right, NULL);
}

/* Whether the interviewers' names fit on the line as the topic table's
 * headings, with the topic and panel columns. */
static gboolean
names_fit (const Report *r)
{
  guint width = MIN_TOPIC + 2 + rubric_export_text_width (_("Panel"));

  for (guint i = 0; i < r->n; i++)
    {
      g_autofree char *name = rubric_export_text_line (r->names[i]);

      width += 2 + MAX (rubric_export_text_width (name), 3);
    }
  return width <= LINE_WIDTH;
}

static void
append_topics (GString      *out,
               const Report *r)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autofree gboolean *right = g_new0 (gboolean, r->n + 2);
  gboolean numbered = !names_fit (r);

  rubric_export_text_heading (out, _("Topics"), '-');
  g_ptr_array_add (headers, g_strdup (_("Topic")));
  for (guint i = 0; i < r->n; i++)
    {
      g_ptr_array_add (headers, numbered ? g_strdup_printf ("%u", i + 1) : g_strdup (r->names[i]));
      right[i + 1] = TRUE;
    }
  g_ptr_array_add (headers, g_strdup (_("Panel")));
  right[r->n + 1] = TRUE;

  if (numbered)
    {
      /* "1: Sam Lee · 2: Kim Park · …", wrapped over the table. */
      g_autoptr(GString) key = g_string_new (NULL);

      for (guint i = 0; i < r->n; i++)
        g_string_append_printf (key, "%s%u: %s", i > 0 ? " · " : "", i + 1, r->names[i]);
      begin_block (out);
      rubric_export_text_paragraphs (out, key->str, 0);
    }

  for (guint t = 0; t < r->topics->len; t++)
    {
      ReportTopic *topic = g_ptr_array_index (r->topics, t);

      g_ptr_array_add (cells, topic->title);
      for (guint i = 0; i < r->n; i++)
        g_ptr_array_add (cells, topic->scores[i]);
      g_ptr_array_add (cells, topic->panel);
      g_ptr_array_add (notes, topic->disagreement ? (gpointer) rubric_debrief_export_disagreement_label () : NULL);
    }
  rubric_export_text_table (out, (const char * const *) headers->pdata, r->n + 2, (const char * const *) cells->pdata,
                            r->topics->len, 0, right, (const char * const *) notes->pdata);
}

static void
append_question (GString              *out,
                 const Report         *r,
                 const ReportQuestion *q)
{
  const char *labels[] = { _("Rating") };
  guint column = rubric_export_text_labels_column (labels, G_N_ELEMENTS (labels));

  rubric_export_text_heading (out, q->title, '-');
  begin_block (out);
  rubric_export_text_paragraphs (out, q->prompt, 0);
  if (q->disagreement)
    {
      begin_block (out);
      rubric_export_text_paragraphs (out, rubric_debrief_export_disagreement_label (), 0);
    }

  for (guint i = 0; i < r->n; i++)
    {
      g_autofree char *name = rubric_export_text_line (r->names[i]);

      begin_block (out);
      g_string_append (out, name);
      g_string_append_c (out, '\n');
      rubric_export_text_field (out, 2, labels[0], column, q->ratings[i]);
      if (!rubric_export_is_blank (q->notes[i]))
        rubric_export_text_labelled_text (out, 2, _("Notes"), q->notes[i]);
      rubric_export_text_labelled_items (out, 2, _("Evidence"), (const char * const *) q->evidence[i]);
    }
}

GBytes *
rubric_debrief_export_write_text (const Report *r)
{
  const char *labels[] = { _("Role"), _("Kit"), _("Recommendations") };
  const char *values[] = { r->role, r->kit_title, r->tally };
  guint column = rubric_export_text_labels_column (labels, G_N_ELEMENTS (labels));
  g_autoptr(GString) out = g_string_new (NULL);
  gsize size;

  rubric_export_text_heading (out, r->title, '=');
  if (r->blind != NULL)
    {
      begin_block (out);
      rubric_export_text_paragraphs (out, r->blind, 0);
    }

  /* As the Markdown: the role when there is one, the kit and the tally. */
  begin_block (out);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (i != 0 || *values[i] != '\0')
      rubric_export_text_field (out, 0, labels[i], column, values[i]);
  if (r->mixed != NULL)
    rubric_export_text_paragraphs (out, r->mixed, 0);

  append_interviewers (out, r);
  append_topics (out, r);

  for (guint i = 0; i < G_N_ELEMENTS (r->lists); i++)
    {
      rubric_export_text_heading (out, r->lists[i].heading, '-');
      begin_block (out);
      if (r->lists[i].items[0] != NULL)
        rubric_export_text_items (out, r->lists[i].items, 0);
      else
        rubric_export_text_paragraphs (out, r->lists[i].none, 0);
    }

  for (guint k = 0; k < r->asked->len; k++)
    append_question (out, r, g_ptr_array_index (r->asked, k));

  rubric_export_text_heading (out, _("Strengths and concerns"), '-');
  for (guint i = 0; i < r->n; i++)
    {
      g_autofree char *name = rubric_export_text_line (r->names[i]);

      begin_block (out);
      g_string_append (out, name);
      g_string_append_c (out, '\n');
      if (!rubric_export_is_blank (r->summaries[i]))
        rubric_export_text_paragraphs (out, r->summaries[i], 2);
      rubric_export_text_labelled_items (out, 2, _("Strengths"), (const char * const *) r->strengths[i]);
      rubric_export_text_labelled_items (out, 2, _("Concerns"), (const char * const *) r->concerns[i]);
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}
