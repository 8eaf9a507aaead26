/* rubric-session.c — one interview: the candidate, answers, notes, verdict
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric-json-private.h"
#include "rubric-session.h"
#include "rubric-file.h"
#include "rubric-session-private.h"

G_DEFINE_QUARK (rubric-session-error-quark, rubric_session_error)

G_STATIC_ASSERT ((int) RUBRIC_SESSION_ERROR_TOO_LARGE == (int) RUBRIC_JSON_ERROR_TOO_LARGE);
G_STATIC_ASSERT ((int) RUBRIC_SESSION_ERROR_NOT_UTF8 == (int) RUBRIC_JSON_ERROR_NOT_UTF8);
G_STATIC_ASSERT ((int) RUBRIC_SESSION_ERROR_TOO_DEEP == (int) RUBRIC_JSON_ERROR_TOO_DEEP);
G_STATIC_ASSERT ((int) RUBRIC_SESSION_ERROR_SYNTAX == (int) RUBRIC_JSON_ERROR_SYNTAX);
G_STATIC_ASSERT ((int) RUBRIC_SESSION_ERROR_INVALID == (int) RUBRIC_JSON_ERROR_INVALID);

G_DEFINE_ENUM_TYPE (RubricRecommendation, rubric_recommendation,
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_STRONG_NO, "strong-no"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_NO, "no"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_YES, "yes"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_STRONG_YES, "strong-yes"))

#define SESSION_DOMAIN RUBRIC_SESSION_ERROR

/* Answers to questions the kit does not have that the warnings name one
 * by one; the rest are counted in one more. */
#define MAX_UNKNOWN_ANSWER_WARNINGS 10

/* Longest time a question can have taken: a generous ten years. */
#define MAX_ELAPSED (G_GINT64_CONSTANT (10) * 366 * 24 * 3600)

static const char * const root_members[] = {
  "format", "version", "kit", "candidate", "created", "modified", "answers",
  "topic_notes", "private_notes", "recommendation", "summary", NULL
};
static const char * const kit_members[] = { "id", "version", "sha256", NULL };
static const char * const candidate_members[] = { "name", "role", "interviewer", "date", NULL };
static const char * const answer_members[] = {
  "rating", "skipped", "notes", "elapsed_s", "asked_at", "prompt", "topic", "topic_title", NULL
};

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}



/* ============================================================ RubricAnswer */

static void rubric_session_changed (RubricSession *self);

struct _RubricAnswer
{
  GObject parent_instance;

  char *question_id;
  int rating;
  gboolean skipped;
  char *notes;
  gint64 elapsed;
  GDateTime *asked_at;
  char *prompt;
  char *topic_id;
  char *topic_title;
  JsonObject *unknown;

  /* Borrowed: the session that holds the answer, told of its every
   * change; cleared when the session goes first. */
  RubricSession *session;
};

G_DEFINE_FINAL_TYPE (RubricAnswer, rubric_answer, G_TYPE_OBJECT)

enum {
  ANSWER_PROP_0,
  ANSWER_PROP_QUESTION_ID,
  ANSWER_PROP_RATING,
  ANSWER_PROP_SKIPPED,
  ANSWER_PROP_NOTES,
  ANSWER_PROP_ELAPSED,
  ANSWER_PROP_ASKED_AT,
  ANSWER_PROP_PROMPT,
  ANSWER_PROP_TOPIC_ID,
  ANSWER_PROP_TOPIC_TITLE,
  ANSWER_N_PROPS
};

static GParamSpec *answer_props[ANSWER_N_PROPS];

static void
rubric_answer_finalize (GObject *object)
{
  RubricAnswer *self = RUBRIC_ANSWER (object);

  g_free (self->question_id);
  g_free (self->notes);
  g_clear_pointer (&self->asked_at, g_date_time_unref);
  g_free (self->prompt);
  g_free (self->topic_id);
  g_free (self->topic_title);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (rubric_answer_parent_class)->finalize (object);
}

static void
rubric_answer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RubricAnswer *self = RUBRIC_ANSWER (object);

  switch (prop_id)
    {
    case ANSWER_PROP_QUESTION_ID:
      g_value_set_string (value, self->question_id);
      break;
    case ANSWER_PROP_RATING:
      g_value_set_int (value, self->rating);
      break;
    case ANSWER_PROP_SKIPPED:
      g_value_set_boolean (value, self->skipped);
      break;
    case ANSWER_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case ANSWER_PROP_ELAPSED:
      g_value_set_int64 (value, self->elapsed);
      break;
    case ANSWER_PROP_ASKED_AT:
      g_value_set_boxed (value, self->asked_at);
      break;
    case ANSWER_PROP_PROMPT:
      g_value_set_string (value, self->prompt);
      break;
    case ANSWER_PROP_TOPIC_ID:
      g_value_set_string (value, self->topic_id);
      break;
    case ANSWER_PROP_TOPIC_TITLE:
      g_value_set_string (value, self->topic_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_answer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RubricAnswer *self = RUBRIC_ANSWER (object);

  switch (prop_id)
    {
    case ANSWER_PROP_RATING:
      rubric_answer_set_rating (self, g_value_get_int (value));
      break;
    case ANSWER_PROP_SKIPPED:
      rubric_answer_set_skipped (self, g_value_get_boolean (value));
      break;
    case ANSWER_PROP_NOTES:
      rubric_answer_set_notes (self, g_value_get_string (value));
      break;
    case ANSWER_PROP_ELAPSED:
      rubric_answer_set_elapsed (self, g_value_get_int64 (value));
      break;
    case ANSWER_PROP_ASKED_AT:
      rubric_answer_set_asked_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Any change to an answer is a change to its session. The class handler
 * of "notify" rather than a handler connected to each answer: a session of
 * 100,000 answers would otherwise pay for 100,000 closures, on loading and
 * again on closing. */
static void
rubric_answer_notify (GObject    *object,
                      GParamSpec *pspec)
{
  RubricAnswer *self = RUBRIC_ANSWER (object);

  if (self->session != NULL)
    rubric_session_changed (self->session);
}

static void
rubric_answer_class_init (RubricAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_answer_finalize;
  object_class->get_property = rubric_answer_get_property;
  object_class->set_property = rubric_answer_set_property;
  object_class->notify = rubric_answer_notify;

  answer_props[ANSWER_PROP_QUESTION_ID] = g_param_spec_string ("question-id", NULL, NULL, NULL, ro);
  /* 0 is "not rated" */
  answer_props[ANSWER_PROP_RATING] =
    g_param_spec_int ("rating", NULL, NULL, RUBRIC_RATING_NONE, RUBRIC_RATING_MAX, RUBRIC_RATING_NONE, rw);
  answer_props[ANSWER_PROP_SKIPPED] = g_param_spec_boolean ("skipped", NULL, NULL, FALSE, rw);
  answer_props[ANSWER_PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  answer_props[ANSWER_PROP_ELAPSED] =
    g_param_spec_int64 ("elapsed", NULL, NULL, 0, MAX_ELAPSED, 0, rw);
  answer_props[ANSWER_PROP_ASKED_AT] =
    g_param_spec_boxed ("asked-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  answer_props[ANSWER_PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, NULL, ro);
  answer_props[ANSWER_PROP_TOPIC_ID] = g_param_spec_string ("topic-id", NULL, NULL, NULL, ro);
  answer_props[ANSWER_PROP_TOPIC_TITLE] = g_param_spec_string ("topic-title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, ANSWER_N_PROPS, answer_props);
}

static void
rubric_answer_init (RubricAnswer *self)
{
  self->notes = g_strdup ("");
}

static RubricAnswer *
rubric_answer_new (const char *question_id)
{
  RubricAnswer *self = g_object_new (RUBRIC_TYPE_ANSWER, NULL);

  self->question_id = g_strdup (question_id);

  return self;
}

const char *
rubric_answer_get_question_id (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);
  return self->question_id;
}

/**
 * rubric_answer_get_rating:
 *
 * Returns: 1–5, or %RUBRIC_RATING_NONE when not rated
 */
int
rubric_answer_get_rating (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), RUBRIC_RATING_NONE);
  return self->rating;
}

void
rubric_answer_set_rating (RubricAnswer *self,
                          int           rating)
{
  g_return_if_fail (RUBRIC_IS_ANSWER (self));
  g_return_if_fail (rating >= RUBRIC_RATING_NONE && rating <= RUBRIC_RATING_MAX);

  if (self->rating == rating)
    return;
  self->rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_RATING]);
}

gboolean
rubric_answer_get_skipped (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), FALSE);
  return self->skipped;
}

