/* test-dialogs.c — the preferences, new-interview and shortcuts dialogs,
 * each built on its own
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-new-session-dialog.h"
#include "rubric-notes-view.h"
#include "rubric-preferences-dialog.h"
#include "rubric-shortcuts-dialog.h"
#include "rubric-shortcuts.h"
#include "rubric-test-utils.h"

static void
collect_labels (GtkWidget  *widget,
                const char *text,
                GPtrArray  *labels)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text, labels);
}

/* Is @widget, or anything in it, named by one of @labels? */
static gboolean
labelled_by_one_of (GtkWidget *widget,
                    GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      /* A list of references is given as the references, NULL-terminated. */
      g_autofree char *mismatch = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                       g_ptr_array_index (labels, i), NULL);

      if (mismatch == NULL)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (labelled_by_one_of (child, labels))
      return TRUE;
  return FALSE;
}

/* @row is titled @title, and what a screen reader lands on in it is
 * named by that title. */
static void
assert_named (gpointer    row,
              const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  collect_labels (GTK_WIDGET (row), title, labels);
  g_assert_cmpuint (labels->len, >, 0);
  g_assert_true (labelled_by_one_of (GTK_WIDGET (row), labels));
}

/* ------------------------------------------------------------ preferences */

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  AdwDialog *dialog = g_object_ref_sink (rubric_preferences_dialog_new ());
  GType type = RUBRIC_TYPE_PREFERENCES_DIALOG;
  AdwEntryRow *interviewer = rubric_test_template_child (dialog, type, "interviewer_row");
  AdwActionRow *text_size_row;
  GtkSpinButton *text_size = NULL;
  AdwSwitchRow *safe_mode = rubric_test_template_child (dialog, type, "safe_mode_row");
  AdwSwitchRow *spell_check = rubric_test_template_child (dialog, type, "spell_check_row");
  g_autofree char *name = NULL;

  text_size = rubric_test_template_child (dialog, type, "text_size_spin");
  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (dialog)), >=, 5);
  text_size_row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (text_size), ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (text_size);

  assert_named (interviewer, "Default Interviewer");
  /* The spin button itself is named: the row around it is not in the
   * accessibility tree's way. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (text_size_row)), ==, "Text Size");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text_size), GTK_ACCESSIBLE_PROPERTY_LABEL, "Text Size");
  assert_named (safe_mode, "Screen-Share Safe Mode");
  assert_named (spell_check, "Check Spelling");
  /* Offered only by a build that can check spelling. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (spell_check)) == rubric_notes_view_can_check_spelling ());

  /* The rows are the settings, both ways; text size shows as percent. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (interviewer)), ==, "");
  g_assert_cmpfloat (gtk_spin_button_get_value (text_size), ==, 100.0);
  g_assert_false (adw_switch_row_get_active (safe_mode));
  g_assert_true (adw_switch_row_get_active (spell_check));

  gtk_editable_set_text (GTK_EDITABLE (interviewer), "Sam Lee");
  name = g_settings_get_string (settings, "default-interviewer");
  g_assert_cmpstr (name, ==, "Sam Lee");
  gtk_spin_button_set_value (text_size, 150);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.5, 1e-9);
  adw_switch_row_set_active (safe_mode, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "safe-mode"));
  adw_switch_row_set_active (spell_check, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "spell-check"));

  g_settings_set_double (settings, "text-size", 1.2);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (text_size), 120.0, 1e-9);
  g_settings_set_boolean (settings, "safe-mode", FALSE);
  g_assert_false (adw_switch_row_get_active (safe_mode));
  g_settings_set_boolean (settings, "spell-check", TRUE);
  g_assert_true (adw_switch_row_get_active (spell_check));

  g_assert_finalize_object (dialog);

  /* Nothing of the dialog is left listening. */
  g_settings_reset (settings, "default-interviewer");
  g_settings_reset (settings, "text-size");
  g_settings_reset (settings, "safe-mode");
  g_settings_reset (settings, "spell-check");
}

/* ------------------------------------------------------------ new session */

