/* rubric-compare-export.h — candidates for one role, compared, as CSV
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-compare.h"
#include "rubric-export.h"

G_BEGIN_DECLS

gboolean  rubric_compare_export_format_supported (RubricExportFormat   format);
GBytes   *rubric_compare_export_to_bytes         (RubricCompare       *compare,
                                                  RubricExportFormat   format,
                                                  RubricExportFlags    flags,
                                                  const char * const  *redact,
                                                  GStrv               *remaining,
                                                  GError             **error);

G_END_DECLS
