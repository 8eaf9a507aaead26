/* rubric-text-line.h — one line of text whose size does not depend on it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RUBRIC_TYPE_TEXT_LINE (rubric_text_line_get_type ())
G_DECLARE_FINAL_TYPE (RubricTextLine, rubric_text_line, RUBRIC, TEXT_LINE, GtkWidget)

GtkWidget  *rubric_text_line_new            (int              min_chars,
                                             int              natural_chars);
void        rubric_text_line_set_text       (RubricTextLine *self,
                                             const char     *text,
                                             PangoAttrList  *attributes);
const char *rubric_text_line_get_text       (RubricTextLine *self);

G_END_DECLS