void
rubric_answer_set_skipped (RubricAnswer *self,
                           gboolean      skipped)
{
  g_return_if_fail (RUBRIC_IS_ANSWER (self));

  skipped = !!skipped;
  if (self->skipped == skipped)
    return;
  self->skipped = skipped;
  g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_SKIPPED]);
}

const char *
rubric_answer_get_notes (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);
  return self->notes;
}

void
rubric_answer_set_notes (RubricAnswer *self,
                         const char   *notes)
{
  g_return_if_fail (RUBRIC_IS_ANSWER (self));

  if (set_string (&self->notes, notes != NULL ? notes : ""))
    g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_NOTES]);
}

/**
 * rubric_answer_edit_notes:
 * @start: where the edit starts, in characters
 * @end: where the replaced text ends, in characters (@start to insert)
 * @text: (nullable): what takes its place; %NULL or "" to delete
 *
 * Replaces characters @start to @end of the notes by @text, as a text
 * field reports each key press: only the edit moves, the notes are not
 * copied whole for every character typed.
 */
void
rubric_answer_edit_notes (RubricAnswer *self,
                          guint         start,
                          guint         end,
                          const char   *text)
{
  gsize length;
  gsize inserted;
  const char *from;
  const char *to;
  gsize from_byte;
  gsize to_byte;

  g_return_if_fail (RUBRIC_IS_ANSWER (self));
  g_return_if_fail (start <= end);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  length = strlen (self->notes);
  inserted = text != NULL ? strlen (text) : 0;
  from = g_utf8_offset_to_pointer (self->notes, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  g_return_if_fail (to <= self->notes + length);

  if (inserted == 0 && from == to)
    return;

  from_byte = from - self->notes;
  to_byte = to - self->notes;
  if (inserted > to_byte - from_byte)
    self->notes = g_realloc (self->notes, length + inserted - (to_byte - from_byte) + 1);
  memmove (self->notes + from_byte + inserted, self->notes + to_byte, length - to_byte + 1);
  if (inserted > 0)
    memcpy (self->notes + from_byte, text, inserted);

  g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_NOTES]);
}

/**
 * rubric_answer_get_elapsed:
 *
 * Returns: the seconds spent on the question
 */
gint64
rubric_answer_get_elapsed (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), 0);
  return self->elapsed;
}

void
rubric_answer_set_elapsed (RubricAnswer *self,
                           gint64        seconds)
{
  g_return_if_fail (RUBRIC_IS_ANSWER (self));
  g_return_if_fail (seconds >= 0);

  seconds = MIN (seconds, MAX_ELAPSED);
  if (self->elapsed == seconds)
    return;
  self->elapsed = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_ELAPSED]);
}

/**
 * rubric_answer_get_asked_at:
 *
 * Returns: (nullable) (transfer none): when the question was first asked
 */
GDateTime *
rubric_answer_get_asked_at (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);
  return self->asked_at;
}

void
rubric_answer_set_asked_at (RubricAnswer *self,
                            GDateTime    *asked_at)
{
  g_return_if_fail (RUBRIC_IS_ANSWER (self));

  if (self->asked_at == asked_at ||
      (self->asked_at != NULL && asked_at != NULL && g_date_time_equal (self->asked_at, asked_at)))
    return;

  g_clear_pointer (&self->asked_at, g_date_time_unref);
  if (asked_at != NULL)
    self->asked_at = g_date_time_ref (asked_at);
  g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_ASKED_AT]);
}

/**
 * rubric_answer_get_prompt:
 *
 * Returns: (nullable): the question's prompt as it was when first asked
 */
const char *
rubric_answer_get_prompt (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);
  return self->prompt;
}

const char *
rubric_answer_get_topic_id (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);
  return self->topic_id;
}

const char *
rubric_answer_get_topic_title (RubricAnswer *self)
{
  g_return_val_if_fail (RUBRIC_IS_ANSWER (self), NULL);
  return self->topic_title;
}

/* =========================================================== RubricSession */

struct _RubricSession
{
  GObject parent_instance;

  char *kit_id;
  int kit_version;
  char *kit_sha256;

  char *candidate_name;
  char *candidate_role;
  char *interviewer;
  char *date;

  GDateTime *created;
  GDateTime *modified;

  GListStore *answers;           /* RubricAnswer, in file order */
  GHashTable *answers_by_id;     /* borrowed keys and values */
  GHashTable *topic_notes;       /* topic id -> notes */
  char *private_notes;
  RubricRecommendation recommendation;
  char *summary;

  /* What the file held that this version does not know, kept for saving. */
  JsonObject *unknown_root;
  JsonObject *unknown_kit;
  JsonObject *unknown_candidate;

  GStrv warnings;
  guint64 change_count;
  guint read_only : 1;
  guint loading : 1;
  guint quiet : 1;               /* the clock is adding time: not a change */
};

