/* rubric-question-card.h — one question, its answer hidden until revealed
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-kit.h"

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

G_END_DECLS
