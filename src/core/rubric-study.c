/* rubric-study.c — a learner's self-grading for one kit
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When someone studies a kit on their own, they grade each question for
 * themselves: they knew it, or they want to review it. That progress
 * belongs to the learner, not to any interview, so it lives in the user's
 * state folder, $XDG_STATE_HOME/rubric/study/<kit-id>.json, one file a
 * kit, and never in a session file. docs/study-progress.md describes it.
 *
 * Loading never fails for want of a file: a missing file is empty
 * progress, and a file that does not load is moved aside (never
 * overwritten) and reported as a warning. Saving serialises on the
 * caller's thread and writes in a worker thread, replacing the old file
 * only once the new one is whole; at most one write is in flight.
 */

#define G_LOG_DOMAIN "rubric-study"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-file.h"
#include "rubric-json-private.h"
#include "rubric-study.h"

G_DEFINE_QUARK (rubric-study-error-quark, rubric_study_error)

RUBRIC_JSON_CHECK_ERROR_CODES (RUBRIC_STUDY_ERROR);

G_DEFINE_ENUM_TYPE (RubricStudyGrade, rubric_study_grade,
  G_DEFINE_ENUM_VALUE (RUBRIC_STUDY_GRADE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (RUBRIC_STUDY_GRADE_KNEW, "knew"),
  G_DEFINE_ENUM_VALUE (RUBRIC_STUDY_GRADE_REVIEW, "review"))

#define STUDY_DOMAIN RUBRIC_STUDY_ERROR
#define STUDY_SUFFIX ".json"
#define CORRUPT_SUFFIX ".corrupt"
/* How many damaged files of one kit are kept side by side. */
#define MAX_CORRUPT_FILES 100

struct _RubricStudyProgress
{
  GObject parent_instance;

  char *kit_id;
  GHashTable *grades;      /* question id → GINT_TO_POINTER (RubricStudyGrade) */
  JsonObject *unknown;     /* members of the file this version does not know */
  GDateTime *updated;      /* the last change, or NULL */
  GStrv warnings;

  guint64 change_count;
  guint64 saved_count;     /* the change count on disk */
  guint64 writing_count;   /* the change count being written */
  GPtrArray *waiting;      /* save GTasks for the next write */
  GPtrArray *writing;      /* save GTasks the write in flight completes */
  guint saving : 1;
  guint dirty : 1;         /* the last value of :dirty that was notified */
  guint read_only : 1;
};

G_DEFINE_FINAL_TYPE (RubricStudyProgress, rubric_study_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIT_ID,
  PROP_DIRTY,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];



static const char *
grade_to_string (RubricStudyGrade grade)
{
  switch (grade)
    {
    case RUBRIC_STUDY_GRADE_KNEW:
      return "knew";
    case RUBRIC_STUDY_GRADE_REVIEW:
      return "review";
    case RUBRIC_STUDY_GRADE_NONE:
    default:
      return NULL;
    }
}

static RubricStudyGrade
grade_from_string (const char *text)
{
  if (g_strcmp0 (text, "knew") == 0)
    return RUBRIC_STUDY_GRADE_KNEW;
  if (g_strcmp0 (text, "review") == 0)
    return RUBRIC_STUDY_GRADE_REVIEW;
  return RUBRIC_STUDY_GRADE_NONE;
}

/* ------------------------------------------------------------------ object */

static void
rubric_study_progress_finalize (GObject *object)
{
  RubricStudyProgress *self = RUBRIC_STUDY_PROGRESS (object);

  g_free (self->kit_id);
  g_hash_table_unref (self->grades);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_strfreev (self->warnings);
  g_ptr_array_unref (self->waiting);
  g_clear_pointer (&self->writing, g_ptr_array_unref);

  G_OBJECT_CLASS (rubric_study_progress_parent_class)->finalize (object);
}

static void
rubric_study_progress_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RubricStudyProgress *self = RUBRIC_STUDY_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_KIT_ID:
      g_value_set_string (value, self->kit_id);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, rubric_study_progress_get_dirty (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_study_progress_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RubricStudyProgress *self = RUBRIC_STUDY_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_KIT_ID:
      g_free (self->kit_id);
      self->kit_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_study_progress_class_init (RubricStudyProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rubric_study_progress_finalize;
  object_class->get_property = rubric_study_progress_get_property;
  object_class->set_property = rubric_study_progress_set_property;

  properties[PROP_KIT_ID] =
    g_param_spec_string ("kit-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RubricStudyProgress:dirty:
   *
   * Whether there are grades that are not on disk yet.
   */
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, flags);
  /**
   * RubricStudyProgress:read-only:
   *
   * Whether saving is refused, so that a file Rubric cannot fully
   * understand (or could not move aside) is not lost.
   */
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricStudyProgress::changed:
   * @question_id: the question whose grade changed
   *
   * A question's grade changed; the detail is the question id, so a row
   * can listen to "changed::orm.main" only. A reset emits it once for
   * every question that had a grade.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
rubric_study_progress_init (RubricStudyProgress *self)
{
  self->grades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warnings = g_new0 (char *, 1);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

static RubricStudyProgress *
progress_new (const char *kit_id)
{
  return g_object_new (RUBRIC_TYPE_STUDY_PROGRESS, "kit-id", kit_id, NULL);
}

static void
update_dirty (RubricStudyProgress *self)
{
  gboolean dirty = rubric_study_progress_get_dirty (self);

  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
emit_changed (RubricStudyProgress *self,
              const char          *question_id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (question_id), question_id);
}

/* Every change: a new change count and time, then listeners. */
static void
mark_changed (RubricStudyProgress *self)
{
  self->change_count++;
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = rubric_json_now_utc ();
  update_dirty (self);
}

/* ------------------------------------------------------------------- files */

/**
 * rubric_study_get_folder:
 *
 * Returns: (transfer full): the folder progress files live in,
 *   $XDG_STATE_HOME/rubric/study
 */
GFile *
rubric_study_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "rubric", "study", NULL);

  return g_file_new_for_path (path);
}

static GFile *
file_for_kit (const char *kit_id)
{
  g_autoptr(GFile) folder = rubric_study_get_folder ();
  g_autofree char *name = g_strconcat (kit_id, STUDY_SUFFIX, NULL);

  return g_file_get_child (folder, name);
}

/* ----------------------------------------------------------------- loading */

/* Reads the file's contents into @self. For a file of a newer version
 * @self is made read-only and what this version understands is read
 * leniently; for version 1 every rule holds or the file is refused. */
static gboolean
load_progress (RubricStudyProgress  *self,
               JsonNode             *root,
               GPtrArray            *warnings,
               GError              **error)
{
  static const char * const known[] = { "format", "version", "kit", "grades", "updated", NULL };
  RubricJsonPath path = RUBRIC_JSON_PATH_ROOT;
  RubricJsonPath grades_path = { &path, "grades", 0 };
  RubricJsonObjectReader reader = { STUDY_DOMAIN, &path, NULL };
  const char *kit = NULL;
  const char *updated = NULL;
  JsonObject *grades = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gint64 version = 0;
  gboolean newer;

  if (!rubric_json_read_header (&reader, root, RUBRIC_JSON_FORMAT_STUDY, &version, error))
    return FALSE;
  newer = version > RUBRIC_STUDY_FORMAT_VERSION;
  if (newer)
    {
      self->read_only = TRUE;
      g_ptr_array_add (warnings,
                       /* Translators: %d is the version of the file format of
                        * the study progress file */
                       g_strdup_printf (_("Your study progress was saved by a newer version of Rubric (format %d). It is shown, but changes to it are not saved, so that nothing in it is lost."),
                                        (int) version));
    }

  if (!rubric_json_get_string (&reader, "kit", TRUE, FALSE, &kit, error))
    {
      if (!newer)
        return FALSE;
      g_clear_error (error);
    }
  else if (!g_str_equal (kit, self->kit_id) && !newer)
    {
      RubricJsonPath kit_path = { &path, "kit", 0 };

      rubric_json_set_error (error, STUDY_DOMAIN, &kit_path,
                             /* Translators: an error in a study progress
                              * file: the first %s is the id of the interview
                              * kit it names, the second the id of the kit it
                              * was opened for */
                             _("This progress belongs to the kit “%s”, not “%s”"),
                             kit, self->kit_id);
      return FALSE;
    }

  if (!rubric_json_get_object (&reader, "grades", TRUE, &grades, error))
    {
      if (!newer)
        return FALSE;
      g_clear_error (error);
      grades = NULL;
    }

  if (grades != NULL)
    {
      json_object_iter_init_ordered (&iter, grades);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          RubricJsonPath grade_path = { &grades_path, name, 0 };
          RubricStudyGrade grade = RUBRIC_STUDY_GRADE_NONE;

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            grade = grade_from_string (json_node_get_string (node));

          if (grade == RUBRIC_STUDY_GRADE_NONE)
            {
              if (newer)
                continue;
              rubric_json_set_error (error, STUDY_DOMAIN, &grade_path,
                                     /* Translators: an error in a study
                                      * progress file; “knew” and “review” are
                                      * values of the file format: keep them
                                      * in English */
                                     _("Expected “knew” or “review”"));
              return FALSE;
            }
          if (*name == '\0')
            {
              if (newer)
                continue;
              rubric_json_set_error (error, STUDY_DOMAIN, &grade_path,
                                     _("A question id cannot be empty"));
              return FALSE;
            }

          g_hash_table_replace (self->grades, g_strdup (name), GINT_TO_POINTER (grade));
        }
    }

  if (!rubric_json_get_string (&reader, "updated", FALSE, FALSE, &updated, error))
    {
      if (!newer)
        return FALSE;
      g_clear_error (error);
      updated = NULL;
    }
  if (updated != NULL)
    {
      self->updated = g_date_time_new_from_iso8601 (updated, NULL);
      if (self->updated == NULL && !newer)
        {
          RubricJsonPath updated_path = { &path, "updated", 0 };

          rubric_json_set_error (error, STUDY_DOMAIN, &updated_path,
                                 /* Translators: an error in a study progress
                                  * file; %s is what it has. Keep the example:
                                  * it is the form the file must use */
                                 _("“%s” is not a date and time such as “2026-03-14T09:30:00Z”"),
                                 updated);
          return FALSE;
        }
    }

  self->unknown = rubric_json_object_copy_unknown (reader.object, known);

  return TRUE;
}

/* Moves a file that does not load out of the way, to <name>.corrupt (or
 * <name>.corrupt.2, .3… when that is taken). */
static GFile *
move_aside (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *basename = g_file_get_basename (file);

  for (guint i = 1; i <= MAX_CORRUPT_FILES; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) aside = NULL;
      g_autoptr(GError) local_error = NULL;

      if (i == 1)
        name = g_strconcat (basename, CORRUPT_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s" CORRUPT_SUFFIX ".%u", basename, i);
      aside = g_file_get_child (parent, name);

      /* Without G_FILE_COPY_OVERWRITE: an older damaged file stays. */
      if (g_file_move (file, aside, G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       cancellable, NULL, NULL, &local_error))
        return g_steal_pointer (&aside);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: an error: a damaged study progress
                             * file could not be moved aside, because the
                             * names for that are all taken */
                            "There is already %u damaged progress file",
                            "There are already %u damaged progress files",
                            MAX_CORRUPT_FILES),
               MAX_CORRUPT_FILES);
  return NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *kit_id = task_data;
  g_autoptr(GFile) file = file_for_kit (kit_id);
  g_autoptr(RubricStudyProgress) self = progress_new (kit_id);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  bytes = rubric_json_read_file (file, STUDY_DOMAIN, NULL, cancellable, &error);
  if (bytes == NULL)
    {
      /* No file yet: nothing graded. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
          return;
        }
      /* A file that cannot be read (permissions, a folder in its place,
       * cancelled) is not known to be damaged: say so, touch nothing. */
      if (error->domain != STUDY_DOMAIN)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      root = rubric_json_parse (bytes, STUDY_DOMAIN, &error);
      if (root != NULL && load_progress (self, root, warnings, &error))
        {
          if (warnings->len > 0)
            {
              g_strfreev (self->warnings);
              self->warnings = (GStrv) g_ptr_array_steal (warnings, NULL);
            }
          g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
          return;
        }
    }

  /* The file is damaged: start afresh from empty progress, and keep the
   * file aside so that the next save does not overwrite it. */
  {
    g_autoptr(RubricStudyProgress) fresh = progress_new (kit_id);
    g_autoptr(GError) move_error = NULL;
    g_autoptr(GFile) aside = NULL;
    char *warning;

    aside = move_aside (file, cancellable, &move_error);
    if (aside != NULL)
      {
        /* Translators: the first %s is a file, the second what is wrong
         * with it, such as “3:14: JSON allows no comma after the last item”. */
        warning = g_strdup_printf (_("Your study progress could not be read, so it starts again. The damaged file was kept as “%s”. (%s)"),
                                   g_file_peek_path (aside), error->message);
      }
    else
      {
        fresh->read_only = TRUE;
        /* Translators: the first %s is what is wrong with the file, the
         * second why it could not be moved. */
        warning = g_strdup_printf (_("Your study progress could not be read (%s), nor moved aside (%s). Changes to it are not saved, so that the file is not lost."),
                                   error->message, move_error->message);
      }

    g_strfreev (fresh->warnings);
    fresh->warnings = g_new0 (char *, 2);
    fresh->warnings[0] = warning;

    g_task_return_pointer (task, g_steal_pointer (&fresh), g_object_unref);
  }
}

