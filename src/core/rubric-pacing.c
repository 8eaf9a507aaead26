/* rubric-pacing.c — how an interview keeps to its slot
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure arithmetic on seconds, so that it can be tested against any clock:
 * the slot's time left against what the topics still to ask were given.
 * A topic that has been shown and is not the current one counts as done;
 * the current one still needs what is left of its budget; one not shown
 * yet needs all of it.
 */

#define G_LOG_DOMAIN "rubric-pacing"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-pacing.h"

/* Within a minute either way is on time: nobody paces to the second. */
#define ON_TIME_MARGIN 60

/**
 * rubric_pacing_compute:
 * @topics: (array length=n_topics): the plan's topics, in its order
 * @current: the topic shown now, or @n_topics for none
 * @slot: the slot's length, in seconds
 * @elapsed: the interview's time so far, in seconds
 * @out: (out caller-allocates): where the interview stands
 */
void
rubric_pacing_compute (const RubricPacingTopic *topics,
                       guint                    n_topics,
                       guint                    current,
                       gint64                   slot,
                       gint64                   elapsed,
                       RubricPacing            *out)
{
  gint64 needed = 0;
  gint64 balance;

  g_return_if_fail (topics != NULL || n_topics == 0);
  g_return_if_fail (out != NULL);

  *out = (RubricPacing) { RUBRIC_PACE_ON_TIME, 0, MAX (slot - elapsed, 0), 0, 0 };

  for (guint i = 0; i < n_topics; i++)
    {
      if (i == current)
        needed += MAX (topics[i].budget - topics[i].spent, 0);
      else if (!topics[i].visited)
        needed += topics[i].budget;
      else
        continue;
      out->topics_left++;
    }

  /* Past the slot, every topic left puts the interview further behind. */
  balance = (slot - elapsed) - needed;
  if (balance <= -ON_TIME_MARGIN)
    out->pace = RUBRIC_PACE_BEHIND;
  else if (balance >= ON_TIME_MARGIN)
    out->pace = RUBRIC_PACE_AHEAD;
  out->difference = out->pace == RUBRIC_PACE_ON_TIME ? 0 : ABS (balance);
  out->per_topic = out->topics_left > 0 ? out->time_left / out->topics_left : 0;
}

/**
 * rubric_pacing_format_minutes:
 *
 * Returns: (transfer full): @seconds as the pacing line says a time:
 *   "6 min"; under ten minutes to the half minute, "4½ min"
 */
char *
rubric_pacing_format_minutes (gint64 seconds)
{
  gint64 halves = (seconds + 15) / 30;

  if (halves == 1)
    /* Translators: half a minute */
    return g_strdup (_("½ min"));
  if (halves < 20 && halves % 2 == 1)
    /* Translators: a time in minutes and a half, e.g. "4½ min"; %d is the
     * whole minutes */
    return g_strdup_printf (_("%d½ min"), (int) (halves / 2));
  /* Translators: a time in whole minutes, e.g. "6 min" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) ((seconds + 30) / 60)),
                          (int) ((seconds + 30) / 60));
}

/**
 * rubric_pacing_to_string:
 *
 * Returns: (transfer full): the pacing line, such as "Behind by 6 min — 4
 *   topics left, 18 min → 4½ min each"
 */
char *
rubric_pacing_to_string (const RubricPacing *pacing)
{
  g_autofree char *head = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *left = NULL;
  g_autofree char *each = NULL;

  g_return_val_if_fail (pacing != NULL, NULL);

  difference = rubric_pacing_format_minutes (pacing->difference);
  switch (pacing->pace)
    {
    case RUBRIC_PACE_BEHIND:
      /* Translators: the interview needs more time than its slot has left;
       * %s is a time such as "6 min" */
      head = g_strdup_printf (_("Behind by %s"), difference);
      break;
    case RUBRIC_PACE_AHEAD:
      /* Translators: the interview has time to spare; %s is a time such as
       * "3 min" */
      head = g_strdup_printf (_("Ahead by %s"), difference);
      break;
    case RUBRIC_PACE_ON_TIME:
    default:
      /* Translators: the interview keeps to its plan */
      head = g_strdup (_("On time"));
      break;
    }

  if (pacing->pace != RUBRIC_PACE_BEHIND || pacing->topics_left == 0)
    return g_steal_pointer (&head);

  left = rubric_pacing_format_minutes (pacing->time_left);
  each = rubric_pacing_format_minutes (pacing->per_topic);
  if (pacing->topics_left == 1)
    /* Translators: after "Behind by 6 min": the one topic left and the
     * time left for it, e.g. "Behind by 6 min — 1 topic left, 4 min" */
    return g_strdup_printf (_("%s — 1 topic left, %s"), head, left);
  /* Translators: after "Behind by 6 min": the topics left, the time left,
   * and the time that leaves each, e.g. "Behind by 6 min — 4 topics left,
   * 18 min → 4½ min each"; the first %s is the "Behind by…" part */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u topic left, %s → %s each",
                                       "%s — %u topics left, %s → %s each", pacing->topics_left),
                          head, pacing->topics_left, left, each);
}

