/* test-study.c — a learner's study progress: grades, counts, files, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "rubric-core-test-utils.h"
#include "rubric-study.h"

static char *state_home;

/* ----------------------------------------------------------------- helpers */

static GBytes *
read_test_file (const char *relative_path)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative_path, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static RubricKit *
load_kit (const char *relative_path)
{
  g_autoptr(GBytes) bytes = read_test_file (relative_path);
  g_autoptr(GError) error = NULL;
  RubricKit *kit = rubric_kit_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return kit;
}

static RubricKit *
minimal_kit (void)
{
  return load_kit ("data/minimal.rubric-kit.json");
}

static RubricKit *
shipped_kit (void)
{
  return load_kit ("../data/kits/django-senior.json");
}

static char *
study_path (const char *name)
{
  return g_build_filename (state_home, "rubric", "study", name, NULL);
}

static void
write_study_file (const char *name,
                  const char *text)
{
  g_autofree char *path = study_path (name);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_study_file (const char *name)
{
  g_autofree char *path = study_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static gboolean
study_file_exists (const char *name)
{
  g_autofree char *path = study_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
save_progress (RubricStudyProgress  *progress,
               GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rubric_study_progress_save_async (progress, NULL, rubric_test_store_result_cb, &result);
  return rubric_study_progress_save_finish (progress, rubric_test_wait_for (&result), error);
}

static guint
n_warnings (RubricStudyProgress *progress)
{
  return g_strv_length ((GStrv) rubric_study_progress_get_warnings (progress));
}

typedef struct
{
  guint count;
  GPtrArray *ids;
} Changes;

static void
on_changed_cb (RubricStudyProgress *progress,
               const char          *question_id,
               Changes             *changes)
{
  changes->count++;
  g_ptr_array_add (changes->ids, g_strdup (question_id));
}

static void
count_cb (gpointer  instance,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Each test starts from an empty state folder. */
static void
clean_state (void)
{
  g_autofree char *folder = g_build_filename (state_home, "rubric", NULL);

  rubric_test_remove_tree (folder);
}

/* ------------------------------------------------------------------- tests */

static void
test_missing_file (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *expected = NULL;

  clean_state ();
  progress = rubric_test_load_progress ("example");

  g_assert_cmpuint (n_warnings (progress), ==, 0);
  g_assert_false (rubric_study_progress_get_dirty (progress));
  g_assert_false (rubric_study_progress_get_read_only (progress));
  g_assert_null (rubric_study_progress_get_updated (progress));
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_NONE);

  /* The state folder, never the data folder of sessions. */
  file = rubric_study_progress_get_file (progress);
  expected = study_path ("example.json");
  g_assert_cmpstr (g_file_peek_path (file), ==, expected);

  /* Loading writes nothing. */
  g_assert_false (study_file_exists ("example.json"));
}

static void
test_grades (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Changes changes = { 0, ids };
  guint detailed = 0;
  guint dirty_notified = 0;

  clean_state ();
  progress = rubric_test_load_progress ("example");
  g_signal_connect (progress, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_signal_connect (progress, "changed::http.status", G_CALLBACK (count_cb), &detailed);
  g_signal_connect (progress, "notify::dirty", G_CALLBACK (count_notify_cb), &dirty_notified);

  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "http.main");
  g_assert_cmpuint (detailed, ==, 0);
  g_assert_true (rubric_study_progress_get_dirty (progress));
  g_assert_cmpuint (dirty_notified, ==, 1);
  g_assert_nonnull (rubric_study_progress_get_updated (progress));

  /* The same grade again is no change. */
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpuint (changes.count, ==, 1);

  /* The detail is the question id. */
  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpuint (detailed, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "http.status");
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.status"), ==, RUBRIC_STUDY_GRADE_REVIEW);

  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpuint (detailed, ==, 2);

  /* NONE forgets. */
  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_NONE);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.status"), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_cmpuint (detailed, ==, 3);
  g_assert_cmpuint (changes.count, ==, 4);

  /* Still dirty: notified once. */
  g_assert_cmpuint (dirty_notified, ==, 1);
}

static void
test_persist (void)
{
  g_autoptr(RubricKit) kit = minimal_kit ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  JsonObject *root;
  JsonObject *grades;
  guint dirty_notified = 0;

  clean_state ();
  progress = rubric_test_load_progress ("example");
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW);
  /* A question the kit does not have (any more): kept all the same. */
  rubric_study_progress_set_grade (progress, "http.gone", RUBRIC_STUDY_GRADE_REVIEW);
  g_signal_connect (progress, "notify::dirty", G_CALLBACK (count_notify_cb), &dirty_notified);

  /* The folder does not exist yet: saving makes it. */
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  g_assert_false (rubric_study_progress_get_dirty (progress));
  g_assert_cmpuint (dirty_notified, ==, 1);

  text = read_study_file ("example.json");
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "rubric-study");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "kit"), ==, "example");
  grades = json_object_get_object_member (root, "grades");
  g_assert_cmpuint (json_object_get_size (grades), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (grades, "http.main"), ==, "knew");
  g_assert_cmpstr (json_object_get_string_member (grades, "http.status"), ==, "review");
  g_assert_cmpstr (json_object_get_string_member (grades, "http.gone"), ==, "review");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (root, "updated"), "Z"));
  updated = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "updated"), NULL);
  g_assert_nonnull (updated);
  g_assert_true (g_date_time_equal (updated, rubric_study_progress_get_updated (progress)));

  /* A fresh load has it all. */
  again = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (again), ==, 0);
  g_assert_false (rubric_study_progress_get_dirty (again));
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.main"), ==, RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.status"), ==, RUBRIC_STUDY_GRADE_REVIEW);
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.gone"), ==, RUBRIC_STUDY_GRADE_REVIEW);
  g_assert_true (g_date_time_equal (updated, rubric_study_progress_get_updated (again)));

  /* The unknown question does not count. */
  {
    guint knew = 99, review = 99, ungraded = 99;

    rubric_study_progress_count (again, kit, &knew, &review, &ungraded);
    g_assert_cmpuint (knew, ==, 1);
    g_assert_cmpuint (review, ==, 1);
    g_assert_cmpuint (ungraded, ==, 0);
  }

  /* Saved again unchanged, the bytes are the same. */
  g_assert_true (save_progress (again, &error));
  g_assert_no_error (error);
  text_again = read_study_file ("example.json");
  g_assert_cmpstr (text_again, ==, text);
}