/**
 * rubric_study_progress_load_async:
 * @kit_id: the kit's id
 *
 * Reads the learner's progress for a kit in a worker thread. A missing file
 * is empty progress. A damaged file is empty progress too, with a warning
 * (rubric_study_progress_get_warnings()) that the file was kept aside as
 * “<kit-id>.json.corrupt”.
 */
void
rubric_study_progress_load_async (const char          *kit_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  /* Only an id can become a file name: no "/" and no "..". */
  g_return_if_fail (kit_id != NULL && rubric_json_is_id (kit_id));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_study_progress_load_async);
  g_task_set_task_data (task, g_strdup (kit_id), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rubric_study_progress_load_finish:
 * @error: an I/O error for a file that exists but cannot be read
 *
 * Returns: (transfer full) (nullable): the progress
 */
RubricStudyProgress *
rubric_study_progress_load_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_study_progress_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ grades */

RubricStudyGrade
rubric_study_progress_get_grade (RubricStudyProgress *self,
                                 const char          *question_id)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), RUBRIC_STUDY_GRADE_NONE);
  g_return_val_if_fail (question_id != NULL, RUBRIC_STUDY_GRADE_NONE);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->grades, question_id));
}

/**
 * rubric_study_progress_set_grade:
 * @grade: the new grade; %RUBRIC_STUDY_GRADE_NONE forgets the question's
 *
 * Emits #RubricStudyProgress::changed when the grade really changes. The
 * grade is saved by the next rubric_study_progress_save_async().
 */
