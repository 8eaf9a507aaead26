/* test-plan.c — interview plans: the default, the file, against the kit
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rubric-core-test-utils.h"
#include "rubric-plan.h"

static void
count_cb (guint *count)
{
  (*count)++;
}

static RubricPlan *
plan_from_text (const char  *text,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rubric_plan_new_from_bytes (bytes, error);
}

static void
test_default (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = rubric_plan_new_default (kit, 60);
  g_autoptr(RubricPlan) long_plan = rubric_plan_new_default (kit, 480);
  GListModel *topics = rubric_kit_get_topics (kit);
  g_autofree gint64 *budgets = NULL;
  gint64 sum = 0;
  guint mains = 0;

  /* Every topic, in the kit's order, its main question first. */
  g_assert_cmpuint (rubric_plan_get_n_topics (plan), ==, g_list_model_get_n_items (topics));
  for (guint i = 0; i < rubric_plan_get_n_topics (plan); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      g_autoptr(RubricQuestion) main_question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);

      g_assert_cmpstr (rubric_plan_get_topic_id (plan, i), ==, rubric_topic_get_id (topic));
      g_assert_cmpstr (rubric_plan_get_question_ids (plan, i)[0], ==, rubric_question_get_id (main_question));
      mains += rubric_question_get_minutes (main_question);
    }
  g_assert_true (rubric_plan_check (plan, kit, NULL));
  g_assert_cmpuint (rubric_plan_get_slot_minutes (plan), ==, 60);
  g_assert_cmpstr (rubric_plan_get_name (plan), ==, "60-minute round");

  /* Follow-ups only where they fit: the planned minutes stay in the slot
   * (unless the main questions alone do not). */
  g_assert_cmpuint (rubric_plan_get_planned_minutes (plan, kit), >=, mains);
  g_assert_cmpuint (rubric_plan_get_planned_minutes (plan, kit), <=, MAX (60, mains));
  g_assert_cmpuint (rubric_plan_get_planned_minutes (plan, kit), <, rubric_plan_get_planned_minutes (long_plan, kit));
  for (guint i = 0; i < rubric_plan_get_n_topics (long_plan); i++)
    g_assert_cmpuint (g_strv_length ((char **) rubric_plan_get_question_ids (long_plan, i)), ==, 3);

  /* The budgets share the slot exactly. */
  budgets = rubric_plan_dup_budgets (plan, kit);
  for (guint i = 0; i < rubric_plan_get_n_topics (plan); i++)
    {
      g_assert_cmpint (budgets[i], >, 0);
      sum += budgets[i];
    }
  g_assert_cmpint (sum, ==, 60 * 60);
}

/* The plan Rubric ships (data/plans, a resource) is the default selection
 * for an hour of the bundled kit, under its own id and name, and fits. */
static void
test_bundled (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) fresh = rubric_plan_new_default (kit, 60);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "plans", "django-senior-60.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *topics = rubric_kit_get_topics (kit);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  plan = rubric_plan_new_from_bytes (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (rubric_plan_get_id (plan), ==, "django-senior-60");
  g_assert_cmpstr (rubric_plan_get_name (plan), ==, "60-minute senior round");
  g_assert_true (rubric_plan_check (plan, kit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rubric_plan_get_slot_minutes (plan), ==, 60);
  g_assert_cmpuint (rubric_plan_get_planned_minutes (plan, kit), <=, 60);

  /* All ten topics, each with its main question, as the default has them. */
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 10);
  g_assert_cmpuint (rubric_plan_get_n_topics (plan), ==, rubric_plan_get_n_topics (fresh));
  for (guint i = 0; i < rubric_plan_get_n_topics (plan); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);
      g_autoptr(RubricQuestion) main_question = g_list_model_get_item (rubric_topic_get_questions (topic), 0);

      g_assert_cmpstr (rubric_plan_get_topic_id (plan, i), ==, rubric_topic_get_id (topic));
      g_assert_cmpstr (rubric_plan_get_question_ids (plan, i)[0], ==, rubric_question_get_id (main_question));
      g_assert_true (g_strv_equal ((const char * const *) rubric_plan_get_question_ids (plan, i),
                                   (const char * const *) rubric_plan_get_question_ids (fresh, i)));
    }
  g_assert_cmpuint (rubric_plan_get_planned_minutes (plan, kit), ==, rubric_plan_get_planned_minutes (fresh, kit));
}

