/* test-sidebar.c — the sidebar on its own: topics, search, review
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
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
  GtkListBox *results = sidebar_child (sidebar, "results_list");
  RubricQuestion *picked = NULL;
  guint cancelled = 0;

  rubric_sidebar_set_kit (sidebar, kit);
  g_signal_connect (sidebar, "question-activated", G_CALLBACK (question_activated_cb), &picked);
  g_signal_connect_swapped (sidebar, "search-cancelled", G_CALLBACK (count_cb), &cancelled);

  /* Typing shows results instead of the topics; Enter picks the first. */
  rubric_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "sqlmigrate");
  RUBRIC_WAIT_FOR (gtk_list_box_get_row_at_index (results, 0) != NULL, 2000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (sidebar, "stack")), ==, "results");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (picked);
  g_assert_false (rubric_sidebar_get_search_mode (sidebar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (sidebar, "stack")), ==, "topics");

  /* Escape leaves without picking, and says so. */
  rubric_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "csrf");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (cancelled, ==, 1);
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
