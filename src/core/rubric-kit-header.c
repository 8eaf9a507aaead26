/* rubric-kit-header.c — a kit file's header without its topics, and the
 * cache of kit files' checksums
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library lists every installed kit at start-up, and a kit can hold
 * 5,000 questions in 14 MB. Listing needs only the members before
 * "topics" (format, version, id, title: the order every kit Rubric writes
 * or ships has), so the header is read by walking the top-level object and
 * stopping at "topics" once those are known; a member that comes after it
 * is found by skipping the topics' text without building anything. The
 * members found are then checked by the same getters the full loader uses.
 * The rest of the file is read only when the kit is used
 * (rubric_kit_new_from_file()), and its problems are reported then.
 *
 * A kit's SHA-256 (what sessions record) would mean reading the whole file:
 * it is kept in a small cache in $XDG_CACHE_HOME/rubric, by path, size and
 * modification time; an entry whose size or time differs is never used. A
 * missing or unreadable cache just means hashing again.
 */

#define G_LOG_DOMAIN "rubric-kit-header"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-file.h"
#include "rubric-json-private.h"
#include "rubric-kit-header.h"

#define CACHE_FORMAT "rubric-kit-hashes"
#define HASH_CHUNK (64 * 1024)

void
rubric_kit_header_clear (RubricKitHeader *header)
{
  g_clear_pointer (&header->id, g_free);
  g_clear_pointer (&header->title, g_free);
  header->version = 0;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  return p;
}

/* @p at the opening quote; past the closing one, or NULL. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Past one value, building nothing, or NULL when it does not end. */
static const char *
skip_value (const char *p,
            const char *end)
{
  const char *start = p;
  guint depth = 0;

  if (p >= end)
    return NULL;
  if (*p == '"')
    return skip_string (p, end);
  if (*p != '{' && *p != '[')
    {
      while (p < end && strchr (",}] \t\r\n", *p) == NULL)
        p++;
      return p > start ? p : NULL;
    }

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
      p++;
    }
  return NULL;
}

static gboolean
raw_key_is (const char *key,
            gsize       length,
            const char *name)
{
  return length == strlen (name) && memcmp (key, name, length) == 0;
}

/* The top-level members other than "topics", as a small JSON text; stops
 * at "topics" once the header's members are all known. */
static GString *
collect_header_members (const char *data,
                        gsize       length)
{
  static const char * const wanted[] = { "format", "version", "id", "title" };
  const char *end = data + length;
  const char *p = skip_space (data, end);
  g_autoptr(GString) text = g_string_new ("{");
  guint found = 0;

  if (p >= end || *p != '{')
    return NULL;
  p = skip_space (p + 1, end);
  if (p < end && *p == '}')
    return g_string_append_c (g_steal_pointer (&text), '}');

  for (;;)
    {
      const char *key = p;
      const char *key_end;
      const char *value;

      if (p >= end || *p != '"' || (key_end = skip_string (p, end)) == NULL)
        return NULL;
      p = skip_space (key_end, end);
      if (p >= end || *p != ':')
        return NULL;
      value = skip_space (p + 1, end);

      if (raw_key_is (key + 1, key_end - key - 2, "topics"))
        {
          if (found == G_N_ELEMENTS (wanted))
            break;
          p = skip_value (value, end);
        }
      else
        {
          p = skip_value (value, end);
          if (p == NULL)
            return NULL;
          for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
            if (raw_key_is (key + 1, key_end - key - 2, wanted[i]))
              found++;
          if (text->len > 1)
            g_string_append_c (text, ',');
          g_string_append_len (text, key, key_end - key);
          g_string_append_c (text, ':');
          g_string_append_len (text, value, p - value);
        }
      if (p == NULL)
        return NULL;

      p = skip_space (p, end);
      if (p < end && *p == ',')
        p = skip_space (p + 1, end);
      else if (p < end && *p == '}')
        break;
      else
        return NULL;
    }

  return g_string_append_c (g_steal_pointer (&text), '}');
}

/**
 * rubric_kit_header_read:
 * @data: a kit file's text
 * @domain: the error domain (the kit loader's)
 *
 * Reads the format, version, id and title of a kit, with the loader's own
 * checks and messages, without reading its topics.
 */
