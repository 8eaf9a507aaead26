/* rubric-session-info.c — who an interview file is about, without opening it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The start page lists recent interviews by candidate and date. Reading a
 * whole session for that could mean parsing 15 MB per row, so only the
 * file's start is read: Rubric writes the candidate before the answers. A
 * file that starts otherwise, cannot be read or is not a session simply
 * has no candidate, and is listed by its name.
 */

#define G_LOG_DOMAIN "rubric-session-info"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "rubric-session-info.h"

/* Far more than a session's header needs; little to read per row. */
#define HEAD_SIZE (64 * 1024)

struct _RubricSessionInfo
{
  GObject parent_instance;

  GFile *file;
  char *candidate;
  char *role;
  char *date;
};

G_DEFINE_FINAL_TYPE (RubricSessionInfo, rubric_session_info, G_TYPE_OBJECT)

static void
rubric_session_info_finalize (GObject *object)
{
  RubricSessionInfo *self = RUBRIC_SESSION_INFO (object);

  g_clear_object (&self->file);
  g_free (self->candidate);
  g_free (self->role);
  g_free (self->date);

  G_OBJECT_CLASS (rubric_session_info_parent_class)->finalize (object);
}

static void
rubric_session_info_class_init (RubricSessionInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rubric_session_info_finalize;
}

static void
rubric_session_info_init (RubricSessionInfo *self)
{
}

GFile *
rubric_session_info_get_file (RubricSessionInfo *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION_INFO (self), NULL);
  return self->file;
}

/**
 * rubric_session_info_get_candidate:
 *
 * Returns: (nullable): the candidate's name, or %NULL when the file has
 *   none that could be read (or it is blank)
 */
const char *
rubric_session_info_get_candidate (RubricSessionInfo *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION_INFO (self), NULL);
  return self->candidate;
}

const char *
rubric_session_info_get_role (RubricSessionInfo *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION_INFO (self), NULL);
  return self->role;
}

const char *
rubric_session_info_get_date (RubricSessionInfo *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION_INFO (self), NULL);
  return self->date;
}

/* The file's first HEAD_SIZE bytes, from a regular file only (a FIFO
 * would block the reader forever). */
static GBytes *
read_head (GFile        *file,
           gboolean     *whole,
           GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR)
    return NULL;
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (HEAD_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, HEAD_SIZE + 1, &length, cancellable, NULL))
    return NULL;
  *whole = length <= HEAD_SIZE;
  return g_bytes_new (buffer, MIN (length, HEAD_SIZE));
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    return NULL;
  return g_steal_pointer (&text);
}

/* The session's JSON up to its answers, closed: Rubric writes "format",
 * "version", "kit", "candidate", "created" and "modified" first. */
static JsonNode *
parse_head (GBytes   *head,
            gboolean  whole)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = g_bytes_get_data (head, &size);
  g_autofree char *text = g_strndup (data, size);

  if (!whole)
    {
      char *answers = strstr (text, "\"answers\"");
      char *comma;

      if (answers == NULL)
        return NULL;
      *answers = '\0';
      comma = strrchr (text, ',');
      if (comma == NULL)
        return NULL;
      strcpy (comma, "}");
    }

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

static RubricSessionInfo *
read_info (GFile        *file,
           GCancellable *cancellable)
{
  RubricSessionInfo *self = g_object_new (RUBRIC_TYPE_SESSION_INFO, NULL);
  g_autoptr(GBytes) head = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *format;
  JsonNode *candidate;
  gboolean whole = FALSE;

  self->file = g_object_ref (file);

  head = read_head (file, &whole, cancellable);
  if (head == NULL || (root = parse_head (head, whole)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return self;

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      g_strcmp0 (json_node_get_string (format), "rubric-session") != 0)
    return self;

  candidate = json_object_get_member (object, "candidate");
  if (candidate == NULL || !JSON_NODE_HOLDS_OBJECT (candidate))
    return self;
  self->candidate = dup_member (json_node_get_object (candidate), "name");
  self->role = dup_member (json_node_get_object (candidate), "role");
  self->date = dup_member (json_node_get_object (candidate), "date");
  return self;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      g_ptr_array_add (infos, read_info (g_ptr_array_index (files, i), cancellable));
    }
  g_task_return_pointer (task, g_steal_pointer (&infos), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rubric_session_info_read_async:
 * @files: (array length=n_files): interview files
 *
 * Reads who each file is about, in a worker thread.
 */
void
rubric_session_info_read_async (GFile * const       *files,
                                guint                n_files,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_session_info_read_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, read_thread);
}

/**
 * rubric_session_info_read_finish:
 *
 * Returns: (transfer container) (element-type RubricSessionInfo): one for
 *   each file, in order; a file that could not be read has no candidate
 */
GPtrArray *
rubric_session_info_read_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_session_info_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
