/* test-export-planned.c — a summary of an interview run with a plan and
 * the evidence checklist
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * planned.rubric.json ran a 45-minute plan of three topics of the bundled
 * kit: migrations went over its budget, a planned follow-up was skipped
 * and another not asked, a follow-up and a whole topic (caching) were
 * asked although the plan did not have them, and key points and red
 * flags were ticked, one note naming the candidate. The summary says all
 * of it once, every text format shows it, and a session without a plan
 * has none of it.
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"
#include "rubric-summary.h"

static RubricKit *kit;
static RubricSession *session;   /* planned.rubric.json */

static const RubricSummaryQuestion *
find_question (const RubricSummary *summary,
               const char          *id)
{
  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          const RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);

          if (g_str_equal (q->id, id))
            return q;
        }
    }
  g_error ("no question %s in the summary", id);
}

static const RubricSummaryTopic *
find_topic (const RubricSummary *summary,
            const char          *id)
{
  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      if (g_str_equal (topic->id, id))
        return topic;
    }
  g_error ("no topic %s in the summary", id);
}

/* The plan, the budgets, what was not asked and what was unplanned. */
static void
test_plan (void)
{
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  const RubricSummaryTopic *migrations = find_topic (summary, "migrations");
  const RubricSummaryTopic *caching = find_topic (summary, "caching");

  g_assert_true (summary->planned);
  g_assert_true (summary->has_evidence);
  g_assert_cmpstr (summary->plan_name, ==, "45-minute data round");
  g_assert_cmpuint (summary->slot_minutes, ==, 45);
  g_assert_cmpstr (summary->plan_text, ==, "45-minute data round · 45 min slot");

  /* 12, 12 and 6 minutes of questions, scaled to 45: 18, 18 and 9. */
  g_assert_true (migrations->planned);
  g_assert_true (migrations->has_budget);
  g_assert_cmpint (migrations->budget, ==, 18 * 60);
  g_assert_cmpint (find_topic (summary, "queries")->budget, ==, 18 * 60);
  g_assert_cmpint (find_topic (summary, "security")->budget, ==, 9 * 60);
  /* 20 min on the main question and 3 on an unplanned follow-up. */
  g_assert_cmpint (migrations->elapsed, ==, 23 * 60);
  g_assert_cmpstr (migrations->pace_text, ==, "23 of 18 min, over by 5 min");
  g_assert_false (caching->planned);
  g_assert_false (caching->has_budget);
  g_assert_cmpstr (caching->pace_text, ==, "4 min 00 s, not in the plan");
  g_assert_null (find_topic (summary, "signals")->pace_text);

  /* The plan's order, then the time outside it. */
  g_assert_cmpuint (g_strv_length (summary->pacing), ==, 4);
  g_assert_cmpstr (summary->pacing[0], ==, "Database migrations: 23 of 18 min, over by 5 min");
  g_assert_cmpstr (summary->pacing[1], ==, "Query optimisation: 9 of 18 min");
  g_assert_cmpstr (summary->pacing[2], ==, "Security: 5 of 9 min");
  g_assert_cmpstr (summary->pacing[3], ==, "Caching: 4 min 00 s, not in the plan");

  /* Skipped and never answered; in the plan's order. */
  g_assert_cmpuint (g_strv_length (summary->planned_not_asked), ==, 2);
  g_assert_true (g_str_has_prefix (summary->planned_not_asked[0], "Database migrations · Follow-up 1: You need to add"));
  g_assert_true (g_str_has_suffix (summary->planned_not_asked[0], "? (skipped)"));
  g_assert_true (g_str_has_prefix (summary->planned_not_asked[1], "Query optimisation · Follow-up 1: Two buyers"));
  g_assert_true (g_str_has_suffix (summary->planned_not_asked[1], "requests?"));

  /* Asked although not planned: marked. Planned, or never asked: not. */
  g_assert_true (find_question (summary, "migrations.conflicts")->unplanned);
  g_assert_cmpstr (find_question (summary, "migrations.conflicts")->heading, ==, "Follow-up 2 (asked unplanned)");
  g_assert_true (find_question (summary, "caching.strategy")->unplanned);
  g_assert_false (find_question (summary, "migrations.deploy")->unplanned);
  g_assert_false (find_question (summary, "migrations.large-tables")->unplanned);
  g_assert_false (find_question (summary, "signals.concept")->unplanned);
  g_assert_cmpstr (find_question (summary, "signals.concept")->heading, ==, "Main question");
}

