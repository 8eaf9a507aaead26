/* rubric-export-html.c — the candidate summary as one self-contained HTML file
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One HTML5 file that opens anywhere and prints well: its style inline in a
 * <style> element, no script, no image, nothing fetched. Every text from the
 * session is escaped (& < > " '), names are isolated with <bdi> so that a
 * right-to-left name does not reorder what follows it, and notes keep their
 * line breaks through CSS (white-space: pre-wrap). The score bars are
 * CSS: a width computed here from the score, a number, never text.
 */

#define G_LOG_DOMAIN "rubric-export-html"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-export-private.h"

static const char stylesheet[] =
  ":root { color-scheme: light; }\n"
  "body { margin: 2rem auto; max-width: 48rem; padding: 0 1rem; background: #ffffff; color: #1e1e1e;\n"
  "  font: 16px/1.5 Cantarell, \"Noto Sans\", \"Segoe UI\", system-ui, sans-serif; }\n"
  "h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }\n"
  "h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #deddda; }\n"
  "h3 { font-size: 1.1rem; margin: 0 0 .25rem; }\n"
  "h4 { font-size: 1rem; margin: .75rem 0 .25rem; }\n"
  "p { margin: .5rem 0; }\n"
  "dl.facts { display: grid; grid-template-columns: max-content auto; gap: .25rem 1.5rem; margin: 0; }\n"
  "dl.facts dt, dl.meta dt { font-weight: bold; }\n"
  "dl.facts dd, dl.meta dd { margin: 0; }\n"
  "dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0 1rem; margin: .5rem 0; }\n"
  "table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }\n"
  "th, td { padding: .35rem .5rem; border-bottom: 1px solid #deddda; text-align: start; vertical-align: top; }\n"
  "th { border-bottom-width: 2px; }\n"
  "th.number, td.number { text-align: end; white-space: nowrap; }\n"
  ".score { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; margin: .5rem 0 1rem; }\n"
  ".bar { display: inline-block; width: 6rem; height: .5rem; border-radius: .25rem; background: #deddda;\n"
  "  overflow: hidden; vertical-align: middle; }\n"
  ".bar > div { height: 100%; background: #3584e4; }\n"
  "td .bar { width: 4rem; margin-inline-start: .5rem; }\n"
  ".question { margin: 1rem 0; padding: .75rem 1rem; border: 1px solid #deddda; border-radius: .5rem; }\n"
  ".prompt { font-style: italic; }\n"
  ".text { white-space: pre-wrap; overflow-wrap: anywhere; }\n"
  ".notes { margin: .25rem 0; padding: .5rem .75rem; border-inline-start: 3px solid #99c1f1;\n"
  "  background: #f6f5f4; white-space: pre-wrap; overflow-wrap: anywhere; }\n"
  ".muted { color: #5e5c64; }\n"
  ".incomplete { color: #a34400; }\n"
  ".confidential { color: #a51d2d; }\n"
  "@media print {\n"
  "  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }\n"
  "  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }\n"
  "  .question, tr, dl { break-inside: avoid; page-break-inside: avoid; }\n"
  "  .bar, .bar > div { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "}\n";





/* Appends TEXT escaped; newlines become spaces when FLATTEN. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    flatten)
{
  g_autofree char *clean = rubric_export_clean_text (text);

  if (flatten)
    {
      g_strdelimit (clean, "\n\t", ' ');
      g_strstrip (clean);
    }

  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Text of one line, as an element's content. */
#define append_line rubric_export_html_line

void
rubric_export_html_line (GString    *out,
                         const char *text)
{
  append_escaped (out, text, TRUE);
}

/* "Label:" */
static void
append_label (GString    *out,
              const char *label)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);

  append_line (out, with_colon);
}

/* TEXT in <bdi>, isolated from what surrounds it. */
static void
append_isolated (GString    *out,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  append_line (line, text);
  g_string_append_printf (out, "<bdi>%s</bdi>", line->str);
}

/* FORMAT, translated, with its one "%s" replaced by VALUE in <bdi>. */
static void
append_format_isolated (GString    *out,
                        const char *format,
                        const char *value)
{
  const char *at = strstr (format, "%s");
  g_autofree char *before = NULL;

  if (at == NULL)
    {
      append_line (out, format);
      return;
    }
  before = g_strndup (format, at - format);
  append_escaped (out, before, FALSE);
  append_isolated (out, value);
  append_escaped (out, at + 2, FALSE);
}

/* TEXT, which may hold several lines, in an element of CLASS that keeps
 * its line breaks (and the indentation of its lines), as the other
 * formats do: without white space at the ends of lines, runs of blank
 * lines as one. */
#define append_block rubric_export_html_block

