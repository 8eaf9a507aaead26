/* test-plan-library.c — the interview plans: loading, saving, importing,
 * exporting, deleting, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rubric-core-test-utils.h"
#include "rubric-plan-library.h"

static char *data_home;

/* ----------------------------------------------------------------- helpers */

static GBytes *
bundled_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "plans", "django-senior-60.json", NULL);
  g_autofree char *text = rubric_test_read_file (path);

  return g_bytes_new (text, strlen (text));
}

static char *
plans_path (const char *name)
{
  return g_build_filename (data_home, "rubric", "plans", name, NULL);
}

static char *
outside_path (const char *name)
{
  return g_build_filename (data_home, "outside", name, NULL);
}

/* A plan file of the bundled kit: its first topic's main question. */
static char *
plan_text (const char *id,
           const char *name)
{
  return g_strdup_printf ("{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"%s\", \"name\": \"%s\","
                          " \"kit\": \"django-senior\", \"slot_minutes\": 45,"
                          " \"topics\": [{\"id\": \"migrations\", \"questions\": [\"migrations.deploy\"]}]}\n",
                          id, name);
}

static RubricPlanLibrary *
load_library (void)
{
  g_autoptr(GBytes) bundled = bundled_bytes ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RubricPlanLibrary *library = rubric_plan_library_new (bundled);

  g_assert_false (rubric_plan_library_get_loaded (library));
  rubric_plan_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_plan_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (rubric_plan_library_get_loaded (library));

  return library;
}

