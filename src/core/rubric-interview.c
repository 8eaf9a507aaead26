/* rubric-interview.c — one open interview and its life on disk
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A RubricInterview owns what a window used to juggle: the session, the kit
 * it is asked from, its file or the draft an untitled interview autosaves
 * to, the autosave with its conflicts and failures, and the interview
 * clock. Windows and panes bind to its properties; nothing here knows GTK.
 *
 * The clock adds a second to the current question every second. Time
 * passing is not an edit (rubric_session_add_time()): it updates :elapsed,
 * not :dirty, and a session that is only looked at is never rewritten.
 */

#define G_LOG_DOMAIN "rubric-interview"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-autosave.h"
#include "rubric-drafts.h"
#include "rubric-file.h"
#include "rubric-interview-private.h"
#include "rubric-pacing.h"

struct _RubricInterview
{
  GObject parent_instance;

  /* Owned References */
  RubricSession *session;
  RubricKit *kit;
  GFile *file;                   /* the user's file; NULL while untitled */
  GFile *draft;                  /* where an untitled interview autosaves */
  RubricAutosave *autosave;
  GError *save_error;            /* why the last write failed, until one works */
  RubricQuestion *current_question;
  GCancellable *cancellable;

  gint64 elapsed;                /* seconds, over every answer */
  guint clock_id;
  gboolean paused;               /* a break, a dropped call: no time counts */

  /* The session's plan, and each of its topics' budgets in its order */
  RubricPlan *plan;
  gint64 *budgets;
};

G_DEFINE_FINAL_TYPE (RubricInterview, rubric_interview, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_KIT,
  PROP_FILE,
  PROP_TITLE,
  PROP_READ_ONLY,
  PROP_DIRTY,
  PROP_CONFLICT,
  PROP_SAVE_ERROR,
  PROP_ELAPSED,
  PROP_NEEDS_SAVING,
  PROP_CURRENT_QUESTION,
  PROP_PAUSED,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NUDGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Ten minutes before the end of the slot, a nudge names the topics left. */
#define LAST_MINUTES_NUDGE (10 * 60)

/* --------------------------------------------------------------- helpers */

static gint64
count_elapsed (RubricSession *session)
{
  GListModel *answers = rubric_session_get_answers (session);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, i);

      total += rubric_answer_get_elapsed (answer);
    }
  return total;
}

static void
set_save_error (RubricInterview *self,
                const GError    *error)
{
  gboolean had = self->save_error != NULL;

  g_clear_error (&self->save_error);
  if (error != NULL)
    self->save_error = g_error_copy (error);

  /* Told once when saving starts failing, and once when it works again. */
  if (had != (error != NULL))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
    }
}

/* ------------------------------------------------------------- callbacks */

static gboolean
on_clock_tick_cb (gpointer user_data)
{
  _rubric_interview_step_clock (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_autosave_failed_cb (RubricInterview *self,
                       const GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_save_error (self, error);
}

static void
on_autosave_saved_cb (RubricInterview *self)
{
  set_save_error (self, NULL);
}

static void
on_autosave_notify_dirty_cb (RubricInterview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
}

static void
on_autosave_notify_conflict_cb (RubricInterview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
}

static void
on_session_notify_name_cb (RubricInterview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update_plan (RubricInterview *self)
{
  RubricPlan *plan = rubric_session_get_plan (self->session);

  g_clear_pointer (&self->budgets, g_free);
  g_set_object (&self->plan, plan);
  if (plan != NULL && self->kit != NULL)
    self->budgets = rubric_plan_dup_budgets (plan, self->kit);
}

static void
on_session_notify_plan_cb (RubricInterview *self)
{
  update_plan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
on_session_changed_cb (RubricInterview *self)
{
  /* An untitled interview with changes needs a name before it closes. */
  if (self->file == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
}

static void
drafts_folder_ready_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(RubricInterview) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rubric_drafts_prepare_folder_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_save_error (self, error);
      return;
    }

  /* Still untitled (not saved under a name meanwhile): keep a draft, under
   * a new name where nothing may be yet. */
  if (self->autosave != NULL && self->file == NULL && self->draft != NULL)
    {
      rubric_autosave_set_file (self->autosave, self->draft);
      rubric_autosave_set_stamp (self->autosave, NULL);
    }
}

/* ------------------------------------------------------------- overrides */

static void
rubric_interview_dispose (GObject *object)
{
  RubricInterview *self = RUBRIC_INTERVIEW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->autosave);
  g_clear_object (&self->current_question);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->budgets, g_free);

  G_OBJECT_CLASS (rubric_interview_parent_class)->dispose (object);
}

static void
rubric_interview_finalize (GObject *object)
{
  RubricInterview *self = RUBRIC_INTERVIEW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->kit);
  g_clear_object (&self->file);
  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (rubric_interview_parent_class)->finalize (object);
}

