/* rubric-candidate-panel.h — the candidate, ratings, notes and verdict
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-session.h"
#include "rubric-topic-pages.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_CANDIDATE_PANEL (rubric_candidate_panel_get_type ())
G_DECLARE_FINAL_TYPE (RubricCandidatePanel, rubric_candidate_panel, RUBRIC, CANDIDATE_PANEL, AdwBin)

void rubric_candidate_panel_set_session (RubricCandidatePanel *self,
                                         RubricSession        *session,
                                         RubricKit            *kit);
void rubric_candidate_panel_set_show_unplanned (RubricCandidatePanel *self,
                                                gboolean              show_unplanned);
void rubric_candidate_panel_set_topic   (RubricCandidatePanel *self,
                                         RubricTopic          *topic);
void rubric_candidate_panel_prepare_topic (RubricCandidatePanel *self,
                                           RubricTopic          *topic);
RubricTopicPages *rubric_candidate_panel_get_pages (RubricCandidatePanel *self);
void rubric_candidate_panel_set_current (RubricCandidatePanel *self,
                                         guint                 question_index);
void rubric_candidate_panel_focus_notes (RubricCandidatePanel *self,
                                         guint                 question_index);
void rubric_candidate_panel_set_safe_mode (RubricCandidatePanel *self,
                                           gboolean              safe_mode);

G_END_DECLS
