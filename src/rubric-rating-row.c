/* rubric-rating-row.c — rating, skipped and notes for one question
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row is bound to its question's answer: the slider and the check
 * box follow the answer's properties both ways, the notes follow its
 * notes. There is no answer until the user (or a key, or the clock)
 * first rates, skips or writes something; the row then binds to the one
 * the session makes.
 */

#define G_LOG_DOMAIN "rubric-rating-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-evidence.h"
#include "rubric-notes-view.h"
#include "rubric-rating-row.h"
#include "rubric-scores.h"
#include "rubric-wrap.h"

struct _RubricRatingRow
{
  GtkBox parent_instance;

  RubricSession *session;
  RubricQuestion *question;
  RubricAnswer *answer;  /* NULL until the session has one */
  GBinding *rating_binding;
  GBinding *skipped_binding;
  gboolean editing;      /* the user's text is on its way to the model */
  guint n_updates;       /* how often it showed a new value, for the tests */

  GtkLabel *kind_label;
  GtkLabel *prompt_label;
  GtkScale *scale;
  GtkLabel *value_label;
  GtkWidget *anchors_button;
  GtkBox *anchors_box;
  GtkLabel *anchor_label;
  GtkLabel *suggestion_label;
  GtkCheckButton *skipped_check;
  GtkTextView *notes_view;
};

G_DEFINE_FINAL_TYPE (RubricRatingRow, rubric_rating_row, GTK_TYPE_BOX)

