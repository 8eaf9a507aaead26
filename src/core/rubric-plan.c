/* rubric-plan.c — which of a kit's questions an interview asks, in what order, in how long
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan is what a hiring team agrees on for a role: the same questions,
 * in the same order, in the same slot, for every candidate. It names its
 * kit's topics and questions by id; the topics' budgets are not stored but
 * derived from the questions' minutes, shared out over the slot
 * (rubric_pacing_share_slot()), so a plan never disagrees with its kit.
 * The file format is docs/plan-format.md.
 */

#define G_LOG_DOMAIN "rubric-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-json-private.h"
#include "rubric-pacing.h"
#include "rubric-plan-private.h"

G_DEFINE_QUARK (rubric-plan-error-quark, rubric_plan_error)
RUBRIC_JSON_CHECK_ERROR_CODES (RUBRIC_PLAN_ERROR);

#define MAX_TOPICS    1000
#define MAX_QUESTIONS 100

typedef struct
{
  char *topic_id;
  GStrv question_ids;
} PlanTopic;

struct _RubricPlan
{
  GObject parent_instance;

  char *id;
  char *name;
  char *kit_id;
  char *notes;
  guint slot_minutes;
  GPtrArray *topics;   /* PlanTopic, in the plan's order */
};

G_DEFINE_FINAL_TYPE (RubricPlan, rubric_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SLOT_MINUTES,
  PROP_NOTES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
plan_topic_free (gpointer data)
{
  PlanTopic *topic = data;

  g_free (topic->topic_id);
  g_strfreev (topic->question_ids);
  g_free (topic);
}

static void
rubric_plan_finalize (GObject *object)
{
  RubricPlan *self = RUBRIC_PLAN (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->kit_id);
  g_free (self->notes);
  g_ptr_array_unref (self->topics);

  G_OBJECT_CLASS (rubric_plan_parent_class)->finalize (object);
}

static void
rubric_plan_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RubricPlan *self = RUBRIC_PLAN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SLOT_MINUTES:
      g_value_set_uint (value, self->slot_minutes);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_plan_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RubricPlan *self = RUBRIC_PLAN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      rubric_plan_set_name (self, g_value_get_string (value));
      break;
    case PROP_SLOT_MINUTES:
      rubric_plan_set_slot_minutes (self, g_value_get_uint (value));
      break;
    case PROP_NOTES:
      rubric_plan_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_plan_class_init (RubricPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rubric_plan_finalize;
  object_class->get_property = rubric_plan_get_property;
  object_class->set_property = rubric_plan_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_SLOT_MINUTES] =
    g_param_spec_uint ("slot-minutes", NULL, NULL, 1, RUBRIC_PLAN_MAX_SLOT_MINUTES, 60, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricPlan::changed:
   *
   * Anything in the plan changed: its name, slot, notes, topics or
   * questions.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rubric_plan_init (RubricPlan *self)
{
  self->name = g_strdup ("");
  self->notes = g_strdup ("");
  self->slot_minutes = 60;
  self->topics = g_ptr_array_new_with_free_func (plan_topic_free);
}

static void
changed (RubricPlan *self,
         GParamSpec *pspec)
{
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rubric_plan_new:
 * @id: the plan's id: letters, digits, "-", "_" and "."
 * @kit_id: the id of the kit whose questions it plans
 * @slot_minutes: the interview's length, 1 to 480 minutes
 *
 * Returns: (transfer full): an empty plan
 */
RubricPlan *
rubric_plan_new (const char *id,
                 const char *name,
                 const char *kit_id,
                 guint       slot_minutes)
{
  RubricPlan *self;

  g_return_val_if_fail (id != NULL && rubric_json_is_id (id), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (kit_id != NULL, NULL);
  g_return_val_if_fail (slot_minutes >= 1 && slot_minutes <= RUBRIC_PLAN_MAX_SLOT_MINUTES, NULL);

  self = g_object_new (RUBRIC_TYPE_PLAN, NULL);
  self->id = g_strdup (id);
  g_free (self->name);
  self->name = g_strdup (name);
  self->kit_id = g_strdup (kit_id);
  self->slot_minutes = slot_minutes;
  return self;
}

/**
 * rubric_plan_copy:
 * @id: (nullable): the copy's id; %NULL keeps the plan's
 *
 * Returns: (transfer full): a plan with the same name, slot, notes, topics
 *   and questions, to change without changing @self
 */
RubricPlan *
rubric_plan_copy (RubricPlan *self,
                  const char *id)
{
  RubricPlan *copy;

  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  g_return_val_if_fail (id == NULL || rubric_json_is_id (id), NULL);

  copy = rubric_plan_new (id != NULL ? id : self->id, self->name, self->kit_id, self->slot_minutes);
  g_set_str (&copy->notes, self->notes);
  for (guint i = 0; i < self->topics->len; i++)
    {
      PlanTopic *topic = g_ptr_array_index (self->topics, i);
      PlanTopic *topic_copy = g_new0 (PlanTopic, 1);

      topic_copy->topic_id = g_strdup (topic->topic_id);
      topic_copy->question_ids = g_strdupv (topic->question_ids);
      g_ptr_array_add (copy->topics, topic_copy);
    }
  return copy;
}

/* ------------------------------------------------------------ the default */

static RubricQuestion *
nth_question (RubricTopic *topic,
              guint        n)
{
  GListModel *questions = rubric_topic_get_questions (topic);

  return n < g_list_model_get_n_items (questions) ? g_list_model_get_item (questions, n) : NULL;
}

/**
 * rubric_plan_new_default:
 * @slot_minutes: the interview's length
 *
 * A plan that covers every topic of @kit: each main question, then — first
 * follow-ups before second ones, in the kit's order — each follow-up that
 * still fits in the slot.
 *
 * Returns: (transfer full): the plan
 */
RubricPlan *
rubric_plan_new_default (RubricKit *kit,
                         guint      slot_minutes)
{
  g_autoptr(RubricPlan) self = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) chosen = NULL;   /* one GPtrArray of question ids per topic */
  GListModel *topics;
  guint n_topics;
  guint max_questions = 0;
  guint planned = 0;

  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  topics = rubric_kit_get_topics (kit);
  n_topics = g_list_model_get_n_items (topics);
  id = g_strdup_printf ("%s-%u-min", rubric_kit_get_id (kit), slot_minutes);
  /* Translators: the name of the plan Rubric offers for an interview slot,
   * e.g. "60-minute round" */
  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u-minute round", "%u-minute round", slot_minutes),
                          slot_minutes);
  self = rubric_plan_new (id, name, rubric_kit_get_id (kit), slot_minutes);

  chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      g_ptr_array_add (chosen, g_ptr_array_new ());
      max_questions = MAX (max_questions, g_list_model_get_n_items (rubric_topic_get_questions (topic)));
    }

  /* Round by round: every main question, then every first follow-up that
   * fits, then every second one. */
  for (guint round = 0; round < max_questions; round++)
    for (guint i = 0; i < n_topics; i++)
      {
        g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
        g_autoptr(RubricQuestion) question = nth_question (topic, round);
        guint minutes;

        if (question == NULL)
          continue;
        minutes = rubric_question_get_minutes (question);
        if (round > 0 && planned + minutes > slot_minutes)
          continue;
        planned += minutes;
        g_ptr_array_add (g_ptr_array_index (chosen, i), (gpointer) rubric_question_get_id (question));
      }

  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      GPtrArray *ids = g_ptr_array_index (chosen, i);

      g_ptr_array_add (ids, NULL);
      rubric_plan_add_topic (self, rubric_topic_get_id (topic), (const char * const *) ids->pdata);
    }

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------- the file */

static gboolean
load_topic (RubricPlan            *self,
            GQuark                 domain,
            JsonNode              *node,
            const RubricJsonPath  *path,
            GHashTable            *topic_ids,
            GHashTable            *question_ids,
            GError               **error)
{
  RubricJsonObjectReader reader = { domain, path, NULL };
  RubricJsonPath id_path = { path, "id", 0 };
  RubricJsonPath questions_path = { path, "questions", 0 };
  const char *id = NULL;
  g_auto(GStrv) questions = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rubric_json_set_type_error (error, domain, path, RUBRIC_JSON_EXPECT_OBJECT, node);
      return FALSE;
    }
  reader.object = json_node_get_object (node);

  if (!rubric_json_get_string (&reader, "id", TRUE, TRUE, &id, error) ||
      !rubric_json_get_string_list (&reader, "questions", TRUE, 1, MAX_QUESTIONS, &questions, error))
    return FALSE;
  if (!g_hash_table_add (topic_ids, g_strdup (id)))
    {
      /* Translators: an error in an interview plan; %s is a topic's id */
      rubric_json_set_error (error, domain, &id_path, _("The topic “%s” is in the plan twice"), id);
      return FALSE;
    }
  for (guint i = 0; questions[i] != NULL; i++)
    if (!g_hash_table_add (question_ids, g_strdup (questions[i])))
      {
        RubricJsonPath question_path = { &questions_path, NULL, i };

        /* Translators: an error in an interview plan; %s is a question's id */
        rubric_json_set_error (error, domain, &question_path,
                               _("The question “%s” is in the plan twice"), questions[i]);
        return FALSE;
      }

  rubric_plan_add_topic (self, id, (const char * const *) questions);
  return TRUE;
}