static void
test_unknown_members (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  clean_state ();
  write_study_file ("example.json",
                    "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\",\n"
                    " \"grades\": {\"http.main\": \"knew\"}, \"streak\": {\"days\": 3}}");
  progress = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (progress), ==, 0);
  /* No "updated" is fine. */
  g_assert_null (rubric_study_progress_get_updated (progress));

  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);

  text = read_study_file ("example.json");
  g_assert_nonnull (strstr (text, "\"streak\""));
  g_assert_nonnull (strstr (text, "\"days\" : 3"));
  g_assert_nonnull (strstr (text, "\"updated\""));
}

static void
test_reset (void)
{
  g_autoptr(RubricKit) kit = minimal_kit ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Changes changes = { 0, ids };
  g_autoptr(GError) error = NULL;
  guint detailed = 0;
  guint knew, review, ungraded;

  clean_state ();
  progress = rubric_test_load_progress ("example");
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW);
  rubric_study_progress_set_grade (progress, "http.gone", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  g_assert_false (rubric_study_progress_get_dirty (progress));

  g_signal_connect (progress, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_signal_connect (progress, "changed::http.status", G_CALLBACK (count_cb), &detailed);
  rubric_study_progress_reset (progress);

  /* One change a graded question, each with its detail. */
  g_assert_cmpuint (changes.count, ==, 3);
  g_assert_cmpuint (detailed, ==, 1);
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "http.main", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "http.status", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "http.gone", g_str_equal, NULL));
  g_assert_true (rubric_study_progress_get_dirty (progress));

  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.gone"), ==, RUBRIC_STUDY_GRADE_NONE);
  rubric_study_progress_count (progress, kit, &knew, &review, &ungraded);
  g_assert_cmpuint (knew, ==, 0);
  g_assert_cmpuint (review, ==, 0);
  g_assert_cmpuint (ungraded, ==, 2);

  /* Nothing to reset: no change. */
  rubric_study_progress_reset (progress);
  g_assert_cmpuint (changes.count, ==, 3);

  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  again = rubric_test_load_progress ("example");
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.main"), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.gone"), ==, RUBRIC_STUDY_GRADE_NONE);
}