G_DEFINE_FINAL_TYPE (RubricSession, rubric_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIT_ID,
  PROP_CANDIDATE_NAME,
  PROP_CANDIDATE_ROLE,
  PROP_INTERVIEWER,
  PROP_DATE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_PRIVATE_NOTES,
  PROP_RECOMMENDATION,
  PROP_SUMMARY,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  TOPIC_NOTES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every real change goes through here: it stamps the modification time and
 * tells listeners (autosave, scores, the window title) once. */
static void
rubric_session_changed (RubricSession *self)
{
  if (self->loading || self->quiet)
    return;

  self->change_count++;
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = rubric_json_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Makes @answer one of the session's; it must be in self->answers too. */
static void
track_answer (RubricSession *self,
              RubricAnswer  *answer)
{
  g_assert (answer->session == NULL);

  g_hash_table_insert (self->answers_by_id, answer->question_id, answer);
  answer->session = self;
}

static void
add_answer (RubricSession *self,
            RubricAnswer  *answer)
{
  g_list_store_append (self->answers, answer);
  track_answer (self, answer);
}

static void
rubric_session_finalize (GObject *object)
{
  RubricSession *self = RUBRIC_SESSION (object);

  g_free (self->kit_id);
  g_free (self->kit_sha256);
  g_free (self->candidate_name);
  g_free (self->candidate_role);
  g_free (self->interviewer);
  g_free (self->date);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  /* An answer someone still holds must not tell a session that is gone. */
  {
    GHashTableIter iter;
    gpointer answer;

    g_hash_table_iter_init (&iter, self->answers_by_id);
    while (g_hash_table_iter_next (&iter, NULL, &answer))
      RUBRIC_ANSWER (answer)->session = NULL;
  }
  g_clear_pointer (&self->answers_by_id, g_hash_table_unref);
  g_clear_object (&self->answers);
  g_clear_pointer (&self->topic_notes, g_hash_table_unref);
  g_free (self->private_notes);
  g_free (self->summary);
  g_clear_pointer (&self->unknown_root, json_object_unref);
  g_clear_pointer (&self->unknown_kit, json_object_unref);
  g_clear_pointer (&self->unknown_candidate, json_object_unref);
  g_strfreev (self->warnings);

  G_OBJECT_CLASS (rubric_session_parent_class)->finalize (object);
}

static void
rubric_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RubricSession *self = RUBRIC_SESSION (object);

  switch (prop_id)
    {
    case PROP_KIT_ID:
      g_value_set_string (value, self->kit_id);
      break;
    case PROP_CANDIDATE_NAME:
      g_value_set_string (value, self->candidate_name);
      break;
    case PROP_CANDIDATE_ROLE:
      g_value_set_string (value, self->candidate_role);
      break;
    case PROP_INTERVIEWER:
      g_value_set_string (value, self->interviewer);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_PRIVATE_NOTES:
      g_value_set_string (value, self->private_notes);
      break;
    case PROP_RECOMMENDATION:
      g_value_set_enum (value, self->recommendation);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RubricSession *self = RUBRIC_SESSION (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE_NAME:
      rubric_session_set_candidate_name (self, g_value_get_string (value));
      break;
    case PROP_CANDIDATE_ROLE:
      rubric_session_set_candidate_role (self, g_value_get_string (value));
      break;
    case PROP_INTERVIEWER:
      rubric_session_set_interviewer (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      rubric_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_PRIVATE_NOTES:
      rubric_session_set_private_notes (self, g_value_get_string (value));
      break;
    case PROP_RECOMMENDATION:
      rubric_session_set_recommendation (self, g_value_get_enum (value));
      break;
    case PROP_SUMMARY:
      rubric_session_set_summary (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_session_class_init (RubricSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_session_finalize;
  object_class->get_property = rubric_session_get_property;
  object_class->set_property = rubric_session_set_property;

  properties[PROP_KIT_ID] = g_param_spec_string ("kit-id", NULL, NULL, NULL, ro);
  properties[PROP_CANDIDATE_NAME] = g_param_spec_string ("candidate-name", NULL, NULL, "", rw);
  properties[PROP_CANDIDATE_ROLE] = g_param_spec_string ("candidate-role", NULL, NULL, "", rw);
  properties[PROP_INTERVIEWER] = g_param_spec_string ("interviewer", NULL, NULL, "", rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_PRIVATE_NOTES] = g_param_spec_string ("private-notes", NULL, NULL, "", rw);
  properties[PROP_RECOMMENDATION] =
    g_param_spec_enum ("recommendation", NULL, NULL, RUBRIC_TYPE_RECOMMENDATION,
                       RUBRIC_RECOMMENDATION_NONE, rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", rw);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricSession::changed:
   *
   * Emitted once for every real change to the session or one of its
   * answers; autosave listens to it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RubricSession::topic-notes-changed:
   * @topic_id: the topic whose notes changed
   */
  signals[TOPIC_NOTES_CHANGED] =
    g_signal_new ("topic-notes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rubric_session_init (RubricSession *self)
{
  self->kit_version = 1;
  self->candidate_name = g_strdup ("");
  self->candidate_role = g_strdup ("");
  self->interviewer = g_strdup ("");
  self->date = g_strdup ("");
  self->private_notes = g_strdup ("");
  self->summary = g_strdup ("");
  self->answers = g_list_store_new (RUBRIC_TYPE_ANSWER);
  self->answers_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->topic_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->warnings = g_new0 (char *, 1);
  self->created = rubric_json_now_utc ();
  self->modified = g_date_time_ref (self->created);
}

/**
 * rubric_session_new:
 * @kit: the kit the interview follows
 *
 * Returns: (transfer full): a new, empty session dated today
 */
RubricSession *
rubric_session_new (RubricKit *kit)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  RubricSession *self;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  self = g_object_new (RUBRIC_TYPE_SESSION, NULL);
  self->kit_id = g_strdup (rubric_kit_get_id (kit));
  self->kit_version = rubric_kit_get_version (kit);
  self->kit_sha256 = g_strdup (rubric_kit_get_sha256 (kit));
  g_free (self->date);
  self->date = g_date_time_format (today, "%Y-%m-%d");

  return self;
}

/* ----------------------------------------------------------------- loading */

static gboolean
is_date (const char *text)
{
  guint year, month, day;
  int consumed = 0;

  if (*text == '\0')
    return TRUE;

  if (strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 ||
      consumed != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
read_date_time (const RubricJsonObjectReader  *reader,
                const char                    *member,
                GDateTime                    **out,
                GError                       **error)
{
  const char *text = NULL;
  GDateTime *date_time;

  if (!rubric_json_get_string (reader, member, FALSE, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  date_time = g_date_time_new_from_iso8601 (text, NULL);
  if (date_time == NULL)
    {
      RubricJsonPath path = { reader->path, member, 0 };

      rubric_json_set_error (error, SESSION_DOMAIN, &path,
                             /* Translators: an error in an interview file; %s
                              * is what it has. Keep the example: it is the
                              * form the file must use */
                             _("“%s” is not a date and time with a time zone, such as “2026-11-27T14:03:00Z”"),
                             text);
      return FALSE;
    }

  g_clear_pointer (out, g_date_time_unref);
  *out = date_time;
  return TRUE;
}

static gboolean
read_text (const RubricJsonObjectReader  *reader,
           const char                    *member,
           char                         **field,
           GError                       **error)
{
  const char *text = NULL;

  if (!rubric_json_get_string (reader, member, FALSE, FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    set_string (field, text);
  return TRUE;
}

static RubricAnswer *
load_answer (const char            *question_id,
             JsonNode              *node,
             const RubricJsonPath  *path,
             GError               **error)
{
  g_autoptr(RubricAnswer) answer = NULL;
  RubricJsonObjectReader reader = { SESSION_DOMAIN, path, NULL };
  JsonNode *rating;
  gint64 value = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rubric_json_set_type_error (error, SESSION_DOMAIN, path, RUBRIC_JSON_EXPECT_OBJECT, node);
      return NULL;
    }
  reader.object = json_node_get_object (node);

  answer = rubric_answer_new (question_id);

  /* null and absent both mean "not rated" */
  rating = json_object_get_member (reader.object, "rating");
  if (rating != NULL && !JSON_NODE_HOLDS_NULL (rating))
    {
      if (!rubric_json_get_int (&reader, "rating", FALSE, RUBRIC_RATING_MIN, RUBRIC_RATING_MAX, &value, error))
        return NULL;
      answer->rating = (int) value;
    }

  value = 0;
  if (!rubric_json_get_boolean (&reader, "skipped", FALSE, &answer->skipped, error) ||
      !read_text (&reader, "notes", &answer->notes, error) ||
      !rubric_json_get_int (&reader, "elapsed_s", FALSE, 0, MAX_ELAPSED, &value, error) ||
      !read_date_time (&reader, "asked_at", &answer->asked_at, error) ||
      !read_text (&reader, "prompt", &answer->prompt, error) ||
      !read_text (&reader, "topic", &answer->topic_id, error) ||
      !read_text (&reader, "topic_title", &answer->topic_title, error))
    return NULL;
  answer->elapsed = value;

  answer->unknown = rubric_json_object_copy_unknown (reader.object, answer_members);

  return g_steal_pointer (&answer);
}

static gboolean
load_session (RubricSession  *self,
              JsonNode       *root,
              RubricKit      *kit,
              GPtrArray      *warnings,
              GError        **error)
{
  RubricJsonPath path = RUBRIC_JSON_PATH_ROOT;
  RubricJsonPath kit_path = { &path, "kit", 0 };
  RubricJsonPath candidate_path = { &path, "candidate", 0 };
  RubricJsonPath answers_path = { &path, "answers", 0 };
  RubricJsonPath topic_notes_path = { &path, "topic_notes", 0 };
  RubricJsonObjectReader reader = { SESSION_DOMAIN, &path, NULL };
  const char *format = NULL;
  const char *text = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gint64 version = 0;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      rubric_json_set_type_error (error, SESSION_DOMAIN, &path, RUBRIC_JSON_EXPECT_OBJECT, root);
      return FALSE;
    }
  reader.object = json_node_get_object (root);

  if (!rubric_json_get_string (&reader, "format", TRUE, FALSE, &format, error))
    return FALSE;
  if (!g_str_equal (format, "rubric-session"))
    {
      RubricJsonPath format_path = { &path, "format", 0 };

      rubric_json_set_error (error, SESSION_DOMAIN, &format_path,
                             /* Translators: an error when opening a file; %s
                              * is the “format” the file names. Keep “rubric-
                              * session”, a value of the file format */
                             _("This is not an interview session (the format is “%s”, not “rubric-session”)"),
                             format);
      return FALSE;
    }

  if (!rubric_json_get_int (&reader, "version", TRUE, 1, G_MAXINT, &version, error))
    return FALSE;
  if (version > RUBRIC_SESSION_FORMAT_VERSION)
    {
      self->read_only = TRUE;
      g_ptr_array_add (warnings,
                       /* Translators: shown when an interview file comes from
                        * a newer Rubric; %d is the version of its file format */
                       g_strdup_printf (_("This session was saved by a newer version of Rubric (format %d). It is open read-only so that nothing in it is lost."),
                                        (int) version));
    }

  /* kit */
  if (!rubric_json_get_object (&reader, "kit", TRUE, &object, error))
    return FALSE;
  {
    RubricJsonObjectReader kit_reader = { SESSION_DOMAIN, &kit_path, object };
    const char *id = NULL;
    const char *sha256 = NULL;
    gint64 kit_version = 1;

    if (!rubric_json_get_string (&kit_reader, "id", TRUE, FALSE, &id, error))
      return FALSE;
    if (!rubric_json_is_id (id))
      {
        RubricJsonPath id_path = { &kit_path, "id", 0 };

        /* Translators: an error in an interview file; %s is the id of an
         * interview kit it names */
        rubric_json_set_error (error, SESSION_DOMAIN, &id_path, _("“%s” is not a valid kit id"), id);
        return FALSE;
      }
    if (!rubric_json_get_int (&kit_reader, "version", FALSE, 1, G_MAXINT, &kit_version, error) ||
        !rubric_json_get_string (&kit_reader, "sha256", FALSE, FALSE, &sha256, error))
      return FALSE;
    if (sha256 != NULL && !is_sha256 (sha256))
      {
        RubricJsonPath sha_path = { &kit_path, "sha256", 0 };

        rubric_json_set_error (error, SESSION_DOMAIN, &sha_path,
                               /* Translators: an error in an interview file:
                                * the checksum of its interview kit must be a
                                * SHA-256 written as 64 lowercase hexadecimal
                                * digits */
                               _("Expected 64 lowercase hexadecimal digits"));
        return FALSE;
      }

    self->kit_id = g_strdup (id);
    self->kit_version = (int) kit_version;
    self->kit_sha256 = g_strdup (sha256);
    self->unknown_kit = rubric_json_object_copy_unknown (object, kit_members);
  }

  /* candidate */
  object = NULL;
  if (!rubric_json_get_object (&reader, "candidate", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      RubricJsonObjectReader candidate = { SESSION_DOMAIN, &candidate_path, object };
      const char *date = NULL;

      if (!read_text (&candidate, "name", &self->candidate_name, error) ||
          !read_text (&candidate, "role", &self->candidate_role, error) ||
          !read_text (&candidate, "interviewer", &self->interviewer, error) ||
          !rubric_json_get_string (&candidate, "date", FALSE, FALSE, &date, error))
        return FALSE;

      if (date != NULL && !is_date (date))
        {
          RubricJsonPath date_path = { &candidate_path, "date", 0 };

          rubric_json_set_error (error, SESSION_DOMAIN, &date_path,
                                 /* Translators: an error in an interview
                                  * file; %s is what it has. Keep the example:
                                  * it is the form the file must use */
                                 _("“%s” is not a date such as “2026-11-27”"), date);
          return FALSE;
        }
      if (date != NULL)
        set_string (&self->date, date);

      self->unknown_candidate = rubric_json_object_copy_unknown (object, candidate_members);
    }

  if (!read_date_time (&reader, "created", &self->created, error) ||
      !read_date_time (&reader, "modified", &self->modified, error))
    return FALSE;

  /* answers */
  object = NULL;
  if (!rubric_json_get_object (&reader, "answers", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_unknown = 0;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          RubricJsonPath answer_path = { &answers_path, name, 0 };
          g_autoptr(RubricAnswer) answer = NULL;

          if (!rubric_json_is_id (name))
            {
              rubric_json_set_error (error, SESSION_DOMAIN, &answer_path,
                                     /* Translators: an error in an interview
                                      * file; %s is what it names as the id of
                                      * a question */
                                     _("“%s” is not a valid question id"), name);
              return FALSE;
            }

          answer = load_answer (name, node, &answer_path, error);
          if (answer == NULL)
            return FALSE;

          /* Each answer the kit has no question for is named, up to a
           * few: a session merged from many kits can have 100,000, and the
           * window shows every warning. */
          if (kit != NULL && rubric_kit_lookup_question (kit, name) == NULL &&
              ++n_unknown <= MAX_UNKNOWN_ANSWER_WARNINGS)
            {
              g_autofree char *where = rubric_json_path_to_string (&answer_path);

              g_ptr_array_add (warnings,
                               /* Translators: a warning about an interview
                                * file: the first %s is where in the file,
                                * such as $.answers["http.main"], which stays
                                * as it is; the second is the id of the
                                * question */
                               g_strdup_printf (_("%s: The kit has no question “%s”; its answer is kept"),
                                                where, name));
            }

          g_ptr_array_add (loaded, g_steal_pointer (&answer));
        }

      if (n_unknown > MAX_UNKNOWN_ANSWER_WARNINGS)
        {
          g_autofree char *where = rubric_json_path_to_string (&answers_path);
          guint n_more = n_unknown - MAX_UNKNOWN_ANSWER_WARNINGS;

          g_ptr_array_add (warnings,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         /* Translators: a warning about an interview
                                                          * file, after the first ten answers to
                                                          * questions the kit does not have were named
                                                          * one by one: %s is where in the file,
                                                          * $.answers, which stays as it is; %u is how
                                                          * many more such answers there are */
                                                         "%s: %u more answer is to a question the kit does not have; it is kept",
                                                         "%s: %u more answers are to questions the kit does not have; they are kept",
                                                         n_more),
                                            where, n_more));
        }

      /* Into the list at once: appending one by one notifies each time. */
      g_list_store_splice (self->answers, 0, 0, loaded->pdata, loaded->len);
      for (guint i = 0; i < loaded->len; i++)
        track_answer (self, g_ptr_array_index (loaded, i));
    }

  /* topic notes */
  object = NULL;
  if (!rubric_json_get_object (&reader, "topic_notes", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      RubricJsonObjectReader notes = { SESSION_DOMAIN, &topic_notes_path, object };

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (!rubric_json_get_string (&notes, name, TRUE, FALSE, &text, error))
            return FALSE;
          g_hash_table_insert (self->topic_notes, g_strdup (name), g_strdup (text));
        }
    }

  if (!read_text (&reader, "private_notes", &self->private_notes, error) ||
      !read_text (&reader, "summary", &self->summary, error))
    return FALSE;

  text = NULL;
  if (!rubric_json_get_string (&reader, "recommendation", FALSE, FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (RUBRIC_TYPE_RECOMMENDATION);
      GEnumValue *value = g_enum_get_value_by_nick (enum_class, text);

      if (value == NULL)
        {
          RubricJsonPath recommendation_path = { &path, "recommendation", 0 };

          rubric_json_set_error (error, SESSION_DOMAIN, &recommendation_path,
                                 /* Translators: an error in an interview
                                  * file; %s is what it has. “strong-no”,
                                  * “no”, “yes”, “strong-yes” and “none” are
                                  * values of the file format: keep them in
                                  * English */
                                 _("“%s” is not a recommendation: use “strong-no”, “no”, “yes”, “strong-yes” or “none”"),
                                 text);
          return FALSE;
        }
      self->recommendation = value->value;
    }

  if (kit != NULL && !g_str_equal (self->kit_id, rubric_kit_get_id (kit)))
    g_ptr_array_add (warnings,
                     /* Translators: a warning about an interview file: the
                      * first %s is the id of the interview kit it was made
                      * with, the second the id of the kit it is opened with */
                     g_strdup_printf (_("This session was made with the kit “%s”, not “%s”"),
                                      self->kit_id, rubric_kit_get_id (kit)));
  else if (kit != NULL && self->kit_sha256 != NULL &&
           g_strcmp0 (self->kit_sha256, rubric_kit_get_sha256 (kit)) != 0)
    g_ptr_array_add (warnings,
                     g_strdup (_("The kit has changed since this session was made; the prompts stored in the session are shown as they were asked")));

  self->unknown_root = rubric_json_object_copy_unknown (reader.object, root_members);

  return TRUE;
}

/**
 * rubric_session_new_from_bytes:
 * @bytes: a session file's contents
 * @kit: (nullable): the kit to check question ids against
 * @error: the first problem, in %RUBRIC_SESSION_ERROR, naming its place
 *
 * Loads a session. Answers to questions the kit does not have are kept
 * and reported by rubric_session_get_warnings(); a session from a newer
 * version of Rubric loads read-only. A failed load returns nothing.
 *
 * Returns: (transfer full) (nullable): the session
 */
RubricSession *
rubric_session_new_from_bytes (GBytes     *bytes,
                               RubricKit  *kit,
                               GError    **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = rubric_json_parse (bytes, SESSION_DOMAIN, error);
  if (root == NULL)
    return NULL;

  return rubric_session_new_from_json (root, kit, error);
}

RubricSession *
rubric_session_new_from_json (JsonNode   *root,
                              RubricKit  *kit,
                              GError    **error)
{
  g_autoptr(RubricSession) self = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (kit == NULL || RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RUBRIC_TYPE_SESSION, NULL);
  warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  self->loading = TRUE;
  if (!load_session (self, root, kit, warnings, error))
    return NULL;
  self->loading = FALSE;

  /* An empty GPtrArray may have no storage at all: keep a real, empty
   * list then. */
  if (warnings->len > 0)
    {
      g_strfreev (self->warnings);
      self->warnings = (GStrv) g_ptr_array_steal (warnings, NULL);
    }

  return g_steal_pointer (&self);
}

/**
 * rubric_session_new_from_file:
 *
 * Like rubric_session_new_from_bytes() for a file. This blocks: use
 * rubric_session_load_async() from the user interface.
 *
 * Returns: (transfer full) (nullable): the session
 */
static RubricSession *
load_file (GFile         *file,
           RubricKit     *kit,
           char         **stamp,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = rubric_json_read_file (file, SESSION_DOMAIN, stamp, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return rubric_session_new_from_bytes (bytes, kit, error);
}

RubricSession *
rubric_session_new_from_file (GFile         *file,
                              RubricKit     *kit,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, kit, NULL, cancellable, error);
}

typedef struct
{
  RubricSession *session;
  char *stamp;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->session);
  g_free (result->stamp);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RubricKit *kit = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->session = load_file (file, kit, &result->stamp, cancellable, &error);
  if (result->session == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* What a crash while saving this file left behind: never the only copy,
   * since the file itself was only ever replaced by a complete one. */
  rubric_file_remove_leftovers (file, cancellable);

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * rubric_session_load_async:
 *
 * Reads, parses and checks a session file in a worker thread, and removes
 * the temporary files an interrupted save of it left behind.
 */
void
rubric_session_load_async (GFile               *file,
                           RubricKit           *kit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kit == NULL || RUBRIC_IS_KIT (kit));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_session_load_async);
  if (kit != NULL)
    g_task_set_task_data (task, g_object_ref (kit), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rubric_session_load_finish:
 * @stamp: (out) (optional): the stamp of the file that was read, for
 *   rubric_session_save_async()'s conflict check
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
RubricSession *
rubric_session_load_finish (GAsyncResult  *result,
                            char         **stamp,
                            GError       **error)
{
  LoadResult *loaded;
  RubricSession *session;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_session_load_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  session = g_steal_pointer (&loaded->session);
  if (stamp != NULL)
    *stamp = g_steal_pointer (&loaded->stamp);
  load_result_free (loaded);

  return session;
}

/* ------------------------------------------------------------------ saving */

/* A copy that shares nothing with the session, so the tree can be written
 * out in a worker thread: json_node_copy() shares objects and arrays, whose
 * reference counts are not atomic. */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *result;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (copy, name, deep_copy (member));
        result = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (result, copy);
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);
        JsonArray *copy = json_array_sized_new (length);

        for (guint i = 0; i < length; i++)
          json_array_add_element (copy, deep_copy (json_array_get_element (array, i)));
        result = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (result, copy);
        return result;
      }

    case JSON_NODE_VALUE:
      result = json_node_new (JSON_NODE_VALUE);
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          json_node_set_int (result, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          json_node_set_double (result, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          json_node_set_boolean (result, json_node_get_boolean (node));
          break;
        case G_TYPE_STRING:
        default:
          json_node_set_string (result, json_node_get_string (node));
          break;
        }
      return result;

    case JSON_NODE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

static void
add_unknown (JsonBuilder *builder,
             JsonObject  *unknown)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (unknown == NULL)
    return;

  json_object_iter_init_ordered (&iter, unknown);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, deep_copy (node));
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autofree char *text = rubric_json_format_date_time (value);

  add_string (builder, name, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A session file's tree is built in three parts, so that a save can take
 * the answers a slice at a time (see save_step()): what comes before the
 * answers, each answer, and what comes after. */
static JsonBuilder *
begin_root (RubricSession *self)
{
  /* Mutable: sealing an immutable tree walks all of it, on the main
   * thread, and nothing here needs it sealed. */
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "format", "rubric-session");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUBRIC_SESSION_FORMAT_VERSION);

  json_builder_set_member_name (builder, "kit");
  json_builder_begin_object (builder);
  add_string (builder, "id", self->kit_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->kit_version);
  if (self->kit_sha256 != NULL)
    add_string (builder, "sha256", self->kit_sha256);
  add_unknown (builder, self->unknown_kit);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "candidate");
  json_builder_begin_object (builder);
  add_string (builder, "name", self->candidate_name);
  add_string (builder, "role", self->candidate_role);
  add_string (builder, "interviewer", self->interviewer);
  add_string (builder, "date", self->date);
  add_unknown (builder, self->unknown_candidate);
  json_builder_end_object (builder);

  add_date_time (builder, "created", self->created);
  add_date_time (builder, "modified", self->modified);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);

  return builder;
}

static void
add_answer_json (JsonBuilder  *builder,
                 RubricAnswer *answer)
{
  json_builder_set_member_name (builder, answer->question_id);
  json_builder_begin_object (builder);
  if (answer->rating != RUBRIC_RATING_NONE)
    {
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, answer->rating);
    }
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_boolean_value (builder, answer->skipped);
  add_string (builder, "notes", answer->notes);
  json_builder_set_member_name (builder, "elapsed_s");
  json_builder_add_int_value (builder, answer->elapsed);
  if (answer->asked_at != NULL)
    add_date_time (builder, "asked_at", answer->asked_at);
  if (answer->prompt != NULL)
    add_string (builder, "prompt", answer->prompt);
  if (answer->topic_id != NULL)
    add_string (builder, "topic", answer->topic_id);
  if (answer->topic_title != NULL)
    add_string (builder, "topic_title", answer->topic_title);
  add_unknown (builder, answer->unknown);
  json_builder_end_object (builder);
}

/* The rest, after the answers; returns the whole tree. */
static JsonNode *
end_root (RubricSession *self,
          JsonBuilder   *builder)
{
  g_autofree const char **topic_ids = NULL;
  g_autoptr(GEnumClass) enum_class = NULL;

  json_builder_end_object (builder);

  /* Sorted, so the same session always gives the same bytes. */
  json_builder_set_member_name (builder, "topic_notes");
  json_builder_begin_object (builder);
  topic_ids = (const char **) g_hash_table_get_keys_as_array (self->topic_notes, NULL);
  qsort (topic_ids, g_hash_table_size (self->topic_notes), sizeof (char *), compare_strings);
  for (guint i = 0; topic_ids[i] != NULL; i++)
    add_string (builder, topic_ids[i], g_hash_table_lookup (self->topic_notes, topic_ids[i]));
  json_builder_end_object (builder);

  add_string (builder, "private_notes", self->private_notes);
  enum_class = g_type_class_ref (RUBRIC_TYPE_RECOMMENDATION);
  add_string (builder, "recommendation", g_enum_get_value (enum_class, self->recommendation)->value_nick);
  add_string (builder, "summary", self->summary);
  add_unknown (builder, self->unknown_root);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The session as a version 1 session file's tree, with the unknown members
 * of the file it came from. Shares nothing with the session. */
static JsonNode *
build_root (RubricSession *self)
{
  g_autoptr(JsonBuilder) builder = begin_root (self);
  guint n_answers = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

      add_answer_json (builder, answer);
    }

  return end_root (self, builder);
}

/**
 * rubric_session_to_bytes:
 *
 * Serialises the session as a version 1 session file, with the unknown
 * members of the file it came from.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
rubric_session_to_bytes (RubricSession *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);

  root = build_root (self);
  return rubric_json_to_bytes (root);
}

static gboolean
check_writable (RubricSession  *self,
                GError        **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, SESSION_DOMAIN, RUBRIC_SESSION_ERROR_READ_ONLY,
                       _("This session comes from a newer version of Rubric and is open read-only, so that nothing in it is lost"));
  return FALSE;
}

/**
 * rubric_session_save:
 *
 * Writes the session to @file with rubric_file_write(): the old file stays
 * whole until the new one is complete. This blocks: the window uses
 * rubric_session_save_async().
 */
gboolean
rubric_session_save (RubricSession  *self,
                     GFile          *file,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  root = build_root (self);
  bytes = rubric_json_to_file_bytes (root, error);
  if (bytes == NULL)
    return FALSE;

  return rubric_file_write (file, bytes, RUBRIC_FILE_WRITE_NONE, NULL, NULL, cancellable, error);
}

typedef struct
{
  JsonNode *root;
  GFile *file;
  RubricFileWriteFlags flags;
  char *expected_stamp;

  /* While the snapshot is taken, a slice of answers at a time. */
  RubricSession *session;
  JsonBuilder *builder;
  guint next_answer;
  guint step_id;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_handle_id (&data->step_id, g_source_remove);
  g_clear_pointer (&data->root, json_node_unref);
  g_clear_object (&data->file);
  g_clear_object (&data->session);
  g_clear_object (&data->builder);
  g_free (data->expected_stamp);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *stamp = NULL;

  bytes = rubric_json_to_file_bytes (data->root, &error);

  /* A large tree takes long to free too: here, not on the main thread. */
  g_clear_pointer (&data->root, json_node_unref);

  if (bytes == NULL ||
      !rubric_file_write (data->file, bytes, data->flags, data->expected_stamp,
                          &stamp, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stamp != NULL ? stamp : g_strdup (""), g_free);
}

/* The worker's task has no source object, so the session is never released
 * in the worker thread; the caller's task completes here, in its own. */
static void
saved_in_thread_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *stamp = g_task_propagate_pointer (G_TASK (result), &error);

  if (stamp == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stamp, g_free);
}

/* How long one slice of the snapshot may hold the main loop: well inside a
 * frame (16.7 ms at 60 Hz), so typing and drawing go on during the save of
 * a session with a hundred thousand answers. */
#define SNAPSHOT_SLICE_US 4000

/* Copies answers into the tree until the slice's time is up. Changes made
 * between slices are fine: each part is copied as it is then, and a change
 * the snapshot missed keeps the session dirty for the next save. */
static gboolean
save_step (gpointer user_data)
{
  GTask *outer = user_data;
  SaveData *data = g_object_get_data (G_OBJECT (outer), "rubric-save-data");
  GListModel *answers = G_LIST_MODEL (data->session->answers);
  gint64 deadline = g_get_monotonic_time () + SNAPSHOT_SLICE_US;
  g_autoptr(GTask) worker = NULL;

  if (g_task_return_error_if_cancelled (outer))
    {
      data->step_id = 0;
      g_object_unref (outer);
      return G_SOURCE_REMOVE;
    }

  while (data->next_answer < g_list_model_get_n_items (answers))
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (answers, data->next_answer++);

      add_answer_json (data->builder, answer);
      if (data->next_answer % 64 == 0 && g_get_monotonic_time () > deadline)
        {
          if (data->step_id == 0)
            data->step_id = g_idle_add_full (G_PRIORITY_DEFAULT, save_step, outer, NULL);
          return G_SOURCE_CONTINUE;
        }
    }

  data->step_id = 0;
  data->root = end_root (data->session, data->builder);
  g_clear_object (&data->builder);
  g_clear_object (&data->session);

  /* The worker's task has no source object, so the session is never
   * released in the worker thread; the caller's task completes here. */
  worker = g_task_new (NULL, g_task_get_cancellable (outer), saved_in_thread_cb, outer);
  g_task_set_source_tag (worker, save_thread);
  g_task_set_task_data (worker, g_object_steal_data (G_OBJECT (outer), "rubric-save-data"),
                        (GDestroyNotify) save_data_free);
  g_task_run_in_thread (worker, save_thread);

  return G_SOURCE_REMOVE;
}

/**
 * rubric_session_save_async:
 * @flags: %RUBRIC_FILE_WRITE_CHECK_STAMP to refuse when the file on disk is
 *   no longer the one with @expected_stamp
 *
 * Takes a snapshot of the session on the caller's thread — at once for a
 * session of ordinary size, a few milliseconds at a time for a very large
 * one — then turns it into bytes and writes them in a worker thread, with
 * rubric_file_write().
 */
void
rubric_session_save_async (RubricSession        *self,
                           GFile                *file,
                           RubricFileWriteFlags  flags,
                           const char           *expected_stamp,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;

  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rubric_session_save_async);

  if (!check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->session = g_object_ref (self);
  data->builder = begin_root (self);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->expected_stamp = g_strdup (expected_stamp);
  g_object_set_data_full (G_OBJECT (task), "rubric-save-data", data, (GDestroyNotify) save_data_free);

  /* The first slice now; more, if needed, from the main loop. The steps
   * own the task from here on, and hand it to the worker at the end. */
  save_step (g_steal_pointer (&task));
}

/**
 * rubric_session_save_finish:
 * @new_stamp: (out) (optional): the stamp of the file written
 */
gboolean
rubric_session_save_finish (RubricSession  *self,
                            GAsyncResult   *result,
                            char          **new_stamp,
                            GError        **error)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rubric_session_save_async, FALSE);

  stamp = g_task_propagate_pointer (G_TASK (result), error);
  if (stamp == NULL)
    return FALSE;
  if (new_stamp != NULL)
    *new_stamp = *stamp != '\0' ? g_steal_pointer (&stamp) : NULL;

  return TRUE;
}

/* ------------------------------------------------------------ the accessors */

/**
 * rubric_session_get_change_count:
 *
 * Returns: how many changes the session has had since it was made or
 *   loaded; autosave compares it to what it last wrote
 */
guint64
rubric_session_get_change_count (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), 0);
  return self->change_count;
}

gboolean
rubric_session_get_read_only (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  return self->read_only;
}

/**
 * rubric_session_get_warnings:
 *
 * Returns: (transfer none): what loading found worth telling the user
 *   without refusing the file, each starting with its JSON path where it
 *   has one
 */
const char * const *
rubric_session_get_warnings (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return (const char * const *) self->warnings;
}

const char *
rubric_session_get_kit_id (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->kit_id;
}

int
rubric_session_get_kit_version (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), 0);
  return self->kit_version;
}

