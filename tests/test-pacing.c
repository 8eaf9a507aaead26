/* test-pacing.c — keeping to the slot, against a clock the test sets
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-pacing.h"

#define MINUTE 60

/* Four topics of 15 minutes in a 60-minute slot. */
static RubricPacingTopic topics[4];

static void
reset (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    topics[i] = (RubricPacingTopic) { 15 * MINUTE, 0, FALSE };
}

static char *
line_at (guint   current,
         gint64  elapsed,
         RubricPacing *out)
{
  rubric_pacing_compute (topics, G_N_ELEMENTS (topics), current, 60 * MINUTE, elapsed, out);
  return rubric_pacing_to_string (out);
}

static void
test_on_time (void)
{
  RubricPacing pacing;
  g_autofree char *line = NULL;
  g_autofree char *start = NULL;

  reset ();
  topics[0].visited = TRUE;
  start = line_at (0, 0, &pacing);
  g_assert_cmpstr (start, ==, "On time");
  g_assert_cmpuint (pacing.topics_left, ==, 4);
  g_assert_cmpint (pacing.per_topic, ==, 15 * MINUTE);

  /* Twenty minutes in: topic 1 done in 15, topic 2 five minutes in. */
  topics[0].spent = 15 * MINUTE;
  topics[1] = (RubricPacingTopic) { 15 * MINUTE, 5 * MINUTE, TRUE };
  line = line_at (1, 20 * MINUTE, &pacing);
  g_assert_cmpstr (line, ==, "On time");
  g_assert_cmpint (pacing.pace, ==, RUBRIC_PACE_ON_TIME);
  g_assert_cmpuint (pacing.topics_left, ==, 3);
  g_assert_cmpint (pacing.time_left, ==, 40 * MINUTE);

  /* Less than a minute either way is still on time. */
  g_clear_pointer (&line, g_free);
  line = line_at (1, 20 * MINUTE + 59, &pacing);
  g_assert_cmpstr (line, ==, "On time");
}

static void
test_behind (void)
{
  RubricPacing pacing;
  g_autofree char *line = NULL;
  g_autofree char *last = NULL;
  g_autofree char *over = NULL;

  /* Topic 1 took 21 minutes: 6 behind, 39 left for 3 topics. */
  reset ();
  topics[0] = (RubricPacingTopic) { 15 * MINUTE, 21 * MINUTE, TRUE };
  topics[1].visited = TRUE;
  line = line_at (1, 21 * MINUTE, &pacing);
  g_assert_cmpint (pacing.pace, ==, RUBRIC_PACE_BEHIND);
  g_assert_cmpint (pacing.difference, ==, 6 * MINUTE);
  g_assert_cmpstr (line, ==, "Behind by 6 min — 3 topics left, 39 min → 13 min each");

  /* The last topic, with 4½ minutes left for it but a budget of 15. */
  for (guint i = 0; i < 3; i++)
    topics[i].visited = TRUE;
  topics[3].visited = TRUE;
  last = line_at (3, 55 * MINUTE + 30, &pacing);
  g_assert_cmpuint (pacing.topics_left, ==, 1);
  g_assert_cmpstr (last, ==, "Behind by 11 min — 1 topic left, 4½ min");

  /* Past the slot: nothing left, and behind by what the topic needs. */
  over = line_at (3, 70 * MINUTE, &pacing);
  g_assert_cmpint (pacing.time_left, ==, 0);
  g_assert_cmpint (pacing.difference, ==, 25 * MINUTE);
  g_assert_cmpint (pacing.per_topic, ==, 0);
}

static void
test_ahead (void)
{
  RubricPacing pacing;
  g_autofree char *line = NULL;

  /* Two topics done in 12 minutes each: 6 ahead. */
  reset ();
  topics[0] = (RubricPacingTopic) { 15 * MINUTE, 12 * MINUTE, TRUE };
  topics[1] = (RubricPacingTopic) { 15 * MINUTE, 12 * MINUTE, TRUE };
  topics[2].visited = TRUE;
  line = line_at (2, 24 * MINUTE, &pacing);
  g_assert_cmpint (pacing.pace, ==, RUBRIC_PACE_AHEAD);
  g_assert_cmpstr (line, ==, "Ahead by 6 min");
}

