/* rubric-undo.c — what the interviewer scored last, and how to take it back
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An interview's undo stack, for what it scores: a question's rating and
 * skipped mark, its ticked key points and red flags, the recommendation.
 * The session tells the stack just before such a change lands (whoever
 * makes it: a key, the slider, a click on a checklist row, the toggle
 * group), so each step holds the state as it was: undoing puts back that
 * exact state — "not rated", a tick with its time and note, in its
 * place among the others — through the session's own setters, so the
 * change is saved as any other is. Typing is the text fields' own undo.
 *
 * Nothing is kept once the scorecard is sealed: a seal is a line drawn,
 * and undo never reaches behind it.
 */

#define G_LOG_DOMAIN "rubric-undo"

#include "config.h"

#include "rubric-session-private.h"
#include "rubric-undo.h"

/* The state of one answer, or of the recommendation, before a step. */
typedef struct
{
  RubricAnswer *answer;                  /* NULL: the recommendation */
  int rating;
  gboolean skipped;
  GArray *ticks;                         /* RubricTick; NULL: none */
  RubricRecommendation recommendation;
} Change;

typedef struct
{
  RubricUndoKind kind;
  GPtrArray *changes;                    /* Change, in the order made */
} Step;

struct _RubricUndo
{
  GObject parent_instance;

  RubricSession *session;
  GPtrArray *steps;                      /* Step, oldest first */
  Step *open;                            /* between begin and end */
  guint depth;
  gboolean undoing;
  gboolean can_undo;                     /* as last notified */
};

G_DEFINE_FINAL_TYPE (RubricUndo, rubric_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STEP_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->answer);
  g_clear_pointer (&change->ticks, g_array_unref);
  g_free (change);
}

static Step *
step_new (RubricUndoKind kind)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->changes = g_ptr_array_new_with_free_func (change_free);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->changes);
  g_free (step);
}

static void
update_can_undo (RubricUndo *self)
{
  gboolean can_undo = self->steps->len > 0 && rubric_session_get_editable (self->session);

  if (can_undo == self->can_undo)
    return;
  self->can_undo = can_undo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
push_step (RubricUndo *self,
           Step       *step)
{
  g_ptr_array_add (self->steps, step);
  if (self->steps->len > RUBRIC_UNDO_MAX_STEPS)
    g_ptr_array_remove_index (self->steps, 0);
  update_can_undo (self);
  g_signal_emit (self, signals[STEP_ADDED], 0, step->kind);
}

/* A step holds each answer's state once: as it was before the step. */
static void
record (RubricUndo     *self,
        RubricUndoKind  kind,
        Change         *change)
{
  Step *step;

  if (self->undoing || !rubric_session_get_editable (self->session))
    {
      change_free (change);
      return;
    }

  if (self->open != NULL)
    {
      for (guint i = 0; i < self->open->changes->len; i++)
        if (((Change *) g_ptr_array_index (self->open->changes, i))->answer == change->answer)
          {
            change_free (change);
            return;
          }
      g_ptr_array_add (self->open->changes, change);
      return;
    }

  step = step_new (kind);
  g_ptr_array_add (step->changes, change);
  push_step (self, step);
}

/* Called by the session just before @answer's rating, skipped mark or
 * ticks change. */
void
_rubric_undo_answer_will_change (RubricUndo     *self,
                                 RubricAnswer   *answer,
                                 RubricUndoKind  kind)
{
  Change *change = g_new0 (Change, 1);

  change->answer = g_object_ref (answer);
  change->rating = rubric_answer_get_rating (answer);
  change->skipped = rubric_answer_get_skipped (answer);
  change->ticks = _rubric_answer_dup_ticks (answer);
  record (self, kind, change);
}

/* Called by the session just before its recommendation changes. */
void
_rubric_undo_recommendation_will_change (RubricUndo *self)
{
  Change *change = g_new0 (Change, 1);

  change->recommendation = rubric_session_get_recommendation (self->session);
  record (self, RUBRIC_UNDO_RECOMMEND, change);
}

static void
on_editable_cb (RubricUndo *self)
{
  /* Sealed: nothing before the seal can be undone, even once unsealed. */
  if (!rubric_session_get_editable (self->session))
    rubric_undo_clear (self);
  update_can_undo (self);
}

static void
rubric_undo_dispose (GObject *object)
{
  RubricUndo *self = RUBRIC_UNDO (object);

  if (self->session != NULL && self->session->undo == self)
    self->session->undo = NULL;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);

  G_OBJECT_CLASS (rubric_undo_parent_class)->dispose (object);
}

