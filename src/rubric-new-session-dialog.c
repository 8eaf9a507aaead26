/* rubric-new-session-dialog.c — asks who is interviewed, for what, by whom
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-new-session-dialog"

#include "config.h"

#include "rubric-a11y.h"
#include "rubric-new-session-dialog.h"

struct _RubricNewSessionDialog
{
  AdwAlertDialog parent_instance;

  RubricKit *kit;

  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *interviewer_row;
};

G_DEFINE_FINAL_TYPE (RubricNewSessionDialog, rubric_new_session_dialog, ADW_TYPE_ALERT_DIALOG)

static void
rubric_new_session_dialog_dispose (GObject *object)
{
  RubricNewSessionDialog *self = RUBRIC_NEW_SESSION_DIALOG (object);

  g_clear_object (&self->kit);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_NEW_SESSION_DIALOG);

  G_OBJECT_CLASS (rubric_new_session_dialog_parent_class)->dispose (object);
}

static void
rubric_new_session_dialog_class_init (RubricNewSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_new_session_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-new-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricNewSessionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RubricNewSessionDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, RubricNewSessionDialog, interviewer_row);
}

static void
rubric_new_session_dialog_init (RubricNewSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_a11y_quiet_scrollers (adw_dialog_get_child (ADW_DIALOG (self)));
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->name_row));
}

/**
 * rubric_new_session_dialog_new:
 * @interviewer: (nullable): the default interviewer from the preferences
 */
RubricNewSessionDialog *
rubric_new_session_dialog_new (RubricKit  *kit,
                               const char *interviewer)
{
  RubricNewSessionDialog *self;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  self = g_object_new (RUBRIC_TYPE_NEW_SESSION_DIALOG, NULL);
  self->kit = g_object_ref (kit);
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), rubric_kit_get_title (kit));
  gtk_editable_set_text (GTK_EDITABLE (self->interviewer_row), interviewer != NULL ? interviewer : "");

  return self;
}

/**
 * rubric_new_session_dialog_dup_session:
 *
 * Returns: (transfer full): a new session with what the user entered
 */
RubricSession *
rubric_new_session_dialog_dup_session (RubricNewSessionDialog *self)
{
  g_autoptr(RubricSession) session = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *interviewer = NULL;

  g_return_val_if_fail (RUBRIC_IS_NEW_SESSION_DIALOG (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_row))));
  interviewer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->interviewer_row))));

  session = rubric_session_new (self->kit);
  rubric_session_set_candidate_name (session, name);
  rubric_session_set_candidate_role (session, role);
  rubric_session_set_interviewer (session, interviewer);

  return g_steal_pointer (&session);
}
