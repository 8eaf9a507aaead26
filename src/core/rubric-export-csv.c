/* rubric-export-csv.c — the candidate summary as CSV, one row a question
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: CRLF after each record, a header row, a field in double
 * quotes (its quotes doubled) when it holds a comma, a quote, CR or LF.
 * UTF-8 without a byte order mark. The columns are for machines, so their
 * names and the values "yes" and "no" are not translated.
 *
 * A spreadsheet runs a cell that starts with '=', '+', '-' or '@' as a
 * formula, so such a cell (and one starting with a tab or CR) gets a
 * leading apostrophe, as OWASP advises against CSV injection: "-2" in the
 * notes comes out as "'-2".
 */

#define G_LOG_DOMAIN "rubric-export-csv"

#include "config.h"

#include <string.h>

#include "rubric-export-private.h"

static const char header[] = "topic,question_id,prompt,rating,skipped,elapsed_seconds,notes";


static void
append_field (GString    *out,
              const char *text,
              gboolean    first)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  gboolean formula = strchr ("=+-@\t\r", clean[0]) != NULL && clean[0] != '\0';
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

GBytes *
rubric_export_write_csv (const RubricSummary *summary)
{
  g_autoptr(GString) out = g_string_new (header);
  gsize size;

  g_string_append (out, "\r\n");

  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          const RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);
          g_autofree char *rating = q->rating != RUBRIC_RATING_NONE ? g_strdup_printf ("%d", q->rating) : g_strdup ("");
          g_autofree char *elapsed = g_strdup_printf ("%" G_GINT64_FORMAT, q->elapsed);

          append_field (out, topic->title, TRUE);
          append_field (out, q->id, FALSE);
          append_field (out, q->prompt, FALSE);
          append_field (out, rating, FALSE);
          append_field (out, q->status == RUBRIC_SUMMARY_SKIPPED ? "yes" : "no", FALSE);
          append_field (out, elapsed, FALSE);
          append_field (out, q->notes, FALSE);
          g_string_append (out, "\r\n");
        }
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}
