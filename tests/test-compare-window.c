/* test-compare-window.c — the compare view: a folder of sessions as a
 * sortable table of candidates, their audit and the interviewers'
 * calibration; a row opens its debrief; the export; the blind rule; how it
 * looks wide and narrow
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rubric-application.h"
#include "rubric-compare-export.h"
#include "rubric-compare-window.h"
#include "rubric-core-test-utils.h"
#include "rubric-debrief-window.h"
#include "rubric-test-utils.h"

#define window_child(window, name) rubric_test_template_child ((window), RUBRIC_TYPE_COMPARE_WINDOW, (name))

static GFile *
fixture_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "compare", NULL);

  return g_file_new_for_path (path);
}

/* A window on the fixture folder (or FOLDER), read as "Debrief a Folder…"
 * reads it, with ME as the user's own name; shown at WIDTH × HEIGHT. */
static RubricCompareWindow *
open_window (GFile      *folder,
             const char *me,
             int         width,
             int         height)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricCompare) compare = rubric_compare_new (kit);
  g_autoptr(GFile) fixtures = fixture_folder ();
  RubricCompareWindow *window;

  rubric_compare_set_me (compare, me);
  window = rubric_compare_window_new (NULL, compare);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  rubric_compare_window_load_folder (window, folder != NULL ? folder : fixtures);
  g_assert_true (rubric_compare_window_get_loading (window));
  RUBRIC_WAIT_FOR (!rubric_compare_window_get_loading (window), 10000);
  rubric_test_show_window (GTK_WINDOW (window));
  rubric_test_assert_wrapping_labels (GTK_WIDGET (window));
  return window;
}

static GListModel *
table_model (RubricCompareWindow *window)
{
  return G_LIST_MODEL (gtk_column_view_get_model (window_child (window, "table")));
}

/* The texts of the visible labels of the table's cells, row by row. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (child)));
      else
        collect_labels (child, texts);
    }
}

static GPtrArray *
table_texts (RubricCompareWindow *window)
{
  GPtrArray *texts = g_ptr_array_new ();

  collect_labels (window_child (window, "table"), texts);
  return texts;
}

static gboolean
texts_have (GPtrArray  *texts,
            const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* The folder as a table: one row a candidate, the topics of the plan as
 * columns, best first; the broken file listed, not in the way. */
static void
test_table (void)
{
  RubricCompareWindow *window = open_window (NULL, NULL, 1600, 1000);
  RubricCompare *compare = rubric_compare_window_get_compare (window);
  GtkColumnView *table = window_child (window, "table");
  GtkWidget *problems = window_child (window, "problems_group");
  g_autoptr(GPtrArray) texts = NULL;
  guint n = rubric_compare_get_n_candidates (compare);

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (table_model (window)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==,
                    3 + rubric_compare_get_n_topics (compare) + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (window, "stack")), ==, "compare");
  /* The keyboard starts in the table, on the first row. */
  RUBRIC_WAIT_FOR (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
                   gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (table)), 5000);

  /* Sorted by the overall score, highest first. */
  for (guint i = 1; i < n; i++)
    {
      const RubricCompareCandidate *before = rubric_compare_window_get_shown (window, i - 1);
      const RubricCompareCandidate *after = rubric_compare_window_get_shown (window, i);

      g_assert_true (before->has_score || !after->has_score);
      if (before->has_score && after->has_score)
        g_assert_cmpfloat (before->score, >=, after->score);
    }

  /* What the model says is what the cells say, in words. */
  texts = table_texts (window);
  for (guint i = 0; i < n; i++)
    {
      const RubricCompareCandidate *candidate = rubric_compare_get_candidate (compare, i);
      g_autofree char *score = rubric_summary_format_number (candidate->score);

      g_assert_true (texts_have (texts, candidate->candidate));
      g_assert_true (candidate->has_score);
      g_assert_true (texts_have (texts, score));
      g_assert_true (texts_have (texts, candidate->tally_text) || candidate->mixed);
      for (guint t = 0; t < rubric_compare_get_n_topics (compare); t++)
        if (candidate->cells[t].disagreement)
          g_assert_true (texts_have (texts, "Split panel"));
    }

  /* The broken file is a problem, and the rest are read. */
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_cmpuint (rubric_compare_get_n_problems (compare), >=, 1);
  g_assert_nonnull (rubric_test_find_descendant (problems, ADW_TYPE_ACTION_ROW));

  /* The audit and the calibration are there, one row at least each. */
  g_assert_nonnull (rubric_test_find_descendant (window_child (window, "audit_group"), ADW_TYPE_PREFERENCES_ROW));
  g_assert_nonnull (rubric_test_find_descendant (window_child (window, "calibration_group"), ADW_TYPE_ACTION_ROW));
  g_assert_cmpuint (rubric_compare_get_n_interviewers (compare), >, 0);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* Sorting is an action, and a click on a column's title (here, what the
 * click does: the column view's sort) moves the actions' states too. */
