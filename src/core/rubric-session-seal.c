/* rubric-session-seal.c — a sealed scorecard: frozen, and checkable
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sealing records when and the hash of what is scored (rubric-seal.c). A
 * sealed session is one the panel can trust: the window opens it
 * read-only, a debrief counts it, and `rubric --check` tells whether it
 * was edited since. Unsealing keeps the old seal in the history, and
 * every summary of the session says it was edited after sealing.
 */

#define G_LOG_DOMAIN "rubric-session"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-json-private.h"
#include "rubric-seal.h"
#include "rubric-session-private.h"

void
_rubric_seal_record_free (gpointer data)
{
  RubricSealRecord *record = data;

  if (record == NULL)
    return;
  g_free (record->algorithm);
  g_free (record->hash);
  g_clear_pointer (&record->sealed_at, g_date_time_unref);
  g_clear_pointer (&record->unsealed_at, g_date_time_unref);
  g_free (record);
}

/**
 * rubric_session_get_seal_state:
 *
 * Returns: whether the session is sealed, and if so whether what it scores
 *   is still what was sealed
 */
RubricSealState
rubric_session_get_seal_state (RubricSession *self)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), RUBRIC_SEAL_NONE);

  if (self->seal == NULL)
    return RUBRIC_SEAL_NONE;
  if (!g_str_equal (self->seal->algorithm, RUBRIC_SEAL_ALGORITHM))
    return RUBRIC_SEAL_BROKEN;
  hash = rubric_seal_dup_hash (self);
  return g_str_equal (hash, self->seal->hash) ? RUBRIC_SEAL_VALID : RUBRIC_SEAL_BROKEN;
}

/**
 * rubric_session_get_sealed_at:
 *
 * Returns: (transfer none) (nullable): when the session was sealed, or
 *   %NULL when it is not
 */
GDateTime *
rubric_session_get_sealed_at (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->seal != NULL ? self->seal->sealed_at : NULL;
}

/**
 * rubric_session_get_seal_hash:
 *
 * Returns: (nullable): the seal's hash, as the file holds it
 */
const char *
rubric_session_get_seal_hash (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->seal != NULL ? self->seal->hash : NULL;
}

/**
 * rubric_session_dup_seal_mismatch:
 *
 * Where a broken seal no longer matches: the JSON path of the first part of
 * what is scored that changed, such as `$.answers["queries.optimise"]` or
 * `$.summary`; `$` when the seal cannot say (it holds no parts, or names
 * another algorithm).
 *
 * Returns: (transfer full) (nullable): the path, or %NULL when the session
 *   is not sealed or its seal holds
 */
char *
rubric_session_dup_seal_mismatch (RubricSession *self)
{
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  GHashTableIter iter;
  gpointer path;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);

  if (rubric_session_get_seal_state (self) != RUBRIC_SEAL_BROKEN)
    return NULL;
  if (self->seal_parts == NULL || !g_str_equal (self->seal->algorithm, RUBRIC_SEAL_ALGORITHM))
    return g_strdup ("$");

  /* Every path either side names, in order, so the answer is the same
   * every time. */
  now = rubric_seal_dup_parts (self);
  paths = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    g_ptr_array_add (paths, path);
  g_hash_table_iter_init (&iter, self->seal_parts);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    if (!g_hash_table_contains (now, path))
      g_ptr_array_add (paths, path);
  g_ptr_array_sort_values (paths, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *where = g_ptr_array_index (paths, i);

      if (g_strcmp0 (g_hash_table_lookup (now, where), g_hash_table_lookup (self->seal_parts, where)) != 0)
        return g_strdup (where);
    }
  return g_strdup ("$");
}

/**
 * rubric_session_get_edited_after_seal:
 *
 * A summary of such a session says "edited after sealing on …".
 *
 * Returns: (transfer none) (nullable): when the session was sealed before
 *   it was changed — by unsealing it to edit, or by hand (a broken seal) —
 *   or %NULL when it never was
 */
