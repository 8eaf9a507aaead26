/* rubric-plan.h — which of a kit's questions an interview asks, in what order, in how long
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

#define RUBRIC_PLAN_ERROR (rubric_plan_error_quark ())

/**
 * RubricPlanError:
 * @RUBRIC_PLAN_ERROR_TOO_LARGE: the file is over 16 MB
 * @RUBRIC_PLAN_ERROR_NOT_UTF8: the file is not UTF-8 text
 * @RUBRIC_PLAN_ERROR_TOO_DEEP: nested deeper than 64 levels
 * @RUBRIC_PLAN_ERROR_SYNTAX: not valid JSON; the message starts with LINE:COLUMN
 * @RUBRIC_PLAN_ERROR_INVALID: not a valid plan; the message starts with the
 *   JSON path of the problem
 * @RUBRIC_PLAN_ERROR_NEWER: written by a newer Rubric
 * @RUBRIC_PLAN_ERROR_WRONG_KIT: the plan names questions its kit does not have
 */
typedef enum {
  RUBRIC_PLAN_ERROR_TOO_LARGE,
  RUBRIC_PLAN_ERROR_NOT_UTF8,
  RUBRIC_PLAN_ERROR_TOO_DEEP,
  RUBRIC_PLAN_ERROR_SYNTAX,
  RUBRIC_PLAN_ERROR_INVALID,
  RUBRIC_PLAN_ERROR_NEWER,
  RUBRIC_PLAN_ERROR_WRONG_KIT,
} RubricPlanError;

GQuark rubric_plan_error_quark (void);

#define RUBRIC_PLAN_FORMAT_VERSION 1
#define RUBRIC_PLAN_MAX_SLOT_MINUTES (8 * 60)

#define RUBRIC_TYPE_PLAN (rubric_plan_get_type ())
G_DECLARE_FINAL_TYPE (RubricPlan, rubric_plan, RUBRIC, PLAN, GObject)

RubricPlan         *rubric_plan_new                 (const char          *id,
                                                     const char          *name,
                                                     const char          *kit_id,
                                                     guint                slot_minutes);
RubricPlan         *rubric_plan_copy                (RubricPlan          *self,
                                                     const char          *id);
RubricPlan         *rubric_plan_new_default         (RubricKit           *kit,
                                                     guint                slot_minutes);
RubricPlan         *rubric_plan_new_from_bytes      (GBytes              *bytes,
                                                     GError             **error);
GBytes             *rubric_plan_to_bytes            (RubricPlan          *self);
char               *rubric_plan_dup_hash            (RubricPlan          *self);

const char         *rubric_plan_get_id              (RubricPlan          *self);
const char         *rubric_plan_get_name            (RubricPlan          *self);
void                rubric_plan_set_name            (RubricPlan          *self,
                                                     const char          *name);
const char         *rubric_plan_get_kit_id          (RubricPlan          *self);
guint               rubric_plan_get_slot_minutes    (RubricPlan          *self);
void                rubric_plan_set_slot_minutes    (RubricPlan          *self,
                                                     guint                slot_minutes);
const char         *rubric_plan_get_notes           (RubricPlan          *self);
void                rubric_plan_set_notes           (RubricPlan          *self,
                                                     const char          *notes);

guint               rubric_plan_get_n_topics        (RubricPlan          *self);
const char         *rubric_plan_get_topic_id        (RubricPlan          *self,
                                                     guint                index);
const char * const *rubric_plan_get_question_ids    (RubricPlan          *self,
                                                     guint                index);
void                rubric_plan_add_topic           (RubricPlan          *self,
                                                     const char          *topic_id,
                                                     const char * const  *question_ids);
void                rubric_plan_remove_topic        (RubricPlan          *self,
                                                     guint                index);
void                rubric_plan_move_topic          (RubricPlan          *self,
                                                     guint                from,
                                                     guint                to);
gboolean            rubric_plan_includes            (RubricPlan          *self,
                                                     const char          *question_id);

gboolean            rubric_plan_check               (RubricPlan          *self,
                                                     RubricKit           *kit,
                                                     GError             **error);
guint               rubric_plan_get_planned_minutes (RubricPlan          *self,
                                                     RubricKit           *kit);
guint              *rubric_plan_dup_topic_order     (RubricPlan          *self,
                                                     RubricKit           *kit,
                                                     gboolean             show_unplanned,
                                                     guint               *n_topics);
gint64             *rubric_plan_dup_budgets         (RubricPlan          *self,
                                                     RubricKit           *kit);

G_END_DECLS
