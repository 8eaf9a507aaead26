/* test-debrief.c — a panel's scorecards of one candidate: matching, the
 * matrix, disagreement, problems, the blind rule, the exports
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures in data/debrief/ are three interviewers' scorecards of Ada
 * Lovelace on the bundled kit (sam, kim, alex: alex writes her name
 * "ada  LOVELACE"), an earlier file of Kim's (kim-earlier, "kim park"),
 * one about another candidate (other-candidate) and one that is not JSON
 * (broken). The numbers below are worked out by hand from those files:
 *
 *                      Sam   Kim   Alex
 *   migrations.deploy   4     2     3     spread 2: disagreement, mean 3.0
 *   large-tables        3     2     —     asked by two, mean 2.5
 *   queries.optimise    2     5     4     spread 3: disagreement, mean 11/3
 *   queries.concurrency skipped —   —     asked by nobody
 *   queries.complex     —     4     —
 *   injection-xss    not rated —    —     asked by one, no rating
 *   caching.strategy    —     —     3
 *   migrations (topic) 3.5   2.0   3.0    spread 1.5: no disagreement
 *   queries (topic)    2.0   4.5   4.0    spread 2.5: disagreement, mean 3.5
 *   overall            2.75  3.25  3.33
 *   recommendation     yes  strong no yes mixed
 */

#include "config.h"

#include <string.h>

#include "pdf-test-utils.h"
#include "rubric-core-test-utils.h"
#include "rubric-debrief.h"
#include "rubric-debrief-export.h"

static const char * const all_files[] = {
  "sam.rubric.json", "kim.rubric.json", "kim-earlier.rubric.json", "alex.rubric.json",
  "other-candidate.rubric.json", "broken.rubric.json",
};

static GPtrArray *
files_of (const char * const *names,
          guint               n)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "debrief", names[i], NULL);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  return files;
}

static RubricDebrief *
load (const char * const *names,
      guint               n,
      const char         *me)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GPtrArray) files = files_of (names, n);
  g_autoptr(GError) error = NULL;
  RubricDebrief *debrief = rubric_debrief_new (kit);

  rubric_debrief_set_me (debrief, me);
  g_assert_true (rubric_debrief_load (debrief, (GFile * const *) files->pdata, files->len, NULL, &error));
  g_assert_no_error (error);
  return debrief;
}

static const RubricDebriefQuestion *
find_question (RubricDebrief *debrief,
               const char    *id)
{
  for (guint i = 0; i < rubric_debrief_get_n_questions (debrief); i++)
    if (g_str_equal (rubric_debrief_get_question (debrief, i)->id, id))
      return rubric_debrief_get_question (debrief, i);
  g_assert_not_reached ();
}

static const RubricDebriefTopic *
find_topic (RubricDebrief *debrief,
            const char    *id)
{
  for (guint i = 0; i < rubric_debrief_get_n_topics (debrief); i++)
    if (g_str_equal (rubric_debrief_get_topic (debrief, i)->id, id))
      return rubric_debrief_get_topic (debrief, i);
  g_assert_not_reached ();
}

/* The problem whose text holds NEEDLE, or NULL. */
static const RubricDebriefProblem *
find_problem (RubricDebrief *debrief,
              const char    *needle)
{
  for (guint i = 0; i < rubric_debrief_get_n_problems (debrief); i++)
    if (strstr (rubric_debrief_get_problem (debrief, i)->text, needle) != NULL)
      return rubric_debrief_get_problem (debrief, i);
  return NULL;
}

