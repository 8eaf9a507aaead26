/* rubric-json.c — careful JSON reading shared by the kit and session loaders
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-json"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rubric-file.h"
#include "rubric-json-private.h"

/* JSON allows numbers no double can hold, like 1e999; json-glib reads them
 * as infinity and would write "inf" back, which is not JSON. Refuse them
 * wherever they are, kept members included (found by the session fuzzer). */
static gboolean
fail_number_too_large (GError               **error,
                       GQuark                 domain,
                       const RubricJsonPath  *path)
{
  /* Translators: an error in a JSON file: a number does not fit in a
   * double, such as 1e999 */
  rubric_json_set_error (error, domain, path, _("The number is too large"));
  return FALSE;
}

static gboolean
check_numbers (JsonNode              *node,
               const RubricJsonPath  *path,
               GQuark                 domain,
               GError               **error)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        /* In file order, as the tape is checked: of two numbers too
         * large, both report the first (found by the kit fuzzer). */
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            RubricJsonPath member_path = { path, name, 0 };

            if (!check_numbers (member, &member_path, domain, error))
              return FALSE;
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            RubricJsonPath item_path = { path, NULL, i };

            if (!check_numbers (json_array_get_element (array, i), &item_path, domain, error))
              return FALSE;
          }
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE &&
          !isfinite (json_node_get_double (node)))
        return fail_number_too_large (error, domain, path);
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }

  return TRUE;
}

/* The text of @bytes, without a byte-order mark, if it is not too large. */
static const char *
prepare (GBytes  *bytes,
         GQuark   domain,
         gsize   *length,
         GError **error)
{
  const char *data = g_bytes_get_data (bytes, length);

  if (data == NULL)
    data = "";

  if (*length > RUBRIC_JSON_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (*length);

      g_set_error (error, domain, RUBRIC_JSON_ERROR_TOO_LARGE,
                   /* Translators: %s is the size of the file, such as “17.3 MB” */
                   _("The file is too large (%s); the limit is 16 MB"), size);
      return NULL;
    }

  /* A byte-order mark is legal in UTF-8 text, but not in JSON. */
  if (*length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      *length -= 3;
    }

  return data;
}

