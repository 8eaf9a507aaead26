/* test-undo.c — an interview's undo stack: each step back to the exact
 * state before it, and never behind a seal
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-undo.h"

typedef struct
{
  RubricKit *kit;
  RubricSession *session;
  RubricUndo *undo;
  RubricAnswer *answer;    /* of the kit's first question */
  GArray *kinds;           /* int: each step added, as the signal said */
} Fixture;

static void
on_step_added_cb (RubricUndo *undo,
                  int         kind,
                  GArray     *kinds)
{
  g_array_append_val (kinds, kind);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RubricTopic) topic = NULL;
  g_autoptr(RubricQuestion) question = NULL;

  fixture->kit = rubric_test_load_shipped_kit ();
  fixture->session = rubric_session_new (fixture->kit);
  fixture->undo = rubric_undo_new (fixture->session);
  topic = g_list_model_get_item (rubric_kit_get_topics (fixture->kit), 0);
  question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_question_get_key_points (question)), >=, 3);
  fixture->answer = rubric_session_ensure_answer (fixture->session, question);
  fixture->kinds = g_array_new (FALSE, FALSE, sizeof (int));
  g_signal_connect (fixture->undo, "step-added", G_CALLBACK (on_step_added_cb), fixture->kinds);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->undo);
  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->kit);
  g_array_unref (fixture->kinds);
}

/* A tick as "kind:point@offset note", for comparing whole lists. */
static char *
dup_ticks (RubricAnswer *answer)
{
  GString *text = g_string_new (NULL);
  RubricTickKind kind;
  guint point;
  gint64 offset;
  const char *note;

  for (guint i = 0; i < rubric_answer_get_n_ticks (answer); i++)
    {
      rubric_answer_get_tick (answer, i, &kind, &point, &offset, &note);
      g_string_append_printf (text, "%s%d:%u@%" G_GINT64_FORMAT " %s", i > 0 ? "; " : "",
                              kind, point, offset, note);
    }
  return g_string_free (text, FALSE);
}

static void
test_rating (Fixture       *fixture,
             gconstpointer  data)
{
  guint64 changes;
  g_autofree char *question_id = NULL;

  g_assert_false (rubric_undo_get_can_undo (fixture->undo));
  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_NONE);

  rubric_answer_set_rating (fixture->answer, 4);
  rubric_answer_set_rating (fixture->answer, 4);    /* no change: no step */
  rubric_answer_set_rating (fixture->answer, 2);
  g_assert_true (rubric_undo_get_can_undo (fixture->undo));
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, 2);
  g_assert_cmpint (rubric_undo_get_kind (fixture->undo), ==, RUBRIC_UNDO_RATE);

  /* Undoing is a change like any other: it is saved. */
  changes = rubric_session_get_change_count (fixture->session);
  g_assert_cmpint (rubric_undo_undo (fixture->undo, &question_id), ==, RUBRIC_UNDO_RATE);
  g_assert_cmpstr (question_id, ==, rubric_answer_get_question_id (fixture->answer));
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, 4);
  g_assert_cmpuint (rubric_session_get_change_count (fixture->session), >, changes);

  /* Back to "not rated", and undoing adds no step of its own. */
  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_RATE);
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, RUBRIC_RATING_NONE);
  g_assert_false (rubric_undo_get_can_undo (fixture->undo));
  g_assert_cmpuint (fixture->kinds->len, ==, 2);
}

static void
test_skip_and_group (Fixture       *fixture,
                     gconstpointer  data)
{
  rubric_answer_set_rating (fixture->answer, 3);
  rubric_answer_set_skipped (fixture->answer, TRUE);
  g_assert_cmpint (rubric_undo_get_kind (fixture->undo), ==, RUBRIC_UNDO_SKIP);
  g_assert_cmpint (g_array_index (fixture->kinds, int, 1), ==, RUBRIC_UNDO_SKIP);

  /* A rating key clears the skipped mark and rates: one step. */
  rubric_undo_begin (fixture->undo, RUBRIC_UNDO_RATE);
  rubric_answer_set_skipped (fixture->answer, FALSE);
  rubric_answer_set_rating (fixture->answer, 5);
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, 2);
  rubric_undo_end (fixture->undo);
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, 3);
  g_assert_cmpint (rubric_undo_get_kind (fixture->undo), ==, RUBRIC_UNDO_RATE);

  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_RATE);
  g_assert_true (rubric_answer_get_skipped (fixture->answer));
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, 3);

  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_SKIP);
  g_assert_false (rubric_answer_get_skipped (fixture->answer));
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, 3);

  /* A group that changed nothing is no step. */
  rubric_undo_begin (fixture->undo, RUBRIC_UNDO_RATE);
  rubric_answer_set_rating (fixture->answer, 3);
  rubric_undo_end (fixture->undo);
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, 1);
}

