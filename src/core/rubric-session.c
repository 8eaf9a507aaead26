/* rubric-session.c — one interview: the candidate, answers, notes, verdict
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-session"

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

RUBRIC_JSON_CHECK_ERROR_CODES (RUBRIC_SESSION_ERROR);

G_DEFINE_ENUM_TYPE (RubricRecommendation, rubric_recommendation,
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_STRONG_NO, "strong-no"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_NO, "no"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_YES, "yes"),
  G_DEFINE_ENUM_VALUE (RUBRIC_RECOMMENDATION_STRONG_YES, "strong-yes"))




/* ============================================================ RubricAnswer */

static void rubric_session_changed (RubricSession *self);


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
  ANSWER_PROP_N_TICKS,
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
  g_clear_pointer (&self->ticks, g_array_unref);
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
    case ANSWER_PROP_N_TICKS:
      g_value_set_uint (value, rubric_answer_get_n_ticks (self));
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
static void answer_changed (RubricSession *self,
                            RubricAnswer  *answer);

static void
rubric_answer_notify (GObject    *object,
                      GParamSpec *pspec)
{
  RubricAnswer *self = RUBRIC_ANSWER (object);

  if (self->session != NULL)
    answer_changed (self->session, self);
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
  /* Notified on every change of the ticks, their notes included */
  answer_props[ANSWER_PROP_N_TICKS] = g_param_spec_uint ("n-ticks", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, ANSWER_N_PROPS, answer_props);
}

static void
rubric_answer_init (RubricAnswer *self)
{
  self->notes = g_strdup ("");
}

RubricAnswer *
_rubric_answer_new (const char *question_id)
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
  _rubric_answer_will_change (self, RUBRIC_UNDO_RATE);
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
  _rubric_answer_will_change (self, skipped ? RUBRIC_UNDO_SKIP : RUBRIC_UNDO_UNSKIP);
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

  if (_rubric_session_set_string (&self->notes, notes != NULL ? notes : ""))
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

void
_rubric_answer_notify_ticks (RubricAnswer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), answer_props[ANSWER_PROP_N_TICKS]);
}

/* =========================================================== RubricSession */


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
  PROP_STRENGTHS,
  PROP_CONCERNS,
  PROP_PLAN,
  PROP_SEALED,
  PROP_READ_ONLY,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  CHANGED,
  ANSWER_CHANGED,
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

/* A change to one answer: those who show only that answer (its rating row,
 * its topic's row) redo only that, then everyone hears "changed". */
static void
answer_changed (RubricSession *self,
                RubricAnswer  *answer)
{
  if (self->loading || self->quiet)
    return;

  g_signal_emit (self, signals[ANSWER_CHANGED], 0, answer);
  rubric_session_changed (self);
}

