/* test-autosave.c — the debounced autosave helper, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
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

static int flush_and_wait (Fixture *fixture);

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

  /* Nothing in flight when the fixture goes. */
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
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

/* The timer of a change made during a write fires while that write is
 * still in flight: it can start nothing then, and the write's end must
 * start the next one, or the change waits, unsaved, for another change
 * (or a crash). */
static void
test_timer_during_write (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *written = NULL;
  g_autofree char *long_summary = g_strnfill (4 * 1024 * 1024, 'x');
  gint64 deadline;

  /* 4 MB to write: the write takes milliseconds, so the timer below is
   * due long before the write's end is. */
  rubric_session_set_summary (fixture->session, long_summary);
  rubric_autosave_set_delay (fixture->autosave, 1);
  rubric_session_set_candidate_name (fixture->session, "Before");
  while (!rubric_autosave_get_saving (fixture->autosave))
    g_main_context_iteration (NULL, TRUE);

  /* The change's timer, due in a millisecond, and the write's end are both
   * ready when the main loop next runs: the timer comes first, as it was
   * set first, and finds the write in flight. */
  rubric_session_set_candidate_name (fixture->session, "During");
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  while (rubric_autosave_get_saving (fixture->autosave))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->saved, ==, 1);

  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (rubric_autosave_get_dirty (fixture->autosave) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
  g_assert_cmpuint (fixture->saved, ==, 2);
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


/* ------------------------------------------------------------ conflicts */

typedef enum {
  BEHIND_MODIFY,
  BEHIND_REPLACE,
  BEHIND_RENAME,
  BEHIND_DELETE,
} Behind;

/* Another program's doing; returns what the file now holds (NULL: gone). */
static char *
change_behind_its_back (Fixture *fixture,
                        Behind   how)
{
  g_autofree char *other = g_build_filename (fixture->dir, "elsewhere.json", NULL);

  switch (how)
    {
    case BEHIND_MODIFY:
      {
        g_autofree char *text = file_text (fixture);
        g_autofree char *theirs = g_strconcat (text, " ", NULL);

        /* In place, the same inode, one byte longer. */
        {
          FILE *f = fopen (fixture->path, "a");

          g_assert_nonnull (f);
          fputc (' ', f);
          fclose (f);
        }
        return g_steal_pointer (&theirs);
      }
    case BEHIND_REPLACE:
      g_assert_true (g_file_set_contents (other, "{\"theirs\": true}\n", -1, NULL));
      g_assert_cmpint (g_rename (other, fixture->path), ==, 0);
      return g_strdup ("{\"theirs\": true}\n");
    case BEHIND_RENAME:
      g_assert_cmpint (g_rename (fixture->path, other), ==, 0);
      return NULL;
    case BEHIND_DELETE:
      g_assert_cmpint (g_unlink (fixture->path), ==, 0);
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  Behind how = GPOINTER_TO_INT (data);
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "elsewhere.json", NULL);
  guint saved;

  rubric_autosave_set_delay (fixture->autosave, 60000);
  rubric_session_set_candidate_name (fixture->session, "Ours");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  saved = fixture->saved;

  theirs = change_behind_its_back (fixture, how);

  /* Ours changes too: the next write would overwrite theirs. It does not
   * happen; the autosave says why and stops. */
  rubric_session_set_candidate_name (fixture->session, "Ours, later");
  g_assert_cmpint (flush_and_wait (fixture), ==, 2);
  g_assert_true (rubric_autosave_get_conflict (fixture->autosave));
  g_assert_true (rubric_autosave_get_dirty (fixture->autosave));
  g_assert_cmpuint (fixture->saved, ==, saved);
  now = file_text (fixture);
  g_assert_cmpstr (now, ==, theirs);

  /* Further changes write nothing either. */
  rubric_autosave_set_delay (fixture->autosave, 20);
  rubric_session_set_candidate_name (fixture->session, "Ours, even later");
  iterate_for (200);
  g_clear_pointer (&now, g_free);
  now = file_text (fixture);
  g_assert_cmpstr (now, ==, theirs);

  /* Overwrite: the user's answer. Ours is on disk, and saving goes on. */
  {
    int status = 0;

    rubric_autosave_overwrite_async (fixture->autosave, NULL, flush_cb, &status);
    while (status == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (status, ==, 1);
  }
  g_assert_false (rubric_autosave_get_conflict (fixture->autosave));
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
  g_clear_pointer (&now, g_free);
  now = file_text (fixture);
  g_assert_nonnull (strstr (now, "Ours, even later"));

  rubric_session_set_candidate_name (fixture->session, "Ours, last");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  g_unlink (elsewhere);
}

static void
test_conflict_seen_by_monitor (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  gint64 end;

  rubric_autosave_set_delay (fixture->autosave, 60000);
  rubric_session_set_candidate_name (fixture->session, "Ours");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  iterate_for (200);   /* our own write's events are ours */
  g_assert_false (rubric_autosave_get_conflict (fixture->autosave));

  /* Nobody touches the session; the file changes: the conflict is known
   * before anything would be written. */
  theirs = change_behind_its_back (fixture, BEHIND_REPLACE);
  end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (!rubric_autosave_get_conflict (fixture->autosave))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  now = file_text (fixture);
  g_assert_cmpstr (now, ==, theirs);
}

static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RubricSession) other = rubric_session_new (fixture->kit);
  g_autoptr(RubricAutosave) second = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *now = NULL;
  int status = 0;

  /* Both open the same file, as two Rubric processes would. */
  rubric_autosave_set_delay (fixture->autosave, 60000);
  rubric_session_set_candidate_name (fixture->session, "First");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  stamp = rubric_file_dup_stamp (fixture->file, NULL, NULL);
  second = rubric_autosave_new (other, fixture->file);
  rubric_autosave_set_stamp (second, stamp);
  rubric_autosave_set_delay (second, 60000);

  /* The first writes again; the second's next write is refused, not a
   * tug of war. */
  rubric_session_set_candidate_name (fixture->session, "First again");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  rubric_session_set_candidate_name (other, "Second");
  rubric_autosave_flush_async (second, NULL, flush_cb, &status);
  while (status == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (status, ==, 2);
  g_assert_true (rubric_autosave_get_conflict (second));
  now = file_text (fixture);
  g_assert_nonnull (strstr (now, "First again"));
  g_clear_object (&second);
}

static void
count_changed_cb (RubricSession *session,
                  guint         *count)
{
  (*count)++;
}

static void
test_idle_session_unchanged (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RubricSession) session = NULL;
  g_autoptr(RubricAutosave) autosave = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stamp = NULL;
  RubricQuestion *question;
  guint changed = 0;
  guint saved = 0;

  rubric_session_set_candidate_name (fixture->session, "Saved once");
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  before = file_text (fixture);

  /* Opened again and only looked at, while the interview clock runs. */
  session = rubric_session_new_from_file (fixture->file, fixture->kit, NULL, &error);
  g_assert_no_error (error);
  stamp = rubric_file_dup_stamp (fixture->file, NULL, NULL);
  autosave = rubric_autosave_new (session, fixture->file);
  rubric_autosave_set_stamp (autosave, stamp);
  rubric_autosave_set_delay (autosave, 10);
  g_signal_connect (session, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_signal_connect_swapped (autosave, "saved", G_CALLBACK (count_saved_cb), &saved);

  {
    g_autoptr(RubricTopic) topic = g_list_model_get_item (rubric_kit_get_topics (fixture->kit), 0);
    g_autoptr(RubricQuestion) first = g_list_model_get_item (rubric_topic_get_questions (topic), 0);

    question = first;
    for (guint i = 0; i < 60; i++)
      {
        rubric_session_add_time (session, question, 1);
        iterate_for (2);
      }
  }
  iterate_for (100);

  /* A minute of the clock: no change, no write, the file as it was. */
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (saved, ==, 0);
  g_assert_false (rubric_autosave_get_dirty (autosave));
  after = file_text (fixture);
  g_assert_cmpstr (after, ==, before);

  /* The time is kept, and saved with the next real change. */
  rubric_session_set_summary (session, "A real change");
  {
    int status = 0;

    rubric_autosave_flush_async (autosave, NULL, flush_cb, &status);
    while (status == 0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (status, ==, 1);
  }
  g_clear_pointer (&after, g_free);
  after = file_text (fixture);
  g_assert_nonnull (strstr (after, "\"elapsed_s\" : 60"));
  g_clear_object (&autosave);
}

static void
test_save_as_during_write (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "moved.rubric.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *text = NULL;
  int first = 0;

  /* Save As while an automatic save to the old place is in flight: the
   * flush is not done until the new place has everything. */
  rubric_autosave_set_delay (fixture->autosave, 60000);
  rubric_session_set_candidate_name (fixture->session, "In flight");
  rubric_autosave_flush_async (fixture->autosave, NULL, flush_cb, &first);
  g_assert_true (rubric_autosave_get_saving (fixture->autosave));
  rubric_autosave_set_file (fixture->autosave, other);
  g_assert_cmpint (flush_and_wait (fixture), ==, 1);
  while (first == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (other_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "In flight"));
  g_assert_false (rubric_autosave_get_dirty (fixture->autosave));
  g_unlink (other_path);
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
  ADD ("/autosave/timer-during-write", test_timer_during_write);
  ADD ("/autosave/failure", test_failure);
  ADD ("/autosave/save-as-marks-dirty", test_save_as_marks_dirty);
  ADD ("/autosave/file-arrives-later", test_file_arrives_later);
  g_test_add ("/autosave/conflict/modified", Fixture, GINT_TO_POINTER (BEHIND_MODIFY),
              fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/autosave/conflict/replaced", Fixture, GINT_TO_POINTER (BEHIND_REPLACE),
              fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/autosave/conflict/renamed", Fixture, GINT_TO_POINTER (BEHIND_RENAME),
              fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/autosave/conflict/deleted", Fixture, GINT_TO_POINTER (BEHIND_DELETE),
              fixture_set_up, test_conflict, fixture_tear_down);
  ADD ("/autosave/conflict/seen-by-monitor", test_conflict_seen_by_monitor);
  ADD ("/autosave/conflict/two-writers", test_two_writers);
  ADD ("/autosave/idle-session-unchanged", test_idle_session_unchanged);
  ADD ("/autosave/save-as-during-write", test_save_as_during_write);

  return g_test_run ();
}