static void
test_new_session (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  RubricNewSessionDialog *dialog = g_object_ref_sink (rubric_new_session_dialog_new (kit, "Sam Lee"));
  GType type = RUBRIC_TYPE_NEW_SESSION_DIALOG;
  GtkEditable *name = rubric_test_template_child (dialog, type, "name_row");
  GtkEditable *role = rubric_test_template_child (dialog, type, "role_row");
  GtkEditable *interviewer = rubric_test_template_child (dialog, type, "interviewer_row");
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricSession) again = NULL;

  assert_named (name, "Candidate");
  rubric_test_assert_wrapping_labels (GTK_WIDGET (dialog));
  assert_named (role, "Role");
  assert_named (interviewer, "Interviewer");
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "start"));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "cancel"));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (dialog)), ==, "start");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");

  /* It starts with the kit's title as the role and the default interviewer. */
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (role), ==, "Example");
  g_assert_cmpstr (gtk_editable_get_text (interviewer), ==, "Sam Lee");

  /* What was typed, without stray spaces, in a new session of the kit. */
  gtk_editable_set_text (name, "  Ada Lovelace ");
  gtk_editable_set_text (role, "Analytical Engineer\t");
  gtk_editable_set_text (interviewer, "");
  session = rubric_new_session_dialog_dup_session (dialog);
  g_assert_cmpstr (rubric_session_get_candidate_name (session), ==, "Ada Lovelace");
  g_assert_cmpstr (rubric_session_get_candidate_role (session), ==, "Analytical Engineer");
  g_assert_cmpstr (rubric_session_get_interviewer (session), ==, "");
  g_assert_cmpstr (rubric_session_get_kit_id (session), ==, rubric_kit_get_id (kit));
  g_assert_cmpuint (g_list_model_get_n_items (rubric_session_get_answers (session)), ==, 0);
  g_assert_false (rubric_session_get_read_only (session));

  /* Each call is a session of its own. */
  again = rubric_new_session_dialog_dup_session (dialog);
  g_assert_true (again != session);
  rubric_session_set_candidate_name (again, "Grace Hopper");
  g_assert_cmpstr (rubric_session_get_candidate_name (session), ==, "Ada Lovelace");

  /* The sessions outlive the dialog. */
  g_assert_finalize_object (dialog);
  g_assert_cmpstr (rubric_session_get_candidate_role (session), ==, "Analytical Engineer");
}

/* Without a default interviewer the field starts empty, and stays so. */
static void
test_new_session_no_interviewer (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  RubricNewSessionDialog *dialog = g_object_ref_sink (rubric_new_session_dialog_new (kit, NULL));
  g_autoptr(RubricSession) session = NULL;

  g_assert_cmpstr (gtk_editable_get_text (rubric_test_template_child (dialog, RUBRIC_TYPE_NEW_SESSION_DIALOG,
                                                                       "interviewer_row")), ==, "");
  session = rubric_new_session_dialog_dup_session (dialog);
  g_assert_cmpstr (rubric_session_get_interviewer (session), ==, "");
  g_assert_cmpstr (rubric_session_get_candidate_role (session), ==, "Example");

  g_assert_finalize_object (dialog);
}

static gboolean
is_popup_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL;
}

/* The plan choice: the kit's plans after the whole kit, starting on the
 * last one started with, or else the bundled plan. */