static void
test_matching (void)
{
  g_autoptr(RubricDebrief) debrief = load (all_files, G_N_ELEMENTS (all_files), NULL);
  const RubricDebriefProblem *problem;

  g_assert_cmpstr (rubric_debrief_get_candidate (debrief), ==, "Ada Lovelace");
  g_assert_cmpstr (rubric_debrief_get_role (debrief), ==, "Senior Django Developer");
  g_assert_true (rubric_debrief_has_errors (debrief));

  /* Three interviewers, in the order of their files; Kim's newer file. */
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (debrief), ==, 3);
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 0)->name, ==, "Sam Lee");
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 1)->name, ==, "Kim Park");
  g_assert_true (g_str_has_suffix (rubric_debrief_get_interviewer (debrief, 1)->file, "kim.rubric.json"));
  /* The time the file says it was saved, not the time it was read: the
   * newer file wins by that, whichever is read last. */
  {
    g_autofree char *modified = g_date_time_format_iso8601 (rubric_debrief_get_interviewer (debrief, 1)->modified);

    g_assert_cmpstr (modified, ==, "2026-12-04T12:00:00Z");
  }
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 2)->name, ==, "Alex Chen");

  /* The older file of one interviewer is named, as a warning. */
  problem = find_problem (debrief, "kim-earlier.rubric.json: warning: an older scorecard of kim park than");
  g_assert_nonnull (problem);
  g_assert_false (problem->error);
  g_assert_true (g_str_has_suffix (problem->text, "kim.rubric.json: left out"));

  /* Another candidate: an error listing the names, and the file left out. */
  problem = find_problem (debrief, "The files are about more than one candidate: “Ada Lovelace” (4 files), “Jo Bloggs” (1 file)");
  g_assert_nonnull (problem);
  g_assert_true (problem->error);
  g_assert_null (problem->file);
  problem = find_problem (debrief, "other-candidate.rubric.json: about “Jo Bloggs”, not “Ada Lovelace”: left out");
  g_assert_nonnull (problem);
  g_assert_true (problem->error);

  /* The broken file, located as rubric --check says it. */
  problem = find_problem (debrief, "broken.rubric.json:6:");
  g_assert_nonnull (problem);
  g_assert_true (problem->error);
  g_assert_true (g_str_has_suffix (problem->file, "broken.rubric.json"));
}

