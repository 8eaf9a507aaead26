/* rubric-export-dialog.c — choose a format and what to include, preview, export
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-export-dialog.h"
#include "rubric-file-dialog.h"
#include "rubric-wrap.h"

struct _RubricExportDialog
{
  AdwDialog parent_instance;

  RubricSession *session;
  RubricKit *kit;
  GFile *session_file;   /* the interview's own file, never written: nullable */
  GCancellable *cancellable;
  GCancellable *preview_cancellable;   /* while a preview is being made */
  GSettings *settings;

  AdwPreferencesGroup *concerns_group;
  GtkListBox *concerns_list;
  AdwComboRow *format_row;
  AdwSwitchRow *answers_row;
  AdwSwitchRow *private_row;
  AdwSwitchRow *anonymize_row;
  AdwEntryRow *redact_row;
  AdwPreferencesGroup *anonymity_group;
  GtkListBox *remaining_list;
  GtkStack *preview_stack;
  GtkTextView *preview_view;
};

G_DEFINE_FINAL_TYPE (RubricExportDialog, rubric_export_dialog, ADW_TYPE_DIALOG)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The combo row lists the formats in RubricExportFormat's order. */
G_STATIC_ASSERT (RUBRIC_EXPORT_FORMAT_PDF == 0 && RUBRIC_EXPORT_FORMAT_CSV == 4);

static void
cancel_preview (RubricExportDialog *self)
{
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
}

static void
preview_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rubric_export_summary_to_bytes_finish (result, &error);
  g_autofree char *text = NULL;

  /* Cancelled: the options changed, or the dialog closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->preview_cancellable);
  if (bytes != NULL)
    text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  else
    g_warning ("Could not make the preview: %s", error->message);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview_view), text != NULL ? text : "", -1);
}

static RubricSummary *new_summary (RubricExportDialog *self,
                                   RubricExportFlags   flags);

/* The preview is made in a worker thread (a long session takes a while);
 * one for options changed since is cancelled, and never shown. */
static void
update_preview (RubricExportDialog *self)
{
  RubricExportFormat format = rubric_export_dialog_get_format (self);
  RubricExportFlags flags = rubric_export_dialog_get_flags (self);

  cancel_preview (self);

  if (!rubric_export_format_is_text (format))
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "pdf");
      return;
    }

  if (g_settings_get_boolean (self->settings, "safe-mode"))
    flags |= RUBRIC_EXPORT_FLAGS_PLACEHOLDERS;
  self->preview_cancellable = g_cancellable_new ();
  rubric_export_summary_to_bytes_async (new_summary (self, flags), format,
                                        self->preview_cancellable, preview_ready_cb, g_object_ref (self));
  gtk_stack_set_visible_child_name (self->preview_stack, "text");
}

/* The terms of the Other Identifying Terms row, split at commas and
 * semicolons. */
static GStrv
dup_redact_terms (RubricExportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pieces = g_regex_split_simple ("[,;\n]", gtk_editable_get_text (GTK_EDITABLE (self->redact_row)), 0, 0);

  for (guint i = 0; pieces[i] != NULL; i++)
    if (*g_strstrip (pieces[i]) != '\0')
      g_strv_builder_add (builder, pieces[i]);
  return g_strv_builder_end (builder);
}

/* The summary as the dialog's choices make it: the terms are replaced when
 * anonymising. */
static RubricSummary *
new_summary (RubricExportDialog *self,
             RubricExportFlags   flags)
{
  g_auto(GStrv) terms = NULL;

  if (flags & RUBRIC_EXPORT_FLAGS_ANONYMIZE)
    terms = dup_redact_terms (self);
  return rubric_summary_new_full (self->session, self->kit, flags, (const char * const *) terms);
}

/* How many replacements anonymising made, and each capitalised word that
 * stays and looks like a name: the user sees what stays. */