GDateTime *
rubric_session_get_edited_after_seal (RubricSession *self)
{
  RubricSealRecord *last;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);

  if (self->seal != NULL && rubric_session_get_seal_state (self) == RUBRIC_SEAL_BROKEN)
    return self->seal->sealed_at;
  if (self->seal_history->len == 0)
    return NULL;
  last = g_ptr_array_index (self->seal_history, self->seal_history->len - 1);
  return last->sealed_at;
}

guint
rubric_session_get_n_seal_history (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), 0);
  return self->seal_history->len;
}

/**
 * rubric_session_seal:
 *
 * Seals the scorecard now: the hash of what it scores and the time. A
 * sealed session is not to be edited until rubric_session_unseal().
 */
void
rubric_session_seal (RubricSession *self)
{
  RubricSealRecord *seal;

  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (self->seal == NULL);

  seal = g_new0 (RubricSealRecord, 1);
  seal->algorithm = g_strdup (RUBRIC_SEAL_ALGORITHM);
  seal->hash = rubric_seal_dup_hash (self);
  seal->sealed_at = rubric_json_now_utc ();
  self->seal = seal;
  g_clear_pointer (&self->seal_parts, g_hash_table_unref);
  self->seal_parts = rubric_seal_dup_parts (self);

  _rubric_session_seal_changed (self);
}

/**
 * rubric_session_unseal:
 *
 * Breaks the seal to edit the scorecard; the seal goes into the history,
 * with when it was broken.
 */
void
rubric_session_unseal (RubricSession *self)
{
  RubricSealRecord *seal;

  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (self->seal != NULL);

  seal = g_steal_pointer (&self->seal);
  seal->unsealed_at = rubric_json_now_utc ();
  g_ptr_array_add (self->seal_history, seal);
  g_clear_pointer (&self->seal_parts, g_hash_table_unref);

  _rubric_session_seal_changed (self);
}

/* ------------------------------------------------------------- the file */

static gboolean
load_record (const RubricJsonObjectReader  *reader,
             gboolean                       history,
             RubricSealRecord             **out,
             GError                       **error)
{
  g_autoptr(GDateTime) sealed_at = NULL;
  g_autoptr(GDateTime) unsealed_at = NULL;
  const char *algorithm = NULL;
  const char *hash = NULL;
  const char *sealed = NULL;
  const char *unsealed = NULL;
  RubricSealRecord *record;

  if (!rubric_json_get_string (reader, "algorithm", TRUE, TRUE, &algorithm, error) ||
      !rubric_json_get_string (reader, "hash", TRUE, TRUE, &hash, error) ||
      !rubric_json_get_string (reader, "sealed_at", TRUE, TRUE, &sealed, error) ||
      (history && !rubric_json_get_string (reader, "unsealed_at", FALSE, TRUE, &unsealed, error)))
    return FALSE;

  sealed_at = g_date_time_new_from_iso8601 (sealed, NULL);
  if (unsealed != NULL)
    unsealed_at = g_date_time_new_from_iso8601 (unsealed, NULL);
  if (sealed_at == NULL || (unsealed != NULL && unsealed_at == NULL))
    {
      RubricJsonPath where = { reader->path, sealed_at == NULL ? "sealed_at" : "unsealed_at", 0 };

      rubric_json_set_error (error, reader->domain, &where,
                             /* Translators: an error in an interview file:
                              * %s is what it has; keep the example date */
                             _("“%s” is not a date and time such as “2026-11-27T10:15:30Z”"),
                             sealed_at == NULL ? sealed : unsealed);
      return FALSE;
    }

  record = g_new0 (RubricSealRecord, 1);
  record->algorithm = g_strdup (algorithm);
  record->hash = g_strdup (hash);
  record->sealed_at = g_steal_pointer (&sealed_at);
  record->unsealed_at = g_steal_pointer (&unsealed_at);
  *out = record;
  return TRUE;
}

