/* test-export-flags.c — what each export leaves out, and what it adds when asked
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The private notes and the expected answers stay out of every format
 * unless asked for; anonymised, no format gives away the candidate or an
 * interviewer, not even by a first or a last name. CSV gets the columns
 * private_notes, expected_answer and key_points only when asked for.
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"

typedef struct
{
  RubricKit     *kit;
  RubricSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->kit = export_test_load_kit ();
  fixture->session = export_test_load_session ("interview.rubric.json", fixture->kit);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->kit);
}

/* Calls FUNC for each question of the kit. */
static void
foreach_question (RubricKit *kit,
                  void     (*func) (RubricQuestion *question, gpointer user_data),
                  gpointer   user_data)
{
  GListModel *topics = rubric_kit_get_topics (kit);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);

          func (question, user_data);
        }
    }
}

typedef struct
{
  RubricExportFormat  format;
  const char         *output;
  gboolean            present;
  RubricSession      *session;   /* set: only the questions asked have their answers */
} Check;

/* Whether QUESTION was asked: rated, skipped, or with notes or time. */
static gboolean
was_asked (RubricSession  *session,
           RubricQuestion *question)
{
  RubricAnswer *answer = rubric_session_lookup_answer (session, rubric_question_get_id (question));

  return answer != NULL && (rubric_answer_get_rating (answer) != RUBRIC_RATING_NONE ||
                            rubric_answer_get_skipped (answer) || rubric_answer_get_elapsed (answer) > 0 ||
                            *rubric_answer_get_notes (answer) != '\0');
}

static void
check_answer (RubricQuestion *question,
              gpointer        user_data)
{
  Check expected = *(Check *) user_data;
  Check *check = &expected;
  const char * const *points = rubric_question_get_key_points (question);

  if (check->session != NULL)
    check->present = was_asked (check->session, question);

  if (export_test_has_text (check->format, check->output, rubric_question_get_expected (question)) != check->present)
    g_error ("the %s export %s the expected answer of %s", export_test_format_name (check->format),
             check->present ? "lacks" : "has", rubric_question_get_id (question));
  for (guint i = 0; points[i] != NULL; i++)
    if (export_test_has_text (check->format, check->output, points[i]) != check->present)
      g_error ("the %s export %s the key point “%s” of %s", export_test_format_name (check->format),
               check->present ? "lacks" : "has", points[i], rubric_question_get_id (question));
}

static void
test_default (Fixture       *fixture,
              gconstpointer  data)
{
  const char *private_notes = rubric_session_get_private_notes (fixture->session);

  g_assert_cmpstr (private_notes, !=, "");

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *output = export_test_export (fixture->session, fixture->kit, format, RUBRIC_EXPORT_FLAGS_NONE);
      Check check = { format, output, FALSE };

      g_assert_false (export_test_has_text (format, output, private_notes));
      g_assert_null (strstr (output, "Private notes"));
      g_assert_null (strstr (output, "Expected answer"));
      g_assert_null (strstr (output, "Key points"));
      g_assert_null (strstr (output, "not for the candidate"));
      g_assert_null (strstr (output, "NOT FOR THE CANDIDATE"));
      foreach_question (fixture->kit, check_answer, &check);

      /* The names are there, unless anonymised. */
      if (format != RUBRIC_EXPORT_FORMAT_CSV)
        {
          export_test_assert_has_text (format, output, "Maria Kowalska");
          export_test_assert_has_text (format, output, "Sam Lee, Priya Raman");
        }
    }
}

static void
test_private (Fixture       *fixture,
              gconstpointer  data)
{
  const char *private_notes = rubric_session_get_private_notes (fixture->session);

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *output = export_test_export (fixture->session, fixture->kit, format,
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
      gboolean csv = format == RUBRIC_EXPORT_FORMAT_CSV;
      Check check = { format, output, FALSE };

      g_assert_true (export_test_has_text (format, output, private_notes));
      g_assert_nonnull (strstr (output, csv ? ",private_notes\r\n" : "Private notes"));
      if (format == RUBRIC_EXPORT_FORMAT_TEXT)
        g_assert_nonnull (strstr (output, "CONTAINS PRIVATE NOTES — NOT FOR THE CANDIDATE"));
      else if (!csv)
        export_test_assert_has_text (format, output, "Contains private notes — not for the candidate");
      foreach_question (fixture->kit, check_answer, &check);
    }
}

static void
test_answers (Fixture       *fixture,
              gconstpointer  data)
{
  const char *private_notes = rubric_session_get_private_notes (fixture->session);

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *output = export_test_export (fixture->session, fixture->kit, format,
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS);
      gboolean csv = format == RUBRIC_EXPORT_FORMAT_CSV;
      Check check = { format, output, TRUE, fixture->session };

      g_assert_false (export_test_has_text (format, output, private_notes));
      g_assert_nonnull (strstr (output, csv ? ",expected_answer,key_points\r\n" : "Expected answer"));
      g_assert_nonnull (strstr (output, csv ? "key_points" : "Key points"));
      if (format == RUBRIC_EXPORT_FORMAT_TEXT)
        g_assert_nonnull (strstr (output, "CONTAINS EXPECTED ANSWERS — NOT FOR THE CANDIDATE"));
      else if (!csv)
        g_assert_nonnull (strstr (output, "Contains expected answers — not for the candidate"));
      foreach_question (fixture->kit, check_answer, &check);
    }
}

