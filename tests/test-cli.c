/* test-cli.c — `rubric --check` and `rubric --version`, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* posix_openpt() and its kin, for a pseudo-terminal */
#define _GNU_SOURCE

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_rubric (Run        *run,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("RUBRIC_BIN");
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;
  int wait_status;

  /* The sanitizers' settings (and suppressions) pass on; the rest is set. */
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);

  /* No display: the command-line modes must not need one. */
  g_spawn_sync (g_test_get_dir (G_TEST_DIST), (char **) argv->pdata, env,
                G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  if (run->status != 0)
    g_test_message ("rubric exited with %d: %s", run->status, run->err);
}

/* The text of the PDF at PATH, as poppler's pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_rubric (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rubric " VERSION "\n");
}

static void
test_check_valid (void)
{
  g_auto(Run) run = { 0 };

  run_rubric (&run, "--check", "../data/kits/django-senior.json", "data/minimal.rubric-kit.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "../data/kits/django-senior.json: OK\n"
                   "data/minimal.rubric-kit.json: OK\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_session_warnings (void)
{
  g_auto(Run) run = { 0 };

  /* Valid, made with another kit: OK, with warnings that say so. */
  run_rubric (&run, "--check", "data/full.rubric.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "data/full.rubric.json: OK\n");
  g_assert_nonnull (strstr (run.err, "data/full.rubric.json: warning: $.answers[\"http.main\"]: "));
}

static void
test_check_truncated (void)
{
  g_auto(Run) run = { 0 };

  run_rubric (&run, "--check", "data/truncated.rubric.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "data/truncated.rubric.json:11:1: "));
}

static void
test_check_mixed (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "bad.rubric.json", NULL);

  g_assert_no_error (error);
  g_file_set_contents (bad, "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {\"id\": \"x\"},"
                            " \"answers\": {\"a\": {\"rating\": 9}}}", -1, &error);
  g_assert_no_error (error);

  /* One bad file among good ones: each is reported, the status is 1. */
  run_rubric (&run, "--check", "data/minimal.rubric-kit.json", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "data/minimal.rubric-kit.json: OK\n");
  g_assert_true (g_str_has_suffix (run.err, "bad.rubric.json: $.answers.a.rating: 9 is out of range (1–5)\n"));

  g_remove (bad);
  g_rmdir (dir);
}

/* Plans are checked too: their own rules, then the bundled kit's ids when
 * they are for it. */
