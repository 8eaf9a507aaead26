/* rubric-shortcuts.h — every key of Rubric, in two tables
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   rubric_shortcuts_set_accels        (GtkApplication  *application);
void   rubric_shortcuts_add_single_keys   (GtkWindow       *window);
GStrv  rubric_shortcuts_dup_accels        (GtkApplication  *application,
                                           const char      *detailed_action);
char  *rubric_shortcuts_dup_accel_label   (GtkApplication  *application,
                                           const char      *detailed_action);

G_END_DECLS
