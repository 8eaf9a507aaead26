/* rubric-interview-private.h — what tests may do that windows do not
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-interview.h"

G_BEGIN_DECLS

void _rubric_interview_step_clock (RubricInterview *self);
void _rubric_interview_stop_clock (RubricInterview *self);

G_END_DECLS
