/* rubric-summary.c — what a candidate summary says, before any format
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export format renders the same RubricSummary, so they all say the
 * same thing and leave out the same things: the private notes and the
 * expected answers unless asked for, and every name when anonymised.
 */

#define G_LOG_DOMAIN "rubric-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-anonymize.h"
#include "rubric-export-private.h"
#include "rubric-json-private.h"
#include "rubric-pacing.h"
#include "rubric-plan.h"
#include "rubric-scores.h"
#include "rubric-summary.h"

static void
summary_evidence_free (RubricSummaryEvidence *evidence)
{
  g_free (evidence->text);
  g_free (evidence->offset_text);
  g_free (evidence->note);
  g_free (evidence->line);
  g_free (evidence);
}

static void
summary_question_free (RubricSummaryQuestion *question)
{
  g_ptr_array_unref (question->heard);
  g_ptr_array_unref (question->red_flags);
  g_strfreev (question->heard_lines);
  g_strfreev (question->red_flag_lines);
  g_free (question->id);
  g_free (question->prompt);
  g_free (question->heading);
  g_free (question->rating_text);
  g_free (question->elapsed_text);
  g_free (question->notes);
  g_free (question->expected);
  g_strfreev (question->key_points);
  g_free (question);
}

static void
summary_topic_free (RubricSummaryTopic *topic)
{
  g_free (topic->id);
  g_free (topic->title);
  g_free (topic->score_number);
  g_free (topic->score_text);
  g_free (topic->elapsed_text);
  g_free (topic->notes);
  g_free (topic->pace_text);
  g_ptr_array_unref (topic->questions);
  g_free (topic);
}

void
rubric_summary_free (RubricSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->kit_title);
  g_free (summary->title);
  g_free (summary->candidate);
  g_free (summary->role);
  g_free (summary->interviewer);
  g_free (summary->date);
  g_free (summary->duration_text);
  g_free (summary->rated_text);
  g_free (summary->score_line);
  g_free (summary->score_number);
  g_free (summary->score_text);
  g_free (summary->summary);
  g_strfreev (summary->strengths);
  g_strfreev (summary->concerns);
  g_free (summary->private_notes);
  g_free (summary->confidential);
  g_strfreev (summary->remaining);
  g_ptr_array_unref (summary->topics);
  g_free (summary->plan_name);
  g_free (summary->plan_text);
  g_strfreev (summary->pacing);
  g_strfreev (summary->planned_not_asked);
  g_free (summary->seal_text);
  g_free (summary->sealed_at);
  g_free (summary->edited_after_seal);
  g_free (summary);
}

const char *
rubric_recommendation_get_label (RubricRecommendation recommendation)
{
  switch (recommendation)
    {
    case RUBRIC_RECOMMENDATION_STRONG_NO:
      /* Translators: the recommendation “strong no” in an exported summary:
       * the interviewer advises firmly against hiring */
      return _("Strong no");
    case RUBRIC_RECOMMENDATION_NO:
      /* Translators: the recommendation “no” in an exported summary: the
       * interviewer advises against hiring */
      return _("No");
    case RUBRIC_RECOMMENDATION_YES:
      /* Translators: the recommendation “yes” in an exported summary: the
       * interviewer advises hiring */
      return _("Yes");
    case RUBRIC_RECOMMENDATION_STRONG_YES:
      /* Translators: the recommendation “strong yes” in an exported summary:
       * the interviewer advises hiring without reservation */
      return _("Strong yes");
    case RUBRIC_RECOMMENDATION_NONE:
    default:
      /* Translators: in an exported summary: the interviewer has not made a
       * recommendation */
      return _("No decision");
    }
}

/**
 * rubric_recommendation_get_name:
 *
 * Returns: the recommendation for machines, never translated: "none",
 *   "strong-no", "no", "yes" or "strong-yes"
 */
const char *
rubric_recommendation_get_name (RubricRecommendation recommendation)
{
  static const char * const names[] = {
    [RUBRIC_RECOMMENDATION_NONE] = "none",
    [RUBRIC_RECOMMENDATION_STRONG_NO] = "strong-no",
    [RUBRIC_RECOMMENDATION_NO] = "no",
    [RUBRIC_RECOMMENDATION_YES] = "yes",
    [RUBRIC_RECOMMENDATION_STRONG_YES] = "strong-yes",
  };

  if ((guint) recommendation >= G_N_ELEMENTS (names))
    return "none";
  return names[recommendation];
}

/**
 * rubric_export_flags_get_warning:
 *
 * Returns: (transfer full) (nullable): what an export with @flags says at
 *   its top when it is not for the candidate's eyes, or %NULL
 */
char *
rubric_export_flags_get_warning (RubricExportFlags flags)
{
  gboolean private = (flags & RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE) != 0;
  gboolean answers = (flags & RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS) != 0;

  if (private && answers)
    /* Translators: at the top of an exported summary that holds the
     * interviewer's private notes and the kit's expected answers */
    return g_strdup (_("Contains private notes and expected answers — not for the candidate"));
  if (private)
    /* Translators: at the top of an exported summary that holds the
     * interviewer's private notes */
    return g_strdup (_("Contains private notes — not for the candidate"));
  if (answers)
    /* Translators: at the top of an exported summary that holds the kit's
     * expected answers */
    return g_strdup (_("Contains expected answers — not for the candidate"));
  return NULL;
}

/**
 * rubric_summary_format_duration:
 *
 * Returns: (transfer full): "42 s", "12 min 05 s" or "1 h 02 min"
 */
char *
rubric_summary_format_duration (gint64 seconds)
{
  int h = (int) (seconds / 3600);
  int min = (int) (seconds / 60 % 60);
  int s = (int) (seconds % 60);

  if (seconds < 60)
    /* Translators: a duration in seconds, e.g. "42 s"; "s" is the
     * abbreviation of seconds */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d s", "%d s", seconds), (int) seconds);
  if (seconds < 3600)
    /* Translators: a duration in minutes and seconds, e.g. "12 min 05 s";
     * the minutes pick the plural form */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min %02d s", "%d min %02d s", min), min, s);
  /* Translators: a duration in hours and minutes, e.g. "1 h 02 min"; "h" is
   * the abbreviation of hours, and the hours pick the plural form */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h %02d min", "%d h %02d min", h), h, min);
}

