/* rubric-file.c — the one way Rubric reads and writes its files
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing: a hidden temporary file in the destination's folder, with the
 * mode of the file it replaces (0600 for a new one); everything written;
 * fsync; renamed over the destination; the folder fsynced. On any error —
 * a short write, a full disk, a file size limit, a failed fsync or close,
 * cancellation, a conflict — the temporary file is removed and the
 * destination is left exactly as it was. GLib's g_file_replace_contents()
 * is not used: on a failed write its close still renames the partial file
 * over the destination, and without free inodes it deletes the destination
 * and rewrites it in place.
 *
 * Reading: only regular files, never more than a limit, however large the
 * file claims to be or grows while it is read. A FIFO is refused before
 * anything blocks on it, /dev/zero before anything is allocated.
 */

#define G_LOG_DOMAIN "rubric-file"

#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rubric-file-private.h"

/* ".NAME.rubric-XXXXXX": recognisable as ours, hidden, in the same folder
 * (so the rename cannot cross file systems). Long names are cut so the
 * whole still fits in NAME_MAX. */
#define TEMP_INFIX ".rubric-"
#define TEMP_NAME_KEEP 200
#define MAX_LINKS 40
#define WRITE_CHUNK (1024 * 1024)

G_DEFINE_QUARK (rubric-file-error-quark, rubric_file_error)

/* ---------------------------------------------------------------- helpers */

static char *
stamp_from_stat (const struct stat *st)
{
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld",
                          (uintmax_t) st->st_dev, (uintmax_t) st->st_ino,
                          (intmax_t) st->st_size, (intmax_t) st->st_mtim.tv_sec,
                          (long) st->st_mtim.tv_nsec);
}

typedef enum {
  FAILED_READ,
  FAILED_WRITE,
  FAILED_CREATE,
  FAILED_REPLACE,
  FAILED_FOLLOW,
} Failure;

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 Failure      failure,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *why = g_strerror (saved_errno);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  /* Translators: in the messages below, the first %s is a file's or a
   * folder's path, the second the system's reason, such as “No space left
   * on device” */
  switch (failure)
    {
    case FAILED_READ:
      g_set_error (error, G_IO_ERROR, code, _("Could not read “%s”: %s"), display, why);
      break;
    case FAILED_WRITE:
      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"), display, why);
      break;
    case FAILED_CREATE:
      g_set_error (error, G_IO_ERROR, code, _("Could not write in the folder “%s”: %s"), display, why);
      break;
    case FAILED_REPLACE:
      g_set_error (error, G_IO_ERROR, code, _("Could not replace “%s”: %s"), display, why);
      break;
    case FAILED_FOLLOW:
    default:
      g_set_error (error, G_IO_ERROR, code, _("Could not follow the links to “%s”: %s"), display, why);
      break;
    }
}

static void
set_not_regular_error (GError     **error,
                       const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file's path */
               _("“%s” is not a regular file (it is a folder, a named pipe or a device), so Rubric does not read or replace it"),
               display);
}

static void
set_too_large_error (GError  **error,
                     goffset   size,
                     gsize     max_size)
{
  g_autofree char *found = g_format_size (size);
  g_autofree char *limit = g_format_size (max_size);

  g_set_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file's size, the second the largest size Rubric reads, both as “16.8 MB” */
               _("The file is too large (%s); the limit is %s"), found, limit);
}

static void
set_conflict_error (GError     **error,
                    const char  *name)
{
  g_set_error (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT,
               /* Translators: %s is a file's name */
               _("“%s” was changed, replaced or removed by another program since Rubric last read or saved it"),
               name);
}

/* The file a path finally names, following symbolic links, so that saving
 * through a link replaces its target and leaves the link a link. A dangling
 * link names the file it would point to. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, error);
      if (target == NULL)
        return NULL;

      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }

  set_errno_error (error, ELOOP, FAILED_FOLLOW, path);
  return NULL;
}

static char *
temp_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;

  if (strlen (base) > TEMP_NAME_KEEP)
    base[TEMP_NAME_KEEP] = '\0';
  name = g_strconcat (".", base, TEMP_INFIX, "XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static void
write_all (int            fd,
           const guint8  *data,
           gsize          length,
           GCancellable  *cancellable,
           int           *saved_errno)
{
  gsize written = 0;

  while (written < length)
    {
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        {
          *saved_errno = ECANCELED;
          return;
        }

      n = write (fd, data + written, MIN (length - written, WRITE_CHUNK));
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return;
        }
      if (n == 0)
        {
          *saved_errno = ENOSPC;
          return;
        }
      written += n;
    }
}

static void
fsync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename is done; a folder that cannot be synced (some file systems
   * refuse) only means it may be undone by a power cut, not by a crash. */
  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

