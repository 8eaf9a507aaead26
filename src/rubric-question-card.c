/* rubric-question-card.c — one question, its answer hidden until revealed
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-question-card"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-question-card.h"
#include "rubric-shortcuts.h"

struct _RubricQuestionCard
{
  AdwBin parent_instance;

  RubricQuestion *question;
  guint index;
  gint64 elapsed;
  gboolean can_reveal;
  gboolean study;
  gboolean syncing;
  gint64 rehearsal_start;     /* monotonic µs, or 0 when not running */
  gint64 rehearsal_seconds;   /* the last rehearsal's length */
  guint rehearsal_tick;

  GtkLabel *kind_label;
  GtkLabel *time_label;
  GtkLabel *prompt_label;
  GtkToggleButton *reveal_button;
  GtkWidget *study_box;
  GtkToggleButton *rehearse_button;
  GtkLabel *rehearse_label;
  GtkWidget *grade_box;
  GtkToggleButton *knew_button;
  GtkToggleButton *review_button;
  GtkRevealer *revealer;
  GtkLabel *expected_label;
  GtkBox *key_points_box;
  GtkWidget *red_flags_heading;
  GtkBox *red_flags_box;
  GtkWidget *explanation_heading;
  GtkLabel *explanation_label;
  GtkBox *references_box;
};

G_DEFINE_FINAL_TYPE (RubricQuestionCard, rubric_question_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REVEALED,
  N_PROPS
};

enum {
  GRADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_rehearsal (RubricQuestionCard *self)
{
  g_autofree char *text = NULL;
  gint64 seconds = self->rehearsal_seconds;
  guint minutes = rubric_question_get_minutes (self->question);

  if (self->rehearsal_start != 0)
    seconds = (g_get_monotonic_time () - self->rehearsal_start) / G_USEC_PER_SEC;

  if (self->rehearsal_start == 0 && seconds == 0 && minutes > 0)
    /* Translators: beside the button that times a rehearsed answer: the
     * minutes the kit allows for the question ("min" is minutes) */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rehearse: %u min budget", "Rehearse: %u min budget", minutes),
                            minutes);
  else if (self->rehearsal_start == 0 && seconds == 0)
    /* Translators: beside the button that times a rehearsed answer */
    text = g_strdup (_("Rehearse"));
  else if (minutes > 0)
    /* Translators: a rehearsal's time against the question's budget, e.g.
     * "2:05 of 5 min": minutes and seconds, then the budget in minutes,
     * which picks the plural form */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d:%02d of %u min", "%d:%02d of %u min", minutes),
                            (int) (seconds / 60), (int) (seconds % 60), minutes);
  else
    text = g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));

  gtk_label_set_text (self->rehearse_label, text);
  if (minutes > 0 && seconds > (gint64) minutes * 60)
    gtk_widget_add_css_class (GTK_WIDGET (self->rehearse_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rehearse_label), "warning");
}

