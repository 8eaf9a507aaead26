/* test-export-anonymize.c — an anonymised summary names nobody, in any format
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * anonymize.rubric.json holds the leaks of issue 14: a candidate "José
 * Müller-Łukasz" written as Jose (decomposed), Mueller, Łukasz, Lukasz,
 * an email and a GitHub handle; a stored topic title and prompts
 * naming him; interviewers "Will May" (common words: "we will follow up in
 * May" must stay), "İlkay Yıldız" (ILKAY, Yildiz) and 王小明 ("王小明说",
 * no spaces); an employer. Every
 * text format, the summary's metadata and the suggested file name. (The
 * PDF, its metadata and bookmarks: tests/export-pdf.) The matcher case by
 * case: tests/test-anonymize.c.
 */

#include "config.h"

#include <string.h>

#include "rubric-anonymize.h"
#include "export-test-common.h"

#define SESSION_ID "5b0e7c1a-9f3d-4c2e-8a61-3d9e4f7b2c10"

static RubricKit *kit;

/* TEXT lowercased, without accents or marks, ł as l and ı as i: a name
 * must not be in it in any of its spellings. */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  g_autofree char *again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);

  for (const char *p = again; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0142)
        c = 'l';
      else if (c == 0x0131)
        c = 'i';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_names_nobody (const char *what,
                     const char *output)
{
  static const char * const names[] = {
    "jose", "muller", "mueller", "lukasz", "jmueller", "王小明", "小明",
    "ilkay", "yildiz", "will may", "example.com",
  };
  g_autofree char *folded = fold_for_search (output);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (folded, names[i]) != NULL)
      g_error ("%s holds “%s”:\n%s", what, names[i], output);
}

static void
test_formats (void)
{
  g_autoptr(RubricSession) session = export_test_load_session ("anonymize.rubric.json", kit);
  g_autofree char *alias = rubric_anonymize_candidate_alias (SESSION_ID);
  g_autofree char *topic = g_strdup_printf ("Questions from %s", alias);

  for (guint f = 0; f < G_N_ELEMENTS (export_test_formats); f++)
    {
      RubricExportFormat format = export_test_formats[f];
      const char *what = export_test_format_name (format);
      g_autofree char *output = export_test_export (session, kit, format,
                                                    RUBRIC_EXPORT_FLAGS_ANONYMIZE |
                                                    RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
      g_autofree char *plain = export_test_export (session, kit, format, RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);

      g_test_message ("%s", what);
      /* Without anonymising, the names are there: the check can fail. */
      g_assert_nonnull (strstr (plain, "Müller"));
      assert_names_nobody (what, output);

      /* The stored topic title (table, heading, CSV column) and prompts. */
      export_test_assert_has_text (format, output, topic);
      export_test_assert_has_text (format, output, "Ask Candidate ");
      export_test_assert_has_text (format, output, "Interviewer A");
      export_test_assert_has_text (format, output, "Interviewer B");
      export_test_assert_has_text (format, output, "Interviewer C说");
      /* Common words stay common words. */
      export_test_assert_has_text (format, output, "We will follow up in May.");
      /* A common-word part capitalised is replaced, as a precaution (in
       * the written summary, which the CSV has no column for). */
      if (format != RUBRIC_EXPORT_FORMAT_CSV)
        export_test_assert_has_text (format, output, "Interviewer A thinks so too.");
    }
}

static void
test_summary (void)
{
  g_autoptr(RubricSession) session = export_test_load_session ("anonymize.rubric.json", kit);
  g_autoptr(RubricSession) again = export_test_load_session ("anonymize.rubric.json", kit);
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE |
                                                                     RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  g_autoptr(RubricSummary) second = rubric_summary_new (again, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE);
  g_autoptr(RubricSummary) plain = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_NONE);
  g_autofree char *alias = rubric_anonymize_candidate_alias (SESSION_ID);
  const char *fields[] = { summary->title, summary->candidate, summary->role, summary->interviewer,
                           summary->kit_title, summary->summary, summary->private_notes };

  /* The alias comes from the stored id: the same at every export. */
  g_assert_cmpstr (summary->candidate, ==, alias);
  g_assert_cmpstr (second->candidate, ==, alias);
  g_assert_cmpstr (summary->interviewer, ==, "Interviewer A, Interviewer B, Interviewer C");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    assert_names_nobody ("a field of the summary", fields[i]);

  /* How many it replaced, and what stays that looks like a name. */
  g_assert_cmpuint (summary->n_replaced, >=, 15);
  g_assert_true (g_strv_contains ((const char * const *) summary->remaining, "May"));
  g_assert_true (g_strv_contains ((const char * const *) summary->remaining, "Okafor"));
  /* Not anonymised: nothing replaced, nothing listed. */
  g_assert_cmpuint (plain->n_replaced, ==, 0);
  g_assert_cmpuint (g_strv_length (plain->remaining), ==, 0);
}