static void
test_check_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", &error);
  g_autofree char *good_path = g_build_filename (dir, "round.rubric-plan.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "stale.rubric-plan.json", NULL);
  const char *head = "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"team-round\","
                     " \"name\": \"Team round\", \"kit\": \"django-senior\", \"slot_minutes\": 45,"
                     " \"topics\": [{\"id\": \"migrations\", \"questions\": ";
  g_autofree char *good_text = g_strconcat (head, "[\"migrations.deploy\"]}]}", NULL);
  g_autofree char *bad_text = g_strconcat (head, "[\"migrations.deploy\", \"migrations.squash\"]}]}", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (good_path, good_text, -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, bad_text, -1, NULL));

  run_rubric (&good, "--check", good_path, NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_true (g_str_has_suffix (good.out, "round.rubric-plan.json: OK\n"));

  run_rubric (&bad, "--check", bad_path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_suffix (bad.err, "stale.rubric-plan.json: $.topics[0].questions[1]: "
                                            "The topic “migrations” of the kit has no question “migrations.squash”\n"));

  g_remove (good_path);
  g_remove (bad_path);
  g_rmdir (dir);
}

/* A sealed scorecard (sealed by tests/seal-reference.py, another tool)
 * checks; edited by hand afterwards, --check names where and fails. */
static void
test_check_seal (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "edited.rubric.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;

  g_assert_no_error (error);
  run_rubric (&good, "--check", "data/sealed.rubric.json", NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_cmpstr (good.out, ==, "data/sealed.rubric.json: OK\n");

  {
    g_autofree char *sealed = g_test_build_filename (G_TEST_DIST, "data", "sealed.rubric.json", NULL);

    g_assert_true (g_file_get_contents (sealed, &text, NULL, NULL));
  }
  {
    g_auto(GStrv) halves = g_strsplit (text, "\"recommendation\": \"yes\"", 2);

    g_assert_cmpuint (g_strv_length (halves), ==, 2);
    edited = g_strjoinv ("\"recommendation\": \"strong-yes\"", halves);
  }
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  run_rubric (&bad, "--check", path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_true (g_str_has_suffix (bad.err, "edited.rubric.json: $.recommendation: This no longer matches the seal of "
                                            "2026-12-06 10:00 UTC; the file was changed after it was sealed\n"));

  g_remove (path);
  g_rmdir (dir);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A session with a key twice: json-glib kept the last one silently, and
 * saving lost the first. Now the file is refused, in the words and at the
 * place the loader gives, and the status says so. */
static void
test_check_duplicate_key (void)
{
  static const char text[] =
    "{\n"
    "  \"format\": \"rubric-session\",\n"
    "  \"version\": 1,\n"
    "  \"kit\": {\n"
    "    \"id\": \"django-senior\"\n"
    "  },\n"
    "  \"answers\": {\n"
    "    \"security.csrf\": {\n"
    "      \"rating\": 2,\n"
    "      \"notes\": \"Knows the token, not the cookie.\",\n"
    "      \"elapsed_s\": 300,\n"
    "      \"rating\": 5\n"
    "    }\n"
    "  }\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "twice.rubric.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:12:7: The key “rating” appears twice in the same object\n", path);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  run_rubric (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_check_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "pipe.rubric.json", NULL);
  const char *devices[] = { fifo, "/dev/zero", "/dev/urandom" };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* Nobody writes into the pipe, and the devices never end: each is
   * refused at once, with its name, instead of hanging or filling memory. */
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_auto(Run) run = { 0 };
      gint64 start = g_get_monotonic_time ();

      if (!g_file_test (devices[i], G_FILE_TEST_EXISTS))
        continue;
      run_rubric (&run, "--check", devices[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, devices[i]));
      g_assert_nonnull (strstr (run.err, "not a regular file"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }

  g_remove (fifo);
  g_rmdir (dir);
}

static void
test_check_missing (void)
{
  g_auto(Run) run = { 0 };

  run_rubric (&run, "--check", "no-such-file.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "no-such-file.json: "));
}

static void
test_usage_errors (void)
{
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--check", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--check needs at least one FILE"));
  }
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--no-such-option", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--version", "--check", "x", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_export_stdout (void)
{
  g_auto(Run) run = { 0 };

  run_rubric (&run, "--export", "md", "data/full.rubric.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Zoë Ångström"));
  /* Private notes stay out unless asked for. */
  g_assert_null (strstr (run.out, "Salary expectations"));
}

static void
test_export_flags (void)
{
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "txt", "--include-private", "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Salary expectations above band."));
  }
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "csv", "--include-private", "--include-answers", "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, ",notes,expected_answer,key_points,private_notes\r\n"));
    g_assert_nonnull (strstr (run.out, "Salary expectations above band."));
  }
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "csv", "--anonymize", "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "Zoë"));
    g_assert_null (strstr (run.out, "Ångström"));
    g_assert_null (strstr (run.out, "Sam Lee"));
  }
}

/* --redact replaces other identifying terms; what stays that looks like a
 * name is listed on standard error. */
static void
test_export_redact (void)
{
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "md", "--anonymize", "--include-private", "export-text/anonymize.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Acme Analytics"));
    g_assert_null (strstr (run.out, "Müller"));
    g_assert_nonnull (strstr (run.err, "these words stay and may be names: "));
    g_assert_nonnull (strstr (run.err, "May"));
    g_assert_nonnull (strstr (run.err, "Okafor"));
  }
  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "txt", "--anonymize", "--include-private", "--redact", "Acme Analytics",
                "--redact", "okafor", "export-text/anonymize.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "Acme"));
    g_assert_null (strstr (run.out, "Okafor"));
    g_assert_null (strstr (run.out, "Müller"));
    g_assert_nonnull (strstr (run.out, "at [redacted]"));
    g_assert_null (strstr (run.err, "Okafor"));
    g_assert_nonnull (strstr (run.err, "May"));
  }
}

