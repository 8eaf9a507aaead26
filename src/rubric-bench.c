/* rubric-bench.c — start-up's steps, stamped for build-aux/bench
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/bench starts Rubric with RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME
 * set: the app then prints a line "bench-stamp STEP MICROSECONDS"
 * (g_get_monotonic_time(), CLOCK_MONOTONIC) on stdout as start-up reaches
 * each step, and quits once its window has painted for the first time. The
 * bench times the run to the "painted" stamp and shows where the time went
 * between the others. Without the variable nothing is printed.
 *
 * Steps: "main", "ready" (GtkApplication::startup done), "window" (the
 * window built), "mapped", "painted".
 */

#include "config.h"

#include "rubric-bench.h"

/**
 * rubric_bench_enabled:
 *
 * Returns: whether build-aux/bench runs this process
 */
gboolean
rubric_bench_enabled (void)
{
  static gsize enabled = 0;   /* 1 + whether, once known */

  if (g_once_init_enter (&enabled))
    g_once_init_leave (&enabled, 1 + (g_getenv ("RUBRIC_BENCH_QUIT_AFTER_FIRST_FRAME") != NULL));
  return enabled == 2;
}

/**
 * rubric_bench_stamp:
 * @step: the step of start-up just reached
 *
 * Tells build-aux/bench when start-up reached @step, if it runs this
 * process.
 */
void
rubric_bench_stamp (const char *step)
{
  if (rubric_bench_enabled ())
    g_print ("bench-stamp %s %" G_GINT64_FORMAT "\n", step, g_get_monotonic_time ());
}
