/* rubric-window.h
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-application.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_WINDOW (rubric_window_get_type ())

G_DECLARE_FINAL_TYPE (RubricWindow, rubric_window, RUBRIC, WINDOW, AdwApplicationWindow)

RubricWindow *rubric_window_new (RubricApplication *application);

G_END_DECLS
