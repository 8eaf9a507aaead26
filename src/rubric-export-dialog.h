/* rubric-export-dialog.h — choose a format and what to include, preview, export
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-export.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_EXPORT_DIALOG (rubric_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RubricExportDialog, rubric_export_dialog, RUBRIC, EXPORT_DIALOG, AdwDialog)

RubricExportDialog *rubric_export_dialog_new         (RubricSession      *session,
                                                      RubricKit          *kit,
                                                      GFile              *session_file);
void                rubric_export_dialog_set_format  (RubricExportDialog *self,
                                                      RubricExportFormat  format);
RubricExportFormat  rubric_export_dialog_get_format  (RubricExportDialog *self);
RubricExportFlags   rubric_export_dialog_get_flags   (RubricExportDialog *self);
char               *rubric_export_dialog_dup_preview (RubricExportDialog *self);
void                rubric_export_dialog_export_to   (RubricExportDialog *self,
                                                      GFile              *file);

G_END_DECLS
