/* test-session.c — sessions: loading, saving, scores, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rubric-core-test-utils.h"
#include "rubric-scores.h"
#include "rubric-seal.h"
#include "rubric-session.h"

#define SESSION_HEAD_BARE \
  "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {\"id\": \"example\"}"
#define SESSION_HEAD_EARLY \
  "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {\"id\": \"example\"}, " \
  "\"created\": \"0422-11-27T10:15:30+00:00\"}"

static char *
read_test_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static RubricKit *
load_minimal_kit (void)
{
  g_autofree char *text = read_test_text ("minimal.rubric-kit.json");
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RubricKit *kit = rubric_kit_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return kit;
}

static RubricSession *
load_text (const char  *text,
           RubricKit   *kit,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rubric_session_new_from_bytes (bytes, kit, error);
}

static char *
to_text (RubricSession *session)
{
  g_autoptr(GBytes) bytes = rubric_session_to_bytes (session);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* ------------------------------------------------------------------- model */

static void
test_new_session (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");

  g_assert_cmpstr (rubric_session_get_kit_id (session), ==, "example");
  g_assert_cmpstr (rubric_session_get_kit_sha256 (session), ==, rubric_kit_get_sha256 (kit));
  g_assert_cmpstr (rubric_session_get_date (session), ==, date);
  g_assert_cmpstr (rubric_session_get_candidate_name (session), ==, "");
  g_assert_cmpint (rubric_session_get_recommendation (session), ==, RUBRIC_RECOMMENDATION_NONE);
  g_assert_false (rubric_session_get_read_only (session));
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_warnings (session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rubric_session_get_answers (session)), ==, 0);
  g_assert_nonnull (rubric_session_get_created (session));
}

static void
test_changes_notify (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestion *question = rubric_kit_lookup_question (kit, "http.main");
  RubricAnswer *answer;
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (session, "notify::candidate-name", G_CALLBACK (count_notify_cb), &notified);

  rubric_session_set_candidate_name (session, "Ada");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* The same value again is no change. */
  rubric_session_set_candidate_name (session, "Ada");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* Asking a question makes its answer, with a snapshot of the prompt. */
  answer = rubric_session_ensure_answer (session, question);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (rubric_session_ensure_answer (session, question) == answer);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (rubric_answer_get_prompt (answer), ==, rubric_question_get_prompt (question));
  g_assert_cmpstr (rubric_answer_get_topic_id (answer), ==, "http");
  g_assert_cmpstr (rubric_answer_get_topic_title (answer), ==, "HTTP");
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);

  rubric_answer_set_rating (answer, 3);
  rubric_answer_set_rating (answer, 3);
  g_assert_cmpuint (changed, ==, 3);
  rubric_answer_set_notes (answer, "Good");
  rubric_answer_set_skipped (answer, TRUE);
  rubric_answer_set_elapsed (answer, 30);
  g_assert_cmpuint (changed, ==, 6);

  rubric_session_set_topic_notes (session, "http", "Fine");
  rubric_session_set_topic_notes (session, "http", "Fine");
  g_assert_cmpstr (rubric_session_get_topic_notes (session, "http"), ==, "Fine");
  g_assert_cmpstr (rubric_session_get_topic_notes (session, "other"), ==, "");
  rubric_session_set_recommendation (session, RUBRIC_RECOMMENDATION_STRONG_YES);
  g_assert_cmpuint (changed, ==, 8);

  /* An invalid date is refused and changes nothing. */
  g_assert_false (rubric_session_set_date (session, "2026-02-30"));
  g_assert_false (rubric_session_set_date (session, "yesterday"));
  g_assert_cmpuint (changed, ==, 8);
  g_assert_true (rubric_session_set_date (session, "2026-02-28"));
  g_assert_cmpstr (rubric_session_get_date (session), ==, "2026-02-28");
  g_assert_cmpuint (rubric_session_get_change_count (session), ==, 9);
}

/* ----------------------------------------------------------------- loading */

static void
test_load_full (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *text = read_test_text ("full.rubric.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = load_text (text, kit, &error);
  g_autofree char *modified = NULL;
  RubricAnswer *answer;
  const char * const *warnings;

  g_assert_no_error (error);
  g_assert_cmpstr (rubric_session_get_candidate_name (session), ==, "Zoë Ångström");
  g_assert_cmpstr (rubric_session_get_candidate_role (session), ==, "Senior Django Developer");
  g_assert_cmpstr (rubric_session_get_interviewer (session), ==, "Sam Lee");
  g_assert_cmpstr (rubric_session_get_date (session), ==, "2026-11-27");
  g_assert_cmpint (rubric_session_get_recommendation (session), ==, RUBRIC_RECOMMENDATION_YES);
  g_assert_cmpstr (rubric_session_get_private_notes (session), ==, "Salary expectations above band.");
  g_assert_cmpstr (rubric_session_get_topic_notes (session, "http"), ==, "Solid on the basics.");
  /* White space around an item is not part of it. */
  g_assert_true (g_strv_equal (rubric_session_get_strengths (session),
                               (const char * const[]) { "Explains the request path end to end",
                                                        "Asks before assuming", NULL }));
  g_assert_true (g_strv_equal (rubric_session_get_concerns (session),
                               (const char * const[]) { "Caching headers", NULL }));
  modified = g_date_time_format_iso8601 (rubric_session_get_modified (session));
  g_assert_cmpstr (modified, ==, "2026-11-27T10:15:30Z");
  g_assert_cmpuint (rubric_session_get_change_count (session), ==, 0);

  answer = rubric_session_lookup_answer (session, "http.main");
  g_assert_nonnull (answer);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 4);
  g_assert_false (rubric_answer_get_skipped (answer));
  g_assert_cmpint (rubric_answer_get_elapsed (answer), ==, 412);
  g_assert_nonnull (rubric_answer_get_asked_at (answer));
  g_assert_true (g_str_has_suffix (rubric_answer_get_notes (answer), "\nMissed caching headers."));

  answer = rubric_session_lookup_answer (session, "http.status");
  g_assert_true (rubric_answer_get_skipped (answer));
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);

  /* The kit's hash differs from the one stored: worth saying, not refusing. */
  warnings = rubric_session_get_warnings (session);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "The kit has changed"));
}

