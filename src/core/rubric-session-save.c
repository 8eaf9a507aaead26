/* rubric-session-save.c — a session as its file, and saving it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-session-save"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric-file-private.h"
#include "rubric-json-private.h"
#include "rubric-plan-private.h"
#include "rubric-session-private.h"

/* ------------------------------------------------------------------ saving */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Written only when there are any, so that a session without them is
 * saved exactly as before they existed. */
static void
add_items (JsonBuilder        *builder,
           const char         *name,
           const char * const *items)
{
  if (items[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    json_builder_add_string_value (builder, items[i]);
  json_builder_end_array (builder);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autofree char *text = rubric_json_format_date_time (value);

  add_string (builder, name, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A session file's tree is built in three parts, so that a save can take
 * the answers a slice at a time (see save_step()): what comes before the
 * answers, each answer, and what comes after. */
static JsonBuilder *
begin_root (RubricSession *self)
{
  /* Mutable: sealing an immutable tree walks all of it, on the main
   * thread, and nothing here needs it sealed. */
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "format", "rubric-session");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUBRIC_SESSION_FORMAT_VERSION);

  json_builder_set_member_name (builder, "kit");
  json_builder_begin_object (builder);
  add_string (builder, "id", self->kit_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->kit_version);
  if (self->kit_sha256 != NULL)
    add_string (builder, "sha256", self->kit_sha256);
  rubric_json_builder_add_members (builder, self->unknown_kit);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  add_string (builder, "name", self->candidate_name);
  add_string (builder, "role", self->candidate_role);
  add_string (builder, "interviewer", self->interviewer);
  add_string (builder, "date", self->date);
  rubric_json_builder_add_members (builder, self->unknown_candidate);
  json_builder_end_object (builder);

  add_string (builder, "id", self->id);
  add_date_time (builder, "created", self->created);
  add_date_time (builder, "modified", self->modified);

  if (self->plan != NULL)
    {
      json_builder_set_member_name (builder, "plan");
      json_builder_begin_object (builder);
      _rubric_plan_add_members (self->plan, builder);
      add_string (builder, "sha256", self->plan_hash);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);

  return builder;
}

static void
add_answer_json (JsonBuilder  *builder,
                 RubricAnswer *answer)
{
  json_builder_set_member_name (builder, answer->question_id);
  json_builder_begin_object (builder);
  if (answer->rating != RUBRIC_RATING_NONE)
    {
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, answer->rating);
    }
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_boolean_value (builder, answer->skipped);
  add_string (builder, "notes", answer->notes);
  json_builder_set_member_name (builder, "elapsed_s");
  json_builder_add_int_value (builder, answer->elapsed);
  if (answer->asked_at != NULL)
    add_date_time (builder, "asked_at", answer->asked_at);
  if (answer->prompt != NULL)
    add_string (builder, "prompt", answer->prompt);
  if (answer->topic_id != NULL)
    add_string (builder, "topic", answer->topic_id);
  if (answer->topic_title != NULL)
    add_string (builder, "topic_title", answer->topic_title);
  if (answer->ticks != NULL && answer->ticks->len > 0)
    {
      json_builder_set_member_name (builder, "ticks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < answer->ticks->len; i++)
        {
          RubricTick *tick = &g_array_index (answer->ticks, RubricTick, i);

          json_builder_begin_object (builder);
          add_string (builder, "kind", tick->kind == RUBRIC_TICK_RED_FLAG ? "red_flag" : "key_point");
          json_builder_set_member_name (builder, "point");
          json_builder_add_int_value (builder, tick->point);
          json_builder_set_member_name (builder, "offset_s");
          json_builder_add_int_value (builder, tick->offset);
          if (*tick->note != '\0')
            add_string (builder, "note", tick->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  rubric_json_builder_add_members (builder, answer->unknown);
  json_builder_end_object (builder);
}

/* The rest, after the answers; returns the whole tree. */
static JsonNode *
end_root (RubricSession *self,
          JsonBuilder   *builder)
{
  g_autofree const char **topic_ids = NULL;
  g_autoptr(GEnumClass) enum_class = NULL;

  json_builder_end_object (builder);

  /* Sorted, so the same session always gives the same bytes. */
  json_builder_set_member_name (builder, "topic_notes");
  json_builder_begin_object (builder);
  topic_ids = (const char **) g_hash_table_get_keys_as_array (self->topic_notes, NULL);
  qsort (topic_ids, g_hash_table_size (self->topic_notes), sizeof (char *), compare_strings);
  for (guint i = 0; topic_ids[i] != NULL; i++)
    add_string (builder, topic_ids[i], g_hash_table_lookup (self->topic_notes, topic_ids[i]));
  json_builder_end_object (builder);

  add_string (builder, "private_notes", self->private_notes);
  enum_class = g_type_class_ref (RUBRIC_TYPE_RECOMMENDATION);
  add_string (builder, "recommendation", g_enum_get_value (enum_class, self->recommendation)->value_nick);
  add_string (builder, "summary", self->summary);
  add_items (builder, "strengths", (const char * const *) self->strengths);
  add_items (builder, "concerns", (const char * const *) self->concerns);
  _rubric_session_add_seal (self, builder);
  rubric_json_builder_add_members (builder, self->unknown_root);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The session as a version 1 session file's tree, with the unknown members
 * of the file it came from. Shares nothing with the session. */
static JsonNode *
build_root (RubricSession *self)
{
  g_autoptr(JsonBuilder) builder = begin_root (self);
  guint n_answers = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

      add_answer_json (builder, answer);
    }

  return end_root (self, builder);
}

/**
 * rubric_session_to_bytes:
 *
 * Serialises the session as a version 1 session file, with the unknown
 * members of the file it came from.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
rubric_session_to_bytes (RubricSession *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);

  root = build_root (self);
  return rubric_json_to_bytes (root);
}

static gboolean
check_writable (RubricSession  *self,
                GError        **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, SESSION_DOMAIN, RUBRIC_SESSION_ERROR_READ_ONLY,
                       _("This session comes from a newer version of Rubric and is open read-only, so that nothing in it is lost"));
  return FALSE;
}

/**
 * rubric_session_save:
 *
 * Writes the session to @file with rubric_file_write(): the old file stays
 * whole until the new one is complete. This blocks: the window uses
 * rubric_session_save_async().
 */
gboolean
rubric_session_save (RubricSession  *self,
                     GFile          *file,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  root = build_root (self);
  bytes = rubric_json_to_file_bytes (root, error);
  if (bytes == NULL)
    return FALSE;

  return rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, error);
}

typedef struct
{
  JsonNode *root;
  GFile *file;
  RubricFileWriteFlags flags;
  char *expected_stamp;

  /* While the snapshot is taken, a slice of answers at a time. */
  RubricSession *session;
  JsonBuilder *builder;
  guint next_answer;
  guint step_id;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_handle_id (&data->step_id, g_source_remove);
  g_clear_pointer (&data->root, json_node_unref);
  g_clear_object (&data->file);
  g_clear_object (&data->session);
  g_clear_object (&data->builder);
  g_free (data->expected_stamp);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = rubric_json_to_file_bytes (data->root, &error);

  /* A large tree takes long to free too: here, not on the main thread. */
  g_clear_pointer (&data->root, json_node_unref);

  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    _rubric_file_task_write (task, data->file, bytes, data->flags, data->expected_stamp,
                             cancellable);
}

/* The worker's task has no source object, so the session is never released
 * in the worker thread; the caller's task completes here, in its own. */
static void
saved_in_thread_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *stamp = g_task_propagate_pointer (G_TASK (result), &error);

  if (stamp == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stamp, g_free);
}

/* How long one slice of the snapshot may hold the main loop: well inside a
 * frame (16.7 ms at 60 Hz), so typing and drawing go on during the save of
 * a session with a hundred thousand answers. */
#define SNAPSHOT_SLICE_US 4000

/* Copies answers into the tree until the slice's time is up. Changes made
 * between slices are fine: each part is copied as it is then, and a change
 * the snapshot missed keeps the session dirty for the next save. */
static gboolean
save_step (gpointer user_data)
{
  GTask *outer = user_data;
  SaveData *data = g_object_get_data (G_OBJECT (outer), "rubric-save-data");
  GListModel *answers = G_LIST_MODEL (data->session->answers);
  gint64 deadline = g_get_monotonic_time () + SNAPSHOT_SLICE_US;
  g_autoptr(GTask) worker = NULL;

  if (g_task_return_error_if_cancelled (outer))
    {
      data->step_id = 0;
      g_object_unref (outer);
      return G_SOURCE_REMOVE;
    }

  while (data->next_answer < g_list_model_get_n_items (answers))
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, data->next_answer++);

      add_answer_json (data->builder, answer);
      if (data->next_answer % 64 == 0 && g_get_monotonic_time () > deadline)
        {
          if (data->step_id == 0)
            data->step_id = g_idle_add_full (G_PRIORITY_DEFAULT, save_step, outer, NULL);
          return G_SOURCE_CONTINUE;
        }
    }

  data->step_id = 0;
  data->root = end_root (data->session, data->builder);
  g_clear_object (&data->builder);
  g_clear_object (&data->session);

  /* The worker's task has no source object, so the session is never
   * released in the worker thread; the caller's task completes here. */
  worker = g_task_new (NULL, g_task_get_cancellable (outer), saved_in_thread_cb, outer);
  g_task_set_source_tag (worker, save_thread);
  g_task_set_task_data (worker, g_object_steal_data (G_OBJECT (outer), "rubric-save-data"),
                        (GDestroyNotify) save_data_free);
  g_task_run_in_thread (worker, save_thread);

  return G_SOURCE_REMOVE;
}

/**
 * rubric_session_save_async:
 * @flags: %RUBRIC_FILE_WRITE_CHECK_STAMP to refuse when the file on disk is
 *   no longer the one with @expected_stamp
 *
 * Takes a snapshot of the session on the caller's thread — at once for a
 * session of ordinary size, a few milliseconds at a time for a very large
 * one — then turns it into bytes and writes them in a worker thread, with
 * rubric_file_write().
 */
void
rubric_session_save_async (RubricSession        *self,
                           GFile                *file,
                           RubricFileWriteFlags  flags,
                           const char           *expected_stamp,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_session_save_async);

  if (!check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->session = g_object_ref (self);
  data->builder = begin_root (self);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->expected_stamp = g_strdup (expected_stamp);
  g_object_set_data_full (G_OBJECT (task), "rubric-save-data", data, (GDestroyNotify) save_data_free);

  /* The first slice now; more, if needed, from the main loop. The steps
   * own the task from here on, and hand it to the worker at the end. */
  save_step (g_steal_pointer (&task));
}

/**
 * rubric_session_save_finish:
 * @new_stamp: (out) (optional): the stamp of the file written
 */
gboolean
rubric_session_save_finish (RubricSession  *self,
                            GAsyncResult   *result,
                            char          **new_stamp,
                            GError        **error)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_session_save_async, FALSE);

  return _rubric_file_task_propagate_stamp (G_TASK (result), new_stamp, error);
}

