/* test-debrief-window.c — the debrief window: the table of topic scores,
 * the disagreements in words, the blind banner, the files' problems, the
 * export, and how it looks wide and narrow
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rubric-core-test-utils.h"
#include "rubric-debrief-export.h"
#include "rubric-application.h"
#include "rubric-debrief-window.h"
#include "rubric-test-utils.h"

#define window_child(window, name) rubric_test_template_child ((window), RUBRIC_TYPE_DEBRIEF_WINDOW, (name))

static const char * const panel[] = { "sam.rubric.json", "kim.rubric.json", "alex.rubric.json", "broken.rubric.json" };

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "debrief", name, NULL);

  return g_file_new_for_path (path);
}

/* A window on FILES, read by the window as the application does, with
 * ME as the user's own name; shown at WIDTH × HEIGHT. */
static RubricDebriefWindow *
open_window (GPtrArray  *files,
             const char *me,
             int         width,
             int         height)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricDebrief) debrief = rubric_debrief_new (kit);
  RubricDebriefWindow *window;

  rubric_debrief_set_me (debrief, me);
  window = rubric_debrief_window_new (NULL, debrief);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  rubric_debrief_window_load (window, (GFile * const *) files->pdata, files->len);
  g_assert_true (rubric_debrief_get_loading (debrief));
  RUBRIC_WAIT_FOR (!rubric_debrief_get_loading (debrief), 10000);
  rubric_test_show_window (GTK_WINDOW (window));
  rubric_test_assert_wrapping_labels (GTK_WIDGET (window));
  return window;
}

static GPtrArray *
panel_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    g_ptr_array_add (files, fixture_file (panel[i]));
  return files;
}

/* The text of the label LINE (0 first) of the cell at COLUMN, ROW. */
static const char *
cell_line (GtkGrid *grid,
           int      column,
           int      row,
           guint    line)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);
  GtkWidget *label;

  g_assert_nonnull (cell);
  label = gtk_widget_get_first_child (cell);
  for (guint i = 0; i < line && label != NULL; i++)
    label = gtk_widget_get_next_sibling (label);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* The row of the table that shows the topic TITLE. */
