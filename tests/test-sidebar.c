/* test-sidebar.c — the sidebar on its own: topics, search, review
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-search.h"
#include "rubric-sidebar.h"
#include "rubric-test-utils.h"

static gpointer
sidebar_child (RubricSidebar *sidebar,
               const char    *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (sidebar), RUBRIC_TYPE_SIDEBAR, name);

  g_assert_nonnull (object);
  return object;
}

static void
topic_activated_cb (RubricSidebar *sidebar,
                    guint          index,
                    guint         *out)
{
  *out = index;
}

static void
question_activated_cb (RubricSidebar   *sidebar,
                       RubricQuestion  *question,
                       gboolean         reveal,
                       RubricQuestion **out)
{
  *out = question;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_topics (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricSidebar *sidebar = g_object_ref_sink (g_object_new (RUBRIC_TYPE_SIDEBAR, NULL));
  GtkListBox *topics = sidebar_child (sidebar, "topic_list");
  guint activated = G_MAXUINT;

  rubric_sidebar_set_kit (sidebar, kit);
  g_assert_nonnull (gtk_list_box_get_row_at_index (topics, 9));
  g_assert_null (gtk_list_box_get_row_at_index (topics, 10));

  /* The selected row follows :topic-index; a click says which. */
  rubric_sidebar_set_topic_index (sidebar, 3);
  g_assert_true (gtk_list_box_get_selected_row (topics) == gtk_list_box_get_row_at_index (topics, 3));
  g_signal_connect (sidebar, "topic-activated", G_CALLBACK (topic_activated_cb), &activated);
  g_signal_emit_by_name (topics, "row-activated", gtk_list_box_get_row_at_index (topics, 6));
  g_assert_cmpuint (activated, ==, 6);

  g_assert_finalize_object (sidebar);
}

static void
test_search (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricSidebar *sidebar = g_object_ref_sink (g_object_new (RUBRIC_TYPE_SIDEBAR, NULL));
  GtkEditable *entry = sidebar_child (sidebar, "search_entry");
  GtkListView *results = sidebar_child (sidebar, "results_list");
  RubricQuestion *picked = NULL;
  RubricSearchResult *first;
  RubricQuestion *expected;
  guint cancelled = 0;
  g_autoptr(GPtrArray) before = NULL;
  guint changes = 0;
  guint searches = 0;
  guint kept = 0;
  int position;

  rubric_sidebar_set_kit (sidebar, kit);
  g_signal_connect (sidebar, "question-activated", G_CALLBACK (question_activated_cb), &picked);
  g_signal_connect_swapped (sidebar, "search-cancelled", G_CALLBACK (count_cb), &cancelled);

  /* Typing shows results instead of the topics — once the index, built
   * in a worker since the kit came, is there; Enter picks the first. */
  rubric_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "sqlmigrate");
  RUBRIC_WAIT_FOR (rubric_test_list_item (results, 0) != NULL, 2000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (sidebar, "stack")), ==, "results");
  first = g_object_get_data (rubric_test_list_item (results, 0), "rubric-result");
  g_assert_nonnull (first);
  expected = first->question;   /* the result goes with the search */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (picked == expected);
  g_assert_false (rubric_sidebar_get_search_mode (sidebar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (sidebar, "stack")), ==, "topics");

  /* Escape leaves without picking, and says so. */
  rubric_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "csrf");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (cancelled, ==, 1);
  g_assert_false (rubric_sidebar_get_search_mode (sidebar));
  g_assert_null (rubric_test_list_item (results, 0));

  /* Each keystroke changes the results in one change of the list's
   * model; a question found again keeps its item (and so its row, which
   * is not bound again); a click on one opens it. */
  picked = NULL;
  rubric_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "csrf");
  RUBRIC_WAIT_FOR (rubric_test_list_item (results, 1) != NULL, 2000);
  before = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; rubric_test_list_item (results, i) != NULL; i++)
    g_ptr_array_add (before, g_object_ref (rubric_test_list_item (results, i)));
  g_signal_connect_swapped (gtk_list_view_get_model (results), "items-changed", G_CALLBACK (count_cb), &changes);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (count_cb), &searches);
  /* Typed on, as a key would: the text is never emptied on the way. */
  gtk_editable_set_position (entry, -1);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, " token", -1, &position);
  RUBRIC_WAIT_FOR (searches > 0, 2000);
  rubric_test_iterate ();
  g_assert_cmpuint (changes, <=, 1);
  g_assert_nonnull (rubric_test_list_item (results, 0));
  for (guint i = 0; rubric_test_list_item (results, i) != NULL; i++)
    {
      GObject *item = rubric_test_list_item (results, i);
      RubricSearchResult *now = g_object_get_data (item, "rubric-result");

      for (guint j = 0; j < before->len; j++)
        {
          RubricSearchResult *was = g_object_get_data (g_ptr_array_index (before, j), "rubric-result");

          if (was->question == now->question)
            {
              g_assert_true (g_ptr_array_index (before, j) == item);
              kept++;
            }
        }
    }
  g_assert_cmpuint (kept, >, 0);
  first = g_object_get_data (rubric_test_list_item (results, 0), "rubric-result");
  expected = first->question;
  g_signal_emit_by_name (results, "activate", 0);
  g_assert_true (picked == expected);
  g_assert_false (rubric_sidebar_get_search_mode (sidebar));

  g_assert_finalize_object (sidebar);
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/sidebar/topics", test_topics);
  g_test_add_func ("/sidebar/search", test_search);

  return g_test_run ();
}