static void
test_sort (void)
{
  RubricCompareWindow *window = open_window (NULL, NULL, 1600, 1000);
  RubricCompare *compare = rubric_compare_window_get_compare (window);
  GtkColumnView *table = window_child (window, "table");
  guint n = rubric_compare_get_n_candidates (compare);
  g_autoptr(GVariant) state = NULL;
  g_autofree char *sort_by = NULL;
  const char *topic = rubric_compare_get_topic_id (compare, 0);
  g_autofree char *topic_column = g_strconcat ("topic:", topic, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-descending", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "s", "candidate"));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (rubric_compare_window_get_shown (window, i - 1)->candidate,
                                     rubric_compare_window_get_shown (window, i)->candidate), <=, 0);

  /* A click on a topic's title, descending. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_column_view_get_columns (table)); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), i);

      if (g_strcmp0 (gtk_column_view_column_get_id (column), topic_column) == 0)
        gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
    }
  g_object_get (window, "sort-by", &sort_by, NULL);
  g_assert_cmpstr (sort_by, ==, topic_column);
  for (guint i = 1; i < n; i++)
    {
      const RubricCompareCell *before = &rubric_compare_window_get_shown (window, i - 1)->cells[0];
      const RubricCompareCell *after = &rubric_compare_window_get_shown (window, i)->cells[0];

      if (before->has_score && after->has_score)
        g_assert_cmpfloat (before->score, >=, after->score);
      else
        g_assert_true (before->has_score || !after->has_score);
    }

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* A row opens its candidate's debrief, in a window of its own. */
static void
test_open_candidate (void)
{
  RubricCompareWindow *window = open_window (NULL, NULL, 1600, 1000);
  const RubricCompareCandidate *first = rubric_compare_window_get_shown (window, 0);
  RubricDebriefWindow *debrief = NULL;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-candidate", "u", 0));
  rubric_test_iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RUBRIC_IS_DEBRIEF_WINDOW (l->data))
      debrief = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (debrief);
  g_assert_true (rubric_debrief_window_get_debrief (debrief) == first->debrief);
  g_assert_cmpstr (rubric_debrief_get_candidate (first->debrief), ==, first->candidate);

  rubric_test_destroy_window (GTK_WINDOW (debrief));
  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* The export writes what the core writes, PDF and CSV, to a new file; never
 * onto one of the interviewers' files. (A copy of the fixtures: a
 * regression must not destroy the checkout's.) */
