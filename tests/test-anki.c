/* test-anki.c — kits as Anki decks and back: the writer's escaping, the
 * reader's rules and line numbers, the writer against a full disk
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "rubric-anki.h"
#include "rubric-core-test-utils.h"
#include "rubric-kit.h"
#include "rubric-plan.h"

static char *work;

/* A kit of one topic whose texts hold what a deck must escape. */
static const char tricky_kit[] =
  "{ \"format\": \"rubric-kit\", \"version\": 1, \"id\": \"tricky\","
  "  \"title\": \"Tricky\\tkit\", \"description\": \"d\", \"language\": \"en\","
  "  \"topics\": ["
  "    { \"id\": \"markup\", \"title\": \"Markup\", \"summary\": \"s\", \"questions\": ["
  "      { \"id\": \"q-tab\", \"kind\": \"main\","
  "        \"prompt\": \"A\\ttab, a \\\"quote\\\" and <b>bold</b>?\","
  "        \"expected\": \"Line one\\nLine two & <i>three</i>\\r\\n'four'\","
  "        \"key_points\": [ { \"text\": \"<script>alert(1)</script>\", \"level\": \"senior\" },"
  "                          { \"text\": \"&amp; stays &amp;\", \"level\": \"baseline\" },"
  "                          \"plain\\tpoint\" ],"
  "        \"red_flags\": [ \"Says \\\"</li></ul>\\\"\", \"&#9; literally\" ] },"
  "      { \"id\": \"q-two\", \"kind\": \"follow-up\", \"prompt\": \"Second\","
  "        \"expected\": \"Two\", \"key_points\": [ \"k\" ] } ] },"
  "    { \"id\": \"other\", \"title\": \"Other\", \"summary\": \"s\", \"questions\": ["
  "      { \"id\": \"q-three\", \"kind\": \"main\", \"prompt\": \"Third\","
  "        \"expected\": \"Three\", \"key_points\": [ \"k3\" ] } ] } ] }";

static RubricKit *
kit_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RubricKit *kit = rubric_kit_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return kit;
}

/* DECK imported as FILE_NAME and loaded as a kit. */
static RubricKit *
import_text (const char *deck,
             const char *file_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (deck, strlen (deck));
  g_autoptr(GBytes) kit_bytes = NULL;
  g_autoptr(GError) error = NULL;
  RubricKit *kit;

  kit_bytes = rubric_anki_import (bytes, file_name, &error);
  g_assert_no_error (error);
  kit = rubric_kit_new_from_bytes (kit_bytes, &error);
  g_assert_no_error (error);
  return kit;
}

static char *
import_error (const char *deck)
{
  g_autoptr(GBytes) bytes = g_bytes_new (deck, strlen (deck));
  g_autoptr(GBytes) kit_bytes = NULL;
  g_autoptr(GError) error = NULL;

  kit_bytes = rubric_anki_import (bytes, "deck.txt", &error);
  g_assert_null (kit_bytes);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RUBRIC_ANKI_ERROR);
  return g_strdup (error->message);
}