static int
topic_row (RubricDebriefWindow *window,
           const char          *title)
{
  GtkGrid *topics = window_child (window, "topic_column");

  for (int row = 1; gtk_grid_get_child_at (topics, 0, row) != NULL; row++)
    if (g_str_equal (cell_line (topics, 0, row, 0), title))
      return row;
  g_assert_not_reached ();
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static void
test_matrix (void)
{
  g_autoptr(GPtrArray) files = panel_files ();
  RubricDebriefWindow *window = open_window (files, NULL, 1200, 900);
  RubricDebrief *debrief = rubric_debrief_window_get_debrief (window);
  GtkGrid *matrix = window_child (window, "matrix");
  GtkGrid *topics = window_child (window, "topic_column");
  int query = topic_row (window, "Query optimisation");
  int signals = topic_row (window, "Signals");
  int migrations = topic_row (window, "Database migrations");
  guint n = rubric_debrief_get_n_interviewers (debrief);

  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (adw_window_title_get_title (window_child (window, "window_title")), ==, "Debrief: Ada Lovelace");
  g_assert_cmpstr (adw_window_title_get_subtitle (window_child (window, "window_title")), ==, "Senior Django Developer");
  g_assert_false (adw_banner_get_revealed (window_child (window, "blind_banner")));

  /* A column each interviewer, named with the scorecard's state, then the panel. */
  g_assert_cmpstr (cell_line (matrix, 0, 0, 0), ==, "Sam Lee");
  g_assert_cmpstr (cell_line (matrix, 0, 0, 1), ==, "Sealed");
  g_assert_cmpstr (cell_line (matrix, 1, 0, 0), ==, "Kim Park");
  g_assert_cmpstr (cell_line (matrix, 2, 0, 0), ==, "Alex Chen");
  g_assert_cmpstr (cell_line (matrix, n, 0, 0), ==, "Panel");
  g_assert_null (gtk_grid_get_child_at (matrix, n + 1, 0));
  g_assert_null (gtk_grid_get_child_at (topics, 0, rubric_debrief_get_n_topics (debrief) + 1));

  /* 2.0 against 4.5 and 4.0: each far end says so in words. */
  g_assert_cmpstr (cell_line (matrix, 0, query, 0), ==, "2.0");
  g_assert_cmpstr (cell_line (matrix, 0, query, 1), ==, "differs by 2.5");
  g_assert_cmpstr (cell_line (matrix, 1, query, 0), ==, "4.5");
  g_assert_cmpstr (cell_line (matrix, 1, query, 1), ==, "differs by 2.5");
  g_assert_cmpstr (cell_line (matrix, 2, query, 0), ==, "4.0");
  g_assert_cmpstr (cell_line (matrix, 2, query, 1), ==, "differs by 2.0");
  g_assert_cmpstr (cell_line (matrix, n, query, 0), ==, "3.5");
  g_assert_cmpstr (cell_line (matrix, n, query, 1), ==, "Ratings differ by 2 or more");
  /* 3.5, 2.0 and 3.0: close enough, nothing said. */
  g_assert_cmpstr (cell_line (matrix, 0, migrations, 0), ==, "3.5");
  g_assert_null (cell_line (matrix, 0, migrations, 1));
  g_assert_null (cell_line (matrix, n, migrations, 1));

  /* A topic nobody asked says so. */
  g_assert_cmpstr (cell_line (topics, 0, signals, 1), ==, "Nobody asked");
  g_assert_cmpstr (cell_line (matrix, 0, signals, 0), ==, "Not asked");
  g_assert_cmpstr (cell_line (matrix, n, signals, 0), ==, "—");

  /* Each question's ratings, the far ones saying so; the evidence ticked. */
  g_assert_nonnull (rubric_test_find (window_child (window, "questions_group"), is_label,
                                      "Sam Lee — 2 — Superficial · differs by 3"));
  g_assert_nonnull (rubric_test_find (window_child (window, "questions_group"), is_label,
                                      "Alex Chen — 4 — Strong · differs by 2"));
  g_assert_nonnull (rubric_test_find (window_child (window, "questions_group"), is_label,
                                      "• 7:00 · Adds an index to every field"));

  /* Two for hiring, one against. */
  g_assert_true (gtk_widget_get_visible (window_child (window, "mixed_label")));
  g_assert_cmpstr (gtk_label_get_label (window_child (window, "mixed_label")), ==,
                   "Mixed recommendations: some for hiring, some against");

  /* The broken file is listed with its located error. */
  g_assert_true (gtk_widget_get_visible (window_child (window, "problems_group")));
  g_assert_cmpuint (rubric_debrief_get_n_problems (debrief), >=, 1);
  for (guint i = 0; i < rubric_debrief_get_n_problems (debrief); i++)
    {
      const RubricDebriefProblem *problem = rubric_debrief_get_problem (debrief, i);
      g_autofree char *title = NULL;

      /* Only the broken file's problem, located to its line, the file
       * named by its name (its whole path, wherever the test runs, in the
       * tooltip). */
      g_assert_nonnull (strstr (problem->text, "broken.rubric.json:6:"));
      g_assert_true (g_str_has_prefix (problem->text, problem->file));
      title = g_strconcat ("broken.rubric.json", problem->text + strlen (problem->file), NULL);
      g_assert_nonnull (rubric_test_find (window_child (window, "problems_group"), is_row_titled, title));
    }

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* Sam's own scorecard, its seal cut off, with Kim's and Alex's sealed. */
static GPtrArray *
blind_files (const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "debrief", "sam.rubric.json", NULL);
  g_autofree char *text = rubric_test_read_file (source);
  g_autofree char *path = g_build_filename (dir, "sam.rubric.json", NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  char *seal = strstr (text, ",\n  \"seal\": {");

  g_assert_nonnull (seal);
  strcpy (seal, "\n}\n");
  rubric_test_write_file (path, text);
  g_ptr_array_add (files, g_file_new_for_path (path));
  g_ptr_array_add (files, fixture_file ("kim.rubric.json"));
  g_ptr_array_add (files, fixture_file ("alex.rubric.json"));
  return files;
}

/* The user's own scorecard not sealed: the banner says why the others'
 * ratings are hidden, and the own ones show. */
static void
test_blind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autoptr(GPtrArray) files = blind_files (dir);
  RubricDebriefWindow *window = open_window (files, "Sam Lee", 1200, 900);
  GtkGrid *matrix = window_child (window, "matrix");
  AdwBanner *banner = window_child (window, "blind_banner");
  int query = topic_row (window, "Query optimisation");

  g_assert_true (rubric_debrief_get_blind (rubric_debrief_window_get_debrief (window)));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Seal your scorecard to see the panel");
  g_assert_cmpstr (cell_line (matrix, 0, query, 0), ==, "2.0");
  g_assert_null (cell_line (matrix, 0, query, 1));
  g_assert_cmpstr (cell_line (matrix, 1, 0, 1), ==, "Hidden until you seal yours");
  g_assert_cmpstr (cell_line (matrix, 1, query, 0), ==, "Hidden");
  g_assert_cmpstr (cell_line (matrix, 2, query, 0), ==, "Hidden");
  g_assert_false (gtk_widget_get_visible (window_child (window, "problems_group")));
  g_assert_false (gtk_widget_get_visible (window_child (window, "mixed_label")));

  /* Someone else reads the same files: Sam's is shown, marked, not counted. */
  rubric_debrief_set_me (rubric_debrief_window_get_debrief (window), NULL);
  rubric_test_iterate ();
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_cmpstr (cell_line (matrix, 0, 0, 1), ==, "Not sealed, not counted");
  g_assert_cmpstr (cell_line (matrix, 1, query, 0), ==, "4.5");
  g_assert_null (cell_line (matrix, 1, query, 1));

  rubric_test_destroy_window (GTK_WINDOW (window));
  rubric_test_remove_tree (dir);
}

/* The export is what the core makes, in a new file; an interviewer's own
 * file is never written. */
static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rubric-debrief-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "debrief.md", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (path);
  g_autoptr(GPtrArray) files = panel_files ();
  RubricDebriefWindow *window = open_window (files, NULL, 1200, 900);
  g_autoptr(GBytes) expected = rubric_debrief_export_to_bytes (rubric_debrief_window_get_debrief (window),
                                                               RUBRIC_EXPORT_FORMAT_MARKDOWN,
                                                               RUBRIC_EXPORT_FLAGS_NONE, NULL, NULL, NULL);
  g_autofree char *sam_path = g_file_get_path (files->pdata[0]);
  g_autofree char *sam_before = rubric_test_read_file (sam_path);
  g_autofree char *written = NULL;
  g_autofree char *sam_after = NULL;

  rubric_debrief_window_export_to (window, RUBRIC_EXPORT_FORMAT_MARKDOWN, output);
  RUBRIC_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS), 10000);
  written = rubric_test_read_file (path);
  g_assert_cmpstr (written, ==, g_bytes_get_data (expected, NULL));
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  /* The Export menu offers every format the core writes: the PDF too. */
  {
    GtkMenuButton *button = rubric_test_template_child (window, RUBRIC_TYPE_DEBRIEF_WINDOW, "export_button");
    GMenuModel *menu = gtk_menu_button_get_menu_model (button);
    GMenuModel *section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autoptr(GString) targets = g_string_new (NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "debrief.pdf", NULL);
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
    g_autofree char *pdf_bytes = NULL;

    for (int i = 0; i < g_menu_model_get_n_items (section); i++)
      {
        g_autofree char *target = NULL;
        RubricExportFormat format;

        g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
        g_assert_true (rubric_export_format_parse (target, &format));
        g_assert_true (rubric_debrief_export_format_supported (format));
        g_string_append_printf (targets, "%s ", target);
      }
    g_assert_cmpstr (targets->str, ==, "pdf md html txt csv ");
    g_object_unref (section);

    rubric_debrief_window_export_to (window, RUBRIC_EXPORT_FORMAT_PDF, pdf);
    RUBRIC_WAIT_FOR (g_file_test (pdf_path, G_FILE_TEST_EXISTS), 10000);
    pdf_bytes = rubric_test_read_file (pdf_path);
    g_assert_true (g_str_has_prefix (pdf_bytes, "%PDF-"));
    g_remove (pdf_path);
  }

  rubric_debrief_window_export_to (window, RUBRIC_EXPORT_FORMAT_CSV, files->pdata[0]);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
  g_assert_true (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))));
  rubric_test_wait (200);
  sam_after = rubric_test_read_file (sam_path);
  g_assert_cmpstr (sam_after, ==, sam_before);

  /* Nor a file left out of the debrief: the broken one stays as it was. */
  {
    g_autofree char *broken_path = g_file_get_path (files->pdata[3]);
    g_autofree char *broken_before = rubric_test_read_file (broken_path);
    g_autofree char *broken_after = NULL;

    adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
    rubric_test_iterate ();
    g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
    rubric_debrief_window_export_to (window, RUBRIC_EXPORT_FORMAT_CSV, files->pdata[3]);
    RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
    g_assert_true (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))));
    rubric_test_wait (200);
    broken_after = rubric_test_read_file (broken_path);
    g_assert_cmpstr (broken_after, ==, broken_before);
  }

  rubric_test_destroy_window (GTK_WINDOW (window));
  rubric_test_remove_tree (dir);
}

