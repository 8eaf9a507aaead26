/* test-json.c — rubric_json_parse(): strict JSON, each refusal in its place
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rubric-json-private.h"

#define TEST_DOMAIN (g_quark_from_static_string ("rubric-test-json-error"))

/* The tape (rubric_json_tape_new(), what the kit loader reads) holds what
 * json-glib's tree holds. */
static void
assert_tape_matches (JsonNode             *node,
                     const RubricJsonTape *tape,
                     guint                 index)
{
  const RubricJsonItem *item = &tape->items[index];

  g_assert_cmpuint (index, <, tape->n_items);
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        guint at = index + 1;

        g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_OBJECT);
        g_assert_cmpuint (item->length, ==, json_object_get_size (json_node_get_object (node)));
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_assert_cmpuint (at, <, item->next);
            g_assert_cmpstr (tape->items[at].key, ==, name);
            assert_tape_matches (member, tape, at);
            at = tape->items[at].next;
          }
        g_assert_cmpuint (at, ==, item->next);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint at = index + 1;

        g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_ARRAY);
        g_assert_cmpuint (item->length, ==, json_array_get_length (array));
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_assert_cmpuint (at, <, item->next);
            g_assert_null (tape->items[at].key);
            assert_tape_matches (json_array_get_element (array, i), tape, at);
            at = tape->items[at].next;
          }
        g_assert_cmpuint (at, ==, item->next);
      }
      break;

    case JSON_NODE_NULL:
      g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_NULL);
      break;

    case JSON_NODE_VALUE:
    default:
      g_assert_cmpuint (item->next, ==, index + 1);
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_STRING);
          g_assert_cmpstr (item->text, ==, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_BOOLEAN);
          g_assert_cmpint (item->whole, ==, json_node_get_boolean (node));
          break;
        case G_TYPE_INT64:
          g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_NUMBER);
          g_assert_true (item->whole);
          g_assert_cmpint (g_ascii_strtoll (item->text, NULL, 10), ==, json_node_get_int (node));
          break;
        default:
          g_assert_cmpint (item->type, ==, RUBRIC_JSON_ITEM_NUMBER);
          g_assert_false (item->whole);
          g_assert_cmpfloat (g_ascii_strtod (item->text, NULL), ==, json_node_get_double (node));
          break;
        }
      break;
    }
}

/* rubric_json_parse(), and the tape of the same bytes: both refuse the
 * text with the same error, or both read the same. */
static JsonNode *
parse (const char  *text,
       gsize        length,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) tape_error = NULL;
  g_autoptr(RubricJsonTape) tape = rubric_json_tape_new (bytes, TEST_DOMAIN, &tape_error);
  JsonNode *root = rubric_json_parse (bytes, TEST_DOMAIN, error);

  if (root == NULL)
    {
      g_assert_null (tape);
      g_assert_error (tape_error, TEST_DOMAIN, (*error)->code);
      g_assert_cmpstr (tape_error->message, ==, (*error)->message);
    }
  else
    {
      g_assert_no_error (tape_error);
      assert_tape_matches (root, tape, 0);
      g_assert_cmpuint (tape->items[0].next, ==, tape->n_items);
    }

  return root;
}

static JsonNode *
parse_text (const char  *text,
            GError     **error)
{
  return parse (text, strlen (text), error);
}

/* ------------------------------------------------------------- refused */

typedef struct
{
  const char *name;
  const char *text;
  int code;
  const char *message;   /* the whole message */
} Refused;

#define SYNTAX RUBRIC_JSON_ERROR_SYNTAX

