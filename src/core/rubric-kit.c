/* rubric-kit.c — an interview kit: topics of questions with their answers
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rubric-kit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rubric-json-private.h"
#include "rubric-kit.h"
#include "rubric-kit-private.h"

G_DEFINE_QUARK (rubric-kit-error-quark, rubric_kit_error)

RUBRIC_JSON_CHECK_ERROR_CODES (RUBRIC_KIT_ERROR);

G_DEFINE_ENUM_TYPE (RubricQuestionKind, rubric_question_kind,
  G_DEFINE_ENUM_VALUE (RUBRIC_QUESTION_KIND_MAIN, "main"),
  G_DEFINE_ENUM_VALUE (RUBRIC_QUESTION_KIND_FOLLOW_UP, "follow-up"))

G_DEFINE_ENUM_TYPE (RubricKeyPointLevel, rubric_key_point_level,
  G_DEFINE_ENUM_VALUE (RUBRIC_KEY_POINT_LEVEL_NONE, "none"),
  G_DEFINE_ENUM_VALUE (RUBRIC_KEY_POINT_LEVEL_BASELINE, "baseline"),
  G_DEFINE_ENUM_VALUE (RUBRIC_KEY_POINT_LEVEL_SENIOR, "senior"))

/* ========================================================= RubricReference */

struct _RubricReference
{
  GObject parent_instance;

  char *title;
  char *url;
};

G_DEFINE_FINAL_TYPE (RubricReference, rubric_reference, G_TYPE_OBJECT)

enum {
  REFERENCE_PROP_0,
  REFERENCE_PROP_TITLE,
  REFERENCE_PROP_URL,
  REFERENCE_N_PROPS
};

static GParamSpec *reference_props[REFERENCE_N_PROPS];

static void
rubric_reference_finalize (GObject *object)
{
  RubricReference *self = RUBRIC_REFERENCE (object);

  g_free (self->title);
  g_free (self->url);

  G_OBJECT_CLASS (rubric_reference_parent_class)->finalize (object);
}

