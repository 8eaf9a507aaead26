/* rubric-plan-editor.c — makes or changes an interview plan
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every topic of the kit is a row: a switch to ask it, a switch per
 * question, and move up / move down buttons (the keyboard's way) besides a
 * drag handle (the pointer's). The plan's topics come first, in its order,
 * then the kit's others, switched off. The total against the slot is said
 * in words ("58 of 60 min"), over the slot too. Save writes through the
 * library; an error is a toast and everything stays as it was typed.
 */

#define G_LOG_DOMAIN "rubric-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-a11y.h"
#include "rubric-plan-editor.h"
#include "rubric-toast.h"
#include "rubric-wrap.h"

typedef struct
{
  RubricTopic *topic;
  GtkWidget *row;          /* AdwExpanderRow */
  GtkSwitch *include;
  GtkWidget *up;
  GtkWidget *down;
  GPtrArray *questions;    /* RubricQuestion, in the kit's order */
  GPtrArray *switches;     /* AdwSwitchRow, one a question */
} TopicState;

struct _RubricPlanEditor
{
  AdwDialog parent_instance;

  RubricPlanLibrary *library;
  RubricKit *kit;
  RubricPlan *plan;        /* what is edited: its id is the saved plan's */
  GPtrArray *topics;       /* TopicState, in the list's order */
  gboolean updating;
  gboolean saving;

  AdwToastOverlay *toast_overlay;
  GtkWidget *save_button;
  AdwEntryRow *name_row;
  AdwToggleGroup *slot_group;
  AdwSpinRow *minutes_row;
  AdwEntryRow *notes_row;
  GtkListBox *topics_list;
  GtkLabel *total_label;
};

G_DEFINE_FINAL_TYPE (RubricPlanEditor, rubric_plan_editor, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
topic_state_free (TopicState *state)
{
  g_clear_object (&state->topic);
  g_clear_pointer (&state->questions, g_ptr_array_unref);
  g_clear_pointer (&state->switches, g_ptr_array_unref);
  g_free (state);
}

static void
rubric_plan_editor_dispose (GObject *object)
{
  RubricPlanEditor *self = RUBRIC_PLAN_EDITOR (object);

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_PLAN_EDITOR);
  g_clear_object (&self->library);
  g_clear_object (&self->kit);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (rubric_plan_editor_parent_class)->dispose (object);
}

/* ------------------------------------------------------------- the total */

static guint
slot_minutes (RubricPlanEditor *self)
{
  return (guint) adw_spin_row_get_value (self->minutes_row);
}

static guint
topic_minutes (TopicState *state,
               guint      *n_asked)
{
  guint minutes = 0;

  *n_asked = 0;
  for (guint i = 0; i < state->questions->len; i++)
    if (adw_switch_row_get_active (g_ptr_array_index (state->switches, i)))
      {
        minutes += rubric_question_get_minutes (g_ptr_array_index (state->questions, i));
        (*n_asked)++;
      }
  return minutes;
}

static void
update_topic_subtitle (TopicState *state)
{
  g_autofree char *subtitle = NULL;
  guint n_asked;
  guint minutes = topic_minutes (state, &n_asked);

  if (!gtk_switch_get_active (state->include))
    /* Translators: a topic of the kit that the plan leaves out */
    subtitle = g_strdup (_("Not asked"));
  else
    /* Translators: a planned topic: how many of its questions are asked,
     * and their minutes, e.g. "2 of 3 questions · 11 min" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u question · %u min",
                                             "%u of %u questions · %u min", state->questions->len),
                                n_asked, state->questions->len, minutes);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (state->row), subtitle);
}

static void
update_total (RubricPlanEditor *self)
{
  g_autofree char *text = NULL;
  guint planned = 0;
  guint slot = slot_minutes (self);

  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicState *state = g_ptr_array_index (self->topics, i);
      guint n_asked;
      guint minutes = topic_minutes (state, &n_asked);

      if (gtk_switch_get_active (state->include))
        planned += minutes;
      update_topic_subtitle (state);
    }

  if (planned > slot)
    /* Translators: the planned questions' minutes against the slot, over
     * it: e.g. "63 of 60 min — 3 min over" */
    text = g_strdup_printf (_("%u of %u min — %u min over"), planned, slot, planned - slot);
  else
    /* Translators: the planned questions' minutes against the slot, e.g.
     * "58 of 60 min" */
    text = g_strdup_printf (_("%u of %u min"), planned, slot);
  gtk_label_set_text (self->total_label, text);
  if (planned > slot)
    gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), "error");
}