/**
 * rubric_summary_question_heading:
 * @follow_up: 0 for a topic's main question, N for its Nth follow-up
 *
 * Returns: (transfer full): "Main question", "Follow-up 2"
 */
char *
rubric_summary_question_heading (guint follow_up)
{
  if (follow_up == 0)
    /* Translators: the heading of a topic's main question in an exported summary */
    return g_strdup (_("Main question"));
  /* Translators: the heading of the Nth follow-up question of a topic */
  return g_strdup_printf (_("Follow-up %u"), follow_up);
}

/**
 * rubric_summary_format_number:
 *
 * Returns: (transfer full): a score with one decimal, "3.7", the same in
 *   every format and locale
 */
char *
rubric_summary_format_number (double score)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (number, sizeof number, "%.1f", score));
}

/**
 * rubric_summary_format_label:
 *
 * Returns: (transfer full): LABEL followed by a colon, "Score:", as the
 *   locale writes it
 */
char *
rubric_summary_format_label (const char *label)
{
  /* Translators: a label before its value in an exported summary, e.g.
   * "Score:" */
  return g_strdup_printf (_("%s:"), label);
}

/**
 * rubric_summary_incomplete_label:
 *
 * Returns: the marker of a summary in which not every question is rated
 */
const char *
rubric_summary_incomplete_label (void)
{
  /* Translators: a marker next to the overall score of an exported summary
   * when not every question of the kit was rated */
  return _("Incomplete");
}

/**
 * rubric_summary_format_offset:
 *
 * Returns: (transfer full): a time into the interview as its clock shows
 *   it: "12:34", or "1:02:03" after an hour
 */