static gboolean
on_rehearsal_tick_cb (gpointer user_data)
{
  update_rehearsal (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_rehearse_toggled_cb (RubricQuestionCard *self)
{
  rubric_question_card_set_rehearsing (self, gtk_toggle_button_get_active (self->rehearse_button));
}

static void
show_grade (RubricQuestionCard *self,
            RubricStudyGrade    grade)
{
  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->knew_button, grade == RUBRIC_STUDY_GRADE_KNEW);
  gtk_toggle_button_set_active (self->review_button, grade == RUBRIC_STUDY_GRADE_REVIEW);
  self->syncing = FALSE;
}

static void
grade_clicked (RubricQuestionCard *self,
               GtkToggleButton    *button,
               RubricStudyGrade    grade)
{
  if (self->syncing)
    return;
  /* Clicking the grade it has clears it. */
  if (!gtk_toggle_button_get_active (button))
    grade = RUBRIC_STUDY_GRADE_NONE;
  show_grade (self, grade);
  g_signal_emit (self, signals[GRADED], 0, (int) grade);
}

static void
on_knew_clicked_cb (RubricQuestionCard *self)
{
  grade_clicked (self, self->knew_button, RUBRIC_STUDY_GRADE_KNEW);
}

static void
on_review_clicked_cb (RubricQuestionCard *self)
{
  grade_clicked (self, self->review_button, RUBRIC_STUDY_GRADE_REVIEW);
}

/* A bullet list of plain text: kit text is never markup. */
static void
fill_list (GtkBox             *box,
           const char * const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      /* Translators: a bullet before an item of a list */
      g_autofree char *text = g_strdup_printf (_("• %s"), items[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      /* Selectable by mouse, but not a stop for Tab, which goes to controls:
       * not :focusable alone, since a selectable label's focus handler
       * takes Tab even when it cannot take the focus, and Tab stops there. */
      gtk_widget_set_can_focus (label, FALSE);
      gtk_box_append (box, label);
    }
}

static void
update_time (RubricQuestionCard *self)
{
  g_autofree char *text = NULL;
  guint minutes = self->question != NULL ? rubric_question_get_minutes (self->question) : 0;
  int m = (int) (self->elapsed / 60);
  int s = (int) (self->elapsed % 60);

  if (minutes > 0)
    /* Translators: time spent on a question and its budget, e.g. "2:05 of 5 min" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d:%02d of %u min", "%d:%02d of %u min", minutes),
                            m, s, minutes);
  else
    text = g_strdup_printf ("%d:%02d", m, s);

  gtk_label_set_text (self->time_label, text);
  if (minutes > 0 && self->elapsed > (gint64) minutes * 60)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "warning");
}

static void
on_revealer_notify_cb (RubricQuestionCard *self)
{
  gboolean revealed = gtk_revealer_get_reveal_child (self->revealer);

  gtk_button_set_label (GTK_BUTTON (self->reveal_button),
                        /* Translators: the button that shows or hides the
                         * answer the kit expects, with its key points and red
                         * flags */
                        revealed ? _("Hide Expected Answer") : _("Show Expected Answer"));
  /* Grading oneself comes after seeing the answer. */
  gtk_widget_set_visible (self->grade_box, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/* Each button's tooltip names the window's key for the same action, in
 * the user's language; the keys come from the table that installs them. */
static void
show_keys_in_tooltips (RubricQuestionCard *self)
{
  g_autofree char *rehearse_key = rubric_shortcuts_dup_accel_label (NULL, "win.rehearse");
  g_autofree char *knew_key = rubric_shortcuts_dup_accel_label (NULL, "win.knew-it");
  g_autofree char *review_key = rubric_shortcuts_dup_accel_label (NULL, "win.review-again");

  if (rehearse_key != NULL)
    {
      /* Translators: a button's tooltip; %s is its keyboard shortcut, such as “T” */
      g_autofree char *tooltip = g_strdup_printf (_("Time Your Answer (%s)"), rehearse_key);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rehearse_button), tooltip);
    }
  if (knew_key != NULL)
    {
      /* Translators: the tooltip of the “Knew It” button, with which a
       * learner grades themselves; %s is its keyboard shortcut, such as “Y” */
      g_autofree char *tooltip = g_strdup_printf (_("Knew It (%s)"), knew_key);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->knew_button), tooltip);
    }
  if (review_key != NULL)
    {
      /* Translators: the tooltip of the “Review Again” button, with which a
       * learner marks a question to study again; %s is its keyboard
       * shortcut, such as “R” */
      g_autofree char *tooltip = g_strdup_printf (_("Review Again (%s)"), review_key);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_button), tooltip);
    }
}

static void
rubric_question_card_dispose (GObject *object)
{
  RubricQuestionCard *self = RUBRIC_QUESTION_CARD (object);

  g_clear_handle_id (&self->rehearsal_tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_QUESTION_CARD);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (rubric_question_card_parent_class)->dispose (object);
}

