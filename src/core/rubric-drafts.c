/* rubric-drafts.c — where untitled sessions autosave, and finding them again
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An interview that has not been saved under a name yet autosaves to a
 * draft in $XDG_DATA_HOME/rubric/drafts. A draft outlives a crash or a power
 * cut; the next start offers it back. Saving the session under a name, or
 * discarding it, removes the draft.
 */

#include "config.h"

#include "rubric-drafts.h"

#define DRAFT_SUFFIX ".rubric.json"

/**
 * rubric_drafts_get_folder:
 *
 * Returns: (transfer full): the folder drafts live in
 */
GFile *
rubric_drafts_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rubric", "drafts", NULL);

  return g_file_new_for_path (path);
}

/**
 * rubric_drafts_new_file:
 *
 * Returns: (transfer full): a new, unused place for a draft; make its
 *   folder with rubric_drafts_prepare_folder_async() before writing it
 */
GFile *
rubric_drafts_new_file (void)
{
  g_autoptr(GFile) folder = rubric_drafts_get_folder ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, DRAFT_SUFFIX, NULL);

  return g_file_get_child (folder, name);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GFile) folder = rubric_drafts_get_folder ();
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (folder, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rubric_drafts_prepare_folder_async:
 *
 * Makes the drafts folder, in a worker thread: a draft can only be written
 * once it exists.
 */
void
rubric_drafts_prepare_folder_async (GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rubric_drafts_prepare_folder_async);
  g_task_run_in_thread (task, prepare_thread);
}

gboolean
rubric_drafts_prepare_folder_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
rubric_drafts_is_draft (GFile *file)
{
  g_autoptr(GFile) folder = rubric_drafts_get_folder ();
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  parent = g_file_get_parent (file);
  return parent != NULL && g_file_equal (parent, folder);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RubricKit *kit = task_data;
  g_autoptr(GFile) folder = rubric_drafts_get_folder ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      /* No folder: no drafts. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (;;)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(RubricSession) session = NULL;
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (info == NULL)
        break;
      if (!g_str_has_suffix (g_file_info_get_name (info), DRAFT_SUFFIX))
        continue;

      /* A draft that does not load is left alone, not offered. */
      session = rubric_session_new_from_file (child, kit, cancellable, &load_error);
      if (session == NULL)
        continue;

      g_object_set_data_full (G_OBJECT (session), "rubric-draft-file",
                              g_object_ref (child), g_object_unref);
      g_ptr_array_add (drafts, g_steal_pointer (&session));
    }

  g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rubric_drafts_list_async:
 *
 * Finds and loads the drafts left behind, in a worker thread.
 */
void
rubric_drafts_list_async (RubricKit           *kit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rubric_drafts_list_async);
  if (kit != NULL)
    g_task_set_task_data (task, g_object_ref (kit), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

/**
 * rubric_drafts_list_finish:
 *
 * Returns: (transfer full) (element-type RubricSession): the drafts; each
 *   session carries its file as the "rubric-draft-file" data
 */
GPtrArray *
rubric_drafts_list_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_file_delete_finish (G_FILE (object), result, NULL);
}

/**
 * rubric_drafts_discard:
 *
 * Deletes a draft, without blocking. Files outside the drafts folder are
 * never touched.
 */
void
rubric_drafts_discard (GFile *file)
{
  g_return_if_fail (G_IS_FILE (file));

  if (!rubric_drafts_is_draft (file))
    return;

  g_file_delete_async (file, G_PRIORITY_DEFAULT, NULL, delete_cb, NULL);
}