/* Makes @answer one of the session's; it must be in self->answers too. */
void
_rubric_session_track_answer (RubricSession *self,
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
  /* Tracked first: whoever hears items-changed can look it up. */
  _rubric_session_track_answer (self, answer);
  g_list_store_append (self->answers, answer);
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
  g_free (self->id);
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
  g_strfreev (self->strengths);
  g_strfreev (self->concerns);
  g_clear_object (&self->plan);
  g_free (self->plan_hash);
  g_clear_pointer (&self->seal, _rubric_seal_record_free);
  g_clear_pointer (&self->seal_parts, g_hash_table_unref);
  g_clear_pointer (&self->seal_history, g_ptr_array_unref);
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
    case PROP_STRENGTHS:
      g_value_set_boxed (value, self->strengths);
      break;
    case PROP_CONCERNS:
      g_value_set_boxed (value, self->concerns);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SEALED:
      g_value_set_boolean (value, self->seal != NULL);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, rubric_session_get_editable (self));
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
    case PROP_STRENGTHS:
      rubric_session_set_strengths (self, g_value_get_boxed (value));
      break;
    case PROP_CONCERNS:
      rubric_session_set_concerns (self, g_value_get_boxed (value));
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
  /* Never NULL: an empty list when there are none. */
  properties[PROP_STRENGTHS] = g_param_spec_boxed ("strengths", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CONCERNS] = g_param_spec_boxed ("concerns", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, RUBRIC_TYPE_PLAN, ro);
  /**
   * RubricSession:sealed:
   *
   * Whether the scorecard is sealed: frozen for the panel's debrief.
   */
  properties[PROP_SEALED] = g_param_spec_boolean ("sealed", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  /**
   * RubricSession:editable:
   *
   * Whether what the scorecard scores can be changed: it is neither
   * read-only nor sealed. The private notes are outside the seal: they
   * follow #RubricSession:read-only alone.
   */
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, ro);

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
   * RubricSession::answer-changed:
   * @answer: the answer that changed
   *
   * Emitted before #RubricSession::changed when the change is to one
   * answer, so that a view of that answer alone can redo only itself.
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RUBRIC_TYPE_ANSWER);
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
  self->strengths = g_new0 (char *, 1);
  self->concerns = g_new0 (char *, 1);
  self->seal_history = g_ptr_array_new_with_free_func (_rubric_seal_record_free);
  self->answers = g_list_store_new (RUBRIC_TYPE_ANSWER);
  self->answers_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->topic_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->warnings = g_new0 (char *, 1);
  self->id = g_uuid_string_random ();
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
 * rubric_session_get_editable:
 *
 * Returns: whether the user may change what the scorecard scores (see
 *   #RubricSession:editable)
 */
gboolean
rubric_session_get_editable (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  return !self->read_only && self->seal == NULL;
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
    if (_rubric_session_set_string (&self->field, value != NULL ? value : ""))                \
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
  if (!_rubric_session_is_date (date))
    return FALSE;

  if (_rubric_session_set_string (&self->date, date))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
      rubric_session_changed (self);
    }
  return TRUE;
}

/**
 * rubric_session_get_id:
 *
 * Returns: what identifies the session and never changes: a random UUID
 *   written when it was made (see docs/session-format.md for files from
 *   before ids). The anonymous alias of its candidate comes from it.
 */
const char *
rubric_session_get_id (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->id;
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
  if (self->undo != NULL && !self->loading)
    _rubric_undo_recommendation_will_change (self->undo);
  self->recommendation = recommendation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION]);
  rubric_session_changed (self);
}

/* ------------------------------------------------ strengths and concerns */

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/**
 * _rubric_session_has_line_break:
 *
 * Returns: whether @text holds a line break of any kind
 */
gboolean
_rubric_session_has_line_break (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_line_break (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * _rubric_session_clean_items:
 * @items: (nullable): what the interviewer wrote
 *
 * Each item on one line (a run of line breaks becomes a space), without
 * white space around it; blank items are dropped.
 *
 * Returns: (transfer full): the items, never %NULL
 */
GStrv
_rubric_session_clean_items (const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      GString *line = g_string_new (NULL);
      gboolean in_break = FALSE;

      for (const char *p = items[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (is_line_break (c))
            {
              if (!in_break)
                g_string_append_c (line, ' ');
              in_break = TRUE;
              continue;
            }
          in_break = FALSE;
          g_string_append_unichar (line, c);
        }
      g_strstrip (line->str);
      if (line->str[0] != '\0')
        g_strv_builder_add (builder, line->str);
      g_string_free (line, TRUE);
    }

  return g_strv_builder_end (builder);
}

static void
set_items (RubricSession      *self,
           GStrv              *field,
           const char * const *items,
           guint               prop)
{
  g_auto(GStrv) clean = _rubric_session_clean_items (items);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) clean))
    return;

  g_strfreev (*field);
  *field = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  rubric_session_changed (self);
}

/* rubric_session_get_strengths(), rubric_session_set_strengths() and the
 * same for the concerns. The getters never return %NULL: an empty list
 * when there are none. The setters take a %NULL-terminated list, or %NULL
 * for none; each item is trimmed and put on one line, blank items are
 * dropped, and only a list that then differs is a change. */
