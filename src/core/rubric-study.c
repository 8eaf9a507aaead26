/* rubric-study.c — a learner's self-grading for one kit
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When someone studies a kit on their own, they grade each question for
 * themselves: they knew it, or they want to review it. Each grade is an
 * answer to an SM-2 spaced-repetition scheduler, which says when the
 * question is due again (docs/study-progress.md has the rules). That progress
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* SM-2, with the ease factor in hundredths so that intervals are exact. */
#define EASE_START 250
#define EASE_MIN 130
#define EASE_MAX 1000
#define EASE_REVIEW_STEP 20
#define QUALITY_KNEW 4
/* Intervals stop growing at about a hundred years. */
#define MAX_INTERVAL 36500

/* One graded question. */
typedef struct
{
  RubricStudyGrade grade;
  guint repetitions;
  guint ease;              /* hundredths: 250 is 2.5 */
  guint interval;          /* days */
  GDate due;               /* local date */
  GDateTime *reviewed;     /* UTC, or NULL when migrated from version 1 */
  JsonObject *unknown;     /* members this version does not know, or NULL */
} Entry;

struct _RubricStudySnapshot
{
  GHashTable *entries;
  GDateTime *updated;
};

struct _RubricStudyProgress
{
  GObject parent_instance;

  char *kit_id;
  GHashTable *grades;      /* question id → Entry */
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

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->reviewed, g_date_time_unref);
  g_clear_pointer (&entry->unknown, json_object_unref);
  g_free (entry);
}

static Entry *
entry_copy (const Entry *entry)
{
  Entry *copy = g_memdup2 (entry, sizeof *entry);

  if (copy->reviewed != NULL)
    g_date_time_ref (copy->reviewed);
  if (copy->unknown != NULL)
    json_object_ref (copy->unknown);
  return copy;
}

static GHashTable *
entries_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
}

static GHashTable *
entries_copy (GHashTable *entries)
{
  GHashTable *copy = entries_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), entry_copy (value));
  return copy;
}

