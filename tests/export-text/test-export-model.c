/* test-export-model.c — the summary every format renders: what became of
 * each question, decided once
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question with notes or time but no rating was asked and not rated;
 * one with nothing was not asked; a skipped one is skipped even with a
 * rating. Every format says so with the same words, and counts it in the
 * same column.
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"
#include "rubric-summary.h"

static RubricKit *kit;

/* The first topic's questions: rated, skipped (after a rating), notes
 * and time without a rating; the rest of the kit untouched. */
static RubricSession *
make_session (void)
{
  RubricSession *session = rubric_session_new (kit);
  g_autoptr(RubricTopic) topic = NULL;
  GListModel *questions;
  RubricAnswer *answer;

  rubric_session_set_candidate_name (session, "Ada Example");
  topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  questions = rubric_topic_get_questions (topic);
  g_assert_cmpuint (g_list_model_get_n_items (questions), >=, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);

      answer = rubric_session_ensure_answer (session, question);
      switch (i)
        {
        case 0:
          rubric_answer_set_rating (answer, 4);
          rubric_answer_set_notes (answer, "Rated with notes.");
          break;
        case 1:
          rubric_answer_set_rating (answer, 2);
          rubric_answer_set_skipped (answer, TRUE);
          break;
        case 2:
        default:
          rubric_answer_set_notes (answer, "Talked about it, no rating yet.");
          rubric_answer_set_elapsed (answer, 125);
          break;
        }
    }
  return session;
}

static void
test_classify (void)
{
  g_autoptr(RubricSession) session = make_session ();
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, 0);
  const RubricSummaryStatus expected[] = {
    RUBRIC_SUMMARY_RATED, RUBRIC_SUMMARY_SKIPPED, RUBRIC_SUMMARY_NOT_RATED,
  };
  const char *texts[] = { "4 — Strong", "Skipped", "Not rated" };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, i);

      g_assert_cmpint (q->status, ==, expected[i]);
      g_assert_cmpstr (q->rating_text, ==, texts[i]);
      g_assert_true (q->asked);
    }
  /* The skipped question's old rating counts nowhere. */
  g_assert_cmpint (((RubricSummaryQuestion *) g_ptr_array_index (topic->questions, 1))->rating, ==, 0);
  g_assert_cmpuint (topic->rated, ==, 1);
  g_assert_cmpuint (topic->skipped, ==, 1);
  g_assert_cmpuint (topic->not_rated, ==, 1);
  g_assert_cmpuint (topic->not_asked, ==, topic->questions->len - 3);
  g_assert_cmpstr (topic->score_number, ==, "4.0");
  g_assert_cmpstr (topic->score_text, ==, "4.0 / 5");

  for (guint i = 0; i < summary->topics->len; i++)
    total += ((RubricSummaryTopic *) g_ptr_array_index (summary->topics, i))->questions->len;
  g_assert_cmpuint (summary->n_questions, ==, total);
  g_assert_cmpuint (summary->rated + summary->skipped + summary->not_rated + summary->not_asked, ==, total);
  g_assert_cmpuint (summary->rated, ==, 1);
  g_assert_cmpuint (summary->not_rated, ==, 1);

  /* Every other question: not asked, its prompt and heading set. */
  for (guint i = 1; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *t = g_ptr_array_index (summary->topics, i);

      g_assert_cmpstr (t->score_number, ==, "—");
      g_assert_cmpstr (t->score_text, ==, "Not rated");
      for (guint j = 0; j < t->questions->len; j++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (t->questions, j);

          g_assert_cmpint (q->status, ==, RUBRIC_SUMMARY_NOT_ASKED);
          g_assert_cmpstr (q->rating_text, ==, "Not asked");
          g_assert_false (q->asked);
          g_assert_true (q->main ? q->follow_up == 0 : q->follow_up > 0);
          g_assert_nonnull (q->heading);
        }
    }
}

/* Each text format labels the question with notes "Not rated", never
 * "Not asked", and its table has the column that counts it. */
static void
test_same_words (void)
{
  g_autoptr(RubricSession) session = make_session ();
  for (guint i = 0; i < 3; i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *output = export_test_export (session, kit, format, RUBRIC_EXPORT_FLAGS_NONE);
      const char *notes = strstr (output, "Talked about it");
      const char *rating;

      g_assert_nonnull (notes);
      /* The rating comes before the notes: the nearest one before them. */
      rating = g_strrstr_len (output, notes - output, "Not rated");
      g_assert_nonnull (rating);
      g_assert_null (g_strstr_len (rating, notes - rating, "Not asked"));
      export_test_assert_has_text (format, output, "4 — Strong");
      export_test_assert_has_text (format, output, "Not rated");
    }
}


/* Where NEEDLE first is in OUTPUT; fails when it is not there. */
static gsize
position (const char *output,
          const char *needle)
{
  const char *at = strstr (output, needle);

  if (at == NULL)
    g_error ("“%s” is not in:\n%s", needle, output);
  return at - output;
}

