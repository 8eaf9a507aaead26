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

  /* Two for hiring, one against. */
  g_assert_true (gtk_widget_get_visible (window_child (window, "mixed_label")));
  g_assert_cmpstr (gtk_label_get_label (window_child (window, "mixed_label")), ==,
                   "Mixed recommendations: some for hiring, some against");

  /* The broken file is listed with its located error. */
  g_assert_true (gtk_widget_get_visible (window_child (window, "problems_group")));
  g_assert_cmpuint (rubric_debrief_get_n_problems (debrief), >=, 1);
  for (guint i = 0; i < rubric_debrief_get_n_problems (debrief); i++)
    {
      const char *text = rubric_debrief_get_problem (debrief, i)->text;

      /* Only the broken file's problem, located to its line. */
      g_assert_nonnull (strstr (text, "broken.rubric.json:6:"));
      g_assert_nonnull (rubric_test_find (window_child (window, "problems_group"), is_row_titled, text));
    }

  rubric_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/debrief-window/matrix", test_matrix);

  return g_test_run ();
}
