/* rubric-study.h — a learner's self-grading for one kit
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

#define RUBRIC_STUDY_ERROR (rubric_study_error_quark ())

/**
 * RubricStudyError:
 * @RUBRIC_STUDY_ERROR_TOO_LARGE: the file is over 16 MB
 * @RUBRIC_STUDY_ERROR_NOT_UTF8: the file is not UTF-8 text
 * @RUBRIC_STUDY_ERROR_TOO_DEEP: nested deeper than 64 levels
 * @RUBRIC_STUDY_ERROR_SYNTAX: not valid JSON; the message starts with LINE:COLUMN
 * @RUBRIC_STUDY_ERROR_INVALID: not a valid progress file; the message starts
 *   with the JSON path of the problem
 * @RUBRIC_STUDY_ERROR_READ_ONLY: the progress could not be saved without
 *   losing something (it comes from a newer Rubric, or a corrupt file could
 *   not be moved out of the way)
 *
 * The first five only ever reach the load's warnings: a progress file that
 * does not load is kept aside and the progress starts empty.
 */
typedef enum {
  RUBRIC_STUDY_ERROR_TOO_LARGE,
  RUBRIC_STUDY_ERROR_NOT_UTF8,
  RUBRIC_STUDY_ERROR_TOO_DEEP,
  RUBRIC_STUDY_ERROR_SYNTAX,
  RUBRIC_STUDY_ERROR_INVALID,
  RUBRIC_STUDY_ERROR_READ_ONLY,
} RubricStudyError;

GQuark rubric_study_error_quark (void);

#define RUBRIC_STUDY_FORMAT_VERSION 2

/**
 * RubricStudyGrade:
 * @RUBRIC_STUDY_GRADE_NONE: not graded yet
 * @RUBRIC_STUDY_GRADE_KNEW: the learner knew the answer
 * @RUBRIC_STUDY_GRADE_REVIEW: the learner wants to review it
 */
typedef enum {
  RUBRIC_STUDY_GRADE_NONE,
  RUBRIC_STUDY_GRADE_KNEW,
  RUBRIC_STUDY_GRADE_REVIEW,
} RubricStudyGrade;

#define RUBRIC_TYPE_STUDY_GRADE (rubric_study_grade_get_type ())
GType rubric_study_grade_get_type (void);

/**
 * RubricStudyState:
 * @grade: the last grade given
 * @repetitions: how many times in a row the learner knew it (SM-2's n)
 * @ease: SM-2's ease factor, 1.3 or more (2.5 to begin with)
 * @interval: the days from the last review to the next
 * @due: the local date the question is due again, as YYYY-MM-DD
 * @reviewed: (nullable): when it was last graded, in UTC; %NULL for a
 *   grade that came from a version 1 file
 *
 * A graded question's place in the spaced-repetition schedule; see
 * docs/study-progress.md for the rules.
 */
typedef struct
{
  RubricStudyGrade grade;
  guint repetitions;
  double ease;
  guint interval;
  char due[11];
  GDateTime *reviewed;
} RubricStudyState;

/**
 * RubricStudySnapshot:
 *
 * A copy of all of a kit's study progress, to put back with
 * rubric_study_progress_restore().
 */
typedef struct _RubricStudySnapshot RubricStudySnapshot;

void                 rubric_study_snapshot_free          (RubricStudySnapshot  *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricStudySnapshot, rubric_study_snapshot_free)

#define RUBRIC_TYPE_STUDY_PROGRESS (rubric_study_progress_get_type ())
G_DECLARE_FINAL_TYPE (RubricStudyProgress, rubric_study_progress, RUBRIC, STUDY_PROGRESS, GObject)

GFile               *rubric_study_get_folder             (void);

void                 rubric_study_progress_load_async    (const char           *kit_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
RubricStudyProgress *rubric_study_progress_load_finish   (GAsyncResult         *result,
                                                          GError              **error);
RubricStudyProgress *rubric_study_progress_new_from_bytes (const char          *kit_id,
                                                          GBytes               *bytes,
                                                          GDateTime            *now,
                                                          GError              **error);

const char          *rubric_study_progress_get_kit_id    (RubricStudyProgress  *self);
GFile               *rubric_study_progress_get_file      (RubricStudyProgress  *self);
const char * const  *rubric_study_progress_get_warnings  (RubricStudyProgress  *self);
gboolean             rubric_study_progress_get_read_only (RubricStudyProgress  *self);
gboolean             rubric_study_progress_get_dirty     (RubricStudyProgress  *self);
GDateTime           *rubric_study_progress_get_updated   (RubricStudyProgress  *self);

RubricStudyGrade     rubric_study_progress_get_grade     (RubricStudyProgress  *self,
                                                          const char           *question_id);
void                 rubric_study_progress_set_grade     (RubricStudyProgress  *self,
                                                          const char           *question_id,
                                                          RubricStudyGrade      grade);
void                 rubric_study_progress_grade         (RubricStudyProgress  *self,
                                                          const char           *question_id,
                                                          RubricStudyGrade      grade,
                                                          GDateTime            *now);
gboolean             rubric_study_progress_get_state     (RubricStudyProgress  *self,
                                                          const char           *question_id,
                                                          RubricStudyState     *state);
RubricStudyGrade     rubric_study_progress_get_grade_today (RubricStudyProgress *self,
                                                          const char           *question_id,
                                                          GDateTime            *now);
gboolean             rubric_study_progress_is_due        (RubricStudyProgress  *self,
                                                          const char           *question_id,
                                                          GDateTime            *now);
void                 rubric_study_progress_reset         (RubricStudyProgress  *self);
RubricStudySnapshot *rubric_study_progress_snapshot      (RubricStudyProgress  *self);
void                 rubric_study_progress_restore       (RubricStudyProgress  *self,
                                                          const RubricStudySnapshot *snapshot);

void                 rubric_study_progress_count         (RubricStudyProgress  *self,
                                                          RubricKit            *kit,
                                                          guint                *knew,
                                                          guint                *review,
                                                          guint                *ungraded);
void                 rubric_study_progress_count_topic   (RubricStudyProgress  *self,
                                                          RubricTopic          *topic,
                                                          guint                *knew,
                                                          guint                *review,
                                                          guint                *ungraded);
void                 rubric_study_progress_count_due     (RubricStudyProgress  *self,
                                                          RubricKit            *kit,
                                                          GDateTime            *now,
                                                          guint                *due,
                                                          guint                *fresh,
                                                          guint                *later);
void                 rubric_study_progress_count_due_topic (RubricStudyProgress *self,
                                                          RubricTopic          *topic,
                                                          GDateTime            *now,
                                                          guint                *due,
                                                          guint                *fresh,
                                                          guint                *later);
GPtrArray           *rubric_study_progress_list_due      (RubricStudyProgress  *self,
                                                          RubricKit            *kit,
                                                          GDateTime            *now);

GBytes              *rubric_study_progress_to_bytes      (RubricStudyProgress  *self);
void                 rubric_study_progress_save_async    (RubricStudyProgress  *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             rubric_study_progress_save_finish   (RubricStudyProgress  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
