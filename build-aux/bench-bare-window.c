/* bench-bare-window.c
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of `build-aux/bench startup`: the least a libadwaita
 * application does to show a window shaped like Rubric's — one
 * AdwApplicationWindow with an AdwToolbarView and an AdwHeaderBar, at
 * Rubric's default size. Rubric's startup is measured against this, in the
 * same run, on the same machine.
 *
 * build-aux/bench.py compiles it with
 *   cc -O2 bench-bare-window.c $(pkg-config --cflags --libs libadwaita-1)
 * It is not part of the meson build.
 */

#include <adwaita.h>

#define BENCH_APP_ID "io.github.rubricapp.Rubric.BenchBare"
#define DEFAULT_WIDTH 1180
#define DEFAULT_HEIGHT 760

/* Exactly what Rubric does (src/rubric-bench.c): with
 * RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME set, print when start-up reaches
 * each step (CLOCK_MONOTONIC, in µs), and quit once the window has painted
 * for the first time. */
static void
stamp (const char *step)
{
  if (g_getenv ("RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_print ("bench-stamp %s %" G_GINT64_FORMAT "\n", step, g_get_monotonic_time ());
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock,
                               GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint_cb, window);
  stamp ("painted");
  g_application_quit (g_application_get_default ());
}

static void
on_window_map_cb (GtkWidget *window,
                  gpointer   user_data)
{
  stamp ("mapped");
  if (g_getenv ("RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                             G_CALLBACK (on_frame_clock_after_paint_cb), window, 0);
}

static void
on_application_activate_cb (GApplication *application,
                            gpointer      user_data)
{
  GtkWidget *window;
  GtkWidget *toolbar_view;

  stamp ("ready");
  window = adw_application_window_new (GTK_APPLICATION (application));
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), DEFAULT_WIDTH, DEFAULT_HEIGHT);

  toolbar_view = adw_toolbar_view_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar_view);
  stamp ("window");

  g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  stamp ("main");
  /* The same flags as Rubric: a unique application on the session bus. */
  application = adw_application_new (BENCH_APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (on_application_activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
