/* rubric-evidence.c — what the ticks on a question add up to
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interviewer ticks the key points a candidate said and the red flags
 * they showed. Here those ticks become a tally, a suggested rating by the
 * rule of docs/evidence.md, a sentence that says both, and the lines the
 * strengths and concerns of the summary can start from. Nothing here sets
 * a rating: the interviewer's rating is always theirs.
 */

#define G_LOG_DOMAIN "rubric-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-evidence.h"

/**
 * rubric_evidence_tally:
 * @answer: (nullable): the question's answer; %NULL when there is none yet
 * @evidence: (out caller-allocates): the tally
 */
void
rubric_evidence_tally (RubricQuestion *question,
                       RubricAnswer   *answer,
                       RubricEvidence *evidence)
{
  const char * const *points;
  const char * const *flags;

  g_return_if_fail (RUBRIC_IS_QUESTION (question));
  g_return_if_fail (answer == NULL || RUBRIC_IS_ANSWER (answer));
  g_return_if_fail (evidence != NULL);

  *evidence = (RubricEvidence) { 0, };
  points = rubric_question_get_key_points (question);
  flags = rubric_question_get_red_flags (question);

  for (guint i = 0; points[i] != NULL; i++)
    {
      gboolean senior = rubric_question_get_key_point_level (question, i) == RUBRIC_KEY_POINT_LEVEL_SENIOR;
      gboolean heard = answer != NULL && rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, i);

      evidence->n_points++;
      evidence->n_heard += heard;
      evidence->n_senior += senior;
      evidence->n_senior_heard += senior && heard;
    }
  for (guint i = 0; flags[i] != NULL; i++)
    {
      evidence->n_red_flags++;
      evidence->n_shown += answer != NULL && rubric_answer_get_ticked (answer, RUBRIC_TICK_RED_FLAG, i);
    }
}

/**
 * rubric_evidence_suggest:
 *
 * The rating the ticks suggest (docs/evidence.md has the rule and why):
 * 1 plus three times the share of key points heard, rounded, so 1 to 4;
 * one more when at least half of the senior points were heard (or, when
 * the kit marks none as senior, when every point was); at most 3 with one
 * red flag shown, at most 2 with more.
 *
 * Returns: a rating from %RUBRIC_RATING_MIN to %RUBRIC_RATING_MAX, or
 *   %RUBRIC_RATING_NONE when nothing is ticked
 */
int
rubric_evidence_suggest (const RubricEvidence *evidence)
{
  int rating = RUBRIC_RATING_MIN;
  gboolean lift;

  g_return_val_if_fail (evidence != NULL, RUBRIC_RATING_NONE);

  if (evidence->n_heard == 0 && evidence->n_shown == 0)
    return RUBRIC_RATING_NONE;

  /* Whole numbers only: halves round up, so 2 of 4 is 1 + 1.5 → 3. */
  if (evidence->n_points > 0)
    rating += (int) ((6 * MIN (evidence->n_heard, evidence->n_points) + evidence->n_points) /
                     (2 * evidence->n_points));

  if (evidence->n_senior > 0)
    lift = evidence->n_senior_heard > 0 && 2 * evidence->n_senior_heard >= evidence->n_senior;
  else
    lift = evidence->n_points > 0 && evidence->n_heard >= evidence->n_points;
  if (lift)
    rating++;

  if (evidence->n_shown == 1)
    rating = MIN (rating, 3);
  else if (evidence->n_shown > 1)
    rating = MIN (rating, 2);

  return CLAMP (rating, RUBRIC_RATING_MIN, RUBRIC_RATING_MAX);
}

/**
 * rubric_evidence_dup_sentence:
 *
 * What the ticks say, in one line: "4 of 5 points, 1 senior, no red flag —
 * 4 suggested", or "No suggestion yet" before anything is ticked. The
 * senior part is left out for a question the kit marks no senior point on.
 *
 * Returns: (transfer full): the sentence
 */
