/* rubric-wrap.h — labels that wrap, measured cheaply
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK finds a wrapping label's minimum width by laying its text out as
 * narrow as it will go: a line per word, and with PANGO_WRAP_WORD_CHAR a
 * line per character. For a paragraph of an answer that is hundreds of
 * lines, milliseconds per label, each time the label is measured anew (a
 * topic shown, an answer revealed: 100 ms of the 176 ms a reveal took). A
 * minimum of RUBRIC_WRAP_MIN_CHARS characters, far narrower than any column
 * that shows one, keeps that to a few lines' worth; the label still wraps to
 * the width it is given. The .ui files give their wrapping labels the same
 * "width-chars" (tests/check-ui.py checks that they do).
 *
 * libadwaita's rows wrap their title and subtitle the same way, with no
 * minimum: rubric_wrap_within() gives them one. A revealed answer's
 * checklist of eight rows took 16 ms of the window's size computation
 * without it, 9.5 ms with it.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RUBRIC_WRAP_MIN_CHARS 12

static inline void
rubric_wrap_label (GtkLabel      *label,
                   PangoWrapMode  mode)
{
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, mode);
  gtk_label_set_width_chars (label, RUBRIC_WRAP_MIN_CHARS);
}

void rubric_wrap_within (GtkWidget *widget);

G_END_DECLS