/* The date of @now where @now is: the learner's local date. */
static void
date_of (GDateTime *now,
         GDate     *date)
{
  int year, month, day;

  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Exactly YYYY-MM-DD, and a real day. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* In whole seconds, in UTC, as the file keeps it. */
static GDateTime *
to_utc_seconds (GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc),
                              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                              g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* SM-2 (docs/study-progress.md, “Scheduling”): the question was reviewed
 * @now and the learner gave @grade. */
static void
entry_review (Entry            *entry,
              RubricStudyGrade  grade,
              GDateTime        *now)
{
  if (grade == RUBRIC_STUDY_GRADE_KNEW)
    {
      /* EF' = EF + (0.1 - (5 - q) × (0.08 + (5 - q) × 0.02)), in
       * hundredths; for q = 4 it is 0. */
      int q = QUALITY_KNEW;
      int change = 10 - (5 - q) * (8 + (5 - q) * 2);

      entry->repetitions++;
      if (entry->repetitions == 1)
        entry->interval = 1;
      else if (entry->repetitions == 2)
        entry->interval = 6;
      else
        /* interval × ease, rounded up */
        entry->interval = (guint) MIN (((guint64) entry->interval * entry->ease + 99) / 100, MAX_INTERVAL);
      entry->ease = CLAMP ((int) entry->ease + change, EASE_MIN, EASE_MAX);
    }
  else
    {
      /* Again from the start, due again today, and a little harder. */
      entry->repetitions = 0;
      entry->interval = 0;
      entry->ease = MAX ((int) entry->ease - EASE_REVIEW_STEP, EASE_MIN);
    }

  entry->grade = grade;
  date_of (now, &entry->due);
  g_date_add_days (&entry->due, entry->interval);
  g_clear_pointer (&entry->reviewed, g_date_time_unref);
  entry->reviewed = to_utc_seconds (now);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
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
  self->grades = entries_new ();
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
mark_changed (RubricStudyProgress *self,
              GDateTime           *now)
{
  self->change_count++;
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = now != NULL ? to_utc_seconds (now) : rubric_json_now_utc ();
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

/* A version 1 grade: "knew" had been known once, "review" is due today.
 * Neither says when it was graded. */
static Entry *
migrate_entry (RubricStudyGrade  grade,
               GDateTime        *updated,
               GDateTime        *now)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->grade = grade;
  entry->ease = EASE_START;
  date_of (now, &entry->due);
  if (grade == RUBRIC_STUDY_GRADE_KNEW)
    {
      entry->repetitions = 1;
      entry->interval = 1;
      if (updated != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (updated, g_date_time_get_timezone (now));

          date_of (local, &entry->due);
          g_date_add_days (&entry->due, 1);
        }
    }
  return entry;
}

/* A version 2 question: every member is checked, unless @lenient (a newer
 * version), when a question that does not read is left out. */
static Entry *
read_entry (JsonNode              *node,
            const RubricJsonPath  *path,
            GError               **error)
{
  static const char * const known[] = { "grade", "repetitions", "ease", "interval", "due", "reviewed", NULL };
  RubricJsonObjectReader reader = { STUDY_DOMAIN, path, NULL };
  g_autoptr(GDateTime) reviewed = NULL;
  const char *grade_text = NULL;
  const char *due_text = NULL;
  const char *reviewed_text = NULL;
  gint64 repetitions = 0;
  gint64 interval = 0;
  double ease = 0;
  RubricStudyGrade grade;
  Entry *entry;
  GDate due;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rubric_json_set_type_error (error, STUDY_DOMAIN, path, RUBRIC_JSON_EXPECT_OBJECT, node);
      return NULL;
    }
  reader.object = json_node_get_object (node);

  if (!rubric_json_get_string (&reader, "grade", TRUE, FALSE, &grade_text, error))
    return NULL;
  grade = grade_from_string (grade_text);
  if (grade == RUBRIC_STUDY_GRADE_NONE)
    {
      RubricJsonPath grade_path = { path, "grade", 0 };

      rubric_json_set_error (error, STUDY_DOMAIN, &grade_path,
                             /* Translators: an error in a study progress
                              * file; “knew” and “review” are values of the
                              * file format: keep them in English */
                             _("Expected “knew” or “review”"));
      return NULL;
    }

  if (!rubric_json_get_int (&reader, "repetitions", TRUE, 0, G_MAXINT32, &repetitions, error) ||
      !rubric_json_get_number (&reader, "ease", TRUE, 1.29, EASE_MAX / 100.0, &ease, error) ||
      !rubric_json_get_int (&reader, "interval", TRUE, 0, MAX_INTERVAL, &interval, error) ||
      !rubric_json_get_string (&reader, "due", TRUE, FALSE, &due_text, error) ||
      !rubric_json_get_string (&reader, "reviewed", FALSE, FALSE, &reviewed_text, error))
    return NULL;

  if (!parse_date (due_text, &due))
    {
      RubricJsonPath due_path = { path, "due", 0 };

      rubric_json_set_error (error, STUDY_DOMAIN, &due_path,
                             /* Translators: an error in a study progress
                              * file; %s is what it has. Keep the example:
                              * it is the form the file must use */
                             _("“%s” is not a date such as “2026-03-14”"),
                             due_text);
      return NULL;
    }
  if (reviewed_text != NULL && (reviewed = g_date_time_new_from_iso8601 (reviewed_text, NULL)) == NULL)
    {
      RubricJsonPath reviewed_path = { path, "reviewed", 0 };

      rubric_json_set_error (error, STUDY_DOMAIN, &reviewed_path,
                             _("“%s” is not a date and time such as “2026-03-14T09:30:00Z”"),
                             reviewed_text);
      return NULL;
    }

  entry = g_new0 (Entry, 1);
  entry->grade = grade;
  entry->repetitions = (guint) repetitions;
  entry->ease = CLAMP ((guint) (ease * 100 + 0.5), EASE_MIN, EASE_MAX);
  entry->interval = (guint) interval;
  entry->due = due;
  entry->reviewed = g_steal_pointer (&reviewed);
  entry->unknown = rubric_json_object_copy_unknown (reader.object, known);
  return entry;
}

/* Reads the file's contents into @self. For a file of a newer version
 * @self is made read-only and what this version understands is read
 * leniently; for versions 1 and 2 every rule holds or the file is refused.
 * A version 1 file is migrated as it is read, @now being when. */
static gboolean
load_progress (RubricStudyProgress  *self,
               JsonNode             *root,
               GDateTime            *now,
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

  /* Before the grades: a version 1 file's "knew" is due the day after. */
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
          Entry *entry = NULL;

          if (*name == '\0')
            {
              if (newer)
                continue;
              rubric_json_set_error (error, STUDY_DOMAIN, &grade_path,
                                     _("A question id cannot be empty"));
              return FALSE;
            }

          if (version == 1)
            {
              RubricStudyGrade grade = RUBRIC_STUDY_GRADE_NONE;

              if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
                grade = grade_from_string (json_node_get_string (node));
              if (grade == RUBRIC_STUDY_GRADE_NONE)
                {
                  rubric_json_set_error (error, STUDY_DOMAIN, &grade_path,
                                         _("Expected “knew” or “review”"));
                  return FALSE;
                }
              entry = migrate_entry (grade, self->updated, now);
            }
          else
            {
              g_autoptr(GError) entry_error = NULL;

              entry = read_entry (node, &grade_path, &entry_error);
              if (entry == NULL)
                {
                  if (newer)
                    continue;
                  g_propagate_error (error, g_steal_pointer (&entry_error));
                  return FALSE;
                }
            }

          g_hash_table_replace (self->grades, g_strdup (name), entry);
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

/**
 * rubric_study_progress_new_from_bytes:
 * @kit_id: the kit's id
 * @bytes: a progress file's contents
 * @now: when it is read: a version 1 file is migrated as of @now's date
 * @error: why the contents are not a progress file of @kit_id
 *
 * Reads progress from a file's contents, without touching any file: see
 * rubric_study_progress_load_async() for the file itself.
 *
 * Returns: (transfer full) (nullable): the progress, with a warning when
 *   it comes from a newer Rubric
 */
RubricStudyProgress *
rubric_study_progress_new_from_bytes (const char  *kit_id,
                                      GBytes      *bytes,
                                      GDateTime   *now,
                                      GError     **error)
{
  g_autoptr(RubricStudyProgress) self = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (kit_id != NULL && rubric_json_is_id (kit_id), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = progress_new (kit_id);
  root = rubric_json_parse (bytes, STUDY_DOMAIN, error);
  if (root == NULL || !load_progress (self, root, now, warnings, error))
    return NULL;
  if (warnings->len > 0)
    {
      g_strfreev (self->warnings);
      self->warnings = (GStrv) g_ptr_array_steal (warnings, NULL);
    }
  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *kit_id = task_data;
  g_autoptr(GFile) file = file_for_kit (kit_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = rubric_json_read_file (file, STUDY_DOMAIN, NULL, cancellable, &error);
  if (bytes == NULL)
    {
      /* No file yet: nothing graded. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_task_return_pointer (task, progress_new (kit_id), g_object_unref);
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
      RubricStudyProgress *self = rubric_study_progress_new_from_bytes (kit_id, bytes, now, &error);

      if (self != NULL)
        {
          g_task_return_pointer (task, self, g_object_unref);
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

static Entry *
lookup (RubricStudyProgress *self,
        const char          *question_id)
{
  return g_hash_table_lookup (self->grades, question_id);
}

/**
 * rubric_study_progress_get_grade:
 *
 * Returns: the last grade the question was given, or
 *   %RUBRIC_STUDY_GRADE_NONE for a new question
 */
RubricStudyGrade
rubric_study_progress_get_grade (RubricStudyProgress *self,
                                 const char          *question_id)
{
  Entry *entry;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), RUBRIC_STUDY_GRADE_NONE);
  g_return_val_if_fail (question_id != NULL, RUBRIC_STUDY_GRADE_NONE);

  entry = lookup (self, question_id);
  return entry != NULL ? entry->grade : RUBRIC_STUDY_GRADE_NONE;
}

/**
 * rubric_study_progress_get_grade_today:
 * @now: the current time, in the learner's time zone
 *
 * Returns: the grade given on @now's date, or %RUBRIC_STUDY_GRADE_NONE
 *   when the question was not graded that day: a question that comes due
 *   again is to be graded afresh
 */
RubricStudyGrade
rubric_study_progress_get_grade_today (RubricStudyProgress *self,
                                       const char          *question_id,
                                       GDateTime           *now)
{
  g_autoptr(GDateTime) local = NULL;
  Entry *entry;
  GDate today, reviewed;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), RUBRIC_STUDY_GRADE_NONE);
  g_return_val_if_fail (question_id != NULL, RUBRIC_STUDY_GRADE_NONE);
  g_return_val_if_fail (now != NULL, RUBRIC_STUDY_GRADE_NONE);

  entry = lookup (self, question_id);
  if (entry == NULL || entry->reviewed == NULL)
    return RUBRIC_STUDY_GRADE_NONE;
  local = g_date_time_to_timezone (entry->reviewed, g_date_time_get_timezone (now));
  date_of (now, &today);
  date_of (local, &reviewed);
  return g_date_compare (&today, &reviewed) == 0 ? entry->grade : RUBRIC_STUDY_GRADE_NONE;
}

/**
 * rubric_study_progress_get_state:
 * @state: (out caller-allocates): the question's schedule; its @reviewed
 *   belongs to @self and lasts until the question is graded again
 *
 * Returns: whether the question was ever graded (a new one has no state)
 */
gboolean
rubric_study_progress_get_state (RubricStudyProgress *self,
                                 const char          *question_id,
                                 RubricStudyState    *state)
{
  g_autofree char *due = NULL;
  Entry *entry;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  memset (state, 0, sizeof *state);
  entry = lookup (self, question_id);
  if (entry == NULL)
    return FALSE;

  due = format_date (&entry->due);
  state->grade = entry->grade;
  state->repetitions = entry->repetitions;
  state->ease = entry->ease / 100.0;
  state->interval = entry->interval;
  g_strlcpy (state->due, due, sizeof state->due);
  state->reviewed = entry->reviewed;
  return TRUE;
}

static gboolean
entry_is_due (const Entry *entry,
              const GDate *today)
{
  return g_date_compare (&entry->due, today) <= 0;
}

/**
 * rubric_study_progress_is_due:
 * @now: the current time, in the learner's time zone
 *
 * Returns: whether the question was graded and is due on @now's date or
 *   before; a new question is not due (it is new)
 */
gboolean
rubric_study_progress_is_due (RubricStudyProgress *self,
                              const char          *question_id,
                              GDateTime           *now)
{
  Entry *entry;
  GDate today;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  entry = lookup (self, question_id);
  if (entry == NULL)
    return FALSE;
  date_of (now, &today);
  return entry_is_due (entry, &today);
}

/**
 * rubric_study_progress_grade:
 * @grade: the learner's answer; %RUBRIC_STUDY_GRADE_NONE forgets the
 *   question, which is new again
 * @now: when the learner graded it, in their time zone
 *
 * One review of the question, scheduled by SM-2. The same grade given
 * again on the same day changes nothing. Emits
 * #RubricStudyProgress::changed when something changed; the progress is
 * saved by the next rubric_study_progress_save_async().
 */
void
rubric_study_progress_grade (RubricStudyProgress *self,
                             const char          *question_id,
                             RubricStudyGrade     grade,
                             GDateTime           *now)
{
  Entry *entry;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (question_id != NULL && *question_id != '\0');
  g_return_if_fail (grade == RUBRIC_STUDY_GRADE_NONE ||
                    grade == RUBRIC_STUDY_GRADE_KNEW ||
                    grade == RUBRIC_STUDY_GRADE_REVIEW);
  g_return_if_fail (now != NULL);

  entry = lookup (self, question_id);
  if (grade == RUBRIC_STUDY_GRADE_NONE)
    {
      if (entry == NULL)
        return;
      g_hash_table_remove (self->grades, question_id);
    }
  else
    {
      if (entry != NULL && rubric_study_progress_get_grade_today (self, question_id, now) == grade)
        return;
      if (entry == NULL)
        {
          entry = g_new0 (Entry, 1);
          entry->ease = EASE_START;
          g_hash_table_replace (self->grades, g_strdup (question_id), entry);
        }
      entry_review (entry, grade, now);
    }

  mark_changed (self, now);
  emit_changed (self, question_id);
}

/**
 * rubric_study_progress_set_grade:
 * @grade: the new grade; %RUBRIC_STUDY_GRADE_NONE forgets the question's
 *
 * rubric_study_progress_grade() now.
 */
void
rubric_study_progress_set_grade (RubricStudyProgress *self,
                                 const char          *question_id,
                                 RubricStudyGrade     grade)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  rubric_study_progress_grade (self, question_id, grade, now);
}

/* Everything changes to what @entries holds: every question that had a
 * state or gets one is announced. */
static void
replace_entries (RubricStudyProgress *self,
                 GHashTable          *entries,
                 GDateTime           *updated)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->grades);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **list = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  self->grades = entries;
  self->change_count++;
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = updated != NULL ? g_date_time_ref (updated) : NULL;
  update_dirty (self);

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (ids, key);
  g_hash_table_iter_init (&iter, self->grades);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (ids, key);

  /* In order, so that listeners see the same order every time. */
  list = (const char **) g_hash_table_get_keys_as_array (ids, &n);
  qsort (list, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    emit_changed (self, list[i]);
}

