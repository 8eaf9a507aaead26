/* rubric-export-text.c — the candidate summary as plain text
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For pasting into an email or a chat: UTF-8, headings underlined, the
 * topics in an aligned table, everything wrapped at 80 columns. Widths are
 * counted in terminal columns, not characters, so that CJK text and emoji
 * (two columns each) and combining marks (none) keep the table aligned.
 * Nothing is escaped; control characters other than newlines are removed,
 * and a tab becomes a space (four at the start of a line).
 */

#define G_LOG_DOMAIN "rubric-export-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-export-private.h"

#define LINE_WIDTH 80
#define MIN_WIDTH 20      /* the least a wrapped text is given, however deep */
#define TAB_WIDTH 4
#define COLUMN_GAP 2
#define N_COLUMNS RUBRIC_SUMMARY_N_COLUMNS

/* Shared with the debrief's plain text (rubric-export-private.h). */
#define clean_line rubric_export_text_line
#define text_width rubric_export_text_width
#define append_paragraphs rubric_export_text_paragraphs
#define append_heading rubric_export_text_heading
#define append_field rubric_export_text_field
#define labels_column rubric_export_text_labels_column
#define append_labelled_text rubric_export_text_labelled_text
#define append_items rubric_export_text_items
#define append_labelled_items rubric_export_text_labelled_items

/* TEXT on one line: newlines and tabs become spaces, and the ends are
 * trimmed. */
char *
clean_line (const char *text)
{
  char *line = rubric_export_clean_text (text);

  g_strdelimit (line, "\n\t", ' ');
  return g_strstrip (line);
}

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

static void
append_spaces (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static void
append_repeated (GString    *out,
                 char        c,
                 guint       n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, c);
}

/* Appends TEXT padded with spaces to WIDTH columns, on the left when
 * RIGHT (right-aligned), else on the right. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint w = text_width (text);
  guint pad = w < width ? width - w : 0;

  if (right)
    append_spaces (out, pad);
  g_string_append (out, text);
  if (!right)
    append_spaces (out, pad);
}

/* LINE (without newlines) word-wrapped to FIRST_WIDTH columns for its
 * first line and WIDTH for the others: breaks at spaces and tabs, which are
 * dropped at a break; a word longer than a line is broken between
 * characters (never before a zero-width one). Returns the lines, at least
 * one. */
static GPtrArray *
wrap_line_hanging (const char *line,
                   guint       first_width,
                   guint       rest_width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *current = g_string_new (NULL);
  guint column = 0;
  const char *p = line;

  first_width = MAX (first_width, 1);
  rest_width = MAX (rest_width, 1);

  while (*p != '\0')
    {
      guint width = lines->len == 0 ? first_width : rest_width;
      const char *word;
      guint spaces = 0;
      guint word_width = 0;

      while (*p == ' ' || *p == '\t')
        {
          spaces++;
          p++;
        }
      if (*p == '\0')
        break;

      word = p;
      while (*p != '\0' && *p != ' ' && *p != '\t')
        {
          word_width += char_width (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }

      if (current->len > 0 && column + spaces + word_width <= width)
        {
          append_spaces (current, spaces);
          g_string_append_len (current, word, p - word);
          column += spaces + word_width;
          continue;
        }

      if (current->len > 0)
        {
          g_ptr_array_add (lines, g_string_free (current, FALSE));
          current = g_string_new (NULL);
          column = 0;
          width = rest_width;
        }

      if (word_width <= width)
        {
          g_string_append_len (current, word, p - word);
          column = word_width;
          continue;
        }

      for (const char *q = word; q < p; q = g_utf8_next_char (q))
        {
          guint w = char_width (g_utf8_get_char (q));

          if (w > 0 && column + w > width && current->len > 0)
            {
              g_ptr_array_add (lines, g_string_free (current, FALSE));
              current = g_string_new (NULL);
              column = 0;
              width = rest_width;
            }
          g_string_append_len (current, q, g_utf8_next_char (q) - q);
          column += w;
        }
    }

  if (current->len > 0 || lines->len == 0)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  else
    g_string_free (current, TRUE);

  return lines;
}

static GPtrArray *
wrap_line (const char *line,
           guint       width)
{
  return wrap_line_hanging (line, width, width);
}

/* The width of the list marker LINE starts with, with its space ("- ",
 * "• ", "12. "), or 0. */
static guint
list_marker_width (const char *line)
{
  static const char * const bullets[] = { "- ", "* ", "+ ", "• ", "– ", "— " };
  guint digits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return 2;
  while (g_ascii_isdigit (line[digits]) && digits < 9)
    digits++;
  if (digits > 0 && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return digits + 2;
  return 0;
}

/* Appends LINE wrapped to the rest of the line after INDENT columns, each
 * line indented; the lines after the first are indented past a list
 * marker, if LINE starts with one. */
static void
append_wrapped (GString    *out,
                const char *line,
                guint       indent)
{
  guint hang = list_marker_width (line);
  guint width = LINE_WIDTH > indent + MIN_WIDTH ? LINE_WIDTH - indent : MIN_WIDTH;
  g_autoptr(GPtrArray) lines = NULL;

  if (width < hang + MIN_WIDTH)
    hang = 0;
  lines = wrap_line_hanging (line, width, width - hang);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_ptr_array_index (lines, i);

      if (*text != '\0')
        append_spaces (out, indent + (i > 0 ? hang : 0));
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
}

/* Appends TEXT, which may hold several lines, indented by INDENT: each of
 * its lines wrapped on its own and kept indented as far as it was (for a
 * list in the notes); runs of blank lines become one. */
void
append_paragraphs (GString    *out,
                   const char *text,
                   guint       indent)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  gboolean blank = FALSE;
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      guint lead = 0;

      while (*line == ' ' || *line == '\t')
        {
          lead += *line == '\t' ? TAB_WIDTH : 1;
          line++;
        }
      g_strchomp ((char *) line);

      if (*line == '\0')
        {
          blank = any;
          continue;
        }
      if (blank)
        g_string_append_c (out, '\n');
      blank = FALSE;
      any = TRUE;

      append_wrapped (out, line, indent + MIN (lead, LINE_WIDTH / 2));
    }
}

