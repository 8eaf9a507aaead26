/* rubric-plan-editor.h — makes or changes an interview plan
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-plan-library.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_PLAN_EDITOR (rubric_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (RubricPlanEditor, rubric_plan_editor, RUBRIC, PLAN_EDITOR, AdwDialog)

RubricPlanEditor *rubric_plan_editor_new      (RubricPlanLibrary *library,
                                               RubricKit         *kit,
                                               RubricPlan        *plan);
RubricPlan       *rubric_plan_editor_dup_plan (RubricPlanEditor  *self);

G_END_DECLS