static void
test_new_session_plan (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GBytes) bundled = g_resources_lookup_data (RESOURCE_PATH "/plans/django-senior-60.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(RubricPlanLibrary) library = rubric_plan_library_new (bundled);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  g_autofree char *last = NULL;
  RubricNewSessionDialog *dialog;
  AdwComboRow *row;
  GListModel *names;

  g_settings_reset (settings, "plan");
  rubric_plan_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_plan_library_load_finish (library, rubric_test_wait_for (&result), NULL));

  /* Nothing chosen before: the bundled plan. */
  dialog = g_object_ref_sink (rubric_new_session_dialog_new (kit, NULL));
  row = rubric_test_template_child (dialog, RUBRIC_TYPE_NEW_SESSION_DIALOG, "plan_row");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_null (rubric_new_session_dialog_dup_plan (dialog));
  rubric_new_session_dialog_set_plan_library (dialog, library);
  assert_named (row, "Plan");
  /* The chosen plan reads as the row's subtitle (no list of its own in
   * the row), and its drop-down's list is named as the row. */
  g_assert_true (adw_combo_row_get_use_subtitle (row));
  {
    GtkWidget *list = rubric_test_find (GTK_WIDGET (row), is_popup_list, NULL);

    g_assert_nonnull (list);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Plan");
  }
  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Whole Kit (No Plan)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "60-minute senior round");
  plan = rubric_new_session_dialog_dup_plan (dialog);
  g_assert_cmpstr (rubric_plan_get_id (plan), ==, "django-senior-60");
  g_assert_true (plan != rubric_plan_library_lookup (library, "django-senior-60"));
  g_clear_object (&plan);

  /* The whole kit, started: remembered for next time. */
  adw_combo_row_set_selected (row, 0);
  g_assert_null (rubric_new_session_dialog_dup_plan (dialog));
  g_signal_emit_by_name (dialog, "response", "start");
  last = g_settings_get_string (settings, "plan");
  g_assert_cmpstr (last, ==, "-");
  g_assert_finalize_object (dialog);

  dialog = g_object_ref_sink (rubric_new_session_dialog_new (kit, NULL));
  rubric_new_session_dialog_set_plan_library (dialog, library);
  g_assert_null (rubric_new_session_dialog_dup_plan (dialog));
  /* Cancelled: nothing remembered. */
  adw_combo_row_set_selected (rubric_test_template_child (dialog, RUBRIC_TYPE_NEW_SESSION_DIALOG, "plan_row"), 1);
  g_signal_emit_by_name (dialog, "response", "cancel");
  g_free (last);
  last = g_settings_get_string (settings, "plan");
  g_assert_cmpstr (last, ==, "-");
  g_assert_finalize_object (dialog);

  /* A plan gone since: the bundled one again. */
  g_settings_set_string (settings, "plan", "deleted-plan");
  dialog = g_object_ref_sink (rubric_new_session_dialog_new (kit, NULL));
  rubric_new_session_dialog_set_plan_library (dialog, library);
  plan = rubric_new_session_dialog_dup_plan (dialog);
  g_assert_cmpstr (rubric_plan_get_id (plan), ==, "django-senior-60");
  g_assert_finalize_object (dialog);

  /* Another kit's plans are not offered. */
  g_clear_object (&kit);
  kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  dialog = g_object_ref_sink (rubric_new_session_dialog_new (kit, NULL));
  rubric_new_session_dialog_set_plan_library (dialog, library);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rubric_test_template_child (dialog, RUBRIC_TYPE_NEW_SESSION_DIALOG, "plan_row"))), ==, 1);
  g_assert_null (rubric_new_session_dialog_dup_plan (dialog));
  g_assert_finalize_object (dialog);

  g_settings_reset (settings, "plan");
}

/* -------------------------------------------------------------- shortcuts */