gboolean
rubric_kit_header_read (const char       *data,
                        gsize             length,
                        GQuark            domain,
                        RubricKitHeader  *header,
                        GError          **error)
{
  g_autoptr(GString) text = collect_header_members (data, length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  RubricJsonPath path = RUBRIC_JSON_PATH_ROOT;
  RubricJsonObjectReader reader = { domain, &path, NULL };
  const char *id = NULL;
  const char *title = NULL;
  gint64 version = 0;

  /* The members gathered are strict JSON, or the file is not: then, as
   * when not even the members can be told apart, the whole file is read
   * as the loader reads it, which says exactly where it goes wrong (a
   * place in the members gathered would not be a place in the file). */
  if (text != NULL)
    {
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));
      root = rubric_json_parse (bytes, domain, &local_error);
      g_clear_pointer (&bytes, g_bytes_unref);
    }
  if (root == NULL)
    {
      bytes = g_bytes_new_static (data, length);
      root = rubric_json_parse (bytes, domain, error);
    }
  if (root == NULL ||
      !rubric_json_read_header (&reader, root, RUBRIC_JSON_FORMAT_KIT, &version, error) ||
      !rubric_json_get_string (&reader, "id", TRUE, FALSE, &id, error) ||
      !rubric_json_get_string (&reader, "title", TRUE, TRUE, &title, error))
    return FALSE;

  if (!rubric_json_is_id (id))
    {
      RubricJsonPath id_path = { &path, "id", 0 };

      rubric_json_set_error (error, domain, &id_path,
                             /* Translators: an error in an interview kit
                              * file; %s is the id it has */
                             _("“%s” is not a valid id: use lowercase letters, digits and single “-”, “_” or “.” between them, at most 64 characters"),
                             id);
      return FALSE;
    }

  header->id = g_strdup (id);
  header->title = g_strdup (title);
  header->version = (int) version;
  return TRUE;
}

/* ------------------------------------------------------------ hash cache */

typedef struct
{
  guint64 size;
  gint64  mtime;
  char   *sha256;
  gboolean used;
} CacheEntry;

struct _RubricKitHashCache
{
  GFile      *file;
  GHashTable *entries;   /* path → CacheEntry */
  gboolean    changed;
};

static void
cache_entry_free (CacheEntry *entry)
{
  g_free (entry->sha256);
  g_free (entry);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* A member of the kind asked for, or NULL: a cache can hold anything. */
static JsonNode *
get_member (JsonObject *object,
            const char *name,
            GType       value_type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL)
    return NULL;
  if (value_type == JSON_TYPE_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (node) ? node : NULL;
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type ? node : NULL;
}

/**
 * rubric_kit_hash_cache_get_default_file:
 *
 * Returns: (transfer full): $XDG_CACHE_HOME/rubric/kit-hashes.json
 */
GFile *
rubric_kit_hash_cache_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "rubric", "kit-hashes.json", NULL);

  return g_file_new_for_path (path);
}

/**
 * rubric_kit_hash_cache_load:
 * @file: (nullable): the cache file; %NULL for the default one
 *
 * Reads the cache; what cannot be read (no file, a broken one) is an empty
 * cache.
 *
 * Returns: (transfer full): the cache
 */