/* -------------------------------------------------------------- the slot */

static void
on_slot_toggled_cb (RubricPlanEditor *self)
{
  const char *name = adw_toggle_group_get_active_name (self->slot_group);

  if (self->updating || name == NULL)
    return;
  adw_spin_row_set_value (self->minutes_row, g_ascii_strtod (name, NULL));
}

static void
on_minutes_changed_cb (RubricPlanEditor *self)
{
  g_autofree char *name = g_strdup_printf ("%u", slot_minutes (self));

  self->updating = TRUE;
  if (adw_toggle_group_get_toggle_by_name (self->slot_group, name) != NULL)
    adw_toggle_group_set_active_name (self->slot_group, name);
  else
    adw_toggle_group_set_active (self->slot_group, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  update_total (self);
}

/* ------------------------------------------------------------ the topics */

static TopicState *
find_state (RubricPlanEditor *self,
            const char       *topic_id,
            guint            *index)
{
  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicState *state = g_ptr_array_index (self->topics, i);

      if (g_str_equal (rubric_topic_get_id (state->topic), topic_id))
        {
          if (index != NULL)
            *index = i;
          return state;
        }
    }
  return NULL;
}

static void
update_move_buttons (RubricPlanEditor *self)
{
  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicState *state = g_ptr_array_index (self->topics, i);

      gtk_widget_set_sensitive (state->up, i > 0);
      gtk_widget_set_sensitive (state->down, i + 1 < self->topics->len);
    }
}

static void
move_topic (RubricPlanEditor *self,
            guint             from,
            guint             to)
{
  TopicState *state;
  g_autoptr(GtkWidget) row = NULL;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  if (from == to || from >= self->topics->len || to >= self->topics->len)
    return;

  state = g_ptr_array_steal_index (self->topics, from);
  g_ptr_array_insert (self->topics, (int) to, state);

  /* The row moves, and the focus with it: the button pressed keeps it, or
   * the other one where the row can go no further. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && (focus == state->up || focus == state->down);
  row = g_object_ref (state->row);
  gtk_list_box_remove (self->topics_list, row);
  gtk_list_box_insert (self->topics_list, row, (int) to);
  update_move_buttons (self);
  if (had_focus)
    {
      GtkWidget *target = focus;

      if (!gtk_widget_get_sensitive (target))
        target = target == state->up ? state->down : state->up;
      gtk_widget_grab_focus (target);
    }
}

static void
move_by (RubricPlanEditor *self,
         const char       *topic_id,
         int               delta)
{
  guint index;

  if (find_state (self, topic_id, &index) == NULL)
    return;
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->topics->len))
    return;
  move_topic (self, index, (guint) ((int) index + delta));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (RUBRIC_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (RUBRIC_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
on_move_clicked_cb (GtkButton        *button,
                    RubricPlanEditor *self)
{
  TopicState *state = g_object_get_data (G_OBJECT (button), "rubric-topic-state");

  move_by (self, rubric_topic_get_id (state->topic),
           GTK_WIDGET (button) == state->up ? -1 : 1);
}

static void
on_include_changed_cb (GtkSwitch        *include,
                       GParamSpec       *pspec,
                       RubricPlanEditor *self)
{
  TopicState *state = g_object_get_data (G_OBJECT (include), "rubric-topic-state");
  guint n_asked;

  if (self->updating)
    return;

  /* A topic asked asks at least its main question. */
  topic_minutes (state, &n_asked);
  self->updating = TRUE;
  if (gtk_switch_get_active (include) && n_asked == 0 && state->switches->len > 0)
    adw_switch_row_set_active (g_ptr_array_index (state->switches, 0), TRUE);
  self->updating = FALSE;
  update_total (self);
}