static void
test_round_trip (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *text = read_test_text ("full.rubric.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) first = load_text (text, kit, &error);
  g_autoptr(RubricSession) second = NULL;
  g_autoptr(RubricSession) third = NULL;
  g_autofree char *saved_first = NULL;
  g_autofree char *saved_second = NULL;
  g_autofree char *saved_third = NULL;

  g_assert_no_error (error);
  saved_first = to_text (first);
  second = load_text (saved_first, kit, &error);
  g_assert_no_error (error);
  saved_second = to_text (second);
  third = load_text (saved_second, kit, &error);
  g_assert_no_error (error);
  saved_third = to_text (third);

  g_assert_cmpstr (saved_first, ==, saved_second);
  g_assert_cmpstr (saved_second, ==, saved_third);

  /* Unknown members survive at every level they can appear. */
  g_assert_nonnull (strstr (saved_first, "\"x-kit-origin\""));
  g_assert_nonnull (strstr (saved_first, "\"x-pronouns\""));
  g_assert_nonnull (strstr (saved_first, "\"x-flagged\""));
  g_assert_nonnull (strstr (saved_first, "\"an editor from the future\""));
  g_assert_nonnull (strstr (saved_first, "\"modified\" : \"2026-11-27T10:15:30Z\""));

  /* And the text is unchanged, accents and new lines included. */
  g_assert_cmpstr (rubric_session_get_candidate_name (third), ==, "Zoë Ångström");
  g_assert_cmpstr (rubric_answer_get_notes (rubric_session_lookup_answer (third, "http.main")), ==,
                   "Explained DNS, TCP and TLS clearly.\nMissed caching headers.");
}

/* A saved session's TEXT has neither list. */
static void
assert_no_lists (const char *text)
{
  g_assert_null (strstr (text, "\"strengths\""));
  g_assert_null (strstr (text, "\"concerns\""));
}

/* A session saved before strengths and concerns existed is saved again
 * to the same bytes — they are written only when there are any — but for
 * the session id it now gets (derived from "created" and the kit, so the
 * alias of its anonymised exports stays what it was). */
static void
test_round_trip_before_lists (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *text = read_test_text ("saved-before-lists.rubric.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = load_text (text, kit, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_null (rubric_session_get_strengths (session)[0]);
  g_assert_null (rubric_session_get_concerns (session)[0]);
  saved = to_text (session);
  {
    const char *id_line = "  \"id\" : \"2026-11-27T09:00:00Z:example\",\n";
    const char *at = strstr (saved, id_line);
    g_autofree char *before = NULL;
    g_autofree char *without_id = NULL;

    g_assert_nonnull (at);
    before = g_strndup (saved, at - saved);
    without_id = g_strconcat (before, at + strlen (id_line), NULL);
    g_assert_cmpstr (without_id, ==, text);
  }
  assert_no_lists (saved);
}

/* The setters keep each item on one line, trimmed, and drop blank ones;
 * a real change notifies once and counts for autosave, a same one not. */
static void
test_lists_change (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  const char * const typed[] = { "  Fast learner ", "", "   ", "Two\nlines\r\nhere", "Tab\tkept", NULL };
  const char * const clean[] = { "Fast learner", "Two lines here", "Tab\tkept", NULL };
  const char * const concerns[] = { "Late", NULL };
  g_auto(GStrv) via_property = NULL;
  guint changed = 0;
  guint strengths_notified = 0;
  guint concerns_notified = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (session, "notify::strengths", G_CALLBACK (count_notify_cb), &strengths_notified);
  g_signal_connect (session, "notify::concerns", G_CALLBACK (count_notify_cb), &concerns_notified);

  rubric_session_set_strengths (session, typed);
  g_assert_true (g_strv_equal (rubric_session_get_strengths (session), clean));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (strengths_notified, ==, 1);
  g_assert_cmpuint (rubric_session_get_change_count (session), ==, 1);

  /* What cleans to the same list is no change. */
  rubric_session_set_strengths (session, clean);
  rubric_session_set_strengths (session, typed);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (strengths_notified, ==, 1);

  /* Only blank items: none. */
  rubric_session_set_concerns (session, (const char * const[]) { " ", "\n", NULL });
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_concerns (session)), ==, 0);
  g_assert_cmpuint (concerns_notified, ==, 0);

  /* The property is the same list, both ways. */
  g_object_set (session, "concerns", concerns, NULL);
  g_assert_true (g_strv_equal (rubric_session_get_concerns (session), concerns));
  g_assert_cmpuint (concerns_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 2);
  g_object_get (session, "strengths", &via_property, NULL);
  g_assert_true (g_strv_equal ((const char * const *) via_property, clean));
  g_assert_cmpuint (rubric_session_get_change_count (session), ==, 2);
}

static void
test_round_trip_new (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  RubricAnswer *answer;

  const char * const strengths[] = { "Clear on the ORM", "עברית and emoji 🎉", "\"Quoted\", <b>not bold</b>", NULL };
  const char * const concerns[] = { "Vague on CSRF", NULL };

  rubric_session_set_candidate_name (session, "<b>Bobby</b> \"Tables\"; DROP TABLE");
  answer = rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, "http.main"));
  rubric_answer_set_rating (answer, 5);
  rubric_answer_set_notes (answer, "עברית and emoji 🎉 and a tab\there");
  rubric_session_set_strengths (session, strengths);
  rubric_session_set_concerns (session, concerns);

  saved = to_text (session);
  /* The lists after the summary, in order. */
  g_assert_nonnull (strstr (saved, "\"summary\" : \"\",\n  \"strengths\" : [\n"));
  loaded = load_text (saved, kit, &error);
  g_assert_no_error (error);
  saved_again = to_text (loaded);
  g_assert_cmpstr (saved, ==, saved_again);
  g_assert_cmpstr (rubric_session_get_candidate_name (loaded), ==, "<b>Bobby</b> \"Tables\"; DROP TABLE");
  g_assert_true (g_strv_equal (rubric_session_get_strengths (loaded), strengths));
  g_assert_true (g_strv_equal (rubric_session_get_concerns (loaded), concerns));

  /* Emptied again, they leave the file. */
  rubric_session_set_strengths (loaded, NULL);
  rubric_session_set_concerns (loaded, (const char * const[]) { NULL });
  g_free (saved_again);
  saved_again = to_text (loaded);
  assert_no_lists (saved_again);
}

/* The id is written once: a new session gets a random one, every save
 * keeps it, and a file from before ids gets the same one at every load. */
