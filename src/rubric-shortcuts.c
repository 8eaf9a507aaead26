/* rubric-shortcuts.c — every key of Rubric, in two tables
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys with modifiers are application accelerators, for app and window
 * actions alike. Single keys are the window's own: the interview's keys
 * (Space, J, K, the digits…) come first, before the focused widget — a
 * focused button would otherwise take Space, and GtkWindow's own Space
 * activates the focus — except while the user types in a text field or
 * works in a dialog or a menu: typing a "j" in the notes types a "j".
 * Function keys and Escape come last, after the focused widget.
 * Tooltips and the shortcuts dialog read both tables through
 * rubric_shortcuts_dup_accels(), so they never disagree with the keys that
 * work; and no widget needs the window's header to know a key.
 */

#define G_LOG_DOMAIN "rubric-shortcuts"

#include "config.h"

#include <adwaita.h>

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
  { "app.help", { "F1", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.copy-summary", { "<Shift><Control>c", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.close", { "<Control>w", NULL } },
  /* Not a key one presses by chance, and no text field's: it asks first. */
  { "win.seal", { "<Shift><Control>Return", NULL } },
  /* Not Alt+Up and Alt+Down: the HIG keeps them for the parent location. */
  { "win.next-topic", { "<Control>Page_Down", NULL } },
  { "win.previous-topic", { "<Control>Page_Up", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.show-all-questions", { "<Shift><Control>l", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  /* The evidence checklist's first nine rows: with Alt, so that they work
   * while typing an evidence note too. */
  { "win.tick(1)", { "<Alt>1", NULL } },
  { "win.tick(2)", { "<Alt>2", NULL } },
  { "win.tick(3)", { "<Alt>3", NULL } },
  { "win.tick(4)", { "<Alt>4", NULL } },
  { "win.tick(5)", { "<Alt>5", NULL } },
  { "win.tick(6)", { "<Alt>6", NULL } },
  { "win.tick(7)", { "<Alt>7", NULL } },
  { "win.tick(8)", { "<Alt>8", NULL } },
  { "win.tick(9)", { "<Alt>9", NULL } },
};

static const struct {
  const char *action;       /* a detailed action name */
  const char *accel;
  gboolean first;           /* before the focused widget, unless it takes text */
} single_keys[] = {
  { "win.next-question", "j", TRUE },
  { "win.previous-question", "k", TRUE },
  { "win.reveal", "space", TRUE },
  { "win.show-all-answers", "<Shift>space", TRUE },
  { "win.skip", "s", TRUE },
  { "win.focus-notes", "n", TRUE },
  { "win.pause", "p", TRUE },
  { "win.knew-it", "y", TRUE },
  { "win.review-again", "r", TRUE },
  { "win.rehearse", "t", TRUE },
  { "win.rate(0)", "0", TRUE },
  { "win.rate(1)", "1", TRUE },
  { "win.rate(2)", "2", TRUE },
  { "win.rate(3)", "3", TRUE },
  { "win.rate(4)", "4", TRUE },
  { "win.rate(5)", "5", TRUE },
  /* Not an accelerator: in a text field Ctrl+Z undoes typing, as it does
   * in any. */
  { "win.undo", "<Control>z", TRUE },
  { "win.present-question", "F5", FALSE },
  { "win.toggle-candidate-panel", "F9", FALSE },
  { "win.fullscreen", "F11", FALSE },
  { "win.focus-question", "Escape", FALSE },
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

static GtkShortcut *
shortcut_new (guint            key,
              GdkModifierType  mods,
              const char      *detailed_action)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkShortcut *shortcut;

  if (!g_action_parse_detailed_name (detailed_action, &name, &target, NULL))
    g_assert_not_reached ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, mods), gtk_named_action_new (name));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  return shortcut;
}

/* Whether the focus wants the keys for itself: a text field, or anything
 * in a dialog or a menu (whose Space and letters are their own). */