static void
test_matrix (void)
{
  g_autoptr(RubricDebrief) debrief = load (all_files, 4, NULL);
  const RubricDebriefQuestion *q;
  const RubricDebriefTopic *t;

  g_assert_false (rubric_debrief_has_errors (debrief));
  g_assert_cmpuint (rubric_debrief_get_n_topics (debrief), ==, 10);
  g_assert_cmpuint (rubric_debrief_get_n_questions (debrief), ==, 30);

  q = find_question (debrief, "migrations.deploy");
  g_assert_cmpint (q->answers[0].rating, ==, 4);
  g_assert_cmpint (q->answers[1].rating, ==, 2);
  g_assert_cmpint (q->answers[2].rating, ==, 3);
  g_assert_true (q->disagreement);
  g_assert_true (q->answers[0].disagrees);
  g_assert_true (q->answers[1].disagrees);
  g_assert_false (q->answers[2].disagrees);
  g_assert_cmpfloat_with_epsilon (q->mean, 3.0, 1e-9);
  g_assert_cmpint (q->min, ==, 2);
  g_assert_cmpint (q->max, ==, 4);
  g_assert_cmpuint (q->n_asked, ==, 3);
  g_assert_cmpstr (q->answers[0].notes, ==, "Runs sqlmigrate before merging.");

  q = find_question (debrief, "migrations.large-tables");
  g_assert_false (q->disagreement);
  g_assert_true (q->several);
  g_assert_cmpuint (q->n_asked, ==, 2);
  g_assert_cmpfloat_with_epsilon (q->mean, 2.5, 1e-9);
  g_assert_cmpint (q->answers[2].status, ==, RUBRIC_SUMMARY_NOT_ASKED);

  q = find_question (debrief, "queries.optimise");
  g_assert_true (q->disagreement);
  g_assert_true (q->answers[0].disagrees && q->answers[1].disagrees && q->answers[2].disagrees);
  g_assert_cmpfloat_with_epsilon (q->mean, 11.0 / 3.0, 1e-9);
  /* Sam's ticks, by time into the interview: the key point at 5:00, then
   * the red flag at 7:00, each named from the kit. */
  g_assert_cmpuint (q->answers[0].heard->len, ==, 1);
  g_assert_cmpuint (q->answers[0].red_flags->len, ==, 1);
  g_assert_cmpstr (q->answers[0].heard_lines[0], ==,
                   "5:00 · Measure first: debug toolbar, connection.queries, explain(); assertNumQueries() to keep it fixed — named select_related");
  g_assert_cmpstr (q->answers[0].red_flag_lines[0], ==, "7:00 · Adds an index to every field");
  g_assert_cmpuint (q->answers[1].heard->len, ==, 1);
  g_assert_cmpuint (q->answers[2].heard->len, ==, 0);

  q = find_question (debrief, "queries.concurrency");
  g_assert_cmpint (q->answers[0].status, ==, RUBRIC_SUMMARY_SKIPPED);
  g_assert_cmpuint (q->n_asked, ==, 0);
  g_assert_false (q->several);

  q = find_question (debrief, "security.injection-xss");
  g_assert_cmpint (q->answers[0].status, ==, RUBRIC_SUMMARY_NOT_RATED);
  g_assert_cmpuint (q->n_asked, ==, 1);
  g_assert_cmpuint (q->n_rated, ==, 0);
  g_assert_false (q->has_mean);

  t = find_topic (debrief, "migrations");
  g_assert_cmpfloat_with_epsilon (t->cells[0].score, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t->cells[1].score, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (t->cells[2].score, 3.0, 1e-9);
  g_assert_false (t->disagreement);
  g_assert_cmpfloat_with_epsilon (t->mean, 8.5 / 3.0, 1e-9);
  g_assert_cmpuint (t->n_questions, ==, 3);

  t = find_topic (debrief, "queries");
  g_assert_true (t->disagreement);
  g_assert_true (t->cells[0].disagrees);
  g_assert_true (t->cells[1].disagrees);
  g_assert_true (t->cells[2].disagrees);
  g_assert_cmpfloat_with_epsilon (t->mean, 3.5, 1e-9);
  g_assert_cmpuint (t->cells[0].skipped, ==, 1);

  t = find_topic (debrief, "security");
  g_assert_false (t->nobody_asked);
  g_assert_false (t->has_mean);
  g_assert_true (t->cells[0].asked);
  g_assert_false (t->cells[1].asked);

  /* Topics nobody asked: all but migrations, queries, security, caching. */
  {
    guint nobody = 0;

    for (guint i = 0; i < rubric_debrief_get_n_topics (debrief); i++)
      nobody += rubric_debrief_get_topic (debrief, i)->nobody_asked;
    g_assert_cmpuint (nobody, ==, 6);
    g_assert_true (find_topic (debrief, "signals")->nobody_asked);
  }

  /* Overall scores, recommendations, the lists. */
  g_assert_cmpfloat_with_epsilon (rubric_debrief_get_interviewer (debrief, 0)->score, 2.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (rubric_debrief_get_interviewer (debrief, 1)->score, 3.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (rubric_debrief_get_interviewer (debrief, 2)->score, 10.0 / 3.0, 1e-9);
  g_assert_cmpint (rubric_debrief_get_interviewer (debrief, 1)->recommendation, ==, RUBRIC_RECOMMENDATION_STRONG_NO);
  g_assert_true (rubric_debrief_get_mixed (debrief));
  g_assert_cmpuint (rubric_debrief_count_recommendation (debrief, RUBRIC_RECOMMENDATION_YES), ==, 2);
  g_assert_cmpuint (rubric_debrief_count_recommendation (debrief, RUBRIC_RECOMMENDATION_STRONG_NO), ==, 1);
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 0)->strengths[0], ==, "Careful with migrations");
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 1)->concerns[0], ==, "Unsafe migration habits");
  g_assert_null (rubric_debrief_get_interviewer (debrief, 2)->strengths[0]);
}

/* Without Kim's: no mixed recommendations, no disagreement on deploy. */
static void
test_agreement (void)
{
  static const char * const names[] = { "sam.rubric.json", "alex.rubric.json" };
  g_autoptr(RubricDebrief) debrief = load (names, G_N_ELEMENTS (names), NULL);

  g_assert_false (rubric_debrief_get_mixed (debrief));
  g_assert_false (find_question (debrief, "migrations.deploy")->disagreement);
  g_assert_true (find_question (debrief, "queries.optimise")->disagreement);
  g_assert_true (find_question (debrief, "queries.optimise")->answers[0].disagrees);
  g_assert_true (find_question (debrief, "queries.optimise")->answers[1].disagrees);
}

