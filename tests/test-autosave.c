/* test-autosave.c — the debounced autosave helper, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rubric-autosave.h"

typedef struct
{
  RubricKit *kit;
  RubricSession *session;
  RubricAutosave *autosave;
  char *dir;
  char *path;
  GFile *file;
  guint saved;
  guint failed;
} Fixture;

static void
on_saved_cb (RubricAutosave *autosave,
             Fixture        *fixture)
{
  fixture->saved++;
}

static void
on_failed_cb (RubricAutosave *autosave,
              const GError   *error,
              Fixture        *fixture)
{
  g_assert_nonnull (error);
  fixture->failed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *kit_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.rubric-kit.json", NULL);
  g_autoptr(GFile) kit_file = g_file_new_for_path (kit_path);
  g_autoptr(GError) error = NULL;

  fixture->kit = rubric_kit_new_from_file (kit_file, NULL, &error);
  g_assert_no_error (error);
  fixture->session = rubric_session_new (fixture->kit);
  fixture->dir = g_dir_make_tmp ("rubric-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "session.rubric.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->autosave = rubric_autosave_new (fixture->session, fixture->file);
  rubric_autosave_set_delay (fixture->autosave, 50);
  g_signal_connect (fixture->autosave, "saved", G_CALLBACK (on_saved_cb), fixture);
  g_signal_connect (fixture->autosave, "failed", G_CALLBACK (on_failed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->autosave);
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->kit);
  g_clear_object (&fixture->file);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
count_saved_cb (guint *count)
{
  (*count)++;
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
wait_until_saved (Fixture *fixture,
                  guint    count)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (fixture->saved < count)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
file_text (Fixture *fixture)
{
  char *text = NULL;

  g_file_get_contents (fixture->path, &text, NULL, NULL);
  return text;
}

static char *
session_text (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = rubric_session_to_bytes (fixture->session);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_saves_after_pause (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;

  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));

  rubric_session_set_candidate_name (fixture->session, "Ada");
  g_assert_true (rubric_autosave_get_dirty (fixture->autosave));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  wait_until_saved (fixture, 1);
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
  g_assert_false (rubric_autosave_get_saving (fixture->autosave));

  written = file_text (fixture);
  expected = session_text (fixture);
  g_assert_cmpstr (written, ==, expected);
}

static void
test_debounces (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *written = NULL;

  rubric_autosave_set_delay (fixture->autosave, 200);

  /* Typing: a change every 20 ms never lets the pause pass… */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Typing %u", i);

      rubric_session_set_candidate_name (fixture->session, name);
      iterate_for (20);
    }
  g_assert_cmpuint (fixture->saved, ==, 0);

  /* …and once typing stops, one write has everything. */
  wait_until_saved (fixture, 1);
  iterate_for (300);
  g_assert_cmpuint (fixture->saved, ==, 1);
  written = file_text (fixture);
  g_assert_nonnull (strstr (written, "Typing 9"));
}

static void
test_max_wait (Fixture       *fixture,
               gconstpointer  data)
{
  /* A change every 20 ms for 600 ms with a 100 ms pause: the pause never
   * comes, but the session is written anyway, at most 200 ms late. */
  rubric_autosave_set_delay (fixture->autosave, 100);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *summary = g_strdup_printf ("tick %u", i);

      rubric_session_set_summary (fixture->session, summary);
      iterate_for (20);
    }
  g_assert_cmpuint (fixture->saved, >=, 1);
}

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  int *status = user_data;
  g_autoptr(GError) error = NULL;

  *status = rubric_autosave_flush_finish (RUBRIC_AUTOSAVE (object), result, &error) ? 1 : 2;
}