static char *
export_text (RubricKit  *kit,
             RubricPlan *plan)
{
  g_autoptr(GBytes) bytes = rubric_anki_export (kit, plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  g_assert_cmpstrv (a != NULL && a[0] != NULL ? a : NULL, b != NULL && b[0] != NULL ? b : NULL);
}

/* Every question of A is in B, the same. */
static void
assert_same_questions (RubricKit *a,
                       RubricKit *b)
{
  GListModel *topics = rubric_kit_get_topics (a);

  g_assert_cmpuint (rubric_kit_get_n_questions (a), ==, rubric_kit_get_n_questions (b));
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = rubric_topic_get_questions (topic);

      g_assert_nonnull (rubric_kit_lookup_topic (b, rubric_topic_get_id (topic)));
      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(RubricQuestion) qa = g_list_model_get_item (questions, i);
          RubricQuestion *qb = rubric_kit_lookup_question (b, rubric_question_get_id (qa));
          const char * const *points;

          g_assert_nonnull (qb);
          g_assert_cmpstr (rubric_topic_get_id (rubric_question_get_topic (qb)), ==, rubric_topic_get_id (topic));
          g_assert_cmpint (rubric_question_get_kind (qb), ==, rubric_question_get_kind (qa));
          g_assert_cmpstr (rubric_question_get_prompt (qb), ==, rubric_question_get_prompt (qa));
          /* Line ends are newlines in an Anki field. */
          {
            g_autoptr(GString) expected = g_string_new (rubric_question_get_expected (qa));

            g_string_replace (expected, "\r\n", "\n", 0);
            g_assert_cmpstr (rubric_question_get_expected (qb), ==, expected->str);
          }
          assert_same_strv (rubric_question_get_key_points (qb), rubric_question_get_key_points (qa));
          points = rubric_question_get_key_points (qa);
          for (guint k = 0; points[k] != NULL; k++)
            g_assert_cmpint (rubric_question_get_key_point_level (qb, k), ==,
                             rubric_question_get_key_point_level (qa, k));
          assert_same_strv (rubric_question_get_red_flags (qb), rubric_question_get_red_flags (qa));
        }
    }
}

/* --------------------------------------------------------------- writing */

/* No text of the kit is markup, and no field holds a tab, a newline or a
 * quote: the lines are the header's, then a note each. */
static void
test_export_escaping (void)
{
  g_autoptr(RubricKit) kit = kit_from_text (tricky_kit);
  g_autofree char *deck = export_text (kit, NULL);
  g_auto(GStrv) lines = g_strsplit (deck, "\n", -1);
  guint n_notes = 0;

  g_assert_true (g_str_has_prefix (deck, "#separator:tab\n#html:true\n"));
  /* The title's tab is a space in the header. */
  g_assert_nonnull (strstr (deck, "\n#deck:Tricky kit\n"));
  g_assert_nonnull (strstr (deck, "\n#guid column:1\n#tags column:4\n"));
  g_assert_null (strstr (deck, "<b>bold</b>"));
  g_assert_null (strstr (deck, "<script>"));
  g_assert_null (strstr (deck, "\""  "quote"));
  g_assert_nonnull (strstr (deck, "A&#9;tab, a &quot;quote&quot; and &lt;b&gt;bold&lt;/b&gt;?"));
  g_assert_nonnull (strstr (deck, "Line one<br>Line two &amp; &lt;i&gt;three&lt;/i&gt;<br>&#39;four&#39;"));
  g_assert_nonnull (strstr (deck, "<li data-level=senior>&lt;script&gt;"));
  g_assert_nonnull (strstr (deck, "&amp;amp; stays"));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      n_notes++;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_null (strchr (lines[i], '"'));
      g_assert_null (strchr (lines[i], '\r'));
    }
  g_assert_cmpuint (n_notes, ==, 3);
  /* The GUID is the kit's and the question's id; the tag the topic's. */
  g_assert_nonnull (strstr (deck, "\ntricky/q-tab\t"));
  g_assert_true (g_str_has_suffix (deck, "\tother\n"));
}

/* Kit → deck → kit: prompts, answers, key points with their levels, red
 * flags and topics come back, the shipped kit too. */
static void
test_round_trip (void)
{
  g_autoptr(RubricKit) tricky = kit_from_text (tricky_kit);
  g_autoptr(RubricKit) shipped = rubric_test_load_shipped_kit ();
  RubricKit *kits[] = { tricky, shipped };

  for (guint i = 0; i < G_N_ELEMENTS (kits); i++)
    {
      g_autofree char *deck = export_text (kits[i], NULL);
      g_autoptr(RubricKit) back = import_text (deck, "ignored.txt");
      g_autofree char *again = export_text (back, NULL);
      g_autofree char *old_guid = g_strdup_printf ("\n%s/", rubric_kit_get_id (kits[i]));
      g_autofree char *new_guid = g_strdup_printf ("\n%s/", rubric_kit_get_id (back));
      g_autoptr(GString) expected_again = g_string_new (deck);

      assert_same_questions (kits[i], back);
      /* The deck's name is the kit's title; the id is a new one. */
      g_assert_true (g_str_has_prefix (rubric_kit_get_id (back), "anki-"));
      g_assert_cmpstr (rubric_kit_get_id (back), !=, rubric_kit_get_id (kits[i]));
      /* Exported again: the same deck, under the new kit's GUIDs. */
      g_string_replace (expected_again, old_guid, new_guid, 0);
      g_assert_cmpstr (again, ==, expected_again->str);
    }

  {
    g_autofree char *deck = export_text (tricky, NULL);
    g_autoptr(RubricKit) back = import_text (deck, NULL);

    g_assert_cmpstr (rubric_kit_get_title (back), ==, "Tricky kit");
    g_assert_cmpstr (rubric_kit_get_id (back), ==, "anki-tricky-kit");
  }
}

