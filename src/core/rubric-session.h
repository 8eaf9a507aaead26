/* rubric-session.h — one interview: the candidate, answers, notes, verdict
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-file.h"
#include "rubric-kit.h"
#include "rubric-plan.h"

G_BEGIN_DECLS

#define RUBRIC_SESSION_ERROR (rubric_session_error_quark ())

/**
 * RubricSessionError:
 * @RUBRIC_SESSION_ERROR_TOO_LARGE: the file is over 16 MB
 * @RUBRIC_SESSION_ERROR_NOT_UTF8: the file is not UTF-8 text
 * @RUBRIC_SESSION_ERROR_TOO_DEEP: nested deeper than 64 levels
 * @RUBRIC_SESSION_ERROR_SYNTAX: not valid JSON; the message starts with LINE:COLUMN
 * @RUBRIC_SESSION_ERROR_INVALID: not a valid session; the message starts
 *   with the JSON path of the problem
 * @RUBRIC_SESSION_ERROR_READ_ONLY: the session was opened read-only (it
 *   comes from a newer Rubric) and cannot be saved
 */
typedef enum {
  RUBRIC_SESSION_ERROR_TOO_LARGE,
  RUBRIC_SESSION_ERROR_NOT_UTF8,
  RUBRIC_SESSION_ERROR_TOO_DEEP,
  RUBRIC_SESSION_ERROR_SYNTAX,
  RUBRIC_SESSION_ERROR_INVALID,
  RUBRIC_SESSION_ERROR_READ_ONLY,
} RubricSessionError;

GQuark rubric_session_error_quark (void);

#define RUBRIC_SESSION_FORMAT_VERSION 1

typedef enum {
  RUBRIC_RECOMMENDATION_NONE,
  RUBRIC_RECOMMENDATION_STRONG_NO,
  RUBRIC_RECOMMENDATION_NO,
  RUBRIC_RECOMMENDATION_YES,
  RUBRIC_RECOMMENDATION_STRONG_YES,
} RubricRecommendation;

#define RUBRIC_TYPE_RECOMMENDATION (rubric_recommendation_get_type ())
GType rubric_recommendation_get_type (void);

/* Ratings run from RUBRIC_RATING_MIN to RUBRIC_RATING_MAX (rubric-kit.h,
 * whose questions' anchors describe them). */
#define RUBRIC_RATING_NONE 0

/**
 * RubricTickKind:
 * @RUBRIC_TICK_KEY_POINT: the candidate said one of the question's key points
 * @RUBRIC_TICK_RED_FLAG: the candidate showed one of its red flags
 *
 * What a tick on the evidence checklist is against.
 */
typedef enum {
  RUBRIC_TICK_KEY_POINT,
  RUBRIC_TICK_RED_FLAG,
} RubricTickKind;

/* At most this many key points or red flags per question can be ticked:
 * more than any question has. */
#define RUBRIC_TICK_MAX_POINT 99

/* ------------------------------------------------------------- RubricAnswer */

#define RUBRIC_TYPE_ANSWER (rubric_answer_get_type ())
G_DECLARE_FINAL_TYPE (RubricAnswer, rubric_answer, RUBRIC, ANSWER, GObject)

const char *rubric_answer_get_question_id   (RubricAnswer *self);
int         rubric_answer_get_rating        (RubricAnswer *self);
void        rubric_answer_set_rating        (RubricAnswer *self,
                                             int           rating);
gboolean    rubric_answer_get_skipped       (RubricAnswer *self);
void        rubric_answer_set_skipped       (RubricAnswer *self,
                                             gboolean      skipped);
const char *rubric_answer_get_notes         (RubricAnswer *self);
void        rubric_answer_set_notes         (RubricAnswer *self,
                                             const char   *notes);
void        rubric_answer_edit_notes        (RubricAnswer *self,
                                             guint         start,
                                             guint         end,
                                             const char   *text);
gint64      rubric_answer_get_elapsed       (RubricAnswer *self);
void        rubric_answer_set_elapsed       (RubricAnswer *self,
                                             gint64        seconds);
GDateTime  *rubric_answer_get_asked_at      (RubricAnswer *self);
void        rubric_answer_set_asked_at      (RubricAnswer *self,
                                             GDateTime    *asked_at);
const char *rubric_answer_get_prompt        (RubricAnswer *self);
const char *rubric_answer_get_topic_id      (RubricAnswer *self);
const char *rubric_answer_get_topic_title   (RubricAnswer *self);

guint       rubric_answer_get_n_ticks       (RubricAnswer   *self);
void        rubric_answer_get_tick          (RubricAnswer   *self,
                                             guint           index,
                                             RubricTickKind *kind,
                                             guint          *point,
                                             gint64         *offset,
                                             const char    **note);
gboolean    rubric_answer_get_ticked        (RubricAnswer   *self,
                                             RubricTickKind  kind,
                                             guint           point);
gint64      rubric_answer_get_tick_offset   (RubricAnswer   *self,
                                             RubricTickKind  kind,
                                             guint           point);
const char *rubric_answer_get_tick_note     (RubricAnswer   *self,
                                             RubricTickKind  kind,
                                             guint           point);
void        rubric_answer_set_ticked        (RubricAnswer   *self,
                                             RubricTickKind  kind,
                                             guint           point,
                                             gboolean        ticked,
                                             gint64          offset);
void        rubric_answer_set_tick_note     (RubricAnswer   *self,
                                             RubricTickKind  kind,
                                             guint           point,
                                             const char     *note);

/* ------------------------------------------------------------ RubricSession */