JsonNode *
rubric_json_parse (GBytes  *bytes,
                   GQuark   domain,
                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;
  guint line;
  guint column;
  gboolean maybe_huge;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = prepare (bytes, domain, &length, error);
  if (data == NULL)
    return NULL;

  /* Strict JSON only, so that json-glib, which reads more and quietly
   * changes some of it, never sees anything it would not read faithfully. */
  if (!rubric_json_check_syntax (data, length, domain, &maybe_huge, error))
    return NULL;

  /* Not json_parser_new_immutable(): json-glib 1.10 aborts on an assertion
   * when an immutable parser meets a scalar followed by more text, such as
   * "2{" (found by tests/fuzz/fuzz-kit.c). */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *what = local_error->message;
      const char *rest;
      int consumed = 0;
      g_autofree char *message = NULL;

      /* Not expected: rubric_json_check_syntax() lets through only what
       * json-glib reads. Should they ever disagree, that is a bug to hear
       * of (the fuzzers run with fatal criticals), and the file is still
       * refused: json-glib says "<data>:LINE:COLUMN: Parse error: what";
       * keep the place and the what. */
      g_critical ("rubric_json_check_syntax() passed what json-glib refuses: %s", what);
      rest = strchr (what, ':');
      if (rest != NULL &&
          sscanf (rest, ":%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        {
          what = rest + consumed;
          if (g_str_has_prefix (what, "Parse error: "))
            what += strlen ("Parse error: ");
        }
      else
        {
          line = 1;
          column = 1;
        }
      /* Translators: shown after the line and column; %s is what json-glib
       * found wrong, in its own words */
      message = g_strdup_printf (_("Not valid JSON: %s"), what);
      rubric_json_set_error_at (error, domain, RUBRIC_JSON_ERROR_SYNTAX, line, column, message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      rubric_json_set_error_at (error, domain, RUBRIC_JSON_ERROR_SYNTAX, 1, 1,
                                /* Translators: shown after the line and column, “1:1: ” */
                                _("The file is empty"));
      return NULL;
    }

  {
    RubricJsonPath root_path = RUBRIC_JSON_PATH_ROOT;

    if (maybe_huge &&
        !check_numbers (json_parser_get_root (parser), &root_path, domain, error))
      return NULL;
  }

  return json_parser_steal_root (parser);
}

/* check_numbers() on a tape. */
static gboolean
tape_check_numbers (const RubricJsonTape  *tape,
                    guint                  index,
                    const RubricJsonPath  *path,
                    GQuark                 domain,
                    GError               **error)
{
  const RubricJsonItem *item = &tape->items[index];

  if (item->type == RUBRIC_JSON_ITEM_OBJECT || item->type == RUBRIC_JSON_ITEM_ARRAY)
    {
      guint n = 0;

      for (guint i = index + 1; i < item->next; i = tape->items[i].next, n++)
        {
          RubricJsonPath item_path = { path, tape->items[i].key, n };

          if (!tape_check_numbers (tape, i, &item_path, domain, error))
            return FALSE;
        }
    }
  else if (item->type == RUBRIC_JSON_ITEM_NUMBER && !item->whole &&
           !isfinite (g_ascii_strtod (item->text, NULL)))
    {
      return fail_number_too_large (error, domain, path);
    }

  return TRUE;
}

/**
 * rubric_json_tape_new:
 *
 * Reads @bytes as rubric_json_parse() does, with the same errors, into a
 * tape rather than json-glib's tree: a fraction of the time and memory.
 *
 * Returns: (transfer full) (nullable): the tape
 */
RubricJsonTape *
rubric_json_tape_new (GBytes  *bytes,
                      GQuark   domain,
                      GError **error)
{
  g_autoptr(RubricJsonTape) tape = g_new0 (RubricJsonTape, 1);
  RubricJsonPath root_path = RUBRIC_JSON_PATH_ROOT;
  const char *data;
  gsize length;
  gboolean maybe_huge;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = prepare (bytes, domain, &length, error);
  if (data == NULL ||
      !rubric_json_scan_to_tape (data, length, domain, &maybe_huge, tape, error) ||
      (maybe_huge && !tape_check_numbers (tape, 0, &root_path, domain, error)))
    return NULL;

  return g_steal_pointer (&tape);
}

void
rubric_json_tape_free (RubricJsonTape *tape)
{
  if (tape == NULL)
    return;
  g_free (tape->buffer);
  g_free (tape->items);
  g_free (tape);
}

GBytes *
rubric_json_read_file (GFile         *file,
                       GQuark         domain,
                       char         **stamp,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Bounded, and regular files only: a FIFO or /dev/zero gets an error at
   * once instead of a hang or an exhausted memory. */
  bytes = rubric_file_read (file, RUBRIC_JSON_MAX_SIZE, stamp, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_TOO_LARGE))
        g_set_error_literal (error, domain, RUBRIC_JSON_ERROR_TOO_LARGE, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return bytes;
}

static GBytes *
generate (JsonNode *root,
          gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) text = NULL;

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

GBytes *
rubric_json_to_bytes (JsonNode *root)
{
  return generate (root, TRUE);
}

/**
 * rubric_json_to_file_bytes_max:
 * @max_size: the largest file to write
 *
 * The bytes to save for @root: indented, or compact when the indented form
 * would be over @max_size. Never more than @max_size.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
rubric_json_to_file_bytes_max (JsonNode  *root,
                               gsize      max_size,
                               GError   **error)
{
  g_autoptr(GBytes) bytes = generate (root, TRUE);

  if (g_bytes_get_size (bytes) <= max_size)
    return g_steal_pointer (&bytes);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = generate (root, FALSE);
  if (g_bytes_get_size (bytes) <= max_size)
    return g_steal_pointer (&bytes);

  {
    g_autofree char *size = g_format_size (g_bytes_get_size (bytes));
    g_autofree char *limit = g_format_size (max_size);

    g_set_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_TOO_LARGE,
                 /* Translators: the first %s is a size such as “17.2 MB”, the second the largest file Rubric opens */
                 _("This would make a file of %s, larger than the %s Rubric can open again; nothing was written. Shorten the longest notes and save again"),
                 size, limit);
  }
  return NULL;
}

/**
 * rubric_json_to_file_bytes:
 *
 * rubric_json_to_file_bytes_max() with the size Rubric reads back, so Rubric
 * never writes a file it then refuses to open.
 */
GBytes *
rubric_json_to_file_bytes (JsonNode  *root,
                           GError   **error)
{
  return rubric_json_to_file_bytes_max (root, RUBRIC_JSON_MAX_SIZE, error);
}