static const Refused refused[] = {
  /* Duplicate keys: the second one is the place. */
  { "duplicate", "{\n  \"rating\": 4,\n  \"notes\": \"\",\n  \"rating\": 5\n}",
    SYNTAX, "4:3: The key “rating” appears twice in the same object" },
  { "duplicate-nested", "{\"a\": {\"b\": 1, \"b\": 2}}",
    SYNTAX, "1:16: The key “b” appears twice in the same object" },
  /* Keys are compared unescaped, as json-glib stores them. */
  { "duplicate-escaped", "{\"a\": 1, \"\\u0061\": 2}",
    SYNTAX, "1:10: The key “a” appears twice in the same object" },
  { "duplicate-escaped-first", "{\"\\u0061\": 1, \"a\": 2}",
    SYNTAX, "1:15: The key “a” appears twice in the same object" },
  { "duplicate-solidus", "{\"a/b\": 1, \"a\\/b\": 2}",
    SYNTAX, "1:12: The key “a/b” appears twice in the same object" },
  { "duplicate-surrogates", "{\"😀\": 1, \"\\ud83d\\ude00\": 2}",
    SYNTAX, "1:10: The key “😀” appears twice in the same object" },
  { "duplicate-empty", "{\"\": 1, \"\": 2}",
    SYNTAX, "1:9: The key “” appears twice in the same object" },
  /* A control character in a key is named by its escape, never printed. */
  { "duplicate-control", "{\"\\u001b[2J\": 1, \"\\u001b[2J\": 2}",
    SYNTAX, "1:18: The key “\\u001b[2J” appears twice in the same object" },

  /* \u0000 would cut the string short. */
  { "nul", "{\"notes\": \"Weak\\u0000HIDDEN\"}",
    SYNTAX, "1:16: A string contains “\\u0000”, the null character, which Rubric cannot keep" },
  { "nul-key", "{\"a\\u0000b\": 1}",
    SYNTAX, "1:4: A string contains “\\u0000”, the null character, which Rubric cannot keep" },

  /* Whole numbers beyond gint64 would be capped. */
  { "int-max-plus-one", "[9223372036854775808]",
    SYNTAX, "1:2: The whole number is out of range (-9223372036854775808 to 9223372036854775807)" },
  { "int-min-minus-one", "[-9223372036854775809]",
    SYNTAX, "1:2: The whole number is out of range (-9223372036854775808 to 9223372036854775807)" },
  { "int-long", "{\"elapsed_s\": 100000000000000000000000000000}",
    SYNTAX, "1:15: The whole number is out of range (-9223372036854775808 to 9223372036854775807)" },

  /* Raw control characters in strings. */
  { "raw-tab", "[\"a\tb\"]",
    SYNTAX, "1:4: A string contains the control character U+0009, which JSON allows only as an escape such as “\\n”" },
  { "raw-newline", "[\"a\nb\"]",
    SYNTAX, "1:4: A string contains the control character U+000A, which JSON allows only as an escape such as “\\n”" },
  { "raw-unit-separator", "[\"\x1f\"]",
    SYNTAX, "1:3: A string contains the control character U+001F, which JSON allows only as an escape such as “\\n”" },
  { "raw-after-backslash", "[\"a\\\tb\"]",
    SYNTAX, "1:5: A string contains the control character U+0009, which JSON allows only as an escape such as “\\n”" },
  /* A line break in a string that never closes: a file cut short. */
  { "cut-in-string", "{\"notes\": \"Explained DNS\nand",
    SYNTAX, "2:4: The file ends inside a string" },
  { "cut-after-backslash", "[\"a\\",
    SYNTAX, "1:5: The file ends inside a string" },

  /* What json-glib or JavaScript takes and JSON does not. */
  { "single-quotes", "{'format': 'rubric-session'}",
    SYNTAX, "1:2: Strings in JSON take double quotes, not single ones" },
  { "single-quoted-value", "{\"a\": 'b'}",
    SYNTAX, "1:7: Strings in JSON take double quotes, not single ones" },
  { "line-comment", "{\n  \"a\": 1 // the first\n}",
    SYNTAX, "2:10: JSON does not allow comments" },
  { "block-comment", "/* a kit */ {}",
    SYNTAX, "1:1: JSON does not allow comments" },
  { "comment-after", "[1] /**/",
    SYNTAX, "1:5: JSON does not allow comments" },
  { "trailing-comma-array", "[1, 2,]",
    SYNTAX, "1:6: JSON allows no comma after the last item" },
  { "trailing-comma-object", "{\n  \"format\": \"rubric-session\",\n  \"version\": 1,\n}",
    SYNTAX, "3:15: JSON allows no comma after the last item" },
  { "double-comma", "[1,, 2]",
    SYNTAX, "1:4: Expected a value, found “,”" },
  { "leading-comma", "[, 1]",
    SYNTAX, "1:2: Expected a value, found “,”" },
  { "empty-member", "{,}",
    SYNTAX, "1:2: Expected a key in double quotes, found “,”" },
  { "bare-key", "{format: 1}",
    SYNTAX, "1:2: Expected a key in double quotes, found “format”" },
  { "number-key", "{1: 1}",
    SYNTAX, "1:2: Expected a key in double quotes, found “1”" },
  { "nan", "[NaN]", SYNTAX, "1:2: Expected a value, found “NaN”" },
  { "infinity", "[Infinity]", SYNTAX, "1:2: Expected a value, found “Infinity”" },
  { "minus-infinity", "[-Infinity]", SYNTAX, "1:2: “-Infinity” is not a valid JSON number" },
  { "undefined", "{\"a\": undefined}", SYNTAX, "1:7: Expected a value, found “undefined”" },
  { "true-capital", "[True]", SYNTAX, "1:2: Expected a value, found “True”" },
  { "true-short", "[tru]", SYNTAX, "1:2: Expected a value, found “tru”" },
  { "true-longer", "[truex]", SYNTAX, "1:2: Expected a value, found “truex”" },
  { "null-short", "[nul]", SYNTAX, "1:2: Expected a value, found “nul”" },
  { "long-word", "[abcdefghijklmnopqrstuvwxyzabcdefghijklmnop]",
    SYNTAX, "1:2: Expected a value, found “abcdefghijklmnopqrstuvwxyzabcdef…”" },
  { "plus", "[+1]", SYNTAX, "1:2: “+1” is not a valid JSON number" },
  { "leading-zero", "[01]", SYNTAX, "1:2: “01” is not a valid JSON number" },
  { "leading-zeros", "[-007]", SYNTAX, "1:2: “-007” is not a valid JSON number" },
  { "hex", "[0x1F]", SYNTAX, "1:2: “0x1F” is not a valid JSON number" },
  { "point-first", "[.5]", SYNTAX, "1:2: “.5” is not a valid JSON number" },
  { "point-last", "[1.]", SYNTAX, "1:2: “1.” is not a valid JSON number" },
  { "two-points", "[1.2.3]", SYNTAX, "1:2: “1.2.3” is not a valid JSON number" },
  { "exponent-empty", "[1e]", SYNTAX, "1:2: “1e” is not a valid JSON number" },
  { "exponent-sign-only", "[1e+]", SYNTAX, "1:2: “1e+” is not a valid JSON number" },
  { "minus-only", "[-]", SYNTAX, "1:2: “-” is not a valid JSON number" },
  { "minus-space", "[- 1]", SYNTAX, "1:2: “-” is not a valid JSON number" },
  { "letters-after", "[12abc]", SYNTAX, "1:2: “12abc” is not a valid JSON number" },

  /* Escapes JSON does not know, which json-glib reads as the letter. */
  { "escape-x", "[\"\\x41\"]", SYNTAX, "1:3: “\\x” is not an escape that JSON knows" },
  { "escape-quote", "[\"it\\'s\"]", SYNTAX, "1:5: “\\'” is not an escape that JSON knows" },
  { "escape-capital-u", "[\"\\U0041\"]", SYNTAX, "1:3: “\\U” is not an escape that JSON knows" },
  { "escape-short-u", "[\"\\u12\"]", SYNTAX, "1:3: “\\u12” is not an escape that JSON knows" },
  { "escape-bad-hex", "[\"\\u12G4\"]", SYNTAX, "1:3: “\\u12G4” is not an escape that JSON knows" },
  { "escape-accent", "[\"\\é\"]", SYNTAX, "1:3: “\\é” is not an escape that JSON knows" },

  /* Surrogates stand for a character only in pairs, high then low. */
  { "lone-high", "[\"\\ud800\"]",
    SYNTAX, "1:3: “\\ud800” is half of a surrogate pair, without its other half" },
  { "high-then-text", "[\"\\uD83Dx\"]",
    SYNTAX, "1:3: “\\uD83D” is half of a surrogate pair, without its other half" },
  { "high-then-other", "[\"\\ud83d\\u0041\"]",
    SYNTAX, "1:3: “\\ud83d” is half of a surrogate pair, without its other half" },
  { "high-high", "[\"\\ud83d\\ud83d\"]",
    SYNTAX, "1:3: “\\ud83d” is half of a surrogate pair, without its other half" },
  { "lone-low", "[\"a\\udc00\"]",
    SYNTAX, "1:4: “\\udc00” is half of a surrogate pair, without its other half" },
  { "low-then-high", "[\"\\ude00\\ud83d\"]",
    SYNTAX, "1:3: “\\ude00” is half of a surrogate pair, without its other half" },

  /* Structure. */
  { "missing-comma", "[1 2]", SYNTAX, "1:4: Expected “,” or “]”, found “2”" },
  { "missing-comma-object", "{\n  \"a\": 1\n  \"b\": 2\n}",
    SYNTAX, "3:3: Expected “,” or “}”, found “\"”" },
  { "missing-colon", "{\"a\" 1}", SYNTAX, "1:6: Expected “:” after the key, found “1”" },
  { "equals", "{\"a\" = 1}", SYNTAX, "1:6: Expected “:” after the key, found “=”" },
  { "missing-value", "{\"a\": }", SYNTAX, "1:7: Expected a value, found “}”" },
  { "wrong-close", "[1}", SYNTAX, "1:3: Expected “,” or “]”, found “}”" },
  { "wrong-close-object", "{\"a\": 1]", SYNTAX, "1:8: Expected “,” or “}”, found “]”" },
  { "more-after", "{}x", SYNTAX, "1:3: Expected the end of the file, found “x”" },
  { "two-values", "[1]\n[2]", SYNTAX, "2:1: Expected the end of the file, found “[”" },
  { "scalar-then-object", "2{\"format\": \"rubric-kit\"}",
    SYNTAX, "1:2: Expected the end of the file, found “{”" },
  { "cut-array", "[1, 2", SYNTAX, "1:6: The file ends before its JSON is complete" },
  { "cut-after-colon", "{\n  \"a\":\n", SYNTAX, "3:1: The file ends before its JSON is complete" },
  { "cut-after-key", "{\"a\"", SYNTAX, "1:5: The file ends before its JSON is complete" },
  { "cut-string", "[\"abc", SYNTAX, "1:6: The file ends inside a string" },
  /* Only space, tab, line feed and carriage return are white space. */
  { "form-feed", "[1,\f2]", SYNTAX, "1:4: Expected a value, found “U+000C”" },
  { "no-break-space", "[\xc2\xa0" "1]", SYNTAX, "1:2: Expected a value, found “U+00A0”" },
  { "byte-order-mark-inside", "[1,\xef\xbb\xbf" "2]", SYNTAX, "1:4: Expected a value, found “U+FEFF”" },
  { "smart-quotes", "{“a”: 1}", SYNTAX, "1:2: Expected a key in double quotes, found ““”" },
  /* Columns count characters, not bytes. */
  { "column-characters", "[\"é😀\", x]", SYNTAX, "1:8: Expected a value, found “x”" },

  /* What the old scan before parsing did, still. */
  { "empty", "", SYNTAX, "1:1: The file is empty" },
  { "blank", " \n\t\r\n", SYNTAX, "1:1: The file is empty" },
  { "not-utf8", "{\"a\": \"caf\xe9\"}", RUBRIC_JSON_ERROR_NOT_UTF8, "1:11: The file is not UTF-8 text" },
  { "not-utf8-after-error", "[1,,\"\xff\"]", RUBRIC_JSON_ERROR_NOT_UTF8, "1:6: The file is not UTF-8 text" },
  { "huge-double", "{\"x\": [1, 1e999]}", RUBRIC_JSON_ERROR_INVALID, "$.x[1]: The number is too large" },
  { "huge-negative", "[-1E+400]", RUBRIC_JSON_ERROR_INVALID, "$[0]: The number is too large" },
  /* The first in the file, not the first in json-glib's hash table. */
  { "huge-first", "{\"title\": \"a\", \"language\": 5e999, \"topics\": [{\"lanage\": 5e999}], \"b\": 1e999, \"c\": 1e999, \"d\": 1e999}",
    RUBRIC_JSON_ERROR_INVALID, "$.language: The number is too large" },
};

