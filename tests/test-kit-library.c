/* test-kit-library.c — the installed kits: loading, importing, removing, no display
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "rubric-core-test-utils.h"
#include "rubric-anki.h"
#include "rubric-kit-header.h"
#include "rubric-kit-library.h"

static char *data_home;

/* ----------------------------------------------------------------- helpers */

static GBytes *
read_test_file (const char *relative_path)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative_path, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static GBytes *
shipped_bytes (void)
{
  return read_test_file ("../data/kits/django-senior.json");
}

static char *
minimal_text (void)
{
  g_autoptr(GBytes) bytes = read_test_file ("data/minimal.rubric-kit.json");

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The minimal kit with another id and title. */
static char *
kit_text (const char *id,
          const char *title)
{
  g_autofree char *text = minimal_text ();
  g_autoptr(GString) string = g_string_new (text);
  g_autofree char *id_member = g_strdup_printf ("\"id\": \"%s\"", id);
  g_autofree char *title_member = g_strdup_printf ("\"title\": \"%s\"", title);

  g_assert_cmpuint (g_string_replace (string, "\"id\": \"example\"", id_member, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (string, "\"title\": \"Example\"", title_member, 1), ==, 1);

  return g_string_free (g_steal_pointer (&string), FALSE);
}

static char *
kits_path (const char *name)
{
  return g_build_filename (data_home, "rubric", "kits", name, NULL);
}

static char *
outside_path (const char *name)
{
  return g_build_filename (data_home, "outside", name, NULL);
}

/* The names in the kits folder, sorted and joined with spaces. */
static char *
kits_folder_listing (void)
{
  g_autofree char *folder = kits_path (NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  const char *name;

  if (dir == NULL)
    return g_strdup ("");
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);

  /* An empty array has no vector yet. */
  if (names->len == 0)
    return g_strdup ("");
  return g_strjoinv (" ", (GStrv) names->pdata);
}

static RubricKitLibrary *
load_library (void)
{
  g_autoptr(GBytes) bundled = shipped_bytes ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RubricKitLibrary *library = rubric_kit_library_new (bundled);

  g_assert_false (rubric_kit_library_get_loaded (library));
  rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (rubric_kit_library_get_loaded (library));

  return library;
}

static RubricKit *
load_kit (RubricKitLibrary  *library,
          RubricKitEntry    *entry,
          GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rubric_kit_library_load_kit_async (library, entry, NULL, rubric_test_store_result_cb, &result);
  return rubric_kit_library_load_kit_finish (library, rubric_test_wait_for (&result), error);
}

static RubricKit *
import_file (RubricKitLibrary  *library,
             const char        *path,
             GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  rubric_kit_library_import_async (library, file, NULL, rubric_test_store_result_cb, &result);
  return rubric_kit_library_import_finish (library, rubric_test_wait_for (&result), error);
}

static RubricKit *
import_text (RubricKitLibrary  *library,
             const char        *name,
             const char        *text,
             GError           **error)
{
  g_autofree char *path = outside_path (name);

  rubric_test_write_file (path, text);
  return import_file (library, path, error);
}

static gboolean
remove_kit (RubricKitLibrary  *library,
            RubricKit         *kit,
            GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rubric_kit_library_remove_async (library, kit, NULL, rubric_test_store_result_cb, &result);
  return rubric_kit_library_remove_finish (library, rubric_test_wait_for (&result), error);
}

/* The ids in the model, joined with spaces. */
static char *
model_ids (RubricKitLibrary *library)
{
  GListModel *kits = rubric_kit_library_get_kits (library);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (kits); i++)
    {
      g_autoptr(RubricKitEntry) entry = g_list_model_get_item (kits, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, rubric_kit_entry_get_id (entry));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static guint
n_warnings (RubricKitLibrary *library)
{
  return g_strv_length ((GStrv) rubric_kit_library_get_warnings (library));
}

/* ------------------------------------------------------------------- tests */

static void
test_bundled_only (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(RubricKitEntry) first = NULL;
  RubricKit *bundled;

  rubric_test_clean_data_home (data_home);
  library = load_library ();

  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior");
  g_assert_cmpuint (n_warnings (library), ==, 0);

  bundled = rubric_kit_library_get_bundled (library);
  g_assert_nonnull (bundled);
  first = g_list_model_get_item (rubric_kit_library_get_kits (library), 0);
  g_assert_true (rubric_kit_entry_get_kit (first) == bundled);
  g_assert_true (rubric_kit_library_lookup (library, "django-senior") == first);
  g_assert_cmpstr (rubric_kit_entry_get_title (first), ==, rubric_kit_get_title (bundled));
  g_assert_cmpstr (rubric_kit_entry_get_sha256 (first), ==, rubric_kit_get_sha256 (bundled));
  g_assert_null (rubric_kit_entry_get_file (first));
  g_assert_null (rubric_kit_library_lookup (library, "example"));
  g_assert_true (rubric_kit_library_is_bundled (library, bundled));
  g_assert_null (rubric_kit_library_get_file (library, bundled));

  /* The bytes are the bundled kit's, exactly. */
  {
    g_autoptr(GBytes) bytes = shipped_bytes ();
    g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

    g_assert_cmpstr (rubric_kit_get_sha256 (bundled), ==, sha256);
  }
}

static void
test_no_bundled_kit (void)
{
  g_autoptr(RubricKitLibrary) library = rubric_kit_library_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rubric_test_clean_data_home (data_home);
  rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rubric_kit_library_get_kits (library)), ==, 0);
  g_assert_null (rubric_kit_library_get_bundled (library));
}

static void
test_broken_bundled_kit (void)
{
  g_autoptr(GBytes) broken = g_bytes_new_static ("{", 1);
  g_autoptr(RubricKitLibrary) library = rubric_kit_library_new (broken);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Rubric's own kit failing is the one fatal problem. */
  rubric_test_clean_data_home (data_home);
  rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_false (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_assert_false (rubric_kit_library_get_loaded (library));
}

static void
test_import (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(RubricKitLibrary) reloaded = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) source = read_test_file ("data/minimal.rubric-kit.json");
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.rubric-kit.json", NULL);
  g_autofree char *copy_path = kits_path ("example.json");
  g_autofree char *copy = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *listing = NULL;
  guint changed = 0;
  GFile *file;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  g_signal_connect (rubric_kit_library_get_kits (library), "items-changed",
                    G_CALLBACK (count_items_changed_cb), &changed);

  kit = import_file (library, source_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kit);
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "example");
  g_assert_cmpuint (changed, ==, 1);

  /* Copied byte for byte, to <kit-id>.json. */
  copy = rubric_test_read_file (copy_path);
  g_assert_cmpmem (copy, strlen (copy), g_bytes_get_data (source, NULL), g_bytes_get_size (source));
  listing = kits_folder_listing ();
  g_assert_cmpstr (listing, ==, "example.json");

  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior example");
  g_assert_true (rubric_kit_entry_get_kit (rubric_kit_library_lookup (library, "example")) == kit);
  g_assert_false (rubric_kit_library_is_bundled (library, kit));
  file = rubric_kit_library_get_file (library, kit);
  g_assert_nonnull (file);
  g_assert_cmpstr (g_file_peek_path (file), ==, copy_path);

  /* The next start finds it. */
  reloaded = load_library ();
  g_clear_pointer (&ids, g_free);
  ids = model_ids (reloaded);
  g_assert_cmpstr (ids, ==, "django-senior example");
  g_assert_cmpuint (n_warnings (reloaded), ==, 0);
  g_assert_cmpstr (rubric_kit_entry_get_sha256 (rubric_kit_library_lookup (reloaded, "example")), ==,
                   rubric_kit_get_sha256 (kit));
}