/* ------------------------------------------------------------------ paths */

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
append_path (GString              *string,
             const RubricJsonPath *path)
{
  if (path == NULL)
    return;

  append_path (string, path->parent);

  if (path->parent == NULL && path->key == NULL)
    {
      g_string_append_c (string, '$');
    }
  else if (path->key == NULL)
    {
      g_string_append_printf (string, "[%u]", path->index);
    }
  else if (is_identifier (path->key))
    {
      g_string_append_printf (string, ".%s", path->key);
    }
  else
    {
      g_string_append (string, "[\"");
      for (const char *p = path->key; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (string, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (string, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (string, *p);
        }
      g_string_append (string, "\"]");
    }
}

char *
rubric_json_path_to_string (const RubricJsonPath *path)
{
  GString *string = g_string_new (NULL);

  append_path (string, path);
  if (string->len == 0)
    g_string_append_c (string, '$');

  return g_string_free (string, FALSE);
}

void
rubric_json_set_error (GError              **error,
                       GQuark                domain,
                       const RubricJsonPath *path,
                       const char           *format,
                       ...)
{
  g_autofree char *where = rubric_json_path_to_string (path);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, domain, RUBRIC_JSON_ERROR_INVALID, "%s: %s", where, what);
}

/* ---------------------------------------------------------------- getters */

/* What a value in a file turned out to be. json-glib holds every number
 * as an int64 or a double, so a value that is not a string or a boolean
 * is a number. */
typedef enum {
  FOUND_OBJECT,
  FOUND_ARRAY,
  FOUND_NULL,
  FOUND_STRING,
  FOUND_BOOLEAN,
  FOUND_NUMBER,
  N_FOUND
} Found;

static Found
classify (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return FOUND_OBJECT;
    case JSON_NODE_ARRAY:
      return FOUND_ARRAY;
    case JSON_NODE_NULL:
      return FOUND_NULL;
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return FOUND_STRING;
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return FOUND_BOOLEAN;
      return FOUND_NUMBER;
    }
}

/* Whole sentences, not "Expected %s, found %s" put together from pieces:
 * in many languages the words for both types change with the sentence
 * around them, and the verbs with the types. NULL where a type is the one
 * expected, which never makes an error. */
static const char * const type_errors[][N_FOUND] = {
  [RUBRIC_JSON_EXPECT_OBJECT] = {
    /* Translators: a value in a JSON file is of the wrong type. “Object”,
     * “array”, “string”, “boolean” (true or false), “number” and “null” are
     * JSON's own terms: an object is a {…} of named members, an array a […]
     * list. The messages that follow are the other pairs of types. */
    [FOUND_ARRAY] = NC_("JSON type error", "Expected an object, found an array"),
    [FOUND_NULL] = NC_("JSON type error", "Expected an object, found null"),
    [FOUND_STRING] = NC_("JSON type error", "Expected an object, found a string"),
    [FOUND_BOOLEAN] = NC_("JSON type error", "Expected an object, found a boolean"),
    [FOUND_NUMBER] = NC_("JSON type error", "Expected an object, found a number"),
  },
  [RUBRIC_JSON_EXPECT_ARRAY] = {
    /* Translators: a value in a JSON file is of the wrong type; an array is
     * a […] list, an object a {…} of named members */
    [FOUND_OBJECT] = NC_("JSON type error", "Expected an array, found an object"),
    [FOUND_NULL] = NC_("JSON type error", "Expected an array, found null"),
    [FOUND_STRING] = NC_("JSON type error", "Expected an array, found a string"),
    [FOUND_BOOLEAN] = NC_("JSON type error", "Expected an array, found a boolean"),
    [FOUND_NUMBER] = NC_("JSON type error", "Expected an array, found a number"),
  },
  [RUBRIC_JSON_EXPECT_STRING] = {
    /* Translators: a value in a JSON file is of the wrong type; a string is
     * text in quotes */
    [FOUND_OBJECT] = NC_("JSON type error", "Expected a string, found an object"),
    [FOUND_ARRAY] = NC_("JSON type error", "Expected a string, found an array"),
    [FOUND_NULL] = NC_("JSON type error", "Expected a string, found null"),
    [FOUND_BOOLEAN] = NC_("JSON type error", "Expected a string, found a boolean"),
    [FOUND_NUMBER] = NC_("JSON type error", "Expected a string, found a number"),
  },
  [RUBRIC_JSON_EXPECT_WHOLE_NUMBER] = {
    /* Translators: a value in a JSON file is of the wrong type; a whole
     * number is an integer, so "found a number" means one with a fraction,
     * such as 1.5 */
    [FOUND_OBJECT] = NC_("JSON type error", "Expected a whole number, found an object"),
    [FOUND_ARRAY] = NC_("JSON type error", "Expected a whole number, found an array"),
    [FOUND_NULL] = NC_("JSON type error", "Expected a whole number, found null"),
    [FOUND_STRING] = NC_("JSON type error", "Expected a whole number, found a string"),
    [FOUND_BOOLEAN] = NC_("JSON type error", "Expected a whole number, found a boolean"),
    [FOUND_NUMBER] = NC_("JSON type error", "Expected a whole number, found a number"),
  },
  [RUBRIC_JSON_EXPECT_NUMBER] = {
    /* Translators: a value in a JSON file is of the wrong type */
    [FOUND_OBJECT] = NC_("JSON type error", "Expected a number, found an object"),
    [FOUND_ARRAY] = NC_("JSON type error", "Expected a number, found an array"),
    [FOUND_NULL] = NC_("JSON type error", "Expected a number, found null"),
    [FOUND_STRING] = NC_("JSON type error", "Expected a number, found a string"),
    [FOUND_BOOLEAN] = NC_("JSON type error", "Expected a number, found a boolean"),
  },
  [RUBRIC_JSON_EXPECT_BOOLEAN] = {
    /* Translators: a value in a JSON file is of the wrong type: it must be
     * the JSON literal true or false, which stay in English */
    [FOUND_OBJECT] = NC_("JSON type error", "Expected true or false, found an object"),
    [FOUND_ARRAY] = NC_("JSON type error", "Expected true or false, found an array"),
    [FOUND_NULL] = NC_("JSON type error", "Expected true or false, found null"),
    [FOUND_STRING] = NC_("JSON type error", "Expected true or false, found a string"),
    [FOUND_NUMBER] = NC_("JSON type error", "Expected true or false, found a number"),
  },
};

