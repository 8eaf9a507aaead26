/* rubric-session-private.h — what rubric-session*.c and the checker share
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rubric-json-private.h"

#include "rubric-session.h"
#include "rubric-undo.h"

G_BEGIN_DECLS

#define SESSION_DOMAIN RUBRIC_SESSION_ERROR

/* Longest time a question can have taken: a generous ten years. */
#define MAX_ELAPSED (G_GINT64_CONSTANT (10) * 366 * 24 * 3600)

/* A seal the session had, and when it was broken to edit it. */
typedef struct
{
  char *algorithm;
  char *hash;
  GDateTime *sealed_at;
  GDateTime *unsealed_at;
} RubricSealRecord;

void _rubric_seal_record_free (gpointer data);

typedef struct
{
  RubricTickKind kind;
  guint point;
  gint64 offset;                 /* seconds into the interview */
  char *note;                    /* never NULL */
} RubricTick;

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
  GArray *ticks;                 /* RubricTick, in the order they were ticked */
  JsonObject *unknown;

  /* Borrowed: the session that holds the answer, told of its every
   * change; cleared when the session goes first. */
  RubricSession *session;
};

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

  char *id;                      /* written once; see rubric_session_get_id() */
  GDateTime *created;
  GDateTime *modified;

  GListStore *answers;           /* RubricAnswer, in file order */
  GHashTable *answers_by_id;     /* borrowed keys and values */
  GHashTable *topic_notes;       /* topic id -> notes */
  char *private_notes;
  RubricRecommendation recommendation;
  char *summary;
  GStrv strengths;               /* one line each; never NULL */
  GStrv concerns;
  RubricPlan *plan;              /* the session's own copy; NULL: the whole kit */
  char *plan_hash;

  RubricSealRecord *seal;        /* NULL: not sealed; unsealed_at unused */
  GHashTable *seal_parts;        /* JSON path → SHA-256, as sealed; may be NULL */
  GPtrArray *seal_history;       /* RubricSealRecord, oldest first; never NULL */

  /* What the file held that this version does not know, kept for saving. */
  JsonObject *unknown_root;
  JsonObject *unknown_kit;
  JsonObject *unknown_candidate;

  GStrv warnings;
  guint64 change_count;
  guint read_only : 1;
  guint loading : 1;
  guint quiet : 1;               /* the clock is adding time: not a change */

  /* Borrowed: told just before what it can undo changes; it clears this
   * when it goes. */
  RubricUndo *undo;
};

static inline gboolean
_rubric_session_set_string (char       **field,
                            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

RubricAnswer *_rubric_answer_new          (const char    *question_id);
GArray   *_rubric_answer_dup_ticks     (RubricAnswer  *answer);
void      _rubric_answer_restore_ticks (RubricAnswer  *answer,
                                        GArray        *ticks);
void      _rubric_undo_answer_will_change (RubricUndo     *undo,
                                           RubricAnswer   *answer,
                                           RubricUndoKind  kind);
void      _rubric_undo_recommendation_will_change (RubricUndo *undo);

/* Before a change the user can undo: the session's undo stack keeps the
 * answer as it is now. Loading is no such change. */
static inline void
_rubric_answer_will_change (RubricAnswer   *answer,
                            RubricUndoKind  kind)
{
  if (answer->session != NULL && answer->session->undo != NULL && !answer->session->loading)
    _rubric_undo_answer_will_change (answer->session->undo, answer, kind);
}
void      _rubric_answer_notify_ticks  (RubricAnswer  *answer);
void      _rubric_session_seal_changed (RubricSession *self);
gboolean  _rubric_session_load_seal    (RubricSession                *self,
                                        const RubricJsonObjectReader *reader,
                                        GError                      **error);
void      _rubric_session_add_seal     (RubricSession *self,
                                        JsonBuilder   *builder);
void      _rubric_answer_add_tick      (RubricAnswer  *answer,
                                        RubricTickKind kind,
                                        guint          point,
                                        gint64         offset,
                                        const char    *note);
void      _rubric_session_track_answer (RubricSession *self,
                                        RubricAnswer  *answer);
gboolean  _rubric_session_is_date      (const char    *text);
gboolean  _rubric_session_has_line_break (const char  *text);
GStrv     _rubric_session_clean_items  (const char * const *items);

/* Like rubric_session_new_from_bytes() for @root, which rubric_json_parse()
 * made: for `rubric --check`, which parses a file once to see what it is.
 * Not public API. */
RubricSession *rubric_session_new_from_json (JsonNode   *root,
                                             RubricKit  *kit,
                                             GError    **error);

G_END_DECLS
