/* test-search.c — full-text search over a kit, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rubric-search.h"

/* ------------------------------------------------------------------ helpers */

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

static RubricKit *
shipped_kit (void)
{
  g_autoptr(GBytes) bytes = read_test_file ("../data/kits/django-senior.json");
  g_autoptr(GError) error = NULL;
  RubricKit *kit = rubric_kit_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return kit;
}

/* A question of a small kit made here. The first question of a topic is its
 * main question, the others follow-ups. */
typedef struct
{
  const char *topic;            /* NULL: the topic of the question before */
  const char *prompt;
  const char *expected;
  const char *key_points[4];    /* NULL-terminated; at least one */
  const char *red_flags[4];
  const char *explanation;      /* may be NULL */
} QuestionSpec;

static void
add_strings (JsonBuilder        *builder,
             const char         *member,
             const char * const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static RubricKit *
make_kit (const QuestionSpec *specs,
          guint               n_specs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RubricKit *kit;
  char *text;
  guint n_topics = 0;
  guint n_in_topic = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "rubric-kit");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "test");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Test");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "A kit made by test-search.");
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "en");
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_specs; i++)
    {
      const QuestionSpec *spec = &specs[i];
      g_autofree char *id = NULL;

      g_assert_true (i > 0 || spec->topic != NULL);
      if (spec->topic != NULL)
        {
          g_autofree char *topic_id = g_strdup_printf ("t%u", ++n_topics);

          if (i > 0)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, topic_id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, spec->topic);
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, "A topic.");
          json_builder_set_member_name (builder, "questions");
          json_builder_begin_array (builder);
          n_in_topic = 0;
        }

      id = g_strdup_printf ("t%u.q%u", n_topics, ++n_in_topic);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, n_in_topic == 1 ? "main" : "follow-up");
      json_builder_set_member_name (builder, "prompt");
      json_builder_add_string_value (builder, spec->prompt);
      json_builder_set_member_name (builder, "expected");
      json_builder_add_string_value (builder, spec->expected);
      add_strings (builder, "key_points", spec->key_points);
      add_strings (builder, "red_flags", spec->red_flags);
      if (spec->explanation != NULL)
        {
          json_builder_set_member_name (builder, "explanation");
          json_builder_add_string_value (builder, spec->explanation);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (text, strlen (text));

  kit = rubric_kit_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return kit;
}

static RubricSearchResult *
result_at (GPtrArray *results,
           guint      i)
{
  g_assert_cmpuint (i, <, results->len);
  return g_ptr_array_index (results, i);
}

/* The text of match @i of @result, checking that the ranges are sane:
 * inside the passage, on character boundaries, in order, apart. */
static char *
match_text (RubricSearchResult *result,
            guint               i)
{
  gsize length = strlen (result->passage);
  RubricSearchRange *range;

  g_assert_cmpuint (i, <, result->ranges->len);
  for (guint j = 0; j < result->ranges->len; j++)
    {
      RubricSearchRange *r = &g_array_index (result->ranges, RubricSearchRange, j);

      g_assert_cmpuint (r->start, <, r->end);
      g_assert_cmpuint (r->end, <=, length);
      g_assert_true (g_utf8_validate_len (result->passage + r->start, r->end - r->start, NULL));
      /* On character boundaries: not a continuation byte at either end. */
      g_assert_cmpint ((guchar) result->passage[r->start] & 0xC0, !=, 0x80);
      g_assert_true (r->end == length || ((guchar) result->passage[r->end] & 0xC0) != 0x80);
      if (j > 0)
        g_assert_cmpuint (g_array_index (result->ranges, RubricSearchRange, j - 1).end, <, r->start);
    }

  range = &g_array_index (result->ranges, RubricSearchRange, i);
  return g_strndup (result->passage + range->start, range->end - range->start);
}

static const char *
question_id (GPtrArray *results,
             guint      i)
{
  return rubric_question_get_id (result_at (results, i)->question);
}

/* --------------------------------------------------------------- the tests */