static void
rubric_reference_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RubricReference *self = RUBRIC_REFERENCE (object);

  switch (prop_id)
    {
    case REFERENCE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case REFERENCE_PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_reference_class_init (RubricReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rubric_reference_finalize;
  object_class->get_property = rubric_reference_get_property;

  reference_props[REFERENCE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  reference_props[REFERENCE_PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, REFERENCE_N_PROPS, reference_props);
}

static void
rubric_reference_init (RubricReference *self)
{
}

const char *
rubric_reference_get_title (RubricReference *self)
{
  g_return_val_if_fail (RUBRIC_IS_REFERENCE (self), NULL);
  return self->title;
}

const char *
rubric_reference_get_url (RubricReference *self)
{
  g_return_val_if_fail (RUBRIC_IS_REFERENCE (self), NULL);
  return self->url;
}

/* ========================================================== RubricQuestion */

struct _RubricQuestion
{
  GObject parent_instance;

  char *id;
  RubricQuestionKind kind;
  char *prompt;
  char *expected;
  GStrv key_points;
  guint8 *key_point_levels; /* a RubricKeyPointLevel for each key point */
  GStrv red_flags;
  char *anchors[RUBRIC_RATING_MAX]; /* [rating - 1], or NULL */
  char *explanation;
  GListStore *references;
  guint minutes;
  RubricTopic *topic; /* weak: the topic owns its questions */
};

G_DEFINE_FINAL_TYPE (RubricQuestion, rubric_question, G_TYPE_OBJECT)

enum {
  QUESTION_PROP_0,
  QUESTION_PROP_ID,
  QUESTION_PROP_KIND,
  QUESTION_PROP_PROMPT,
  QUESTION_PROP_EXPECTED,
  QUESTION_PROP_KEY_POINTS,
  QUESTION_PROP_RED_FLAGS,
  QUESTION_PROP_EXPLANATION,
  QUESTION_PROP_REFERENCES,
  QUESTION_PROP_MINUTES,
  QUESTION_PROP_TOPIC,
  QUESTION_N_PROPS
};

static GParamSpec *question_props[QUESTION_N_PROPS];

static void
rubric_question_finalize (GObject *object)
{
  RubricQuestion *self = RUBRIC_QUESTION (object);

  g_free (self->id);
  g_free (self->prompt);
  g_free (self->expected);
  g_strfreev (self->key_points);
  g_free (self->key_point_levels);
  g_strfreev (self->red_flags);
  for (guint i = 0; i < G_N_ELEMENTS (self->anchors); i++)
    g_free (self->anchors[i]);
  g_free (self->explanation);
  g_clear_object (&self->references);

  G_OBJECT_CLASS (rubric_question_parent_class)->finalize (object);
}

static void
rubric_question_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RubricQuestion *self = RUBRIC_QUESTION (object);

  switch (prop_id)
    {
    case QUESTION_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case QUESTION_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case QUESTION_PROP_PROMPT:
      g_value_set_string (value, self->prompt);
      break;
    case QUESTION_PROP_EXPECTED:
      g_value_set_string (value, self->expected);
      break;
    case QUESTION_PROP_KEY_POINTS:
      g_value_set_boxed (value, self->key_points);
      break;
    case QUESTION_PROP_RED_FLAGS:
      g_value_set_boxed (value, self->red_flags);
      break;
    case QUESTION_PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case QUESTION_PROP_REFERENCES:
      g_value_set_object (value, self->references);
      break;
    case QUESTION_PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;
    case QUESTION_PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_question_class_init (RubricQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_question_finalize;
  object_class->get_property = rubric_question_get_property;

  question_props[QUESTION_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  question_props[QUESTION_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RUBRIC_TYPE_QUESTION_KIND,
                       RUBRIC_QUESTION_KIND_MAIN, flags);
  question_props[QUESTION_PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, NULL, flags);
  question_props[QUESTION_PROP_EXPECTED] = g_param_spec_string ("expected", NULL, NULL, NULL, flags);
  question_props[QUESTION_PROP_KEY_POINTS] = g_param_spec_boxed ("key-points", NULL, NULL, G_TYPE_STRV, flags);
  question_props[QUESTION_PROP_RED_FLAGS] = g_param_spec_boxed ("red-flags", NULL, NULL, G_TYPE_STRV, flags);
  question_props[QUESTION_PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  question_props[QUESTION_PROP_REFERENCES] =
    g_param_spec_object ("references", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  question_props[QUESTION_PROP_MINUTES] = g_param_spec_uint ("minutes", NULL, NULL, 0, 180, 0, flags);
  question_props[QUESTION_PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, RUBRIC_TYPE_TOPIC, flags);

  g_object_class_install_properties (object_class, QUESTION_N_PROPS, question_props);
}

static void
rubric_question_init (RubricQuestion *self)
{
  self->references = g_list_store_new (RUBRIC_TYPE_REFERENCE);
}

const char *
rubric_question_get_id (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return self->id;
}

RubricQuestionKind
rubric_question_get_kind (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), RUBRIC_QUESTION_KIND_MAIN);
  return self->kind;
}

const char *
rubric_question_get_prompt (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return self->prompt;
}

const char *
rubric_question_get_expected (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return self->expected;
}

const char * const *
rubric_question_get_key_points (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return (const char * const *) self->key_points;
}

/**
 * rubric_question_get_key_point_level:
 * @index: the key point's index in rubric_question_get_key_points()
 *
 * Returns: whether the point is expected of any good answer or sets a senior
 *   one apart; %RUBRIC_KEY_POINT_LEVEL_NONE when the kit does not say
 */
RubricKeyPointLevel
rubric_question_get_key_point_level (RubricQuestion *self,
                                     guint           index)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), RUBRIC_KEY_POINT_LEVEL_NONE);
  g_return_val_if_fail (index < g_strv_length (self->key_points), RUBRIC_KEY_POINT_LEVEL_NONE);
  return (RubricKeyPointLevel) self->key_point_levels[index];
}

/**
 * rubric_question_get_anchor:
 * @rating: a rating, %RUBRIC_RATING_MIN to %RUBRIC_RATING_MAX
 *
 * Returns: (nullable): what an answer worth @rating sounds like, if the kit
 *   says
 */
const char *
rubric_question_get_anchor (RubricQuestion *self,
                            int             rating)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  g_return_val_if_fail (rating >= RUBRIC_RATING_MIN && rating <= RUBRIC_RATING_MAX, NULL);
  return self->anchors[rating - RUBRIC_RATING_MIN];
}

const char * const *
rubric_question_get_red_flags (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return (const char * const *) self->red_flags;
}

/**
 * rubric_question_get_explanation:
 *
 * Returns: (nullable): why the question matters, if the kit says
 */
const char *
rubric_question_get_explanation (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return self->explanation;
}

GListModel *
rubric_question_get_references (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return G_LIST_MODEL (self->references);
}

/**
 * rubric_question_get_minutes:
 *
 * Returns: the time budget in minutes, or 0 when the kit sets none
 */
guint
rubric_question_get_minutes (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), 0);
  return self->minutes;
}

