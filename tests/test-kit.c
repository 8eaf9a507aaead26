/* test-kit.c — loading and validating interview kits, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rubric-kit.h"
#include "rubric-kit-private.h"

/* Reads a file named relative to the tests' source folder. */
static GBytes *
read_test_file (const char *relative_path)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative_path, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static char *
minimal_kit (void)
{
  g_autoptr(GBytes) bytes = read_test_file ("data/minimal.rubric-kit.json");

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static RubricKit *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rubric_kit_new_from_bytes (bytes, error);
}

/* ---------------------------------------------------------- the shipped kit */

static void
assert_text (const char *text,
             const char *what,
             const char *id)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    g_error ("%s of %s is empty", what, id);
}

static void
test_shipped_kit (void)
{
  g_autoptr(GBytes) bytes = read_test_file ("../data/kits/django-senior.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autofree char *sha256 = NULL;
  GListModel *topics;
  guint main_minutes = 0;
  guint n_senior;

  kit = rubric_kit_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kit);

  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "django-senior");
  g_assert_cmpstr (rubric_kit_get_title (kit), ==, "Senior Django Developer");
  g_assert_cmpstr (rubric_kit_get_language (kit), ==, "en");
  g_assert_cmpint (rubric_kit_get_version (kit), ==, 1);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (rubric_kit_get_sha256 (kit), ==, sha256);

  topics = rubric_kit_get_topics (kit);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 10);
  g_assert_cmpuint (rubric_kit_get_n_questions (kit), ==, 30);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      g_assert_true (rubric_topic_get_kit (topic) == kit);
      g_assert_true (rubric_kit_lookup_topic (kit, rubric_topic_get_id (topic)) == topic);
      assert_text (rubric_topic_get_title (topic), "title", rubric_topic_get_id (topic));
      assert_text (rubric_topic_get_summary (topic), "summary", rubric_topic_get_id (topic));
      g_assert_cmpfloat (rubric_topic_get_weight (topic), ==, 1.0);
      g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 3);

      for (guint j = 0; j < 3; j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);
          const char *id = rubric_question_get_id (question);
          GListModel *references = rubric_question_get_references (question);
          guint n_key_points = g_strv_length ((GStrv) rubric_question_get_key_points (question));
          guint n_red_flags = g_strv_length ((GStrv) rubric_question_get_red_flags (question));
          guint n_references = g_list_model_get_n_items (references);

          g_assert_cmpint (rubric_question_get_kind (question), ==,
                           j == 0 ? RUBRIC_QUESTION_KIND_MAIN : RUBRIC_QUESTION_KIND_FOLLOW_UP);
          g_assert_true (rubric_question_get_topic (question) == topic);
          g_assert_true (rubric_kit_lookup_question (kit, id) == question);
          assert_text (rubric_question_get_prompt (question), "prompt", id);
          assert_text (rubric_question_get_expected (question), "expected", id);
          assert_text (rubric_question_get_explanation (question), "explanation", id);
          g_assert_cmpuint (n_key_points, >=, 3);
          g_assert_cmpuint (n_key_points, <=, 6);
          g_assert_cmpuint (n_red_flags, >=, 1);
          g_assert_cmpuint (n_red_flags, <=, 3);
          g_assert_cmpuint (n_references, >=, 1);
          g_assert_cmpuint (n_references, <=, 3);
          g_assert_cmpuint (rubric_question_get_minutes (question), >, 0);
          if (j == 0)
            main_minutes += rubric_question_get_minutes (question);

          /* Every point says whether it is expected of any good answer or
           * sets a senior one apart, and at least one does the latter. */
          n_senior = 0;
          for (guint k = 0; k < n_key_points; k++)
            {
              RubricKeyPointLevel level = rubric_question_get_key_point_level (question, k);

              if (level == RUBRIC_KEY_POINT_LEVEL_NONE)
                g_error ("key point %u of %s has no level", k, id);
              if (level == RUBRIC_KEY_POINT_LEVEL_SENIOR)
                n_senior++;
            }
          g_assert_cmpuint (n_senior, >=, 1);
          g_assert_cmpuint (n_senior, <, n_key_points);

          /* Main questions say what a 2, 3, 4 and 5 sound like. */
          for (int rating = 2; j == 0 && rating <= RUBRIC_RATING_MAX; rating++)
            assert_text (rubric_question_get_anchor (question, rating), "anchor", id);

          for (guint k = 0; k < n_references; k++)
            {
              g_autoptr(RubricReference) reference = g_list_model_get_item (references, k);

              assert_text (rubric_reference_get_title (reference), "reference title", id);
              g_assert_true (g_str_has_prefix (rubric_reference_get_url (reference), "https://"));
            }
        }
    }

  /* The main questions alone fit a 60-minute round. */
  g_assert_cmpuint (main_minutes, <=, 55);
}

