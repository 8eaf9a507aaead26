/* rubric-drop.h — interview files (and kits) dropped on a window
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a window does with the files dropped on it (one or more). */
typedef void (*RubricDropFunc) (GtkWidget     *window,
                                GFile * const *files,
                                guint          n_files);

GtkDropTarget *rubric_drop_add           (AdwApplicationWindow *window,
                                          GtkOverlay           *overlay,
                                          const char           *title,
                                          const char           *description,
                                          const char * const   *suffixes,
                                          RubricDropFunc        func);
GPtrArray     *rubric_drop_dup_files     (const GValue         *value,
                                          const char * const   *suffixes);
void           rubric_drop_show_hint     (GtkWidget            *window,
                                          gboolean              shown);

G_END_DECLS