static void
test_shipped (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) results = NULL;
  RubricSearchResult *first;
  g_autofree char *match = NULL;

  g_assert_true (rubric_search_index_get_kit (index) == kit);

  results = rubric_search_index_query (index, "csrf", 0);
  g_assert_cmpuint (results->len, ==, 4);
  /* The one question that asks about it comes first, found in its prompt. */
  first = result_at (results, 0);
  g_assert_cmpstr (question_id (results, 0), ==, "security.csrf");
  g_assert_cmpint (first->field, ==, RUBRIC_SEARCH_FIELD_PROMPT);
  g_assert_cmpstr (first->passage, ==, rubric_question_get_prompt (first->question));
  g_assert_cmpuint (first->ranges->len, ==, 1);
  match = match_text (first, 0);
  g_assert_cmpstr (match, ==, "CSRF");
  /* The others mention it in their expected answers only. */
  g_assert_cmpint (result_at (results, 1)->field, ==, RUBRIC_SEARCH_FIELD_EXPECTED);
  g_assert_cmpint (result_at (results, 2)->field, ==, RUBRIC_SEARCH_FIELD_EXPECTED);
  g_assert_cmpint (result_at (results, 3)->field, ==, RUBRIC_SEARCH_FIELD_EXPECTED);
  g_assert_cmpfloat (result_at (results, 0)->score, >, result_at (results, 1)->score);
  for (guint i = 2; i < results->len; i++)
    g_assert_cmpfloat (result_at (results, i - 1)->score, >=, result_at (results, i)->score);
}

static void
on_index_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (source);
  *out = g_object_ref (result);
}

/* Built in a worker, the index is the one built on the spot: same
 * results, same order; a cancelled build says so and gives none. */
static void
test_async (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) reference = rubric_search_index_new (kit);
  g_autoptr(RubricSearchIndex) index = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  rubric_search_index_new_async (kit, NULL, on_index_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  index = rubric_search_index_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (rubric_search_index_get_kit (index) == kit);
  expected = rubric_search_index_query (reference, "model migration", 0);
  results = rubric_search_index_query (index, "model migration", 0);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (results->len, ==, expected->len);
  for (guint i = 0; i < results->len; i++)
    {
      g_assert_true (result_at (results, i)->question == result_at (expected, i)->question);
      g_assert_cmpstr (result_at (results, i)->passage, ==, result_at (expected, i)->passage);
    }

  g_clear_object (&result);
  g_cancellable_cancel (cancellable);
  rubric_search_index_new_async (kit, cancellable, on_index_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rubric_search_index_new_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_case (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  const char *queries[] = { "csrf", "CSRF", "CsRf", "  csrf  " };
  g_autoptr(GPtrArray) reference = rubric_search_index_query (index, "csrf", 0);

  g_assert_cmpuint (reference->len, >, 0);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, queries[q], 0);

      g_assert_cmpuint (results->len, ==, reference->len);
      for (guint i = 0; i < results->len; i++)
        {
          g_assert_true (result_at (results, i)->question == result_at (reference, i)->question);
          g_assert_cmpint (result_at (results, i)->field, ==, result_at (reference, i)->field);
          g_assert_cmpstr (result_at (results, i)->passage, ==, result_at (reference, i)->passage);
        }
    }
}

static const QuestionSpec accented_questions[] = {
  { "Langues",
    "Lisez le résumé du candidat et posez une question sur son expérience.",
    "Une réponse naïve ignore le contexte; une bonne réponse cite la Straße et le café.",
    { "Cite l'ÉCOLE et l'Œuvre", NULL },
    { "Confond « déjà vu » et « déjà-vu »", NULL },
    "Pour un entretien en français." },
  /* Decomposed: "e" + U+0301 COMBINING ACUTE ACCENT, twice. */
  { NULL,
    "Le re\xcc\x81sume\xcc\x81 d\xc3\xa9" "compose\xcc\x81 reste un re\xcc\x81sume\xcc\x81.",
    "Rien d'autre.",
    { "Rien.", NULL },
    { NULL },
    NULL },
  { "Multi-byte",
    "日本語のテキスト 🎉 then CSRF token, Ωμέγα and ﬁnal.",
    "Plain.",
    { "Plain.", NULL },
    { NULL },
    NULL },
};

