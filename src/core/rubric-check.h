/* rubric-check.h — checks kit and session files, for `rubric --check`
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

gboolean rubric_check_file (GFile      *file,
                            const char *display_name,
                            RubricKit  *kit,
                            GString    *report,
                            GString    *problems);

void     rubric_check_append_problem (GString    *out,
                                      const char *display_name,
                                      const char *message);
char    *rubric_check_format_problem (const char *display_name,
                                      const char *message);

G_END_DECLS