/* The members of a plan, in a plan file or in the session that ran it:
 * errors in @reader's domain, at paths under @reader's. */
RubricPlan *
_rubric_plan_new_from_members (const RubricJsonObjectReader  *reader,
                               GError                       **error)
{
  RubricJsonPath topics_path = { reader->path, "topics", 0 };
  g_autoptr(RubricPlan) self = NULL;
  g_autoptr(GHashTable) topic_ids = NULL;
  g_autoptr(GHashTable) question_ids = NULL;
  const char *id = NULL;
  const char *name = NULL;
  const char *kit = NULL;
  const char *notes = NULL;
  JsonArray *topics = NULL;
  gint64 slot = 0;

  if (!rubric_json_get_string (reader, "id", TRUE, TRUE, &id, error) ||
      !rubric_json_get_string (reader, "name", TRUE, TRUE, &name, error) ||
      !rubric_json_get_string (reader, "kit", TRUE, TRUE, &kit, error) ||
      !rubric_json_get_int (reader, "slot_minutes", TRUE, 1, RUBRIC_PLAN_MAX_SLOT_MINUTES, &slot, error) ||
      !rubric_json_get_string (reader, "notes", FALSE, FALSE, &notes, error) ||
      !rubric_json_get_array (reader, "topics", TRUE, 1, MAX_TOPICS, &topics, error))
    return NULL;
  if (!rubric_json_is_id (id))
    {
      RubricJsonPath id_path = { reader->path, "id", 0 };

      /* Translators: an error in an interview plan; %s is the id it has */
      rubric_json_set_error (error, reader->domain, &id_path,
                             _("“%s” is not an id: use letters, digits, “-”, “_” and “.”"), id);
      return NULL;
    }

  self = rubric_plan_new (id, name, kit, (guint) slot);
  if (notes != NULL)
    rubric_plan_set_notes (self, notes);

  topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      RubricJsonPath topic_path = { &topics_path, NULL, i };

      if (!load_topic (self, reader->domain, json_array_get_element (topics, i), &topic_path,
                       topic_ids, question_ids, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rubric_plan_new_from_bytes:
 *
 * Reads a plan file. Whether its kit has its questions is
 * rubric_plan_check()'s to say.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set;
 *   a message that starts with where the problem is
 */
RubricPlan *
rubric_plan_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  RubricJsonPath path = RUBRIC_JSON_PATH_ROOT;
  RubricJsonObjectReader reader = { RUBRIC_PLAN_ERROR, &path, NULL };
  g_autoptr(JsonNode) root = NULL;
  gint64 version = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  root = rubric_json_parse (bytes, RUBRIC_PLAN_ERROR, error);
  if (root == NULL || !rubric_json_read_header (&reader, root, RUBRIC_JSON_FORMAT_PLAN, &version, error))
    return NULL;
  if (version > RUBRIC_PLAN_FORMAT_VERSION)
    {
      g_set_error (error, RUBRIC_PLAN_ERROR, RUBRIC_PLAN_ERROR_NEWER,
                   /* Translators: %d is the version of the plan's file format */
                   _("This plan was made by a newer version of Rubric (format %d); update Rubric to use it"),
                   (int) version);
      return NULL;
    }

  return _rubric_plan_new_from_members (&reader, error);
}

/* Adds the plan's members, not its header, to the object @builder is in. */
void
_rubric_plan_add_members (RubricPlan  *self,
                          JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "kit");
  json_builder_add_string_value (builder, self->kit_id);
  json_builder_set_member_name (builder, "slot_minutes");
  json_builder_add_int_value (builder, self->slot_minutes);
  if (*self->notes != '\0')
    {
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, self->notes);
    }
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->topics->len; i++)
    {
      PlanTopic *topic = g_ptr_array_index (self->topics, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, topic->topic_id);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint j = 0; topic->question_ids[j] != NULL; j++)
        json_builder_add_string_value (builder, topic->question_ids[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
to_json (RubricPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "rubric-plan");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RUBRIC_PLAN_FORMAT_VERSION);
  _rubric_plan_add_members (self, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * rubric_plan_to_bytes:
 *
 * Returns: (transfer full): the plan as its file holds it, indented
 */
GBytes *
rubric_plan_to_bytes (RubricPlan *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);

  root = to_json (self);
  /* A plan is far below the size limit: it names ids, nothing more. */
  return rubric_json_to_file_bytes (root, NULL);
}

/**
 * rubric_plan_dup_hash:
 *
 * A session stores it with the plan it ran, so a later reader knows
 * whether a plan of that id is still the same plan.
 *
 * Returns: (transfer full): the SHA-256 of the plan, compact, in hex
 */
char *
rubric_plan_dup_hash (RubricPlan *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);

  root = to_json (self);
  bytes = rubric_json_to_bytes (root);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* ------------------------------------------------------------ accessors */

const char *
rubric_plan_get_id (RubricPlan *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  return self->id;
}

const char *
rubric_plan_get_name (RubricPlan *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  return self->name;
}

void
rubric_plan_set_name (RubricPlan *self,
                      const char *name)
{
  g_return_if_fail (RUBRIC_IS_PLAN (self));
  g_return_if_fail (name != NULL);

  if (g_set_str (&self->name, name))
    changed (self, properties[PROP_NAME]);
}

const char *
rubric_plan_get_kit_id (RubricPlan *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  return self->kit_id;
}

guint
rubric_plan_get_slot_minutes (RubricPlan *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), 0);
  return self->slot_minutes;
}

