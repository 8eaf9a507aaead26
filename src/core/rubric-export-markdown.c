/* rubric-export-markdown.c — the candidate summary as CommonMark with GFM tables
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text from the session is escaped, so a name or a note can neither
 * break the topic table nor become markup — but only what Markdown would
 * read as markup, where it would: "C# and F#", "$100", "Foo_(bar)" and
 * "https://github.com/o/r/pull/1234#discussion_r99" stay as they are, a URL
 * is copied as it is (so GFM links it), and what is left reads well when
 * pasted as plain text. A line that could open a block (a list, a heading,
 * a quote, a fence, a heading underline) has its marker escaped, and a
 * line's leading white space (which could open a code block) is dropped.
 * Raw HTML never passes: "<script>" becomes "\<script>". Line breaks in
 * notes are kept as hard line breaks (a backslash at the end of the line).
 */

#define G_LOG_DOMAIN "rubric-export-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-export-private.h"

static gboolean
is_space_at (const char *start,
             const char *end,
             const char *p)
{
  return p < start || p >= end || *p == ' ' || *p == '\t' || *p == '\n';
}

static gboolean
is_punct_at (const char *start,
             const char *end,
             const char *p)
{
  if (p < start || p >= end)
    return FALSE;
  if ((guchar) *p < 0x80)
    return g_ascii_ispunct (*p);
  while (p > start && (*p & 0xC0) == 0x80)
    p--;
  return g_unichar_ispunct (g_utf8_get_char (p));
}

/* Whether the '*' or '_' at P (between START and END) can open or close
 * emphasis, by CommonMark's flanking rules: "2 * 3" and "on_delete"
 * cannot. */
static gboolean
is_delimiter (const char *start,
              const char *end,
              const char *p)
{
  gboolean space_before = is_space_at (start, end, p - 1);
  gboolean space_after = is_space_at (start, end, p + 1);
  gboolean punct_before = is_punct_at (start, end, p - 1);
  gboolean punct_after = is_punct_at (start, end, p + 1);
  gboolean left = !space_after && (!punct_after || space_before || punct_before);
  gboolean right = !space_before && (!punct_before || space_after || punct_after);

  if (*p == '*')
    return left || right;
  return (left && (!right || punct_before)) || (right && (!left || punct_after));
}

/* Which of the characters that only mean something in pairs ('*' and
 * '_' emphasis, '~' strikethrough, '$' GitHub's maths) come more than
 * once in a block where they could: alone, none of them is markup. */
typedef struct
{
  gboolean star, underscore, tilde, dollar;
} Pairs;

static Pairs
find_pairs (const char *text)
{
  const char *end = text + strlen (text);
  guint star = 0, underscore = 0, tilde = 0, dollar = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      star += *p == '*' && is_delimiter (text, end, p);
      underscore += *p == '_' && is_delimiter (text, end, p);
      tilde += *p == '~';
      dollar += *p == '$';
    }
  return (Pairs) { star > 1, underscore > 1, tilde > 1, dollar > 1 };
}

/* The length of the URL at P ("https://…", "http://…", "www.…") up to
 * white space, '<' or '|', or 0: a URL starts a word. */
