/* rubric-search.h — full-text search over the questions of a kit
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

/* -------------------------------------------------------- RubricSearchField */

/**
 * RubricSearchField:
 * @RUBRIC_SEARCH_FIELD_PROMPT: the question asked
 * @RUBRIC_SEARCH_FIELD_EXPECTED: the expected answer
 * @RUBRIC_SEARCH_FIELD_KEY_POINT: one of the key points
 * @RUBRIC_SEARCH_FIELD_RED_FLAG: one of the red flags
 * @RUBRIC_SEARCH_FIELD_EXPLANATION: why the question matters
 *
 * Where in a question a search result was found.
 */
typedef enum {
  RUBRIC_SEARCH_FIELD_PROMPT,
  RUBRIC_SEARCH_FIELD_EXPECTED,
  RUBRIC_SEARCH_FIELD_KEY_POINT,
  RUBRIC_SEARCH_FIELD_RED_FLAG,
  RUBRIC_SEARCH_FIELD_EXPLANATION,
} RubricSearchField;

#define RUBRIC_TYPE_SEARCH_FIELD (rubric_search_field_get_type ())
GType rubric_search_field_get_type (void);

/* -------------------------------------------------------- RubricSearchRange */

/**
 * RubricSearchRange:
 * @start: the first byte of a match in the passage
 * @end: the byte after its last one
 *
 * A match, as byte offsets into #RubricSearchResult.passage: always on
 * character boundaries, so they can go straight into Pango attributes.
 */
typedef struct {
  guint start;
  guint end;
} RubricSearchRange;

/* ------------------------------------------------------- RubricSearchResult */

/**
 * RubricSearchResult:
 * @question: (transfer full): the question found
 * @field: the field shown for it: the best one that matched
 * @index: which key point or red flag (from 0); 0 for the other fields
 * @passage: plain text (never markup) from that field: the whole field when
 *   it is short, otherwise the sentence of its first match
 * @ranges: (element-type RubricSearchRange): the matches in @passage, in
 *   order, not overlapping, as byte offsets into @passage
 * @score: the higher, the better; results come best first
 *
 * One question found by rubric_search_index_query(). Read-only and
 * reference counted.
 */
typedef struct {
  RubricQuestion    *question;
  RubricSearchField  field;
  guint              index;
  char              *passage;
  GArray            *ranges;
  double             score;
} RubricSearchResult;

#define RUBRIC_TYPE_SEARCH_RESULT (rubric_search_result_get_type ())
GType               rubric_search_result_get_type (void);
RubricSearchResult *rubric_search_result_ref      (RubricSearchResult *self);
void                rubric_search_result_unref    (RubricSearchResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricSearchResult, rubric_search_result_unref)

/* -------------------------------------------------------- RubricSearchIndex */

#define RUBRIC_TYPE_SEARCH_INDEX (rubric_search_index_get_type ())
G_DECLARE_FINAL_TYPE (RubricSearchIndex, rubric_search_index, RUBRIC, SEARCH_INDEX, GObject)

RubricSearchIndex *rubric_search_index_new     (RubricKit         *kit);
void               rubric_search_index_new_async  (RubricKit           *kit,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
RubricSearchIndex *rubric_search_index_new_finish (GAsyncResult        *result,
                                                   GError             **error);
RubricKit         *rubric_search_index_get_kit (RubricSearchIndex *self);
GPtrArray         *rubric_search_index_query   (RubricSearchIndex *self,
                                                const char        *query,
                                                guint              max_results);

G_END_DECLS