static void
update_anonymity (RubricExportDialog *self)
{
  g_autoptr(RubricSummary) summary = NULL;
  g_autofree char *description = NULL;

  gtk_list_box_remove_all (self->remaining_list);
  if (!adw_switch_row_get_active (self->anonymize_row))
    return;

  summary = new_summary (self, rubric_export_dialog_get_flags (self));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: under the heading Anonymization
                                               * in the Export dialog; %u is how many names and
                                               * terms were replaced in the whole summary */
                                              "%u replacement. Separate other terms with commas: an employer, a university, a city.",
                                              "%u replacements. Separate other terms with commas: an employer, a university, a city.",
                                              summary->n_replaced),
                                 summary->n_replaced);
  adw_preferences_group_set_description (self->anonymity_group, description);

  for (guint i = 0; summary->remaining[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      rubric_wrap_within (GTK_WIDGET (row));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->remaining[i]);
      /* Translators: under a word an anonymised summary still holds, such
       * as “May” or the name after “Dr” */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Stays in the summary: add it above if it is a name"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->remaining_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->remaining_list), summary->remaining[0] != NULL);
}

/* Screen-share safe mode turned on: what the preview shows goes at once,
 * not when the new one is ready. */
static void
on_safe_mode_changed_cb (RubricExportDialog *self)
{
  if (g_settings_get_boolean (self->settings, "safe-mode"))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->preview_view), "", -1);
  update_preview (self);
}

