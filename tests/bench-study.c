/* bench-study.c — study mode with a 5,000-question kit (build-aux/bench study-large)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window, in this process, driven through its actions as the UI
 * tests drive it, RUNS times (a new window each run):
 *
 *  - entering Browse (win.browse) with a 5,000-question kit: the time from
 *    the action to the first frame painted after it, and the main thread's
 *    CPU time over the same;
 *  - search: win.search, then a realistic query typed a character at a
 *    time, each inserted at the end as a key does (the entry's own search
 *    delay included); for each keystroke the
 *    main thread's CPU time (CLOCK_THREAD_CPUTIME_ID, so a worker's is not
 *    counted) from the text change until its results are shown and a
 *    frame is painted. The first keystroke of a run is reported apart:
 *    it is the one that used to build the search index.
 *
 * Wall-clock slices include what GTK does after the action (measuring,
 * shaping, snapshotting the new widgets); CPU time per keystroke is what
 * the main thread spent, wherever it spent it.
 *
 * Run under tests/with-display with XDG_DATA_HOME holding the kits
 * (bench-kit --write) and GSETTINGS_BACKEND=memory.
 *
 * Usage: bench-study KIT.json RUNS
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rubric-application.h"
#include "rubric-test-utils.h"
#include "rubric-window.h"

#define TARGET_ENTER_MS 100.0
#define TARGET_KEY_MS 2.0

static const char query[] = "queryset select related";

static guint n_paints;
static double layout_done_cpu;   /* at the end of the last frame's layout */
static double paint_cpu;         /* spent painting frames (snapshot, render) */

/* Where a keystroke's main-thread CPU goes, summed over all frames and
 * searches: the sidebar's handler of the search (the query, the list's
 * model and the rows bound to it), a frame's update phase (from its
 * start: styles of new rows, tick callbacks) and its layout phase
 * (measuring and allocating). */
static double frame_start_cpu, update_done_cpu;
static double search_start_cpu;
static double search_cpu, update_cpu, layout_cpu;

/* The window's GdkToplevel::compute-size: GtkWindow measures the whole
 * window for its natural size. On X11 GDK emits it from an idle of its
 * own after a resize is queued, between the frames' phases. */
static double size_start_cpu, size_cpu;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Connected after GTK's own handlers: the time between the end of the
 * layout phase and the end of the paint phase is the rendering. A frame
 * without a layout phase paints from its start. */
static void
on_before_paint_cb (void)
{
  layout_done_cpu = update_done_cpu = frame_start_cpu = thread_cpu_ms ();
}

static void
on_update_cb (void)
{
  update_done_cpu = thread_cpu_ms ();
  update_cpu += update_done_cpu - frame_start_cpu;
}

/* The layout phase: styles, measuring and allocating the widgets. */
static void
on_layout_cb (void)
{
  layout_done_cpu = thread_cpu_ms ();
  layout_cpu += layout_done_cpu - update_done_cpu;
}

static void
on_paint_cb (void)
{
  paint_cpu += thread_cpu_ms () - layout_done_cpu;
}

static gboolean
size_hook_cb (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  size_start_cpu = thread_cpu_ms ();
  return TRUE;
}

static void
on_compute_size_after_cb (void)
{
  size_cpu += thread_cpu_ms () - size_start_cpu;
}

static void
on_after_paint_cb (void)
{
  n_paints++;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
quantile (GArray *values,
          double  q)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) MIN (values->len - 1, q * (values->len - 1) + 0.5));
}

/* A line of the table: quantiles of VALUES, and the verdict against
 * TARGET (none when 0). */
static void
print_row (const char *name,
           GArray     *values,
           double      target)
{
  double median = quantile (values, 0.5);

  printf ("%-36s %9.2f %9.2f %9.2f", name, median, quantile (values, 0.25), quantile (values, 0.95));
  if (target > 0)
    printf ("  ≤ %.0f ms %s", target, median <= target ? "PASS" : "MISS");
  printf ("\n");
}

/* Iterates the main loop until the next frame is painted (or TIMEOUT_MS);
 * returns the longest single iteration, in ms. */
static double
wait_for_paint (guint timeout_ms)
{
  guint target = n_paints + 1;
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;
  double longest = 0;

  while (n_paints < target && g_get_monotonic_time () < end)
    {
      gint64 t = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, (g_get_monotonic_time () - t) / 1000.0);
    }
  return longest;
}

static double
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  double longest = 0;

  while (g_get_monotonic_time () < end)
    {
      gint64 t = g_get_monotonic_time ();

      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      else
        longest = MAX (longest, (g_get_monotonic_time () - t) / 1000.0);
    }
  return longest;
}

static gpointer
sidebar_child (RubricWindow *window,
               const char   *name)
{
  GtkWidget *sidebar = rubric_test_template_child (window, RUBRIC_TYPE_WINDOW, "sidebar");

  return gtk_widget_get_template_child (sidebar, G_OBJECT_TYPE (sidebar), name);
}