#define DEFINE_LIST_PROPERTY(name, prop)                                      \
  const char * const *                                                        \
  rubric_session_get_##name (RubricSession *self)                             \
  {                                                                           \
    g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);                    \
    return (const char * const *) self->name;                                 \
  }                                                                           \
                                                                              \
  void                                                                        \
  rubric_session_set_##name (RubricSession      *self,                        \
                             const char * const *items)                       \
  {                                                                           \
    g_return_if_fail (RUBRIC_IS_SESSION (self));                              \
    set_items (self, &self->name, items, prop);                               \
  }

DEFINE_LIST_PROPERTY (strengths, PROP_STRENGTHS)
DEFINE_LIST_PROPERTY (concerns, PROP_CONCERNS)

/* Sealing or unsealing: a change, and :sealed. */
void
_rubric_session_seal_changed (RubricSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEALED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
  rubric_session_changed (self);
}

/**
 * rubric_session_get_plan:
 *
 * The plan the interview runs: which questions, in which order, in how
 * long. The session holds its own copy, so later edits to the plan in the
 * library do not change what this interview planned.
 *
 * Returns: (transfer none) (nullable): the plan, or %NULL when the
 *   interview runs the whole kit
 */
RubricPlan *
rubric_session_get_plan (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->plan;
}

/**
 * rubric_session_set_plan:
 * @plan: (nullable): the plan to run; copied
 */
void
rubric_session_set_plan (RubricSession *self,
                         RubricPlan    *plan)
{
  g_autofree char *hash = NULL;

  g_return_if_fail (RUBRIC_IS_SESSION (self));
  g_return_if_fail (plan == NULL || RUBRIC_IS_PLAN (plan));

  if (plan != NULL)
    hash = rubric_plan_dup_hash (plan);
  if (g_strcmp0 (hash, self->plan_hash) == 0)
    return;

  g_clear_object (&self->plan);
  if (plan != NULL)
    self->plan = rubric_plan_copy (plan, NULL);
  g_free (self->plan_hash);
  self->plan_hash = g_steal_pointer (&hash);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  rubric_session_changed (self);
}

/**
 * rubric_session_get_plan_hash:
 *
 * Returns: (nullable): the SHA-256 of the session's plan (see
 *   rubric_plan_dup_hash()), or %NULL when it has none
 */
const char *
rubric_session_get_plan_hash (RubricSession *self)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), NULL);
  return self->plan_hash;
}

/**
 * rubric_session_is_planned:
 *
 * Returns: whether the session's plan asks the question; every question is
 *   planned when the session has no plan
 */
gboolean
rubric_session_is_planned (RubricSession *self,
                           const char    *question_id)
{
  g_return_val_if_fail (RUBRIC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  return self->plan == NULL || rubric_plan_includes (self->plan, question_id);
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

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rubric_session_dup_topic_note_ids:
 *
 * Returns: (transfer container) (element-type utf8): the ids of the topics
 *   that have notes, sorted
 */
GPtrArray *
rubric_session_dup_topic_note_ids (RubricSession *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;

  g_return_val_if_fail (RUBRIC_IS_SESSION (self), ids);

  g_hash_table_iter_init (&iter, self->topic_notes);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_sort (ids, compare_ids);
  return ids;
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

  answer = _rubric_answer_new (rubric_question_get_id (question));
  answer->prompt = g_strdup (rubric_question_get_prompt (question));
  topic = rubric_question_get_topic (question);
  if (topic != NULL)
    {
      answer->topic_id = g_strdup (rubric_topic_get_id (topic));
      answer->topic_title = g_strdup (rubric_topic_get_title (topic));
    }
  add_answer (self, answer);
  g_object_unref (answer);

  /* A new answer shows as no answer did: no view of it needs redoing,
   * but the file will hold it. */
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

