/* rubric-plan-private.h — a plan inside another file: the session that ran it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rubric-json-private.h"
#include "rubric-plan.h"

G_BEGIN_DECLS

RubricPlan *_rubric_plan_new_from_members (const RubricJsonObjectReader  *reader,
                                           GError                       **error);
void        _rubric_plan_add_members      (RubricPlan                    *self,
                                           JsonBuilder                   *builder);

G_END_DECLS