/* No name, nor part of one, as a word, in any case. */
static void
assert_no_names (RubricExportFormat  format,
                 const char         *output)
{
  static const char * const names[] = { "Maria", "Kowalska", "Sam", "Lee", "Priya", "Raman", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", names[i]);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (regex, output, 0, &match))
        {
          gint start = 0;

          g_match_info_fetch_pos (match, 0, &start, NULL);
          g_error ("the anonymised %s export names “%s”: …%.60s…", export_test_format_name (format),
                   names[i], output + MAX (start - 20, 0));
        }
    }
}

static void
test_anonymize (Fixture       *fixture,
                gconstpointer  data)
{
  const RubricExportFlags flag_sets[] = {
    RUBRIC_EXPORT_FLAGS_ANONYMIZE,
    RUBRIC_EXPORT_FLAGS_ANONYMIZE | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS,
  };

  for (guint f = 0; f < G_N_ELEMENTS (flag_sets); f++)
    for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
      {
        RubricExportFormat format = export_test_formats[i];
        g_autofree char *output = export_test_export (fixture->session, fixture->kit, format, flag_sets[f]);

        assert_no_names (format, output);
        if (format != RUBRIC_EXPORT_FORMAT_CSV)
          {
            g_assert_true (g_regex_match_simple ("Candidate [0-9A-F]{4}", output, 0, 0));
            export_test_assert_has_text (format, output, "Interviewer A, Interviewer B");
          }
        /* The notes that named them are still there, with the aliases. */
        g_assert_true (g_regex_match_simple ("Candidate [0-9A-F]{4} said she has not had to invalidate",
                                             output, 0, 0) ||
                       format == RUBRIC_EXPORT_FORMAT_TEXT);
        export_test_assert_has_text (format, output, "Interviewer B moved on.");
      }
}


/* For a preview on a shared screen (safe mode), the key points heard and
 * the red flags ticked are the kit's answer too: each is named by its
 * number, in every format, whatever else is asked for. Without the
 * placeholders the same ticks are named by the kit's text. */
static void
test_placeholders (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RubricSession) session = export_test_load_session ("planned.rubric.json", fixture->kit);
  RubricAnswer *answer = rubric_session_lookup_answer (session, "migrations.deploy");
  RubricQuestion *question = rubric_kit_lookup_question (fixture->kit, "migrations.deploy");
  const char *heard = rubric_question_get_key_points (question)[0];
  const char *flagged = rubric_question_get_red_flags (question)[1];

  g_assert_nonnull (answer);
  g_assert_cmpuint (rubric_answer_get_n_ticks (answer), >=, 2);

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      RubricExportFormat format = export_test_formats[i];
      g_autofree char *shown = export_test_export (session, fixture->kit, format, RUBRIC_EXPORT_FLAGS_NONE);
      g_autofree char *hidden = export_test_export (session, fixture->kit, format,
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS |
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE |
                                                    RUBRIC_EXPORT_FLAGS_PLACEHOLDERS);

      g_assert_true (export_test_has_text (format, shown, heard));
      g_assert_true (export_test_has_text (format, shown, flagged));
      g_assert_false (export_test_has_text (format, hidden, heard));
      g_assert_false (export_test_has_text (format, hidden, flagged));
      g_assert_true (export_test_has_text (format, hidden, "Key point 1"));
      g_assert_true (export_test_has_text (format, hidden, "Red flag 2"));
    }
}

/* The suggested file name says when the export is not for the candidate. */
static void
test_filename (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *plain = rubric_export_suggest_filename (fixture->session, RUBRIC_EXPORT_FORMAT_PDF,
                                                           RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *private = rubric_export_suggest_filename (fixture->session, RUBRIC_EXPORT_FORMAT_PDF,
                                                             RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  g_autofree char *answers = rubric_export_suggest_filename (fixture->session, RUBRIC_EXPORT_FORMAT_MARKDOWN,
                                                             RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS);

  g_assert_null (strstr (plain, "internal"));
  g_assert_nonnull (strstr (private, "(internal)"));
  g_assert_nonnull (strstr (answers, "(internal)"));
}

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);

  g_test_add ("/export-text/flags/default", Fixture, NULL, fixture_set_up, test_default, fixture_tear_down);
  g_test_add ("/export-text/flags/private", Fixture, NULL, fixture_set_up, test_private, fixture_tear_down);
  g_test_add ("/export-text/flags/answers", Fixture, NULL, fixture_set_up, test_answers, fixture_tear_down);
  g_test_add ("/export-text/flags/anonymize", Fixture, NULL, fixture_set_up, test_anonymize, fixture_tear_down);

  g_test_add ("/export-text/flags/filename", Fixture, NULL, fixture_set_up, test_filename, fixture_tear_down);
  g_test_add ("/export-text/flags/placeholders", Fixture, NULL, fixture_set_up, test_placeholders, fixture_tear_down);

  return g_test_run ();
}
