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

/**
 * rubric_report_dialog_new:
 * @about: what the file is about, such as "Debrief Ada Lovelace": the
 *   suggested name, before its extension
 *
 * Returns: (transfer full): a file chooser to save a report as @format
 */
GtkFileDialog *
rubric_report_dialog_new (const char         *title,
                          const char         *about,
                          RubricExportFormat  format)
{
  const char *extension = rubric_export_format_get_extension (format);
  g_autofree char *name = rubric_file_suggest_name (about, NULL, extension);
  GtkFileDialog *dialog = rubric_file_dialog_new (title, extension, extension,
                                                  rubric_export_format_get_mime_type (format));

  gtk_file_dialog_set_initial_name (dialog, name);
  return dialog;
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

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WriteData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!rubric_file_write_finish (result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rubric_report_show_error (data->parent, error->message);
      return;
    }
  name = g_file_get_basename (data->file);
  /* Translators: a notification after an export; %s is the name of the file
   * written */
  title = g_strdup_printf (_("Exported to “%s”"), name);
  adw_toast_overlay_add_toast (data->toasts, adw_toast_new (title));
}

/**
 * rubric_report_write:
 *
 * Writes @bytes to @file in a worker, atomically; says it is done with a
 * toast on @toasts, or why it could not with an alert on @parent.
 */
void
rubric_report_write (GtkWidget       *parent,
                     AdwToastOverlay *toasts,
                     GFile           *file,
                     GBytes          *bytes,
                     GCancellable    *cancellable)
{
  WriteData *data = g_new0 (WriteData, 1);

  data->parent = g_object_ref (parent);
  data->toasts = g_object_ref (toasts);
  data->file = g_object_ref (file);
  rubric_file_write_async (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, cancellable, written_cb, data);
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

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  gtk_widget_add_css_class (icon, problem->error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}
