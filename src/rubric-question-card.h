/* rubric-question-card.h — one question, its answer hidden until revealed
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-kit.h"
#include "rubric-session.h"
#include "rubric-study.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_QUESTION_CARD (rubric_question_card_get_type ())
G_DECLARE_FINAL_TYPE (RubricQuestionCard, rubric_question_card, RUBRIC, QUESTION_CARD, AdwBin)

GtkWidget      *rubric_question_card_new          (RubricQuestion     *question,
                                                   guint               index);
RubricQuestion *rubric_question_card_get_question (RubricQuestionCard *self);
gboolean        rubric_question_card_get_revealed (RubricQuestionCard *self);
void            rubric_question_card_set_revealed (RubricQuestionCard *self,
                                                   gboolean            revealed);
void            rubric_question_card_set_current  (RubricQuestionCard *self,
                                                   gboolean            current);
void            rubric_question_card_set_elapsed  (RubricQuestionCard *self,
                                                   gint64              seconds);
void            rubric_question_card_set_can_reveal (RubricQuestionCard *self,
                                                     gboolean            can_reveal);
void            rubric_question_card_set_study      (RubricQuestionCard *self,
                                                     gboolean            study);
void            rubric_question_card_set_grade      (RubricQuestionCard *self,
                                                     RubricStudyGrade    grade);
gboolean        rubric_question_card_get_rehearsing (RubricQuestionCard *self);
void            rubric_question_card_set_rehearsing (RubricQuestionCard *self,
                                                     gboolean            rehearsing);

void            rubric_question_card_set_session    (RubricQuestionCard *self,
                                                     RubricSession      *session);
void            rubric_question_card_set_clock      (RubricQuestionCard *self,
                                                     gint64              seconds);
gboolean        rubric_question_card_toggle_tick    (RubricQuestionCard *self,
                                                     guint               number);
GtkWidget      *rubric_question_card_get_checklist_row (RubricQuestionCard *self,
                                                        guint               number);
GtkWidget      *rubric_question_card_get_note_row   (RubricQuestionCard *self,
                                                     guint               number);

void            rubric_question_card_set_unplanned (RubricQuestionCard *self,
                                                    gboolean            unplanned);

G_END_DECLS