static gboolean
check_stamp_native (const char  *path,
                    const char  *expected,
                    GError     **error)
{
  struct stat st;
  g_autofree char *current = NULL;

  if (stat (path, &st) == 0)
    current = stamp_from_stat (&st);
  else if (errno != ENOENT)
    {
      set_errno_error (error, errno, FAILED_READ, path);
      return FALSE;
    }

  if (!rubric_file_stamp_equal (current, expected))
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *display = g_filename_display_name (base);

      set_conflict_error (error, display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_native (const char            *link_path,
              GBytes                *bytes,
              RubricFileWriteFlags   flags,
              const char            *expected_stamp,
              char                 **new_stamp,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  const guint8 *data;
  gsize length;
  struct stat st;
  gboolean exists;
  mode_t mode = 0600;
  int saved_errno = 0;
  int fd;

  path = resolve_links (link_path, error);
  if (path == NULL)
    return FALSE;

  exists = stat (path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      set_not_regular_error (error, path);
      return FALSE;
    }

  /* A file made read-only is not replaced behind its owner's back, though
   * the folder would allow the rename. */
  if (exists && access (path, W_OK) != 0)
    {
      set_errno_error (error, errno, FAILED_REPLACE, path);
      return FALSE;
    }
  if (exists)
    mode = st.st_mode & 0777;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  temp = temp_template (path);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      set_errno_error (error, errno, FAILED_CREATE, dir);
      return FALSE;
    }

  /* Keep who may read it: the umask must not widen or narrow it. */
  if (exists)
    (void) fchown (fd, st.st_uid, st.st_gid);
  if (fchmod (fd, mode) != 0)
    saved_errno = errno;

  data = g_bytes_get_data (bytes, &length);
  if (saved_errno == 0)
    write_all (fd, data, length, cancellable, &saved_errno);
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  /* write_all() says ECANCELED only when @cancellable is cancelled. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (saved_errno != 0)
    {
      g_unlink (temp);
      set_errno_error (error, saved_errno, FAILED_WRITE, path);
      return FALSE;
    }

  if ((flags & RUBRIC_FILE_WRITE_CHECK_STAMP) != 0 &&
      !check_stamp_native (path, expected_stamp, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      set_errno_error (error, saved_errno, FAILED_REPLACE, path);
      return FALSE;
    }

  fsync_folder (path);

  if (new_stamp != NULL)
    *new_stamp = stat (path, &st) == 0 ? stamp_from_stat (&st) : NULL;

  return TRUE;
}

/* Through GIO, for files that are not on a local file system (GVfs): the
 * same steps, with a sibling temporary file moved over the destination. */
static gboolean
write_gio (GFile                 *file,
           GBytes                *bytes,
           RubricFileWriteFlags   flags,
           const char            *expected_stamp,
           char                 **new_stamp,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *random = g_uuid_string_random ();
  g_autofree char *name = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  gboolean ok;

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Only files inside a folder can be written"));
      return FALSE;
    }

  if (strlen (base) > TEMP_NAME_KEEP)
    base[TEMP_NAME_KEEP] = '\0';
  name = g_strdup_printf (".%s" TEMP_INFIX "%.6s", base, random);
  temp = g_file_get_child (parent, name);

  stream = g_file_create (temp, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  ok = g_output_stream_write_all (G_OUTPUT_STREAM (stream),
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, cancellable, error);
  ok = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, ok ? error : NULL) && ok;

  if (ok && (flags & RUBRIC_FILE_WRITE_CHECK_STAMP) != 0)
    {
      g_autoptr(GError) stamp_error = NULL;
      g_autofree char *current = rubric_file_dup_stamp (file, cancellable, &stamp_error);

      if (stamp_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&stamp_error));
          ok = FALSE;
        }
      else if (!rubric_file_stamp_equal (current, expected_stamp))
        {
          g_autofree char *display = g_file_get_parse_name (file);

          set_conflict_error (error, display);
          ok = FALSE;
        }
    }

  if (ok)
    ok = g_file_move (temp, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      cancellable, NULL, NULL, error);

  if (!ok)
    {
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }

  if (new_stamp != NULL)
    *new_stamp = rubric_file_dup_stamp (file, NULL, NULL);

  return TRUE;
}