static void
test_accents (void)
{
  g_autoptr(RubricKit) kit = make_kit (accented_questions, G_N_ELEMENTS (accented_questions));
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  static const struct {
    const char *query;
    const char *question;
    RubricSearchField field;
    const char *match;            /* the first match, in the original text */
    guint n_results;
  } cases[] = {
    { "resume", "t1.q1", RUBRIC_SEARCH_FIELD_PROMPT, "résumé", 2 },
    { "RÉSUMÉ", "t1.q1", RUBRIC_SEARCH_FIELD_PROMPT, "résumé", 2 },
    { "experience", "t1.q1", RUBRIC_SEARCH_FIELD_PROMPT, "expérience", 1 },
    { "naive", "t1.q1", RUBRIC_SEARCH_FIELD_EXPECTED, "naïve", 1 },
    { "strasse", "t1.q1", RUBRIC_SEARCH_FIELD_EXPECTED, "Straße", 1 },
    { "cafe", "t1.q1", RUBRIC_SEARCH_FIELD_EXPECTED, "café", 1 },
    { "ecole", "t1.q1", RUBRIC_SEARCH_FIELD_KEY_POINT, "ÉCOLE", 1 },
    { "deja-vu", "t1.q1", RUBRIC_SEARCH_FIELD_RED_FLAG, "déjà-vu", 1 },
    { "francais", "t1.q1", RUBRIC_SEARCH_FIELD_EXPLANATION, "français", 1 },
    { "decompose", "t1.q2", RUBRIC_SEARCH_FIELD_PROMPT, "d\xc3\xa9" "compose\xcc\x81", 1 },
    { "ωμεγα", "t2.q1", RUBRIC_SEARCH_FIELD_PROMPT, "Ωμέγα", 1 },
    { "final", "t2.q1", RUBRIC_SEARCH_FIELD_PROMPT, "ﬁnal", 1 },
    { "テキスト", "t2.q1", RUBRIC_SEARCH_FIELD_PROMPT, "テキスト", 1 },
    { "csrf", "t2.q1", RUBRIC_SEARCH_FIELD_PROMPT, "CSRF", 1 },
    { "\"csrf token\"", "t2.q1", RUBRIC_SEARCH_FIELD_PROMPT, "CSRF token", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, cases[i].query, 0);
      g_autofree char *match = NULL;
      RubricSearchResult *result;

      g_test_message ("query: %s", cases[i].query);
      g_assert_cmpuint (results->len, ==, cases[i].n_results);
      result = result_at (results, 0);
      g_assert_cmpstr (question_id (results, 0), ==, cases[i].question);
      g_assert_cmpint (result->field, ==, cases[i].field);
      g_assert_true (g_utf8_validate (result->passage, -1, NULL));
      match = match_text (result, 0);
      g_assert_cmpstr (match, ==, cases[i].match);
    }

  /* Both decomposed résumés, each with its combining marks. */
  {
    g_autoptr(GPtrArray) results = rubric_search_index_query (index, "résumé", 0);
    RubricSearchResult *result;

    g_assert_cmpuint (results->len, ==, 2);
    result = result_at (results, 1);
    g_assert_cmpstr (question_id (results, 1), ==, "t1.q2");
    g_assert_cmpuint (result->ranges->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *match = match_text (result, i);

        g_assert_cmpstr (match, ==, "re\xcc\x81sume\xcc\x81");
      }
  }
}

static void
test_multiple_words (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) one = rubric_search_index_query (index, "token", 0);
  g_autoptr(GPtrArray) both = rubric_search_index_query (index, "csrf token", 0);
  g_autoptr(GPtrArray) none = rubric_search_index_query (index, "csrf memcached", 0);
  g_autoptr(GPtrArray) reversed = rubric_search_index_query (index, "token CSRF", 0);
  g_autoptr(GPtrArray) twice = rubric_search_index_query (index, "csrf csrf token", 0);

  g_assert_cmpuint (one->len, >, both->len);
  /* Every question found has both words, somewhere. */
  g_assert_cmpuint (both->len, >=, 2);
  for (guint i = 0; i < both->len; i++)
    {
      RubricQuestion *question = result_at (both, i)->question;
      GString *all = g_string_new (NULL);
      g_autofree char *folded = NULL;

      g_string_append_printf (all, "%s\n%s\n%s\n", rubric_question_get_prompt (question),
                              rubric_question_get_expected (question),
                              rubric_question_get_explanation (question));
      for (const char * const *p = rubric_question_get_key_points (question); *p; p++)
        g_string_append_printf (all, "%s\n", *p);
      for (const char * const *p = rubric_question_get_red_flags (question); *p; p++)
        g_string_append_printf (all, "%s\n", *p);
      folded = g_utf8_casefold (all->str, -1);
      g_assert_nonnull (strstr (folded, "csrf"));
      g_assert_nonnull (strstr (folded, "token"));
      g_string_free (all, TRUE);
    }
  g_assert_cmpstr (question_id (both, 0), ==, "security.csrf");
  /* Both words in the passage are highlighted. */
  g_assert_cmpuint (result_at (both, 0)->ranges->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (reversed->len, ==, both->len);
  g_assert_cmpuint (twice->len, ==, both->len);
  for (guint i = 0; i < both->len; i++)
    {
      g_assert_true (result_at (reversed, i)->question == result_at (both, i)->question);
      g_assert_true (result_at (twice, i)->question == result_at (both, i)->question);
    }
}