gboolean
_rubric_session_load_seal (RubricSession                *self,
                           const RubricJsonObjectReader *reader,
                           GError                      **error)
{
  RubricJsonPath seal_path = { reader->path, "seal", 0 };
  RubricJsonPath history_path = { reader->path, "seal_history", 0 };
  JsonObject *object = NULL;
  JsonArray *history = NULL;

  if (!rubric_json_get_object (reader, "seal", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      RubricJsonObjectReader seal = { reader->domain, &seal_path, object };
      RubricJsonPath parts_path = { &seal_path, "parts", 0 };
      JsonObject *parts = NULL;

      if (!load_record (&seal, FALSE, &self->seal, error) ||
          !rubric_json_get_object (&seal, "parts", FALSE, &parts, error))
        return FALSE;
      if (parts != NULL)
        {
          RubricJsonObjectReader parts_reader = { reader->domain, &parts_path, parts };
          JsonObjectIter iter;
          const char *name;
          JsonNode *node;

          self->seal_parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          /* In file order, so that of two bad parts the first is named. */
          json_object_iter_init_ordered (&iter, parts);
          while (json_object_iter_next_ordered (&iter, &name, &node))
            {
              const char *hash = NULL;

              if (!rubric_json_get_string (&parts_reader, name, TRUE, TRUE, &hash, error))
                return FALSE;
              g_hash_table_insert (self->seal_parts, g_strdup (name), g_strdup (hash));
            }
        }
    }

  if (!rubric_json_get_array (reader, "seal_history", FALSE, 0, 10000, &history, error))
    return FALSE;
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      RubricJsonPath item_path = { &history_path, NULL, i };
      JsonNode *node = json_array_get_element (history, i);
      RubricJsonObjectReader item = { reader->domain, &item_path, NULL };
      RubricSealRecord *record = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rubric_json_set_type_error (error, reader->domain, &item_path, RUBRIC_JSON_EXPECT_OBJECT, node);
          return FALSE;
        }
      item.object = json_node_get_object (node);
      if (!load_record (&item, TRUE, &record, error))
        return FALSE;
      g_ptr_array_add (self->seal_history, record);
    }
  return TRUE;
}

static void
add_record (JsonBuilder      *builder,
            RubricSealRecord *record)
{
  g_autofree char *sealed_at = rubric_json_format_date_time (record->sealed_at);

  json_builder_set_member_name (builder, "algorithm");
  json_builder_add_string_value (builder, record->algorithm);
  json_builder_set_member_name (builder, "hash");
  json_builder_add_string_value (builder, record->hash);
  json_builder_set_member_name (builder, "sealed_at");
  json_builder_add_string_value (builder, sealed_at);
  if (record->unsealed_at != NULL)
    {
      g_autofree char *unsealed_at = rubric_json_format_date_time (record->unsealed_at);

      json_builder_set_member_name (builder, "unsealed_at");
      json_builder_add_string_value (builder, unsealed_at);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

void
_rubric_session_add_seal (RubricSession *self,
                          JsonBuilder   *builder)
{
  if (self->seal != NULL)
    {
      json_builder_set_member_name (builder, "seal");
      json_builder_begin_object (builder);
      add_record (builder, self->seal);
      if (self->seal_parts != NULL)
        {
          g_autoptr(GPtrArray) names = g_hash_table_get_keys_as_ptr_array (self->seal_parts);

          g_ptr_array_sort (names, compare_names);
          json_builder_set_member_name (builder, "parts");
          json_builder_begin_object (builder);
          for (guint i = 0; i < names->len; i++)
            {
              json_builder_set_member_name (builder, g_ptr_array_index (names, i));
              json_builder_add_string_value (builder, g_hash_table_lookup (self->seal_parts,
                                                                           g_ptr_array_index (names, i)));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }

  if (self->seal_history->len > 0)
    {
      json_builder_set_member_name (builder, "seal_history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->seal_history->len; i++)
        {
          json_builder_begin_object (builder);
          add_record (builder, g_ptr_array_index (self->seal_history, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
}
