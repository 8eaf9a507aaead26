/* test-export-injection.c — hostile text in a session stays text in every format
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * injection.rubric.json puts script tags, Markdown and Pango markup, table
 * pipes, spreadsheet formulas, control characters, right-to-left text,
 * emoji and a 20 KB note into names, notes, a topic title and a prompt.
 * Each format must show all of it as it was written, and let none of it
 * act: no tag or attribute the writer did not write, no extra table
 * column, no formula, no control character.
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"

typedef struct
{
  RubricKit     *kit;
  RubricSession *session;
  GPtrArray     *texts;      /* every text of the session that an export shows */
  GPtrArray     *row_texts;  /* those of them that a CSV row has */
} Fixture;

static void
add_text (Fixture    *fixture,
          const char *text,
          gboolean    in_row)
{
  if (text == NULL || *text == '\0')
    return;
  g_ptr_array_add (fixture->texts, g_strdup (text));
  if (in_row)
    g_ptr_array_add (fixture->row_texts, g_strdup (text));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *answers;

  fixture->kit = export_test_load_kit ();
  fixture->session = export_test_load_session ("injection.rubric.json", fixture->kit);
  fixture->texts = g_ptr_array_new_with_free_func (g_free);
  fixture->row_texts = g_ptr_array_new_with_free_func (g_free);

  add_text (fixture, rubric_session_get_candidate_name (fixture->session), FALSE);
  add_text (fixture, rubric_session_get_candidate_role (fixture->session), FALSE);
  add_text (fixture, rubric_session_get_interviewer (fixture->session), FALSE);
  add_text (fixture, rubric_session_get_summary (fixture->session), FALSE);
  add_text (fixture, rubric_session_get_topic_notes (fixture->session, "migrations"), FALSE);
  add_text (fixture, rubric_session_get_topic_notes (fixture->session, "injected"), FALSE);
  /* The strengths and concerns are in every CSV row. */
  for (const char * const *item = rubric_session_get_strengths (fixture->session); *item != NULL; item++)
    add_text (fixture, *item, TRUE);
  for (const char * const *item = rubric_session_get_concerns (fixture->session); *item != NULL; item++)
    add_text (fixture, *item, TRUE);

  answers = rubric_session_get_answers (fixture->session);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, i);

      add_text (fixture, rubric_answer_get_notes (answer), TRUE);
      if (rubric_kit_lookup_question (fixture->kit, rubric_answer_get_question_id (answer)) == NULL)
        {
          add_text (fixture, rubric_answer_get_prompt (answer), TRUE);
          add_text (fixture, rubric_answer_get_topic_title (answer), TRUE);
        }
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->kit);
  g_clear_pointer (&fixture->texts, g_ptr_array_unref);
  g_clear_pointer (&fixture->row_texts, g_ptr_array_unref);
}

static char *
export (Fixture            *fixture,
        RubricExportFormat  format)
{
  return export_test_export (fixture->session, fixture->kit, format, RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
}

/* Every text of the session reads in OUTPUT, the private notes too; in
 * CSV, every text of a question. */
static void
assert_all_texts (Fixture            *fixture,
                  RubricExportFormat  format,
                  const char         *output)
{
  GPtrArray *texts = format == RUBRIC_EXPORT_FORMAT_CSV ? fixture->row_texts : fixture->texts;

  for (guint i = 0; i < texts->len; i++)
    export_test_assert_has_text (format, output, g_ptr_array_index (texts, i));
  if (format != RUBRIC_EXPORT_FORMAT_CSV)
    export_test_assert_has_text (format, output, rubric_session_get_private_notes (fixture->session));
}

/* No control character but LF (and tab, and CR before LF in CSV), nor NEL. */
static void
assert_no_controls (RubricExportFormat  format,
                    const char         *output)
{
  for (const char *p = output; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t' || (c == '\r' && format == RUBRIC_EXPORT_FORMAT_CSV && p[1] == '\n'))
        continue;
      if (g_unichar_iscntrl (c))
        g_error ("the %s export holds the control character U+%04X at byte %d",
                 export_test_format_name (format), c, (int) (p - output));
    }
}

static guint
count_headings (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '#')
      n++;
  return n;
}