/* Ticks in time order, each with its point from the kit, its offset and
 * its note. */
static void
test_evidence (void)
{
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  const RubricSummaryQuestion *deploy = find_question (summary, "migrations.deploy");
  const RubricSummaryQuestion *optimise = find_question (summary, "queries.optimise");
  RubricQuestion *kit_question = rubric_kit_lookup_question (kit, "queries.optimise");
  const RubricSummaryEvidence *e;

  g_assert_cmpuint (deploy->heard->len, ==, 2);
  g_assert_cmpuint (deploy->red_flags->len, ==, 1);
  e = g_ptr_array_index (deploy->heard, 0);
  g_assert_cmpint (e->kind, ==, RUBRIC_TICK_KEY_POINT);
  g_assert_cmpuint (e->point, ==, 0);
  g_assert_cmpint (e->offset, ==, 130);
  g_assert_cmpstr (e->offset_text, ==, "2:10");
  g_assert_cmpstr (e->note, ==, "named sqlmigrate unprompted");
  g_assert_cmpstr (e->text, ==, rubric_question_get_key_points (rubric_kit_lookup_question (kit, "migrations.deploy"))[0]);
  e = g_ptr_array_index (deploy->red_flags, 0);
  g_assert_cmpint (e->kind, ==, RUBRIC_TICK_RED_FLAG);
  g_assert_cmpstr (e->text, ==, rubric_question_get_red_flags (rubric_kit_lookup_question (kit, "migrations.deploy"))[1]);
  g_assert_cmpstr (e->offset_text, ==, "10:10");

  /* Ticked at 27:00 first, then 25:00: listed by time. */
  g_assert_cmpuint (optimise->heard->len, ==, 2);
  g_assert_cmpuint (((RubricSummaryEvidence *) g_ptr_array_index (optimise->heard, 0))->point, ==, 0);
  g_assert_cmpuint (((RubricSummaryEvidence *) g_ptr_array_index (optimise->heard, 1))->point, ==, 3);
  g_assert_cmpuint (g_strv_length (optimise->heard_lines), ==, 2);
  {
    g_autofree char *with_note = g_strdup_printf ("25:00 · %s — select_related & prefetch_related, with <Prefetch> objects",
                                                  rubric_question_get_key_points (kit_question)[0]);
    /* A senior point of the bundled kit. */
    g_autofree char *without = g_strdup_printf ("27:00 · %s (senior)", rubric_question_get_key_points (kit_question)[3]);

    g_assert_cmpint (rubric_question_get_key_point_level (kit_question, 3), ==, RUBRIC_KEY_POINT_LEVEL_SENIOR);

    g_assert_cmpstr (optimise->heard_lines[0], ==, with_note);
    g_assert_cmpstr (optimise->heard_lines[1], ==, without);
  }
  g_assert_cmpuint (g_strv_length (optimise->red_flag_lines), ==, 0);

  /* No ticks: empty lists, never NULL. */
  g_assert_cmpuint (find_question (summary, "signals.concept")->heard->len, ==, 0);
  g_assert_nonnull (find_question (summary, "signals.concept")->heard_lines);
}