static void
test_export_file_atomic (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *output = g_build_filename (dir, "summary.html", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.rubric.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *missing_dir = g_build_filename (dir, "no", "such", "summary.html", NULL);

  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "html", "--output", output, "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<!DOCTYPE html>"));
  }

  /* An invalid session: the --check message, exit 1, no output made. */
  g_file_set_contents (bad, "{\"format\": \"rubric-session\", \"version\": 1, \"kit\": {}}", -1, NULL);
  {
    g_auto(Run) run = { 0 };
    g_autofree char *other = g_build_filename (dir, "other.md", NULL);

    run_rubric (&run, "--export", "md", "--output", other, bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_suffix (run.err, "bad.rubric.json: $.kit: The member “id” is missing\n"));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }

  /* An output that cannot be written: exit 1; what was there stays. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_file_get_contents (output, &before, NULL, NULL);
    run_rubric (&run, "--export", "txt", "--output", missing_dir, "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 1);
    /* Once: "rubric: Could not write in the folder “…”: why". */
    g_assert_true (g_str_has_prefix (run.err, "rubric: Could not write"));
    g_assert_null (strstr (run.err, "could not write"));
    g_file_get_contents (output, &after, NULL, NULL);
    g_assert_cmpstr (before, ==, after);
  }

  g_remove (output);
  g_remove (bad);
  g_rmdir (dir);
}


/* A session with nothing rated exports (saying so) and warns. */
static void
test_export_empty (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty.rubric.json", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (empty, "{\"format\": \"rubric-session\", \"version\": 1,"
                                             " \"kit\": {\"id\": \"django-senior\"}, \"answers\": {}}", -1, NULL));
  run_rubric (&run, "--export", "txt", empty, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Nothing was rated"));
  g_assert_nonnull (strstr (run.err, "rubric: warning: nothing was rated in "));

  {
    g_auto(Run) rated = { 0 };

    run_rubric (&rated, "--export", "txt", "data/full.rubric.json", NULL);
    g_assert_null (strstr (rated.err, "nothing was rated"));
  }
  g_remove (empty);
  g_rmdir (dir);
}


/* A terminal named by --output (/dev/tty, a pseudo-terminal) gets no PDF
 * either: the refusal, exit status 2, and not a byte on the terminal. The
 * other formats are text, and go. */
static void
test_export_pdf_not_to_terminal (void)
{
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  const char *terminal;
  char buffer[64];

  if (master < 0)
    {
      g_test_skip ("no pseudo-terminals here");
      return;
    }
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  terminal = ptsname (master);
  g_assert_nonnull (terminal);

  {
    g_auto(Run) pdf = { 0 };

    run_rubric (&pdf, "--export", "pdf", "--output", terminal, "data/full.rubric.json", NULL);
    g_assert_cmpint (pdf.status, ==, 2);
    g_assert_nonnull (strstr (pdf.err, "a PDF is not written to a terminal"));
    g_assert_true (g_unix_set_fd_nonblocking (master, TRUE, NULL));
    g_assert_cmpint (read (master, buffer, sizeof buffer), <, 1);
  }
  {
    g_auto(Run) text = { 0 };

    run_rubric (&text, "--export", "txt", "--output", terminal, "data/full.rubric.json", NULL);
    g_assert_cmpint (text.status, ==, 0);
    g_assert_cmpint (read (master, buffer, sizeof buffer), >, 0);
  }
  close (master);
}

/* A named pipe is not a terminal, and telling so must not touch it: a
 * reader waiting on it gets the whole PDF (opening and closing the pipe to
 * look would end its input, and the export would then wait for a reader
 * forever). */