char *
rubric_summary_format_offset (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/**
 * rubric_summary_evidence_heading:
 *
 * Returns: the label of a question's key points heard, or of its red
 *   flags shown, translated
 */
const char *
rubric_summary_evidence_heading (RubricTickKind kind)
{
  if (kind == RUBRIC_TICK_RED_FLAG)
    /* Translators: a label in an exported summary, over the red flags the
     * candidate showed, each with its time into the interview */
    return _("Red flags shown");
  /* Translators: a label in an exported summary, over the key points the
   * candidate made, each with its time into the interview */
  return _("Points heard");
}

/**
 * rubric_summary_seal_heading:
 *
 * Returns: the label of the summary's line that says whether the scorecard
 *   was sealed, translated
 */
const char *
rubric_summary_seal_heading (void)
{
  /* Translators: a label in an exported summary's header, before
   * "Sealed on 2026-12-06 at 10:00 UTC" or "Edited after sealing on
   * 2026-12-06"; a seal freezes a scorecard for the hiring panel */
  return _("Seal");
}

/* Whether and when the scorecard was sealed, and whether it was changed
 * after a seal: the panel must know a verdict changed after it was given.
 * In UTC, with the date as the summary writes dates. */
static void
add_seal (RubricSummary *summary,
          RubricSession *session)
{
  GDateTime *edited = rubric_session_get_edited_after_seal (session);
  GDateTime *sealed = rubric_session_get_seal_state (session) == RUBRIC_SEAL_VALID
                      ? rubric_session_get_sealed_at (session) : NULL;
  g_autofree char *sealed_text = NULL;
  g_autofree char *edited_text = NULL;

  if (sealed != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (sealed);
      g_autofree char *day = g_date_time_format (utc, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (utc, "%H:%M");

      /* Translators: in an exported summary: when the scorecard was
       * sealed; the first %s is a date such as 2026-12-06, the second a
       * time such as 10:00 */
      sealed_text = g_strdup_printf (_("Sealed on %s at %s UTC"), day, time);
      summary->sealed_at = rubric_json_format_date_time (utc);
    }
  if (edited != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (edited);
      g_autofree char *day = g_date_time_format (utc, "%Y-%m-%d");

      /* Translators: in an exported summary of a scorecard changed after
       * it was sealed; %s is the date of that seal, such as 2026-12-06 */
      edited_text = g_strdup_printf (_("Edited after sealing on %s"), day);
      summary->edited_after_seal = rubric_json_format_date_time (utc);
    }

  if (sealed_text != NULL && edited_text != NULL)
    summary->seal_text = g_strconcat (sealed_text, " · ", edited_text, NULL);
  else if (sealed_text != NULL || edited_text != NULL)
    summary->seal_text = g_strdup (sealed_text != NULL ? sealed_text : edited_text);
}

/**
 * rubric_summary_plan_heading:
 *
 * Returns: the label of the plan the interview ran, translated
 */
const char *
rubric_summary_plan_heading (void)
{
  /* Translators: a label in an exported summary's header: the interview
   * plan the interview ran, e.g. "Plan: 60-minute senior round · 60 min slot" */
  return _("Plan");
}

/**
 * rubric_summary_pacing_heading:
 *
 * Returns: the heading of the topics' time against their budgets
 */
const char *
rubric_summary_pacing_heading (void)
{
  /* Translators: a section of an exported summary: each topic's time
   * against its share of the interview plan's slot */
  return _("Time against the plan");
}

/**
 * rubric_summary_planned_not_asked_heading:
 *
 * Returns: the heading of the planned questions that were not asked
 */
const char *
rubric_summary_planned_not_asked_heading (void)
{
  /* Translators: a section of an exported summary: the questions of the
   * interview plan that were not asked, or skipped */
  return _("Planned but not asked");
}

/**
 * rubric_summary_all_asked_label:
 *
 * Returns: what the summary says under "Planned but not asked" when every
 *   planned question was asked
 */
const char *
rubric_summary_all_asked_label (void)
{
  /* Translators: in an exported summary, under “Planned but not asked” */
  return _("Every planned question was asked.");
}

/**
 * rubric_summary_column_header:
 *
 * Returns: the heading of a column of the topic table, translated
 */
const char *
rubric_summary_column_header (RubricSummaryColumn column)
{
  switch (column)
    {
    case RUBRIC_SUMMARY_COLUMN_TOPIC:
      /* Translators: a column of the topic table in an exported summary */
      return _("Topic");
    case RUBRIC_SUMMARY_COLUMN_SCORE:
      /* Translators: a column of the topic table in an exported summary */
      return _("Score");
    case RUBRIC_SUMMARY_COLUMN_RATED:
      /* Translators: a column of the topic table: how many questions were rated */
      return _("Rated");
    case RUBRIC_SUMMARY_COLUMN_SKIPPED:
      /* Translators: a column of the topic table: how many questions were skipped */
      return _("Skipped");
    case RUBRIC_SUMMARY_COLUMN_NOT_RATED:
      /* Translators: a column of the topic table: how many questions were
       * asked (they have notes or time) but not rated */
      return _("Not rated");
    case RUBRIC_SUMMARY_COLUMN_NOT_ASKED:
      /* Translators: a column of the topic table: how many questions were not asked */
      return _("Not asked");
    case RUBRIC_SUMMARY_COLUMN_TIME:
    case RUBRIC_SUMMARY_N_COLUMNS:
    default:
      /* Translators: a column of the topic table: the time spent */
      return _("Time");
    }
}

/**
 * rubric_summary_topic_cell:
 *
 * Returns: (transfer full): the text of a cell of the topic table
 */
char *
rubric_summary_topic_cell (const RubricSummaryTopic *topic,
                           RubricSummaryColumn       column)
{
  switch (column)
    {
    case RUBRIC_SUMMARY_COLUMN_TOPIC:
      return g_strdup (topic->title);
    case RUBRIC_SUMMARY_COLUMN_SCORE:
      return g_strdup (topic->score_number);
    case RUBRIC_SUMMARY_COLUMN_RATED:
      return g_strdup_printf ("%u", topic->rated);
    case RUBRIC_SUMMARY_COLUMN_SKIPPED:
      return g_strdup_printf ("%u", topic->skipped);
    case RUBRIC_SUMMARY_COLUMN_NOT_RATED:
      return g_strdup_printf ("%u", topic->not_rated);
    case RUBRIC_SUMMARY_COLUMN_NOT_ASKED:
      return g_strdup_printf ("%u", topic->not_asked);
    case RUBRIC_SUMMARY_COLUMN_TIME:
    case RUBRIC_SUMMARY_N_COLUMNS:
    default:
      return g_strdup (topic->elapsed_text);
    }
}

static char *
format_score (gboolean has_score,
              double   score)
{
  g_autofree char *number = NULL;

  if (!has_score)
    /* Translators: in an exported summary, instead of a score */
    return g_strdup (_("Not rated"));
  number = rubric_summary_format_number (score);
  /* Translators: a score out of 5, e.g. "3.6 / 5" */
  return g_strdup_printf (_("%s / 5"), number);
}

/* ---------------------------------------------------------- anonymising */

/* Replaces *TEXT (clean already) by itself with every name and term
 * replaced. */
static void
anonymize_in_place (RubricAnonymizer  *anonymizer,
                    char             **text)
{
  char *result;

  if (anonymizer == NULL || *text == NULL)
    return;
  result = rubric_anonymizer_apply (anonymizer, *text);
  g_free (*text);
  *text = result;
}

/**
 * rubric_summary_interviewer_alias:
 * @n: which interviewer, from 0
 *
 * Returns: (transfer full): "Interviewer A", … "Interviewer Z",
 *   "Interviewer 27", …
 */
char *
rubric_summary_interviewer_alias (guint n)
{
  if (n < 26)
    /* Translators: an anonymised interviewer, e.g. "Interviewer A" */
    return g_strdup_printf (_("Interviewer %c"), 'A' + n);
  /* Translators: an anonymised interviewer after the 26th, e.g.
   * "Interviewer 27" */
  return g_strdup_printf (_("Interviewer %u"), n + 1);
}

/* Interviewers are "Sam Lee, Kim Park" or "Sam Lee and Kim Park"; each
 * becomes "Interviewer A", "Interviewer B"… */
static char *
anonymize_interviewers (RubricAnonymizer *anonymizer,
                        const char       *interviewer)
{
  g_auto(GStrv) names = g_regex_split_simple ("\\s*(?:,|;|&|\\band\\b|\\n)\\s*", interviewer, 0, 0);
  g_autoptr(GString) aliases = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *alias = NULL;

      if (rubric_json_is_blank (names[i]))
        continue;
      alias = rubric_summary_interviewer_alias (n);
      {
        g_autofree char *name = rubric_export_clean_text (names[i]);

        rubric_anonymizer_add_person (anonymizer, name, alias);
      }
      if (aliases->len > 0)
        g_string_append (aliases, ", ");
      g_string_append (aliases, alias);
      n++;
    }

  return g_string_free (g_steal_pointer (&aliases), FALSE);
}

/* ------------------------------------------------------------ building */

/* By time into the interview; on a tie, by the kit's order. */
static int
compare_evidence (gconstpointer a,
                  gconstpointer b)
{
  const RubricSummaryEvidence *x = *(RubricSummaryEvidence * const *) a;
  const RubricSummaryEvidence *y = *(RubricSummaryEvidence * const *) b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->point < y->point ? -1 : x->point > y->point;
}

/* The ticks of ANSWER, each named by its point in QUESTION (nullable: the
 * kit is not known), into Q's two lists. A key point or red flag is the
 * kit's answer: with PLACEHOLDERS (screen-share safe mode) each is named by
 * its number only, as one the kit no longer has. */
static void
add_evidence (RubricSummaryQuestion *q,
              RubricQuestion        *question,
              RubricAnswer          *answer,
              RubricExportFlags      flags)
{
  gboolean named = question != NULL && !(flags & RUBRIC_EXPORT_FLAGS_PLACEHOLDERS);
  const char * const *key_points = named ? rubric_question_get_key_points (question) : NULL;
  const char * const *red_flags = named ? rubric_question_get_red_flags (question) : NULL;
  const char * const *all_points = question != NULL ? rubric_question_get_key_points (question) : NULL;
  guint n_all_points = all_points != NULL ? g_strv_length ((GStrv) all_points) : 0;
  guint n_key_points = key_points != NULL ? g_strv_length ((GStrv) key_points) : 0;
  guint n_red_flags = red_flags != NULL ? g_strv_length ((GStrv) red_flags) : 0;

  for (guint i = 0; answer != NULL && i < rubric_answer_get_n_ticks (answer); i++)
    {
      RubricSummaryEvidence *e = g_new0 (RubricSummaryEvidence, 1);
      const char *note;

      rubric_answer_get_tick (answer, i, &e->kind, &e->point, &e->offset, &note);
      e->note = g_strdup (note != NULL ? note : "");
      e->offset_text = rubric_summary_format_offset (e->offset);
      if (e->kind == RUBRIC_TICK_RED_FLAG)
        {
          if (e->point < n_red_flags)
            e->text = g_strdup (red_flags[e->point]);
          else
            /* Translators: in an exported summary, a red flag the interview
             * kit no longer has (it changed since), or one not named in a
             * preview in screen-share safe mode; %u counts from 1 */
            e->text = g_strdup_printf (_("Red flag %u"), e->point + 1);
          g_ptr_array_add (q->red_flags, e);
        }
      else
        {
          if (e->point < n_key_points)
            {
              e->text = g_strdup (key_points[e->point]);
              e->senior = rubric_question_get_key_point_level (question, e->point) == RUBRIC_KEY_POINT_LEVEL_SENIOR;
            }
          else
            {
              /* Translators: in an exported summary, a key point the
               * interview kit no longer has (it changed since), or one not
               * named in a preview in screen-share safe mode; %u counts
               * from 1 */
              e->text = g_strdup_printf (_("Key point %u"), e->point + 1);
              /* Numbered, a senior point still says it is one. */
              e->senior = e->point < n_all_points &&
                          rubric_question_get_key_point_level (question, e->point) == RUBRIC_KEY_POINT_LEVEL_SENIOR;
            }
          g_ptr_array_add (q->heard, e);
        }
    }
  g_ptr_array_sort (q->heard, compare_evidence);
  g_ptr_array_sort (q->red_flags, compare_evidence);
}

static RubricSummaryQuestion *
make_question (RubricSession     *session,
               RubricQuestion    *question,   /* nullable: not in the kit */
               RubricAnswer      *answer,     /* nullable: never asked */
               gboolean           main,
               RubricExportFlags  flags)
{
  RubricSummaryQuestion *q = g_new0 (RubricSummaryQuestion, 1);
  const char *prompt = NULL;
  gboolean skipped = FALSE;

  q->id = g_strdup (question != NULL ? rubric_question_get_id (question) : rubric_answer_get_question_id (answer));
  /* The prompt as it was asked, if the session kept it. */
  if (answer != NULL)
    prompt = rubric_answer_get_prompt (answer);
  if (prompt == NULL && question != NULL)
    prompt = rubric_question_get_prompt (question);
  q->prompt = g_strdup (prompt != NULL && !rubric_export_is_blank (prompt) ? prompt : q->id);
  q->main = main;
  q->heard = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_evidence_free);
  q->red_flags = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_evidence_free);
  add_evidence (q, question, answer, flags);

  if (answer != NULL)
    {
      skipped = rubric_answer_get_skipped (answer);
      q->rating = skipped ? RUBRIC_RATING_NONE : rubric_answer_get_rating (answer);
      q->elapsed = rubric_answer_get_elapsed (answer);
      q->notes = g_strdup (rubric_answer_get_notes (answer));
    }
  else
    q->notes = g_strdup ("");

  /* Once, for every format: a question with notes, time or evidence but
   * no rating was asked and not rated, never "not asked". */
  if (skipped)
    q->status = RUBRIC_SUMMARY_SKIPPED;
  else if (q->rating != RUBRIC_RATING_NONE)
    q->status = RUBRIC_SUMMARY_RATED;
  else if (q->elapsed > 0 || !rubric_export_is_blank (q->notes) || q->heard->len > 0 || q->red_flags->len > 0)
    q->status = RUBRIC_SUMMARY_NOT_RATED;
  else
    q->status = RUBRIC_SUMMARY_NOT_ASKED;
  q->asked = q->status != RUBRIC_SUMMARY_NOT_ASKED;
  /* A question skipped was not asked, planned or not. */
  q->planned = rubric_session_is_planned (session, q->id);
  q->unplanned = (q->status == RUBRIC_SUMMARY_RATED || q->status == RUBRIC_SUMMARY_NOT_RATED) && !q->planned;

  switch (q->status)
    {
    case RUBRIC_SUMMARY_RATED:
      /* Translators: a rating and its meaning, e.g. "4 — Strong" */
      q->rating_text = g_strdup_printf (_("%d — %s"), q->rating, rubric_rating_get_label (q->rating));
      q->status_name = "rated";
      break;
    case RUBRIC_SUMMARY_SKIPPED:
      /* Translators: a question the interviewer skipped */
      q->rating_text = g_strdup (_("Skipped"));
      q->status_name = "skipped";
      break;
    case RUBRIC_SUMMARY_NOT_RATED:
      /* Translators: a question that was asked (it has notes or time) but not rated */
      q->rating_text = g_strdup (_("Not rated"));
      q->status_name = "not-rated";
      break;
    case RUBRIC_SUMMARY_NOT_ASKED:
    default:
      /* Translators: a question neither rated, skipped nor taken notes on */
      q->rating_text = g_strdup (_("Not asked"));
      q->status_name = "not-asked";
      break;
    }
  q->elapsed_text = q->elapsed > 0 ? rubric_summary_format_duration (q->elapsed) : g_strdup ("");

  /* The answers of the questions asked: the others tell the reader
   * nothing about the candidate. */
  if ((flags & RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS) && question != NULL && q->asked)
    {
      const char *expected = rubric_question_get_expected (question);
      const char * const *key_points = rubric_question_get_key_points (question);

      if (!(flags & RUBRIC_EXPORT_FLAGS_PLACEHOLDERS))
        {
          q->expected = g_strdup (expected);
          q->key_points = g_strdupv ((GStrv) key_points);
        }
      else if (expected != NULL || (key_points != NULL && key_points[0] != NULL))
        q->expected = g_strdup (_("Hidden while screen-share safe mode is on"));
    }

  return q;
}

