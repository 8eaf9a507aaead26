/* rubric-kit-library.c — the installed kits: the bundled one and the user's
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rubric comes with one kit, a resource the application hands over as
 * bytes. The user's own kits are files in $XDG_DATA_HOME/rubric/kits, one
 * kit a file, named <kit-id>.json when Rubric imported them. The library
 * is a GListModel of them all: the bundled kit first, then the user's by
 * title.
 *
 * At start-up only each kit's header (id, title) is read, and its checksum
 * comes from a cache kept by file size and time (rubric-kit-header.c): the
 * model holds a RubricKitEntry a kit. A kit is parsed the first time it is
 * used (rubric_kit_library_load_kit_async()) and kept; the bundled kit is
 * parsed once, and shared with the application when it hands it over.
 *
 * A file in the folder whose header does not load is skipped and reported
 * as a warning, as is a second kit with an id the library already has: kit ids
 * are what sessions and study progress refer to, so they are unique here.
 * Reading, parsing and writing happen in worker threads; the model changes
 * on the thread that made the library.
 */

#define G_LOG_DOMAIN "rubric-kit-library"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-anki.h"
#include "rubric-file.h"
#include "rubric-check.h"
#include "rubric-json-private.h"
#include "rubric-kit-header.h"
#include "rubric-kit-library.h"

G_DEFINE_QUARK (rubric-kit-library-error-quark, rubric_kit_library_error)

#define KIT_SUFFIX ".json"
/* How many files named after one kit id an import tries. */
#define MAX_NAME_TRIES 100

/* ------------------------------------------------------------- the entries */

/**
 * RubricKitEntry:
 *
 * An installed kit as the library lists it: its header (id, title), its
 * file's size and checksum, and the kit itself once something has used it
 * (rubric_kit_library_load_kit_async()). The bundled kit's entry always
 * has its kit.
 */
struct _RubricKitEntry
{
  GObject parent_instance;

  char *id;
  char *title;
  char *sha256;
  guint64 size;
  GFile *file;        /* NULL for the bundled kit */
  RubricKit *kit;     /* once loaded; kept for the library's life */
};

G_DEFINE_FINAL_TYPE (RubricKitEntry, rubric_kit_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_ID,
  ENTRY_PROP_TITLE,
  N_ENTRY_PROPS
};

static GParamSpec *entry_props[N_ENTRY_PROPS];

static void
rubric_kit_entry_finalize (GObject *object)
{
  RubricKitEntry *self = RUBRIC_KIT_ENTRY (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->sha256);
  g_clear_object (&self->file);
  g_clear_object (&self->kit);

  G_OBJECT_CLASS (rubric_kit_entry_parent_class)->finalize (object);
}

static void
rubric_kit_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RubricKitEntry *self = RUBRIC_KIT_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case ENTRY_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_kit_entry_class_init (RubricKitEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_kit_entry_finalize;
  object_class->get_property = rubric_kit_entry_get_property;

  entry_props[ENTRY_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  entry_props[ENTRY_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_props);
}

static void
rubric_kit_entry_init (RubricKitEntry *self)
{
}

static RubricKitEntry *
entry_new_for_kit (RubricKit *kit,
                   GFile     *file,
                   guint64    size)
{
  RubricKitEntry *self = g_object_new (RUBRIC_TYPE_KIT_ENTRY, NULL);

  self->id = g_strdup (rubric_kit_get_id (kit));
  self->title = g_strdup (rubric_kit_get_title (kit));
  self->sha256 = g_strdup (rubric_kit_get_sha256 (kit));
  self->size = size;
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->kit = g_object_ref (kit);
  return self;
}

const char *
rubric_kit_entry_get_id (RubricKitEntry *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_ENTRY (self), NULL);
  return self->id;
}

const char *
rubric_kit_entry_get_title (RubricKitEntry *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_ENTRY (self), NULL);
  return self->title;
}

/**
 * rubric_kit_entry_get_sha256:
 *
 * Returns: the SHA-256 of the kit's file (lowercase hex), as
 *   rubric_kit_get_sha256() gives it once loaded
 */
const char *
rubric_kit_entry_get_sha256 (RubricKitEntry *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_ENTRY (self), NULL);
  return self->sha256;
}

guint64
rubric_kit_entry_get_size (RubricKitEntry *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_ENTRY (self), 0);
  return self->size;
}

/**
 * rubric_kit_entry_get_file:
 *
 * Returns: (transfer none) (nullable): the user's kit file; %NULL for the
 *   bundled kit
 */
GFile *
rubric_kit_entry_get_file (RubricKitEntry *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_ENTRY (self), NULL);
  return self->file;
}