static void
test_export (void)
{
  static const RubricExportFormat formats[] = { RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FORMAT_CSV };
  g_autofree char *dir = g_dir_make_tmp ("rubric-compare-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "scorecards", NULL);
  g_autoptr(GFile) fixtures = fixture_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (copy_path);
  g_autoptr(GFile) theirs = g_file_get_child (folder, "ada-sam.rubric.json");
  g_autofree char *link_path = g_build_filename (dir, "link.rubric.json", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  RubricCompareWindow *window;

  g_assert_cmpint (g_mkdir (copy_path, 0700), ==, 0);
  {
    g_autoptr(GDir) entries = g_dir_open (g_file_peek_path (fixtures), 0, NULL);
    const char *name;

    g_assert_nonnull (entries);
    while ((name = g_dir_read_name (entries)) != NULL)
      {
        g_autoptr(GFile) from = g_file_get_child (fixtures, name);
        g_autoptr(GFile) to = g_file_get_child (folder, name);

        g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
      }
  }
  window = open_window (folder, NULL, 1200, 900);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("compare.", rubric_export_format_get_extension (formats[i]), NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autofree char *written = NULL;
      gsize length;

      expected = rubric_compare_export_to_bytes (rubric_compare_window_get_compare (window), formats[i],
                                                 RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL, NULL);
      g_assert_nonnull (expected);
      rubric_compare_window_export_to (window, formats[i], file);
      RUBRIC_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS), 5000);
      g_assert_true (g_file_get_contents (path, &written, &length, NULL));
      g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

      /* Onto their file, by its own name or through a symbolic link (which
       * the writer follows, to keep the link): refused with an alert, the
       * file as it was. */
      before = g_file_load_bytes (theirs, NULL, NULL, NULL);
      for (guint way = 0; way < 2; way++)
        {
          AdwDialog *alert;

          if (way == 1)
            {
              g_autoptr(GError) link_error = NULL;

              g_file_make_symbolic_link (link, g_file_peek_path (theirs), NULL, &link_error);
              g_assert_no_error (link_error);
            }
          rubric_compare_window_export_to (window, formats[i], way == 0 ? theirs : link);
          RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
          alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
          g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), ==,
                           "That is one of the interviewers' scorecards: nothing was written.");
          adw_dialog_force_close (alert);
          rubric_test_iterate ();
          g_clear_pointer (&after, g_bytes_unref);
          after = g_file_load_bytes (theirs, NULL, NULL, NULL);
          g_assert_true (g_bytes_equal (before, after));
        }
      g_assert_true (g_file_delete (link, NULL, NULL));
      g_unlink (path);
    }

  rubric_test_destroy_window (GTK_WINDOW (window));
  rubric_test_remove_tree (dir);
}

/* With the user's own scorecard of a candidate not sealed, that
 * candidate's panel is hidden, and a banner says why. */
static void
test_blind (void)
{
  RubricCompareWindow *window = open_window (NULL, "Alex Chen", 1600, 1000);
  RubricCompare *compare = rubric_compare_window_get_compare (window);
  g_autoptr(GPtrArray) texts = table_texts (window);
  gboolean some_blind = FALSE;

  for (guint i = 0; i < rubric_compare_get_n_candidates (compare); i++)
    some_blind |= rubric_debrief_get_blind (rubric_compare_get_candidate (compare, i)->debrief);
  g_assert_true (some_blind);
  g_assert_true (adw_banner_get_revealed (window_child (window, "blind_banner")));
  g_assert_true (texts_have (texts, "Hidden"));
  g_assert_true (texts_have (texts, "Seal yours to see"));
  rubric_test_destroy_window (GTK_WINDOW (window));

  window = open_window (NULL, NULL, 1600, 1000);
  g_assert_false (adw_banner_get_revealed (window_child (window, "blind_banner")));
  g_clear_pointer (&texts, g_ptr_array_unref);
  texts = table_texts (window);
  g_assert_false (texts_have (texts, "Hidden"));
  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* A folder without sessions says so; win.reload reads it again and finds
 * the session put there since. */
static void
test_empty_and_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rubric-compare-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "compare", "ada-sam.rubric.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "ada-sam.rubric.json", NULL);
  g_autofree char *contents = NULL;
  RubricCompareWindow *window = open_window (folder, NULL, 800, 600);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (window, "stack")), ==, "empty");
  g_assert_false (gtk_widget_get_visible (window_child (window, "problems_group")));

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (rubric_compare_window_get_loading (window));
  RUBRIC_WAIT_FOR (!rubric_compare_window_get_loading (window), 10000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (window, "stack")), ==, "compare");
  g_assert_cmpuint (g_list_model_get_n_items (table_model (window)), ==, 1);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (copy);
  g_rmdir (dir);
}

