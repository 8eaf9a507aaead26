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

#define G_LOG_DOMAIN "rubric-shortcuts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-shortcuts-dialog.h"
#include "rubric-shortcuts.h"
#include "rubric-wrap.h"

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
  const char *actions;      /* space-separated detailed action names */
} Shortcut;

/* The keys themselves come from the tables that install them (see
 * rubric_shortcuts_dup_accels()), so this list cannot name a key that does
 * not work. */
static const Shortcut shortcuts[] = {
  { N_("Interviews"), N_("New interview"), "app.new-interview" },
  { NULL, N_("Open an interview"), "app.open" },
  { NULL, N_("Save"), "win.save" },
  { NULL, N_("Save as"), "win.save-as" },
  { NULL, N_("Export the summary"), "win.export" },
  { NULL, N_("Copy the summary as Markdown"), "win.copy-summary" },
  /* Translators: a shortcut: prints the interview's summary, or without
   * an interview a guide of the kit's questions */
  { NULL, N_("Print the summary or an interview guide"), "win.print" },
  /* Translators: a shortcut: freezes the interview's ratings and notes
   * for the hiring panel, until unsealed */
  { NULL, N_("Seal the scorecard"), "win.seal" },
  { NULL, N_("Close the window"), "win.close" },
  { NULL, N_("Quit"), "app.quit" },
  { N_("Topics and Questions"), N_("Next topic"), "win.next-topic" },
  { NULL, N_("Previous topic"), "win.previous-topic" },
  { NULL, N_("Next question"), "win.next-question" },
  { NULL, N_("Previous question"), "win.previous-question" },
  { NULL, N_("Show or hide the expected answer"), "win.reveal" },
  { NULL, N_("Show every answer of the topic"), "win.show-all-answers" },
  { NULL, N_("Write notes on the current question"), "win.focus-notes" },
  { NULL, N_("Leave a text field, back to the question"), "win.focus-question" },
  { NULL, N_("Search questions and answers"), "win.search" },
  /* Translators: a shortcut in an interview run with a plan */
  { NULL, N_("Show all questions, not only the plan’s"), "win.show-all-questions" },
  /* Translators: a group of shortcuts for grading oneself while studying */
  { N_("Studying"),
    /* Translators: a shortcut while studying: the learner knew the answer */
    N_("Knew it"), "win.knew-it" },
  { NULL,
    /* Translators: a shortcut while studying: the learner marks the question to study again */
    N_("Review again"), "win.review-again" },
  { NULL, N_("Start or stop timing your answer"), "win.rehearse" },
  /* Translators: a group of shortcuts for rating the candidate's answers */
  { N_("Rating"), N_("Rate the current question 1 to 5"), "win.rate(1) … win.rate(5)" },
  { NULL, N_("Clear the rating"), "win.rate(0)" },
  { NULL, N_("Mark the current question skipped"), "win.skip" },
  { NULL, N_("Pause or resume the interview clock"), "win.pause" },
  /* Translators: in the keyboard shortcuts, Ctrl+Z outside text fields */
  { NULL, N_("Undo the last rating, skip, tick or recommendation"), "win.undo" },
  /* Translators: a group of shortcuts for ticking the key points and red
   * flags a candidate said or showed */
  { N_("Evidence"),
    /* Translators: a shortcut: Alt+1 ticks the first key point of the
     * revealed question, Alt+2 the second…, counting on into its red flags */
    N_("Tick key point or red flag 1 to 9 of the revealed question"),
    "win.tick(1) … win.tick(9)" },
  /* Translators: a group of shortcuts for what the window shows */
  { N_("View"), N_("Show or hide the candidate panel"), "win.toggle-candidate-panel" },
  { NULL, N_("Fullscreen"), "win.fullscreen" },
  /* Translators: a shortcut: opens or closes a window that shows the
   * candidate only the current question, to share on a call */
  { NULL, N_("Present the current question in a window of its own"), "win.present-question" },
  { NULL, N_("Larger text"), "win.zoom-in" },
  { NULL, N_("Smaller text"), "win.zoom-out" },
  { NULL, N_("Normal text size"), "win.zoom-reset" },
  { N_("General"), N_("Preferences"), "app.preferences" },
  { NULL, N_("Keyboard shortcuts"), "app.shortcuts" },
  { NULL, N_("Help"), "app.help" },
};

/* The first key of DETAILED_ACTION in the user's language, or NULL. */
static char *
first_key_label (GtkApplication *application,
                 const char     *detailed_action)
{
  g_auto(GStrv) accels = rubric_shortcuts_dup_accels (application, detailed_action);
  guint key;
  GdkModifierType mods;

  if (accels[0] == NULL || !gtk_accelerator_parse (accels[0], &key, &mods))
    return NULL;
  return gtk_accelerator_get_label (key, mods);
}

/* Every key of every action, in the user's language: "Ctrl+Page Down or
 * Ctrl+N". A "…" between two actions stands for the run from the one to
 * the other, said as a range: "Alt+1 to Alt+9", not nine keys. */
static char *
accels_label (GtkApplication *application,
              const char     *actions)
{
  g_auto(GStrv) names = g_strsplit (actions, " ", -1);
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GStrv) accels = NULL;

      if (names[i + 1] != NULL && g_str_equal (names[i + 1], "…") && names[i + 2] != NULL)
        {
          g_autofree char *first = first_key_label (application, names[i]);
          g_autofree char *last = first_key_label (application, names[i + 2]);

          i += 2;
          if (first == NULL || last == NULL)
            continue;
          if (label->len > 0)
            g_string_append (label, _(" or "));
          /* Translators: a run of shortcuts, from the first to the last, as
           * in "1 to 5" or "Alt+1 to Alt+9" */
          g_string_append_printf (label, _("%s to %s"), first, last);
          continue;
        }

      accels = rubric_shortcuts_dup_accels (application, names[i]);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *text = NULL;

          if (!gtk_accelerator_parse (accels[j], &key, &mods))
            continue;
          text = gtk_accelerator_get_label (key, mods);
          if (label->len > 0)
            /* Translators: between two shortcuts that do the same, as in "Ctrl+Plus or Ctrl+=" */
            g_string_append (label, _(" or "));
          g_string_append (label, text);
        }
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
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
add_rows (RubricShortcutsDialog *self,
          GtkApplication        *application)
{
  AdwPreferencesGroup *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_autofree char *keys = accels_label (application, shortcuts[i].actions);
      GtkWidget *row;
      GtkWidget *label;

      if (shortcuts[i].group != NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(shortcuts[i].group));
          adw_preferences_page_add (self->page, group);
        }
      if (*keys == '\0')
        continue;

      row = adw_action_row_new ();
      label = gtk_label_new (keys);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(shortcuts[i].title));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, keys, -1);
      adw_preferences_group_add (group, row);
    }
  /* The groups' titles and the rows'. */
  rubric_wrap_within (GTK_WIDGET (self));
}

/**
 * rubric_shortcuts_dialog_new:
 * @application: the application whose accelerators it lists
 */
AdwDialog *
rubric_shortcuts_dialog_new (GtkApplication *application)
{
  RubricShortcutsDialog *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (RUBRIC_TYPE_SHORTCUTS_DIALOG, NULL);
  add_rows (self, application);

  return ADW_DIALOG (self);
}
