/* rubric-window-study.c — the kit as a study reference: the learner's grades
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While browsing the kit without a candidate, the learner grades
 * themselves ("Knew It", "Review Again"); the grades are the kit's study
 * progress, read when browsing starts and saved half a second after each
 * change (and when the window closes or the kit changes).
 */

#define G_LOG_DOMAIN "rubric-window-study"

#include "config.h"

#include <glib/gi18n.h>

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