static void
test_sorted_by_title (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(RubricKitLibrary) reloaded = NULL;
  static const struct { const char *id; const char *title; } kits[] = {
    { "zeta", "Apache basics" },
    { "alpha", "PostgreSQL basics" },
    { "mid", "HTTP basics" },
    { "also-http", "HTTP basics" },
  };
  g_autofree char *ids = NULL;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  for (guint i = 0; i < G_N_ELEMENTS (kits); i++)
    {
      g_autofree char *name = g_strconcat (kits[i].id, ".json", NULL);
      g_autofree char *text = kit_text (kits[i].id, kits[i].title);
      g_autoptr(GError) error = NULL;
      g_autoptr(RubricKit) kit = import_text (library, name, text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (rubric_kit_get_id (kit), ==, kits[i].id);
    }

  /* Bundled first, then by title, then by id. */
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior zeta also-http mid alpha");

  reloaded = load_library ();
  g_clear_pointer (&ids, g_free);
  ids = model_ids (reloaded);
  g_assert_cmpstr (ids, ==, "django-senior zeta also-http mid alpha");
}

static void
assert_nothing_copied (RubricKitLibrary *library)
{
  g_autofree char *listing = kits_folder_listing ();
  g_autofree char *ids = model_ids (library);

  g_assert_cmpstr (listing, ==, "");
  g_assert_cmpstr (ids, ==, "django-senior");
}

static gboolean
starts_with_line_column (const char *message)
{
  return g_regex_match_simple ("^[0-9]+:[0-9]+: ", message, 0, 0);
}

static void
test_import_invalid (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) loader_error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autofree char *minimal = minimal_text ();
  g_autoptr(GString) invalid = g_string_new (minimal);
  g_autofree char *missing = outside_path ("missing.json");
  static const char syntax[] = "{\n  \"format\": \"rubric-kit\",\n  \"version\": 1,,\n}\n";

  rubric_test_clean_data_home (data_home);
  library = load_library ();

  /* A syntax error: the loader's own error, placed at LINE:COLUMN. */
  kit = import_text (library, "syntax.json", syntax, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "3:16: Expected a key in double quotes, found “,”"));
  g_assert_true (starts_with_line_column (error->message));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (syntax, strlen (syntax));
    g_autoptr(RubricKit) none = rubric_kit_new_from_bytes (bytes, &loader_error);

    g_assert_null (none);
    g_assert_cmpstr (error->message, ==, loader_error->message);
  }
  assert_nothing_copied (library);
  g_clear_error (&error);
  g_clear_error (&loader_error);

  /* Valid JSON, invalid kit: the JSON path of the problem. */
  g_assert_cmpuint (g_string_replace (invalid, "\"kind\": \"follow-up\"", "\"kind\": \"aside\"", 1), ==, 1);
  kit = import_text (library, "content.json", invalid->str, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "$.topics[0].questions[1].kind: "));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (invalid->str, invalid->len);
    g_autoptr(RubricKit) none = rubric_kit_new_from_bytes (bytes, &loader_error);

    g_assert_null (none);
    g_assert_cmpstr (error->message, ==, loader_error->message);
  }
  assert_nothing_copied (library);
  g_clear_error (&error);

  /* A newer format. */
  kit = import_text (library, "newer.json",
                     "{\"format\": \"rubric-kit\", \"version\": 7}", &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_NEWER_VERSION);
  g_assert_true (g_str_has_prefix (error->message, "$.version: "));
  assert_nothing_copied (library);
  g_clear_error (&error);

  /* No file at all. */
  kit = import_file (library, missing, &error);
  g_assert_null (kit);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_nothing_copied (library);
}