static void
test_phrase_and_symbols (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) phrase = rubric_search_index_query (index, "\"Expand and Contract\"", 0);
  g_autoptr(GPtrArray) words = rubric_search_index_query (index, "expand and contract", 0);
  g_autoptr(GPtrArray) select = rubric_search_index_query (index, "select_related", 0);
  g_autoptr(GPtrArray) n_plus_1 = rubric_search_index_query (index, "N+1", 0);
  g_autoptr(GPtrArray) unclosed = rubric_search_index_query (index, "\"expand and", 0);
  g_autofree char *match = NULL;

  g_assert_cmpuint (phrase->len, ==, 1);
  g_assert_cmpstr (question_id (phrase, 0), ==, "migrations.deploy");
  g_assert_cmpint (result_at (phrase, 0)->field, ==, RUBRIC_SEARCH_FIELD_EXPECTED);
  match = match_text (result_at (phrase, 0), 0);
  g_assert_cmpstr (match, ==, "expand and contract");
  g_assert_cmpuint (words->len, >=, phrase->len);
  g_assert_cmpuint (unclosed->len, >=, 1);

  g_assert_cmpuint (select->len, ==, 4);
  for (guint i = 0; i < select->len; i++)
    {
      g_autofree char *text = match_text (result_at (select, i), 0);

      g_assert_cmpstr (text, ==, "select_related");
    }

  g_assert_cmpuint (n_plus_1->len, ==, 3);
  for (guint i = 0; i < n_plus_1->len; i++)
    {
      g_autofree char *text = match_text (result_at (n_plus_1, i), 0);

      g_assert_cmpstr (text, ==, "N+1");
    }
}

static const QuestionSpec field_questions[] = {
  { "Fields",
    "What does the alphaprompt do?",
    "It does what bravoexpected says. And more.",
    { "One point", "Two point with charliekey", NULL },
    { "First flag", "Second flag with deltaflag", "Third", NULL },
    "Why echoexplain matters." },
  { NULL,
    "A follow-up about nothing in particular?",
    "Nothing either.",
    { "Nothing", NULL },
    { NULL },
    NULL },
};

static void
test_fields (void)
{
  g_autoptr(RubricKit) kit = make_kit (field_questions, G_N_ELEMENTS (field_questions));
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  static const struct {
    const char *query;
    RubricSearchField field;
    guint index;
    const char *passage;
  } cases[] = {
    { "alphaprompt", RUBRIC_SEARCH_FIELD_PROMPT, 0, "What does the alphaprompt do?" },
    { "bravoexpected", RUBRIC_SEARCH_FIELD_EXPECTED, 0, "It does what bravoexpected says. And more." },
    { "charliekey", RUBRIC_SEARCH_FIELD_KEY_POINT, 1, "Two point with charliekey" },
    { "deltaflag", RUBRIC_SEARCH_FIELD_RED_FLAG, 1, "Second flag with deltaflag" },
    { "echoexplain", RUBRIC_SEARCH_FIELD_EXPLANATION, 0, "Why echoexplain matters." },
    /* Infix: "key" inside "charliekey". */
    { "liekey", RUBRIC_SEARCH_FIELD_KEY_POINT, 1, "Two point with charliekey" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, cases[i].query, 0);
      RubricSearchResult *result;

      g_test_message ("query: %s", cases[i].query);
      g_assert_cmpuint (results->len, ==, 1);
      result = result_at (results, 0);
      g_assert_cmpstr (question_id (results, 0), ==, "t1.q1");
      g_assert_cmpint (result->field, ==, cases[i].field);
      g_assert_cmpuint (result->index, ==, cases[i].index);
      g_assert_cmpstr (result->passage, ==, cases[i].passage);
      g_assert_cmpuint (result->ranges->len, ==, 1);
    }

  /* Words from different fields of one question still make a match. */
  {
    g_autoptr(GPtrArray) results = rubric_search_index_query (index, "deltaflag alphaprompt echoexplain", 0);

    g_assert_cmpuint (results->len, ==, 1);
    g_assert_cmpint (result_at (results, 0)->field, ==, RUBRIC_SEARCH_FIELD_PROMPT);
  }
}

