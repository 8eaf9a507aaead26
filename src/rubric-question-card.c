/* rubric-question-card.c — one question, its answer hidden until revealed
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-question-card"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-evidence.h"
#include "rubric-question-card.h"
#include "rubric-shortcuts.h"
#include "rubric-wrap.h"

/* A row of the evidence checklist: a key point or a red flag to tick,
 * and the note that goes with its tick. The note's entry row is made
 * when the point is first ticked: a topic's cards hold some twenty
 * points, and an entry row costs more to build than the rest of its
 * card, for a field most interviews never show. */
typedef struct
{
  RubricTickKind kind;
  guint point;
  AdwActionRow *row;
  GtkCheckButton *check;
  AdwEntryRow *note;            /* NULL until first ticked */
} ChecklistItem;

struct _RubricQuestionCard
{
  AdwBin parent_instance;

  RubricQuestion *question;
  RubricSession *session;     /* NULL while studying */
  GArray *checklist;          /* ChecklistItem, key points then red flags; NULL until an interview */
  gint64 clock;               /* seconds into the interview: a tick's time */
  gboolean syncing_checklist;
  gboolean details_built;      /* what the revealer shows: made on first need */
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
  GtkWidget *details_box;
  GtkLabel *expected_label;
  GtkBox *key_points_box;
  GtkListBox *key_points_list;
  GtkWidget *red_flags_heading;
  GtkBox *red_flags_box;
  GtkListBox *red_flags_list;
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
      rubric_wrap_label (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
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

static void ensure_details (RubricQuestionCard *self);

/* gtk_widget_set_tooltip_text() asks where the pointer is whenever the
 * widget is visible — on X11 a round trip to the server —, even for the
 * same text and before the widget is in a window. A card sets some six
 * tooltips as it is made and one more each time the pane refreshes it:
 * one not yet in a window is set while the widget is hidden, and one that
 * does not change is not set again. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  if (gtk_widget_get_root (widget) == NULL && gtk_widget_get_visible (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}

/* The answer is shown (and measured) only while the revealer is open or
 * sliding: a closed GtkRevealer still measures its child, and a topic's
 * cards, first shown, would shape every expected answer and explanation
 * twice more (the window's natural size, then its width) for nothing. */
static void
on_revealer_notify_cb (RubricQuestionCard *self)
{
  gboolean revealed = gtk_revealer_get_reveal_child (self->revealer);

  if (revealed)
    {
      ensure_details (self);
      gtk_widget_set_visible (self->details_box, TRUE);
    }
  gtk_button_set_label (GTK_BUTTON (self->reveal_button),
                        /* Translators: the button that shows or hides the
                         * answer the kit expects, with its key points and red
                         * flags */
                        revealed ? _("Hide Expected Answer") : _("Show Expected Answer"));
  /* Grading oneself comes after seeing the answer. */
  gtk_widget_set_visible (self->grade_box, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

static void
on_child_revealed_cb (RubricQuestionCard *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) &&
      !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (self->details_box, FALSE);
}

/* ------------------------------------------------------------ checklist */

static RubricAnswer *
lookup_answer (RubricQuestionCard *self)
{
  return rubric_session_lookup_answer (self->session, rubric_question_get_id (self->question));
}

/* Shows the answer's ticks: checks, times and notes. A note the user is
 * typing is left alone when the model holds the same (it trims). */
static void on_note_changed_cb (RubricQuestionCard *self,
                               GtkEditable        *note);

/* The note under checklist item @i, made (hidden, right under its row)
 * the first time it is needed. */
static void
ensure_note (RubricQuestionCard *self,
             guint               i)
{
  ChecklistItem *item = &g_array_index (self->checklist, ChecklistItem, i);
  g_autofree char *note_name = NULL;

  if (item->note != NULL)
    return;

  item->note = ADW_ENTRY_ROW (adw_entry_row_new ());
  rubric_wrap_within (GTK_WIDGET (item->note));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->note), FALSE);
  /* Translators: the one-line note under a ticked key point or red flag:
   * what the candidate said */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->note), _("Add a note…"));
  gtk_widget_set_visible (GTK_WIDGET (item->note), FALSE);
  /* Translators: what screen readers call the note of a ticked key point
   * or red flag; %s is the point */
  note_name = g_strdup_printf (_("Evidence note for %s"),
                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item->row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_name, -1);
  g_object_set_data (G_OBJECT (item->note), "rubric-checklist-item", GUINT_TO_POINTER (i + 1));
  g_signal_connect_object (item->note, "changed", G_CALLBACK (on_note_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (item->row))), GTK_WIDGET (item->note),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (item->row)) + 1);
}