/* An Anki deck is made a kit and installed as one, the same deck twice is
 * the same kit; a broken deck installs nothing and says its line. */
static void
test_import_anki (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricKit) again = NULL;
  g_autoptr(RubricKit) broken = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *installed = NULL;
  static const char deck[] = "#separator:tab\n#html:true\n#tags column:3\nQ1\tA1\tt\nQ2\tA2\tt\n";

  rubric_test_clean_data_home (data_home);
  library = load_library ();

  broken = import_text (library, "broken.tsv", "Q1\tA1\nQ2\n", &error);
  g_assert_null (broken);
  g_assert_error (error, RUBRIC_ANKI_ERROR, RUBRIC_ANKI_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "line 2: expected 2 to 5 tab-separated fields, found 1");
  assert_nothing_copied (library);
  g_clear_error (&error);

  kit = import_text (library, "Cards.txt", deck, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "anki-cards");
  g_assert_cmpuint (rubric_kit_get_n_questions (kit), ==, 2);
  listing = kits_folder_listing ();
  g_assert_cmpstr (listing, ==, "anki-cards.json");
  /* What is installed is a kit file, which loads as the same kit. */
  installed = kits_path ("anki-cards.json");
  {
    g_autoptr(GFile) file = g_file_new_for_path (installed);
    g_autoptr(RubricKit) loaded = rubric_kit_new_from_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rubric_kit_get_sha256 (loaded), ==, rubric_kit_get_sha256 (kit));
  }

  again = import_text (library, "Cards.txt", deck, &error);
  g_assert_no_error (error);
  g_assert_true (again == kit);
}

