/* rubric-a11y.h — names and Tab stops GTK 4.18 and libadwaita 1.7 leave out
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rubric_a11y_name_menus       (GtkWidget   *root);
void rubric_a11y_name_combo_row   (AdwComboRow *row);
void rubric_a11y_quiet_scrollers  (GtkWidget   *root);
void rubric_a11y_show_banner      (AdwBanner   *banner,
                                   gboolean     shown);
void rubric_a11y_announce         (GtkWidget   *widget,
                                   const char  *message);

G_END_DECLS
