/* bench-kit.c — loading and searching big kits (build-aux/bench kit)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kits of 30, 1,000 and 10,000 questions, made from the shipped kit's
 * questions with variations (so that their words repeat as a real kit's do,
 * but not all of them), serialised to JSON bytes as Rubric writes them.
 * For each size it measures:
 *
 *  - loading: rubric_kit_new_from_bytes() against json_parser_load_from_data()
 *    on the same bytes, interleaved, RUNS times each; the ratio of the
 *    medians (target ≤ 1.3×);
 *  - building the search index, RUNS times;
 *  - searching: about twenty realistic queries, each REPEATS times, at most
 *    50 results as the window asks; median and 95th percentile of one query
 *    (target: median ≤ 2 ms at 10,000 questions).
 *
 * A kit holds at most 5,000 questions (100 topics of 50) in at most 16 MB,
 * so 10,000 questions are two kits of 5,000: both are loaded (the times
 * added up) and one index covers both.
 */

#include "config.h"

#include <errno.h>

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rubric-search-private.h"

#define MAX_RUNS 200
#define QUESTIONS_PER_TOPIC 50
#define QUESTIONS_PER_KIT 5000
#define REPEATS 25
#define MAX_RESULTS 50

static const char * const queries[] = {
  "csrf",
  "select_related",
  "migration",
  "transaction atomic",
  "cache invalidation",
  "n+1 queries",
  "\"rolling deploy\"",
  "middleware order",
  "redis",
  "celery retry",
  "signals",
  "password hashing",
  "rate limit",
  "idempotent",
  "database index",
  "secret key",
  "serializer",
  "pagination",
  "race condition",
  "Invoice",
};

/* Words spliced into the generated questions: a real kit's own names. */
static const char * const nouns[] = {
  "invoice", "customer", "order", "basket", "payment", "refund", "shipment",
  "warehouse", "tenant", "account", "subscription", "coupon", "catalogue",
  "product", "review", "rating", "ticket", "booking", "calendar", "report",
  "ledger", "audit", "profile", "session", "webhook", "export", "import",
  "notification", "message", "thread", "document", "upload", "thumbnail",
  "search", "tag", "category", "region", "currency", "tax", "discount",
  "partner", "supplier", "contract", "employee", "team", "project", "task",
  "milestone", "release", "feature", "flag", "quota", "plan", "trial",
};

static const char * const adjectives[] = {
  "busy", "legacy", "shared", "nightly", "regional", "multi-tenant", "public",
  "internal", "archived", "pending", "failed", "large", "small", "hot", "cold",
  "read-only", "critical", "optional", "sharded", "replicated", "résumé-style",
};

/* -------------------------------------------------------------- timing */

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  guint i;

  qsort (values, n, sizeof (double), compare_doubles);
  i = (guint) (p * (n - 1) + 0.5);
  return values[MIN (i, n - 1)];
}

/* ------------------------------------------------------------ the kits */

/* Replaces a few words of @text by words of the kit's own domain, so the
 * generated kit has repeated and new words. */
static char *
vary (const char *text,
      GRand      *rand,
      guint       n_changes)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n_changes && n > 4; i++)
    {
      guint at = g_rand_int_range (rand, 1, n - 1);
      const char *word = words[at];

      /* Keep punctuation and the kit's identifiers as they are. */
      if (!g_ascii_islower (word[0]) || strpbrk (word, ".,;:()_") != NULL)
        continue;
      g_free (words[at]);
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          words[at] = g_strdup (nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))]);
          break;
        case 1:
          words[at] = g_strdup (adjectives[g_rand_int_range (rand, 0, G_N_ELEMENTS (adjectives))]);
          break;
        default:
          /* A model or field name of the project: noun_noun. */
          words[at] = g_strdup_printf ("%s_%s",
                                       nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))],
                                       nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))]);
          break;
        }
    }

  return g_strjoinv (" ", words);
}

static gboolean write_compact;

static void
add_varied_strings (JsonBuilder *builder,
                    const char  *member,
                    JsonObject  *question,
                    GRand       *rand)
{
  JsonArray *array;

  if (!json_object_has_member (question, member))
    return;
  array = json_object_get_array_member (question, member);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      /* A key point may be an object, its text and its level: the text
       * alone here, so that a kit of 5,000 stays within 16 MB. */
      if (JSON_NODE_HOLDS_OBJECT (item))
        item = json_object_get_member (json_node_get_object (item), "text");
      text = vary (json_node_get_string (item), rand, 1);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
}

