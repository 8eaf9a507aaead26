/* rubric-session-ticks.c — the evidence an answer holds: key points heard,
 * red flags shown, each when and with a note
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-session"

#include "config.h"

#include "rubric-session-private.h"

static void
tick_clear (gpointer data)
{
  RubricTick *tick = data;

  g_free (tick->note);
}

static RubricTick *
find_tick (RubricAnswer   *self,
           RubricTickKind  kind,
           guint           point)
{
  if (self->ticks == NULL)
    return NULL;

  for (guint i = 0; i < self->ticks->len; i++)
    {
      RubricTick *tick = &g_array_index (self->ticks, RubricTick, i);

      if (tick->kind == kind && tick->point == point)
        return tick;
    }
  return NULL;
}

/* Adds a tick without telling anyone: for loading, and for
 * rubric_answer_set_ticked(), which tells. */
void
_rubric_answer_add_tick (RubricAnswer   *self,
                         RubricTickKind  kind,
                         guint           point,
                         gint64          offset,
                         const char     *note)
{
  RubricTick tick = { kind, point, MAX (offset, 0), g_strdup (note != NULL ? note : "") };

  if (self->ticks == NULL)
    {
      self->ticks = g_array_new (FALSE, FALSE, sizeof (RubricTick));
      g_array_set_clear_func (self->ticks, tick_clear);
    }
  g_array_append_val (self->ticks, tick);
}

/**
 * rubric_answer_get_n_ticks:
 *
 * Returns: how many key points and red flags are ticked
 */
guint
rubric_answer_get_n_ticks (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), 0);
  return self->ticks != NULL ? self->ticks->len : 0;
}

/**
 * rubric_answer_get_tick:
 * @index: below rubric_answer_get_n_ticks(), in the order they were ticked
 * @kind: (out) (optional): a key point or a red flag
 * @point: (out) (optional): which of the question's key points or red flags
 * @offset: (out) (optional): when it was ticked, in seconds into the interview
 * @note: (out) (optional) (transfer none): the evidence note, or ""
 */
void
rubric_answer_get_tick (RubricAnswer    *self,
                        guint            index,
                        RubricTickKind  *kind,
                        guint           *point,
                        gint64          *offset,
                        const char     **note)
{
  RubricTick *tick;

  g_return_if_fail (RUBRIC_IS_ANSWER (self));
  g_return_if_fail (index < rubric_answer_get_n_ticks (self));

  tick = &g_array_index (self->ticks, RubricTick, index);
  if (kind != NULL)
    *kind = tick->kind;
  if (point != NULL)
    *point = tick->point;
  if (offset != NULL)
    *offset = tick->offset;
  if (note != NULL)
    *note = tick->note;
}

gboolean
rubric_answer_get_ticked (RubricAnswer   *self,
                          RubricTickKind  kind,
                          guint           point)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), FALSE);
  return find_tick (self, kind, point) != NULL;
}

/**
 * rubric_answer_get_tick_offset:
 *
 * Returns: when the point was ticked, in seconds into the interview, or -1
 *   when it is not ticked
 */
gint64
rubric_answer_get_tick_offset (RubricAnswer   *self,
                               RubricTickKind  kind,
                               guint           point)
{
  RubricTick *tick;

  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), -1);

  tick = find_tick (self, kind, point);
  return tick != NULL ? tick->offset : -1;
}

/**
 * rubric_answer_get_tick_note:
 *
 * Returns: (nullable): the evidence note of a ticked point ("" when it has
 *   none), or %NULL when the point is not ticked
 */
const char *
rubric_answer_get_tick_note (RubricAnswer   *self,
                             RubricTickKind  kind,
                             guint           point)
{
  RubricTick *tick;

  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);

  tick = find_tick (self, kind, point);
  return tick != NULL ? tick->note : NULL;
}

/**
 * rubric_answer_set_ticked:
 * @point: which of the question's key points or red flags, counted from 0
 * @offset: seconds into the interview, kept only when the point becomes ticked
 *
 * Ticks or unticks a point. Unticking drops its evidence note. Ticking a
 * ticked point keeps its first time.
 */
void
rubric_answer_set_ticked (RubricAnswer   *self,
                          RubricTickKind  kind,
                          guint           point,
                          gboolean        ticked,
                          gint64          offset)
{
  RubricTick *tick;

  g_return_if_fail (RUBRIC_IS_ANSWER (self));
  g_return_if_fail (kind == RUBRIC_TICK_KEY_POINT || kind == RUBRIC_TICK_RED_FLAG);
  g_return_if_fail (point <= RUBRIC_TICK_MAX_POINT);

  tick = find_tick (self, kind, point);
  if ((tick != NULL) == !!ticked)
    return;

  _rubric_answer_will_change (self, RUBRIC_UNDO_TICK);
  if (ticked)
    _rubric_answer_add_tick (self, kind, point, offset, NULL);
  else
    g_array_remove_index (self->ticks, tick - &g_array_index (self->ticks, RubricTick, 0));

  _rubric_answer_notify_ticks (self);
}

/**
 * rubric_answer_set_tick_note:
 * @note: one line: what was heard
 *
 * Sets the evidence note of a ticked point. Line breaks become spaces and
 * white space around the note is dropped.
 */
void
rubric_answer_set_tick_note (RubricAnswer   *self,
                             RubricTickKind  kind,
                             guint           point,
                             const char     *note)
{
  g_autofree char *clean = NULL;
  RubricTick *tick;

  g_return_if_fail (RUBRIC_IS_ANSWER (self));
  g_return_if_fail (note != NULL);

  tick = find_tick (self, kind, point);
  g_return_if_fail (tick != NULL);

  clean = g_strdup (note);
  g_strdelimit (clean, "\r\n", ' ');
  g_strstrip (clean);
  if (g_str_equal (tick->note, clean))
    return;

  g_free (tick->note);
  tick->note = g_steal_pointer (&clean);
  _rubric_answer_notify_ticks (self);
}

/* A copy of @ticks, notes and all; NULL: none. */
static GArray *
copy_ticks (GArray *ticks)
{
  GArray *copy;

  if (ticks == NULL || ticks->len == 0)
    return NULL;

  copy = g_array_sized_new (FALSE, FALSE, sizeof (RubricTick), ticks->len);
  g_array_set_clear_func (copy, tick_clear);
  for (guint i = 0; i < ticks->len; i++)
    {
      RubricTick tick = g_array_index (ticks, RubricTick, i);

      tick.note = g_strdup (tick.note);
      g_array_append_val (copy, tick);
    }
  return copy;
}

/* The answer's ticks, for the undo stack. */
GArray *
_rubric_answer_dup_ticks (RubricAnswer *self)
{
  return copy_ticks (self->ticks);
}

static gboolean
ticks_equal (GArray *a,
             GArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      RubricTick *x = &g_array_index (a, RubricTick, i);
      RubricTick *y = &g_array_index (b, RubricTick, i);

      if (x->kind != y->kind || x->point != y->point || x->offset != y->offset || !g_str_equal (x->note, y->note))
        return FALSE;
    }
  return TRUE;
}

/* Undo: the ticks exactly as _rubric_answer_dup_ticks() copied them, in
 * their order, with their times and notes. */
void
_rubric_answer_restore_ticks (RubricAnswer *self,
                              GArray       *ticks)
{
  if (ticks_equal (self->ticks, ticks))
    return;

  g_clear_pointer (&self->ticks, g_array_unref);
  self->ticks = copy_ticks (ticks);
  _rubric_answer_notify_ticks (self);
}