static const QuestionSpec ranked_questions[] = {
  /* 0 */ { "One",
            "Tell me about the system.",
            "The gadget is mentioned in the expected answer.",
            { "A point", NULL }, { NULL }, NULL },
  /* 1 */ { NULL,
            "A follow-up that asks about the gadget.",
            "Something.",
            { "A point", NULL }, { NULL }, NULL },
  /* 2 */ { NULL,
            "Another follow-up.",
            "Something.",
            { "A point", NULL }, { NULL },
            "Only the explanation says gadget." },
  /* 3 */ { "Two",
            "How would you design the gadget?",
            "Something.",
            { "A point", NULL }, { NULL }, NULL },
  /* 4 */ { NULL,
            "A follow-up: the gadget, again, with its widget.",
            "Something.",
            { "A point", NULL }, { NULL }, NULL },
  /* 5 */ { NULL,
            "A follow-up on a megagadget.",
            "Something.",
            { "A point", NULL }, { NULL }, NULL },
  /* 6 */ { "Three",
            "Which widget?",
            "The gadget.",
            { "A point", NULL }, { NULL }, NULL },
  /* 7 */ { "Four",
            "Nothing to see.",
            "Something.",
            { "A point", NULL }, { "A gadget flag", NULL },
            "Nothing." },
  /* 8 */ { "Five",
            "Nothing here either.",
            "Something.",
            { "A gadget point", NULL }, { NULL }, NULL },
};

static void
test_ranking (void)
{
  g_autoptr(RubricKit) kit = make_kit (ranked_questions, G_N_ELEMENTS (ranked_questions));
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) results = rubric_search_index_query (index, "gadget", 0);
  g_autoptr(GPtrArray) two_words = rubric_search_index_query (index, "gadget widget", 0);
  const char *expected[] = {
    "t2.q1",  /* a main question, in its prompt */
    "t1.q2",  /* follow-ups, in their prompts, in kit order... */
    "t2.q2",
    "t2.q3",  /* ...but a word start before the inside of a word */
    "t1.q1",  /* main questions, in their expected answers */
    "t3.q1",
    "t4.q1",  /* main questions: key points, red flags and explanations weigh the same */
    "t5.q1",
    "t1.q3",  /* a follow-up, in its explanation */
  };

  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < results->len; i++)
    {
      g_test_message ("%u: %s %g", i, question_id (results, i), result_at (results, i)->score);
      g_assert_cmpstr (question_id (results, i), ==, expected[i]);
      if (i > 0)
        g_assert_cmpfloat (result_at (results, i - 1)->score, >=, result_at (results, i)->score);
    }
  g_assert_cmpint (result_at (results, G_N_ELEMENTS (expected) - 1)->field, ==,
                   RUBRIC_SEARCH_FIELD_EXPLANATION);

  /* More of the words in the prompt rank higher, for the same kind. */
  g_assert_cmpuint (two_words->len, ==, 2);
  g_assert_cmpstr (question_id (two_words, 0), ==, "t3.q1");   /* main: widget in the prompt */
  g_assert_cmpstr (question_id (two_words, 1), ==, "t2.q2");   /* both words in its prompt */
  g_assert_cmpuint (result_at (two_words, 1)->ranges->len, ==, 2);
}

