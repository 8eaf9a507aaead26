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

/* What a window's export does once the user has picked FILE. */
typedef void (*RubricReportExportFunc) (GtkWidget          *window,
                                        RubricExportFormat  format,
                                        GFile              *file);

void           rubric_report_ask_file       (GtkWidget                  *window,
                                             const char                 *title,
                                             const char                 *about,
                                             RubricExportFormat          format,
                                             GCancellable               *cancellable,
                                             RubricReportExportFunc      export_to);
void           rubric_report_write          (GtkWidget                  *parent,
                                             AdwToastOverlay            *toasts,
                                             GFile                      *file,
                                             GPtrArray                  *sources,
                                             GBytes                     *bytes,
                                             const GError               *error,
                                             GCancellable               *cancellable);
void           rubric_report_show_error     (GtkWidget                  *parent,
                                             const char                 *message);
GtkWidget     *rubric_report_problem_row_new (const RubricDebriefProblem *problem);

G_END_DECLS
