/* rubric-sidebar.h — the topics, search results and questions to review
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-interview.h"
#include "rubric-kit.h"
#include "rubric-session.h"
#include "rubric-study.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_SIDEBAR (rubric_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (RubricSidebar, rubric_sidebar, RUBRIC, SIDEBAR, AdwBin)

RubricKit           *rubric_sidebar_get_kit          (RubricSidebar       *self);
void                 rubric_sidebar_set_kit          (RubricSidebar       *self,
                                                      RubricKit           *kit);
void                 rubric_sidebar_set_session      (RubricSidebar       *self,
                                                      RubricSession       *session);
void                 rubric_sidebar_set_progress     (RubricSidebar       *self,
                                                      RubricStudyProgress *progress);
guint                rubric_sidebar_get_topic_index  (RubricSidebar       *self);
void                 rubric_sidebar_set_topic_index  (RubricSidebar       *self,
                                                      guint                index);
gboolean             rubric_sidebar_get_search_mode  (RubricSidebar       *self);
void                 rubric_sidebar_set_search_mode  (RubricSidebar       *self,
                                                      gboolean             search_mode);
void                 rubric_sidebar_set_hide_answers (RubricSidebar       *self,
                                                      gboolean             hide_answers);
void                 rubric_sidebar_update           (RubricSidebar       *self);
void                 rubric_sidebar_update_pacing    (RubricSidebar       *self,
                                                      RubricInterview     *interview,
                                                      const char          *topic_id);

G_END_DECLS