static void
test_offsets (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  const char *queries[] = { "migration", "lock", "Django", "the", "cache invalidation", "n+1", "select_related" };

  /* The shipped kit is ASCII: the folded passage has the same offsets. */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, queries[q], 0);
      g_autofree char *lower_query = g_ascii_strdown (queries[q], -1);
      g_auto(GStrv) words = g_strsplit (lower_query, " ", -1);

      g_test_message ("query: %s", queries[q]);
      g_assert_cmpuint (results->len, >, 0);
      for (guint i = 0; i < results->len; i++)
        {
          RubricSearchResult *result = result_at (results, i);
          g_autofree char *lower = g_ascii_strdown (result->passage, -1);
          guint covered = 0;
          guint found = 0;

          g_assert_cmpuint (result->ranges->len, >, 0);
          /* Each range is exactly one of the words... */
          for (guint r = 0; r < result->ranges->len; r++)
            {
              g_autofree char *text = match_text (result, r);
              g_autofree char *folded = g_ascii_strdown (text, -1);

              g_assert_true (g_strv_contains ((const char * const *) words, folded));
              covered++;
            }
          /* ...and each place of a word in the passage is a range. */
          for (guint w = 0; words[w] != NULL; w++)
            {
              g_autofree char *word = g_ascii_strdown (words[w], -1);

              for (const char *p = strstr (lower, word); p != NULL; p = strstr (p + strlen (word), word))
                {
                  gboolean in_range = FALSE;

                  for (guint r = 0; r < result->ranges->len && !in_range; r++)
                    {
                      RubricSearchRange *range = &g_array_index (result->ranges, RubricSearchRange, r);

                      in_range = range->start == (guint) (p - lower) &&
                                 range->end == (guint) (p - lower + strlen (word));
                    }
                  g_assert_true (in_range);
                  found++;
                }
            }
          g_assert_cmpuint (found, ==, covered);
        }
    }
}

/* Every question whose fields hold each word, found the slow way: the
 * shipped kit is ASCII, with single spaces. */
static gboolean
field_has (const char *field,
           const char *word)
{
  g_autofree char *lower = g_ascii_strdown (field, -1);

  return strstr (lower, word) != NULL;
}

static gboolean
question_has (RubricQuestion *question,
              const char     *word)
{
  if (field_has (rubric_question_get_prompt (question), word) ||
      field_has (rubric_question_get_expected (question), word) ||
      (rubric_question_get_explanation (question) != NULL &&
       field_has (rubric_question_get_explanation (question), word)))
    return TRUE;
  for (const char * const *p = rubric_question_get_key_points (question); *p; p++)
    if (field_has (*p, word))
      return TRUE;
  for (const char * const *p = rubric_question_get_red_flags (question); *p; p++)
    if (field_has (*p, word))
      return TRUE;
  return FALSE;
}

static void
test_brute_force (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  const char *queries[] = {
    "c", "e", "x", "1", "z", "the", "he", "csrf token", "n+1", "select_related", "-", "++",
    "a b", "e t a o", "(", "5.2", "get_", "_model", "apps.get", ".", "today's", "redis celery", "cache_",
  };
  GListModel *topics = rubric_kit_get_topics (kit);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, queries[q], 0);
      g_auto(GStrv) words = g_strsplit (queries[q], " ", -1);
      guint n_expected = 0;
      guint r = 0;

      g_test_message ("query: %s", queries[q]);
      for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
        {
          g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, t);
          GListModel *questions = rubric_topic_get_questions (topic);

          for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
            {
              g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
              gboolean all = TRUE;
              gboolean found = FALSE;

              for (guint w = 0; words[w] != NULL && all; w++)
                all = question_has (question, words[w]);
              for (r = 0; r < results->len && !found; r++)
                found = result_at (results, r)->question == question;
              g_assert_cmpint (found, ==, all);
              n_expected += all;
            }
        }
      g_assert_cmpuint (results->len, ==, n_expected);
    }
}

static void
test_long_fields (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) results = rubric_search_index_query (index, "RunPython.noop", 0);
  RubricSearchResult *result;
  const char *expected;
  g_autofree char *match = NULL;

  g_assert_cmpuint (results->len, ==, 1);
  result = result_at (results, 0);
  g_assert_cmpint (result->field, ==, RUBRIC_SEARCH_FIELD_EXPECTED);
  expected = rubric_question_get_expected (result->question);
  /* Just the sentence of the match, from the expected answer. */
  g_assert_cmpstr (result->passage, ==,
                   "Data migrations use RunPython with a reverse function (or RunPython.noop) "
                   "and load models through apps.get_model(), so they see the historical schema "
                   "of that point in the graph instead of today's model classes.");
  g_assert_nonnull (strstr (expected, result->passage));
  match = match_text (result, 0);
  g_assert_cmpstr (match, ==, "RunPython.noop");
}

