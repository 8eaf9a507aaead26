/* fuzz-kit.c — libFuzzer target for the kit loader
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input either loads as a kit whose every part can be read, or is
 * refused with an error that names its place. Never a crash, never a leak.
 */

#include "config.h"

#include <stdint.h>

#include "rubric-json-private.h"
#include "rubric-kit.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  GListModel *topics;

  /* The loader reads the bytes itself, not json-glib's tree of them: it
   * refuses what rubric_json_parse() refuses, with the same error. */
  kit = rubric_kit_new_from_bytes (bytes, &error);
  root = rubric_json_parse (bytes, RUBRIC_KIT_ERROR, &parse_error);
  if (root == NULL)
    {
      g_assert (kit == NULL);
      g_assert (error->code == parse_error->code);
      g_assert (g_str_equal (error->message, parse_error->message));
    }
  else
    {
      /* What json-glib reads, the loader reads too: it can only find the
       * kit invalid. */
      g_assert (kit != NULL || error->code >= RUBRIC_JSON_ERROR_INVALID);
    }
  if (kit == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == RUBRIC_KIT_ERROR);
      g_assert (error->message[0] == '$' || g_ascii_isdigit (error->message[0]) ||
                error->code == RUBRIC_KIT_ERROR_TOO_LARGE);
      return 0;
    }

  g_assert (error == NULL);
  topics = rubric_kit_get_topics (kit);
  g_assert (g_list_model_get_n_items (topics) > 0);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      g_assert (rubric_kit_lookup_topic (kit, rubric_topic_get_id (topic)) == topic);
      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);

          g_assert (rubric_kit_lookup_question (kit, rubric_question_get_id (question)) == question);
          g_assert (rubric_question_get_prompt (question) != NULL);
          g_assert ((j == 0) == (rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN));

          for (guint k = 0; rubric_question_get_key_points (question)[k] != NULL; k++)
            g_assert (rubric_question_get_key_point_level (question, k) <= RUBRIC_KEY_POINT_LEVEL_SENIOR);
          for (int rating = RUBRIC_RATING_MIN; rating <= RUBRIC_RATING_MAX; rating++)
            {
              const char *anchor = rubric_question_get_anchor (question, rating);

              g_assert (anchor == NULL || *anchor != '\0');
            }
        }
    }

  return 0;
}
