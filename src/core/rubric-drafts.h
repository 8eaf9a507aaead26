/* rubric-drafts.h — where untitled sessions autosave, and finding them again
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
 * RubricDraft:
 * @file: where the draft is
 * @session: what it holds
 *
 * An interview left unsaved by a crash, as rubric_drafts_list_finish()
 * finds it.
 */
typedef struct {
  GFile         *file;
  RubricSession *session;
} RubricDraft;

RubricDraft *rubric_draft_new  (GFile         *file,
                                RubricSession *session);
void         rubric_draft_free (RubricDraft   *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricDraft, rubric_draft_free)

GFile     *rubric_drafts_get_folder   (void);
GFile     *rubric_drafts_new_file     (void);
gboolean   rubric_drafts_is_draft     (GFile                *file);
void       rubric_drafts_prepare_folder_async  (GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean   rubric_drafts_prepare_folder_finish (GAsyncResult        *result,
                                                GError             **error);
void       rubric_drafts_list_async   (RubricKit            *kit,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GPtrArray *rubric_drafts_list_finish  (GAsyncResult         *result,
                                       GStrv                *problems,
                                       GError              **error);
void       rubric_drafts_discard      (GFile                *file);

G_END_DECLS