static void
test_ticks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rubric_answer_set_ticked (fixture->answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, 61);
  rubric_answer_set_tick_note (fixture->answer, RUBRIC_TICK_KEY_POINT, 0, "said it first");
  rubric_answer_set_ticked (fixture->answer, RUBRIC_TICK_RED_FLAG, 0, TRUE, 70);
  rubric_answer_set_ticked (fixture->answer, RUBRIC_TICK_KEY_POINT, 2, TRUE, 95);
  /* A note is typing, not a step. */
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, 3);
  before = dup_ticks (fixture->answer);

  /* Unticking drops the time and the note; undoing brings both back, in
   * the tick's place among the others. */
  rubric_answer_set_ticked (fixture->answer, RUBRIC_TICK_KEY_POINT, 0, FALSE, 0);
  g_assert_false (rubric_answer_get_ticked (fixture->answer, RUBRIC_TICK_KEY_POINT, 0));
  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_TICK);
  after = dup_ticks (fixture->answer);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, ==, "0:0@61 said it first; 1:0@70 ; 0:2@95 ");

  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_TICK);
  g_assert_false (rubric_answer_get_ticked (fixture->answer, RUBRIC_TICK_KEY_POINT, 2));
  g_assert_cmpuint (rubric_answer_get_n_ticks (fixture->answer), ==, 2);
}

static void
test_recommendation (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *question_id = NULL;

  rubric_session_set_recommendation (fixture->session, RUBRIC_RECOMMENDATION_YES);
  rubric_session_set_recommendation (fixture->session, RUBRIC_RECOMMENDATION_STRONG_NO);
  g_assert_cmpint (g_array_index (fixture->kinds, int, 0), ==, RUBRIC_UNDO_RECOMMEND);

  g_assert_cmpint (rubric_undo_undo (fixture->undo, &question_id), ==, RUBRIC_UNDO_RECOMMEND);
  g_assert_null (question_id);
  g_assert_cmpint (rubric_session_get_recommendation (fixture->session), ==, RUBRIC_RECOMMENDATION_YES);
  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_RECOMMEND);
  g_assert_cmpint (rubric_session_get_recommendation (fixture->session), ==, RUBRIC_RECOMMENDATION_NONE);
}

/* A sealed scorecard is not changed by undo, and a seal is a line undo
 * never reaches behind, even once unsealed. */
static void
test_sealed (Fixture       *fixture,
             gconstpointer  data)
{
  rubric_answer_set_rating (fixture->answer, 4);
  rubric_session_set_recommendation (fixture->session, RUBRIC_RECOMMENDATION_YES);
  g_assert_true (rubric_undo_get_can_undo (fixture->undo));

  rubric_session_seal (fixture->session);
  g_assert_false (rubric_undo_get_can_undo (fixture->undo));
  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_NONE);
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, 4);
  g_assert_cmpint (rubric_session_get_recommendation (fixture->session), ==, RUBRIC_RECOMMENDATION_YES);

  rubric_session_unseal (fixture->session);
  g_assert_false (rubric_undo_get_can_undo (fixture->undo));
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, 0);

  /* What is changed after unsealing can be undone again. */
  rubric_answer_set_rating (fixture->answer, 1);
  g_assert_cmpint (rubric_undo_undo (fixture->undo, NULL), ==, RUBRIC_UNDO_RATE);
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, 4);
}

/* The stack keeps the last RUBRIC_UNDO_MAX_STEPS steps, the oldest go. */
static void
test_bounded (Fixture       *fixture,
              gconstpointer  data)
{
  for (guint i = 0; i < RUBRIC_UNDO_MAX_STEPS + 10; i++)
    rubric_answer_set_rating (fixture->answer, 1 + (int) (i % RUBRIC_RATING_MAX));
  g_assert_cmpuint (rubric_undo_get_n_steps (fixture->undo), ==, RUBRIC_UNDO_MAX_STEPS);

  while (rubric_undo_undo (fixture->undo, NULL) != RUBRIC_UNDO_NONE)
    ;
  /* The eleventh change's state before it: the tenth rating. */
  g_assert_cmpint (rubric_answer_get_rating (fixture->answer), ==, 1 + 9 % RUBRIC_RATING_MAX);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/rating", test_rating);
  ADD ("/undo/skip-and-group", test_skip_and_group);
  ADD ("/undo/ticks", test_ticks);
  ADD ("/undo/recommendation", test_recommendation);
  ADD ("/undo/sealed", test_sealed);
  ADD ("/undo/bounded", test_bounded);
#undef ADD

  return g_test_run ();
}
