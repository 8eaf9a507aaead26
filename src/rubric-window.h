/* rubric-window.h
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-application.h"
#include "rubric-interview.h"
#include "rubric-session.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_WINDOW (rubric_window_get_type ())

G_DECLARE_FINAL_TYPE (RubricWindow, rubric_window, RUBRIC, WINDOW, AdwApplicationWindow)

RubricWindow  *rubric_window_new             (RubricApplication *application);
RubricSession *rubric_window_get_session     (RubricWindow      *self);
RubricInterview *rubric_window_get_interview (RubricWindow    *self);
GFile         *rubric_window_get_file        (RubricWindow      *self);
void           rubric_window_open_session    (RubricWindow      *self,
                                              RubricSession     *session,
                                              GFile             *file,
                                              const char        *stamp);
void           rubric_window_browse          (RubricWindow      *self);
void           rubric_window_show_topic      (RubricWindow      *self,
                                              guint              index);
guint          rubric_window_get_topic_index (RubricWindow      *self);
guint          rubric_window_get_question_index (RubricWindow   *self);
void           rubric_window_show_error      (RubricWindow      *self,
                                              const char        *heading,
                                              const char        *message);
void           rubric_window_show_drafts     (RubricWindow      *self,
                                              GPtrArray         *drafts,
                                              const char * const *problems);
void           rubric_window_close_now       (RubricWindow      *self);
void           rubric_window_set_kit         (RubricWindow      *self,
                                              RubricKit         *kit);
void           rubric_window_show_kit_in_use (RubricWindow      *self);
void           rubric_window_add_toast       (RubricWindow      *self,
                                              AdwToast          *toast);


G_END_DECLS
