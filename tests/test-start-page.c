/* test-start-page.c — the start page on its own: recent and recovered
 * interviews, the kit chooser
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rubric-core-test-utils.h"
#include "rubric-drafts.h"
#include "rubric-session.h"
#include "rubric-start-page.h"
#include "rubric-test-utils.h"

#define page_child(page, name) rubric_test_template_child ((page), RUBRIC_TYPE_START_PAGE, (name))

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Row @index of @list shows @title and @subtitle (NULL: any) and runs
 * @action on @target. */
static void
assert_row (GtkListBox *list,
            int         index,
            const char *title,
            const char *subtitle,
            const char *action,
            const char *target)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GVariant *value;

  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  /* Names come from files and people: never markup. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  if (subtitle != NULL)
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, action);
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_assert_nonnull (value);
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, target);
}

static void
collect_actions (GtkWidget  *widget,
                 GHashTable *actions)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_hash_table_add (actions, g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_actions (child, actions);
}

/* A first start: the three ways in and the kit's buttons, no lists. */
static void
test_empty (void)
{
  static const char * const actions[] = {
    "app.new-interview", "app.open", "win.browse", "app.debrief", "app.import-kit", "app.remove-kit",
    "app.import-anki", "win.export-anki",
  };
  RubricStartPage *page = g_object_ref_sink (g_object_new (RUBRIC_TYPE_START_PAGE, NULL));
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_actions (GTK_WIDGET (page), found);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_hash_table_contains (found, actions[i]));

  g_assert_false (gtk_widget_get_visible (page_child (page, "recent_group")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "drafts_group")));
  g_assert_cmpuint (n_rows (page_child (page, "recent_list")), ==, 0);
  g_assert_cmpuint (n_rows (page_child (page, "drafts_list")), ==, 0);

  g_assert_finalize_object (page);
}

/* The recent interviews follow the setting, also while the page shows. */
static void
test_recent (void)
{
  static const char * const uris[] = {
    "file:///srv/interviews/Ada%20Lovelace.rubric.json",
    "file:///home/sam/grace.rubric.json",
    NULL,
  };
  static const char * const none[] = { NULL };
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  RubricStartPage *page;
  GtkListBox *list;

  g_settings_set_strv (settings, "recent-sessions", uris);
  page = g_object_ref_sink (g_object_new (RUBRIC_TYPE_START_PAGE, NULL));
  list = page_child (page, "recent_list");

  g_assert_true (gtk_widget_get_visible (page_child (page, "recent_group")));
  g_assert_cmpuint (n_rows (list), ==, 2);
  assert_row (list, 0, "Ada Lovelace.rubric.json", "/srv/interviews", "app.open-uri", uris[0]);
  assert_row (list, 1, "grace.rubric.json", "/home/sam", "app.open-uri", uris[1]);

  g_settings_set_strv (settings, "recent-sessions", (const char * const *) &uris[1]);
  RUBRIC_WAIT_FOR (n_rows (list) == 1, 2000);
  assert_row (list, 0, "grace.rubric.json", "/home/sam", "app.open-uri", uris[1]);

  g_settings_set_strv (settings, "recent-sessions", none);
  RUBRIC_WAIT_FOR (n_rows (list) == 0, 2000);
  g_assert_false (gtk_widget_get_visible (page_child (page, "recent_group")));

  g_assert_finalize_object (page);
}

/* A recent interview is titled by its candidate once its file is read:
 * from the file's start only, even when the rest is large. */
static void
test_recent_candidates (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = g_dir_make_tmp ("rubric-start-page-XXXXXX", NULL);
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "data", "full.rubric.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *big_path = g_build_filename (dir, "big.rubric.json", NULL);
  g_autofree char *other_path = g_build_filename (dir, "notes.rubric.json", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autofree char *big_uri = g_file_get_uri (big);
  g_autofree char *other_uri = g_file_get_uri (other);
  const char *uris[] = { big_uri, other_uri, NULL };
  g_autoptr(GString) padded = NULL;
  RubricStartPage *page;
  GtkListBox *list;
  AdwActionRow *row;

  /* The fixture with 200 KB of notes on its first answer. */
  g_assert_true (g_file_get_contents (full, &text, NULL, NULL));
  padded = g_string_new (text);
  {
    const char *notes = strstr (padded->str, "\"notes\": \"");
    g_autofree char *filler = g_strnfill (200000, 'x');

    g_assert_nonnull (notes);
    g_string_insert (padded, notes - padded->str + strlen ("\"notes\": \""), filler);
  }
  g_assert_cmpuint (padded->len, >, 200000);
  g_assert_true (g_file_set_contents (big_path, padded->str, padded->len, NULL));
  g_assert_true (g_file_set_contents (other_path, "{\"format\": \"rubric-kit\"}", -1, NULL));

  g_settings_set_strv (settings, "recent-sessions", uris);
  page = g_object_ref_sink (g_object_new (RUBRIC_TYPE_START_PAGE, NULL));
  list = page_child (page, "recent_list");
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  RUBRIC_WAIT_FOR (!g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "big.rubric.json"), 5000);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Zoë Ångström");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "2026-11-27 · big.rubric.json");

  /* Not a session: its name and folder stay. */
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "notes.rubric.json");

  g_assert_finalize_object (page);
  g_settings_reset (settings, "recent-sessions");
  g_unlink (big_path);
  g_unlink (other_path);
  g_rmdir (dir);
}

