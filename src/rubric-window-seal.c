/* rubric-window-seal.c — a sealed scorecard in the window
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sealing freezes what an interview scores for the panel (docs/seal.md):
 * the window asks first, then shows the scorecard read-only under a banner
 * that says since when, and offers to unseal it. A seal that no longer
 * matches (the file was edited by hand) has a banner of its own, saying
 * where; Rubric never seals again by itself. Unsealing asks too: it leaves
 * a trace in every export. The private notes are outside the seal and stay
 * editable.
 */

#define G_LOG_DOMAIN "rubric-window-seal"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-window-private.h"

/* "6 December 2026 at 10:00", in the user's time zone. */
static char *
format_when (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: when a scorecard was sealed, in the window's banner: a
   * date and time in the format of g_date_time_format() — %-d the day,
   * %B the month's name, %Y the year, %H:%M the time */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

/**
 * _rubric_window_update_seal:
 *
 * The banner of a sealed scorecard, or of one changed after it was
 * sealed; none otherwise.
 */
void
_rubric_window_update_seal (RubricWindow *self)
{
  RubricSealState state = self->session != NULL ? rubric_session_get_seal_state (self->session) : RUBRIC_SEAL_NONE;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  if (state != RUBRIC_SEAL_NONE)
    when = format_when (rubric_session_get_sealed_at (self->session));

  if (state == RUBRIC_SEAL_VALID)
    /* Translators: a banner over a sealed interview; %s is when it was
     * sealed, such as “6 December 2026 at 10:00” */
    title = g_strdup_printf (_("Sealed on %s — the panel sees this scorecard"), when);
  else if (state == RUBRIC_SEAL_BROKEN)
    {
      g_autofree char *where = rubric_session_dup_seal_mismatch (self->session);

      /* Translators: a banner over a sealed interview whose file was
       * edited afterwards; the first %s is when it was sealed, the second
       * where the file changed, such as “$.recommendation” */
      title = g_strdup_printf (_("Changed after it was sealed on %s (%s)"), when, where);
    }

  if (title != NULL)
    adw_banner_set_title (self->seal_banner, title);
  rubric_a11y_show_banner (self->seal_banner, title != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.seal",
                                 self->session != NULL && rubric_session_get_editable (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unseal",
                                 state != RUBRIC_SEAL_NONE && !rubric_session_get_read_only (self->session));
}

/* ------------------------------------------------------------------ sealing */

static void
seal_response_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  RubricWindow   *self)
{
  g_assert (RUBRIC_IS_WINDOW (self));

  if (!g_str_equal (response, "seal") || self->session == NULL || !rubric_session_get_editable (self->session))
    return;

  /* A change like any other: the autosave writes it; the banner shows
   * it, and a screen reader says it. */
  rubric_session_seal (self->session);
  if (rubric_session_get_seal_state (self->session) == RUBRIC_SEAL_VALID)
    /* Translators: what a screen reader says once the scorecard is sealed */
    rubric_a11y_announce (GTK_WIDGET (self), _("Scorecard sealed"));
}

/* Seal and Unseal both ask first: HEADING and BODY, Cancel, and a button
 * LABEL that answers RESPONSE; Return answers DEFAULT_RESPONSE. */
static void
ask (RubricWindow          *self,
     const char            *heading,
     const char            *body,
     const char            *response,
     const char            *label,
     AdwResponseAppearance  appearance,
     const char            *default_response,
     GCallback              callback)
{
  AdwDialog *dialog;

  /* The key pressed again while the question is open asks nothing more. */
  if (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self)) != NULL)
    return;

  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), response, label, NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), response, appearance);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), default_response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", callback, self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* A confirmation, not an undo: undoing a seal would be an unseal, which
 * every export then reports. Return seals: the key was pressed on purpose. */
static void
seal_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);

  if (self->session == NULL || !rubric_session_get_editable (self->session))
    return;

  ask (self, _("Seal the Scorecard?"),
       _("The panel will see it, and you can no longer change it without unsealing. Your private notes stay yours to edit."),
       /* Translators: the button of the alert that seals a scorecard */
       "seal", _("_Seal"), ADW_RESPONSE_SUGGESTED, "seal", G_CALLBACK (seal_response_cb));
}

/* ---------------------------------------------------------------- unsealing */

static void
unseal_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    RubricWindow   *self)
{
  g_assert (RUBRIC_IS_WINDOW (self));

  if (!g_str_equal (response, "unseal") || self->session == NULL ||
      rubric_session_get_sealed_at (self->session) == NULL)
    return;

  rubric_session_unseal (self->session);
}

static void
unseal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  const char *body;

  if (self->session == NULL || rubric_session_get_sealed_at (self->session) == NULL ||
      rubric_session_get_read_only (self->session))
    return;

  if (rubric_session_get_seal_state (self->session) == RUBRIC_SEAL_BROKEN)
    body = _("The changes made to the file since it was sealed are kept. The old seal stays in the scorecard’s history, and every exported summary will say the scorecard was edited after sealing.");
  else
    body = _("The old seal stays in the scorecard’s history, and every exported summary will say the scorecard was edited after sealing.");

  ask (self, _("Unseal the Scorecard?"), body,
       /* Translators: the button of the alert that unseals a scorecard */
       "unseal", _("_Unseal"), ADW_RESPONSE_DESTRUCTIVE, "cancel", G_CALLBACK (unseal_response_cb));
}

void
_rubric_window_class_seal_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.seal", NULL, seal_action);
  gtk_widget_class_install_action (widget_class, "win.unseal", NULL, unseal_action);
}
