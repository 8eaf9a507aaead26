/* test-interview.c — one open interview and its life on disk, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rubric-core-test-utils.h"
#include "rubric-drafts.h"
#include "rubric-interview-private.h"

static char *tmp_dir;

static RubricQuestion *
first_question (RubricKit *kit)
{
  return rubric_kit_lookup_question (kit, "http.main");
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data,
            guint     ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_untitled (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricInterview) interview = rubric_interview_new (session, kit, NULL, NULL);
  g_autofree char *saved_path = g_build_filename (tmp_dir, "named.rubric.json", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GFile *draft = rubric_interview_get_draft (interview);
  g_autoptr(GFile) draft_ref = g_object_ref (draft);
  g_autofree char *draft_path = g_file_get_path (draft);
  guint file_notified = 0;
  struct stat st;
  gint64 start;

  g_assert_null (rubric_interview_get_file (interview));
  g_assert_nonnull (draft);
  g_assert_true (rubric_drafts_is_draft (draft));
  g_assert_false (rubric_interview_get_needs_saving (interview));

  /* From the first change on, a draft exists within about two seconds. */
  start = g_get_monotonic_time ();
  rubric_session_set_candidate_name (session, "Ada Lovelace");
  g_assert_true (rubric_interview_get_needs_saving (interview));
  wait_until (file_exists, draft, 3000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* Save As: the file is the user's, the draft goes. */
  g_signal_connect (interview, "notify::file", G_CALLBACK (count_cb), &file_notified);
  rubric_interview_save_async (interview, saved, NULL, rubric_test_store_result_cb, &result);
  wait_until (has_result, &result, 5000);
  g_assert_true (rubric_interview_save_finish (interview, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_notified, ==, 1);
  g_assert_true (g_file_equal (rubric_interview_get_file (interview), saved));
  g_assert_false (rubric_interview_get_needs_saving (interview));
  g_assert_true (g_file_test (saved_path, G_FILE_TEST_EXISTS));
  g_clear_object (&result);
  {
    gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

    while (g_file_query_exists (draft_ref, NULL))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }

  {
    g_autofree char *suggested = rubric_interview_dup_suggested_name (interview);

    g_assert_true (g_str_has_prefix (suggested, "Ada Lovelace "));
    g_assert_true (g_str_has_suffix (suggested, ".rubric.json"));
  }

  g_unlink (saved_path);
}

/* A Save As from a conflict (the banner's "keep both") that fails goes
 * back to the file it had, and that file is still another program's: the
 * next change is not written over it. */
static void
test_failed_save_as_in_conflict (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricSession) theirs = rubric_session_new (kit);
  g_autofree char *path = g_build_filename (tmp_dir, "contested.rubric.json", NULL);
  g_autofree char *theirs_path = g_build_filename (tmp_dir, "contested-theirs.rubric.json", NULL);
  g_autofree char *nowhere_path = g_build_filename (tmp_dir, "no-such-folder", "kept.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) theirs_file = g_file_new_for_path (theirs_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
  g_autoptr(RubricInterview) interview = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *text = NULL;

  rubric_session_set_candidate_name (session, "Ours");
  g_assert_true (rubric_session_save (session, file, NULL, NULL));
  stamp = rubric_file_dup_stamp (file, NULL, NULL);
  interview = rubric_interview_new (session, kit, file, stamp);

  /* Another program replaces the file; our next save finds out. */
  rubric_session_set_candidate_name (theirs, "Theirs");
  g_assert_true (rubric_session_save (theirs, theirs_file, NULL, NULL));
  g_assert_cmpint (g_rename (theirs_path, path), ==, 0);
  rubric_session_set_summary (session, "A change of ours");
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      /* Round 0: the save that finds the conflict; 1: a Save As that
       * fails; 2: a change and a save after it. */
      if (round == 2)
        rubric_session_set_summary (session, "Another change of ours");
      rubric_interview_save_async (interview, round == 1 ? nowhere : NULL, NULL,
                                   rubric_test_store_result_cb, &result);
      wait_until (has_result, &result, 5000);
      g_assert_false (rubric_interview_save_finish (interview, result, NULL));
      g_assert_true (g_file_equal (rubric_interview_get_file (interview), file));
    }

  g_assert_true (rubric_interview_get_conflict (interview));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Theirs"));
  g_assert_null (strstr (text, "Another change of ours"));

  rubric_interview_discard (interview);
  g_unlink (path);
}