RubricKitHashCache *
rubric_kit_hash_cache_load (GFile *file)
{
  RubricKitHashCache *cache = g_new0 (RubricKitHashCache, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonNode *format;
  JsonNode *files;

  cache->file = file != NULL ? g_object_ref (file) : rubric_kit_hash_cache_get_default_file ();
  cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cache_entry_free);

  bytes = rubric_file_read (cache->file, 4 * 1024 * 1024, NULL, NULL, NULL);
  if (bytes == NULL)
    return cache;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    return cache;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return cache;
  format = get_member (json_node_get_object (root), "format", G_TYPE_STRING);
  files = get_member (json_node_get_object (root), "files", JSON_TYPE_OBJECT);
  if (format == NULL || !g_str_equal (json_node_get_string (format), CACHE_FORMAT) || files == NULL)
    return cache;

  {
    JsonObjectIter iter;
    const char *path;
    JsonNode *node;

    json_object_iter_init (&iter, json_node_get_object (files));
    while (json_object_iter_next (&iter, &path, &node))
      {
        JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        JsonNode *sha256 = get_member (object, "sha256", G_TYPE_STRING);
        JsonNode *size = get_member (object, "size", G_TYPE_INT64);
        JsonNode *mtime = get_member (object, "mtime", G_TYPE_INT64);
        CacheEntry *entry;

        if (sha256 == NULL || size == NULL || mtime == NULL || !is_sha256 (json_node_get_string (sha256)))
          continue;
        entry = g_new0 (CacheEntry, 1);
        entry->size = (guint64) json_node_get_int (size);
        entry->mtime = json_node_get_int (mtime);
        entry->sha256 = g_strdup (json_node_get_string (sha256));
        g_hash_table_replace (cache->entries, g_strdup (path), entry);
      }
  }
  return cache;
}

void
rubric_kit_hash_cache_free (RubricKitHashCache *cache)
{
  g_clear_object (&cache->file);
  g_clear_pointer (&cache->entries, g_hash_table_unref);
  g_free (cache);
}

/**
 * rubric_kit_hash_cache_lookup:
 * @mtime: the file's modification time, in microseconds
 *
 * Returns: (nullable): the checksum of the file at @path, if it was worked
 *   out when the file had this size and time
 */
const char *
rubric_kit_hash_cache_lookup (RubricKitHashCache *cache,
                              const char         *path,
                              guint64             size,
                              gint64              mtime)
{
  CacheEntry *entry = g_hash_table_lookup (cache->entries, path);

  if (entry == NULL || entry->size != size || entry->mtime != mtime)
    return NULL;
  entry->used = TRUE;
  return entry->sha256;
}

void
rubric_kit_hash_cache_store (RubricKitHashCache *cache,
                             const char         *path,
                             guint64             size,
                             gint64              mtime,
                             const char         *sha256)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->size = size;
  entry->mtime = mtime;
  entry->sha256 = g_strdup (sha256);
  entry->used = TRUE;
  g_hash_table_replace (cache->entries, g_strdup (path), entry);
  cache->changed = TRUE;
}

/* For a writer that looked up nothing: keep every entry. */
void
rubric_kit_hash_cache_keep_all (RubricKitHashCache *cache)
{
  GHashTableIter iter;
  CacheEntry *entry;

  g_hash_table_iter_init (&iter, cache->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry->used = TRUE;
}

/**
 * rubric_kit_hash_cache_save:
 *
 * Writes the cache, atomically, when an entry was added or one was not
 * used since it was loaded (its file is gone): only the files looked up
 * or stored are kept. Nothing changed, nothing is written.
 */
gboolean
rubric_kit_hash_cache_save (RubricKitHashCache  *cache,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GList) paths = NULL;
  gboolean changed = cache->changed;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, CACHE_FORMAT);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_object (builder);
  paths = g_list_sort (g_hash_table_get_keys (cache->entries), (GCompareFunc) strcmp);
  for (GList *l = paths; l != NULL; l = l->next)
    {
      CacheEntry *entry = g_hash_table_lookup (cache->entries, l->data);

      if (!entry->used)
        {
          changed = TRUE;
          continue;
        }
      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) entry->size);
      json_builder_set_member_name (builder, "mtime");
      json_builder_add_int_value (builder, entry->mtime);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, entry->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  if (!changed)
    return TRUE;

  root = json_builder_get_root (builder);
  bytes = rubric_json_to_bytes (root);
  if (!rubric_file_write (cache->file, bytes, RUBRIC_FILE_WRITE_MAKE_FOLDER, NULL, NULL, cancellable, error))
    return FALSE;
  cache->changed = FALSE;
  return TRUE;
}

/**
 * rubric_kit_hash_file:
 *
 * Works out a file's SHA-256 a piece at a time, never holding the whole
 * file.
 *
 * Returns: (transfer full) (nullable): the checksum, lowercase hex
 */
char *
rubric_kit_hash_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (HASH_CHUNK);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, HASH_CHUNK, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}