/* The ids in the model, in its order, joined with spaces. */
static char *
model_ids (RubricPlanLibrary *library)
{
  GListModel *plans = rubric_plan_library_get_plans (library);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(RubricPlan) plan = g_list_model_get_item (plans, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", rubric_plan_get_id (plan));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static RubricPlan *
save_plan (RubricPlanLibrary  *library,
           RubricPlan         *plan,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rubric_plan_library_save_async (library, plan, NULL, rubric_test_store_result_cb, &result);
  return rubric_plan_library_save_finish (library, rubric_test_wait_for (&result), error);
}

static RubricPlan *
import_text (RubricPlanLibrary  *library,
             GListModel         *kits,
             const char         *name,
             const char         *text,
             GError            **error)
{
  g_autofree char *path = outside_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  rubric_test_write_file (path, text);
  rubric_plan_library_import_async (library, file, kits, NULL, rubric_test_store_result_cb, &result);
  return rubric_plan_library_import_finish (library, rubric_test_wait_for (&result), error);
}

static gboolean
delete_plan (RubricPlanLibrary  *library,
             RubricPlan         *plan,
             GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rubric_plan_library_delete_async (library, plan, NULL, rubric_test_store_result_cb, &result);
  return rubric_plan_library_delete_finish (library, rubric_test_wait_for (&result), error);
}

static GListModel *
installed_kits (void)
{
  GListStore *kits = g_list_store_new (RUBRIC_TYPE_KIT);
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();

  g_list_store_append (kits, kit);
  return G_LIST_MODEL (kits);
}

/* ------------------------------------------------------------------- tests */

static void
test_bundled_only (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autofree char *ids = NULL;
  RubricPlan *bundled;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior-60");
  g_assert_cmpstr (rubric_plan_library_get_warnings (library)[0], ==, NULL);

  bundled = rubric_plan_library_get_bundled_for_kit (library, "django-senior");
  g_assert_nonnull (bundled);
  g_assert_true (rubric_plan_library_lookup (library, "django-senior-60") == bundled);
  g_assert_true (rubric_plan_library_is_bundled (library, bundled));
  g_assert_cmpstr (rubric_plan_get_name (bundled), ==, "60-minute senior round");
  g_assert_null (rubric_plan_library_get_bundled_for_kit (library, "another-kit"));
}

/* A broken file, a file of another format and a second plan with a taken
 * id are reported with where their problem is; the rest load. */
static void
test_broken_files_skipped (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autofree char *good = plan_text ("team", "Team round");
  g_autofree char *again = plan_text ("team", "Team round again");
  g_autofree char *bundled_id = plan_text ("django-senior-60", "Impostor");
  g_autofree char *ids = NULL;
  g_autofree char *path = NULL;
  const char * const *warnings;

  rubric_test_clean_data_home (data_home);
  path = plans_path ("a-team.json");
  rubric_test_write_file (path, good);
  g_free (path);
  path = plans_path ("b-broken.json");
  rubric_test_write_file (path, "{\"format\": \"rubric-plan\",\n  \"version\": }");
  g_free (path);
  path = plans_path ("c-team-again.json");
  rubric_test_write_file (path, again);
  g_free (path);
  path = plans_path ("d-bad-slot.json");
  rubric_test_write_file (path, "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"x\", \"name\": \"X\","
                                " \"kit\": \"k\", \"slot_minutes\": 900, \"topics\": []}");
  g_free (path);
  path = plans_path ("e-bundled.json");
  rubric_test_write_file (path, bundled_id);
  g_free (path);
  path = plans_path ("notes.txt");
  rubric_test_write_file (path, "not a plan, and not read");

  library = load_library ();
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior-60 team");

  warnings = rubric_plan_library_get_warnings (library);
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 4);
  g_assert_true (g_str_has_prefix (warnings[0], "b-broken.json:2:"));
  g_assert_true (g_str_has_prefix (warnings[1], "c-team-again.json: The plan “team” is already in the library, from “a-team.json”"));
  g_assert_true (g_str_has_prefix (warnings[2], "d-bad-slot.json: $.slot_minutes: "));
  g_assert_true (g_str_has_prefix (warnings[3], "e-bundled.json: The plan “django-senior-60” has the id of a plan that comes with Rubric"));
}

/* Saved plans land in the folder as <id>.json, in the model by name;
 * saving again replaces the file and the model's plan. */
static void
test_save (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(RubricPlan) saved = NULL;
  g_autoptr(RubricPlan) saved_again = NULL;
  g_autoptr(RubricPlan) other = NULL;
  g_autoptr(RubricPlan) other_saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricPlanLibrary) reloaded = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ids = NULL;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  plan = rubric_plan_library_new_plan (library, kit);
  g_assert_cmpstr (rubric_plan_get_id (plan), ==, "django-senior-plan");
  g_assert_cmpstr (rubric_plan_get_name (plan), ==, "New Plan");
  g_assert_true (rubric_plan_check (plan, kit, NULL));
  rubric_plan_set_name (plan, "Zeta round");

  saved = save_plan (library, plan, &error);
  g_assert_no_error (error);
  g_assert_true (saved != plan);   /* the library keeps its own copy */
  g_assert_cmpstr (rubric_plan_get_name (saved), ==, "Zeta round");
  path = plans_path ("django-senior-plan.json");
  text = rubric_test_read_file (path);
  g_assert_nonnull (strstr (text, "\"name\" : \"Zeta round\""));

  /* A second new plan gets an id and a name of its own. */
  other = rubric_plan_library_new_plan (library, kit);
  g_assert_cmpstr (rubric_plan_get_id (other), ==, "django-senior-plan-2");
  rubric_plan_set_name (other, "Alpha round");
  other_saved = save_plan (library, other, &error);
  g_assert_no_error (error);
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior-60 django-senior-plan-2 django-senior-plan");

  /* Editing the caller's plan does not touch the library's copy. */
  rubric_plan_set_slot_minutes (plan, 90);
  g_assert_cmpuint (rubric_plan_get_slot_minutes (saved), ==, 60);
  saved_again = save_plan (library, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rubric_plan_get_slot_minutes (saved_again), ==, 90);
  g_assert_true (rubric_plan_library_lookup (library, "django-senior-plan") == saved_again);
  g_assert_cmpuint (g_list_model_get_n_items (rubric_plan_library_get_plans (library)), ==, 3);

  /* What was saved is what a new library finds. */
  reloaded = load_library ();
  g_clear_pointer (&ids, g_free);
  ids = model_ids (reloaded);
  g_assert_cmpstr (ids, ==, "django-senior-60 django-senior-plan-2 django-senior-plan");
  g_assert_cmpuint (rubric_plan_get_slot_minutes (rubric_plan_library_lookup (reloaded, "django-senior-plan")), ==, 90);
}