/* The table at the query topic, its questions open, wide and narrow. */
static void
screenshot (int         width,
            int         height,
            gboolean    questions,
            const char *name)
{
  g_autoptr(GPtrArray) files = panel_files ();
  RubricDebriefWindow *window = open_window (files, NULL, width, height);
  GtkWidget *group = window_child (window, "questions_group");
  GtkWidget *row = rubric_test_find (group, is_row_titled, "Query optimisation");

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  rubric_test_wait (400);
  if (questions)
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (row, gtk_scrolled_window_get_child (scroller),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), point.y - 24);
      rubric_test_wait (300);
    }
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), name), >, 20);
  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  screenshot (1920, 1080, FALSE, "debrief");
  screenshot (400, 800, FALSE, "debrief-narrow");
  screenshot (1200, 900, TRUE, "debrief-questions");
  screenshot (400, 800, TRUE, "debrief-questions-narrow");
}

/* `rubric --debrief FILE…` and Debrief…: the application opens the files
 * as one debrief, with the default interviewer as the user's own name. */
static void
test_application (void)
{
  g_autoptr(RubricApplication) app = rubric_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GPtrArray) files = panel_files ();
  g_autoptr(GError) error = NULL;
  RubricDebriefWindow *window = NULL;
  RubricDebrief *debrief;

  g_settings_set_string (settings, "default-interviewer", "Kim Park");
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "debrief"));

  g_application_open (G_APPLICATION (app), (GFile **) files->pdata, (int) files->len, "debrief");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RUBRIC_IS_DEBRIEF_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  debrief = rubric_debrief_window_get_debrief (window);
  RUBRIC_WAIT_FOR (!rubric_debrief_get_loading (debrief), 10000);
  g_assert_cmpstr (rubric_debrief_get_me (debrief), ==, "Kim Park");
  g_assert_cmpuint (rubric_debrief_get_n_interviewers (debrief), ==, 3);
  g_assert_true (rubric_debrief_get_interviewer (debrief, 1)->mine);
  g_assert_false (rubric_debrief_get_blind (debrief));

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_settings_reset (settings, "default-interviewer");
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

  g_test_add_func ("/debrief-window/matrix", test_matrix);
  g_test_add_func ("/debrief-window/blind", test_blind);
  g_test_add_func ("/debrief-window/export", test_export);
  g_test_add_func ("/debrief-window/application", test_application);
  g_test_add_func ("/debrief-window/screenshots", test_screenshots);

  return g_test_run ();
}
