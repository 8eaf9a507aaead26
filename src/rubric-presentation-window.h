/* rubric-presentation-window.h — the current question, for the candidate's eyes
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-interview.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_PRESENTATION_WINDOW (rubric_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (RubricPresentationWindow, rubric_presentation_window, RUBRIC, PRESENTATION_WINDOW, AdwWindow)

RubricPresentationWindow *rubric_presentation_window_new         (RubricInterview          *interview);
RubricInterview          *rubric_presentation_window_get_interview (RubricPresentationWindow *self);
void                      rubric_presentation_window_set_show_unplanned (RubricPresentationWindow *self,
                                                                         gboolean                  show_unplanned);

G_END_DECLS