static void
test_id (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricSession) other = rubric_session_new (kit);
  g_autoptr(RubricSession) loaded = NULL;
  g_autoptr(RubricSession) old_first = NULL;
  g_autoptr(RubricSession) old_again = NULL;
  g_autoptr(RubricSession) bare_first = NULL;
  g_autoptr(RubricSession) bare_again = NULL;
  g_autoptr(RubricSession) bare_other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *member = NULL;
  g_autofree char *old_text = read_test_text ("full.rubric.json");
  g_autofree char *old_saved = NULL;
  g_autofree char *old_member = NULL;
  const char *id = rubric_session_get_id (session);

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (id, !=, rubric_session_get_id (other));

  /* Saved and loaded: the same id, and a change does not touch it. */
  rubric_session_set_candidate_name (session, "Ada Lovelace");
  saved = to_text (session);
  member = g_strdup_printf ("\"id\" : \"%s\"", id);
  g_assert_nonnull (strstr (saved, member));
  loaded = load_text (saved, kit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_session_get_id (loaded), ==, id);
  rubric_session_set_candidate_name (loaded, "Grace Hopper");
  g_assert_cmpstr (rubric_session_get_id (loaded), ==, id);

  /* A file from before ids, with "created": its id comes from it and the
   * kit, at every load, and the next save writes it. */
  g_assert_null (strstr (old_text, "\"id\" : \"2026"));
  old_first = load_text (old_text, kit, &error);
  g_assert_no_error (error);
  old_again = load_text (old_text, kit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_session_get_id (old_first), ==, "2026-11-27T09:00:00Z:example");
  g_assert_cmpstr (rubric_session_get_id (old_again), ==, rubric_session_get_id (old_first));
  old_saved = to_text (old_first);
  old_member = g_strdup_printf ("\"id\" : \"%s\"", rubric_session_get_id (old_first));
  g_assert_nonnull (strstr (old_saved, old_member));

  /* Without "created" either: from the contents, the same for the same file. */
  bare_first = load_text (SESSION_HEAD_BARE "}", NULL, &error);
  g_assert_no_error (error);
  bare_again = load_text (SESSION_HEAD_BARE "}", NULL, &error);
  g_assert_no_error (error);
  bare_other = load_text (SESSION_HEAD_BARE ", \"summary\": \"Another one.\"}", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_session_get_id (bare_first), ==, rubric_session_get_id (bare_again));
  g_assert_cmpstr (rubric_session_get_id (bare_first), !=, rubric_session_get_id (bare_other));
}

static void
test_early_years (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricSession) again = NULL;
  g_autofree char *saved = NULL;

  /* Year 422 must come back as 0422, or the file would not load again. */
  session = load_text (SESSION_HEAD_EARLY, NULL, &error);
  g_assert_no_error (error);
  saved = to_text (session);
  g_assert_nonnull (strstr (saved, "\"created\" : \"0422-11-27T10:15:30Z\""));
  again = load_text (saved, NULL, &error);
  g_assert_no_error (error);
}

static void
test_newer_version (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  const char *text = "{\"format\": \"rubric-session\", \"version\": 2, \"kit\": {\"id\": \"example\"}, \"x-new\": 1}";

  session = load_text (text, kit, &error);
  g_assert_no_error (error);
  g_assert_true (rubric_session_get_read_only (session));
  g_assert_nonnull (strstr (rubric_session_get_warnings (session)[0], "newer version of Rubric"));

  /* Saving it is refused, and the file stays as it was. */
  dir = g_dir_make_tmp ("rubric-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "newer.rubric.json", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  g_assert_false (rubric_session_save (session, file, NULL, &error));
  g_assert_error (error, RUBRIC_SESSION_ERROR, RUBRIC_SESSION_ERROR_READ_ONLY);
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, text);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unknown_question (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  const char * const *warnings;

  session = load_text ("{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {\"id\": \"example\"},"
                       " \"answers\": {\"http.gone\": {\"rating\": 2, \"notes\": \"kept\"}}}",
                       kit, &error);
  g_assert_no_error (error);

  warnings = rubric_session_get_warnings (session);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 1);
  g_assert_true (g_str_has_prefix (warnings[0], "$.answers[\"http.gone\"]: "));

  /* Kept, and saved again. */
  g_assert_nonnull (rubric_session_get_warnings (session));
  g_assert_cmpstr (rubric_answer_get_notes (rubric_session_lookup_answer (session, "http.gone")), ==, "kept");
}

/* A session held with the first edition of the bundled kit opens against
 * the second: answers to the questions it replaced keep their stored
 * prompts and ratings, are named in the warnings, and are saved again. */
static void
test_first_edition_session (void)
{
  static const char * const replaced[] = {
    "relationships.field-types", "relationships.m2m-queries", "queries.debug-toolbar",
  };
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autofree char *text = read_test_text ("../export-text/interview.rubric.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = load_text (text, kit, &error);
  g_autoptr(RubricSession) again = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  warnings = g_strjoinv ("\n", (GStrv) rubric_session_get_warnings (session));
  saved = to_text (session);
  again = load_text (saved, kit, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (replaced); i++)
    {
      RubricAnswer *answer = rubric_session_lookup_answer (session, replaced[i]);
      RubricAnswer *reloaded = rubric_session_lookup_answer (again, replaced[i]);

      g_assert_null (rubric_kit_lookup_question (kit, replaced[i]));
      g_assert_nonnull (strstr (warnings, replaced[i]));
      g_assert_nonnull (answer);
      g_assert_cmpuint (strlen (rubric_answer_get_prompt (answer)), >, 0);
      g_assert_cmpint (rubric_answer_get_rating (answer), >=, RUBRIC_RATING_MIN);
      g_assert_cmpstr (rubric_answer_get_prompt (reloaded), ==, rubric_answer_get_prompt (answer));
      g_assert_cmpint (rubric_answer_get_rating (reloaded), ==, rubric_answer_get_rating (answer));
    }
  /* The questions that stayed are answered as before. */
  g_assert_nonnull (rubric_kit_lookup_question (kit, "migrations.deploy"));
  g_assert_cmpint (rubric_answer_get_rating (rubric_session_lookup_answer (session, "migrations.deploy")), ==, 4);
}

/* A session merged from many kits: every answer is kept, in file order,
 * but only the first ten unknown ones are named, and one warning counts
 * the rest (the window shows each warning). */
static void
test_many_unknown_questions (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(GString) text = g_string_new ("{\"format\": \"rubric-session\", \"version\": 1,"
                                          " \"kit\": {\"id\": \"example\"}, \"answers\": {"
                                          "\"http.main\": {\"rating\": 4}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricAnswer) last = NULL;
  const char * const *warnings;
  GListModel *answers;
  guint changed = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, ", \"merged-%u.q\": {\"rating\": %u}", i, i % 5 + 1);
  g_string_append (text, "}}");

  session = load_text (text->str, kit, &error);
  g_assert_no_error (error);

  warnings = rubric_session_get_warnings (session);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 11);
  g_assert_cmpstr (warnings[0], ==, "$.answers[\"merged-0.q\"]: The kit has no question “merged-0.q”; its answer is kept");
  g_assert_true (g_str_has_prefix (warnings[9], "$.answers[\"merged-9.q\"]: "));
  g_assert_cmpstr (warnings[10], ==, "$.answers: 2990 more answers are to questions the kit does not have; they are kept");

  answers = rubric_session_get_answers (session);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 3001);
  last = g_list_model_get_item (answers, 3000);
  g_assert_cmpstr (rubric_answer_get_question_id (last), ==, "merged-2999.q");
  g_assert_true (rubric_session_lookup_answer (session, "merged-2999.q") == last);

  /* A change to a loaded answer is a change to the session. */
  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  rubric_answer_set_notes (last, "Seen");
  g_assert_cmpuint (changed, ==, 1);

  /* An answer outlives its session without telling it anything. */
  g_clear_object (&session);
  rubric_answer_set_rating (last, 1);
  g_assert_cmpint (rubric_answer_get_rating (last), ==, 1);
}

