/* rubric-pacing.h — how an interview keeps to its slot
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RubricPace:
 * @RUBRIC_PACE_ON_TIME: within a minute of the plan
 * @RUBRIC_PACE_BEHIND: the topics left need more time than the slot has left
 * @RUBRIC_PACE_AHEAD: the slot has more time left than the topics left need
 */
typedef enum {
  RUBRIC_PACE_ON_TIME,
  RUBRIC_PACE_BEHIND,
  RUBRIC_PACE_AHEAD,
} RubricPace;

/**
 * RubricPacingTopic:
 * @budget: the topic's share of the slot, in seconds
 * @spent: the time its questions have been asked so far, in seconds
 * @visited: whether it has been shown yet
 *
 * One topic of a plan, in the plan's order.
 */
typedef struct {
  gint64   budget;
  gint64   spent;
  gboolean visited;
} RubricPacingTopic;

/**
 * RubricPacing:
 * @pace: on time, behind or ahead
 * @difference: by how many seconds, at least 0
 * @time_left: seconds of the slot left, at least 0
 * @topics_left: topics still to ask: the current one and those not shown yet
 * @per_topic: @time_left shared among @topics_left, in seconds
 */
typedef struct {
  RubricPace pace;
  gint64     difference;
  gint64     time_left;
  guint      topics_left;
  gint64     per_topic;
} RubricPacing;

/**
 * RubricTopicPace:
 * @RUBRIC_TOPIC_PACE_WITHIN: within its budget
 * @RUBRIC_TOPIC_PACE_OVER: over its budget
 * @RUBRIC_TOPIC_PACE_FAR_OVER: over its budget by half of it or more
 */
typedef enum {
  RUBRIC_TOPIC_PACE_WITHIN,
  RUBRIC_TOPIC_PACE_OVER,
  RUBRIC_TOPIC_PACE_FAR_OVER,
} RubricTopicPace;

void             rubric_pacing_compute         (const RubricPacingTopic *topics,
                                                guint                    n_topics,
                                                guint                    current,
                                                gint64                   slot,
                                                gint64                   elapsed,
                                                RubricPacing            *out);
char            *rubric_pacing_to_string       (const RubricPacing      *pacing);

RubricTopicPace  rubric_pacing_topic_pace      (const RubricPacingTopic *topic);
char            *rubric_pacing_topic_to_string (const RubricPacingTopic *topic);
char            *rubric_pacing_format_minutes  (gint64                   seconds);

gint64          *rubric_pacing_share_slot      (const guint             *minutes,
                                                guint                    n_topics,
                                                gint64                   slot);

G_END_DECLS