static void
test_export_pdf_to_named_pipe (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "pipe.pdf", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GSubprocess) reader = NULL;
  g_auto(Run) run = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "sh", "-c", "cat \"$1\" > \"$2\"", "sh", fifo, out, NULL);
  g_assert_no_error (error);

  run_rubric (&run, "--export", "pdf", "--output", fifo, "data/full.rubric.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_subprocess_wait_check (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "%PDF-"));

  g_remove (out);
  g_remove (fifo);
  g_rmdir (dir);
}

/* Standard output for every format, PDF too: with no --output, with
 * "--output -" and with /dev/stdout; no file named "-" is made. */
static void
test_export_stdout_all (void)
{
  const char *formats[] = { "pdf", "md", "html", "txt", "csv" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) bare = { 0 };
      g_auto(Run) dash = { 0 };
      g_auto(Run) dev = { 0 };

      run_rubric (&bare, "--export", formats[i], "data/full.rubric.json", NULL);
      run_rubric (&dash, "--export", formats[i], "--output", "-", "data/full.rubric.json", NULL);
      run_rubric (&dev, "--export", formats[i], "--output", "/dev/stdout", "data/full.rubric.json", NULL);
      g_assert_cmpint (bare.status, ==, 0);
      g_assert_cmpint (dash.status, ==, 0);
      g_assert_cmpint (dev.status, ==, 0);
      if (g_str_equal (formats[i], "pdf"))
        g_assert_true (g_str_has_prefix (bare.out, "%PDF-"));
      else
        g_assert_cmpstr (bare.out, ==, dash.out);
      g_assert_cmpuint (strlen (dash.out), >, 100);
      g_assert_cmpuint (strlen (dev.out), ==, strlen (dash.out));
    }
  {
    g_autofree char *dash = g_test_build_filename (G_TEST_DIST, "-", NULL);

    g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  }
}

/* "--output SESSION SESSION" would have overwritten the interview: refused,
 * exit 2, the file as it was; through a symbolic link too. */