RubricTopic *
rubric_question_get_topic (RubricQuestion *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION (self), NULL);
  return self->topic;
}

/* ============================================================= RubricTopic */

struct _RubricTopic
{
  GObject parent_instance;

  char *id;
  char *title;
  char *summary;
  double weight;
  GListStore *questions;
  RubricKit *kit; /* weak: the kit owns its topics */
};

G_DEFINE_FINAL_TYPE (RubricTopic, rubric_topic, G_TYPE_OBJECT)

enum {
  TOPIC_PROP_0,
  TOPIC_PROP_ID,
  TOPIC_PROP_TITLE,
  TOPIC_PROP_SUMMARY,
  TOPIC_PROP_WEIGHT,
  TOPIC_PROP_QUESTIONS,
  TOPIC_PROP_KIT,
  TOPIC_N_PROPS
};

static GParamSpec *topic_props[TOPIC_N_PROPS];

static void
rubric_topic_finalize (GObject *object)
{
  RubricTopic *self = RUBRIC_TOPIC (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (rubric_topic_parent_class)->finalize (object);
}

static void
rubric_topic_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RubricTopic *self = RUBRIC_TOPIC (object);

  switch (prop_id)
    {
    case TOPIC_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case TOPIC_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case TOPIC_PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case TOPIC_PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    case TOPIC_PROP_QUESTIONS:
      g_value_set_object (value, self->questions);
      break;
    case TOPIC_PROP_KIT:
      g_value_set_object (value, self->kit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_topic_class_init (RubricTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_topic_finalize;
  object_class->get_property = rubric_topic_get_property;

  topic_props[TOPIC_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  topic_props[TOPIC_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  topic_props[TOPIC_PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  topic_props[TOPIC_PROP_WEIGHT] = g_param_spec_double ("weight", NULL, NULL, 0, 100, 1, flags);
  topic_props[TOPIC_PROP_QUESTIONS] =
    g_param_spec_object ("questions", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  topic_props[TOPIC_PROP_KIT] = g_param_spec_object ("kit", NULL, NULL, RUBRIC_TYPE_KIT, flags);

  g_object_class_install_properties (object_class, TOPIC_N_PROPS, topic_props);
}

static void
rubric_topic_init (RubricTopic *self)
{
  self->weight = 1.0;
  self->questions = g_list_store_new (RUBRIC_TYPE_QUESTION);
}

const char *
rubric_topic_get_id (RubricTopic *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC (self), NULL);
  return self->id;
}

const char *
rubric_topic_get_title (RubricTopic *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC (self), NULL);
  return self->title;
}

const char *
rubric_topic_get_summary (RubricTopic *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC (self), NULL);
  return self->summary;
}

double
rubric_topic_get_weight (RubricTopic *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC (self), 1.0);
  return self->weight;
}

GListModel *
rubric_topic_get_questions (RubricTopic *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC (self), NULL);
  return G_LIST_MODEL (self->questions);
}

RubricKit *
rubric_topic_get_kit (RubricTopic *self)
{
  g_return_val_if_fail (RUBRIC_IS_TOPIC (self), NULL);
  return self->kit;
}

/* =============================================================== RubricKit */

struct _RubricKit
{
  GObject parent_instance;

  char *id;
  int version;
  char *title;
  char *description;
  char *language;
  GMutex sha256_lock;
  char *sha256;                 /* worked out when first asked for... */
  GBytes *bytes;                /* ...from the bytes loaded, kept until then */
  GListStore *topics;
  GHashTable *topics_by_id;     /* borrowed keys and values */
  GHashTable *questions_by_id;  /* borrowed keys and values */
};

G_DEFINE_FINAL_TYPE (RubricKit, rubric_kit, G_TYPE_OBJECT)

enum {
  KIT_PROP_0,
  KIT_PROP_ID,
  KIT_PROP_VERSION,
  KIT_PROP_TITLE,
  KIT_PROP_DESCRIPTION,
  KIT_PROP_LANGUAGE,
  KIT_PROP_SHA256,
  KIT_PROP_TOPICS,
  KIT_N_PROPS
};

static GParamSpec *kit_props[KIT_N_PROPS];

static void
rubric_kit_finalize (GObject *object)
{
  RubricKit *self = RUBRIC_KIT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->language);
  g_free (self->sha256);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_mutex_clear (&self->sha256_lock);
  g_clear_pointer (&self->topics_by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_object (&self->topics);

  G_OBJECT_CLASS (rubric_kit_parent_class)->finalize (object);
}

static void
rubric_kit_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RubricKit *self = RUBRIC_KIT (object);

  switch (prop_id)
    {
    case KIT_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case KIT_PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case KIT_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case KIT_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case KIT_PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case KIT_PROP_SHA256:
      g_value_set_string (value, rubric_kit_get_sha256 (self));
      break;
    case KIT_PROP_TOPICS:
      g_value_set_object (value, self->topics);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_kit_class_init (RubricKitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_kit_finalize;
  object_class->get_property = rubric_kit_get_property;

  kit_props[KIT_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  kit_props[KIT_PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1, flags);
  kit_props[KIT_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  kit_props[KIT_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  kit_props[KIT_PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  kit_props[KIT_PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  kit_props[KIT_PROP_TOPICS] = g_param_spec_object ("topics", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, KIT_N_PROPS, kit_props);
}

static void
rubric_kit_init (RubricKit *self)
{
  self->version = RUBRIC_KIT_FORMAT_VERSION;
  g_mutex_init (&self->sha256_lock);
  self->topics = g_list_store_new (RUBRIC_TYPE_TOPIC);
  self->topics_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ------------------------------------------------------------- the loader */

#define KIT_DOMAIN RUBRIC_KIT_ERROR

static gboolean
is_language_tag (const char *text)
{
  /* [a-z]{2,3}(-[A-Za-z0-9]{2,8})* */
  const char *p = text;
  guint n = 0;

  while (g_ascii_islower (*p))
    p++, n++;
  if (n < 2 || n > 3)
    return FALSE;

  while (*p == '-')
    {
      p++;
      n = 0;
      while (g_ascii_isalnum (*p))
        p++, n++;
      if (n < 2 || n > 8)
        return FALSE;
    }

  return *p == '\0';
}

static gboolean
is_web_url (const char *text)
{
  return (g_str_has_prefix (text, "https://") && text[8] != '\0') ||
         (g_str_has_prefix (text, "http://") && text[7] != '\0');
}

static gboolean
read_id (const RubricJsonObjectReader  *reader,
         const char                 **out,
         GError                     **error)
{
  if (!rubric_json_get_string (reader, "id", TRUE, FALSE, out, error))
    return FALSE;

  if (!rubric_json_is_id (*out))
    {
      RubricJsonPath path = { reader->path, "id", 0 };

      rubric_json_set_error (error, KIT_DOMAIN, &path,
                             /* Translators: an error in an interview kit
                              * file; %s is the id it has */
                             _("“%s” is not a valid id: use lowercase letters, digits and single “-”, “_” or “.” between them, at most 64 characters"),
                             *out);
      return FALSE;
    }

  return TRUE;
}

/* A reader of the object at @index, or FALSE with the error set when the
 * item there is not an object. */
static gboolean
expect_object (RubricJsonObjectReader  *reader,
               const RubricJsonTape  *tape,
               guint                  index,
               const RubricJsonPath  *path,
               GError               **error)
{
  reader->domain = KIT_DOMAIN;
  reader->path = path;
  reader->object = NULL;
  reader->tape = tape;
  reader->item = index;

  if (tape->items[index].type != RUBRIC_JSON_ITEM_OBJECT)
    {
      rubric_json_tape_set_type_error (error, KIT_DOMAIN, path, RUBRIC_JSON_EXPECT_OBJECT,
                                       &tape->items[index]);
      return FALSE;
    }
  return TRUE;
}

static RubricReference *
load_reference (const RubricJsonTape  *tape,
                guint                  index,
                const RubricJsonPath  *path,
                GError               **error)
{
  RubricReference *reference;
  RubricJsonObjectReader reader;
  const char *title = NULL;
  const char *url = NULL;

  if (!expect_object (&reader, tape, index, path, error))
    return NULL;

  if (!rubric_json_get_string (&reader, "title", TRUE, TRUE, &title, error) ||
      !rubric_json_get_string (&reader, "url", TRUE, FALSE, &url, error))
    return NULL;

  if (!is_web_url (url) || strlen (url) > 2048)
    {
      RubricJsonPath url_path = { path, "url", 0 };

      rubric_json_set_error (error, KIT_DOMAIN, &url_path,
                             /* Translators: an error in an interview kit
                              * file; %s is the address of a reference it has */
                             _("“%s” is not a web address: it must start with http:// or https://"),
                             url);
      return NULL;
    }

  reference = g_object_new (RUBRIC_TYPE_REFERENCE, NULL);
  reference->title = g_strdup (title);
  reference->url = g_strdup (url);

  return reference;
}

/* A key point is text, or an object with its "text" and an optional
 * "level", "baseline" or "senior". */
static gboolean
load_key_points (RubricQuestion              *question,
                 const RubricJsonObjectReader  *reader,
                 GError                     **error)
{
  const RubricJsonItem *items = reader->tape->items;
  RubricJsonPath array_path = { reader->path, "key_points", 0 };
  guint array = 0;
  guint n;
  guint i = 0;

  if (!rubric_json_get_array_item (reader, "key_points", TRUE, 1, 20, &array, error))
    return FALSE;

  n = items[array].length;
  question->key_points = g_new0 (char *, n + 1);
  question->key_point_levels = g_new0 (guint8, n);
  for (guint at = array + 1; at < items[array].next; at = items[at].next, i++)
    {
      const RubricJsonItem *item = &items[at];
      RubricJsonPath item_path = { &array_path, NULL, i };
      const char *text = NULL;
      const char *level = NULL;

      if (item->type == RUBRIC_JSON_ITEM_OBJECT)
        {
          RubricJsonObjectReader point = { KIT_DOMAIN, &item_path, NULL, reader->tape, at };

          if (!rubric_json_get_string (&point, "text", TRUE, TRUE, &text, error) ||
              !rubric_json_get_string (&point, "level", FALSE, FALSE, &level, error))
            return FALSE;
        }
      else if (item->type == RUBRIC_JSON_ITEM_STRING)
        {
          text = item->text;
          if (rubric_json_is_blank (text))
            {
              rubric_json_set_error (error, KIT_DOMAIN, &item_path, _("The text is empty"));
              return FALSE;
            }
        }
      else
        {
          rubric_json_tape_set_type_error (error, KIT_DOMAIN, &item_path, RUBRIC_JSON_EXPECT_STRING, item);
          return FALSE;
        }

      if (level == NULL)
        question->key_point_levels[i] = RUBRIC_KEY_POINT_LEVEL_NONE;
      else if (g_str_equal (level, "baseline"))
        question->key_point_levels[i] = RUBRIC_KEY_POINT_LEVEL_BASELINE;
      else if (g_str_equal (level, "senior"))
        question->key_point_levels[i] = RUBRIC_KEY_POINT_LEVEL_SENIOR;
      else
        {
          RubricJsonPath level_path = { &item_path, "level", 0 };

          rubric_json_set_error (error, KIT_DOMAIN, &level_path,
                                 /* Translators: an error in an interview kit
                                  * file; %s is what it has. “baseline” and
                                  * “senior” are values of the file format:
                                  * keep them in English */
                                 _("“%s” is not a level of a key point: use “baseline” or “senior”"), level);
          return FALSE;
        }
      question->key_points[i] = g_strdup (text);
    }

  return TRUE;
}

/* "anchors": {"2": "…", "5": "…"}: what an answer of each rating sounds
 * like. The keys are ratings, 1 to 5; any of them may be left out. */
static gboolean
load_anchors (RubricQuestion              *question,
              const RubricJsonObjectReader  *reader,
              GError                     **error)
{
  const RubricJsonItem *items = reader->tape->items;
  RubricJsonPath anchors_path = { reader->path, "anchors", 0 };
  RubricJsonObjectReader anchors = { KIT_DOMAIN, &anchors_path, NULL, reader->tape, 0 };

  if (!rubric_json_get_object_item (reader, "anchors", FALSE, &anchors.item, error))
    return FALSE;
  if (anchors.item == 0)
    return TRUE;

  for (guint at = anchors.item + 1; at < items[anchors.item].next; at = items[at].next)
    {
      const char *key = items[at].key;
      const char *text = NULL;
      int rating = key[0] - '0';

      if (key[0] == '\0' || key[1] != '\0' || rating < RUBRIC_RATING_MIN || rating > RUBRIC_RATING_MAX)
        {
          RubricJsonPath key_path = { &anchors_path, key, 0 };

          rubric_json_set_error (error, KIT_DOMAIN, &key_path,
                                 /* Translators: an error in an interview kit
                                  * file; %s is a key of its “anchors”, which
                                  * must be a rating from 1 to 5 */
                                 _("“%s” is not a rating: use 1, 2, 3, 4 or 5"), key);
          return FALSE;
        }
      if (!rubric_json_get_string (&anchors, key, TRUE, TRUE, &text, error))
        return FALSE;
      question->anchors[rating - RUBRIC_RATING_MIN] = g_strdup (text);
    }

  return TRUE;
}

static RubricQuestion *
load_question (RubricKit             *kit,
               RubricTopic           *topic,
               const RubricJsonTape  *tape,
               guint                  index,
               const RubricJsonPath  *path,
               GError               **error)
{
  g_autoptr(RubricQuestion) question = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  const RubricJsonItem *items = tape->items;
  RubricJsonObjectReader reader;
  RubricJsonPath references_path = { path, "references", 0 };
  const char *id = NULL;
  const char *kind = NULL;
  const char *prompt = NULL;
  const char *expected = NULL;
  const char *explanation = NULL;
  guint references = 0;
  gint64 minutes = 0;
  guint i = 0;

  if (!expect_object (&reader, tape, index, path, error))
    return NULL;

  if (!read_id (&reader, &id, error))
    return NULL;

  if (g_hash_table_contains (kit->questions_by_id, id))
    {
      RubricJsonPath id_path = { path, "id", 0 };

      rubric_json_set_error (error, KIT_DOMAIN, &id_path,
                             _("Another question already has the id “%s”"), id);
      return NULL;
    }

  question = g_object_new (RUBRIC_TYPE_QUESTION, NULL);
  question->id = g_strdup (id);
  question->topic = topic;

  if (!rubric_json_get_string (&reader, "kind", TRUE, FALSE, &kind, error))
    return NULL;
  if (g_str_equal (kind, "main"))
    question->kind = RUBRIC_QUESTION_KIND_MAIN;
  else if (g_str_equal (kind, "follow-up"))
    question->kind = RUBRIC_QUESTION_KIND_FOLLOW_UP;
  else
    {
      RubricJsonPath kind_path = { path, "kind", 0 };

      rubric_json_set_error (error, KIT_DOMAIN, &kind_path,
                             /* Translators: an error in an interview kit
                              * file; %s is what it has. “main” and “follow-
                              * up” are values of the file format: keep them
                              * in English */
                             _("“%s” is not a kind of question: use “main” or “follow-up”"), kind);
      return NULL;
    }

  if (!rubric_json_get_string (&reader, "prompt", TRUE, TRUE, &prompt, error) ||
      !rubric_json_get_string (&reader, "expected", TRUE, TRUE, &expected, error) ||
      !load_key_points (question, &reader, error) ||
      !rubric_json_get_string_list (&reader, "red_flags", FALSE, 0, 20, &question->red_flags, error) ||
      !rubric_json_get_string (&reader, "explanation", FALSE, TRUE, &explanation, error) ||
      !rubric_json_get_array_item (&reader, "references", FALSE, 0, 20, &references, error) ||
      !rubric_json_get_int (&reader, "minutes", FALSE, 1, 180, &minutes, error) ||
      !load_anchors (question, &reader, error))
    return NULL;

  question->prompt = g_strdup (prompt);
  question->expected = g_strdup (expected);
  question->explanation = g_strdup (explanation);
  question->minutes = (guint) minutes;

  for (guint at = references + 1; references != 0 && at < items[references].next; at = items[at].next, i++)
    {
      RubricJsonPath item_path = { &references_path, NULL, i };
      RubricReference *reference;

      reference = load_reference (tape, at, &item_path, error);
      if (reference == NULL)
        return NULL;
      if (loaded == NULL)
        loaded = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (loaded, reference);
    }
  /* Into the list at once: appending one by one notifies each time. */
  if (loaded != NULL)
    g_list_store_splice (question->references, 0, 0, loaded->pdata, loaded->len);

  return g_steal_pointer (&question);
}

static RubricTopic *
load_topic (RubricKit             *kit,
            const RubricJsonTape  *tape,
            guint                  index,
            const RubricJsonPath  *path,
            GError               **error)
{
  g_autoptr(RubricTopic) topic = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  const RubricJsonItem *items = tape->items;
  RubricJsonObjectReader reader;
  RubricJsonPath questions_path = { path, "questions", 0 };
  const char *id = NULL;
  const char *title = NULL;
  const char *summary = NULL;
  guint questions = 0;
  guint n_main = 0;
  guint i = 0;

  if (!expect_object (&reader, tape, index, path, error))
    return NULL;

  if (!read_id (&reader, &id, error))
    return NULL;

  if (g_hash_table_contains (kit->topics_by_id, id))
    {
      RubricJsonPath id_path = { path, "id", 0 };

      rubric_json_set_error (error, KIT_DOMAIN, &id_path,
                             _("Another topic already has the id “%s”"), id);
      return NULL;
    }

  topic = g_object_new (RUBRIC_TYPE_TOPIC, NULL);
  topic->id = g_strdup (id);
  topic->kit = kit;

  if (!rubric_json_get_string (&reader, "title", TRUE, TRUE, &title, error) ||
      !rubric_json_get_string (&reader, "summary", TRUE, TRUE, &summary, error) ||
      !rubric_json_get_number (&reader, "weight", FALSE, 0.0, 100.0, &topic->weight, error) ||
      !rubric_json_get_array_item (&reader, "questions", TRUE, 1, 50, &questions, error))
    return NULL;

  topic->title = g_strdup (title);
  topic->summary = g_strdup (summary);

  loaded = g_ptr_array_new_full (items[questions].length, g_object_unref);
  for (guint at = questions + 1; at < items[questions].next; at = items[at].next, i++)
    {
      RubricJsonPath item_path = { &questions_path, NULL, i };
      RubricQuestion *question;

      question = load_question (kit, topic, tape, at, &item_path, error);
      if (question == NULL)
        return NULL;
      g_ptr_array_add (loaded, question);

      if (question->kind == RUBRIC_QUESTION_KIND_MAIN)
        n_main++;

      if ((i == 0 && question->kind != RUBRIC_QUESTION_KIND_MAIN) || n_main > 1)
        {
          RubricJsonPath kind_path = { &item_path, "kind", 0 };

          rubric_json_set_error (error, KIT_DOMAIN, &kind_path,
                                 /* Translators: errors in an interview kit
                                  * file; “main” and “follow-up” are values of
                                  * the file format: keep them in English */
                                 i == 0 ? _("The first question of a topic must be its “main” question")
                                        /* Translators: keep “main” and
                                         * “follow-up”, values of the file
                                         * format, in English */
                                        : _("A topic has only one “main” question; the others are “follow-up”"));
          return NULL;
        }

      g_hash_table_insert (kit->questions_by_id, question->id, question);
    }
  /* Into the list at once: appending one by one notifies each time. */
  g_list_store_splice (topic->questions, 0, 0, loaded->pdata, loaded->len);

  return g_steal_pointer (&topic);
}

static RubricKit *
load_kit (const RubricJsonTape  *tape,
          GError               **error)
{
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  const RubricJsonItem *items = tape->items;
  RubricJsonPath path = RUBRIC_JSON_PATH_ROOT;
  RubricJsonPath topics_path = { &path, "topics", 0 };
  RubricJsonObjectReader reader = { KIT_DOMAIN, &path, NULL, tape, 0 };
  const char *id = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *language = NULL;
  guint topics = 0;
  gint64 version = 0;
  guint i = 0;

  if (!rubric_json_read_header (&reader, NULL, RUBRIC_JSON_FORMAT_KIT, &version, error))
    return NULL;
  if (version > RUBRIC_KIT_FORMAT_VERSION)
    {
      g_set_error (error, KIT_DOMAIN, RUBRIC_KIT_ERROR_NEWER_VERSION,
                   /* Translators: keep “$.version:” at the start: it is where
                    * the problem is in the file. The first %d is the kit's
                    * format version, the second the newest this version of
                    * Rubric reads */
                   _("$.version: This kit was made for a newer version of Rubric (kit format %d; this version reads format %d)"),
                   (int) version, RUBRIC_KIT_FORMAT_VERSION);
      return NULL;
    }

  kit = g_object_new (RUBRIC_TYPE_KIT, NULL);
  kit->version = (int) version;

  if (!read_id (&reader, &id, error) ||
      !rubric_json_get_string (&reader, "title", TRUE, TRUE, &title, error) ||
      !rubric_json_get_string (&reader, "description", TRUE, TRUE, &description, error) ||
      !rubric_json_get_string (&reader, "language", TRUE, FALSE, &language, error))
    return NULL;

  if (!is_language_tag (language))
    {
      RubricJsonPath language_path = { &path, "language", 0 };

      rubric_json_set_error (error, KIT_DOMAIN, &language_path,
                             /* Translators: an error in an interview kit
                              * file; %s is the language it names; keep the
                              * examples */
                             _("“%s” is not a language tag such as “en” or “pt-BR”"), language);
      return NULL;
    }

  kit->id = g_strdup (id);
  kit->title = g_strdup (title);
  kit->description = g_strdup (description);
  kit->language = g_strdup (language);

  if (!rubric_json_get_array_item (&reader, "topics", TRUE, 1, 100, &topics, error))
    return NULL;

  loaded = g_ptr_array_new_full (items[topics].length, g_object_unref);
  for (guint at = topics + 1; at < items[topics].next; at = items[at].next, i++)
    {
      RubricJsonPath item_path = { &topics_path, NULL, i };
      RubricTopic *topic;

      topic = load_topic (kit, tape, at, &item_path, error);
      if (topic == NULL)
        return NULL;

      g_hash_table_insert (kit->topics_by_id, topic->id, topic);
      g_ptr_array_add (loaded, topic);
    }
  /* Into the list at once: appending one by one notifies each time. */
  g_list_store_splice (kit->topics, 0, 0, loaded->pdata, loaded->len);

  return g_steal_pointer (&kit);
}

/**
 * rubric_kit_new_from_bytes:
 * @bytes: the kit file's contents
 * @error: the first problem, in %RUBRIC_KIT_ERROR, naming its place
 *
 * Validates and loads a kit. An invalid kit is refused whole.
 *
 * Returns: (transfer full) (nullable): the kit
 */
RubricKit *
rubric_kit_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(RubricJsonTape) tape = NULL;
  RubricKit *kit;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not json-glib's tree: building it, walking it and freeing it took
   * most of the time of a big kit's load. The tape accepts and refuses
   * what rubric_json_parse() does, with the same errors. */
  tape = rubric_json_tape_new (bytes, KIT_DOMAIN, error);
  if (tape == NULL)
    return NULL;

  kit = load_kit (tape, error);
  if (kit != NULL)
    kit->bytes = g_bytes_ref (bytes);   /* for rubric_kit_get_sha256() */

  return kit;
}

RubricKit *
rubric_kit_new_from_json (JsonNode  *root,
                          GBytes    *bytes,
                          GError   **error)
{
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* @root was parsed from @bytes, which the loader reads again: reading
   * them is quicker than walking json-glib's tree of them. */
  return rubric_kit_new_from_bytes (bytes, error);
}

/**
 * rubric_kit_new_from_file:
 *
 * Like rubric_kit_new_from_bytes() for a file, and its checksum worked out
 * at once. This blocks: call it from a thread, or from the command line.
 *
 * Returns: (transfer full) (nullable): the kit
 */
RubricKit *
rubric_kit_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  RubricKit *kit;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = rubric_json_read_file (file, KIT_DOMAIN, NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;

  /* Read on a worker thread: the checksum is worked out here too, so the
   * main thread never hashes a big kit, and the file's bytes (as big as
   * the file) are let go at once rather than kept until it is asked for. */
  kit = rubric_kit_new_from_bytes (bytes, error);
  if (kit != NULL)
    rubric_kit_get_sha256 (kit);
  return kit;
}

/* Whether @self still holds the bytes it was loaded from (until its
 * checksum is first worked out). For tests. */
gboolean
_rubric_kit_holds_source (RubricKit *self)
{
  gboolean holds;

  g_mutex_lock (&self->sha256_lock);
  holds = self->bytes != NULL;
  g_mutex_unlock (&self->sha256_lock);
  return holds;
}

RubricKit *
rubric_kit_new_from_resource (const char  *path,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return rubric_kit_new_from_bytes (bytes, error);
}

const char *
rubric_kit_get_id (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  return self->id;
}

int
rubric_kit_get_version (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), 0);
  return self->version;
}

const char *
rubric_kit_get_title (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  return self->title;
}

const char *
rubric_kit_get_description (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  return self->description;
}

const char *
rubric_kit_get_language (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  return self->language;
}

/**
 * rubric_kit_get_sha256:
 *
 * Worked out on the first call (hashing a big kit takes about half as long
 * as parsing it, and only sessions need it), from any thread.
 *
 * Returns: the SHA-256 of the bytes the kit was loaded from, in hex
 */
const char *
rubric_kit_get_sha256 (RubricKit *self)
{
  const char *sha256;

  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);

  g_mutex_lock (&self->sha256_lock);
  if (self->sha256 == NULL && self->bytes != NULL)
    {
      self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);
      g_clear_pointer (&self->bytes, g_bytes_unref);
    }
  sha256 = self->sha256;
  g_mutex_unlock (&self->sha256_lock);

  return sha256;
}

GListModel *
rubric_kit_get_topics (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  return G_LIST_MODEL (self->topics);
}

guint
rubric_kit_get_n_questions (RubricKit *self)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), 0);
  return g_hash_table_size (self->questions_by_id);
}

/**
 * rubric_kit_lookup_topic:
 *
 * Returns: (transfer none) (nullable): the topic with that id
 */
RubricTopic *
rubric_kit_lookup_topic (RubricKit  *self,
                         const char *topic_id)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);
  return g_hash_table_lookup (self->topics_by_id, topic_id);
}

/**
 * rubric_kit_lookup_question:
 *
 * Returns: (transfer none) (nullable): the question with that id
 */
RubricQuestion *
rubric_kit_lookup_question (RubricKit  *self,
                            const char *question_id)
{
  g_return_val_if_fail (RUBRIC_IS_KIT (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);
  return g_hash_table_lookup (self->questions_by_id, question_id);
}