static void
on_question_changed_cb (AdwSwitchRow     *row,
                        GParamSpec       *pspec,
                        RubricPlanEditor *self)
{
  TopicState *state = g_object_get_data (G_OBJECT (row), "rubric-topic-state");
  guint n_asked;

  if (self->updating)
    return;

  /* A question switched on asks its topic; the last one off leaves it out. */
  topic_minutes (state, &n_asked);
  self->updating = TRUE;
  if (adw_switch_row_get_active (row))
    gtk_switch_set_active (state->include, TRUE);
  else if (n_asked == 0)
    gtk_switch_set_active (state->include, FALSE);
  self->updating = FALSE;
  update_total (self);
}

/* ------------------------------------------------------- drag and drop */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    TopicState    *state)
{
  return gdk_content_provider_new_typed (GTK_TYPE_WIDGET, state->row);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  TopicState    *state)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (state->row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            TopicState    *onto)
{
  RubricPlanEditor *self = RUBRIC_PLAN_EDITOR (gtk_widget_get_ancestor (onto->row, RUBRIC_TYPE_PLAN_EDITOR));
  GtkWidget *dragged = g_value_get_object (value);
  guint from = G_MAXUINT;
  guint to = G_MAXUINT;

  if (self == NULL || !GTK_IS_WIDGET (dragged))
    return FALSE;
  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicState *state = g_ptr_array_index (self->topics, i);

      if (state->row == dragged)
        from = i;
      if (state == onto)
        to = i;
    }
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  move_topic (self, from, to);
  return TRUE;
}

/* ------------------------------------------------------- building rows */

static GtkWidget *
move_button (RubricPlanEditor *self,
             TopicState       *state,
             const char       *icon,
             const char       *tooltip,
             const char       *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "rubric-topic-state", state);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_clicked_cb), self, 0);
  return button;
}

static char *
question_subtitle (RubricQuestion *question)
{
  guint minutes = rubric_question_get_minutes (question);

  if (rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN)
    /* Translators: a question's kind and budget, e.g. "Main question · 6 min" */
    return g_strdup_printf (_("Main question · %u min"), minutes);
  /* Translators: a question's kind and budget, e.g. "Follow-up · 5 min" */
  return g_strdup_printf (_("Follow-up · %u min"), minutes);
}