static RubricSummaryTopic *
make_topic (const char *id,
            const char *title,
            double      weight,
            const char *notes)
{
  RubricSummaryTopic *topic = g_new0 (RubricSummaryTopic, 1);

  topic->id = g_strdup (id);
  if (!rubric_export_is_blank (title))
    topic->title = g_strdup (title);
  else if (!rubric_export_is_blank (id))
    topic->title = g_strdup (id);
  else
    /* Translators: the title of a topic in an exported summary that gathers
     * questions the interview kit does not place in a topic */
    topic->title = g_strdup (_("Other questions"));
  topic->weight = weight;
  topic->notes = g_strdup (notes);
  topic->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_question_free);

  return topic;
}

/* The counts, the mean and the headings, by the same rules as
 * rubric-scores.c. */
static void
score_topic (RubricSummaryTopic *topic)
{
  int sum = 0;
  guint follow_ups = 0;

  for (guint i = 0; i < topic->questions->len; i++)
    {
      RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, i);

      topic->elapsed += q->elapsed;
      switch (q->status)
        {
        case RUBRIC_SUMMARY_RATED:
          topic->rated++;
          sum += q->rating;
          break;
        case RUBRIC_SUMMARY_SKIPPED:
          topic->skipped++;
          break;
        case RUBRIC_SUMMARY_NOT_RATED:
          topic->not_rated++;
          break;
        case RUBRIC_SUMMARY_NOT_ASKED:
        default:
          topic->not_asked++;
          break;
        }

      if (!q->main)
        q->follow_up = ++follow_ups;
      q->heading = rubric_summary_question_heading (q->follow_up);
      if (q->unplanned)
        {
          char *heading = q->heading;

          /* Translators: the heading of a question that was asked although
           * the interview plan did not have it, e.g. "Follow-up 2 (asked
           * unplanned)" */
          q->heading = g_strdup_printf (_("%s (asked unplanned)"), heading);
          g_free (heading);
        }
    }

  topic->has_score = topic->rated > 0;
  topic->score = topic->has_score ? (double) sum / topic->rated : 0.0;
  topic->score_number = topic->has_score ? rubric_summary_format_number (topic->score) : g_strdup ("—");
  topic->score_text = format_score (topic->has_score, topic->score);
  topic->elapsed_text = rubric_summary_format_duration (topic->elapsed);
}