static void
test_save_bundled_refused (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(RubricPlan) copy = NULL;
  g_autoptr(RubricPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = plans_path (NULL);
  RubricPlan *bundled;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  bundled = rubric_plan_library_lookup (library, "django-senior-60");
  copy = rubric_plan_copy (bundled, NULL);
  rubric_plan_set_slot_minutes (copy, 45);
  saved = save_plan (library, copy, &error);
  g_assert_null (saved);
  g_assert_error (error, RUBRIC_PLAN_LIBRARY_ERROR, RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (delete_plan (library, bundled, &error));
  g_assert_error (error, RUBRIC_PLAN_LIBRARY_ERROR, RUBRIC_PLAN_LIBRARY_ERROR_BUNDLED);
  g_assert_cmpuint (g_list_model_get_n_items (rubric_plan_library_get_plans (library)), ==, 1);

  /* A duplicate is the user's to change. */
  g_clear_object (&copy);
  copy = rubric_plan_library_duplicate (library, bundled);
  g_assert_cmpstr (rubric_plan_get_id (copy), ==, "django-senior-60-2");
  g_assert_cmpstr (rubric_plan_get_name (copy), ==, "60-minute senior round (Copy)");
  saved = save_plan (library, copy, NULL);
  g_assert_nonnull (saved);
  g_assert_false (rubric_plan_library_is_bundled (library, saved));
}

/* A disk that refuses the write: an error, and the old file whole. */
static void
test_save_read_only_folder (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricPlan) plan = NULL;
  g_autoptr(RubricPlan) saved = NULL;
  g_autoptr(RubricPlan) failed = NULL;
  g_autofree char *good = plan_text ("team", "Team round");
  g_autofree char *path = plans_path ("team.json");
  g_autofree char *folder = plans_path (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDir) dir = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }

  rubric_test_clean_data_home (data_home);
  rubric_test_write_file (path, good);
  library = load_library ();
  plan = rubric_plan_copy (rubric_plan_library_lookup (library, "team"), NULL);
  rubric_plan_set_name (plan, "Changed");

  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  failed = save_plan (library, plan, &error);
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  g_assert_null (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);

  text = rubric_test_read_file (path);
  g_assert_cmpstr (text, ==, good);
  /* Nothing half-written is left next to it. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "team.json");
  g_assert_null (g_dir_read_name (dir));
  /* The library still has the plan as it was. */
  g_assert_cmpstr (rubric_plan_get_name (rubric_plan_library_lookup (library, "team")), ==, "Team round");

  /* Once the disk allows it, the same plan saves. */
  g_clear_error (&error);
  saved = save_plan (library, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_plan_get_name (saved), ==, "Changed");
}

static void
test_import (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(GListModel) kits = installed_kits ();
  g_autofree char *text = plan_text ("team", "Team round");
  g_autofree char *other_text = plan_text ("team", "Team round");
  g_autoptr(RubricPlan) imported = NULL;
  g_autoptr(RubricPlan) again = NULL;
  g_autoptr(RubricPlan) clash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = plans_path ("team.json");
  g_autofree char *copy = NULL;
  g_autofree char *clash_path = plans_path ("team-2.json");
  g_autofree char *ids = NULL;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  imported = import_text (library, kits, "team.json", text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_plan_get_id (imported), ==, "team");
  g_assert_true (rubric_plan_library_lookup (library, "team") == imported);
  copy = rubric_test_read_file (path);
  g_assert_nonnull (strstr (copy, "\"migrations.deploy\""));

  /* The same plan again: the one there already, nothing written. */
  again = import_text (library, kits, "team-again.json", text, &error);
  g_assert_no_error (error);
  g_assert_true (again == imported);
  g_assert_false (g_file_test (clash_path, G_FILE_TEST_EXISTS));

  /* Another plan with the id: kept under a new id and a numbered name;
   * the first plan's file is untouched. */
  other_text = g_strdelimit (other_text, "4", '9');   /* 45 minutes → 95 */
  clash = import_text (library, kits, "team-other.json", other_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_plan_get_id (clash), ==, "team-2");
  g_assert_cmpstr (rubric_plan_get_name (clash), ==, "Team round (2)");
  g_assert_cmpuint (rubric_plan_get_slot_minutes (clash), ==, 95);
  g_assert_true (g_file_test (clash_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&copy, g_free);
  copy = rubric_test_read_file (path);
  g_assert_nonnull (strstr (copy, "\"slot_minutes\" : 45"));
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior-60 team team-2");
}

/* Invalid plans are refused with where their problem is; nothing lands in
 * the folder. */
static void
test_import_invalid (void)
{
  static const struct {
    const char *text;
    GQuark (*domain) (void);
    int code;
    const char *message;
  } cases[] = {
    { "{\"format\": \"rubric-plan\",\n \"version\": 1,", rubric_plan_error_quark, RUBRIC_PLAN_ERROR_SYNTAX, "2:" },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \" \", \"kit\": \"django-senior\","
      " \"slot_minutes\": 60, \"topics\": []}", rubric_plan_error_quark, RUBRIC_PLAN_ERROR_INVALID, "$.name: " },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \"P\", \"kit\": \"django-senior\","
      " \"slot_minutes\": 60, \"topics\": [{\"id\": \"migrations\", \"questions\": [\"queries.optimise\"]}]}",
      rubric_plan_error_quark, RUBRIC_PLAN_ERROR_WRONG_KIT, "$.topics[0].questions[0]: " },
    { "{\"format\": \"rubric-plan\", \"version\": 1, \"id\": \"p\", \"name\": \"P\", \"kit\": \"rust-senior\","
      " \"slot_minutes\": 60, \"topics\": [{\"id\": \"a\", \"questions\": [\"a.b\"]}]}",
      rubric_plan_library_error_quark, RUBRIC_PLAN_LIBRARY_ERROR_NO_KIT,
      "$.kit: The plan is for the kit “rust-senior”, which is not installed" },
  };
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(GListModel) kits = installed_kits ();
  g_autofree char *folder = plans_path (NULL);

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RubricPlan) plan = import_text (library, kits, "bad.json", cases[i].text, &error);

      g_assert_null (plan);
      g_assert_error (error, cases[i].domain (), cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (rubric_plan_library_get_plans (library)), ==, 1);
}