/**
 * rubric_study_progress_reset:
 *
 * Forgets every grade, those of questions the kit no longer has included;
 * rubric_study_progress_snapshot() first keeps a way back.
 */
void
rubric_study_progress_reset (RubricStudyProgress *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));

  if (g_hash_table_size (self->grades) == 0)
    return;
  now = rubric_json_now_utc ();
  replace_entries (self, entries_new (), now);
}

/**
 * rubric_study_progress_snapshot:
 *
 * Returns: (transfer full): a copy of every question's state (those of
 *   questions the kit does not have included) and of the time of the last
 *   change
 */
RubricStudySnapshot *
rubric_study_progress_snapshot (RubricStudyProgress *self)
{
  RubricStudySnapshot *snapshot;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);

  snapshot = g_new0 (RubricStudySnapshot, 1);
  snapshot->entries = entries_copy (self->grades);
  snapshot->updated = self->updated != NULL ? g_date_time_ref (self->updated) : NULL;
  return snapshot;
}

/**
 * rubric_study_progress_restore:
 * @snapshot: what rubric_study_progress_snapshot() of the same progress
 *   returned
 *
 * Puts the progress back exactly as it was when @snapshot was taken; it is
 * saved by the next save. Emits #RubricStudyProgress::changed for every
 * question whose state it had or has.
 */