static void
rubric_interview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RubricInterview *self = RUBRIC_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_KIT:
      g_value_set_object (value, self->kit);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_take_string (value, rubric_interview_dup_title (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, rubric_interview_get_read_only (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, rubric_interview_get_dirty (self));
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, rubric_interview_get_conflict (self));
      break;
    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;
    case PROP_ELAPSED:
      g_value_set_int64 (value, self->elapsed);
      break;
    case PROP_NEEDS_SAVING:
      g_value_set_boolean (value, rubric_interview_get_needs_saving (self));
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_CURRENT_QUESTION:
      g_value_set_object (value, self->current_question);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_interview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RubricInterview *self = RUBRIC_INTERVIEW (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      rubric_interview_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_CURRENT_QUESTION:
      rubric_interview_set_current_question (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_interview_class_init (RubricInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rubric_interview_dispose;
  object_class->finalize = rubric_interview_finalize;
  object_class->get_property = rubric_interview_get_property;
  object_class->set_property = rubric_interview_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, RUBRIC_TYPE_SESSION, ro);
  properties[PROP_KIT] = g_param_spec_object ("kit", NULL, NULL, RUBRIC_TYPE_KIT, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  /**
   * RubricInterview:dirty:
   *
   * Whether the session has changes that are not on disk.
   */
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  /**
   * RubricInterview:conflict:
   *
   * Whether another program changed, replaced, renamed or removed the file;
   * nothing is written to it until rubric_interview_overwrite_async() or a
   * save under another name.
   */
  properties[PROP_CONFLICT] = g_param_spec_boolean ("conflict", NULL, NULL, FALSE, ro);
  /**
   * RubricInterview:save-error:
   *
   * Why the last write failed, until one works; notified when saving starts
   * failing and when it works again.
   */
  properties[PROP_SAVE_ERROR] = g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_ELAPSED] = g_param_spec_int64 ("elapsed", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /**
   * RubricInterview:needs-saving:
   *
   * Whether closing now would lose something: an untitled interview with
   * changes, or a saved one whose last changes are not on disk.
   */
  properties[PROP_NEEDS_SAVING] = g_param_spec_boolean ("needs-saving", NULL, NULL, FALSE, ro);
  properties[PROP_CURRENT_QUESTION] =
    g_param_spec_object ("current-question", NULL, NULL, RUBRIC_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RubricInterview:paused:
   *
   * Whether the clock stands still (a break, a dropped call); pausing is
   * not an edit either.
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RubricInterview:plan:
   *
   * The session's plan, or %NULL when the interview runs the whole kit.
   */
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, RUBRIC_TYPE_PLAN, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricInterview::nudge:
   * @message: what to tell the interviewer, one short sentence
   *
   * A quiet reminder of the plan: a topic has passed its budget by half
   * (once per topic), or ten minutes of the slot are left with topics not
   * asked yet. Told as the clock crosses the line, so never twice for one
   * crossing, and not again when the interview is opened later.
   */
  signals[NUDGE] = g_signal_new ("nudge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rubric_interview_init (RubricInterview *self)
{
  self->cancellable = g_cancellable_new ();
}

/* ------------------------------------------------------------ public API */

/**
 * rubric_interview_new:
 * @session: the interview's session
 * @kit: (nullable): the kit its questions come from
 * @file: (nullable): its file; %NULL for an untitled interview, which
 *   autosaves to a new draft; a draft's file for a recovered one, which
 *   stays a draft until saved under a name
 * @stamp: (nullable): the stamp of @file as it was read (rubric-file.h), so
 *   that nobody else's version of it is overwritten
 *
 * Returns: (transfer full): the interview, saving as the user goes
 */
RubricInterview *
rubric_interview_new (RubricSession *session,
                      RubricKit     *kit,
                      GFile         *file,
                      const char    *stamp)
{
  RubricInterview *self;

  g_return_val_if_fail (RUBRIC_IS_SESSION (session), NULL);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (RUBRIC_TYPE_INTERVIEW, NULL);
  self->session = g_object_ref (session);
  self->kit = kit != NULL ? g_object_ref (kit) : NULL;
  self->elapsed = count_elapsed (session);

  if (file != NULL && rubric_drafts_is_draft (file))
    {
      self->draft = g_object_ref (file);
      self->autosave = rubric_autosave_new (session, file);
    }
  else if (file != NULL)
    {
      self->file = g_object_ref (file);
      self->autosave = rubric_autosave_new (session, file);
    }
  else
    {
      /* The draft gets written once its folder exists; making the folder
       * is file I/O, so it happens in a worker thread. */
      self->draft = rubric_drafts_new_file ();
      self->autosave = rubric_autosave_new (session, NULL);
      rubric_drafts_prepare_folder_async (self->cancellable, drafts_folder_ready_cb,
                                          g_object_ref (self));
    }
  if (file != NULL && stamp != NULL)
    rubric_autosave_set_stamp (self->autosave, stamp);

  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (on_autosave_failed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "saved", G_CALLBACK (on_autosave_saved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "notify::dirty", G_CALLBACK (on_autosave_notify_dirty_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "notify::conflict", G_CALLBACK (on_autosave_notify_conflict_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::candidate-name", G_CALLBACK (on_session_notify_name_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::plan", G_CALLBACK (on_session_notify_plan_cb),
                           self, G_CONNECT_SWAPPED);
  update_plan (self);

  if (!rubric_session_get_read_only (session))
    self->clock_id = g_timeout_add_seconds (1, on_clock_tick_cb, self);

  return self;
}

RubricSession *
rubric_interview_get_session (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->session;
}

/**
 * rubric_interview_get_kit:
 *
 * Returns: (transfer none) (nullable): the kit the questions come from
 */
RubricKit *
rubric_interview_get_kit (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->kit;
}

/**
 * rubric_interview_get_file:
 *
 * Returns: (transfer none) (nullable): the user's file, or %NULL while the
 *   interview is untitled (a draft)
 */
GFile *
rubric_interview_get_file (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->file;
}

/**
 * rubric_interview_get_draft:
 *
 * Returns: (transfer none) (nullable): the draft an untitled interview
 *   autosaves to
 */
GFile *
rubric_interview_get_draft (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->draft;
}

/**
 * rubric_interview_dup_title:
 *
 * Returns: (transfer full): the candidate's name, or words that stand in
 *   for it
 */
char *
rubric_interview_dup_title (RubricInterview *self)
{
  const char *name;

  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);

  name = rubric_session_get_candidate_name (self->session);
  if (*name == '\0')
    /* Translators: stands in the window title for the candidate of an
     * interview whose name is not filled in yet */
    return g_strdup (_("Unnamed Candidate"));
  return g_strdup (name);
}

gboolean
rubric_interview_get_read_only (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  return rubric_session_get_read_only (self->session);
}

gboolean
rubric_interview_get_dirty (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  return self->autosave != NULL && rubric_autosave_get_dirty (self->autosave);
}

gboolean
rubric_interview_get_conflict (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  return self->autosave != NULL && rubric_autosave_get_conflict (self->autosave);
}

/**
 * rubric_interview_get_stamp:
 *
 * Returns: (nullable): the stamp of its file as last read or written
 *   (rubric-file.h), or %NULL
 */
const char *
rubric_interview_get_stamp (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->autosave != NULL ? rubric_autosave_get_stamp (self->autosave) : NULL;
}

/**
 * rubric_interview_get_save_error:
 *
 * Returns: (transfer none) (nullable): why the last write failed, or %NULL
 */
const GError *
rubric_interview_get_save_error (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->save_error;
}

gint64
rubric_interview_get_elapsed (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), 0);
  return self->elapsed;
}

gboolean
rubric_interview_get_needs_saving (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);

  if (self->autosave == NULL || rubric_session_get_read_only (self->session))
    return FALSE;
  if (self->file == NULL)
    return rubric_session_get_change_count (self->session) > 0;
  return rubric_autosave_get_dirty (self->autosave) || rubric_autosave_get_conflict (self->autosave);
}

/**
 * rubric_interview_get_current_question:
 *
 * Returns: (transfer none) (nullable): the question being asked, which the
 *   clock counts time for
 */
RubricQuestion *
rubric_interview_get_current_question (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->current_question;
}

void
rubric_interview_set_current_question (RubricInterview *self,
                                       RubricQuestion  *question)
{
  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));
  g_return_if_fail (question == NULL || RUBRIC_IS_QUESTION (question));

  if (g_set_object (&self->current_question, question))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_QUESTION]);
}

gboolean
rubric_interview_get_paused (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  return self->paused;
}

/**
 * rubric_interview_set_paused:
 *
 * Stops or restarts the interview's clock.
 */
void
rubric_interview_set_paused (RubricInterview *self,
                             gboolean         paused)
{
  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));

  if (self->paused == !!paused)
    return;
  self->paused = !!paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/**
 * rubric_interview_dup_suggested_name:
 *
 * Returns: (transfer full): a file name for Save As, such as
 *   "Ada Lovelace 2026-11-27.rubric.json"
 */