/**
 * rubric_session_get_kit_sha256:
 *
 * Returns: (nullable): the SHA-256 of the kit file the session was made with
 */
const char *
rubric_session_get_kit_sha256 (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->kit_sha256;
}

#define DEFINE_STRING_PROPERTY(name, field, prop)                             \
  const char *                                                                \
  rubric_session_get_##name (RubricSession *self)                             \
  {                                                                           \
    g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);                    \
    return self->field;                                                       \
  }                                                                           \
                                                                              \
  void                                                                        \
  rubric_session_set_##name (RubricSession *self,                             \
                             const char    *value)                            \
  {                                                                           \
    g_return_if_fail (RUBRIC_IS_SESSION (self));                              \
                                                                              \
    if (set_string (&self->field, value != NULL ? value : ""))                \
      {                                                                       \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);         \
        rubric_session_changed (self);                                        \
      }                                                                       \
  }

DEFINE_STRING_PROPERTY (candidate_name, candidate_name, PROP_CANDIDATE_NAME)
DEFINE_STRING_PROPERTY (candidate_role, candidate_role, PROP_CANDIDATE_ROLE)
DEFINE_STRING_PROPERTY (interviewer, interviewer, PROP_INTERVIEWER)
DEFINE_STRING_PROPERTY (private_notes, private_notes, PROP_PRIVATE_NOTES)
DEFINE_STRING_PROPERTY (summary, summary, PROP_SUMMARY)