static void
update_concerns (RubricExportDialog *self)
{
  g_autoptr(RubricSummary) summary = rubric_summary_new (self->session, self->kit, RUBRIC_EXPORT_FLAGS_NONE);
  g_auto(GStrv) concerns = rubric_summary_find_concerns (summary);

  gtk_list_box_remove_all (self->concerns_list);
  for (guint i = 0; concerns[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      rubric_wrap_within (GTK_WIDGET (row));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), concerns[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_add_css_class (row, "warning");
      /* A concern is read, not activated: no Tab stop. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->concerns_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->concerns_group), concerns[0] != NULL);
}

typedef struct
{
  RubricExportDialog *self;
  GFile *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteData *data = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (data->self), TRUE);

  if (!rubric_export_to_file_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwDialog *alert;

          alert = adw_alert_dialog_new (_("Could Not Export"), NULL);
          adw_alert_dialog_set_body (ADW_ALERT_DIALOG (alert), error->message);
          adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
          adw_dialog_present (alert, GTK_WIDGET (data->self));
        }
      write_data_free (data);
      return;
    }

  g_signal_emit (data->self, signals[EXPORTED], 0, data->file);
  adw_dialog_close (ADW_DIALOG (data->self));
  write_data_free (data);
}

/**
 * rubric_export_dialog_export_to:
 *
 * Exports to @file with rubric_export_to_file_async(): drawn and written
 * in the core, off the main thread; an existing file is replaced only by a
 * whole new one, and the interview's own file never (an alert says so).
 */
void
rubric_export_dialog_export_to (RubricExportDialog *self,
                                GFile              *file)
{
  WriteData *data;

  g_return_if_fail (RUBRIC_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  rubric_export_summary_to_file_async (new_summary (self, rubric_export_dialog_get_flags (self)),
                                       rubric_export_dialog_get_format (self),
                                       file, self->session_file, self->cancellable, written_cb, data);
}

static void
save_response_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    rubric_export_dialog_export_to (self, file);
}

static void
on_export_clicked_cb (RubricExportDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  RubricExportFormat format = rubric_export_dialog_get_format (self);
  g_autofree char *name = rubric_export_suggest_filename (self->session, format,
                                                          rubric_export_dialog_get_flags (self));
  const char *extension = rubric_export_format_get_extension (format);
  GtkStringObject *format_name = adw_combo_row_get_selected_item (self->format_row);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = rubric_file_dialog_new (_("Export Summary"),
                                   format_name != NULL ? gtk_string_object_get_string (format_name) : extension,
                                   extension, rubric_export_format_get_mime_type (format));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        self->cancellable, save_response_cb, g_object_ref (self));
}

static void
rubric_export_dialog_dispose (GObject *object)
{
  RubricExportDialog *self = RUBRIC_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  cancel_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->kit);
  g_clear_object (&self->session_file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rubric_export_dialog_parent_class)->dispose (object);
}

static void
rubric_export_dialog_class_init (RubricExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_export_dialog_dispose;

  /**
   * RubricExportDialog::exported:
   * @file: where the summary was written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, concerns_group);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, concerns_list);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, answers_row);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, private_row);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, anonymize_row);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, redact_row);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, anonymity_group);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, remaining_list);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RubricExportDialog, preview_view);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
rubric_export_dialog_init (RubricExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (SCHEMA_ID);
  rubric_a11y_name_combo_row (self->format_row);
  rubric_a11y_quiet_scrollers (adw_dialog_get_child (ADW_DIALOG (self)));

  /* Screen-share safe mode: the preview never draws answers or private
   * notes, even where the exported file will hold them. */
  g_signal_connect_object (self->settings, "changed::safe-mode", G_CALLBACK (on_safe_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "closed", G_CALLBACK (cancel_preview), NULL);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answers_row, "notify::active", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->private_row, "notify::active", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->anonymize_row, "notify::active", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->anonymize_row, "notify::active", G_CALLBACK (update_anonymity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->redact_row, "changed", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->redact_row, "changed", G_CALLBACK (update_anonymity), self, G_CONNECT_SWAPPED);
}

/**
 * rubric_export_dialog_new:
 * @kit: (nullable): the session's kit
 * @session_file: (nullable): the session's own file, which an export never
 *   replaces; %NULL for an interview not saved under a name
 */
RubricExportDialog *
rubric_export_dialog_new (RubricSession *session,
                          RubricKit     *kit,
                          GFile         *session_file)
{
  RubricExportDialog *self;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (session_file == NULL || G_IS_FILE (session_file), NULL);

  self = g_object_new (RUBRIC_TYPE_EXPORT_DIALOG, NULL);
  self->session = g_object_ref (session);
  g_set_object (&self->kit, kit);
  g_set_object (&self->session_file, session_file);
  update_concerns (self);
  update_preview (self);

  return self;
}

void
rubric_export_dialog_set_format (RubricExportDialog *self,
                                 RubricExportFormat  format)
{
  g_return_if_fail (RUBRIC_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

RubricExportFormat
rubric_export_dialog_get_format (RubricExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (RUBRIC_IS_EXPORT_DIALOG (self), RUBRIC_EXPORT_FORMAT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected <= RUBRIC_EXPORT_FORMAT_CSV ? (RubricExportFormat) selected : RUBRIC_EXPORT_FORMAT_PDF;
}

RubricExportFlags
rubric_export_dialog_get_flags (RubricExportDialog *self)
{
  RubricExportFlags flags = RUBRIC_EXPORT_FLAGS_NONE;

  g_return_val_if_fail (RUBRIC_IS_EXPORT_DIALOG (self), flags);

  if (adw_switch_row_get_active (self->answers_row))
    flags |= RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS;
  if (adw_switch_row_get_active (self->private_row))
    flags |= RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE;
  if (adw_switch_row_get_active (self->anonymize_row))
    flags |= RUBRIC_EXPORT_FLAGS_ANONYMIZE;
  return flags;
}

/**
 * rubric_export_dialog_dup_preview:
 *
 * Returns: (transfer full) (nullable): the text the preview shows of the
 *   chosen text format, or %NULL for the PDF and while the preview is
 *   being made; in screen-share safe mode, with a placeholder for the
 *   answers and the private notes
 */
char *
rubric_export_dialog_dup_preview (RubricExportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RUBRIC_IS_EXPORT_DIALOG (self), NULL);

  if (!rubric_export_format_is_text (rubric_export_dialog_get_format (self)) ||
      self->preview_cancellable != NULL)
    return NULL;

  buffer = gtk_text_view_get_buffer (self->preview_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}
