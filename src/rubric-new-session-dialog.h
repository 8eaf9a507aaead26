/* rubric-new-session-dialog.h — asks who is interviewed, for what, by whom
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-plan-library.h"
#include "rubric-session.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_NEW_SESSION_DIALOG (rubric_new_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RubricNewSessionDialog, rubric_new_session_dialog, RUBRIC, NEW_SESSION_DIALOG, AdwAlertDialog)

RubricNewSessionDialog *rubric_new_session_dialog_new         (RubricKit              *kit,
                                                               const char             *interviewer);
RubricSession          *rubric_new_session_dialog_dup_session (RubricNewSessionDialog *self);
void                    rubric_new_session_dialog_set_plan_library (RubricNewSessionDialog *self,
                                                                    RubricPlanLibrary      *library);
RubricPlan             *rubric_new_session_dialog_dup_plan    (RubricNewSessionDialog *self);

G_END_DECLS