static gboolean
count_tick_cb (guint *ticks)
{
  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* A Save As that fails leaves the interview where it was: an untitled
 * one on its draft (which then keeps every change, and which a close may
 * rightly say is the only copy), a saved one on its file. */
static void
test_failed_save_as (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricInterview) interview = rubric_interview_new (session, kit, NULL, NULL);
  g_autofree char *nowhere_path = g_build_filename (tmp_dir, "no-such-folder", "lost.rubric.json", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
  g_autofree char *named_path = g_build_filename (tmp_dir, "kept.rubric.json", NULL);
  g_autoptr(GFile) named = g_file_new_for_path (named_path);
  g_autoptr(GFile) draft = g_object_ref (rubric_interview_get_draft (interview));
  g_autofree char *text = NULL;

  rubric_session_set_candidate_name (session, "Ada Lovelace");
  wait_until (file_exists, draft, 3000);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      rubric_interview_save_async (interview, nowhere, NULL, rubric_test_store_result_cb, &result);
      wait_until (has_result, &result, 5000);
      g_assert_false (rubric_interview_save_finish (interview, result, &error));
      g_assert_nonnull (error);
      g_assert_false (g_file_query_exists (nowhere, NULL));

      if (round == 0)
        {
          /* Still untitled, on its draft, which takes the next change. */
          g_autoptr(GAsyncResult) flushed = NULL;

          g_assert_null (rubric_interview_get_file (interview));
          g_assert_true (rubric_interview_get_draft (interview) != NULL);
          rubric_session_set_summary (session, "Written after the failed Save As");
          rubric_interview_save_async (interview, NULL, NULL, rubric_test_store_result_cb, &flushed);
          wait_until (has_result, &flushed, 5000);
          g_assert_true (rubric_interview_save_finish (interview, flushed, NULL));
          g_assert_true (g_file_load_contents (draft, NULL, &text, NULL, NULL, NULL));
          g_assert_nonnull (strstr (text, "Written after the failed Save As"));
          g_clear_pointer (&text, g_free);

          /* Saved under a name, for the second round. */
          g_clear_object (&flushed);
          rubric_interview_save_async (interview, named, NULL, rubric_test_store_result_cb, &flushed);
          wait_until (has_result, &flushed, 5000);
          g_assert_true (rubric_interview_save_finish (interview, flushed, NULL));
        }
      else
        {
          /* Still on its file, which takes the next change. */
          g_autoptr(GAsyncResult) flushed = NULL;

          g_assert_true (g_file_equal (rubric_interview_get_file (interview), named));
          rubric_session_set_summary (session, "Written to the file it had");
          rubric_interview_save_async (interview, NULL, NULL, rubric_test_store_result_cb, &flushed);
          wait_until (has_result, &flushed, 5000);
          g_assert_true (rubric_interview_save_finish (interview, flushed, NULL));
          g_assert_true (g_file_get_contents (named_path, &text, NULL, NULL));
          g_assert_nonnull (strstr (text, "Written to the file it had"));
        }
    }

  rubric_interview_discard (interview);
  g_unlink (named_path);
}

static void
test_clock_is_not_a_change (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autofree char *path = g_build_filename (tmp_dir, "clock.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricInterview) interview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint elapsed_notified = 0;
  guint dirty_notified = 0;
  gint64 end;

  g_assert_true (rubric_session_save (session, file, NULL, &error));
  stamp = rubric_file_dup_stamp (file, NULL, NULL);
  g_file_get_contents (path, &before, NULL, NULL);

  interview = rubric_interview_new (session, kit, file, stamp);
  g_signal_connect (interview, "notify::elapsed", G_CALLBACK (count_cb), &elapsed_notified);
  g_signal_connect (interview, "notify::dirty", G_CALLBACK (count_cb), &dirty_notified);
  rubric_interview_set_current_question (interview, first_question (kit));

  /* Two ticks of the clock: time counted, nothing dirty, nothing written. */
  end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (rubric_interview_get_elapsed (interview) < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (elapsed_notified, >=, 2);
  g_assert_cmpuint (dirty_notified, ==, 0);
  g_assert_false (rubric_interview_get_dirty (interview));
  g_assert_false (rubric_interview_get_needs_saving (interview));
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (rubric_answer_get_elapsed (rubric_session_lookup_answer (session, "http.main")), >=, 2);

  /* Paused, the clock stands still: three seconds of ticks count nothing
   * (counted by the source's own ticks, not by a timed assertion). */
  {
    gint64 paused_at;
    guint ticks = 0;
    guint source;

    rubric_interview_set_paused (interview, TRUE);
    paused_at = rubric_interview_get_elapsed (interview);
    source = g_timeout_add_seconds (1, (GSourceFunc) count_tick_cb, &ticks);
    end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
    while (ticks < 3)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        g_main_context_iteration (NULL, TRUE);
      }
    g_source_remove (source);
    g_assert_cmpint (rubric_interview_get_elapsed (interview), ==, paused_at);
    g_assert_false (rubric_interview_get_dirty (interview));

    rubric_interview_set_paused (interview, FALSE);
    while (rubric_interview_get_elapsed (interview) == paused_at)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end + 5 * G_TIME_SPAN_SECOND);
        g_main_context_iteration (NULL, TRUE);
      }
  }

  g_unlink (path);
}