static void
on_answer_notes_cb (RubricRatingRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *notes = rubric_answer_get_notes (self->answer);

  /* The user's own key press is already in the model and about to be in
   * the buffer; only a change from elsewhere is shown, and only when it
   * differs (setting the text moves the cursor). */
  if (self->editing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, notes) != 0)
    {
      g_signal_handlers_block_matched (buffer, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_text_buffer_set_text (buffer, notes, -1);
      g_signal_handlers_unblock_matched (buffer, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      self->n_updates++;
    }
}

/* What the ticks suggest, live; the rating stays the interviewer's. */
static void
update_suggestion (RubricRatingRow *self)
{
  RubricEvidence evidence;
  g_autofree char *sentence = NULL;

  rubric_evidence_tally (self->question, self->answer, &evidence);
  sentence = rubric_evidence_dup_sentence (&evidence);
  gtk_label_set_text (self->suggestion_label, sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence,
                                  -1);
}

static void
detach_answer (RubricRatingRow *self)
{
  if (self->answer == NULL)
    return;

  g_clear_pointer (&self->rating_binding, g_binding_unbind);
  g_clear_pointer (&self->skipped_binding, g_binding_unbind);
  g_signal_handlers_disconnect_by_data (self->answer, self);
  g_clear_object (&self->answer);
}

/* Binds the controls to @answer; they take its values. */
static void
attach_answer (RubricRatingRow *self,
               RubricAnswer    *answer)
{
  if (self->answer == answer)
    return;

  detach_answer (self);
  self->answer = g_object_ref (answer);

  self->rating_binding =
    g_object_bind_property (answer, "rating", gtk_range_get_adjustment (GTK_RANGE (self->scale)), "value",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->skipped_binding =
    g_object_bind_property (answer, "skipped", self->skipped_check, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (answer, "notify::notes", G_CALLBACK (on_answer_notes_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (answer, "notify::n-ticks", G_CALLBACK (update_suggestion), self, G_CONNECT_SWAPPED);
  on_answer_notes_cb (self);
  update_suggestion (self);
}

static void on_answers_changed_cb (RubricRatingRow *self,
                                   guint            position,
                                   guint            removed,
                                   guint            added,
                                   GListModel      *answers);

/* The first input makes the answer; the caller gives it the input's value
 * before binding to it, so the controls never show the empty answer. */
static RubricAnswer *
make_answer (RubricRatingRow *self)
{
  g_signal_handlers_disconnect_by_func (rubric_session_get_answers (self->session),
                                        on_answers_changed_cb, self);
  return rubric_session_ensure_answer (self->session, self->question);
}

/* The session made answers (a rating key, the clock…): is ours one? */
static void
on_answers_changed_cb (RubricRatingRow *self,
                       guint            position,
                       guint            removed,
                       guint            added,
                       GListModel      *answers)
{
  RubricAnswer *answer;

  if (self->answer != NULL || added == 0)
    return;

  answer = rubric_session_lookup_answer (self->session, rubric_question_get_id (self->question));
  if (answer != NULL)
    attach_answer (self, answer);
}

static void
show_value (RubricRatingRow *self,
            int              rating)
{
  g_autofree char *text = NULL;
  const char *anchor;

  if (rating == RUBRIC_RATING_NONE)
    /* Translators: beside the rating slider of a question that is not rated
     * yet */
    text = g_strdup (_("Not rated"));
  else
    /* Translators: a rating and its meaning, e.g. "4 — Strong" */
    text = g_strdup_printf (_("%d — %s"), rating, rubric_rating_get_label (rating));

  gtk_label_set_text (self->value_label, text);
  self->n_updates++;
  /* What the kit says an answer of this rating sounds like. */
  anchor = self->question != NULL && rating != RUBRIC_RATING_NONE ? rubric_question_get_anchor (self->question, rating) : NULL;
  gtk_label_set_text (self->anchor_label, anchor != NULL ? anchor : "");
  gtk_widget_set_visible (GTK_WIDGET (self->anchor_label), anchor != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
on_scale_value_changed_cb (RubricRatingRow *self)
{
  int rating = (int) gtk_range_get_value (GTK_RANGE (self->scale));
  RubricAnswer *answer;

  show_value (self, rating);

  /* Once there is an answer, the binding carries the value. */
  if (self->answer != NULL || rating == RUBRIC_RATING_NONE || !rubric_session_get_editable (self->session))
    return;
  answer = make_answer (self);
  rubric_answer_set_rating (answer, rating);
  attach_answer (self, answer);
}

static void
on_skipped_toggled_cb (RubricRatingRow *self)
{
  gboolean skipped = gtk_check_button_get_active (self->skipped_check);
  RubricAnswer *answer;

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), !skipped);

  if (self->answer != NULL || !skipped || !rubric_session_get_editable (self->session))
    return;
  answer = make_answer (self);
  rubric_answer_set_skipped (answer, TRUE);
  attach_answer (self, answer);
}

/* Each edit goes to the model as an edit (rubric_answer_edit_notes()):
 * typing into long notes does not copy them whole for every key. Both
 * handlers run before the buffer changes, so the offsets are the model's. */
static void
on_notes_insert_text_cb (RubricRatingRow *self,
                         GtkTextIter     *location,
                         const char      *text,
                         int              length,
                         GtkTextBuffer   *buffer)
{
  g_autofree char *inserted = NULL;
  guint offset;

  if (!rubric_session_get_editable (self->session))
    return;

  offset = gtk_text_iter_get_offset (location);
  inserted = g_strndup (text, length);

  if (self->answer == NULL)
    attach_answer (self, make_answer (self));

  /* This runs before the buffer takes the text, so for a moment the model
   * is a step ahead: the answer's change must not set the buffer back to
   * the model's notes in the middle of the key press that typed them. */
  self->editing = TRUE;
  rubric_answer_edit_notes (self->answer, offset, offset, inserted);
  self->editing = FALSE;
}

static void
on_notes_delete_range_cb (RubricRatingRow *self,
                          GtkTextIter     *start,
                          GtkTextIter     *end,
                          GtkTextBuffer   *buffer)
{
  if (!rubric_session_get_editable (self->session))
    return;

  if (self->answer == NULL)
    attach_answer (self, make_answer (self));

  self->editing = TRUE;
  rubric_answer_edit_notes (self->answer, gtk_text_iter_get_offset (start),
                            gtk_text_iter_get_offset (end), NULL);
  self->editing = FALSE;
}

static void
on_editable_cb (RubricRatingRow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), rubric_session_get_editable (self->session));
}

/* The prompt is cut to two lines to keep the panel short; while the
 * row has the focus, it shows whole. */
static void
on_focus_enter_cb (RubricRatingRow *self)
{
  gtk_label_set_lines (self->prompt_label, -1);
  gtk_label_set_ellipsize (self->prompt_label, PANGO_ELLIPSIZE_NONE);
}

static void
on_focus_leave_cb (RubricRatingRow *self)
{
  gtk_label_set_lines (self->prompt_label, 2);
  gtk_label_set_ellipsize (self->prompt_label, PANGO_ELLIPSIZE_END);
}

static void
rubric_rating_row_dispose (GObject *object)
{
  RubricRatingRow *self = RUBRIC_RATING_ROW (object);

  detach_answer (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (rubric_session_get_answers (self->session), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_RATING_ROW);
  g_clear_object (&self->session);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (rubric_rating_row_parent_class)->dispose (object);
}

static void
rubric_rating_row_class_init (RubricRatingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_rating_row_dispose;

  g_type_ensure (RUBRIC_TYPE_NOTES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-rating-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, scale);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, skipped_check);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, anchors_button);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, anchors_box);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, RubricRatingRow, notes_view);
}

