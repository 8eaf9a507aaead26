/* rubric-export-markdown.c — the candidate summary as CommonMark with GFM tables
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text from the session is escaped, so a name or a note can neither
 * break the topic table nor become markup: each character that CommonMark
 * or GitHub gives a meaning is backslash-escaped, a line that could open a
 * block (a list, a heading underline) has its marker escaped, and a line's
 * leading white space (which could open a code block) is dropped. Raw HTML
 * never passes: "<script>" becomes "\<script\>". Line breaks in notes are
 * kept as hard line breaks (a backslash at the end of the line).
 */

#define G_LOG_DOMAIN "rubric-export-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-export-private.h"

/* Characters that mean something somewhere in CommonMark or GFM, escaped
 * wherever they appear: '$' is GitHub's maths, '&' starts an entity, '@'
 * mentions someone on GitHub (and "#12" links an issue). Two are escaped
 * only where they can mean something: '_' not between two letters or
 * digits (CommonMark never makes emphasis of "on_delete"), and '!' only
 * before '[' (which is escaped itself). */
#define MD_SPECIALS "\\`*_[]<>#|~!&$@"





static gboolean
is_alnum_at (const char *start,
             const char *p,
             gboolean    before)
{
  if (before)
    return p > start && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
  return p[1] != '\0' && g_unichar_isalnum (g_utf8_get_char (p + 1));
}

/* Appends one line (no newline in it), escaped for inline content. */
static void
append_escaped_line (GString    *out,
                     const char *line,
                     gsize       length)
{
  const char *end = line + length;

  for (const char *p = line; p < end; p++)
    {
      char c = *p;

      if (c == '\t' || c == '\n')
        {
          g_string_append_c (out, ' ');
          continue;
        }

      if (c != '\0' && strchr (MD_SPECIALS, c) != NULL)
        {
          gboolean escape = TRUE;

          if (c == '_')
            escape = !(is_alnum_at (line, p, TRUE) && p + 1 < end && is_alnum_at (line, p, FALSE));
          else if (c == '!')
            escape = p + 1 < end && p[1] == '[';
          if (escape)
            g_string_append_c (out, '\\');
        }
      g_string_append_c (out, c);
    }
}

/* Appends TEXT on one line: in a heading, a list item or a table cell.
 * Newlines and tabs become spaces; '|' is escaped with the rest, which
 * GFM honours inside a table cell too. */
static void
append_inline (GString    *out,
               const char *text)
{
  g_autofree char *clean = rubric_export_clean_text (text);

  g_strstrip (clean);
  append_escaped_line (out, clean, strlen (clean));
}

/* Whether LINE starts with an ordered list marker: 1–9 digits then '.' or
 * ')'. Returns the marker's length less its '.' or ')', or 0. */
static gsize
ordered_marker_digits (const char *line)
{
  gsize n = 0;

  while (g_ascii_isdigit (line[n]) && n < 10)
    n++;
  if (n > 0 && n <= 9 && (line[n] == '.' || line[n] == ')'))
    return n;
  return 0;
}

/* Whether the last word of LINE may become a link of its own: GFM links
 * "https://…", "www.…" and "name@example.com" without being asked, and
 * takes a backslash right after them into the link, so the hard line
 * break after such a word needs a space before it. */
static gboolean
may_end_in_link (const char *line)
{
  const char *word = strrchr (line, ' ');

  word = word != NULL ? word + 1 : line;
  return strpbrk (word, ":@") != NULL || strstr (word, "www.") != NULL;
}

/* Appends TEXT as a block: paragraphs (at blank lines) of lines joined by
 * hard line breaks (a backslash at the end of a line), each line after
 * PREFIX ("" or "> "). */
static void
append_block (GString    *out,
              const char *text,
              const char *prefix)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  g_autofree char *bare_prefix = g_strchomp (g_strdup (prefix));
  gboolean in_paragraph = FALSE;
  gboolean pending_blank = FALSE;
  gboolean ends_in_link = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize digits;

      if (*line == '\0')
        {
          pending_blank = in_paragraph;
          continue;
        }

      if (in_paragraph)
        {
          if (pending_blank)
            {
              /* A blank line (">" in a quote) between paragraphs. */
              g_string_append_c (out, '\n');
              g_string_append (out, bare_prefix);
              g_string_append_c (out, '\n');
            }
          else
            g_string_append (out, ends_in_link ? " \\\n" : "\\\n");
        }
      pending_blank = FALSE;
      in_paragraph = TRUE;

      g_string_append (out, prefix);

      /* Markers that open a block only at the start of a line. */
      digits = ordered_marker_digits (line);
      if (digits > 0)
        {
          g_string_append_len (out, line, digits);
          g_string_append_c (out, '\\');
          line += digits;
        }
      else if (*line == '-' || *line == '+' || *line == '=')
        g_string_append_c (out, '\\');

      append_escaped_line (out, line, strlen (line));
      ends_in_link = may_end_in_link (line);
    }

  if (in_paragraph)
    g_string_append_c (out, '\n');
}

#define begin_block rubric_export_begin_block

