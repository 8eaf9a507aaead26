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

/* The shipped kit's first two topics, for counting. */
typedef struct
{
  RubricKit *kit;
  RubricTopic *first;
  RubricTopic *second;
  guint n_questions;
  guint n_first;
  guint n_second;
} TwoTopics;

static TwoTopics
two_topics (void)
{
  TwoTopics t = { shipped_kit (), NULL, NULL, 0, 0, 0 };
  GListModel *topics = rubric_kit_get_topics (t.kit);

  t.first = g_list_model_get_item (topics, 0);
  t.second = g_list_model_get_item (topics, 1);
  t.n_questions = rubric_kit_get_n_questions (t.kit);
  t.n_first = g_list_model_get_n_items (rubric_topic_get_questions (t.first));
  t.n_second = g_list_model_get_n_items (rubric_topic_get_questions (t.second));
  return t;
}

static void
two_topics_clear (TwoTopics *t)
{
  g_clear_object (&t->first);
  g_clear_object (&t->second);
  g_clear_object (&t->kit);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TwoTopics, two_topics_clear)

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

static GDateTime *
date_time (const char *iso8601)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

/* The question's state is exactly this. */
static void
assert_state (RubricStudyProgress *progress,
              const char          *question_id,
              RubricStudyGrade     grade,
              guint                repetitions,
              double               ease,
              guint                interval,
              const char          *due)
{
  RubricStudyState state;

  g_assert_true (rubric_study_progress_get_state (progress, question_id, &state));
  g_assert_cmpint (state.grade, ==, grade);
  g_assert_cmpuint (state.repetitions, ==, repetitions);
  g_assert_cmpfloat_with_epsilon (state.ease, ease, 1e-9);
  g_assert_cmpuint (state.interval, ==, interval);
  g_assert_cmpstr (state.due, ==, due);
}

static char *
progress_text (RubricStudyProgress *progress)
{
  g_autoptr(GBytes) bytes = rubric_study_progress_to_bytes (progress);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
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
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "kit"), ==, "example");
  grades = json_object_get_object_member (root, "grades");
  g_assert_cmpuint (json_object_get_size (grades), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grades, "http.main"), "grade"), ==, "knew");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grades, "http.status"), "grade"), ==, "review");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grades, "http.gone"), "grade"), ==, "review");
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
  g_auto(TwoTopics) t = two_topics ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  RubricKit *kit = t.kit;
  GListModel *topics = rubric_kit_get_topics (kit);
  RubricTopic *first = t.first, *second = t.second;
  GListModel *first_questions = rubric_topic_get_questions (first);
  GListModel *second_questions = rubric_topic_get_questions (second);
  guint n_questions = t.n_questions, n_first = t.n_first, n_second = t.n_second;
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
test_due_order (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GDateTime) now = NULL;
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
  now = date_time ("2026-03-01T10:00:00Z");

  review = rubric_study_progress_list_due (progress, kit, now);
  g_assert_cmpuint (review->len, ==, 0);
  g_clear_pointer (&review, g_ptr_array_unref);

  /* Marked from the last question to the first, every third one (and
   * one known in between, which is not listed). */
  for (guint k = all->len; k > 0; k--)
    {
      RubricQuestion *question = g_ptr_array_index (all, k - 1);

      if ((k - 1) % 3 == 0)
        rubric_study_progress_grade (progress, rubric_question_get_id (question), RUBRIC_STUDY_GRADE_REVIEW, now);
      else if ((k - 1) % 3 == 1)
        rubric_study_progress_grade (progress, rubric_question_get_id (question), RUBRIC_STUDY_GRADE_KNEW, now);
    }
  for (guint k = 0; k < all->len; k += 3)
    g_ptr_array_add (expected, g_ptr_array_index (all, k));

  /* Due today: the ones to review; the known ones come back tomorrow. */
  review = rubric_study_progress_list_due (progress, kit, now);
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
  { "v2-grade-string", "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\", \"grades\": {\"http.main\": \"knew\"}}",
    "$.grades[\"http.main\"]: " },
  { "v2-no-due", "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\", \"grades\": {\"http.main\": "
    "{\"grade\": \"knew\", \"repetitions\": 1, \"ease\": 2.5, \"interval\": 1}}}",
    "$.grades[\"http.main\"]: The member “due” is missing" },
  { "v2-due", "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\", \"grades\": {\"http.main\": "
    "{\"grade\": \"knew\", \"repetitions\": 1, \"ease\": 2.5, \"interval\": 1, \"due\": \"2026-02-30\"}}}",
    "$.grades[\"http.main\"].due: " },
  { "v2-ease", "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\", \"grades\": {\"http.main\": "
    "{\"grade\": \"knew\", \"repetitions\": 1, \"ease\": 1.2, \"interval\": 1, \"due\": \"2026-02-03\"}}}",
    "$.grades[\"http.main\"].ease: " },
  { "v2-grade", "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\", \"grades\": {\"http.main\": "
    "{\"grade\": \"maybe\", \"repetitions\": 1, \"ease\": 2.5, \"interval\": 1, \"due\": \"2026-02-03\"}}}",
    "$.grades[\"http.main\"].grade: " },
  { "v2-reviewed", "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\", \"grades\": {\"http.main\": "
    "{\"grade\": \"knew\", \"repetitions\": 1, \"ease\": 2.5, \"interval\": 1, \"due\": \"2026-02-03\", \"reviewed\": \"today\"}}}",
    "$.grades[\"http.main\"].reviewed: " },
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
    "{\"format\": \"rubric-study\", \"version\": 3, \"kit\": \"example\",\n"
    " \"grades\": {\"http.main\": {\"grade\": \"knew\", \"repetitions\": 1, \"ease\": 2.5,\n"
    "                \"interval\": 1, \"due\": \"2026-12-07\", \"confidence\": 0.9},\n"
    "              \"http.status\": \"half\"}}";
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

