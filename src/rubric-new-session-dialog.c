/* rubric-new-session-dialog.c — asks who is interviewed, for what, by whom
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan choice lists the library's plans for the kit after "Whole Kit
 * (No Plan)", and starts on the plan last started with (the "plan" key:
 * its id, "-" for no plan), or else the plan that comes with Rubric.
 */

#define G_LOG_DOMAIN "rubric-new-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-new-session-dialog.h"
#include "rubric-wrap.h"

struct _RubricNewSessionDialog
{
  AdwAlertDialog parent_instance;

  RubricKit *kit;
  RubricPlanLibrary *library;
  GPtrArray *plans;        /* RubricPlan, one an item of plan_names after the first */
  GSettings *settings;

  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *interviewer_row;
  AdwComboRow *plan_row;
  GtkStringList *plan_names;
};

/* The "plan" key's value for no plan; no plan id can be it. */
#define NO_PLAN "-"

G_DEFINE_FINAL_TYPE (RubricNewSessionDialog, rubric_new_session_dialog, ADW_TYPE_ALERT_DIALOG)

static void
rubric_new_session_dialog_dispose (GObject *object)
{
  RubricNewSessionDialog *self = RUBRIC_NEW_SESSION_DIALOG (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (rubric_plan_library_get_plans (self->library), self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_object (&self->settings);
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
  gtk_widget_class_bind_template_child (widget_class, RubricNewSessionDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, RubricNewSessionDialog, plan_names);
}

static const char *
selected_plan_id (RubricNewSessionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->plan_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->plans->len)
    return NO_PLAN;
  return rubric_plan_get_id (g_ptr_array_index (self->plans, selected - 1));
}

/* The library's plans for the kit, the one chosen before still chosen. */
static void
fill_plans (RubricNewSessionDialog *self,
            const char             *wanted)
{
  GListModel *plans = rubric_plan_library_get_plans (self->library);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->plans, 0);
  /* Translators: the choice of no interview plan: every question of the
   * kit, in its order */
  g_strv_builder_add (names, _("Whole Kit (No Plan)"));
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(RubricPlan) plan = g_list_model_get_item (plans, i);

      if (!g_str_equal (rubric_plan_get_kit_id (plan), rubric_kit_get_id (self->kit)))
        continue;
      g_ptr_array_add (self->plans, g_object_ref (plan));
      g_strv_builder_add (names, rubric_plan_get_name (plan));
      if (g_str_equal (rubric_plan_get_id (plan), wanted))
        selected = self->plans->len;
    }
  /* A plan gone since is replaced by the bundled one. */
  if (selected == 0 && !g_str_equal (wanted, NO_PLAN))
    for (guint i = 0; i < self->plans->len; i++)
      if (rubric_plan_library_is_bundled (self->library, g_ptr_array_index (self->plans, i)))
        {
          selected = i + 1;
          break;
        }

  strv = g_strv_builder_end (names);
  gtk_string_list_splice (self->plan_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->plan_names)),
                          (const char * const *) strv);
  adw_combo_row_set_selected (self->plan_row, selected);
}

static char *
dup_default_plan_id (RubricNewSessionDialog *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "plan");
  RubricPlan *bundled;

  if (*last != '\0')
    return g_steal_pointer (&last);
  bundled = rubric_plan_library_get_bundled_for_kit (self->library, rubric_kit_get_id (self->kit));
  return g_strdup (bundled != NULL ? rubric_plan_get_id (bundled) : NO_PLAN);
}

static void
on_plans_changed_cb (RubricNewSessionDialog *self)
{
  g_autofree char *wanted = NULL;

  /* What the user chose stays chosen; before any plan was listed, the
   * default. */
  if (self->plans->len > 0)
    wanted = g_strdup (selected_plan_id (self));
  else
    wanted = dup_default_plan_id (self);
  fill_plans (self, wanted);
}

static void
on_response_cb (RubricNewSessionDialog *self,
                const char             *response)
{
  if (g_str_equal (response, "start") && self->library != NULL)
    g_settings_set_string (self->settings, "plan", selected_plan_id (self));
}

static void
rubric_new_session_dialog_init (RubricNewSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  self->plans = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (SCHEMA_ID);
  /* Until the application hands over its plans, there is no choice. */
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), FALSE);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
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

/**
 * rubric_new_session_dialog_set_plan_library:
 *
 * Offers the library's plans for the dialog's kit, the last one started
 * with (or the bundled one) first chosen. The list follows the library.
 */
void
rubric_new_session_dialog_set_plan_library (RubricNewSessionDialog *self,
                                            RubricPlanLibrary      *library)
{
  g_autofree char *wanted = NULL;

  g_return_if_fail (RUBRIC_IS_NEW_SESSION_DIALOG (self));
  g_return_if_fail (RUBRIC_IS_PLAN_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  g_signal_connect_swapped (rubric_plan_library_get_plans (library), "items-changed",
                            G_CALLBACK (on_plans_changed_cb), self);
  wanted = dup_default_plan_id (self);
  fill_plans (self, wanted);
  /* Its drop-down exists once the row has items. */
  rubric_a11y_name_combo_row (self->plan_row);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), TRUE);
}

/**
 * rubric_new_session_dialog_dup_plan:
 *
 * Returns: (transfer full) (nullable): a copy of the chosen plan, or %NULL
 *   for the whole kit
 */
RubricPlan *
rubric_new_session_dialog_dup_plan (RubricNewSessionDialog *self)
{
  guint selected;

  g_return_val_if_fail (RUBRIC_IS_NEW_SESSION_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->plan_row);
  if (self->library == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->plans->len)
    return NULL;
  return rubric_plan_copy (g_ptr_array_index (self->plans, selected - 1), NULL);
}
