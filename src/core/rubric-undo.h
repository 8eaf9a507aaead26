/* rubric-undo.h — what the interviewer scored last, and how to take it back
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-session.h"

G_BEGIN_DECLS

/**
 * RubricUndoKind:
 * @RUBRIC_UNDO_NONE: nothing
 * @RUBRIC_UNDO_RATE: a question's rating set or cleared
 * @RUBRIC_UNDO_SKIP: a question marked skipped
 * @RUBRIC_UNDO_UNSKIP: a question no longer skipped
 * @RUBRIC_UNDO_TICK: a key point or red flag ticked or unticked
 * @RUBRIC_UNDO_RECOMMEND: the recommendation changed
 *
 * What one step that can be undone was.
 */
typedef enum {
  RUBRIC_UNDO_NONE,
  RUBRIC_UNDO_RATE,
  RUBRIC_UNDO_SKIP,
  RUBRIC_UNDO_UNSKIP,
  RUBRIC_UNDO_TICK,
  RUBRIC_UNDO_RECOMMEND,
} RubricUndoKind;

/* How many steps back an interview keeps. */
#define RUBRIC_UNDO_MAX_STEPS 100

#define RUBRIC_TYPE_UNDO (rubric_undo_get_type ())
G_DECLARE_FINAL_TYPE (RubricUndo, rubric_undo, RUBRIC, UNDO, GObject)

RubricUndo     *rubric_undo_new          (RubricSession *session);
RubricSession  *rubric_undo_get_session  (RubricUndo    *self);
gboolean        rubric_undo_get_can_undo (RubricUndo    *self);
guint           rubric_undo_get_n_steps  (RubricUndo    *self);
RubricUndoKind  rubric_undo_get_kind     (RubricUndo    *self);
void            rubric_undo_begin        (RubricUndo    *self,
                                          RubricUndoKind kind);
void            rubric_undo_end          (RubricUndo    *self);
RubricUndoKind  rubric_undo_undo         (RubricUndo    *self,
                                          char         **question_id);
void            rubric_undo_clear        (RubricUndo    *self);

G_END_DECLS