static void
test_counts (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  GListModel *topics = rubric_kit_get_topics (kit);
  g_autoptr(RubricTopic) first = g_list_model_get_item (topics, 0);
  g_autoptr(RubricTopic) second = g_list_model_get_item (topics, 1);
  GListModel *first_questions = rubric_topic_get_questions (first);
  GListModel *second_questions = rubric_topic_get_questions (second);
  guint n_questions = rubric_kit_get_n_questions (kit);
  guint n_first = g_list_model_get_n_items (first_questions);
  guint n_second = g_list_model_get_n_items (second_questions);
  guint knew = 99, review = 99, ungraded = 99;

  g_assert_cmpuint (n_first, >=, 2);
  g_assert_cmpuint (n_second, >=, 2);

  clean_state ();
  progress = rubric_test_load_progress ("django-senior");

  rubric_study_progress_count (progress, kit, &knew, &review, &ungraded);
  g_assert_cmpuint (knew, ==, 0);
  g_assert_cmpuint (review, ==, 0);
  g_assert_cmpuint (ungraded, ==, n_questions);

  /* The first topic: all known. The second: one to review, one known. */
  for (guint i = 0; i < n_first; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (first_questions, i);

      rubric_study_progress_set_grade (progress, rubric_question_get_id (question), RUBRIC_STUDY_GRADE_KNEW);
    }
  {
    g_autoptr(RubricQuestion) q0 = g_list_model_get_item (second_questions, 0);
    g_autoptr(RubricQuestion) q1 = g_list_model_get_item (second_questions, 1);

    rubric_study_progress_set_grade (progress, rubric_question_get_id (q0), RUBRIC_STUDY_GRADE_REVIEW);
    rubric_study_progress_set_grade (progress, rubric_question_get_id (q1), RUBRIC_STUDY_GRADE_KNEW);
  }
  /* Grades of other kits' questions do not count. */
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);

  rubric_study_progress_count (progress, kit, &knew, &review, &ungraded);
  g_assert_cmpuint (knew, ==, n_first + 1);
  g_assert_cmpuint (review, ==, 1);
  g_assert_cmpuint (ungraded, ==, n_questions - n_first - 2);

  /* Every out argument is optional. */
  knew = 99;
  rubric_study_progress_count (progress, kit, &knew, NULL, NULL);
  g_assert_cmpuint (knew, ==, n_first + 1);

  rubric_study_progress_count_topic (progress, first, &knew, &review, &ungraded);
  g_assert_cmpuint (knew, ==, n_first);
  g_assert_cmpuint (review, ==, 0);
  g_assert_cmpuint (ungraded, ==, 0);

  rubric_study_progress_count_topic (progress, second, &knew, &review, &ungraded);
  g_assert_cmpuint (knew, ==, 1);
  g_assert_cmpuint (review, ==, 1);
  g_assert_cmpuint (ungraded, ==, n_second - 2);

  /* The sum over the topics is the kit's count. */
  {
    guint sum_knew = 0, sum_review = 0, sum_ungraded = 0;

    for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
      {
        g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

        rubric_study_progress_count_topic (progress, topic, &knew, &review, &ungraded);
        sum_knew += knew;
        sum_review += review;
        sum_ungraded += ungraded;
      }
    g_assert_cmpuint (sum_knew, ==, n_first + 1);
    g_assert_cmpuint (sum_review, ==, 1);
    g_assert_cmpuint (sum_ungraded, ==, n_questions - n_first - 2);
  }
}

static void
test_review_order (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) review = NULL;
  GListModel *topics = rubric_kit_get_topics (kit);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        g_ptr_array_add (all, g_list_model_get_item (questions, j));
    }
  g_assert_cmpuint (all->len, ==, rubric_kit_get_n_questions (kit));

  clean_state ();
  progress = rubric_test_load_progress ("django-senior");

  review = rubric_study_progress_list_review (progress, kit);
  g_assert_cmpuint (review->len, ==, 0);
  g_clear_pointer (&review, g_ptr_array_unref);

  /* Marked from the last question to the first, every third one (and
   * one known in between, which is not listed). */
  for (guint k = all->len; k > 0; k--)
    {
      RubricQuestion *question = g_ptr_array_index (all, k - 1);

      if ((k - 1) % 3 == 0)
        rubric_study_progress_set_grade (progress, rubric_question_get_id (question), RUBRIC_STUDY_GRADE_REVIEW);
      else if ((k - 1) % 3 == 1)
        rubric_study_progress_set_grade (progress, rubric_question_get_id (question), RUBRIC_STUDY_GRADE_KNEW);
    }
  for (guint k = 0; k < all->len; k += 3)
    g_ptr_array_add (expected, g_ptr_array_index (all, k));

  review = rubric_study_progress_list_review (progress, kit);
  g_assert_cmpuint (review->len, ==, expected->len);
  for (guint k = 0; k < review->len; k++)
    g_assert_true (g_ptr_array_index (review, k) == g_ptr_array_index (expected, k));
}