static void
test_skipped_topic (void)
{
  RubricPacing pacing;
  g_autofree char *line = NULL;

  /* Topic 2 shown but left at once for topic 3: it counts as done, so the
   * interview is 15 minutes ahead. */
  reset ();
  topics[0] = (RubricPacingTopic) { 15 * MINUTE, 15 * MINUTE, TRUE };
  topics[1] = (RubricPacingTopic) { 15 * MINUTE, 0, TRUE };
  topics[2].visited = TRUE;
  line = line_at (2, 15 * MINUTE, &pacing);
  g_assert_cmpuint (pacing.topics_left, ==, 2);
  g_assert_cmpstr (line, ==, "Ahead by 15 min");
}

static void
test_topic (void)
{
  RubricPacingTopic within = { 6 * MINUTE, 3 * MINUTE + 20, TRUE };
  RubricPacingTopic over = { 6 * MINUTE, 8 * MINUTE, TRUE };
  RubricPacingTopic far = { 6 * MINUTE, 9 * MINUTE, TRUE };
  g_autofree char *a = rubric_pacing_topic_to_string (&within);
  g_autofree char *b = rubric_pacing_topic_to_string (&over);

  g_assert_cmpint (rubric_pacing_topic_pace (&within), ==, RUBRIC_TOPIC_PACE_WITHIN);
  g_assert_cmpint (rubric_pacing_topic_pace (&over), ==, RUBRIC_TOPIC_PACE_OVER);
  g_assert_cmpint (rubric_pacing_topic_pace (&far), ==, RUBRIC_TOPIC_PACE_FAR_OVER);
  g_assert_cmpstr (a, ==, "3 of 6 min");
  g_assert_cmpstr (b, ==, "8 of 6 min, over by 2 min");
}

static void
test_share_slot (void)
{
  /* The bundled kit's budgets are ~147 minutes; a 60-minute slot shares
   * them in whole minutes that add up to 60. */
  static const guint minutes[] = { 16, 15, 13, 14, 16, 13, 14, 16, 15, 15 };
  static const guint none[] = { 0, 0, 0 };
  g_autofree gint64 *budgets = rubric_pacing_share_slot (minutes, G_N_ELEMENTS (minutes), 60 * MINUTE);
  g_autofree gint64 *even = rubric_pacing_share_slot (none, G_N_ELEMENTS (none), 45 * MINUTE);
  g_autofree gint64 *odd = rubric_pacing_share_slot (minutes, 3, 100);
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      g_assert_cmpint (budgets[i] % MINUTE, ==, 0);
      g_assert_cmpint (budgets[i], >=, 5 * MINUTE);
      g_assert_cmpint (budgets[i], <=, 7 * MINUTE);
      sum += budgets[i];
    }
  g_assert_cmpint (sum, ==, 60 * MINUTE);
  /* A topic with more minutes never gets less than one with fewer. */
  g_assert_cmpint (budgets[0], >=, budgets[2]);

  g_assert_cmpint (even[0], ==, 15 * MINUTE);
  g_assert_cmpint (even[1], ==, 15 * MINUTE);
  g_assert_cmpint (even[2], ==, 15 * MINUTE);

  /* A slot that is not whole minutes is shared to the second. */
  g_assert_cmpint (odd[0] + odd[1] + odd[2], ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pacing/on-time", test_on_time);
  g_test_add_func ("/pacing/behind", test_behind);
  g_test_add_func ("/pacing/ahead", test_ahead);
  g_test_add_func ("/pacing/skipped-topic", test_skipped_topic);
  g_test_add_func ("/pacing/topic", test_topic);
  g_test_add_func ("/pacing/share-slot", test_share_slot);

  return g_test_run ();
}