static RubricSummaryTopic *
find_topic (GPtrArray  *topics,
            const char *id)
{
  for (guint i = 0; i < topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (topics, i);

      if (g_strcmp0 (topic->id, id) == 0)
        return topic;
    }
  return NULL;
}

/* Text as every format wants it: see rubric_export_clean_text(). */
static void
clean_in_place (char **text)
{
  char *clean;

  if (*text == NULL)
    return;
  clean = rubric_export_clean_text (*text);
  g_free (*text);
  *text = clean;
}

/* A list the formats show, when it has items. */
static void
add_list (RubricSummary         *summary,
          RubricSummaryListKind  kind,
          const char            *heading,
          GStrv                  items)
{
  RubricSummaryList *list;

  if (items == NULL || items[0] == NULL)
    return;
  g_assert (summary->n_lists < G_N_ELEMENTS (summary->lists));

  list = &summary->lists[summary->n_lists++];
  list->kind = kind;
  list->heading = heading;
  list->items = (const char * const *) items;
}

/* Strengths or concerns, each as every other free text: cleaned and
 * anonymised; an item that was only control characters is gone. */
static GStrv
clean_items (GStrv             items,
             RubricAnonymizer *anonymizer)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      char *item = g_strdup (items[i]);

      clean_in_place (&item);
      anonymize_in_place (anonymizer, &item);
      if (rubric_export_is_blank (item))
        g_free (item);
      else
        g_strv_builder_take (builder, g_strstrip (item));
    }
  g_strfreev (items);
  return g_strv_builder_end (builder);
}

/* Every text of the summary, cleaned once, so that no format, no PDF
 * metadata and no bookmark gets a control character; then, when
 * anonymising, with every name and term replaced: the kit's title, the
 * topic titles and prompts stored in the session, the notes, all of it. */