/* The verdict first, in every text format: the recommendation, the score
 * with how many questions were rated and the Incomplete marker, the
 * written summary, the strengths and the concerns; then the topic table,
 * then the questions. */
static void
test_verdict_first (void)
{
  g_autoptr(RubricSession) session = make_session ();
  const char * const strengths[] = { "First strength", "Second strength", NULL };
  const char * const concerns[] = { "Only concern", NULL };

  rubric_session_set_recommendation (session, RUBRIC_RECOMMENDATION_YES);
  rubric_session_set_summary (session, "Written verdict goes here.");
  rubric_session_set_strengths (session, strengths);
  rubric_session_set_concerns (session, concerns);

  for (guint i = 0; i < 3; i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *output = export_test_export (session, kit, format, RUBRIC_EXPORT_FLAGS_NONE);
      const char *incomplete = format == RUBRIC_EXPORT_FORMAT_TEXT ? "INCOMPLETE" : "Incomplete";
      gsize recommendation = position (output, "Recommendation");
      gsize score = position (output, "4.0 / 5 · 1 of ");
      gsize marker = position (output, incomplete);
      gsize written = position (output, "Written verdict goes here.");
      gsize strengths_heading = position (output, "Strengths");
      gsize first = position (output, "First strength");
      gsize second = position (output, "Second strength");
      gsize concerns_heading = position (output, "Concerns");
      gsize concern = position (output, "Only concern");
      gsize table = position (output, "Not asked");
      gsize question = position (output, "Main question");

      g_assert_cmpuint (recommendation, <, score);
      g_assert_cmpuint (score, <, marker);
      g_assert_cmpuint (marker, <, written);
      g_assert_cmpuint (written, <, strengths_heading);
      g_assert_cmpuint (strengths_heading, <, first);
      g_assert_cmpuint (first, <, second);
      g_assert_cmpuint (second, <, concerns_heading);
      g_assert_cmpuint (concerns_heading, <, concern);
      g_assert_cmpuint (concern, <, table);
      g_assert_cmpuint (table, <, question);
      g_assert_cmpuint (position (output, "Yes"), <, written);
    }
}

/* Every question rated: no Incomplete marker. Nothing rated: "Nothing was
 * rated", and no list of questions that all say "Not asked". */
static void
test_complete_and_empty (void)
{
  g_autoptr(RubricSession) session = make_session ();
  g_autoptr(RubricSession) empty = rubric_session_new (kit);
  g_autoptr(RubricSession) full = rubric_session_new (kit);
  GListModel *topics = rubric_kit_get_topics (kit);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);

          rubric_answer_set_rating (rubric_session_ensure_answer (full, question), 3);
        }
    }

  for (guint i = 0; i < 3; i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *all = export_test_export (full, kit, format, RUBRIC_EXPORT_FLAGS_NONE);
      g_autofree char *none = export_test_export (empty, kit, format, RUBRIC_EXPORT_FLAGS_NONE);

      g_assert_null (strstr (all, "Incomplete"));
      g_assert_null (strstr (all, "INCOMPLETE"));
      g_assert_nonnull (strstr (all, "3.0 / 5 · 30 of 30 questions rated"));
      g_assert_nonnull (strstr (none, "Nothing was rated"));
      g_assert_null (strstr (none, "Main question"));
      /* No strengths or concerns written: no empty sections for them. */
      g_assert_null (strstr (none, "Strengths"));
      g_assert_null (strstr (none, "Concerns"));
    }
}


/* Each CSV row says whom, when, who and what verdict, so that the CSVs
 * of two candidates concatenate into one table. */
static void
test_csv_rows (void)
{
  g_autoptr(RubricSession) session = make_session ();
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  char **header;

  const char * const strengths[] = { "Ada explains trade-offs", "Fast", NULL };
  const char * const concerns[] = { "Kim had to repeat questions", NULL };

  rubric_session_set_interviewer (session, "Sam Lee, Kim Park");
  rubric_session_set_recommendation (session, RUBRIC_RECOMMENDATION_STRONG_YES);
  rubric_session_set_strengths (session, strengths);
  rubric_session_set_concerns (session, concerns);
  g_assert_true (rubric_session_set_date (session, "2026-11-27"));
  csv = export_test_export (session, kit, RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FLAGS_NONE);
  records = export_test_parse_csv (csv, &error);
  g_assert_no_error (error);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpstr (header[0], ==, "candidate");
  g_assert_cmpstr (header[5], ==, "strengths");
  g_assert_cmpstr (header[6], ==, "concerns");
  g_assert_cmpstr (header[11], ==, "status");

  for (guint i = 1; i < records->len; i++)
    {
      char **record = g_ptr_array_index (records, i);

      g_assert_cmpstr (record[0], ==, "Ada Example");
      g_assert_cmpstr (record[1], ==, "2026-11-27");
      g_assert_cmpstr (record[2], ==, "Sam Lee, Kim Park");
      g_assert_cmpstr (record[3], ==, "strong-yes");
      g_assert_cmpstr (record[4], ==, "4.0");
      /* Still one row a question: the lists in a cell each, one item a line. */
      g_assert_cmpstr (record[5], ==, "Ada explains trade-offs\nFast");
      g_assert_cmpstr (record[6], ==, "Kim had to repeat questions");
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 1))[11], ==, "rated");
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 2))[11], ==, "skipped");
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 3))[11], ==, "not-rated");
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 4))[11], ==, "not-asked");

  /* Anonymised: the alias in every row, in the strengths and concerns too. */
  {
    g_autofree char *anonymous = export_test_export (session, kit, RUBRIC_EXPORT_FORMAT_CSV,
                                                     RUBRIC_EXPORT_FLAGS_ANONYMIZE);

    g_assert_null (strstr (anonymous, "Ada"));
    g_assert_null (strstr (anonymous, "Kim"));
    g_assert_nonnull (strstr (anonymous, "\r\nCandidate "));
    g_assert_nonnull (strstr (anonymous, "Interviewer B had to repeat questions"));
  }
}