/**
 * rubric_pacing_topic_pace:
 *
 * Returns: whether @topic is within its budget, over, or far over (by half
 *   its budget or more)
 */
RubricTopicPace
rubric_pacing_topic_pace (const RubricPacingTopic *topic)
{
  g_return_val_if_fail (topic != NULL, RUBRIC_TOPIC_PACE_WITHIN);

  if (topic->spent <= topic->budget)
    return RUBRIC_TOPIC_PACE_WITHIN;
  if (topic->spent - topic->budget >= (topic->budget + 1) / 2)
    return RUBRIC_TOPIC_PACE_FAR_OVER;
  return RUBRIC_TOPIC_PACE_OVER;
}

/**
 * rubric_pacing_topic_to_string:
 *
 * Returns: (transfer full): a topic's time against its budget, in words
 *   (colour is never the only cue): "3 of 6 min", "8 of 6 min, over by
 *   2 min"
 */
char *
rubric_pacing_topic_to_string (const RubricPacingTopic *topic)
{
  g_autofree char *budget = NULL;
  g_autofree char *over = NULL;
  int spent;

  g_return_val_if_fail (topic != NULL, NULL);

  budget = rubric_pacing_format_minutes (topic->budget);
  spent = (int) (topic->spent / 60);
  if (topic->spent <= topic->budget)
    /* Translators: a topic's time so far against its budget, e.g. "3 of
     * 6 min"; %d is whole minutes */
    return g_strdup_printf (_("%d of %s"), spent, budget);

  over = rubric_pacing_format_minutes (topic->spent - topic->budget);
  /* Translators: a topic over its budget, e.g. "8 of 6 min, over by 2 min" */
  return g_strdup_printf (_("%d of %s, over by %s"), spent, budget, over);
}

/**
 * rubric_pacing_share_slot:
 * @minutes: (array length=n_topics): each topic's questions' minutes
 * @slot: the slot, in seconds
 *
 * Shares @slot among the topics in proportion to their questions' minutes,
 * in whole minutes when @slot is, so that the shares add up to @slot
 * exactly (the largest remainders get the spare minutes).
 *
 * Returns: (transfer full) (array length=n_topics): each topic's budget,
 *   in seconds
 */
gint64 *
rubric_pacing_share_slot (const guint *minutes,
                          guint        n_topics,
                          gint64       slot)
{
  gint64 unit = slot % 60 == 0 ? 60 : 1;
  gint64 units = slot / unit;
  gint64 *budgets = g_new0 (gint64, MAX (n_topics, 1));
  double *remainders = g_new0 (double, MAX (n_topics, 1));
  guint64 total = 0;
  gint64 given = 0;

  g_return_val_if_fail (minutes != NULL || n_topics == 0, budgets);

  for (guint i = 0; i < n_topics; i++)
    total += minutes[i];

  for (guint i = 0; i < n_topics; i++)
    {
      /* Topics without minutes share the slot evenly. */
      double share = total > 0 ? (double) units * minutes[i] / total : (double) units / n_topics;

      budgets[i] = (gint64) share;
      remainders[i] = share - budgets[i];
      given += budgets[i];
    }

  /* The spare units, one each, to the largest remainders (the first such
   * topic on a tie). */
  while (given < units && n_topics > 0)
    {
      guint best = 0;

      for (guint i = 1; i < n_topics; i++)
        if (remainders[i] > remainders[best])
          best = i;
      budgets[best]++;
      remainders[best] = -1.0;
      given++;
    }

  for (guint i = 0; i < n_topics; i++)
    budgets[i] *= unit;

  g_free (remainders);
  return budgets;
}