#define begin_block rubric_export_begin_block

/* A heading, wrapped, underlined with UNDERLINE as wide as its widest
 * line. */
void
append_heading (GString    *out,
                const char *text,
                char        underline)
{
  g_autofree char *line = clean_line (text);
  g_autoptr(GPtrArray) lines = wrap_line (line, LINE_WIDTH);
  guint width = 0;

  begin_block (out);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *l = g_ptr_array_index (lines, i);

      width = MAX (width, text_width (l));
      g_string_append (out, l);
      g_string_append_c (out, '\n');
    }
  append_repeated (out, underline, MAX (width, 1));
  g_string_append_c (out, '\n');
}

/* "Label:" padded to COLUMN columns, then VALUE wrapped and aligned
 * after it. */
void
append_field (GString    *out,
              guint       indent,
              const char *label,
              guint       column,
              const char *value)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);
  g_autofree char *line = clean_line (value);
  g_autoptr(GPtrArray) lines = NULL;

  append_spaces (out, indent);
  if (*line == '\0')
    {
      g_string_append (out, with_colon);
      g_string_append_c (out, '\n');
      return;
    }

  lines = wrap_line (line, MAX (LINE_WIDTH - MIN (indent + column, LINE_WIDTH), MIN_WIDTH));
  append_padded (out, with_colon, column, FALSE);
  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        append_spaces (out, indent + column);
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
}

/* The column after the widest of the labels with their colons and a
 * space. */
guint
labels_column (const char * const *labels,
              guint               n)
{
  guint width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *with_colon = rubric_summary_format_label (labels[i]);

      width = MAX (width, text_width (with_colon));
    }
  return width + 1;
}

/* "Label:" on its own line, then TEXT indented below it. */
void
append_labelled_text (GString    *out,
                      guint       indent,
                      const char *label,
                      const char *text)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);

  append_spaces (out, indent);
  g_string_append (out, with_colon);
  g_string_append_c (out, '\n');
  append_paragraphs (out, text, indent + 2);
}

/* "- item" for each of ITEMS, wrapped under itself, indented by INDENT. */
void
append_items (GString            *out,
              const char * const *items,
              guint               indent)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *line = clean_line (items[i]);
      g_autofree char *item = g_strconcat ("- ", line, NULL);

      append_wrapped (out, item, indent);
    }
}

/* "Label:" on its own line, then ITEMS under it, when there are any. */
void
append_labelled_items (GString            *out,
                       guint               indent,
                       const char         *label,
                       const char * const *items)
{
  g_autofree char *with_colon = NULL;

  if (items == NULL || items[0] == NULL)
    return;
  with_colon = rubric_summary_format_label (label);
  append_spaces (out, indent);
  g_string_append (out, with_colon);
  g_string_append_c (out, '\n');
  append_items (out, items, indent + 2);
}

/* A table of N_COLUMNS columns: HEADERS, a rule, then N_ROWS rows of
 * CELLS, row after row, each cell on one line. Each column is as wide as
 * its widest cell, right-aligned where RIGHT says so; column WRAP takes
 * what the others leave of the line, and wraps (its further lines at its
 * place). NOTES (nullable) holds a line for each row, or NULL: written
 * under the row, indented by two. */