static void
test_export_onto_session (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *session = g_build_filename (dir, "s.rubric.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *original = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "full.rubric.json", NULL);
  const char *outputs[] = { session, link };

  g_assert_true (g_file_get_contents (fixture, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (session, original, -1, NULL));
  g_assert_cmpint (symlink (session, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;

      run_rubric (&run, "--export", "md", "--output", outputs[i], session, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "is the interview itself"));
      g_assert_true (g_file_get_contents (session, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, original);
    }
  g_remove (link);
  g_remove (session);
  g_rmdir (dir);
}

/* An interview run with a plan and ticks, exported headless in every
 * format. tests/data/planned.rubric.json is of a kit Rubric does not
 * have: its points are named by number, and without the kit's minutes
 * there are no budgets. export-text/planned.rubric.json is of the bundled
 * kit: its budgets are there. */
static void
test_export_planned (void)
{
  static const char * const formats[] = { "md", "html", "txt", "csv" };
  g_autofree char *dir = make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "planned.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) run = { 0 };

      run_rubric (&run, "--export", formats[i], "data/planned.rubric.json", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "1:35 · Key point 1 — named the resolver cache"));
      g_assert_nonnull (strstr (run.out, "5:01 · Red flag 2"));
      g_assert_null (strstr (run.out, "not in the plan"));
      if (g_str_equal (formats[i], "csv"))
        {
          g_assert_nonnull (strstr (run.out, ",planned,topic_budget_seconds,topic_elapsed_seconds,points_heard,red_flags\r\n"));
          g_assert_nonnull (strstr (run.out, ",http.status,http.status,rated,3,120,,no,,540,,\r\n"));
        }
      else
        {
          g_assert_nonnull (strstr (run.out, "Half-hour round · 30 min slot"));
          g_assert_nonnull (strstr (run.out, "Follow-up 1 (asked unplanned)"));
          g_assert_nonnull (strstr (run.out, "Every planned question was asked."));
        }
    }

  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "txt", "--anonymize", "export-text/planned.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "- Database migrations: 23 of 18 min, over by 5 min\n"));
    g_assert_nonnull (strstr (run.out, "- Caching: 4 min 00 s, not in the plan\n"));
    g_assert_nonnull (strstr (run.out, "10:10 · Imports model classes directly inside a data migration"));
    g_assert_null (strstr (run.out, "Kowalska"));
    g_assert_null (strstr (run.out, "Maria"));
  }

  /* The PDF, read back by poppler's pdftotext. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;

    run_rubric (&run, "--export", "pdf", "--output", pdf, "data/planned.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "1:35 · Key point 1 — named the resolver cache"));
    g_assert_nonnull (strstr (text, "FOLLOW-UP 1 (ASKED UNPLANNED)"));
    g_assert_nonnull (strstr (text, "Half-hour round · 30 min slot"));
  }
  g_remove (pdf);
  g_rmdir (dir);
}

/* A new export is for its owner alone (0600, whatever the umask); one
 * that replaces a file keeps that file's mode. */
static void
test_export_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fresh = g_build_filename (dir, "new.pdf", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.md", NULL);
  GStatBuf st;

  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "pdf", "--output", fresh, "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (g_stat (fresh, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (shared, "old", -1, NULL));
    g_assert_cmpint (g_chmod (shared, 0644), ==, 0);
    run_rubric (&run, "--export", "md", "--output", shared, "data/full.rubric.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (g_stat (shared, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  }
  g_remove (fresh);
  g_remove (shared);
  g_rmdir (dir);
}

static void
test_export_usage (void)
{
  static const char *cases[][6] = {
    { "--export", "docx", "data/full.rubric.json", NULL },                    /* no such format */
    { "--export", "md", NULL },                                               /* no session */
    { "--export", "md", "data/full.rubric.json", "data/minimal.rubric.json", NULL },  /* two */
    { "--anonymize", "data/full.rubric.json", NULL },                         /* without --export */
    { "--redact", "Acme", "data/full.rubric.json", NULL },                    /* without --export */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_rubric (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);
      if (run.status != 2)
        g_error ("case %u: exit %d, not 2: %s", i, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
    }
}

/* --export anki: a kit's deck to standard output or a file (whole or not
 * at all), a plan's questions only, the bundled kit without a file; a
 * session is no kit, and the session options do not go with it. */
static void
test_export_anki (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *output = g_build_filename (dir, "deck.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "deck.txt", NULL);
  g_autofree char *contents = NULL;

  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "anki", "data/minimal.rubric-kit.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_prefix (run.out, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Example\n"));
    g_assert_nonnull (strstr (run.out, "\nexample/http.main\tWhat happens when a browser requests a page?\t"
                                       "It resolves the host name, connects, sends a request and renders the response."
                                       "<div class=rubric-key-points><b>Key points</b><ul><li>DNS lookup</li></ul></div>\thttp\n"));
    g_assert_true (g_str_has_suffix (run.out, "\thttp\n"));
  }

  {
    g_auto(Run) run = { 0 };

    run_rubric (&run, "--export", "anki", "-o", output, "data/minimal.rubric-kit.json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\nexample/http.status\t"));
  }

  /* The bundled kit, and one plan's questions of it. */
  {
    g_auto(Run) whole = { 0 };
    g_auto(Run) planned = { 0 };

    run_rubric (&whole, "--export", "anki", NULL);
    g_assert_cmpint (whole.status, ==, 0);
    g_assert_nonnull (strstr (whole.out, "\n#deck:Senior Django Developer\n"));
    g_assert_nonnull (strstr (whole.out, "\ndjango-senior/migrations.conflicts\t"));
    run_rubric (&planned, "--export", "anki", "../data/plans/django-senior-60.json", NULL);
    g_assert_cmpint (planned.status, ==, 0);
    g_assert_nonnull (strstr (planned.out, "\n#deck:Senior Django Developer — 60-minute senior round\n"));
    g_assert_nonnull (strstr (planned.out, "\ndjango-senior/migrations.deploy\t"));
    g_assert_null (strstr (planned.out, "migrations.conflicts"));
    g_assert_cmpuint (strlen (planned.out), <, strlen (whole.out));
  }

  /* A session is not a kit; a plan of another kit does not go with it; an
   * output that cannot be written leaves the old file as it was. */
  {
    g_auto(Run) session = { 0 };
    g_auto(Run) other = { 0 };
    g_auto(Run) unwritable = { 0 };
    g_auto(Run) options = { 0 };
    g_autofree char *after = NULL;

    run_rubric (&session, "--export", "anki", "-o", output, "data/full.rubric.json", NULL);
    g_assert_cmpint (session.status, ==, 2);
    g_assert_cmpstr (session.err, ==, "rubric: data/full.rubric.json is not a kit or a plan; --export anki takes one kit and one plan at most\n");
    run_rubric (&other, "--export", "anki", "-o", output, "data/minimal.rubric-kit.json",
                "../data/plans/django-senior-60.json", NULL);
    g_assert_cmpint (other.status, ==, 1);
    g_assert_cmpstr (other.err, ==, "rubric: the plan “60-minute senior round” is not a plan of the kit “Example”\n");
    run_rubric (&unwritable, "--export", "anki", "-o", missing, "data/minimal.rubric-kit.json", NULL);
    g_assert_cmpint (unwritable.status, ==, 1);
    g_assert_true (g_str_has_prefix (unwritable.err, "rubric: Could not write"));
    run_rubric (&options, "--export", "anki", "--anonymize", "data/minimal.rubric-kit.json", NULL);
    g_assert_cmpint (options.status, ==, 2);
    g_assert_true (g_str_has_prefix (options.err, "rubric: --export anki takes"));
    g_assert_true (g_file_get_contents (output, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }

  g_remove (output);
  g_rmdir (dir);
}

/* Three interviewers, one of them twice, another candidate, a broken
 * file: the summary of the three on standard output, each problem on
 * standard error as --check says it, and exit 1 for the files left out. */
static void
test_debrief_export (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) clean = { 0 };
  g_autofree char *golden = NULL;

  run_rubric (&run, "--debrief", "--export", "md", "data/debrief/sam.rubric.json", "data/debrief/kim.rubric.json",
              "data/debrief/kim-earlier.rubric.json", "data/debrief/alex.rubric.json",
              "data/debrief/other-candidate.rubric.json", "data/debrief/broken.rubric.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "# Panel debrief: Ada Lovelace\n"));
  g_assert_nonnull (strstr (run.err, "data/debrief/broken.rubric.json:6:39: "));
  g_assert_nonnull (strstr (run.err, "data/debrief/other-candidate.rubric.json: about “Jo Bloggs”, not “Ada Lovelace”: left out\n"));
  g_assert_nonnull (strstr (run.err, "data/debrief/kim-earlier.rubric.json: warning: an older scorecard of kim park than data/debrief/kim.rubric.json: left out\n"));
  g_assert_nonnull (strstr (run.err, "The files are about more than one candidate: “Ada Lovelace” (4 files), “Jo Bloggs” (1 file)\n"));

  /* The three alone: exit 0, and what the model's golden file says. */
  run_rubric (&clean, "--debrief", "--export", "csv", "data/debrief/sam.rubric.json", "data/debrief/kim.rubric.json",
              "data/debrief/alex.rubric.json", NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.err, ==, "");
  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "debrief", "panel.csv", NULL), &golden, NULL, NULL);
  g_assert_cmpstr (clean.out, ==, golden);
}