static void
sync_checklist (RubricQuestionCard *self)
{
  RubricAnswer *answer;

  if (self->checklist == NULL || self->session == NULL)
    return;

  answer = lookup_answer (self);
  self->syncing_checklist = TRUE;
  for (guint i = 0; i < self->checklist->len; i++)
    {
      ChecklistItem *item = &g_array_index (self->checklist, ChecklistItem, i);
      gboolean ticked = answer != NULL && rubric_answer_get_ticked (answer, item->kind, item->point);
      g_autofree char *subtitle = NULL;

      gtk_check_button_set_active (item->check, ticked);
      if (ticked)
        {
          g_autofree char *offset = rubric_evidence_format_offset (rubric_answer_get_tick_offset (answer, item->kind, item->point));
          g_autofree char *shown = NULL;
          const char *note = rubric_answer_get_tick_note (answer, item->kind, item->point);

          ensure_note (self, i);
          shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->note)));
          /* Translators: under a ticked key point or red flag: when in the
           * interview it was ticked, e.g. "at 12:34" */
          subtitle = g_strdup_printf (_("at %s"), offset);
          if (!g_str_equal (g_strstrip (shown), note))
            gtk_editable_set_text (GTK_EDITABLE (item->note), note);
        }
      else if (item->note != NULL && *gtk_editable_get_text (GTK_EDITABLE (item->note)) != '\0')
        gtk_editable_set_text (GTK_EDITABLE (item->note), "");
      adw_action_row_set_subtitle (item->row, subtitle != NULL ? subtitle : "");
      if (item->note != NULL)
        gtk_widget_set_visible (GTK_WIDGET (item->note), ticked);
    }
  self->syncing_checklist = FALSE;
}

static ChecklistItem *
item_of (RubricQuestionCard *self,
         GtkWidget          *widget)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "rubric-checklist-item"));

  g_assert (number > 0 && number <= self->checklist->len);
  return &g_array_index (self->checklist, ChecklistItem, number - 1);
}

/* A click, Space or Enter on the row, or Alt+1…9: the tick goes to the
 * answer, at the interview's time; unticking drops it. */
static void
on_check_toggled_cb (RubricQuestionCard *self,
                     GtkCheckButton     *check)
{
  ChecklistItem *item;
  RubricAnswer *answer;

  if (self->syncing_checklist || self->session == NULL || !rubric_session_get_editable (self->session))
    return;

  item = item_of (self, GTK_WIDGET (check));
  answer = rubric_session_ensure_answer (self->session, self->question);
  rubric_answer_set_ticked (answer, item->kind, item->point, gtk_check_button_get_active (check), self->clock);
}

static void
on_note_changed_cb (RubricQuestionCard *self,
                    GtkEditable        *note)
{
  ChecklistItem *item;
  RubricAnswer *answer;

  if (self->syncing_checklist || self->session == NULL || !rubric_session_get_editable (self->session))
    return;

  item = item_of (self, GTK_WIDGET (note));
  answer = lookup_answer (self);
  if (answer != NULL && rubric_answer_get_ticked (answer, item->kind, item->point))
    rubric_answer_set_tick_note (answer, item->kind, item->point, gtk_editable_get_text (note));
}

static void
on_session_answer_changed_cb (RubricQuestionCard *self,
                              RubricAnswer       *answer)
{
  if (g_str_equal (rubric_answer_get_question_id (answer), rubric_question_get_id (self->question)))
    sync_checklist (self);
}