/* One answer more than the warnings name: the count is singular. */
static void
test_eleven_unknown_questions (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(GString) text = g_string_new ("{\"format\": \"rubric-session\", \"version\": 1,"
                                          " \"kit\": {\"id\": \"example\"}, \"answers\": {");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  const char * const *warnings;

  for (guint i = 0; i < 11; i++)
    g_string_append_printf (text, "%s\"gone.q%u\": {}", i ? ", " : "", i);
  g_string_append (text, "}}");

  session = load_text (text->str, kit, &error);
  g_assert_no_error (error);
  warnings = rubric_session_get_warnings (session);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 11);
  g_assert_cmpstr (warnings[10], ==, "$.answers: 1 more answer is to a question the kit does not have; it is kept");
}

typedef struct
{
  const char *name;
  const char *text;
  RubricSessionError code;
  const char *message;
} BrokenSession;

#define SESSION_HEAD "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {\"id\": \"example\"}, "

static const BrokenSession broken_sessions[] = {
  { "rating-high", SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": 6}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].rating: 6 is out of range (1–5)" },
  { "rating-zero", SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": 0}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].rating: 0 is out of range (1–5)" },
  { "rating-string", SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": \"4\"}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].rating: Expected a whole number, found a string" },
  { "rating-fraction", SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": 3.5}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].rating: Expected a whole number, found a number" },
  { "skipped-type", SESSION_HEAD "\"answers\": {\"http.main\": {\"skipped\": \"yes\"}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].skipped: Expected true or false, found a string" },
  { "notes-type", SESSION_HEAD "\"answers\": {\"http.main\": {\"notes\": [\"a\"]}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].notes: Expected a string, found an array" },
  { "elapsed-negative", SESSION_HEAD "\"answers\": {\"http.main\": {\"elapsed_s\": -1}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].elapsed_s: -1 is out of range" },
  { "asked-at-zone", SESSION_HEAD "\"answers\": {\"http.main\": {\"asked_at\": \"2026-11-27T09:00:00\"}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].asked_at: “2026-11-27T09:00:00” is not a date and time" },
  { "answer-id", SESSION_HEAD "\"answers\": {\"Main Question\": {}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"Main Question\"]: “Main Question” is not a valid question id" },
  { "answers-type", SESSION_HEAD "\"answers\": []}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers: Expected an object, found an array" },
  { "answer-type", SESSION_HEAD "\"answers\": {\"http.main\": 4}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"]: Expected an object, found a number" },
  { "date", SESSION_HEAD "\"candidate\": {\"date\": \"27/11/2026\"}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.candidate.date: “27/11/2026” is not a date" },
  { "name-type", SESSION_HEAD "\"candidate\": {\"name\": null}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.candidate.name: Expected a string, found null" },
  { "recommendation", SESSION_HEAD "\"recommendation\": \"maybe\"}",
    RUBRIC_SESSION_ERROR_INVALID, "$.recommendation: “maybe” is not a recommendation" },
  { "id-type", SESSION_HEAD "\"id\": 7}",
    RUBRIC_SESSION_ERROR_INVALID, "$.id: Expected a string, found a number" },
  { "id-empty", SESSION_HEAD "\"id\": \"\"}",
    RUBRIC_SESSION_ERROR_INVALID, "$.id: The text is empty" },
  { "topic-notes", SESSION_HEAD "\"topic_notes\": {\"http\": 1}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.topic_notes.http: Expected a string, found a number" },
  { "strengths-type", SESSION_HEAD "\"strengths\": \"Fast\"}",
    RUBRIC_SESSION_ERROR_INVALID, "$.strengths: Expected an array, found a string" },
  { "strengths-item-type", SESSION_HEAD "\"strengths\": [\"Fast\", 3]}",
    RUBRIC_SESSION_ERROR_INVALID, "$.strengths[1]: Expected a string, found a number" },
  { "strengths-null", SESSION_HEAD "\"strengths\": null}",
    RUBRIC_SESSION_ERROR_INVALID, "$.strengths: Expected an array, found null" },
  { "concerns-blank", SESSION_HEAD "\"concerns\": [\"Late\", \"  \"]}",
    RUBRIC_SESSION_ERROR_INVALID, "$.concerns[1]: The text is empty" },
  { "concerns-two-lines", SESSION_HEAD "\"concerns\": [\"Late\", \"Vague\\non CSRF\"]}",
    RUBRIC_SESSION_ERROR_INVALID, "$.concerns[1]: An item must be one line" },
  { "concerns-separator", SESSION_HEAD "\"concerns\": [\"Vague\u2028on CSRF\"]}",
    RUBRIC_SESSION_ERROR_INVALID, "$.concerns[0]: An item must be one line" },
  { "created", SESSION_HEAD "\"created\": \"tuesday\"}",
    RUBRIC_SESSION_ERROR_INVALID, "$.created: “tuesday” is not a date and time" },
  { "no-kit", "{\"format\": \"rubric-session\", \"version\": 1}",
    RUBRIC_SESSION_ERROR_INVALID, "$: The member “kit” is missing" },
  { "kit-sha", "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {\"id\": \"example\", \"sha256\": \"ABC\"}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.kit.sha256: Expected 64 lowercase hexadecimal digits" },
  { "format", "{\"format\": \"rubric-kit\", \"version\": 1}",
    RUBRIC_SESSION_ERROR_INVALID, "$.format: This is not an interview session" },
  { "version-type", "{\"format\": \"rubric-session\", \"version\": \"1\"}",
    RUBRIC_SESSION_ERROR_INVALID, "$.version: Expected a whole number, found a string" },
  { "huge-number", SESSION_HEAD "\"x-kept\": {\"n\": [1, 1e999]}}",
    RUBRIC_SESSION_ERROR_INVALID, "$[\"x-kept\"].n[1]: The number is too large" },
  { "not-object", "[]", RUBRIC_SESSION_ERROR_INVALID, "$: Expected an object, found an array" },
  { "seal-hash", SESSION_HEAD "\"seal\": {\"algorithm\": \"sha256-canonical-1\", \"sealed_at\": \"2026-12-06T10:00:00Z\"}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.seal: The member “hash” is missing" },
  { "seal-date", SESSION_HEAD "\"seal\": {\"algorithm\": \"sha256-canonical-1\", \"hash\": \"ab\", \"sealed_at\": \"Tuesday\"}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.seal.sealed_at: “Tuesday” is not a date and time" },
  { "seal-history", SESSION_HEAD "\"seal_history\": [1]}",
    RUBRIC_SESSION_ERROR_INVALID, "$.seal_history[0]: Expected an object, found a number" },
  { "tick-kind", SESSION_HEAD "\"answers\": {\"http.main\": {\"ticks\": [{\"kind\": \"point\", \"point\": 0, \"offset_s\": 1}]}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].ticks[0].kind: “point” is not a kind of tick" },
  { "tick-twice", SESSION_HEAD "\"answers\": {\"http.main\": {\"ticks\": [{\"kind\": \"red_flag\", \"point\": 0, \"offset_s\": 1}, "
    "{\"kind\": \"red_flag\", \"point\": 0, \"offset_s\": 9}]}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].ticks[1].point: This point is ticked twice" },
  { "tick-point", SESSION_HEAD "\"answers\": {\"http.main\": {\"ticks\": [{\"kind\": \"key_point\", \"point\": 100, \"offset_s\": 1}]}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].ticks[0].point: 100 is out of range" },
  { "tick-offset", SESSION_HEAD "\"answers\": {\"http.main\": {\"ticks\": [{\"kind\": \"key_point\", \"point\": 0}]}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].ticks[0]: The member “offset_s” is missing" },
  { "tick-note", SESSION_HEAD "\"answers\": {\"http.main\": {\"ticks\": [{\"kind\": \"key_point\", \"point\": 0, \"offset_s\": 1, \"note\": \"a\\nb\"}]}}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.answers[\"http.main\"].ticks[0].note: An item must be one line" },
  { "plan-slot", SESSION_HEAD "\"plan\": {\"id\": \"p\", \"name\": \"P\", \"kit\": \"example\", \"slot_minutes\": 0, \"topics\": []}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.plan.slot_minutes: 0 is out of range" },
  { "plan-question-twice", SESSION_HEAD "\"plan\": {\"id\": \"p\", \"name\": \"P\", \"kit\": \"example\", \"slot_minutes\": 30, "
    "\"topics\": [{\"id\": \"http\", \"questions\": [\"http.main\", \"http.main\"]}]}}",
    RUBRIC_SESSION_ERROR_INVALID, "$.plan.topics[0].questions[1]: The question “http.main” is in the plan twice" },
  { "syntax", "{\n  \"format\": \"rubric-session\",\n  \"version\": 1,\n}",
    RUBRIC_SESSION_ERROR_SYNTAX, "3:15: JSON allows no comma after the last item" },
  { "not-utf8", "{\"format\": \"rubric-session\", \"x\": \"\xff\"}",
    RUBRIC_SESSION_ERROR_NOT_UTF8, "1:36: The file is not UTF-8 text" },
  /* What json-glib would change without a word, and saving make final:
   * the first rating dropped, a note cut at \u0000, a time capped. */
  { "duplicate-rating", SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": 2, \"notes\": \"x\", \"rating\": 5}}}",
    RUBRIC_SESSION_ERROR_SYNTAX, "1:123: The key “rating” appears twice in the same object" },
  { "duplicate-answer", SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": 4}, \"http.m\\u0061in\": {}}}",
    RUBRIC_SESSION_ERROR_SYNTAX, "1:110: The key “http.main” appears twice in the same object" },
  { "nul-notes", SESSION_HEAD "\"answers\": {\"http.main\": {\"notes\": \"Weak\\u0000HIDDEN\"}}}",
    RUBRIC_SESSION_ERROR_SYNTAX, "1:110: A string contains “\\u0000”, the null character, which Rubric cannot keep" },
  { "elapsed-huge", SESSION_HEAD "\"answers\": {\"http.main\": {\"elapsed_s\": 99999999999999999999}}}",
    RUBRIC_SESSION_ERROR_SYNTAX, "1:109: The whole number is out of range (-9223372036854775808 to 9223372036854775807)" },
};

