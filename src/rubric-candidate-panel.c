/* rubric-candidate-panel.c — the candidate, ratings, notes and verdict
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A topic's rating rows outlive its showing (RubricTopicPages): those of
 * the last few topics shown or prepared are kept, bound to their answers
 * all along, so going back to a topic only puts its rows back, and the
 * window has the next topic's rows built in idle time
 * (rubric_candidate_panel_prepare_topic()).
 */

#define G_LOG_DOMAIN "rubric-candidate-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-candidate-panel.h"
#include "rubric-list-group.h"
#include "rubric-notes-view.h"
#include "rubric-rating-row.h"
#include "rubric-scores.h"
#include "rubric-topic-pages.h"
#include "rubric-wrap.h"

/* Topics whose rating rows are kept: the one shown, the one before, the next. */
#define MAX_PAGES 3

struct _RubricCandidatePanel
{
  AdwBin parent_instance;

  RubricSession *session;
  RubricKit *kit;
  RubricTopic *topic;
  GPtrArray *bindings;
  GHashTable *topic_buffers;   /* topic id → its notes, each with its own undo */
  gboolean show_unplanned;
  RubricTopicPages *pages;     /* the rating rows of the topics kept */
  RubricTopicPage *page;       /* the topic shown's, or NULL */

  AdwPreferencesGroup *topic_group;
  GtkBox *ratings_box;
  GtkTextView *topic_notes_view;
  GtkLabel *topic_score_label;
  GtkLabel *overall_score_label;
  AdwToggleGroup *recommendation_group;
  GtkTextView *summary_view;
  RubricListGroup *strengths_group;
  RubricListGroup *concerns_group;
  GtkTextView *private_notes_view;
  GtkWidget *private_notes_scroller;
  GtkWidget *private_notes_hidden;
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *interviewer_row;
  AdwEntryRow *date_row;
};

G_DEFINE_FINAL_TYPE (RubricCandidatePanel, rubric_candidate_panel, ADW_TYPE_BIN)

/* Shows the model's text without writing it back, and only when it
 * differs: setting it moves the cursor. */