char *
rubric_evidence_dup_sentence (const RubricEvidence *evidence)
{
  g_autofree char *points = NULL;
  g_autofree char *senior = NULL;
  g_autofree char *flags = NULL;
  int suggestion;

  g_return_val_if_fail (evidence != NULL, NULL);

  suggestion = rubric_evidence_suggest (evidence);
  if (suggestion == RUBRIC_RATING_NONE)
    /* Translators: under a question's rating, before any key point or red
     * flag is ticked */
    return g_strdup (_("No suggestion yet"));

  /* Three counts, each with its own plural, cannot be one message; each
   * part is one, and the sentence that joins them another. */
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: part of the evidence sentence "4 of 5 points, 1 senior, no red flag — 4 suggested": key points heard of the question's key points (the plural follows the second number) */
                                         "%u of %u point", "%u of %u points", evidence->n_points),
                            evidence->n_heard, evidence->n_points);
  if (evidence->n_shown == 0)
    /* Translators: part of the evidence sentence "4 of 5 points, 1 senior, no red flag — 4 suggested" */
    flags = g_strdup (_("no red flag"));
  else
    flags = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: part of the evidence sentence "4 of 5 points, 1 senior, 2 red flags — 2 suggested": the red flags the candidate showed */
                                          "%u red flag", "%u red flags", evidence->n_shown),
                             evidence->n_shown);

  if (evidence->n_senior == 0)
    /* Translators: the evidence sentence for a question without senior
     * points, e.g. "4 of 5 points, no red flag — 4 suggested": %1$s the
     * points heard, %2$s the red flags shown, %3$d the suggested rating */
    return g_strdup_printf (_("%1$s, %2$s — %3$d suggested"), points, flags, suggestion);

  senior = evidence->n_senior_heard == 0
           /* Translators: part of the evidence sentence "3 of 5 points, no senior, no red flag — 3 suggested": none of the points that set a senior answer apart was heard */
           ? g_strdup (_("no senior"))
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: part of the evidence sentence "4 of 5 points, 1 senior, no red flag — 4 suggested": how many of the points heard set a senior answer apart */
                                           "%u senior", "%u senior", evidence->n_senior_heard),
                              evidence->n_senior_heard);

  /* Translators: the evidence sentence under a question's rating, e.g.
   * "4 of 5 points, 1 senior, no red flag — 4 suggested": %1$s the points
   * heard, %2$s the senior ones among them, %3$s the red flags shown,
   * %4$d the suggested rating */
  return g_strdup_printf (_("%1$s, %2$s, %3$s — %4$d suggested"), points, senior, flags, suggestion);
}

/**
 * rubric_evidence_format_offset:
 * @seconds: into the interview
 *
 * Returns: (transfer full): "12:34", or "1:02:03" past the hour
 */
char *
rubric_evidence_format_offset (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* A point with its note, or the point alone. */
static char *
evidence_line (const char *point,
               const char *note)
{
  if (note == NULL || *note == '\0')
    return g_strdup (point);
  /* Translators: a strength or concern filled from the evidence: %1$s is
   * the kit's key point or red flag, %2$s the interviewer's note on what
   * the candidate said, e.g. "Knows select_for_update: said it but not
   * skip_locked" */
  return g_strdup_printf (_("%1$s: %2$s"), point, note);
}

/* Each line goes to @lines, and its point (the kit's text alone) to
 * @points when that is not %NULL. */
static void
add_line (GStrvBuilder *lines,
          GStrvBuilder *points,
          const char   *point,
          const char   *note)
{
  g_strv_builder_take (lines, evidence_line (point, note));
  if (points != NULL)
    g_strv_builder_add (points, point);
}

static void
collect_question (RubricSession  *session,
                  RubricQuestion *question,
                  GStrvBuilder   *lines[2],
                  GStrvBuilder   *points[2])
{
  RubricAnswer *answer = rubric_session_lookup_answer (session, rubric_question_get_id (question));
  const char * const *key_points = rubric_question_get_key_points (question);
  const char * const *flags = rubric_question_get_red_flags (question);

  if (answer == NULL)
    return;

  for (guint i = 0; key_points[i] != NULL; i++)
    if (rubric_question_get_key_point_level (question, i) == RUBRIC_KEY_POINT_LEVEL_SENIOR &&
        rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, i))
      add_line (lines[0], points[0], key_points[i],
                rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, i));
  for (guint i = 0; flags[i] != NULL; i++)
    if (rubric_answer_get_ticked (answer, RUBRIC_TICK_RED_FLAG, i))
      add_line (lines[1], points[1], flags[i],
                rubric_answer_get_tick_note (answer, RUBRIC_TICK_RED_FLAG, i));
}