void
rubric_study_progress_restore (RubricStudyProgress       *self,
                               const RubricStudySnapshot *snapshot)
{
  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (snapshot != NULL);

  replace_entries (self, entries_copy (snapshot->entries), snapshot->updated);
}

void
rubric_study_snapshot_free (RubricStudySnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_hash_table_unref (snapshot->entries);
  g_clear_pointer (&snapshot->updated, g_date_time_unref);
  g_free (snapshot);
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
 * @knew: (out) (optional): questions the learner last knew
 * @review: (out) (optional): questions last marked for review
 * @ungraded: (out) (optional): questions not graded yet
 *
 * Counts the kit's questions by their last grade; grades of questions the
 * kit does not have are not counted.
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
 * @knew: (out) (optional): questions the learner last knew
 * @review: (out) (optional): questions last marked for review
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

/* Walks a topic's questions: each due one goes into @due_list when there
 * is one, and the counts grow. */
static void
scan_due (RubricStudyProgress *self,
          RubricTopic         *topic,
          const GDate         *today,
          guint               *due,
          guint               *fresh,
          guint               *later,
          GPtrArray           *due_list)
{
  GListModel *questions = rubric_topic_get_questions (topic);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);
      Entry *entry = lookup (self, rubric_question_get_id (question));

      if (entry == NULL)
        (*fresh)++;
      else if (!entry_is_due (entry, today))
        (*later)++;
      else
        {
          (*due)++;
          if (due_list != NULL)
            g_ptr_array_add (due_list, g_steal_pointer (&question));
        }
    }
}