static void
test_import_duplicate (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricKit) same = NULL;
  g_autoptr(RubricKit) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *minimal = minimal_text ();
  g_autofree char *renamed = kit_text ("example", "Another example");
  g_autofree char *listing = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *copy_path = kits_path ("example.json");

  rubric_test_clean_data_home (data_home);
  library = load_library ();

  kit = import_text (library, "first.json", minimal, &error);
  g_assert_no_error (error);

  /* The same bytes again, from elsewhere: the kit already there. */
  same = import_text (library, "again.json", minimal, &error);
  g_assert_no_error (error);
  g_assert_true (same == kit);

  /* Another kit with that id: refused, nothing written. */
  other = import_text (library, "other.json", renamed, &error);
  g_assert_null (other);
  g_assert_error (error, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "“example”"));

  listing = kits_folder_listing ();
  g_assert_cmpstr (listing, ==, "example.json");
  copy = rubric_test_read_file (copy_path);
  g_assert_cmpstr (copy, ==, minimal);
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior example");
}

static void
test_import_bundled_id (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricKit) same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *impostor = kit_text ("django-senior", "My Django kit");
  g_autofree char *shipped_path = g_test_build_filename (G_TEST_DIST, "..", "data", "kits", "django-senior.json", NULL);

  rubric_test_clean_data_home (data_home);
  library = load_library ();

  kit = import_text (library, "impostor.json", impostor, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_BUNDLED_ID);
  assert_nothing_copied (library);
  g_clear_error (&error);

  /* The bundled file itself: the bundled kit, nothing written. */
  same = import_file (library, shipped_path, &error);
  g_assert_no_error (error);
  g_assert_true (same == rubric_kit_library_get_bundled (library));
  assert_nothing_copied (library);
}

static void
assert_ids (RubricKitLibrary *library,
            const char       *expected)
{
  g_autofree char *ids = model_ids (library);

  g_assert_cmpstr (ids, ==, expected);
}

static void
assert_listing (const char *expected)
{
  g_autofree char *listing = kits_folder_listing ();

  g_assert_cmpstr (listing, ==, expected);
}

/* A fresh library with two kits of the user's, "first" and "second". */
static RubricKitLibrary *
library_with_two_kits (RubricKit **first,
                       RubricKit **second)
{
  g_autofree char *first_text = kit_text ("first", "First");
  g_autofree char *second_text = kit_text ("second", "Second");
  g_autoptr(GError) error = NULL;
  RubricKitLibrary *library;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  *first = import_text (library, "a.json", first_text, &error);
  g_assert_no_error (error);
  *second = import_text (library, "b.json", second_text, &error);
  g_assert_no_error (error);
  return library;
}

static void
test_remove (void)
{
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricKit) kept = NULL;
  g_autoptr(RubricKitLibrary) library = library_with_two_kits (&kit, &kept);
  g_autoptr(RubricKitLibrary) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (remove_kit (library, kit, &error));
  g_assert_no_error (error);
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior second");
  listing = kits_folder_listing ();
  g_assert_cmpstr (listing, ==, "second.json");
  g_assert_null (rubric_kit_library_lookup (library, "first"));
  g_assert_null (rubric_kit_library_get_file (library, kit));

  /* Not in the library any more. */
  g_assert_false (remove_kit (library, kit, &error));
  g_assert_error (error, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_NOT_FOUND);

  reloaded = load_library ();
  g_clear_pointer (&ids, g_free);
  ids = model_ids (reloaded);
  g_assert_cmpstr (ids, ==, "django-senior second");
}

/* Set aside, a kit leaves the model but not the disk: put back, it is the
 * same kit in the same place; removed, its file goes; and whatever is set
 * aside when Rubric quits goes then. A crash meanwhile loses nothing. */