void
rubric_plan_set_slot_minutes (RubricPlan *self,
                              guint       slot_minutes)
{
  g_return_if_fail (RUBRIC_IS_PLAN (self));
  g_return_if_fail (slot_minutes >= 1 && slot_minutes <= RUBRIC_PLAN_MAX_SLOT_MINUTES);

  if (self->slot_minutes == slot_minutes)
    return;
  self->slot_minutes = slot_minutes;
  changed (self, properties[PROP_SLOT_MINUTES]);
}

const char *
rubric_plan_get_notes (RubricPlan *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  return self->notes;
}

void
rubric_plan_set_notes (RubricPlan *self,
                       const char *notes)
{
  g_return_if_fail (RUBRIC_IS_PLAN (self));
  g_return_if_fail (notes != NULL);

  if (g_set_str (&self->notes, notes))
    changed (self, properties[PROP_NOTES]);
}

guint
rubric_plan_get_n_topics (RubricPlan *self)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), 0);
  return self->topics->len;
}

static PlanTopic *
topic_at (RubricPlan *self,
          guint       index)
{
  g_return_val_if_fail (index < self->topics->len, NULL);
  return g_ptr_array_index (self->topics, index);
}

const char *
rubric_plan_get_topic_id (RubricPlan *self,
                          guint       index)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->topics->len, NULL);
  return topic_at (self, index)->topic_id;
}

