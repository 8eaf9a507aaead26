/* rubric-file.h — the one way Rubric reads and writes its files
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RUBRIC_FILE_ERROR (rubric_file_error_quark ())

/* Besides these, G_IO_ERROR: G_IO_ERROR_NOT_REGULAR_FILE for a folder, a
 * FIFO or a device, and the system's reasons (no space, no permission…). */
typedef enum {
  RUBRIC_FILE_ERROR_TOO_LARGE,     /* over the limit, before reading or writing */
  RUBRIC_FILE_ERROR_CONFLICT,      /* changed on disk since it was last read or written */
} RubricFileError;

GQuark      rubric_file_error_quark     (void);

/* A stamp says which version of a file is on disk: its device, inode, size
 * and modification time (or a GVfs etag). Two equal stamps mean nobody
 * replaced, renamed, deleted or wrote the file in between. NULL stands for
 * "no file there". */
char       *rubric_file_dup_stamp       (GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error);
gboolean    rubric_file_stamp_equal     (const char    *a,
                                         const char    *b);
gboolean    rubric_file_stamps_same_file (const char   *a,
                                          const char   *b);

GBytes     *rubric_file_read            (GFile         *file,
                                         gsize          max_size,
                                         char         **stamp,
                                         GCancellable  *cancellable,
                                         GError       **error);

/**
 * RubricFileWriteFlags:
 * @RUBRIC_FILE_WRITE_NONE: replace whatever is there
 * @RUBRIC_FILE_WRITE_CHECK_STAMP: refuse with %RUBRIC_FILE_ERROR_CONFLICT
 *   unless the file on disk still has the expected stamp (NULL: no file)
 * @RUBRIC_FILE_WRITE_MAKE_FOLDER: make the file's folder, and its parents,
 *   when they are missing
 */
typedef enum {
  RUBRIC_FILE_WRITE_NONE        = 0,
  RUBRIC_FILE_WRITE_CHECK_STAMP = 1 << 0,
  RUBRIC_FILE_WRITE_MAKE_FOLDER = 1 << 1,
} RubricFileWriteFlags;

gboolean    rubric_file_write           (GFile                *file,
                                         GBytes               *bytes,
                                         RubricFileWriteFlags  flags,
                                         const char           *expected_stamp,
                                         char                **new_stamp,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        rubric_file_write_async     (GFile                *file,
                                         GBytes               *bytes,
                                         RubricFileWriteFlags  flags,
                                         const char           *expected_stamp,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    rubric_file_write_finish    (GAsyncResult         *result,
                                         char                **new_stamp,
                                         GError              **error);

char       *rubric_file_suggest_name    (const char           *name,
                                         const char           *date,
                                         const char           *extension);

gboolean    rubric_file_is_one_of       (GFile                *file,
                                         GPtrArray            *files,
                                         GCancellable         *cancellable);

GPtrArray  *rubric_file_list_names      (GFile                *folder,
                                         const char           *suffix,
                                         GCancellable         *cancellable,
                                         GError              **error);

gboolean    rubric_file_is_temporary    (const char           *name);
guint       rubric_file_remove_leftovers (GFile               *file,
                                          GCancellable        *cancellable);

G_END_DECLS