/* A session run with a plan, holding ticks: the plan and every tick, note
 * and time come back as they were, and the plan's hash is its own. */
static void
test_plan_and_ticks (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *text = read_test_text ("planned.rubric.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricSession) again = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  RubricAnswer *answer;
  RubricTickKind kind;
  const char *note;
  gint64 offset;
  guint point;

  /* The hash the file stores is the plan's own. */
  plan = rubric_plan_new ("example-30", "Half-hour round", "example", 30);
  rubric_plan_set_notes (plan, "Start with HTTP.");
  rubric_plan_add_topic (plan, "http", (const char *[]) { "http.main", NULL });
  hash = rubric_plan_dup_hash (plan);
  g_assert_nonnull (strstr (text, hash));

  session = load_text (text, kit, &error);
  g_assert_no_error (error);
  g_assert_null (rubric_session_get_warnings (session)[0]);

  g_assert_nonnull (rubric_session_get_plan (session));
  g_assert_cmpstr (rubric_plan_get_name (rubric_session_get_plan (session)), ==, "Half-hour round");
  g_assert_cmpuint (rubric_plan_get_slot_minutes (rubric_session_get_plan (session)), ==, 30);
  g_assert_cmpstr (rubric_session_get_plan_hash (session), ==, hash);
  g_assert_true (rubric_session_is_planned (session, "http.main"));
  g_assert_false (rubric_session_is_planned (session, "http.status"));

  answer = rubric_session_lookup_answer (session, "http.main");
  g_assert_cmpuint (rubric_answer_get_n_ticks (answer), ==, 2);
  rubric_answer_get_tick (answer, 1, &kind, &point, &offset, &note);
  g_assert_cmpint (kind, ==, RUBRIC_TICK_RED_FLAG);
  g_assert_cmpuint (point, ==, 1);
  g_assert_cmpint (offset, ==, 301);
  g_assert_cmpstr (note, ==, "");
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 0));
  g_assert_false (rubric_answer_get_ticked (answer, RUBRIC_TICK_RED_FLAG, 0));
  g_assert_cmpint (rubric_answer_get_tick_offset (answer, RUBRIC_TICK_KEY_POINT, 0), ==, 95);
  g_assert_cmpint (rubric_answer_get_tick_offset (answer, RUBRIC_TICK_KEY_POINT, 1), ==, -1);
  g_assert_cmpstr (rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, 0), ==, "named the resolver cache");
  g_assert_null (rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, 1));
  g_assert_cmpuint (rubric_answer_get_n_ticks (rubric_session_lookup_answer (session, "http.status")), ==, 0);

  /* Saved as read, and again the same */
  saved = to_text (session);
  g_assert_cmpstr (saved, ==, text);
  again = load_text (saved, kit, &error);
  g_assert_no_error (error);
  saved_again = to_text (again);
  g_assert_cmpstr (saved_again, ==, saved);
}

