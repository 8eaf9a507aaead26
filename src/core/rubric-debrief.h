/* rubric-debrief.h — a panel's scorecards of one candidate, side by side
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"
#include "rubric-session.h"
#include "rubric-summary.h"

G_BEGIN_DECLS

/* A file left out, or a warning about one that is in: one line, located
 * as `rubric --check` says it ("FILE:LINE:COLUMN: …", "FILE: $.path: …",
 * "FILE: warning: …"), or a sentence about the whole set. */
typedef struct
{
  gboolean  error;     /* the file is left out (or the set is not one candidate's) */
  char     *file;      /* the file's display name; NULL for the whole set */
  char     *text;      /* the whole line, translated */
} RubricDebriefProblem;

/* A tick of the evidence checklist, as the candidate summary has it. */
typedef RubricSummaryEvidence RubricDebriefTick;

/* One interviewer's answer to one question. Empty (NOT_ASKED, no rating,
 * no notes, no ticks) when the interviewer is hidden. */
typedef struct
{
  RubricSummaryStatus  status;
  int                  rating;      /* 1–5, or 0 unless RATED */
  const char          *rating_text; /* "4 — Strong", "Skipped", "Not rated", "Not asked"; "Hidden" */
  const char          *notes;       /* "" when none */
  GPtrArray           *heard;       /* RubricDebriefTick, by offset; never NULL */
  GPtrArray           *red_flags;   /* RubricDebriefTick, by offset; never NULL */
  const char * const  *heard_lines; /* "12:34 · DNS lookup — note", one a tick */
  const char * const  *red_flag_lines;
  gboolean             disagrees;   /* counted, rated, 2 or more from another counted rating */
} RubricDebriefAnswer;

typedef struct
{
  const char          *id;
  const char          *prompt;
  const char          *heading;     /* "Main question", "Follow-up 2" */
  guint                topic;       /* its topic's index */
  RubricDebriefAnswer *answers;     /* one an interviewer, in their order */
  guint                n_asked;     /* counted interviewers who asked it (rated or not) */
  guint                n_rated;     /* counted interviewers who rated it */
  gboolean             has_mean;
  double               mean;        /* of the counted ratings */
  int                  min, max;    /* of the counted ratings; 0 without any */
  gboolean             disagreement; /* max - min >= 2 */
  gboolean             several;     /* asked by 2 or more counted interviewers */
} RubricDebriefQuestion;

/* One interviewer's score of one topic: rubric_scores_for_topic(). */
typedef struct
{
  gboolean has_score;
  double   score;                   /* 1–5 */
  guint    rated, skipped, not_asked;
  gboolean asked;                   /* a question rated or taken notes on */
  gboolean disagrees;               /* counted, 2 or more from another counted score */
} RubricDebriefTopicCell;

typedef struct
{
  const char             *id;
  const char             *title;
  RubricDebriefTopicCell *cells;    /* one an interviewer */
  guint                   first_question;  /* its questions' indexes */
  guint                   n_questions;
  guint                   n_asked;  /* counted interviewers who asked any of its questions */
  gboolean                nobody_asked;
  gboolean                has_mean;
  double                  mean;     /* of the counted scores */
  gboolean                disagreement;
} RubricDebriefTopic;

typedef struct
{
  const char           *name;        /* as the file says; "" when none */
  const char           *file;        /* the file's display name */
  GFile                *gfile;
  const char           *date;        /* YYYY-MM-DD or "" */
  GDateTime            *modified;
  RubricSealState       seal;
  GDateTime            *sealed_at;   /* nullable */
  gboolean              mine;        /* the user's own (rubric_debrief_set_me()) */
  gboolean              hidden;      /* another's, while the user's own is not sealed */
  gboolean              counted;     /* in the aggregate (means, disagreements, tallies):
                                      * sealed and unchanged since, or the user's own */
  const char           *status_text; /* "Sealed", "Not sealed, not counted", "Hidden until you seal yours"… */
  RubricRecommendation  recommendation;  /* NONE when hidden */
  gboolean              has_score;
  double                score;       /* overall, rubric_scores_overall() */
  const char           *summary;     /* "" when none or hidden */
  const char * const   *strengths;   /* empty when none or hidden */
  const char * const   *concerns;
} RubricDebriefInterviewer;

#define RUBRIC_TYPE_DEBRIEF (rubric_debrief_get_type ())
G_DECLARE_FINAL_TYPE (RubricDebrief, rubric_debrief, RUBRIC, DEBRIEF, GObject)

RubricDebrief                  *rubric_debrief_new                 (RubricKit            *kit);
void                            rubric_debrief_set_me              (RubricDebrief        *self,
                                                                    const char           *interviewer);
const char                     *rubric_debrief_get_me              (RubricDebrief        *self);

gboolean                        rubric_debrief_load                (RubricDebrief        *self,
                                                                    GFile * const        *files,
                                                                    guint                 n_files,
                                                                    GCancellable         *cancellable,
                                                                    GError              **error);
void                            rubric_debrief_load_async          (RubricDebrief        *self,
                                                                    GFile * const        *files,
                                                                    guint                 n_files,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
gboolean                        rubric_debrief_load_finish         (RubricDebrief        *self,
                                                                    GAsyncResult         *result,
                                                                    GError              **error);
GPtrArray                      *rubric_debrief_load_grouped        (RubricKit            *kit,
                                                                    GFile * const        *files,
                                                                    guint                 n_files,
                                                                    const char           *me,
                                                                    GPtrArray            *problems,
                                                                    GCancellable         *cancellable,
                                                                    GError              **error);

gboolean                        rubric_debrief_get_loading         (RubricDebrief        *self);
gboolean                        rubric_debrief_get_blind           (RubricDebrief        *self);
const char                     *rubric_debrief_get_blind_text      (void);
RubricKit                      *rubric_debrief_get_kit             (RubricDebrief        *self);
const char                     *rubric_debrief_get_candidate       (RubricDebrief        *self);
const char                     *rubric_debrief_get_role            (RubricDebrief        *self);
const char                     *rubric_debrief_get_session_id      (RubricDebrief        *self);

guint                           rubric_debrief_get_n_problems      (RubricDebrief        *self);
const RubricDebriefProblem     *rubric_debrief_get_problem         (RubricDebrief        *self,
                                                                    guint                 index);
gboolean                        rubric_debrief_has_errors          (RubricDebrief        *self);

guint                           rubric_debrief_get_n_interviewers  (RubricDebrief        *self);
const RubricDebriefInterviewer *rubric_debrief_get_interviewer     (RubricDebrief        *self,
                                                                    guint                 index);
guint                           rubric_debrief_get_n_topics        (RubricDebrief        *self);
const RubricDebriefTopic       *rubric_debrief_get_topic           (RubricDebrief        *self,
                                                                    guint                 index);
guint                           rubric_debrief_get_n_questions     (RubricDebrief        *self);
const RubricDebriefQuestion    *rubric_debrief_get_question        (RubricDebrief        *self,
                                                                    guint                 index);
gboolean                        rubric_debrief_get_mixed           (RubricDebrief        *self);
guint                           rubric_debrief_count_recommendation (RubricDebrief       *self,
                                                                    RubricRecommendation  recommendation);

void                            rubric_debrief_problem_free        (RubricDebriefProblem *problem);

G_END_DECLS