static void
rubric_question_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RubricQuestionCard *self = RUBRIC_QUESTION_CARD (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, rubric_question_card_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_question_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RubricQuestionCard *self = RUBRIC_QUESTION_CARD (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      rubric_question_card_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_question_card_class_init (RubricQuestionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_question_card_dispose;
  object_class->get_property = rubric_question_card_get_property;
  object_class->set_property = rubric_question_card_set_property;

  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-question-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, time_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, revealer);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, expected_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, key_points_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, red_flags_heading);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, red_flags_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, explanation_heading);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, references_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, study_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, rehearse_button);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, rehearse_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, grade_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, knew_button);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, review_button);
  gtk_widget_class_bind_template_callback (widget_class, on_rehearse_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_knew_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_review_clicked_cb);

  /**
   * RubricQuestionCard::graded:
   * @grade: the RubricStudyGrade the learner gave themselves
   */
  signals[GRADED] =
    g_signal_new ("graded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rubric_question_card_init (RubricQuestionCard *self)
{
  self->can_reveal = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The card itself takes focus, so that focus can follow the question
   * being asked (J, K, Escape) and Tab goes on to its controls. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  show_keys_in_tooltips (self);
  g_signal_connect_object (self->revealer, "notify::reveal-child",
                           G_CALLBACK (on_revealer_notify_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rubric_question_card_new (RubricQuestion *question,
                          guint           index)
{
  RubricQuestionCard *self;
  GListModel *references;
  g_autofree char *kind = NULL;
  const char *explanation;

  g_return_val_if_fail (RUBRIC_IS_QUESTION (question), NULL);

  self = g_object_new (RUBRIC_TYPE_QUESTION_CARD, NULL);
  self->question = g_object_ref (question);
  self->index = index;

  if (rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN)
    /* Translators: the small heading above the first question of a topic; the
     * others are “Follow-Up 1”, “Follow-Up 2” */
    kind = g_strdup (_("Main Question"));
  else
    /* Translators: the first, second… follow-up question of a topic */
    kind = g_strdup_printf (_("Follow-Up %u"), index);
  gtk_label_set_text (self->kind_label, kind);

  gtk_label_set_text (self->prompt_label, rubric_question_get_prompt (question));
  gtk_label_set_text (self->expected_label, rubric_question_get_expected (question));
  fill_list (self->key_points_box, rubric_question_get_key_points (question));
  fill_list (self->red_flags_box, rubric_question_get_red_flags (question));
  gtk_widget_set_visible (self->red_flags_heading,
                          rubric_question_get_red_flags (question)[0] != NULL);

  explanation = rubric_question_get_explanation (question);
  gtk_widget_set_visible (self->explanation_heading, explanation != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), explanation != NULL);
  if (explanation != NULL)
    gtk_label_set_text (self->explanation_label, explanation);

  references = rubric_question_get_references (question);
  for (guint i = 0; i < g_list_model_get_n_items (references); i++)
    {
      g_autoptr(RubricReference) reference = g_list_model_get_item (references, i);
      GtkWidget *link = gtk_link_button_new (rubric_reference_get_url (reference));
      GtkWidget *label = gtk_label_new (rubric_reference_get_title (reference));

      /* Titles can be long: they wrap rather than widen the window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_button_set_child (GTK_BUTTON (link), label);
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (link, rubric_reference_get_url (reference));
      /* Named by its title, as it reads; the address is its description. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (link),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, rubric_reference_get_title (reference),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rubric_reference_get_url (reference),
                                      -1);
      gtk_box_append (self->references_box, link);
    }

  update_rehearsal (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rubric_question_get_prompt (question),
                                  -1);
  update_time (self);

  return GTK_WIDGET (self);
}

RubricQuestion *
rubric_question_card_get_question (RubricQuestionCard *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_CARD (self), NULL);
  return self->question;
}

gboolean
rubric_question_card_get_revealed (RubricQuestionCard *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_CARD (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * rubric_question_card_set_revealed:
 *
 * Shows or hides the expected answer; showing does nothing while
 * revealing is not allowed (screen-share safe mode).
 */
void
rubric_question_card_set_revealed (RubricQuestionCard *self,
                                   gboolean            revealed)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  if (revealed && !self->can_reveal)
    return;
  gtk_revealer_set_reveal_child (self->revealer, revealed);
}

void
rubric_question_card_set_current (RubricQuestionCard *self,
                                  gboolean            current)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  /* The bin's child is the card; it is not a bound template child, since
   * AdwBin unparents its child itself. */
  if (current)
    gtk_widget_add_css_class (adw_bin_get_child (ADW_BIN (self)), "current");
  else
    gtk_widget_remove_css_class (adw_bin_get_child (ADW_BIN (self)), "current");
}

void
rubric_question_card_set_elapsed (RubricQuestionCard *self,
                                  gint64              seconds)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  if (self->elapsed == seconds)
    return;
  self->elapsed = seconds;
  update_time (self);
}

void
rubric_question_card_set_can_reveal (RubricQuestionCard *self,
                                     gboolean            can_reveal)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  self->can_reveal = can_reveal;
  gtk_widget_set_sensitive (GTK_WIDGET (self->reveal_button), can_reveal);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reveal_button),
                               can_reveal ? NULL : _("Answers stay hidden while screen-share safe mode is on"));
  if (!can_reveal)
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/**
 * rubric_question_card_set_study:
 *
 * Studying without a candidate: self-grading after the answer is
 * revealed, and a timer to rehearse an answer against its budget.
 */
void
rubric_question_card_set_study (RubricQuestionCard *self,
                                gboolean            study)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  self->study = study;
  gtk_widget_set_visible (self->study_box, study);
  /* The interview clock means nothing without an interview. */
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), !study);
  if (!study)
    rubric_question_card_set_rehearsing (self, FALSE);
}

void
rubric_question_card_set_grade (RubricQuestionCard *self,
                                RubricStudyGrade    grade)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));
  show_grade (self, grade);
}

gboolean
rubric_question_card_get_rehearsing (RubricQuestionCard *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_CARD (self), FALSE);
  return self->rehearsal_start != 0;
}

/**
 * rubric_question_card_set_rehearsing:
 *
 * Starts the rehearsal timer from zero, or stops it and keeps the time.
 */
void
rubric_question_card_set_rehearsing (RubricQuestionCard *self,
                                     gboolean            rehearsing)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  if (rehearsing == (self->rehearsal_start != 0))
    return;

  if (rehearsing)
    {
      self->rehearsal_start = g_get_monotonic_time ();
      self->rehearsal_tick = g_timeout_add_seconds (1, on_rehearsal_tick_cb, self);
    }
  else
    {
      self->rehearsal_seconds = (g_get_monotonic_time () - self->rehearsal_start) / G_USEC_PER_SEC;
      self->rehearsal_start = 0;
      g_clear_handle_id (&self->rehearsal_tick, g_source_remove);
    }

  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->rehearse_button, rehearsing);
  self->syncing = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->rehearse_button),
                            rehearsing ? "media-playback-stop-symbolic" : "media-playback-start-symbolic");
  update_rehearsal (self);
}
