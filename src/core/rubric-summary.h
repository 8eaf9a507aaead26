/* rubric-summary.h — what a candidate summary says, before any format
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-kit.h"
#include "rubric-session.h"

G_BEGIN_DECLS

typedef enum {
  RUBRIC_EXPORT_FLAGS_NONE            = 0,
  RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS = 1 << 0,  /* expected answers and key points */
  RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE = 1 << 1,  /* the private notes */
  RUBRIC_EXPORT_FLAGS_ANONYMIZE       = 1 << 2,  /* no names, anywhere */
  /* With INCLUDE_ANSWERS or INCLUDE_PRIVATE: a placeholder where the
   * answers or the private notes would be, for a preview on a shared screen. */
  RUBRIC_EXPORT_FLAGS_PLACEHOLDERS    = 1 << 3,
} RubricExportFlags;

typedef struct
{
  char       *id;
  char       *prompt;
  gboolean    main;          /* the topic's main question, or a follow-up */
  int         rating;        /* 1–5, or 0 when not rated */
  const char *rating_label;  /* "Strong", …, "Not rated" (translated) */
  gboolean    skipped;
  gboolean    asked;         /* rated or skipped */
  gint64      elapsed;       /* seconds */
  char       *notes;         /* "" when none */
  char       *expected;      /* NULL unless INCLUDE_ANSWERS and known; a placeholder with PLACEHOLDERS */
  GStrv       key_points;    /* NULL unless INCLUDE_ANSWERS and known; NULL with PLACEHOLDERS */
} RubricSummaryQuestion;

typedef struct
{
  char      *id;
  char      *title;
  double     weight;
  gboolean   has_score;
  double     score;          /* mean of the rated questions, 1–5 */
  guint      rated;
  guint      skipped;
  guint      not_asked;
  gint64     elapsed;        /* seconds, all its questions */
  char      *notes;          /* topic notes, "" when none */
  GPtrArray *questions;      /* RubricSummaryQuestion */
} RubricSummaryTopic;

typedef struct
{
  char                 *kit_title;
  char                 *candidate;       /* anonymised when asked */
  char                 *role;
  char                 *interviewer;     /* anonymised when asked */
  char                 *date;            /* YYYY-MM-DD or "" */
  gint64                duration;        /* seconds, all questions */
  RubricRecommendation  recommendation;
  const char           *recommendation_label;
  gboolean              has_score;
  double                score;           /* weighted mean of rated topics */
  char                 *summary;         /* "" when none */
  char                 *private_notes;   /* NULL unless INCLUDE_PRIVATE; a placeholder with PLACEHOLDERS */
  gboolean              anonymized;
  GPtrArray            *topics;          /* RubricSummaryTopic, in kit order */
} RubricSummary;

RubricSummary *rubric_summary_new                   (RubricSession        *session,
                                                     RubricKit            *kit,
                                                     RubricExportFlags     flags);
void           rubric_summary_free                  (RubricSummary        *summary);
const char    *rubric_recommendation_get_label      (RubricRecommendation  recommendation);
char          *rubric_summary_format_duration       (gint64                seconds);
GStrv          rubric_summary_find_concerns         (const RubricSummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricSummary, rubric_summary_free)

G_END_DECLS