/* Offsets as the interview's clock shows them. */
static void
test_offsets (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "0:00" }, { 5, "0:05" }, { 754, "12:34" }, { 3599, "59:59" }, { 3600, "1:00:00" }, { 3723, "1:02:03" },
    { -4, "0:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rubric_summary_format_offset (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Senior key points say so; a point the kit lacks is named by its
 * number; a question with only ticks was asked. */
static void
test_levels_and_missing (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "levels.rubric-kit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) levels = rubric_kit_new_from_file (file, NULL, &error);
  g_autoptr(RubricSession) levels_session = NULL;
  g_autoptr(RubricSummary) summary = NULL;
  g_autoptr(RubricSummary) without_kit = NULL;
  const RubricSummaryQuestion *q;
  RubricAnswer *answer;

  g_assert_no_error (error);
  levels_session = rubric_session_new (levels);
  answer = rubric_session_ensure_answer (levels_session, rubric_kit_lookup_question (levels, "http.main"));
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 2, TRUE, 75);
  rubric_answer_set_tick_note (answer, RUBRIC_TICK_KEY_POINT, 2, "knew\nHTTP/2");
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, 3725);
  rubric_answer_set_ticked (answer, RUBRIC_TICK_RED_FLAG, 8, TRUE, 80);

  summary = rubric_summary_new (levels_session, levels, RUBRIC_EXPORT_FLAGS_NONE);
  q = find_question (summary, "http.main");
  g_assert_cmpint (q->status, ==, RUBRIC_SUMMARY_NOT_RATED);
  g_assert_false (q->unplanned);   /* no plan: nothing is unplanned */
  g_assert_false (summary->planned);
  g_assert_true (summary->has_evidence);
  g_assert_cmpuint (g_strv_length (q->heard_lines), ==, 2);
  g_assert_cmpstr (q->heard_lines[0], ==, "1:15 · Connection reuse and HTTP/2 multiplexing (senior) — knew HTTP/2");
  g_assert_cmpstr (q->heard_lines[1], ==, "1:02:05 · DNS lookup");
  g_assert_cmpuint (g_strv_length (q->red_flag_lines), ==, 1);
  g_assert_cmpstr (q->red_flag_lines[0], ==, "1:20 · Red flag 9");

  /* Without the kit, every point is a number. */
  without_kit = rubric_summary_new (levels_session, NULL, RUBRIC_EXPORT_FLAGS_NONE);
  q = find_question (without_kit, "http.main");
  g_assert_cmpstr (q->heard_lines[0], ==, "1:15 · Key point 3 — knew HTTP/2");
}

/* A session of the earlier version: no plan, no ticks, nothing new. */
static void
test_without_plan (void)
{
  g_autoptr(RubricSession) old = export_test_load_session ("interview.rubric.json", kit);
  g_autoptr(RubricSummary) summary = rubric_summary_new (old, kit, RUBRIC_EXPORT_FLAGS_NONE);

  g_assert_false (summary->planned);
  g_assert_false (summary->has_evidence);
  g_assert_null (summary->plan_text);
  g_assert_cmpuint (g_strv_length (summary->pacing), ==, 0);
  g_assert_cmpuint (g_strv_length (summary->planned_not_asked), ==, 0);
  for (guint i = 0; i < summary->topics->len; i++)
    {
      const RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      g_assert_false (topic->planned);
      g_assert_null (topic->pace_text);
      for (guint j = 0; j < topic->questions->len; j++)
        g_assert_false (((RubricSummaryQuestion *) g_ptr_array_index (topic->questions, j))->unplanned);
    }
}

/* Every text format says it all, in the summary's words. */
static void
test_formats (void)
{
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  const RubricSummaryQuestion *deploy = find_question (summary, "migrations.deploy");
  const RubricSummaryQuestion *optimise = find_question (summary, "queries.optimise");
  const RubricSummaryQuestion *security = find_question (summary, "security.injection-xss");

  for (guint f = 0; f < G_N_ELEMENTS (export_test_formats); f++)
    {
      RubricExportFormat format = export_test_formats[f];
      g_autofree char *output = export_test_export (session, kit, format, RUBRIC_EXPORT_FLAGS_NONE);
      const char *texts[] = {
        deploy->heard_lines[0], deploy->heard_lines[1], deploy->red_flag_lines[0],
        optimise->heard_lines[0], optimise->heard_lines[1], security->red_flag_lines[0],
      };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        export_test_assert_has_text (format, output, texts[i]);

      /* The CSV has no headings or sections: its columns say the rest
       * (test_csv). */
      if (format == RUBRIC_EXPORT_FORMAT_CSV)
        continue;
      export_test_assert_has_text (format, output, "Follow-up 2 (asked unplanned)");
      export_test_assert_has_text (format, output, summary->plan_text);
      export_test_assert_has_text (format, output, "Time against the plan");
      export_test_assert_has_text (format, output, "Planned but not asked");
      for (guint i = 0; summary->pacing[i] != NULL; i++)
        export_test_assert_has_text (format, output, summary->pacing[i]);
      for (guint i = 0; summary->planned_not_asked[i] != NULL; i++)
        export_test_assert_has_text (format, output, summary->planned_not_asked[i]);
      export_test_assert_has_text (format, output, "Points heard");
      export_test_assert_has_text (format, output, "Red flags shown");
    }
}