static void
test_save_error (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autofree char *folder = g_build_filename (tmp_dir, "vanishing", NULL);
  g_autofree char *moved = g_build_filename (tmp_dir, "vanished", NULL);
  g_autofree char *path = g_build_filename (folder, "error.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricInterview) interview = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  guint notified = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (rubric_session_save (session, file, NULL, &error));
  stamp = rubric_file_dup_stamp (file, NULL, NULL);
  interview = rubric_interview_new (session, kit, file, stamp);
  g_signal_connect (interview, "notify::save-error", G_CALLBACK (count_cb), &notified);

  /* The folder goes: the save fails, the error is kept and told once. */
  g_assert_cmpint (g_rename (folder, moved), ==, 0);
  rubric_session_set_summary (session, "Unsaved");
  rubric_interview_save_async (interview, NULL, NULL, rubric_test_store_result_cb, &result);
  wait_until (has_result, &result, 5000);
  g_assert_false (rubric_interview_save_finish (interview, result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_nonnull (rubric_interview_get_save_error (interview));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (rubric_interview_get_dirty (interview));
  g_assert_true (rubric_interview_get_needs_saving (interview));

  /* Back: the next save works, and the error is gone. */
  g_assert_cmpint (g_rename (moved, folder), ==, 0);
  rubric_interview_save_async (interview, NULL, NULL, rubric_test_store_result_cb, &result);
  wait_until (has_result, &result, 5000);
  if (!rubric_interview_save_finish (interview, result, &error))
    {
      /* The folder came back as another inode: a conflict, which the user
       * resolves; overwriting is that answer. */
      g_assert_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT);
      g_clear_error (&error);
      g_clear_object (&result);
      rubric_interview_overwrite_async (interview, NULL, rubric_test_store_result_cb, &result);
      wait_until (has_result, &result, 5000);
      g_assert_true (rubric_interview_overwrite_finish (interview, result, &error));
    }
  g_assert_no_error (error);
  g_assert_null (rubric_interview_get_save_error (interview));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (rubric_interview_get_needs_saving (interview));

  g_unlink (path);
  g_rmdir (folder);
}

static void
test_discard (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricInterview *interview = rubric_interview_new (session, kit, NULL, NULL);
  g_autoptr(GFile) draft = g_object_ref (rubric_interview_get_draft (interview));
  gint64 end;

  rubric_session_set_candidate_name (session, "Discarded");
  wait_until (file_exists, draft, 3000);

  /* Discard: the draft goes, nothing more is written, nothing is asked. */
  rubric_interview_discard (interview);
  g_assert_false (rubric_interview_get_needs_saving (interview));
  end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  while (g_file_query_exists (draft, NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  rubric_session_set_candidate_name (session, "Still discarded");
  {
    gint64 until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  g_assert_false (g_file_query_exists (draft, NULL));
  g_assert_finalize_object (interview);
}

/* ---------------------------------------------------------------- pacing */

static RubricPlan *
three_topic_plan (void)
{
  RubricPlan *plan = rubric_plan_new ("short", "Short round", "django-senior", 20);

  /* 6, 6 and 5 minutes in the kit: 7, 7 and 6 of a 20-minute slot */
  rubric_plan_add_topic (plan, "migrations", (const char *[]) { "migrations.deploy", NULL });
  rubric_plan_add_topic (plan, "relationships", (const char *[]) { "relationships.modelling", NULL });
  rubric_plan_add_topic (plan, "settings", (const char *[]) { "settings.environments", NULL });
  return plan;
}

static void
collect_nudge_cb (RubricInterview *interview,
                  const char      *message,
                  GPtrArray       *nudges)
{
  g_ptr_array_add (nudges, g_strdup (message));
}

static void
run_clock (RubricInterview *interview,
           guint            seconds)
{
  for (guint i = 0; i < seconds; i++)
    _rubric_interview_step_clock (interview);
}

static void
assert_pacing_text (RubricInterview *interview,
                    const char      *expected)
{
  RubricPacing pacing;
  g_autofree char *text = NULL;

  g_assert_true (rubric_interview_get_pacing (interview, &pacing));
  text = rubric_pacing_to_string (&pacing);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_topic_text (RubricInterview *interview,
                   const char      *topic_id,
                   const char      *expected)
{
  RubricPacingTopic topic;
  g_autofree char *text = NULL;

  g_assert_true (rubric_interview_get_topic_pacing (interview, topic_id, &topic));
  text = rubric_pacing_topic_to_string (&topic);
  g_assert_cmpstr (text, ==, expected);
}

/* A planned interview run on a fake clock: budgets, the pacing line and
 * each nudge exactly when the clock crosses its line. */
static void
test_pacing (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricPlan) plan = three_topic_plan ();
  g_autoptr(RubricInterview) interview = NULL;
  g_autoptr(RubricInterview) reopened = NULL;
  g_autoptr(GPtrArray) nudges = g_ptr_array_new_with_free_func (g_free);
  RubricPacingTopic topic;
  RubricPacing pacing;

  interview = rubric_interview_new (session, kit, NULL, NULL);
  _rubric_interview_stop_clock (interview);
  g_assert_null (rubric_interview_get_plan (interview));
  g_assert_false (rubric_interview_get_pacing (interview, &pacing));
  g_assert_false (rubric_interview_get_topic_pacing (interview, "migrations", &topic));

  rubric_session_set_plan (session, plan);
  g_assert_nonnull (rubric_interview_get_plan (interview));
  g_assert_true (rubric_interview_get_topic_pacing (interview, "settings", &topic));
  g_assert_cmpint (topic.budget, ==, 6 * 60);
  g_assert_false (rubric_interview_get_topic_pacing (interview, "caching", &topic));
  g_signal_connect (interview, "nudge", G_CALLBACK (collect_nudge_cb), nudges);

  /* Nothing shown: the clock stands */
  run_clock (interview, 30);
  g_assert_cmpint (rubric_interview_get_elapsed (interview), ==, 0);
  assert_pacing_text (interview, "On time");

  rubric_interview_set_current_question (interview, rubric_kit_lookup_question (kit, "migrations.deploy"));
  run_clock (interview, 7 * 60);
  assert_topic_text (interview, "migrations", "7 of 7 min");
  assert_pacing_text (interview, "On time");
  g_assert_cmpuint (nudges->len, ==, 0);

  /* Paused: no time counts */
  rubric_interview_set_paused (interview, TRUE);
  run_clock (interview, 300);
  rubric_interview_set_paused (interview, FALSE);
  g_assert_cmpint (rubric_interview_get_elapsed (interview), ==, 7 * 60);

  /* Ten minutes before the end, two topics not asked */
  run_clock (interview, 3 * 60 - 1);
  g_assert_cmpuint (nudges->len, ==, 0);
  run_clock (interview, 1);
  g_assert_cmpuint (nudges->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (nudges, 0), ==, "10 minutes left, 2 topics unasked");

  /* Half over its budget: 7 min + 3½ */
  run_clock (interview, 29);
  g_assert_cmpuint (nudges->len, ==, 1);
  run_clock (interview, 1);
  g_assert_cmpuint (nudges->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (nudges, 1), ==, "Database migrations is over its time by half");
  assert_topic_text (interview, "migrations", "10 of 7 min, over by 3½ min");
  g_assert_true (rubric_interview_get_topic_pacing (interview, "migrations", &topic));
  g_assert_cmpint (rubric_pacing_topic_pace (&topic), ==, RUBRIC_TOPIC_PACE_FAR_OVER);
  /* 9½ min left for 13 min of topics, the current one among them */
  assert_pacing_text (interview, "Behind by 3½ min — 3 topics left, 9½ min → 3 min each");

  /* Never twice */
  run_clock (interview, 120);
  g_assert_cmpuint (nudges->len, ==, 2);

  /* The next topic: its clock runs, the first's stands */
  rubric_interview_set_current_question (interview, rubric_kit_lookup_question (kit, "relationships.modelling"));
  run_clock (interview, 60);
  assert_topic_text (interview, "relationships", "1 of 7 min");
  assert_topic_text (interview, "migrations", "12 of 7 min, over by 5½ min");

  /* Opened again later: no nudge for lines crossed before */
  reopened = rubric_interview_new (session, kit, NULL, NULL);
  _rubric_interview_stop_clock (reopened);
  g_signal_connect (reopened, "nudge", G_CALLBACK (collect_nudge_cb), nudges);
  rubric_interview_set_current_question (reopened, rubric_kit_lookup_question (kit, "migrations.deploy"));
  run_clock (reopened, 60);
  g_assert_cmpuint (nudges->len, ==, 2);
  rubric_interview_discard (reopened);
  rubric_interview_discard (interview);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("rubric-interview-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_add_func ("/interview/untitled", test_untitled);
  g_test_add_func ("/interview/failed-save-as", test_failed_save_as);
  g_test_add_func ("/interview/failed-save-as-in-conflict", test_failed_save_as_in_conflict);
  g_test_add_func ("/interview/clock-is-not-a-change", test_clock_is_not_a_change);
  g_test_add_func ("/interview/save-error", test_save_error);
  g_test_add_func ("/interview/discard", test_discard);
  g_test_add_func ("/interview/pacing", test_pacing);

  return g_test_run ();
}
