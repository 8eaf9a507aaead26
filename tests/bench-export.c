/* bench-export.c — how long each export format takes (build-aux/bench export)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three sessions, each exported RUNS times, all cases interleaved:
 *
 *  - full: a whole interview — 30 questions, 2 KB of notes on each, topic
 *    notes and a summary as long — in every format;
 *  - unbroken: the same, with one question's notes a 50 KB string with no
 *    place to break a line (a pasted token or base64 blob), as PDF;
 *  - 2,000 notes: a session of 2,000 answers (40 topics of 50 questions
 *    its kit does not know), each rated with a short note, as PDF.
 *
 * The baseline, measured in the same run, is saving the full session as
 * JSON: the ratios say how each case compares with the cheapest thing
 * Rubric does with a session.
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

/* The full session, with the first question's notes a 50 KB string of
 * letters and digits: not one place where a line may break. */
static RubricSession *
make_unbroken_session (RubricKit *kit)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  RubricSession *session = make_session (kit);
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
  g_autoptr(GString) token = g_string_sized_new (50 * 1024);
  guint32 seed = 1;

  while (token->len < 50 * 1024)
    {
      seed = seed * 1103515245 + 12345;
      g_string_append_c (token, alphabet[(seed >> 16) % (sizeof alphabet - 1)]);
    }
  rubric_answer_set_notes (rubric_session_ensure_answer (session, question), token->str);

  return session;
}

/* 2,000 rated answers with a short note each, in 40 topics of 50, to
 * questions its kit does not know (so that no kit limits their number):
 * the summary lists them by the topic and prompt stored with them. */
static RubricSession *
make_many_notes_session (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"rubric-session\", \"version\": 1, "
                                          "\"kit\": {\"id\": \"bench-many\"}, "
                                          "\"candidate\": {\"name\": \"Benchmark Candidate\", "
                                          "\"interviewer\": \"Benchmark Interviewer\", \"date\": \"2026-11-27\"}, "
                                          "\"recommendation\": \"yes\", \"answers\": {");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RubricSession *session;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (json,
                            "%s\"t%02u.q%02u\": {\"rating\": %u, \"elapsed_s\": %u, "
                            "\"notes\": \"Question %u: explained the trade-offs with an example from "
                            "production; missed one edge case and recovered when prompted.\", "
                            "\"prompt\": \"How would you handle case %u of the migration?\", "
                            "\"topic\": \"t%02u\", \"topic_title\": \"Topic %u\"}",
                            i > 0 ? ", " : "", i / 50, i % 50, 1 + i % 5, 30 + i % 300,
                            i + 1, i + 1, i / 50, i / 50 + 1);
  g_string_append (json, "}}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  session = rubric_session_new_from_bytes (bytes, NULL, &error);
  if (session == NULL)
    g_error ("the 2,000-note session: %s", error->message);
  return session;
}

enum {
  SESSION_FULL,
  SESSION_UNBROKEN,
  SESSION_MANY_NOTES,
  N_SESSIONS
};

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    int session;
    int format;          /* -1: the JSON baseline */
    double target_ms;
  } cases[] = {
    { "session JSON (baseline)", SESSION_FULL, -1, 0 },
    { "pdf", SESSION_FULL, RUBRIC_EXPORT_FORMAT_PDF, 100 },
    { "md", SESSION_FULL, RUBRIC_EXPORT_FORMAT_MARKDOWN, 10 },
    { "html", SESSION_FULL, RUBRIC_EXPORT_FORMAT_HTML, 10 },
    { "txt", SESSION_FULL, RUBRIC_EXPORT_FORMAT_TEXT, 10 },
    { "csv", SESSION_FULL, RUBRIC_EXPORT_FORMAT_CSV, 10 },
    { "pdf, 50 KB unbroken string", SESSION_UNBROKEN, RUBRIC_EXPORT_FORMAT_PDF, 500 },
    { "pdf, 2,000 notes", SESSION_MANY_NOTES, RUBRIC_EXPORT_FORMAT_PDF, 400 },
  };
  g_autoptr(GFile) kit_file = NULL;
  g_autoptr(RubricKit) kit = NULL;
  RubricSession *sessions[N_SESSIONS];
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
  sessions[SESSION_FULL] = make_session (kit);
  sessions[SESSION_UNBROKEN] = make_unbroken_session (kit);
  sessions[SESSION_MANY_NOTES] = make_many_notes_session ();

  for (int run = -1; run < runs; run++)   /* run -1 warms up */
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        RubricSession *session = sessions[cases[c].session];
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

  printf ("Exports, %d runs each: a 30-question interview with 2 KB of notes per question\n"
          "in every format; the same with a 50 KB unbroken string in one note; 2,000 notes\n\n", runs);
  printf ("%-28s %10s %10s %10s %8s  %s\n", "case", "median ms", "min ms", "max ms", "× JSON", "target");
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
      printf ("%-28s %10.2f %10.2f %10.2f %8.1f  %s\n", cases[c].name, medians[c], times[c][0],
              times[c][runs - 1], medians[c] / medians[0], target != NULL ? target : "");
    }
  printf ("\n%s\n", all_met ? "All targets met." : "Some targets missed.");

  for (guint i = 0; i < N_SESSIONS; i++)
    g_object_unref (sessions[i]);

  return 0;
}