/* A cell a spreadsheet would run as a formula gets an apostrophe: after
 * leading white space too, and with the fullwidth ＝＋－＠. */
static void
test_csv_formulas (void)
{
  const char *cases[] = {
    "=1+1", " =1+1", "\t=1+1", "  +cmd", "-2", "@SUM(A1)", "\xef\xbc\x9d" "1+1", "\xef\xbc\x8b" "1",
    "\xef\xbc\x8d" "1", "\xef\xbc\xa0" "SUM(A1)", "\xe3\x80\x80=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RubricSession) session = make_session ();
      g_autofree char *csv = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      char **record;

      rubric_session_set_candidate_name (session, cases[i]);
      csv = export_test_export (session, kit, RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FLAGS_NONE);
      records = export_test_parse_csv (csv, &error);
      g_assert_no_error (error);
      record = g_ptr_array_index (records, 1);
      if (record[0][0] != '\'')
        g_error ("case %u: “%s” is not guarded: “%s”", i, cases[i], record[0]);
    }
}


/* Markdown escapes only what it would read as markup, where it would:
 * URLs stay links, "C#", "$100" and "Foo_(bar)" read as they were. */
static void
test_markdown_escapes (void)
{
  const struct {
    const char *notes;
    const char *markdown;   /* as it must come out */
  } cases[] = {
    { "See https://github.com/o/r/pull/1234#discussion_r99 for it.",
      "See https://github.com/o/r/pull/1234#discussion_r99 for it." },
    { "Searched www.example.com/?q=django&page=2 first.", "Searched www.example.com/?q=django&page=2 first." },
    { "Uses Foo_(bar) and on_delete.", "Uses Foo_(bar) and on_delete." },
    { "Knows C# and F#, asked for $100k.", "Knows C# and F#, asked for $100k." },
    { "a -> b, 2 * 3, x > y, 5 < 6", "a -> b, 2 * 3, x > y, 5 < 6" },
    { "C:\\Users\\me", "C:\\Users\\me" },
    { "**bold** and _em_", "\\*\\*bold\\*\\* and \\_em\\_" },
    { "<b>tag</b> &amp; [link](x) `code`", "\\<b>tag\\</b> \\&amp; \\[link\\](x) \\`code\\`" },
    { "# not a heading", "\\# not a heading" },
    { "> not a quote", "\\> not a quote" },
    { "1. not a list", "1\\. not a list" },
    { "costs $5 or $6", "costs \\$5 or \\$6" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RubricSession) session = make_session ();
      g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
      g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
      g_autofree char *md = NULL;
      g_autofree char *line = NULL;

      rubric_answer_set_notes (rubric_session_ensure_answer (session, question), cases[i].notes);
      md = export_test_export (session, kit, RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FLAGS_NONE);
      /* The notes are quoted. */
      line = g_strconcat ("\n> ", cases[i].markdown, "\n", NULL);
      if (strstr (md, line) == NULL)
        g_error ("case %u: “%s” does not come out as “%s”", i, cases[i].notes, cases[i].markdown);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  export_test_init (&argc, &argv);
  kit = export_test_load_kit ();

  g_test_add_func ("/export-text/model/classify", test_classify);
  g_test_add_func ("/export-text/model/same-words", test_same_words);

  g_test_add_func ("/export-text/model/verdict-first", test_verdict_first);
  g_test_add_func ("/export-text/model/complete-and-empty", test_complete_and_empty);
  g_test_add_func ("/export-text/model/csv-rows", test_csv_rows);
  g_test_add_func ("/export-text/model/csv-formulas", test_csv_formulas);
  g_test_add_func ("/export-text/model/markdown-escapes", test_markdown_escapes);

  status = g_test_run ();
  g_clear_object (&kit);
  return status;
}