/* Ticking, noting and unticking are changes the session hears once each. */
static void
test_ticks_change (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestion *question = rubric_kit_lookup_question (kit, "http.main");
  RubricAnswer *answer = rubric_session_ensure_answer (session, question);
  guint changes = 0;
  guint notifies = 0;
  g_autofree char *text = NULL;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changes);
  g_signal_connect (answer, "notify::n-ticks", G_CALLBACK (count_notify_cb), &notifies);

  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, 61);
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, TRUE, 99);   /* already: nothing */
  g_assert_cmpint (rubric_answer_get_tick_offset (answer, RUBRIC_TICK_KEY_POINT, 0), ==, 61);
  g_assert_cmpuint (changes, ==, 1);

  rubric_answer_set_tick_note (answer, RUBRIC_TICK_KEY_POINT, 0, "  said select_for_update\nbut not skip_locked ");
  g_assert_cmpstr (rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, 0), ==,
                   "said select_for_update but not skip_locked");
  rubric_answer_set_tick_note (answer, RUBRIC_TICK_KEY_POINT, 0, "said select_for_update but not skip_locked");
  g_assert_cmpuint (changes, ==, 2);

  rubric_answer_set_ticked (answer, RUBRIC_TICK_RED_FLAG, 0, TRUE, 70);
  text = to_text (session);
  g_assert_nonnull (strstr (text, "\"kind\" : \"red_flag\""));
  g_assert_nonnull (strstr (text, "\"note\" : \"said select_for_update but not skip_locked\""));

  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 0, FALSE, 0);
  g_assert_null (rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, 0));
  g_assert_cmpuint (rubric_answer_get_n_ticks (answer), ==, 1);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (notifies, ==, 4);
}

/* A plan set on a session is the session's own copy; a hand-edited plan in
 * a file loads with a warning. */
static void
test_plan_copy_and_edit (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricSession) edited = NULL;
  g_autoptr(RubricPlan) plan = rubric_plan_new ("p", "Round", "example", 45);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hand_edited = NULL;
  guint changes = 0;

  rubric_plan_add_topic (plan, "http", (const char *[]) { "http.main", "http.status", NULL });
  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changes);
  rubric_session_set_plan (session, plan);
  rubric_session_set_plan (session, plan);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (rubric_session_get_plan (session) != plan);

  rubric_plan_set_slot_minutes (plan, 90);
  g_assert_cmpuint (rubric_plan_get_slot_minutes (rubric_session_get_plan (session)), ==, 45);

  text = to_text (session);
  g_assert_nonnull (strstr (text, "\"slot_minutes\" : 45"));
  {
    g_auto(GStrv) halves = g_strsplit (text, "\"slot_minutes\" : 45", 2);

    hand_edited = g_strjoinv ("\"slot_minutes\" : 30", halves);
  }
  edited = load_text (hand_edited, kit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_session_get_warnings (edited)[0], ==,
                   "The plan “Round” stored in this session was changed after the interview");

  /* A plan naming what the kit does not have loads, with a warning */
  {
    g_autoptr(RubricSession) other = NULL;
    g_auto(GStrv) halves = g_strsplit (text, "\"http.status\"", 2);
    g_autofree char *renamed = g_strjoinv ("\"http.gone\"", halves);

    other = load_text (renamed, kit, &error);
    g_assert_no_error (error);
    g_assert_nonnull (rubric_session_get_warnings (other)[0]);
    g_assert_nonnull (strstr (rubric_session_get_warnings (other)[0], "http.gone"));
  }

  rubric_session_set_plan (session, NULL);
  g_assert_null (rubric_session_get_plan (session));
  g_assert_null (rubric_session_get_plan_hash (session));
  g_assert_true (rubric_session_is_planned (session, "http.status"));
  g_assert_cmpuint (changes, ==, 2);
}

/* Rubric's canonical form and hash are those tests/seal-reference.py, a
 * separate implementation of docs/seal.md, works out. */
static void
test_seal_vectors (gconstpointer data)
{
  const char *name = data;
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *session_name = g_strdup_printf ("%s.rubric.json", name);
  g_autofree char *vector_name = g_strdup_printf ("%s.seal", name);
  g_autofree char *text = read_test_text (session_name);
  g_autofree char *vector = read_test_text (vector_name);
  g_auto(GStrv) lines = g_strsplit (vector, "\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = load_text (text, kit, &error);
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;

  g_assert_no_error (error);
  canonical = rubric_seal_dup_canonical (session);
  hash = rubric_seal_dup_hash (session);
  g_assert_cmpstr (canonical, ==, lines[0]);
  g_assert_cmpstr (hash, ==, lines[1]);
}

/* Sealing freezes what is scored; any change to it, by Rubric or by hand,
 * breaks the seal and says where; unsealing keeps the old seal. */
static void
test_seal (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *text = read_test_text ("planned.rubric.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = load_text (text, kit, &error);
  g_autoptr(RubricSession) reloaded = NULL;
  g_autoptr(RubricSession) edited = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *hand_edited = NULL;
  g_autofree char *mismatch = NULL;
  guint changes = 0;
  RubricAnswer *answer;

  g_assert_no_error (error);
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_NONE);
  g_assert_null (rubric_session_get_edited_after_seal (session));
  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changes);

  rubric_session_seal (session);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_VALID);
  g_assert_nonnull (rubric_session_get_sealed_at (session));
  g_assert_null (rubric_session_dup_seal_mismatch (session));

  /* Time passing and private notes are not scored */
  answer = rubric_session_lookup_answer (session, "http.main");
  rubric_session_add_time (session, rubric_kit_lookup_question (kit, "http.main"), 30);
  rubric_session_set_private_notes (session, "Ask again about caching");
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_VALID);

  /* Saved and loaded: still sealed, still valid */
  saved = to_text (session);
  g_assert_nonnull (strstr (saved, "\"seal\" : {"));
  g_assert_nonnull (strstr (saved, "\"algorithm\" : \"" RUBRIC_SEAL_ALGORITHM "\""));
  reloaded = load_text (saved, kit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rubric_session_get_seal_state (reloaded), ==, RUBRIC_SEAL_VALID);

  /* A rating changed by hand: the seal no longer matches, and says where */
  {
    g_auto(GStrv) halves = g_strsplit (saved, "\"rating\" : 4", 2);

    hand_edited = g_strjoinv ("\"rating\" : 5", halves);
  }
  edited = load_text (hand_edited, kit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rubric_session_get_seal_state (edited), ==, RUBRIC_SEAL_BROKEN);
  mismatch = rubric_session_dup_seal_mismatch (edited);
  g_assert_cmpstr (mismatch, ==, "$.answers[\"http.main\"]");
  g_assert_true (rubric_session_get_edited_after_seal (edited) == rubric_session_get_sealed_at (edited));

  /* The summary changed in Rubric (which would not let it, sealed) */
  rubric_session_set_summary (session, "Changed");
  g_clear_pointer (&mismatch, g_free);
  mismatch = rubric_session_dup_seal_mismatch (session);
  g_assert_cmpstr (mismatch, ==, "$.summary");
  rubric_session_set_summary (session, "");
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_VALID);

  /* Unsealed to edit: the seal goes into the history */
  rubric_session_unseal (session);
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_NONE);
  g_assert_cmpuint (rubric_session_get_n_seal_history (session), ==, 1);
  g_assert_nonnull (rubric_session_get_edited_after_seal (session));
  rubric_answer_set_rating (answer, 2);
  g_clear_pointer (&saved, g_free);
  saved = to_text (session);
  g_assert_nonnull (strstr (saved, "\"seal_history\" : ["));
  g_assert_nonnull (strstr (saved, "\"unsealed_at\""));
  g_assert_null (strstr (saved, "\"seal\" : {"));
  g_clear_object (&reloaded);
  reloaded = load_text (saved, kit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rubric_session_get_n_seal_history (reloaded), ==, 1);
  g_assert_nonnull (rubric_session_get_edited_after_seal (reloaded));
  g_assert_cmpuint (changes, ==, 6);
}