/**
 * rubric_session_get_date:
 *
 * Returns: the interview's date as YYYY-MM-DD, or "" when not set
 */
const char *
rubric_session_get_date (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->date;
}

/**
 * rubric_session_set_date:
 * @date: (nullable): YYYY-MM-DD, or "" or %NULL for none
 *
 * Returns: %FALSE, changing nothing, when @date is not a valid date
 */
gboolean
rubric_session_set_date (RubricSession *self,
                         const char    *date)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);

  if (date == NULL)
    date = "";
  if (!is_date (date))
    return FALSE;

  if (set_string (&self->date, date))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
      rubric_session_changed (self);
    }
  return TRUE;
}

GDateTime *
rubric_session_get_created (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->created;
}

GDateTime *
rubric_session_get_modified (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->modified;
}

RubricRecommendation
rubric_session_get_recommendation (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), RUBRIC_RECOMMENDATION_NONE);
  return self->recommendation;
}

void
rubric_session_set_recommendation (RubricSession        *self,
                                   RubricRecommendation  recommendation)
{
  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (recommendation <= RUBRIC_RECOMMENDATION_STRONG_YES);

  if (self->recommendation == recommendation)
    return;
  self->recommendation = recommendation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION]);
  rubric_session_changed (self);
}

/**
 * rubric_session_get_topic_notes:
 *
 * Returns: the notes on a topic, "" when there are none
 */
