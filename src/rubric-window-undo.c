/* rubric-window-undo.c — Undo in an interview: win.undo and its toasts
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rating, skip, tick and recommendation can be undone with Ctrl+Z
 * (win.undo), step by step, whether a key, the slider or a click made it
 * (RubricUndo, in the core, keeps the steps). Only the changes that are
 * easy to make by mistake and hard to see get a toast with Undo: a skip,
 * which greys the question's rating, and the recommendation. A toast for
 * every rating or tick would flicker over the interview at each key; the
 * slider and the checklist already show those, and Ctrl+Z takes them back.
 * In a text field Ctrl+Z is the field's own (rubric-shortcuts.c).
 */

#define G_LOG_DOMAIN "rubric-window-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-toast.h"
#include "rubric-window-private.h"

static void
dismiss_undo_toast (RubricWindow *self)
{
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
}

static void
on_undo_toast_dismissed_cb (RubricWindow *self,
                            AdwToast     *toast)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

/* A toast's Undo takes back the step on top: the toast of an older step
 * goes as soon as another one is made. */
static void
on_step_added_cb (RubricWindow   *self,
                  RubricUndoKind  kind,
                  RubricUndo     *undo)
{
  const char *text;
  AdwToast *toast;

  dismiss_undo_toast (self);

  if (kind == RUBRIC_UNDO_SKIP)
    /* Translators: a notification with an Undo button, after the
     * interviewer marked the question skipped */
    text = _("Question skipped");
  else if (kind == RUBRIC_UNDO_RECOMMEND)
    /* Translators: a notification with an Undo button, after the
     * interviewer changed the hiring recommendation */
    text = _("Recommendation changed");
  else
    return;

  toast = rubric_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Ctrl+Z takes back the interview's last change, or else, in study, a
 * reset of the study progress. */
void
_rubric_window_update_undo (RubricWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 (self->undo != NULL && rubric_undo_get_can_undo (self->undo)) ||
                                 self->reset_snapshot != NULL);
}

/* Ctrl+Z, or a toast's Undo: the last step back, on the question it was
 * on, so that the interviewer sees what came back. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricWindow *self = RUBRIC_WINDOW (widget);
  g_autofree char *question_id = NULL;
  RubricQuestionCard *card;
  RubricQuestion *question;

  g_assert (RUBRIC_IS_WINDOW (self));

  if (self->undo == NULL || !rubric_undo_get_can_undo (self->undo))
    {
      if (self->reset_snapshot != NULL)
        _rubric_window_undo_reset_progress (self);
      return;
    }

  dismiss_undo_toast (self);
  if (rubric_undo_undo (self->undo, &question_id) == RUBRIC_UNDO_NONE || question_id == NULL)
    return;

  card = _rubric_window_current_card (self);
  question = self->kit != NULL ? rubric_kit_lookup_question (self->kit, question_id) : NULL;
  if (question != NULL && (card == NULL || rubric_question_card_get_question (card) != question))
    _rubric_window_show_question (self, question, FALSE);
}

/* The interview's scoring changes are kept from now on. */
void
_rubric_window_watch_undo (RubricWindow *self)
{
  g_assert (self->undo == NULL);

  self->undo = rubric_undo_new (self->session);
  g_signal_connect_object (self->undo, "step-added", G_CALLBACK (on_step_added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (_rubric_window_update_undo), self, G_CONNECT_SWAPPED);
  _rubric_window_update_undo (self);
}

/* One user action, one step: a rating that also clears the skipped mark
 * comes back whole. */
void
_rubric_window_begin_step (RubricWindow   *self,
                           RubricUndoKind  kind)
{
  if (self->undo != NULL)
    rubric_undo_begin (self->undo, kind);
}

void
_rubric_window_end_step (RubricWindow *self)
{
  if (self->undo != NULL)
    rubric_undo_end (self->undo);
}

void
_rubric_window_class_undo_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
}