/**
 * rubric_json_set_type_error:
 * @found: the value that is not of the @expected type
 *
 * Sets "PATH: Expected a string, found a number" on @error.
 */
static void
set_type_error (GError               **error,
                GQuark                 domain,
                const RubricJsonPath  *path,
                RubricJsonExpect       expected,
                Found                  found)
{
  const char *message;

  g_return_if_fail (expected < G_N_ELEMENTS (type_errors));

  message = type_errors[expected][found];
  g_return_if_fail (message != NULL);

  rubric_json_set_error (error, domain, path, "%s",
                         g_dpgettext2 (GETTEXT_PACKAGE, "JSON type error", message));
}

void
rubric_json_set_type_error (GError               **error,
                            GQuark                 domain,
                            const RubricJsonPath  *path,
                            RubricJsonExpect       expected,
                            JsonNode              *found)
{
  g_return_if_fail (found != NULL);
  set_type_error (error, domain, path, expected, classify (found));
}

/**
 * rubric_json_tape_set_type_error:
 *
 * rubric_json_set_type_error() for an item of a tape.
 */
void
rubric_json_tape_set_type_error (GError               **error,
                                 GQuark                 domain,
                                 const RubricJsonPath  *path,
                                 RubricJsonExpect       expected,
                                 const RubricJsonItem  *found)
{
  static const Found found_of_type[] = {
    [RUBRIC_JSON_ITEM_OBJECT] = FOUND_OBJECT,
    [RUBRIC_JSON_ITEM_ARRAY] = FOUND_ARRAY,
    [RUBRIC_JSON_ITEM_STRING] = FOUND_STRING,
    [RUBRIC_JSON_ITEM_NUMBER] = FOUND_NUMBER,
    [RUBRIC_JSON_ITEM_BOOLEAN] = FOUND_BOOLEAN,
    [RUBRIC_JSON_ITEM_NULL] = FOUND_NULL,
  };

  g_return_if_fail (found != NULL && found->type < G_N_ELEMENTS (found_of_type));
  set_type_error (error, domain, path, expected, found_of_type[found->type]);
}

gboolean
rubric_json_is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
rubric_json_is_id (const char *text)
{
  gsize length = strlen (text);
  gboolean after_separator = TRUE;

  if (length == 0 || length > 64)
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        {
          after_separator = FALSE;
        }
      else if (*p == '-' || *p == '_' || *p == '.')
        {
          if (after_separator)
            return FALSE;
          after_separator = TRUE;
        }
      else
        {
          return FALSE;
        }
    }

  return !after_separator;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A value found in a tree (@node) or on a tape (@item); both NULL when
 * there is none. */
typedef struct
{
  JsonNode             *node;
  const RubricJsonItem *item;
} Value;

static gboolean
is_expected (const Value      *value,
             RubricJsonExpect  expected)
{
  JsonNode *node = value->node;
  const RubricJsonItem *item = value->item;

  switch (expected)
    {
    case RUBRIC_JSON_EXPECT_OBJECT:
      return item != NULL ? item->type == RUBRIC_JSON_ITEM_OBJECT : JSON_NODE_HOLDS_OBJECT (node);
    case RUBRIC_JSON_EXPECT_ARRAY:
      return item != NULL ? item->type == RUBRIC_JSON_ITEM_ARRAY : JSON_NODE_HOLDS_ARRAY (node);
    case RUBRIC_JSON_EXPECT_STRING:
      return item != NULL ? item->type == RUBRIC_JSON_ITEM_STRING : holds (node, G_TYPE_STRING);
    case RUBRIC_JSON_EXPECT_WHOLE_NUMBER:
      return item != NULL ? item->type == RUBRIC_JSON_ITEM_NUMBER && item->whole : holds (node, G_TYPE_INT64);
    case RUBRIC_JSON_EXPECT_NUMBER:
      return item != NULL ? item->type == RUBRIC_JSON_ITEM_NUMBER
                          : holds (node, G_TYPE_INT64) || holds (node, G_TYPE_DOUBLE);
    case RUBRIC_JSON_EXPECT_BOOLEAN:
    default:
      return item != NULL ? item->type == RUBRIC_JSON_ITEM_BOOLEAN : holds (node, G_TYPE_BOOLEAN);
    }
}

