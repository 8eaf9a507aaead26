/* rubric-evidence.h — what the ticks on a question add up to
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"
#include "rubric-session.h"

G_BEGIN_DECLS

/**
 * RubricEvidence:
 * @n_points: the question's key points
 * @n_heard: how many of them are ticked
 * @n_senior: its key points of level senior
 * @n_senior_heard: how many of those are ticked
 * @n_red_flags: the question's red flags
 * @n_shown: how many of them are ticked
 *
 * The tally of one answer's ticks against its question. Ticks of points
 * the question does not have (a kit changed since) do not count.
 */
typedef struct
{
  guint n_points;
  guint n_heard;
  guint n_senior;
  guint n_senior_heard;
  guint n_red_flags;
  guint n_shown;
} RubricEvidence;

void   rubric_evidence_tally         (RubricQuestion        *question,
                                      RubricAnswer          *answer,
                                      RubricEvidence        *evidence);
int    rubric_evidence_suggest       (const RubricEvidence  *evidence);
char  *rubric_evidence_dup_sentence  (const RubricEvidence  *evidence);
char  *rubric_evidence_format_offset (gint64                 seconds);
void   rubric_evidence_collect       (RubricSession         *session,
                                      RubricKit             *kit,
                                      GStrv                 *strengths,
                                      GStrv                 *concerns);
guint  rubric_evidence_fill_session  (RubricSession         *session,
                                      RubricKit             *kit);

G_END_DECLS
