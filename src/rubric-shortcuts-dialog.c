/* rubric-shortcuts-dialog.c — every keyboard shortcut, searchable
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkShortcutsWindow is deprecated in GTK 4.18 and AdwShortcutsDialog
 * arrives only with libadwaita 1.8, so the list is a preferences dialog:
 * searchable, adaptive, and built from one table.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-shortcuts-dialog.h"

struct _RubricShortcutsDialog
{
  AdwPreferencesDialog parent_instance;

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (RubricShortcutsDialog, rubric_shortcuts_dialog, ADW_TYPE_PREFERENCES_DIALOG)

typedef struct
{
  const char *group;        /* starts a new group when set */
  const char *title;
  const char *accels;       /* space-separated alternatives */
} Shortcut;

static const Shortcut shortcuts[] = {
  { N_("Interviews"), N_("New interview"), "<Control>n" },
  { NULL, N_("Open an interview"), "<Control>o" },
  { NULL, N_("Save"), "<Control>s" },
  { NULL, N_("Save as"), "<Shift><Control>s" },
  { NULL, N_("Export the summary"), "<Control>e" },
  { NULL, N_("Copy the summary as Markdown"), "<Shift><Control>c" },
  { NULL, N_("Close the window"), "<Control>w" },
  { NULL, N_("Quit"), "<Control>q" },
  { N_("Topics and Questions"), N_("Next topic"), "<Control>Page_Down <Alt>Down" },
  { NULL, N_("Previous topic"), "<Control>Page_Up <Alt>Up" },
  { NULL, N_("Next question"), "j" },
  { NULL, N_("Previous question"), "k" },
  { NULL, N_("Show or hide the expected answer"), "space" },
  { NULL, N_("Show every answer of the topic"), "<Shift>space" },
  { NULL, N_("Search questions and answers"), "<Control>f" },
  { N_("Studying"), N_("Knew it"), "y" },
  { NULL, N_("Review again"), "r" },
  { NULL, N_("Start or stop timing your answer"), "t" },
  { N_("Rating"), N_("Rate the current question 1 to 5"), "1 2 3 4 5" },
  { NULL, N_("Clear the rating"), "0" },
  { NULL, N_("Mark the current question skipped"), "s" },
  { N_("View"), N_("Show or hide the candidate panel"), "F9" },
  { NULL, N_("Fullscreen"), "F11" },
  { NULL, N_("Larger text"), "<Control>plus" },
  { NULL, N_("Smaller text"), "<Control>minus" },
  { NULL, N_("Normal text size"), "<Control>0" },
  { N_("General"), N_("Preferences"), "<Control>comma" },
  { NULL, N_("Keyboard shortcuts"), "<Control>question" },
};

static char *
accels_label (const char *accels)
{
  g_auto(GStrv) alternatives = g_strsplit (accels, " ", -1);
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      guint key;
      GdkModifierType mods;
      g_autofree char *text = NULL;

      if (!gtk_accelerator_parse (alternatives[i], &key, &mods))
        continue;
      text = gtk_accelerator_get_label (key, mods);
      if (label->len > 0)
        /* Translators: between two shortcuts that do the same */
        g_string_append (label, _(" or "));
      g_string_append (label, text);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

static void
rubric_shortcuts_dialog_class_init (RubricShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricShortcutsDialog, page);
}

static void
rubric_shortcuts_dialog_init (RubricShortcutsDialog *self)
{
  AdwPreferencesGroup *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autofree char *keys = accels_label (shortcuts[i].accels);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (keys);

      if (shortcuts[i].group != NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(shortcuts[i].group));
          adw_preferences_page_add (self->page, group);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(shortcuts[i].title));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, keys, -1);
      adw_preferences_group_add (group, row);
    }
}

AdwDialog *
rubric_shortcuts_dialog_new (void)
{
  return g_object_new (RUBRIC_TYPE_SHORTCUTS_DIALOG, NULL);
}
