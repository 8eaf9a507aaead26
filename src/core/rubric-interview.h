/* rubric-interview.h — one open interview and its life on disk
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"
#include "rubric-pacing.h"
#include "rubric-plan.h"
#include "rubric-session.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_INTERVIEW (rubric_interview_get_type ())
G_DECLARE_FINAL_TYPE (RubricInterview, rubric_interview, RUBRIC, INTERVIEW, GObject)

RubricInterview *rubric_interview_new                  (RubricSession        *session,
                                                        RubricKit            *kit,
                                                        GFile                *file,
                                                        const char           *stamp);

RubricSession   *rubric_interview_get_session          (RubricInterview      *self);
RubricKit       *rubric_interview_get_kit              (RubricInterview      *self);
GFile           *rubric_interview_get_file             (RubricInterview      *self);
GFile           *rubric_interview_get_draft            (RubricInterview      *self);
char            *rubric_interview_dup_title            (RubricInterview      *self);
gboolean         rubric_interview_get_read_only        (RubricInterview      *self);
gboolean         rubric_interview_get_dirty            (RubricInterview      *self);
gboolean         rubric_interview_get_conflict         (RubricInterview      *self);
const char      *rubric_interview_get_stamp            (RubricInterview      *self);
const GError    *rubric_interview_get_save_error       (RubricInterview      *self);
gint64           rubric_interview_get_elapsed          (RubricInterview      *self);
gboolean         rubric_interview_get_paused           (RubricInterview      *self);
void             rubric_interview_set_paused           (RubricInterview      *self,
                                                        gboolean              paused);
gboolean         rubric_interview_get_needs_saving     (RubricInterview      *self);

RubricQuestion  *rubric_interview_get_current_question (RubricInterview      *self);
void             rubric_interview_set_current_question (RubricInterview      *self,
                                                        RubricQuestion       *question);

RubricPlan      *rubric_interview_get_plan             (RubricInterview      *self);
gboolean         rubric_interview_get_pacing           (RubricInterview      *self,
                                                        RubricPacing         *out);
gboolean         rubric_interview_get_topic_pacing     (RubricInterview      *self,
                                                        const char           *topic_id,
                                                        RubricPacingTopic    *out);

char            *rubric_interview_dup_suggested_name   (RubricInterview      *self);

void             rubric_interview_save_async           (RubricInterview      *self,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         rubric_interview_save_finish          (RubricInterview      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             rubric_interview_overwrite_async      (RubricInterview      *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean         rubric_interview_overwrite_finish     (RubricInterview      *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void             rubric_interview_discard              (RubricInterview      *self);

G_END_DECLS