/* To a file, anonymised; nothing written when no file loads. */
static void
test_debrief_output (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-debrief-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "panel.html", NULL);
  g_autofree char *none = g_build_filename (dir, "none.md", NULL);
  g_autofree char *html = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) broken = { 0 };

  run_rubric (&run, "--debrief", "--export", "html", "--anonymize", "--output", output,
              "data/debrief/sam.rubric.json", "data/debrief/alex.rubric.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (output, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_null (strstr (html, "Lovelace"));
  g_assert_null (strstr (html, "Sam Lee"));
  g_assert_nonnull (strstr (html, "Interviewer B"));

  run_rubric (&broken, "--debrief", "--export", "md", "--output", none, "data/debrief/broken.rubric.json", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "data/debrief/broken.rubric.json:6:39: "));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  /* Plain text, and a PDF read back by poppler's pdftotext. */
  {
    g_auto(Run) text = { 0 };
    g_auto(Run) pdf = { 0 };
    g_autofree char *pdf_path = g_build_filename (dir, "panel.pdf", NULL);
    g_autofree char *read_back = NULL;
    const char *names[] = { "Lovelace", "Sam Lee", "Kim Park" };

    run_rubric (&text, "--debrief", "--export", "txt", "data/debrief/sam.rubric.json",
                "data/debrief/kim.rubric.json", NULL);
    g_assert_cmpint (text.status, ==, 0);
    g_assert_true (g_str_has_prefix (text.out, "Panel debrief: Ada Lovelace\n===="));
    g_assert_nonnull (strstr (text.out, "Kim Park     Strong no"));

    run_rubric (&pdf, "--debrief", "--export", "pdf", "--anonymize", "--output", pdf_path,
                "data/debrief/sam.rubric.json", "data/debrief/kim.rubric.json", NULL);
    g_assert_cmpint (pdf.status, ==, 0);
    read_back = pdf_text (pdf_path);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_assert_null (strstr (read_back, names[i]));
    g_assert_nonnull (strstr (read_back, "Interviewer B"));
    g_remove (pdf_path);
  }

  g_remove (output);
  g_rmdir (dir);
}

