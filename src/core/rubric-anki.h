/* rubric-anki.h — kits as Anki decks (tab-separated text) and back
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rubric-kit.h"
#include "rubric-plan.h"

G_BEGIN_DECLS

#define RUBRIC_ANKI_ERROR (rubric_anki_error_quark ())

/* The largest deck, kit or plan file read: what kits may weigh. */
#define RUBRIC_ANKI_MAX_INPUT (16 * 1024 * 1024)

/**
 * RubricAnkiError:
 * @RUBRIC_ANKI_ERROR_INVALID: not a deck Rubric can read; the message
 *   starts with "line N" (and ", column C" when it knows)
 * @RUBRIC_ANKI_ERROR_EMPTY: a deck without a single note
 * @RUBRIC_ANKI_ERROR_TOO_BIG: more notes than a kit holds
 */
typedef enum {
  RUBRIC_ANKI_ERROR_INVALID,
  RUBRIC_ANKI_ERROR_EMPTY,
  RUBRIC_ANKI_ERROR_TOO_BIG,
} RubricAnkiError;

GQuark rubric_anki_error_quark (void);

/**
 * RubricFileKind:
 * @RUBRIC_FILE_KIND_UNKNOWN: none of Rubric's files
 * @RUBRIC_FILE_KIND_SESSION: JSON that is not a kit or a plan: opened as
 *   an interview, whose loader says what is wrong with it
 * @RUBRIC_FILE_KIND_KIT: JSON whose "format" is "rubric-kit"
 * @RUBRIC_FILE_KIND_PLAN: JSON whose "format" is "rubric-plan"
 * @RUBRIC_FILE_KIND_ANKI: text named .txt or .tsv: an Anki deck
 */
typedef enum {
  RUBRIC_FILE_KIND_UNKNOWN,
  RUBRIC_FILE_KIND_SESSION,
  RUBRIC_FILE_KIND_KIT,
  RUBRIC_FILE_KIND_PLAN,
  RUBRIC_FILE_KIND_ANKI,
} RubricFileKind;

GBytes         *rubric_anki_export            (RubricKit      *kit,
                                               RubricPlan     *plan);
gboolean        rubric_anki_export_to_file    (RubricKit      *kit,
                                               RubricPlan     *plan,
                                               GFile          *file,
                                               GCancellable   *cancellable,
                                               GError        **error);

GBytes         *rubric_anki_import            (GBytes         *bytes,
                                               const char     *file_name,
                                               GError        **error);

RubricFileKind  rubric_anki_classify          (GBytes         *bytes,
                                               const char     *file_name);
void            rubric_anki_classify_files_async  (GFile * const  *files,
                                                   guint           n_files,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
GArray         *rubric_anki_classify_files_finish (GAsyncResult   *result,
                                                   GError        **error);

G_END_DECLS
