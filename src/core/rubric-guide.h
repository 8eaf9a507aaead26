/* rubric-guide.h — the interview guide: a kit's questions, expected
 * answers, key points and red flags, with a plan's time budgets, on paper
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"
#include "rubric-plan.h"

G_BEGIN_DECLS

char   *rubric_guide_dup_title (RubricKit     *kit,
                                RubricPlan    *plan);
GBytes *rubric_guide_to_pdf    (RubricKit     *kit,
                                RubricPlan    *plan,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
