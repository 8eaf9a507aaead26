/* test-compare.c — candidates for one role, compared: the folder, the
 * role's plan, the cells, tallies, audits and calibration, the blind rule
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures in data/compare/ (made by make-fixtures.py there) are
 * three interviewers' scorecards of three candidates on the bundled kit,
 * run with the plan "Panel round" (28 min: migrations.deploy and
 * .large-tables; queries.optimise; caching.strategy and .invalidation —
 * budgets 12, 6 and 10 min, in proportion to the questions' 12, 6 and
 * 10 minutes); Grace's Alex is not sealed; Jo's scorecard of Alan ran the
 * plan "Short round" and is saved as turing-jo.json; broken.rubric.json is
 * not JSON; panel-round.json is a plan, not a session. Worked out by hand
 * (ratings; seconds in brackets; "—" not asked; FU = follow-up):
 *
 * Ada Lovelace        Sam        Kim        Alex
 *   deploy            4 (400)    2 (400)    3 (400)
 *   large-tables FU1  3 (300)    2 (300)    3 (300)
 *   optimise          2 (360)    5 (360)    4 (360)
 *   complex FU2       —          —          notes only (not planned)
 *   strategy          4 (500)    3 (900)    3 (500)
 *   invalidation FU1  4 (400)    —          3 (400)
 *   topics            3.5 2 4    2 5 3      3 4 3
 *   overall           9.5/3      10/3       10/3      mean 29.5/9 = 3.278
 *   recommendation    yes        no         yes       median yes, mixed
 *   follow-ups        2/2        1/2        2/2       mean 2.5/3 = 0.833
 *   migrations: mean 8.5/3, 700 s of 720; queries: 11/3, 2 to 5: a
 *   disagreement; caching: 10/3, 900 s of 600: over (≥ 750)
 *
 * Grace Hopper        Sam        Kim        Alex (not sealed: not counted)
 *   deploy            5 (240)    4 (240)    1 (900)
 *   optimise          4 (360)    3 (360)    1 (900)
 *   strategy          4 (600)    5 (600)    1 (900)
 *   invalidation      —          4 (60)
 *   topics            5 4 4      4 3 4.5
 *   overall           13/3       11.5/3               mean 24.5/6 = 4.083
 *   recommendation    strong yes yes                  median 3.5: yes
 *   follow-ups        0/2        1/2                  mean 0.25
 *   migrations: 240 s of 720: under (≤ 540); large-tables asked by nobody
 *
 * Alan Turing         Sam        Kim        Alex       (Jo: another plan)
 *   deploy            2 (360)    3 (360)    3 (360)
 *   large-tables      2 (360)    2 (360)    3 (360)
 *   optimise          1 (360)    2 (360)    2 (360)
 *   strategy          2 (300)    2 (300)    3 (300)
 *   invalidation      3 (300)    2 (300)    3 (300)
 *   topics            2 1 2.5    2.5 2 2    3 2 3
 *   overall           5.5/3      6.5/3      8/3       mean 20/9 = 2.222
 *   recommendation    strong no  no         no        median no
 *   follow-ups        1          1          1         mean 1
 *
 * Follow-ups across candidates: (0.833 + 0.25 + 1) / 3 = 0.694: Grace
 * (0.25) and Alan (1) are 0.25 or more from it, Ada is not. Counted
 * scorecards 3, 2, 3: most candidates have 3, Grace 2.
 *
 * Calibration (overall minus the mean of the others' on each candidate):
 *   Alex: ratings 3 3 4 3 3 · 3 3 2 3 3: mean 3, spread √0.2 = 0.447;
 *         Ada 10/3 − 19.5/6 = 1/12, Alan 8/3 − 2 = 2/3: offset 0.375
 *   Kim:  13 ratings, sum 39, squares 133: mean 3, spread 4/√13 = 1.109;
 *         1/12, −1/2, −1/12: offset −1/6
 *   Sam:  13 ratings, sum 40, squares 140: mean 40/13 = 3.077, spread
 *         √220/13 = 1.141; −1/6, 1/2, −7/12: offset −1/12
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rubric-compare.h"
#include "rubric-compare-export.h"
#include "rubric-core-test-utils.h"
#include "pdf-test-utils.h"

static GPtrArray *
list_fixtures (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "compare", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *files = rubric_compare_list_folder (folder, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (files);
  return files;
}

static RubricCompare *
load (const char *me)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GPtrArray) files = list_fixtures ();
  g_autoptr(GError) error = NULL;
  RubricCompare *compare = rubric_compare_new (kit);

  rubric_compare_set_me (compare, me);
  g_assert_true (rubric_compare_load (compare, (GFile * const *) files->pdata, files->len, NULL, &error));
  g_assert_no_error (error);
  return compare;
}

static const RubricDebriefProblem *
find_problem (RubricCompare *compare,
              const char    *needle)
{
  for (guint i = 0; i < rubric_compare_get_n_problems (compare); i++)
    if (strstr (rubric_compare_get_problem (compare, i)->text, needle) != NULL)
      return rubric_compare_get_problem (compare, i);
  return NULL;
}

static void
assert_audit (const RubricCompareCandidate *c,
              guint                         index,
              RubricCompareAuditKind        kind,
              const char                   *text)
{
  g_assert_cmpuint (index, <, c->n_audit);
  g_assert_cmpint (c->audit[index].kind, ==, kind);
  g_assert_cmpstr (c->audit[index].text, ==, text);
}

static void
test_list_folder (void)
{
  static const char * const expected[] = {
    "ada-alex.rubric.json", "ada-kim.rubric.json", "ada-sam.rubric.json", "broken.rubric.json",
    "grace-alex.rubric.json", "grace-kim.rubric.json", "grace-sam.rubric.json", "turing-alex.rubric.json",
    "turing-jo.json", "turing-kim.rubric.json", "turing-sam.rubric.json",
  };
  g_autoptr(GPtrArray) files = list_fixtures ();
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "data", "compare", "no-such-folder", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;

  /* Sessions by their name or, as a plain .json, by their first bytes;
   * not the plan, not the script. */
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));

      g_assert_cmpstr (name, ==, expected[i]);
    }

  g_assert_null (rubric_compare_list_folder (nowhere, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_problems_and_plan (void)
{
  g_autoptr(RubricCompare) compare = load (NULL);
  const RubricDebriefProblem *problem;

  g_assert_cmpstr (rubric_compare_get_role (compare), ==, "Senior Django Developer");
  g_assert_cmpstr (rubric_compare_get_plan_name (compare), ==, "Panel round");
  g_assert_nonnull (strstr (rubric_compare_get_plan_text (compare), "28"));

  /* The broken file, located; the rest loaded all the same. */
  g_assert_cmpuint (rubric_compare_get_n_problems (compare), ==, 2);
  problem = find_problem (compare, "broken.rubric.json:6:");
  g_assert_nonnull (problem);
  g_assert_true (problem->error);
  g_assert_true (g_str_has_suffix (problem->file, "broken.rubric.json"));

  /* Jo's scorecard ran another plan: named with both plans, left out. */
  problem = find_problem (compare, "turing-jo.json: run with the plan “Short round”, not “Panel round” like most: left out");
  g_assert_nonnull (problem);
  g_assert_true (problem->error);

  /* The plan's topics, in its order. */
  g_assert_cmpuint (rubric_compare_get_n_topics (compare), ==, 3);
  g_assert_cmpstr (rubric_compare_get_topic_id (compare, 0), ==, "migrations");
  g_assert_cmpstr (rubric_compare_get_topic_title (compare, 0), ==, "Database migrations");
  g_assert_cmpstr (rubric_compare_get_topic_id (compare, 1), ==, "queries");
  g_assert_cmpstr (rubric_compare_get_topic_id (compare, 2), ==, "caching");
  g_assert_cmpstr (rubric_compare_get_topic_title (compare, 2), ==, "Caching");
}

static void
test_candidates (void)
{
  g_autoptr(RubricCompare) compare = load (NULL);
  const RubricCompareCandidate *ada, *grace, *alan;

  /* In the order of their first file. */
  g_assert_cmpuint (rubric_compare_get_n_candidates (compare), ==, 3);
  ada = rubric_compare_get_candidate (compare, 0);
  grace = rubric_compare_get_candidate (compare, 1);
  alan = rubric_compare_get_candidate (compare, 2);
  g_assert_cmpstr (ada->candidate, ==, "Ada Lovelace");
  g_assert_cmpstr (grace->candidate, ==, "Grace Hopper");
  g_assert_cmpstr (alan->candidate, ==, "Alan Turing");
  g_assert_cmpstr (ada->role, ==, "Senior Django Developer");
  g_assert_true (RUBRIC_IS_DEBRIEF (ada->debrief));

  /* Ada */
  g_assert_cmpuint (ada->n_interviewers, ==, 3);
  g_assert_cmpuint (ada->n_counted, ==, 3);
  g_assert_true (ada->has_score);
  g_assert_cmpfloat_with_epsilon (ada->score, 29.5 / 9, 1e-9);
  g_assert_cmpint (ada->recommendation, ==, RUBRIC_RECOMMENDATION_YES);
  g_assert_true (ada->mixed);
  g_assert_cmpuint (ada->tally[RUBRIC_RECOMMENDATION_YES], ==, 2);
  g_assert_cmpuint (ada->tally[RUBRIC_RECOMMENDATION_NO], ==, 1);
  g_assert_cmpstr (ada->tally_text, ==, "2 Yes · 1 No");
  g_assert_cmpfloat_with_epsilon (ada->cells[0].score, 8.5 / 3, 1e-9);
  g_assert_false (ada->cells[0].disagreement);
  g_assert_true (ada->cells[0].has_time);
  g_assert_cmpint (ada->cells[0].elapsed, ==, 700);
  g_assert_true (ada->cells[0].has_budget);
  g_assert_cmpint (ada->cells[0].budget, ==, 12 * 60);
  g_assert_false (ada->cells[0].over);
  g_assert_cmpfloat_with_epsilon (ada->cells[1].score, 11.0 / 3, 1e-9);
  g_assert_true (ada->cells[1].disagreement);
  g_assert_cmpint (ada->cells[1].budget, ==, 6 * 60);
  g_assert_cmpfloat_with_epsilon (ada->cells[2].score, 10.0 / 3, 1e-9);
  g_assert_cmpint (ada->cells[2].elapsed, ==, 900);
  g_assert_cmpint (ada->cells[2].budget, ==, 10 * 60);
  g_assert_true (ada->cells[2].over);
  g_assert_cmpuint (ada->questions_asked, ==, 6);
  g_assert_cmpfloat_with_epsilon (ada->follow_ups_asked, 2.5 / 3, 1e-9);
  g_assert_cmpuint (ada->n_audit, ==, 2);
  assert_audit (ada, 0, RUBRIC_COMPARE_AUDIT_UNPLANNED, "Asked outside the plan: Query optimisation · Follow-up 2");
  assert_audit (ada, 1, RUBRIC_COMPARE_AUDIT_TIME, "Caching: 15 of 10 min on average, over by 5 min");

  /* Grace: Alex's scorecard is not sealed, shown and not counted. */
  g_assert_cmpuint (grace->n_interviewers, ==, 3);
  g_assert_cmpuint (grace->n_counted, ==, 2);
  g_assert_cmpfloat_with_epsilon (grace->score, 24.5 / 6, 1e-9);
  g_assert_cmpint (grace->recommendation, ==, RUBRIC_RECOMMENDATION_YES);
  g_assert_false (grace->mixed);
  g_assert_cmpuint (grace->tally[RUBRIC_RECOMMENDATION_STRONG_NO], ==, 0);
  g_assert_cmpstr (grace->tally_text, ==, "1 Strong yes · 1 Yes");
  g_assert_cmpfloat_with_epsilon (grace->cells[0].score, 4.5, 1e-9);
  g_assert_cmpint (grace->cells[0].elapsed, ==, 240);
  g_assert_false (grace->cells[0].over);
  g_assert_cmpfloat_with_epsilon (grace->cells[2].score, 4.25, 1e-9);
  g_assert_cmpint (grace->cells[2].elapsed, ==, 630);
  g_assert_false (grace->cells[2].over);
  g_assert_cmpuint (grace->questions_asked, ==, 4);
  g_assert_cmpfloat_with_epsilon (grace->follow_ups_asked, 0.25, 1e-9);
  g_assert_cmpuint (grace->n_audit, ==, 4);
  assert_audit (grace, 0, RUBRIC_COMPARE_AUDIT_QUESTIONS, "Not asked by anyone: Database migrations · Follow-up 1");
  assert_audit (grace, 1, RUBRIC_COMPARE_AUDIT_TIME, "Database migrations: 4 of 12 min on average, under by 8 min");
  assert_audit (grace, 2, RUBRIC_COMPARE_AUDIT_FOLLOW_UPS, "Follow-ups: 25 % asked, against 69 % across candidates");
  assert_audit (grace, 3, RUBRIC_COMPARE_AUDIT_PANEL, "2 sealed scorecards, against 3 for most candidates");

  /* Alan: Jo's scorecard left out; the other three as planned. */
  g_assert_cmpuint (alan->n_interviewers, ==, 3);
  g_assert_cmpuint (alan->n_counted, ==, 3);
  g_assert_cmpfloat_with_epsilon (alan->score, 20.0 / 9, 1e-9);
  g_assert_cmpint (alan->recommendation, ==, RUBRIC_RECOMMENDATION_NO);
  g_assert_cmpstr (alan->tally_text, ==, "2 No · 1 Strong no");
  g_assert_cmpfloat_with_epsilon (alan->cells[0].score, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (alan->cells[1].score, 5.0 / 3, 1e-9);
  g_assert_cmpint (alan->cells[0].elapsed, ==, alan->cells[0].budget);
  g_assert_cmpfloat_with_epsilon (alan->follow_ups_asked, 1.0, 1e-9);
  g_assert_cmpuint (alan->n_audit, ==, 1);
  assert_audit (alan, 0, RUBRIC_COMPARE_AUDIT_FOLLOW_UPS, "Follow-ups: 100 % asked, against 69 % across candidates");
}

static void
test_calibration (void)
{
  g_autoptr(RubricCompare) compare = load (NULL);
  const RubricCompareInterviewer *alex, *kim, *sam;

  /* Jo's only scorecard was left out: Jo is not here. Sorted by name. */
  g_assert_cmpuint (rubric_compare_get_n_interviewers (compare), ==, 3);
  alex = rubric_compare_get_interviewer (compare, 0);
  kim = rubric_compare_get_interviewer (compare, 1);
  sam = rubric_compare_get_interviewer (compare, 2);
  g_assert_cmpstr (alex->name, ==, "Alex Chen");
  g_assert_cmpstr (kim->name, ==, "Kim Park");
  g_assert_cmpstr (sam->name, ==, "Sam Lee");

  g_assert_cmpuint (alex->n_candidates, ==, 2);
  g_assert_cmpuint (alex->n_ratings, ==, 10);
  g_assert_cmpfloat_with_epsilon (alex->mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (alex->spread, sqrt (0.2), 1e-9);
  g_assert_true (alex->has_offset);
  g_assert_cmpuint (alex->n_shared, ==, 2);
  g_assert_cmpfloat_with_epsilon (alex->offset, 0.375, 1e-9);
  g_assert_cmpstr (alex->text, ==, "Rates 0.4 above the panel on average across 2 candidates");

  g_assert_cmpuint (kim->n_candidates, ==, 3);
  g_assert_cmpuint (kim->n_ratings, ==, 13);
  g_assert_cmpfloat_with_epsilon (kim->mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kim->spread, 4 / sqrt (13), 1e-9);
  g_assert_cmpfloat_with_epsilon (kim->offset, -1.0 / 6, 1e-9);
  g_assert_cmpstr (kim->text, ==, "In line with the panel across 3 candidates");

  g_assert_cmpuint (sam->n_ratings, ==, 13);
  g_assert_cmpfloat_with_epsilon (sam->mean, 40.0 / 13, 1e-9);
  g_assert_cmpfloat_with_epsilon (sam->spread, sqrt (220) / 13, 1e-9);
  g_assert_cmpfloat_with_epsilon (sam->offset, -1.0 / 12, 1e-9);
  g_assert_cmpstr (sam->text, ==, "In line with the panel across 3 candidates");
}

/* Alex's scorecard of Grace is not sealed: as Alex, Grace's panel is
 * hidden; Alex's own counts. Ada's and Alan's do not change. */
static void
test_blind (void)
{
  g_autoptr(RubricCompare) compare = load ("alex  CHEN");
  const RubricCompareCandidate *grace = rubric_compare_get_candidate (compare, 1);
  const RubricCompareInterviewer *alex = rubric_compare_get_interviewer (compare, 0);
  const RubricCompareInterviewer *sam = rubric_compare_get_interviewer (compare, 2);

  g_assert_true (rubric_debrief_get_blind (grace->debrief));
  g_assert_cmpuint (grace->n_counted, ==, 1);
  g_assert_cmpint (grace->recommendation, ==, RUBRIC_RECOMMENDATION_STRONG_NO);
  g_assert_cmpstr (grace->tally_text, ==, "1 Strong no");
  g_assert_cmpfloat_with_epsilon (grace->score, 1.0, 1e-9);
  assert_audit (grace, grace->n_audit - 1, RUBRIC_COMPARE_AUDIT_PANEL,
                "1 sealed scorecard, against 3 for most candidates");
  g_assert_cmpuint (rubric_compare_get_candidate (compare, 0)->n_counted, ==, 3);

  /* Grace counts for Alex now, alone on her panel: no shared candidate
   * more; Sam's scorecard of her is hidden. */
  g_assert_cmpuint (alex->n_candidates, ==, 3);
  g_assert_cmpuint (alex->n_shared, ==, 2);
  g_assert_cmpuint (sam->n_candidates, ==, 2);

  /* Without a name, as before. */
  rubric_compare_set_me (compare, NULL);
  grace = rubric_compare_get_candidate (compare, 1);
  g_assert_cmpuint (grace->n_counted, ==, 2);
  g_assert_cmpstr (grace->tally_text, ==, "1 Strong yes · 1 Yes");
}

typedef struct
{
  GBytes *bytes;
  guint64 modified;
} Snapshot;

static Snapshot *
snapshot (GPtrArray *files)
{
  Snapshot *snap = g_new0 (Snapshot, files->len);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      g_assert_nonnull (info);
      snap[i].bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      g_assert_nonnull (snap[i].bytes);
      snap[i].modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
                         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
    }
  return snap;
}

/* In a worker; and not a byte or a time of the files changes. */
static void
test_async_writes_nothing (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GPtrArray) files = list_fixtures ();
  g_autoptr(RubricCompare) compare = rubric_compare_new (kit);
  g_autofree Snapshot *before = snapshot (files);
  g_autofree Snapshot *after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rubric_compare_load_async (compare, (GFile * const *) files->pdata, files->len, NULL,
                             rubric_test_store_result_cb, &result);
  g_assert_true (rubric_compare_get_loading (compare));
  rubric_test_wait_for (&result);
  g_assert_true (rubric_compare_load_finish (compare, result, &error));
  g_assert_no_error (error);
  g_assert_false (rubric_compare_get_loading (compare));
  g_assert_cmpuint (rubric_compare_get_n_candidates (compare), ==, 3);
  g_assert_cmpuint (rubric_compare_get_n_problems (compare), ==, 2);
  g_assert_cmpfloat_with_epsilon (rubric_compare_get_candidate (compare, 0)->score, 29.5 / 9, 1e-9);

  after = snapshot (files);
  for (guint i = 0; i < files->len; i++)
    {
      g_assert_true (g_bytes_equal (before[i].bytes, after[i].bytes));
      g_assert_cmpuint (before[i].modified, ==, after[i].modified);
      g_bytes_unref (before[i].bytes);
      g_bytes_unref (after[i].bytes);
    }
}

static void
test_cancelled (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GPtrArray) files = list_fixtures ();
  g_autoptr(RubricCompare) compare = rubric_compare_new (kit);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (rubric_compare_load (compare, (GFile * const *) files->pdata, files->len, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (rubric_compare_get_n_candidates (compare), ==, 0);
  g_assert_null (rubric_compare_get_plan_name (compare));
}

/* Sessions without a plan (the debrief's fixtures): the role's "plan" is
 * none, the topics are the kit's, and nothing is audited against a plan. */
static void
test_no_plan (void)
{
  static const char * const names[] = { "sam.rubric.json", "kim.rubric.json", "alex.rubric.json",
                                        "other-candidate.rubric.json" };
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RubricCompare) compare = rubric_compare_new (kit);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (files, g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data", "debrief", names[i], NULL));
  g_assert_true (rubric_compare_load (compare, (GFile * const *) files->pdata, files->len, NULL, NULL));

  g_assert_null (rubric_compare_get_plan_name (compare));
  g_assert_null (rubric_compare_get_plan_text (compare));
  g_assert_cmpuint (rubric_compare_get_n_problems (compare), ==, 0);
  g_assert_cmpuint (rubric_compare_get_n_topics (compare), ==, g_list_model_get_n_items (rubric_kit_get_topics (kit)));
  g_assert_cmpstr (rubric_compare_get_topic_id (compare, 0), ==, "migrations");
  g_assert_cmpuint (rubric_compare_get_n_candidates (compare), ==, 2);
  g_assert_cmpstr (rubric_compare_get_candidate (compare, 0)->candidate, ==, "Ada Lovelace");
  g_assert_cmpstr (rubric_compare_get_candidate (compare, 1)->candidate, ==, "Jo Bloggs");
  for (guint c = 0; c < 2; c++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (compare, c);

      for (guint t = 0; t < rubric_compare_get_n_topics (compare); t++)
        g_assert_false (candidate->cells[t].has_budget);
      for (guint a = 0; a < candidate->n_audit; a++)
        g_assert_cmpint (candidate->audit[a].kind, >=, RUBRIC_COMPARE_AUDIT_FOLLOW_UPS);
    }
}

static char *
export_csv (RubricCompare      *compare,
            RubricExportFlags   flags,
            const char * const *redact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rubric_compare_export_to_bytes (compare, RUBRIC_EXPORT_FORMAT_CSV, flags, redact,
                                                            NULL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_export_csv (void)
{
  g_autoptr(RubricCompare) compare = load (NULL);
  g_autofree char *csv = export_csv (compare, RUBRIC_EXPORT_FLAGS_NONE, NULL);
  g_auto(GStrv) rows = g_strsplit (csv, "\r\n", -1);
  g_autoptr(GError) error = NULL;

  /* A row a candidate; 29.5/9, 8.5/3, 11/3, 10/3 to one decimal. */
  g_assert_cmpuint (g_strv_length (rows), ==, 5);
  g_assert_cmpstr (rows[0], ==, "candidate,role,interviewers_counted,overall_score,recommendation,tally,"
                                "Database migrations,Query optimisation,Caching,audit");
  g_assert_cmpstr (rows[1], ==, "Ada Lovelace,Senior Django Developer,3,3.3,yes,2 Yes · 1 No,2.8,3.7,3.3,"
                                "\"Asked outside the plan: Query optimisation · Follow-up 2; "
                                "Caching: 15 of 10 min on average, over by 5 min\"");
  g_assert_true (g_str_has_prefix (rows[2], "Grace Hopper,Senior Django Developer,2,4.1,yes,1 Strong yes · 1 Yes,4.5,3.5,"));
  g_assert_cmpstr (rows[3], ==, "Alan Turing,Senior Django Developer,3,2.2,no,2 No · 1 Strong no,2.5,1.7,2.5,"
                                "\"Follow-ups: 100 % asked, against 69 % across candidates\"");
  g_assert_cmpstr (rows[4], ==, "");

  g_assert_null (rubric_compare_export_to_bytes (compare, RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FLAGS_NONE,
                                                 NULL, NULL, &error));
  g_assert_error (error, RUBRIC_EXPORT_ERROR, RUBRIC_EXPORT_ERROR_FAILED);
}

/* No name of a candidate or an interviewer; a redacted term nowhere. */
static void
test_export_anonymized (void)
{
  static const char * const redact[] = { "Django", NULL };
  static const char * const names[] = { "Ada", "Lovelace", "Grace", "Hopper", "Alan", "Turing", "Sam", "Kim", "Alex" };
  g_autoptr(RubricCompare) compare = load (NULL);
  g_autofree char *csv = export_csv (compare, RUBRIC_EXPORT_FLAGS_ANONYMIZE, redact);
  g_auto(GStrv) rows = g_strsplit (csv, "\r\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (csv, names[i]));
  g_assert_null (strstr (csv, "Django"));
  g_assert_true (g_str_has_prefix (rows[1], "Candidate "));
  g_assert_nonnull (strstr (rows[1], ",Senior [redacted] Developer,3,3.3,yes,"));
}

/* The PDF of COMPARE, kept in the build folder as compare-NAME.pdf;
 * returns its path. */
static char *
export_pdf (RubricCompare      *compare,
            RubricExportFlags   flags,
            const char * const *redact,
            const char         *name,
            GBytes            **bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat ("compare-", name, ".pdf", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, "export-pdf", file, NULL);

  *bytes = rubric_compare_export_to_bytes (compare, RUBRIC_EXPORT_FORMAT_PDF, flags, redact, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (*bytes, NULL), "%PDF-"));
  g_file_set_contents (path, g_bytes_get_data (*bytes, NULL), g_bytes_get_size (*bytes), &error);
  g_assert_no_error (error);
  return path;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  return pdf_test_run_argv (argv);
}

/* Each of EXPECTED in TEXT, in that order. */
static void
assert_says (const char         *text,
             const char * const *expected,
             guint               n)
{
  const char *from = text;

  for (guint i = 0; i < n; i++)
    {
      const char *found = strstr (from, expected[i]);

      if (found == NULL)
        g_error ("the PDF does not say “%s” after “%s”:\n%s", expected[i], i > 0 ? expected[i - 1] : "", text);
      from = found + strlen (expected[i]);
    }
}

/* The PDF: landscape; the window's table in its default order (overall
 * score descending), a split panel and a topic over time said in words;
 * the problems, the audit and the calibration read back; in the text font
 * alone; no clock in it. */
static void
test_export_pdf (void)
{
  g_autoptr(RubricCompare) compare = load (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *path = export_pdf (compare, RUBRIC_EXPORT_FLAGS_NONE, NULL, "fixtures", &bytes);
  g_autofree char *text = pdf_text (path);
  const char *expected[] = {
    "Candidates compared\nSenior Django Developer\nPlan: Panel round · 28 min slot\n"
    "Kit: Senior Django Developer\n3 candidates · 8 scorecards counted\n",
    "Left out: ", "broken.rubric.json:6:39: JSON allows no comma after the last item",
    "turing-jo.json: run with the plan “Short round”, not “Panel round” like most: left out",
    "Candidate Overall Recommendation Database\nmigrations\nQuery\noptimisation\nCaching Audit\n",
    "Grace Hopper\n2 of 3 scorecards counted\n4.1 Yes\n1 Strong yes · 1 Yes\n4.5 3.5 4.2 4 findings\n",
    "Ada Lovelace\n3 of 3 scorecards counted\n3.3 Yes\nMixed: 2 Yes · 1 No\n2.8 3.7\nSplit panel\n3.3\nOver time\n2 findings\n",
    "Alan Turing\n3 of 3 scorecards counted\n2.2 No\n2 No · 1 Strong no\n2.5 1.7 2.5 1 finding\n",
    "Structured-interview audit\nGrace Hopper · 4 findings\nNot asked by anyone: Database migrations · Follow-up 1\n",
    "2 sealed scorecards, against 3 for most candidates\n",
    "Ada Lovelace · 2 findings\nAsked outside the plan: Query optimisation · Follow-up 2\n"
    "Caching: 15 of 10 min on average, over by 5 min\n",
    "Alan Turing · 1 finding\nFollow-ups: 100 % asked, against 69 % across candidates\n",
    "Interviewer calibration\n",
    "Alex Chen Rates 0.4 above the panel on average across 2 candidates Mean 3.0 · spread 0.4\n",
    "Kim Park In line with the panel across 3 candidates Mean 3.0 · spread 1.1\n",
    "Sam Lee In line with the panel across 3 candidates Mean 3.1 · spread 1.1\n",
    "Page 2 of 2",
  };

  assert_says (text, expected, G_N_ELEMENTS (expected));

  pdf_test_assert_panel_pdf (path, text, "compare-fonts-reference");

  /* No clock in it: the same compare, the same bytes. */
  again = rubric_compare_export_to_bytes (compare, RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL,
                                          NULL);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* The blind rule: Grace's panel hidden from Alex, who has not sealed. */
static void
test_export_pdf_blind (void)
{
  g_autoptr(RubricCompare) compare = load ("Alex Chen");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = export_pdf (compare, RUBRIC_EXPORT_FLAGS_NONE, NULL, "blind", &bytes);
  g_autofree char *text = pdf_text (path);
  const char *expected[] = {
    "Ada Lovelace\n", "Alan Turing\n",
    "Grace Hopper\n1 of 3 scorecards counted\nHidden Hidden\nSeal yours to see\nHidden Hidden Hidden 6 findings\n",
  };

  assert_says (text, expected, G_N_ELEMENTS (expected));
}

/* As the CSV: no name of a candidate or an interviewer, nor of a file
 * (a file's name may be a person's), and a redacted term nowhere. */
static void
test_export_pdf_anonymized (void)
{
  static const char * const redact[] = { "Django", NULL };
  static const char * const names[] = {
    "Ada", "Lovelace", "Grace", "Hopper", "Alan", "Turing", "Sam", "Kim", "Alex", "turing-jo", "broken",
  };
  g_autoptr(RubricCompare) compare = load (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = export_pdf (compare, RUBRIC_EXPORT_FLAGS_ANONYMIZE, redact, "anonymized", &bytes);
  g_autofree char *text = pdf_text (path);
  g_autofree char *csv = export_csv (compare, RUBRIC_EXPORT_FLAGS_ANONYMIZE, redact);
  g_auto(GStrv) rows = g_strsplit (csv, "\r\n", -1);
  g_autofree char *alias = g_strndup (rows[1], strchr (rows[1], ',') - rows[1]);
  const char *expected[] = {
    "Senior [redacted] Developer\n", "Left out: File 1:6:39: JSON allows no comma after the last item",
    "Left out: File 2: run with the plan", alias,
    "Interviewer calibration\n", "Interviewer A Rates 0.4 above the panel", "Interviewer B In line",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (text, names[i]) != NULL)
      g_error ("the anonymised PDF says “%s”:\n%s", names[i], text);
  g_assert_null (strstr (text, "Django"));
  /* The CSV's alias for the first candidate: the same in both. */
  g_assert_true (g_str_has_prefix (alias, "Candidate "));
  assert_says (text, expected, G_N_ELEMENTS (expected));
}

/* Text from the files is never markup: a candidate's name that looks like
 * Pango markup prints as it is. */
static void
test_export_pdf_markup (void)
{
  static const char * const fixtures[] = { "ada-alex.rubric.json", "ada-kim.rubric.json", "ada-sam.rubric.json" };
  g_autofree char *dir = g_dir_make_tmp ("rubric-compare-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricCompare) compare = rubric_compare_new (kit);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "compare", fixtures[i], NULL);
      g_autofree char *copy = g_build_filename (dir, fixtures[i], NULL);
      g_autofree char *json = rubric_test_read_file (source);
      g_autoptr(GString) changed = g_string_new (json);

      g_assert_cmpuint (g_string_replace (changed, "\"Ada Lovelace\"", "\"<b>x</b> &amp; Ada\"", 0), ==, 1);
      rubric_test_write_file (copy, changed->str);
      g_ptr_array_add (files, g_file_new_for_path (copy));
    }
  g_assert_true (rubric_compare_load (compare, (GFile * const *) files->pdata, files->len, NULL, NULL));
  path = export_pdf (compare, RUBRIC_EXPORT_FLAGS_NONE, NULL, "markup", &bytes);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "<b>x</b> &amp; Ada\n"));
  rubric_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/list-folder", test_list_folder);
  g_test_add_func ("/compare/problems-and-plan", test_problems_and_plan);
  g_test_add_func ("/compare/candidates", test_candidates);
  g_test_add_func ("/compare/calibration", test_calibration);
  g_test_add_func ("/compare/blind", test_blind);
  g_test_add_func ("/compare/async-writes-nothing", test_async_writes_nothing);
  g_test_add_func ("/compare/cancelled", test_cancelled);
  g_test_add_func ("/compare/no-plan", test_no_plan);
  g_test_add_func ("/compare/export-csv", test_export_csv);
  g_test_add_func ("/compare/export-anonymized", test_export_anonymized);
  g_test_add_func ("/compare/export-pdf", test_export_pdf);
  g_test_add_func ("/compare/export-pdf-blind", test_export_pdf_blind);
  g_test_add_func ("/compare/export-pdf-anonymized", test_export_pdf_anonymized);
  g_test_add_func ("/compare/export-pdf-markup", test_export_pdf_markup);

  return g_test_run ();
}