/* The interviewers field, split at ",", ";", "&", "and" and new lines:
 * each name an alias of its own, "Interviewer 27" after the 26th, none of
 * the names left. */
static void
test_interviewers (void)
{
  g_autoptr(RubricSession) session = export_test_load_session ("anonymize.rubric.json", kit);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(RubricSummary) split = NULL;
  g_autoptr(RubricSummary) numbered = NULL;

  rubric_session_set_interviewer (session, "Sam Lee; Kim Park & Ola Berg and Ana Ruiz\nLi Wei, Tom Hale");
  split = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE);
  g_assert_cmpstr (split->interviewer, ==,
                   "Interviewer A, Interviewer B, Interviewer C, Interviewer D, Interviewer E, Interviewer F");

  for (guint i = 0; i < 27; i++)
    g_string_append_printf (many, "%sPerson%c%c Surname", i > 0 ? ", " : "", 'A' + i % 26, 'a' + i / 26);
  rubric_session_set_interviewer (session, many->str);
  numbered = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE);
  g_assert_true (g_str_has_suffix (numbered->interviewer, "Interviewer Z, Interviewer 27"));
  g_assert_null (strstr (numbered->interviewer, "Person"));
}

static void
test_redact (void)
{
  g_autoptr(RubricSession) session = export_test_load_session ("anonymize.rubric.json", kit);
  const char * const redact[] = { "Acme Analytics", " okafor ", NULL };
  g_autoptr(RubricSummary) summary = rubric_summary_new_full (session, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE |
                                                                          RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE,
                                                              redact);
  g_autoptr(RubricSummary) without = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_ANONYMIZE |
                                                                     RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);

  for (guint f = 0; f < G_N_ELEMENTS (export_test_formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = rubric_export_summary_to_bytes (summary, export_test_formats[f], &error);
      g_autofree char *output = NULL;
      g_autofree char *folded = NULL;

      g_assert_no_error (error);
      output = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      folded = fold_for_search (output);
      assert_names_nobody (export_test_format_name (export_test_formats[f]), output);
      g_assert_null (strstr (folded, "acme"));
      g_assert_null (strstr (folded, "okafor"));
      export_test_assert_has_text (export_test_formats[f], output, "[redacted]");
    }
  /* Each term counts; "Okafor" is no longer left. */
  g_assert_cmpuint (summary->n_replaced, >, without->n_replaced);
  g_assert_false (g_strv_contains ((const char * const *) summary->remaining, "Okafor"));
}

static void
test_file_name (void)
{
  g_autoptr(RubricSession) session = export_test_load_session ("anonymize.rubric.json", kit);
  g_autofree char *alias = rubric_anonymize_candidate_alias (SESSION_ID);
  g_autofree char *expected = g_strdup_printf ("%s 2026-11-27.pdf", alias);
  g_autofree char *name = rubric_export_suggest_filename (session, RUBRIC_EXPORT_FORMAT_PDF,
                                                          RUBRIC_EXPORT_FLAGS_ANONYMIZE);
  g_autofree char *internal = rubric_export_suggest_filename (session, RUBRIC_EXPORT_FORMAT_CSV,
                                                              RUBRIC_EXPORT_FLAGS_ANONYMIZE |
                                                              RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  g_autofree char *named = rubric_export_suggest_filename (session, RUBRIC_EXPORT_FORMAT_PDF,
                                                           RUBRIC_EXPORT_FLAGS_NONE);

  g_assert_cmpstr (name, ==, expected);
  assert_names_nobody ("the file name", internal);
  g_assert_true (g_str_has_prefix (internal, alias));
  g_assert_nonnull (strstr (named, "Müller"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  export_test_init (&argc, &argv);
  kit = export_test_load_kit ();

  g_test_add_func ("/export-anonymize/formats", test_formats);
  g_test_add_func ("/export-anonymize/summary", test_summary);
  g_test_add_func ("/export-anonymize/redact", test_redact);
  g_test_add_func ("/export-anonymize/interviewers", test_interviewers);
  g_test_add_func ("/export-anonymize/file-name", test_file_name);

  status = g_test_run ();
  g_object_unref (kit);
  return status;
}