static void
set_value_type_error (GError               **error,
                      GQuark                 domain,
                      const RubricJsonPath  *path,
                      RubricJsonExpect       expected,
                      const Value           *value)
{
  if (value->item != NULL)
    rubric_json_tape_set_type_error (error, domain, path, expected, value->item);
  else
    rubric_json_set_type_error (error, domain, path, expected, value->node);
}

/* What a value of the expected type holds. On a tape a number is read as
 * json-glib reads it: a whole one as a gint64 (rubric_json_scan_to_tape()
 * saw that it fits), another as a double. */
static const char *
value_string (const Value *value)
{
  return value->item != NULL ? value->item->text : json_node_get_string (value->node);
}

static gint64
value_int (const Value *value)
{
  return value->item != NULL ? g_ascii_strtoll (value->item->text, NULL, 10) : json_node_get_int (value->node);
}

static double
value_double (const Value *value)
{
  if (value->item == NULL)
    return json_node_get_double (value->node);
  if (value->item->whole)
    return (double) g_ascii_strtoll (value->item->text, NULL, 10);
  return g_ascii_strtod (value->item->text, NULL);
}

static guint
value_length (const Value *value)
{
  return value->item != NULL ? value->item->length : json_array_get_length (json_node_get_array (value->node));
}

#define MEMBER_PATH(reader, member) { (reader)->path, (member), 0 }

static gboolean
fail_missing (GError               **error,
              GQuark                 domain,
              const RubricJsonPath  *path,
              const char            *member)
{
  rubric_json_set_error (error, domain, path,
                         /* Translators: an error in a JSON file; %s is
                          * the name of a member, such as “prompt”, which
                          * stays in English */
                         _("The member “%s” is missing"), member);
  return FALSE;
}

/* The checks of a value once it is of the right type, for both trees and
 * tapes: each sets the error at @path and returns FALSE when it fails. */

