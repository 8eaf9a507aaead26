/* rubric-topic-row.c — a topic in the sidebar, with its progress and score
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-topic-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-scores.h"
#include "rubric-topic-row.h"

struct _RubricTopicRow
{
  GtkBox parent_instance;

  RubricTopic *topic;
  GtkListItem *list_item;   /* in a list view: the item that holds the row */
  guint n_updates;          /* how often it redid itself, for the tests */

  GtkLabel *title_label;
  GtkLabel *progress_label;
  GtkLabel *pacing_label;
  GtkLabel *score_label;
};

G_DEFINE_FINAL_TYPE (RubricTopicRow, rubric_topic_row, GTK_TYPE_BOX)

/* Each count has its own plural message; only the list is put together. */
static char *
join_counts (const char *first,
             const char *second)
{
  /* Translators: two counts of a topic's progress in the sidebar, such as
   * "2 of 3 rated" and "1 skipped", or "2 due" and "3 new" */
  return g_strdup_printf (C_("topic progress", "%s, %s"), first, second);
}

/* The topic's questions the interview asks: the plan's, and any other one
 * rated or skipped (an unplanned question); every one without a plan. */
static guint
count_questions (RubricTopic   *topic,
                 RubricSession *session)
{
  GListModel *questions = rubric_topic_get_questions (topic);
  guint n = 0;

  if (session == NULL || rubric_session_get_plan (session) == NULL)
    return g_list_model_get_n_items (questions);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
      const char *id = rubric_question_get_id (question);
      RubricAnswer *answer = rubric_session_lookup_answer (session, id);

      if (rubric_session_is_planned (session, id) ||
          (answer != NULL && (rubric_answer_get_rating (answer) != RUBRIC_RATING_NONE || rubric_answer_get_skipped (answer))))
        n++;
    }
  return n;
}

/* What screen readers say for the row: in a list view, its item says it
 * (the item, not the row inside it, is what they move through). */
static void
set_accessible_label (RubricTopicRow *self,
                      const char     *label)
{
  if (self->list_item != NULL)
    gtk_list_item_set_accessible_label (self->list_item, label);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_accessible_description (RubricTopicRow *self,
                            const char     *description)
{
  if (self->list_item != NULL)
    gtk_list_item_set_accessible_description (self->list_item, description != NULL ? description : "");
  else if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
rubric_topic_row_dispose (GObject *object)
{
  RubricTopicRow *self = RUBRIC_TOPIC_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_TOPIC_ROW);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (rubric_topic_row_parent_class)->dispose (object);
}

static void
rubric_topic_row_class_init (RubricTopicRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_topic_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-topic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricTopicRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RubricTopicRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RubricTopicRow, pacing_label);
  gtk_widget_class_bind_template_child (widget_class, RubricTopicRow, score_label);
}

static void
rubric_topic_row_init (RubricTopicRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rubric_topic_row_new (RubricTopic *topic,
                      guint        number)
{
  RubricTopicRow *self;

  g_return_val_if_fail (RUBRIC_IS_TOPIC (topic), NULL);

  self = g_object_new (RUBRIC_TYPE_TOPIC_ROW, NULL);
  rubric_topic_row_set_topic (self, topic, number);
  rubric_topic_row_update (self, NULL);

  return GTK_WIDGET (self);
}

/**
 * rubric_topic_row_set_list_item:
 * @item: (nullable) (transfer none): the list view's item the row is the
 *   child of, which then carries the row's accessible name
 *
 * A list view's factory makes a row once and shows one topic after
 * another on it (see rubric_topic_row_set_topic()).
 */
void
rubric_topic_row_set_list_item (RubricTopicRow *self,
                                GtkListItem    *item)
{
  g_return_if_fail (RUBRIC_IS_TOPIC_ROW (self));
  self->list_item = item;
}

/**
 * rubric_topic_row_set_topic:
 * @number: the topic's place in the list, from 1
 *
 * The topic the row shows from now on; its progress is shown by the next
 * rubric_topic_row_update() or rubric_topic_row_update_study().
 */
void
rubric_topic_row_set_topic (RubricTopicRow *self,
                            RubricTopic    *topic,
                            guint           number)
{
  g_autofree char *title = NULL;

  g_return_if_fail (RUBRIC_IS_TOPIC_ROW (self));
  g_return_if_fail (RUBRIC_IS_TOPIC (topic));

  g_set_object (&self->topic, topic);
  /* Translators: a topic's number and title in the sidebar, e.g. "3. Middleware" */
  title = g_strdup_printf (_("%u. %s"), number, rubric_topic_get_title (topic));
  gtk_label_set_text (self->title_label, title);
}

RubricTopic *
rubric_topic_row_get_topic (RubricTopicRow *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC_ROW (self), NULL);
  return self->topic;
}

/**
 * rubric_topic_row_update:
 * @session: (nullable): the interview, or %NULL when studying
 *
 * Shows the topic's progress ("2 of 3 rated") and, once something is
 * rated, its score.
 */
