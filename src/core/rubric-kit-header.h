/* rubric-kit-header.h — a kit file's header without its topics, and the
 * cache of kit files' checksums
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *title;
  int   version;
} RubricKitHeader;

void      rubric_kit_header_clear (RubricKitHeader *header);
gboolean  rubric_kit_header_read  (const char      *data,
                                   gsize            length,
                                   GQuark           domain,
                                   RubricKitHeader *header,
                                   GError         **error);

typedef struct _RubricKitHashCache RubricKitHashCache;

RubricKitHashCache *rubric_kit_hash_cache_load   (GFile              *file);
void                rubric_kit_hash_cache_free   (RubricKitHashCache *cache);
const char         *rubric_kit_hash_cache_lookup (RubricKitHashCache *cache,
                                                  const char         *path,
                                                  guint64             size,
                                                  gint64              mtime);
void                rubric_kit_hash_cache_store  (RubricKitHashCache *cache,
                                                  const char         *path,
                                                  guint64             size,
                                                  gint64              mtime,
                                                  const char         *sha256);
void                rubric_kit_hash_cache_keep_all (RubricKitHashCache *cache);
gboolean            rubric_kit_hash_cache_save   (RubricKitHashCache *cache,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
GFile              *rubric_kit_hash_cache_get_default_file (void);

char               *rubric_kit_hash_file         (GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RubricKitHeader, rubric_kit_header_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricKitHashCache, rubric_kit_hash_cache_free)

G_END_DECLS
