/* test-export-clean.c — no control character leaves Rubric in a summary
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bidi embedding, override and isolate controls (U+202A–202E,
 * U+2066–2069) made a note "rating is <U+202E>5 — Expert" read "trepxE — 5" and a
 * name "…<U+202E>fdp.exe" read "…exe.pdf"; ESC, BEL, C1 controls and noncharacters
 * reached the files. Each field of a hostile session, through each text
 * format and the suggested file name: none of them is left, the text
 * around them is. (The PDF and its metadata: tests/export-pdf.)
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"

/* Whether C must never be in an export (tab and line feed may). */
static gboolean
is_forbidden (gunichar c)
{
  if (c == '\n' || c == '\t')
    return FALSE;
  return g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static void
assert_clean (const char *what,
              const char *output,
              gboolean    crlf)
{
  for (const char *p = output; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && crlf && p[1] == '\n')
        continue;
      if (is_forbidden (c))
        g_error ("%s holds U+%04X at byte %d", what, c, (int) (p - output));
    }
}

/* A session with a control in every field an export shows. */
static RubricSession *
hostile_session (RubricKit *kit)
{
  RubricSession *session = rubric_session_new (kit);
  g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);
  RubricAnswer *answer = rubric_session_ensure_answer (session, question);

  rubric_session_set_candidate_name (session, "Mallory \xe2\x80\xae" "fdp.exe");
  rubric_session_set_candidate_role (session, "Engineer \x1b[31mred\x1b[0m \xc2\x9b" "1m");
  rubric_session_set_interviewer (session, "Sam\x07 Lee\xe2\x81\xa6, Kim Park\xe2\x81\xa9");
  rubric_session_set_summary (session, "Summary \xe2\x80\xaa" "embedded\xe2\x80\xac and \xef\xb7\x90" "done\xef\xbf\xbe.");
  rubric_session_set_private_notes (session, "Private \xe2\x80\xad" "override\xe2\x81\xa7" ".");
  rubric_session_set_topic_notes (session, rubric_topic_get_id (topic), "Topic \xe2\x81\xa8" "notes\x7f.");
  /* The second strength is nothing but a control: it is dropped. */
  rubric_session_set_strengths (session, (const char * const[]) { "Strong \xe2\x80\xae" "dlof\x1b[0m.",
                                                                  "\xe2\x80\xae", NULL });
  rubric_session_set_concerns (session, (const char * const[]) { "Concern \xe2\x81\xa6" "isolated\xe2\x81\xa9.", NULL });
  rubric_answer_set_rating (answer, 2);
  rubric_answer_set_notes (answer, "rating is \xe2\x80\xae" "5 \xe2\x80\x94 Expert\x08\x0b" "end");
  g_assert_true (rubric_session_set_date (session, "2026-11-27"));

  return session;
}

static void
test_formats (void)
{
  g_autoptr(RubricKit) kit = export_test_load_kit ();
  g_autoptr(RubricSession) session = hostile_session (kit);

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      RubricExportFormat format = export_test_formats[i];
      RubricExportFlags flags = RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS;
      g_autofree char *output = export_test_export (session, kit, format, flags);
      g_autofree char *anonymous = export_test_export (session, kit, format, flags | RUBRIC_EXPORT_FLAGS_ANONYMIZE);

      assert_clean (export_test_format_name (format), output, format == RUBRIC_EXPORT_FORMAT_CSV);
      assert_clean (export_test_format_name (format), anonymous, format == RUBRIC_EXPORT_FORMAT_CSV);
      /* The text around the controls is all there, in logical order. */
      g_assert_nonnull (strstr (output, "rating is 5 — Expert"));
      if (format != RUBRIC_EXPORT_FORMAT_CSV)
        {
          g_assert_nonnull (strstr (output, "Mallory fdp.exe"));
          g_assert_nonnull (strstr (output, "embedded and done."));
          g_assert_nonnull (strstr (output, "Concern isolated."));
        }
    }
}

static void
test_filename (void)
{
  g_autoptr(RubricKit) kit = export_test_load_kit ();
  g_autoptr(RubricSession) session = hostile_session (kit);
  g_autofree char *name = rubric_export_suggest_filename (session, RUBRIC_EXPORT_FORMAT_PDF, RUBRIC_EXPORT_FLAGS_NONE);

  assert_clean ("the file name", name, FALSE);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_nonnull (strstr (name, "Mallory"));
  g_assert_null (strstr (name, "\xe2\x80\xae"));
}

/* The summary model holds no control either: what the PDF draws, and
 * puts in its metadata and bookmarks, comes from there. */
static void
test_model (void)
{
  g_autoptr(RubricKit) kit = export_test_load_kit ();
  g_autoptr(RubricSession) session = hostile_session (kit);
  g_autoptr(RubricSummary) summary = rubric_summary_new (session, kit, RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE);
  RubricSummaryTopic *topic = g_ptr_array_index (summary->topics, 0);
  RubricSummaryQuestion *q = g_ptr_array_index (topic->questions, 0);
  const char *fields[] = {
    summary->title, summary->candidate, summary->role, summary->interviewer, summary->summary,
    summary->private_notes, topic->title, topic->notes, q->prompt, q->notes,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    assert_clean ("the summary", fields[i], FALSE);
  g_assert_cmpstr (summary->candidate, ==, "Mallory fdp.exe");
  g_assert_cmpstr (summary->title, ==, "Interview summary: Mallory fdp.exe");
  g_assert_cmpstr (summary->interviewer, ==, "Sam Lee, Kim Park");
  g_assert_cmpuint (g_strv_length (summary->strengths), ==, 1);
  g_assert_cmpstr (summary->strengths[0], ==, "Strong dlof[0m.");
  g_assert_cmpstr (summary->concerns[0], ==, "Concern isolated.");
}

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export-text/clean/formats", test_formats);
  g_test_add_func ("/export-text/clean/filename", test_filename);
  g_test_add_func ("/export-text/clean/model", test_model);

  return g_test_run ();
}
