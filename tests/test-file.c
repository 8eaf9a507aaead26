/* test-file.c — the one writer and reader, against failing disks; no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every writer of Rubric goes through rubric_file_write(). These tests make
 * the disk fail under it — a file size limit (EFBIG, as a full disk fails a
 * write half-way), a read-only folder, a folder that is gone, a cancelled
 * write, another program's change — and check each time that the file is
 * byte for byte what it was and that no temporary file is left. Faults that
 * need a process of their own run in a subprocess (g_test_trap_subprocess).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rubric-core-test-utils.h"
#include "rubric-drafts.h"
#include "rubric-export.h"
#include "rubric-file.h"
#include "rubric-json-private.h"
#include "rubric-kit-library.h"
#include "rubric-session.h"
#include "rubric-study.h"

#define OLD_TEXT "{\"old\": \"the interview as it was\"}\n"

/* The folder every test works in: made afresh for each test and for each
 * subprocess, shared between a test and its subprocess. */
static char *
work_dir (void)
{
  g_autofree char *name = g_strdup (g_test_get_path ());

  g_strdelimit (name, "/", '_');
  return g_build_filename (g_getenv ("RUBRIC_TEST_XDG"), "work", name, NULL);
}

static char *
work_path (const char *name)
{
  g_autofree char *dir = work_dir ();

  return g_build_filename (dir, name, NULL);
}

static void
fresh_work_dir (void)
{
  g_autofree char *dir = work_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
}

static void
write_text (const char *path,
            const char *text,
            mode_t      mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, mode, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* The names in @dir that are not @except: temporary files left behind. */
static guint
count_other_files (const char         *dir,
                   const char * const *except)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (except == NULL || !g_strv_contains (except, name))
      {
        g_test_message ("left in %s: %s", dir, name);
        n++;
      }
  return n;
}

static mode_t
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GBytes *
big_bytes (gsize size)
{
  char *data = g_malloc (size);

  memset (data, 'x', size);
  return g_bytes_new_take (data, size);
}

/* In a subprocess: files may grow to @limit bytes, and going past it is
 * an error (EFBIG), not a signal, as a full disk would be. */