/* A plan's deck: its questions only, in its order of topics. */
static void
test_export_plan (void)
{
  g_autoptr(RubricKit) kit = kit_from_text (tricky_kit);
  g_autoptr(RubricPlan) plan = rubric_plan_new ("p", "Short", "tricky", 30);
  const char *other[] = { "q-three", NULL };
  const char *markup[] = { "q-tab", NULL };
  g_autofree char *deck = NULL;
  const char *three;
  const char *tab;

  rubric_plan_add_topic (plan, "other", other);
  rubric_plan_add_topic (plan, "markup", markup);
  deck = export_text (kit, plan);

  g_assert_nonnull (strstr (deck, "\n#deck:Tricky kit — Short\n"));
  three = strstr (deck, "tricky/q-three\t");
  tab = strstr (deck, "tricky/q-tab\t");
  g_assert_nonnull (three);
  g_assert_nonnull (tab);
  g_assert_true (three < tab);
  g_assert_null (strstr (deck, "q-two"));
}

/* --------------------------------------------------------------- reading */

/* Anki's "Notes in Plain Text" without HTML: two columns, no header;
 * quoted fields hold tabs, newlines and doubled quotes. */
static void
test_import_plain (void)
{
  g_autoptr(RubricKit) kit = import_text ("\xef\xbb\xbf" "What is 2+2?\tFour\r\n"
                                          "\r\n"
                                          "\"Multi\nline\"\t\"Has \"\"quotes\"\"\tand a tab\"\n"
                                          "<b>not markup</b>\t&amp;\n",
                                          "My Deck.txt");
  RubricTopic *topic;
  RubricQuestion *question;

  g_assert_cmpstr (rubric_kit_get_title (kit), ==, "My Deck");
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "anki-my-deck");
  g_assert_cmpstr (rubric_kit_get_language (kit), ==, "und");
  g_assert_cmpuint (g_list_model_get_n_items (rubric_kit_get_topics (kit)), ==, 1);
  topic = rubric_kit_lookup_topic (kit, "imported");
  g_assert_nonnull (topic);
  g_assert_cmpstr (rubric_topic_get_title (topic), ==, "Imported");
  g_assert_cmpuint (rubric_kit_get_n_questions (kit), ==, 3);

  question = rubric_kit_lookup_question (kit, "q1");
  g_assert_cmpstr (rubric_question_get_prompt (question), ==, "What is 2+2?");
  g_assert_cmpstr (rubric_question_get_expected (question), ==, "Four");
  g_assert_cmpint (rubric_question_get_kind (question), ==, RUBRIC_QUESTION_KIND_MAIN);
  /* A card without a list of points: its answer is the one. */
  g_assert_cmpstr (rubric_question_get_key_points (question)[0], ==, "Four");

  question = rubric_kit_lookup_question (kit, "q2");
  g_assert_cmpstr (rubric_question_get_prompt (question), ==, "Multi\nline");
  g_assert_cmpstr (rubric_question_get_expected (question), ==, "Has \"quotes\"\tand a tab");
  g_assert_cmpint (rubric_question_get_kind (question), ==, RUBRIC_QUESTION_KIND_FOLLOW_UP);

  /* #html missing: plain text, as Anki reads it. */
  question = rubric_kit_lookup_question (kit, "q3");
  g_assert_cmpstr (rubric_question_get_prompt (question), ==, "<b>not markup</b>");
  g_assert_cmpstr (rubric_question_get_expected (question), ==, "&amp;");
}

