/* rubric-session-load.c — a session from its file, checked member by member
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-session-load"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric-file.h"
#include "rubric-json-private.h"
#include "rubric-plan-private.h"
#include "rubric-session-private.h"

/* Answers to questions the kit does not have that the warnings name one
 * by one; the rest are counted in one more. */
#define MAX_UNKNOWN_ANSWER_WARNINGS 10

static const char * const root_members[] = {
  "format", "version", "kit", "candidate", "id", "created", "modified", "answers",
  "topic_notes", "private_notes", "recommendation", "summary",
  "strengths", "concerns", "plan", "seal", "seal_history", NULL
};
static const char * const kit_members[] = { "id", "version", "sha256", NULL };
static const char * const candidate_members[] = { "name", "role", "interviewer", "date", NULL };
static const char * const answer_members[] = {
  "rating", "skipped", "notes", "elapsed_s", "asked_at", "prompt", "topic", "topic_title", "ticks", NULL
};


/* ----------------------------------------------------------------- loading */

gboolean
_rubric_session_is_date (const char *text)
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

/* The id is written once, when the session is made. A file from before
 * ids gets one from what it stores, the same at every load until Rubric
 * saves it: from its creation time and kit (so that its anonymous alias
 * stays the one earlier versions gave it), or else from its contents. */
static gboolean
read_id (RubricSession                 *self,
         const RubricJsonObjectReader  *reader,
         JsonNode                      *root,
         GError                       **error)
{
  const char *id = NULL;

  if (!rubric_json_get_string (reader, "id", FALSE, TRUE, &id, error))
    return FALSE;

  g_free (self->id);
  if (id != NULL)
    self->id = g_strdup (id);
  else if (json_object_has_member (reader->object, "created"))
    {
      g_autofree char *created = g_date_time_format_iso8601 (self->created);

      self->id = g_strdup_printf ("%s:%s", created, self->kit_id);
    }
  else
    {
      g_autofree char *text = json_to_string (root, FALSE);

      self->id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
    }
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
    _rubric_session_set_string (field, text);
  return TRUE;
}

/* A list of one-line items: strengths, concerns. Blank items and line
 * breaks are refused, white space around an item dropped. */
static gboolean
read_items (const RubricJsonObjectReader  *reader,
            const char                    *member,
            GStrv                         *field,
            GError                       **error)
{
  g_auto(GStrv) items = NULL;

  if (!rubric_json_get_string_list (reader, member, FALSE, 0, G_MAXUINT, &items, error))
    return FALSE;

  for (guint i = 0; items[i] != NULL; i++)
    if (_rubric_session_has_line_break (items[i]))
      {
        RubricJsonPath member_path = { reader->path, member, 0 };
        RubricJsonPath item_path = { &member_path, NULL, i };

        rubric_json_set_error (error, SESSION_DOMAIN, &item_path,
                               /* Translators: an error in an interview file:
                                * a strength or concern of the candidate must
                                * be a single line of text */
                               _("An item must be one line, without line breaks"));
        return FALSE;
      }

  g_strfreev (*field);
  *field = _rubric_session_clean_items ((const char * const *) items);
  return TRUE;
}

