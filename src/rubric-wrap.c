/* rubric-wrap.c — wrapping labels with a minimum width, in widgets made
 * by others (see rubric-wrap.h)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rubric-wrap.h"

/**
 * rubric_wrap_within:
 * @widget: a widget, often a libadwaita row
 *
 * Gives every wrapping label in @widget, @widget included, whose
 * "width-chars" is under RUBRIC_WRAP_MIN_CHARS (libadwaita leaves it
 * unset, -1) the minimum of rubric_wrap_label(): the title
 * and subtitle of an AdwActionRow, say. Call it once the widget has made
 * its children (after gtk_widget_init_template(), or after adw_*_row_new());
 * the labels a widget makes later are not seen. A dialog's child (and an
 * alert dialog's extra child) is walked too, whether presented or not.
 */
void
rubric_wrap_within (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* A dialog's child is parented to the dialog when it is presented. */
  if (ADW_IS_DIALOG (widget) && adw_dialog_get_child (ADW_DIALOG (widget)) != NULL)
    rubric_wrap_within (adw_dialog_get_child (ADW_DIALOG (widget)));
  if (ADW_IS_ALERT_DIALOG (widget) && adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (widget)) != NULL)
    rubric_wrap_within (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (widget)));

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_width_chars (GTK_LABEL (widget)) < RUBRIC_WRAP_MIN_CHARS)
    gtk_label_set_width_chars (GTK_LABEL (widget), RUBRIC_WRAP_MIN_CHARS);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rubric_wrap_within (child);
}
