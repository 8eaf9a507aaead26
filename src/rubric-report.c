/* rubric-report.c — what the debrief and compare windows share: their
 * export to a new file, and the rows of the files they could not read
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both windows show what many interviewers' files say, and neither ever
 * writes one of those files: an export is a new file, written through the
 * core's one writer (rubric_file_write_async()), and its outcome is a
 * toast or an alert.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-file.h"
#include "rubric-file-dialog.h"
#include "rubric-report.h"
#include "rubric-toast.h"
#include "rubric-wrap.h"

typedef struct
{
  GtkWidget *window;
  RubricExportFormat format;
  RubricReportExportFunc export_to;
} AskData;

static void
ask_data_free (AskData *data)
{
  g_object_unref (data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AskData, ask_data_free)

static void
asked_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AskData) data = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    data->export_to (data->window, data->format, file);
}

/**
 * rubric_report_ask_file:
 * @about: what the file is about, such as "Debrief Ada Lovelace": the
 *   suggested name, before its extension
 * @export_to: called with the file chosen, if one is
 *
 * Asks where to save @window's report as @format.
 */
void
rubric_report_ask_file (GtkWidget              *window,
                        const char             *title,
                        const char             *about,
                        RubricExportFormat      format,
                        GCancellable           *cancellable,
                        RubricReportExportFunc  export_to)
{
  const char *extension = rubric_export_format_get_extension (format);
  g_autofree char *name = rubric_file_suggest_name (about, NULL, extension);
  g_autoptr(GtkFileDialog) dialog = rubric_file_dialog_new (title, extension, extension,
                                                            rubric_export_format_get_mime_type (format));
  AskData *data = g_new0 (AskData, 1);

  gtk_file_dialog_set_initial_name (dialog, name);
  data->window = g_object_ref (window);
  data->format = format;
  data->export_to = export_to;
  gtk_file_dialog_save (dialog, GTK_WINDOW (window), cancellable, asked_cb, data);
}

void
rubric_report_show_error (GtkWidget  *parent,
                          const char *message)
{
  AdwDialog *alert = adw_alert_dialog_new (_("Could Not Export"), NULL);

  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (alert), message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, parent);
}

/* What the worker reads: files and bytes, nothing of the UI's. */
typedef struct
{
  GFile *file;
  GPtrArray *sources;   /* GFile */
  GBytes *bytes;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_object_unref (job->file);
  g_ptr_array_unref (job->sources);
  g_bytes_unref (job->bytes);
  g_free (job);
}

/* What the callback needs, on the main thread: the task's data may be
 * freed in the worker, where a window's last reference must not go. */
typedef struct
{
  GtkWidget *parent;
  AdwToastOverlay *toasts;
  GFile *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->parent);
  g_object_unref (data->toasts);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteData, write_data_free)

/* In a worker: the sources are looked at on disk (a symbolic link to one
 * of them would be written through), then the report is written. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (rubric_file_is_one_of (job->file, job->sources, cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s",
                               /* Translators: an error when exporting a debrief or a
                                * comparison onto one of the interviewers' own files */
                               _("That is one of the interviewers' scorecards: nothing was written."));
      return;
    }
  if (!rubric_file_write (job->file, job->bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WriteData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rubric_report_show_error (data->parent, error->message);
      return;
    }
  name = g_file_get_basename (data->file);
  /* Translators: a notification after an export; %s is the name of the file
   * written */
  title = g_strdup_printf (_("Exported to “%s”"), name);
  adw_toast_overlay_add_toast (data->toasts, rubric_toast_new (title));
}

/**
 * rubric_report_write:
 * @sources: (element-type GFile): the files the report was made from,
 *   every one of them, read or left out
 * @bytes: (nullable): the report, or %NULL when it could not be made
 * @error: (nullable): why not, when @bytes is %NULL
 *
 * Writes @bytes to @file in a worker, atomically; says it is done with a
 * toast on @toasts, or why it could not with an alert on @parent. Nothing
 * is written when @file is one of @sources, by its name or through a link
 * (rubric_file_is_one_of()): a report never replaces an interviewer's file.
 */
void
rubric_report_write (GtkWidget       *parent,
                     AdwToastOverlay *toasts,
                     GFile           *file,
                     GPtrArray       *sources,
                     GBytes          *bytes,
                     const GError    *error,
                     GCancellable    *cancellable)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;
  WriteJob *job;

  if (bytes == NULL)
    {
      rubric_report_show_error (parent, error->message);
      return;
    }

  data = g_new0 (WriteData, 1);
  data->parent = g_object_ref (parent);
  data->toasts = g_object_ref (toasts);
  data->file = g_object_ref (file);

  job = g_new0 (WriteJob, 1);
  job->file = g_object_ref (file);
  job->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    g_ptr_array_add (job->sources, g_object_ref (g_ptr_array_index (sources, i)));
  job->bytes = g_bytes_ref (bytes);

  task = g_task_new (NULL, cancellable, written_cb, data);
  g_task_set_source_tag (task, rubric_report_write);
  g_task_set_name (task, "[rubric] write a report");
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * rubric_report_problem_row_new:
 *
 * Returns: (transfer floating): a row that tells @problem: the file by its
 *   name, the whole located line in its tooltip, and whether the file was
 *   left out or only warned about
 */
GtkWidget *
rubric_report_problem_row_new (const RubricDebriefProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (problem->error ? "dialog-error-symbolic"
                                                                 : "dialog-warning-symbolic");
  /* Translators: under a problem of a debrief's files */
  const char *kind = problem->error ? _("Left out") : _("Warning");
  g_autofree char *title = NULL;

  if (problem->file != NULL && g_str_has_prefix (problem->text, problem->file))
    {
      g_autofree char *base = g_path_get_basename (problem->file);

      title = g_strconcat (base, problem->text + strlen (problem->file), NULL);
      gtk_widget_set_tooltip_text (row, problem->text);
    }
  else
    title = g_strdup (problem->text);

  rubric_wrap_within (GTK_WIDGET (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  gtk_widget_add_css_class (icon, problem->error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}