static gboolean
check_text (GError               **error,
            GQuark                 domain,
            const RubricJsonPath  *path,
            gboolean               non_empty,
            const char            *text)
{
  if (non_empty && rubric_json_is_blank (text))
    {
      rubric_json_set_error (error, domain, path, _("The text is empty"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_int (GError               **error,
           GQuark                 domain,
           const RubricJsonPath  *path,
           gint64                 value,
           gint64                 min,
           gint64                 max)
{
  if (value < min || value > max)
    {
      g_autofree char *value_text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: a number in a file and the range it must be in,
       * e.g. "6 is out of range (1–5)" */
      rubric_json_set_error (error, domain, path, _("%s is out of range (%s–%s)"),
                             value_text, min_text, max_text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_number (GError               **error,
              GQuark                 domain,
              const RubricJsonPath  *path,
              double                 value,
              double                 min_exclusive,
              double                 max)
{
  if (!(value > min_exclusive && value <= max))
    {
      rubric_json_set_error (error, domain, path,
                             /* Translators: an error in a JSON file: a
                              * number, then the number it must be larger
                              * than, then the largest it may be */
                             _("%g is out of range (more than %g, at most %g)"),
                             value, min_exclusive, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_length (GError               **error,
              GQuark                 domain,
              const RubricJsonPath  *path,
              guint                  length,
              guint                  min_length,
              guint                  max_length)
{
  if (length < min_length)
    {
      rubric_json_set_error (error, domain, path,
                             g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: an error in a JSON file: a list is too
                                           * short; %u is the fewest items it may have */
                                          "Needs at least %u item",
                                          "Needs at least %u items", min_length),
                             min_length);
      return FALSE;
    }
  if (length > max_length)
    {
      rubric_json_set_error (error, domain, path,
                             g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: an error in a JSON file: a list is too
                                           * long; %u is the most items it may have */
                                          "Has more than %u item",
                                          "Has more than %u items", max_length),
                             max_length);
      return FALSE;
    }
  return TRUE;
}

/* Looks up @member, which must be of the @expected type; leaves @value
 * empty when it is absent. Fails when it is required and absent, or when
 * it is of another type. On a tape the members are looked at one by one
 * (a kit's objects have about ten). */
static gboolean
lookup (const RubricJsonObjectReader  *reader,
        const char                    *member,
        gboolean                       required,
        RubricJsonExpect               expected,
        Value                         *value,
        GError                       **error)
{
  value->node = NULL;
  value->item = NULL;

  if (reader->tape != NULL)
    {
      const RubricJsonItem *items = reader->tape->items;

      for (guint i = reader->item + 1; i < items[reader->item].next; i = items[i].next)
        if (strcmp (items[i].key, member) == 0)
          {
            value->item = &items[i];
            break;
          }
    }
  else
    {
      value->node = json_object_get_member (reader->object, member);
    }

  if (value->node == NULL && value->item == NULL)
    return !required || fail_missing (error, reader->domain, reader->path, member);

  if (!is_expected (value, expected))
    {
      RubricJsonPath path = MEMBER_PATH (reader, member);

      set_value_type_error (error, reader->domain, &path, expected, value);
      return FALSE;
    }

  return TRUE;
}

#define ABSENT(value) ((value)->node == NULL && (value)->item == NULL)

gboolean
rubric_json_get_string (const RubricJsonObjectReader  *reader,
                        const char                    *member,
                        gboolean                       required,
                        gboolean                       non_empty,
                        const char                   **out,
                        GError                       **error)
{
  RubricJsonPath path = MEMBER_PATH (reader, member);
  Value value;

  if (!lookup (reader, member, required, RUBRIC_JSON_EXPECT_STRING, &value, error))
    return FALSE;
  if (ABSENT (&value))
    return TRUE;

  if (!check_text (error, reader->domain, &path, non_empty, value_string (&value)))
    return FALSE;

  *out = value_string (&value);
  return TRUE;
}

gboolean
rubric_json_get_int (const RubricJsonObjectReader  *reader,
                     const char                    *member,
                     gboolean                       required,
                     gint64                         min,
                     gint64                         max,
                     gint64                        *out,
                     GError                       **error)
{
  RubricJsonPath path = MEMBER_PATH (reader, member);
  Value value;

  if (!lookup (reader, member, required, RUBRIC_JSON_EXPECT_WHOLE_NUMBER, &value, error))
    return FALSE;
  if (ABSENT (&value))
    return TRUE;

  if (!check_int (error, reader->domain, &path, value_int (&value), min, max))
    return FALSE;

  *out = value_int (&value);
  return TRUE;
}

gboolean
rubric_json_get_number (const RubricJsonObjectReader  *reader,
                        const char                    *member,
                        gboolean                       required,
                        double                         min_exclusive,
                        double                         max,
                        double                        *out,
                        GError                       **error)
{
  RubricJsonPath path = MEMBER_PATH (reader, member);
  Value value;

  if (!lookup (reader, member, required, RUBRIC_JSON_EXPECT_NUMBER, &value, error))
    return FALSE;
  if (ABSENT (&value))
    return TRUE;

  if (!check_number (error, reader->domain, &path, value_double (&value), min_exclusive, max))
    return FALSE;

  *out = value_double (&value);
  return TRUE;
}

gboolean
rubric_json_get_boolean (const RubricJsonObjectReader  *reader,
                         const char                    *member,
                         gboolean                       required,
                         gboolean                      *out,
                         GError                       **error)
{
  Value value;

  if (!lookup (reader, member, required, RUBRIC_JSON_EXPECT_BOOLEAN, &value, error))
    return FALSE;
  if (ABSENT (&value))
    return TRUE;

  *out = value.item != NULL ? value.item->whole : json_node_get_boolean (value.node);
  return TRUE;
}

/* An array member, its length checked. */
static gboolean
lookup_array (const RubricJsonObjectReader  *reader,
              const char                    *member,
              gboolean                       required,
              guint                          min_length,
              guint                          max_length,
              Value                         *value,
              GError                       **error)
{
  RubricJsonPath path = MEMBER_PATH (reader, member);

  return lookup (reader, member, required, RUBRIC_JSON_EXPECT_ARRAY, value, error) &&
         (ABSENT (value) ||
          check_length (error, reader->domain, &path, value_length (value), min_length, max_length));
}

gboolean
rubric_json_get_array (const RubricJsonObjectReader  *reader,
                       const char                    *member,
                       gboolean                       required,
                       guint                          min_length,
                       guint                          max_length,
                       JsonArray                    **out,
                       GError                       **error)
{
  Value value;

  g_return_val_if_fail (reader->tape == NULL, FALSE);

  if (!lookup_array (reader, member, required, min_length, max_length, &value, error))
    return FALSE;
  if (!ABSENT (&value))
    *out = json_node_get_array (value.node);
  return TRUE;
}

/**
 * rubric_json_get_array_item:
 * @out: (out): the index of the array on the reader's tape; left as it is
 *   when the array is absent (0 is never a member)
 *
 * rubric_json_get_array() for a reader of a tape.
 */
gboolean
rubric_json_get_array_item (const RubricJsonObjectReader  *reader,
                            const char                    *member,
                            gboolean                       required,
                            guint                          min_length,
                            guint                          max_length,
                            guint                         *out,
                            GError                       **error)
{
  Value value;

  g_return_val_if_fail (reader->tape != NULL, FALSE);

  if (!lookup_array (reader, member, required, min_length, max_length, &value, error))
    return FALSE;
  if (!ABSENT (&value))
    *out = value.item - reader->tape->items;
  return TRUE;
}

gboolean
rubric_json_get_object (const RubricJsonObjectReader  *reader,
                        const char                    *member,
                        gboolean                       required,
                        JsonObject                   **out,
                        GError                       **error)
{
  Value value;

  g_return_val_if_fail (reader->tape == NULL, FALSE);

  if (!lookup (reader, member, required, RUBRIC_JSON_EXPECT_OBJECT, &value, error))
    return FALSE;
  if (!ABSENT (&value))
    *out = json_node_get_object (value.node);
  return TRUE;
}

/**
 * rubric_json_get_object_item:
 * @out: (out): the index of the object on the reader's tape; left as it
 *   is when the object is absent (0 is never a member)
 *
 * rubric_json_get_object() for a reader of a tape.
 */
gboolean
rubric_json_get_object_item (const RubricJsonObjectReader  *reader,
                             const char                    *member,
                             gboolean                       required,
                             guint                         *out,
                             GError                       **error)
{
  Value value;

  g_return_val_if_fail (reader->tape != NULL, FALSE);

  if (!lookup (reader, member, required, RUBRIC_JSON_EXPECT_OBJECT, &value, error))
    return FALSE;
  if (!ABSENT (&value))
    *out = value.item - reader->tape->items;
  return TRUE;
}

/* An item of a string list: a string with more than white space. */
static gboolean
check_list_string (GError               **error,
                   GQuark                 domain,
                   const RubricJsonPath  *path,
                   const Value           *value)
{
  if (!is_expected (value, RUBRIC_JSON_EXPECT_STRING))
    {
      set_value_type_error (error, domain, path, RUBRIC_JSON_EXPECT_STRING, value);
      return FALSE;
    }
  return check_text (error, domain, path, TRUE, value_string (value));
}

gboolean
rubric_json_get_string_list (const RubricJsonObjectReader  *reader,
                             const char                    *member,
                             gboolean                       required,
                             guint                          min_length,
                             guint                          max_length,
                             GStrv                         *out,
                             GError                       **error)
{
  RubricJsonPath array_path = MEMBER_PATH (reader, member);
  g_auto(GStrv) strv = NULL;
  Value array;
  Value value = { NULL, NULL };
  guint at = 0;

  if (!lookup_array (reader, member, required, min_length, max_length, &array, error))
    return FALSE;
  if (ABSENT (&array))
    {
      *out = g_new0 (char *, 1);
      return TRUE;
    }

  strv = g_new0 (char *, value_length (&array) + 1);
  if (array.item != NULL)
    at = array.item - reader->tape->items + 1;
  for (guint i = 0; i < value_length (&array); i++)
    {
      RubricJsonPath path = { &array_path, NULL, i };

      if (array.item != NULL)
        {
          value.item = &reader->tape->items[at];
          at = value.item->next;
        }
      else
        {
          value.node = json_array_get_element (json_node_get_array (array.node), i);
        }
      if (!check_list_string (error, reader->domain, &path, &value))
        return FALSE;
      strv[i] = g_strdup (value_string (&value));
    }

  *out = g_steal_pointer (&strv);
  return TRUE;
}

JsonObject *
rubric_json_object_copy_unknown (JsonObject         *object,
                                 const char * const *known)
{
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, name, json_node_copy (node));
    }

  return g_steal_pointer (&unknown);
}

/**
 * rubric_json_now_utc:
 *
 * Returns: (transfer full): now, in whole seconds: the file formats have
 *   no use for microseconds
 */
GDateTime *
rubric_json_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now),
                              g_date_time_get_hour (now),
                              g_date_time_get_minute (now),
                              g_date_time_get_second (now));
}

/**
 * rubric_json_format_date_time:
 *
 * Returns: (transfer full): @date_time in UTC as "YYYY-MM-DDTHH:MM:SSZ",
 *   with four-digit years always (%Y does not pad year 422, and the file
 *   could not be read back: found by tests/fuzz/fuzz-session.c)
 */
char *
rubric_json_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

/* ------------------------------------------------------------ file headers */

static const char * const format_names[] = { "rubric-kit", "rubric-session", "rubric-study", "rubric-plan" };

/* Whether @found, the "format" of a file, is @format's name. */
static gboolean
check_format (GError               **error,
              GQuark                 domain,
              const RubricJsonPath  *parent,
              RubricJsonFormat       format,
              const char            *found)
{
  RubricJsonPath format_path = { parent, "format", 0 };

  if (!g_str_equal (found, format_names[format]))
    {
      switch (format)
        {
        case RUBRIC_JSON_FORMAT_KIT:
          rubric_json_set_error (error, domain, &format_path,
                                 /* Translators: an error when opening a file; %s
                                  * is the “format” the file names. Keep “rubric-
                                  * kit”, a value of the file format */
                                 _("This is not an interview kit (the format is “%s”, not “rubric-kit”)"),
                                 found);
          break;
        case RUBRIC_JSON_FORMAT_SESSION:
          rubric_json_set_error (error, domain, &format_path,
                                 /* Translators: an error when opening a file; %s
                                  * is the “format” the file names. Keep “rubric-
                                  * session”, a value of the file format */
                                 _("This is not an interview session (the format is “%s”, not “rubric-session”)"),
                                 found);
          break;
        case RUBRIC_JSON_FORMAT_PLAN:
          rubric_json_set_error (error, domain, &format_path,
                                 /* Translators: an error when opening a file; %s
                                  * is the “format” the file names. Keep “rubric-
                                  * plan”, a value of the file format */
                                 _("This is not an interview plan (the format is “%s”, not “rubric-plan”)"),
                                 found);
          break;
        case RUBRIC_JSON_FORMAT_STUDY:
        default:
          rubric_json_set_error (error, domain, &format_path,
                                 /* Translators: an error when reading a file; %s
                                  * is the “format” the file names. Keep “rubric-
                                  * study”, a value of the file format */
                                 _("This is not a study progress file (the format is “%s”, not “rubric-study”)"),
                                 found);
          break;
        }
      return FALSE;
    }

  return TRUE;
}

/**
 * rubric_json_read_header:
 * @reader: its domain and path set, and its tape if it reads one; on success
 *   its object is @root's, or its item the tape's first
 * @root: (nullable): the file's value; %NULL when @reader reads a tape
 * @version: (out): the file's format version, at least 1
 *
 * Checks what every file of Rubric's starts with: an object whose "format"
 * names @format, and a whole "version". Whether the version is one this
 * Rubric reads is the caller's to decide.
 */
gboolean
rubric_json_read_header (RubricJsonObjectReader  *reader,
                         JsonNode                *root,
                         RubricJsonFormat         format,
                         gint64                  *version,
                         GError                 **error)
{
  const char *found = NULL;

  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), FALSE);

  if (reader->tape != NULL)
    {
      Value value = { NULL, &reader->tape->items[0] };

      if (!is_expected (&value, RUBRIC_JSON_EXPECT_OBJECT))
        {
          set_value_type_error (error, reader->domain, reader->path, RUBRIC_JSON_EXPECT_OBJECT, &value);
          return FALSE;
        }
      reader->item = 0;
    }
  else if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      rubric_json_set_type_error (error, reader->domain, reader->path, RUBRIC_JSON_EXPECT_OBJECT, root);
      return FALSE;
    }
  else
    {
      reader->object = json_node_get_object (root);
    }

  if (!rubric_json_get_string (reader, "format", TRUE, FALSE, &found, error) ||
      !check_format (error, reader->domain, reader->path, format, found))
    return FALSE;

  return rubric_json_get_int (reader, "version", TRUE, 1, G_MAXINT, version, error);
}

/* A copy that shares nothing with the original, so the tree can be written
 * out in a worker thread: json_node_copy() shares objects and arrays, whose
 * reference counts are not atomic. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *result;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (copy, name, deep_copy (member));
        result = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (result, copy);
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);
        JsonArray *copy = json_array_sized_new (length);

        for (guint i = 0; i < length; i++)
          json_array_add_element (copy, deep_copy (json_array_get_element (array, i)));
        result = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (result, copy);
        return result;
      }

    case JSON_NODE_VALUE:
      result = json_node_new (JSON_NODE_VALUE);
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          json_node_set_int (result, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          json_node_set_double (result, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          json_node_set_boolean (result, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
        default:
          json_node_set_string (result, json_node_get_string (node));
          break;
        }
      return result;

    case JSON_NODE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

/**
 * rubric_json_builder_add_members:
 * @unknown: (nullable): members a file had that this version does not know
 *
 * Adds @unknown's members to the object being built, in their order, as
 * copies that share nothing with @unknown.
 */
void
rubric_json_builder_add_members (JsonBuilder *builder,
                                 JsonObject  *unknown)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (unknown == NULL)
    return;

  json_object_iter_init_ordered (&iter, unknown);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, deep_copy (node));
    }
}