/**
 * rubric_session_build_snapshot_kit:
 *
 * When the kit a session was made with is not installed, the session
 * still holds each asked question's prompt and topic. This makes a kit of
 * those, so the interview's ratings and notes can be shown and exported
 * against the questions as they were asked. Expected answers are not
 * stored in sessions, so the kit says they are not available.
 *
 * Returns: (transfer full) (nullable): the kit, or %NULL when the session
 *   has no answers to build it from
 */
RubricKit *
rubric_session_build_snapshot_kit (RubricSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  guint n_answers;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);

  n_answers = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  if (n_answers == 0)
    return NULL;

  /* Topics in the order their first question was asked. */
  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      const char *topic = answer->topic_id != NULL ? answer->topic_id : "";
      gboolean seen = FALSE;

      for (guint j = 0; j < topic_ids->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (topic_ids, j), topic);
      if (!seen)
        g_ptr_array_add (topic_ids, g_strdup (topic));
    }

  /* Translators: the title of an interview kit that is not installed */
  title = g_strdup_printf (_("%s (not installed)"), self->kit_id);

  json_builder_begin_object (builder);
  add_string (builder, "format", "rubric-kit");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "id", self->kit_id);
  add_string (builder, "title", title);
  /* Translators: the description of a stand-in for an interview kit that is
   * not installed, made from the questions an interview file kept */
  add_string (builder, "description", _("The questions as this interview asked them; the kit itself is not installed."));
  add_string (builder, "language", "en");
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint t = 0; t < topic_ids->len; t++)
    {
      const char *topic_id = g_ptr_array_index (topic_ids, t);
      g_autofree char *safe_id = rubric_json_is_id (topic_id) ? g_strdup (topic_id) : g_strdup_printf ("topic-%u", t + 1);
      const char *topic_title = NULL;
      gboolean first = TRUE;

      json_builder_begin_object (builder);
      add_string (builder, "id", safe_id);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_answers; i++)
        {
          g_autoptr(RubricAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

          if (g_strcmp0 (answer->topic_id != NULL ? answer->topic_id : "", topic_id) != 0)
            continue;
          if (topic_title == NULL && answer->topic_title != NULL && !rubric_json_is_blank (answer->topic_title))
            topic_title = answer->topic_title;

          json_builder_begin_object (builder);
          add_string (builder, "id", answer->question_id);
          add_string (builder, "kind", first ? "main" : "follow-up");
          add_string (builder, "prompt", answer->prompt != NULL && !rubric_json_is_blank (answer->prompt)
                                         ? answer->prompt : answer->question_id);
          /* Translators: shown instead of the expected answer of a question
           * whose interview kit is not installed */
          add_string (builder, "expected", _("Not available: the kit this interview was made with is not installed."));
          json_builder_set_member_name (builder, "key_points");
          json_builder_begin_array (builder);
          /* Translators: shown instead of the key points of a question whose
           * interview kit is not installed */
          json_builder_add_string_value (builder, _("Not available"));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          first = FALSE;
        }
      json_builder_end_array (builder);
      add_string (builder, "title", topic_title != NULL ? topic_title : _("Other questions"));
      /* Translators: the description of a topic of a stand-in interview kit,
       * made from the questions an interview file kept */
      add_string (builder, "summary", _("As asked in this interview."));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  bytes = rubric_json_to_bytes (root);
  return rubric_kit_new_from_bytes (bytes, NULL);
}