/* A file that did not load keeps its name: an import of that id is
 * written next to it. */
static void
test_import_beside_broken_file (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autofree char *text = plan_text ("team", "Team round");
  g_autofree char *broken = plans_path ("team.json");
  g_autofree char *kept = NULL;
  g_autoptr(RubricPlan) imported = NULL;
  g_autoptr(GError) error = NULL;

  rubric_test_clean_data_home (data_home);
  rubric_test_write_file (broken, "{ half a plan");
  library = load_library ();
  imported = import_text (library, NULL, "team.json", text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_plan_get_id (imported), ==, "team-2");
  kept = rubric_test_read_file (broken);
  g_assert_cmpstr (kept, ==, "{ half a plan");
}

static void
test_export (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = outside_path ("shared.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RubricPlan) back = NULL;
  RubricPlan *bundled;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  bundled = rubric_plan_library_lookup (library, "django-senior-60");
  rubric_plan_library_export_async (library, bundled, file, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_plan_library_export_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);

  text = rubric_test_read_file (path);
  bytes = g_bytes_new (text, strlen (text));
  back = rubric_plan_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_plan_get_id (back), ==, "django-senior-60");
  g_assert_cmpuint (rubric_plan_get_n_topics (back), ==, 10);
}

static void
test_delete (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autoptr(RubricPlanLibrary) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = plan_text ("team", "Team round");
  g_autofree char *path = plans_path ("team.json");
  g_autoptr(RubricPlan) copy = NULL;
  g_autoptr(RubricPlan) restored = NULL;
  g_autofree char *ids = NULL;

  rubric_test_clean_data_home (data_home);
  rubric_test_write_file (path, text);
  library = load_library ();
  copy = rubric_plan_copy (rubric_plan_library_lookup (library, "team"), NULL);

  g_assert_true (delete_plan (library, copy, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (rubric_plan_library_lookup (library, "team"));

  /* Once gone, there is nothing to delete. */
  g_assert_false (delete_plan (library, copy, &error));
  g_assert_error (error, RUBRIC_PLAN_LIBRARY_ERROR, RUBRIC_PLAN_LIBRARY_ERROR_NOT_FOUND);

  /* Undo is saving it again. */
  restored = save_plan (library, copy, NULL);
  g_assert_nonnull (restored);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  reloaded = load_library ();
  ids = model_ids (reloaded);
  g_assert_cmpstr (ids, ==, "django-senior-60 team");
}

static void
test_free_id (void)
{
  g_autoptr(RubricPlanLibrary) library = NULL;
  g_autofree char *id = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *blank = NULL;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  id = rubric_plan_library_dup_free_id (library, "Team Round — Backend!");
  g_assert_cmpstr (id, ==, "team-round-backend");
  taken = rubric_plan_library_dup_free_id (library, "django-senior-60");
  g_assert_cmpstr (taken, ==, "django-senior-60-2");
  blank = rubric_plan_library_dup_free_id (library, "— ");
  g_assert_cmpstr (blank, ==, "plan");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the user's folders. */
  data_home = g_dir_make_tmp ("rubric-test-plan-library-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-library/bundled-only", test_bundled_only);
  g_test_add_func ("/plan-library/broken-files-skipped", test_broken_files_skipped);
  g_test_add_func ("/plan-library/save", test_save);
  g_test_add_func ("/plan-library/save-bundled-refused", test_save_bundled_refused);
  g_test_add_func ("/plan-library/save-read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/plan-library/import", test_import);
  g_test_add_func ("/plan-library/import-invalid", test_import_invalid);
  g_test_add_func ("/plan-library/import-beside-broken-file", test_import_beside_broken_file);
  g_test_add_func ("/plan-library/export", test_export);
  g_test_add_func ("/plan-library/delete", test_delete);
  g_test_add_func ("/plan-library/free-id", test_free_id);

  status = g_test_run ();

  rubric_test_remove_tree (data_home);
  g_free (data_home);

  return status;
}