/* The '|' in LINE that are not escaped. */
static guint
count_pipes (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        n++;
    }
  return n;
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *md = export (fixture, RUBRIC_EXPORT_FORMAT_MARKDOWN);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  g_autoptr(RubricSummary) summary = rubric_summary_new (fixture->session, fixture->kit,
                                                         RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  guint headings = 6;   /* the title, Summary, Strengths, Concerns, Topics, Private notes */
  guint table_rows = 0;

  assert_all_texts (fixture, RUBRIC_EXPORT_FORMAT_MARKDOWN, md);
  assert_no_controls (RUBRIC_EXPORT_FORMAT_MARKDOWN, md);

  /* Escaped, visibly. */
  g_assert_nonnull (strstr (md, "\\<script>alert(1)\\</script>"));
  g_assert_nonnull (strstr (md, "\\*\\*bold\\*\\*"));
  g_assert_nonnull (strstr (md, "> \\# Not a heading\\\n"));
  g_assert_nonnull (strstr (md, "> \\- not a list\\\n"));
  g_assert_nonnull (strstr (md, "> 1\\. not a list\\\n"));
  g_assert_nonnull (strstr (md, "> \\> not a quote\\\n"));
  g_assert_nonnull (strstr (md, "> \\===\\\n"));
  g_assert_nonnull (strstr (md, "\\&amp;"));
  /* A strength or concern opens nothing in its list item either. */
  g_assert_nonnull (strstr (md, "\n- \\# Not a heading in a list\n"));
  g_assert_nonnull (strstr (md, "\n- \\- not a nested list \\| pipe \\|\n"));
  g_assert_nonnull (strstr (md, "\n- \\*\\*bold\\*\\* \\[link\\](javascript:alert(1)) evil\n"));
  /* A space keeps the hard line break out of a link GFM makes itself. */
  g_assert_nonnull (strstr (md, "\\!\\[img\\](http://x/y.png) \\\n"));

  /* Only the writer's headings: a note's "# " line is not one. */
  for (guint i = 0; i < summary->topics->len; i++)
    headings += 1 + ((RubricSummaryTopic *) g_ptr_array_index (summary->topics, i))->questions->len;
  g_assert_cmpuint (count_headings (md), ==, headings);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* Every row of the topic table keeps its columns. */
      if (line[0] == '|')
        {
          g_assert_cmpuint (count_pipes (line), ==, RUBRIC_SUMMARY_N_COLUMNS + 1);
          table_rows++;
        }

      /* No raw HTML: every '<' that could open a tag is escaped. */
      for (const char *p = line; *p != '\0'; p++)
        if (*p == '<' && (g_ascii_isalpha (p[1]) || (p[1] != '\0' && strchr ("/!?", p[1]) != NULL)))
          {
            if (p == line || p[-1] != '\\')
              g_error ("line %u: an unescaped '%c': %s", i + 1, *p, line);
          }

      /* No line of a note opens a block: after the quote's "> ", only
       * escaped markers. */
      if (g_str_has_prefix (line, "> "))
        {
          const char *text = line + 2;

          g_assert_false (text[0] == ' ' || text[0] == '\t');
          g_assert_true (text[0] == '\0' || strchr ("-+*=#>|`~<", text[0]) == NULL);
        }
    }
  g_assert_cmpuint (table_rows, ==, 2 + summary->topics->len);
}

/* The tags and attributes the HTML writer writes; anything else came from
 * the text. */
static const char * const html_tags[] = {
  "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "main", "section",
  "h1", "h2", "h3", "h4", "p", "div", "span", "strong", "bdi", "dl", "dt", "dd", "ul", "li",
  "table", "thead", "tbody", "tr", "th", "td", NULL,
};
static const char * const html_attributes[] = {
  "lang", "charset", "name", "content", "class", "dir", "scope", "aria-hidden", "style", NULL,
};