static void
rubric_rating_row_init (RubricRatingRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (self->scale, "value-changed",
                           G_CALLBACK (on_scale_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skipped_check, "toggled",
                           G_CALLBACK (on_skipped_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "insert-text",
                           G_CALLBACK (on_notes_insert_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "delete-range",
                           G_CALLBACK (on_notes_delete_range_cb), self, G_CONNECT_SWAPPED);
}

/* Every anchor the kit has for the question, in the popover: "3 — Reviews
 * migrations…". Plain text. */
static void
fill_anchors (RubricRatingRow *self)
{
  gboolean any = FALSE;

  for (int rating = RUBRIC_RATING_MIN; rating <= RUBRIC_RATING_MAX; rating++)
    {
      const char *anchor = rubric_question_get_anchor (self->question, rating);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (anchor == NULL)
        continue;
      /* Translators: a rating anchor in the popover beside the rating
       * slider: the rating, then what an answer of that rating sounds like */
      text = g_strdup_printf (_("%d — %s"), rating, anchor);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      rubric_wrap_label (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_box_append (self->anchors_box, label);
      any = TRUE;
    }
  gtk_widget_set_visible (self->anchors_button, any);
}

GtkWidget *
rubric_rating_row_new (RubricSession  *session,
                       RubricQuestion *question,
                       guint           index)
{
  RubricRatingRow *self;
  RubricAnswer *answer;
  g_autofree char *kind = NULL;
  g_autofree char *scale_name = NULL;
  g_autofree char *notes_name = NULL;
  g_autofree char *skipped_name = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (RUBRIC_IS_QUESTION (question), NULL);

  self = g_object_new (RUBRIC_TYPE_RATING_ROW, NULL);
  self->session = g_object_ref (session);
  self->question = g_object_ref (question);

  /* Screen readers name each control after its question, in whole
   * sentences: "Main Question" and "Follow-Up 1" may need different words
   * around them in other languages. */
  if (rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN)
    {
      kind = g_strdup (_("Main Question"));
      /* Translators: what screen readers call the rating slider of a topic's main question */
      scale_name = g_strdup (_("Rating of Main Question"));
      /* Translators: what screen readers call the “Skipped” check box of a topic's main question */
      skipped_name = g_strdup (_("Main Question skipped"));
      /* Translators: what screen readers call the notes of a topic's main question */
      notes_name = g_strdup (_("Notes on Main Question"));
    }
  else
    {
      /* Translators: the first, second… follow-up question of a topic */
      kind = g_strdup_printf (_("Follow-Up %u"), index);
      /* Translators: what screen readers call the rating slider of a
       * follow-up question; %u is its number in the topic */
      scale_name = g_strdup_printf (_("Rating of Follow-Up %u"), index);
      /* Translators: what screen readers call the “Skipped” check box of a
       * follow-up question; %u is its number in the topic */
      skipped_name = g_strdup_printf (_("Follow-Up %u skipped"), index);
      /* Translators: what screen readers call the notes of a follow-up
       * question; %u is its number in the topic */
      notes_name = g_strdup_printf (_("Notes on Follow-Up %u"), index);
    }
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->prompt_label, rubric_question_get_prompt (question));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, scale_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->skipped_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, skipped_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, notes_name, -1);

  /* Read-only or sealed: shown, not changed. */
  g_signal_connect_object (session, "notify::editable", G_CALLBACK (on_editable_cb), self, G_CONNECT_SWAPPED);
  on_editable_cb (self);
  fill_anchors (self);
  show_value (self, RUBRIC_RATING_NONE);
  update_suggestion (self);
  answer = rubric_session_lookup_answer (session, rubric_question_get_id (question));
  if (answer != NULL)
    attach_answer (self, answer);
  else
    g_signal_connect_object (rubric_session_get_answers (session), "items-changed",
                             G_CALLBACK (on_answers_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

RubricQuestion *
rubric_rating_row_get_question (RubricRatingRow *self)
{
  g_return_val_if_fail (RUBRIC_IS_RATING_ROW (self), NULL);
  return self->question;
}

void
rubric_rating_row_set_current (RubricRatingRow *self,
                               gboolean         current)
{
  g_return_if_fail (RUBRIC_IS_RATING_ROW (self));

  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
}

/**
 * rubric_rating_row_get_n_updates:
 *
 * Returns: how many times the row has shown a new value of its answer:
 *   the tests check that a change to one answer redoes only that
 *   answer's row
 */
guint
rubric_rating_row_get_n_updates (RubricRatingRow *self)
{
  g_return_val_if_fail (RUBRIC_IS_RATING_ROW (self), 0);
  return self->n_updates;
}

/**
 * rubric_rating_row_focus_notes:
 *
 * Puts the keyboard focus in the notes, at their end, and shows them.
 */
void
rubric_rating_row_focus_notes (RubricRatingRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (RUBRIC_IS_RATING_ROW (self));

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

/**
 * rubric_rating_row_forget_edits:
 *
 * The row leaves the screen with its topic, to be shown again later as if
 * new: its notes keep no edit to undo from before.
 */
void
rubric_rating_row_forget_edits (RubricRatingRow *self)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (RUBRIC_IS_RATING_ROW (self));

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_end_irreversible_action (buffer);
}