/* A kit of @n_questions (at most 5,000) made from @shipped's questions. */
static GBytes *
make_kit (JsonObject *shipped,
          guint       n_questions,
          guint       kit_number)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  g_autoptr(GPtrArray) topic_titles = g_ptr_array_new ();
  GRand *rand = g_rand_new_with_seed (42 + kit_number);
  JsonArray *topics = json_object_get_array_member (shipped, "topics");
  g_autofree char *id = g_strdup_printf ("bench-%u-%u", n_questions, kit_number);
  g_autofree char *text = NULL;
  gsize length;

  for (guint t = 0; t < json_array_get_length (topics); t++)
    {
      JsonObject *topic = json_array_get_object_element (topics, t);
      JsonArray *list = json_object_get_array_member (topic, "questions");

      for (guint q = 0; q < json_array_get_length (list); q++)
        g_ptr_array_add (questions, json_array_get_object_element (list, q));
      g_ptr_array_add (topic_titles, (gpointer) json_object_get_string_member (topic, "title"));
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "rubric-kit");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, json_object_get_string_member (shipped, "title"));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, json_object_get_string_member (shipped, "description"));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "en");
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_questions; i++)
    {
      guint in_topic = i % QUESTIONS_PER_TOPIC;
      guint topic = i / QUESTIONS_PER_TOPIC;
      /* Each topic cycles through the questions of one shipped topic, then
       * the others: mains stay mains. */
      JsonObject *base = g_ptr_array_index (questions, (topic * 3 + in_topic) % questions->len);
      g_autofree char *question_id = g_strdup_printf ("t%u.q%u", topic, in_topic);
      const char *members[] = { "prompt", "expected", "explanation" };

      if (in_topic == 0)
        {
          g_autofree char *topic_id = g_strdup_printf ("t%u", topic);
          g_autofree char *title = g_strdup_printf ("%s %u",
                                                    (char *) g_ptr_array_index (topic_titles, topic % topic_titles->len),
                                                    topic);

          if (i > 0)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, topic_id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, title);
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, "A generated topic of the benchmark kit.");
          json_builder_set_member_name (builder, "questions");
          json_builder_begin_array (builder);
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, question_id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, in_topic == 0 ? "main" : "follow-up");
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          g_autofree char *varied = NULL;

          if (!json_object_has_member (base, members[m]))
            continue;
          varied = vary (json_object_get_string_member (base, members[m]), rand, m == 1 ? 8 : 2);
          json_builder_set_member_name (builder, members[m]);
          if (m == 0 && i % 7 == 3)
            {
              /* Some prompts name a model of the project. */
              g_autofree char *named = g_strdup_printf ("%s (Think of the %s model.)", varied,
                                                        nouns[i % G_N_ELEMENTS (nouns)]);

              json_builder_add_string_value (builder, named);
            }
          else
            {
              json_builder_add_string_value (builder, varied);
            }
        }
      add_varied_strings (builder, "key_points", base, rand);
      add_varied_strings (builder, "red_flags", base, rand);
      json_builder_set_member_name (builder, "references");
      json_builder_add_value (builder, json_node_copy (json_object_get_member (base, "references")));
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, json_object_get_int_member (base, "minutes"));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  /* Installed kits (--write) are compact: pretty, 5,000 questions with
   * their key points as objects pass the 16 MB limit of a kit file. */
  json_generator_set_pretty (generator, !write_compact);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  g_rand_free (rand);

  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/* ------------------------------------------------------------ measuring */

typedef struct
{
  const char *name;
  guint n_questions;
  GPtrArray *bytes;            /* GBytes: one kit each */
  gsize size;
  double load_ms;
  double load_sha_ms;
  double parse_ms;
  double build_ms;
  double search_median_ms;
  double search_p95_ms;
  double search_max_ms;
  guint results;               /* over all the queries, once */
} Size;

/* One load of @bytes, timed: 0, the json-glib baseline; 1, the kit; 2, the
 * kit and its SHA-256 (which a session asks for: the loader leaves it until
 * then). What it made is freed outside the timing. */