static void
limit_file_size (rlim_t limit)
{
  struct rlimit rl = { limit, limit };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static gboolean
running_as_root (void)
{
  return geteuid () == 0;
}

/* ---------------------------------------------------------------- writing */

static void
test_new_file (void)
{
  g_autofree char *path = work_path ("new.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *now = NULL;
  g_autofree char *dir = work_dir ();
  const char *only[] = { "new.rubric.json", NULL };
  mode_t old_umask = umask (0022);

  /* A new file is private, whatever the umask. */
  g_assert_true (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_CHECK_STAMP, NULL,
                                    &stamp, NULL, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (count_other_files (dir, only), ==, 0);

  /* The stamp says which version is on disk. */
  now = rubric_file_dup_stamp (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stamp);
  g_assert_cmpstr (stamp, ==, now);
}

static void
test_keeps_mode (void)
{
  const mode_t modes[] = { 0600, 0640, 0644 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *path = work_path ("moded.rubric.json");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"new\": true}\n", 14);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      write_text (path, OLD_TEXT, modes[i]);
      g_assert_true (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (file_mode (path), ==, modes[i]);
      text = read_text (path);
      g_assert_cmpstr (text, ==, "{\"new\": true}\n");
    }
}

static RubricSession *
long_session (RubricKit *kit)
{
  RubricSession *session = rubric_session_new (kit);
  g_autofree char *notes = g_strnfill (200 * 1024, 'n');

  rubric_session_set_candidate_name (session, "Ada Lovelace");
  rubric_session_set_summary (session, notes);
  return session;
}

typedef gboolean (*WriteFunc) (RubricSession  *session,
                               RubricKit      *kit,
                               GFile          *file,
                               GError        **error);

/* @write, in a subprocess whose files may not grow past @limit bytes,
 * fails with the system's error; the file that was there is byte for byte
 * as it was, and nothing else is left in the folder. */
static void
check_fails_cleanly (const char *name,
                     rlim_t      limit,
                     WriteFunc   write)
{
  g_autofree char *path = work_path (name);
  g_autofree char *dir = work_dir ();
  g_autofree char *text = NULL;
  const char *only[] = { name, NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
      g_autoptr(RubricSession) session = long_session (kit);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      limit_file_size (limit);
      g_assert_false (write (session, kit, file, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, name));
      g_test_message ("%s", error->message);
      return;
    }

  write_text (path, OLD_TEXT, 0600);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  text = read_text (path);
  g_assert_cmpstr (text, ==, OLD_TEXT);
  g_assert_cmpuint (count_other_files (dir, only), ==, 0);
}

/* The writer itself, with bytes that cannot fit. */
static gboolean
write_too_much (RubricSession  *session,
                RubricKit      *kit,
                GFile          *file,
                GError        **error)
{
  g_autoptr(GBytes) bytes = big_bytes (256 * 1024);

  return rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, error);
}

static void
test_file_size_limit (void)
{
  check_fails_cleanly ("full.rubric.json", 64 * 1024, write_too_much);
}

static void
test_read_only_folder (void)
{
  g_autofree char *sub = work_path ("locked");
  g_autofree char *path = g_build_filename (sub, "locked.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *only[] = { "locked.rubric.json", NULL };

  if (running_as_root ())
    {
      g_test_skip ("root writes into read-only folders; the file size limit test covers a failing disk");
      return;
    }

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_text (path, OLD_TEXT, 0600);
  g_assert_cmpint (g_chmod (sub, 0500), ==, 0);

  g_assert_false (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "locked"));

  g_assert_cmpint (g_chmod (sub, 0700), ==, 0);
  text = read_text (path);
  g_assert_cmpstr (text, ==, OLD_TEXT);
  g_assert_cmpuint (count_other_files (sub, only), ==, 0);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = work_path ("readonly.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = work_dir ();
  const char *only[] = { "readonly.rubric.json", NULL };

  if (running_as_root ())
    {
      g_test_skip ("root may write any file; the file size limit test covers a failing disk");
      return;
    }

  /* A file its owner made read-only is not replaced, though the folder
   * would allow it: the error says so, the file stays as it was. */
  write_text (path, OLD_TEXT, 0400);
  g_assert_false (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "readonly.rubric.json"));
  text = read_text (path);
  g_assert_cmpstr (text, ==, OLD_TEXT);
  g_assert_cmpuint (file_mode (path), ==, 0400);
  g_assert_cmpuint (count_other_files (dir, only), ==, 0);
}

static void
test_folder_gone (void)
{
  g_autofree char *sub = work_path ("gone");
  g_autofree char *path = g_build_filename (sub, "gone.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;

  g_assert_false (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
}

static void
test_make_folder (void)
{
  g_autofree char *sub = work_path ("made");
  g_autofree char *path = g_build_filename (sub, "inner", "made.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;

  /* The folder and its parent are made; a second write finds them there. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_MAKE_FOLDER, NULL, NULL,
                                        NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_cancelled (void)
{
  g_autofree char *path = work_path ("cancelled.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = big_bytes (4 * 1024 * 1024);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = work_dir ();
  const char *only[] = { "cancelled.rubric.json", NULL };

  write_text (path, OLD_TEXT, 0600);
  g_cancellable_cancel (cancellable);
  g_assert_false (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  text = read_text (path);
  g_assert_cmpstr (text, ==, OLD_TEXT);
  g_assert_cmpuint (count_other_files (dir, only), ==, 0);
}

static void
test_symlink (void)
{
  g_autofree char *target = work_path ("real.rubric.json");
  g_autofree char *link = work_path ("link.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *points_to = NULL;
  struct stat st;

  write_text (target, OLD_TEXT, 0640);
  g_assert_cmpint (symlink ("real.rubric.json", link), ==, 0);

  /* Saved through the link: the target gets the new contents, the link
   * stays a link. */
  g_assert_true (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  points_to = g_file_read_link (link, &error);
  g_assert_cmpstr (points_to, ==, "real.rubric.json");
  text = read_text (target);
  g_assert_cmpstr (text, ==, "{}\n");
  g_assert_cmpuint (file_mode (target), ==, 0640);
}

/* Whether writing a file would write one of some others: by name, and
 * through a symbolic link (written through, as above) or a hard link. */
static void
test_is_one_of (void)
{
  g_autofree char *theirs_path = work_path ("theirs.rubric.json");
  g_autofree char *other_path = work_path ("other.rubric.json");
  g_autofree char *soft_path = work_path ("soft.pdf");
  g_autofree char *hard_path = work_path ("hard.pdf");
  g_autofree char *new_path = work_path ("new.pdf");
  g_autoptr(GFile) theirs = g_file_new_for_path (theirs_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GFile) soft = g_file_new_for_path (soft_path);
  g_autoptr(GFile) hard = g_file_new_for_path (hard_path);
  g_autoptr(GFile) fresh = g_file_new_for_path (new_path);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();

  write_text (theirs_path, OLD_TEXT, 0644);
  write_text (other_path, OLD_TEXT, 0644);
  g_assert_cmpint (symlink ("theirs.rubric.json", soft_path), ==, 0);
  g_assert_cmpint (link (theirs_path, hard_path), ==, 0);
  g_ptr_array_add (sources, theirs);

  g_assert_true (rubric_file_is_one_of (theirs, sources, NULL));
  g_assert_true (rubric_file_is_one_of (soft, sources, NULL));
  g_assert_true (rubric_file_is_one_of (hard, sources, NULL));
  g_assert_false (rubric_file_is_one_of (other, sources, NULL));
  g_assert_false (rubric_file_is_one_of (fresh, sources, NULL));
  g_assert_false (rubric_file_is_one_of (theirs, NULL, NULL));

  /* Their stamps tell the same: one file, whatever name reached it. */
  {
    g_autofree char *a = rubric_file_dup_stamp (theirs, NULL, NULL);
    g_autofree char *b = rubric_file_dup_stamp (soft, NULL, NULL);
    g_autofree char *c = rubric_file_dup_stamp (hard, NULL, NULL);
    g_autofree char *d = rubric_file_dup_stamp (other, NULL, NULL);

    g_assert_true (rubric_file_stamps_same_file (a, b));
    g_assert_true (rubric_file_stamps_same_file (a, c));
    g_assert_false (rubric_file_stamps_same_file (a, d));
    g_assert_false (rubric_file_stamps_same_file (a, NULL));
    /* A remote file's stamp is GIO's entity tag: no device, no inode. */
    g_assert_false (rubric_file_stamps_same_file ("1700000000:123456", "1700000000:123456"));
  }
}

static void
test_not_regular (void)
{
  g_autofree char *sub = work_path ("a-folder.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (sub);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_false (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
}

typedef enum {
  CHANGE_MODIFY,
  CHANGE_REPLACE,
  CHANGE_RENAME,
  CHANGE_DELETE,
} Change;

static void
test_conflict (gconstpointer data)
{
  Change change = GPOINTER_TO_INT (data);
  g_autofree char *path = work_path ("shared.rubric.json");
  g_autofree char *other = work_path ("other.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"ours\": 1}\n", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *text = NULL;

  write_text (path, OLD_TEXT, 0600);
  stamp = rubric_file_dup_stamp (file, NULL, &error);
  g_assert_no_error (error);

  /* Someone else's doing, behind Rubric's back. */
  switch (change)
    {
    case CHANGE_MODIFY:
      {
        int fd = g_open (path, O_WRONLY | O_APPEND, 0);

        g_assert_cmpint (fd, >=, 0);
        g_assert_cmpint (write (fd, "x", 1), ==, 1);
        close (fd);
        theirs = g_strconcat (OLD_TEXT, "x", NULL);
      }
      break;
    case CHANGE_REPLACE:
      write_text (other, "{\"theirs\": 1}\n", 0600);
      g_assert_cmpint (g_rename (other, path), ==, 0);
      theirs = g_strdup ("{\"theirs\": 1}\n");
      break;
    case CHANGE_RENAME:
      g_assert_cmpint (g_rename (path, other), ==, 0);
      break;
    case CHANGE_DELETE:
      g_assert_cmpint (g_unlink (path), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_false (rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_CHECK_STAMP, stamp,
                                     NULL, NULL, &error));
  g_assert_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "shared.rubric.json"));

  /* Their version stands; nothing of ours was written anywhere. */
  text = read_text (path);
  g_assert_cmpstr (text, ==, theirs);
  if (change == CHANGE_RENAME)
    {
      g_autofree char *moved = read_text (other);

      g_assert_cmpstr (moved, ==, OLD_TEXT);
    }
}

static void
test_leftovers (void)
{
  g_autofree char *path = work_path ("crashed.rubric.json");
  g_autofree char *ours = work_path (".crashed.rubric.json.rubric-Ab12Cd");
  g_autofree char *other = work_path (".other.rubric.json.rubric-Ab12Cd");
  g_autofree char *foreign = work_path (".goutputstream-Ab12Cd");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  write_text (path, OLD_TEXT, 0600);
  write_text (ours, "{\"half", 0600);
  write_text (other, "{}", 0600);
  write_text (foreign, "{}", 0600);

  g_assert_true (rubric_file_is_temporary (".crashed.rubric.json.rubric-Ab12Cd"));
  g_assert_false (rubric_file_is_temporary ("crashed.rubric.json"));

  /* Only this file's own temporary files go. */
  g_assert_cmpuint (rubric_file_remove_leftovers (file, NULL), ==, 1);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---------------------------------------------------------------- reading */

static void
test_read_fifo (void)
{
  g_autofree char *path = work_path ("pipe.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  start = g_get_monotonic_time ();
  bytes = rubric_file_read (file, 1024, NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "pipe.rubric.json"));
  /* At once: nobody ever writes into that pipe. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_read_devices (void)
{
  const char *devices[] = { "/dev/zero", "/dev/urandom", "/dev/null" };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (devices[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = rubric_file_read (file, 16 * 1024 * 1024, NULL, NULL, &error);

      if (!g_file_test (devices[i], G_FILE_TEST_EXISTS))
        continue;
      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    }
}

static void
test_read_too_large (void)
{
  g_autofree char *path = work_path ("huge.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stamp = NULL;

  write_text (path, "0123456789", 0600);

  bytes = rubric_file_read (file, 9, NULL, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* At the limit exactly: read, with the stamp of what was read. */
  bytes = rubric_file_read (file, 10, &stamp, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
  g_assert_nonnull (stamp);
}

/* ------------------------------------------------- every writer goes through */



static gboolean
save_session (RubricSession  *session,
              RubricKit      *kit,
              GFile          *file,
              GError        **error)
{
  return rubric_session_save (session, file, NULL, error);
}

static gboolean
export_markdown (RubricSession  *session,
                 RubricKit      *kit,
                 GFile          *file,
                 GError        **error)
{
  return rubric_export_to_file (session, kit, RUBRIC_EXPORT_FORMAT_MARKDOWN,
                                RUBRIC_EXPORT_FLAGS_NONE, file, NULL, error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The Export dialog's way: drawn and written in a worker thread. (Markdown:
 * a PDF would make fontconfig build its cache under the size limit.) */
static gboolean
export_async (RubricSession  *session,
                  RubricKit      *kit,
                  GFile          *file,
                  GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rubric_export_to_file_async (session, kit, RUBRIC_EXPORT_FORMAT_MARKDOWN, RUBRIC_EXPORT_FLAGS_NONE,
                               file, NULL, exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rubric_export_to_file_finish (result, error);
}

static void
test_session_save_fails_cleanly (void)
{
  check_fails_cleanly ("session.rubric.json", 64 * 1024, save_session);
}

static void
test_export_fails_cleanly (void)
{
  check_fails_cleanly ("summary.md", 16 * 1024, export_markdown);
}

static void
test_export_async_fails_cleanly (void)
{
  check_fails_cleanly ("summary-async.md", 16 * 1024, export_async);
}

static void
test_study_fails_cleanly (void)
{
  g_autoptr(GFile) folder = rubric_study_get_folder ();
  g_autofree char *dir = g_file_get_path (folder);
  g_autofree char *path = g_build_filename (dir, "minimal.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *only[] = { "minimal.json", NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GAsyncResult) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RubricStudyProgress) progress = NULL;

      rubric_study_progress_load_async ("minimal", NULL, rubric_test_store_result_cb, &result);
      progress = rubric_study_progress_load_finish (rubric_test_wait_for (&result), &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 2000; i++)
        {
          g_autofree char *id = g_strdup_printf ("topic.question-%u", i);

          rubric_study_progress_set_grade (progress, id, RUBRIC_STUDY_GRADE_KNEW);
        }

      limit_file_size (4 * 1024);
      rubric_study_progress_save_async (progress, NULL, rubric_test_store_result_cb, &saved);
      g_assert_false (rubric_study_progress_save_finish (progress, rubric_test_wait_for (&saved), &error));
      g_assert_nonnull (error);
      return;
    }

  /* Progress saved once, whole. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) saved = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(RubricStudyProgress) progress = NULL;

    rubric_study_progress_load_async ("minimal", NULL, rubric_test_store_result_cb, &result);
    progress = rubric_study_progress_load_finish (rubric_test_wait_for (&result), &error);
    g_assert_no_error (error);
    rubric_study_progress_set_grade (progress, "topic.first", RUBRIC_STUDY_GRADE_KNEW);
    rubric_study_progress_save_async (progress, NULL, rubric_test_store_result_cb, &saved);
    g_assert_true (rubric_study_progress_save_finish (progress, rubric_test_wait_for (&saved), &error));
    g_assert_no_error (error);
  }
  before = read_text (path);
  g_assert_nonnull (before);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  after = read_text (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_other_files (dir, only), ==, 0);
}

static void
test_kit_import_fails_cleanly (void)
{
  g_autofree char *kits = g_build_filename (g_get_user_data_dir (), "rubric", "kits", NULL);

  if (g_test_subprocess ())
    {
      g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.rubric-kit.json", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (source_path);
      g_autoptr(RubricKitLibrary) library = rubric_kit_library_new (NULL);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RubricKit) kit = NULL;

      g_assert_cmpint (g_mkdir_with_parents (kits, 0700), ==, 0);
      rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
      g_assert_true (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
      g_assert_no_error (error);
      g_clear_object (&result);

      limit_file_size (64);
      rubric_kit_library_import_async (library, source, NULL, rubric_test_store_result_cb, &result);
      kit = rubric_kit_library_import_finish (library, rubric_test_wait_for (&result), &error);
      g_assert_null (kit);
      g_assert_nonnull (error);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* Nothing half-imported: no kit, no temporary file. */
  g_assert_cmpuint (count_other_files (kits, NULL), ==, 0);
}

static void
test_too_large_to_save (void)
{
  g_autofree char *path = work_path ("large.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autofree char *notes = g_strnfill (17 * 1024 * 1024, 'n');
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Rubric would refuse to open it, so it refuses to write it: nothing is
   * written, and the message says why and what to do. */
  write_text (path, OLD_TEXT, 0600);
  rubric_session_set_summary (session, notes);
  g_assert_false (rubric_session_save (session, file, NULL, &error));
  g_assert_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  text = read_text (path);
  g_assert_cmpstr (text, ==, OLD_TEXT);
}

static void
test_compact_when_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) pretty = NULL;
  g_autoptr(GBytes) compact = NULL;
  g_autoptr(GString) json = g_string_new ("{\"format\": \"rubric-session\", \"extra\": [");

  /* Many small values: indenting makes the text several times larger. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (json, i ? ",0" : "0");
  g_string_append (json, "]}");
  root = json_from_string (json->str, &error);
  g_assert_no_error (error);

  /* Room for the indented form: indented. */
  pretty = rubric_json_to_file_bytes_max (root, 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_nonnull (memchr (g_bytes_get_data (pretty, NULL), '\n', g_bytes_get_size (pretty) - 1));

  /* Room only for the compact form: compact, and within the limit. */
  compact = rubric_json_to_file_bytes_max (root, g_bytes_get_size (pretty) - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (compact), <, g_bytes_get_size (pretty) / 2);
  g_assert_null (memchr (g_bytes_get_data (compact, NULL), '\n', g_bytes_get_size (compact) - 1));

  /* Room for neither: refused. */
  g_assert_null (rubric_json_to_file_bytes_max (root, g_bytes_get_size (compact) - 2, &error));
  g_assert_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_TOO_LARGE);
}

/* ---------------------------------------------------------------- drafts */

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_drafts (void)
{
  g_autoptr(GFile) folder = rubric_drafts_get_folder ();
  g_autofree char *dir = g_file_get_path (folder);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *leftover = NULL;
  g_autofree char *draft_path = NULL;
  mode_t old_umask;

  /* The folder is made private, even where an older version made it 0755. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  old_umask = umask (0022);
  rubric_drafts_prepare_folder_async (NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_drafts_prepare_folder_finish (rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (file_mode (dir), ==, 0700);

  /* A draft is private too. */
  draft = rubric_drafts_new_file ();
  draft_path = g_file_get_path (draft);
  rubric_session_set_candidate_name (session, "Drafted");
  g_assert_true (rubric_session_save (session, draft, NULL, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (draft_path), ==, 0600);

  /* What crashes leave: an empty draft, a temporary file, a damaged one. */
  empty = g_build_filename (dir, "empty.rubric.json", NULL);
  write_text (empty, "", 0600);
  leftover = g_build_filename (dir, ".x.rubric.json.rubric-Zz9Yy8", NULL);
  write_text (leftover, "{\"half", 0600);
  broken = g_build_filename (dir, "broken.rubric.json", NULL);
  write_text (broken, "{\"format\": \"rubric-session\", ", 0600);

  rubric_drafts_list_async (kit, NULL, drafts_listed_cb, &result);
  drafts = rubric_drafts_list_finish (rubric_test_wait_for (&result), &problems, &error);
  g_assert_no_error (error);

  /* The good draft is offered; the empty one and the leftover are gone;
   * the damaged one is kept and reported, with why. */
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (rubric_session_get_candidate_name (((RubricDraft *) g_ptr_array_index (drafts, 0))->session), ==, "Drafted");
  g_assert_cmpstr (g_file_peek_path (((RubricDraft *) g_ptr_array_index (drafts, 0))->file), ==, draft_path);
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "broken.rubric.json"));
  g_test_message ("%s", problems[0]);

  g_unlink (broken);
  g_unlink (draft_path);
}

/* ------------------------------------------------------------------- main */

static void
add (const char    *path,
     GTestDataFunc  func,
     gconstpointer  data)
{
  g_test_add_data_func (path, data, func);
}

static void
run_in_fresh_dir (gconstpointer data)
{
  const struct { GTestDataFunc func; gconstpointer data; } *test = data;

  /* A subprocess reuses its parent's folder. */
  if (!g_test_subprocess ())
    fresh_work_dir ();
  test->func (test->data);
}

#define ADD(path, fn)                                                          \
  G_STMT_START {                                                               \
    static const struct { GTestDataFunc func; gconstpointer data; } t = { (GTestDataFunc) (void (*) (void)) fn, NULL }; \
    add (path, run_in_fresh_dir, &t);                                          \
  } G_STMT_END

#define ADD_DATA(path, fn, value)                                              \
  G_STMT_START {                                                               \
    static const struct { GTestDataFunc func; gconstpointer data; } t = { fn, GINT_TO_POINTER (value) }; \
    add (path, run_in_fresh_dir, &t);                                          \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Study progress and imported kits live under these; GLib reads them
   * once, so they are the same for every test and its subprocesses. */
  if (g_getenv ("RUBRIC_TEST_XDG") == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xdg = g_dir_make_tmp ("rubric-file-xdg-XXXXXX", &error);

      g_assert_no_error (error);
      g_setenv ("RUBRIC_TEST_XDG", xdg, TRUE);
      g_setenv ("XDG_STATE_HOME", xdg, TRUE);
      g_setenv ("XDG_DATA_HOME", xdg, TRUE);
    }

  ADD ("/file/write/new-file", test_new_file);
  ADD ("/file/write/keeps-mode", test_keeps_mode);
  ADD ("/file/write/file-size-limit", test_file_size_limit);
  ADD ("/file/write/read-only-folder", test_read_only_folder);
  ADD ("/file/write/read-only-file", test_read_only_file);
  ADD ("/file/write/folder-gone", test_folder_gone);
  ADD ("/file/write/make-folder", test_make_folder);
  ADD ("/file/write/cancelled", test_cancelled);
  ADD ("/file/write/symlink", test_symlink);
  ADD ("/file/write/not-regular", test_not_regular);
  ADD ("/file/is-one-of", test_is_one_of);
  ADD_DATA ("/file/conflict/modified", test_conflict, CHANGE_MODIFY);
  ADD_DATA ("/file/conflict/replaced", test_conflict, CHANGE_REPLACE);
  ADD_DATA ("/file/conflict/renamed", test_conflict, CHANGE_RENAME);
  ADD_DATA ("/file/conflict/deleted", test_conflict, CHANGE_DELETE);
  ADD ("/file/leftovers", test_leftovers);
  ADD ("/file/read/fifo", test_read_fifo);
  ADD ("/file/read/devices", test_read_devices);
  ADD ("/file/read/too-large", test_read_too_large);
  ADD ("/file/writers/session", test_session_save_fails_cleanly);
  ADD ("/file/writers/export", test_export_fails_cleanly);
  ADD ("/file/writers/export-async", test_export_async_fails_cleanly);
  ADD ("/file/writers/study", test_study_fails_cleanly);
  ADD ("/file/writers/kit-import", test_kit_import_fails_cleanly);
  ADD ("/file/session/too-large-to-save", test_too_large_to_save);
  ADD ("/file/session/compact-when-large", test_compact_when_large);
  ADD ("/file/drafts", test_drafts);

  return g_test_run ();
}