/* `rubric --compare FOLDER` and "Debrief a Folder…": the application
 * opens the folder as a compare, with the default interviewer as the
 * user's own name. */
static void
test_application (void)
{
  g_autoptr(RubricApplication) app = rubric_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GFile) folder = fixture_folder ();
  g_autoptr(GError) error = NULL;
  RubricCompareWindow *window = NULL;

  g_settings_set_string (settings, "default-interviewer", "Alex Chen");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "debrief-folder"));

  g_application_open (G_APPLICATION (app), &folder, 1, "compare");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RUBRIC_IS_COMPARE_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  RUBRIC_WAIT_FOR (!rubric_compare_window_get_loading (window), 10000);
  g_assert_true (adw_banner_get_revealed (window_child (window, "blind_banner")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Compare: compare");
  /* Shown while it was reading, the window puts the keyboard in the table
   * once read, not on the first problem row the stack would pick. */
  RUBRIC_WAIT_FOR (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
                   gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                           GTK_WIDGET (window_child (window, "table"))), 5000);
  rubric_test_destroy_window (GTK_WINDOW (window));

  /* Files, not a folder: those files only. */
  {
    g_autoptr(GFile) ada = g_file_get_child (folder, "ada-sam.rubric.json");
    g_autoptr(GFile) grace = g_file_get_child (folder, "grace-kim.rubric.json");
    GFile *files[] = { ada, grace };

    window = NULL;
    g_application_open (G_APPLICATION (app), files, 2, "compare");
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      if (RUBRIC_IS_COMPARE_WINDOW (l->data))
        window = l->data;
    g_assert_nonnull (window);
    RUBRIC_WAIT_FOR (!rubric_compare_window_get_loading (window), 10000);
    g_assert_cmpuint (rubric_compare_get_n_candidates (rubric_compare_window_get_compare (window)), ==, 2);
    g_assert_cmpuint (rubric_compare_get_n_problems (rubric_compare_window_get_compare (window)), ==, 0);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Compare Candidates");
    rubric_test_destroy_window (GTK_WINDOW (window));
  }

  g_settings_reset (settings, "default-interviewer");
}

static void
screenshot (int         width,
            int         height,
            const char *view,
            const char *name)
{
  RubricCompareWindow *window = open_window (NULL, NULL, width, height);
  AdwViewStack *views = window_child (window, "views");

  adw_view_stack_set_visible_child_name (views, view);
  if (g_str_equal (view, "audit"))
    {
      /* The first candidate with findings, open. */
      GtkWidget *row = rubric_test_find_descendant (window_child (window, "audit_group"), ADW_TYPE_EXPANDER_ROW);

      g_assert_nonnull (row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }
  rubric_test_wait (300);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), name), >, 20);
  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  screenshot (1920, 1080, "candidates", "compare");
  screenshot (400, 800, "candidates", "compare-narrow");
  screenshot (1200, 800, "audit", "compare-audit");
  screenshot (400, 800, "calibration", "compare-calibration-narrow");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;

  rubric_test_init (&argc, &argv);
  /* The application's own style, as AdwApplication loads it. */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/io/github/rubricapp/Rubric/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/compare-window/table", test_table);
  g_test_add_func ("/compare-window/sort", test_sort);
  g_test_add_func ("/compare-window/open-candidate", test_open_candidate);
  g_test_add_func ("/compare-window/export", test_export);
  g_test_add_func ("/compare-window/blind", test_blind);
  g_test_add_func ("/compare-window/empty-and-reload", test_empty_and_reload);
  g_test_add_func ("/compare-window/application", test_application);
  g_test_add_func ("/compare-window/screenshots", test_screenshots);

  return g_test_run ();
}
