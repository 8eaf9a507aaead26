/* rubric-file-dialog.h — the file choosers Rubric asks with
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileDialog *rubric_file_dialog_new               (const char *title,
                                                     const char *filter_name,
                                                     const char *suffix,
                                                     const char *mime_type);
GtkFileDialog *rubric_file_dialog_new_for_sessions  (const char *title);

G_END_DECLS
