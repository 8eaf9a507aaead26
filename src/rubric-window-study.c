/* rubric-window-study.c — the kit as a study reference: the learner's grades
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While browsing the kit without a candidate, the learner grades
 * themselves ("Knew It", "Review Again"); the grades are the kit's study
 * progress, read when browsing starts and saved half a second after each
 * change (and when the window closes or the kit changes). The sidebar's
 * "Due Today" lists the questions the schedule brings back today, and J
 * and K walk only those while it is shown. A reset happens at once and
 * can be undone (win.undo-reset-study) from its notification.
 */

#define G_LOG_DOMAIN "rubric-window-study"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-toast.h"
#include "rubric-window-private.h"

gboolean
_rubric_window_save_progress_cb (gpointer user_data)
{
  RubricWindow *self = user_data;

  self->progress_save_id = 0;
  if (self->progress != NULL && rubric_study_progress_get_dirty (self->progress))
    rubric_study_progress_save_async (self->progress, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_progress_changed_cb (RubricWindow *self)
{
  _rubric_window_update_cards (self);

  g_clear_handle_id (&self->progress_save_id, g_source_remove);
  self->progress_save_id = g_timeout_add (500, _rubric_window_save_progress_cb, self);
}

static void
progress_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RubricWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricStudyProgress) progress = rubric_study_progress_load_finish (result, &error);

  if (progress == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: a notification; %s says why */
          g_autofree char *message = g_strdup_printf (_("Study progress could not be read: %s"), error->message);

          _rubric_window_toast (self, message);
        }
      return;
    }
  /* The kit may have changed since, and back: a kit removed and brought
   * back by Undo loads twice; only its own progress is the kit's. */
  if (self->session != NULL || self->progress != NULL || self->kit == NULL ||
      g_strcmp0 (rubric_study_progress_get_kit_id (progress), rubric_kit_get_id (self->kit)) != 0)
    return;

  self->progress = g_steal_pointer (&progress);
  for (const char * const *w = rubric_study_progress_get_warnings (self->progress); *w != NULL; w++)
    _rubric_window_toast (self, *w);
  g_signal_connect_object (self->progress, "changed", G_CALLBACK (on_progress_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rubric_sidebar_set_progress (self->sidebar, self->progress);
  rubric_question_pane_set_progress (self->question_pane, self->progress);
}

void
_rubric_window_on_pane_graded (RubricWindow       *self,
                               RubricQuestion     *question,
                               int                 grade,
                               RubricQuestionPane *pane)
{
  g_assert (RUBRIC_IS_WINDOW (self));

  if (self->progress == NULL || rubric_study_progress_get_read_only (self->progress))
    return;
  rubric_study_progress_set_grade (self->progress, rubric_question_get_id (question),
                                   (RubricStudyGrade) grade);
}

void
_rubric_window_load_progress (RubricWindow *self)
{
  rubric_study_progress_load_async (rubric_kit_get_id (self->kit), self->cancellable,
                                    progress_loaded_cb, g_object_ref (self));
}

/* The kit changes: its progress is saved now if it has changes, and goes. */
void
_rubric_window_drop_progress (RubricWindow *self)
{
  g_clear_pointer (&self->reset_snapshot, rubric_study_snapshot_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset-study", FALSE);
  _rubric_window_update_undo (self);
  if (self->progress == NULL)
    return;

  if (self->progress_save_id != 0)
    {
      g_clear_handle_id (&self->progress_save_id, g_source_remove);
      _rubric_window_save_progress_cb (self);
    }
  g_signal_handlers_disconnect_by_data (self->progress, self);
  g_clear_object (&self->progress);
  rubric_sidebar_set_progress (self->sidebar, NULL);
  rubric_question_pane_set_progress (self->question_pane, NULL);
}

/* Forgets every grade at once; the notification's Undo (or
 * win.undo-reset-study, or Ctrl+Z, until the kit changes or the next
 * reset) puts them back exactly. */
void
_rubric_window_reset_progress (RubricWindow *self)
{
  AdwToast *toast;

  if (self->progress == NULL)
    return;

  g_clear_pointer (&self->reset_snapshot, rubric_study_snapshot_free);
  self->reset_snapshot = rubric_study_progress_snapshot (self->progress);
  rubric_study_progress_reset (self->progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset-study", TRUE);
  _rubric_window_update_undo (self);

  toast = rubric_toast_new (_("Study progress reset"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-reset-study");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_rubric_window_undo_reset_progress (RubricWindow *self)
{
  g_autoptr(RubricStudySnapshot) snapshot = g_steal_pointer (&self->reset_snapshot);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-reset-study", FALSE);
  _rubric_window_update_undo (self);
  if (snapshot == NULL || self->progress == NULL)
    return;
  rubric_study_progress_restore (self->progress, snapshot);
}

/* Where a question is in the kit, to compare two. */
static void
kit_position (RubricKit      *kit,
              RubricQuestion *question,
              guint          *topic_index,
              guint          *question_index)
{
  RubricTopic *topic = rubric_question_get_topic (question);

  *topic_index = *question_index = 0;
  g_list_store_find (G_LIST_STORE (rubric_kit_get_topics (kit)), topic, topic_index);
  g_list_store_find (G_LIST_STORE (rubric_topic_get_questions (topic)), question, question_index);
}

static int
compare_positions (RubricKit      *kit,
                   RubricQuestion *a,
                   RubricQuestion *b)
{
  guint a_topic, a_question, b_topic, b_question;

  kit_position (kit, a, &a_topic, &a_question);
  kit_position (kit, b, &b_topic, &b_question);
  if (a_topic != b_topic)
    return a_topic < b_topic ? -1 : 1;
  if (a_question != b_question)
    return a_question < b_question ? -1 : 1;
  return 0;
}

/**
 * _rubric_window_move_due:
 * @delta: 1 for the next question due today, -1 for the previous one
 *
 * While the sidebar lists the questions due today, J and K walk only
 * those, in the kit's order, from where the current question is in the
 * kit (which may no longer be due, once graded).
 *
 * Returns: whether J and K are walking the due questions (even if there
 *   was none further to go to)
 */
gboolean
_rubric_window_move_due (RubricWindow *self,
                         int           delta)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) due = NULL;
  RubricQuestion *current;
  RubricQuestion *target = NULL;
  RubricQuestionCard *card;
  gboolean show_review = FALSE;

  g_object_get (self->sidebar, "show-review", &show_review, NULL);
  if (!show_review || self->progress == NULL || self->session != NULL || self->kit == NULL)
    return FALSE;

  now = g_date_time_new_now_local ();
  due = rubric_study_progress_list_due (self->progress, self->kit, now);
  current = rubric_question_pane_get_current_question (self->question_pane);
  for (guint i = 0; i < due->len; i++)
    {
      RubricQuestion *question = g_ptr_array_index (due, delta > 0 ? i : due->len - 1 - i);
      int order = current != NULL ? compare_positions (self->kit, question, current) : delta;

      if ((delta > 0 && order > 0) || (delta < 0 && order < 0))
        {
          target = question;
          break;
        }
    }

  if (target == NULL)
    {
      _rubric_window_toast (self, delta > 0 ? _("This is the last question due today")
                                            : _("This is the first question due today"));
      return TRUE;
    }

  card = _rubric_window_current_card (self);
  if (card != NULL)
    rubric_question_card_set_revealed (card, FALSE);
  _rubric_window_show_question (self, target, FALSE);
  return TRUE;
}