/**
 * rubric_plan_get_question_ids:
 *
 * Returns: (transfer none): the ids of the questions planned for the
 *   plan's topic @index, in the kit's order
 */
const char * const *
rubric_plan_get_question_ids (RubricPlan *self,
                              guint       index)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->topics->len, NULL);
  return (const char * const *) topic_at (self, index)->question_ids;
}

/**
 * rubric_plan_add_topic:
 * @question_ids: the questions of the topic to ask; at least one
 *
 * Adds a topic at the end of the plan.
 */
void
rubric_plan_add_topic (RubricPlan         *self,
                       const char         *topic_id,
                       const char * const *question_ids)
{
  PlanTopic *topic;

  g_return_if_fail (RUBRIC_IS_PLAN (self));
  g_return_if_fail (topic_id != NULL);
  g_return_if_fail (question_ids != NULL && question_ids[0] != NULL);

  topic = g_new0 (PlanTopic, 1);
  topic->topic_id = g_strdup (topic_id);
  topic->question_ids = g_strdupv ((char **) question_ids);
  g_ptr_array_add (self->topics, topic);
  changed (self, NULL);
}

void
rubric_plan_remove_topic (RubricPlan *self,
                          guint       index)
{
  g_return_if_fail (RUBRIC_IS_PLAN (self));
  g_return_if_fail (index < self->topics->len);

  g_ptr_array_remove_index (self->topics, index);
  changed (self, NULL);
}