/* A folder: its sessions compared, a row a candidate; the broken file and
 * the session of another plan on standard error, and exit 1. Files
 * named one by one, anonymised: exit 0, no name. */
static void
test_compare_export (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) files = { 0 };
  g_auto(GStrv) rows = NULL;

  run_rubric (&run, "--compare", "--export", "csv", "data/compare", NULL);
  g_assert_cmpint (run.status, ==, 1);
  rows = g_strsplit (run.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 5);
  g_assert_true (g_str_has_prefix (rows[0], "candidate,role,interviewers_counted,overall_score,recommendation,tally,"));
  g_assert_true (g_str_has_prefix (rows[1], "Ada Lovelace,Senior Django Developer,3,3.3,yes,"));
  g_assert_true (g_str_has_prefix (rows[3], "Alan Turing,"));
  g_assert_nonnull (strstr (run.err, "data/compare/broken.rubric.json:6:"));
  g_assert_nonnull (strstr (run.err, "data/compare/turing-jo.json: run with the plan “Short round”, not “Panel round” like most: left out\n"));

  run_rubric (&files, "--compare", "--export", "csv", "--anonymize", "data/compare/ada-sam.rubric.json",
              "data/compare/ada-kim.rubric.json", "data/compare/grace-sam.rubric.json", NULL);
  g_assert_cmpint (files.status, ==, 0);
  g_assert_true (g_str_has_prefix (files.out, "candidate,"));
  g_assert_nonnull (strstr (files.out, "\r\nCandidate "));
  g_assert_null (strstr (files.out, "Lovelace"));
  g_assert_null (strstr (files.out, "Hopper"));
}

/* A folder as a PDF, written with --output and read back by pdftotext:
 * the candidates in the window's order, the problems, a split panel; the
 * same on standard error and the same exit as the CSV. */
