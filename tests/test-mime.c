/* test-mime.c — session files have their own MIME type, and Rubric opens it
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built MIME package and desktop file go into a private data folder,
 * update-mime-database compiles the package there, and GIO, looking there
 * first, must then answer as a file manager asks: what type a file named
 * x.rubric.json is, and which application opens it.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <gio/gdesktopappinfo.h>
#include <glib/gstdio.h>

#define SESSION_TYPE "application/x-rubric-session+json"

static char *tmp_dir;
static char *desktop_id;
static gboolean have_desktop_database;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
copy_into (const char *from,
           const char *folder)
{
  g_autofree char *contents = NULL;
  g_autofree char *base = g_path_get_basename (from);
  g_autofree char *to = g_build_filename (folder, base, NULL);
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
run_tool (const char *tool,
          const char *folder)
{
  const char *argv[] = { tool, folder, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
}

static const char *
need_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set; run this test through meson", name);
  return value;
}

/* Everything GIO reads must be set up before its first look at MIME data:
 * it reads the folders once per process. */
static void
set_up_data_dirs (void)
{
  const char *mime_xml = need_env ("RUBRIC_MIME_XML");
  const char *desktop_file = need_env ("RUBRIC_DESKTOP_FILE");
  const char *update_mime_database = need_env ("RUBRIC_UPDATE_MIME_DATABASE");
  const char *update_desktop_database = g_getenv ("RUBRIC_UPDATE_DESKTOP_DATABASE");
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *share = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *bin_dir = g_path_get_dirname (need_env ("RUBRIC_BIN"));
  g_autofree char *data_dirs = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  tmp_dir = g_dir_make_tmp ("rubric-mime-XXXXXX", &error);
  g_assert_no_error (error);
  share = g_build_filename (tmp_dir, "share", NULL);
  mime = g_build_filename (share, "mime", NULL);
  packages = g_build_filename (mime, "packages", NULL);
  applications = g_build_filename (share, "applications", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);

  copy_into (mime_xml, packages);
  copy_into (desktop_file, applications);
  desktop_id = g_path_get_basename (desktop_file);

  /* Ours first; the system's after it, for application/json and the rest. */
  if (system_dirs == NULL || *system_dirs == '\0')
    system_dirs = "/usr/local/share/:/usr/share/";
  data_dirs = g_strconcat (share, G_SEARCHPATH_SEPARATOR_S, system_dirs, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);

  /* Nothing of the user's: no ~/.local/share/mime, no mimeapps.list. */
  {
    g_autofree char *home_data = g_build_filename (tmp_dir, "home-data", NULL);
    g_autofree char *config = g_build_filename (tmp_dir, "config", NULL);

    g_setenv ("XDG_DATA_HOME", home_data, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_CONFIG_DIRS", config, TRUE);
    g_setenv ("XDG_CURRENT_DESKTOP", "GNOME", TRUE);
  }

  /* What installing does (meson's gnome.post_install, Flatpak's exports).
   * update-mime-database complains on stderr about anything it does not
   * understand in a package (and about a folder outside the search path);
   * a clean package compiles silently. GIO finds the applications for a
   * type only in the mimeinfo.cache that update-desktop-database writes. */
  run_tool (update_mime_database, mime);
  if (update_desktop_database != NULL && *update_desktop_database != '\0')
    {
      run_tool (update_desktop_database, applications);
      have_desktop_database = TRUE;
    }

  /* GIO ignores a desktop file whose Exec it cannot find: put the built
   * rubric on the PATH. */
  path = g_strconcat (bin_dir, G_SEARCHPATH_SEPARATOR_S, g_getenv ("PATH"), NULL);
  g_setenv ("PATH", path, TRUE);
}

static void
test_guess_by_name (void)
{
  struct {
    const char *name;
    const char *type;
  } cases[] = {
    { "x.rubric.json", SESSION_TYPE },
    { "Ada Lovelace 2026-11-27.rubric.json", SESSION_TYPE },
    { "SHOUTING.RUBRIC.JSON", SESSION_TYPE },
    /* Plain JSON and kits are not sessions. */
    { "x.json", "application/json" },
    { "django-senior.rubric-kit.json", "application/json" },
    { "rubric.json", "application/json" },
  };

  /* The longest glob wins, so *.rubric.json beats *.json (GIO still
   * calls a guess from the name alone uncertain, even for x.json). */
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *type = g_content_type_guess (cases[i].name, NULL, 0, NULL);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (type, ==, cases[i].type);
    }
}

/* What Files and the file chooser ask: the type of a file on disk. */
static void
test_file_on_disk (void)
{
  g_autofree char *session = g_test_build_filename (G_TEST_DIST, "data", "minimal.rubric.json", NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "x.rubric.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (session, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (copy);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_info_get_content_type (info), ==, SESSION_TYPE);

  /* The same from a name and the first bytes, as a portal or a browser
   * download would ask. */
  {
    g_autofree char *type = g_content_type_guess ("Ada Lovelace.rubric.json",
                                                  (const guchar *) contents, length, NULL);

    g_assert_cmpstr (type, ==, SESSION_TYPE);
  }
}

static void
test_type_details (void)
{
  g_autofree char *description = g_content_type_get_description (SESSION_TYPE);
  g_autofree char *generic_icon = g_content_type_get_generic_icon_name (SESSION_TYPE);

  g_assert_false (g_content_type_is_unknown (SESSION_TYPE));
  /* A session is JSON, so JSON viewers and editors are offered too. */
  g_assert_true (g_content_type_is_a (SESSION_TYPE, "application/json"));
  g_assert_true (g_content_type_is_mime_type (SESSION_TYPE, "application/json"));
  g_assert_cmpstr (description, ==, "Rubric interview");
  g_assert_cmpstr (generic_icon, ==, "x-office-document");
}

static void
test_desktop_file (void)
{
  g_autoptr(GDesktopAppInfo) info = g_desktop_app_info_new (desktop_id);
  const char * const *types;
  g_autofree char *exec = NULL;

  g_assert_nonnull (info);
  types = g_app_info_get_supported_types (G_APP_INFO (info));
  g_assert_nonnull (types);
  g_assert_true (g_strv_contains (types, SESSION_TYPE));

  /* %F: several files open at once, each in its own window. */
  g_assert_true (g_app_info_supports_files (G_APP_INFO (info)));
  exec = g_desktop_app_info_get_string (info, G_KEY_FILE_DESKTOP_KEY_EXEC);
  g_assert_true (g_str_has_suffix (exec, " %F"));
}

/* Double-clicking a session in Files opens Rubric. */
static void
test_default_handler (void)
{
  g_autofree char *guessed = NULL;
  g_autoptr(GAppInfo) handler = NULL;

  if (!have_desktop_database)
    {
      g_test_skip ("update-desktop-database was not found");
      return;
    }

  guessed = g_content_type_guess ("x.rubric.json", NULL, 0, NULL);
  handler = g_app_info_get_default_for_type (guessed, FALSE);
  g_assert_nonnull (handler);
  g_assert_cmpstr (g_app_info_get_id (handler), ==, desktop_id);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  set_up_data_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mime/guess-by-name", test_guess_by_name);
  g_test_add_func ("/mime/file-on-disk", test_file_on_disk);
  g_test_add_func ("/mime/type-details", test_type_details);
  g_test_add_func ("/mime/desktop-file", test_desktop_file);
  g_test_add_func ("/mime/default-handler", test_default_handler);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (desktop_id);
  return status;
}
