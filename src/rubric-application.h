/* rubric-application.h
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-kit.h"
#include "rubric-kit-library.h"
#include "rubric-plan-library.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_APPLICATION (rubric_application_get_type ())

G_DECLARE_FINAL_TYPE (RubricApplication, rubric_application, RUBRIC, APPLICATION, AdwApplication)

RubricApplication *rubric_application_new        (void);
RubricKit         *rubric_application_get_kit    (RubricApplication *self);
RubricKit         *rubric_application_lookup_kit (RubricApplication *self,
                                                  const char        *kit_id);
GListModel        *rubric_application_get_kits   (RubricApplication *self);
RubricPlanLibrary *rubric_application_get_plan_library (RubricApplication *self);
gboolean           rubric_application_is_bundled_kit (RubricApplication *self,
                                                      RubricKit         *kit);
void               rubric_application_set_kit    (RubricApplication *self,
                                                  RubricKit         *kit);
void               rubric_application_choose_kit (RubricApplication *self,
                                                  RubricKitEntry    *entry);
void               rubric_application_import_kit (RubricApplication *self,
                                                  GFile             *file);
void               rubric_application_open_file  (RubricApplication *self,
                                                  GFile             *file);
void               rubric_application_open_files (RubricApplication *self,
                                                  GtkWindow         *into,
                                                  GFile * const     *files,
                                                  guint              n_files);
void               rubric_application_take_files (RubricApplication *self,
                                                  GtkWindow         *into,
                                                  GFile * const     *files,
                                                  guint              n_files);
void               rubric_application_open_debrief (RubricApplication *self,
                                                    GFile * const     *files,
                                                    guint              n_files);
void               rubric_application_open_compare (RubricApplication *self,
                                                    GFile * const     *sources,
                                                    guint              n_sources);
void               rubric_application_add_recent (RubricApplication *self,
                                                  GFile             *file);

G_END_DECLS