static gsize
url_length (const char *start,
            const char *end,
            const char *p)
{
  static const char * const schemes[] = { "https://", "http://", "www." };
  const char *q = p;

  if (p > start && !is_space_at (start, end, p - 1) && strchr ("(\"'", p[-1]) == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if ((gsize) (end - p) > strlen (schemes[i]) && g_ascii_strncasecmp (p, schemes[i], strlen (schemes[i])) == 0)
      {
        while (q < end && *q != ' ' && *q != '\t' && *q != '<' && *q != '|')
          q++;
        return q - p;
      }
  return 0;
}

/* Whether the '&' at P starts an entity or a numeric character
 * reference: "&amp;", "&#35;", "&#x23;". */
static gboolean
is_entity (const char *end,
           const char *p)
{
  const char *q = p + 1;

  if (q < end && *q == '#')
    q++;
  while (q < end && g_ascii_isalnum (*q))
    q++;
  return q > p + 1 && q < end && *q == ';';
}

/* Whether the character at P of LINE, a line of a block with PAIRS, needs
 * a backslash: whether Markdown would read it as markup there. */
static gboolean
needs_escape (const char  *line,
              const char  *end,
              const char  *p,
              const Pairs *pairs)
{
  switch (*p)
    {
    case '\\':
      /* Only before what it would escape, and at the end of a line, where
       * it would be a hard line break. */
      return p + 1 >= end || g_ascii_ispunct (p[1]);
    case '`':
    case '[':
    case ']':
    case '|':
      /* Code spans, links, table cells. */
      return TRUE;
    case '<':
      /* Raw HTML and autolinks: '<' then a letter, '/', '!' or '?'. */
      return p + 1 < end && (g_ascii_isalpha (p[1]) || strchr ("/!?", p[1]) != NULL);
    case '!':
      return p + 1 < end && p[1] == '[';
    case '&':
      return is_entity (end, p);
    case '*':
      return pairs->star && is_delimiter (line, end, p);
    case '_':
      return pairs->underscore && is_delimiter (line, end, p);
    case '~':
      return pairs->tilde;
    case '$':
      return pairs->dollar;
    default:
      return FALSE;
    }
}

/* Appends one line (no newline in it), escaped for inline content. */
static void
append_escaped_line (GString     *out,
                     const char  *line,
                     gsize        length,
                     const Pairs *pairs)
{
  const char *end = line + length;

  for (const char *p = line; p < end; p++)
    {
      gsize url = url_length (line, end, p);

      if (url > 0)
        {
          /* As it is, so that it stays a link. */
          g_string_append_len (out, p, url);
          p += url - 1;
          continue;
        }
      if (*p == '\t' || *p == '\n')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (needs_escape (line, end, p, pairs))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
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

/* Appends the start of LINE, escaped where it could open a block (a list,
 * a heading, a quote, a fence, a thematic break, a heading underline);
 * returns how much of LINE it took. */
static gsize
append_line_start (GString    *out,
                   const char *line)
{
  gsize digits = ordered_marker_digits (line);

  if (digits > 0)
    {
      g_string_append_len (out, line, digits);
      g_string_append_c (out, '\\');
      return digits;
    }
  if (*line != '\0' && strchr ("-+=#>*_~", *line) != NULL)
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *line);
      return 1;
    }
  return 0;
}

/* Appends TEXT on one line: in a heading, a list item or a table cell.
 * Newlines and tabs become spaces; '|' is escaped with the rest, which
 * GFM honours inside a table cell too. */
#define append_inline rubric_export_md_inline

void
rubric_export_md_inline (GString    *out,
                         const char *text)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  Pairs pairs = find_pairs (clean);
  const char *start;

  g_strdelimit (clean, "\n\t", ' ');
  g_strstrip (clean);
  /* A list item's text is read as blocks: "- # x" would be a heading. */
  start = clean;
  if (out->len == 0 || out->str[out->len - 1] == '\n' || g_str_has_suffix (out->str, "- "))
    start += append_line_start (out, clean);
  append_escaped_line (out, start, strlen (start), &pairs);
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
#define append_block rubric_export_md_block

void
rubric_export_md_block (GString    *out,
                        const char *text,
                        const char *prefix)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  g_autofree char *bare_prefix = g_strchomp (g_strdup (prefix));
  gboolean in_paragraph = FALSE;
  gboolean pending_blank = FALSE;
  gboolean ends_in_link = FALSE;
  Pairs pairs = find_pairs (clean);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

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
      line += append_line_start (out, line);
      append_escaped_line (out, line, strlen (line), &pairs);
      ends_in_link = may_end_in_link (line);
    }

  if (in_paragraph)
    g_string_append_c (out, '\n');
}

#define begin_block rubric_export_begin_block

#define append_heading rubric_export_md_heading

void
rubric_export_md_heading (GString    *out,
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

/* ITEMS as a list, a block of its own, each escaped. */
#define append_items rubric_export_md_items

void
rubric_export_md_items (GString            *out,
                        const char * const *items)
{
  begin_block (out);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_string_append (out, "- ");
      append_inline (out, items[i]);
      g_string_append_c (out, '\n');
    }
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

/* "**Label:**" then ITEMS as a list, when there are any. */
static void
append_labelled_items (GString            *out,
                       const char         *label,
                       const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return;
  begin_block (out);
  append_label (out, label);
  append_items (out, items);
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

  append_labelled_items (out, rubric_summary_evidence_heading (RUBRIC_TICK_KEY_POINT),
                         (const char * const *) q->heard_lines);
  append_labelled_items (out, rubric_summary_evidence_heading (RUBRIC_TICK_RED_FLAG),
                         (const char * const *) q->red_flag_lines);

  if (q->expected != NULL)
    append_labelled_block (out, _("Expected answer"), q->expected, FALSE);

  append_labelled_items (out, _("Key points"), (const char * const *) q->key_points);
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

  if (summary->confidential != NULL)
    {
      begin_block (out);
      g_string_append (out, "**");
      append_inline (out, summary->confidential);
      g_string_append (out, "**\n");
    }

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
  if (summary->planned)
    append_fact (out, rubric_summary_plan_heading (), summary->plan_text);
  if (summary->seal_text != NULL)
    append_fact (out, rubric_summary_seal_heading (), summary->seal_text);

  append_heading (out, 2, _("Summary"));
  append_text_or (out, summary->summary, _("No summary."));
  for (guint i = 0; i < summary->n_lists; i++)
    {
      append_heading (out, 2, summary->lists[i].heading);
      append_items (out, summary->lists[i].items);
    }

  append_heading (out, 2, _("Topics"));
  append_topic_table (out, summary);

  if (summary->planned)
    {
      if (summary->pacing[0] != NULL)
        {
          append_heading (out, 2, rubric_summary_pacing_heading ());
          append_items (out, (const char * const *) summary->pacing);
        }
      append_heading (out, 2, rubric_summary_planned_not_asked_heading ());
      if (summary->planned_not_asked[0] != NULL)
        append_items (out, (const char * const *) summary->planned_not_asked);
      else
        append_text_or (out, rubric_summary_all_asked_label (), "");
    }

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