static void
test_set_aside (void)
{
  g_autoptr(RubricKit) first = NULL;
  g_autoptr(RubricKit) second = NULL;
  g_autoptr(RubricKitLibrary) library = library_with_two_kits (&first, &second);
  g_autofree char *before = model_ids (library);
  g_autofree char *path = g_file_get_path (rubric_kit_library_get_file (library, first));
  g_autofree char *bytes = rubric_test_read_file (path);
  guint changes = 0;

  g_signal_connect (rubric_kit_library_get_kits (library), "items-changed", G_CALLBACK (count_items_changed_cb), &changes);

  g_assert_false (rubric_kit_library_set_aside (library, rubric_kit_library_get_bundled (library)));
  g_assert_true (rubric_kit_library_set_aside (library, first));
  g_assert_false (rubric_kit_library_set_aside (library, first));
  g_assert_true (rubric_kit_library_is_set_aside (library, first));
  assert_ids (library, "django-senior second");
  g_assert_null (rubric_kit_library_lookup (library, "first"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Killed now, Rubric finds the kit at the next start. */
  {
    g_autoptr(RubricKitLibrary) reloaded = load_library ();

    assert_ids (reloaded, before);
  }

  /* Put back: the very kit, in its place, from the very bytes. */
  g_assert_true (rubric_kit_library_put_back (library, first));
  g_assert_false (rubric_kit_library_put_back (library, first));
  g_assert_false (rubric_kit_library_is_set_aside (library, first));
  assert_ids (library, before);
  g_assert_true (rubric_kit_entry_get_kit (rubric_kit_library_lookup (library, "first")) == first);
  {
    g_autofree char *bytes_after = rubric_test_read_file (path);

    g_assert_cmpstr (bytes_after, ==, bytes);
  }
  g_assert_cmpuint (changes, ==, 2);

  /* Set aside, then removed for good. */
  g_assert_true (rubric_kit_library_set_aside (library, first));
  g_assert_true (remove_kit (library, first, NULL));
  g_assert_false (rubric_kit_library_is_set_aside (library, first));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_listing ("second.json");

  /* Set aside when Rubric quits: gone then. */
  g_assert_true (rubric_kit_library_set_aside (library, second));
  rubric_kit_library_remove_set_aside (library);
  g_assert_false (rubric_kit_library_is_set_aside (library, second));
  assert_listing ("");
  assert_ids (library, "django-senior");
}

static void
test_remove_bundled (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  rubric_test_clean_data_home (data_home);
  library = load_library ();

  g_assert_false (remove_kit (library, rubric_kit_library_get_bundled (library), &error));
  g_assert_error (error, RUBRIC_KIT_LIBRARY_ERROR, RUBRIC_KIT_LIBRARY_ERROR_BUNDLED);
  g_assert_nonnull (strstr (error->message, "Senior Django Developer"));
  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior");
}

static void
test_broken_files_skipped (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autofree char *good = kit_text ("good", "Good");
  g_autofree char *twin = kit_text ("good", "Good twin");
  g_autofree char *impostor = kit_text ("django-senior", "Impostor");
  g_autofree char *ids = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;
  struct { const char *name; const char *text; } files[] = {
    { "broken.json", "{\n  \"format\": \"rubric-kit\",\n" },
    { "empty-topics.json", NULL },
    { "good.json", good },
    { "good-twin.json", twin },
    { "impostor.json", impostor },
    { "notes.txt", "not a kit, not read" },
    { ".hidden.json", "{" },
  };
  g_autofree char *minimal = minimal_text ();
  g_autoptr(GString) empty_topics = g_string_new (minimal);
  char *topics = strstr (empty_topics->str, "\"topics\"");

  g_string_truncate (empty_topics, topics - empty_topics->str);
  g_string_append (empty_topics, "\"topics\": []}\n");
  files[1].text = empty_topics->str;

  rubric_test_clean_data_home (data_home);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = kits_path (files[i].name);

      rubric_test_write_file (path, files[i].text);
    }

  library = load_library ();
  ids = model_ids (library);
  /* Only headers are read at start: a kit whose topics are wrong is
   * listed, and says what is wrong when it is used (below). */
  g_assert_cmpstr (ids, ==, "django-senior example good");
  /* Of two kits with one id, the file whose name sorts first wins. */
  g_assert_cmpstr (rubric_kit_entry_get_title (rubric_kit_library_lookup (library, "good")), ==, "Good twin");

  /* One "FILE: message" a skipped file, in file name order; a syntax error
   * reads "FILE:LINE:COLUMN: message", as `rubric --check` prints it. */
  warnings = rubric_kit_library_get_warnings (library);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_test_message ("warning: %s", warnings[i]);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 3);
  g_assert_true (g_str_has_prefix (warnings[0], "broken.json:3:1: The file ends before its JSON is complete"));
  g_assert_true (g_str_has_prefix (warnings[1], "good.json: "));
  g_assert_nonnull (strstr (warnings[1], "“good”"));
  g_assert_nonnull (strstr (warnings[1], "good-twin.json"));
  g_assert_true (g_str_has_prefix (warnings[2], "impostor.json: "));
  g_assert_nonnull (strstr (warnings[2], "“django-senior”"));

  /* Used: the same words as a warning would have had, and nothing kept. */
  {
    RubricKitEntry *entry = rubric_kit_library_lookup (library, "example");
    g_autoptr(RubricKit) kit = load_kit (library, entry, &error);

    g_assert_null (kit);
    g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "empty-topics.json: $.topics: "));
    g_assert_null (rubric_kit_entry_get_kit (entry));
  }

  /* The broken files are left where they are. */
  {
    g_autofree char *listing = kits_folder_listing ();

    g_assert_cmpstr (listing, ==, ".hidden.json broken.json empty-topics.json good-twin.json good.json impostor.json notes.txt");
  }
}

