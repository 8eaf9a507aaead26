/* rubric-shortcuts-dialog.h — every keyboard shortcut, searchable
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RUBRIC_TYPE_SHORTCUTS_DIALOG (rubric_shortcuts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RubricShortcutsDialog, rubric_shortcuts_dialog, RUBRIC, SHORTCUTS_DIALOG, AdwPreferencesDialog)

AdwDialog *rubric_shortcuts_dialog_new (GtkApplication *application);

G_END_DECLS
