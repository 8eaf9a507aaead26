/* rubric-print.h — Print…: the candidate summary or an interview guide,
 * through GTK's print dialog, on the PDF exports' pages
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rubric-plan.h"
#include "rubric-summary.h"

G_BEGIN_DECLS

GtkPrintOperation *rubric_print_operation_new_summary (RubricSession     *session,
                                                       RubricKit         *kit,
                                                       RubricExportFlags  flags);
GtkPrintOperation *rubric_print_operation_new_guide   (RubricKit         *kit,
                                                       RubricPlan        *plan,
                                                       GListModel        *plans);
void               rubric_print_operation_set_safe_mode (GtkPrintOperation *operation,
                                                         gboolean           safe_mode);
void               rubric_print_run                   (GtkPrintOperation *operation,
                                                       GtkWindow         *parent);

G_END_DECLS