char *
rubric_interview_dup_suggested_name (RubricInterview *self)
{
  const char *name;

  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);

  name = rubric_session_get_candidate_name (self->session);
  if (*name == '\0')
    /* Translators: the start of the file name suggested for an interview
     * whose candidate has no name yet; a date follows, as in “Interview
     * 2026-11-27.rubric.json” */
    name = _("Interview");

  return rubric_file_suggest_name (name, rubric_session_get_date (self->session), "rubric.json");
}

/* What a Save As changed, to undo if it fails. */
typedef struct
{
  GFile *file;       /* the new file */
  GFile *previous;   /* the file before, or NULL (a draft) */
  char *stamp;       /* the stamp the autosave had for what it wrote before */
} SaveAs;

static void
save_as_free (SaveAs *save_as)
{
  g_clear_object (&save_as->file);
  g_clear_object (&save_as->previous);
  g_free (save_as->stamp);
  g_free (save_as);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RubricInterview *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!rubric_autosave_flush_finish (RUBRIC_AUTOSAVE (object), result, &error))
    {
      SaveAs *save_as = g_task_get_task_data (task);

      /* A Save As that failed: the interview stays where it was, on its
       * old file or its draft, which keep taking its changes; otherwise a
       * close would take the draft for a copy of a file never written. */
      if (save_as != NULL && self->autosave != NULL &&
          self->file != NULL && g_file_equal (self->file, save_as->file))
        {
          g_set_object (&self->file, save_as->previous);
          rubric_autosave_set_file (self->autosave, self->file != NULL ? self->file : self->draft);
          /* With the stamp it had: a file another program changed (the
           * Save As may have been the conflict banner's "keep both") is
           * still not written over. */
          if (save_as->stamp != NULL)
            rubric_autosave_set_stamp (self->autosave, save_as->stamp);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Saved under a name: the draft has done its job. */
  if (self->file != NULL && self->draft != NULL)
    {
      rubric_drafts_discard (self->draft);
      g_clear_object (&self->draft);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * rubric_interview_save_async:
 * @file: (nullable): a new file (Save As), or %NULL to write what is not on
 *   disk yet to the current one
 *
 * Completes once the interview is on disk, or with why not; the file on
 * disk is then as it was. A Save As that fails leaves the interview on
 * the file (or the draft) it had.
 */
void
rubric_interview_save_async (RubricInterview     *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_interview_save_async);

  if (self->autosave == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("This interview was discarded"));
      return;
    }

  if (file != NULL && (self->file == NULL || !g_file_equal (file, self->file)))
    {
      SaveAs *save_as = g_new0 (SaveAs, 1);

      save_as->file = g_object_ref (file);
      save_as->previous = self->file != NULL ? g_object_ref (self->file) : NULL;
      save_as->stamp = g_strdup (rubric_autosave_get_stamp (self->autosave));
      g_task_set_task_data (task, save_as, (GDestroyNotify) save_as_free);
      g_set_object (&self->file, file);
      rubric_autosave_set_file (self->autosave, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
    }

  rubric_autosave_flush_async (self->autosave, cancellable, flushed_cb, g_steal_pointer (&task));
}

gboolean
rubric_interview_save_finish (RubricInterview  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_interview_save_async ||
                        g_task_get_source_tag (G_TASK (result)) == rubric_interview_overwrite_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rubric_interview_overwrite_async:
 *
 * The user's answer to a conflict: writes this interview over whatever is
 * now on disk, and saves as usual again afterwards.
 */
void
rubric_interview_overwrite_async (RubricInterview     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));
  g_return_if_fail (self->autosave != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_interview_overwrite_async);
  rubric_autosave_overwrite_async (self->autosave, cancellable, flushed_cb, g_steal_pointer (&task));
}

gboolean
rubric_interview_overwrite_finish (RubricInterview  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  return rubric_interview_save_finish (self, result, error);
}

/**
 * rubric_interview_discard:
 *
 * The user's "Discard": nothing more is written, and an untitled
 * interview's draft is removed. The file of a saved one stays as it was
 * last written.
 */
void
rubric_interview_discard (RubricInterview *self)
{
  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->autosave != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->autosave, self);
      g_clear_object (&self->autosave);
    }
  if (self->draft != NULL)
    {
      rubric_drafts_discard (self->draft);
      g_clear_object (&self->draft);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SAVING]);
}