#define RUBRIC_TYPE_SESSION (rubric_session_get_type ())
G_DECLARE_FINAL_TYPE (RubricSession, rubric_session, RUBRIC, SESSION, GObject)

RubricSession        *rubric_session_new                (RubricKit            *kit);
RubricSession        *rubric_session_new_from_bytes     (GBytes               *bytes,
                                                         RubricKit            *kit,
                                                         GError              **error);
RubricSession        *rubric_session_new_from_file      (GFile                *file,
                                                         RubricKit            *kit,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void                  rubric_session_load_async         (GFile                *file,
                                                         RubricKit            *kit,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
RubricSession        *rubric_session_load_finish        (GAsyncResult         *result,
                                                         char                **stamp,
                                                         GError              **error);

GBytes               *rubric_session_to_bytes           (RubricSession        *self);
gboolean              rubric_session_save               (RubricSession        *self,
                                                         GFile                *file,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void                  rubric_session_save_async         (RubricSession        *self,
                                                         GFile                *file,
                                                         RubricFileWriteFlags  flags,
                                                         const char           *expected_stamp,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean              rubric_session_save_finish        (RubricSession        *self,
                                                         GAsyncResult         *result,
                                                         char                **new_stamp,
                                                         GError              **error);

guint64               rubric_session_get_change_count   (RubricSession        *self);
gboolean              rubric_session_get_read_only      (RubricSession        *self);
const char * const   *rubric_session_get_warnings       (RubricSession        *self);

const char           *rubric_session_get_kit_id         (RubricSession        *self);
int                   rubric_session_get_kit_version    (RubricSession        *self);
const char           *rubric_session_get_kit_sha256     (RubricSession        *self);

const char           *rubric_session_get_candidate_name (RubricSession        *self);
void                  rubric_session_set_candidate_name (RubricSession        *self,
                                                         const char           *name);
const char           *rubric_session_get_candidate_role (RubricSession        *self);
void                  rubric_session_set_candidate_role (RubricSession        *self,
                                                         const char           *role);
const char           *rubric_session_get_interviewer    (RubricSession        *self);
void                  rubric_session_set_interviewer    (RubricSession        *self,
                                                         const char           *interviewer);
const char           *rubric_session_get_date           (RubricSession        *self);
gboolean              rubric_session_set_date           (RubricSession        *self,
                                                         const char           *date);
const char           *rubric_session_get_id             (RubricSession        *self);
GDateTime            *rubric_session_get_created        (RubricSession        *self);
GDateTime            *rubric_session_get_modified       (RubricSession        *self);
const char           *rubric_session_get_private_notes  (RubricSession        *self);
void                  rubric_session_set_private_notes  (RubricSession        *self,
                                                         const char           *notes);
RubricRecommendation  rubric_session_get_recommendation (RubricSession        *self);
void                  rubric_session_set_recommendation (RubricSession        *self,
                                                         RubricRecommendation  recommendation);
const char           *rubric_session_get_summary        (RubricSession        *self);
void                  rubric_session_set_summary        (RubricSession        *self,
                                                         const char           *summary);
const char * const   *rubric_session_get_strengths      (RubricSession        *self);
void                  rubric_session_set_strengths      (RubricSession        *self,
                                                         const char * const   *strengths);
const char * const   *rubric_session_get_concerns       (RubricSession        *self);
void                  rubric_session_set_concerns       (RubricSession        *self,
                                                         const char * const   *concerns);

RubricPlan           *rubric_session_get_plan           (RubricSession        *self);
void                  rubric_session_set_plan           (RubricSession        *self,
                                                         RubricPlan           *plan);
const char           *rubric_session_get_plan_hash      (RubricSession        *self);
gboolean              rubric_session_is_planned         (RubricSession        *self,
                                                         const char           *question_id);

GPtrArray            *rubric_session_dup_topic_note_ids (RubricSession        *self);
const char           *rubric_session_get_topic_notes    (RubricSession        *self,
                                                         const char           *topic_id);
void                  rubric_session_set_topic_notes    (RubricSession        *self,
                                                         const char           *topic_id,
                                                         const char           *notes);

/**
 * RubricSealState:
 * @RUBRIC_SEAL_NONE: not sealed
 * @RUBRIC_SEAL_VALID: sealed, and what is scored is what was sealed
 * @RUBRIC_SEAL_BROKEN: sealed, but what is scored changed since (the file
 *   was edited by hand)
 */
typedef enum {
  RUBRIC_SEAL_NONE,
  RUBRIC_SEAL_VALID,
  RUBRIC_SEAL_BROKEN,
} RubricSealState;

RubricSealState       rubric_session_get_seal_state     (RubricSession        *self);
GDateTime            *rubric_session_get_sealed_at      (RubricSession        *self);
const char           *rubric_session_get_seal_hash      (RubricSession        *self);
char                 *rubric_session_dup_seal_mismatch  (RubricSession        *self);
GDateTime            *rubric_session_get_edited_after_seal (RubricSession     *self);
guint                 rubric_session_get_n_seal_history (RubricSession        *self);
void                  rubric_session_seal               (RubricSession        *self);
void                  rubric_session_unseal             (RubricSession        *self);

RubricAnswer         *rubric_session_lookup_answer      (RubricSession        *self,
                                                         const char           *question_id);
void                  rubric_session_add_time           (RubricSession        *self,
                                                         RubricQuestion       *question,
                                                         guint                 seconds);
RubricAnswer         *rubric_session_ensure_answer      (RubricSession        *self,
                                                         RubricQuestion       *question);
GListModel           *rubric_session_get_answers        (RubricSession        *self);
RubricKit            *rubric_session_build_snapshot_kit (RubricSession        *self);

G_END_DECLS
