/* rubric-core-test-utils.c — fixtures the core's tests share (no display)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rubric-core-test-utils.h"

/**
 * rubric_test_read_data:
 * @name: a file in tests/data
 *
 * Returns: (transfer full): its contents; the test fails without them
 */
char *
rubric_test_read_data (const char *name,
                       gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static RubricKit *
load_kit_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RubricKit *kit = rubric_kit_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return kit;
}

/**
 * rubric_test_load_kit:
 * @name: a kit in tests/data, such as "minimal.rubric-kit.json"
 */
RubricKit *
rubric_test_load_kit (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return load_kit_at (path);
}

/**
 * rubric_test_load_shipped_kit:
 *
 * The Senior Django Developer kit, from data/kits.
 */
RubricKit *
rubric_test_load_shipped_kit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kits", "django-senior.json", NULL);

  return load_kit_at (path);
}

/* An async call's callback that keeps its result in *@user_data. */
void
rubric_test_store_result_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Runs the main loop until rubric_test_store_result_cb() has a result. */
GAsyncResult *
rubric_test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/**
 * rubric_test_load_progress:
 * @kit_id: whose study progress; one no file is for gives empty progress
 *
 * Returns: (transfer full): the progress, loaded as the application loads
 *   it; the test fails on an error
 */
RubricStudyProgress *
rubric_test_load_progress (const char *kit_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RubricStudyProgress *progress;

  rubric_study_progress_load_async (kit_id, NULL, rubric_test_store_result_cb, &result);
  progress = rubric_study_progress_load_finish (rubric_test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (progress);
  g_assert_cmpstr (rubric_study_progress_get_kit_id (progress), ==, kit_id);

  return progress;
}

/* Removes @path and everything under it; nothing there is no error. */
void
rubric_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      rubric_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* Writes @text to @path, making its folder; the test fails if it cannot. */
void
rubric_test_write_file (const char *path,
                        const char *text)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* The contents of @path; the test fails without them. */
char *
rubric_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Before a test of a library: no user files in @data_home/rubric, and an
 * empty @data_home/outside for files to import. */
void
rubric_test_clean_data_home (const char *data_home)
{
  g_autofree char *folder = g_build_filename (data_home, "rubric", NULL);
  g_autofree char *outside = g_build_filename (data_home, "outside", NULL);

  rubric_test_remove_tree (folder);
  rubric_test_remove_tree (outside);
  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
}

/**
 * rubric_test_load_session:
 * @folder: a folder of tests/
 *
 * The session NAME in FOLDER of tests/, read with @kit; the test fails
 * when it cannot be read.
 */
RubricSession *
rubric_test_load_session (RubricKit  *kit,
                          const char *folder,
                          const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RubricSession *session = rubric_session_new_from_file (file, kit, NULL, &error);

  g_assert_no_error (error);
  return session;
}
