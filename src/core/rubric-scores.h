/* rubric-scores.h — topic and overall scores of a session
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-kit.h"
#include "rubric-session.h"

G_BEGIN_DECLS

typedef struct
{
  guint    rated;      /* questions with a rating (and not skipped) */
  guint    skipped;    /* questions marked skipped */
  guint    not_asked;  /* neither rated nor skipped */
  gboolean has_score;  /* whether any question is rated */
  double   score;      /* the mean rating of the rated questions, 1–5 */
} RubricTopicScore;

void        rubric_scores_for_topic   (RubricSession    *session,
                                       RubricTopic      *topic,
                                       RubricTopicScore *out);
gboolean    rubric_scores_overall     (RubricSession    *session,
                                       RubricKit        *kit,
                                       double           *out_score);
const char *rubric_rating_get_label   (int               rating);

G_END_DECLS
