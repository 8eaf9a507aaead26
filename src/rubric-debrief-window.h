/* rubric-debrief-window.h — a panel's scorecards of one candidate, side by side
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-debrief.h"
#include "rubric-export.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_DEBRIEF_WINDOW (rubric_debrief_window_get_type ())
G_DECLARE_FINAL_TYPE (RubricDebriefWindow, rubric_debrief_window, RUBRIC, DEBRIEF_WINDOW, AdwApplicationWindow)

RubricDebriefWindow *rubric_debrief_window_new         (GtkApplication      *application,
                                                        RubricDebrief       *debrief);
RubricDebrief       *rubric_debrief_window_get_debrief (RubricDebriefWindow *self);
void                 rubric_debrief_window_load        (RubricDebriefWindow *self,
                                                        GFile * const       *files,
                                                        guint                n_files);
void                 rubric_debrief_window_export_to   (RubricDebriefWindow *self,
                                                        RubricExportFormat   format,
                                                        GFile               *file);

G_END_DECLS
