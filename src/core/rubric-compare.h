/* rubric-compare.h — candidates for one role, compared
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-debrief.h"
#include "rubric-kit.h"

G_BEGIN_DECLS

/* One candidate's score of one topic: the mean of the counted
 * interviewers' topic scores, and the time the panel spent on it. */
typedef struct
{
  gboolean has_score;
  double   score;          /* 1–5 */
  gboolean disagreement;   /* the debrief's: counted scores 2 or more apart */
  gboolean has_time;       /* a counted interviewer timed any of its questions */
  gint64   elapsed;        /* seconds: the mean over the counted interviewers */
  gboolean has_budget;     /* the topic is planned */
  gint64   budget;         /* seconds, the plan's share of the slot */
  gboolean over;           /* elapsed beyond budget by a quarter or more */
} RubricCompareCell;

/* One line of a candidate's structured-interview audit. */
typedef enum {
  RUBRIC_COMPARE_AUDIT_QUESTIONS,   /* planned questions nobody on the panel asked */
  RUBRIC_COMPARE_AUDIT_UNPLANNED,   /* questions asked that are not in the plan */
  RUBRIC_COMPARE_AUDIT_TIME,        /* a topic over or under its budget by a quarter or more */
  RUBRIC_COMPARE_AUDIT_FOLLOW_UPS,  /* follow-ups asked unlike the other candidates */
  RUBRIC_COMPARE_AUDIT_PANEL,       /* fewer counted interviewers than the role's usual */
} RubricCompareAuditKind;

typedef struct
{
  RubricCompareAuditKind  kind;
  const char             *text;     /* a sentence, translated */
} RubricCompareAudit;

typedef struct
{
  const char           *candidate;        /* as the sessions say it ("" when none) */
  const char           *role;
  RubricDebrief        *debrief;          /* its panel, to open as a debrief */
  guint                 n_interviewers;   /* in the debrief */
  guint                 n_counted;        /* sealed and counted */
  gboolean              has_score;
  double                score;            /* mean of the counted overall scores */
  RubricRecommendation  recommendation;   /* the median of the counted ones, rounded
                                           * towards "No" (NONE without any) */
  gboolean              mixed;            /* both hire and no-hire among the counted */
  guint                 tally[5];         /* counted recommendations, by RubricRecommendation */
  const char           *tally_text;       /* "2 Hire · 1 No Hire", "No recommendation" */
  RubricCompareCell    *cells;            /* one a compared topic */
  guint                 questions_asked;  /* distinct questions asked by the counted panel */
  double                follow_ups_asked; /* the share (0–1) of follow-ups each counted
                                           * interviewer asked, averaged */
  const RubricCompareAudit *audit;        /* what the audit found, in the order of the kinds */
  guint                 n_audit;          /* 0: a structured interview, as planned */
} RubricCompareCandidate;

/* One interviewer's calibration against the panels they sat on. */
typedef struct
{
  const char *name;
  guint       n_candidates;   /* candidates they rated, counted */
  guint       n_ratings;      /* question ratings they gave, counted */
  double      mean;           /* of their question ratings */
  double      spread;         /* their ratings' standard deviation */
  gboolean    has_offset;     /* they shared a rated candidate with another interviewer */
  guint       n_shared;       /* those candidates */
  double      offset;         /* the mean, over those candidates, of their overall score
                               * minus the mean of the other counted interviewers' */
  const char *text;           /* "Rates 0.8 above the panel on average across 6 candidates" */
} RubricCompareInterviewer;

/* "changed" is emitted when the figures were made again (a load, a change
 * of "me"); "loading" is TRUE while rubric_compare_load_async() reads. The
 * pointers the getters return stay valid until then. docs/compare.md has
 * the rules. */
#define RUBRIC_TYPE_COMPARE (rubric_compare_get_type ())
G_DECLARE_FINAL_TYPE (RubricCompare, rubric_compare, RUBRIC, COMPARE, GObject)

RubricCompare                  *rubric_compare_new                (RubricKit            *kit);
void                            rubric_compare_set_me             (RubricCompare        *self,
                                                                   const char           *interviewer);

gboolean                        rubric_compare_load               (RubricCompare        *self,
                                                                   GFile * const        *files,
                                                                   guint                 n_files,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);
void                            rubric_compare_load_async         (RubricCompare        *self,
                                                                   GFile * const        *files,
                                                                   guint                 n_files,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
gboolean                        rubric_compare_load_finish        (RubricCompare        *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
GPtrArray                      *rubric_compare_list_folder        (GFile                *folder,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

gboolean                        rubric_compare_get_loading        (RubricCompare        *self);

RubricKit                      *rubric_compare_get_kit            (RubricCompare        *self);
const char                     *rubric_compare_get_role           (RubricCompare        *self);
/* NULL both when the role's sessions ran no plan. */
const char                     *rubric_compare_get_plan_name      (RubricCompare        *self);
const char                     *rubric_compare_get_plan_text      (RubricCompare        *self);

guint                           rubric_compare_get_n_problems     (RubricCompare        *self);
const RubricDebriefProblem     *rubric_compare_get_problem        (RubricCompare        *self,
                                                                   guint                 index);

guint                           rubric_compare_get_n_topics       (RubricCompare        *self);
const char                     *rubric_compare_get_topic_id       (RubricCompare        *self,
                                                                   guint                 index);
const char                     *rubric_compare_get_topic_title    (RubricCompare        *self,
                                                                   guint                 index);
guint                           rubric_compare_get_n_candidates   (RubricCompare        *self);
const RubricCompareCandidate   *rubric_compare_get_candidate      (RubricCompare        *self,
                                                                   guint                 index);
guint                           rubric_compare_get_n_interviewers (RubricCompare        *self);
const RubricCompareInterviewer *rubric_compare_get_interviewer    (RubricCompare        *self,
                                                                   guint                 index);

/* Words the compare view and its exports share. */
gboolean                        rubric_compare_candidate_hidden   (const RubricCompareCandidate   *candidate);
char                           *rubric_compare_counted_text       (const RubricCompareCandidate   *candidate);
char                           *rubric_compare_recommendation_remark (const RubricCompareCandidate *candidate,
                                                                   gboolean                       *warning);
const char                     *rubric_compare_cell_remark        (const RubricCompareCell        *cell);
char                           *rubric_compare_audit_summary      (const RubricCompareCandidate   *candidate);
char                           *rubric_compare_as_planned_text    (guint                           n);
char                           *rubric_compare_interviewer_numbers (const RubricCompareInterviewer *interviewer);

G_END_DECLS
