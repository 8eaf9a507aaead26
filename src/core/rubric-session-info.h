/* rubric-session-info.h — who an interview file is about, without opening it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RUBRIC_TYPE_SESSION_INFO (rubric_session_info_get_type ())
G_DECLARE_FINAL_TYPE (RubricSessionInfo, rubric_session_info, RUBRIC, SESSION_INFO, GObject)

GFile       *rubric_session_info_get_file      (RubricSessionInfo    *self);
const char  *rubric_session_info_get_candidate (RubricSessionInfo    *self);
const char  *rubric_session_info_get_role      (RubricSessionInfo    *self);
const char  *rubric_session_info_get_date      (RubricSessionInfo    *self);

void         rubric_session_info_read_async    (GFile * const        *files,
                                                guint                 n_files,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray   *rubric_session_info_read_finish   (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