static RubricDraft *
draft (RubricKit  *kit,
       const char *name,
       const char *path)
{
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rubric_session_set_candidate_name (session, name);
  return rubric_draft_new (file, session);
}

/* Interviews left unsaved by a crash: who, when, and a way back. */
static void
test_drafts (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) rubric_draft_free);
  RubricStartPage *page = g_object_ref_sink (g_object_new (RUBRIC_TYPE_START_PAGE, NULL));
  GtkListBox *list = page_child (page, "drafts_list");
  GtkListBoxRow *row;

  g_ptr_array_add (drafts, draft (kit, "Katherine <b>Johnson</b>", "/tmp/drafts/one.rubric.json"));
  g_ptr_array_add (drafts, draft (kit, "", "/tmp/drafts/two.rubric.json"));
  rubric_start_page_set_drafts (page, drafts);

  g_assert_true (gtk_widget_get_visible (page_child (page, "drafts_group")));
  g_assert_cmpuint (n_rows (list), ==, 2);
  assert_row (list, 0, "Katherine <b>Johnson</b>", NULL, "win.restore-draft", "file:///tmp/drafts/one.rubric.json");
  assert_row (list, 1, "Unnamed candidate", NULL, "win.restore-draft", "file:///tmp/drafts/two.rubric.json");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Last changed "));
  g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (row))), >, strlen ("Last changed "));

  /* Set again, the list is replaced, not added to. */
  g_ptr_array_remove_index (drafts, 0);
  rubric_start_page_set_drafts (page, drafts);
  g_assert_cmpuint (n_rows (list), ==, 1);
  assert_row (list, 0, "Unnamed candidate", NULL, "win.restore-draft", "file:///tmp/drafts/two.rubric.json");

  rubric_start_page_set_drafts (page, NULL);
  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (page_child (page, "drafts_group")));

  g_assert_finalize_object (page);
}

static void
kit_chosen_cb (RubricStartPage  *page,
               RubricKit        *kit,
               RubricKit       **out)
{
  g_assert_null (*out);
  *out = kit;
}

/* The kit chooser shows only with a choice; only the user's choice is
 * reported, not the page being told which kit is in use. */
static void
test_kits (void)
{
  g_autoptr(RubricKit) shipped = rubric_test_load_shipped_kit ();
  g_autoptr(RubricKit) minimal = rubric_test_load_kit ("minimal.rubric-kit.json");
  g_autoptr(GListStore) kits = g_list_store_new (RUBRIC_TYPE_KIT);
  g_autoptr(GListStore) one = g_list_store_new (RUBRIC_TYPE_KIT);
  RubricStartPage *page = g_object_ref_sink (g_object_new (RUBRIC_TYPE_START_PAGE, NULL));
  AdwComboRow *kit_row = page_child (page, "kit_row");
  GtkWidget *remove_row = page_child (page, "remove_kit_row");
  RubricKit *chosen = NULL;

  g_list_store_append (kits, shipped);
  g_list_store_append (kits, minimal);
  g_list_store_append (one, shipped);
  g_signal_connect (page, "kit-chosen", G_CALLBACK (kit_chosen_cb), &chosen);

  rubric_start_page_set_kits (page, G_LIST_MODEL (kits), minimal, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kit_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (kit_row), ==, 1);
  g_assert_true (gtk_widget_get_visible (remove_row));
  g_assert_null (chosen);

  rubric_start_page_set_kits (page, G_LIST_MODEL (kits), shipped, FALSE);
  g_assert_cmpuint (adw_combo_row_get_selected (kit_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (remove_row));
  g_assert_null (chosen);

  adw_combo_row_set_selected (kit_row, 1);
  g_assert_true (chosen == minimal);

  /* One kit: nothing to choose. */
  rubric_start_page_set_kits (page, G_LIST_MODEL (one), shipped, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kit_row)));

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/start-page/empty", test_empty);
  g_test_add_func ("/start-page/recent", test_recent);
  g_test_add_func ("/start-page/recent-candidates", test_recent_candidates);
  g_test_add_func ("/start-page/drafts", test_drafts);
  g_test_add_func ("/start-page/kits", test_kits);

  return g_test_run ();
}
