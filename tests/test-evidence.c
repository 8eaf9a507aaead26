/* test-evidence.c — ticks against the kit: the tally, the suggested rating
 * and its sentence, the strengths and concerns they fill
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-evidence.h"

/* The rule of docs/evidence.md, case by case: each row a tally and the
 * rating it suggests, with why. */
static const struct {
  const char *why;
  RubricEvidence evidence;   /* points, heard, senior, senior heard, flags, shown */
  int suggested;
} rule_cases[] = {
  { "nothing ticked: no suggestion",           { 5, 0, 2, 0, 3, 0 }, RUBRIC_RATING_NONE },
  { "only a red flag: the lowest",             { 5, 0, 2, 0, 3, 1 }, 1 },
  { "one of five: 1 + 3/5 rounds to 2",        { 5, 1, 2, 0, 3, 0 }, 2 },
  { "two of five: 1 + 6/5 rounds to 2",        { 5, 2, 2, 0, 3, 0 }, 2 },
  { "three of five: 1 + 9/5 rounds to 3",      { 5, 3, 2, 0, 3, 0 }, 3 },
  { "four of five, no senior: 1 + 12/5 → 3",   { 5, 4, 2, 0, 3, 0 }, 3 },
  { "four of five, one of two senior: lifted", { 5, 4, 2, 1, 3, 0 }, 4 },
  { "five of five, both senior: the top",      { 5, 5, 2, 2, 3, 0 }, 5 },
  { "five of five, one senior of three: no lift", { 5, 5, 3, 1, 3, 0 }, 4 },
  { "two of four: halves round up",            { 4, 2, 1, 0, 2, 0 }, 3 },
  { "one senior point alone: 2, lifted to 3",  { 5, 1, 2, 1, 3, 0 }, 3 },
  { "all heard, one red flag: capped at 3",    { 5, 5, 2, 2, 3, 1 }, 3 },
  { "all heard, two red flags: capped at 2",   { 5, 5, 2, 2, 3, 2 }, 2 },
  { "one of five and a red flag: under the cap", { 5, 1, 2, 0, 3, 1 }, 2 },
  { "no senior points marked, all heard: 5",   { 4, 4, 0, 0, 1, 0 }, 5 },
  { "no senior points marked, three of four",  { 4, 3, 0, 0, 1, 0 }, 3 },
};

static void
test_rule (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_test_message ("%s", rule_cases[i].why);
      g_assert_cmpint (rubric_evidence_suggest (&rule_cases[i].evidence), ==, rule_cases[i].suggested);
    }
}

static const struct {
  RubricEvidence evidence;
  const char *sentence;
} sentence_cases[] = {
  { { 5, 0, 2, 0, 3, 0 }, "No suggestion yet" },
  { { 5, 4, 2, 1, 3, 0 }, "4 of 5 points, 1 senior, no red flag — 4 suggested" },
  { { 5, 5, 2, 2, 3, 2 }, "5 of 5 points, 2 senior, 2 red flags — 2 suggested" },
  { { 5, 3, 2, 0, 3, 1 }, "3 of 5 points, no senior, 1 red flag — 3 suggested" },
  { { 1, 1, 0, 0, 0, 0 }, "1 of 1 point, no red flag — 5 suggested" },
  { { 4, 0, 0, 0, 2, 1 }, "0 of 4 points, 1 red flag — 1 suggested" },
};

static void
test_sentence (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      g_autofree char *sentence = rubric_evidence_dup_sentence (&sentence_cases[i].evidence);

      g_assert_cmpstr (sentence, ==, sentence_cases[i].sentence);
    }
}

static void
test_offset (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "0:00" }, { 59, "0:59" }, { 754, "12:34" }, { 3599, "59:59" }, { 3723, "1:02:03" }, { -5, "0:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rubric_evidence_format_offset (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* migrations.deploy in the shipped kit: five key points, the second and
 * the fifth senior; three red flags. */
static RubricQuestion *
deploy_question (RubricKit *kit)
{
  RubricQuestion *question = rubric_kit_lookup_question (kit, "migrations.deploy");

  g_assert_nonnull (question);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_question_get_key_points (question)), ==, 5);
  g_assert_cmpint (rubric_question_get_key_point_level (question, 1), ==, RUBRIC_KEY_POINT_LEVEL_SENIOR);
  g_assert_cmpint (rubric_question_get_key_point_level (question, 4), ==, RUBRIC_KEY_POINT_LEVEL_SENIOR);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_question_get_red_flags (question)), ==, 3);
  return question;
}