/* Anki's export with HTML, tags, deck and notetype columns: the first tag
 * is the topic, the deck the title; HTML shows as its text. */
static void
test_import_anki_export (void)
{
  g_autoptr(RubricKit) kit = import_text ("#separator:tab\n"
                                          "#html:true\n"
                                          "#guid column:1\n"
                                          "#notetype column:2\n"
                                          "#deck column:3\n"
                                          "#tags column:6\n"
                                          "a1B2c3\tBasic\tSpanish::Verbs\t<b>hablar</b>&nbsp;\tto speak<br>(regular)\tVerbs Regular\n"
                                          "d4E5f6\tBasic\tSpanish::Verbs\tcomer\tto eat\tverbs\n"
                                          "g7\tBasic\tSpanish::Verbs\tser\t\"to <i>be</i>\"\t\n",
                                          "export.txt");
  RubricTopic *topic;
  RubricQuestion *question;

  g_assert_cmpstr (rubric_kit_get_title (kit), ==, "Spanish::Verbs");
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "anki-spanish-verbs");
  g_assert_cmpuint (g_list_model_get_n_items (rubric_kit_get_topics (kit)), ==, 3);
  topic = rubric_kit_lookup_topic (kit, "verbs");
  g_assert_nonnull (topic);
  g_assert_cmpstr (rubric_topic_get_title (topic), ==, "Verbs");
  g_assert_nonnull (rubric_kit_lookup_topic (kit, "verbs-2"));
  g_assert_nonnull (rubric_kit_lookup_topic (kit, "imported"));

  question = rubric_kit_lookup_question (kit, "q1");
  g_assert_cmpstr (rubric_question_get_prompt (question), ==, "hablar");
  g_assert_cmpstr (rubric_question_get_expected (question), ==, "to speak\n(regular)");
  question = rubric_kit_lookup_question (kit, "q3");
  g_assert_cmpstr (rubric_question_get_expected (question), ==, "to be");
}

/* Each problem names its line, and its column when it has one. */
static void
test_import_errors (void)
{
  struct { const char *deck; const char *message; } cases[] = {
    { "front\tback\nonly one field\n",
      "line 2: expected 2 to 5 tab-separated fields, found 1" },
    { "#separator:tab\n#guid column:1\n#tags column:4\n\n"
      "g\tf\tb\tt\ng\tf\tb\tt\ta\tb\tc\td\n",
      "line 6: expected 4 to 7 tab-separated fields, found 8" },
    { "a\tb\n\"open\tquote\nnext line\n",
      "line 2, column 1: the quoted field is never closed" },
    { "a\t\"closed\"x\n",
      "line 1, column 11: a quoted field must be followed by a tab or the end of the line" },
    { "a\tb\n  \tb\n",
      "line 2, column 1: the front of the card is empty" },
    { "a\tb\n\"x\ny\"\t \n",
      "line 3, column 4: the back of the card has no answer" },
    { "#separator:Comma\na,b\n",
      "line 1: only tab-separated decks are read (“#separator:tab”)" },
    { "#tags column:zero\na\tb\n",
      "line 1: “tags column” is not a column number" },
    { "a\tb\nc\t\xff\xfe\n",
      "line 2: not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_error (cases[i].deck);

      g_assert_cmpstr (message, ==, cases[i].message);
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("#html:true\n\n", 12);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) kit = rubric_anki_import (bytes, NULL, &error);

    g_assert_error (error, RUBRIC_ANKI_ERROR, RUBRIC_ANKI_ERROR_EMPTY);
    g_assert_null (kit);
  }
}

/* More notes of one tag than a topic holds: the topic goes on in a second
 * part; more than a kit holds: an error, at the line. */
