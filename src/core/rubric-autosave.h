/* rubric-autosave.h — saves a session a moment after the user stops typing
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-session.h"

G_BEGIN_DECLS

/* A pause of a second writes; typing that never pauses is written every
 * two seconds, so a crash loses at most that (and the write itself). */
#define RUBRIC_AUTOSAVE_DEFAULT_DELAY_MS 1000
#define RUBRIC_AUTOSAVE_MAX_WAIT_FACTOR  2

#define RUBRIC_TYPE_AUTOSAVE (rubric_autosave_get_type ())
G_DECLARE_FINAL_TYPE (RubricAutosave, rubric_autosave, RUBRIC, AUTOSAVE, GObject)

RubricAutosave *rubric_autosave_new          (RubricSession        *session,
                                              GFile                *file);
RubricSession  *rubric_autosave_get_session  (RubricAutosave       *self);
GFile          *rubric_autosave_get_file     (RubricAutosave       *self);
void            rubric_autosave_set_file     (RubricAutosave       *self,
                                              GFile                *file);
guint           rubric_autosave_get_delay    (RubricAutosave       *self);
void            rubric_autosave_set_delay    (RubricAutosave       *self,
                                              guint                 delay_ms);
gboolean        rubric_autosave_get_dirty    (RubricAutosave       *self);
gboolean        rubric_autosave_get_saving   (RubricAutosave       *self);
void            rubric_autosave_set_stamp    (RubricAutosave       *self,
                                              const char           *stamp);
gboolean        rubric_autosave_get_conflict (RubricAutosave       *self);
const char     *rubric_autosave_get_stamp    (RubricAutosave       *self);
void            rubric_autosave_overwrite_async (RubricAutosave    *self,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
void            rubric_autosave_flush_async  (RubricAutosave       *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean        rubric_autosave_flush_finish (RubricAutosave       *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