/* ---------------------------------------------------------------- pacing */

/**
 * rubric_interview_get_plan:
 *
 * Returns: (transfer none) (nullable): the session's plan
 */
RubricPlan *
rubric_interview_get_plan (RubricInterview *self)
{
  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), NULL);
  return self->plan;
}

static RubricTopic *
current_topic (RubricInterview *self)
{
  return self->current_question != NULL ? rubric_question_get_topic (self->current_question) : NULL;
}

/* A topic's time: what its questions have taken, planned or not. */
static void
fill_topic (RubricInterview   *self,
            guint              index,
            RubricPacingTopic *out)
{
  const char *topic_id = rubric_plan_get_topic_id (self->plan, index);
  RubricTopic *topic = rubric_kit_lookup_topic (self->kit, topic_id);
  RubricTopic *current = current_topic (self);

  *out = (RubricPacingTopic) { self->budgets[index], 0, FALSE };
  if (topic == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (rubric_topic_get_questions (topic)); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (topic), i);
      RubricAnswer *answer = rubric_session_lookup_answer (self->session, rubric_question_get_id (question));

      if (answer != NULL)
        out->spent += rubric_answer_get_elapsed (answer);
    }
  out->visited = out->spent > 0 || topic == current;
}

static int
plan_index_of (RubricInterview *self,
               const char      *topic_id)
{
  for (guint i = 0; i < rubric_plan_get_n_topics (self->plan); i++)
    if (g_str_equal (rubric_plan_get_topic_id (self->plan, i), topic_id))
      return (int) i;
  return -1;
}