void
rubric_study_progress_set_grade (RubricStudyProgress *self,
                                 const char          *question_id,
                                 RubricStudyGrade     grade)
{
  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (question_id != NULL && *question_id != '\0');
  g_return_if_fail (grade == RUBRIC_STUDY_GRADE_NONE ||
                    grade == RUBRIC_STUDY_GRADE_KNEW ||
                    grade == RUBRIC_STUDY_GRADE_REVIEW);

  if (rubric_study_progress_get_grade (self, question_id) == grade)
    return;

  if (grade == RUBRIC_STUDY_GRADE_NONE)
    g_hash_table_remove (self->grades, question_id);
  else
    g_hash_table_replace (self->grades, g_strdup (question_id), GINT_TO_POINTER (grade));

  mark_changed (self);
  emit_changed (self, question_id);
}

/**
 * rubric_study_progress_reset:
 *
 * Forgets every grade, those of questions the kit no longer has included.
 */
void
rubric_study_progress_reset (RubricStudyProgress *self)
{
  g_autoptr(GHashTable) old = NULL;
  g_autofree const char **ids = NULL;
  guint n_ids = 0;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));

  if (g_hash_table_size (self->grades) == 0)
    return;

  old = g_steal_pointer (&self->grades);
  self->grades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  mark_changed (self);

  ids = (const char **) g_hash_table_get_keys_as_array (old, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    emit_changed (self, ids[i]);
}