static void
rubric_undo_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RubricUndo *self = RUBRIC_UNDO (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_undo_class_init (RubricUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rubric_undo_dispose;
  object_class->get_property = rubric_undo_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RUBRIC_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * RubricUndo:can-undo:
   *
   * Whether there is a step to undo and the scorecard may change.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricUndo::step-added:
   * @kind: a #RubricUndoKind: what the step is
   *
   * A step that can be undone was added on top, as its change is made.
   */
  signals[STEP_ADDED] =
    g_signal_new ("step-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
rubric_undo_init (RubricUndo *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

/**
 * rubric_undo_new:
 * @session: the interview whose scoring changes are kept from now on
 *
 * A session has one undo stack at a time.
 */
RubricUndo *
rubric_undo_new (RubricSession *session)
{
  RubricUndo *self;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (session->undo == NULL, NULL);

  self = g_object_new (RUBRIC_TYPE_UNDO, NULL);
  self->session = g_object_ref (session);
  session->undo = self;
  g_signal_connect_object (session, "notify::editable", G_CALLBACK (on_editable_cb), self, G_CONNECT_SWAPPED);
  return self;
}

RubricSession *
rubric_undo_get_session (RubricUndo *self)
{
  g_return_val_if_fail (RUBRIC_IS_UNDO (self), NULL);
  return self->session;
}

gboolean
rubric_undo_get_can_undo (RubricUndo *self)
{
  g_return_val_if_fail (RUBRIC_IS_UNDO (self), FALSE);
  return self->can_undo;
}

guint
rubric_undo_get_n_steps (RubricUndo *self)
{
  g_return_val_if_fail (RUBRIC_IS_UNDO (self), 0);
  return self->steps->len;
}

/**
 * rubric_undo_get_kind:
 *
 * Returns: what the step on top is, %RUBRIC_UNDO_NONE when there is none
 */
RubricUndoKind
rubric_undo_get_kind (RubricUndo *self)
{
  g_return_val_if_fail (RUBRIC_IS_UNDO (self), RUBRIC_UNDO_NONE);

  if (self->steps->len == 0)
    return RUBRIC_UNDO_NONE;
  return ((Step *) g_ptr_array_index (self->steps, self->steps->len - 1))->kind;
}

/**
 * rubric_undo_begin:
 * @kind: what the user does
 *
 * Until rubric_undo_end(), every change is part of one step: a rating key
 * that also clears the skipped mark is undone at once. Nests.
 */
void
rubric_undo_begin (RubricUndo     *self,
                   RubricUndoKind  kind)
{
  g_return_if_fail (RUBRIC_IS_UNDO (self));

  if (self->depth++ == 0)
    self->open = step_new (kind);
}

void
rubric_undo_end (RubricUndo *self)
{
  Step *step;

  g_return_if_fail (RUBRIC_IS_UNDO (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;
  step = g_steal_pointer (&self->open);
  if (step->changes->len == 0)
    step_free (step);
  else
    push_step (self, step);
}

/**
 * rubric_undo_undo:
 * @question_id: (out) (optional) (nullable): the question whose answer
 *   was put back, %NULL for the recommendation
 *
 * Puts back what the step on top changed, as it was, and drops the step.
 * A sealed or read-only scorecard stays as it is.
 *
 * Returns: what was undone; %RUBRIC_UNDO_NONE when nothing was
 */
RubricUndoKind
rubric_undo_undo (RubricUndo  *self,
                  char       **question_id)
{
  Step *step;
  RubricUndoKind kind;

  g_return_val_if_fail (RUBRIC_IS_UNDO (self), RUBRIC_UNDO_NONE);
  g_return_val_if_fail (self->depth == 0, RUBRIC_UNDO_NONE);

  if (question_id != NULL)
    *question_id = NULL;
  if (!self->can_undo)
    return RUBRIC_UNDO_NONE;

  step = g_ptr_array_steal_index (self->steps, self->steps->len - 1);
  kind = step->kind;

  self->undoing = TRUE;
  for (guint i = step->changes->len; i > 0; i--)
    {
      Change *change = g_ptr_array_index (step->changes, i - 1);

      if (change->answer == NULL)
        {
          rubric_session_set_recommendation (self->session, change->recommendation);
          continue;
        }
      _rubric_answer_restore_ticks (change->answer, change->ticks);
      rubric_answer_set_skipped (change->answer, change->skipped);
      rubric_answer_set_rating (change->answer, change->rating);
      if (question_id != NULL && *question_id == NULL)
        *question_id = g_strdup (rubric_answer_get_question_id (change->answer));
    }
  self->undoing = FALSE;

  step_free (step);
  update_can_undo (self);
  return kind;
}

void
rubric_undo_clear (RubricUndo *self)
{
  g_return_if_fail (RUBRIC_IS_UNDO (self));

  g_ptr_array_set_size (self->steps, 0);
  update_can_undo (self);
}
