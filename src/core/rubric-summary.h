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
  /* For a preview on a shared screen (screen-share safe mode): with
   * INCLUDE_ANSWERS or INCLUDE_PRIVATE, a placeholder where the answers or
   * the private notes would be; always, the key points heard and the red
   * flags ticked named by their number, not by the kit's text. */
  RUBRIC_EXPORT_FLAGS_PLACEHOLDERS    = 1 << 3,
} RubricExportFlags;

/* What became of a question, decided once for every format. */
typedef enum {
  RUBRIC_SUMMARY_NOT_ASKED,   /* no rating, no notes, no time */
  RUBRIC_SUMMARY_SKIPPED,     /* marked skipped (a rating before does not count) */
  RUBRIC_SUMMARY_NOT_RATED,   /* asked (notes or time) but not rated */
  RUBRIC_SUMMARY_RATED,
} RubricSummaryStatus;

/* One key point heard or red flag shown: a tick of the evidence
 * checklist, as every format shows it. */
typedef struct
{
  RubricTickKind  kind;
  guint           point;         /* which of the question's key points or red flags */
  char           *text;          /* the point, from the kit; "Key point 3" when the kit lacks it */
  gboolean        senior;        /* a key point of level senior */
  gint64          offset;        /* seconds into the interview */
  char           *offset_text;   /* "12:34", "1:02:03" */
  char           *note;          /* the evidence note, "" when none */
  char           *line;          /* "12:34 · DNS lookup (senior) — note": the whole tick, one line */
} RubricSummaryEvidence;

typedef struct
{
  char               *id;
  char               *prompt;        /* never blank: the id when it has none */
  gboolean            main;          /* the topic's main question, or a follow-up */
  guint               follow_up;     /* 1, 2, … for follow-ups; 0 for the main one */
  char               *heading;       /* "Main question", "Follow-up 2" (translated) */
  RubricSummaryStatus status;
  int                 rating;        /* 1–5, or 0 unless RATED */
  char               *rating_text;   /* "4 — Strong", "Skipped", "Not rated", "Not asked" */
  const char         *status_name;   /* "rated", "skipped", "not-rated", "not-asked": for machines */
  gboolean            asked;         /* any status but NOT_ASKED */
  gint64              elapsed;       /* seconds */
  char               *elapsed_text;  /* "4 min 05 s", or "" when no time */
  char               *notes;         /* "" when none */
  char               *expected;      /* NULL unless INCLUDE_ANSWERS and known; a placeholder with PLACEHOLDERS */
  GStrv               key_points;    /* NULL unless INCLUDE_ANSWERS and known; NULL with PLACEHOLDERS */
  gboolean            planned;       /* in the session's plan; every question is without one */
  gboolean            unplanned;     /* asked (rated or not), not planned: its heading says so */
  GPtrArray          *heard;         /* RubricSummaryEvidence: key points, by offset; never NULL */
  GPtrArray          *red_flags;     /* RubricSummaryEvidence: red flags, by offset; never NULL */
  GStrv               heard_lines;   /* each of heard's lines, for the formats' lists */
  GStrv               red_flag_lines;
} RubricSummaryQuestion;

typedef struct
{
  char      *id;
  char      *title;          /* never blank: the id, or "Other questions" */
  double     weight;
  gboolean   has_score;
  double     score;          /* mean of the rated questions, 1–5 */
  char      *score_number;   /* "3.5", or "—" without a score */
  char      *score_text;     /* "3.5 / 5", or "Not rated" */
  guint      rated;
  guint      skipped;
  guint      not_rated;      /* asked, not rated */
  guint      not_asked;
  gint64     elapsed;        /* seconds, all its questions */
  char      *elapsed_text;   /* "12 min 05 s" */
  char      *notes;          /* topic notes, "" when none */
  GPtrArray *questions;      /* RubricSummaryQuestion */
  gboolean   planned;        /* in the session's plan */
  gboolean   has_budget;     /* planned, and the kit known: its share of the slot */
  gint64     budget;         /* seconds, 0 without one */
  char      *pace_text;      /* "8 of 6 min, over by 2 min"; "3 min, not planned"; NULL when neither */
} RubricSummaryTopic;

/* The interviewer's two lists, under the written summary. */
typedef enum {
  RUBRIC_SUMMARY_STRENGTHS,
  RUBRIC_SUMMARY_CONCERNS,
} RubricSummaryListKind;

typedef struct
{
  RubricSummaryListKind  kind;
  const char            *heading;   /* "Strengths", "Concerns" (translated) */
  const char * const    *items;     /* one line each; never empty */
} RubricSummaryList;