static void
count_questions (RubricStudyProgress *self,
                 GListModel          *questions,
                 guint               *knew,
                 guint               *review,
                 guint               *ungraded)
{
  guint n = g_list_model_get_n_items (questions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);

      switch (rubric_study_progress_get_grade (self, rubric_question_get_id (question)))
        {
        case RUBRIC_STUDY_GRADE_KNEW:
          (*knew)++;
          break;
        case RUBRIC_STUDY_GRADE_REVIEW:
          (*review)++;
          break;
        case RUBRIC_STUDY_GRADE_NONE:
        default:
          (*ungraded)++;
          break;
        }
    }
}

/**
 * rubric_study_progress_count:
 * @kit: the kit the progress is for
 * @knew: (out) (optional): questions the learner knew
 * @review: (out) (optional): questions to review
 * @ungraded: (out) (optional): questions not graded yet
 *
 * Counts the kit's questions by grade; grades of questions the kit does not
 * have are not counted.
 */
void
rubric_study_progress_count (RubricStudyProgress *self,
                             RubricKit           *kit,
                             guint               *knew,
                             guint               *review,
                             guint               *ungraded)
{
  GListModel *topics;
  guint n_knew = 0;
  guint n_review = 0;
  guint n_ungraded = 0;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (RUBRIC_IS_KIT (kit));
  g_return_if_fail (g_strcmp0 (rubric_kit_get_id (kit), self->kit_id) == 0);

  topics = rubric_kit_get_topics (kit);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      count_questions (self, rubric_topic_get_questions (topic), &n_knew, &n_review, &n_ungraded);
    }

  if (knew != NULL)
    *knew = n_knew;
  if (review != NULL)
    *review = n_review;
  if (ungraded != NULL)
    *ungraded = n_ungraded;
}

