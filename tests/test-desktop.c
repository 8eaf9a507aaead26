/* test-desktop.c — Rubric as the desktop starts and asks it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * F1 and Help open the guide in the user's web browser: here a fake one,
 * the default for HTML in a private XDG folder, which writes down what it
 * was given. The desktop file's actions, as GNOME Shell runs them: the
 * session bus's org.freedesktop.Application.ActivateAction and Activate,
 * called on this process's own name.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rubric-core-test-utils.h"
#include "rubric-new-session-dialog.h"
#include "rubric-test-utils.h"
#include "rubric-window.h"

static RubricApplication *app;
static char *home;

/* Where the fake browser writes the URI it is asked to open. */
static char *
opened_path (void)
{
  return g_build_filename (home, "opened", NULL);
}

/* The fake browser: a script, the default for text/html and file URIs. */
static void
install_browser (void)
{
  g_autofree char *applications = g_build_filename (home, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *script = g_build_filename (home, "browser", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_path = g_build_filename (applications, "rubric-test-browser.desktop", NULL);
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps_path = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *mimeapps_text = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *opened = opened_path ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  /* Written whole, then renamed: the test never reads half a line. */
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                                 opened, opened, opened);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  /* For text/html, and whatever GIO takes the guide to be where no MIME
   * database says (a build sandbox). */
  guessed = g_content_type_guess ("index.html", NULL, 0, NULL);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Browser\n"
                                  "Exec=%s %%u\nMimeType=text/html;x-scheme-handler/file;%s;\n", script, guessed);
  g_file_set_contents (desktop_path, desktop_text, -1, &error);
  g_assert_no_error (error);
  mimeapps_text = g_strdup_printf ("[Default Applications]\n"
                                   "text/html=rubric-test-browser.desktop\n"
                                   "x-scheme-handler/file=rubric-test-browser.desktop\n"
                                   "%s=rubric-test-browser.desktop\n", guessed);
  g_file_set_contents (mimeapps_path, mimeapps_text, -1, &error);
  g_assert_no_error (error);
}

static RubricWindow *
open_window (void)
{
  RubricWindow *window = rubric_window_new (app);

  rubric_test_show_window (GTK_WINDOW (window));
  return window;
}

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    rubric_test_destroy_window (windows->data);
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* F1 is app.help; the main menu has it; it opens the guide's file URI in
 * the browser, and the guide is there. */
static void
test_help (void)
{
  g_autofree char *opened = opened_path ();
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) given = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  RubricWindow *window;

  g_assert_cmpstrv (accels, ((const char * const []) { "F1", NULL }));

  window = open_window ();
  g_unlink (opened);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  RUBRIC_WAIT_FOR (file_exists (opened), 30000);

  g_file_get_contents (opened, &text, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (text);
  g_test_message ("the browser was given %s", text);
  /* GIO hands a local file's URI to the browser's %u as its path. */
  given = g_file_new_for_commandline_arg (text);
  expected = g_file_new_build_filename (g_getenv ("RUBRIC_HELP_DIR"), "C", "index.html", NULL);
  g_assert_true (g_file_equal (given, expected));
  path = g_file_get_path (given);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* The guide is Rubric's. */
  {
    g_autofree char *guide = NULL;

    g_file_get_contents (path, &guide, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (guide, "<title>Rubric Help</title>"));
  }
  /* And nothing went wrong on the way. */
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  GError **error = user_data;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, error);
  if (reply != NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");   /* a marker: replied */
}

/* Calls METHOD of org.freedesktop.Application on the app's own bus name,
 * as a launcher would, and waits for the reply. */
static void
call_application (const char *method,
                  GVariant   *parameters)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  GError *error = NULL;

  g_assert_nonnull (connection);
  g_dbus_connection_call (connection, APP_ID, g_application_get_dbus_object_path (G_APPLICATION (app)),
                          "org.freedesktop.Application", method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, call_done_cb, &error);
  RUBRIC_WAIT_FOR (error != NULL, 30000);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
}

static GVariant *
no_platform_data (void)
{
  return g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);
}

/* The desktop file's action NAME, as the launcher asks for it. */
static void
activate_action (const char *name)
{
  call_application ("ActivateAction",
                    g_variant_new ("(s@av@a{sv})", name,
                                   g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0),
                                   no_platform_data ()));
}

static RubricWindow *
only_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_null (windows->next);
  g_assert_true (RUBRIC_IS_WINDOW (windows->data));
  return windows->data;
}

static gboolean
has_one_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows != NULL && windows->next == NULL;
}

static gboolean
shows_new_interview (void)
{
  return has_one_window () &&
         RUBRIC_IS_NEW_SESSION_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (only_window ())));
}

static gboolean
browses (void)
{
  GtkStack *stack;

  if (!has_one_window ())
    return FALSE;
  stack = rubric_test_template_child (only_window (), RUBRIC_TYPE_WINDOW, "main_stack");
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "interview") == 0 &&
         rubric_window_get_session (only_window ()) == NULL;
}

/* The desktop file's "New Interview" with no window open: a window, with
 * the New Interview dialog in it. */
static void
test_action_new_interview (void)
{
  close_all_windows ();
  activate_action ("new-interview");
  RUBRIC_WAIT_FOR (shows_new_interview (), 30000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (only_window ())));
  close_all_windows ();
}

/* "Browse Questions": the kit as the study reference, in a window of its
 * own; then in the same window while it shows no interview. */
static void
test_action_browse_questions (void)
{
  RubricWindow *window;

  close_all_windows ();
  activate_action ("browse-questions");
  RUBRIC_WAIT_FOR (browses (), 30000);
  window = only_window ();
  RUBRIC_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);

  activate_action ("browse-questions");
  g_assert_true (only_window () == window);
  close_all_windows ();
}

/* Activate, as a click on the launcher: the start page in a window. */
static void
test_activate (void)
{
  GtkStack *stack;

  close_all_windows ();
  call_application ("Activate", g_variant_new ("(@a{sv})", no_platform_data ()));
  RUBRIC_WAIT_FOR (has_one_window (), 30000);
  stack = rubric_test_template_child (only_window (), RUBRIC_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  int ret;

  /* A home of the test's own, the fake browser in it, before GIO reads
   * any XDG folder. */
  home = rubric_test_make_home ("rubric-desktop-XXXXXX");
  data_home = g_build_filename (home, "data", NULL);
  config_home = g_build_filename (home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  install_browser ();

  rubric_test_init (&argc, &argv);
  app = rubric_test_new_application ();

  g_test_add_func ("/desktop/help", test_help);
  g_test_add_func ("/desktop/action/new-interview", test_action_new_interview);
  g_test_add_func ("/desktop/action/browse-questions", test_action_browse_questions);
  g_test_add_func ("/desktop/activate", test_activate);

  ret = g_test_run ();

  close_all_windows ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  rubric_test_remove_tree (home);
  g_free (home);

  return ret;
}
