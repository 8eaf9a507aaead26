/* rubric-window-plan.c — a planned interview in the window: the plan's
 * topics in its order, the pacing line, each topic's time, the reminders
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-window-private.h"

/**
 * _rubric_window_dup_topic_order:
 * @n_topics: (out): how many
 *
 * Returns: (transfer full): the kit's topics in the order the interview
 *   goes: the plan's, then — with "Show All Questions", or without a plan —
 *   the others
 */
guint *
_rubric_window_dup_topic_order (RubricWindow *self,
                                guint        *n_topics)
{
  RubricPlan *plan = self->session != NULL ? rubric_session_get_plan (self->session) : NULL;

  *n_topics = 0;
  if (self->kit == NULL)
    return NULL;
  return rubric_plan_dup_topic_order (plan, self->kit, self->show_all_questions, n_topics);
}

/**
 * _rubric_window_step_topic:
 * @index: a topic's place in the kit
 * @delta: 1 for the next topic, -1 for the previous one
 * @out: (out): the place in the kit of the topic there
 *
 * Returns: whether there is a topic there, in the interview's order
 */
gboolean
_rubric_window_step_topic (RubricWindow *self,
                           guint         index,
                           int           delta,
                           guint        *out)
{
  g_autofree guint *order = NULL;
  guint n = 0;

  order = _rubric_window_dup_topic_order (self, &n);
  for (guint i = 0; i < n; i++)
    if (order[i] == index)
      {
        int there = (int) i + delta;

        if (there < 0 || there >= (int) n)
          return FALSE;
        *out = order[there];
        return TRUE;
      }
  return FALSE;
}

/**
 * _rubric_window_first_topic:
 *
 * Returns: the place in the kit of the interview's first topic
 */
guint
_rubric_window_first_topic (RubricWindow *self)
{
  g_autofree guint *order = NULL;
  guint n = 0;

  order = _rubric_window_dup_topic_order (self, &n);
  return n > 0 ? order[0] : 0;
}

/* ---------------------------------------------------------------- pacing */

static gboolean
show_pacing (RubricWindow *self)
{
  return self->interview != NULL && rubric_interview_get_plan (self->interview) != NULL &&
         g_settings_get_boolean (self->settings, "show-pacing");
}

/**
 * _rubric_window_update_pacing:
 * @all_topics: whether every topic row is redone, or only the current
 *   question's (the only one whose time runs)
 *
 * The pacing line under the header, and the topic rows' times.
 */
void
_rubric_window_update_pacing (RubricWindow *self,
                              gboolean      all_topics)
{
  RubricPacing pacing;
  g_autofree char *text = NULL;
  gboolean shown = show_pacing (self);

  gtk_widget_set_visible (GTK_WIDGET (self->pacing_label), shown);
  if (all_topics || !shown)
    rubric_sidebar_update_pacing (self->sidebar, shown ? self->interview : NULL, NULL);
  if (!shown || !rubric_interview_get_pacing (self->interview, &pacing))
    return;

  if (!all_topics)
    {
      RubricQuestion *question = rubric_interview_get_current_question (self->interview);

      if (question != NULL)
        rubric_sidebar_update_pacing (self->sidebar, self->interview,
                                      rubric_topic_get_id (rubric_question_get_topic (question)));
    }

  text = rubric_pacing_to_string (&pacing);
  if (g_strcmp0 (gtk_label_get_text (self->pacing_label), text) != 0)
    gtk_label_set_text (self->pacing_label, text);
  /* Amber when behind; the words say it too. */
  if (pacing.pace == RUBRIC_PACE_BEHIND)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->pacing_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->pacing_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->pacing_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->pacing_label), "dim-label");
    }
}

static void
on_interview_nudge_cb (RubricWindow    *self,
                       const char      *message,
                       RubricInterview *interview)
{
  if (g_settings_get_boolean (self->settings, "pacing-reminders"))
    _rubric_window_toast (self, message);
}

static void
on_pacing_settings_changed_cb (RubricWindow *self)
{
  _rubric_window_update_pacing (self, TRUE);
  _rubric_window_update_title (self);
}

/**
 * _rubric_window_watch_plan:
 *
 * Follows the interview's plan: its reminders, and the pacing settings.
 */
void
_rubric_window_watch_plan (RubricWindow *self)
{
  g_signal_connect_object (self->interview, "nudge", G_CALLBACK (on_interview_nudge_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-pacing",
                           G_CALLBACK (on_pacing_settings_changed_cb), self, G_CONNECT_SWAPPED);
  rubric_question_pane_set_show_unplanned (self->question_pane, self->show_all_questions);
  if (self->candidate_panel != NULL)
    rubric_candidate_panel_set_show_unplanned (self->candidate_panel, self->show_all_questions);
}

/* ------------------------------------------------- "Show All Questions" */

/**
 * _rubric_window_set_show_all_questions:
 *
 * Lists the questions the plan leaves out too, after its own, for an
 * unplanned question; or only the plan's again, back at its first topic
 * when the one shown is not in it.
 */
void
_rubric_window_set_show_all_questions (RubricWindow *self,
                                       gboolean      show_all)
{
  RubricQuestion *question;
  guint topic;

  show_all = !!show_all;
  if (self->show_all_questions == show_all)
    return;
  self->show_all_questions = show_all;

  rubric_question_pane_set_show_unplanned (self->question_pane, show_all);
  if (self->candidate_panel != NULL)
    rubric_candidate_panel_set_show_unplanned (self->candidate_panel, show_all);
  g_object_set (self->sidebar, "show-unplanned", show_all, NULL);

  if (self->session == NULL || self->kit == NULL)
    return;

  /* The same question stays in front when it can. */
  question = rubric_question_pane_get_current_question (self->question_pane);
  topic = rubric_question_pane_get_topic_index (self->question_pane);
  if (question != NULL && rubric_session_is_planned (self->session, rubric_question_get_id (question)))
    {
      g_autoptr(RubricQuestion) kept = g_object_ref (question);

      rubric_window_show_topic (self, topic);
      rubric_question_pane_show_question (self->question_pane, kept);
    }
  else if (show_all || _rubric_window_step_topic (self, topic, 0, &topic))
    rubric_window_show_topic (self, topic);
  else
    rubric_window_show_topic (self, _rubric_window_first_topic (self));
  _rubric_window_update_pacing (self, TRUE);
}
