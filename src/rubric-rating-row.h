/* rubric-rating-row.h — rating, skipped and notes for one question
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-session.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_RATING_ROW (rubric_rating_row_get_type ())
G_DECLARE_FINAL_TYPE (RubricRatingRow, rubric_rating_row, RUBRIC, RATING_ROW, GtkBox)

GtkWidget      *rubric_rating_row_new          (RubricSession   *session,
                                                RubricQuestion  *question,
                                                guint            index);
RubricQuestion *rubric_rating_row_get_question (RubricRatingRow *self);
guint           rubric_rating_row_get_n_updates (RubricRatingRow *self);
void            rubric_rating_row_set_current  (RubricRatingRow *self,
                                                gboolean         current);
void            rubric_rating_row_focus_notes  (RubricRatingRow *self);
void            rubric_rating_row_forget_edits (RubricRatingRow *self);

G_END_DECLS
