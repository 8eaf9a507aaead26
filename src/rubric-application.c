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
#include "rubric-window.h"

struct _RubricApplication
{
  AdwApplication parent_instance;

  guint sigint_source;
  guint sigterm_source;
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

  app_class->startup = rubric_application_startup;
  app_class->shutdown = rubric_application_shutdown;
  app_class->activate = rubric_application_activate;
}

static void
rubric_application_init (RubricApplication *self)
{
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
