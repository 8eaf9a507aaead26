/* rubric-plan-library.h — the interview plans: the bundled ones and the user's
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-plan.h"

G_BEGIN_DECLS

#define RUBRIC_PLAN_LIBRARY_ERROR (rubric_plan_library_error_quark ())

/**
 * RubricPlanLibraryError:
 * @RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED: a plan that comes with Rubric cannot
 *   be changed or deleted
 * @RUBRIC_PLAN_LIBRARY_ERROR_NOT_FOUND: the plan is not one of the library's
 * @RUBRIC_PLAN_LIBRARY_ERROR_NO_KIT: the plan to import is for a kit that is
 *   not installed
 *
 * Errors of the library itself. Problems with a plan file are the plan
 * loader's own errors (%RUBRIC_PLAN_ERROR, %G_IO_ERROR), passed on unchanged.
 */
typedef enum {
  RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED,
  RUBRIC_PLAN_LIBRARY_ERROR_NOT_FOUND,
  RUBRIC_PLAN_LIBRARY_ERROR_NO_KIT,
} RubricPlanLibraryError;

GQuark rubric_plan_library_error_quark (void);

#define RUBRIC_TYPE_PLAN_LIBRARY (rubric_plan_library_get_type ())
G_DECLARE_FINAL_TYPE (RubricPlanLibrary, rubric_plan_library, RUBRIC, PLAN_LIBRARY, GObject)

GFile              *rubric_plan_library_get_folder   (void);

RubricPlanLibrary  *rubric_plan_library_new          (GBytes               *bundled_plan_bytes);

void                rubric_plan_library_load_async   (RubricPlanLibrary    *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            rubric_plan_library_load_finish  (RubricPlanLibrary    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean            rubric_plan_library_get_loaded   (RubricPlanLibrary    *self);
const char * const *rubric_plan_library_get_warnings (RubricPlanLibrary    *self);

GListModel         *rubric_plan_library_get_plans    (RubricPlanLibrary    *self);
RubricPlan         *rubric_plan_library_lookup       (RubricPlanLibrary    *self,
                                                      const char           *plan_id);
RubricPlan         *rubric_plan_library_get_bundled_for_kit (RubricPlanLibrary *self,
                                                             const char        *kit_id);
gboolean            rubric_plan_library_is_bundled   (RubricPlanLibrary    *self,
                                                      RubricPlan           *plan);
char               *rubric_plan_library_dup_free_id  (RubricPlanLibrary    *self,
                                                      const char           *base);
RubricPlan         *rubric_plan_library_new_plan     (RubricPlanLibrary    *self,
                                                      RubricKit            *kit);
RubricPlan         *rubric_plan_library_duplicate    (RubricPlanLibrary    *self,
                                                      RubricPlan           *plan);

void                rubric_plan_library_save_async   (RubricPlanLibrary    *self,
                                                      RubricPlan           *plan,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RubricPlan         *rubric_plan_library_save_finish  (RubricPlanLibrary    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void                rubric_plan_library_import_async (RubricPlanLibrary    *self,
                                                      GFile                *file,
                                                      GListModel           *kits,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RubricPlan         *rubric_plan_library_import_finish (RubricPlanLibrary   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void                rubric_plan_library_export_async (RubricPlanLibrary    *self,
                                                      RubricPlan           *plan,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            rubric_plan_library_export_finish (RubricPlanLibrary   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void                rubric_plan_library_delete_async (RubricPlanLibrary    *self,
                                                      RubricPlan           *plan,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            rubric_plan_library_delete_finish (RubricPlanLibrary   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