/**
 * rubric_kit_entry_get_kit:
 *
 * Returns: (transfer none) (nullable): the kit, once loaded
 */
RubricKit *
rubric_kit_entry_get_kit (RubricKitEntry *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_ENTRY (self), NULL);
  return self->kit;
}

/* ------------------------------------------------------------- the library */

struct _RubricKitLibrary
{
  GObject parent_instance;

  GBytes *bundled_bytes;   /* until the first load has parsed them */
  RubricKit *bundled;
  GListStore *kits;        /* RubricKitEntry */
  GHashTable *importing;   /* ids of kits being written */
  GPtrArray *pending;      /* RubricKitEntry: out of the model, file still kept */
  GStrv warnings;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (RubricKitLibrary, rubric_kit_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rubric_kit_library_dispose (GObject *object)
{
  RubricKitLibrary *self = RUBRIC_KIT_LIBRARY (object);

  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);
  if (self->kits != NULL)
    g_list_store_remove_all (self->kits);
  g_clear_object (&self->bundled);

  G_OBJECT_CLASS (rubric_kit_library_parent_class)->dispose (object);
}

static void
rubric_kit_library_finalize (GObject *object)
{
  RubricKitLibrary *self = RUBRIC_KIT_LIBRARY (object);

  g_clear_pointer (&self->bundled_bytes, g_bytes_unref);
  g_clear_object (&self->kits);
  g_clear_pointer (&self->importing, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_strfreev (self->warnings);

  G_OBJECT_CLASS (rubric_kit_library_parent_class)->finalize (object);
}

static void
rubric_kit_library_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RubricKitLibrary *self = RUBRIC_KIT_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_kit_library_class_init (RubricKitLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rubric_kit_library_dispose;
  object_class->finalize = rubric_kit_library_finalize;
  object_class->get_property = rubric_kit_library_get_property;

  /**
   * RubricKitLibrary:loaded:
   *
   * Whether a load has completed, so that the model holds the kits.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rubric_kit_library_init (RubricKitLibrary *self)
{
  self->kits = g_list_store_new (RUBRIC_TYPE_KIT_ENTRY);
  self->importing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_new0 (char *, 1);
}

/**
 * rubric_kit_library_get_folder:
 *
 * Returns: (transfer full): the folder of the user's kits,
 *   $XDG_DATA_HOME/rubric/kits
 */
GFile *
rubric_kit_library_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rubric", "kits", NULL);

  return g_file_new_for_path (path);
}

/**
 * rubric_kit_library_new:
 * @bundled_kit_bytes: (nullable): the bundled kit file's contents
 *
 * Makes an empty library; rubric_kit_library_load_async() fills it and
 * parses the bundled kit.
 *
 * Returns: (transfer full): the library
 */
RubricKitLibrary *
rubric_kit_library_new (GBytes *bundled_kit_bytes)
{
  RubricKitLibrary *self = g_object_new (RUBRIC_TYPE_KIT_LIBRARY, NULL);

  if (bundled_kit_bytes != NULL)
    self->bundled_bytes = g_bytes_ref (bundled_kit_bytes);

  return self;
}

/**
 * rubric_kit_library_new_for_kit:
 * @bundled_kit: the bundled kit, parsed already (the application's one
 *   instance): the library shares it rather than parsing it again
 *
 * Returns: (transfer full): the library
 */
RubricKitLibrary *
rubric_kit_library_new_for_kit (RubricKit *bundled_kit)
{
  RubricKitLibrary *self;

  g_return_val_if_fail (RUBRIC_IS_KIT (bundled_kit), NULL);

  self = g_object_new (RUBRIC_TYPE_KIT_LIBRARY, NULL);
  self->bundled = g_object_ref (bundled_kit);
  return self;
}

/* By title as people read it, then by id. */
static int
compare_entries (RubricKitEntry *a,
                 RubricKitEntry *b)
{
  int result = g_utf8_collate (a->title, b->title);

  if (result != 0)
    return result;
  return g_strcmp0 (a->id, b->id);
}

static int
compare_entries_qsort (gconstpointer a,
                       gconstpointer b)
{
  return compare_entries (*(RubricKitEntry * const *) a, *(RubricKitEntry * const *) b);
}

/* ------------------------------------------------------------------ loading */

typedef struct
{
  RubricKit *bundled;      /* parsed when the library had not yet */
  GPtrArray *entries;      /* the user's RubricKitEntries, sorted */
  GPtrArray *warnings;     /* NULL-terminated */
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->bundled);
  g_clear_pointer (&result->entries, g_ptr_array_unref);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* The entry of one kit file: its header, and its checksum from @cache or
 * worked out now. Its topics are not read. */
static RubricKitEntry *
read_entry (GFile               *file,
            RubricKitHashCache  *cache,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_auto(RubricKitHeader) header = { NULL, NULL, 0 };
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *computed = NULL;
  const char *path = g_file_peek_path (file);
  const char *sha256;
  RubricKitEntry *entry;
  guint64 size;
  gint64 mtime;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  size = (guint64) g_file_info_get_size (info);
  modified = g_file_info_get_modification_date_time (info);
  mtime = modified != NULL ? g_date_time_to_unix_usec (modified) : 0;

  /* Mapped, not read: only the pages the header is on are touched. */
  if (size > 0)
    {
      mapped = g_mapped_file_new (path, FALSE, error);
      if (mapped == NULL)
        return NULL;
    }
  if (!rubric_kit_header_read (mapped != NULL ? g_mapped_file_get_contents (mapped) : "",
                               mapped != NULL ? g_mapped_file_get_length (mapped) : 0,
                               RUBRIC_KIT_ERROR, &header, error))
    return NULL;

  sha256 = rubric_kit_hash_cache_lookup (cache, path, size, mtime);
  if (sha256 == NULL)
    {
      computed = rubric_kit_hash_file (file, cancellable, error);
      if (computed == NULL)
        return NULL;
      rubric_kit_hash_cache_store (cache, path, size, mtime, computed);
      sha256 = computed;
    }

  entry = g_object_new (RUBRIC_TYPE_KIT_ENTRY, NULL);
  entry->id = g_steal_pointer (&header.id);
  entry->title = g_steal_pointer (&header.title);
  entry->sha256 = g_strdup (sha256);
  entry->size = size;
  entry->file = g_object_ref (file);
  return entry;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bundled_bytes = task_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GFile) folder = rubric_kit_library_get_folder ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);  /* id → file name */
  g_autoptr(RubricKitHashCache) cache = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const char *bundled_id = NULL;