static void
test_refused (gconstpointer data)
{
  const Refused *refused_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse_text (refused_case->text, &error);

  g_assert_null (root);
  g_assert_error (error, TEST_DOMAIN, refused_case->code);
  g_assert_cmpstr (error->message, ==, refused_case->message);
}

/* A NUL byte, raw: json-glib would stop reading at it. GLib's UTF-8
 * check already refuses one, in its place. */
static void
test_raw_nul (void)
{
  static const char text[] = "[\"a\0b\"]";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse (text, sizeof text - 1, &error);

  g_assert_null (root);
  g_assert_error (error, TEST_DOMAIN, RUBRIC_JSON_ERROR_NOT_UTF8);
  g_assert_cmpstr (error->message, ==, "1:4: The file is not UTF-8 text");
}

/* Beyond LINEAR_KEYS members an object's keys go into a hash table:
 * duplicates are found there too, at any distance. */
static void
test_large_objects (void)
{
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  guint line = 1;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (text, "%s\n  \"q%u.main\": {\"rating\": %u}", i ? "," : "", i, i % 5 + 1);
      line++;
    }
  g_string_append (text, "\n}");

  root = parse_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (root)), ==, 5000);
  g_clear_pointer (&root, json_node_unref);

  /* One more, named like the first, after all of them; then one named
   * like an escaped middle one. */
  g_string_truncate (text, text->len - 2);
  g_string_append (text, ",\n  \"q0.main\": {}\n}");
  root = parse_text (text->str, &error);
  g_assert_null (root);
  expected = g_strdup_printf ("%u:3: The key “q0.main” appears twice in the same object", line + 1);
  g_assert_error (error, TEST_DOMAIN, RUBRIC_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_string_truncate (text, text->len - strlen (",\n  \"q0.main\": {}\n}"));
  g_string_append (text, ",\n  \"q2500.m\\u0061in\": {}\n}");
  root = parse_text (text->str, &error);
  g_assert_null (root);
  g_free (expected);
  expected = g_strdup_printf ("%u:3: The key “q2500.main” appears twice in the same object", line + 1);
  g_assert_error (error, TEST_DOMAIN, RUBRIC_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Keys are a set per object: the same key in other objects, nested or
 * side by side, and once an object is closed, is fine. */
static void
test_keys_per_object (void)
{
  static const char text[] =
    "{\"a\": {\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}]},"
    " \"b\": {\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7, \"h\": 8,"
    "        \"i\": 9, \"j\": 10, \"k\": 11, \"l\": 12, \"m\": 13, \"n\": 14, \"o\": 15,"
    "        \"p\": 16, \"q\": 17, \"r\": 18, \"s\": 19},"
    " \"c\": 1}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (root)), ==, 3);
}

/* -------------------------------------------------------------- valid */

static void
test_valid_strings (void)
{
  static const char text[] =
    "[\"say \\\"hi\\\"\", \"a\\/b\", \"back\\\\slash\", \"\\b\\f\\n\\r\\t\","
    " \"\\u00e9\\u00E9\", \"\\ud83d\\ude00\", \"\\uD83D\\uDE00\", \"\x7f\", \"é😀\", \"\","
    " \"\\u0001\", \"\\uffff\", \"\\u2028\"]";
  static const char * const expected[] = {
    "say \"hi\"", "a/b", "back\\slash", "\b\f\n\r\t",
    "éé", "😀", "😀", "\x7f", "é😀", "",
    "\x01", "\xef\xbf\xbf", "\xe2\x80\xa8",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse_text (text, &error);
  JsonArray *array;

  g_assert_no_error (error);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
test_valid_numbers (void)
{
  static const char text[] =
    "[0, -0, 7, -7, 9223372036854775807, -9223372036854775808, 1000000000000000000,"
    " 1e5, 1E5, 1e+5, 1e-5, -0.0, 0.5, -1.5e-300, 1.7976931348623157e308,"
    " 123456789012345678901234567890.5, 1e-400, 4.9e-324]";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse_text (text, &error);
  JsonArray *array;

  g_assert_no_error (error);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 18);

  /* Whole numbers stay whole, exactly, at both ends of gint64. */
  for (guint i = 0; i < 7; i++)
    g_assert_true (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (array, 1), ==, 0);
  g_assert_cmpint (json_array_get_int_element (array, 3), ==, -7);
  g_assert_cmpint (json_array_get_int_element (array, 4), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (array, 5), ==, G_MININT64);
  g_assert_cmpint (json_array_get_int_element (array, 6), ==, G_GINT64_CONSTANT (1000000000000000000));

  for (guint i = 7; i < 18; i++)
    g_assert_true (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 7), ==, 1e5);
  g_assert_cmpfloat (json_array_get_double_element (array, 8), ==, 1e5);
  g_assert_cmpfloat (json_array_get_double_element (array, 9), ==, 1e5);
  g_assert_cmpfloat (json_array_get_double_element (array, 10), ==, 1e-5);
  g_assert_cmpfloat (json_array_get_double_element (array, 13), ==, -1.5e-300);
  g_assert_cmpfloat (json_array_get_double_element (array, 14), ==, 1.7976931348623157e308);
  g_assert_cmpfloat (json_array_get_double_element (array, 15), >, 1.2e29);
  /* Too small for a double is zero: nothing a file could lose. */
  g_assert_cmpfloat (json_array_get_double_element (array, 16), ==, 0.0);
}

static void
test_valid_nesting (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *node;
  guint depth = 0;

  /* RUBRIC_JSON_MAX_DEPTH levels, objects and arrays by turns: allowed. */
  for (guint i = 0; i < RUBRIC_JSON_MAX_DEPTH; i++)
    g_string_append (text, i % 2 ? "[" : "{\"a\": ");
  g_string_append (text, "true");
  for (guint i = RUBRIC_JSON_MAX_DEPTH; i > 0; i--)
    g_string_append (text, (i - 1) % 2 ? "]" : "}");

  root = parse_text (text->str, &error);
  g_assert_no_error (error);
  for (node = root; !JSON_NODE_HOLDS_VALUE (node); depth++)
    node = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "a")
                                         : json_array_get_element (json_node_get_array (node), 0);
  g_assert_cmpuint (depth, ==, RUBRIC_JSON_MAX_DEPTH);
  g_clear_pointer (&root, json_node_unref);

  /* One more is refused at its bracket, before json-glib recurses. */
  g_string_insert (text, 0, "[");
  g_string_append (text, "]");
  root = parse_text (text->str, &error);
  g_assert_null (root);
  g_assert_error (error, TEST_DOMAIN, RUBRIC_JSON_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "1:"));
}