static int
flush_and_wait (Fixture *fixture)
{
  int status = 0;

  rubric_autosave_flush_async (fixture->autosave, NULL, flush_cb, &status);
  while (status == 0)
    g_main_context_iteration (NULL, TRUE);

  return status;
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *written = NULL;

  /* A long pause: only the flush can have written it. */
  rubric_autosave_set_delay (fixture->autosave, 60000);
  rubric_session_set_summary (fixture->session, "Closing the window");

  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  g_assert_cmpuint (fixture->saved, ==, 1);
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
  written = file_text (fixture);
  g_assert_nonnull (strstr (written, "Closing the window"));

  /* Nothing to write: the flush completes at once and writes nothing. */
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  g_assert_cmpuint (fixture->saved, ==, 1);
}

static void
test_change_during_write (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *written = NULL;
  int status = 0;

  rubric_autosave_set_delay (fixture->autosave, 60000);
  rubric_session_set_candidate_name (fixture->session, "Before");
  rubric_autosave_flush_async (fixture->autosave, NULL, flush_cb, &status);
  g_assert_true (rubric_autosave_get_saving (fixture->autosave));

  /* A change while the write is in flight: not a second write at once, but
   * the flush is not done until it is on disk too. */
  rubric_session_set_candidate_name (fixture->session, "During");
  g_assert_cmpuint (fixture->saved, ==, 0);

  while (status == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (status, ==, 1);
  g_assert_cmpuint (fixture->saved, ==, 2);
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
  written = file_text (fixture);
  g_assert_nonnull (strstr (written, "During"));
}

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);

  rubric_autosave_set_file (fixture->autosave, file);
  rubric_session_set_candidate_name (fixture->session, "Nowhere to go");

  g_assert_cmpint (flush_and_wait (fixture), ==, 2);
  g_assert_cmpuint (fixture->failed, ==, 1);
  g_assert_cmpuint (fixture->saved, ==, 0);
  /* Still dirty: nothing the user typed is considered safe. */
  g_assert_true (rubric_autosave_get_dirty (fixture->autosave));

  /* A place that works: the next flush writes everything. */
  rubric_autosave_set_file (fixture->autosave, fixture->file);
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
}

static void
test_save_as_marks_dirty (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.rubric.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  guint notified = 0;

  rubric_session_set_candidate_name (fixture->session, "Moved");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));

  g_signal_connect (fixture->autosave, "notify::dirty", G_CALLBACK (count_cb), &notified);
  rubric_autosave_set_file (fixture->autosave, other);
  g_assert_true (rubric_autosave_get_dirty (fixture->autosave));
  g_assert_cmpuint (notified, ==, 1);

  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  g_assert_true (g_file_test (other_path, G_FILE_TEST_EXISTS));
  g_unlink (other_path);
}

static void
test_file_arrives_later (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RubricAutosave) autosave = NULL;
  guint saved = 0;

  /* Changes made before there is a file to write them to are written as
   * soon as there is one (an untitled draft whose folder is being made). */
  autosave = rubric_autosave_new (fixture->session, NULL);
  rubric_autosave_set_delay (autosave, 50);
  g_signal_connect_swapped (autosave, "saved", G_CALLBACK (count_saved_cb), &saved);
  rubric_session_set_candidate_name (fixture->session, "Early");
  iterate_for (200);
  g_assert_cmpuint (saved, ==, 0);
  g_assert_true (rubric_autosave_get_dirty (autosave));

  rubric_autosave_set_file (autosave, fixture->file);
  iterate_for (300);
  g_assert_cmpuint (saved, ==, 1);
  g_assert_false (rubric_autosave_get_dirty (autosave));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/autosave/saves-after-pause", test_saves_after_pause);
  ADD ("/autosave/debounces", test_debounces);
  ADD ("/autosave/max-wait", test_max_wait);
  ADD ("/autosave/flush", test_flush);
  ADD ("/autosave/change-during-write", test_change_during_write);
  ADD ("/autosave/failure", test_failure);
  ADD ("/autosave/save-as-marks-dirty", test_save_as_marks_dirty);
  ADD ("/autosave/file-arrives-later", test_file_arrives_later);

  return g_test_run ();
}