/* Kit text is never markup: titles are plain. */
static void
add_checklist_item (RubricQuestionCard *self,
                    GtkListBox         *list,
                    RubricTickKind      kind,
                    guint               point,
                    const char         *text)
{
  ChecklistItem item = { kind, point, NULL, NULL, NULL };
  gpointer number = GUINT_TO_POINTER (self->checklist->len + 1);
  g_autofree char *key = NULL;

  item.row = ADW_ACTION_ROW (adw_action_row_new ());
  rubric_wrap_within (GTK_WIDGET (item.row));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item.row), text);
  gtk_widget_add_css_class (GTK_WIDGET (item.row), "evidence-row");

  /* The row is the Tab stop and what Space and Enter tick; the check
   * shows the state. */
  item.check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_focusable (GTK_WIDGET (item.check), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (item.check), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item.check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  adw_action_row_add_prefix (item.row, GTK_WIDGET (item.check));
  adw_action_row_set_activatable_widget (item.row, GTK_WIDGET (item.check));

  if (kind == RUBRIC_TICK_KEY_POINT &&
      rubric_question_get_key_point_level (self->question, point) == RUBRIC_KEY_POINT_LEVEL_SENIOR)
    {
      /* Translators: a tag on a key point that sets a senior answer apart */
      GtkWidget *tag = gtk_label_new (_("Senior"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "evidence-tag");
      gtk_widget_add_css_class (tag, "caption-heading");
      adw_action_row_add_suffix (item.row, tag);
    }

  /* Alt+1…9, from the application's table. */
  key = g_strdup_printf ("win.tick(%u)", self->checklist->len + 1);
  if (GTK_IS_APPLICATION (g_application_get_default ()))
    {
      g_autofree char *label = rubric_shortcuts_dup_accel_label (GTK_APPLICATION (g_application_get_default ()), key);

      set_tooltip (GTK_WIDGET (item.row), label);
    }

  g_object_set_data (G_OBJECT (item.check), "rubric-checklist-item", number);
  g_signal_connect_object (item.check, "toggled", G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_append (list, GTK_WIDGET (item.row));
  g_array_append_val (self->checklist, item);
}

static void
build_checklist (RubricQuestionCard *self)
{
  const char * const *points = rubric_question_get_key_points (self->question);
  const char * const *flags = rubric_question_get_red_flags (self->question);

  if (self->checklist != NULL)
    return;

  self->checklist = g_array_new (FALSE, FALSE, sizeof (ChecklistItem));
  for (guint i = 0; points[i] != NULL; i++)
    add_checklist_item (self, self->key_points_list, RUBRIC_TICK_KEY_POINT, i, points[i]);
  for (guint i = 0; flags[i] != NULL; i++)
    add_checklist_item (self, self->red_flags_list, RUBRIC_TICK_RED_FLAG, i, flags[i]);
}

/* Read-only or sealed: the ticks are shown, not changed. */
static void
update_checklist_sensitivity (RubricQuestionCard *self)
{
  gboolean editable = self->session != NULL && rubric_session_get_editable (self->session);

  gtk_widget_set_sensitive (GTK_WIDGET (self->key_points_list), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->red_flags_list), editable);
}

/* In an interview the key points and red flags are a checklist; while
 * studying, a list to read. */
static void
update_checklist_mode (RubricQuestionCard *self)
{
  gboolean interview = self->session != NULL && !self->study;
  gboolean has_flags = rubric_question_get_red_flags (self->question)[0] != NULL;

  if (interview && self->details_built)
    build_checklist (self);
  gtk_widget_set_visible (GTK_WIDGET (self->key_points_box), !interview);
  gtk_widget_set_visible (GTK_WIDGET (self->red_flags_box), !interview);
  gtk_widget_set_visible (GTK_WIDGET (self->key_points_list), interview);
  gtk_widget_set_visible (GTK_WIDGET (self->red_flags_list), interview && has_flags);
  if (interview)
    {
      update_checklist_sensitivity (self);
      sync_checklist (self);
    }
}

/* The key points and red flags, as a list to read and (in an interview)
 * as a checklist, are made when first needed — the answer revealed, or a
 * point ticked by its key — not with the card: a topic's cards would
 * otherwise build some twenty rows nobody has seen yet. */
static void
ensure_details (RubricQuestionCard *self)
{
  if (self->details_built)
    return;
  self->details_built = TRUE;
  fill_list (self->key_points_box, rubric_question_get_key_points (self->question));
  fill_list (self->red_flags_box, rubric_question_get_red_flags (self->question));
  update_checklist_mode (self);
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

      set_tooltip (GTK_WIDGET (self->rehearse_button), tooltip);
    }
  if (knew_key != NULL)
    {
      /* Translators: the tooltip of the “Knew It” button, with which a
       * learner grades themselves; %s is its keyboard shortcut, such as “Y” */
      g_autofree char *tooltip = g_strdup_printf (_("Knew It (%s)"), knew_key);

      set_tooltip (GTK_WIDGET (self->knew_button), tooltip);
    }
  if (review_key != NULL)
    {
      /* Translators: the tooltip of the “Review Again” button, with which a
       * learner marks a question to study again; %s is its keyboard
       * shortcut, such as “R” */
      g_autofree char *tooltip = g_strdup_printf (_("Review Again (%s)"), review_key);

      set_tooltip (GTK_WIDGET (self->review_button), tooltip);
    }
}