  result->entries = g_ptr_array_new_with_free_func (g_object_unref);
  result->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  /* The bundled kit is Rubric's own: if it does not load, nothing does. */
  if (bundled_bytes != NULL)
    {
      result->bundled = rubric_kit_new_from_bytes (bundled_bytes, &error);
      if (result->bundled == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  bundled_id = g_object_get_data (G_OBJECT (task), "bundled-id");
  if (result->bundled != NULL)
    bundled_id = rubric_kit_get_id (result->bundled);

  names = rubric_file_list_names (folder, KIT_SUFFIX, cancellable, &error);
  if (names == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* No folder: no kits of the user's. Any other problem is a warning:
       * the bundled kit is still there. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (result->warnings, rubric_check_format_problem (g_file_peek_path (folder), error->message));
      g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
      return;
    }

  cache = rubric_kit_hash_cache_load (NULL);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GError) kit_error = NULL;
      g_autoptr(RubricKitEntry) entry = NULL;
      const char *first;

      entry = read_entry (file, cache, cancellable, &kit_error);
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (entry == NULL)
        {
          g_ptr_array_add (result->warnings, rubric_check_format_problem (name, kit_error->message));
          continue;
        }

      if (g_strcmp0 (entry->id, bundled_id) == 0)
        {
          g_autofree char *message =
            /* Translators: an interview kit file left out of the library; %s
             * is the kit's id */
            g_strdup_printf (_("The kit “%s” has the id of the kit that comes with Rubric, and was skipped"), entry->id);

          g_ptr_array_add (result->warnings, rubric_check_format_problem (name, message));
          continue;
        }
      first = g_hash_table_lookup (seen, entry->id);
      if (first != NULL)
        {
          g_autofree char *message =
            /* Translators: a kit file left out of the library: the first %s
             * is the kit's id, the second the file that has it already */
            g_strdup_printf (_("The kit “%s” is already in the library, from “%s”, and was skipped"), entry->id, first);

          g_ptr_array_add (result->warnings, rubric_check_format_problem (name, message));
          continue;
        }

      g_hash_table_insert (seen, entry->id, (char *) name);
      g_ptr_array_add (result->entries, g_steal_pointer (&entry));
    }
  g_ptr_array_sort (result->entries, compare_entries_qsort);