static void
show_text (RubricCandidatePanel *self,
           GtkTextBuffer        *buffer,
           const char           *text)
{
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, text) == 0)
    return;

  g_signal_handlers_block_matched (buffer, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_text_buffer_set_text (buffer, text, -1);
  g_signal_handlers_unblock_matched (buffer, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static const char *
recommendation_nick (RubricRecommendation recommendation)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (RUBRIC_TYPE_RECOMMENDATION);

  return g_enum_get_value (enum_class, recommendation)->value_nick;
}

static void
update_scores (RubricCandidatePanel *self)
{
  g_autofree char *topic_text = NULL;
  g_autofree char *overall_text = NULL;
  double overall;

  if (self->session == NULL)
    return;

  if (self->topic != NULL)
    {
      RubricTopicScore score;

      rubric_scores_for_topic (self->session, self->topic, &score);
      /* Translators: the score of a topic in the candidate panel when none of
       * its questions is rated yet */
      topic_text = score.has_score ? g_strdup_printf ("%.1f", score.score) : g_strdup (_("Not rated"));
    }

  if (self->kit != NULL && rubric_scores_overall (self->session, self->kit, &overall))
    overall_text = g_strdup_printf ("%.1f", overall);
  else
    overall_text = g_strdup (_("Not rated"));

  gtk_label_set_text (self->topic_score_label, topic_text != NULL ? topic_text : "");
  gtk_label_set_text (self->overall_score_label, overall_text);
}

/* The session's own fields; the rating rows follow their answers and each
 * topic's notes their topic (on_topic_notes_cb()). */
static void
sync_fields (RubricCandidatePanel *self)
{
  g_autofree char *date_text = NULL;

  if (self->session == NULL)
    return;

  show_text (self, gtk_text_view_get_buffer (self->summary_view), rubric_session_get_summary (self->session));
  show_text (self, gtk_text_view_get_buffer (self->private_notes_view),
             rubric_session_get_private_notes (self->session));

  g_signal_handlers_block_matched (self->recommendation_group, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  adw_toggle_group_set_active_name (self->recommendation_group,
                                    recommendation_nick (rubric_session_get_recommendation (self->session)));
  g_signal_handlers_unblock_matched (self->recommendation_group, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  /* The date row may hold an unfinished date the user is typing. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->date_row), "error"))
    {
      date_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
      if (g_strcmp0 (date_text, rubric_session_get_date (self->session)) != 0)
        {
          g_signal_handlers_block_matched (self->date_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
          gtk_editable_set_text (GTK_EDITABLE (self->date_row), rubric_session_get_date (self->session));
          g_signal_handlers_unblock_matched (self->date_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
        }
    }
}

static void
sync_from_session (RubricCandidatePanel *self)
{
  if (self->session == NULL)
    return;

  sync_fields (self);
  update_scores (self);
}

/* One answer changed: its row follows it on its own; the scores here. */
static void
on_answer_changed_cb (RubricCandidatePanel *self,
                      RubricAnswer         *answer,
                      RubricSession        *session)
{
  update_scores (self);
}

static void
on_text_changed_cb (RubricCandidatePanel *self,
                    GtkTextBuffer        *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->session == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* The private notes are outside the seal: a sealed scorecard keeps them
   * open to the interviewer. */
  if (buffer == gtk_text_view_get_buffer (self->summary_view) && rubric_session_get_editable (self->session))
    rubric_session_set_summary (self->session, text);
  else if (buffer == gtk_text_view_get_buffer (self->private_notes_view) && !rubric_session_get_read_only (self->session))
    rubric_session_set_private_notes (self->session, text);
}

/* Only the shown topic's buffer can be typed in: its text is that
 * topic's notes. */
static void
on_topic_buffer_changed_cb (RubricCandidatePanel *self,
                            GtkTextBuffer        *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->session == NULL || self->topic == NULL || !rubric_session_get_editable (self->session))
    return;
  g_return_if_fail (buffer == g_hash_table_lookup (self->topic_buffers, rubric_topic_get_id (self->topic)));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rubric_session_set_topic_notes (self->session, rubric_topic_get_id (self->topic), text);
}

/* A topic's notes changed in the model (a reload, another view): its
 * buffer, if it has one, shows them. */
static void
on_topic_notes_cb (RubricCandidatePanel *self,
                   const char           *topic_id,
                   RubricSession        *session)
{
  GtkTextBuffer *buffer = g_hash_table_lookup (self->topic_buffers, topic_id);

  if (buffer != NULL)
    show_text (self, buffer, rubric_session_get_topic_notes (session, topic_id));
}

/* Each topic has its notes in a buffer of its own, so nothing typed — and
 * no undo — can carry from one topic to another. */
static void
show_topic_notes (RubricCandidatePanel *self)
{
  GtkTextBuffer *buffer;
  const char *id;

  if (self->topic == NULL || self->session == NULL)
    return;

  id = rubric_topic_get_id (self->topic);
  buffer = g_hash_table_lookup (self->topic_buffers, id);
  if (buffer == NULL)
    {
      buffer = rubric_notes_view_new_buffer ();
      gtk_text_buffer_set_enable_undo (buffer, TRUE);
      /* Its first text is where undo starts, not an edit to undo. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, rubric_session_get_topic_notes (self->session, id), -1);
      gtk_text_buffer_end_irreversible_action (buffer);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_topic_buffer_changed_cb), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->topic_buffers, g_strdup (id), buffer);
    }
  gtk_text_view_set_buffer (self->topic_notes_view, buffer);
}

static void
on_recommendation_notify_cb (RubricCandidatePanel *self)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  const char *name;
  GEnumValue *value;

  if (self->session == NULL || !rubric_session_get_editable (self->session))
    return;

  name = adw_toggle_group_get_active_name (self->recommendation_group);
  if (name == NULL)
    return;
  enum_class = g_type_class_ref (RUBRIC_TYPE_RECOMMENDATION);
  value = g_enum_get_value_by_nick (enum_class, name);
  if (value != NULL)
    rubric_session_set_recommendation (self->session, value->value);
}

static void
on_date_changed_cb (RubricCandidatePanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  if (self->session == NULL || !rubric_session_get_editable (self->session))
    return;

  /* An invalid date changes nothing and says so, quietly. */
  if (rubric_session_set_date (self->session, text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void rebuild_ratings (RubricCandidatePanel *self);

/* Read-only (a newer format) or sealed: what is scored cannot be changed
 * here — the candidate, the notes, the verdict; the rating rows follow on
 * their own. The private notes are outside the seal. */
static void
update_sensitivity (RubricCandidatePanel *self)
{
  GtkWidget *scored[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->role_row), GTK_WIDGET (self->interviewer_row),
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->strengths_group), GTK_WIDGET (self->concerns_group),
    GTK_WIDGET (self->topic_notes_view), GTK_WIDGET (self->recommendation_group),
    GTK_WIDGET (self->summary_view),
  };
  gboolean editable = self->session == NULL || rubric_session_get_editable (self->session);

  for (guint i = 0; i < G_N_ELEMENTS (scored); i++)
    gtk_widget_set_sensitive (scored[i], editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->private_notes_view),
                            self->session == NULL || !rubric_session_get_read_only (self->session));
}

/* The rows shown go off the screen (kept with their page, if it is). */
static void
remove_rows (RubricCandidatePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ratings_box))))
    {
      rubric_rating_row_forget_edits (RUBRIC_RATING_ROW (child));
      gtk_box_remove (self->ratings_box, child);
    }
  self->page = NULL;
}