static void
clean_summary (RubricSummary    *summary,
               RubricAnonymizer *anonymizer)
{
  /* Made of aliases already: the candidate, the interviewers, the title. */
  char **named[] = { &summary->title, &summary->candidate, &summary->interviewer, &summary->date };
  char **fields[] = {
    &summary->kit_title, &summary->role, &summary->summary, &summary->private_notes,
    &summary->plan_name,
  };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    clean_in_place (named[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      clean_in_place (fields[i]);
      anonymize_in_place (anonymizer, fields[i]);
    }

  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);
      char **topic_fields[] = { &topic->title, &topic->notes };

      for (guint f = 0; f < G_N_ELEMENTS (topic_fields); f++)
        {
          clean_in_place (topic_fields[f]);
          anonymize_in_place (anonymizer, topic_fields[f]);
        }
      for (guint j = 0; j < topic->questions->len; j++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);
          char **question_fields[] = { &q->prompt, &q->notes, &q->expected };

          for (guint f = 0; f < G_N_ELEMENTS (question_fields); f++)
            {
              clean_in_place (question_fields[f]);
              anonymize_in_place (anonymizer, question_fields[f]);
            }
          for (guint k = 0; q->key_points != NULL && q->key_points[k] != NULL; k++)
            {
              clean_in_place (&q->key_points[k]);
              anonymize_in_place (anonymizer, &q->key_points[k]);
            }
          for (guint k = 0; k < q->heard->len + q->red_flags->len; k++)
            {
              RubricSummaryEvidence *e = k < q->heard->len ? g_ptr_array_index (q->heard, k)
                                                           : g_ptr_array_index (q->red_flags, k - q->heard->len);
              char **evidence_fields[] = { &e->text, &e->note };

              for (guint f = 0; f < G_N_ELEMENTS (evidence_fields); f++)
                {
                  clean_in_place (evidence_fields[f]);
                  anonymize_in_place (anonymizer, evidence_fields[f]);
                }
            }
        }
    }

  summary->strengths = clean_items (summary->strengths, anonymizer);
  summary->concerns = clean_items (summary->concerns, anonymizer);
  add_list (summary, RUBRIC_SUMMARY_STRENGTHS,
            /* Translators: a section of an exported summary, after the
             * written summary: what the candidate is strong at */
            _("Strengths"), summary->strengths);
  add_list (summary, RUBRIC_SUMMARY_CONCERNS,
            /* Translators: a section of an exported summary, after the
             * strengths: the interviewer's concerns about the candidate */
            _("Concerns"), summary->concerns);
}

/* The evidence of a question as lines, one a tick: "12:34 · DNS lookup
 * (senior) — named the resolver cache". */
static GStrv
evidence_lines (GPtrArray *evidence)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < evidence->len; i++)
    {
      RubricSummaryEvidence *e = g_ptr_array_index (evidence, i);
      g_autofree char *point = NULL;
      g_autofree char *note = g_strstrip (g_strdelimit (g_strdup (e->note), "\n\t", ' '));

      if (e->senior)
        /* Translators: a key point heard that sets a senior answer apart,
         * in an exported summary: "Connection reuse (senior)" */
        point = g_strdup_printf (C_("evidence", "%s (senior)"), e->text);
      else
        point = g_strdup (e->text);
      if (*note != '\0')
        /* Translators: a tick of the evidence checklist in an exported
         * summary: its time into the interview, the key point or red flag,
         * and the interviewer's note, e.g. "12:34 · DNS lookup — named the
         * resolver cache" */
        e->line = g_strdup_printf (C_("evidence", "%s · %s — %s"), e->offset_text, point, note);
      else
        /* Translators: a tick of the evidence checklist in an exported
         * summary: its time into the interview and the key point or red
         * flag, e.g. "12:34 · DNS lookup" */
        e->line = g_strdup_printf (C_("evidence", "%s · %s"), e->offset_text, point);
      g_strv_builder_add (builder, e->line);
    }
  return g_strv_builder_end (builder);
}

/* "LABEL: TEXT", the label as the locale writes it. */
static char *
labelled_line (const char *label,
               const char *text)
{
  g_autofree char *with_colon = rubric_summary_format_label (label);

  return g_strconcat (with_colon, " ", text, NULL);
}

/* The plan's parts of the summary, from texts cleaned and anonymised
 * already: the plan's name and slot, each topic's time against its
 * budget, what was planned and not asked. */
static void
summarize_plan (RubricSummary *summary,
                RubricSession *session,
                RubricKit     *kit)
{
  RubricPlan *plan = rubric_session_get_plan (session);
  g_autoptr(GStrvBuilder) pacing = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) not_asked = g_strv_builder_new ();
  g_autoptr(GHashTable) questions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) topic_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gint64 *budgets = NULL;

  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, j);

          q->heard_lines = evidence_lines (q->heard);
          q->red_flag_lines = evidence_lines (q->red_flags);
          summary->has_evidence |= q->heard->len > 0 || q->red_flags->len > 0;
          g_hash_table_insert (questions, q->id, q);
          g_hash_table_insert (topic_of, q->id, topic);
        }
    }

  summary->planned = plan != NULL;
  summary->has_evidence |= plan != NULL;
  if (plan == NULL)
    {
      summary->pacing = g_strv_builder_end (pacing);
      summary->planned_not_asked = g_strv_builder_end (not_asked);
      return;
    }

  summary->slot_minutes = rubric_plan_get_slot_minutes (plan);
  summary->plan_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     /* Translators: the plan an interview ran
                                                      * and its length, in an exported summary:
                                                      * "60-minute senior round · 60 min slot" */
                                                     "%s · %u min slot", "%s · %u min slot",
                                                     summary->slot_minutes),
                                        summary->plan_name, summary->slot_minutes);

  /* Budgets come from the kit's minutes: without the kit, none. */
  if (kit != NULL && g_strcmp0 (rubric_plan_get_kit_id (plan), rubric_kit_get_id (kit)) == 0)
    budgets = rubric_plan_dup_budgets (plan, kit);

  for (guint i = 0; i < rubric_plan_get_n_topics (plan); i++)
    {
      RubricSummaryTopic *topic = find_topic (summary->topics, rubric_plan_get_topic_id (plan, i));
      const char * const *ids = rubric_plan_get_question_ids (plan, i);

      if (topic != NULL && !topic->planned)
        {
          topic->planned = TRUE;
          if (budgets != NULL)
            {
              RubricPacingTopic pace = { budgets[i], topic->elapsed, topic->elapsed > 0 };

              topic->has_budget = TRUE;
              topic->budget = budgets[i];
              topic->pace_text = rubric_pacing_topic_to_string (&pace);
              g_strv_builder_take (pacing, labelled_line (topic->title, topic->pace_text));
            }
        }

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          RubricSummaryQuestion *q = g_hash_table_lookup (questions, ids[j]);
          RubricSummaryTopic *in = g_hash_table_lookup (topic_of, ids[j]);
          g_autofree char *line = NULL;

          if (q != NULL && q->status != RUBRIC_SUMMARY_NOT_ASKED && q->status != RUBRIC_SUMMARY_SKIPPED)
            continue;
          if (q == NULL)
            {
              /* Neither in the kit nor answered: its id is all there is. */
              g_autofree char *id = rubric_export_clean_text (ids[j]);

              g_strv_builder_add (not_asked, id);
              continue;
            }
          /* Translators: a planned question that was not asked, in an
           * exported summary: its topic, its heading and its prompt, e.g.
           * "HTTP · Follow-up 1: What does a 404 status mean?" */
          line = g_strdup_printf (C_("planned but not asked", "%s · %s: %s"), in->title, q->heading, q->prompt);
          if (q->status == RUBRIC_SUMMARY_SKIPPED)
            /* Translators: after a planned question that was not asked
             * because the interviewer skipped it */
            g_strv_builder_take (not_asked, g_strdup_printf (_("%s (skipped)"), line));
          else
            g_strv_builder_add (not_asked, line);
        }
    }

  /* Time spent outside the plan, after it: on topics none of whose
   * questions were planned (not on the questions a summary without its
   * kit gathers under "Other questions", planned ones among them). */
  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);
      gboolean any_planned = topic->planned;

      for (guint j = 0; j < topic->questions->len && !any_planned; j++)
        any_planned = ((RubricSummaryQuestion *) g_ptr_array_index (topic->questions, j))->planned;
      if (any_planned || topic->elapsed == 0)
        continue;
      /* Translators: the time spent on a topic the interview plan did not
       * have, e.g. "3 min 05 s, not in the plan" */
      topic->pace_text = g_strdup_printf (_("%s, not in the plan"), topic->elapsed_text);
      g_strv_builder_take (pacing, labelled_line (topic->title, topic->pace_text));
    }

  summary->pacing = g_strv_builder_end (pacing);
  summary->planned_not_asked = g_strv_builder_end (not_asked);
}

