/* rubric-debrief-export.h — the debrief summary in Markdown, HTML and CSV
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-debrief.h"
#include "rubric-export.h"

G_BEGIN_DECLS

gboolean  rubric_debrief_export_format_supported (RubricExportFormat   format);
GBytes   *rubric_debrief_export_to_bytes         (RubricDebrief       *debrief,
                                                  RubricExportFormat   format,
                                                  RubricExportFlags    flags,
                                                  const char * const  *redact,
                                                  GStrv               *remaining,
                                                  GError             **error);

G_END_DECLS