/* The strengths' lines and points in [0], the concerns' in [1], in the
 * kit's order; @points may hold %NULLs. */
static void
collect (RubricSession *session,
         RubricKit     *kit,
         GStrvBuilder  *lines[2],
         GStrvBuilder  *points[2])
{
  GListModel *topics = rubric_kit_get_topics (kit);
  guint n_topics = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);
      guint n_questions = g_list_model_get_n_items (questions);

      for (guint j = 0; j < n_questions; j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);

          collect_question (session, question, lines, points);
        }
    }
}

/**
 * rubric_evidence_collect:
 * @kit: the session's kit, whose order the lines follow
 * @strengths: (out) (transfer full): each ticked senior key point, with its
 *   evidence note after a colon when it has one
 * @concerns: (out) (transfer full): each ticked red flag, likewise
 *
 * The lines the summary's strengths and concerns can start from, in the
 * order of the kit's topics and questions.
 */
void
rubric_evidence_collect (RubricSession  *session,
                         RubricKit      *kit,
                         GStrv          *strengths,
                         GStrv          *concerns)
{
  g_autoptr(GStrvBuilder) strengths_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) concerns_builder = g_strv_builder_new ();
  GStrvBuilder *lines[2] = { strengths_builder, concerns_builder };
  GStrvBuilder *points[2] = { NULL, NULL };

  g_return_if_fail (RUBRIC_IS_SESSION (session));
  g_return_if_fail (RUBRIC_IS_KIT (kit));
  g_return_if_fail (strengths != NULL && concerns != NULL);

  collect (session, kit, lines, points);
  *strengths = g_strv_builder_end (strengths_builder);
  *concerns = g_strv_builder_end (concerns_builder);
}

/* Whether @items already say @line: the same line, or one that starts
 * with its point (the interviewer may have edited the note since). */
static gboolean
has_line (const char * const *items,
          const char         *line,
          const char         *point)
{
  for (guint i = 0; items[i] != NULL; i++)
    if (g_str_equal (items[i], line) || g_str_has_prefix (items[i], point))
      return TRUE;
  return FALSE;
}

/* @items, then each of @lines they do not hold yet. */
static GStrv
append_missing (const char * const *items,
                GStrvBuilder       *lines_builder,
                GStrvBuilder       *points_builder,
                guint              *added)
{
  g_auto(GStrv) lines = g_strv_builder_end (lines_builder);
  g_auto(GStrv) points = g_strv_builder_end (points_builder);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) items);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!has_line (items, lines[i], points[i]))
      {
        g_strv_builder_add (builder, lines[i]);
        (*added)++;
      }
  return g_strv_builder_end (builder);
}

/**
 * rubric_evidence_fill_session:
 *
 * Appends to the session's strengths and concerns the lines of
 * rubric_evidence_collect() they do not hold yet: a line is held when an
 * item is the same, or starts with the same point (the interviewer's own
 * edit of a line that was filled before). What the interviewer wrote is
 * never changed or reordered.
 *
 * Returns: how many lines were added
 */
guint
rubric_evidence_fill_session (RubricSession *session,
                              RubricKit     *kit)
{
  g_autoptr(GStrvBuilder) strength_lines = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) strength_points = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) concern_lines = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) concern_points = g_strv_builder_new ();
  GStrvBuilder *lines[2] = { strength_lines, concern_lines };
  GStrvBuilder *points[2] = { strength_points, concern_points };
  g_auto(GStrv) strengths = NULL;
  g_auto(GStrv) concerns = NULL;
  guint added = 0;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), 0);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), 0);
  g_return_val_if_fail (!rubric_session_get_read_only (session), 0);

  collect (session, kit, lines, points);
  strengths = append_missing (rubric_session_get_strengths (session), strength_lines, strength_points, &added);
  concerns = append_missing (rubric_session_get_concerns (session), concern_lines, concern_points, &added);
  rubric_session_set_strengths (session, (const char * const *) strengths);
  rubric_session_set_concerns (session, (const char * const *) concerns);

  return added;
}