static void
test_round_trip (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = rubric_plan_new_default (kit, 45);
  g_autoptr(RubricPlan) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_again = NULL;
  g_autofree char *hash_moved = NULL;

  rubric_plan_set_notes (plan, "Ask about the last outage in topic 3.");
  rubric_plan_move_topic (plan, 0, 2);
  bytes = rubric_plan_to_bytes (plan);
  again = rubric_plan_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  bytes_again = rubric_plan_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
  g_assert_cmpstr (rubric_plan_get_notes (again), ==, "Ask about the last outage in topic 3.");
  g_assert_cmpstr (rubric_plan_get_topic_id (again, 2), ==, rubric_plan_get_topic_id (plan, 2));

  /* The hash names the plan's content: the same plan, the same hash. */
  hash = rubric_plan_dup_hash (plan);
  hash_again = rubric_plan_dup_hash (again);
  g_assert_cmpstr (hash, ==, hash_again);
  g_assert_cmpuint (strlen (hash), ==, 64);
  rubric_plan_move_topic (again, 2, 0);
  hash_moved = rubric_plan_dup_hash (again);
  g_assert_cmpstr (hash, !=, hash_moved);
}

static void
test_edit (void)
{
  static const char * const two[] = { "a.main", "a.one", NULL };
  static const char * const one[] = { "b.main", NULL };
  g_autoptr(RubricPlan) plan = rubric_plan_new ("team-plan", "Team plan", "kit", 75);
  guint changes = 0;

  g_signal_connect_swapped (plan, "changed", G_CALLBACK (count_cb), &changes);

  rubric_plan_add_topic (plan, "a", two);
  rubric_plan_add_topic (plan, "b", one);
  g_assert_true (rubric_plan_includes (plan, "a.one"));
  g_assert_false (rubric_plan_includes (plan, "a.two"));
  rubric_plan_move_topic (plan, 1, 0);
  g_assert_cmpstr (rubric_plan_get_topic_id (plan, 0), ==, "b");
  rubric_plan_set_slot_minutes (plan, 75);   /* no change, no signal */
  rubric_plan_set_slot_minutes (plan, 90);
  rubric_plan_remove_topic (plan, 0);
  g_assert_cmpuint (rubric_plan_get_n_topics (plan), ==, 1);
  g_assert_false (rubric_plan_includes (plan, "b.main"));
  g_assert_cmpuint (changes, ==, 5);
}