static void
test_minimal_kit (void)
{
  g_autofree char *text = minimal_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = load_text (text, &error);
  RubricQuestion *question;

  g_assert_no_error (error);
  g_assert_cmpuint (rubric_kit_get_n_questions (kit), ==, 2);

  question = rubric_kit_lookup_question (kit, "http.status");
  g_assert_nonnull (question);
  g_assert_cmpint (rubric_question_get_kind (question), ==, RUBRIC_QUESTION_KIND_FOLLOW_UP);
  /* Optional members have their defaults. */
  g_assert_null (rubric_question_get_explanation (question));
  g_assert_cmpuint (rubric_question_get_minutes (question), ==, 0);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_question_get_red_flags (question)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rubric_question_get_references (question)), ==, 0);
  g_assert_cmpint (rubric_question_get_key_point_level (question, 0), ==, RUBRIC_KEY_POINT_LEVEL_NONE);
  for (int rating = RUBRIC_RATING_MIN; rating <= RUBRIC_RATING_MAX; rating++)
    g_assert_null (rubric_question_get_anchor (question, rating));
  g_assert_null (rubric_kit_lookup_question (kit, "http.nothing"));
}

/* Key points as text or as objects with a level, and anchors for some
 * ratings: each is read back as the file has it. */
static void
test_levels_and_anchors (void)
{
  g_autoptr(GBytes) bytes = read_test_file ("data/levels.rubric-kit.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_new_from_bytes (bytes, &error);
  const char * const expected_points[] = {
    "DNS lookup",
    "A TCP connection, with TLS for https",
    "Connection reuse and HTTP/2 multiplexing",
    "The response is rendered",
    NULL
  };
  const RubricKeyPointLevel expected_levels[] = {
    RUBRIC_KEY_POINT_LEVEL_BASELINE,
    RUBRIC_KEY_POINT_LEVEL_NONE,
    RUBRIC_KEY_POINT_LEVEL_SENIOR,
    RUBRIC_KEY_POINT_LEVEL_NONE,
  };
  RubricQuestion *question;

  g_assert_no_error (error);

  question = rubric_kit_lookup_question (kit, "http.main");
  g_assert_cmpstrv (rubric_question_get_key_points (question), expected_points);
  for (guint i = 0; i < G_N_ELEMENTS (expected_levels); i++)
    g_assert_cmpint (rubric_question_get_key_point_level (question, i), ==, expected_levels[i]);
  g_assert_null (rubric_question_get_anchor (question, 1));
  g_assert_cmpstr (rubric_question_get_anchor (question, 2), ==,
                   "Names DNS and a request, but not what the server sends back.");
  g_assert_cmpstr (rubric_question_get_anchor (question, 5), ==,
                   "Explains why a second request to the same host is cheaper.");

  question = rubric_kit_lookup_question (kit, "http.caching");
  g_assert_cmpint (rubric_question_get_key_point_level (question, 1), ==, RUBRIC_KEY_POINT_LEVEL_SENIOR);
  g_assert_cmpstr (rubric_question_get_anchor (question, 1), ==, "Does not know that responses can be cached.");
  for (int rating = 2; rating <= 4; rating++)
    g_assert_null (rubric_question_get_anchor (question, rating));
  g_assert_nonnull (rubric_question_get_anchor (question, 5));
}

/* ------------------------------------------------------------- every error */

typedef struct
{
  const char *name;
  const char *find;      /* text in the minimal kit… */
  const char *replace;   /* …replaced by this */
  RubricKitError code;
  const char *message;   /* the start of the expected message */
} BrokenKit;

static const BrokenKit broken_kits[] = {
  { "format", "\"rubric-kit\"", "\"rubric-session\"", RUBRIC_KIT_ERROR_INVALID, "$.format: " },
  { "format-type", "\"rubric-kit\"", "7", RUBRIC_KIT_ERROR_INVALID, "$.format: Expected a string, found a number" },
  { "no-format", "\"format\": \"rubric-kit\",", "", RUBRIC_KIT_ERROR_INVALID, "$: The member “format” is missing" },
  { "version-newer", "\"version\": 1", "\"version\": 2", RUBRIC_KIT_ERROR_NEWER_VERSION, "$.version: This kit was made for a newer version" },
  { "version-zero", "\"version\": 1", "\"version\": 0", RUBRIC_KIT_ERROR_INVALID, "$.version: 0 is out of range" },
  { "version-fraction", "\"version\": 1", "\"version\": 1.5", RUBRIC_KIT_ERROR_INVALID, "$.version: Expected a whole number, found a number" },
  { "id", "\"id\": \"example\"", "\"id\": \"Example Kit\"", RUBRIC_KIT_ERROR_INVALID, "$.id: “Example Kit” is not a valid id" },
  { "title-empty", "\"title\": \"Example\"", "\"title\": \"  \"", RUBRIC_KIT_ERROR_INVALID, "$.title: The text is empty" },
  { "language", "\"language\": \"en\"", "\"language\": \"English\"", RUBRIC_KIT_ERROR_INVALID, "$.language: " },
  { "topics-type", "\"topics\": [", "\"topics\": \"none\", \"old\": [", RUBRIC_KIT_ERROR_INVALID, "$.topics: Expected an array, found a string" },
  { "topics-empty", "\"topics\": [\n", "\"topics\": [], \"old\": [\n", RUBRIC_KIT_ERROR_INVALID, "$.topics: Needs at least 1 item" },
  { "topic-summary", "\"summary\": \"Requests, responses and status codes.\",", "", RUBRIC_KIT_ERROR_INVALID, "$.topics[0]: The member “summary” is missing" },
  { "topic-weight", "\"title\": \"HTTP\",", "\"title\": \"HTTP\", \"weight\": 0,", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].weight: 0 is out of range" },
  { "kind", "\"kind\": \"follow-up\"", "\"kind\": \"aside\"", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].kind: “aside” is not a kind of question" },
  { "first-not-main", "\"kind\": \"main\"", "\"kind\": \"follow-up\"", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[0].kind: The first question of a topic must be" },
  { "two-mains", "\"kind\": \"follow-up\"", "\"kind\": \"main\"", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].kind: A topic has only one" },
  { "duplicate-question", "\"id\": \"http.status\"", "\"id\": \"http.main\"", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].id: Another question already has the id “http.main”" },
  { "prompt-empty", "\"prompt\": \"What does a 404 status mean?\"", "\"prompt\": \"\"", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].prompt: The text is empty" },
  { "expected-missing", "\"expected\": \"The server found nothing at the requested URL.\",", "", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1]: The member “expected” is missing" },
  { "key-points-empty", "\"key_points\": [\n            \"Not Found\"\n          ]", "\"key_points\": []", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points: Needs at least 1 item" },
  { "key-point-type", "\"Not Found\"", "404", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0]: Expected a string, found a number" },
  { "key-point-empty", "\"Not Found\"", "\" \"", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0]: The text is empty" },
  { "key-point-no-text", "\"Not Found\"", "{\"level\": \"senior\"}", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0]: The member “text” is missing" },
  { "key-point-text-empty", "\"Not Found\"", "{\"text\": \"\\n\"}", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0].text: The text is empty" },
  { "key-point-level", "\"Not Found\"", "{\"text\": \"Not Found\", \"level\": \"expert\"}", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0].level: “expert” is not a level of a key point" },
  { "key-point-level-case", "\"Not Found\"", "{\"text\": \"Not Found\", \"level\": \"Senior\"}", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0].level: “Senior” is not a level" },
  { "key-point-level-type", "\"Not Found\"", "{\"text\": \"Not Found\", \"level\": null}", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].key_points[0].level: Expected a string, found null" },
  { "anchors-type", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": [\"fine\"],", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors: Expected an object, found an array" },
  { "anchors-null", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": null,", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors: Expected an object, found null" },
  { "anchor-rating", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"2\": \"Vague\", \"6\": \"Beyond perfect\"},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors[\"6\"]: “6” is not a rating" },
  { "anchor-rating-zero", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"0\": \"Silence\"},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors[\"0\"]: “0” is not a rating" },
  { "anchor-rating-word", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"two\": \"Vague\"},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors.two: “two” is not a rating" },
  { "anchor-rating-long", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"12\": \"Vague\"},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors[\"12\"]: “12” is not a rating" },
  { "anchor-rating-empty", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"\": \"Vague\"},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors[\"\"]: “” is not a rating" },
  { "anchor-empty", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"3\": \"  \"},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors[\"3\"]: The text is empty" },
  { "anchor-type", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"anchors\": {\"3\": 3},", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].anchors[\"3\"]: Expected a string, found a number" },
  { "url", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"references\": [{\"title\": \"Spec\", \"url\": \"javascript:alert(1)\"}],", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].references[0].url: “javascript:alert(1)” is not a web address" },
  { "minutes", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"minutes\": 999,", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].minutes: 999 is out of range" },
  { "red-flags-type", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"red_flags\": \"none\",", RUBRIC_KIT_ERROR_INVALID, "$.topics[0].questions[1].red_flags: Expected an array, found a string" },
  { "syntax", "\"language\": \"en\",", "\"language\": \"en\"", RUBRIC_KIT_ERROR_SYNTAX, "8:3: Expected “,” or “}”, found “\"”" },
  { "truncated", "\"topics\": [", "\"topics\": [ {\"id\": \"x\"", RUBRIC_KIT_ERROR_SYNTAX, "" },
  { "duplicate-key", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", \"kind\": \"main\",", RUBRIC_KIT_ERROR_SYNTAX, "25:32: The key “kind” appears twice in the same object" },
  { "comment", "\"kind\": \"follow-up\",", "\"kind\": \"follow-up\", // a note\n", RUBRIC_KIT_ERROR_SYNTAX, "25:32: JSON does not allow comments" },
};

static void
test_broken_kit (gconstpointer data)
{
  const BrokenKit *broken = data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autofree char *minimal = minimal_kit ();

  g_string_assign (text, minimal);
  g_assert_cmpuint (g_string_replace (text, broken->find, broken->replace, 1), ==, 1);

  kit = load_text (text->str, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, (int) broken->code);
  if (!g_str_has_prefix (error->message, broken->message))
    g_error ("“%s” does not start with “%s”", error->message, broken->message);
  /* Every message names its place: LINE:COLUMN or a JSON path. */
  g_assert_true (error->message[0] == '$' || g_ascii_isdigit (error->message[0]) ||
                 broken->code == RUBRIC_KIT_ERROR_TOO_LARGE);
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) large = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  RubricKit *kit;
  char *big;

  /* Too large: refused before parsing. */
  big = g_malloc (16 * 1024 * 1024 + 1);
  memset (big, ' ', 16 * 1024 * 1024 + 1);
  large = g_bytes_new_take (big, 16 * 1024 * 1024 + 1);
  kit = rubric_kit_new_from_bytes (large, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Too deep: 65 levels, refused before the parser can recurse. */
  for (guint i = 0; i < 65; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 65; i++)
    g_string_append_c (deep, ']');
  kit = load_text (deep->str, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "1:65: "));
  g_clear_error (&error);

  /* Brackets inside strings do not count. */
  g_string_assign (deep, "{\"format\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}");
  kit = load_text (deep->str, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_INVALID);
  g_clear_error (&error);

  /* Not UTF-8, with the place of the first bad byte. */
  kit = load_text ("{\n  \"id\": \"caf\xe9\"\n}", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_NOT_UTF8);
  g_assert_true (g_str_has_prefix (error->message, "2:13: "));
  g_clear_error (&error);

  /* A scalar followed by more text: json-glib's immutable parser aborted
   * on this (found by the fuzzer). */
  kit = load_text ("2{\"format\": \"rubric-kit\"}", &error);
  g_assert_null (kit);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RUBRIC_KIT_ERROR);
  g_clear_error (&error);

  /* Numbers no double can hold are refused wherever they are. */
  kit = load_text ("{\"format\": \"rubric-kit\", \"x\": [1e999]}", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$.x[0]: The number is too large");
  g_clear_error (&error);

  /* json-glib's extensions, which once could hide such a number from the
   * scan before parsing, are refused themselves now. */
  kit = load_text ("{\"format\": \"rubric-kit\", \"x\": [1.0E+400] /* note */}", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "1:42: JSON does not allow comments");
  g_clear_error (&error);
  kit = load_text ("{'format': 'rubric-kit', \"x\": [-1e999]}", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "1:2: Strings in JSON take double quotes, not single ones");
  g_clear_error (&error);

  /* Not an object. */
  kit = load_text ("[1, 2]", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$: Expected an object, found an array");
  g_clear_error (&error);

  /* Empty. */
  kit = load_text ("", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_clear_error (&error);
}

static void
test_byte_order_mark (void)
{
  g_autofree char *minimal = minimal_kit ();
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", minimal, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kit);
}

/* Escapes in names and in text: the loader reads the file itself, not
 * json-glib's tree of it, and unescapes both as json-glib would. */
static void
test_escapes (void)
{
  static const char text[] =
    "{\"format\": \"rubric-kit\", \"version\": 1, \"id\": \"esc\","
    " \"title\": \"T\\u00e9st \\\"kit\\\"\", \"description\": \"Line one\\nline two\","
    " \"language\": \"en\", \"topics\": [{\"id\": \"t\", \"title\": \"Topic\", \"summary\": \"S\","
    " \"questions\": [{\"\\u0069d\": \"t.q\", \"kind\": \"main\", \"prompt\": \"Why \\/ how?\","
    " \"expected\": \"A \\ud83d\\ude00\\\\\", \"key_points\": [\"one\\ttab\","
    " {\"text\": \"two\", \"lev\\u0065l\": \"senior\"}], \"anchors\": {\"\\u0033\": \"three\"},"
    " \"minutes\": 5}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = load_text (text, &error);
  g_autofree char *wrong = NULL;
  RubricQuestion *question;
  const char * const *key_points;

  g_assert_no_error (error);
  g_assert_cmpstr (rubric_kit_get_title (kit), ==, "Tést \"kit\"");
  g_assert_cmpstr (rubric_kit_get_description (kit), ==, "Line one\nline two");
  question = rubric_kit_lookup_question (kit, "t.q");
  g_assert_nonnull (question);
  g_assert_cmpstr (rubric_question_get_prompt (question), ==, "Why / how?");
  g_assert_cmpstr (rubric_question_get_expected (question), ==, "A 😀\\");
  key_points = rubric_question_get_key_points (question);
  g_assert_cmpuint (g_strv_length ((GStrv) key_points), ==, 2);
  g_assert_cmpstr (key_points[0], ==, "one\ttab");
  g_assert_cmpstr (key_points[1], ==, "two");
  g_assert_cmpint (rubric_question_get_key_point_level (question, 1), ==, RUBRIC_KEY_POINT_LEVEL_SENIOR);
  g_assert_cmpstr (rubric_question_get_anchor (question, 3), ==, "three");
  g_assert_cmpuint (rubric_question_get_minutes (question), ==, 5);
  g_clear_object (&kit);

  /* An error names the member unescaped. */
  wrong = g_strdup (text);
  memcpy (strstr (wrong, "\"main\""), "\"mian\"", 6);
  kit = load_text (wrong, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "$.topics[0].questions[0].kind: “mian” is not a kind of question: use “main” or “follow-up”");
}

static void
test_from_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.rubric-kit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/kit.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  RubricKit *none;

  kit = rubric_kit_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "example");
  /* Hashed while read (on the caller's thread, a worker), and the file's
   * bytes let go: a 14 MB kit does not stay in memory twice. */
  g_assert_false (_rubric_kit_holds_source (kit));
  g_assert_cmpuint (strlen (rubric_kit_get_sha256 (kit)), ==, 64);

  none = rubric_kit_new_from_file (missing, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kit/shipped", test_shipped_kit);
  g_test_add_func ("/kit/minimal", test_minimal_kit);
  g_test_add_func ("/kit/levels-and-anchors", test_levels_and_anchors);
  g_test_add_func ("/kit/limits", test_limits);
  g_test_add_func ("/kit/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/kit/from-file", test_from_file);
  g_test_add_func ("/kit/escapes", test_escapes);
  for (guint i = 0; i < G_N_ELEMENTS (broken_kits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kit/broken/%s", broken_kits[i].name);

      g_test_add_data_func (path, &broken_kits[i], test_broken_kit);
    }

  return g_test_run ();
}
