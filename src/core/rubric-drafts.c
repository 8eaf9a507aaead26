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
 *
 * Drafts are personal data: the folder is 0700 and each draft 0600 (the
 * mode rubric_file_write() gives a new file).
 */


#define G_LOG_DOMAIN "rubric-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rubric-drafts.h"
#include "rubric-file.h"

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
  g_autofree char *path = g_file_get_path (folder);

  /* Also narrows a folder an older version made 0755. */
  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               /* Translators: the first %s is a folder, the second says why */
                               _("Could not make the folder “%s”: %s"), display, g_strerror (saved_errno));
      return;
    }

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

typedef struct
{
  GPtrArray *drafts;
  GStrv problems;
} ListResult;

static void
list_result_free (ListResult *result)
{
  g_clear_pointer (&result->drafts, g_ptr_array_unref);
  g_strfreev (result->problems);
  g_free (result);
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
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_draft_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ListResult *result;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &error);
  if (enumerator == NULL)
    {
      /* No folder: no drafts. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_pointer (task, g_new0 (ListResult, 1), (GDestroyNotify) list_result_free);
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
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (info == NULL)
        break;
      name = g_file_info_get_name (info);

      /* What a crash in the middle of writing a draft left: the draft
       * itself, if any, is whole. */
      if (rubric_file_is_temporary (name))
        {
          g_file_delete (child, NULL, NULL);
          continue;
        }
      if (!g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;

      /* An empty draft holds nothing to offer (older versions could leave
       * one when killed while writing it). */
      if (g_file_info_get_size (info) == 0)
        {
          g_file_delete (child, NULL, NULL);
          continue;
        }

      /* One that does not load is offered as what it is: a file that
       * could not be read, with the reason. */
      session = rubric_session_new_from_file (child, kit, cancellable, &load_error);
      if (session == NULL)
        {
          g_autofree char *display = g_file_get_parse_name (child);

          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", display, load_error->message));
          continue;
        }

      g_ptr_array_add (drafts, rubric_draft_new (child, session));
      g_clear_object (&session);
    }

  g_ptr_array_add (problems, NULL);
  result = g_new0 (ListResult, 1);
  result->drafts = g_steal_pointer (&drafts);
  result->problems = (GStrv) g_ptr_array_free (g_steal_pointer (&problems), FALSE);
  g_task_return_pointer (task, result, (GDestroyNotify) list_result_free);
}

/**
 * rubric_draft_new:
 *
 * Returns: (transfer full): @file and @session, together
 */
RubricDraft *
rubric_draft_new (GFile         *file,
                  RubricSession *session)
{
  RubricDraft *draft = g_new0 (RubricDraft, 1);

  g_return_val_if_fail (G_IS_FILE (file), draft);
  g_return_val_if_fail (RUBRIC_IS_SESSION (session), draft);

  draft->file = g_object_ref (file);
  draft->session = g_object_ref (session);
  return draft;
}

void
rubric_draft_free (RubricDraft *draft)
{
  if (draft == NULL)
    return;
  g_clear_object (&draft->file);
  g_clear_object (&draft->session);
  g_free (draft);
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
 * @problems: (out) (optional) (transfer full): a line for each draft that
 *   could not be read ("FILE: why"); such drafts are kept, never removed
 *
 * Returns: (transfer full) (element-type RubricDraft): the drafts, each
 *   with its file
 */
GPtrArray *
rubric_drafts_list_finish (GAsyncResult  *result,
                           GStrv         *problems,
                           GError       **error)
{
  ListResult *listed;
  GPtrArray *drafts;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  listed = g_task_propagate_pointer (G_TASK (result), error);
  if (listed == NULL)
    return NULL;

  drafts = listed->drafts != NULL ? g_steal_pointer (&listed->drafts)
                                  : g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_draft_free);
  if (problems != NULL)
    *problems = listed->problems != NULL ? g_steal_pointer (&listed->problems) : g_new0 (char *, 1);
  list_result_free (listed);

  return drafts;
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
