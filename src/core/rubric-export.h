/* rubric-export.h — candidate summaries in PDF, Markdown, HTML, text and CSV
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-summary.h"

G_BEGIN_DECLS

typedef enum {
  RUBRIC_EXPORT_FORMAT_PDF,
  RUBRIC_EXPORT_FORMAT_MARKDOWN,
  RUBRIC_EXPORT_FORMAT_HTML,
  RUBRIC_EXPORT_FORMAT_TEXT,
  RUBRIC_EXPORT_FORMAT_CSV,
} RubricExportFormat;

#define RUBRIC_EXPORT_ERROR (rubric_export_error_quark ())

typedef enum {
  RUBRIC_EXPORT_ERROR_FAILED,
} RubricExportError;

GQuark      rubric_export_error_quark          (void);

gboolean    rubric_export_format_parse         (const char          *name,
                                                RubricExportFormat  *format);
const char *rubric_export_format_get_extension (RubricExportFormat   format);
const char *rubric_export_format_get_mime_type (RubricExportFormat   format);
gboolean    rubric_export_format_is_text       (RubricExportFormat   format);

GBytes     *rubric_export_to_bytes             (RubricSession       *session,
                                                RubricKit           *kit,
                                                RubricExportFormat   format,
                                                RubricExportFlags    flags,
                                                GError             **error);
void        rubric_export_to_file_async        (RubricSession       *session,
                                                RubricKit           *kit,
                                                RubricExportFormat   format,
                                                RubricExportFlags    flags,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    rubric_export_to_file_finish       (GAsyncResult        *result,
                                                GError             **error);
void        rubric_export_summary_to_bytes_async  (RubricSummary       *summary,
                                                   RubricExportFormat   format,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GBytes     *rubric_export_summary_to_bytes_finish (GAsyncResult        *result,
                                                   GError             **error);
gboolean    rubric_export_to_file              (RubricSession       *session,
                                                RubricKit           *kit,
                                                RubricExportFormat   format,
                                                RubricExportFlags    flags,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
GBytes     *rubric_export_summary_to_bytes     (const RubricSummary *summary,
                                                RubricExportFormat   format,
                                                GError             **error);
gboolean    rubric_export_summary_to_file      (const RubricSummary *summary,
                                                RubricExportFormat   format,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
void        rubric_export_summary_to_file_async (RubricSummary      *summary,
                                                RubricExportFormat   format,
                                                GFile               *file,
                                                GFile               *keep,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    rubric_export_same_file            (const char          *a,
                                                const char          *b);
gboolean    rubric_export_path_is_stream       (const char          *path);
char       *rubric_export_suggest_filename     (RubricSession       *session,
                                                RubricExportFormat   format,
                                                RubricExportFlags    flags);

G_END_DECLS
