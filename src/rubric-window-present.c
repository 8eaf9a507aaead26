/* rubric-window-present.c — the current question in a window of its own
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Present Question" (F5) opens a plain window with only the question
 * being asked (rubric-presentation-window.c), to share on a video call or
 * to put on a second display instead of the whole screen; screen-share
 * safe mode stays the guarantee for sharing the screen. F5 closes it
 * again, and it goes with the interview's window.
 */

#define G_LOG_DOMAIN "rubric-window"

#include "config.h"

#include "rubric-presentation-window.h"
#include "rubric-window-private.h"

static void
on_presentation_destroy_cb (RubricWindow *self)
{
  self->presentation = NULL;
  g_object_notify (G_OBJECT (self), "presenting");
}

/* The presentation counts the questions the pane shows. */
static void
on_show_all_questions_cb (RubricWindow             *self,
                          GParamSpec               *pspec,
                          RubricPresentationWindow *presentation)
{
  rubric_presentation_window_set_show_unplanned (presentation, self->show_all_questions);
}

/**
 * _rubric_window_get_presenting:
 *
 * Returns: whether the window for the candidate's eyes is open
 */
gboolean
_rubric_window_get_presenting (RubricWindow *self)
{
  return self->presentation != NULL;
}

/**
 * _rubric_window_set_presenting:
 *
 * Opens the window for the candidate's eyes on the interview's current
 * question, or closes it. Only an interview has one.
 */
void
_rubric_window_set_presenting (RubricWindow *self,
                               gboolean      presenting)
{
  RubricPresentationWindow *presentation;

  if (presenting == (self->presentation != NULL))
    return;

  if (!presenting)
    {
      /* Its destroy handler says it is gone. */
      gtk_window_destroy (self->presentation);
      return;
    }

  if (self->interview == NULL)
    return;

  presentation = rubric_presentation_window_new (self->interview);
  self->presentation = GTK_WINDOW (presentation);
  on_show_all_questions_cb (self, NULL, presentation);
  g_signal_connect_object (self, "notify::show-all-questions", G_CALLBACK (on_show_all_questions_cb),
                           presentation, 0);
  g_signal_connect_object (self->presentation, "destroy", G_CALLBACK (on_presentation_destroy_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (self->presentation);
  g_object_notify (G_OBJECT (self), "presenting");
}