static void
test_import_big (void)
{
  g_autoptr(GString) deck = g_string_new ("#tags column:3\n");
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (deck, "front %u\tback\tbig\n", i);
  kit = import_text (deck->str, NULL);
  g_assert_cmpuint (rubric_kit_get_n_questions (kit), ==, 60);
  g_assert_cmpstr (rubric_topic_get_title (rubric_kit_lookup_topic (kit, "big-2")), ==, "big (2)");
  g_assert_cmpstr (rubric_kit_get_title (kit), ==, "Anki Deck");

  for (guint i = 0; i < 101; i++)
    g_string_append_printf (huge, "f\tb\ttag%u\n", i);
  g_string_prepend (huge, "#tags column:3\n");
  message = import_error (huge->str);
  g_assert_cmpstr (message, ==, "line 102: the deck is too big for a kit: at most 100 topics of 50 questions");
}

/* -------------------------------------------------------------- classify */

static void
test_classify (void)
{
  struct { const char *text; const char *name; RubricFileKind kind; } cases[] = {
    { "{ \"format\": \"rubric-kit\" }", "x.txt", RUBRIC_FILE_KIND_KIT },
    { "\xef\xbb\xbf  {\"format\":\"rubric-plan\"}", "x.json", RUBRIC_FILE_KIND_PLAN },
    { "{ \"format\": \"rubric-session\" }", "kit.json", RUBRIC_FILE_KIND_SESSION },
    { "{ \"broken\": ", "a.json", RUBRIC_FILE_KIND_SESSION },
    { "front\tback\n", "deck.TSV", RUBRIC_FILE_KIND_ANKI },
    { "front\tback\n", "deck.txt", RUBRIC_FILE_KIND_ANKI },
    { "front\tback\n", "deck.png", RUBRIC_FILE_KIND_UNKNOWN },
    { "\xff\xfe\x00", "deck.txt", RUBRIC_FILE_KIND_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, strlen (cases[i].text) + (i == 7 ? 1 : 0));

      g_assert_cmpint (rubric_anki_classify (bytes, cases[i].name), ==, cases[i].kind);
    }
}

/* -------------------------------------------------------------- the disk */

/* A full disk (files may not grow past 64 bytes): an error, and the file
 * that was there is as it was. */
static void
test_write_failing_disk (void)
{
  g_autofree char *path = g_build_filename (work, "deck.txt", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      struct rlimit rl = { 64, 64 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
      g_assert_false (rubric_anki_export_to_file (kit, NULL, file, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("failed as expected: %s\n", error->message);
      return;
    }

  rubric_test_write_file (path, "old contents\n");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*failed as expected*");
  {
    g_autofree char *contents = rubric_test_read_file (path);
    g_autoptr(GDir) dir = g_dir_open (work, 0, NULL);
    guint n = 0;

    g_assert_cmpstr (contents, ==, "old contents\n");
    /* No temporary file left behind either. */
    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  /* And with room, the whole deck. */
  {
    g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *expected = export_text (kit, NULL);

    g_assert_true (rubric_anki_export_to_file (kit, NULL, file, NULL, &error));
    g_assert_no_error (error);
    contents = rubric_test_read_file (path);
    g_assert_cmpstr (contents, ==, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A subprocess reuses its parent's folder. */
  if (g_test_subprocess ())
    work = g_strdup (g_getenv ("RUBRIC_TEST_ANKI_DIR"));
  else
    {
      work = g_dir_make_tmp ("rubric-test-anki-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("RUBRIC_TEST_ANKI_DIR", work, TRUE);
    }

  g_test_add_func ("/anki/export-escaping", test_export_escaping);
  g_test_add_func ("/anki/round-trip", test_round_trip);
  g_test_add_func ("/anki/export-plan", test_export_plan);
  g_test_add_func ("/anki/import-plain", test_import_plain);
  g_test_add_func ("/anki/import-anki-export", test_import_anki_export);
  g_test_add_func ("/anki/import-errors", test_import_errors);
  g_test_add_func ("/anki/import-big", test_import_big);
  g_test_add_func ("/anki/classify", test_classify);
  g_test_add_func ("/anki/write-failing-disk", test_write_failing_disk);

  status = g_test_run ();

  if (!g_test_subprocess ())
    rubric_test_remove_tree (work);
  g_free (work);
  return status;
}
