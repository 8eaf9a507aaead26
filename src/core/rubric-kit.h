/* rubric-kit.h — an interview kit: topics of questions with their answers
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------- RubricKitError */

#define RUBRIC_KIT_ERROR (rubric_kit_error_quark ())

/**
 * RubricKitError:
 * @RUBRIC_KIT_ERROR_TOO_LARGE: the file is over 16 MB
 * @RUBRIC_KIT_ERROR_NOT_UTF8: the file is not UTF-8 text
 * @RUBRIC_KIT_ERROR_TOO_DEEP: nested deeper than 64 levels
 * @RUBRIC_KIT_ERROR_SYNTAX: not valid JSON; the message starts with LINE:COLUMN
 * @RUBRIC_KIT_ERROR_INVALID: valid JSON but not a valid kit; the message
 *   starts with the JSON path of the problem
 * @RUBRIC_KIT_ERROR_NEWER_VERSION: a kit made for a newer Rubric
 */
typedef enum {
  RUBRIC_KIT_ERROR_TOO_LARGE,
  RUBRIC_KIT_ERROR_NOT_UTF8,
  RUBRIC_KIT_ERROR_TOO_DEEP,
  RUBRIC_KIT_ERROR_SYNTAX,
  RUBRIC_KIT_ERROR_INVALID,
  RUBRIC_KIT_ERROR_NEWER_VERSION,
} RubricKitError;

GQuark rubric_kit_error_quark (void);

#define RUBRIC_KIT_FORMAT_VERSION 1

/* ---------------------------------------------------------- RubricReference */

#define RUBRIC_TYPE_REFERENCE (rubric_reference_get_type ())
G_DECLARE_FINAL_TYPE (RubricReference, rubric_reference, RUBRIC, REFERENCE, GObject)

const char *rubric_reference_get_title (RubricReference *self);
const char *rubric_reference_get_url   (RubricReference *self);

/* ----------------------------------------------------------- RubricQuestion */

typedef enum {
  RUBRIC_QUESTION_KIND_MAIN,
  RUBRIC_QUESTION_KIND_FOLLOW_UP,
} RubricQuestionKind;

#define RUBRIC_TYPE_QUESTION_KIND (rubric_question_kind_get_type ())
GType rubric_question_kind_get_type (void);

/**
 * RubricKeyPointLevel:
 * @RUBRIC_KEY_POINT_LEVEL_NONE: the kit does not say
 * @RUBRIC_KEY_POINT_LEVEL_BASELINE: any competent answer makes this point
 * @RUBRIC_KEY_POINT_LEVEL_SENIOR: a point that sets a senior answer apart
 */
typedef enum {
  RUBRIC_KEY_POINT_LEVEL_NONE,
  RUBRIC_KEY_POINT_LEVEL_BASELINE,
  RUBRIC_KEY_POINT_LEVEL_SENIOR,
} RubricKeyPointLevel;

#define RUBRIC_TYPE_KEY_POINT_LEVEL (rubric_key_point_level_get_type ())
GType rubric_key_point_level_get_type (void);

/* A rating of an answer, as sessions store it and anchors describe it. */
#define RUBRIC_RATING_MIN  1
#define RUBRIC_RATING_MAX  5

typedef struct _RubricTopic RubricTopic;

#define RUBRIC_TYPE_QUESTION (rubric_question_get_type ())
G_DECLARE_FINAL_TYPE (RubricQuestion, rubric_question, RUBRIC, QUESTION, GObject)

const char         *rubric_question_get_id          (RubricQuestion *self);
RubricQuestionKind  rubric_question_get_kind        (RubricQuestion *self);
const char         *rubric_question_get_prompt      (RubricQuestion *self);
const char         *rubric_question_get_expected    (RubricQuestion *self);
const char * const *rubric_question_get_key_points  (RubricQuestion *self);
RubricKeyPointLevel rubric_question_get_key_point_level (RubricQuestion *self,
                                                         guint           index);
const char         *rubric_question_get_anchor      (RubricQuestion *self,
                                                     int             rating);
const char * const *rubric_question_get_red_flags   (RubricQuestion *self);
const char         *rubric_question_get_explanation (RubricQuestion *self);
GListModel         *rubric_question_get_references  (RubricQuestion *self);
guint               rubric_question_get_minutes     (RubricQuestion *self);
RubricTopic        *rubric_question_get_topic       (RubricQuestion *self);

/* -------------------------------------------------------------- RubricTopic */

#define RUBRIC_TYPE_TOPIC (rubric_topic_get_type ())
G_DECLARE_FINAL_TYPE (RubricTopic, rubric_topic, RUBRIC, TOPIC, GObject)

typedef struct _RubricKit RubricKit;

const char *rubric_topic_get_id        (RubricTopic *self);
const char *rubric_topic_get_title     (RubricTopic *self);
const char *rubric_topic_get_summary   (RubricTopic *self);
double      rubric_topic_get_weight    (RubricTopic *self);
GListModel *rubric_topic_get_questions (RubricTopic *self);
RubricKit  *rubric_topic_get_kit       (RubricTopic *self);

/* ---------------------------------------------------------------- RubricKit */

#define RUBRIC_TYPE_KIT (rubric_kit_get_type ())
G_DECLARE_FINAL_TYPE (RubricKit, rubric_kit, RUBRIC, KIT, GObject)

RubricKit      *rubric_kit_new_from_bytes    (GBytes        *bytes,
                                              GError       **error);
RubricKit      *rubric_kit_new_from_file     (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);
RubricKit      *rubric_kit_new_from_resource (const char    *path,
                                              GError       **error);

const char     *rubric_kit_get_id            (RubricKit     *self);
int             rubric_kit_get_version       (RubricKit     *self);
const char     *rubric_kit_get_title         (RubricKit     *self);
const char     *rubric_kit_get_description   (RubricKit     *self);
const char     *rubric_kit_get_language      (RubricKit     *self);
const char     *rubric_kit_get_sha256        (RubricKit     *self);
GListModel     *rubric_kit_get_topics        (RubricKit     *self);
guint           rubric_kit_get_n_questions   (RubricKit     *self);
RubricTopic    *rubric_kit_lookup_topic      (RubricKit     *self,
                                              const char    *topic_id);
RubricQuestion *rubric_kit_lookup_question   (RubricKit     *self,
                                              const char    *question_id);

G_END_DECLS
