/* test-topic-row.c — a sidebar topic row on its own: progress and score
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-sidebar.h"
#include "rubric-test-utils.h"
#include "rubric-topic-row.h"

#define row_child(row, name) rubric_test_template_child ((row), RUBRIC_TYPE_TOPIC_ROW, (name))

/* What the row shows: its progress, its score (NULL when hidden), and
 * what a screen reader hears. */
static void
assert_row (RubricTopicRow *row,
            const char     *progress,
            const char     *score,
            const char     *accessible)
{
  GtkLabel *score_label = row_child (row, "score_label");

  g_assert_cmpstr (gtk_label_get_text (row_child (row, "progress_label")), ==, progress);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (score_label)), ==, score != NULL);
  if (score != NULL)
    g_assert_cmpstr (gtk_label_get_text (score_label), ==, score);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
}

static void
rate (RubricSession *session,
      RubricKit     *kit,
      const char    *question_id,
      int            rating)
{
  rubric_answer_set_rating (rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, question_id)),
                            rating);
}

/* The minimal kit's one topic, HTTP, has a main question and a follow-up. */
static void
test_progress_and_score (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricTopic *topic = rubric_kit_lookup_topic (kit, "http");
  RubricTopicRow *row = g_object_ref_sink (RUBRIC_TOPIC_ROW (rubric_topic_row_new (topic, 3)));

  g_assert_true (rubric_topic_row_get_topic (row) == topic);
  g_assert_cmpstr (gtk_label_get_text (row_child (row, "title_label")), ==, "3. HTTP");

  /* Browsing: no interview, only the number of questions. */
  assert_row (row, "2 questions", NULL, "3. HTTP, 2 questions");

  rubric_topic_row_update (row, session);
  assert_row (row, "0 of 2 rated", NULL, "3. HTTP, 0 of 2 rated");

  rate (session, kit, "http.main", 4);
  rubric_topic_row_update (row, session);
  assert_row (row, "1 of 2 rated", "4.0", "3. HTTP, 1 of 2 rated, score 4.0 of 5");

  rate (session, kit, "http.status", 1);
  rubric_topic_row_update (row, session);
  assert_row (row, "2 of 2 rated", "2.5", "3. HTTP, 2 of 2 rated, score 2.5 of 5");

  /* A skipped question counts as skipped, and its rating no longer does. */
  rubric_answer_set_skipped (rubric_session_lookup_answer (session, "http.status"), TRUE);
  rubric_topic_row_update (row, session);
  assert_row (row, "1 of 2 rated, 1 skipped", "4.0", "3. HTTP, 1 of 2 rated, 1 skipped, score 4.0 of 5");

  /* Nothing rated any more: no score, not a score of 0. */
  rate (session, kit, "http.main", RUBRIC_RATING_NONE);
  rubric_topic_row_update (row, session);
  assert_row (row, "0 of 2 rated, 1 skipped", NULL, "3. HTTP, 0 of 2 rated, 1 skipped");

  rate (session, kit, "http.main", 5);
  rubric_topic_row_update (row, session);
  rubric_topic_row_update (row, NULL);
  assert_row (row, "2 questions", NULL, "3. HTTP, 2 questions");

  g_assert_finalize_object (row);
}

/* Empty progress: it is looked for under an id no kit has, so no file of
 * the user's is read, and it is never saved. */
static RubricStudyProgress *
new_progress (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *kit_id = g_strconcat ("rubric-test-", uuid, NULL);

  return rubric_test_load_progress (kit_id);
}