/* Files that fail never stop the others, wherever they are. */
static void
test_failed_file_streams_on (void)
{
  static const char * const names[] = { "broken.rubric.json", "sam.rubric.json", "missing.rubric.json", "kim.rubric.json" };
  g_autoptr(RubricDebrief) debrief = load (names, G_N_ELEMENTS (names), NULL);

  g_assert_cmpuint (rubric_debrief_get_n_interviewers (debrief), ==, 2);
  g_assert_cmpuint (rubric_debrief_get_n_problems (debrief), ==, 2);
  g_assert_true (strstr (rubric_debrief_get_problem (debrief, 0)->text, "broken.rubric.json:6:") != NULL);
  g_assert_true (strstr (rubric_debrief_get_problem (debrief, 1)->text, "missing.rubric.json: ") != NULL);
}

/* A kit other than the first file's: an error; another version: a warning. */
static void
test_kit_mismatch (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) debrief = rubric_debrief_new (kit);
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autofree char *sam = g_test_build_filename (G_TEST_DIST, "data", "debrief", "sam.rubric.json", NULL);
  g_autofree char *text = rubric_test_read_file (sam);
  g_autoptr(GString) other_kit = g_string_new (text);
  g_autoptr(GString) other_version = g_string_new (text);
  g_autofree char *a = g_build_filename (dir, "a.rubric.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.rubric.json", NULL);
  g_autofree char *c = g_build_filename (dir, "c.rubric.json", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const RubricDebriefProblem *problem;

  g_string_replace (other_kit, "\"id\": \"django-senior\"", "\"id\": \"flask-senior\"", 1);
  g_string_replace (other_kit, "Sam Lee", "Robin Roe", 1);
  g_string_replace (other_version, "\"version\": 1\n  }", "\"version\": 2\n  }", 1);
  g_string_replace (other_version, "Sam Lee", "Lee Moe", 1);
  rubric_test_write_file (a, text);
  rubric_test_write_file (b, other_kit->str);
  rubric_test_write_file (c, other_version->str);
  g_ptr_array_add (files, g_file_new_for_path (a));
  g_ptr_array_add (files, g_file_new_for_path (b));
  g_ptr_array_add (files, g_file_new_for_path (c));

  g_assert_true (rubric_debrief_load (debrief, (GFile * const *) files->pdata, files->len, NULL, NULL));
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (debrief), ==, 2);
  problem = find_problem (debrief, "b.rubric.json: made with the kit “flask-senior”, not “django-senior” like the others: left out");
  g_assert_nonnull (problem);
  g_assert_true (problem->error);
  problem = find_problem (debrief, "c.rubric.json: warning: made with version 2 of the kit “django-senior”,");
  g_assert_nonnull (problem);
  g_assert_false (problem->error);
  g_assert_true (g_str_has_suffix (problem->text, "a.rubric.json with version 1"));

  rubric_test_remove_tree (dir);
}

/* A copy of the fixture NAME in DIR, changed: its seal cut off when
 * UNSEAL, FROM replaced by TO when given. */
static GFile *
copy_fixture (const char *dir,
              const char *name,
              gboolean    unseal,
              const char *from,
              const char *to)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "debrief", name, NULL);
  g_autofree char *text = rubric_test_read_file (source);
  g_autoptr(GString) changed = g_string_new (text);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (unseal)
    {
      const char *seal = strstr (changed->str, ",\n  \"seal\": {");

      g_assert_nonnull (seal);
      g_string_truncate (changed, seal - changed->str);
      g_string_append (changed, "\n}\n");
    }
  if (from != NULL)
    g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);
  rubric_test_write_file (path, changed->str);
  return g_file_new_for_path (path);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