/**
 * rubric_study_progress_count_topic:
 * @topic: a topic of the kit the progress is for
 * @knew: (out) (optional): questions the learner knew
 * @review: (out) (optional): questions to review
 * @ungraded: (out) (optional): questions not graded yet
 */
void
rubric_study_progress_count_topic (RubricStudyProgress *self,
                                   RubricTopic         *topic,
                                   guint               *knew,
                                   guint               *review,
                                   guint               *ungraded)
{
  guint n_knew = 0;
  guint n_review = 0;
  guint n_ungraded = 0;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (RUBRIC_IS_TOPIC (topic));

  count_questions (self, rubric_topic_get_questions (topic), &n_knew, &n_review, &n_ungraded);

  if (knew != NULL)
    *knew = n_knew;
  if (review != NULL)
    *review = n_review;
  if (ungraded != NULL)
    *ungraded = n_ungraded;
}

/**
 * rubric_study_progress_list_review:
 * @kit: the kit the progress is for
 *
 * Returns: (transfer container) (element-type RubricQuestion): the kit's
 *   questions marked for review, in the kit's order
 */
GPtrArray *
rubric_study_progress_list_review (RubricStudyProgress *self,
                                   RubricKit           *kit)
{
  GPtrArray *review;
  GListModel *topics;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (g_strcmp0 (rubric_kit_get_id (kit), self->kit_id) == 0, NULL);

  review = g_ptr_array_new_with_free_func (g_object_unref);
  topics = rubric_kit_get_topics (kit);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, j);

          if (rubric_study_progress_get_grade (self, rubric_question_get_id (question)) == RUBRIC_STUDY_GRADE_REVIEW)
            g_ptr_array_add (review, g_steal_pointer (&question));
        }
    }

  return review;
}

/* --------------------------------------------------------------- accessors */

const char *
rubric_study_progress_get_kit_id (RubricStudyProgress *self)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);
  return self->kit_id;
}

/**
 * rubric_study_progress_get_file:
 *
 * Returns: (transfer full): where the progress is saved
 */
GFile *
rubric_study_progress_get_file (RubricStudyProgress *self)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);
  return file_for_kit (self->kit_id);
}

/**
 * rubric_study_progress_get_warnings:
 *
 * Returns: (transfer none): what the UI should tell the learner about the
 *   load (a damaged file kept aside, a file from a newer Rubric); empty
 *   when all went well
 */