/**
 * rubric_summary_new:
 * @kit: (nullable): the session's kit; without it (or when the session
 *   was made with another kit) the summary is built from what the session
 *   stored of each question
 *
 * Returns: (transfer full): the summary
 */
RubricSummary *
rubric_summary_new (RubricSession     *session,
                    RubricKit         *kit,
                    RubricExportFlags  flags)
{
  return rubric_summary_new_full (session, kit, flags, NULL);
}

/**
 * rubric_summary_new_full:
 * @redact: (nullable) (array zero-terminated=1): other identifying terms
 *   (an employer, a university, a city), each replaced by "[redacted]"
 *   wherever it stands, with or without %RUBRIC_EXPORT_FLAGS_ANONYMIZE
 *
 * Like rubric_summary_new(); the summary says how many replacements it
 * made and which capitalised words that look like names it left.
 *
 * Returns: (transfer full): the summary
 */
RubricSummary *
rubric_summary_new_full (RubricSession      *session,
                         RubricKit          *kit,
                         RubricExportFlags   flags,
                         const char * const *redact)
{
  g_autoptr(RubricAnonymizer) anonymizer = NULL;
  RubricSummary *summary;
  GListModel *answers;
  double weighted = 0.0;
  double weights = 0.0;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);

  if (kit != NULL && g_strcmp0 (rubric_kit_get_id (kit), rubric_session_get_kit_id (session)) != 0)
    kit = NULL;

  summary = g_new0 (RubricSummary, 1);
  summary->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_topic_free);
  summary->kit_title = g_strdup (kit != NULL ? rubric_kit_get_title (kit) : rubric_session_get_kit_id (session));
  summary->anonymized = (flags & RUBRIC_EXPORT_FLAGS_ANONYMIZE) != 0;
  summary->with_answers = (flags & RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS) != 0;

  anonymizer = rubric_export_new_anonymizer (summary->anonymized, redact);
  summary->candidate = rubric_export_candidate_name (anonymizer, summary->anonymized,
                                                     rubric_session_get_candidate_name (session),
                                                     rubric_session_get_id (session));
  if (summary->anonymized)
    summary->interviewer = anonymize_interviewers (anonymizer, rubric_session_get_interviewer (session));
  else
    summary->interviewer = rubric_export_clean_text (rubric_session_get_interviewer (session));

  if (!rubric_export_is_blank (summary->candidate))
    /* Translators: the title of an exported summary; %s is the candidate */
    summary->title = g_strdup_printf (_("Interview summary: %s"), summary->candidate);
  else
    /* Translators: the title of an exported summary without a candidate's name */
    summary->title = g_strdup (_("Interview summary"));
  summary->role = g_strdup (rubric_session_get_candidate_role (session));
  summary->date = g_strdup (rubric_session_get_date (session));
  summary->recommendation = rubric_session_get_recommendation (session);
  summary->recommendation_label = rubric_recommendation_get_label (summary->recommendation);
  summary->summary = g_strdup (rubric_session_get_summary (session));
  summary->strengths = g_strdupv ((char **) rubric_session_get_strengths (session));
  summary->concerns = g_strdupv ((char **) rubric_session_get_concerns (session));
  if ((flags & RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE) && (flags & RUBRIC_EXPORT_FLAGS_PLACEHOLDERS))
    summary->private_notes = g_strdup (_("Hidden while screen-share safe mode is on"));
  else if (flags & RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE)
    summary->private_notes = g_strdup (rubric_session_get_private_notes (session));
  summary->confidential = rubric_export_flags_get_warning (flags);
  add_seal (summary, session);
  if (rubric_session_get_plan (session) != NULL)
    {
      RubricPlan *plan = rubric_session_get_plan (session);
      const char *plan_name = rubric_plan_get_name (plan);

      summary->plan_name = g_strdup (!rubric_export_is_blank (plan_name) ? plan_name : rubric_plan_get_id (plan));
    }

  /* The kit's topics and questions, in order. */
  if (kit != NULL)
    {
      GListModel *topics = rubric_kit_get_topics (kit);

      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(RubricTopic) kit_topic = g_list_model_get_item (topics, i);
          GListModel *questions = rubric_topic_get_questions (kit_topic);
          const char *notes = rubric_session_get_topic_notes (session, rubric_topic_get_id (kit_topic));
          RubricSummaryTopic *topic = make_topic (rubric_topic_get_id (kit_topic), rubric_topic_get_title (kit_topic),
                                                  rubric_topic_get_weight (kit_topic), notes);

          for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
            {
              g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);
              RubricAnswer *answer = rubric_session_lookup_answer (session, rubric_question_get_id (question));

              g_ptr_array_add (topic->questions,
                               make_question (session, question, answer,
                                              rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN,
                                              flags));
            }
          g_ptr_array_add (summary->topics, topic);
        }
    }

  /* Answers the kit does not know (or every answer, without a kit), by
   * the topic the session stored with them. */
  answers = rubric_session_get_answers (session);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, i);
      const char *topic_id;
      RubricSummaryTopic *topic;

      if (kit != NULL && rubric_kit_lookup_question (kit, rubric_answer_get_question_id (answer)) != NULL)
        continue;

      topic_id = rubric_answer_get_topic_id (answer);
      if (topic_id == NULL)
        topic_id = "";
      topic = find_topic (summary->topics, topic_id);
      if (topic == NULL)
        {
          const char *title = rubric_answer_get_topic_title (answer);
          const char *notes = rubric_session_get_topic_notes (session, topic_id);

          topic = make_topic (topic_id, title != NULL ? title : _("Other questions"), 1.0, notes);
          g_ptr_array_add (summary->topics, topic);
        }
      g_ptr_array_add (topic->questions,
                       make_question (session, NULL, answer, topic->questions->len == 0, flags));
    }

  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      score_topic (topic);
      summary->duration += topic->elapsed;
      summary->n_questions += topic->questions->len;
      summary->rated += topic->rated;
      summary->skipped += topic->skipped;
      summary->not_rated += topic->not_rated;
      summary->not_asked += topic->not_asked;
      if (topic->has_score)
        {
          weighted += topic->score * topic->weight;
          weights += topic->weight;
        }
    }
  summary->has_score = weights > 0.0;
  summary->score = summary->has_score ? weighted / weights : 0.0;
  clean_summary (summary, anonymizer);
  summarize_plan (summary, session, kit);
  if (anonymizer != NULL)
    {
      summary->n_replaced = rubric_anonymizer_get_n_replaced (anonymizer);
      summary->remaining = g_strdupv ((GStrv) rubric_anonymizer_get_remaining (anonymizer));
    }
  else
    summary->remaining = g_new0 (char *, 1);

  summary->score_number = summary->has_score ? rubric_summary_format_number (summary->score) : g_strdup ("—");
  summary->score_text = format_score (summary->has_score, summary->score);
  summary->duration_text = rubric_summary_format_duration (summary->duration);
  summary->complete = summary->n_questions > 0 && summary->rated == summary->n_questions;
  if (summary->rated == 0)
    /* Translators: in an exported summary, instead of how many questions
     * were rated, when none was */
    summary->rated_text = g_strdup (_("Nothing was rated"));
  else
    summary->rated_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        /* Translators: in an exported summary,
                                                         * under the overall score, e.g. "22 of
                                                         * 30 questions rated"; the second number
                                                         * picks the plural form */
                                                        "%u of %u question rated",
                                                        "%u of %u questions rated",
                                                        summary->n_questions),
                                           summary->rated, summary->n_questions);
  if (summary->rated == 0)
    summary->score_line = g_strdup (summary->rated_text);
  else
    /* Translators: the overall score, then how many questions were rated:
     * "3.7 / 5 · 22 of 30 questions rated" */
    summary->score_line = g_strdup_printf (_("%s · %s"), summary->score_text, summary->rated_text);

  return summary;
}