static void
set_counts (guint  n_due,
            guint  n_fresh,
            guint  n_later,
            guint *due,
            guint *fresh,
            guint *later)
{
  if (due != NULL)
    *due = n_due;
  if (fresh != NULL)
    *fresh = n_fresh;
  if (later != NULL)
    *later = n_later;
}

/**
 * rubric_study_progress_count_due:
 * @kit: the kit the progress is for
 * @now: the current time, in the learner's time zone
 * @due: (out) (optional): graded questions due on @now's date or before
 * @fresh: (out) (optional): new questions, never graded (not due)
 * @later: (out) (optional): graded questions due after @now's date
 *
 * Counts the kit's questions by when they are due; questions the kit does
 * not have are not counted.
 */
void
rubric_study_progress_count_due (RubricStudyProgress *self,
                                 RubricKit           *kit,
                                 GDateTime           *now,
                                 guint               *due,
                                 guint               *fresh,
                                 guint               *later)
{
  guint n_due = 0, n_fresh = 0, n_later = 0;
  GListModel *topics;
  GDate today;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (RUBRIC_IS_KIT (kit));
  g_return_if_fail (now != NULL);

  date_of (now, &today);
  topics = rubric_kit_get_topics (kit);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      scan_due (self, topic, &today, &n_due, &n_fresh, &n_later, NULL);
    }
  set_counts (n_due, n_fresh, n_later, due, fresh, later);
}