on_changed_cb (RubricDebrief *debrief,
               gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* The user's own scorecard, not sealed: the others' are hidden, and come
 * back (those sealed counted) when the user is someone else. */
static void
test_blind (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) debrief = rubric_debrief_new (kit);
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const RubricDebriefQuestion *q;
  const RubricDebriefInterviewer *kim;
  guint blind_changes = 0, changes = 0;

  g_ptr_array_add (files, copy_fixture (dir, "sam.rubric.json", TRUE, NULL, NULL));
  g_ptr_array_add (files, copy_fixture (dir, "kim.rubric.json", FALSE, NULL, NULL));
  g_ptr_array_add (files, copy_fixture (dir, "alex.rubric.json", FALSE, NULL, NULL));
  g_signal_connect (debrief, "notify::blind", G_CALLBACK (on_notify_cb), &blind_changes);
  g_signal_connect (debrief, "changed", G_CALLBACK (on_changed_cb), &changes);

  rubric_debrief_set_me (debrief, "SAM LEE");
  g_assert_true (rubric_debrief_load (debrief, (GFile * const *) files->pdata, files->len, NULL, NULL));
  g_assert_true (rubric_debrief_get_blind (debrief));
  g_assert_cmpuint (blind_changes, ==, 1);
  g_assert_cmpstr (rubric_debrief_get_blind_text (), ==, "Seal your scorecard to see the panel");

  g_assert_true (rubric_debrief_get_interviewer (debrief, 0)->mine);
  g_assert_true (rubric_debrief_get_interviewer (debrief, 0)->counted);
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 0)->status_text, ==, "Yours, not sealed");
  kim = rubric_debrief_get_interviewer (debrief, 1);
  g_assert_true (kim->hidden);
  g_assert_false (kim->counted);
  g_assert_cmpstr (kim->name, ==, "Kim Park");
  g_assert_cmpstr (kim->status_text, ==, "Hidden until you seal yours");
  g_assert_cmpint (kim->recommendation, ==, RUBRIC_RECOMMENDATION_NONE);
  g_assert_false (kim->has_score);
  g_assert_cmpstr (kim->summary, ==, "");
  g_assert_null (kim->strengths[0]);
  g_assert_null (kim->concerns[0]);

  /* Nothing of theirs: no rating, no notes, no ticks, nothing counted. */
  q = find_question (debrief, "queries.optimise");
  g_assert_cmpint (q->answers[0].rating, ==, 2);
  g_assert_cmpint (q->answers[1].rating, ==, 0);
  g_assert_cmpstr (q->answers[1].rating_text, ==, "Hidden");
  g_assert_cmpuint (q->answers[1].heard->len, ==, 0);
  g_assert_cmpstr (find_question (debrief, "migrations.deploy")->answers[1].notes, ==, "");
  g_assert_false (q->disagreement);
  g_assert_cmpuint (q->n_rated, ==, 1);
  g_assert_false (find_topic (debrief, "queries")->cells[1].has_score);
  g_assert_false (rubric_debrief_get_mixed (debrief));

  /* Seen by someone else: Sam's unsealed scorecard is shown, not counted. */
  changes = 0;
  rubric_debrief_set_me (debrief, NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (rubric_debrief_get_blind (debrief));
  g_assert_cmpuint (blind_changes, ==, 2);
  g_assert_false (rubric_debrief_get_interviewer (debrief, 0)->counted);
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 0)->status_text, ==, "Not sealed, not counted");
  g_assert_true (rubric_debrief_get_interviewer (debrief, 1)->counted);
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 1)->status_text, ==, "Sealed");
  g_assert_nonnull (rubric_debrief_get_interviewer (debrief, 1)->sealed_at);
  q = find_question (debrief, "queries.optimise");
  g_assert_cmpint (q->answers[0].rating, ==, 2);
  g_assert_false (q->answers[0].disagrees);
  g_assert_false (q->disagreement);
  g_assert_cmpfloat_with_epsilon (q->mean, 4.5, 1e-9);
  g_assert_true (rubric_debrief_get_mixed (debrief));

  rubric_test_remove_tree (dir);
}