typedef struct
{
  char                 *kit_title;
  char                 *title;           /* "Interview summary: Ada Lovelace" */
  char                 *candidate;       /* anonymised when asked */
  char                 *role;
  char                 *interviewer;     /* anonymised when asked */
  char                 *date;            /* YYYY-MM-DD or "" */
  gint64                duration;        /* seconds, all questions */
  char                 *duration_text;   /* "1 h 37 min" */
  RubricRecommendation  recommendation;
  const char           *recommendation_label;
  gboolean              has_score;
  double                score;           /* weighted mean of rated topics */
  char                 *score_number;    /* "3.7", or "—" */
  char                 *score_text;      /* "3.7 / 5", or "Not rated" */
  guint                 n_questions;     /* every question of every topic */
  guint                 rated;
  guint                 skipped;
  guint                 not_rated;
  guint                 not_asked;
  gboolean              complete;        /* every question rated */
  char                 *rated_text;      /* "22 of 30 questions rated", "Nothing was rated" */
  char                 *score_line;      /* "3.7 / 5 · 22 of 30 questions rated", "Nothing was rated" */
  char                 *summary;         /* "" when none */
  GStrv                 strengths;       /* the interviewer's, one line each; empty when none */
  GStrv                 concerns;        /* the interviewer's, one line each; empty when none */
  RubricSummaryList     lists[2];        /* those of the two with items, in order, to show */
  guint                 n_lists;
  char                 *private_notes;   /* NULL unless INCLUDE_PRIVATE; a placeholder with PLACEHOLDERS */
  gboolean              with_answers;    /* INCLUDE_ANSWERS */
  char                 *confidential;    /* "Contains private notes — not for the candidate",
                                          * or NULL without private notes and answers */
  gboolean              anonymized;
  guint                 n_replaced;      /* names and terms replaced, all texts */
  GStrv                 remaining;       /* capitalised words left that look like names */
  GPtrArray            *topics;          /* RubricSummaryTopic, in kit order */
  /* The plan the interview ran, when the session has one. */
  gboolean              planned;         /* the session has a plan */
  char                 *plan_name;       /* NULL without a plan */
  guint                 slot_minutes;
  char                 *plan_text;       /* "Half-hour round · 30 min slot", NULL without a plan */
  GStrv                 pacing;          /* "HTTP: 8 of 6 min, over by 2 min", planned topics in
                                          * the plan's order, then unplanned ones with time; empty
                                          * without a plan */
  GStrv                 planned_not_asked; /* "HTTP · Follow-up 1: What does …?": planned
                                            * questions not asked or skipped, in the plan's
                                            * order; empty without a plan or when none */
  gboolean              has_evidence;    /* a plan or any tick: the CSV's extra columns */
  /* Whether the scorecard was sealed (docs/seal.md), in UTC so that every
   * reader sees the same day. */
  char                 *seal_text;       /* "Sealed on 2026-12-06 at 10:00 UTC", "Edited after
                                          * sealing on 2026-12-06", or both joined by " · "
                                          * (sealed again after an edit); NULL when never sealed */
  char                 *sealed_at;       /* the valid seal's time, ISO 8601 UTC; NULL otherwise */
  char                 *edited_after_seal; /* the time of the seal broken by an edit (unsealed, or
                                            * the file changed), ISO 8601 UTC; NULL otherwise */
} RubricSummary;

/* The columns of every format's topic table, in order. */
typedef enum {
  RUBRIC_SUMMARY_COLUMN_TOPIC,
  RUBRIC_SUMMARY_COLUMN_SCORE,
  RUBRIC_SUMMARY_COLUMN_RATED,
  RUBRIC_SUMMARY_COLUMN_SKIPPED,
  RUBRIC_SUMMARY_COLUMN_NOT_RATED,
  RUBRIC_SUMMARY_COLUMN_NOT_ASKED,
  RUBRIC_SUMMARY_COLUMN_TIME,
  RUBRIC_SUMMARY_N_COLUMNS
} RubricSummaryColumn;

RubricSummary *rubric_summary_new                   (RubricSession        *session,
                                                     RubricKit            *kit,
                                                     RubricExportFlags     flags);
RubricSummary *rubric_summary_new_full              (RubricSession        *session,
                                                     RubricKit            *kit,
                                                     RubricExportFlags     flags,
                                                     const char * const   *redact);
void           rubric_summary_free                  (RubricSummary        *summary);
const char    *rubric_recommendation_get_label      (RubricRecommendation  recommendation);
char          *rubric_export_flags_get_warning       (RubricExportFlags     flags);
const char    *rubric_recommendation_get_name       (RubricRecommendation  recommendation);
char          *rubric_summary_format_duration       (gint64                seconds);
char          *rubric_summary_format_number         (double                score);
char          *rubric_summary_question_heading      (guint                 follow_up);
char          *rubric_summary_format_label          (const char           *label);
const char    *rubric_summary_incomplete_label      (void);
const char    *rubric_summary_column_header         (RubricSummaryColumn   column);
char          *rubric_summary_topic_cell            (const RubricSummaryTopic *topic,
                                                     RubricSummaryColumn   column);
GStrv          rubric_summary_find_concerns         (const RubricSummary  *summary);
char          *rubric_summary_format_offset         (gint64                seconds);
const char    *rubric_summary_evidence_heading      (RubricTickKind        kind);
const char    *rubric_summary_plan_heading          (void);
const char    *rubric_summary_seal_heading          (void);
const char    *rubric_summary_pacing_heading        (void);
const char    *rubric_summary_planned_not_asked_heading (void);
const char    *rubric_summary_all_asked_label       (void);
char          *rubric_summary_interviewer_alias     (guint                 n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricSummary, rubric_summary_free)

G_END_DECLS