static double
time_load (GBytes *bytes,
           guint   what)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  double start = now_ms ();
  double elapsed;

  if (what == 0)
    {
      JsonParser *parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, data, length, &error))
        g_error ("json_parser_load_from_data: %s", error->message);
      elapsed = now_ms () - start;
      g_object_unref (parser);
    }
  else
    {
      RubricKit *kit = rubric_kit_new_from_bytes (bytes, &error);

      if (kit == NULL)
        g_error ("rubric_kit_new_from_bytes: %s", error->message);
      if (what == 2)
        rubric_kit_get_sha256 (kit);
      elapsed = now_ms () - start;
      g_object_unref (kit);
    }

  return elapsed;
}

static void
measure_load (Size *size,
              int   runs)
{
  double times[3][MAX_RUNS];

  /* Interleaved, each run in another order, so that none always follows
   * the same one (what the one before freed changes the next one's time). */
  for (int run = -1; run < runs; run++)   /* run -1 warms up */
    for (guint i = 0; i < 3; i++)
      {
        guint what = (i + (guint) (run + 1)) % 3;
        double total = 0;

        for (guint k = 0; k < size->bytes->len; k++)
          total += time_load (g_ptr_array_index (size->bytes, k), what);
        if (run >= 0)
          times[what][run] = total;
      }

  size->parse_ms = median (times[0], runs);
  size->load_ms = median (times[1], runs);
  size->load_sha_ms = median (times[2], runs);
}

static void
measure_search (Size *size,
                int   runs)
{
  g_autoptr(GPtrArray) kits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RubricSearchIndex) index = NULL;
  double build[MAX_RUNS];
  guint n_samples = G_N_ELEMENTS (queries) * REPEATS;
  g_autofree double *samples = g_new (double, n_samples);
  guint n = 0;

  for (guint k = 0; k < size->bytes->len; k++)
    {
      g_autoptr(GError) error = NULL;
      RubricKit *kit = rubric_kit_new_from_bytes (g_ptr_array_index (size->bytes, k), &error);

      g_assert_no_error (error);
      g_ptr_array_add (kits, kit);
    }

  for (int run = -1; run < runs; run++)
    {
      double start;

      g_clear_object (&index);
      start = now_ms ();
      index = rubric_search_index_new_for_kits ((RubricKit * const *) kits->pdata, kits->len);
      if (run >= 0)
        build[run] = now_ms () - start;
    }
  size->build_ms = median (build, runs);

  /* One untimed round, which also counts the results. */
  size->results = 0;
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = rubric_search_index_query (index, queries[q], MAX_RESULTS);

      size->results += results->len;
      fprintf (stderr, "  %6u questions: %-22s %u results\n", size->n_questions, queries[q], results->len);
    }

  for (guint r = 0; r < REPEATS; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        double start = now_ms ();
        GPtrArray *results = rubric_search_index_query (index, queries[q], MAX_RESULTS);

        g_ptr_array_unref (results);
        samples[n++] = now_ms () - start;
      }

  /* Each query's median, to stderr: which queries are slow. */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double times[REPEATS];

      for (guint r = 0; r < REPEATS; r++)
        times[r] = samples[r * G_N_ELEMENTS (queries) + q];
      fprintf (stderr, "  %6u questions: %-22s median %.3f ms\n", size->n_questions, queries[q],
               median (times, REPEATS));
    }

  size->search_median_ms = median (samples, n);
  size->search_p95_ms = percentile (samples, n, 0.95);
  size->search_max_ms = samples[n - 1];
}

/* Two kits of 5,000 questions made from the shipped kit @kit_path, in
 * @folder as bench-5000-0.json and bench-5000-1.json. */