static void
test_corrupt_file (void)
{
  static const char garbage[] = "{\"format\": \"rubric-study\", \"version\": 1,\n  \"grades\": {";
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_path = study_path ("example.json.corrupt");
  const char *warning;

  clean_state ();
  write_study_file ("example.json", garbage);

  progress = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (progress), ==, 1);
  warning = rubric_study_progress_get_warnings (progress)[0];
  /* The warning names where the file went and what is wrong with it. */
  g_assert_nonnull (strstr (warning, kept_path));
  g_assert_nonnull (strstr (warning, "(2:"));
  g_assert_false (rubric_study_progress_get_read_only (progress));
  g_assert_false (rubric_study_progress_get_dirty (progress));
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_NONE);

  /* Kept aside, byte for byte; its old place is free. */
  g_assert_false (study_file_exists ("example.json"));
  kept = read_study_file ("example.json.corrupt");
  g_assert_cmpstr (kept, ==, garbage);

  /* Saving does not touch it. */
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  kept = read_study_file ("example.json.corrupt");
  g_assert_cmpstr (kept, ==, garbage);

  again = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (again), ==, 0);
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.main"), ==, RUBRIC_STUDY_GRADE_KNEW);
}

static void
test_corrupt_twice (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *second_path = study_path ("example.json.corrupt.2");

  clean_state ();
  write_study_file ("example.json", "not json");
  progress = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (progress), ==, 1);

  /* A second damaged file does not replace the first one kept. */
  write_study_file ("example.json", "[]");
  again = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (again), ==, 1);
  g_assert_nonnull (strstr (rubric_study_progress_get_warnings (again)[0], second_path));
  g_assert_nonnull (strstr (rubric_study_progress_get_warnings (again)[0], "($: "));

  first = read_study_file ("example.json.corrupt");
  second = read_study_file ("example.json.corrupt.2");
  g_assert_cmpstr (first, ==, "not json");
  g_assert_cmpstr (second, ==, "[]");
}

static void
test_corrupt_cannot_move (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = study_path (NULL);
  g_autofree char *text = NULL;

  clean_state ();
  write_study_file ("example.json", "not json");
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  if (g_access (folder, W_OK) == 0)
    {
      /* Root writes anywhere: nothing to test. */
      g_chmod (folder, 0700);
      g_test_skip ("the folder stays writable (running as root?)");
      return;
    }

  /* The file cannot be moved aside: the progress is shown empty, and
   * never saved over the file. */
  progress = rubric_test_load_progress ("example");
  g_chmod (folder, 0700);
  g_assert_cmpuint (n_warnings (progress), ==, 1);
  g_assert_true (rubric_study_progress_get_read_only (progress));

  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_false (save_progress (progress, &error));
  g_assert_error (error, RUBRIC_STUDY_ERROR, RUBRIC_STUDY_ERROR_READ_ONLY);
  text = read_study_file ("example.json");
  g_assert_cmpstr (text, ==, "not json");
}

typedef struct
{
  const char *name;
  const char *text;
  const char *problem;    /* in the warning */
} InvalidFile;

static const InvalidFile invalid_files[] = {
  { "format", "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": \"example\", \"grades\": {}}", "$.format: " },
  { "no-version", "{\"format\": \"rubric-study\", \"kit\": \"example\", \"grades\": {}}", "$: The member “version” is missing" },
  { "other-kit", "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"other\", \"grades\": {}}", "$.kit: " },
  { "no-grades", "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\"}", "$: The member “grades” is missing" },
  { "grade", "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\", \"grades\": {\"http.main\": \"maybe\"}}",
    "$.grades[\"http.main\"]: " },
  { "grade-type", "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\", \"grades\": {\"http.main\": 1}}",
    "$.grades[\"http.main\"]: " },
  { "updated", "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\", \"grades\": {}, \"updated\": \"yesterday\"}",
    "$.updated: " },
  { "not-utf8", "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"\xff\"}", "1:" },
};