void
rubric_topic_row_update (RubricTopicRow *self,
                         RubricSession  *session)
{
  guint n_questions;
  g_autofree char *progress = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (RUBRIC_IS_TOPIC_ROW (self));

  self->n_updates++;

  n_questions = count_questions (self->topic, session);

  if (session == NULL)
    {
      /* Translators: how many questions a topic has */
      progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n_questions),
                                  n_questions);
      gtk_widget_set_visible (GTK_WIDGET (self->score_label), FALSE);
    }
  else
    {
      RubricTopicScore score;

      rubric_scores_for_topic (session, self->topic, &score);
      /* Translators: progress of a topic in the sidebar, e.g. "2 of 3 rated":
       * the first %u is how many questions are rated, and picks the plural
       * form; the second is how many questions the topic has */
      progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u rated", "%u of %u rated", score.rated),
                                  score.rated, n_questions);
      if (score.skipped > 0)
        {
          g_autofree char *rated = g_steal_pointer (&progress);
          /* Translators: how many questions of a topic were skipped, e.g. "1 skipped" */
          g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", score.skipped),
                                                      score.skipped);

          progress = join_counts (rated, skipped);
        }

      gtk_widget_set_visible (GTK_WIDGET (self->score_label), score.has_score);
      if (score.has_score)
        {
          g_autofree char *text = g_strdup_printf ("%.1f", score.score);

          gtk_label_set_text (self->score_label, text);
          /* Translators: what screen readers say for a topic in the sidebar:
           * its number and title ("3. Middleware"), its progress ("2 of 3
           * rated") and its score, e.g. "3. Middleware, 2 of 3 rated, score 3.5 of 5" */
          accessible = g_strdup_printf (_("%s, %s, score %.1f of 5"),
                                        gtk_label_get_text (self->title_label), progress, score.score);
        }
    }

  gtk_label_set_text (self->progress_label, progress);
  if (accessible == NULL)
    accessible = g_strdup_printf ("%s, %s", gtk_label_get_text (self->title_label), progress);
  set_accessible_label (self, accessible);
}

/**
 * rubric_topic_row_update_study:
 * @progress: (nullable): the learner's self-grading, once loaded
 *
 * While studying, the row says how many of the topic's questions are due
 * for review today and how many are new.
 */
void
rubric_topic_row_update_study (RubricTopicRow      *self,
                               RubricStudyProgress *progress)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  guint due = 0, fresh = 0, later = 0;

  g_return_if_fail (RUBRIC_IS_TOPIC_ROW (self));

  if (progress == NULL)
    {
      rubric_topic_row_update (self, NULL);
      return;
    }

  now = g_date_time_new_now_local ();
  rubric_study_progress_count_due_topic (progress, self->topic, now, &due, &fresh, &later);
  if (due == 0 && later == 0)
    {
      /* Translators: a topic nobody has graded themselves on yet */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", fresh), fresh);
    }
  else if (due > 0)
    {
      /* Translators: study progress of a topic: how many of its questions
       * are due for review today, e.g. "2 due" */
      g_autofree char *due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due", "%u due", due), due);
      /* Translators: study progress of a topic: how many of its questions
       * were never graded, e.g. "3 new" */
      g_autofree char *new_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", fresh), fresh);

      text = fresh > 0 ? join_counts (due_text, new_text) : g_steal_pointer (&due_text);
    }
  else
    {
      /* Translators: study progress of a topic with nothing due today,
       * e.g. "2 of 3 known": the first %u is how many questions are
       * scheduled for a later day, and picks the plural form; the second
       * is how many questions the topic has */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u known", "%u of %u known", later),
                              later, later + fresh);
    }

  gtk_label_set_text (self->progress_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->score_label), FALSE);
  accessible = g_strdup_printf ("%s, %s", gtk_label_get_text (self->title_label), text);
  set_accessible_label (self, accessible);
}

/**
 * rubric_topic_row_get_n_updates:
 *
 * Returns: how many times the row has shown a session's state: the tests
 *   check that a change to one answer redoes only its topic's row
 */
guint
rubric_topic_row_get_n_updates (RubricTopicRow *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC_ROW (self), 0);
  return self->n_updates;
}

/**
 * rubric_topic_row_set_pacing:
 * @pacing: (nullable): the topic's budget and time so far in a planned
 *   interview, or %NULL to show none
 *
 * "3 of 6 min"; over the budget the text says by how much ("8 of 6 min,
 * over by 2 min") and turns amber, far over red.
 */
void
rubric_topic_row_set_pacing (RubricTopicRow          *self,
                             const RubricPacingTopic *pacing)
{
  g_autofree char *text = NULL;
  RubricTopicPace pace;

  g_return_if_fail (RUBRIC_IS_TOPIC_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->pacing_label), pacing != NULL);
  if (pacing == NULL)
    {
      gtk_label_set_text (self->pacing_label, "");
      set_accessible_description (self, NULL);
      return;
    }

  text = rubric_pacing_topic_to_string (pacing);
  pace = rubric_pacing_topic_pace (pacing);
  if (g_strcmp0 (gtk_label_get_text (self->pacing_label), text) != 0)
    {
      gtk_label_set_text (self->pacing_label, text);
      /* The row's name is its title and progress; its time is said after */
      set_accessible_description (self, text);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->pacing_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->pacing_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->pacing_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->pacing_label),
                            pace == RUBRIC_TOPIC_PACE_FAR_OVER ? "error" :
                            pace == RUBRIC_TOPIC_PACE_OVER ? "warning" : "dim-label");
}

/**
 * rubric_topic_row_get_pacing_text:
 *
 * Returns: (nullable): what the row says of its topic's time, or %NULL
 *   when it shows none
 */
const char *
rubric_topic_row_get_pacing_text (RubricTopicRow *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->pacing_label)))
    return NULL;
  return gtk_label_get_text (self->pacing_label);
}