static void
clear_session (RubricCandidatePanel *self)
{
  if (self->bindings != NULL)
    {
      for (guint i = 0; i < self->bindings->len; i++)
        g_binding_unbind (g_ptr_array_index (self->bindings, i));
      g_ptr_array_set_size (self->bindings, 0);
    }
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_func (self->session, rubric_topic_pages_forget, self->pages);
    }
  g_clear_object (&self->session);
  g_clear_object (&self->kit);
  if (self->topic_buffers != NULL)
    g_hash_table_remove_all (self->topic_buffers);
  /* Rows bound to another session are not shown again. */
  remove_rows (self);
  if (self->pages != NULL)
    rubric_topic_pages_clear (self->pages);
}

static void
rubric_candidate_panel_dispose (GObject *object)
{
  RubricCandidatePanel *self = RUBRIC_CANDIDATE_PANEL (object);

  clear_session (self);
  g_clear_pointer (&self->pages, rubric_topic_pages_free);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->topic_buffers, g_hash_table_unref);
  g_clear_object (&self->topic);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_CANDIDATE_PANEL);

  G_OBJECT_CLASS (rubric_candidate_panel_parent_class)->dispose (object);
}

static void
rubric_candidate_panel_class_init (RubricCandidatePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_candidate_panel_dispose;

  g_type_ensure (RUBRIC_TYPE_LIST_GROUP);
  g_type_ensure (RUBRIC_TYPE_NOTES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-candidate-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, topic_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, ratings_box);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, topic_notes_view);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, topic_score_label);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, overall_score_label);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, recommendation_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, strengths_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, concerns_group);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, private_notes_view);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, private_notes_scroller);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, private_notes_hidden);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, role_row);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, interviewer_row);
  gtk_widget_class_bind_template_child (widget_class, RubricCandidatePanel, date_row);
}

/* Builds @page's next rating row. */
static void
build_row (gpointer         user_data,
           RubricTopicPage *page)
{
  RubricCandidatePanel *self = user_data;
  guint i = page->widgets->len;
  GtkWidget *row = rubric_rating_row_new (self->session, g_ptr_array_index (page->questions, i),
                                          g_array_index (page->numbers, guint, i));

  g_ptr_array_add (page->widgets, g_object_ref_sink (row));
}