static void
test_invalid_file (gconstpointer data)
{
  const InvalidFile *invalid = data;
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autofree char *kept = NULL;

  clean_state ();
  write_study_file ("example.json", invalid->text);
  progress = rubric_test_load_progress ("example");

  g_assert_cmpuint (n_warnings (progress), ==, 1);
  if (strstr (rubric_study_progress_get_warnings (progress)[0], invalid->problem) == NULL)
    g_error ("“%s” does not name “%s”", rubric_study_progress_get_warnings (progress)[0], invalid->problem);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_false (study_file_exists ("example.json"));
  kept = read_study_file ("example.json.corrupt");
  g_assert_cmpstr (kept, ==, invalid->text);
}

static void
test_newer_version (void)
{
  static const char newer[] =
    "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\",\n"
    " \"grades\": {\"http.main\": \"knew\", \"http.status\": \"half\"}}";
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  clean_state ();
  write_study_file ("example.json", newer);
  progress = rubric_test_load_progress ("example");

  /* Shown as far as understood, never saved over, never moved aside. */
  g_assert_true (rubric_study_progress_get_read_only (progress));
  g_assert_cmpuint (n_warnings (progress), ==, 1);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.status"), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_false (study_file_exists ("example.json.corrupt"));

  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW);
  g_assert_false (save_progress (progress, &error));
  g_assert_error (error, RUBRIC_STUDY_ERROR, RUBRIC_STUDY_ERROR_READ_ONLY);

  text = read_study_file ("example.json");
  g_assert_cmpstr (text, ==, newer);
}

static void
test_unreadable (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = study_path ("example.json");
  RubricStudyProgress *progress;

  /* A folder where the file should be is not a damaged file: an error,
   * and nothing is moved. */
  clean_state ();
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  rubric_study_progress_load_async ("example", NULL, rubric_test_store_result_cb, &result);
  progress = rubric_study_progress_load_finish (rubric_test_wait_for (&result), &error);
  g_assert_null (progress);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_false (study_file_exists ("example.json.corrupt"));
}

static void
test_saves_in_order (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  clean_state ();
  progress = rubric_test_load_progress ("example");

  /* Two saves in flight at once: the second writes what the progress
   * holds after the first, and both complete. */
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  rubric_study_progress_save_async (progress, NULL, rubric_test_store_result_cb, &first);
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_REVIEW);
  rubric_study_progress_save_async (progress, NULL, rubric_test_store_result_cb, &second);

  g_assert_true (rubric_study_progress_save_finish (progress, rubric_test_wait_for (&first), &error));
  g_assert_no_error (error);
  g_assert_true (rubric_study_progress_save_finish (progress, rubric_test_wait_for (&second), &error));
  g_assert_no_error (error);
  g_assert_false (rubric_study_progress_get_dirty (progress));

  again = rubric_test_load_progress ("example");
  g_assert_cmpint (rubric_study_progress_get_grade (again, "http.main"), ==, RUBRIC_STUDY_GRADE_REVIEW);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the user's folders. */
  state_home = g_dir_make_tmp ("rubric-test-study-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_home, TRUE);
  g_setenv ("XDG_DATA_HOME", state_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study/missing-file", test_missing_file);
  g_test_add_func ("/study/grades", test_grades);
  g_test_add_func ("/study/persist", test_persist);
  g_test_add_func ("/study/unknown-members", test_unknown_members);
  g_test_add_func ("/study/reset", test_reset);
  g_test_add_func ("/study/counts", test_counts);
  g_test_add_func ("/study/review-order", test_review_order);
  g_test_add_func ("/study/corrupt", test_corrupt_file);
  g_test_add_func ("/study/corrupt-twice", test_corrupt_twice);
  g_test_add_func ("/study/corrupt-cannot-move", test_corrupt_cannot_move);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/study/invalid/%s", invalid_files[i].name);

      g_test_add_data_func (path, &invalid_files[i], test_invalid_file);
    }
  g_test_add_func ("/study/newer-version", test_newer_version);
  g_test_add_func ("/study/unreadable", test_unreadable);
  g_test_add_func ("/study/saves-in-order", test_saves_in_order);

  status = g_test_run ();

  rubric_test_remove_tree (state_home);
  g_free (state_home);

  return status;
}
