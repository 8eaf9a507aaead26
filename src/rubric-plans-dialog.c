/* rubric-plans-dialog.c — the interview plans of a kit: make, change,
 * share and delete them
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row a plan of the kit, with Edit, Duplicate, Export… and Delete (not
 * for the plans that come with Rubric: editing one saves a copy). Delete
 * is at once, with Undo in its toast: undoing saves the plan again. Every
 * button is one of the dialog's plans.* actions, with the plan's id.
 */

#define G_LOG_DOMAIN "rubric-plans-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-file-dialog.h"
#include "rubric-plan-editor.h"
#include "rubric-plans-dialog.h"
#include "rubric-toast.h"
#include "rubric-wrap.h"

struct _RubricPlansDialog
{
  AdwDialog parent_instance;

  RubricPlanLibrary *library;
  RubricKit *kit;
  GListModel *kits;
  GtkFilterListModel *plans;   /* the library's plans for the kit */

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *plans_group;
  GtkListBox *plans_list;
};

G_DEFINE_FINAL_TYPE (RubricPlansDialog, rubric_plans_dialog, ADW_TYPE_DIALOG)

static void
rubric_plans_dialog_dispose (GObject *object)
{
  RubricPlansDialog *self = RUBRIC_PLANS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_PLANS_DIALOG);
  g_clear_object (&self->plans);
  g_clear_object (&self->library);
  g_clear_object (&self->kit);
  g_clear_object (&self->kits);

  G_OBJECT_CLASS (rubric_plans_dialog_parent_class)->dispose (object);
}

static void
toast (RubricPlansDialog *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, rubric_toast_new (text));
}

static void
show_error (RubricPlansDialog *self,
            const char        *heading,
            const char        *body)
{
  AdwDialog *alert = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ rows */

/* @label: what screen readers call it (takes it) */
static GtkWidget *
row_button (RubricPlan *plan,
            const char *icon,
            const char *tooltip,
            char       *label,
            const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rubric_plan_get_id (plan));
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RubricPlansDialog *self = user_data;
  RubricPlan *plan = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  guint planned = rubric_plan_get_planned_minutes (plan, self->kit);
  guint slot = rubric_plan_get_slot_minutes (plan);
  guint n_topics = rubric_plan_get_n_topics (plan);
  gboolean bundled = rubric_plan_library_is_bundled (self->library, plan);
  const char *name = rubric_plan_get_name (plan);
  char *label;

  rubric_wrap_within (GTK_WIDGET (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rubric_plan_get_name (plan));
  subtitle = g_strdup_printf (bundled
                              /* Translators: a plan's row: its topics, planned minutes and slot,
                               * e.g. "10 topics · 60 of 60 min · comes with Rubric" */
                              ? g_dngettext (GETTEXT_PACKAGE, "%u topic · %u of %u min · comes with Rubric",
                                             "%u topics · %u of %u min · comes with Rubric", n_topics)
                              /* Translators: a plan's row: its topics, planned minutes and slot,
                               * e.g. "9 topics · 58 of 60 min" */
                              : g_dngettext (GETTEXT_PACKAGE, "%u topic · %u of %u min",
                                             "%u topics · %u of %u min", n_topics),
                              n_topics, planned, slot);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: what screen readers call a button of a plan's row; %s is
   * the plan's name */
  label = g_strdup_printf (_("Edit %s"), name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (plan, "document-edit-symbolic", _("Edit"), label, "plans.edit"));
  /* Translators: what screen readers call a button of a plan's row; %s is
   * the plan's name */
  label = g_strdup_printf (_("Duplicate %s"), name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (plan, "edit-copy-symbolic", _("Duplicate"), label, "plans.duplicate"));
  /* Translators: what screen readers call a button of a plan's row; %s is
   * the plan's name */
  label = g_strdup_printf (_("Export %s"), name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (plan, "document-send-symbolic", _("Export…"), label, "plans.export"));
  if (!bundled)
    {
      /* Translators: what screen readers call a button of a plan's row; %s
       * is the plan's name */
      label = g_strdup_printf (_("Delete %s"), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (plan, "user-trash-symbolic", _("Delete"), label, "plans.delete"));
    }
  return row;
}

static gboolean
is_for_kit (gpointer item,
            gpointer user_data)
{
  return g_str_equal (rubric_plan_get_kit_id (item), rubric_kit_get_id (user_data));
}

static RubricPlan *
lookup (RubricPlansDialog *self,
        GVariant          *parameter)
{
  return rubric_plan_library_lookup (self->library, g_variant_get_string (parameter, NULL));
}

/* --------------------------------------------------------------- actions */

static void
open_editor (RubricPlansDialog *self,
             RubricPlan        *plan)
{
  RubricPlanEditor *editor = rubric_plan_editor_new (self->library, self->kit, plan);

  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (self));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (RUBRIC_PLANS_DIALOG (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricPlansDialog *self = RUBRIC_PLANS_DIALOG (widget);
  RubricPlan *plan = lookup (self, parameter);

  if (plan != NULL)
    open_editor (self, plan);
}

static void
duplicated_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RubricPlansDialog) self = user_data;
  g_autoptr(RubricPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  saved = rubric_plan_library_save_finish (RUBRIC_PLAN_LIBRARY (object), result, &error);
  if (saved == NULL)
    {
      show_error (self, _("Could Not Save the Plan"), error->message);
      return;
    }
  /* Translators: a toast; %s is the new plan's name */
  text = g_strdup_printf (_("“%s” made"), rubric_plan_get_name (saved));
  toast (self, text);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RubricPlansDialog *self = RUBRIC_PLANS_DIALOG (widget);
  RubricPlan *plan = lookup (self, parameter);
  g_autoptr(RubricPlan) copy = NULL;

  if (plan == NULL)
    return;
  copy = rubric_plan_library_duplicate (self->library, plan);
  rubric_plan_library_save_async (self->library, copy, NULL, duplicated_cb, g_object_ref (self));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RubricPlansDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rubric_plan_library_export_finish (RUBRIC_PLAN_LIBRARY (object), result, &error))
    show_error (self, _("Could Not Export the Plan"), error->message);
  else
    toast (self, _("Plan exported"));
}