const char *
rubric_session_get_topic_notes (RubricSession *self,
                                const char    *topic_id)
{
  const char *notes;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);

  notes = g_hash_table_lookup (self->topic_notes, topic_id);
  return notes != NULL ? notes : "";
}

void
rubric_session_set_topic_notes (RubricSession *self,
                                const char    *topic_id,
                                const char    *notes)
{
  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (topic_id != NULL);

  if (notes == NULL)
    notes = "";
  if (g_str_equal (rubric_session_get_topic_notes (self, topic_id), notes))
    return;

  if (*notes == '\0')
    g_hash_table_remove (self->topic_notes, topic_id);
  else
    g_hash_table_insert (self->topic_notes, g_strdup (topic_id), g_strdup (notes));

  g_signal_emit (self, signals[TOPIC_NOTES_CHANGED], 0, topic_id);
  rubric_session_changed (self);
}

/**
 * rubric_session_lookup_answer:
 *
 * Returns: (transfer none) (nullable): the answer to a question, if any
 */
RubricAnswer *
rubric_session_lookup_answer (RubricSession *self,
                              const char    *question_id)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->answers_by_id, question_id);
}

/**
 * rubric_session_ensure_answer:
 *
 * Returns the answer to @question, making it — with a snapshot of the
 * question's prompt and topic — when there is none yet.
 *
 * Returns: (transfer none): the answer
 */