static void
test_valid_white_space (void)
{
  static const char text[] = "\xef\xbb\xbf \t\r\n{ \"a\" :\r\n[ 1 ,\t2 ] , \"b\":{ } }\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (root)), ==, 2);
}

/* Keys are compared as they are, without Unicode normalisation: “é” as one
 * code point and as e and a combining accent are two keys, as in
 * json-glib, so neither is lost. */
static void
test_valid_keys (void)
{
  static const char text[] = "{\"\\u00e9\": 1, \"e\\u0301\": 2, \"E\": 3, \"e\": 4, \"\": 5}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse_text (text, &error);
  JsonObject *object;

  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "é"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "e\xcc\x81"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, ""), ==, 5);
}

static void
test_valid_scalars (void)
{
  static const char * const texts[] = { "true", "false", "null", "0", "\"x\"", " 1 " };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = parse_text (texts[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (root);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/refused/%s", refused[i].name);

      g_test_add_data_func (path, &refused[i], test_refused);
    }
  g_test_add_func ("/json/refused/raw-nul", test_raw_nul);
  g_test_add_func ("/json/large-objects", test_large_objects);
  g_test_add_func ("/json/keys-per-object", test_keys_per_object);
  g_test_add_func ("/json/valid/strings", test_valid_strings);
  g_test_add_func ("/json/valid/numbers", test_valid_numbers);
  g_test_add_func ("/json/valid/nesting", test_valid_nesting);
  g_test_add_func ("/json/valid/white-space", test_valid_white_space);
  g_test_add_func ("/json/valid/keys", test_valid_keys);
  g_test_add_func ("/json/valid/scalars", test_valid_scalars);

  return g_test_run ();
}