static void
test_import_name_taken (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken_path = kits_path ("example.json");
  g_autofree char *new_path = kits_path ("example-2.json");
  g_autofree char *broken = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *minimal = minimal_text ();

  /* A file that did not load sits where the import would go: it is not
   * overwritten. */
  rubric_test_clean_data_home (data_home);
  rubric_test_write_file (broken_path, "{ half a kit");
  library = load_library ();
  g_assert_cmpuint (n_warnings (library), ==, 1);

  kit = import_text (library, "example.json", minimal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_peek_path (rubric_kit_library_get_file (library, kit)), ==, new_path);
  broken = rubric_test_read_file (broken_path);
  g_assert_cmpstr (broken, ==, "{ half a kit");
  listing = kits_folder_listing ();
  g_assert_cmpstr (listing, ==, "example-2.json example.json");
}

static void
test_reload_replaces (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kits_path ("late.json");
  g_autofree char *text = kit_text ("late", "Late");
  g_autofree char *ids = NULL;
  RubricKit *bundled;

  rubric_test_clean_data_home (data_home);
  library = load_library ();
  bundled = rubric_kit_library_get_bundled (library);

  /* A kit copied into the folder by hand appears on the next load; the
   * bundled kit stays the same object. */
  rubric_test_write_file (path, text);
  rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);

  ids = model_ids (library);
  g_assert_cmpstr (ids, ==, "django-senior late");
  g_assert_true (rubric_kit_library_get_bundled (library) == bundled);
}

/* At start only each kit's header is read: a kit whose header is right and
 * whose topics are not even JSON is listed, with its title; it is read
 * when it is used, which says what is wrong and where, and a good kit is
 * read once and kept. */
static void
test_header_only (void)
{
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(RubricKit) kit = NULL;
  g_autoptr(RubricKit) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = kit_text ("good", "Good");
  g_autofree char *good_path = kits_path ("good.json");
  g_autofree char *minimal = minimal_text ();
  g_autoptr(GString) broken = g_string_new (minimal);
  char *topics = strstr (broken->str, "\"topics\"");
  RubricKitEntry *entry;

  /* The topics cut short: not JSON at all after "topics". */
  g_string_truncate (broken, topics - broken->str);
  g_string_append (broken, "\"topics\": [ {\"id\": \n");

  rubric_test_clean_data_home (data_home);
  {
    g_autofree char *path = kits_path ("cut.json");

    rubric_test_write_file (path, broken->str);
  }
  rubric_test_write_file (good_path, good);
  library = load_library ();
  assert_ids (library, "django-senior example good");
  g_assert_cmpuint (n_warnings (library), ==, 0);

  entry = rubric_kit_library_lookup (library, "example");
  g_assert_cmpstr (rubric_kit_entry_get_title (entry), ==, "Example");
  g_assert_cmpuint (rubric_kit_entry_get_size (entry), ==, broken->len);
  g_assert_null (rubric_kit_entry_get_kit (entry));
  kit = load_kit (library, entry, &error);
  g_assert_null (kit);
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "cut.json:"));
  g_assert_null (rubric_kit_entry_get_kit (entry));
  g_clear_error (&error);

  /* The good one: not read until used; then read once and kept. */
  entry = rubric_kit_library_lookup (library, "good");
  g_assert_null (rubric_kit_entry_get_kit (entry));
  kit = load_kit (library, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rubric_kit_get_id (kit), ==, "good");
  g_assert_cmpuint (rubric_kit_get_n_questions (kit), >, 0);
  g_assert_true (rubric_kit_entry_get_kit (entry) == kit);
  g_assert_cmpstr (rubric_kit_entry_get_sha256 (entry), ==, rubric_kit_get_sha256 (kit));
  again = load_kit (library, entry, &error);
  g_assert_true (again == kit);

  /* A loaded kit stays loaded across a new scan of the folder. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
    g_assert_true (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
    g_assert_true (rubric_kit_entry_get_kit (rubric_kit_library_lookup (library, "good")) == kit);
  }
}

static char *
cache_path (void)
{
  return g_build_filename (data_home, "rubric", "kit-hashes.json", NULL);
}

/* Writes a cache that gives @path the checksum @sha256 for its size and
 * time now, plus @size_delta and @mtime_delta. */
