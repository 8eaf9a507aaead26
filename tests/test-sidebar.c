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
  GtkListView *topics = sidebar_child (sidebar, "topic_list");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (topics));
  guint activated = G_MAXUINT;
  guint selected = G_MAXUINT;
  g_autoptr(RubricTopic) last = g_list_model_get_item (rubric_kit_get_topics (kit), 9);

  rubric_sidebar_set_kit (sidebar, kit);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 10);
  g_assert_true (rubric_test_list_item (topics, 9) == G_OBJECT (last));

  /* The selected row follows :topic-index; Enter or a click says which. */
  rubric_sidebar_set_topic_index (sidebar, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  g_signal_connect (sidebar, "topic-activated", G_CALLBACK (topic_activated_cb), &activated);
  g_signal_emit_by_name (topics, "activate", 6);
  g_assert_cmpuint (activated, ==, 6);

  /* The arrows move the selection without activating: the sidebar says
   * where to, and only when it is not :topic-index already. */
  g_signal_connect (sidebar, "topic-selected", G_CALLBACK (topic_activated_cb), &selected);
  gtk_single_selection_set_selected (selection, 5);
  g_assert_cmpuint (selected, ==, 5);
  selected = G_MAXUINT;
  rubric_sidebar_set_topic_index (sidebar, 5);
  rubric_sidebar_set_topic_index (sidebar, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_cmpuint (selected, ==, G_MAXUINT);

  g_assert_finalize_object (sidebar);
}

typedef struct
{
  guint count;
  guint position;
} ItemsChange;

static void
on_items_changed_cb (ItemsChange *change,
                     guint        position,
                     guint        removed,
                     guint        added)
{
  change->count++;
  change->position = position;
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
  ItemsChange change = { 0 };
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

  /* Each keystroke changes the results in place: the list's items stay
   * where they are (and so their rows, which are not bound again), each
   * with its new result, and the model changes at most once, at its end;
   * a click on one opens it. */
  picked = NULL;
  rubric_sidebar_set_search_mode (sidebar, TRUE);
  gtk_editable_set_text (entry, "select_related");
  RUBRIC_WAIT_FOR (rubric_test_list_item (results, 1) != NULL, 2000);
  before = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; rubric_test_list_item (results, i) != NULL; i++)
    g_ptr_array_add (before, g_object_ref (rubric_test_list_item (results, i)));
  g_signal_connect_swapped (gtk_list_view_get_model (results), "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (count_cb), &searches);
  /* Typed on, as a key would: the text is never emptied on the way. */
  gtk_editable_set_position (entry, -1);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, " queries", -1, &position);
  RUBRIC_WAIT_FOR (searches > 0, 2000);
  rubric_test_iterate ();
  g_assert_cmpuint (change.count, <=, 1);
  g_assert_nonnull (rubric_test_list_item (results, 0));
  {
    g_autoptr(RubricSearchIndex) index = rubric_search_index_new (kit);
    g_autoptr(GPtrArray) now = rubric_search_index_query (index, "select_related queries", 50);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (results)));

    g_autoptr(GPtrArray) was = rubric_search_index_query (index, "select_related", 50);
    guint moved = 0;

    /* (Results that moved: a question's item would go with it.) */
    for (guint i = 0; i < MIN (was->len, now->len); i++)
      if (((RubricSearchResult *) was->pdata[i])->question != ((RubricSearchResult *) now->pdata[i])->question)
        moved++;
    g_assert_cmpuint (moved, >, 0);
    g_assert_cmpuint (now->len, >, 0);
    for (guint i = 0; i < n; i++)
      {
        GObject *item = rubric_test_list_item (results, i);
        RubricSearchResult *result = g_object_get_data (item, "rubric-result");

        if (i < before->len)
          {
            g_assert_true (g_ptr_array_index (before, i) == item);
            kept++;
          }
        g_assert_true (result->question == ((RubricSearchResult *) g_ptr_array_index (now, i))->question);
      }
    /* The one change, if any, is at the end. */
    if (change.count == 1)
      g_assert_cmpuint (change.position, ==, MIN (before->len, n));
  }
  g_assert_cmpuint (kept, >, 0);
  first = g_object_get_data (rubric_test_list_item (results, 0), "rubric-result");
  expected = first->question;
  g_signal_emit_by_name (results, "activate", 0);
  g_assert_true (picked == expected);
  g_assert_false (rubric_sidebar_get_search_mode (sidebar));

  g_assert_finalize_object (sidebar);
}

/* A kit of N_TOPICS topics of one question each. */
static RubricKit *
new_kit_of_topics (guint n_topics)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"rubric-kit\", \"version\": 1, \"id\": \"many\", "
                                          "\"title\": \"Many\", \"description\": \"Many topics.\", \"language\": \"en\", \"topics\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RubricKit *kit;

  for (guint i = 0; i < n_topics; i++)
    g_string_append_printf (json, "%s{\"id\": \"t%u\", \"title\": \"Topic %u\", \"summary\": \"One.\", \"questions\": "
                                  "[{\"id\": \"t%u.q\", \"kind\": \"main\", \"prompt\": \"Why %u?\", "
                                  "\"expected\": \"Because.\", \"key_points\": [\"because\"]}]}",
                            i > 0 ? ", " : "", i, i, i, i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  kit = rubric_kit_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return kit;
}

/* A list view makes a row for each of its first 200 items, on screen or
 * not: the sidebar lists a screenful of a big kit's topics at first, and
 * the rest once that is on screen, a screenful a frame. */
static void
test_many_topics (void)
{
  g_autoptr(RubricKit) kit = new_kit_of_topics (60);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RubricSidebar *sidebar = g_object_new (RUBRIC_TYPE_SIDEBAR, NULL);
  GtkListView *topics = sidebar_child (sidebar, "topic_list");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (topics));
  g_autoptr(RubricTopic) last = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GObject) click = NULL;
  guint activated = G_MAXUINT;
  graphene_point_t point;
  GtkWidget *row;
  guint listed;

  gtk_window_set_default_size (window, 360, 600);
  gtk_window_set_child (window, GTK_WIDGET (sidebar));
  rubric_test_show_window (window);

  rubric_sidebar_set_kit (sidebar, kit);
  listed = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (listed, >, 0);
  g_assert_cmpuint (listed, <, 60);
  RUBRIC_WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 60, 5000);
  last = g_list_model_get_item (rubric_kit_get_topics (kit), 59);
  g_assert_true (rubric_test_list_item (topics, 59) == G_OBJECT (last));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* One click on a row opens its topic (the list view's own gesture
   * would want two): as from the list's gesture, where the row is. */
  g_signal_connect (sidebar, "topic-activated", G_CALLBACK (topic_activated_cb), &activated);
  row = rubric_test_list_view_row (topics, 2);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (topics),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0,
                                                                 gtk_widget_get_height (row) / 2.0),
                                           &point));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (topics));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_set_object (&click, controller);
    }
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
  g_assert_cmpuint (activated, ==, 2);

  /* A topic further down than listed yet is listed at once, with the
   * rest, and selected. */
  rubric_sidebar_set_kit (sidebar, NULL);
  rubric_sidebar_set_kit (sidebar, kit);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, listed);
  rubric_sidebar_set_topic_index (sidebar, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 60);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 50);

  rubric_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/sidebar/topics", test_topics);
  g_test_add_func ("/sidebar/search", test_search);
  g_test_add_func ("/sidebar/many-topics", test_many_topics);

  return g_test_run ();
}