  /* A cache that cannot be written costs a hash at the next start. */
  if (!rubric_kit_hash_cache_save (cache, cancellable, &error))
    g_debug ("Could not write the cache of kit checksums: %s", error->message);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

static RubricKitEntry *
find_entry (RubricKitLibrary *self,
            const char       *kit_id,
            gboolean          set_aside_too,
            guint            *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kits));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricKitEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->kits), i);

      if (g_str_equal (entry->id, kit_id))
        {
          if (position != NULL)
            *position = i;
          /* The store keeps its reference. */
          return entry;
        }
    }
  if (set_aside_too)
    for (guint i = 0; i < self->pending->len; i++)
      {
        RubricKitEntry *entry = g_ptr_array_index (self->pending, i);

        if (g_str_equal (entry->id, kit_id))
          return entry;
      }
  return NULL;
}

static void
load_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  RubricKitLibrary *self = RUBRIC_KIT_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (result->bundled != NULL && self->bundled == NULL)
    {
      self->bundled = g_steal_pointer (&result->bundled);
      g_clear_pointer (&self->bundled_bytes, g_bytes_unref);
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->bundled != NULL)
    {
      RubricKitEntry *old = find_entry (self, rubric_kit_get_id (self->bundled), FALSE, NULL);

      g_ptr_array_add (items, old != NULL ? g_object_ref (old) : entry_new_for_kit (self->bundled, NULL, 0));
    }
  for (guint i = 0; i < result->entries->len; i++)
    {
      RubricKitEntry *entry = g_ptr_array_index (result->entries, i);
      RubricKitEntry *old = find_entry (self, entry->id, FALSE, NULL);

      /* A kit loaded already, from the same bytes, stays loaded. */
      if (old != NULL && old->kit != NULL && g_str_equal (old->sha256, entry->sha256))
        entry->kit = g_object_ref (old->kit);
      g_ptr_array_add (items, g_object_ref (entry));
    }

  g_strfreev (self->warnings);
  if (result->warnings->len > 0)
    self->warnings = (GStrv) g_ptr_array_steal (result->warnings, NULL);
  else
    self->warnings = g_new0 (char *, 1);

  g_list_store_splice (self->kits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->kits)),
                       items->pdata, items->len);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * rubric_kit_library_load_async:
 *
 * Loads the bundled kit (the first time, when it was given as bytes) and
 * scans the folder of the user's kits in a worker thread, reading only
 * each kit's header (rubric_kit_header_read()) and checksum, then fills
 * the model. A user's kit whose header does not load is skipped and named
 * in rubric_kit_library_get_warnings(); the rest of a kit is read by
 * rubric_kit_library_load_kit_async(), when it is used. Calling it again
 * scans the folder again.
 */
void
rubric_kit_library_load_async (RubricKitLibrary    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (RUBRIC_IS_KIT_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_kit_library_load_async);

  thread_task = g_task_new (self, cancellable, load_cb, g_steal_pointer (&task));
  if (self->bundled == NULL && self->bundled_bytes != NULL)
    g_task_set_task_data (thread_task, g_bytes_ref (self->bundled_bytes), (GDestroyNotify) g_bytes_unref);
  if (self->bundled != NULL)
    g_object_set_data_full (G_OBJECT (thread_task), "bundled-id",
                            g_strdup (rubric_kit_get_id (self->bundled)), g_free);
  g_task_run_in_thread (thread_task, load_thread);
}

/**
 * rubric_kit_library_load_finish:
 * @error: the bundled kit's error, if it does not load, or
 *   %G_IO_ERROR_CANCELLED; never a user kit's
 */
gboolean
rubric_kit_library_load_finish (RubricKitLibrary  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_kit_library_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
rubric_kit_library_get_loaded (RubricKitLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  return self->loaded;
}

/**
 * rubric_kit_library_get_warnings:
 *
 * Returns: (transfer none): the user's kit files the last load skipped, one
 *   "FILE: message" each (FILE is the name in the kits folder, and a syntax
 *   error reads "FILE:LINE:COLUMN: message", as `rubric --check` says it)
 */
const char * const *
rubric_kit_library_get_warnings (RubricKitLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  return (const char * const *) self->warnings;
}

/* ----------------------------------------------------------- using a kit */

static void
load_kit_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RubricKitEntry *entry = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_new_from_file (entry->file, cancellable, &error);

  if (kit == NULL)
    {
      g_autofree char *name = g_file_get_basename (entry->file);
      g_autofree char *display_name = g_filename_display_name (name);
      g_autofree char *message = rubric_check_format_problem (display_name, error->message);

      /* The file, then exactly what is wrong and where, as at start-up. */
      g_task_return_new_error_literal (task, error->domain, error->code, message);
      return;
    }
  /* The file is no longer the kit that was listed. */
  if (!g_str_equal (rubric_kit_get_id (kit), entry->id))
    {
      g_task_return_new_error (task, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_NOT_FOUND,
                               /* Translators: %s is the title of an interview
                                * kit */
                               _("The kit “%s” is not installed"), entry->title);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&kit), g_object_unref);
}