static gboolean
make_parent_folder (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;

  if (folder == NULL ||
      g_file_make_directory_with_parents (folder, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ------------------------------------------------------------- public API */

/**
 * rubric_file_dup_stamp:
 *
 * Returns: (transfer full) (nullable): the stamp of the file now on disk,
 *   or %NULL with no error when there is none
 */
char *
rubric_file_dup_stamp (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      struct stat st;

      if (stat (path, &st) == 0)
        return stamp_from_stat (&st);
      if (errno != ENOENT && errno != ENOTDIR)
        set_errno_error (error, errno, FAILED_READ, path);
      return NULL;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_strdup (g_file_info_get_etag (info));
}

gboolean
rubric_file_stamp_equal (const char *a,
                         const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/**
 * rubric_file_stamps_same_file:
 * @a: (nullable): a stamp
 * @b: (nullable): another
 *
 * Whether two stamps of local files (device, inode, size, time) are of
 * one file, whatever its size and time: the same device and inode, which
 * a symbolic or hard link shares. A stamp of a remote file (GIO's entity
 * tag) tells nothing of the kind: %FALSE.
 *
 * Returns: whether @a and @b are stamps of the same local file
 */
gboolean
rubric_file_stamps_same_file (const char *a,
                              const char *b)
{
  g_auto(GStrv) x = NULL;
  g_auto(GStrv) y = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  x = g_strsplit (a, ":", -1);
  y = g_strsplit (b, ":", -1);
  return g_strv_length (x) == 4 && g_strv_length (y) == 4 &&
         g_str_equal (x[0], y[0]) && g_str_equal (x[1], y[1]);
}

/* Reads one chunk into @buffer: the bytes read, 0 at the end, -1 with
 * @error set. */
typedef gssize (*ReadFunc) (gpointer       source,
                            guint8        *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error);

typedef struct
{
  int fd;
  const char *path;
} FdSource;

static gssize
read_fd (gpointer       source,
         guint8        *buffer,
         gsize          count,
         GCancellable  *cancellable,
         GError       **error)
{
  FdSource *fd_source = source;

  for (;;)
    {
      gssize n = read (fd_source->fd, buffer, count);

      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          set_errno_error (error, errno, FAILED_READ, fd_source->path);
          return -1;
        }
    }
}

static gssize
read_stream (gpointer       source,
             guint8        *buffer,
             gsize          count,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_input_stream_read (source, buffer, count, cancellable, error);
}

/* Everything @read_chunk gives, up to @max_size bytes: one byte more is read than
 * the limit, to notice a file that grew since its size was looked at. */
static GBytes *
read_bounded (ReadFunc       read_chunk,
              gpointer       source,
              gsize          size_hint,
              gsize          max_size,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize allocated = MIN (size_hint, max_size) + 1;
  g_autofree guint8 *buffer = g_malloc (allocated);
  gsize length = 0;

  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > max_size)
            {
              set_too_large_error (error, length, max_size);
              return NULL;
            }
          allocated = MIN (allocated * 2, max_size + 1);
          buffer = g_realloc (buffer, allocated);
        }

      n = read_chunk (source, buffer + length, allocated - length, cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      length += n;
    }

  buffer = g_realloc (buffer, MAX (length, 1));
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/**
 * rubric_file_read:
 * @max_size: the most bytes to read; a larger file is an error
 * @stamp: (out) (optional): the stamp of what was read
 *
 * Reads a whole regular file, never more than @max_size bytes.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
rubric_file_read (GFile         *file,
                  gsize          max_size,
                  char         **stamp,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *path = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_size < G_MAXSIZE, NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      FdSource source = { -1, path };
      struct stat st;

      /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
      source.fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (source.fd < 0)
        {
          set_errno_error (error, errno, FAILED_READ, path);
          return NULL;
        }
      if (fstat (source.fd, &st) != 0)
        {
          set_errno_error (error, errno, FAILED_READ, path);
          bytes = NULL;
        }
      else if (!S_ISREG (st.st_mode))
        {
          set_not_regular_error (error, path);
          bytes = NULL;
        }
      else if ((guint64) st.st_size > max_size)
        {
          set_too_large_error (error, st.st_size, max_size);
          bytes = NULL;
        }
      else
        {
          bytes = read_bounded (read_fd, &source, st.st_size, max_size, cancellable, error);
          if (bytes != NULL && stamp != NULL)
            *stamp = fstat (source.fd, &st) == 0 ? stamp_from_stat (&st) : NULL;
        }
      close (source.fd);
      return bytes;
    }
  else
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFileInputStream) stream = NULL;

      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_ETAG_VALUE,
                                G_FILE_QUERY_INFO_NONE, cancellable, error);
      if (info == NULL)
        return NULL;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          set_not_regular_error (error, name);
          return NULL;
        }
      if ((guint64) g_file_info_get_size (info) > max_size)
        {
          set_too_large_error (error, g_file_info_get_size (info), max_size);
          return NULL;
        }

      stream = g_file_read (file, cancellable, error);
      if (stream == NULL)
        return NULL;

      bytes = read_bounded (read_stream, stream, g_file_info_get_size (info), max_size, cancellable, error);
      if (bytes != NULL && stamp != NULL)
        *stamp = g_strdup (g_file_info_get_etag (info));
      return bytes;
    }
}

/**
 * rubric_file_write:
 * @expected_stamp: (nullable): with %RUBRIC_FILE_WRITE_CHECK_STAMP, the
 *   stamp the file must still have (%NULL: there must be no file)
 * @new_stamp: (out) (optional): the stamp of what was written
 *
 * Replaces @file with @bytes, atomically: either the whole new contents are
 * on disk under the file's name, or the file is as it was and no temporary
 * file is left. Blocks; see rubric_file_write_async().
 */
gboolean
rubric_file_write (GFile                *file,
                   GBytes               *bytes,
                   RubricFileWriteFlags  flags,
                   const char           *expected_stamp,
                   char                **new_stamp,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if ((flags & RUBRIC_FILE_WRITE_MAKE_FOLDER) != 0 && !make_parent_folder (file, cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return write_native (path, bytes, flags, expected_stamp, new_stamp, cancellable, error);

  return write_gio (file, bytes, flags, expected_stamp, new_stamp, cancellable, error);
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
  RubricFileWriteFlags flags;
  char *expected_stamp;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected_stamp);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;

  _rubric_file_task_write (task, data->file, data->bytes, data->flags, data->expected_stamp,
                           cancellable);
}

/**
 * rubric_file_write_async:
 *
 * rubric_file_write() in a worker thread.
 */
void
rubric_file_write_async (GFile                *file,
                         GBytes               *bytes,
                         RubricFileWriteFlags  flags,
                         const char           *expected_stamp,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (WriteData, 1);
  data->file = g_object_ref (file);
  data->bytes = g_bytes_ref (bytes);
  data->flags = flags;
  data->expected_stamp = g_strdup (expected_stamp);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_file_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
rubric_file_write_finish (GAsyncResult  *result,
                          char         **new_stamp,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_file_write_async, FALSE);

  return _rubric_file_task_propagate_stamp (G_TASK (result), new_stamp, error);
}

/**
 * _rubric_file_task_write:
 *
 * rubric_file_write() in a worker thread's @task: completes it with the new
 * stamp, for _rubric_file_task_propagate_stamp(), or the error.
 */
void
_rubric_file_task_write (GTask                *task,
                         GFile                *file,
                         GBytes               *bytes,
                         RubricFileWriteFlags  flags,
                         const char           *expected_stamp,
                         GCancellable         *cancellable)
{
  g_autoptr(GError) error = NULL;
  char *stamp = NULL;

  if (!rubric_file_write (file, bytes, flags, expected_stamp, &stamp, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stamp != NULL ? stamp : g_strdup (""), g_free);
}

/**
 * _rubric_file_task_propagate_stamp:
 * @new_stamp: (out) (optional): the stamp of the file written
 *
 * The end of a write completed by _rubric_file_task_write().
 */
gboolean
_rubric_file_task_propagate_stamp (GTask   *task,
                                   char   **new_stamp,
                                   GError **error)
{
  g_autofree char *stamp = g_task_propagate_pointer (task, error);

  if (stamp == NULL)
    return FALSE;

  if (new_stamp != NULL)
    *new_stamp = *stamp != '\0' ? g_steal_pointer (&stamp) : NULL;

  return TRUE;
}

/**
 * rubric_file_is_temporary:
 *
 * Returns: whether @name is the name of one of Rubric's temporary files
 */
gboolean
rubric_file_is_temporary (const char *name)
{
  gsize length;

  g_return_val_if_fail (name != NULL, FALSE);

  length = strlen (name);
  return name[0] == '.' &&
         length > strlen (TEMP_INFIX) + 6 + 1 &&
         strncmp (name + length - 6 - strlen (TEMP_INFIX), TEMP_INFIX, strlen (TEMP_INFIX)) == 0;
}

/**
 * rubric_file_remove_leftovers:
 *
 * Removes the temporary files that a crash while writing @file left in its
 * folder. They are never the only copy: the file itself was only ever
 * replaced by a complete one. Blocks.
 *
 * Returns: how many were removed
 */
guint
rubric_file_remove_leftovers (GFile        *file,
                              GCancellable *cancellable)
{
  g_autofree char *link_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  link_path = g_file_get_path (file);
  if (link_path == NULL)
    return 0;
  path = resolve_links (link_path, NULL);
  if (path == NULL)
    return 0;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (strlen (base) > TEMP_NAME_KEEP)
    base[TEMP_NAME_KEEP] = '\0';
  prefix = g_strconcat (".", base, TEMP_INFIX, NULL);

  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *leftover = NULL;
      struct stat st;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;

      leftover = g_build_filename (dir, name, NULL);
      if (lstat (leftover, &st) == 0 && S_ISREG (st.st_mode) && g_unlink (leftover) == 0)
        removed++;
    }

  return removed;
}

/**
 * rubric_file_suggest_name:
 * @name: what the file is about, such as the candidate's name
 * @date: (nullable): a date to follow it, such as "2026-11-27"
 * @extension: such as "rubric.json" or "pdf"
 *
 * A file name to offer in a file chooser: "@name @date.@extension", with
 * the characters that some file systems refuse (and a leading dot, which
 * would hide the file) replaced.
 *
 * Returns: (transfer full): the file name
 */
char *
rubric_file_suggest_name (const char *name,
                          const char *date,
                          const char *extension)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  base = date != NULL && *date != '\0' ? g_strdup_printf ("%s %s", name, date) : g_strdup (name);
  g_strdelimit (base, "/\\:*?\"<>|", '-');
  for (char *p = base; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = '-';
  if (base[0] == '.')
    base[0] = '-';

  return g_strconcat (base, ".", extension, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* GIO's identity of the file @file names, through symbolic links; NULL
 * when it has none (no such file yet, or a backend without "id::file"). */
static char *
dup_file_id (GFile        *file,
             GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE,
                                                 cancellable, NULL);

  return info != NULL ? g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE)) : NULL;
}

/**
 * rubric_file_is_one_of:
 * @file: a file about to be written
 * @files: (element-type GFile): files that must not be
 *
 * Whether @file is one of @files: the same name, or the same file through
 * a symbolic link (rubric_file_write() writes to what a link points to) or
 * a hard link (GIO's "id::file": device and inode for a local file). A
 * write to a hard link would leave the other name's content as it was, but
 * the user meant the same file: it is refused all the same. Where GIO
 * gives no id (some remote backends), only names are compared. It queries
 * the files: call it from a worker thread.
 *
 * Returns: whether @file is one of @files
 */
gboolean
rubric_file_is_one_of (GFile        *file,
                       GPtrArray    *files,
                       GCancellable *cancellable)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  for (guint i = 0; files != NULL && i < files->len; i++)
    if (g_file_equal (file, g_ptr_array_index (files, i)))
      return TRUE;

  id = dup_file_id (file, cancellable);
  if (id == NULL)
    return FALSE;
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      g_autofree char *other = dup_file_id (g_ptr_array_index (files, i), cancellable);

      if (g_strcmp0 (id, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * rubric_file_list_names:
 * @suffix: the end of the names wanted, such as ".json"
 *
 * The regular files in @folder whose names end in @suffix, without hidden
 * ones (an editor's, or a file being written), sorted, so that which of
 * two files wins does not depend on the file system's order.
 *
 * Returns: (transfer full) (element-type utf8): the names, or %NULL with
 *   @error set (%G_IO_ERROR_NOT_FOUND: no folder)
 */
GPtrArray *
rubric_file_list_names (GFile         *folder,
                        const char    *suffix,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] == '.' || !g_str_has_suffix (name, suffix))
        continue;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}