static int
write_kits (const char *kit_path,
            const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  write_compact = TRUE;
  if (!json_parser_load_from_mapped_file (parser, kit_path, &error) ||
      g_mkdir_with_parents (folder, 0755) != 0)
    {
      fprintf (stderr, "%s: %s\n", error != NULL ? kit_path : folder,
               error != NULL ? error->message : g_strerror (errno));
      return 1;
    }
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GBytes) bytes = make_kit (json_node_get_object (json_parser_get_root (parser)), QUESTIONS_PER_KIT, k);
      g_autofree char *name = g_strdup_printf ("bench-%u-%u.json", QUESTIONS_PER_KIT, k);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (!g_file_set_contents (path, data, (gssize) length, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const double load_target = 1.3;
  const double search_target_ms = 2.0;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *shipped_data = NULL;
  gsize shipped_length;
  JsonObject *shipped;
  Size sizes[] = {
    { "shipped kit", 30, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    { "1,000", 1000, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    { "10,000 (2 kits)", 10000, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
  };
  gboolean all_met = TRUE;
  int runs;

  /* build-aux/bench startup-kits: two kits of the most one kit holds,
   * written as installed kits, for the window to start with. */
  if (argc == 4 && g_str_equal (argv[2], "--write"))
    return write_kits (argv[1], argv[3]);

  if (argc != 3 || (runs = atoi (argv[2])) < 10 || runs > MAX_RUNS)
    {
      fprintf (stderr, "Usage: %s KIT RUNS (10–%d)\n"
                       "       %s KIT --write FOLDER\n", argv[0], MAX_RUNS, argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &shipped_data, &shipped_length, &error) ||
      !json_parser_load_from_data (parser, shipped_data, shipped_length, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  shipped = json_node_get_object (json_parser_get_root (parser));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Size *size = &sizes[s];

      size->bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      if (size->n_questions == 30)
        {
          /* The shipped kit itself, as it is. */
          g_ptr_array_add (size->bytes, g_bytes_new (shipped_data, shipped_length));
        }
      else
        {
          for (guint k = 0; k * QUESTIONS_PER_KIT < size->n_questions; k++)
            g_ptr_array_add (size->bytes,
                             make_kit (shipped, MIN (QUESTIONS_PER_KIT, size->n_questions - k * QUESTIONS_PER_KIT), k));
        }
      for (guint k = 0; k < size->bytes->len; k++)
        size->size += g_bytes_get_size (g_ptr_array_index (size->bytes, k));

      fprintf (stderr, "%s: loading, %d runs…\n", size->name, runs);
      measure_load (size, runs);
      fprintf (stderr, "%s: indexing and searching…\n", size->name);
      measure_search (size, runs);
    }

  printf ("Kits made from the shipped kit's questions, with variations; %d runs each,\n"
          "interleaved; %u queries × %d repeats, at most %d results each\n\n",
          runs, (guint) G_N_ELEMENTS (queries), REPEATS, MAX_RESULTS);

  printf ("%-16s %9s %9s %9s %9s %6s  %-13s %11s %6s\n",
          "load", "questions", "size", "json ms", "kit ms", "ratio", "target",
          "+sha256 ms", "ratio");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Size *size = &sizes[s];
      g_autofree char *bytes = g_format_size (size->size);
      double ratio = size->load_ms / size->parse_ms;
      gboolean met = ratio <= load_target;

      all_met = all_met && met;
      printf ("%-16s %9u %9s %9.2f %9.2f %5.2f×  ≤ %.1f× %-4s  %11.2f %5.2f×\n", size->name,
              size->n_questions, bytes, size->parse_ms, size->load_ms, ratio, load_target,
              met ? "PASS" : "MISS", size->load_sha_ms, size->load_sha_ms / size->parse_ms);
    }

  printf ("\n%-16s %9s %9s %11s %11s %7s  %s\n",
          "search", "questions", "build ms", "median ms", "p95 ms", "max ms", "target");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Size *size = &sizes[s];
      g_autofree char *target = NULL;

      if (size->n_questions >= 10000)
        {
          gboolean met = size->search_median_ms <= search_target_ms;

          all_met = all_met && met;
          target = g_strdup_printf ("median ≤ %.0f ms %s", search_target_ms, met ? "PASS" : "MISS");
        }
      printf ("%-16s %9u %9.1f %11.3f %11.3f %7.3f  %s\n", size->name, size->n_questions,
              size->build_ms, size->search_median_ms, size->search_p95_ms, size->search_max_ms,
              target != NULL ? target : "");
      g_ptr_array_unref (size->bytes);
    }

  printf ("\n%s\n", all_met ? "All targets met." : "Some targets missed.");

  return 0;
}