static void
test_errors (void)
{
  static const struct {
    const char *text;
    int code;
    const char *message;
  } cases[] = {
    { "{\"format\": \"rubric-kit\", \"version\": 1}", RUBRIC_PLAN_ERROR_INVALID,
      "$.format: This is not an interview plan (the format is “rubric-kit”, not “rubric-plan”)" },
    { "{\"format\": \"rubric-plan\", \"version\": 2}", RUBRIC_PLAN_ERROR_NEWER,
      "This plan was made by a newer version of Rubric (format 2); update Rubric to use it" },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \"P\", \"kit\": \"k\","
      " \"slot_minutes\": 0, \"topics\": []}", RUBRIC_PLAN_ERROR_INVALID, "$.slot_minutes" },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p q\", \"name\": \"P\", \"kit\": \"k\","
      " \"slot_minutes\": 60, \"topics\": [{\"id\": \"a\", \"questions\": [\"a.main\"]}]}",
      RUBRIC_PLAN_ERROR_INVALID, "$.id: “p q” is not an id" },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \"P\", \"kit\": \"k\","
      " \"slot_minutes\": 60, \"topics\": [{\"id\": \"a\", \"questions\": [\"a.main\"]},"
      " {\"id\": \"a\", \"questions\": [\"a.one\"]}]}",
      RUBRIC_PLAN_ERROR_INVALID, "$.topics[1].id: The topic “a” is in the plan twice" },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \"P\", \"kit\": \"k\","
      " \"slot_minutes\": 60, \"topics\": [{\"id\": \"a\", \"questions\": [\"a.main\", \"a.main\"]}]}",
      RUBRIC_PLAN_ERROR_INVALID, "$.topics[0].questions[1]: The question “a.main” is in the plan twice" },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \"P\", \"kit\": \"k\","
      " \"slot_minutes\": 60, \"topics\": [{\"id\": \"a\", \"questions\": []}]}",
      RUBRIC_PLAN_ERROR_INVALID, "$.topics[0].questions" },
    { "{\"format\": \"rubric-plan\", \"version\": 1,", RUBRIC_PLAN_ERROR_SYNTAX, "1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RubricPlan) plan = plan_from_text (cases[i].text, &error);

      g_assert_null (plan);
      g_assert_error (error, RUBRIC_PLAN_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
}

static void
test_wrong_kit (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = rubric_plan_new_default (kit, 60);
  g_autoptr(RubricPlan) other = rubric_plan_new ("other", "Other", "another-kit", 60);
  g_autoptr(RubricPlan) strange = rubric_plan_new ("strange", "Strange", rubric_kit_get_id (kit), 60);
  g_autoptr(GError) error = NULL;
  const char *first_topic = rubric_plan_get_topic_id (plan, 0);
  const char *from_second[] = { rubric_plan_get_question_ids (plan, 1)[0], NULL };
  static const char * const missing[] = { "no.such-question", NULL };

  g_assert_false (rubric_plan_check (other, kit, &error));
  g_assert_error (error, RUBRIC_PLAN_ERROR, RUBRIC_PLAN_ERROR_WRONG_KIT);
  g_assert_true (g_str_has_prefix (error->message, "$.kit: This plan is for the kit “another-kit”"));
  g_clear_error (&error);

  /* A question of another topic, filed under the first. */
  rubric_plan_add_topic (strange, first_topic, from_second);
  g_assert_false (rubric_plan_check (strange, kit, &error));
  g_assert_error (error, RUBRIC_PLAN_ERROR, RUBRIC_PLAN_ERROR_WRONG_KIT);
  g_assert_true (g_str_has_prefix (error->message, "$.topics[0].questions[0]: The topic"));
  g_clear_error (&error);

  rubric_plan_remove_topic (strange, 0);
  rubric_plan_add_topic (strange, "no-such-topic", missing);
  g_assert_false (rubric_plan_check (strange, kit, &error));
  g_assert_true (g_str_has_prefix (error->message, "$.topics[0].id: The kit has no topic “no-such-topic”"));
}

/* The order an interview walks: the plan's topics first, in its order;
 * the rest only when asked for. */
static void
test_topic_order (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = rubric_plan_new ("p", "P", "django-senior", 30);
  g_autofree guint *planned = NULL;
  g_autofree guint *all = NULL;
  g_autofree guint *whole = NULL;
  guint n = 0;

  /* caching is the kit's 7th topic, migrations its 1st */
  rubric_plan_add_topic (plan, "caching", (const char *[]) { "caching.strategy", NULL });
  rubric_plan_add_topic (plan, "no-such-topic", (const char *[]) { "x.y", NULL });
  rubric_plan_add_topic (plan, "migrations", (const char *[]) { "migrations.deploy", NULL });

  planned = rubric_plan_dup_topic_order (plan, kit, FALSE, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (planned[0], ==, 6);
  g_assert_cmpuint (planned[1], ==, 0);

  all = rubric_plan_dup_topic_order (plan, kit, TRUE, &n);
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpuint (all[0], ==, 6);
  g_assert_cmpuint (all[1], ==, 0);
  g_assert_cmpuint (all[2], ==, 1);
  g_assert_cmpuint (all[7], ==, 7);
  g_assert_cmpuint (all[9], ==, 9);

  whole = rubric_plan_dup_topic_order (NULL, kit, FALSE, &n);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (whole[i], ==, i);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/default", test_default);
  g_test_add_func ("/plan/bundled", test_bundled);
  g_test_add_func ("/plan/round-trip", test_round_trip);
  g_test_add_func ("/plan/edit", test_edit);
  g_test_add_func ("/plan/errors", test_errors);
  g_test_add_func ("/plan/wrong-kit", test_wrong_kit);
  g_test_add_func ("/plan/topic-order", test_topic_order);

  return g_test_run ();
}
