/* rubric-plans-dialog.h — the interview plans of a kit: make, change,
 * share and delete them
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-plan-library.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_PLANS_DIALOG (rubric_plans_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RubricPlansDialog, rubric_plans_dialog, RUBRIC, PLANS_DIALOG, AdwDialog)

RubricPlansDialog *rubric_plans_dialog_new          (RubricPlanLibrary *library,
                                                     RubricKit         *kit,
                                                     GListModel        *kits);
void               rubric_plans_dialog_import_file  (RubricPlansDialog *self,
                                                     GFile             *file);
void               rubric_plans_dialog_export_to    (RubricPlansDialog *self,
                                                     const char        *plan_id,
                                                     GFile             *file);

G_END_DECLS