static void
write_cache (const char *path,
             const char *sha256,
             gint64      size_delta,
             gint64      mtime_delta)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, "standard::size,time::modified,time::modified-usec",
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
  g_autofree char *cache = cache_path ();
  g_autofree char *text =
    g_strdup_printf ("{\"format\": \"rubric-kit-hashes\", \"files\": {\"%s\": "
                     "{\"size\": %" G_GINT64_FORMAT ", \"mtime\": %" G_GINT64_FORMAT ", \"sha256\": \"%s\"}}}",
                     path, g_file_info_get_size (info) + size_delta,
                     g_date_time_to_unix_usec (modified) + mtime_delta, sha256);

  rubric_test_write_file (cache, text);
}

static const char *
listed_sha256 (const char *id)
{
  g_autoptr(RubricKitLibrary) library = load_library ();
  static char sha256[65];

  g_strlcpy (sha256, rubric_kit_entry_get_sha256 (rubric_kit_library_lookup (library, id)), sizeof sha256);
  return sha256;
}

/* A kit's checksum comes from the cache only while its file has the size
 * and time the cache says; otherwise (and with no cache, or a broken one)
 * the file is hashed, and the cache written again. */
static void
test_hash_cache (void)
{
  g_autofree char *path = kits_path ("example.json");
  g_autofree char *cache = cache_path ();
  g_autofree char *minimal = minimal_text ();
  g_autofree char *real = g_compute_checksum_for_string (G_CHECKSUM_SHA256, minimal, -1);
  g_autofree char *cached = NULL;
  const char *fake = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  rubric_test_clean_data_home (data_home);
  rubric_test_write_file (path, minimal);

  /* No cache: hashed, and remembered. */
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);
  cached = rubric_test_read_file (cache);
  g_assert_nonnull (strstr (cached, real));
  g_assert_nonnull (strstr (cached, path));

  /* A hit: the file is not read for it (the cache's word is taken). */
  write_cache (path, fake, 0, 0);
  g_assert_cmpstr (listed_sha256 ("example"), ==, fake);

  /* Another time, or another size: never trusted. */
  write_cache (path, fake, 0, 1);
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);
  write_cache (path, fake, 0, -1000000);
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);
  write_cache (path, fake, 1, 0);
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);
  /* And the cache says the truth again. */
  g_clear_pointer (&cached, g_free);
  cached = rubric_test_read_file (cache);
  g_assert_nonnull (strstr (cached, real));
  g_assert_null (strstr (cached, fake));

  /* A broken cache is no cache. */
  rubric_test_write_file (cache, "{\"format\": \"rubric-kit-hashes\", \"files\": {\"x\": 3, \"y\": {\"size\": \"a\"}");
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);
  rubric_test_write_file (cache, "{\"format\": \"rubric-kit-hashes\", \"files\": [1]}");
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);
  rubric_test_write_file (cache, "\x01\x02");
  g_assert_cmpstr (listed_sha256 ("example"), ==, real);

  /* A cache that cannot be written (its folder read-only) costs a hash
   * at the next start, and nothing else: the kit is listed, truly. (Root
   * writes into read-only folders: then there is nothing to see.) */
  if (geteuid () != 0)
    {
      g_autofree char *folder = g_path_get_dirname (cache);

      g_assert_cmpint (g_remove (cache), ==, 0);
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
      g_assert_cmpstr (listed_sha256 ("example"), ==, real);
      g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
    }

  /* A kit imported is in the cache at once. */
  {
    g_autoptr(RubricKitLibrary) library = NULL;
    g_autoptr(RubricKit) kit = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *other = kit_text ("other", "Other");
    g_autofree char *other_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, other, -1);

    library = load_library ();
    kit = import_text (library, "other.json", other, &error);
    g_assert_no_error (error);
    g_clear_pointer (&cached, g_free);
    cached = rubric_test_read_file (cache);
    g_assert_nonnull (strstr (cached, other_sha));
    g_assert_nonnull (strstr (cached, real));
  }
}