/**
 * rubric_plans_dialog_export_to:
 *
 * Writes the plan @plan_id to @file, as Export… does once a file is
 * chosen.
 */
void
rubric_plans_dialog_export_to (RubricPlansDialog *self,
                               const char        *plan_id,
                               GFile             *file)
{
  RubricPlan *plan;

  g_return_if_fail (RUBRIC_IS_PLANS_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  plan = rubric_plan_library_lookup (self->library, plan_id);
  if (plan != NULL)
    rubric_plan_library_export_async (self->library, plan, file, NULL, exported_cb, g_object_ref (self));
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricPlansDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  const char *plan_id = g_object_get_data (object, "rubric-plan-id");

  if (file != NULL)
    rubric_plans_dialog_export_to (self, plan_id, file);
}

static GtkFileDialog *
plan_file_dialog (const char *title)
{
  /* Translators: the name of a file type in the file chooser: interview
   * plan files */
  return rubric_file_dialog_new (title, _("Interview Plans"), "json", NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricPlansDialog *self = RUBRIC_PLANS_DIALOG (widget);
  RubricPlan *plan = lookup (self, parameter);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *name = NULL;

  if (plan == NULL)
    return;
  dialog = plan_file_dialog (_("Export the Plan"));
  name = g_strconcat (rubric_plan_get_id (plan), ".json", NULL);
  gtk_file_dialog_set_initial_name (dialog, name);
  g_object_set_data_full (G_OBJECT (dialog), "rubric-plan-id", g_strdup (rubric_plan_get_id (plan)), g_free);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, export_chosen_cb,
                        g_object_ref (self));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RubricPlansDialog) self = user_data;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *name = g_object_get_data (object, "rubric-import-name");

  plan = rubric_plan_library_import_finish (RUBRIC_PLAN_LIBRARY (object), result, &error);
  if (plan == NULL)
    {
      /* Exactly what is wrong, and where, as the core says it. */
      g_autofree char *body = g_strdup_printf ("%s\n%s", name != NULL ? name : "", error->message);

      show_error (self, _("Could Not Import the Plan"), body);
      return;
    }
  /* Translators: a toast; %s is the imported plan's name */
  text = g_strdup_printf (_("“%s” imported"), rubric_plan_get_name (plan));
  toast (self, text);
}

/**
 * rubric_plans_dialog_import_file:
 *
 * Imports @file, as Import a Plan… does once a file is chosen; a refusal
 * is an alert that says where the problem is.
 */
void
rubric_plans_dialog_import_file (RubricPlansDialog *self,
                                 GFile             *file)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (RUBRIC_IS_PLANS_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!rubric_plan_library_get_loaded (self->library))
    {
      toast (self, _("Still looking for plans; try again in a moment"));
      return;
    }
  basename = g_file_get_basename (file);
  g_object_set_data_full (G_OBJECT (self->library), "rubric-import-name",
                          g_filename_display_name (basename), g_free);
  rubric_plan_library_import_async (self->library, file, self->kits, NULL, imported_cb, g_object_ref (self));
}

