/* rubric-shortcuts.c — every key of Rubric, in two tables
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys with modifiers are application accelerators, for app and window
 * actions alike. Single keys are the window's own shortcuts, which run only
 * when the focused widget does not take the key: typing a "j" in the notes
 * types a "j". Tooltips and the shortcuts dialog read both tables through
 * rubric_shortcuts_dup_accels(), so they never disagree with the keys that
 * work; and no widget needs the window's header to know a key.
 */

#define G_LOG_DOMAIN "rubric-shortcuts"

#include "config.h"

#include "rubric-scores.h"
#include "rubric-shortcuts.h"

static const struct {
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-interview", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.copy-summary", { "<Shift><Control>c", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.next-topic", { "<Control>Page_Down", "<Alt>Down", NULL } },
  { "win.previous-topic", { "<Control>Page_Up", "<Alt>Up", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
};

static const struct {
  const char *action;       /* a detailed action name */
  const char *accel;
} single_keys[] = {
  { "win.next-question", "j" },
  { "win.previous-question", "k" },
  { "win.reveal", "space" },
  { "win.show-all-answers", "<Shift>space" },
  { "win.skip", "s" },
  { "win.knew-it", "y" },
  { "win.review-again", "r" },
  { "win.rehearse", "t" },
  { "win.toggle-candidate-panel", "F9" },
  { "win.fullscreen", "F11" },
  { "win.rate(0)", "0" },
  { "win.rate(1)", "1" },
  { "win.rate(2)", "2" },
  { "win.rate(3)", "3" },
  { "win.rate(4)", "4" },
  { "win.rate(5)", "5" },
};

/**
 * rubric_shortcuts_set_accels:
 *
 * Gives @application's and its windows' actions their accelerators.
 */
void
rubric_shortcuts_set_accels (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

/**
 * rubric_shortcuts_add_single_keys:
 *
 * Installs the single keys on a window class, as shortcuts that run only
 * when the focused widget does not take the key.
 */
void
rubric_shortcuts_add_single_keys (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  for (guint i = 0; i < G_N_ELEMENTS (single_keys); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      GtkShortcut *shortcut;
      guint key;
      GdkModifierType mods;

      if (!g_action_parse_detailed_name (single_keys[i].action, &name, &target, NULL) ||
          !gtk_accelerator_parse (single_keys[i].accel, &key, &mods))
        g_assert_not_reached ();
      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods), gtk_named_action_new (name));
      if (target != NULL)
        gtk_shortcut_set_arguments (shortcut, target);
      gtk_widget_class_add_shortcut (widget_class, shortcut);
      g_object_unref (shortcut);
    }

  /* The keypad's digits rate too; the shortcuts dialog lists only the
   * main row's. */
  for (int i = 0; i <= RUBRIC_RATING_MAX; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "win.rate", "i", i);
}

/**
 * rubric_shortcuts_dup_accels:
 * @application: (nullable): the application whose accelerators count too
 * @detailed_action: such as "win.search" or "win.rate(3)"
 *
 * The keys that run @detailed_action: its accelerators in @application,
 * then the window's single keys. Built from the same tables that install
 * them, so a label or tooltip made from these cannot drift.
 *
 * Returns: (transfer full): accelerators as gtk_accelerator_parse() reads
 *   them; empty when none
 */
GStrv
rubric_shortcuts_dup_accels (GtkApplication *application,
                             const char     *detailed_action)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (detailed_action != NULL, NULL);

  if (application != NULL)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (application, detailed_action);

      g_strv_builder_addv (builder, (const char **) set);
    }
  for (guint i = 0; i < G_N_ELEMENTS (single_keys); i++)
    if (g_str_equal (single_keys[i].action, detailed_action))
      g_strv_builder_add (builder, single_keys[i].accel);

  return g_strv_builder_end (builder);
}

/**
 * rubric_shortcuts_dup_accel_label:
 * @application: (nullable): the application whose accelerators count too
 * @detailed_action: such as "win.search"
 *
 * Returns: (transfer full) (nullable): the first key of @detailed_action as
 *   the user's language names it ("Ctrl+F", "Strg+F"), or %NULL
 */
char *
rubric_shortcuts_dup_accel_label (GtkApplication *application,
                                  const char     *detailed_action)
{
  g_auto(GStrv) keys = rubric_shortcuts_dup_accels (application, detailed_action);
  guint key;
  GdkModifierType mods;

  if (keys == NULL || keys[0] == NULL || !gtk_accelerator_parse (keys[0], &key, &mods))
    return NULL;
  return gtk_accelerator_get_label (key, mods);
}