const char * const *
rubric_study_progress_get_warnings (RubricStudyProgress *self)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);
  return (const char * const *) self->warnings;
}

gboolean
rubric_study_progress_get_read_only (RubricStudyProgress *self)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), FALSE);
  return self->read_only;
}

gboolean
rubric_study_progress_get_dirty (RubricStudyProgress *self)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), FALSE);
  return self->change_count != self->saved_count;
}

/**
 * rubric_study_progress_get_updated:
 *
 * Returns: (transfer none) (nullable): when a grade last changed
 */
GDateTime *
rubric_study_progress_get_updated (RubricStudyProgress *self)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);
  return self->updated;
}

/* ------------------------------------------------------------------ saving */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rubric_study_progress_to_bytes:
 *
 * Serialises the progress as a version 1 progress file, with the members of
 * the file it came from that this version does not know.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
rubric_study_progress_to_bytes (RubricStudyProgress *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree const char **ids = NULL;
  g_autofree char *updated = NULL;
  guint n_ids = 0;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "rubric-study");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUBRIC_STUDY_FORMAT_VERSION);
  json_builder_set_member_name (builder, "kit");
  json_builder_add_string_value (builder, self->kit_id);

  /* Sorted, so the same progress always gives the same bytes. */
  json_builder_set_member_name (builder, "grades");
  json_builder_begin_object (builder);
  ids = (const char **) g_hash_table_get_keys_as_array (self->grades, &n_ids);
  qsort (ids, n_ids, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_ids; i++)
    {
      json_builder_set_member_name (builder, ids[i]);
      json_builder_add_string_value (builder, grade_to_string (GPOINTER_TO_INT (g_hash_table_lookup (self->grades, ids[i]))));
    }
  json_builder_end_object (builder);

  if (self->updated == NULL)
    now = rubric_json_now_utc ();
  updated = rubric_json_format_date_time (self->updated != NULL ? self->updated : now);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);

  if (self->unknown != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, self->unknown);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          json_builder_set_member_name (builder, name);
          json_builder_add_value (builder, json_node_copy (node));
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return rubric_json_to_bytes (root);
}

static void start_write (RubricStudyProgress *self);

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RubricStudyProgress) self = user_data;
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->writing);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (rubric_file_write_finish (result, NULL, &error))
    {
      self->saved_count = self->writing_count;
      update_dirty (self);
    }

  /* Saves asked for during this write: a new write, with what the progress
   * holds now. */
  if (self->waiting->len > 0)
    start_write (self);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
start_write (RubricStudyProgress *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GCancellable *cancellable = NULL;

  g_assert (!self->saving);

  file = file_for_kit (self->kit_id);
  bytes = rubric_study_progress_to_bytes (self);
  self->writing = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);

  /* One caller's write can be cancelled; a write shared by several callers
   * goes through. */
  if (self->writing->len == 1)
    cancellable = g_task_get_cancellable (g_ptr_array_index (self->writing, 0));

  self->saving = TRUE;
  self->writing_count = self->change_count;

  /* The old file is replaced only by a whole new one. */
  rubric_file_write_async (file, bytes, RUBRIC_FILE_WRITE_MAKE_FOLDER, NULL, cancellable,
                           write_cb, g_object_ref (self));
}

/**
 * rubric_study_progress_save_async:
 *
 * Serialises the progress on the caller's thread and writes it in a worker
 * thread to $XDG_STATE_HOME/rubric/study/<kit-id>.json, making the folder
 * when needed. The old file stays whole until the new one is complete. A
 * save asked for while another is being written is written after it, with
 * the progress as it is then. Read-only progress is never saved.
 */
void
rubric_study_progress_save_async (RubricStudyProgress *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_study_progress_save_async);

  if (self->read_only)
    {
      g_task_return_new_error (task, STUDY_DOMAIN, RUBRIC_STUDY_ERROR_READ_ONLY,
                               "%s", _("This study progress is not saved, so that the file it came from is not lost"));
      return;
    }

  g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  if (!self->saving)
    start_write (self);
}

gboolean
rubric_study_progress_save_finish (RubricStudyProgress  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_study_progress_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
