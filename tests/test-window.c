/* test-window.c — the main window, driven in-process
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-application.h"
#include "rubric-test-utils.h"
#include "rubric-window.h"

static RubricApplication *app;

static RubricWindow *
open_window (void)
{
  RubricWindow *window = rubric_window_new (app);

  rubric_test_show_window (GTK_WINDOW (window));

  return window;
}

static void
test_window_opens (void)
{
  RubricWindow *window = open_window ();
  AdwNavigationSplitView *split_view;
  guint colours;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Rubric");
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));

  split_view = ADW_NAVIGATION_SPLIT_VIEW (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (ADW_IS_NAVIGATION_SPLIT_VIEW (split_view));
  g_assert_cmpstr (adw_navigation_page_get_title (adw_navigation_split_view_get_sidebar (split_view)), ==, "Rubric");
  g_assert_nonnull (adw_navigation_split_view_get_content (split_view));

  /* A blank or black frame has a handful of colours; the real window,
   * with text, icons and shading, has hundreds. */
  colours = rubric_test_screenshot (GTK_WIDGET (window), "window");
  g_assert_cmpuint (colours, >, 100);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_narrow (void)
{
  RubricWindow *window = rubric_window_new (app);
  AdwNavigationSplitView *split_view;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  rubric_test_show_window (GTK_WINDOW (window));

  split_view = ADW_NAVIGATION_SPLIT_VIEW (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  RUBRIC_WAIT_FOR (adw_navigation_split_view_get_collapsed (split_view), 2000);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), "window-narrow"), >, 20);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_state_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  RubricWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* A new window takes its size from the settings… */
  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* …and closing it stores the size it had. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  rubric_test_iterate ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  rubric_test_iterate ();
  g_assert_null (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_app_actions (void)
{
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) close_accels = NULL;
  RubricWindow *window;
  AdwDialog *dialog;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstrv (quit_accels, ((const char *[]) { "<Control>q", NULL }));
  close_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_cmpstrv (close_accels, ((const char *[]) { "<Control>w", NULL }));

  /* The About action opens libadwaita's about dialog on the window. */
  window = open_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  g_assert_cmpstr (adw_about_dialog_get_application_name (ADW_ABOUT_DIALOG (dialog)), ==, "Rubric");
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, VERSION);
  adw_dialog_force_close (dialog);
  rubric_test_iterate ();

  /* Quit closes every window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rubric_test_iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  rubric_test_init (&argc, &argv);

  app = rubric_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/state-saved", test_window_state_saved);
  g_test_add_func ("/window/app-actions", test_app_actions);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