/* Sealed, then edited by hand: shown, and left out of the aggregate. */
static void
test_edited_after_sealing (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) debrief = rubric_debrief_new (kit);
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, copy_fixture (dir, "sam.rubric.json", FALSE, NULL, NULL));
  g_ptr_array_add (files, copy_fixture (dir, "kim.rubric.json", FALSE,
                                        "\"recommendation\": \"strong-no\"", "\"recommendation\": \"yes\""));
  rubric_debrief_set_me (debrief, "Sam Lee");
  g_assert_true (rubric_debrief_load (debrief, (GFile * const *) files->pdata, files->len, NULL, NULL));
  g_assert_false (rubric_debrief_get_blind (debrief));
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 0)->status_text, ==, "Yours, sealed");
  g_assert_cmpint (rubric_debrief_get_interviewer (debrief, 1)->seal, ==, RUBRIC_SEAL_BROKEN);
  g_assert_false (rubric_debrief_get_interviewer (debrief, 1)->counted);
  g_assert_false (rubric_debrief_get_interviewer (debrief, 1)->hidden);
  g_assert_cmpstr (rubric_debrief_get_interviewer (debrief, 1)->status_text, ==, "Edited after sealing, not counted");
  g_assert_cmpint (rubric_debrief_get_interviewer (debrief, 1)->recommendation, ==, RUBRIC_RECOMMENDATION_YES);
  g_assert_cmpuint (rubric_debrief_count_recommendation (debrief, RUBRIC_RECOMMENDATION_YES), ==, 1);
  g_assert_false (find_question (debrief, "migrations.deploy")->disagreement);

  rubric_test_remove_tree (dir);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rubric_debrief_load_finish (RUBRIC_DEBRIEF (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* In a worker: loading is TRUE until the matrix is there. */
static void
test_async (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) debrief = rubric_debrief_new (kit);
  g_autoptr(GPtrArray) files = files_of (all_files, G_N_ELEMENTS (all_files));
  gboolean done = FALSE;

  rubric_debrief_load_async (debrief, (GFile * const *) files->pdata, files->len, NULL, on_loaded_cb, &done);
  g_assert_true (rubric_debrief_get_loading (debrief));
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (debrief), ==, 0);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rubric_debrief_get_loading (debrief));
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (debrief), ==, 3);
  g_assert_nonnull (find_problem (debrief, "broken.rubric.json:6:"));
}

/* A folder of several candidates: one debrief each, in order. */
static void
test_grouped (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GPtrArray) files = files_of (all_files, G_N_ELEMENTS (all_files));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_debrief_problem_free);
  g_autoptr(GPtrArray) debriefs = NULL;
  RubricDebrief *ada, *jo;

  debriefs = rubric_debrief_load_grouped (kit, (GFile * const *) files->pdata, files->len, NULL, problems, NULL, NULL);
  g_assert_cmpuint (debriefs->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 1);
  ada = g_ptr_array_index (debriefs, 0);
  jo = g_ptr_array_index (debriefs, 1);
  g_assert_cmpstr (rubric_debrief_get_candidate (ada), ==, "Ada Lovelace");
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (ada), ==, 3);
  g_assert_false (rubric_debrief_has_errors (ada));
  g_assert_cmpstr (rubric_debrief_get_candidate (jo), ==, "Jo Bloggs");
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (jo), ==, 1);
}