static TopicState *
add_topic_row (RubricPlanEditor   *self,
               RubricTopic        *topic,
               gboolean            included,
               const char * const *question_ids)
{
  TopicState *state = g_new0 (TopicState, 1);
  GListModel *questions = rubric_topic_get_questions (topic);
  const char *title = rubric_topic_get_title (topic);
  g_autofree char *up_label = NULL;
  g_autofree char *down_label = NULL;
  g_autofree char *include_label = NULL;
  GtkWidget *handle;
  GtkDragSource *source;
  GtkDropTarget *drop;

  state->topic = g_object_ref (topic);
  state->questions = g_ptr_array_new_with_free_func (g_object_unref);
  state->switches = g_ptr_array_new ();
  g_ptr_array_add (self->topics, state);

  state->row = adw_expander_row_new ();
  /* Before the title, which would be read as markup on the way. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (state->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (state->row), title);
  rubric_wrap_within (GTK_WIDGET (state->row));

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "dim-label");
  /* Translators: the tooltip of a topic's drag handle in the plan editor */
  gtk_widget_set_tooltip_text (handle, _("Drag to Reorder"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (state->row), handle);
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), state);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), state);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  drop = gtk_drop_target_new (GTK_TYPE_WIDGET, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), state);
  gtk_widget_add_controller (state->row, GTK_EVENT_CONTROLLER (drop));

  /* Translators: what screen readers call the switch that puts a topic in
   * the plan; %s is the topic's title */
  include_label = g_strdup_printf (_("Ask %s"), title);
  state->include = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (state->include), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->include), GTK_ACCESSIBLE_PROPERTY_LABEL, include_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (state->include), include_label);
  gtk_switch_set_active (state->include, included);
  g_object_set_data (G_OBJECT (state->include), "rubric-topic-state", state);

  /* Translators: what screen readers call a button that moves a topic up
   * in the plan; %s is the topic's title, e.g. "Move Migrations Up" */
  up_label = g_strdup_printf (_("Move %s Up"), title);
  /* Translators: what screen readers call a button that moves a topic down
   * in the plan; %s is the topic's title, e.g. "Move Migrations Down" */
  down_label = g_strdup_printf (_("Move %s Down"), title);
  state->up = move_button (self, state, "go-up-symbolic", _("Move Up"), up_label);
  state->down = move_button (self, state, "go-down-symbolic", _("Move Down"), down_label);
  /* Each suffix goes before the last: the arrows, then the switch between
   * them and the row's own expander arrow. */
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (state->row), GTK_WIDGET (state->include));
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (state->row), state->down);
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (state->row), state->up);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
      g_autofree char *subtitle = question_subtitle (question);
      GtkWidget *row = adw_switch_row_new ();
      gboolean asked;

      if (included)
        asked = question_ids != NULL && g_strv_contains (question_ids, rubric_question_get_id (question));
      else
        asked = rubric_question_get_kind (question) == RUBRIC_QUESTION_KIND_MAIN;

      rubric_wrap_within (GTK_WIDGET (row));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rubric_question_get_prompt (question));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_switch_row_set_active (ADW_SWITCH_ROW (row), asked);
      g_object_set_data (G_OBJECT (row), "rubric-topic-state", state);
      g_signal_connect_object (row, "notify::active", G_CALLBACK (on_question_changed_cb), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (state->row), row);

      g_ptr_array_add (state->questions, g_object_ref (question));
      g_ptr_array_add (state->switches, row);
    }

  g_signal_connect_object (state->include, "notify::active", G_CALLBACK (on_include_changed_cb), self, 0);
  gtk_list_box_append (self->topics_list, state->row);
  return state;
}

static void
fill (RubricPlanEditor *self)
{
  GListModel *topics = rubric_kit_get_topics (self->kit);
  g_autofree char *minutes = g_strdup_printf ("%u", rubric_plan_get_slot_minutes (self->plan));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rubric_plan_get_name (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), rubric_plan_get_notes (self->plan));
  adw_spin_row_set_value (self->minutes_row, rubric_plan_get_slot_minutes (self->plan));
  on_minutes_changed_cb (self);

  /* The plan's topics in its order, then the kit's others. */
  for (guint i = 0; i < rubric_plan_get_n_topics (self->plan); i++)
    {
      RubricTopic *topic = rubric_kit_lookup_topic (self->kit, rubric_plan_get_topic_id (self->plan, i));

      if (topic != NULL && find_state (self, rubric_topic_get_id (topic), NULL) == NULL)
        add_topic_row (self, topic, TRUE, rubric_plan_get_question_ids (self->plan, i));
    }
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      if (find_state (self, rubric_topic_get_id (topic), NULL) == NULL)
        add_topic_row (self, topic, FALSE, NULL);
    }

  update_move_buttons (self);
  update_total (self);
}

/* ---------------------------------------------------------------- saving */

/**
 * rubric_plan_editor_dup_plan:
 *
 * Returns: (transfer full): the plan as the dialog has it now, not saved
 */
