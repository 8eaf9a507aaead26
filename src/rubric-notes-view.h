/* rubric-notes-view.h — a text view for notes, spell checked where it can be
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkTextView (a GtkSourceView when Rubric is built with libspelling):
 * the .ui files name it RubricNotesView and the code uses it as a
 * GtkTextView. Its parent differs between builds, so its type is not
 * declared with G_DECLARE_FINAL_TYPE here. */
#define RUBRIC_TYPE_NOTES_VIEW (rubric_notes_view_get_type ())
GType rubric_notes_view_get_type (void) G_GNUC_CONST;

gboolean       rubric_notes_view_can_check_spelling (void);
GtkTextBuffer *rubric_notes_view_new_buffer         (void);
GObject       *rubric_notes_view_get_spelling       (GtkTextView *view);
gboolean       rubric_notes_view_get_checking       (GtkTextView *view);
void           rubric_notes_view_hold_dictionary    (gboolean     hold);

G_END_DECLS