static gboolean
load_tick (RubricAnswer          *answer,
           JsonNode              *node,
           const RubricJsonPath  *path,
           GError               **error)
{
  RubricJsonObjectReader reader = { SESSION_DOMAIN, path, NULL };
  const char *kind = NULL;
  const char *note = NULL;
  g_autofree char *clean = NULL;
  gint64 point = 0;
  gint64 offset = 0;
  RubricTickKind tick_kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rubric_json_set_type_error (error, SESSION_DOMAIN, path, RUBRIC_JSON_EXPECT_OBJECT, node);
      return FALSE;
    }
  reader.object = json_node_get_object (node);

  if (!rubric_json_get_string (&reader, "kind", TRUE, FALSE, &kind, error) ||
      !rubric_json_get_int (&reader, "point", TRUE, 0, RUBRIC_TICK_MAX_POINT, &point, error) ||
      !rubric_json_get_int (&reader, "offset_s", TRUE, 0, MAX_ELAPSED, &offset, error) ||
      !rubric_json_get_string (&reader, "note", FALSE, FALSE, &note, error))
    return FALSE;

  if (g_str_equal (kind, "key_point"))
    tick_kind = RUBRIC_TICK_KEY_POINT;
  else if (g_str_equal (kind, "red_flag"))
    tick_kind = RUBRIC_TICK_RED_FLAG;
  else
    {
      RubricJsonPath kind_path = { path, "kind", 0 };

      rubric_json_set_error (error, SESSION_DOMAIN, &kind_path,
                             /* Translators: an error in an interview file;
                              * %s is what it has. “key_point” and
                              * “red_flag” are values of the file format:
                              * keep them in English */
                             _("“%s” is not a kind of tick: use “key_point” or “red_flag”"), kind);
      return FALSE;
    }
  if (rubric_answer_get_ticked (answer, tick_kind, (guint) point))
    {
      RubricJsonPath point_path = { path, "point", 0 };

      rubric_json_set_error (error, SESSION_DOMAIN, &point_path,
                             /* Translators: an error in an interview file:
                              * one key point or red flag of a question is
                              * ticked twice */
                             _("This point is ticked twice"));
      return FALSE;
    }
  if (note != NULL && _rubric_session_has_line_break (note))
    {
      RubricJsonPath note_path = { path, "note", 0 };

      rubric_json_set_error (error, SESSION_DOMAIN, &note_path,
                             _("An item must be one line, without line breaks"));
      return FALSE;
    }

  clean = g_strstrip (g_strdup (note != NULL ? note : ""));
  _rubric_answer_add_tick (answer, tick_kind, (guint) point, offset, clean);
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
  JsonArray *ticks = NULL;
  gint64 value = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rubric_json_set_type_error (error, SESSION_DOMAIN, path, RUBRIC_JSON_EXPECT_OBJECT, node);
      return NULL;
    }
  reader.object = json_node_get_object (node);

  answer = _rubric_answer_new (question_id);

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

  if (!rubric_json_get_array (&reader, "ticks", FALSE, 0, 2 * (RUBRIC_TICK_MAX_POINT + 1), &ticks, error))
    return NULL;
  for (guint i = 0; ticks != NULL && i < json_array_get_length (ticks); i++)
    {
      RubricJsonPath ticks_path = { path, "ticks", 0 };
      RubricJsonPath tick_path = { &ticks_path, NULL, i };

      if (!load_tick (answer, json_array_get_element (ticks, i), &tick_path, error))
        return NULL;
    }

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
  const char *text = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gint64 version = 0;

  if (!rubric_json_read_header (&reader, root, RUBRIC_JSON_FORMAT_SESSION, &version, error))
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

      if (date != NULL && !_rubric_session_is_date (date))
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
        _rubric_session_set_string (&self->date, date);

      self->unknown_candidate = rubric_json_object_copy_unknown (object, candidate_members);
    }

  if (!read_date_time (&reader, "created", &self->created, error) ||
      !read_date_time (&reader, "modified", &self->modified, error) ||
      !read_id (self, &reader, root, error))
    return FALSE;

  /* plan */
  object = NULL;
  if (!rubric_json_get_object (&reader, "plan", FALSE, &object, error))
    return FALSE;
  if (object != NULL)
    {
      RubricJsonPath plan_path = { &path, "plan", 0 };
      RubricJsonObjectReader plan_reader = { SESSION_DOMAIN, &plan_path, object };
      const char *sha256 = NULL;

      self->plan = _rubric_plan_new_from_members (&plan_reader, error);
      if (self->plan == NULL ||
          !rubric_json_get_string (&plan_reader, "sha256", FALSE, FALSE, &sha256, error))
        return FALSE;
      self->plan_hash = rubric_plan_dup_hash (self->plan);
      /* A plan for another kit, or one that names questions this kit does
       * not have, still loads: the session keeps what was planned. */
      if (kit != NULL)
        {
          g_autoptr(GError) plan_error = NULL;

          if (!rubric_plan_check (self->plan, kit, &plan_error))
            g_ptr_array_add (warnings, g_strdup (plan_error->message));
        }
      if (sha256 != NULL && !g_str_equal (sha256, self->plan_hash))
        g_ptr_array_add (warnings,
                         /* Translators: a warning about an interview file
                          * whose plan was edited by hand; %s is the plan's
                          * name */
                         g_strdup_printf (_("The plan “%s” stored in this session was changed after the interview"),
                                          rubric_plan_get_name (self->plan)));
    }

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

      /* Into the list at once: appending one by one notifies each time;
       * tracked first, so whoever hears it can look them up. */
      for (guint i = 0; i < loaded->len; i++)
        _rubric_session_track_answer (self, g_ptr_array_index (loaded, i));
      g_list_store_splice (self->answers, 0, 0, loaded->pdata, loaded->len);
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

  if (!_rubric_session_load_seal (self, &reader, error))
    return FALSE;

  if (!read_text (&reader, "private_notes", &self->private_notes, error) ||
      !read_text (&reader, "summary", &self->summary, error) ||
      !read_items (&reader, "strengths", &self->strengths, error) ||
      !read_items (&reader, "concerns", &self->concerns, error))
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
