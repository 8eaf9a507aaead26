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

typedef struct
{
  RubricKit     *kit;
  RubricSession *session;
} Fixture;

/* The first topic's questions: rated, skipped (after a rating), notes
 * only, time only; the rest of the kit untouched. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RubricTopic) topic = NULL;
  GListModel *questions;
  RubricAnswer *answer;

  fixture->kit = export_test_load_kit ();
  fixture->session = rubric_session_new (fixture->kit);
  rubric_session_set_candidate_name (fixture->session, "Ada Example");
  topic = g_list_model_get_item (rubric_kit_get_topics (fixture->kit), 0);
  questions = rubric_topic_get_questions (topic);
  g_assert_cmpuint (g_list_model_get_n_items (questions), >=, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);

      answer = rubric_session_ensure_answer (fixture->session, question);
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->kit);
}

static void
test_classify (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RubricSummary) summary = rubric_summary_new (fixture->session, fixture->kit, RUBRIC_EXPORT_FLAGS_NONE);
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
test_same_words (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; i < 3; i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *output = export_test_export (fixture->session, fixture->kit, format, RUBRIC_EXPORT_FLAGS_NONE);
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

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);

  g_test_add ("/export-text/model/classify", Fixture, NULL, fixture_set_up, test_classify, fixture_tear_down);
  g_test_add ("/export-text/model/same-words", Fixture, NULL, fixture_set_up, test_same_words, fixture_tear_down);

  return g_test_run ();
}