/* A library given the bundled kit shares it: no second parse. */
static void
test_shared_bundled (void)
{
  g_autoptr(GBytes) bytes = shipped_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricKit) bundled = rubric_kit_new_from_bytes (bytes, &error);
  g_autoptr(RubricKitLibrary) library = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RubricKitEntry) first = NULL;
  g_autoptr(RubricKit) loaded = NULL;

  g_assert_no_error (error);
  rubric_test_clean_data_home (data_home);
  library = rubric_kit_library_new_for_kit (bundled);
  g_assert_true (rubric_kit_library_get_bundled (library) == bundled);
  rubric_kit_library_load_async (library, NULL, rubric_test_store_result_cb, &result);
  g_assert_true (rubric_kit_library_load_finish (library, rubric_test_wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_true (rubric_kit_library_get_bundled (library) == bundled);
  first = g_list_model_get_item (rubric_kit_library_get_kits (library), 0);
  g_assert_true (rubric_kit_entry_get_kit (first) == bundled);
  loaded = load_kit (library, first, &error);
  g_assert_true (loaded == bundled);
  g_assert_true (rubric_kit_library_is_bundled (library, bundled));
}

/* A header that is not JSON is refused at its place in the file (line
 * and column of the file, not of the members gathered from it), and one
 * whose members are right is read without its topics. */
static void
test_header_errors (void)
{
  static const char bad[] =
    "{\n"
    "  \"format\": \"rubric-kit\",\n"
    "  \"version\": 1x,\n"
    "  \"id\": \"bad\",\n"
    "  \"title\": \"Bad\",\n"
    "  \"topics\": []\n"
    "}\n";
  static const char cut[] =
    "{\"format\": \"rubric-kit\", \"version\": 1, \"id\": \"cut\", \"title\": \"Cut\", \"topics\": [{";
  g_auto(RubricKitHeader) header = { NULL, NULL, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (rubric_kit_header_read (bad, strlen (bad), RUBRIC_KIT_ERROR, &header, &error));
  g_assert_error (error, RUBRIC_KIT_ERROR, RUBRIC_KIT_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "3:"));
  g_clear_error (&error);

  g_assert_true (rubric_kit_header_read (cut, strlen (cut), RUBRIC_KIT_ERROR, &header, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (header.id, ==, "cut");
  g_assert_cmpstr (header.title, ==, "Cut");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the user's folders. */
  data_home = g_dir_make_tmp ("rubric-test-kit-library-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_STATE_HOME", data_home, TRUE);
  /* The cache of kit checksums: $XDG_CACHE_HOME/rubric, cleaned with the
   * kits. */
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kit-library/bundled-only", test_bundled_only);
  g_test_add_func ("/kit-library/no-bundled-kit", test_no_bundled_kit);
  g_test_add_func ("/kit-library/broken-bundled-kit", test_broken_bundled_kit);
  g_test_add_func ("/kit-library/import", test_import);
  g_test_add_func ("/kit-library/sorted-by-title", test_sorted_by_title);
  g_test_add_func ("/kit-library/import-invalid", test_import_invalid);
  g_test_add_func ("/kit-library/import-duplicate", test_import_duplicate);
  g_test_add_func ("/kit-library/import-anki", test_import_anki);
  g_test_add_func ("/kit-library/import-bundled-id", test_import_bundled_id);
  g_test_add_func ("/kit-library/import-name-taken", test_import_name_taken);
  g_test_add_func ("/kit-library/remove", test_remove);
  g_test_add_func ("/kit-library/set-aside", test_set_aside);
  g_test_add_func ("/kit-library/remove-bundled", test_remove_bundled);
  g_test_add_func ("/kit-library/broken-files-skipped", test_broken_files_skipped);
  g_test_add_func ("/kit-library/reload", test_reload_replaces);
  g_test_add_func ("/kit-library/header-only", test_header_only);
  g_test_add_func ("/kit-library/header-errors", test_header_errors);
  g_test_add_func ("/kit-library/hash-cache", test_hash_cache);
  g_test_add_func ("/kit-library/shared-bundled", test_shared_bundled);

  status = g_test_run ();

  rubric_test_remove_tree (data_home);
  g_free (data_home);

  return status;
}
