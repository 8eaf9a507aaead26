/* rubric-autosave.c — saves a session a moment after the user stops typing
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to the session marks it dirty and (re)starts a short timer
 * (but a session that never stops changing is still written at least every
 * RUBRIC_AUTOSAVE_MAX_WAIT_FACTOR pauses' worth of time); when the timer fires the session is written
 * with rubric_session_save_async(). At most one write is in flight: changes
 * that arrive meanwhile are written by the next one. A flush (window close,
 * quit) skips the wait and completes once everything is on disk.
 *
 * Nothing is overwritten that Rubric did not write or read: the stamp of the
 * file (see rubric-file.h) is kept, every write checks it, and a file
 * monitor compares it whenever the file changes. When another program (or
 * another Rubric) changed, replaced, renamed or removed the file, :conflict
 * becomes TRUE and writing stops until rubric_autosave_overwrite_async() or
 * a new file.
 */

#define G_LOG_DOMAIN "rubric-autosave"

#include "config.h"

#include <glib/gi18n.h>


#include "rubric-autosave.h"

struct _RubricAutosave
{
  GObject parent_instance;

  RubricSession *session;
  GFile *file;
  GFile *writing_file;     /* where the write in flight goes */
  GFileMonitor *monitor;
  char *stamp;             /* of the file as Rubric last read or wrote it */
  guint64 writes;          /* completed writes, to tell a stale check */
  guint delay_ms;
  guint timeout_id;
  gint64 dirty_since;      /* monotonic µs of the first unsaved change, or 0 */

  guint64 saved_count;     /* the session's change count on disk */
  guint64 writing_count;   /* the change count being written */
  GCancellable *cancellable;
  GPtrArray *flushes;      /* GTasks waiting for everything to be written */
  guint saving : 1;
  guint dirty : 1;         /* the last value of :dirty that was notified */
  guint check_stamp : 1;   /* self->stamp is known: writes must match it */
  guint conflict : 1;
  guint force : 1;         /* write even when clean, without the check */
  guint recheck : 1;       /* the file changed during a write */
};