RubricAnswer *
rubric_session_ensure_answer (RubricSession  *self,
                              RubricQuestion *question)
{
  RubricAnswer *answer;
  RubricTopic *topic;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_QUESTION (question), NULL);

  answer = rubric_session_lookup_answer (self, rubric_question_get_id (question));
  if (answer != NULL)
    return answer;

  answer = rubric_answer_new (rubric_question_get_id (question));
  answer->prompt = g_strdup (rubric_question_get_prompt (question));
  topic = rubric_question_get_topic (question);
  if (topic != NULL)
    {
      answer->topic_id = g_strdup (rubric_topic_get_id (topic));
      answer->topic_title = g_strdup (rubric_topic_get_title (topic));
    }
  add_answer (self, answer);
  g_object_unref (answer);

  rubric_session_changed (self);

  return answer;
}

/**
 * rubric_session_add_time:
 *
 * Counts @seconds more spent on @question, and when it was first asked.
 * Time passing is not an edit: it neither emits #RubricSession::changed nor
 * raises the change count, so a session that is only looked at is never
 * rewritten; the time is saved with the next real change.
 */
void
rubric_session_add_time (RubricSession  *self,
                         RubricQuestion *question,
                         guint           seconds)
{
  RubricAnswer *answer;

  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (RUBRIC_IS_QUESTION (question));

  if (self->read_only)
    return;

  self->quiet = TRUE;
  answer = rubric_session_ensure_answer (self, question);
  if (answer->asked_at == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      rubric_answer_set_asked_at (answer, now);
    }
  rubric_answer_set_elapsed (answer, answer->elapsed + seconds);
  self->quiet = FALSE;
}