/* While studying, the row counts what is due today, new, and known. */
static void
test_study (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricStudyProgress) progress = new_progress ();
  RubricTopicRow *row = g_object_ref_sink (RUBRIC_TOPIC_ROW (rubric_topic_row_new (rubric_kit_lookup_topic (kit, "http"), 1)));

  /* An interview's score does not linger into studying. */
  rate (session, kit, "http.main", 4);
  rubric_topic_row_update (row, session);
  assert_row (row, "1 of 2 rated", "4.0", "1. HTTP, 1 of 2 rated, score 4.0 of 5");

  rubric_topic_row_update_study (row, progress);
  assert_row (row, "2 questions", NULL, "1. HTTP, 2 questions");

  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_KNEW);
  rubric_topic_row_update_study (row, progress);
  assert_row (row, "1 of 2 known", NULL, "1. HTTP, 1 of 2 known");

  /* “Review Again” is due today. */
  rubric_study_progress_set_grade (progress, "http.status", RUBRIC_STUDY_GRADE_REVIEW);
  rubric_topic_row_update_study (row, progress);
  assert_row (row, "1 due", NULL, "1. HTTP, 1 due");

  /* Due and new: a question forgotten is new again. */
  rubric_study_progress_set_grade (progress, "http.main", RUBRIC_STUDY_GRADE_NONE);
  rubric_topic_row_update_study (row, progress);
  assert_row (row, "1 due, 1 new", NULL, "1. HTTP, 1 due, 1 new");

  /* Until the progress is loaded, the row is as when browsing. */
  rubric_topic_row_update_study (row, NULL);
  assert_row (row, "2 questions", NULL, "1. HTTP, 2 questions");

  g_assert_finalize_object (row);
}

/* In the sidebar a change to one answer redoes only its topic's row; in
 * its list view the row's item says what the row does to a screen reader. */
static void
test_own_topic_only (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 2);
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RubricSidebar *sidebar = g_object_new (RUBRIC_TYPE_SIDEBAR, NULL);
  GtkListView *topics = rubric_test_template_child (sidebar, RUBRIC_TYPE_SIDEBAR, "topic_list");
  RubricTopicRow *rows[10];
  guint before[G_N_ELEMENTS (rows)];
  RubricAnswer *answer;
  g_autofree char *progress = NULL;
  g_autofree char *accessible = NULL;

  /* Rows are made as the list is shown: tall enough for all ten. */
  gtk_window_set_default_size (window, 360, 1000);
  gtk_window_set_child (window, GTK_WIDGET (sidebar));
  rubric_sidebar_set_kit (sidebar, kit);
  rubric_sidebar_set_session (sidebar, session);
  rubric_test_show_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      RUBRIC_WAIT_FOR ((rows[i] = RUBRIC_TOPIC_ROW (rubric_test_list_view_child (topics, i))) != NULL, 2000);
      g_object_add_weak_pointer (G_OBJECT (rows[i]), (gpointer *) &rows[i]);
      before[i] = rubric_topic_row_get_n_updates (rows[i]);
    }
  g_assert_true (rubric_topic_row_get_topic (rows[2]) == topic);

  /* A new, empty answer changes nothing shown; its rating changes one row. */
  answer = rubric_session_ensure_answer (session, question);
  rubric_answer_set_rating (answer, 3);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (rubric_topic_row_get_n_updates (rows[i]), ==, before[i] + (i == 2 ? 1 : 0));
  progress = g_strdup_printf ("1 of %u rated", g_list_model_get_n_items (rubric_topic_get_questions (topic)));
  g_assert_cmpstr (gtk_label_get_text (row_child (rows[2], "progress_label")), ==, progress);
  g_assert_cmpstr (gtk_label_get_text (row_child (rows[2], "score_label")), ==, "3.0");
  g_assert_false (gtk_widget_get_visible (row_child (rows[3], "score_label")));
  accessible = g_strdup_printf ("3. %s, %s, score 3.0 of 5", rubric_topic_get_title (topic), progress);
  gtk_test_accessible_assert_property (rubric_test_list_view_row (topics, 2), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);

  /* The rows go with the sidebar. */
  rubric_test_destroy_window (window);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_null (rows[i]);
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/topic-row/progress-and-score", test_progress_and_score);
  g_test_add_func ("/topic-row/study", test_study);
  g_test_add_func ("/topic-row/own-topic-only", test_own_topic_only);

  return g_test_run ();
}
