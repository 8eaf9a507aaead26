/* rubric-preferences-dialog.c
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-preferences-dialog"

#include "config.h"

#include "rubric-a11y.h"
#include "rubric-notes-view.h"
#include "rubric-preferences-dialog.h"
#include "rubric-wrap.h"

struct _RubricPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  GSettings *settings;

  AdwEntryRow *interviewer_row;
  GtkSpinButton *text_size_spin;
  AdwSwitchRow *safe_mode_row;
  AdwSwitchRow *show_pacing_row;
  AdwSwitchRow *pacing_reminders_row;
  AdwSwitchRow *spell_check_row;
};

G_DEFINE_FINAL_TYPE (RubricPreferencesDialog, rubric_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The setting is a factor (1.0); the row shows percent (100). */
static gboolean
factor_to_percent (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_factor (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
rubric_preferences_dialog_dispose (GObject *object)
{
  RubricPreferencesDialog *self = RUBRIC_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (rubric_preferences_dialog_parent_class)->dispose (object);
}

static void
rubric_preferences_dialog_class_init (RubricPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricPreferencesDialog, interviewer_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPreferencesDialog, text_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RubricPreferencesDialog, safe_mode_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPreferencesDialog, show_pacing_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPreferencesDialog, pacing_reminders_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPreferencesDialog, spell_check_row);
}

static void
rubric_preferences_dialog_init (RubricPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  rubric_a11y_quiet_scrollers (adw_dialog_get_child (ADW_DIALOG (self)));

  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind (self->settings, "default-interviewer", self->interviewer_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "safe-mode", self->safe_mode_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-pacing", self->show_pacing_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "pacing-reminders", self->pacing_reminders_row, "active", G_SETTINGS_BIND_DEFAULT);
  /* Every open notes view follows the setting at once. */
  g_settings_bind (self->settings, "spell-check", self->spell_check_row, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_visible (GTK_WIDGET (self->spell_check_row), rubric_notes_view_can_check_spelling ());
  g_settings_bind_with_mapping (self->settings, "text-size", self->text_size_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, factor_to_percent, percent_to_factor,
                                NULL, NULL);
}

AdwDialog *
rubric_preferences_dialog_new (void)
{
  return g_object_new (RUBRIC_TYPE_PREFERENCES_DIALOG, NULL);
}