static gboolean searched;

/* The next character of the query, as a key types it: inserted at the
 * end. (Setting the whole text would empty it on the way, and an empty
 * search shows the topics again at once: no keystroke does that.) */
static void
type_character (GtkEditable *entry,
                char         c)
{
  const char text[] = { c, '\0' };
  int position;

  gtk_editable_set_position (entry, -1);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, text, 1, &position);
}

/* Before any handler of the entry's search-changed: the sidebar's runs
 * the search. */
static gboolean
search_hook_cb (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               user_data)
{
  search_start_cpu = thread_cpu_ms ();
  return TRUE;
}

static void
on_search_changed_cb (void)
{
  searched = TRUE;
  search_cpu += thread_cpu_ms () - search_start_cpu;
}

/* Results are shown: the search ran, and its rows are there (the first
 * keystroke's wait for an index built off the main thread is no CPU of
 * the main thread's). */
static gboolean
results_shown (RubricWindow *window)
{
  GtkStack *stack = sidebar_child (window, "stack");
  GtkStack *results = sidebar_child (window, "results_stack");
  GtkWidget *list = sidebar_child (window, "results_list");

  return searched &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "results") == 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (results), "list") == 0 &&
         gtk_widget_get_first_child (list) != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RubricApplication) app = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) enter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_key = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) later_keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) enter_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) enter_action = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) enter_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) enter_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) enter_other = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) enter_size = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_size = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_key_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) later_keys_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_update = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *state = NULL;
  double load_ms;
  gint64 t0;
  int runs;

  if (argc != 3 || (runs = atoi (argv[2])) < 1)
    {
      fprintf (stderr, "Usage: %s KIT.json RUNS\n", argv[0]);
      return 2;
    }
  /* The kits' folder may be given relative to the checkout. */
  if (g_getenv ("XDG_DATA_HOME") != NULL)
    {
      g_autofree char *data_home = g_canonicalize_filename (g_getenv ("XDG_DATA_HOME"), NULL);

      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }
  state = g_dir_make_tmp ("rubric-bench-study.XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  file = g_file_new_for_path (argv[1]);
  t0 = g_get_monotonic_time ();
  kit = rubric_kit_new_from_file (file, NULL, &error);
  load_ms = (g_get_monotonic_time () - t0) / 1000.0;
  if (kit == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  app = rubric_test_new_application ();

  for (int run = 0; run <= runs; run++)
    {
      RubricWindow *window = rubric_window_new (app);
      GtkEditable *entry;
      double cpu_enter, cpu_total = 0;
      double cpu_action, laid_out, painted_before, sized_before;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      rubric_window_set_kit (window, kit);
      rubric_test_show_window (GTK_WINDOW (window));
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                        G_CALLBACK (on_after_paint_cb), NULL);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                        G_CALLBACK (on_before_paint_cb), NULL);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "update",
                        G_CALLBACK (on_update_cb), NULL);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                        G_CALLBACK (on_layout_cb), NULL);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "paint",
                        G_CALLBACK (on_paint_cb), NULL);
      /* (The signal exists once a toplevel surface does.) */
      if (run == 0)
        g_signal_add_emission_hook (g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL), 0, size_hook_cb, NULL, NULL);
      g_signal_connect_after (gtk_native_get_surface (GTK_NATIVE (window)), "compute-size",
                              G_CALLBACK (on_compute_size_after_cb), NULL);
      iterate_for (200);

      /* Entering Browse. */
      t0 = g_get_monotonic_time ();
      /* Entering Browse counts the update phase with the layout. */
      laid_out = layout_cpu + update_cpu;
      painted_before = paint_cpu;
      sized_before = size_cpu;
      cpu_enter = thread_cpu_ms ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.browse", NULL));
      cpu_action = thread_cpu_ms () - cpu_enter;
      wait_for_paint (5000);
      cpu_enter = thread_cpu_ms () - cpu_enter;
      if (run > 0)
        {
          double ms = (g_get_monotonic_time () - t0) / 1000.0;
          double layout = layout_cpu + update_cpu - laid_out, paint = paint_cpu - painted_before;
          double other = cpu_enter - cpu_action - layout - paint;

          g_array_append_val (enter, ms);
          g_array_append_val (enter_cpu, cpu_enter);
          /* Where that CPU went: the action itself (building), the
           * frame's layout phase, its paint phase, and the rest between
           * the action and the frame — on X11 mostly GDK's idle that
           * computes the window's size (compute_size_idle, at
           * G_PRIORITY_HIGH - 10), which measures every widget in it;
           * also the study progress arriving. */
          g_array_append_val (enter_action, cpu_action);
          g_array_append_val (enter_layout, layout);
          g_array_append_val (enter_paint, paint);
          g_array_append_val (enter_other, other);
          other = size_cpu - sized_before;
          g_array_append_val (enter_size, other);
        }
      iterate_for (1000);

      /* Typing the query. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
      iterate_for (100);
      entry = sidebar_child (window, "search_entry");
      if (run == 0)
        g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                                    search_hook_cb, NULL, NULL);
      g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_changed_cb), NULL);
      for (guint i = 1; i <= strlen (query); i++)
        {
          g_autofree char *prefix = g_strndup (query, i);
          double cpu, painted, searching, updating, laying_out, sizing;
          gint64 end;

          if (query[i - 1] == ' ')
            {
              type_character (entry, query[i - 1]);
              iterate_for (200);
              continue;
            }
          searched = FALSE;
          painted = paint_cpu;
          searching = search_cpu;
          updating = update_cpu;
          laying_out = layout_cpu;
          sizing = size_cpu;
          cpu = thread_cpu_ms ();
          type_character (entry, query[i - 1]);
          end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
          while (!results_shown (window) && g_get_monotonic_time () < end)
            g_main_context_iteration (NULL, TRUE);
          if (!results_shown (window))
            {
              fprintf (stderr, "no results for “%s” within 5 s\n", prefix);
              return 1;
            }
          wait_for_paint (1000);
          cpu = thread_cpu_ms () - cpu;
          cpu_total += cpu;
          if (run > 0)
            g_array_append_val (i == 1 ? first_key_all : later_keys_all, cpu);
          /* The work of the keystroke, without rendering its frame. */
          cpu -= paint_cpu - painted;
          if (run > 0)
            {
              double ms;

              g_array_append_val (i == 1 ? first_key : later_keys, cpu);
              ms = search_cpu - searching;
              g_array_append_val (key_search, ms);
              ms = update_cpu - updating;
              g_array_append_val (key_update, ms);
              ms = layout_cpu - laying_out;
              g_array_append_val (key_layout, ms);
              ms = paint_cpu - painted;
              g_array_append_val (key_paint, ms);
              ms = size_cpu - sizing;
              g_array_append_val (key_size, ms);
            }
          iterate_for (20);
        }
      fprintf (stderr, "run %2d/%d: Browse %.1f ms (%.1f ms CPU), first key %.2f ms, "
                       "%.1f ms CPU for the query%s\n",
               run, runs, run > 0 ? g_array_index (enter, double, enter->len - 1) : 0, cpu_enter,
               run > 0 ? g_array_index (first_key, double, first_key->len - 1) : 0, cpu_total,
               run == 0 ? " (warm-up, not counted)" : "");
      rubric_test_destroy_window (GTK_WINDOW (window));
      iterate_for (100);
    }

  printf ("\nStudy mode with a %u-question kit (%s, loaded in %.0f ms), %d runs after a warm-up;\n"
          "query typed a character at a time: “%s”\n",
          rubric_kit_get_n_questions (kit), argv[1], load_ms, runs, query);
  printf ("  load avg:   %s", "");
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      printf ("%s", loadavg);
    else
      printf ("?\n");
  }
  printf ("\n%-36s %9s %9s %9s  %s\n", "", "median", "p25", "p95", "target");
  print_row ("enter Browse to its frame, ms", enter, TARGET_ENTER_MS);
  print_row ("  main-thread CPU of that, ms", enter_cpu, TARGET_ENTER_MS);
  print_row ("    the action (building), ms", enter_action, 0);
  print_row ("    layout phase (style, size), ms", enter_layout, 0);
  print_row ("    paint phase (snapshot, GL), ms", enter_paint, 0);
  print_row ("    between the phases, ms", enter_other, 0);
  print_row ("    the window's compute-size, ms", enter_size, 0);
  print_row ("first keystroke, main-thread CPU ms", first_key, TARGET_KEY_MS);
  print_row ("later keystrokes, main-thread CPU ms", later_keys, TARGET_KEY_MS);
  print_row ("  first, with rendering its frame", first_key_all, 0);
  print_row ("  later, with rendering their frames", later_keys_all, 0);
  printf ("\nA keystroke (any) by phase:\n");
  print_row ("  search handler: query, model, bind", key_search, 0);
  print_row ("  frame update phase (styles, ticks)", key_update, 0);
  print_row ("  frame layout phase (measure, alloc)", key_layout, 0);
  print_row ("  frame paint phase (snapshot, GL)", key_paint, 0);
  print_row ("  the window's compute-size (measure)", key_size, 0);
  printf ("\nA keystroke's CPU is the main thread's from the text change to the frame\n"
          "with its results: the search, the list's update, measuring and laying out;\n"
          "without the paint phase (snapshot and rendering, software GL here), which is\n"
          "listed apart. The window's compute-size (GtkWindow measuring the whole window\n"
          "for its natural size) runs in the layout phase or, after a resize is queued,\n"
          "in an idle of GDK's between the phases; it is counted in both.\n");

  g_application_release (G_APPLICATION (app));
  return 0;
}