/**
 * rubric_study_progress_count_due_topic:
 * @topic: a topic of the kit the progress is for
 * @now: the current time, in the learner's time zone
 * @due: (out) (optional): graded questions due on @now's date or before
 * @fresh: (out) (optional): new questions, never graded (not due)
 * @later: (out) (optional): graded questions due after @now's date
 */
void
rubric_study_progress_count_due_topic (RubricStudyProgress *self,
                                       RubricTopic         *topic,
                                       GDateTime           *now,
                                       guint               *due,
                                       guint               *fresh,
                                       guint               *later)
{
  guint n_due = 0, n_fresh = 0, n_later = 0;
  GDate today;

  g_return_if_fail (RUBRIC_IS_STUDY_PROGRESS (self));
  g_return_if_fail (RUBRIC_IS_TOPIC (topic));
  g_return_if_fail (now != NULL);

  date_of (now, &today);
  scan_due (self, topic, &today, &n_due, &n_fresh, &n_later, NULL);
  set_counts (n_due, n_fresh, n_later, due, fresh, later);
}

/**
 * rubric_study_progress_list_due:
 * @kit: the kit the progress is for
 * @now: the current time, in the learner's time zone
 *
 * Returns: (transfer container) (element-type RubricQuestion): the kit's
 *   questions due on @now's date or before, in the kit's order
 */
GPtrArray *
rubric_study_progress_list_due (RubricStudyProgress *self,
                                RubricKit           *kit,
                                GDateTime           *now)
{
  guint n_due = 0, n_fresh = 0, n_later = 0;
  GPtrArray *due;
  GListModel *topics;
  GDate today;

  g_return_val_if_fail (RUBRIC_IS_STUDY_PROGRESS (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  date_of (now, &today);
  due = g_ptr_array_new_with_free_func (g_object_unref);
  topics = rubric_kit_get_topics (kit);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      scan_due (self, topic, &today, &n_due, &n_fresh, &n_later, due);
    }
  return due;
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

static void
add_entry (JsonBuilder *builder,
           const Entry *entry)
{
  g_autofree char *due = format_date (&entry->due);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "grade");
  json_builder_add_string_value (builder, grade_to_string (entry->grade));
  json_builder_set_member_name (builder, "repetitions");
  json_builder_add_int_value (builder, entry->repetitions);
  json_builder_set_member_name (builder, "ease");
  json_builder_add_double_value (builder, entry->ease / 100.0);
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, entry->interval);
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, due);
  if (entry->reviewed != NULL)
    {
      g_autofree char *reviewed = rubric_json_format_date_time (entry->reviewed);

      json_builder_set_member_name (builder, "reviewed");
      json_builder_add_string_value (builder, reviewed);
    }
  rubric_json_builder_add_members (builder, entry->unknown);
  json_builder_end_object (builder);
}

/**
 * rubric_study_progress_to_bytes:
 *
 * Serialises the progress as a version 2 progress file, with the members of
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
      add_entry (builder, g_hash_table_lookup (self->grades, ids[i]));
    }
  json_builder_end_object (builder);

  if (self->updated == NULL)
    now = rubric_json_now_utc ();
  updated = rubric_json_format_date_time (self->updated != NULL ? self->updated : now);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);

  rubric_json_builder_add_members (builder, self->unknown);
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