/**
 * rubric_plan_move_topic:
 *
 * Moves the topic at @from so that it is at @to.
 */
void
rubric_plan_move_topic (RubricPlan *self,
                        guint       from,
                        guint       to)
{
  gpointer topic;

  g_return_if_fail (RUBRIC_IS_PLAN (self));
  g_return_if_fail (from < self->topics->len && to < self->topics->len);

  if (from == to)
    return;
  topic = g_ptr_array_steal_index (self->topics, from);
  g_ptr_array_insert (self->topics, (int) to, topic);
  changed (self, NULL);
}

gboolean
rubric_plan_includes (RubricPlan *self,
                      const char *question_id)
{
  g_return_val_if_fail (RUBRIC_IS_PLAN (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  for (guint i = 0; i < self->topics->len; i++)
    if (g_strv_contains ((const char * const *) topic_at (self, i)->question_ids, question_id))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------- against a kit */

/**
 * rubric_plan_check:
 *
 * Whether @kit is the plan's kit and has every topic and question the plan
 * names, each question in its topic.
 *
 * Returns: %TRUE, or %FALSE with @error set (%RUBRIC_PLAN_ERROR_WRONG_KIT)
 *   saying which, with its JSON path in the plan
 */
gboolean
rubric_plan_check (RubricPlan  *self,
                   RubricKit   *kit,
                   GError     **error)
{
  RubricJsonPath root = RUBRIC_JSON_PATH_ROOT;
  RubricJsonPath topics_path = { &root, "topics", 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RUBRIC_IS_PLAN (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), FALSE);

  if (!g_str_equal (self->kit_id, rubric_kit_get_id (kit)))
    {
      RubricJsonPath kit_path = { &root, "kit", 0 };

      /* Translators: an error in an interview plan; the first %s is the id of
       * the kit it is for, the second the kit it was used with */
      rubric_json_set_error (&local_error, RUBRIC_PLAN_ERROR, &kit_path,
                             _("This plan is for the kit “%s”, not “%s”"), self->kit_id, rubric_kit_get_id (kit));
    }

  for (guint i = 0; local_error == NULL && i < self->topics->len; i++)
    {
      PlanTopic *topic = topic_at (self, i);
      RubricJsonPath topic_path = { &topics_path, NULL, i };
      RubricJsonPath id_path = { &topic_path, "id", 0 };
      RubricJsonPath questions_path = { &topic_path, "questions", 0 };

      if (rubric_kit_lookup_topic (kit, topic->topic_id) == NULL)
        {
          /* Translators: an error in an interview plan; %s is a topic's id */
          rubric_json_set_error (&local_error, RUBRIC_PLAN_ERROR, &id_path,
                                 _("The kit has no topic “%s”"), topic->topic_id);
          break;
        }
      for (guint j = 0; topic->question_ids[j] != NULL; j++)
        {
          RubricQuestion *question = rubric_kit_lookup_question (kit, topic->question_ids[j]);
          RubricJsonPath question_path = { &questions_path, NULL, j };

          if (question == NULL || rubric_question_get_topic (question) == NULL ||
              !g_str_equal (rubric_topic_get_id (rubric_question_get_topic (question)), topic->topic_id))
            {
              /* Translators: an error in an interview plan; the first %s is a
               * question's id, the second its topic's */
              rubric_json_set_error (&local_error, RUBRIC_PLAN_ERROR, &question_path,
                                     _("The topic “%2$s” of the kit has no question “%1$s”"),
                                     topic->question_ids[j], topic->topic_id);
              break;
            }
        }
    }

  if (local_error != NULL)
    {
      local_error->code = RUBRIC_PLAN_ERROR_WRONG_KIT;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static guint
topic_minutes (PlanTopic *topic,
               RubricKit *kit)
{
  guint minutes = 0;

  for (guint j = 0; topic->question_ids[j] != NULL; j++)
    {
      RubricQuestion *question = rubric_kit_lookup_question (kit, topic->question_ids[j]);

      if (question != NULL)
        minutes += rubric_question_get_minutes (question);
    }
  return minutes;
}

/**
 * rubric_plan_get_planned_minutes:
 *
 * Returns: the minutes the kit gives the planned questions, all together:
 *   what the plan editor sets against the slot ("58 of 60 min")
 */
guint
rubric_plan_get_planned_minutes (RubricPlan *self,
                                 RubricKit  *kit)
{
  guint minutes = 0;

  g_return_val_if_fail (RUBRIC_IS_PLAN (self), 0);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), 0);

  for (guint i = 0; i < self->topics->len; i++)
    minutes += topic_minutes (topic_at (self, i), kit);
  return minutes;
}

/**
 * rubric_plan_dup_budgets:
 *
 * Each topic's share of the slot, in proportion to its planned questions'
 * minutes; together exactly the slot.
 *
 * Returns: (transfer full) (array): one budget per topic of the plan, in
 *   seconds
 */
gint64 *
rubric_plan_dup_budgets (RubricPlan *self,
                         RubricKit  *kit)
{
  g_autofree guint *minutes = NULL;

  g_return_val_if_fail (RUBRIC_IS_PLAN (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);

  minutes = g_new0 (guint, MAX (self->topics->len, 1));
  for (guint i = 0; i < self->topics->len; i++)
    minutes[i] = topic_minutes (topic_at (self, i), kit);
  return rubric_pacing_share_slot (minutes, self->topics->len, (gint64) self->slot_minutes * 60);
}

/**
 * rubric_plan_dup_topic_order:
 * @self: (nullable): the plan, or %NULL for the whole kit
 * @show_unplanned: whether the topics the plan leaves out follow its own
 * @n_topics: (out): how many indexes there are
 *
 * The order an interview goes through @kit's topics: the plan's, in the
 * plan's order, then — with @show_unplanned, or without a plan — the
 * kit's other topics in the kit's order. Topics the kit does not have are
 * left out.
 *
 * Returns: (transfer full) (array length=n_topics): indexes into the kit's
 *   topics
 */
guint *
rubric_plan_dup_topic_order (RubricPlan *self,
                             RubricKit  *kit,
                             gboolean    show_unplanned,
                             guint      *n_topics)
{
  GListModel *topics;
  guint n_kit;
  g_autofree gboolean *placed = NULL;
  guint *order;
  guint n = 0;

  g_return_val_if_fail (self == NULL || RUBRIC_IS_PLAN (self), NULL);
  g_return_val_if_fail (RUBRIC_IS_KIT (kit), NULL);
  g_return_val_if_fail (n_topics != NULL, NULL);

  topics = rubric_kit_get_topics (kit);
  n_kit = g_list_model_get_n_items (topics);
  order = g_new0 (guint, MAX (n_kit, 1));
  placed = g_new0 (gboolean, MAX (n_kit, 1));

  for (guint i = 0; self != NULL && i < self->topics->len; i++)
    {
      RubricTopic *topic = rubric_kit_lookup_topic (kit, topic_at (self, i)->topic_id);
      guint index;

      if (topic != NULL && g_list_store_find (G_LIST_STORE (topics), topic, &index) && !placed[index])
        {
          order[n++] = index;
          placed[index] = TRUE;
        }
    }

  if (self == NULL || show_unplanned)
    for (guint i = 0; i < n_kit; i++)
      if (!placed[i])
        order[n++] = i;

  *n_topics = n;
  return order;
}