G_DEFINE_FINAL_TYPE (RubricAutosave, rubric_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FILE,
  PROP_DELAY,
  PROP_DIRTY,
  PROP_SAVING,
  PROP_CONFLICT,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_write (RubricAutosave *self);
static void check_file   (RubricAutosave *self);

static void
update_dirty (RubricAutosave *self)
{
  gboolean dirty = rubric_autosave_get_dirty (self);

  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_saving (RubricAutosave *self,
            gboolean        saving)
{
  if (self->saving == !!saving)
    return;
  self->saving = !!saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
set_conflict (RubricAutosave *self,
              gboolean        conflict)
{
  if (self->conflict == !!conflict)
    return;
  self->conflict = !!conflict;
  if (conflict)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
}

static void
complete_flushes (RubricAutosave *self,
                  const GError   *error)
{
  g_autoptr(GPtrArray) flushes = g_steal_pointer (&self->flushes);

  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < flushes->len; i++)
    {
      GTask *task = g_ptr_array_index (flushes, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  RubricAutosave *self = user_data;

  self->timeout_id = 0;
  start_write (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (RubricAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 waited_ms;
  guint max_wait = self->delay_ms * RUBRIC_AUTOSAVE_MAX_WAIT_FACTOR;
  guint delay = self->delay_ms;

  if (self->conflict)
    return;

  /* Someone typing for minutes never pauses: what they typed is still on
   * disk within max_wait (plus the write itself) of typing it. */
  if (self->dirty_since == 0)
    self->dirty_since = now;
  waited_ms = (now - self->dirty_since) / 1000;
  if (waited_ms + delay > (gint64) max_wait)
    delay = (guint) MAX (0, (gint64) max_wait - waited_ms);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay, on_timeout_cb, self);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RubricAutosave) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GFile) written = g_steal_pointer (&self->writing_file);
  gboolean ok;

  self->saving = FALSE;
  ok = rubric_session_save_finish (RUBRIC_SESSION (object), result, &stamp, &error);

  /* Moved meanwhile (Save As during an automatic save): that write went to
   * the old place and says nothing about the new one, which a flush or the
   * timer writes next. */
  if (self->file == NULL || !g_file_equal (written, self->file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
      if (self->flushes->len > 0)
        start_write (self);
      else if (rubric_autosave_get_dirty (self))
        schedule (self);
      return;
    }

  if (!ok)
    {
      if (g_error_matches (error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT))
        set_conflict (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
      g_signal_emit (self, signals[FAILED], 0, error);
      /* The file on disk is still the old, whole one; the session keeps
       * everything, stays dirty, and the next change tries again. */
      complete_flushes (self, error);
      return;
    }

  g_free (self->stamp);
  self->stamp = g_steal_pointer (&stamp);
  self->check_stamp = TRUE;
  self->force = FALSE;
  self->writes++;
  self->saved_count = self->writing_count;
  if (!rubric_autosave_get_dirty (self))
    self->dirty_since = 0;
  else
    self->dirty_since = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
  update_dirty (self);
  g_signal_emit (self, signals[SAVED], 0);

  /* The file changed while it was written: was that only us? */
  if (self->recheck)
    {
      self->recheck = FALSE;
      check_file (self);
    }

  /* Changes made during the write: a flush writes them now, otherwise the
   * timer they started does. That timer may have fired during the write,
   * when it could start nothing: then the changes get a timer of their
   * own, or they would wait for the next change. */
  if (self->flushes->len > 0)
    start_write (self);
  else if (rubric_autosave_get_dirty (self) && self->timeout_id == 0)
    schedule (self);
}

static void
start_write (RubricAutosave *self)
{
  RubricFileWriteFlags flags = RUBRIC_FILE_WRITE_NONE;

  if (self->saving)
    return;

  if (self->conflict && !self->force)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (self->file);

      g_set_error (&error, RUBRIC_FILE_ERROR, RUBRIC_FILE_ERROR_CONFLICT,
                   /* Translators: %s is a file's name */
                   _("“%s” was changed, replaced or removed by another program, so Rubric stopped saving to it"),
                   name);
      complete_flushes (self, error);
      return;
    }

  if ((!rubric_autosave_get_dirty (self) && !self->force) || self->file == NULL)
    {
      complete_flushes (self, NULL);
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->writing_count = rubric_session_get_change_count (self->session);
  g_set_object (&self->writing_file, self->file);
  if (self->check_stamp && !self->force)
    flags |= RUBRIC_FILE_WRITE_CHECK_STAMP;
  set_saving (self, TRUE);
  rubric_session_save_async (self->session, self->file, flags, self->stamp,
                             self->cancellable, write_cb, g_object_ref (self));
}

/* -------------------------------------------------- other programs' changes */

typedef struct
{
  GWeakRef self;           /* a check must not keep the autosave alive */
  GFile *file;
  guint64 writes;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_weak_ref_clear (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
stamp_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(GError) error = NULL;
  char *stamp = rubric_file_dup_stamp (data->file, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stamp ? stamp : g_strdup (""), g_free);
}

static void
stamp_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(RubricAutosave) self = g_weak_ref_get (&data->self);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = g_task_propagate_pointer (G_TASK (result), &error);

  if (stamp == NULL || self == NULL)
    return;   /* cancelled, or the file cannot be looked at: the write says */

  /* A write finished since the check began, or one is under way: its own
   * check (and the recheck after it) decides. */
  if (data->writes != self->writes || self->saving || self->file == NULL ||
      !g_file_equal (data->file, self->file))
    return;

  if (!rubric_file_stamp_equal (*stamp != '\0' ? stamp : NULL, self->stamp))
    {
      g_debug ("The file changed on disk: %s, expected %s", stamp, self->stamp);
      set_conflict (self, TRUE);
    }
}

static void
check_file (RubricAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  if (self->file == NULL || !self->check_stamp || self->conflict)
    return;

  data = g_new0 (CheckData, 1);
  g_weak_ref_init (&data->self, self);
  data->file = g_object_ref (self->file);
  data->writes = self->writes;

  task = g_task_new (NULL, self->cancellable, stamp_cb, NULL);
  g_task_set_source_tag (task, check_file);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, stamp_thread);
}

static void
on_monitor_changed_cb (RubricAutosave    *self,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       GFileMonitor      *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  if (self->saving)
    self->recheck = TRUE;
  else
    check_file (self);
}

static void
watch_file (RubricAutosave *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not every file system can be watched; every write still checks. */
      g_debug ("Cannot watch %s: %s", g_file_peek_path (self->file), error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (on_monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
on_session_changed_cb (RubricAutosave *self,
                       RubricSession  *session)
{
  update_dirty (self);

  if (!rubric_session_get_read_only (session))
    schedule (self);
}

static void
rubric_autosave_dispose (GObject *object)
{
  RubricAutosave *self = RUBRIC_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->writing_file);

  G_OBJECT_CLASS (rubric_autosave_parent_class)->dispose (object);
}

static void
rubric_autosave_finalize (GObject *object)
{
  RubricAutosave *self = RUBRIC_AUTOSAVE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->flushes, g_ptr_array_unref);
  g_free (self->stamp);

  G_OBJECT_CLASS (rubric_autosave_parent_class)->finalize (object);
}

static void
rubric_autosave_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RubricAutosave *self = RUBRIC_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay_ms);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, rubric_autosave_get_dirty (self));
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_autosave_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RubricAutosave *self = RUBRIC_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_FILE:
      rubric_autosave_set_file (self, g_value_get_object (value));
      break;
    case PROP_DELAY:
      rubric_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_autosave_constructed (GObject *object)
{
  RubricAutosave *self = RUBRIC_AUTOSAVE (object);

  G_OBJECT_CLASS (rubric_autosave_parent_class)->constructed (object);

  g_assert (RUBRIC_IS_SESSION (self->session));

  /* What was loaded is what is on disk. */
  self->saved_count = rubric_session_get_change_count (self->session);
  g_signal_connect_object (self->session, "changed",
                           G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
rubric_autosave_class_init (RubricAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rubric_autosave_constructed;
  object_class->dispose = rubric_autosave_dispose;
  object_class->finalize = rubric_autosave_finalize;
  object_class->get_property = rubric_autosave_get_property;
  object_class->set_property = rubric_autosave_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RUBRIC_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, RUBRIC_AUTOSAVE_DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * RubricAutosave:conflict:
   *
   * Whether the file was changed, replaced, renamed or removed by someone
   * else. Nothing is written to it until rubric_autosave_overwrite_async()
   * or rubric_autosave_set_file().
   */
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RubricAutosave::failed:
   * @error: why the write failed; the old file is still whole
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rubric_autosave_init (RubricAutosave *self)
{
  self->delay_ms = RUBRIC_AUTOSAVE_DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * rubric_autosave_new:
 * @session: the session to keep on disk
 * @file: (nullable): where to write it; %NULL to only track changes
 *
 * Returns: (transfer full): a new autosave helper
 */
RubricAutosave *
rubric_autosave_new (RubricSession *session,
                     GFile         *file)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (RUBRIC_TYPE_AUTOSAVE, "session", session, "file", file, NULL);
}

RubricSession *
rubric_autosave_get_session (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), NULL);
  return self->session;
}

GFile *
rubric_autosave_get_file (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), NULL);
  return self->file;
}

/**
 * rubric_autosave_set_file:
 * @file: (nullable): the new place, e.g. after Save As
 *
 * The session is dirty again until it has been written to @file.
 */
void
rubric_autosave_set_file (RubricAutosave *self,
                          GFile          *file)
{
  gboolean had_file;

  g_return_if_fail (RUBRIC_IS_AUTOSAVE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  had_file = self->file != NULL;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  /* A place the user chose: its first write replaces what is there (the
   * file dialog asked), later ones check that nobody else wrote it since. */
  g_clear_pointer (&self->stamp, g_free);
  self->check_stamp = FALSE;
  self->writes++;
  set_conflict (self, FALSE);
  watch_file (self);

  /* Moved (Save As): nothing is on disk at the new place yet. */
  if (had_file && file != NULL)
    {
      self->saved_count = G_MAXUINT64;
      update_dirty (self);
    }

  /* A place at last, for changes that had nowhere to go. */
  if (!had_file && file != NULL && self->session != NULL && rubric_autosave_get_dirty (self) &&
      !rubric_session_get_read_only (self->session))
    schedule (self);
}

/**
 * rubric_autosave_set_stamp:
 * @stamp: (nullable): the stamp of the file as it was read, or %NULL when
 *   the file must not exist yet (a new draft)
 *
 * From now on, a write that would replace anything else is refused and sets
 * :conflict.
 */
void
rubric_autosave_set_stamp (RubricAutosave *self,
                           const char     *stamp)
{
  g_return_if_fail (RUBRIC_IS_AUTOSAVE (self));

  g_free (self->stamp);
  self->stamp = g_strdup (stamp);
  self->check_stamp = TRUE;
  self->writes++;
}

/**
 * rubric_autosave_get_stamp:
 *
 * Returns: (nullable): the stamp of the file as Rubric last read or wrote
 *   it, or %NULL before either
 */
const char *
rubric_autosave_get_stamp (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), NULL);
  return self->stamp;
}

gboolean
rubric_autosave_get_conflict (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), FALSE);
  return self->conflict;
}

