/* rubric-preferences-dialog.h
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RUBRIC_TYPE_PREFERENCES_DIALOG (rubric_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RubricPreferencesDialog, rubric_preferences_dialog, RUBRIC, PREFERENCES_DIALOG, AdwPreferencesDialog)

AdwDialog *rubric_preferences_dialog_new (void);

G_END_DECLS
