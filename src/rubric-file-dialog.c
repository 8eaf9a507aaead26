/* rubric-file-dialog.c — the file choosers Rubric asks with
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every GtkFileDialog of Rubric is made here: a title and the one kind of
 * file it is about, by suffix and MIME type. In the Flatpak they are the
 * portal's choosers.
 */

#define G_LOG_DOMAIN "rubric-file-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-file-dialog.h"

/**
 * rubric_file_dialog_new:
 * @title: the chooser's title
 * @filter_name: what the files are called, such as "Interviews"
 * @suffix: (nullable): their suffix, such as "rubric.json"
 * @mime_type: (nullable): their MIME type
 *
 * Returns: (transfer full): a chooser that shows those files
 */
GtkFileDialog *
rubric_file_dialog_new (const char *title,
                        const char *filter_name,
                        const char *suffix,
                        const char *mime_type)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (filter_name != NULL, NULL);

  gtk_file_filter_set_name (filter, filter_name);
  if (suffix != NULL)
    gtk_file_filter_add_suffix (filter, suffix);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));

  return dialog;
}

/**
 * rubric_file_dialog_new_for_sessions:
 *
 * Returns: (transfer full): a chooser of interview files
 */
GtkFileDialog *
rubric_file_dialog_new_for_sessions (const char *title)
{
  /* Translators: the name of a file type in the file chooser: interview files */
  return rubric_file_dialog_new (title, _("Interviews"), "rubric.json", "application/x-rubric-session+json");
}
