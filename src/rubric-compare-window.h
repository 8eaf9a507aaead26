/* rubric-compare-window.h — candidates for one role, compared
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-compare.h"
#include "rubric-export.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_COMPARE_WINDOW (rubric_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (RubricCompareWindow, rubric_compare_window, RUBRIC, COMPARE_WINDOW, AdwApplicationWindow)

RubricCompareWindow *rubric_compare_window_new           (GtkApplication      *application,
                                                          RubricCompare       *compare);
RubricCompare       *rubric_compare_window_get_compare   (RubricCompareWindow *self);
gboolean             rubric_compare_window_get_loading   (RubricCompareWindow *self);
const RubricCompareCandidate *
                     rubric_compare_window_get_shown     (RubricCompareWindow *self,
                                                          guint                position);
void                 rubric_compare_window_load_folder   (RubricCompareWindow *self,
                                                          GFile               *folder);
void                 rubric_compare_window_open          (RubricCompareWindow *self,
                                                          GFile * const       *sources,
                                                          guint                n_sources);
void                 rubric_compare_window_export_to     (RubricCompareWindow *self,
                                                          RubricExportFormat   format,
                                                          GFile               *file);

G_END_DECLS