/**
 * rubric_session_get_answers:
 *
 * Returns: (transfer none): the answers, a #GListModel of #RubricAnswer
 */
GListModel *
rubric_session_get_answers (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->answers);
}

/**
 * rubric_session_build_snapshot_kit:
 *
 * When the kit a session was made with is not installed, the session
 * still holds each asked question's prompt and topic. This makes a kit of
 * those, so the interview's ratings and notes can be shown and exported
 * against the questions as they were asked. Expected answers are not
 * stored in sessions, so the kit says they are not available.
 *
 * Returns: (transfer full) (nullable): the kit, or %NULL when the session
 *   has no answers to build it from
 */
RubricKit *
rubric_session_build_snapshot_kit (RubricSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  guint n_answers;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);

  n_answers = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  if (n_answers == 0)
    return NULL;

  /* Topics in the order their first question was asked. */
  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(RubricAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      const char *topic = answer->topic_id != NULL ? answer->topic_id : "";
      gboolean seen = FALSE;

      for (guint j = 0; j < topic_ids->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (topic_ids, j), topic);
      if (!seen)
        g_ptr_array_add (topic_ids, g_strdup (topic));
    }

  /* Translators: the title of an interview kit that is not installed */
  title = g_strdup_printf (_("%s (not installed)"), self->kit_id);

  json_builder_begin_object (builder);
  add_string (builder, "format", "rubric-kit");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "id", self->kit_id);
  add_string (builder, "title", title);
  /* Translators: the description of a stand-in for an interview kit that is
   * not installed, made from the questions an interview file kept */
  add_string (builder, "description", _("The questions as this interview asked them; the kit itself is not installed."));
  add_string (builder, "language", "en");
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint t = 0; t < topic_ids->len; t++)
    {
      const char *topic_id = g_ptr_array_index (topic_ids, t);
      g_autofree char *safe_id = rubric_json_is_id (topic_id) ? g_strdup (topic_id) : g_strdup_printf ("topic-%u", t + 1);
      const char *topic_title = NULL;
      gboolean first = TRUE;

      json_builder_begin_object (builder);
      add_string (builder, "id", safe_id);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_answers; i++)
        {
          g_autoptr(RubricAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

          if (g_strcmp0 (answer->topic_id != NULL ? answer->topic_id : "", topic_id) != 0)
            continue;
          if (topic_title == NULL && answer->topic_title != NULL && !rubric_json_is_blank (answer->topic_title))
            topic_title = answer->topic_title;

          json_builder_begin_object (builder);
          add_string (builder, "id", answer->question_id);
          add_string (builder, "kind", first ? "main" : "follow-up");
          add_string (builder, "prompt", answer->prompt != NULL && !rubric_json_is_blank (answer->prompt)
                                         ? answer->prompt : answer->question_id);
          /* Translators: shown instead of the expected answer of a question
           * whose interview kit is not installed */
          add_string (builder, "expected", _("Not available: the kit this interview was made with is not installed."));
          json_builder_set_member_name (builder, "key_points");
          json_builder_begin_array (builder);
          /* Translators: shown instead of the key points of a question whose
           * interview kit is not installed */
          json_builder_add_string_value (builder, _("Not available"));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          first = FALSE;
        }
      json_builder_end_array (builder);
      add_string (builder, "title", topic_title != NULL ? topic_title : _("Other questions"));
      /* Translators: the description of a topic of a stand-in interview kit,
       * made from the questions an interview file kept */
      add_string (builder, "summary", _("As asked in this interview."));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  bytes = rubric_json_to_bytes (root);
  return rubric_kit_new_from_bytes (bytes, NULL);
}
