/* test-plan-editor.c — the plan editor, driven through its widgets and
 * actions; saving lands a file in a temporary data folder
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rubric-core-test-utils.h"
#include "rubric-plan-editor.h"
#include "rubric-plans-dialog.h"
#include "rubric-test-utils.h"

static char *data_home;

static RubricPlanLibrary *
load_library (void)
{
  g_autoptr(GBytes) bundled = g_resources_lookup_data (RESOURCE_PATH "/plans/django-senior-60.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RubricPlanLibrary *library = rubric_plan_library_new (bundled);

  rubric_plan_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_plan_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);
  return library;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  g_autofree char *mismatch = NULL;

  if (!GTK_IS_BUTTON (widget) && !GTK_IS_SWITCH (widget))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

/* The control screen readers call @label; the test fails without it. */
static GtkWidget *
named (RubricPlanEditor *editor,
       const char       *label)
{
  GtkWidget *widget = rubric_test_find (GTK_WIDGET (editor), has_label, label);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwSwitchRow *
question_row (RubricPlanEditor *editor,
              RubricKit        *kit,
              const char       *question_id)
{
  RubricQuestion *question = rubric_kit_lookup_question (kit, question_id);
  GtkWidget *row;

  g_assert_nonnull (question);
  row = rubric_test_find (GTK_WIDGET (editor), is_titled, rubric_question_get_prompt (question));
  g_assert_nonnull (row);
  return ADW_SWITCH_ROW (row);
}

static const char *
total_text (RubricPlanEditor *editor)
{
  return gtk_label_get_text (rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "total_label"));
}

static void
saved_cb (RubricPlanEditor  *editor,
          RubricPlan        *plan,
          RubricPlan       **slot)
{
  g_set_object (slot, plan);
}

static AdwWindow *
host_window (int width,
             int height)
{
  AdwWindow *window = ADW_WINDOW (adw_window_new ());

  adw_window_set_content (window, adw_toolbar_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  rubric_test_show_window (GTK_WINDOW (window));
  return window;
}

static void
test_edit_and_save (void)
{
  g_autoptr(RubricPlanLibrary) library = load_library ();
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricPlan *bundled = rubric_plan_library_lookup (library, "django-senior-60");
  RubricPlanEditor *editor = g_object_ref_sink (rubric_plan_editor_new (library, kit, bundled));
  AdwToggleGroup *slot = rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "slot_group");
  AdwSpinRow *minutes = rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "minutes_row");
  GtkWidget *total = rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "total_label");
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(RubricPlan) saved = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  AdwWindow *window = host_window (1920, 1080);

  /* A dialog holds its content once shown. */
  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (window));
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (editor)), >=, 20);

  /* The bundled plan is not changed: the editor works on a copy. */
  g_assert_cmpstr (gtk_editable_get_text (rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "name_row")),
                   ==, "60-minute senior round (Copy)");
  g_assert_cmpstr (adw_toggle_group_get_active_name (slot), ==, "60");
  g_assert_cmpstr (total_text (editor), ==, "60 of 60 min");
  g_assert_false (gtk_widget_has_css_class (total, "error"));

  /* A follow-up switched on: the total goes over, and says so in words. */
  adw_switch_row_set_active (question_row (editor, kit, "migrations.large-tables"), TRUE);
  g_assert_cmpstr (total_text (editor), ==, "66 of 60 min — 6 min over");
  g_assert_true (gtk_widget_has_css_class (total, "error"));

  /* A longer slot from the toggles, any length from the spin row. */
  adw_toggle_group_set_active_name (slot, "75");
  g_assert_cmpfloat (adw_spin_row_get_value (minutes), ==, 75);
  g_assert_cmpstr (total_text (editor), ==, "66 of 75 min");
  g_assert_false (gtk_widget_has_css_class (total, "error"));
  adw_spin_row_set_value (minutes, 70);
  g_assert_cmpuint (adw_toggle_group_get_active (slot), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (total_text (editor), ==, "66 of 70 min");

  /* Every topic's last question off leaves it out. */
  adw_switch_row_set_active (question_row (editor, kit, "settings.environments"), FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (named (editor, "Ask Settings per environment"))));
  g_assert_cmpstr (total_text (editor), ==, "61 of 70 min");

  /* Moves by the buttons, and by the action the buttons share. */
  gtk_widget_grab_focus (named (editor, "Move Database migrations Down"));
  g_signal_emit_by_name (named (editor, "Move Database migrations Down"), "clicked");
  g_assert_false (gtk_widget_get_sensitive (named (editor, "Move Model relationships Up")));
  g_assert_true (gtk_widget_get_sensitive (named (editor, "Move Database migrations Up")));
  /* The focus stays on the button pressed, in the row's new place. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == named (editor, "Move Database migrations Down"));
  plan = rubric_plan_editor_dup_plan (editor);
  g_assert_cmpstr (rubric_plan_get_topic_id (plan, 0), ==, "relationships");
  g_assert_cmpstr (rubric_plan_get_topic_id (plan, 1), ==, "migrations");
  g_clear_object (&plan);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-down", "s", "queries");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-up", "s", "migrations");
  plan = rubric_plan_editor_dup_plan (editor);
  g_assert_cmpstr (rubric_plan_get_topic_id (plan, 0), ==, "migrations");
  g_assert_cmpuint (rubric_plan_get_n_topics (plan), ==, 9);
  g_assert_cmpstr (rubric_plan_get_topic_id (plan, 8), ==, "rest-apis");
  g_assert_true (rubric_plan_check (plan, kit, NULL));
  g_assert_cmpuint (rubric_plan_get_planned_minutes (plan, kit), ==, 61);

  gtk_editable_set_text (rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "name_row"), "Team round");
  rubric_test_wait (300);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), "plan-editor"), >, 100);

  /* Save writes the plan under an id of its own, in the data folder. */
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  RUBRIC_WAIT_FOR (saved != NULL, 5000);
  g_assert_cmpstr (rubric_plan_get_id (saved), ==, "django-senior-60-2");
  g_assert_true (rubric_plan_library_lookup (library, "django-senior-60-2") == saved);
  path = g_build_filename (data_home, "rubric", "plans", "django-senior-60-2.json", NULL);
  text = rubric_test_read_file (path);
  g_assert_nonnull (strstr (text, "\"name\" : \"Team round\""));
  g_assert_nonnull (strstr (text, "\"slot_minutes\" : 70"));

  rubric_test_iterate ();
  rubric_test_destroy_window (GTK_WINDOW (window));
  g_assert_finalize_object (editor);
}

