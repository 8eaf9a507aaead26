/* bench-panel.c — a folder of 500 sealed sessions compared (build-aux/bench panel)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes a folder of 50 candidates × 10 interviewers' sessions on the
 * shipped kit, run with its default 60-minute plan — every question rated
 * or skipped, a note and a tick or two on each, strengths and concerns,
 * sealed, saved as Rubric saves them —
 * then, RUNS times each and interleaved, in a fresh process each time:
 *
 *  - the baseline: each file read and parsed by plain json-glib, dropped;
 *  - the compare: rubric_compare_load() over the folder, as the compare
 *    view loads it: one debrief per candidate (rubric_debrief_load_grouped()),
 *    the role's plan chosen, the cells, audits and calibration worked out.
 *
 * It prints the medians of the time and of the peak RSS (VmHWM) of both,
 * and the compare's as ratios of the baseline's, with the targets
 * for the compare view: ≤ 2 s and ≤ 200 MB.
 *
 * Usage: bench-panel KIT RUNS DIR   (DIR is made, or used as it is)
 *        bench-panel --child baseline|compare KIT DIR   (one measurement)
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "rubric-compare.h"

#define N_CANDIDATES 50
#define N_INTERVIEWERS 10
#define TARGET_MS 2000.0
#define TARGET_MB 200.0

static const char * const notes[] = {
  "Explained it clearly, with an example from a real project.",
  "Needed a hint, then got there; unsure about the edge cases.",
  "Confident and precise; mentioned the trade-offs unprompted.",
  "Vague; talked around the question.",
};

static void
make_folder (RubricKit  *kit,
             const char *dir)
{
  GListModel *topics = rubric_kit_get_topics (kit);
  GRand *rand = g_rand_new_with_seed (17);
  g_autoptr(RubricPlan) plan = rubric_plan_new_default (kit, 60);

  g_mkdir_with_parents (dir, 0755);
  for (guint c = 0; c < N_CANDIDATES; c++)
    for (guint i = 0; i < N_INTERVIEWERS; i++)
      {
        g_autofree char *name = g_strdup_printf ("candidate-%02u-interviewer-%02u.rubric.json", c, i);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(RubricSession) session = NULL;
        g_autofree char *candidate = g_strdup_printf ("Candidate %02u Example", c);
        g_autofree char *interviewer = g_strdup_printf ("Interviewer %02u Example", i);
        const char *strengths[] = { "Clear explanations", "Knows the ORM", NULL };
        const char *concerns[] = { "Little production experience", NULL };
        g_autoptr(GError) error = NULL;

        if (g_file_test (path, G_FILE_TEST_EXISTS))
          continue;
        session = rubric_session_new (kit);
        rubric_session_set_plan (session, plan);
        rubric_session_set_candidate_name (session, candidate);
        rubric_session_set_candidate_role (session, "Senior Django Developer");
        rubric_session_set_interviewer (session, interviewer);
        rubric_session_set_date (session, "2026-12-04");
        for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
          {
            g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, t);
            GListModel *questions = rubric_topic_get_questions (topic);

            for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
              {
                g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, q);
                RubricAnswer *answer = rubric_session_ensure_answer (session, question);

                if (g_rand_int_range (rand, 0, 10) == 0)
                  {
                    rubric_answer_set_skipped (answer, TRUE);
                    continue;
                  }
                rubric_answer_set_rating (answer, g_rand_int_range (rand, 1, 6));
                rubric_answer_set_notes (answer, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
                rubric_answer_set_elapsed (answer, g_rand_int_range (rand, 60, 600));
                rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, g_rand_int_range (rand, 0, 3600));
                rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 1, TRUE, g_rand_int_range (rand, 0, 3600));
              }
          }
        rubric_session_set_recommendation (session, g_rand_int_range (rand, 1, 5));
        rubric_session_set_summary (session, "A fair interview; see the notes per question.");
        rubric_session_set_strengths (session, strengths);
        rubric_session_set_concerns (session, concerns);
        rubric_session_set_private_notes (session, "Not for the panel.");
        rubric_session_seal (session);
        if (!rubric_session_save (session, file, NULL, &error))
          g_error ("%s: %s", path, error->message);
      }
  g_rand_free (rand);
}

/* The peak resident set of this process, in kB. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return atol (line + strlen ("VmHWM:"));
}

static int
child (const char *mode,
       const char *kit_path,
       const char *dir)
{
  g_autoptr(GFile) kit_file = g_file_new_for_path (kit_path);
  g_autoptr(RubricKit) kit = rubric_kit_new_from_file (kit_file, NULL, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  /* Listed as the compare view lists it, in the time measured. */
  files = rubric_compare_list_folder (folder, NULL, NULL);
  if (files == NULL)
    g_error ("%s: not a folder", dir);
  if (g_str_equal (mode, "baseline"))
    for (guint i = 0; i < files->len; i++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autofree char *data = NULL;
        gsize length;

        if (g_file_load_contents (g_ptr_array_index (files, i), NULL, &data, &length, NULL, NULL) &&
            json_parser_load_from_data (parser, data, length, NULL))
          n++;
      }
  else
    {
      g_autoptr(RubricCompare) compare = rubric_compare_new (kit);

      rubric_compare_load (compare, (GFile * const *) files->pdata, files->len, NULL, NULL);
      for (guint i = 0; i < rubric_compare_get_n_candidates (compare); i++)
        n += rubric_compare_get_candidate (compare, i)->n_counted;
      if (rubric_compare_get_n_candidates (compare) != N_CANDIDATES || rubric_compare_get_n_problems (compare) > 0 ||
          rubric_compare_get_plan_name (compare) == NULL || rubric_compare_get_n_interviewers (compare) != N_INTERVIEWERS)
        g_error ("%u candidates, %u problems", rubric_compare_get_n_candidates (compare),
                 rubric_compare_get_n_problems (compare));
    }
  printf ("%.3f %ld %u\n", (g_get_monotonic_time () - start) / 1000.0, peak_rss_kb (), n);
  return 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