/**
 * rubric_autosave_overwrite_async:
 *
 * The user's answer to a conflict: writes the session over whatever is now
 * on disk, and saves as usual again afterwards.
 */
void
rubric_autosave_overwrite_async (RubricAutosave      *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (RUBRIC_IS_AUTOSAVE (self));

  self->force = TRUE;
  set_conflict (self, FALSE);
  rubric_autosave_flush_async (self, cancellable, callback, user_data);
}

guint
rubric_autosave_get_delay (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), 0);
  return self->delay_ms;
}

void
rubric_autosave_set_delay (RubricAutosave *self,
                           guint           delay_ms)
{
  g_return_if_fail (RUBRIC_IS_AUTOSAVE (self));

  if (self->delay_ms == delay_ms)
    return;
  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * rubric_autosave_get_dirty:
 *
 * Returns: whether the session has changes that are not on disk yet
 */
gboolean
rubric_autosave_get_dirty (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  return rubric_session_get_change_count (self->session) != self->saved_count;
}

gboolean
rubric_autosave_get_saving (RubricAutosave *self)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), FALSE);
  return self->saving;
}

/**
 * rubric_autosave_flush_async:
 *
 * Writes any pending changes now, without waiting for the pause, and
 * completes when the session on disk is the session in memory (or the
 * write failed).
 */
void
rubric_autosave_flush_async (RubricAutosave      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RUBRIC_IS_AUTOSAVE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_autosave_flush_async);
  g_ptr_array_add (self->flushes, task);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  start_write (self);
}

gboolean
rubric_autosave_flush_finish (RubricAutosave  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (RUBRIC_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
