/* rubric-report.h — what the debrief and compare windows share: their
 * export to a new file, and the rows of the files they could not read
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

GtkFileDialog *rubric_report_dialog_new     (const char                 *title,
                                             const char                 *about,
                                             RubricExportFormat          format);
void           rubric_report_write          (GtkWidget                  *parent,
                                             AdwToastOverlay            *toasts,
                                             GFile                      *file,
                                             GBytes                     *bytes,
                                             GCancellable               *cancellable);
void           rubric_report_show_error     (GtkWidget                  *parent,
                                             const char                 *message);
GtkWidget     *rubric_report_problem_row_new (const RubricDebriefProblem *problem);

G_END_DECLS