static void
test_compare_export_pdf (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("rubric-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "compare.pdf", NULL);
  g_autofree char *text = NULL;
  const char *grace, *ada, *alan;

  run_rubric (&run, "--compare", "--export", "pdf", "--output", path, "data/compare", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "data/compare/broken.rubric.json:6:"));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Candidates compared"));
  g_assert_nonnull (strstr (text, "data/compare/broken.rubric.json:6:39"));
  g_assert_nonnull (strstr (text, "Split panel"));
  grace = strstr (text, "Grace Hopper");
  ada = strstr (text, "Ada Lovelace");
  alan = strstr (text, "Alan Turing");
  g_assert_true (grace != NULL && ada != NULL && alan != NULL);
  g_assert_true (grace < ada && ada < alan);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_debrief_usage (void)
{
  static const char *cases[][6] = {
    { "--debrief", "--anonymize", "data/debrief/sam.rubric.json", NULL },                /* no --export */
    { "--debrief", NULL },                                                               /* no session */
    { "--debrief", "--export", "md", NULL },                                             /* no session */
    { "--debrief", "--export", "docx", "data/debrief/sam.rubric.json", NULL },           /* no such format */
    { "--debrief", "--export", "md", "--include-private", "data/debrief/sam.rubric.json" }, /* never */
    { "--debrief", "--export", "md", "--output", "data/debrief/sam.rubric.json", "data/debrief/sam.rubric.json" },
    { "--compare", "--output", "compare.csv", "data/compare", NULL },                     /* --output without --export */
    { "--compare", "--export", "csv", NULL },                                            /* no folder */
    { "--compare", "--export", "md", "data/compare", NULL },                             /* CSV or PDF only */
    { "--compare", "--debrief", "--export", "csv", "data/compare", NULL },               /* one or the other */
    { "--compare", "--export", "csv", "--include-answers", "data/compare", NULL },       /* never */
    { "--compare", "--export", "csv", "--output", "data/compare/ada-sam.rubric.json", "data/compare" }, /* in the folder */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_rubric (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], cases[i][5], NULL);
      if (run.status != 2)
        g_error ("case %u: exit %d, not 2: %s", i, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "rubric: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/check-valid", test_check_valid);
  g_test_add_func ("/cli/check-session-warnings", test_check_session_warnings);
  g_test_add_func ("/cli/check-truncated", test_check_truncated);
  g_test_add_func ("/cli/check-mixed", test_check_mixed);
  g_test_add_func ("/cli/check-plan", test_check_plan);
  g_test_add_func ("/cli/check-seal", test_check_seal);
  g_test_add_func ("/cli/check-missing", test_check_missing);
  g_test_add_func ("/cli/check-special-files", test_check_special_files);
  g_test_add_func ("/cli/check-duplicate-key", test_check_duplicate_key);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-stdout", test_export_stdout);
  g_test_add_func ("/cli/export-flags", test_export_flags);
  g_test_add_func ("/cli/export-redact", test_export_redact);
  g_test_add_func ("/cli/export-file-atomic", test_export_file_atomic);
  g_test_add_func ("/cli/export-usage", test_export_usage);
  g_test_add_func ("/cli/export-empty", test_export_empty);
  g_test_add_func ("/cli/export-pdf-not-to-terminal", test_export_pdf_not_to_terminal);
  g_test_add_func ("/cli/export-pdf-to-named-pipe", test_export_pdf_to_named_pipe);
  g_test_add_func ("/cli/export-stdout-all", test_export_stdout_all);
  g_test_add_func ("/cli/export-onto-session", test_export_onto_session);
  g_test_add_func ("/cli/export-mode", test_export_mode);
  g_test_add_func ("/cli/export-planned", test_export_planned);
  g_test_add_func ("/cli/export-anki", test_export_anki);
  g_test_add_func ("/cli/debrief-export", test_debrief_export);
  g_test_add_func ("/cli/debrief-output", test_debrief_output);
  g_test_add_func ("/cli/debrief-usage", test_debrief_usage);
  g_test_add_func ("/cli/compare-export", test_compare_export);
  g_test_add_func ("/cli/compare-export-pdf", test_compare_export_pdf);

  return g_test_run ();
}