/* The CSV's new columns, after all the others, in every row. */
static void
test_csv (void)
{
  static const char * const added[] = {
    "planned", "topic_budget_seconds", "topic_elapsed_seconds", "points_heard", "red_flags",
  };
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  for (guint flags = 0; flags <= (RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE); flags++)
    {
      g_autofree char *csv = export_test_export (session, kit, RUBRIC_EXPORT_FORMAT_CSV, flags);
      g_autoptr(GPtrArray) records = export_test_parse_csv (csv, &error);
      char **header;
      guint n;

      g_assert_no_error (error);
      header = g_ptr_array_index (records, 0);
      n = g_strv_length (header);
      g_assert_cmpuint (n, >=, G_N_ELEMENTS (added));
      for (guint i = 0; i < G_N_ELEMENTS (added); i++)
        g_assert_cmpstr (header[n - G_N_ELEMENTS (added) + i], ==, added[i]);

      for (guint r = 1; r < records->len; r++)
        {
          char **row = g_ptr_array_index (records, r);
          const char *id = row[9];
          const RubricSummaryQuestion *q = find_question (summary, id);
          g_autofree char *heard = g_strjoinv ("\n", q->heard_lines);
          g_autofree char *red_flags = g_strjoinv ("\n", q->red_flag_lines);
          gboolean planned = rubric_session_is_planned (session, id);

          g_assert_cmpuint (g_strv_length (row), ==, n);
          g_assert_cmpstr (row[n - 5], ==, planned ? "yes" : "no");
          g_assert_cmpstr (row[n - 2], ==, heard);
          g_assert_cmpstr (row[n - 1], ==, red_flags);
          if (g_str_has_prefix (id, "migrations."))
            {
              g_assert_cmpstr (row[n - 4], ==, "1080");
              g_assert_cmpstr (row[n - 3], ==, "1380");
            }
          else if (g_str_has_prefix (id, "caching."))
            {
              g_assert_cmpstr (row[n - 4], ==, "");
              g_assert_cmpstr (row[n - 3], ==, "240");
            }
        }
    }
}

/* Evidence notes are the interviewer's words, anonymised as the others. */
static void
test_anonymized (void)
{
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE);
  const RubricSummaryQuestion *deploy = find_question (summary, "migrations.deploy");
  const RubricSummaryEvidence *e = g_ptr_array_index (deploy->red_flags, 0);

  g_assert_null (strstr (e->note, "Kowalska"));
  g_assert_null (strstr (e->note, "Maria"));
  g_assert_nonnull (strstr (e->note, summary->candidate));
  g_assert_null (strstr (deploy->red_flag_lines[0], "Kowalska"));

  for (guint f = 0; f < G_N_ELEMENTS (export_test_formats); f++)
    {
      g_autofree char *output = export_test_export (session, kit, export_test_formats[f], RUBRIC_EXPORT_FLAGS_ANONYMIZE);

      g_assert_null (strstr (output, "Kowalska"));
      g_assert_null (strstr (output, "Maria"));
      g_assert_null (strstr (output, "Sam Lee"));
      export_test_assert_has_text (export_test_formats[f], output, deploy->red_flag_lines[0]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  export_test_init (&argc, &argv);
  kit = export_test_load_kit ();
  session = export_test_load_session ("planned.rubric.json", kit);

  g_test_add_func ("/export-text/planned/plan", test_plan);
  g_test_add_func ("/export-text/planned/evidence", test_evidence);
  g_test_add_func ("/export-text/planned/offsets", test_offsets);
  g_test_add_func ("/export-text/planned/levels-and-missing", test_levels_and_missing);
  g_test_add_func ("/export-text/planned/without-plan", test_without_plan);
  g_test_add_func ("/export-text/planned/formats", test_formats);
  g_test_add_func ("/export-text/planned/csv", test_csv);
  g_test_add_func ("/export-text/planned/anonymized", test_anonymized);

  status = g_test_run ();
  g_object_unref (session);
  g_object_unref (kit);
  return status;
}