/**
 * rubric_interview_get_topic_pacing:
 * @out: (out caller-allocates): the topic's budget and time so far
 *
 * Returns: whether the topic is in the interview's plan; %FALSE, and @out
 *   untouched, without a plan
 */
gboolean
rubric_interview_get_topic_pacing (RubricInterview   *self,
                                   const char        *topic_id,
                                   RubricPacingTopic *out)
{
  int index;

  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (self->budgets == NULL || (index = plan_index_of (self, topic_id)) < 0)
    return FALSE;
  fill_topic (self, (guint) index, out);
  return TRUE;
}

/**
 * rubric_interview_get_pacing:
 * @out: (out caller-allocates): how the interview keeps to its slot
 *
 * The current topic is the current question's, when it is in the plan; a
 * question from outside the plan counts for none of the planned topics
 * left.
 *
 * Returns: whether the interview has a plan; %FALSE, and @out untouched,
 *   without one
 */
gboolean
rubric_interview_get_pacing (RubricInterview *self,
                             RubricPacing    *out)
{
  g_autofree RubricPacingTopic *topics = NULL;
  RubricTopic *current;
  guint n_topics;
  int current_index = -1;

  g_return_val_if_fail (RUBRIC_IS_INTERVIEW (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (self->budgets == NULL)
    return FALSE;

  n_topics = rubric_plan_get_n_topics (self->plan);
  topics = g_new0 (RubricPacingTopic, MAX (n_topics, 1));
  for (guint i = 0; i < n_topics; i++)
    fill_topic (self, i, &topics[i]);
  current = current_topic (self);
  if (current != NULL)
    current_index = plan_index_of (self, rubric_topic_get_id (current));

  rubric_pacing_compute (topics, n_topics, current_index < 0 ? G_MAXUINT : (guint) current_index,
                         (gint64) rubric_plan_get_slot_minutes (self->plan) * 60, self->elapsed, out);
  return TRUE;
}

/* Planned topics whose questions have taken no time yet, the current one
 * aside. */
static guint
count_unasked (RubricInterview *self)
{
  guint unasked = 0;

  for (guint i = 0; i < rubric_plan_get_n_topics (self->plan); i++)
    {
      RubricPacingTopic topic;

      fill_topic (self, i, &topic);
      unasked += !topic.visited;
    }
  return unasked;
}

static void
nudge_after_second (RubricInterview *self)
{
  RubricTopic *topic = current_topic (self);
  RubricPacingTopic pacing;
  gint64 slot;
  int index;

  if (self->budgets == NULL)
    return;

  /* The current topic just passed its budget by half. */
  if (topic != NULL && (index = plan_index_of (self, rubric_topic_get_id (topic))) >= 0)
    {
      gint64 line;

      fill_topic (self, (guint) index, &pacing);
      line = pacing.budget + (pacing.budget + 1) / 2;
      if (pacing.budget > 0 && pacing.spent == line)
        {
          g_autofree char *message =
            /* Translators: a quiet reminder during an interview; %s is a
             * topic's title, e.g. "Caching is over its time by half" */
            g_strdup_printf (_("%s is over its time by half"), rubric_topic_get_title (topic));

          g_signal_emit (self, signals[NUDGE], 0, message);
        }
    }

  slot = (gint64) rubric_plan_get_slot_minutes (self->plan) * 60;
  if (slot > LAST_MINUTES_NUDGE && self->elapsed == slot - LAST_MINUTES_NUDGE)
    {
      guint unasked = count_unasked (self);

      if (unasked > 0)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: a quiet reminder
                                           * ten minutes before the end of
                                           * the interview's slot */
                                          "10 minutes left, %u topic unasked",
                                          "10 minutes left, %u topics unasked", unasked),
                             unasked);

          g_signal_emit (self, signals[NUDGE], 0, message);
        }
    }
}

/* Stops the real clock, for a test to run a fake one with
 * _rubric_interview_step_clock(): what a slow machine's seconds add
 * meanwhile would change what it checks. */
void
_rubric_interview_stop_clock (RubricInterview *self)
{
  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));
  g_clear_handle_id (&self->clock_id, g_source_remove);
}

/* What the clock does each second; tests call it to run a fake clock. */
void
_rubric_interview_step_clock (RubricInterview *self)
{
  g_return_if_fail (RUBRIC_IS_INTERVIEW (self));

  /* A sealed scorecard is frozen; its clock too. */
  if (self->current_question == NULL || self->paused || rubric_session_get_sealed_at (self->session) != NULL)
    return;

  rubric_session_add_time (self->session, self->current_question, 1);
  self->elapsed++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
  nudge_after_second (self);
}