static void
load_kit_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RubricKitEntry *entry = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = g_task_propagate_pointer (G_TASK (result), &error);

  if (kit == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Two loads at once: the first one kept is the kit from now on. */
  if (entry->kit == NULL)
    entry->kit = g_object_ref (kit);
  g_task_return_pointer (task, g_object_ref (entry->kit), g_object_unref);
}

/**
 * rubric_kit_library_load_kit_async:
 * @entry: an entry of the library's
 *
 * Gives the kit of @entry: the one loaded already, or, the first time, its
 * file read and parsed in a worker thread. The kit is kept for the
 * library's life.
 */
void
rubric_kit_library_load_kit_async (RubricKitLibrary    *self,
                                   RubricKitEntry      *entry,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;

  g_return_if_fail (RUBRIC_IS_KIT_LIBRARY (self));
  g_return_if_fail (RUBRIC_IS_KIT_ENTRY (entry));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_kit_library_load_kit_async);
  if (entry->kit != NULL)
    {
      g_task_return_pointer (task, g_object_ref (entry->kit), g_object_unref);
      return;
    }
  g_return_if_fail (entry->file != NULL);

  thread_task = g_task_new (self, cancellable, load_kit_cb, g_steal_pointer (&task));
  g_task_set_task_data (thread_task, g_object_ref (entry), g_object_unref);
  g_task_run_in_thread (thread_task, load_kit_thread);
}

/**
 * rubric_kit_library_load_kit_finish:
 * @error: the kit loader's error, its message starting with the file's name
 *   ("FILE:LINE:COLUMN: message", as rubric_kit_library_get_warnings())
 *
 * Returns: (transfer full) (nullable): the kit
 */
RubricKit *
rubric_kit_library_load_kit_finish (RubricKitLibrary  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_kit_library_load_kit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------- the kits */

/**
 * rubric_kit_library_get_kits:
 *
 * Returns: (transfer none): a #GListModel of #RubricKitEntry: the bundled
 *   kit first, then the user's by title
 */
GListModel *
rubric_kit_library_get_kits (RubricKitLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->kits);
}

/**
 * rubric_kit_library_get_bundled:
 *
 * Returns: (transfer none) (nullable): the bundled kit, once loaded
 */
RubricKit *
rubric_kit_library_get_bundled (RubricKitLibrary *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  return self->bundled;
}

/**
 * rubric_kit_library_lookup:
 *
 * Returns: (transfer none) (nullable): the entry of the kit with that id
 */
RubricKitEntry *
rubric_kit_library_lookup (RubricKitLibrary *self,
                           const char       *kit_id)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  g_return_val_if_fail (kit_id != NULL, NULL);

  return find_entry (self, kit_id, FALSE, NULL);
}

/**
 * rubric_kit_library_is_bundled:
 *
 * Returns: whether @kit is the kit that comes with Rubric (by id: no user
 *   kit can have its id)
 */
gboolean
rubric_kit_library_is_bundled (RubricKitLibrary *self,
                               RubricKit        *kit)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);

  return self->bundled != NULL &&
         (kit == self->bundled ||
          g_str_equal (rubric_kit_get_id (kit), rubric_kit_get_id (self->bundled)));
}

/* The entry of a user's kit, in the model or set aside. */
static RubricKitEntry *
find_user_entry (RubricKitLibrary *self,
                 const char       *kit_id)
{
  RubricKitEntry *entry = find_entry (self, kit_id, TRUE, NULL);

  return entry != NULL && entry->file != NULL ? entry : NULL;
}

/**
 * rubric_kit_library_get_file:
 *
 * Returns: (transfer none) (nullable): the file a user's kit was loaded
 *   from or imported to; %NULL for the bundled kit and for kits not in
 *   the library
 */
GFile *
rubric_kit_library_get_file (RubricKitLibrary *self,
                             RubricKit        *kit)
{
  RubricKitEntry *entry;

  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  entry = find_user_entry (self, rubric_kit_get_id (kit));
  return entry != NULL ? entry->file : NULL;
}

static void
insert_sorted (RubricKitLibrary *self,
               RubricKitEntry   *entry)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kits));
  guint position = self->bundled != NULL && n > 0 ? 1 : 0;

  for (; position < n; position++)
    {
      g_autoptr(RubricKitEntry) other = g_list_model_get_item (G_LIST_MODEL (self->kits), position);

      if (compare_entries (entry, other) < 0)
        break;
    }

  g_list_store_insert (self->kits, position, entry);
}