static void
assert_html_tag (const char *tag)
{
  g_autoptr(GRegex) tag_regex = g_regex_new ("^</?([!A-Za-z0-9-]+)((?:\\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\\s*>$", 0, 0, NULL);
  g_autoptr(GRegex) attribute_regex = g_regex_new ("([a-z-]+)(?:=\"([^\"]*)\")?", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) attributes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rest = NULL;

  if (g_str_has_prefix (tag, "<!DOCTYPE"))
    {
      g_assert_cmpstr (tag, ==, "<!DOCTYPE html>");
      return;
    }
  if (!g_regex_match (tag_regex, tag, 0, &match))
    g_error ("not a tag the writer writes: %s", tag);
  name = g_match_info_fetch (match, 1);
  if (!g_strv_contains (html_tags, name))
    g_error ("a tag the writer does not write: %s", tag);

  rest = g_match_info_fetch (match, 2);
  g_regex_match (attribute_regex, rest, 0, &attributes);
  while (g_match_info_matches (attributes))
    {
      g_autofree char *attribute = g_match_info_fetch (attributes, 1);
      g_autofree char *value = g_match_info_fetch (attributes, 2);

      if (!g_strv_contains (html_attributes, attribute))
        g_error ("an attribute the writer does not write: %s", tag);
      if (g_str_equal (attribute, "style") &&
          !g_regex_match_simple ("^width: [0-9]{1,3}%$", value, 0, 0))
        g_error ("a style the writer does not write: %s", tag);
      g_match_info_next (attributes, NULL);
    }
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *html = export (fixture, RUBRIC_EXPORT_FORMAT_HTML);
  g_autofree char *lower = g_ascii_strdown (html, -1);

  assert_all_texts (fixture, RUBRIC_EXPORT_FORMAT_HTML, html);
  assert_no_controls (RUBRIC_EXPORT_FORMAT_HTML, html);

  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "<b>"));
  g_assert_null (strstr (lower, "<i>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(1)&gt;"));
  g_assert_nonnull (strstr (html, "&quot;quoted&quot; &#39;single&#39;"));
  g_assert_nonnull (strstr (html, "&amp;amp; &amp;lt;"));

  /* Every tag is one the writer writes, with its own attributes. */
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = NULL;

      g_assert_nonnull (end);
      tag = g_strndup (p, end - p + 1);
      assert_html_tag (tag);
    }
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = export (fixture, RUBRIC_EXPORT_FORMAT_TEXT);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint table = 0;
  guint table_width = 0;
  guint topic_width = 0;

  assert_all_texts (fixture, RUBRIC_EXPORT_FORMAT_TEXT, text);
  assert_no_controls (RUBRIC_EXPORT_FORMAT_TEXT, text);
  g_assert_null (strchr (text, '\t'));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint width = export_test_text_width (lines[i]);

      if (width > 80)
        g_error ("line %u is %u columns wide: %s", i + 1, width, lines[i]);
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }

  /* The topic table: after "Topics", its underline and a blank line, a
   * header, a rule of dashes, then rows to the next blank line. A row is
   * exactly as wide as the header; a line that only continues a long topic
   * fits in the topic column. */
  for (guint i = 0; lines[i] != NULL && table == 0; i++)
    if (g_str_equal (lines[i], "Topics"))
      table = i + 3;
  g_assert_cmpuint (table, >, 0);
  table_width = export_test_text_width (lines[table]);
  g_assert_cmpuint (export_test_text_width (lines[table + 1]), ==, table_width);
  topic_width = strspn (lines[table + 1], "-");
  for (guint i = table + 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      guint width = export_test_text_width (lines[i]);

      if (width != table_width && width > topic_width)
        g_error ("a row of the topic table out of line: %s", lines[i]);
    }
  g_assert_nonnull (strstr (text, "@Injected | <i>topic</i> # 漢字🎉 عربي"));
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = export_test_export (fixture->session, fixture->kit, RUBRIC_EXPORT_FORMAT_CSV,
                                            RUBRIC_EXPORT_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = export_test_parse_csv (csv, &error);
  g_autoptr(RubricSummary) summary = rubric_summary_new (fixture->session, fixture->kit, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *strengths = g_strjoinv ("\n", summary->strengths);
  g_autofree char *concerns = g_strjoinv ("\n", summary->concerns);
  guint row = 1;

  g_assert_no_error (error);
  assert_all_texts (fixture, RUBRIC_EXPORT_FORMAT_CSV, csv);
  assert_no_controls (RUBRIC_EXPORT_FORMAT_CSV, csv);

  g_assert_true (g_str_has_prefix (csv, "candidate,date,interviewer,recommendation,overall_score,strengths,concerns,"
                                        "topic,topic_score,question_id,question,status,rating,elapsed_seconds,notes\r\n"));

  for (guint i = 0; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);

      g_assert_cmpuint (g_strv_length (record), ==, 15);
      for (guint f = 0; f < 15; f++)
        if (strchr ("=+-@\t\r", record[f][0]) != NULL && record[f][0] != '\0')
          g_error ("record %u, field %u starts a formula: %.40s", i + 1, f + 1, record[f]);
    }

  /* One row a question, in order; each field reads back as it was, less
   * the apostrophe that guards a formula. */
  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++, row++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);
          char **record;
          const char *expected[] = {
            summary->candidate, summary->date, summary->interviewer, NULL, NULL, strengths, concerns,
            topic->title, NULL, q->id, q->prompt, q->status_name, NULL, NULL, q->notes,
          };

          g_assert_cmpuint (row, <, records->len);
          record = g_ptr_array_index (records, row);
          for (guint f = 0; f < G_N_ELEMENTS (expected); f++)
            {
              g_autofree char *clean = NULL;
              gboolean guarded;

              if (expected[f] == NULL)
                continue;
              clean = export_test_clean (expected[f]);
              guarded = clean[0] != '\0' && strchr ("=+-@\t", clean[0]) != NULL;
              if (guarded)
                {
                  g_assert_cmpint (record[f][0], ==, '\'');
                  g_assert_cmpstr (record[f] + 1, ==, clean);
                }
              else
                g_assert_cmpstr (record[f], ==, clean);
            }
          g_assert_cmpstr (record[3], ==, rubric_recommendation_get_name (summary->recommendation));
        }
    }
  g_assert_cmpuint (row, ==, records->len);

  /* The cases themselves. */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"));
  g_assert_nonnull (strstr (csv, ",'+1\r\n"));
  g_assert_nonnull (strstr (csv, ",'-2\r\n"));
  g_assert_nonnull (strstr (csv, ",'@SUM(A1)\r\n"));
  g_assert_nonnull (strstr (csv, ",\"'\tTAB first, then, commas\"\r\n"));
  g_assert_true (g_str_has_prefix (((char **) g_ptr_array_index (records, records->len - 1))[7], "'@Injected"));
  /* The strengths' cell starts with a formula: guarded, once, before all of them. */
  g_assert_true (g_str_has_prefix (((char **) g_ptr_array_index (records, 1))[5], "'=SUM(A1:A9)"));
}

/* Every flag at once, through every format: nothing breaks. */
static void
test_all_flags (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      g_autofree char *output = export_test_export (fixture->session, fixture->kit, export_test_formats[i],
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS |
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE |
                                                    RUBRIC_EXPORT_FLAGS_ANONYMIZE);

      assert_no_controls (export_test_formats[i], output);
      if (export_test_formats[i] == RUBRIC_EXPORT_FORMAT_HTML)
        g_assert_null (strstr (output, "<script"));
    }
}

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);

  g_test_add ("/export-text/injection/markdown", Fixture, NULL, fixture_set_up, test_markdown, fixture_tear_down);
  g_test_add ("/export-text/injection/html", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/export-text/injection/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/export-text/injection/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/export-text/injection/all-flags", Fixture, NULL, fixture_set_up, test_all_flags, fixture_tear_down);

  return g_test_run ();
}