void
rubric_export_text_table (GString            *out,
                          const char * const *headers,
                          guint               n_columns,
                          const char * const *cells,
                          guint               n_rows,
                          guint               wrap,
                          const gboolean     *right,
                          const char * const *notes)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  guint others = 0;
  guint wrap_x = 0;

  for (guint j = 0; j < n_columns; j++)
    widths[j] = text_width (headers[j]);

  for (guint i = 0; i < n_rows * n_columns; i++)
    {
      char *line = clean_line (cells[i]);

      widths[i % n_columns] = MAX (widths[i % n_columns], text_width (line));
      g_ptr_array_add (lines, line);
    }

  /* The wrapped column takes what the others leave of the line. */
  for (guint j = 0; j < n_columns; j++)
    if (j != wrap)
      others += COLUMN_GAP + widths[j];
  if (widths[wrap] + others > LINE_WIDTH)
    widths[wrap] = MAX (LINE_WIDTH > others + 12 ? LINE_WIDTH - others : 12, text_width (headers[wrap]));
  for (guint j = 0; j < wrap; j++)
    wrap_x += widths[j] + COLUMN_GAP;

  begin_block (out);
  for (guint j = 0; j < n_columns; j++)
    {
      if (j > 0)
        append_spaces (out, COLUMN_GAP);
      append_padded (out, headers[j], widths[j], right[j]);
    }
  g_string_append_c (out, '\n');
  for (guint j = 0; j < n_columns; j++)
    {
      if (j > 0)
        append_spaces (out, COLUMN_GAP);
      append_repeated (out, '-', widths[j]);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_rows; i++)
    {
      char **row = (char **) &lines->pdata[i * n_columns];
      g_autoptr(GPtrArray) wrapped = wrap_line (row[wrap], widths[wrap]);
      guint end = n_columns;

      /* Nothing but spaces after the last text of the row. */
      while (end > 0 && !right[end - 1] && *row[end - 1] == '\0' && end - 1 != wrap)
        end--;
      for (guint j = 0; j < end; j++)
        {
          const char *text = j == wrap ? g_ptr_array_index (wrapped, 0) : row[j];

          if (j > 0)
            append_spaces (out, COLUMN_GAP);
          if (j == end - 1 && !right[j])
            g_string_append (out, text);
          else
            append_padded (out, text, widths[j], right[j]);
        }
      g_string_append_c (out, '\n');
      for (guint k = 1; k < wrapped->len; k++)
        {
          append_spaces (out, wrap_x);
          g_string_append (out, g_ptr_array_index (wrapped, k));
          g_string_append_c (out, '\n');
        }
      if (notes != NULL && notes[i] != NULL)
        append_wrapped (out, notes[i], 2);
    }
}

static void
append_topic_table (GString             *out,
                    const RubricSummary *summary)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *headers[RUBRIC_SUMMARY_N_COLUMNS];
  gboolean right[RUBRIC_SUMMARY_N_COLUMNS];

  for (guint j = 0; j < N_COLUMNS; j++)
    {
      headers[j] = rubric_summary_column_header (j);
      right[j] = j != RUBRIC_SUMMARY_COLUMN_TOPIC;
    }
  for (guint i = 0; i < summary->topics->len; i++)
    for (guint j = 0; j < N_COLUMNS; j++)
      g_ptr_array_add (cells, rubric_summary_topic_cell (g_ptr_array_index (summary->topics, i), j));

  rubric_export_text_table (out, headers, N_COLUMNS, (const char * const *) cells->pdata, summary->topics->len,
                            RUBRIC_SUMMARY_COLUMN_TOPIC, right, NULL);
}

static void
append_question (GString                     *out,
                 const RubricSummaryQuestion *q)
{
  const char *labels[] = { _("Rating"), _("Time") };
  guint column = labels_column (labels, G_N_ELEMENTS (labels));

  begin_block (out);
  g_string_append (out, q->heading);
  g_string_append_c (out, '\n');
  append_paragraphs (out, q->prompt, 2);
  g_string_append_c (out, '\n');

  append_field (out, 2, labels[0], column, q->rating_text);
  if (q->elapsed > 0)
    append_field (out, 2, labels[1], column, q->elapsed_text);

  if (!rubric_export_is_blank (q->notes))
    append_labelled_text (out, 2, _("Notes"), q->notes);

  append_labelled_items (out, 2, rubric_summary_evidence_heading (RUBRIC_TICK_KEY_POINT),
                         (const char * const *) q->heard_lines);
  append_labelled_items (out, 2, rubric_summary_evidence_heading (RUBRIC_TICK_RED_FLAG),
                         (const char * const *) q->red_flag_lines);

  if (q->expected != NULL)
    append_labelled_text (out, 2, _("Expected answer"), q->expected);

  append_labelled_items (out, 2, _("Key points"), (const char * const *) q->key_points);
}

