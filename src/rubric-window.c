/* rubric-window.c
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-window.h"

struct _RubricWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
};

G_DEFINE_FINAL_TYPE (RubricWindow, rubric_window, ADW_TYPE_APPLICATION_WINDOW)

static void
rubric_window_save_state (RubricWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
rubric_window_restore_state (RubricWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* build-aux/bench measures the time to the first frame: with
 * RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME set, the app quits once the window
 * has painted for the first time. */
static void
on_first_frame_cb (GdkFrameClock *frame_clock,
                   RubricWindow  *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_cb, self);
  g_application_quit (g_application_get_default ());
}

static void
rubric_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rubric_window_parent_class)->map (widget);

  if (g_getenv ("RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame_cb), widget, 0);
}

static gboolean
rubric_window_close_request (GtkWindow *window)
{
  RubricWindow *self = RUBRIC_WINDOW (window);

  rubric_window_save_state (self);

  return GTK_WINDOW_CLASS (rubric_window_parent_class)->close_request (window);
}

static void
rubric_window_dispose (GObject *object)
{
  RubricWindow *self = RUBRIC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rubric_window_parent_class)->dispose (object);
}

static void
rubric_window_class_init (RubricWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rubric_window_dispose;
  widget_class->map = rubric_window_map;
  window_class->close_request = rubric_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricWindow, split_view);
}

static void
rubric_window_init (RubricWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SCHEMA_ID);
  rubric_window_restore_state (self);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

RubricWindow *
rubric_window_new (RubricApplication *application)
{
  g_return_val_if_fail (RUBRIC_IS_APPLICATION (application), NULL);

  return g_object_new (RUBRIC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