static void
append_heading (GString    *out,
                int         level,
                const char *text)
{
  begin_block (out);
  for (int i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  append_inline (out, text);
  g_string_append_c (out, '\n');
}

/* "**Label:**" */
static void
append_label (GString    *out,
              const char *label)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);

  g_string_append (out, "**");
  append_inline (out, with_colon);
  g_string_append (out, "**");
}

/* "**Label:** value" as a list item; the value is escaped. */
static void
append_fact (GString    *out,
             const char *label,
             const char *value)
{
  g_string_append (out, "- ");
  append_label (out, label);
  g_string_append_c (out, ' ');
  append_inline (out, value);
  g_string_append_c (out, '\n');
}

/* "**Label:**" then TEXT as a block, quoted when QUOTE. */
static void
append_labelled_block (GString    *out,
                       const char *label,
                       const char *text,
                       gboolean    quote)
{
  begin_block (out);
  append_label (out, label);
  g_string_append (out, "\n\n");
  append_block (out, text, quote ? "> " : "");
}

static void
append_topic_table (GString             *out,
                    const RubricSummary *summary)
{
  begin_block (out);
  g_string_append (out, "|");
  for (RubricSummaryColumn j = 0; j < RUBRIC_SUMMARY_N_COLUMNS; j++)
    {
      g_string_append_c (out, ' ');
      append_inline (out, rubric_summary_column_header (j));
      g_string_append (out, " |");
    }
  g_string_append (out, "\n| --- |");
  for (RubricSummaryColumn j = 1; j < RUBRIC_SUMMARY_N_COLUMNS; j++)
    g_string_append (out, " ---: |");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      g_string_append (out, "|");
      for (RubricSummaryColumn j = 0; j < RUBRIC_SUMMARY_N_COLUMNS; j++)
        {
          g_autofree char *cell = rubric_summary_topic_cell (topic, j);

          g_string_append_c (out, ' ');
          append_inline (out, cell);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_question (GString                     *out,
                 const RubricSummaryQuestion *q)
{
  append_heading (out, 3, q->heading);

  begin_block (out);
  append_block (out, q->prompt, "");

  begin_block (out);
  append_fact (out, _("Rating"), q->rating_text);
  if (q->elapsed > 0)
    append_fact (out, _("Time"), q->elapsed_text);

  if (!rubric_export_is_blank (q->notes))
    append_labelled_block (out, _("Notes"), q->notes, TRUE);

  if (q->expected != NULL)
    append_labelled_block (out, _("Expected answer"), q->expected, FALSE);

  if (q->key_points != NULL && q->key_points[0] != NULL)
    {
      begin_block (out);
      append_label (out, _("Key points"));
      g_string_append (out, "\n\n");
      for (guint i = 0; q->key_points[i] != NULL; i++)
        {
          g_string_append (out, "- ");
          append_inline (out, q->key_points[i]);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_topic (GString                  *out,
              const RubricSummaryTopic *topic)
{
  append_heading (out, 2, topic->title);

  begin_block (out);
  append_fact (out, _("Score"), topic->score_text);
  append_fact (out, _("Time"), topic->elapsed_text);

  for (guint i = 0; i < topic->questions->len; i++)
    append_question (out, g_ptr_array_index (topic->questions, i));

  if (!rubric_export_is_blank (topic->notes))
    append_labelled_block (out, _("Topic notes"), topic->notes, TRUE);
}

/* Appends TEXT as a block, or NONE when it has nothing to say. */
static void
append_text_or (GString    *out,
                const char *text,
                const char *none)
{
  begin_block (out);
  append_block (out, rubric_export_is_blank (text) ? none : text, "");
}

GBytes *
rubric_export_write_markdown (const RubricSummary *summary)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize size;

  append_heading (out, 1, summary->title);

  /* The verdict first: what a reader who stops here needs. */
  begin_block (out);
  append_fact (out, _("Recommendation"), summary->recommendation_label);
  append_fact (out, _("Overall score"), summary->score_line);
  if (!summary->complete)
    {
      /* The marker goes on the score's line, in bold. */
      g_string_truncate (out, out->len - 1);
      g_string_append (out, " · **");
      append_inline (out, rubric_summary_incomplete_label ());
      g_string_append (out, "**\n");
    }
  if (*summary->role != '\0')
    append_fact (out, _("Role"), summary->role);
  if (*summary->interviewer != '\0')
    append_fact (out, _("Interviewer"), summary->interviewer);
  if (*summary->date != '\0')
    append_fact (out, _("Date"), summary->date);
  append_fact (out, _("Duration"), summary->duration_text);

  append_heading (out, 2, _("Summary"));
  append_text_or (out, summary->summary, _("No summary."));

  append_heading (out, 2, _("Topics"));
  append_topic_table (out, summary);

  /* Nothing asked: no page of questions that all say so. */
  if (summary->not_asked < summary->n_questions)
    for (guint i = 0; i < summary->topics->len; i++)
      append_topic (out, g_ptr_array_index (summary->topics, i));

  if (summary->private_notes != NULL)
    {
      append_heading (out, 2, _("Private notes"));
      append_text_or (out, summary->private_notes, _("No private notes."));
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}