/* Nothing named, nothing asked: no save, and a toast that says why. */
static void
test_refuses_empty (void)
{
  g_autoptr(RubricPlanLibrary) library = load_library ();
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricPlanEditor *editor = g_object_ref_sink (rubric_plan_editor_new (library, kit, NULL));
  guint n = g_list_model_get_n_items (rubric_plan_library_get_plans (library));
  g_autoptr(RubricPlan) saved = NULL;

  g_assert_cmpstr (gtk_editable_get_text (rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "name_row")),
                   ==, "New Plan");
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (editor)), ==, "New Plan");
  gtk_editable_set_text (rubric_test_template_child (editor, RUBRIC_TYPE_PLAN_EDITOR, "name_row"), "  ");
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  rubric_test_iterate ();
  g_assert_null (saved);
  g_assert_cmpuint (g_list_model_get_n_items (rubric_plan_library_get_plans (library)), ==, n);

  g_assert_finalize_object (editor);
}

/* At 400 pixels the dialog is a sheet; every row still reads. */
static void
test_narrow (void)
{
  g_autoptr(RubricPlanLibrary) library = load_library ();
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricPlan *bundled = rubric_plan_library_lookup (library, "django-senior-60");
  RubricPlanEditor *editor = g_object_ref_sink (rubric_plan_editor_new (library, kit, bundled));
  AdwWindow *window = host_window (400, 800);
  AdwExpanderRow *first;

  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (window));
  first = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (named (editor, "Move Database migrations Up"), ADW_TYPE_EXPANDER_ROW));
  adw_expander_row_set_expanded (first, TRUE);
  /* A sanitized build can take seconds to draw the sheet. */
  RUBRIC_WAIT_FOR (rubric_test_screenshot (GTK_WIDGET (window), "plan-editor-narrow") > 50, 10000);

  adw_dialog_force_close (ADW_DIALOG (editor));
  rubric_test_iterate ();
  rubric_test_destroy_window (GTK_WINDOW (window));
  g_assert_finalize_object (editor);
}

/* OBJECT, whose last reference the caller drops, is finalised once the
 * main loop has run what a closed dialog still had queued (in a slow build,
 * that can take more than one iteration). */
static void
assert_finalized (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  RUBRIC_WAIT_FOR (weak == NULL, 5000);
}

/* A kit's titles are shown as written, in the editor and in the plans
 * dialog: "&" and "<i>" are text, not markup (an error, or italics). */