RubricPlan *
rubric_plan_editor_dup_plan (RubricPlanEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  RubricPlan *plan;

  g_return_val_if_fail (RUBRIC_IS_PLAN_EDITOR (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));
  plan = rubric_plan_new (rubric_plan_get_id (self->plan), name, rubric_kit_get_id (self->kit), slot_minutes (self));
  rubric_plan_set_notes (plan, notes);

  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicState *state = g_ptr_array_index (self->topics, i);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (0, NULL, TRUE);

      if (!gtk_switch_get_active (state->include))
        continue;
      for (guint j = 0; j < state->questions->len; j++)
        if (adw_switch_row_get_active (g_ptr_array_index (state->switches, j)))
          g_ptr_array_add (ids, (gpointer) rubric_question_get_id (g_ptr_array_index (state->questions, j)));
      if (ids->len > 0)
        rubric_plan_add_topic (plan, rubric_topic_get_id (state->topic), (const char * const *) ids->pdata);
    }

  return plan;
}

static void
show_toast (RubricPlanEditor *self,
            const char       *text)
{
  AdwToast *toast = rubric_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RubricPlanEditor) self = user_data;
  g_autoptr(RubricPlan) saved = NULL;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  saved = rubric_plan_library_save_finish (RUBRIC_PLAN_LIBRARY (object), result, &error);
  if (saved == NULL)
    {
      /* Translators: a toast in the plan editor; %s says why, as the
       * system puts it */
      g_autofree char *text = g_strdup_printf (_("Could not save the plan: %s"), error->message);

      show_toast (self, text);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RubricPlanEditor *self = RUBRIC_PLAN_EDITOR (widget);
  g_autoptr(RubricPlan) plan = NULL;

  if (self->saving)
    return;

  plan = rubric_plan_editor_dup_plan (self);
  if (*rubric_plan_get_name (plan) == '\0')
    {
      show_toast (self, _("Give the plan a name"));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (rubric_plan_get_n_topics (plan) == 0)
    {
      show_toast (self, _("Switch on at least one topic to ask"));
      return;
    }

  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  rubric_plan_library_save_async (self->library, plan, NULL, saved_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
rubric_plan_editor_class_init (RubricPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rubric_plan_editor_dispose;

  /**
   * RubricPlanEditor::saved:
   * @plan: the plan as the library saved it
   *
   * The plan is saved; the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RUBRIC_TYPE_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, slot_group);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, topics_list);
  gtk_widget_class_bind_template_child (widget_class, RubricPlanEditor, total_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", "s", move_up_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", "s", move_down_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rubric_plan_editor_init (RubricPlanEditor *self)
{
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_state_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  rubric_wrap_within (GTK_WIDGET (self));
  rubric_a11y_quiet_scrollers (adw_dialog_get_child (ADW_DIALOG (self)));

  g_signal_connect_object (self->slot_group, "notify::active", G_CALLBACK (on_slot_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minutes_row, "notify::value", G_CALLBACK (on_minutes_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * rubric_plan_editor_new:
 * @plan: (nullable): the plan to change, for @kit; %NULL for a new one. A
 *   plan that comes with Rubric is not changed: a copy of it is saved.
 *
 * Returns: (transfer floating): the dialog; it saves through @library
 */
RubricPlanEditor *
rubric_plan_editor_new (RubricPlanLibrary *library,
                        RubricKit         *kit,
                        RubricPlan        *plan)
{
  RubricPlanEditor *self;

  g_return_val_if_fail (RUBRIC_IS_PLAN_LIBRARY (library), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan), NULL);

  self = g_object_new (RUBRIC_TYPE_PLAN_EDITOR, NULL);
  self->library = g_object_ref (library);
  self->kit = g_object_ref (kit);
  if (plan == NULL)
    {
      self->plan = rubric_plan_library_new_plan (library, kit);
      /* Translators: the title of the plan editor for a new plan */
      adw_dialog_set_title (ADW_DIALOG (self), _("New Plan"));
    }
  else if (rubric_plan_library_is_bundled (library, plan))
    self->plan = rubric_plan_library_duplicate (library, plan);
  else
    self->plan = rubric_plan_copy (plan, NULL);

  fill (self);
  return self;
}
