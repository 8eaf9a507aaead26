/* rubric-seal.c — what a sealed scorecard's hash is taken over
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A seal is a SHA-256 over the canonical form of everything scored in a
 * session: the candidate, the kit, the plan, each answer's rating, skip,
 * notes and ticks, the topic notes, the recommendation, the summary, the
 * strengths and the concerns — not the private notes, not the time. The
 * canonical form is JSON with object members sorted, no white space, and
 * strings escaped as RFC 8785 says, so any tool can check a seal; the
 * format is docs/seal.md's, with test vectors.
 */

#define G_LOG_DOMAIN "rubric-seal"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rubric-json-private.h"
#include "rubric-plan-private.h"
#include "rubric-seal.h"

/* ------------------------------------------------------------ the JSON */

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void append_node (GString  *out,
                         JsonNode *node);

static void
append_object (GString    *out,
               JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  /* Member names here are ids and words in ASCII: byte order is RFC 8785's
   * UTF-16 order. */
  g_ptr_array_sort (names, compare_names);

  g_string_append_c (out, '{');
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, name);
      g_string_append_c (out, ':');
      append_node (out, json_object_get_member (object, name));
    }
  g_string_append_c (out, '}');
}

static void
append_node (GString  *out,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node));
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        append_string (out, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else
        /* Only whole numbers are scored: ratings, points, seconds. */
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    }
}

static char *
canonical_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_node (out, node);
  return g_string_free (out, FALSE);
}

static char *
hash_text (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* ------------------------------------------------------- what is scored */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_items (JsonBuilder        *builder,
           const char         *name,
           const char * const *items)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    json_builder_add_string_value (builder, items[i]);
  json_builder_end_array (builder);
}

/* An answer is scored when it holds anything but time. */
static gboolean
answer_is_scored (RubricAnswer *answer)
{
  return rubric_answer_get_rating (answer) != RUBRIC_RATING_NONE || rubric_answer_get_skipped (answer) ||
         *rubric_answer_get_notes (answer) != '\0' || rubric_answer_get_n_ticks (answer) > 0;
}

static void
add_answer (JsonBuilder  *builder,
            RubricAnswer *answer)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rating");
  if (rubric_answer_get_rating (answer) == RUBRIC_RATING_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, rubric_answer_get_rating (answer));
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_boolean_value (builder, rubric_answer_get_skipped (answer));
  add_string (builder, "notes", rubric_answer_get_notes (answer));
  json_builder_set_member_name (builder, "ticks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rubric_answer_get_n_ticks (answer); i++)
    {
      RubricTickKind kind;
      guint point;
      gint64 offset;
      const char *note;

      rubric_answer_get_tick (answer, i, &kind, &point, &offset, &note);
      json_builder_begin_object (builder);
      add_string (builder, "kind", kind == RUBRIC_TICK_RED_FLAG ? "red_flag" : "key_point");
      json_builder_set_member_name (builder, "point");
      json_builder_add_int_value (builder, point);
      json_builder_set_member_name (builder, "offset_s");
      json_builder_add_int_value (builder, offset);
      add_string (builder, "note", note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
scored_json (RubricSession *session)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (RUBRIC_TYPE_RECOMMENDATION);
  GListModel *answers = rubric_session_get_answers (session);
  RubricPlan *plan = rubric_session_get_plan (session);
  g_autoptr(GPtrArray) topic_ids = NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  add_string (builder, "name", rubric_session_get_candidate_name (session));
  add_string (builder, "role", rubric_session_get_candidate_role (session));
  add_string (builder, "interviewer", rubric_session_get_interviewer (session));
  add_string (builder, "date", rubric_session_get_date (session));
  json_builder_end_object (builder);

  add_string (builder, "kit", rubric_session_get_kit_id (session));

  json_builder_set_member_name (builder, "plan");
  if (plan == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      _rubric_plan_add_members (plan, builder);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, i);

      if (!answer_is_scored (answer))
        continue;
      json_builder_set_member_name (builder, rubric_answer_get_question_id (answer));
      add_answer (builder, answer);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "topic_notes");
  json_builder_begin_object (builder);
  topic_ids = rubric_session_dup_topic_note_ids (session);
  for (guint i = 0; i < topic_ids->len; i++)
    {
      const char *id = g_ptr_array_index (topic_ids, i);

      add_string (builder, id, rubric_session_get_topic_notes (session, id));
    }
  json_builder_end_object (builder);

  add_string (builder, "recommendation",
              g_enum_get_value (enum_class, rubric_session_get_recommendation (session))->value_nick);
  add_string (builder, "summary", rubric_session_get_summary (session));
  add_items (builder, "strengths", rubric_session_get_strengths (session));
  add_items (builder, "concerns", rubric_session_get_concerns (session));

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * rubric_seal_dup_canonical:
 *
 * Returns: (transfer full): the canonical form of what @session scores,
 *   the text its seal's hash is taken over
 */
char *
rubric_seal_dup_canonical (RubricSession *session)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);

  root = scored_json (session);
  return canonical_text (root);
}

/**
 * rubric_seal_dup_hash:
 *
 * Returns: (transfer full): the SHA-256 of rubric_seal_dup_canonical(), in
 *   lowercase hexadecimal
 */
char *
rubric_seal_dup_hash (RubricSession *session)
{
  g_autofree char *text = rubric_seal_dup_canonical (session);

  return hash_text (text);
}

/**
 * rubric_seal_dup_parts:
 *
 * Each part of what is scored, hashed on its own, so that a seal that no
 * longer matches can say where: the members of the canonical form by their
 * JSON path ("$.summary"), and each scored answer by its own
 * ("$.answers[\"queries.optimise\"]").
 *
 * Returns: (transfer full) (element-type utf8 utf8): path → SHA-256
 */
GHashTable *
rubric_seal_dup_parts (RubricSession *session)
{
  g_autoptr(JsonNode) root = NULL;
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);

  root = scored_json (session);
  object = json_node_get_object (root);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *text = NULL;

      if (g_str_equal (name, "answers"))
        {
          JsonObjectIter answers;
          const char *id;
          JsonNode *answer;

          json_object_iter_init (&answers, json_node_get_object (node));
          while (json_object_iter_next (&answers, &id, &answer))
            {
              g_autofree char *answer_text = canonical_text (answer);

              g_hash_table_insert (parts, g_strdup_printf ("$.answers[\"%s\"]", id), hash_text (answer_text));
            }
          continue;
        }
      text = canonical_text (node);
      g_hash_table_insert (parts, g_strdup_printf ("$.%s", name), hash_text (text));
    }
  return parts;
}