static void
import_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RubricPlansDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    rubric_plans_dialog_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = plan_file_dialog (_("Import a Plan"));

  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, import_chosen_cb,
                        g_object_ref (widget));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RubricPlansDialog) self = user_data;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = rubric_plan_library_save_finish (RUBRIC_PLAN_LIBRARY (object), result, &error);
  if (plan == NULL)
    show_error (self, _("Could Not Restore the Plan"), error->message);
}

static void
on_undo_delete_cb (AdwToast          *undo_toast,
                   RubricPlansDialog *self)
{
  RubricPlan *plan = g_object_get_data (G_OBJECT (undo_toast), "rubric-plan");

  rubric_plan_library_save_async (self->library, plan, NULL, restored_cb, g_object_ref (self));
}

typedef struct
{
  RubricPlansDialog *self;
  RubricPlan *plan;        /* a copy: what Undo saves again */
} Deleting;

static void
deleting_free (Deleting *deleting)
{
  g_object_unref (deleting->self);
  g_object_unref (deleting->plan);
  g_free (deleting);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Deleting, deleting_free)

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Deleting) deleting = user_data;
  RubricPlansDialog *self = deleting->self;
  RubricPlan *plan = deleting->plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *deleted;

  if (!rubric_plan_library_delete_finish (RUBRIC_PLAN_LIBRARY (object), result, &error))
    {
      show_error (self, _("Could Not Delete the Plan"), error->message);
      return;
    }

  /* Translators: a toast with an Undo button; %s is the plan's name */
  text = g_strdup_printf (_("“%s” deleted"), rubric_plan_get_name (plan));
  deleted = rubric_toast_new (text);
  adw_toast_set_button_label (deleted, _("_Undo"));
  /* Undo is for now: not behind another toast. */
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (deleted), "rubric-plan", g_object_ref (plan), g_object_unref);
  g_signal_connect_object (deleted, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, deleted);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricPlansDialog *self = RUBRIC_PLANS_DIALOG (widget);
  RubricPlan *plan = lookup (self, parameter);
  Deleting *deleting;

  if (plan == NULL)
    return;
  deleting = g_new0 (Deleting, 1);
  deleting->self = g_object_ref (self);
  deleting->plan = rubric_plan_copy (plan, NULL);
  rubric_plan_library_delete_async (self->library, plan, NULL, deleted_cb, deleting);
}

static void
rubric_plans_dialog_class_init (RubricPlansDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_plans_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-plans-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricPlansDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricPlansDialog, plans_group);
  gtk_widget_class_bind_template_child (widget_class, RubricPlansDialog, plans_list);

  gtk_widget_class_install_action (widget_class, "plans.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "plans.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "plans.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "plans.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "plans.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "plans.delete", "s", delete_action);
}

static void
rubric_plans_dialog_init (RubricPlansDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  rubric_a11y_quiet_scrollers (adw_dialog_get_child (ADW_DIALOG (self)));
}

/**
 * rubric_plans_dialog_new:
 * @kits: the installed kits: an import must be for one of them
 *
 * Returns: (transfer floating): the dialog, for @kit's plans
 */
RubricPlansDialog *
rubric_plans_dialog_new (RubricPlanLibrary *library,
                         RubricKit         *kit,
                         GListModel        *kits)
{
  RubricPlansDialog *self;
  GtkCustomFilter *filter;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (library), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (kits), NULL);

  self = g_object_new (RUBRIC_TYPE_PLANS_DIALOG, NULL);
  self->library = g_object_ref (library);
  self->kit = g_object_ref (kit);
  self->kits = g_object_ref (kits);

  /* Translators: the heading of the list of plans; %s is the kit's title.
   * (A group's title is markup: the kit's title is escaped.) */
  title = g_markup_printf_escaped (_("Plans for “%s”"), rubric_kit_get_title (kit));
  adw_preferences_group_set_title (self->plans_group, title);
  filter = gtk_custom_filter_new (is_for_kit, g_object_ref (kit), g_object_unref);
  self->plans = gtk_filter_list_model_new (g_object_ref (rubric_plan_library_get_plans (library)),
                                           GTK_FILTER (filter));
  gtk_list_box_bind_model (self->plans_list, G_LIST_MODEL (self->plans), create_row, self, NULL);

  return self;
}
