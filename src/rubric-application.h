/* rubric-application.h
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RUBRIC_TYPE_APPLICATION (rubric_application_get_type ())

G_DECLARE_FINAL_TYPE (RubricApplication, rubric_application, RUBRIC, APPLICATION, AdwApplication)

RubricApplication *rubric_application_new (void);

G_END_DECLS
