/* rubric-question-pane.h — a topic's questions, one of them current
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-question-card.h"
#include "rubric-session.h"
#include "rubric-study.h"
#include "rubric-topic-pages.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_QUESTION_PANE (rubric_question_pane_get_type ())
G_DECLARE_FINAL_TYPE (RubricQuestionPane, rubric_question_pane, RUBRIC, QUESTION_PANE, AdwBin)

void                rubric_question_pane_set_kit              (RubricQuestionPane  *self,
                                                               RubricKit           *kit);
void                rubric_question_pane_set_session          (RubricQuestionPane  *self,
                                                               RubricSession       *session);
void                rubric_question_pane_set_progress         (RubricQuestionPane  *self,
                                                               RubricStudyProgress *progress);
void                rubric_question_pane_set_can_reveal       (RubricQuestionPane  *self,
                                                               gboolean             can_reveal);
gboolean            rubric_question_pane_show_question        (RubricQuestionPane  *self,
                                                               RubricQuestion      *question);
void                rubric_question_pane_set_show_unplanned   (RubricQuestionPane  *self,
                                                               gboolean             show_unplanned);
gboolean            rubric_question_pane_show_topic           (RubricQuestionPane  *self,
                                                               guint                index);
void                rubric_question_pane_prepare_topic        (RubricQuestionPane  *self,
                                                               guint                index);
RubricTopicPages   *rubric_question_pane_get_pages            (RubricQuestionPane  *self);
RubricTopic        *rubric_question_pane_get_topic            (RubricQuestionPane  *self);
guint               rubric_question_pane_get_topic_index      (RubricQuestionPane  *self);
guint               rubric_question_pane_get_question_index   (RubricQuestionPane  *self);
void                rubric_question_pane_set_question_index   (RubricQuestionPane  *self,
                                                               guint                index);
guint               rubric_question_pane_get_n_questions      (RubricQuestionPane  *self);
RubricQuestion     *rubric_question_pane_get_current_question (RubricQuestionPane  *self);
RubricQuestionCard *rubric_question_pane_get_current_card     (RubricQuestionPane  *self);
void                rubric_question_pane_reveal_all           (RubricQuestionPane  *self);
void                rubric_question_pane_refresh              (RubricQuestionPane  *self);

void                rubric_question_pane_set_wide        (RubricQuestionPane  *self,
                                                          gboolean             wide);
void                rubric_question_pane_set_clock       (RubricQuestionPane  *self,
                                                          gint64               seconds);
void                rubric_question_pane_set_text_scale  (RubricQuestionPane  *self,
                                                          double               scale);

G_END_DECLS