/**
 * rubric_summary_find_concerns:
 *
 * What to look at before sharing the summary: a recommendation that
 * contradicts the scores, no recommendation at all, ratings without notes.
 * None of it blocks an export.
 *
 * Returns: (transfer full): the concerns, each a sentence; empty when none
 */
GStrv
rubric_summary_find_concerns (const RubricSummary *summary)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint without_notes = 0;

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->recommendation == RUBRIC_RECOMMENDATION_NONE)
    /* Translators: a concern shown before exporting a summary */
    g_strv_builder_take (builder, g_strdup (_("No recommendation is set.")));
  else if (summary->recommendation == RUBRIC_RECOMMENDATION_STRONG_YES && summary->has_score && summary->score < 2.5)
    /* Translators: a concern shown before exporting a summary; %.1f is the
     * overall score, such as 2.3. Quote the recommendation as you translated
     * “Strong yes” */
    g_strv_builder_take (builder, g_strdup_printf (_("The recommendation is “Strong yes”, but the overall score is only %.1f of 5."),
                                                   summary->score));
  else if (summary->recommendation == RUBRIC_RECOMMENDATION_STRONG_NO && summary->has_score && summary->score > 4.0)
    /* Translators: a concern shown before exporting a summary; %.1f is the
     * overall score, such as 4.2. Quote the recommendation as you translated
     * “Strong no” */
    g_strv_builder_take (builder, g_strdup_printf (_("The recommendation is “Strong no”, but the overall score is %.1f of 5."),
                                                   summary->score));

  for (guint i = 0; i < summary->topics->len; i++)
    {
      RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, i);

      for (guint j = 0; j < topic->questions->len; j++)
        {
          RubricSummaryQuestion *question = g_ptr_array_index (topic->questions, j);

          if (question->status == RUBRIC_SUMMARY_RATED && rubric_json_is_blank (question->notes))
            without_notes++;
        }
    }
  if (without_notes > 0)
    g_strv_builder_take (builder,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       /* Translators: a
                                                        * concern shown before
                                                        * exporting a summary:
                                                        * ratings that nobody
                                                        * can check later */
                                                       "%u rated question has no notes to explain its rating.",
                                                       "%u rated questions have no notes to explain their ratings.",
                                                       without_notes),
                                          without_notes));

  return g_strv_builder_end (builder);
}
