/* rubric-scores.c — topic and overall scores of a session
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-scores"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-scores.h"

/**
 * rubric_scores_for_topic:
 *
 * Counts a topic's rated, skipped and unasked questions and averages the
 * rated ones. A skipped question counts as skipped even if it was rated
 * before being skipped: its rating is not used.
 */
void
rubric_scores_for_topic (RubricSession    *session,
                         RubricTopic      *topic,
                         RubricTopicScore *out)
{
  GListModel *questions;
  guint n_questions;
  int sum = 0;

  g_return_if_fail (RUBRIC_IS_SESSION (session));
  g_return_if_fail (RUBRIC_IS_TOPIC (topic));
  g_return_if_fail (out != NULL);

  *out = (RubricTopicScore) { 0 };

  questions = rubric_topic_get_questions (topic);
  n_questions = g_list_model_get_n_items (questions);
  for (guint i = 0; i < n_questions; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
      RubricAnswer *answer = rubric_session_lookup_answer (session, rubric_question_get_id (question));

      if (answer != NULL && rubric_answer_get_skipped (answer))
        out->skipped++;
      else if (answer != NULL && rubric_answer_get_rating (answer) != RUBRIC_RATING_NONE)
        {
          out->rated++;
          sum += rubric_answer_get_rating (answer);
        }
      else
        out->not_asked++;
    }

  out->has_score = out->rated > 0;
  out->score = out->has_score ? (double) sum / out->rated : 0.0;
}

/**
 * rubric_scores_overall:
 * @out_score: (out): the mean of the rated topics' scores, weighted by
 *   their weights
 *
 * Returns: %FALSE when no topic has a rated question
 */
gboolean
rubric_scores_overall (RubricSession *session,
                       RubricKit     *kit,
                       double        *out_score)
{
  GListModel *topics;
  guint n_topics;
  double weighted = 0.0;
  double weights = 0.0;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);
  g_return_val_if_fail (out_score != NULL, FALSE);

  topics = rubric_kit_get_topics (kit);
  n_topics = g_list_model_get_n_items (topics);
  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      RubricTopicScore score;

      rubric_scores_for_topic (session, topic, &score);
      if (!score.has_score)
        continue;
      weighted += score.score * rubric_topic_get_weight (topic);
      weights += rubric_topic_get_weight (topic);
    }

  *out_score = weights > 0.0 ? weighted / weights : 0.0;
  return weights > 0.0;
}

/**
 * rubric_rating_get_label:
 * @rating: 1–5, or %RUBRIC_RATING_NONE
 *
 * Returns: the rating's meaning, translated
 */
const char *
rubric_rating_get_label (int rating)
{
  switch (rating)
    {
    case 1:
      /* Translators: a rating of 1 of 5 for an answer */
      return _("No grasp");
    case 2:
      /* Translators: a rating of 2 of 5 for an answer */
      return _("Superficial");
    case 3:
      /* Translators: a rating of 3 of 5 for an answer */
      return _("Working knowledge");
    case 4:
      /* Translators: a rating of 4 of 5 for an answer */
      return _("Strong");
    case 5:
      /* Translators: a rating of 5 of 5 for an answer */
      return _("Expert");
    default:
      return _("Not rated");
    }
}
