/* bench-export.c — how long each export format takes (build-aux/bench export)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full interview — 30 questions, 2 KB of notes on each — exported RUNS
 * times in every format, interleaved. The baseline, measured in the same
 * run, is saving the same session as JSON: the ratios say how each format
 * compares with the cheapest thing Rubric does with a session.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rubric-export.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static RubricSession *
make_session (RubricKit *kit)
{
  RubricSession *session = rubric_session_new (kit);
  GListModel *topics = rubric_kit_get_topics (kit);
  g_autoptr(GString) notes = g_string_new (NULL);
  guint n = 0;

  while (notes->len < 2048)
    g_string_append (notes, "Explained the trade-offs clearly, with an example from production; "
                            "missed one edge case and recovered when prompted. ");
  rubric_session_set_candidate_name (session, "Benchmark Candidate");
  rubric_session_set_interviewer (session, "Benchmark Interviewer");
  rubric_session_set_summary (session, notes->str);
  rubric_session_set_recommendation (session, RUBRIC_RECOMMENDATION_YES);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      rubric_session_set_topic_notes (session, rubric_topic_get_id (topic), notes->str);
      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);
          RubricAnswer *answer = rubric_session_ensure_answer (session, question);

          rubric_answer_set_rating (answer, 1 + (int) (n++ % 5));
          rubric_answer_set_notes (answer, notes->str);
          rubric_answer_set_elapsed (answer, 60 + n * 7);
        }
    }

  return session;
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    int format;          /* -1: the JSON baseline */
    double target_ms;
  } cases[] = {
    { "session JSON (baseline)", -1, 0 },
    { "pdf", RUBRIC_EXPORT_FORMAT_PDF, 200 },
    { "md", RUBRIC_EXPORT_FORMAT_MARKDOWN, 10 },
    { "html", RUBRIC_EXPORT_FORMAT_HTML, 10 },
    { "txt", RUBRIC_EXPORT_FORMAT_TEXT, 10 },
    { "csv", RUBRIC_EXPORT_FORMAT_CSV, 10 },
  };
  g_autoptr(GFile) kit_file = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GError) error = NULL;
  double times[G_N_ELEMENTS (cases)][201];
  double medians[G_N_ELEMENTS (cases)];
  gboolean all_met = TRUE;
  int runs;

  if (argc != 3 || (runs = atoi (argv[2])) < 10 || runs > 200)
    {
      fprintf (stderr, "Usage: %s KIT RUNS (10–200)\n", argv[0]);
      return 2;
    }

  kit_file = g_file_new_for_commandline_arg (argv[1]);
  kit = rubric_kit_new_from_file (kit_file, NULL, &error);
  if (kit == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  session = make_session (kit);

  for (int run = -1; run < runs; run++)   /* run -1 warms up */
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(GBytes) bytes = NULL;
        gint64 start = g_get_monotonic_time ();

        if (cases[c].format < 0)
          bytes = rubric_session_to_bytes (session);
        else
          bytes = rubric_export_to_bytes (session, kit, cases[c].format, RUBRIC_EXPORT_FLAGS_NONE, &error);
        if (bytes == NULL)
          {
            fprintf (stderr, "%s failed: %s\n", cases[c].name, error->message);
            return 1;
          }
        if (run >= 0)
          times[c][run] = (g_get_monotonic_time () - start) / 1000.0;
      }

  printf ("Export of a 30-question interview with 2 KB of notes per question, %d runs each\n\n", runs);
  printf ("%-26s %10s %10s %10s %8s  %s\n", "format", "median ms", "min ms", "max ms", "× JSON", "target");
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      qsort (times[c], runs, sizeof (double), compare_doubles);
      medians[c] = runs % 2 ? times[c][runs / 2] : (times[c][runs / 2 - 1] + times[c][runs / 2]) / 2;
    }
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *target = NULL;

      if (cases[c].target_ms > 0)
        {
          gboolean met = medians[c] <= cases[c].target_ms;

          all_met = all_met && met;
          target = g_strdup_printf ("≤ %.0f ms %s", cases[c].target_ms, met ? "PASS" : "MISS");
        }
      printf ("%-26s %10.2f %10.2f %10.2f %8.1f  %s\n", cases[c].name, medians[c], times[c][0],
              times[c][runs - 1], medians[c] / medians[0], target != NULL ? target : "");
    }
  printf ("\n%s\n", all_met ? "All targets met." : "Some targets missed.");

  return 0;
}