static void
rubric_question_card_dispose (GObject *object)
{
  RubricQuestionCard *self = RUBRIC_QUESTION_CARD (object);

  g_clear_handle_id (&self->rehearsal_tick, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_QUESTION_CARD);
  g_clear_pointer (&self->checklist, g_array_unref);
  g_clear_object (&self->session);
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
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, details_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, expected_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, key_points_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, key_points_list);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionCard, red_flags_list);
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
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (on_child_revealed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * rubric_question_card_set_unplanned:
 *
 * Marks a question the interview's plan leaves out, shown for an unplanned
 * follow-up: its heading says so.
 */
void
rubric_question_card_set_unplanned (RubricQuestionCard *self,
                                    gboolean            unplanned)
{
  g_autofree char *kind = NULL;

  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));

  if (rubric_question_get_kind (self->question) == RUBRIC_QUESTION_KIND_MAIN)
    kind = g_strdup (_("Main Question"));
  else
    kind = g_strdup_printf (_("Follow-Up %u"), self->index);

  if (unplanned)
    {
      /* Translators: the heading of a question the interview's plan leaves
       * out, e.g. "Follow-Up 2 · Not in the plan" */
      g_autofree char *marked = g_strdup_printf (_("%s · Not in the plan"), kind);

      gtk_label_set_text (self->kind_label, marked);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Not in the plan"), -1);
    }
  else
    {
      gtk_label_set_text (self->kind_label, kind);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
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
      rubric_wrap_label (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_button_set_child (GTK_BUTTON (link), label);
      gtk_widget_set_halign (link, GTK_ALIGN_START);
      set_tooltip (link, rubric_reference_get_url (reference));
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
  set_tooltip (GTK_WIDGET (self->reveal_button),
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
  update_checklist_mode (self);
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

/**
 * rubric_question_card_set_session:
 * @session: (nullable): the interview, whose answer the checklist ticks;
 *   %NULL while studying
 */
void
rubric_question_card_set_session (RubricQuestionCard *self,
                                  RubricSession      *session)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));
  g_return_if_fail (session == NULL || RUBRIC_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "answer-changed", G_CALLBACK (on_session_answer_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::editable", G_CALLBACK (update_checklist_sensitivity),
                               self, G_CONNECT_SWAPPED);
    }
  update_checklist_mode (self);
}

/**
 * rubric_question_card_set_clock:
 * @seconds: into the interview: the time a tick made now keeps
 */
void
rubric_question_card_set_clock (RubricQuestionCard *self,
                                gint64              seconds)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_CARD (self));
  self->clock = seconds;
}

/**
 * rubric_question_card_get_checklist_row:
 * @number: counted from 1: the key points, then the red flags
 *
 * Returns: (transfer none) (nullable): the checklist's row @number, or
 *   %NULL when there is no such row (or no checklist: studying)
 */
GtkWidget *
rubric_question_card_get_checklist_row (RubricQuestionCard *self,
                                        guint               number)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_CARD (self), NULL);

  ensure_details (self);
  if (self->checklist == NULL || self->study || number == 0 || number > self->checklist->len)
    return NULL;
  return GTK_WIDGET (g_array_index (self->checklist, ChecklistItem, number - 1).row);
}

/**
 * rubric_question_card_get_note_row:
 *
 * Returns: (transfer none) (nullable): the evidence note of the checklist's
 *   row @number (an #AdwEntryRow, shown while the row is ticked)
 */
GtkWidget *
rubric_question_card_get_note_row (RubricQuestionCard *self,
                                   guint               number)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_CARD (self), NULL);

  if (rubric_question_card_get_checklist_row (self, number) == NULL)
    return NULL;
  ensure_note (self, number - 1);
  return GTK_WIDGET (g_array_index (self->checklist, ChecklistItem, number - 1).note);
}

/**
 * rubric_question_card_toggle_tick:
 * @number: counted from 1, as Alt+1…9 count: the key points, then the red
 *   flags
 *
 * Ticks the row @number, or unticks it, as a click would.
 *
 * Returns: whether there is such a row
 */
gboolean
rubric_question_card_toggle_tick (RubricQuestionCard *self,
                                  guint               number)
{
  GtkWidget *row;

  g_return_val_if_fail (RUBRIC_IS_QUESTION_CARD (self), FALSE);

  row = rubric_question_card_get_checklist_row (self, number);
  if (row == NULL || !gtk_widget_is_sensitive (row))
    return FALSE;
  gtk_widget_activate (row);
  return TRUE;
}