/* --------------------------------------------------------------- importing */

/* The same bytes imported again: @kit is the entry's kit if it had none. */
static RubricKit *
entry_take_kit (RubricKitEntry *entry,
                RubricKit      *kit)
{
  if (entry->kit == NULL)
    entry->kit = g_object_ref (kit);
  return entry->kit;
}

typedef struct
{
  GFile *source;
  GBytes *bytes;
  RubricKit *kit;
  GFile *destination;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->source);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->kit);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
import_read_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;

  /* The loader's own error, unchanged: it names the place of the problem. */
  data->bytes = rubric_json_read_file (data->source, RUBRIC_KIT_ERROR, NULL, cancellable, &error);
  /* An Anki deck is made a kit first, and that kit is what is installed. */
  if (data->bytes != NULL)
    {
      g_autofree char *name = g_file_get_basename (data->source);

      if (rubric_anki_classify (data->bytes, name) == RUBRIC_FILE_KIND_ANKI)
        {
          GBytes *kit_bytes = rubric_anki_import (data->bytes, name, &error);

          g_clear_pointer (&data->bytes, g_bytes_unref);
          data->bytes = kit_bytes;
        }
    }
  if (data->bytes != NULL)
    data->kit = rubric_kit_new_from_bytes (data->bytes, &error);
  /* Hashed here, not on the main thread when an interview first needs it. */
  if (data->kit != NULL)
    rubric_kit_get_sha256 (data->kit);

  if (data->kit == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes the exact bytes of the kit to <kit-id>.json in the kits folder,
 * or <kit-id>-2.json… when a file of that name is there already (a kit
 * that did not load, or a kit with another id): nothing is overwritten. */
static void
import_write_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GFile) folder = rubric_kit_library_get_folder ();
  g_autoptr(GError) error = NULL;
  const char *id = rubric_kit_get_id (data->kit);

  if (!g_file_make_directory_with_parents (folder, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);

  for (guint i = 1; i <= MAX_NAME_TRIES && data->destination == NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;

      if (i == 1)
        name = g_strconcat (id, KIT_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s-%u" KIT_SUFFIX, id, i);
      file = g_file_get_child (folder, name);
      if (!g_file_query_exists (file, cancellable))
        data->destination = g_steal_pointer (&file);
    }
  if (data->destination == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: importing a kit found no free file name;
                                             * %u is how many were tried, %s the kit's id */
                                            "There is already %u file named after the kit “%s”",
                                            "There are already %u files named after the kit “%s”",
                                            MAX_NAME_TRIES),
                               MAX_NAME_TRIES, id);
      return;
    }

  /* Written whole or not at all, and never over a file that appeared
   * since the name was chosen (expected stamp: no file). */
  if (!rubric_file_write (data->destination, data->bytes, RUBRIC_FILE_WRITE_CHECK_STAMP, NULL,
                          NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Its checksum is known: the next start need not read the file. */
  {
    g_autoptr(GFileInfo) info = g_file_query_info (data->destination, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                   G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                   G_FILE_QUERY_INFO_NONE, cancellable, NULL);
    g_autoptr(GDateTime) modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;

    if (modified != NULL)
      {
        g_autoptr(RubricKitHashCache) cache = rubric_kit_hash_cache_load (NULL);

        rubric_kit_hash_cache_store (cache, g_file_peek_path (data->destination), (guint64) g_file_info_get_size (info),
                                     g_date_time_to_unix_usec (modified), rubric_kit_get_sha256 (data->kit));
        /* Only the entries looked up or stored are kept: the others too. */
        rubric_kit_hash_cache_keep_all (cache);
        if (!rubric_kit_hash_cache_save (cache, cancellable, &error))
          g_debug ("Could not write the cache of kit checksums: %s", error->message);
      }
  }

  g_task_return_boolean (task, TRUE);
}

static void
import_write_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RubricKitLibrary *self = RUBRIC_KIT_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKitEntry) entry = NULL;
  RubricKitEntry *existing;

  g_hash_table_remove (self->importing, rubric_kit_get_id (data->kit));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A load that ran meanwhile may have found the new file already. */
  existing = find_user_entry (self, rubric_kit_get_id (data->kit));
  if (existing != NULL)
    {
      g_task_return_pointer (task, g_object_ref (entry_take_kit (existing, data->kit)), g_object_unref);
      return;
    }

  entry = entry_new_for_kit (data->kit, data->destination, g_bytes_get_size (data->bytes));
  insert_sorted (self, entry);
  g_task_return_pointer (task, g_object_ref (data->kit), g_object_unref);
}