static void
test_long_sentence (void)
{
  g_autoptr(GString) expected = g_string_new ("Start");
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricSearchIndex) index = NULL;
  g_autoptr(GPtrArray) results = NULL;
  QuestionSpec spec = { "Long", "A prompt.", NULL, { "A point", NULL }, { NULL }, NULL };
  RubricSearchResult *result;
  g_autofree char *match = NULL;

  /* One sentence of 2,000 characters, the word in its middle. */
  for (guint i = 0; i < 100; i++)
    g_string_append (expected, i == 50 ? " and the needle, é" : " and words, é, more");
  g_string_append (expected, ".");
  spec.expected = expected->str;
  kit = make_kit (&spec, 1);
  index = rubric_search_index_new (kit);
  results = rubric_search_index_query (index, "needle", 0);

  g_assert_cmpuint (results->len, ==, 1);
  result = result_at (results, 0);
  g_assert_true (g_str_has_prefix (result->passage, "…"));
  g_assert_true (g_str_has_suffix (result->passage, "…"));
  g_assert_cmpuint (g_utf8_strlen (result->passage, -1), <=, 450);
  match = match_text (result, 0);
  g_assert_cmpstr (match, ==, "needle");
}

static void
test_max_results (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) all = rubric_search_index_query (index, "django", 0);
  g_autoptr(GPtrArray) many = rubric_search_index_query (index, "django", 1000);

  g_assert_cmpuint (all->len, >, 10);
  g_assert_cmpuint (many->len, ==, all->len);
  for (guint max = 1; max <= 10; max++)
    {
      g_autoptr(GPtrArray) some = rubric_search_index_query (index, "django", max);

      g_assert_cmpuint (some->len, ==, max);
      /* The best of them, in the same order. */
      for (guint i = 0; i < max; i++)
        g_assert_true (result_at (some, i)->question == result_at (all, i)->question);
    }
}

static void
test_empty (void)
{
  g_autoptr(RubricKit) kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  const char *queries[] = { "", " ", "   \t\n ", "\"\"", "\" \"", "zzzzqqqq", "csrf zzzzqqqq" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, queries[i], 10);

      g_assert_nonnull (results);
      g_assert_cmpuint (results->len, ==, 0);
    }
}

static void
test_lifetime (void)
{
  RubricKit *kit = shipped_kit ();
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
  g_autoptr(GPtrArray) results = NULL;
  RubricSearchResult *kept;

  /* The index keeps the kit, a result its question. */
  g_object_unref (kit);
  results = rubric_search_index_query (index, "redis", 1);
  g_assert_cmpuint (results->len, ==, 1);
  kept = rubric_search_result_ref (result_at (results, 0));
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_object (&index);
  g_assert_true (RUBRIC_IS_QUESTION (kept->question));
  g_assert_nonnull (strstr (kept->passage, "Redis"));
  g_assert_true (G_TYPE_IS_BOXED (RUBRIC_TYPE_SEARCH_RESULT));
  rubric_search_result_unref (kept);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/shipped", test_shipped);
  g_test_add_func ("/search/async", test_async);
  g_test_add_func ("/search/case", test_case);
  g_test_add_func ("/search/accents", test_accents);
  g_test_add_func ("/search/multiple-words", test_multiple_words);
  g_test_add_func ("/search/phrase-and-symbols", test_phrase_and_symbols);
  g_test_add_func ("/search/fields", test_fields);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/offsets", test_offsets);
  g_test_add_func ("/search/brute-force", test_brute_force);
  g_test_add_func ("/search/long-fields", test_long_fields);
  g_test_add_func ("/search/long-sentence", test_long_sentence);
  g_test_add_func ("/search/max-results", test_max_results);
  g_test_add_func ("/search/empty", test_empty);
  g_test_add_func ("/search/lifetime", test_lifetime);

  return g_test_run ();
}