/* SM-2 by hand: 1 day, 6 days, then interval × ease rounded up; “Review
 * Again” starts over, due the same day, with the ease 0.2 lower. */
typedef struct
{
  const char *when;
  RubricStudyGrade grade;
  guint repetitions;
  double ease;
  guint interval;
  const char *due;
} Step;

static const Step sm2_steps[] = {
  { "2026-03-01T10:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   1, 2.5, 1,  "2026-03-02" },
  { "2026-03-02T08:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   2, 2.5, 6,  "2026-03-08" },
  { "2026-03-08T21:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   3, 2.5, 15, "2026-03-23" },   /* 6 × 2.5 */
  { "2026-03-23T07:00:00Z", RUBRIC_STUDY_GRADE_REVIEW, 0, 2.3, 0,  "2026-03-23" },
  /* The same grade again that day changes nothing. */
  { "2026-03-23T07:05:00Z", RUBRIC_STUDY_GRADE_REVIEW, 0, 2.3, 0,  "2026-03-23" },
  { "2026-03-23T07:10:00Z", RUBRIC_STUDY_GRADE_KNEW,   1, 2.3, 1,  "2026-03-24" },
  { "2026-03-24T09:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   2, 2.3, 6,  "2026-03-30" },
  { "2026-03-30T09:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   3, 2.3, 14, "2026-04-13" },   /* ⌈13.8⌉ */
  { "2026-04-13T09:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   4, 2.3, 33, "2026-05-16" },   /* ⌈32.2⌉ */
  /* Late is fine: the interval counts from the day of the review. */
  { "2026-06-01T09:00:00Z", RUBRIC_STUDY_GRADE_KNEW,   5, 2.3, 76, "2026-08-16" },   /* ⌈75.9⌉ */
};

static void
test_sm2 (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Changes changes = { 0, ids };
  guint expected_changes = 0;
  RubricStudyState state;

  clean_state ();
  progress = rubric_test_load_progress ("example");
  g_signal_connect (progress, "changed", G_CALLBACK (on_changed_cb), &changes);
  g_assert_false (rubric_study_progress_get_state (progress, "http.main", &state));

  for (guint i = 0; i < G_N_ELEMENTS (sm2_steps); i++)
    {
      const Step *step = &sm2_steps[i];
      g_autoptr(GDateTime) now = date_time (step->when);
      RubricStudyState before;
      gboolean had = rubric_study_progress_get_state (progress, "http.main", &before);
      gboolean same = had && before.grade == step->grade && before.reviewed != NULL &&
                      strncmp (step->when, sm2_steps[i - 1].when, 10) == 0;

      rubric_study_progress_grade (progress, "http.main", step->grade, now);
      if (!same)
        expected_changes++;
      g_assert_cmpuint (changes.count, ==, expected_changes);
      assert_state (progress, "http.main", step->grade, step->repetitions, step->ease,
                    step->interval, step->due);
      g_assert_true (rubric_study_progress_get_state (progress, "http.main", &state));
      if (!same)
        {
          g_assert_true (g_date_time_equal (state.reviewed, now));
          g_assert_true (g_date_time_equal (rubric_study_progress_get_updated (progress), now));
        }
      /* Graded today: shown as graded, and due only when it starts over. */
      g_assert_cmpint (rubric_study_progress_get_grade_today (progress, "http.main", now), ==, step->grade);
      g_assert_cmpint (rubric_study_progress_is_due (progress, "http.main", now), ==,
                       step->grade == RUBRIC_STUDY_GRADE_REVIEW);
    }

  /* On the due date, and after, it is due, and today's grade is none. */
  {
    g_autoptr(GDateTime) before = date_time ("2026-08-15T23:59:59Z");
    g_autoptr(GDateTime) on = date_time ("2026-08-16T00:00:00Z");
    g_autoptr(GDateTime) after = date_time ("2027-01-01T12:00:00Z");

    g_assert_false (rubric_study_progress_is_due (progress, "http.main", before));
    g_assert_true (rubric_study_progress_is_due (progress, "http.main", on));
    g_assert_true (rubric_study_progress_is_due (progress, "http.main", after));
    g_assert_cmpint (rubric_study_progress_get_grade_today (progress, "http.main", on), ==, RUBRIC_STUDY_GRADE_NONE);
    g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_KNEW);
    /* A new question is never due. */
    g_assert_false (rubric_study_progress_is_due (progress, "http.status", after));
  }

  /* NONE forgets it: new again. */
  {
    g_autoptr(GDateTime) now = date_time ("2026-08-16T10:00:00Z");

    rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_NONE, now);
    g_assert_false (rubric_study_progress_get_state (progress, "http.main", &state));
    g_assert_cmpuint (changes.count, ==, expected_changes + 1);
  }
}

/* The ease goes down 0.2 for each “Review Again”, to 1.3 and no lower; the
 * intervals grow by it all the same. */
static void
test_sm2_ease_floor (void)
{
  static const double eases[] = { 2.3, 2.1, 1.9, 1.7, 1.5, 1.3, 1.3, 1.3 };
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GDateTime) start = date_time ("2026-01-01T12:00:00Z");

  clean_state ();
  progress = rubric_test_load_progress ("example");
  for (guint i = 0; i < G_N_ELEMENTS (eases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_days (start, i);
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_REVIEW, now);
      assert_state (progress, "http.main", RUBRIC_STUDY_GRADE_REVIEW, 0, eases[i], 0, today);
    }

  /* At 1.3, from 2026-01-08: 1, 6, ⌈7.8⌉ = 8, ⌈10.4⌉ = 11 days. */
  {
    static const Step steps[] = {
      { "2026-01-08T13:00:00Z", RUBRIC_STUDY_GRADE_KNEW, 1, 1.3, 1,  "2026-01-09" },
      { "2026-01-09T13:00:00Z", RUBRIC_STUDY_GRADE_KNEW, 2, 1.3, 6,  "2026-01-15" },
      { "2026-01-15T13:00:00Z", RUBRIC_STUDY_GRADE_KNEW, 3, 1.3, 8,  "2026-01-23" },
      { "2026-01-23T13:00:00Z", RUBRIC_STUDY_GRADE_KNEW, 4, 1.3, 11, "2026-02-03" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autoptr(GDateTime) now = date_time (steps[i].when);

        rubric_study_progress_grade (progress, "http.main", steps[i].grade, now);
        assert_state (progress, "http.main", steps[i].grade, steps[i].repetitions, steps[i].ease,
                      steps[i].interval, steps[i].due);
      }
  }
}

/* The due date is the learner's local date, not UTC's. */
static void
test_sm2_local_date (void)
{
  g_autoptr(RubricStudyProgress) progress = NULL;
  /* 22:30 UTC on the 1st, but 00:30 on the 2nd in Helsinki (+02:00). */
  g_autoptr(GDateTime) late = date_time ("2026-03-02T00:30:00+02:00");
  /* 23:30 on the 1st in New York (-05:00), 04:30 on the 2nd in UTC. */
  g_autoptr(GDateTime) early = date_time ("2026-03-01T23:30:00-05:00");
  g_autoptr(GDateTime) next_morning = date_time ("2026-03-02T08:00:00-05:00");
  RubricStudyState state;

  clean_state ();
  progress = rubric_test_load_progress ("example");
  rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, late);
  assert_state (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-03-03");
  g_assert_true (rubric_study_progress_get_state (progress, "http.main", &state));
  /* Kept in UTC. */
  g_assert_cmpint (g_date_time_get_hour (state.reviewed), ==, 22);
  g_assert_cmpint (g_date_time_get_utc_offset (state.reviewed), ==, 0);

  rubric_study_progress_grade (progress, "http.status", RUBRIC_STUDY_GRADE_KNEW, early);
  assert_state (progress, "http.status", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-03-02");
  /* That evening it was graded today; the next morning it is due and not
   * graded today. */
  g_assert_cmpint (rubric_study_progress_get_grade_today (progress, "http.status", early), ==, RUBRIC_STUDY_GRADE_KNEW);
  g_assert_cmpint (rubric_study_progress_get_grade_today (progress, "http.status", next_morning), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_true (rubric_study_progress_is_due (progress, "http.status", next_morning));
}

/* A version 1 file: "knew" is one repetition, due the day after the
 * file's "updated"; "review" is due today; the rest is kept. */
static void
test_migrate_v1 (void)
{
  g_autoptr(RubricKit) kit = minimal_kit ();
  g_autoptr(GBytes) bytes = read_test_file ("data/study/v1.json");
  g_autoptr(GDateTime) now = date_time ("2026-12-06T09:00:00Z");
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  RubricStudyState state;
  guint due = 99, fresh = 99, later = 99;

  progress = rubric_study_progress_new_from_bytes ("example", bytes, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_warnings (progress), ==, 0);
  g_assert_false (rubric_study_progress_get_read_only (progress));
  g_assert_false (rubric_study_progress_get_dirty (progress));

  assert_state (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-11-28");
  assert_state (progress, "http.gone", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-11-28");
  assert_state (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW, 0, 2.5, 0, "2026-12-06");
  g_assert_true (rubric_study_progress_get_state (progress, "http.main", &state));
  g_assert_null (state.reviewed);

  /* Both of the kit's questions are due; the unknown one does not count. */
  rubric_study_progress_count_due (progress, kit, now, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, 2);
  g_assert_cmpuint (fresh, ==, 0);
  g_assert_cmpuint (later, ==, 0);

  /* Written as version 2, the unknown member kept. */
  text = progress_text (progress);
  g_assert_nonnull (strstr (text, "\"version\" : 2"));
  g_assert_nonnull (strstr (text, "\"streak\""));
  g_assert_nonnull (strstr (text, "\"updated\" : \"2026-11-27T18:04:51Z\""));
  g_assert_null (strstr (text, "\"reviewed\""));

  /* Read back as version 2 on another day: the same, and the same bytes. */
  {
    g_autoptr(GBytes) saved = g_bytes_new (text, strlen (text));
    g_autoptr(GDateTime) later_day = date_time ("2027-02-01T09:00:00Z");

    again = rubric_study_progress_new_from_bytes ("example", saved, later_day, &error);
    g_assert_no_error (error);
    assert_state (again, "http.main", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-11-28");
    assert_state (again, "http.status", RUBRIC_STUDY_GRADE_REVIEW, 0, 2.5, 0, "2026-12-06");
    text_again = progress_text (again);
    g_assert_cmpstr (text_again, ==, text);
  }
}

/* Without "updated", a version 1 "knew" is due today; the date is the
 * local one of the time of reading. */
static void
test_migrate_v1_dates (void)
{
  static const char no_updated[] =
    "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\",\n"
    " \"grades\": {\"http.main\": \"knew\", \"http.status\": \"review\"}}";
  static const char late_updated[] =
    "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"example\",\n"
    " \"grades\": {\"http.main\": \"knew\"}, \"updated\": \"2026-11-27T23:30:00Z\"}";
  g_autoptr(GBytes) bytes1 = g_bytes_new_static (no_updated, strlen (no_updated));
  g_autoptr(GBytes) bytes2 = g_bytes_new_static (late_updated, strlen (late_updated));
  g_autoptr(GDateTime) now = date_time ("2026-12-06T01:00:00+02:00");
  g_autoptr(RubricStudyProgress) progress1 = NULL;
  g_autoptr(RubricStudyProgress) progress2 = NULL;
  g_autoptr(GError) error = NULL;

  progress1 = rubric_study_progress_new_from_bytes ("example", bytes1, now, &error);
  g_assert_no_error (error);
  assert_state (progress1, "http.main", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-12-06");
  assert_state (progress1, "http.status", RUBRIC_STUDY_GRADE_REVIEW, 0, 2.5, 0, "2026-12-06");

  /* 23:30 UTC on the 27th was the 28th at +02:00: due the 29th. */
  progress2 = rubric_study_progress_new_from_bytes ("example", bytes2, now, &error);
  g_assert_no_error (error);
  assert_state (progress2, "http.main", RUBRIC_STUDY_GRADE_KNEW, 1, 2.5, 1, "2026-11-29");
}

/* Through the file: a version 1 file loads, and saves as version 2. */
static void
test_migrate_v1_file (void)
{
  g_autoptr(GBytes) bytes = read_test_file ("data/study/v1.json");
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudyProgress) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RubricStudyState state, state_again;

  clean_state ();
  write_study_file ("example.json", g_bytes_get_data (bytes, NULL));
  progress = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (progress), ==, 0);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.status"), ==, RUBRIC_STUDY_GRADE_REVIEW);
  g_assert_true (rubric_study_progress_get_state (progress, "http.main", &state));
  g_assert_cmpstr (state.due, ==, "2026-11-28");

  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_KNEW);
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  text = read_study_file ("example.json");
  g_assert_nonnull (strstr (text, "\"version\" : 2"));
  g_assert_nonnull (strstr (text, "\"streak\""));

  again = rubric_test_load_progress ("example");
  g_assert_cmpuint (n_warnings (again), ==, 0);
  g_assert_true (rubric_study_progress_get_state (again, "http.status", &state_again));
  g_assert_true (rubric_study_progress_get_state (progress, "http.status", &state));
  g_assert_cmpstr (state_again.due, ==, state.due);
  g_assert_cmpuint (state_again.repetitions, ==, 1);
  g_assert_true (g_date_time_equal (state_again.reviewed, state.reviewed));
}

/* Unknown members of a question are kept too. */
static void
test_v2_unknown_members (void)
{
  static const char v2[] =
    "{\"format\": \"rubric-study\", \"version\": 2, \"kit\": \"example\",\n"
    " \"grades\": {\"http.main\": {\"grade\": \"knew\", \"repetitions\": 3, \"ease\": 2.1, \"interval\": 13,\n"
    "                            \"due\": \"2026-12-19\", \"reviewed\": \"2026-12-06T09:00:00Z\", \"hint\": [1, 2]}},\n"
    " \"updated\": \"2026-12-06T09:00:00Z\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (v2, strlen (v2));
  g_autoptr(GDateTime) now = date_time ("2026-12-07T09:00:00Z");
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  progress = rubric_study_progress_new_from_bytes ("example", bytes, now, &error);
  g_assert_no_error (error);
  assert_state (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, 3, 2.1, 13, "2026-12-19");
  text = progress_text (progress);
  g_assert_nonnull (strstr (text, "\"hint\""));
  g_assert_nonnull (strstr (text, "\"ease\" : 2.1"));
  g_assert_nonnull (strstr (text, "\"reviewed\" : \"2026-12-06T09:00:00Z\""));

  /* 13 × 2.1 = 27.3: 28 days. */
  rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, now);
  assert_state (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, 4, 2.1, 28, "2027-01-04");
}

/* Due, new and later, for the kit and for each topic. */
static void
test_due_counts (void)
{
  g_auto(TwoTopics) t = two_topics ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(GDateTime) day0 = date_time ("2026-05-04T18:00:00Z");
  g_autoptr(GDateTime) day1 = date_time ("2026-05-05T07:00:00Z");
  g_autoptr(GPtrArray) due_list = NULL;
  RubricKit *kit = t.kit;
  RubricTopic *first = t.first, *second = t.second;
  GListModel *first_questions = rubric_topic_get_questions (first);
  GListModel *second_questions = rubric_topic_get_questions (second);
  guint n_questions = t.n_questions, n_first = t.n_first, n_second = t.n_second;
  g_autoptr(RubricQuestion) q0 = g_list_model_get_item (second_questions, 0);
  g_autoptr(RubricQuestion) q1 = g_list_model_get_item (second_questions, 1);
  guint due = 99, fresh = 99, later = 99;

  g_assert_cmpuint (n_first, >=, 2);
  g_assert_cmpuint (n_second, >=, 2);

  clean_state ();
  progress = rubric_test_load_progress ("django-senior");
  rubric_study_progress_count_due (progress, kit, day0, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, 0);
  g_assert_cmpuint (fresh, ==, n_questions);
  g_assert_cmpuint (later, ==, 0);

  /* Day 0: the first topic known, the second's first to review, its
   * second known. */
  for (guint i = 0; i < n_first; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (first_questions, i);

      rubric_study_progress_grade (progress, rubric_question_get_id (question), RUBRIC_STUDY_GRADE_KNEW, day0);
    }
  rubric_study_progress_grade (progress, rubric_question_get_id (q0), RUBRIC_STUDY_GRADE_REVIEW, day0);
  rubric_study_progress_grade (progress, rubric_question_get_id (q1), RUBRIC_STUDY_GRADE_KNEW, day0);
  /* Other kits' questions do not count. */
  rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_REVIEW, day0);

  rubric_study_progress_count_due (progress, kit, day0, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, 1);
  g_assert_cmpuint (fresh, ==, n_questions - n_first - 2);
  g_assert_cmpuint (later, ==, n_first + 1);
  due_list = rubric_study_progress_list_due (progress, kit, day0);
  g_assert_cmpuint (due_list->len, ==, 1);
  g_assert_true (g_ptr_array_index (due_list, 0) == q0);
  g_clear_pointer (&due_list, g_ptr_array_unref);

  rubric_study_progress_count_due_topic (progress, first, day0, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, 0);
  g_assert_cmpuint (fresh, ==, 0);
  g_assert_cmpuint (later, ==, n_first);
  rubric_study_progress_count_due_topic (progress, second, day0, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, 1);
  g_assert_cmpuint (fresh, ==, n_second - 2);
  g_assert_cmpuint (later, ==, 1);

  /* Day 1: every known one comes due, the one to review still is. */
  rubric_study_progress_count_due (progress, kit, day1, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, n_first + 2);
  g_assert_cmpuint (fresh, ==, n_questions - n_first - 2);
  g_assert_cmpuint (later, ==, 0);
  rubric_study_progress_count_due_topic (progress, second, day1, &due, NULL, NULL);
  g_assert_cmpuint (due, ==, 2);

  /* Knew it on day 1: six days to go. */
  rubric_study_progress_grade (progress, rubric_question_get_id (q1), RUBRIC_STUDY_GRADE_KNEW, day1);
  rubric_study_progress_count_due_topic (progress, second, day1, &due, &fresh, &later);
  g_assert_cmpuint (due, ==, 1);
  g_assert_cmpuint (later, ==, 1);
  due_list = rubric_study_progress_list_due (progress, kit, day1);
  g_assert_cmpuint (due_list->len, ==, n_first + 1);
  g_assert_true (g_ptr_array_index (due_list, n_first) == q0);
}

/* A reset, undone: exactly what was there before, on disk too. */
static void
test_snapshot_restore (void)
{
  g_autoptr(RubricKit) kit = minimal_kit ();
  g_autoptr(RubricStudyProgress) progress = NULL;
  g_autoptr(RubricStudySnapshot) snapshot = NULL;
  g_autoptr(RubricStudySnapshot) empty = NULL;
  g_autoptr(GDateTime) day0 = date_time ("2026-05-04T18:00:00Z");
  g_autoptr(GDateTime) day1 = date_time ("2026-05-05T07:00:00Z");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Changes changes = { 0, ids };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *on_disk = NULL;
  guint due = 99;

  clean_state ();
  progress = rubric_test_load_progress ("example");
  rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, day0);
  rubric_study_progress_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, day1);
  rubric_study_progress_grade (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW, day1);
  rubric_study_progress_grade (progress, "http.gone", RUBRIC_STUDY_GRADE_KNEW, day0);
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  before = progress_text (progress);

  snapshot = rubric_study_progress_snapshot (progress);
  g_signal_connect (progress, "changed", G_CALLBACK (on_changed_cb), &changes);
  rubric_study_progress_reset (progress);
  g_assert_cmpuint (changes.count, ==, 3);
  g_assert_true (rubric_study_progress_get_dirty (progress));
  rubric_study_progress_count_due (progress, kit, day1, &due, NULL, NULL);
  g_assert_cmpuint (due, ==, 0);
  {
    RubricStudyState state;

    g_assert_false (rubric_study_progress_get_state (progress, "http.gone", &state));
  }

  /* Back, to the byte, and every question that changes is announced, in
   * order. */
  rubric_study_progress_restore (progress, snapshot);
  g_assert_cmpuint (changes.count, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (ids, 3), ==, "http.gone");
  g_assert_cmpstr (g_ptr_array_index (ids, 4), ==, "http.main");
  g_assert_cmpstr (g_ptr_array_index (ids, 5), ==, "http.status");
  after = progress_text (progress);
  g_assert_cmpstr (after, ==, before);
  assert_state (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW, 2, 2.5, 6, "2026-05-11");
  rubric_study_progress_count_due (progress, kit, day1, &due, NULL, NULL);
  g_assert_cmpuint (due, ==, 1);

  /* The restored progress is its own: a change to it leaves the snapshot
   * as it was, and the snapshot can be restored again. */
  rubric_study_progress_grade (progress, "http.status", RUBRIC_STUDY_GRADE_KNEW, day1);
  rubric_study_progress_restore (progress, snapshot);
  g_clear_pointer (&after, g_free);
  after = progress_text (progress);
  g_assert_cmpstr (after, ==, before);

  /* Saved after the restore, the file is what it was. */
  g_assert_true (save_progress (progress, &error));
  g_assert_no_error (error);
  on_disk = read_study_file ("example.json");
  g_assert_cmpstr (on_disk, ==, before);

  /* An empty snapshot restores to nothing graded. */
  {
    g_autoptr(RubricStudyProgress) fresh = NULL;

    clean_state ();
    fresh = rubric_test_load_progress ("example");
    empty = rubric_study_progress_snapshot (fresh);
  }
  rubric_study_progress_restore (progress, empty);
  g_assert_cmpint (rubric_study_progress_get_grade (progress, "http.main"), ==, RUBRIC_STUDY_GRADE_NONE);
  g_assert_null (rubric_study_progress_get_updated (progress));
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
  g_test_add_func ("/study/due-order", test_due_order);
  g_test_add_func ("/study/sm2", test_sm2);
  g_test_add_func ("/study/sm2-ease-floor", test_sm2_ease_floor);
  g_test_add_func ("/study/sm2-local-date", test_sm2_local_date);
  g_test_add_func ("/study/migrate-v1", test_migrate_v1);
  g_test_add_func ("/study/migrate-v1-dates", test_migrate_v1_dates);
  g_test_add_func ("/study/migrate-v1-file", test_migrate_v1_file);
  g_test_add_func ("/study/v2-unknown-members", test_v2_unknown_members);
  g_test_add_func ("/study/due-counts", test_due_counts);
  g_test_add_func ("/study/snapshot-restore", test_snapshot_restore);
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