static gboolean
focus_takes_keys (GtkWidget *focus)
{
  if (focus == NULL)
    return FALSE;
  return GTK_IS_EDITABLE (focus) ||
         GTK_IS_TEXT_VIEW (focus) ||
         gtk_widget_get_ancestor (focus, ADW_TYPE_DIALOG) != NULL ||
         gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

static void
on_focus_widget_cb (GtkWindow             *window,
                    GParamSpec            *pspec,
                    GtkEventController    *controller)
{
  gtk_event_controller_set_propagation_phase (controller,
                                              focus_takes_keys (gtk_window_get_focus (window))
                                              ? GTK_PHASE_NONE : GTK_PHASE_CAPTURE);
}

/* Space is the interview's (it reveals) except on a row of the evidence
 * checklist, where it ticks, as it does in any list. */
static void
on_focus_widget_space_cb (GtkWindow          *window,
                          GParamSpec         *pspec,
                          GtkEventController *controller)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  gboolean on_row = focus != NULL && gtk_widget_has_css_class (focus, "evidence-row");

  gtk_event_controller_set_propagation_phase (controller,
                                              on_row || focus_takes_keys (focus)
                                              ? GTK_PHASE_NONE : GTK_PHASE_CAPTURE);
}

/* In a text field of the window's own (not a dialog's, a menu's or the
 * search entry, whose Escape ends the search) the last keys — Escape
 * above all — come first too: a toast overlay around the field would
 * otherwise take Escape while a notification shows. */
static void
on_focus_widget_last_cb (GtkWindow          *window,
                         GParamSpec         *pspec,
                         GtkEventController *controller)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  gboolean own_text = focus != NULL &&
                      (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)) &&
                      gtk_widget_get_ancestor (focus, ADW_TYPE_DIALOG) == NULL &&
                      gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL &&
                      gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) == NULL;

  gtk_event_controller_set_propagation_phase (controller, own_text ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE);
}

/**
 * rubric_shortcuts_add_single_keys:
 * @window: a window with the win.* actions
 *
 * Installs the single keys on @window. The interview's keys come before
 * the focused widget (so Space reveals even when a button has focus), and
 * are off while the focus takes text or is in a dialog or a menu; Space is
 * also off on a row of the evidence checklist, which it ticks; the others
 * come after it. A key whose action is disabled passes on.
 */
void
rubric_shortcuts_add_single_keys (GtkWindow *window)
{
  GtkEventController *first;
  GtkEventController *space;
  GtkEventController *last;

  g_return_if_fail (GTK_IS_WINDOW (window));

  first = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (first, "rubric-single-keys-first");
  space = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (space, "rubric-single-keys-space");
  last = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (last, "rubric-single-keys-last");
  gtk_event_controller_set_propagation_phase (last, GTK_PHASE_BUBBLE);

  for (guint i = 0; i < G_N_ELEMENTS (single_keys); i++)
    {
      guint key;
      GdkModifierType mods;

      GtkEventController *controller;

      if (!gtk_accelerator_parse (single_keys[i].accel, &key, &mods))
        g_assert_not_reached ();
      if (!single_keys[i].first)
        controller = last;
      else if (key == GDK_KEY_space && mods == 0)
        controller = space;
      else
        controller = first;
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            shortcut_new (key, mods, single_keys[i].action));
    }

  /* The keypad's digits rate too; the shortcuts dialog lists only the
   * main row's. */
  for (int i = 0; i <= RUBRIC_RATING_MAX; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.rate(%d)", i);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (first),
                                            shortcut_new (GDK_KEY_KP_0 + i, 0, action));
    }

  gtk_widget_add_controller (GTK_WIDGET (window), first);
  gtk_widget_add_controller (GTK_WIDGET (window), space);
  gtk_widget_add_controller (GTK_WIDGET (window), last);
  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (on_focus_widget_cb), first, 0);
  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (on_focus_widget_space_cb), space, 0);
  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (on_focus_widget_last_cb), last, 0);
  on_focus_widget_cb (window, NULL, first);
  on_focus_widget_space_cb (window, NULL, space);
  on_focus_widget_last_cb (window, NULL, last);
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