static void
import_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RubricKitLibrary *self = RUBRIC_KIT_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) write_task = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  RubricKitEntry *existing;
  const char *id;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  id = rubric_kit_get_id (data->kit);

  /* The same file again is no error: the kit is there already. */
  if (self->bundled != NULL && g_str_equal (id, rubric_kit_get_id (self->bundled)))
    {
      if (g_str_equal (rubric_kit_get_sha256 (data->kit), rubric_kit_get_sha256 (self->bundled)))
        g_task_return_pointer (task, g_object_ref (self->bundled), g_object_unref);
      else
        g_task_return_new_error (task, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_BUNDLED_ID,
                                 /* Translators: an error when importing an
                                  * interview kit; %s is the kit's id */
                                 _("The kit “%s” has the id of the kit that comes with Rubric. Give it an id of its own."),
                                 id);
      return;
    }

  existing = find_user_entry (self, id);
  if (existing != NULL)
    {
      if (g_str_equal (rubric_kit_get_sha256 (data->kit), existing->sha256))
        g_task_return_pointer (task, g_object_ref (entry_take_kit (existing, data->kit)), g_object_unref);
      else
        g_task_return_new_error (task, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_DUPLICATE_ID,
                                 /* Translators: an error when importing an
                                  * interview kit: the first %s is the kit's
                                  * id, the second the title of the kit that
                                  * has it */
                                 _("A different kit with the id “%s” is already installed: “%s”. Remove it first, or give the new kit an id of its own."),
                                 id, existing->title);
      return;
    }

  if (g_hash_table_contains (self->importing, id))
    {
      g_task_return_new_error (task, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_DUPLICATE_ID,
                               /* Translators: an error when importing an
                                * interview kit; %s is the kit's id */
                               _("A kit with the id “%s” is being imported already"), id);
      return;
    }

  g_hash_table_add (self->importing, g_strdup (id));
  cancellable = g_task_get_cancellable (task);
  write_task = g_task_new (self, cancellable, import_write_cb, g_steal_pointer (&task));
  g_task_set_task_data (write_task, g_task_get_task_data (G_TASK (result)), NULL);
  /* The data belongs to the read task, which the write task keeps alive. */
  g_object_set_data_full (G_OBJECT (write_task), "read-task", g_object_ref (result), g_object_unref);
  g_task_run_in_thread (write_task, import_write_thread);
}

/**
 * rubric_kit_library_import_async:
 * @file: a kit file
 *
 * Reads and checks a kit in a worker thread and copies its exact bytes,
 * atomically, to <kit-id>.json in the kits folder; the kit joins the model.
 * An Anki deck (a .txt or .tsv file, rubric_anki_classify()) is made a kit
 * by rubric_anki_import() first, and that kit's file is what is written.
 *
 * A kit with the bundled kit's id, or with the id of a kit already
 * imported, is refused, unless it is the same file (the same bytes): then
 * the kit already there is the result, and nothing is written.
 *
 * Call it once the library has loaded.
 */
void
rubric_kit_library_import_async (RubricKitLibrary    *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;
  ImportData *data;

  g_return_if_fail (RUBRIC_IS_KIT_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->loaded);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_kit_library_import_async);

  data = g_new0 (ImportData, 1);
  data->source = g_object_ref (file);

  read_task = g_task_new (self, cancellable, import_read_cb, g_steal_pointer (&task));
  g_task_set_task_data (read_task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (read_task, import_read_thread);
}

/**
 * rubric_kit_library_import_finish:
 * @error: the kit loader's error (%RUBRIC_KIT_ERROR, its message starting
 *   with LINE:COLUMN or a JSON path; or %G_IO_ERROR), a deck's
 *   (%RUBRIC_ANKI_ERROR, starting with its line), or a
 *   %RUBRIC_KIT_LIBRARY_ERROR
 *
 * Returns: (transfer full) (nullable): the imported kit, as in the model
 */
RubricKit *
rubric_kit_library_import_finish (RubricKitLibrary  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_kit_library_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------- removing */

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RubricKitLibrary *self = g_task_get_source_object (task);
  RubricKitEntry *entry = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint position;

  /* Gone already is as good as deleted. */
  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_list_store_find (self->kits, entry, &position))
    g_list_store_remove (self->kits, position);
  g_ptr_array_remove (self->pending, entry);

  g_task_return_boolean (task, TRUE);
}

