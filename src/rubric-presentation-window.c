/* rubric-presentation-window.c — the current question, for the candidate's eyes
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain window to share on a video call or to put on a second display:
 * the prompt of the question the interviewer has current, large, with its
 * topic and its place in the topic ("Question 2 of 3", counted as the
 * question pane counts: a planned interview's planned questions, or all of
 * them with "Show All Questions"). Nothing else of the interview ever
 * reaches it — no answer, key point, red flag, rating or note: it reads
 * the interview's current question and its prompt, and nothing more. It
 * follows the interviewer live. F5 and Escape close it.
 */

#define G_LOG_DOMAIN "rubric-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-presentation-window.h"
#include "rubric-wrap.h"

struct _RubricPresentationWindow
{
  AdwWindow parent_instance;

  RubricInterview *interview;
  gboolean show_unplanned;

  /* template widgets */
  GtkStack *stack;
  GtkLabel *topic_label;
  GtkLabel *position_label;
  GtkLabel *prompt_label;
};

G_DEFINE_FINAL_TYPE (RubricPresentationWindow, rubric_presentation_window, ADW_TYPE_WINDOW)

/* Whether the question pane shows @question: every question without a
 * plan, or with "Show All Questions"; the plan's otherwise. */
static gboolean
counts (RubricPresentationWindow *self,
        RubricQuestion           *question)
{
  return self->show_unplanned ||
         rubric_session_is_planned (rubric_interview_get_session (self->interview),
                                    rubric_question_get_id (question));
}

static void
update (RubricPresentationWindow *self)
{
  RubricQuestion *current = rubric_interview_get_current_question (self->interview);
  RubricTopic *topic;
  GListModel *questions;
  guint position = 0;
  guint n = 0;
  g_autofree char *text = NULL;

  if (current == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  topic = rubric_question_get_topic (current);
  questions = rubric_topic_get_questions (topic);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
      gboolean is_current = g_str_equal (rubric_question_get_id (question), rubric_question_get_id (current));

      /* The current question counts even where the pane would not show
       * it, so that the place is never "3 of 2". */
      if (!is_current && !counts (self, question))
        continue;
      n++;
      if (is_current)
        position = n;
    }

  /* Text from the kit is never markup. */
  gtk_label_set_text (self->topic_label, rubric_topic_get_title (topic));
  gtk_label_set_text (self->prompt_label, rubric_question_get_prompt (current));
  /* Translators: the place of the question shown to the candidate in its
   * topic, such as “Question 2 of 3” */
  text = g_strdup_printf (_("Question %u of %u"), position, n);
  gtk_label_set_text (self->position_label, text);
  gtk_stack_set_visible_child_name (self->stack, "question");
}

static void
rubric_presentation_window_dispose (GObject *object)
{
  RubricPresentationWindow *self = RUBRIC_PRESENTATION_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_PRESENTATION_WINDOW);
  g_clear_object (&self->interview);

  G_OBJECT_CLASS (rubric_presentation_window_parent_class)->dispose (object);
}

static void
rubric_presentation_window_class_init (RubricPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_presentation_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricPresentationWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RubricPresentationWindow, topic_label);
  gtk_widget_class_bind_template_child (widget_class, RubricPresentationWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, RubricPresentationWindow, prompt_label);

  /* F5 presented it from the interview's window; here F5, like Escape,
   * puts it away. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The prompt's size follows the window's: smaller where the window is
 * narrow (a phone-sized second screen, a call's thumbnail), larger on a
 * wide display across a room. */
static void
on_breakpoint_cb (RubricPresentationWindow *self)
{
  AdwBreakpoint *current = adw_window_get_current_breakpoint (ADW_WINDOW (self));
  const char *css_class = current != NULL ? g_object_get_data (G_OBJECT (current), "rubric-css-class") : NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "wide");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), css_class);
}

static void
add_size_breakpoint (RubricPresentationWindow *self,
                     const char               *condition,
                     const char               *css_class)
{
  AdwBreakpoint *breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse (condition));

  g_object_set_data (G_OBJECT (breakpoint), "rubric-css-class", (gpointer) css_class);
  adw_window_add_breakpoint (ADW_WINDOW (self), breakpoint);
}

static void
rubric_presentation_window_init (RubricPresentationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  add_size_breakpoint (self, "max-width: 600sp", "narrow");
  add_size_breakpoint (self, "min-width: 1400sp", "wide");
  g_signal_connect (self, "notify::current-breakpoint", G_CALLBACK (on_breakpoint_cb), NULL);
}

/**
 * rubric_presentation_window_new:
 * @interview: the interview whose current question to show
 *
 * Returns: (transfer none): a new window, not yet shown
 */
RubricPresentationWindow *
rubric_presentation_window_new (RubricInterview *interview)
{
  RubricPresentationWindow *self;

  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (interview), NULL);

  self = g_object_new (RUBRIC_TYPE_PRESENTATION_WINDOW, NULL);
  self->interview = g_object_ref (interview);
  g_signal_connect_object (interview, "notify::current-question", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}

RubricInterview *
rubric_presentation_window_get_interview (RubricPresentationWindow *self)
{
  g_return_val_if_fail (RUBRIC_IS_PRESENTATION_WINDOW (self), NULL);
  return self->interview;
}

/**
 * rubric_presentation_window_set_show_unplanned:
 *
 * Whether the questions a plan leaves out count too, as they do in the
 * question pane with "Show All Questions".
 */
void
rubric_presentation_window_set_show_unplanned (RubricPresentationWindow *self,
                                               gboolean                  show_unplanned)
{
  g_return_if_fail (RUBRIC_IS_PRESENTATION_WINDOW (self));

  self->show_unplanned = !!show_unplanned;
  update (self);
}