static void
test_broken_session (gconstpointer data)
{
  const BrokenSession *broken = data;
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;

  session = load_text (broken->text, kit, &error);
  g_assert_null (session);
  g_assert_error (error, RUBRIC_SESSION_ERROR, (int) broken->code);
  if (!g_str_has_prefix (error->message, broken->message))
    g_error ("“%s” does not start with “%s”", error->message, broken->message);
}

static void
test_truncated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "truncated.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;

  session = rubric_session_new_from_file (file, NULL, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, RUBRIC_SESSION_ERROR, RUBRIC_SESSION_ERROR_SYNTAX);
  /* The string that never ends runs to the end of the file. */
  g_assert_true (g_str_has_prefix (error->message, "11:1: "));
}

/* ------------------------------------------------------------------ saving */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rubric-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_save_sync (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;

  rubric_session_set_summary (session, "Saved synchronously");
  g_assert_true (rubric_session_save (session, file, NULL, &error));
  g_assert_no_error (error);

  expected = to_text (session);
  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);

  g_unlink (path);
  g_rmdir (dir);
}

static void
save_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;
  gboolean saved = rubric_session_save_finish (RUBRIC_SESSION (object), result, NULL, error);

  g_assert_true (saved == (*error == NULL));
  g_main_context_wakeup (NULL);
  g_object_set_data (object, "done", GINT_TO_POINTER (1));
}

