/* rubric-debrief-private.h — what the compare reads of a debrief
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A debrief keeps, for each interviewer (in the order of
 * rubric_debrief_get_interviewer()), the candidate summary of their
 * session and what its plan was. The compare of a role
 * (rubric-compare.c) reads them here rather than loading the files
 * again. Not for the window: it reads the debrief's public model.
 */

#pragma once

#include "rubric-debrief.h"

G_BEGIN_DECLS

/* The candidate summary of the INDEXth interviewer's session: no private
 * notes, no answers. Whole even when the interviewer is hidden: the
 * caller must look at the interviewer's hidden and counted first. */
const RubricSummary *_rubric_debrief_get_summary         (RubricDebrief  *self,
                                                          guint           index);
/* Their name as the matching rules compare it (case, accents and runs of
 * spaces folded); a file's own key when it names nobody. */
const char          *_rubric_debrief_get_interviewer_key (RubricDebrief  *self,
                                                          guint           index);
/* The plan their session ran: its id and hash, NULL both without a plan;
 * the kit's id. */
const char          *_rubric_debrief_get_plan_id         (RubricDebrief  *self,
                                                          guint           index);
const char          *_rubric_debrief_get_plan_hash       (RubricDebrief  *self,
                                                          guint           index);
const char          *_rubric_debrief_get_kit_id          (RubricDebrief  *self,
                                                          guint           index);
/* The plan's topic ids, in the plan's order (empty without a plan). */
const char * const  *_rubric_debrief_get_plan_topics     (RubricDebrief  *self,
                                                          guint           index);
/* Leaves the INDEXth interviewer's file out and builds the matrix again. */
void                 _rubric_debrief_remove_interviewer  (RubricDebrief  *self,
                                                          guint           index);
/* The name folded as the matching rules fold it. */
char                *_rubric_debrief_fold_name           (const char     *name);

/* Reading session files in a worker, for the debrief and the compare:
 * LOAD gets the copies the task keeps and returns what it read (NULL
 * with ERROR when cancelled). */
typedef gpointer (*RubricPanelLoadFunc) (RubricKit      *kit,
                                         GFile * const  *files,
                                         guint           n_files,
                                         const char     *me,
                                         GCancellable   *cancellable,
                                         GError        **error);

void                 _rubric_panel_load_async            (gpointer             source,
                                                          gpointer             source_tag,
                                                          RubricKit           *kit,
                                                          GFile * const       *files,
                                                          guint                n_files,
                                                          const char          *me,
                                                          RubricPanelLoadFunc  load,
                                                          GDestroyNotify       result_free,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gpointer             _rubric_panel_load_finish           (gpointer             source,
                                                          gpointer             source_tag,
                                                          GAsyncResult        *result,
                                                          const char         **me,
                                                          GError             **error);

G_END_DECLS
