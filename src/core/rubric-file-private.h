/* rubric-file-private.h — writing a file from a GTask, for the core's savers
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-file.h"

G_BEGIN_DECLS

/* A write's GTask returns the new stamp as its pointer, "" when there is
 * none (a pointer result cannot be NULL). */
void        _rubric_file_task_write           (GTask                *task,
                                               GFile                *file,
                                               GBytes               *bytes,
                                               RubricFileWriteFlags  flags,
                                               const char           *expected_stamp,
                                               GCancellable         *cancellable);
gboolean    _rubric_file_task_propagate_stamp (GTask                *task,
                                               char                **new_stamp,
                                               GError              **error);

G_END_DECLS
