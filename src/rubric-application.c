/* rubric-application.c
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "rubric-application.h"
#include "rubric-check.h"
#include "rubric-kit.h"
#include "rubric-window.h"

#define BUNDLED_KIT RESOURCE_PATH "/kits/django-senior.json"

struct _RubricApplication
{
  AdwApplication parent_instance;

  guint sigint_source;
  guint sigterm_source;
  gboolean handled_locally;
};

G_DEFINE_FINAL_TYPE (RubricApplication, rubric_application, ADW_TYPE_APPLICATION)

/* Accelerators live here, in one place, for app and window actions alike. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* Exit statuses of the command-line modes. */
enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check kit and session files, print what is wrong, and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

static int
check_files (const char * const *paths)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all_valid = TRUE;

  /* Sessions are checked against the kit Rubric ships. */
  kit = rubric_kit_new_from_resource (BUNDLED_KIT, &error);
  if (kit == NULL)
    g_printerr (_("The bundled interview kit is broken: %s\n"), error->message);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *name = g_filename_display_name (paths[i]);

      if (!rubric_check_file (file, name, kit, report, problems))
        all_valid = FALSE;
    }

  g_print ("%s", report->str);
  g_printerr ("%s", problems->str);

  return all_valid ? EXIT_OK : EXIT_INVALID;
}

static int
rubric_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  g_autofree const char **files = NULL;
  gboolean check = g_variant_dict_contains (options, "check");

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "version"))
    {
      self->handled_locally = TRUE;
      if (check || files != NULL)
        {
          g_printerr (_("rubric: --version takes no other options or files\n"));
          return EXIT_USAGE;
        }
      g_print ("rubric %s\n", VERSION);
      return EXIT_OK;
    }

  if (check)
    {
      self->handled_locally = TRUE;
      if (files == NULL || files[0] == NULL)
        {
          g_printerr (_("rubric: --check needs at least one FILE\n"
                        "Usage: rubric --check FILE…\n"));
          return EXIT_USAGE;
        }
      return check_files (files);
    }

  if (files != NULL && files[0] != NULL)
    {
      self->handled_locally = TRUE;
      g_printerr (_("rubric: opening files is not supported yet; use --check FILE… to check them\n"));
      return EXIT_USAGE;
    }

  return -1;
}

static gboolean
rubric_application_local_command_line (GApplication   *application,
                                       char         ***arguments,
                                       int            *exit_status)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);
  gboolean handled;

  handled = G_APPLICATION_CLASS (rubric_application_parent_class)->local_command_line (application, arguments, exit_status);

  /* GApplication exits with 1 when it cannot parse the options; for us
   * 1 means "a file is invalid", and a usage error is 2. */
  if (handled && *exit_status == 1 && !self->handled_locally)
    *exit_status = EXIT_USAGE;

  return handled;
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  /* Treat SIGINT and SIGTERM like Ctrl+Q, so windows save their state. */
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

static void
rubric_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  RubricApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close every window the way its close button would, so each one runs
   * its close-request handler (saving its state) and may still refuse.
   * The application ends by itself once its last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
rubric_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RubricApplication *self = user_data;
  static const char *developers[] = { "The Rubric authors", NULL };
  AdwDialog *dialog;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  dialog = adw_about_dialog_new ();
  g_object_set (dialog,
                "application-name", _("Rubric"),
                "application-icon", APP_ID,
                "developer-name", "The Rubric authors",
                "version", VERSION,
                "website", "https://rubricapp.github.io/",
                "issue-url", "https://github.com/rubricapp/rubric/issues",
                "developers", developers,
                /* Translators: replace with your names, one name per line */
                "translator-credits", _("translator-credits"),
                "copyright", "© 2026 The Rubric authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Run structured technical interviews and share the results"),
                NULL);

  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = rubric_application_quit_action },
  { .name = "about", .activate = rubric_application_about_action },
};

static void
rubric_application_startup (GApplication *application)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);

  G_APPLICATION_CLASS (rubric_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  self->sigint_source = g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  self->sigterm_source = g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
}

static void
rubric_application_shutdown (GApplication *application)
{
  RubricApplication *self = RUBRIC_APPLICATION (application);

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);

  G_APPLICATION_CLASS (rubric_application_parent_class)->shutdown (application);
}

static void
rubric_application_activate (GApplication *application)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = GTK_WINDOW (rubric_window_new (RUBRIC_APPLICATION (application)));

  gtk_window_present (window);
}

static void
rubric_application_class_init (RubricApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = rubric_application_local_command_line;
  app_class->handle_local_options = rubric_application_handle_local_options;
  app_class->startup = rubric_application_startup;
  app_class->shutdown = rubric_application_shutdown;
  app_class->activate = rubric_application_activate;
}

static void
rubric_application_init (RubricApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run structured technical interviews and share the results."));
}

RubricApplication *
rubric_application_new (void)
{
  return g_object_new (RUBRIC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