/* From the dialog's page: an AdwDialog holds its content only once shown. */
static void
collect_rows (GtkWidget  *widget,
              GHashTable *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_hash_table_insert (rows, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static char *
key_label (const char *accel)
{
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  return gtk_accelerator_get_label (key, mods);
}

/* The row titled @title lists @keys, joined as the dialog joins them, and
 * says them to screen readers too. */
static void
assert_keys (GHashTable         *rows,
             const char         *title,
             const char * const *keys)
{
  GtkWidget *row = g_hash_table_lookup (rows, title);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_nonnull (row);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *label = key_label (keys[i]);

      if (i > 0)
        g_string_append (expected, " or ");
      g_string_append (expected, label);
    }
  collect_labels (row, expected->str, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected->str);
  assert_named (row, title);
}

/* The row titled @title shows the run of keys from @first to @last as
 * one range, and says it so. */
static void
assert_range (GHashTable *rows,
              const char *title,
              const char *first,
              const char *last)
{
  GtkWidget *row = g_hash_table_lookup (rows, title);
  g_autofree char *first_label = key_label (first);
  g_autofree char *last_label = key_label (last);
  g_autofree char *expected = g_strdup_printf ("%s to %s", first_label, last_label);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_nonnull (row);
  collect_labels (row, expected, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  assert_named (row, title);
}

static GHashTable *
shortcut_rows (AdwDialog *dialog)
{
  GHashTable *rows = g_hash_table_new (g_str_hash, g_str_equal);

  collect_rows (rubric_test_template_child (dialog, RUBRIC_TYPE_SHORTCUTS_DIALOG, "page"), rows);
  return rows;
}

static const char * const next_question[] = { "j", NULL };

/* Without the application's accelerators only the single keys show: the
 * dialog lists the keys that work, not a copy of them. */
static void
test_shortcuts_single_keys (void)
{
  GtkApplication *app = gtk_application_new ("io.github.rubricapp.Rubric.TestDialogs", G_APPLICATION_NON_UNIQUE);
  AdwDialog *dialog = g_object_ref_sink (rubric_shortcuts_dialog_new (app));
  g_autoptr(GHashTable) rows = shortcut_rows (dialog);

  g_assert_null (g_hash_table_lookup (rows, "Save"));
  g_assert_null (g_hash_table_lookup (rows, "Preferences"));
  assert_keys (rows, "Next question", next_question);

  g_assert_finalize_object (dialog);
  g_assert_finalize_object (app);
}

static void
test_shortcuts (void)
{
  static const char * const save[] = { "<Control>s", NULL };
  static const char * const next_topic[] = { "<Control>Page_Down", NULL };
  static const char * const preferences[] = { "<Control>comma", NULL };
  static const char * const present[] = { "F5", NULL };
  static const char * const help[] = { "F1", NULL };
  GtkApplication *app = gtk_application_new ("io.github.rubricapp.Rubric.TestDialogs", G_APPLICATION_NON_UNIQUE);
  AdwDialog *dialog;
  g_autoptr(GHashTable) rows = NULL;

  rubric_shortcuts_set_accels (app);
  dialog = g_object_ref_sink (rubric_shortcuts_dialog_new (app));
  rows = shortcut_rows (dialog);
  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (dialog)), >=, 20);
  g_assert_true (adw_preferences_dialog_get_search_enabled (ADW_PREFERENCES_DIALOG (dialog)));
  assert_keys (rows, "Save", save);
  assert_keys (rows, "Next topic", next_topic);
  assert_keys (rows, "Next question", next_question);
  assert_keys (rows, "Preferences", preferences);
  assert_keys (rows, "Present the current question in a window of its own", present);

  /* A run of keys is said as a range, on the row and to screen readers:
   * "1 to 5", "Alt+1 to Alt+9", never each key. */
  assert_range (rows, "Rate the current question 1 to 5", "1", "5");
  assert_range (rows, "Tick key point or red flag 1 to 9 of the revealed question", "<Alt>1", "<Alt>9");
  assert_keys (rows, "Help", help);

  g_clear_pointer (&rows, g_hash_table_unref);
  g_assert_finalize_object (dialog);
  g_assert_finalize_object (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* No user's plans: a folder of the test's own. */
  data_home = g_dir_make_tmp ("rubric-test-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  rubric_test_init (&argc, &argv);

  g_test_add_func ("/dialogs/preferences", test_preferences);
  g_test_add_func ("/dialogs/new-session", test_new_session);
  g_test_add_func ("/dialogs/new-session/no-interviewer", test_new_session_no_interviewer);
  g_test_add_func ("/dialogs/new-session/plan", test_new_session_plan);
  g_test_add_func ("/dialogs/shortcuts/single-keys-only", test_shortcuts_single_keys);
  g_test_add_func ("/dialogs/shortcuts", test_shortcuts);

  status = g_test_run ();
  rubric_test_remove_tree (data_home);
  return status;
}