static char *
export (RubricDebrief      *debrief,
        RubricExportFormat  format,
        RubricExportFlags   flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rubric_debrief_export_to_bytes (debrief, format, flags, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The PDF kept in the build folder as debrief-NAME.pdf; returns its path. */
static char *
save_pdf (const char *data,
          gsize       size,
          const char *name)
{
  g_autofree char *file = g_strconcat ("debrief-", name, ".pdf", NULL);
  char *path = g_test_build_filename (G_TEST_BUILT, "export-pdf", file, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  return path;
}

/* The text of the export in FORMAT: a PDF's as pdftotext reads it back,
 * kept as debrief-NAME.pdf. */
static char *
export_text (RubricDebrief      *debrief,
             RubricExportFormat  format,
             RubricExportFlags   flags,
             const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rubric_debrief_export_to_bytes (debrief, format, flags, NULL, NULL, &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  if (format != RUBRIC_EXPORT_FORMAT_PDF)
    return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  path = save_pdf (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name);
  {
    const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

    return pdf_test_run_argv (argv);
  }
}

/* The Markdown, plain text and CSV of the three interviewers, byte for byte. After a
 * deliberate change, write them again and read every changed line:
 *
 *   build-aux/dev exec env RUBRIC_UPDATE_GOLDEN=1 meson test -C _build/sdk debrief
 */
static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_autoptr(RubricDebrief) debrief = load (all_files, 4, NULL);
  RubricExportFormat format = g_str_has_suffix (name, ".csv") ? RUBRIC_EXPORT_FORMAT_CSV :
                              g_str_has_suffix (name, ".txt") ? RUBRIC_EXPORT_FORMAT_TEXT : RUBRIC_EXPORT_FORMAT_MARKDOWN;
  RubricExportFlags flags = strstr (name, "anonymized") != NULL ? RUBRIC_EXPORT_FLAGS_ANONYMIZE : RUBRIC_EXPORT_FLAGS_NONE;
  g_autofree char *actual = export (debrief, format, flags);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "debrief", name, NULL);
  g_autofree char *expected = NULL;

  if (g_strcmp0 (g_getenv ("RUBRIC_UPDATE_GOLDEN"), "1") == 0)
    {
      rubric_test_write_file (path, actual);
      g_test_message ("wrote %s: read it before committing it", path);
      return;
    }
  expected = rubric_test_read_file (path);
  g_assert_cmpstr (actual, ==, expected);
}

/* What no export of a debrief holds: private notes; names when
 * anonymised; the others' ratings, notes and lists while blind. */
static void
test_export_leaves_out (void)
{
  g_autoptr(RubricDebrief) debrief = load (all_files, 4, NULL);
  RubricExportFormat formats[] = {
    RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FORMAT_HTML, RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FORMAT_TEXT,
    RUBRIC_EXPORT_FORMAT_PDF,
  };
  static const char * const names[] = { "Ada", "Lovelace", "LOVELACE", "Sam Lee", "Kim", "Alex" };
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) blind = rubric_debrief_new (kit);

  g_ptr_array_add (files, copy_fixture (dir, "sam.rubric.json", TRUE, NULL, NULL));
  g_ptr_array_add (files, copy_fixture (dir, "kim.rubric.json", FALSE, NULL, NULL));
  rubric_debrief_set_me (blind, "Sam Lee");
  g_assert_true (rubric_debrief_load (blind, (GFile * const *) files->pdata, files->len, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *plain = export_text (debrief, formats[i], RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE, "plain");
      g_autofree char *anonymized = export_text (debrief, formats[i], RUBRIC_EXPORT_FLAGS_ANONYMIZE, "anonymized");
      g_autofree char *hidden = export_text (blind, formats[i], RUBRIC_EXPORT_FLAGS_NONE, "blind");

      g_assert_null (strstr (plain, "PRIVATE"));
      g_assert_nonnull (strstr (plain, "Kim Park"));
      g_assert_nonnull (strstr (plain, "Edits applied migrations."));
      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        g_assert_null (strstr (anonymized, names[j]));
      g_assert_nonnull (strstr (anonymized, "Interviewer B"));
      g_assert_nonnull (strstr (hidden, "Kim Park"));
      g_assert_null (strstr (hidden, "Edits applied migrations."));
      g_assert_null (strstr (hidden, "Unsafe migration habits"));
      g_assert_null (strstr (hidden, "Strong no"));
      g_assert_null (strstr (hidden, "strong-no"));
      if (formats[i] != RUBRIC_EXPORT_FORMAT_CSV)
        g_assert_nonnull (strstr (hidden, "Seal your scorecard to see the panel"));
    }

  rubric_test_remove_tree (dir);
}

/* The debrief as a PDF, kept as debrief-NAME.pdf; returns its path. */
static char *
export_pdf (RubricDebrief *debrief,
            const char    *name,
            GBytes       **bytes)
{
  g_autoptr(GError) error = NULL;

  *bytes = rubric_debrief_export_to_bytes (debrief, RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (*bytes, NULL), "%PDF-"));
  return save_pdf (g_bytes_get_data (*bytes, NULL), g_bytes_get_size (*bytes), name);
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  return pdf_test_run_argv (argv);
}

/* The PDF: landscape, every name, score and disagreement read back, in
 * the text font alone (no emoji font drew a digit); text from the files
 * is never markup. */
static void
test_pdf (void)
{
  g_autoptr(RubricDebrief) debrief = load (all_files, 4, NULL);
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) edited = rubric_debrief_new (kit);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autofree char *path = export_pdf (debrief, "panel", &bytes);
  g_autofree char *text = pdf_text (path);
  g_autofree char *edited_path = NULL;
  g_autofree char *edited_text = NULL;
  const char *expected[] = {
    "Panel debrief", "Ada Lovelace", "Senior Django Developer", "Yes: 2 · Strong no: 1",
    "Mixed recommendations: some for hiring, some against", "Sam Lee", "Kim Park", "Alex Chen",
    "Sam Lee Yes 2.8 Sealed", "Kim Park Strong no 3.2 Sealed", "Alex Chen Yes 3.3 Sealed",
    "Query optimisation 2.0 4.5 4.0 3.5\nRatings differ by 2 or more",
    "Query optimisation · Main question: 2 (Sam Lee) to 5 (Kim Park)", "Topics nobody asked",
    "Database migrations · Follow-up 1: asked by 2", "Kim Park 5 — Expert", "Window functions, unprompted.",
    "Red flag: 7:00 · Adds an index to every field", "Careful with migrations", "Unsafe migration habits",
    "=HYPERLINK(\"x\") in a concern", "Page 1 of ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the PDF does not say “%s”:\n%s", expected[i], text);
  g_assert_null (strstr (text, "PRIVATE"));

  pdf_test_assert_panel_pdf (path, text, "debrief-fonts-reference");

  /* No clock in it: the same debrief, the same bytes. */
  again = rubric_debrief_export_to_bytes (debrief, RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL,
                                          NULL);
  g_assert_true (g_bytes_equal (bytes, again));

  /* Notes that look like Pango markup print as they are. */
  g_ptr_array_add (files, copy_fixture (dir, "sam.rubric.json", FALSE, "Runs sqlmigrate before merging.",
                                        "<b>Runs</b> &amp; <i>sqlmigrate</i> <span>x"));
  g_ptr_array_add (files, copy_fixture (dir, "kim.rubric.json", FALSE, NULL, NULL));
  g_assert_true (rubric_debrief_load (edited, (GFile * const *) files->pdata, files->len, NULL, NULL));
  edited_path = export_pdf (edited, "markup", &edited_bytes);
  edited_text = pdf_text (edited_path);
  g_assert_nonnull (strstr (edited_text, "<b>Runs</b> &amp; <i>sqlmigrate</i> <span>x"));
  g_assert_nonnull (strstr (edited_text, "Edited after sealing, not counted"));
  rubric_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/debrief/matching", test_matching);
  g_test_add_func ("/debrief/matrix", test_matrix);
  g_test_add_func ("/debrief/agreement", test_agreement);
  g_test_add_func ("/debrief/failed-file-streams-on", test_failed_file_streams_on);
  g_test_add_func ("/debrief/kit-mismatch", test_kit_mismatch);
  g_test_add_func ("/debrief/blind", test_blind);
  g_test_add_func ("/debrief/edited-after-sealing", test_edited_after_sealing);
  g_test_add_func ("/debrief/async", test_async);
  g_test_add_func ("/debrief/grouped", test_grouped);
  g_test_add_data_func ("/debrief/golden/md", "panel.md", test_golden);
  g_test_add_data_func ("/debrief/golden/csv", "panel.csv", test_golden);
  g_test_add_data_func ("/debrief/golden/txt", "panel.txt", test_golden);
  g_test_add_data_func ("/debrief/golden/anonymized-md", "panel-anonymized.md", test_golden);
  g_test_add_func ("/debrief/export-leaves-out", test_export_leaves_out);
  g_test_add_func ("/debrief/pdf", test_pdf);

  return g_test_run ();
}
