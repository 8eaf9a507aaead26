/* test-export-tidy.c — the HTML export is valid HTML5, by HTML Tidy
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs `tidy -errors -q` (the program in RUBRIC_TIDY) on the HTML of the
 * fixtures with each set of flags; any error or warning fails the test.
 */

#include "config.h"

#include <string.h>

#include "export-test-common.h"

typedef struct
{
  const char        *fixture;
  RubricExportFlags  flags;
} TidyCase;

static const TidyCase cases[] = {
  { "interview.rubric.json", RUBRIC_EXPORT_FLAGS_NONE },
  { "interview.rubric.json", RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE },
  { "interview.rubric.json", RUBRIC_EXPORT_FLAGS_ANONYMIZE },
  { "injection.rubric.json", RUBRIC_EXPORT_FLAGS_NONE },
  { "injection.rubric.json", RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE },
  { "injection.rubric.json", RUBRIC_EXPORT_FLAGS_ANONYMIZE },
  { "planned.rubric.json", RUBRIC_EXPORT_FLAGS_NONE },
  { "planned.rubric.json", RUBRIC_EXPORT_FLAGS_INCLUDE_ANSWERS | RUBRIC_EXPORT_FLAGS_INCLUDE_PRIVATE },
};

static void
test_tidy (gconstpointer data)
{
  const TidyCase *test = data;
  const char *tidy = g_getenv ("RUBRIC_TIDY");
  g_autoptr(RubricKit) kit = export_test_load_kit ();
  g_autoptr(RubricSession) session = export_test_load_session (test->fixture, kit);
  g_autofree char *html = export_test_export (session, kit, RUBRIC_EXPORT_FORMAT_HTML, test->flags);
  g_autoptr(GBytes) input = g_bytes_new (html, strlen (html));
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *messages = NULL;

  if (tidy == NULL)
    {
      g_test_skip ("RUBRIC_TIDY is not set");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_MERGE,
                              &error, tidy, "-errors", "-quiet", "--gnu-emacs", "yes", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  /* An empty GBytes may have no data at all. */
  if (output != NULL && g_bytes_get_size (output) > 0)
    messages = g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));
  else
    messages = g_strdup ("");
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0 || *messages != '\0')
    {
      g_test_message ("tidy on the HTML of %s (flags 0x%x):\n%s", test->fixture, test->flags, messages);
      g_test_fail ();
    }
}

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export-text/tidy/%.9s/%u", cases[i].fixture, cases[i].flags);

      g_test_add_data_func (path, &cases[i], test_tidy);
    }

  return g_test_run ();
}