static void
append_topic (GString                  *out,
              const RubricSummaryTopic *topic)
{
  const char *labels[] = { _("Score"), _("Time") };
  guint column = labels_column (labels, G_N_ELEMENTS (labels));

  append_heading (out, topic->title, '-');

  begin_block (out);
  append_field (out, 0, labels[0], column, topic->score_text);
  append_field (out, 0, labels[1], column, topic->elapsed_text);

  for (guint i = 0; i < topic->questions->len; i++)
    append_question (out, g_ptr_array_index (topic->questions, i));

  if (!rubric_export_is_blank (topic->notes))
    {
      begin_block (out);
      append_labelled_text (out, 0, _("Topic notes"), topic->notes);
    }
}

/* Appends TEXT, or NONE when it has nothing to say. */
static void
append_text_or (GString    *out,
                const char *text,
                const char *none)
{
  begin_block (out);
  append_paragraphs (out, rubric_export_is_blank (text) ? none : text, 0);
}

GBytes *
rubric_export_write_text (const RubricSummary *summary)
{
  const char *labels[] = {
    _("Recommendation"), _("Overall score"), _("Role"), _("Interviewer"), _("Date"), _("Duration"),
    rubric_summary_plan_heading (), rubric_summary_seal_heading (),
  };
  const char *shown[G_N_ELEMENTS (labels)];
  guint n_shown = 0;
  guint column;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *score = NULL;
  gsize size;

  /* The labels line up over the facts shown. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if ((i != 6 || summary->planned) && (i != 7 || summary->seal_text != NULL))
      shown[n_shown++] = labels[i];
  column = labels_column (shown, n_shown);

  append_heading (out, summary->title, '=');

  if (summary->confidential != NULL)
    {
      g_autofree char *warning = g_utf8_strup (summary->confidential, -1);

      begin_block (out);
      append_paragraphs (out, warning, 0);
    }

  /* The verdict first: what a reader who stops here needs. */
  begin_block (out);
  append_field (out, 0, labels[0], column, summary->recommendation_label);
  if (summary->complete)
    score = g_strdup (summary->score_line);
  else
    {
      g_autofree char *marker = g_utf8_strup (rubric_summary_incomplete_label (), -1);

      score = g_strconcat (summary->score_line, " · ", marker, NULL);
    }
  append_field (out, 0, labels[1], column, score);
  if (*summary->role != '\0')
    append_field (out, 0, labels[2], column, summary->role);
  if (*summary->interviewer != '\0')
    append_field (out, 0, labels[3], column, summary->interviewer);
  if (*summary->date != '\0')
    append_field (out, 0, labels[4], column, summary->date);
  append_field (out, 0, labels[5], column, summary->duration_text);
  if (summary->planned)
    append_field (out, 0, labels[6], column, summary->plan_text);
  if (summary->seal_text != NULL)
    append_field (out, 0, labels[7], column, summary->seal_text);

  append_heading (out, _("Summary"), '-');
  append_text_or (out, summary->summary, _("No summary."));
  for (guint i = 0; i < summary->n_lists; i++)
    {
      append_heading (out, summary->lists[i].heading, '-');
      begin_block (out);
      append_items (out, summary->lists[i].items, 0);
    }

  append_heading (out, _("Topics"), '-');
  append_topic_table (out, summary);

  if (summary->planned)
    {
      if (summary->pacing[0] != NULL)
        {
          append_heading (out, rubric_summary_pacing_heading (), '-');
          begin_block (out);
          append_items (out, (const char * const *) summary->pacing, 0);
        }
      append_heading (out, rubric_summary_planned_not_asked_heading (), '-');
      begin_block (out);
      if (summary->planned_not_asked[0] != NULL)
        append_items (out, (const char * const *) summary->planned_not_asked, 0);
      else
        append_paragraphs (out, rubric_summary_all_asked_label (), 0);
    }

  /* Nothing asked: no page of questions that all say so. */
  if (summary->not_asked < summary->n_questions)
    for (guint i = 0; i < summary->topics->len; i++)
      append_topic (out, g_ptr_array_index (summary->topics, i));

  if (summary->private_notes != NULL)
    {
      append_heading (out, _("Private notes"), '-');
      append_text_or (out, summary->private_notes, _("No private notes."));
    }

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}