static void
test_text_is_text (void)
{
  g_autoptr(RubricPlanLibrary) library = (rubric_test_clean_data_home (data_home), load_library ());
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("markup.rubric-kit.json");
  g_autoptr(GListStore) kits = g_list_store_new (RUBRIC_TYPE_KIT);
  RubricPlanEditor *editor = g_object_ref_sink (rubric_plan_editor_new (library, kit, NULL));
  RubricPlansDialog *dialog;
  AdwWindow *window = host_window (1000, 800);

  adw_dialog_present (ADW_DIALOG (editor), GTK_WIDGET (window));
  RUBRIC_WAIT_FOR (rubric_test_find_label (GTK_WIDGET (editor), "R&D <i>teams</i>") != NULL, 5000);
  adw_dialog_force_close (ADW_DIALOG (editor));
  assert_finalized (editor);

  g_list_store_append (kits, kit);
  dialog = g_object_ref_sink (rubric_plans_dialog_new (library, kit, G_LIST_MODEL (kits)));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  RUBRIC_WAIT_FOR (rubric_test_find_label (GTK_WIDGET (dialog), "Plans for “Q&A <b>Django</b>”") != NULL, 5000);
  adw_dialog_force_close (ADW_DIALOG (dialog));
  assert_finalized (dialog);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
find_in (gpointer         dialog,
         RubricTestMatch  match,
         const char      *what)
{
  return rubric_test_find (GTK_WIDGET (dialog), match, what);
}

static gboolean
is_alert (GtkWidget     *widget,
          gconstpointer  data)
{
  return ADW_IS_ALERT_DIALOG (widget);
}

static gboolean
is_undo (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

/* The plans dialog: a row a plan of the kit; duplicate, export, delete
 * with undo, and an import refused with where its problem is. */
static void
test_plans_dialog (void)
{
  g_autoptr(RubricPlanLibrary) library = (rubric_test_clean_data_home (data_home), load_library ());
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GListStore) kits = g_list_store_new (RUBRIC_TYPE_KIT);
  RubricPlansDialog *dialog;
  AdwWindow *window = host_window (1000, 800);
  g_autofree char *exported = g_build_filename (data_home, "shared.json", NULL);
  g_autofree char *broken = g_build_filename (data_home, "broken.json", NULL);
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autofree char *text = NULL;
  GtkWidget *undo;
  AdwDialog *alert;

  g_list_store_append (kits, kit);
  dialog = g_object_ref_sink (rubric_plans_dialog_new (library, kit, G_LIST_MODEL (kits)));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  rubric_test_iterate ();

  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (dialog)), >=, 2);
  /* The bundled plan: no Delete. */
  g_assert_nonnull (find_in (dialog, is_titled, "60-minute senior round"));
  g_assert_nonnull (rubric_test_find (GTK_WIDGET (dialog), has_label, "Edit 60-minute senior round"));
  g_assert_null (rubric_test_find (GTK_WIDGET (dialog), has_label, "Delete 60-minute senior round"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "plans.duplicate", "s", "django-senior-60");
  RUBRIC_WAIT_FOR (find_in (dialog, is_titled, "60-minute senior round (Copy)") != NULL, 5000);
  g_assert_nonnull (rubric_plan_library_lookup (library, "django-senior-60-2"));

  rubric_plans_dialog_export_to (dialog, "django-senior-60-2", exported_file);
  RUBRIC_WAIT_FOR (g_file_test (exported, G_FILE_TEST_EXISTS), 5000);
  text = rubric_test_read_file (exported);
  g_assert_nonnull (strstr (text, "\"id\" : \"django-senior-60-2\""));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "plans-dialog");

  /* Deleted at once; Undo saves it again. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plans.delete", "s", "django-senior-60-2");
  RUBRIC_WAIT_FOR (find_in (dialog, is_titled, "60-minute senior round (Copy)") == NULL, 5000);
  g_assert_null (rubric_plan_library_lookup (library, "django-senior-60-2"));
  undo = rubric_test_find (GTK_WIDGET (window), is_undo, NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  RUBRIC_WAIT_FOR (find_in (dialog, is_titled, "60-minute senior round (Copy)") != NULL, 5000);
  g_assert_nonnull (rubric_plan_library_lookup (library, "django-senior-60-2"));

  /* A broken file: an alert that says where. */
  rubric_test_write_file (broken, "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"x\"}");
  rubric_plans_dialog_import_file (dialog, broken_file);
  RUBRIC_WAIT_FOR (find_in (window, is_alert, NULL) != NULL, 5000);
  alert = ADW_DIALOG (find_in (window, is_alert, NULL));
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), ==, "broken.json\n$: The member “name” is missing");
  adw_dialog_force_close (alert);

  adw_dialog_force_close (ADW_DIALOG (dialog));
  rubric_test_iterate ();
  rubric_test_destroy_window (GTK_WINDOW (window));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the user's folders. */
  data_home = g_dir_make_tmp ("rubric-test-plan-editor-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  rubric_test_init (&argc, &argv);
  /* The sheet slides in over an animation that a sanitized build may not
   * have finished when the screenshot is taken: no animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/plan-editor/edit-and-save", test_edit_and_save);
  g_test_add_func ("/plan-editor/refuses-empty", test_refuses_empty);
  g_test_add_func ("/plan-editor/narrow", test_narrow);
  g_test_add_func ("/plan-editor/plans-dialog", test_plans_dialog);
  g_test_add_func ("/plan-editor/text-is-text", test_text_is_text);

  status = g_test_run ();

  rubric_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