run_child (const char *self,
           const char *mode,
           const char *kit,
           const char *dir,
           double     *ms,
           double     *mb)
{
  const char *argv[] = { self, "--child", mode, kit, dir, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  long kb = 0;
  guint n = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "%lf %ld %u", ms, &kb, &n) != 3 || n != N_CANDIDATES * N_INTERVIEWERS)
    g_error ("%s %s failed: %s", self, mode, error != NULL ? error->message : out);
  *mb = kb / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree double *base_ms = NULL, *base_mb = NULL, *panel_ms = NULL, *panel_mb = NULL;
  g_autoptr(GFile) kit_file = NULL;
  g_autoptr(RubricKit) kit = NULL;
  int runs;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child (argv[2], argv[3], argv[4]);
  if (argc != 4 || (runs = atoi (argv[2])) < 3 || runs > 200)
    {
      fprintf (stderr, "Usage: %s KIT RUNS (3–200) DIR\n", argv[0]);
      return 2;
    }

  kit_file = g_file_new_for_commandline_arg (argv[1]);
  kit = rubric_kit_new_from_file (kit_file, NULL, NULL);
  make_folder (kit, argv[3]);

  base_ms = g_new0 (double, runs);
  base_mb = g_new0 (double, runs);
  panel_ms = g_new0 (double, runs);
  panel_mb = g_new0 (double, runs);
  /* One warm-up of each: the files in the page cache for both. */
  run_child (argv[0], "baseline", argv[1], argv[3], &base_ms[0], &base_mb[0]);
  run_child (argv[0], "compare", argv[1], argv[3], &panel_ms[0], &panel_mb[0]);
  for (int r = 0; r < runs; r++)
    {
      run_child (argv[0], "baseline", argv[1], argv[3], &base_ms[r], &base_mb[r]);
      run_child (argv[0], "compare", argv[1], argv[3], &panel_ms[r], &panel_mb[r]);
    }
  qsort (base_ms, runs, sizeof (double), compare_doubles);
  qsort (base_mb, runs, sizeof (double), compare_doubles);
  qsort (panel_ms, runs, sizeof (double), compare_doubles);
  qsort (panel_mb, runs, sizeof (double), compare_doubles);

  {
    double ms = panel_ms[runs / 2], mb = panel_mb[runs / 2];
    double bms = base_ms[runs / 2], bmb = base_mb[runs / 2];
    gboolean met = ms <= TARGET_MS && mb <= TARGET_MB;

    printf ("A folder of %u sealed sessions (%u candidates × %u interviewers), %d runs each, medians\n\n",
            N_CANDIDATES * N_INTERVIEWERS, N_CANDIDATES, N_INTERVIEWERS, runs);
    printf ("%-34s %10s %10s %12s %10s\n", "", "time ms", "× base", "peak RSS MB", "× base");
    printf ("%-34s %10.1f %10s %12.1f %10s\n", "baseline: read + json-glib parse", bms, "1.00", bmb, "1.00");
    printf ("%-34s %10.1f %10.2f %12.1f %10.2f\n", "compare: debriefs, plan, figures", ms, ms / bms, mb, mb / bmb);
    printf ("\nTargets: ≤ %.0f ms and ≤ %.0f MB: %s (time %.1f–%.1f ms, RSS %.1f–%.1f MB over the runs)\n",
            TARGET_MS, TARGET_MB, met ? "PASS" : "MISS", panel_ms[0], panel_ms[runs - 1], panel_mb[0], panel_mb[runs - 1]);
  }
  return 0;
}