/**
 * rubric_kit_library_remove_async:
 * @kit: a user's kit of the library
 *
 * Deletes the user's copy of a kit and removes it from the model. The
 * bundled kit cannot be removed. Sessions and study progress that refer
 * to the kit are left alone. A kit set aside with
 * rubric_kit_library_set_aside() can be removed for good this way.
 */
void
rubric_kit_library_remove_async (RubricKitLibrary    *self,
                                 RubricKit           *kit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RubricKitEntry *entry;

  g_return_if_fail (RUBRIC_IS_KIT_LIBRARY (self));
  g_return_if_fail (RUBRIC_IS_KIT (kit));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_kit_library_remove_async);

  if (rubric_kit_library_is_bundled (self, kit))
    {
      g_task_return_new_error (task, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_BUNDLED,
                               /* Translators: %s is the title of an interview
                                * kit */
                               _("The kit “%s” comes with Rubric and cannot be removed"),
                               rubric_kit_get_title (kit));
      return;
    }

  entry = find_user_entry (self, rubric_kit_get_id (kit));
  if (entry == NULL)
    {
      g_task_return_new_error (task, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_NOT_FOUND,
                               /* Translators: %s is the title of an interview
                                * kit */
                               _("The kit “%s” is not installed"),
                               rubric_kit_get_title (kit));
      return;
    }

  g_task_set_task_data (task, g_object_ref (entry), g_object_unref);
  g_file_delete_async (entry->file, G_PRIORITY_DEFAULT, cancellable, delete_cb, g_steal_pointer (&task));
}

gboolean
rubric_kit_library_remove_finish (RubricKitLibrary  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_kit_library_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------ setting aside */

static gboolean
find_pending (RubricKitLibrary *self,
              RubricKit        *kit,
              guint            *index)
{
  for (guint i = 0; i < self->pending->len; i++)
    if (g_str_equal (((RubricKitEntry *) g_ptr_array_index (self->pending, i))->id, rubric_kit_get_id (kit)))
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rubric_kit_library_set_aside:
 * @kit: a user's kit of the library
 *
 * Takes @kit out of the model, as removing it would, but keeps its file:
 * until rubric_kit_library_remove_async() deletes it, or
 * rubric_kit_library_put_back() returns the kit, exactly as it was. A kit
 * set aside is not found by rubric_kit_library_lookup(), yet its id stays
 * taken. Should Rubric end before either, the file is there at the next
 * start: nothing is lost by a crash.
 *
 * Returns: whether @kit was in the model and is now set aside
 */
gboolean
rubric_kit_library_set_aside (RubricKitLibrary *self,
                              RubricKit        *kit)
{
  RubricKitEntry *entry;
  guint position;

  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);

  if (rubric_kit_library_is_bundled (self, kit) ||
      (entry = find_entry (self, rubric_kit_get_id (kit), FALSE, &position)) == NULL)
    return FALSE;

  g_ptr_array_add (self->pending, g_object_ref (entry));
  g_list_store_remove (self->kits, position);
  return TRUE;
}

/**
 * rubric_kit_library_put_back:
 * @kit: a kit rubric_kit_library_set_aside() took out
 *
 * Returns @kit to the model, in its place.
 *
 * Returns: whether @kit was set aside
 */
gboolean
rubric_kit_library_put_back (RubricKitLibrary *self,
                             RubricKit        *kit)
{
  g_autoptr(RubricKitEntry) owned = NULL;
  guint index;

  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);

  if (!find_pending (self, kit, &index))
    return FALSE;

  owned = g_ptr_array_steal_index (self->pending, index);
  insert_sorted (self, owned);
  return TRUE;
}

gboolean
rubric_kit_library_is_set_aside (RubricKitLibrary *self,
                                 RubricKit        *kit)
{
  g_return_val_if_fail (RUBRIC_IS_KIT_LIBRARY (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);

  return find_pending (self, kit, NULL);
}

/**
 * rubric_kit_library_remove_set_aside:
 *
 * Deletes the files of every kit set aside, now, on this thread: for
 * quitting, when nothing waits for a toast any more.
 */
void
rubric_kit_library_remove_set_aside (RubricKitLibrary *self)
{
  g_return_if_fail (RUBRIC_IS_KIT_LIBRARY (self));

  while (self->pending->len > 0)
    {
      RubricKitEntry *entry = g_ptr_array_index (self->pending, self->pending->len - 1);
      g_autoptr(GError) error = NULL;

      if (!g_file_delete (entry->file, NULL, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not remove a kit: %s", error->message);
      g_ptr_array_remove_index (self->pending, self->pending->len - 1);
    }
}