void
rubric_export_html_block (GString    *out,
                          const char *element,
                          const char *class,
                          const char *text)
{
  g_autofree char *clean = rubric_export_clean_text (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  g_autoptr(GString) block = g_string_new (NULL);
  gboolean blank = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);

      if (rubric_export_is_blank (line))
        {
          blank = block->len > 0;
          continue;
        }
      if (block->len > 0)
        g_string_append (block, blank ? "\n\n" : "\n");
      blank = FALSE;
      g_string_append (block, line);
    }

  g_string_append_printf (out, "<%s class=\"%s\" dir=\"auto\">", element, class);
  append_escaped (out, block->str, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

/* A bar as wide as SCORE is of 5: a number, computed here. */
static void
append_bar (GString *out,
            double   score)
{
  int percent = (int) (CLAMP (score, 0.0, 5.0) * 20.0 + 0.5);

  g_string_append_printf (out, "<div class=\"bar\" aria-hidden=\"true\"><div style=\"width: %d%%\"></div></div>",
                          percent);
}

static void
append_fact (GString    *out,
             const char *label,
             const char *value,
             gboolean    isolate)
{
  g_string_append (out, "<dt>");
  append_line (out, label);
  g_string_append (out, "</dt><dd>");
  if (isolate)
    append_isolated (out, value);
  else
    append_line (out, value);
  g_string_append (out, "</dd>\n");
}

static void
append_topic_table (GString             *out,
                    const RubricSummary *summary)
{
  g_string_append (out, "<table>\n<thead>\n<tr>");
  for (RubricSummaryColumn j = 0; j < RUBRIC_SUMMARY_N_COLUMNS; j++)
    {
      g_string_append (out, j == 0 ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"number\">");
      append_line (out, rubric_summary_column_header (j));
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");

  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (RubricSummaryColumn j = 0; j < RUBRIC_SUMMARY_N_COLUMNS; j++)
        {
          g_autofree char *cell = rubric_summary_topic_cell (topic, j);

          g_string_append (out, j == 0 ? "<tr><td dir=\"auto\">" : "<td class=\"number\">");
          append_line (out, cell);
          if (j == RUBRIC_SUMMARY_COLUMN_SCORE && topic->has_score)
            append_bar (out, topic->score);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }

  g_string_append (out, "</tbody>\n</table>\n");
}

/* ITEMS as a list, each in its own direction. */
#define append_items rubric_export_html_items

void
rubric_export_html_items (GString            *out,
                          const char * const *items)
{
  g_string_append (out, "<ul>\n");
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_string_append (out, "<li dir=\"auto\">");
      append_line (out, items[i]);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

/* LABEL as a heading of a question's part, then ITEMS as a list, when
 * there are any. */
static void
append_labelled_items (GString            *out,
                       const char         *label,
                       const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return;
  g_string_append (out, "<h4>");
  append_line (out, label);
  g_string_append (out, "</h4>\n");
  append_items (out, items);
}

static void
append_question (GString                     *out,
                 const RubricSummaryQuestion *q)
{
  g_string_append (out, "<section class=\"question\">\n<h3>");
  append_line (out, q->heading);
  g_string_append (out, "</h3>\n");
  append_block (out, "p", "prompt text", q->prompt);

  g_string_append (out, "<dl class=\"meta\">\n");
  append_fact (out, _("Rating"), q->rating_text, FALSE);
  if (q->elapsed > 0)
    append_fact (out, _("Time"), q->elapsed_text, FALSE);
  g_string_append (out, "</dl>\n");

  if (!rubric_export_is_blank (q->notes))
    {
      g_string_append (out, "<h4>");
      append_line (out, _("Notes"));
      g_string_append (out, "</h4>\n");
      append_block (out, "div", "notes", q->notes);
    }

  append_labelled_items (out, rubric_summary_evidence_heading (RUBRIC_TICK_KEY_POINT),
                         (const char * const *) q->heard_lines);
  append_labelled_items (out, rubric_summary_evidence_heading (RUBRIC_TICK_RED_FLAG),
                         (const char * const *) q->red_flag_lines);

  if (q->expected != NULL)
    {
      g_string_append (out, "<h4>");
      append_line (out, _("Expected answer"));
      g_string_append (out, "</h4>\n");
      append_block (out, "p", "text", q->expected);
    }

  append_labelled_items (out, _("Key points"), (const char * const *) q->key_points);

  g_string_append (out, "</section>\n");
}

static void
append_topic (GString                  *out,
              const RubricSummaryTopic *topic)
{
  g_string_append (out, "<section class=\"topic\">\n<h2 dir=\"auto\">");
  append_line (out, topic->title);
  g_string_append (out, "</h2>\n<div class=\"score\"><span><strong>");
  append_label (out, _("Score"));
  g_string_append (out, "</strong> ");
  append_line (out, topic->score_text);
  g_string_append (out, "</span>");
  if (topic->has_score)
    append_bar (out, topic->score);
  g_string_append (out, "<span><strong>");
  append_label (out, _("Time"));
  g_string_append (out, "</strong> ");
  append_line (out, topic->elapsed_text);
  g_string_append (out, "</span></div>\n");

  for (guint i = 0; i < topic->questions->len; i++)
    append_question (out, g_ptr_array_index (topic->questions, i));

  if (!rubric_export_is_blank (topic->notes))
    {
      g_string_append (out, "<h3>");
      append_line (out, _("Topic notes"));
      g_string_append (out, "</h3>\n");
      append_block (out, "div", "notes", topic->notes);
    }

  g_string_append (out, "</section>\n");
}

/* Opens a section of the summary under HEADING. */
static void
begin_section (GString    *out,
               const char *heading)
{
  g_string_append (out, "<section>\n<h2>");
  append_line (out, heading);
  g_string_append (out, "</h2>\n");
}

/* A section with a heading and TEXT, or NONE when it has nothing to say. */
static void
append_text_section (GString    *out,
                     const char *heading,
                     const char *text,
                     const char *none)
{
  begin_section (out, heading);
  if (!rubric_export_is_blank (text))
    append_block (out, "div", "text", text);
  else
    {
      g_string_append (out, "<p class=\"muted\">");
      append_line (out, none);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

/**
 * rubric_export_html_head:
 * @css: more style rules, after the stylesheet
 *
 * The document up to <body>: the language, the title, the stylesheet.
 */
void
rubric_export_html_head (GString    *out,
                         const char *title,
                         const char *css)
{
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language of this translation as a BCP 47 tag, such as
   * "de" or "pt-BR"; the exported HTML summary declares it */
  append_line (out, C_("html lang", "en"));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"Rubric\">\n<title>");
  append_line (out, title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, stylesheet);
  g_string_append (out, css);
  g_string_append (out, "</style>\n</head>\n<body>\n");
}

GBytes *
rubric_export_write_html (const RubricSummary *summary)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean named = *summary->candidate != '\0';
  gsize size;

  rubric_export_html_head (out, summary->title, "");
  g_string_append (out, "<header>\n<h1>");
  if (named)
    /* Translators: the heading of an exported HTML summary; %s is the
     * candidate. Write the placeholder as %s, not %1$s */
    append_format_isolated (out, _("Interview summary: %s"), summary->candidate);
  else
    append_line (out, _("Interview summary"));
  g_string_append (out, "</h1>\n");
  if (summary->confidential != NULL)
    {
      g_string_append (out, "<p class=\"confidential\"><strong>");
      append_line (out, summary->confidential);
      g_string_append (out, "</strong></p>\n");
    }
  g_string_append (out, "<dl class=\"facts\">\n");
  /* The verdict first: what a reader who stops here needs. */
  append_fact (out, _("Recommendation"), summary->recommendation_label, FALSE);
  g_string_append (out, "<dt>");
  append_line (out, _("Overall score"));
  g_string_append (out, "</dt><dd>");
  append_line (out, summary->score_line);
  if (!summary->complete)
    {
      g_string_append (out, " · <strong class=\"incomplete\">");
      append_line (out, rubric_summary_incomplete_label ());
      g_string_append (out, "</strong>");
    }
  g_string_append (out, "</dd>\n");
  if (*summary->role != '\0')
    append_fact (out, _("Role"), summary->role, TRUE);
  if (*summary->interviewer != '\0')
    append_fact (out, _("Interviewer"), summary->interviewer, TRUE);
  if (*summary->date != '\0')
    append_fact (out, _("Date"), summary->date, FALSE);
  append_fact (out, _("Duration"), summary->duration_text, FALSE);
  if (summary->planned)
    append_fact (out, rubric_summary_plan_heading (), summary->plan_text, FALSE);
  if (summary->seal_text != NULL)
    append_fact (out, rubric_summary_seal_heading (), summary->seal_text, FALSE);
  g_string_append (out, "</dl>\n</header>\n<main>\n");

  append_text_section (out, _("Summary"), summary->summary, _("No summary."));
  for (guint i = 0; i < summary->n_lists; i++)
    {
      begin_section (out, summary->lists[i].heading);
      append_items (out, summary->lists[i].items);
      g_string_append (out, "</section>\n");
    }

  begin_section (out, _("Topics"));
  append_topic_table (out, summary);
  g_string_append (out, "</section>\n");

  if (summary->planned)
    {
      if (summary->pacing[0] != NULL)
        {
          begin_section (out, rubric_summary_pacing_heading ());
          append_items (out, (const char * const *) summary->pacing);
          g_string_append (out, "</section>\n");
        }
      if (summary->planned_not_asked[0] != NULL)
        {
          begin_section (out, rubric_summary_planned_not_asked_heading ());
          append_items (out, (const char * const *) summary->planned_not_asked);
          g_string_append (out, "</section>\n");
        }
      else
        append_text_section (out, rubric_summary_planned_not_asked_heading (), "", rubric_summary_all_asked_label ());
    }

  /* Nothing asked: no page of questions that all say so. */
  if (summary->not_asked < summary->n_questions)
    for (guint i = 0; i < summary->topics->len; i++)
      append_topic (out, g_ptr_array_index (summary->topics, i));

  if (summary->private_notes != NULL)
    append_text_section (out, _("Private notes"), summary->private_notes, _("No private notes."));

  g_string_append (out, "</main>\n</body>\n</html>\n");

  size = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), size);
}