static gboolean
save_and_wait (RubricSession  *session,
               GFile          *file,
               GError        **error)
{
  rubric_session_save_async (session, file, RUBRIC_FILE_WRITE_NONE, NULL, NULL, save_async_cb, error);
  while (g_object_get_data (G_OBJECT (session), "done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_set_data (G_OBJECT (session), "done", NULL);

  return *error == NULL;
}

static void
test_save_async (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(RubricSession) loaded = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "b.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  rubric_session_set_candidate_name (session, "Async");
  g_assert_true (save_and_wait (session, file, &error));

  loaded = rubric_session_new_from_file (file, kit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_session_get_candidate_name (loaded), ==, "Async");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_failed_save_keeps_file (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "c.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  rubric_session_set_candidate_name (session, "First");
  g_assert_true (rubric_session_save (session, file, NULL, &error));
  g_file_get_contents (path, &before, &before_length, NULL);

  if (geteuid () == 0)
    {
      g_test_skip ("root can write into a read-only folder");
      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  /* The folder cannot be written: the replacement cannot be made, and the
   * old file is left byte for byte as it was. */
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  rubric_session_set_candidate_name (session, "Second, never written");
  g_assert_false (save_and_wait (session, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (rubric_session_save (session, file, NULL, &error));
  g_assert_nonnull (error);

  g_file_get_contents (path, &after, &after_length, NULL);
  g_assert_cmpmem (before, before_length, after, after_length);

  g_chmod (dir, 0755);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_onto_folder (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (rubric_session_save (session, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_rmdir (dir);
}

static void
load_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RubricSession **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rubric_session_load_finish (result, NULL, &error);
  g_assert_no_error (error);
}

static void
test_no_warnings (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = NULL;

  /* A session with nothing to warn about still has a (empty) list. */
  session = load_text (SESSION_HEAD "\"answers\": {\"http.main\": {\"rating\": 3}}}", kit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rubric_session_get_warnings (session));
  g_assert_null (rubric_session_get_warnings (session)[0]);
}

static void
test_load_async (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "full.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricSession) session = NULL;

  rubric_session_load_async (file, kit, NULL, load_async_cb, &session);
  while (session == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (rubric_session_get_interviewer (session), ==, "Sam Lee");
}

/* ------------------------------------------------------------------ scores */

static const char *scoring_kit =
  "{\"format\": \"rubric-kit\", \"version\": 1, \"id\": \"scores\", \"title\": \"Scores\","
  " \"description\": \"Weights\", \"language\": \"en\", \"topics\": ["
  "  {\"id\": \"a\", \"title\": \"A\", \"summary\": \"A\", \"weight\": 1, \"questions\": ["
  "    {\"id\": \"a1\", \"kind\": \"main\", \"prompt\": \"?\", \"expected\": \"!\", \"key_points\": [\"k\"]},"
  "    {\"id\": \"a2\", \"kind\": \"follow-up\", \"prompt\": \"?\", \"expected\": \"!\", \"key_points\": [\"k\"]},"
  "    {\"id\": \"a3\", \"kind\": \"follow-up\", \"prompt\": \"?\", \"expected\": \"!\", \"key_points\": [\"k\"]}]},"
  "  {\"id\": \"b\", \"title\": \"B\", \"summary\": \"B\", \"weight\": 3, \"questions\": ["
  "    {\"id\": \"b1\", \"kind\": \"main\", \"prompt\": \"?\", \"expected\": \"!\", \"key_points\": [\"k\"]},"
  "    {\"id\": \"b2\", \"kind\": \"follow-up\", \"prompt\": \"?\", \"expected\": \"!\", \"key_points\": [\"k\"]}]},"
  "  {\"id\": \"c\", \"title\": \"C\", \"summary\": \"C\", \"weight\": 5, \"questions\": ["
  "    {\"id\": \"c1\", \"kind\": \"main\", \"prompt\": \"?\", \"expected\": \"!\", \"key_points\": [\"k\"]}]}"
  "]}";

static void
rate (RubricSession *session,
      RubricKit     *kit,
      const char    *id,
      int            rating,
      gboolean       skipped)
{
  RubricAnswer *answer = rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, id));

  rubric_answer_set_rating (answer, rating);
  rubric_answer_set_skipped (answer, skipped);
}

static void
test_scores (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (scoring_kit, strlen (scoring_kit));
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = rubric_kit_new_from_bytes (bytes, &error);
  g_autoptr(RubricSession) session = NULL;
  RubricTopicScore score;
  double overall = -1;

  g_assert_no_error (error);
  session = rubric_session_new (kit);

  /* Nothing rated: no scores at all, everything not asked. */
  g_assert_false (rubric_scores_overall (session, kit, &overall));
  rubric_scores_for_topic (session, rubric_kit_lookup_topic (kit, "a"), &score);
  g_assert_false (score.has_score);
  g_assert_cmpuint (score.not_asked, ==, 3);

  rate (session, kit, "a1", 5, FALSE);
  rate (session, kit, "a2", 3, FALSE);
  rate (session, kit, "a3", 1, TRUE);   /* skipped: its rating counts for nothing */
  rate (session, kit, "b1", 2, FALSE);
  rate (session, kit, "b2", RUBRIC_RATING_NONE, FALSE);  /* opened, never rated */

  rubric_scores_for_topic (session, rubric_kit_lookup_topic (kit, "a"), &score);
  g_assert_true (score.has_score);
  g_assert_cmpfloat_with_epsilon (score.score, 4.0, 1e-9);
  g_assert_cmpuint (score.rated, ==, 2);
  g_assert_cmpuint (score.skipped, ==, 1);
  g_assert_cmpuint (score.not_asked, ==, 0);

  rubric_scores_for_topic (session, rubric_kit_lookup_topic (kit, "b"), &score);
  g_assert_cmpfloat_with_epsilon (score.score, 2.0, 1e-9);
  g_assert_cmpuint (score.rated, ==, 1);
  g_assert_cmpuint (score.not_asked, ==, 1);

  /* Topic c (weight 5) is unrated and does not pull the mean down:
   * (4 × 1 + 2 × 3) / (1 + 3) = 2.5 */
  g_assert_true (rubric_scores_overall (session, kit, &overall));
  g_assert_cmpfloat_with_epsilon (overall, 2.5, 1e-9);

  rate (session, kit, "c1", 5, FALSE);
  g_assert_true (rubric_scores_overall (session, kit, &overall));
  g_assert_cmpfloat_with_epsilon (overall, (4.0 + 6.0 + 25.0) / 9.0, 1e-9);

  g_assert_cmpstr (rubric_rating_get_label (1), ==, "No grasp");
  g_assert_cmpstr (rubric_rating_get_label (3), ==, "Working knowledge");
  g_assert_cmpstr (rubric_rating_get_label (5), ==, "Expert");
  g_assert_cmpstr (rubric_rating_get_label (0), ==, "Not rated");
}


static void
test_edit_notes (void)
{
  g_autoptr(RubricKit) kit = load_minimal_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricAnswer *answer = rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, "http.main"));
  guint notified = 0;

  g_signal_connect (answer, "notify::notes", G_CALLBACK (count_notify_cb), &notified);

  /* Edits as a text field reports them: offsets in characters. */
  rubric_answer_edit_notes (answer, 0, 0, "Good");
  rubric_answer_edit_notes (answer, 4, 4, " on N+1");
  rubric_answer_edit_notes (answer, 0, 0, "Très ");
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Très Good on N+1");
  rubric_answer_edit_notes (answer, 5, 9, "bon");
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Très bon on N+1");
  rubric_answer_edit_notes (answer, 3, 4, NULL);
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Trè bon on N+1");
  rubric_answer_edit_notes (answer, 14, 14, " ✓");
  g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Trè bon on N+1 ✓");
  g_assert_cmpuint (notified, ==, 6);

  /* Nothing to do is not a change. */
  rubric_answer_edit_notes (answer, 2, 2, "");
  g_assert_cmpuint (notified, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/new", test_new_session);
  g_test_add_func ("/session/changes-notify", test_changes_notify);
  g_test_add_func ("/session/load-full", test_load_full);
  g_test_add_func ("/session/round-trip", test_round_trip);
  g_test_add_func ("/session/round-trip-new", test_round_trip_new);
  g_test_add_func ("/session/id", test_id);
  g_test_add_func ("/session/round-trip-before-lists", test_round_trip_before_lists);
  g_test_add_func ("/session/lists-change", test_lists_change);
  g_test_add_func ("/session/early-years", test_early_years);
  g_test_add_func ("/session/newer-version", test_newer_version);
  g_test_add_func ("/session/unknown-question", test_unknown_question);
  g_test_add_func ("/session/first-edition", test_first_edition_session);
  g_test_add_func ("/session/many-unknown-questions", test_many_unknown_questions);
  g_test_add_func ("/session/eleven-unknown-questions", test_eleven_unknown_questions);
  g_test_add_func ("/session/truncated", test_truncated);
  g_test_add_func ("/session/save-sync", test_save_sync);
  g_test_add_func ("/session/save-async", test_save_async);
  g_test_add_func ("/session/edit-notes", test_edit_notes);
  g_test_add_func ("/session/failed-save-keeps-file", test_failed_save_keeps_file);
  g_test_add_func ("/session/save-onto-folder", test_save_onto_folder);
  g_test_add_func ("/session/load-async", test_load_async);
  g_test_add_func ("/session/no-warnings", test_no_warnings);
  g_test_add_func ("/session/scores", test_scores);
  g_test_add_func ("/session/plan-and-ticks", test_plan_and_ticks);
  g_test_add_func ("/session/ticks-change", test_ticks_change);
  g_test_add_func ("/session/plan-copy-and-edit", test_plan_copy_and_edit);
  g_test_add_data_func ("/session/seal-vectors/planned", "planned", test_seal_vectors);
  g_test_add_data_func ("/session/seal-vectors/full", "full", test_seal_vectors);
  g_test_add_func ("/session/seal", test_seal);
  for (guint i = 0; i < G_N_ELEMENTS (broken_sessions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/session/broken/%s", broken_sessions[i].name);

      g_test_add_data_func (path, &broken_sessions[i], test_broken_session);
    }

  return g_test_run ();
}
