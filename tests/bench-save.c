/* bench-save.c — how long an autosave holds the main loop, and loads
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rubric_session_save_async() takes a snapshot of the session on the
 * caller's thread (the main loop, in the window) and does the rest — JSON
 * text, the write, fsync, rename — in a worker. The snapshot must fit in a
 * frame (16.7 ms at 60 Hz), however large the session: a large one is
 * copied a slice at a time. For each session file given, this prints the
 * load time, the longest the main loop was held during a save (median of
 * RUNS, and the worst), and the whole save as the baseline measured in the
 * same run.
 *
 * Usage: bench-save KIT RUNS SESSION…  (build-aux/bench save runs it)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "rubric-session.h"

#define FRAME_MS (1000.0 / 60.0)

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Wait;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = rubric_session_save_finish (RUBRIC_SESSION (object), result, NULL, NULL);
  wait->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) kit_file = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gboolean all_met = TRUE;
  int runs;

  if (argc < 4 || (runs = atoi (argv[2])) < 3 || runs > 200)
    {
      fprintf (stderr, "Usage: %s KIT RUNS (3–200) SESSION…\n", argv[0]);
      return 2;
    }

  kit_file = g_file_new_for_commandline_arg (argv[1]);
  kit = rubric_kit_new_from_file (kit_file, NULL, &error);
  if (kit == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  dir = g_dir_make_tmp ("rubric-bench-save-XXXXXX", &error);
  g_assert_no_error (error);

  printf ("Saving: the main thread's part (the snapshot) against a frame (%.1f ms), %d runs each\n\n", FRAME_MS, runs);
  printf ("%-34s %9s %16s %12s %10s  %s\n", "session", "load ms", "longest hold ms", "whole ms", "× whole", "≤ 1 frame");

  for (int f = 3; f < argc; f++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[f]);
      g_autofree char *out_path = g_build_filename (dir, "out.rubric.json", NULL);
      g_autoptr(GFile) out = g_file_new_for_path (out_path);
      g_autoptr(RubricSession) session = NULL;
      g_autofree double *snapshot = g_new0 (double, runs);
      g_autofree double *whole = g_new0 (double, runs);
      g_autofree char *name = g_path_get_basename (argv[f]);
      gint64 start;
      double load_ms;

      start = g_get_monotonic_time ();
      session = rubric_session_new_from_file (file, kit, NULL, &error);
      load_ms = (g_get_monotonic_time () - start) / 1000.0;
      if (session == NULL)
        {
          fprintf (stderr, "%s: %s\n", argv[f], error->message);
          return 1;
        }

      for (int r = 0; r < runs; r++)
        {
          Wait wait = { FALSE, FALSE };
          gint64 begun;

          /* A change, as a keystroke would make, then the save. */
          rubric_session_set_summary (session, r % 2 ? "Typed." : "Typed!");
          begun = g_get_monotonic_time ();
          rubric_session_save_async (session, out, RUBRIC_FILE_WRITE_NONE, NULL, NULL, saved_cb, &wait);
          snapshot[r] = (g_get_monotonic_time () - begun) / 1000.0;
          /* Every later slice runs in an iteration of the main loop: the
           * longest iteration is the longest the loop was held. */
          while (!wait.done)
            {
              gint64 before = g_get_monotonic_time ();
              gboolean dispatched = g_main_context_iteration (NULL, FALSE);
              double held = (g_get_monotonic_time () - before) / 1000.0;

              if (dispatched)
                snapshot[r] = MAX (snapshot[r], held);
              else
                g_usleep (100);
            }
          whole[r] = (g_get_monotonic_time () - begun) / 1000.0;
          if (!wait.ok)
            {
              fprintf (stderr, "%s: the save failed\n", argv[f]);
              return 1;
            }
        }
      qsort (snapshot, runs, sizeof (double), compare_doubles);
      qsort (whole, runs, sizeof (double), compare_doubles);
      {
        double s = snapshot[runs / 2], w = whole[runs / 2];
        gboolean met = snapshot[runs - 1] <= FRAME_MS;

        all_met = all_met && met;
        printf ("%-34s %9.1f %16.2f %12.2f %10.2f  %s (max %.2f ms)\n", name, load_ms, s, w, s / w,
                met ? "PASS" : "MISS", snapshot[runs - 1]);
      }
      g_unlink (out_path);
    }
  g_rmdir (dir);

  printf ("\n%s\n", all_met ? "Every snapshot fits in a frame." : "Some snapshots take longer than a frame.");
  return all_met ? 0 : 1;
}
