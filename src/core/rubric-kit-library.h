/* rubric-kit-library.h — the installed kits: the bundled one and the user's
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

#define RUBRIC_KIT_LIBRARY_ERROR (rubric_kit_library_error_quark ())

/**
 * RubricKitLibraryError:
 * @RUBRIC_KIT_LIBRARY_ERROR_BUNDLED_ID: the kit to import has the id of the
 *   bundled kit, with other content
 * @RUBRIC_KIT_LIBRARY_ERROR_DUPLICATE_ID: a different kit with the same id is
 *   already imported (or being imported)
 * @RUBRIC_KIT_LIBRARY_ERROR_BUNDLED: the bundled kit cannot be removed
 * @RUBRIC_KIT_LIBRARY_ERROR_NOT_FOUND: the kit is not one of the library's
 *
 * Errors of the library itself. Problems with a kit file are the kit
 * loader's own errors (%RUBRIC_KIT_ERROR, %G_IO_ERROR), passed on unchanged.
 */
typedef enum {
  RUBRIC_KIT_LIBRARY_ERROR_BUNDLED_ID,
  RUBRIC_KIT_LIBRARY_ERROR_DUPLICATE_ID,
  RUBRIC_KIT_LIBRARY_ERROR_BUNDLED,
  RUBRIC_KIT_LIBRARY_ERROR_NOT_FOUND,
} RubricKitLibraryError;

GQuark rubric_kit_library_error_quark (void);

#define RUBRIC_TYPE_KIT_ENTRY (rubric_kit_entry_get_type ())
G_DECLARE_FINAL_TYPE (RubricKitEntry, rubric_kit_entry, RUBRIC, KIT_ENTRY, GObject)

const char         *rubric_kit_entry_get_id         (RubricKitEntry       *self);
const char         *rubric_kit_entry_get_title      (RubricKitEntry       *self);
const char         *rubric_kit_entry_get_sha256     (RubricKitEntry       *self);
guint64             rubric_kit_entry_get_size       (RubricKitEntry       *self);
GFile              *rubric_kit_entry_get_file       (RubricKitEntry       *self);
RubricKit          *rubric_kit_entry_get_kit        (RubricKitEntry       *self);

#define RUBRIC_TYPE_KIT_LIBRARY (rubric_kit_library_get_type ())
G_DECLARE_FINAL_TYPE (RubricKitLibrary, rubric_kit_library, RUBRIC, KIT_LIBRARY, GObject)

GFile              *rubric_kit_library_get_folder   (void);

RubricKitLibrary   *rubric_kit_library_new          (GBytes               *bundled_kit_bytes);
RubricKitLibrary   *rubric_kit_library_new_for_kit  (RubricKit            *bundled_kit);

void                rubric_kit_library_load_async   (RubricKitLibrary     *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            rubric_kit_library_load_finish  (RubricKitLibrary     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
gboolean            rubric_kit_library_get_loaded   (RubricKitLibrary     *self);
const char * const *rubric_kit_library_get_warnings (RubricKitLibrary     *self);

GListModel         *rubric_kit_library_get_kits     (RubricKitLibrary     *self);
RubricKit          *rubric_kit_library_get_bundled  (RubricKitLibrary     *self);
RubricKitEntry     *rubric_kit_library_lookup       (RubricKitLibrary     *self,
                                                     const char           *kit_id);
void                rubric_kit_library_load_kit_async (RubricKitLibrary   *self,
                                                       RubricKitEntry     *entry,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
RubricKit          *rubric_kit_library_load_kit_finish (RubricKitLibrary  *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
gboolean            rubric_kit_library_is_bundled   (RubricKitLibrary     *self,
                                                     RubricKit            *kit);
GFile              *rubric_kit_library_get_file     (RubricKitLibrary     *self,
                                                     RubricKit            *kit);

void                rubric_kit_library_import_async (RubricKitLibrary     *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RubricKit          *rubric_kit_library_import_finish (RubricKitLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void                rubric_kit_library_remove_async (RubricKitLibrary     *self,
                                                     RubricKit            *kit,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            rubric_kit_library_remove_finish (RubricKitLibrary    *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean            rubric_kit_library_set_aside    (RubricKitLibrary     *self,
                                                     RubricKit            *kit);
gboolean            rubric_kit_library_put_back     (RubricKitLibrary     *self,
                                                     RubricKit            *kit);
gboolean            rubric_kit_library_is_set_aside (RubricKitLibrary     *self,
                                                     RubricKit            *kit);
void                rubric_kit_library_remove_set_aside (RubricKitLibrary *self);

G_END_DECLS
