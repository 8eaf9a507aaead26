/* test-question-pane.c — the question pane on its own
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-question-pane.h"
#include "rubric-test-utils.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_current_question (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricQuestionPane *pane = g_object_ref_sink (g_object_new (RUBRIC_TYPE_QUESTION_PANE, NULL));
  guint notified = 0;

  rubric_question_pane_set_kit (pane, kit);
  g_assert_false (rubric_question_pane_show_topic (pane, 10));
  g_assert_true (rubric_question_pane_show_topic (pane, 2));
  g_assert_cmpuint (rubric_question_pane_get_topic_index (pane), ==, 2);
  g_assert_cmpuint (rubric_question_pane_get_n_questions (pane), ==, 3);
  g_assert_cmpuint (rubric_question_pane_get_question_index (pane), ==, 0);

  /* :current-question says which question the keys act on. */
  g_signal_connect (pane, "notify::current-question", G_CALLBACK (count_cb), &notified);
  rubric_question_pane_set_question_index (pane, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (rubric_question_card_get_question (rubric_question_pane_get_current_card (pane)) ==
                 rubric_question_pane_get_current_question (pane));
  g_assert_cmpint (rubric_question_get_kind (rubric_question_pane_get_current_question (pane)), ==,
                   RUBRIC_QUESTION_KIND_FOLLOW_UP);
  rubric_question_pane_set_question_index (pane, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* A new topic starts at its first question, every answer hidden. */
  rubric_question_card_set_revealed (rubric_question_pane_get_current_card (pane), TRUE);
  g_assert_true (rubric_question_pane_show_topic (pane, 3));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (rubric_question_pane_get_question_index (pane), ==, 0);
  g_assert_false (rubric_question_card_get_revealed (rubric_question_pane_get_current_card (pane)));

  g_assert_finalize_object (pane);
}

static void
test_safe_mode (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricQuestionPane *pane = g_object_ref_sink (g_object_new (RUBRIC_TYPE_QUESTION_PANE, NULL));
  RubricQuestionCard *card;

  rubric_question_pane_set_kit (pane, kit);
  rubric_question_pane_show_topic (pane, 0);
  card = rubric_question_pane_get_current_card (pane);

  /* In screen-share safe mode no answer can be shown, even "Show All". */
  rubric_question_pane_set_can_reveal (pane, FALSE);
  rubric_question_pane_reveal_all (pane);
  g_assert_false (rubric_question_card_get_revealed (card));
  rubric_question_pane_set_can_reveal (pane, TRUE);
  rubric_question_pane_reveal_all (pane);
  g_assert_true (rubric_question_card_get_revealed (card));

  g_assert_finalize_object (pane);
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/question-pane/current-question", test_current_question);
  g_test_add_func ("/question-pane/safe-mode", test_safe_mode);

  return g_test_run ();
}