static void
rubric_candidate_panel_init (RubricCandidatePanel *self)
{
  GtkTextView *views[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new ();
  self->pages = rubric_topic_pages_new (MAX_PAGES, build_row, self);
  self->topic_buffers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  views[0] = self->summary_view;
  views[1] = self->private_notes_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recommendation_group, "notify::active-name",
                           G_CALLBACK (on_recommendation_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (on_date_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * rubric_candidate_panel_set_session:
 * @session: (nullable): the interview
 * @kit: (nullable): its kit, for the overall score
 */
void
rubric_candidate_panel_set_session (RubricCandidatePanel *self,
                                    RubricSession        *session,
                                    RubricKit            *kit)
{
  /* Bound both ways: each shows the model's value, and edits it. */
  static const struct {
    const char *property;
    gsize offset;
    const char *widget_property;
  } entries[] = {
    { "candidate-name", G_STRUCT_OFFSET (RubricCandidatePanel, name_row), "text" },
    { "candidate-role", G_STRUCT_OFFSET (RubricCandidatePanel, role_row), "text" },
    { "interviewer", G_STRUCT_OFFSET (RubricCandidatePanel, interviewer_row), "text" },
    { "strengths", G_STRUCT_OFFSET (RubricCandidatePanel, strengths_group), "items" },
    { "concerns", G_STRUCT_OFFSET (RubricCandidatePanel, concerns_group), "items" },
  };

  static const char * const fields[] = {
    "notify::summary", "notify::private-notes", "notify::recommendation", "notify::date",
  };

  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));
  g_return_if_fail (session == NULL || RUBRIC_IS_SESSION (session));

  clear_session (self);
  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  g_set_object (&self->kit, kit);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *row = G_STRUCT_MEMBER (GtkWidget *, self, entries[i].offset);
      GBinding *binding;

      binding = g_object_bind_property (session, entries[i].property, row, entries[i].widget_property,
                                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_ptr_array_add (self->bindings, binding);
    }

  g_signal_connect_object (session, "answer-changed", G_CALLBACK (on_answer_changed_cb),
                           self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_signal_connect_object (session, fields[i], G_CALLBACK (sync_fields), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "topic-notes-changed", G_CALLBACK (on_topic_notes_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::editable", G_CALLBACK (update_sensitivity),
                           self, G_CONNECT_SWAPPED);
  /* A new plan may leave out other questions: the rows kept are not shown
   * again (the ones on screen stay until the next topic). */
  g_signal_connect_swapped (session, "notify::plan", G_CALLBACK (rubric_topic_pages_forget), self->pages);
  update_sensitivity (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), rubric_session_get_date (session));
  rebuild_ratings (self);
  show_topic_notes (self);
  sync_from_session (self);
}

/* The same questions as the question pane's cards, in step. */
static RubricTopicPage *
get_page (RubricCandidatePanel *self,
          RubricTopic          *topic)
{
  return rubric_topic_pages_get (self->pages, topic, 0, self->session, self->show_unplanned);
}

static void
rebuild_ratings (RubricCandidatePanel *self)
{
  remove_rows (self);

  if (self->topic == NULL || self->session == NULL)
    return;

  {
    /* A group's title is markup, with no way to say otherwise. */
    g_autofree char *title = g_markup_escape_text (rubric_topic_get_title (self->topic), -1);

    adw_preferences_group_set_title (self->topic_group, title);
  }
  self->page = get_page (self, self->topic);
  rubric_topic_pages_show (self->pages, self->page);
  for (guint i = 0; i < self->page->widgets->len; i++)
    gtk_box_append (self->ratings_box, g_ptr_array_index (self->page->widgets, i));
  while (self->page->widgets->len < self->page->questions->len)
    {
      build_row (self, self->page);
      gtk_box_append (self->ratings_box, g_ptr_array_index (self->page->widgets, self->page->widgets->len - 1));
    }
}

/**
 * rubric_candidate_panel_prepare_topic:
 *
 * Builds the rating rows of @topic in idle time, so that showing it next
 * builds nothing.
 */
void
rubric_candidate_panel_prepare_topic (RubricCandidatePanel *self,
                                      RubricTopic          *topic)
{
  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));
  g_return_if_fail (RUBRIC_IS_TOPIC (topic));

  if (self->session != NULL)
    rubric_topic_pages_prepare (self->pages, get_page (self, topic), G_MAXUINT);
}

/**
 * rubric_candidate_panel_get_pages:
 *
 * Returns: (transfer none): the rating rows of the topics kept
 */
RubricTopicPages *
rubric_candidate_panel_get_pages (RubricCandidatePanel *self)
{
  g_return_val_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self), NULL);
  return self->pages;
}

/**
 * rubric_candidate_panel_set_show_unplanned:
 *
 * Whether a planned interview's rating rows include the questions its
 * plan leaves out, as the question pane's cards do.
 */
void
rubric_candidate_panel_set_show_unplanned (RubricCandidatePanel *self,
                                           gboolean              show_unplanned)
{
  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));

  if (self->show_unplanned == !!show_unplanned)
    return;
  self->show_unplanned = !!show_unplanned;
  remove_rows (self);
  rubric_topic_pages_clear (self->pages);
  rebuild_ratings (self);
}

void
rubric_candidate_panel_set_topic (RubricCandidatePanel *self,
                                  RubricTopic          *topic)
{
  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));
  g_return_if_fail (topic == NULL || RUBRIC_IS_TOPIC (topic));

  if (!g_set_object (&self->topic, topic))
    return;

  rebuild_ratings (self);
  show_topic_notes (self);
  update_scores (self);
}

/**
 * rubric_candidate_panel_set_current:
 *
 * Marks the rating row of the question being asked.
 */
void
rubric_candidate_panel_set_current (RubricCandidatePanel *self,
                                    guint                 question_index)
{
  GtkWidget *child;
  guint i = 0;

  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->ratings_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    rubric_rating_row_set_current (RUBRIC_RATING_ROW (child), i == question_index);
}

/**
 * rubric_candidate_panel_focus_notes:
 *
 * Puts the keyboard focus in the notes of the topic's question
 * @question_index, at their end, ready to type.
 */
void
rubric_candidate_panel_focus_notes (RubricCandidatePanel *self,
                                    guint                 question_index)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->ratings_box));

  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));

  for (guint i = 0; child != NULL && i < question_index; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child != NULL)
    rubric_rating_row_focus_notes (RUBRIC_RATING_ROW (child));
}

/**
 * rubric_candidate_panel_set_safe_mode:
 *
 * In screen-share safe mode the private notes are not drawn at all; the
 * panel says they are hidden (they are kept, and edited again after).
 */
void
rubric_candidate_panel_set_safe_mode (RubricCandidatePanel *self,
                                      gboolean              safe_mode)
{
  g_return_if_fail (RUBRIC_IS_CANDIDATE_PANEL (self));

  gtk_widget_set_visible (self->private_notes_scroller, !safe_mode);
  gtk_widget_set_visible (self->private_notes_hidden, safe_mode);
}