static void
test_tally (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestion *question = deploy_question (kit);
  RubricEvidence evidence;
  RubricAnswer *answer;
  g_autofree char *sentence = NULL;

  rubric_evidence_tally (question, NULL, &evidence);
  g_assert_cmpuint (evidence.n_points, ==, 5);
  g_assert_cmpuint (evidence.n_senior, ==, 2);
  g_assert_cmpuint (evidence.n_red_flags, ==, 3);
  g_assert_cmpuint (evidence.n_heard + evidence.n_senior_heard + evidence.n_shown, ==, 0);

  answer = rubric_session_ensure_answer (session, question);
  for (guint i = 0; i < 4; i++)
    rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, i, TRUE, 60 * i);
  /* A point the question does not have (a kit changed since) counts for nothing. */
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 7, TRUE, 1);
  rubric_answer_set_ticked (answer, RUBRIC_TICK_RED_FLAG, 9, TRUE, 1);

  rubric_evidence_tally (question, answer, &evidence);
  g_assert_cmpuint (evidence.n_heard, ==, 4);
  g_assert_cmpuint (evidence.n_senior_heard, ==, 1);
  g_assert_cmpuint (evidence.n_shown, ==, 0);
  sentence = rubric_evidence_dup_sentence (&evidence);
  g_assert_cmpstr (sentence, ==, "4 of 5 points, 1 senior, no red flag — 4 suggested");

  rubric_answer_set_ticked (answer, RUBRIC_TICK_RED_FLAG, 2, TRUE, 300);
  rubric_evidence_tally (question, answer, &evidence);
  g_assert_cmpuint (evidence.n_shown, ==, 1);
  g_assert_cmpint (rubric_evidence_suggest (&evidence), ==, 3);
  /* The rating stays the interviewer's. */
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);
}

static void
test_collect_and_fill (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestion *question = deploy_question (kit);
  RubricQuestion *first = rubric_kit_lookup_question (kit, "relationships.modelling");
  const char * const *points = rubric_question_get_key_points (question);
  const char * const *flags = rubric_question_get_red_flags (question);
  RubricAnswer *answer = rubric_session_ensure_answer (session, question);
  RubricAnswer *other;
  g_auto(GStrv) strengths = NULL;
  g_auto(GStrv) concerns = NULL;
  g_autofree char *noted = NULL;
  g_autofree char *flagged = NULL;
  const char *own[] = { "Clear about trade-offs", NULL, NULL };

  /* A baseline point is no strength; senior ones are, with their note. */
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, 10);
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 4, TRUE, 20);
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 1, TRUE, 30);
  rubric_answer_set_tick_note (answer, RUBRIC_TICK_KEY_POINT, 1, "said it for a column rename");
  rubric_answer_set_ticked (answer, RUBRIC_TICK_RED_FLAG, 1, TRUE, 40);
  rubric_answer_set_tick_note (answer, RUBRIC_TICK_RED_FLAG, 1, "imports Order in 0042");
  /* An earlier topic's question comes first, whatever the order of ticking. */
  g_assert_nonnull (first);
  other = rubric_session_ensure_answer (session, first);
  rubric_answer_set_ticked (other, RUBRIC_TICK_RED_FLAG, 0, TRUE, 50);

  rubric_evidence_collect (session, kit, &strengths, &concerns);
  noted = g_strdup_printf ("%s: said it for a column rename", points[1]);
  flagged = g_strdup_printf ("%s: imports Order in 0042", flags[1]);
  g_assert_cmpuint (g_strv_length (strengths), ==, 2);
  g_assert_cmpstr (strengths[0], ==, noted);
  g_assert_cmpstr (strengths[1], ==, points[4]);
  g_assert_cmpuint (g_strv_length (concerns), ==, 2);
  /* relationships comes after migrations in the kit */
  g_assert_cmpstr (concerns[0], ==, flagged);
  g_assert_cmpstr (concerns[1], ==, rubric_question_get_red_flags (first)[0]);

  /* Filling keeps what the interviewer wrote, first, and adds the rest. */
  own[1] = points[4];
  rubric_session_set_strengths (session, own);
  g_assert_cmpuint (rubric_evidence_fill_session (session, kit), ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_strengths (session)), ==, 3);
  g_assert_cmpstr (rubric_session_get_strengths (session)[0], ==, "Clear about trade-offs");
  g_assert_cmpstr (rubric_session_get_strengths (session)[1], ==, points[4]);
  g_assert_cmpstr (rubric_session_get_strengths (session)[2], ==, noted);
  g_assert_cmpstr (rubric_session_get_concerns (session)[0], ==, flagged);

  /* Again: nothing new. An item the interviewer edited after the point
   * still holds it. */
  g_assert_cmpuint (rubric_evidence_fill_session (session, kit), ==, 0);
  {
    g_autofree char *edited = g_strdup_printf ("%s: only for renames, not drops", points[1]);
    const char *items[] = { edited, points[4], NULL };

    rubric_session_set_strengths (session, items);
    g_assert_cmpuint (rubric_evidence_fill_session (session, kit), ==, 0);
    g_assert_cmpstr (rubric_session_get_strengths (session)[0], ==, edited);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/rule", test_rule);
  g_test_add_func ("/evidence/sentence", test_sentence);
  g_test_add_func ("/evidence/offset", test_offset);
  g_test_add_func ("/evidence/tally", test_tally);
  g_test_add_func ("/evidence/collect-and-fill", test_collect_and_fill);

  return g_test_run ();
}
