/* rubric-export-csv.c — the candidate summary as CSV, one row a question
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: CRLF after each record, a header row, a field in double
 * quotes (its quotes doubled) when it holds a comma, a quote, CR or LF.
 * UTF-8 without a byte order mark. The columns are for machines, so their
 * names and the values of status and recommendation are not translated.
 *
 * Each row stands alone: it says whom it describes (the candidate or the
 * alias), when, who interviewed and what they recommend, with the
 * strengths and concerns (one a line), so that the CSVs of several
 * candidates can be concatenated (less their header rows) and still be
 * one row a question.
 * --include-answers adds the columns expected_answer and key_points (one
 * a line), --include-private the column private_notes. An interview run
 * with a plan or the evidence checklist has five more, after all of
 * those, so that every other column keeps its place: planned, the
 * topic's budget and time in seconds, and the points heard and red flags
 * shown (one a line, each with its time into the interview).
 *
 * A spreadsheet runs a cell that starts with '=', '+', '-' or '@' as a
 * formula, and some also after white space or with the fullwidth forms
 * U+FF1D, U+FF0B, U+FF0D and U+FF20; such a cell (and one starting with
 * a tab or CR) gets a leading apostrophe, as OWASP advises against CSV
 * injection: "-2" in the notes comes out as "'-2", " =1+1" as "' =1+1".
 */

#define G_LOG_DOMAIN "rubric-export-csv"

#include "config.h"

#include <string.h>

#include "rubric-export-private.h"

static const char * const columns[] = {
  "candidate", "date", "interviewer", "recommendation", "overall_score", "strengths", "concerns",
  "topic", "topic_score", "question_id", "question", "status", "rating", "elapsed_seconds", "notes",
};

/* Whether TEXT would be run as a formula: its first character, after any
 * white space, is one a spreadsheet starts a formula with. */
static gboolean
is_formula (const char *text)
{
  const char *p = text;

  if (*p == '\t' || *p == '\r')
    return TRUE;
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  switch (g_utf8_get_char (p))
    {
    case '=': case '+': case '-': case '@':
    case 0xFF1D: case 0xFF0B: case 0xFF0D: case 0xFF20:
      return TRUE;
    default:
      return FALSE;
    }
}

#define append_field rubric_export_csv_field

void
rubric_export_csv_field (GString    *out,
                         const char *text,
                         gboolean    first)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  gboolean formula = is_formula (clean);
  gboolean quote = strpbrk (clean, ",\"\r\n") != NULL;

  if (!first)
    g_string_append_c (out, ',');
  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* The columns of a plan and the evidence checklist: whether the question
 * was planned ("" without a plan), its topic's budget ("" without one)
 * and time, the points heard and the red flags shown. */
static void
append_evidence (GString                     *out,
                 const RubricSummary         *summary,
                 const RubricSummaryTopic    *topic,
                 const RubricSummaryQuestion *q)
{
  g_autofree char *budget = topic->has_budget ? g_strdup_printf ("%" G_GINT64_FORMAT, topic->budget) : g_strdup ("");
  g_autofree char *elapsed = g_strdup_printf ("%" G_GINT64_FORMAT, topic->elapsed);
  g_autofree char *heard = g_strjoinv ("\n", q->heard_lines);
  g_autofree char *red_flags = g_strjoinv ("\n", q->red_flag_lines);
  const char *planned = "";

  if (summary->planned)
    planned = q->planned ? "yes" : "no";
  append_field (out, planned, FALSE);
  append_field (out, budget, FALSE);
  append_field (out, elapsed, FALSE);
  append_field (out, heard, FALSE);
  append_field (out, red_flags, FALSE);
}

GBytes *
rubric_export_write_csv (const RubricSummary *summary)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *score = summary->has_score ? summary->score_number : "";
  g_autofree char *strengths = g_strjoinv ("\n", summary->strengths);
  g_autofree char *concerns = g_strjoinv ("\n", summary->concerns);
  gsize size;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, columns[i], i == 0);
  if (summary->with_answers)
    g_string_append (out, ",expected_answer,key_points");
  if (summary->private_notes != NULL)
    g_string_append (out, ",private_notes");
  if (summary->has_evidence)
    g_string_append (out, ",planned,topic_budget_seconds,topic_elapsed_seconds,points_heard,red_flags");
  if (summary->seal_text != NULL)
    g_string_append (out, ",sealed_at,edited_after_sealing");
  g_string_append (out, "\r\n");

  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          const RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);
          g_autofree char *rating = q->status == RUBRIC_SUMMARY_RATED ? g_strdup_printf ("%d", q->rating) : g_strdup ("");
          g_autofree char *elapsed = g_strdup_printf ("%" G_GINT64_FORMAT, q->elapsed);

          append_field (out, summary->candidate, TRUE);
          append_field (out, summary->date, FALSE);
          append_field (out, summary->interviewer, FALSE);
          append_field (out, rubric_recommendation_get_name (summary->recommendation), FALSE);
          append_field (out, score, FALSE);
          append_field (out, strengths, FALSE);
          append_field (out, concerns, FALSE);
          append_field (out, topic->title, FALSE);
          append_field (out, topic->has_score ? topic->score_number : "", FALSE);
          append_field (out, q->id, FALSE);
          append_field (out, q->prompt, FALSE);
          append_field (out, q->status_name, FALSE);
          append_field (out, rating, FALSE);
          append_field (out, elapsed, FALSE);
          append_field (out, q->notes, FALSE);
          if (summary->with_answers)
            {
              g_autofree char *points = q->key_points != NULL ? g_strjoinv ("\n", q->key_points) : NULL;

              append_field (out, q->expected, FALSE);
              append_field (out, points, FALSE);
            }
          if (summary->private_notes != NULL)
            append_field (out, summary->private_notes, FALSE);
          if (summary->has_evidence)
            append_evidence (out, summary, topic, q);
          if (summary->seal_text != NULL)
            {
              append_field (out, summary->sealed_at, FALSE);
              append_field (out, summary->edited_after_seal, FALSE);
            }
          g_string_append (out, "\r\n");
        }
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}
