/* test-export-golden.c — the text exports of a realistic interview, byte for byte
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each format of interview.rubric.json, of planned.rubric.json (an
 * interview run with a plan and the evidence checklist) and of the first
 * sealed (sealed.rubric.json) or unsealed to edit (unsealed.rubric.json)
 * is compared with
 * its file in golden/. After a deliberate change to a writer (or to the kit), write
 * them again and read every changed line before committing them:
 *
 *   build-aux/dev exec env RUBRIC_UPDATE_GOLDEN=1 \
 *     meson test -C _build/sdk export-text-golden
 *
 * On a mismatch the output is left next to the test binary as
 * NAME.actual, to diff against the golden file.
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"

typedef struct
{
  const char         *session;   /* NULL for interview.rubric.json */
  const char         *golden;
  RubricExportFormat  format;
  RubricExportFlags   flags;
} GoldenCase;

static const GoldenCase cases[] = {
  { NULL, "interview.md", RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FLAGS_NONE },
  { NULL, "interview.html", RUBRIC_EXPORT_FORMAT_HTML, RUBRIC_EXPORT_FLAGS_NONE },
  { NULL, "interview.txt", RUBRIC_EXPORT_FORMAT_TEXT, RUBRIC_EXPORT_FLAGS_NONE },
  { NULL, "interview.csv", RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FLAGS_NONE },
  /* With everything a summary can hold: the expected answers, the private
   * notes, and no names. */
  { NULL, "interview-full.md", RUBRIC_EXPORT_FORMAT_MARKDOWN,
    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_ANONYMIZE },
  { NULL, "interview-full.html", RUBRIC_EXPORT_FORMAT_HTML,
    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_ANONYMIZE },
  { NULL, "interview-full.txt", RUBRIC_EXPORT_FORMAT_TEXT,
    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_ANONYMIZE },
  /* Run with a plan and the evidence checklist: the plan, the time against
   * it, what was not asked, the ticks. */
  { "planned.rubric.json", "planned.md", RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FLAGS_NONE },
  { "planned.rubric.json", "planned.html", RUBRIC_EXPORT_FORMAT_HTML, RUBRIC_EXPORT_FLAGS_NONE },
  { "planned.rubric.json", "planned.txt", RUBRIC_EXPORT_FORMAT_TEXT, RUBRIC_EXPORT_FLAGS_NONE },
  { "planned.rubric.json", "planned.csv", RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FLAGS_NONE },
  { "planned.rubric.json", "planned-full.csv", RUBRIC_EXPORT_FORMAT_CSV,
    RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE | RUBRIC_EXPORT_FLAGS_ANONYMIZE },
  /* Sealed, then unsealed to edit: every format says it was edited after
   * sealing (docs/seal.md). */
  { "unsealed.rubric.json", "unsealed.md", RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FLAGS_NONE },
  { "unsealed.rubric.json", "unsealed.html", RUBRIC_EXPORT_FORMAT_HTML, RUBRIC_EXPORT_FLAGS_NONE },
  { "unsealed.rubric.json", "unsealed.txt", RUBRIC_EXPORT_FORMAT_TEXT, RUBRIC_EXPORT_FLAGS_NONE },
  { "unsealed.rubric.json", "unsealed.csv", RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FLAGS_NONE },
  /* Sealed by tests/seal-reference.py, and valid: when. */
  { "sealed.rubric.json", "sealed.txt", RUBRIC_EXPORT_FORMAT_TEXT, RUBRIC_EXPORT_FLAGS_NONE },
  { "sealed.rubric.json", "sealed.csv", RUBRIC_EXPORT_FORMAT_CSV, RUBRIC_EXPORT_FLAGS_NONE },
};

/* The line (from 1) where A and B first differ. */
static guint
first_difference (const char *a,
                  const char *b)
{
  guint line = 1;

  for (; *a != '\0' && *a == *b; a++, b++)
    if (*a == '\n')
      line++;
  return line;
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *test = data;
  g_autoptr(RubricKit) kit = export_test_load_kit ();
  g_autoptr(RubricSession) session = export_test_load_session (test->session != NULL ? test->session : "interview.rubric.json",
                                                               kit);
  g_autofree char *actual = export_test_export (session, kit, test->format, test->flags);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", test->golden, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("RUBRIC_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s: read it before committing it", path);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  if (!g_str_equal (actual, expected))
    {
      g_autofree char *name = g_strconcat (test->golden, ".actual", NULL);
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, name, NULL);

      g_file_set_contents (actual_path, actual, -1, NULL);
      g_test_message ("%s differs from the golden file from line %u on; the output is in %s",
                      test->golden, first_difference (actual, expected), actual_path);
      g_test_fail ();
    }
}

/* The same bytes every time: nothing depends on the moment of the export. */
static void
test_repeatable (void)
{
  g_autoptr(RubricKit) kit = export_test_load_kit ();
  g_autoptr(RubricSession) session = export_test_load_session ("interview.rubric.json", kit);

  char *first[G_N_ELEMENTS (export_test_formats)];

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    first[i] = export_test_export (session, kit, export_test_formats[i], RUBRIC_EXPORT_FLAGS_ANONYMIZE);

  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);

  for (guint i = 0; i < G_N_ELEMENTS (export_test_formats); i++)
    {
      g_autofree char *second = export_test_export (session, kit, export_test_formats[i], RUBRIC_EXPORT_FLAGS_ANONYMIZE);

      g_assert_cmpstr (first[i], ==, second);
      g_free (first[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/export-text/golden/", cases[i].golden, NULL);

      g_test_add_data_func (path, &cases[i], test_golden);
    }
  g_test_add_func ("/export-text/golden/repeatable", test_repeatable);

  return g_test_run ();
}
