/* test-window.c — the interview window, driven in-process through its actions
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rubric-application.h"
#include "rubric-candidate-panel.h"
#include "rubric-core-test-utils.h"
#include "rubric-export-dialog.h"
#include "rubric-interview-private.h"
#include "rubric-question-card.h"
#include "rubric-question-pane.h"
#include "rubric-rating-row.h"
#include "rubric-search.h"
#include "rubric-sidebar.h"
#include "rubric-start-page.h"
#include "rubric-test-utils.h"
#include "rubric-text-line.h"
#include "rubric-topic-row.h"
#include "rubric-window.h"

static RubricApplication *app;
static char *tmp_dir;

/* A named child of @widget's template of @type; there must be one. */
static gpointer
template_child (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

static gpointer
child (RubricWindow *window,
       const char   *name)
{
  /* The start page is made when the window first shows it, not by the
   * window's template. */
  if (g_str_equal (name, "start_page"))
    {
      RUBRIC_WAIT_FOR (rubric_test_find_descendant (GTK_WIDGET (window), RUBRIC_TYPE_START_PAGE) != NULL, 5000);
      return rubric_test_find_descendant (GTK_WIDGET (window), RUBRIC_TYPE_START_PAGE);
    }
  /* The candidate panel is made with the window's first interview. */
  if (g_str_equal (name, "candidate_panel"))
    {
      GtkWidget *panel = rubric_test_find_descendant (GTK_WIDGET (window), RUBRIC_TYPE_CANDIDATE_PANEL);

      g_assert_nonnull (panel);
      return panel;
    }
  return template_child (GTK_WIDGET (window), RUBRIC_TYPE_WINDOW, name);
}

/* A child of the window's sidebar (rubric-sidebar.ui). */
static gpointer
sidebar_child (RubricWindow *window,
               const char   *name)
{
  return template_child (child (window, "sidebar"), RUBRIC_TYPE_SIDEBAR, name);
}

/* A child of the window's question pane (rubric-question-pane.ui). */
static gpointer
pane_child (RubricWindow *window,
            const char   *name)
{
  return template_child (child (window, "question_pane"), RUBRIC_TYPE_QUESTION_PANE, name);
}

static RubricWindow *
open_window (void)
{
  RubricWindow *window = rubric_window_new (app);

  rubric_test_show_window (GTK_WINDOW (window));

  return window;
}

static RubricQuestionCard *
card_at (RubricWindow *window,
         guint         index)
{
  GtkWidget *box = pane_child (window, "cards_box");
  GtkWidget *widget = gtk_widget_get_first_child (box);

  for (guint i = 0; i < index && widget != NULL; i++)
    widget = gtk_widget_get_next_sibling (widget);
  g_assert_true (RUBRIC_IS_QUESTION_CARD (widget));
  return RUBRIC_QUESTION_CARD (widget);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* How many topics the sidebar lists (its list view has rows for those
 * on screen only). */
static guint
n_topics (RubricWindow *window)
{
  GtkListView *list = sidebar_child (window, "topic_list");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* What the row of the sidebar's topic at POSITION says of its progress. */
static const char *topic_progress (GtkListView *topic_list,
                                   guint        position);

/* The row the sidebar shows for its topic at POSITION, once laid out. */
static RubricTopicRow *
topic_row_at (GtkListView *list,
              guint        position)
{
  GtkWidget *row;

  RUBRIC_WAIT_FOR ((row = rubric_test_list_view_child (list, position)) != NULL, 2000);
  return RUBRIC_TOPIC_ROW (row);
}

static const char *
topic_progress (GtkListView *topic_list,
                guint        position)
{
  return gtk_label_get_text (rubric_test_template_child (topic_row_at (topic_list, position), RUBRIC_TYPE_TOPIC_ROW,
                                                         "progress_label"));
}

/* Presses a dialog's button the way a click would, so the dialog both
 * responds and closes. */
static void
press_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *found = NULL;
  GPtrArray *queue = g_ptr_array_new ();

  g_ptr_array_add (queue, root);
  for (guint i = 0; i < queue->len && found == NULL; i++)
    {
      GtkWidget *w = g_ptr_array_index (queue, i);

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (queue, c);
    }
  g_ptr_array_unref (queue);

  g_assert_nonnull (found);
  g_signal_emit_by_name (found, "clicked");
  rubric_test_iterate ();
}

static void
activate (RubricWindow *window,
          const char   *action,
          GVariant     *parameter)
{
  rubric_test_activate (GTK_WIDGET (window), action, parameter);
}

static gboolean toast_shows (RubricWindow *window,
                             const char   *text);
static GtkWidget *undo_probe (RubricWindow *window);

static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean file_contains (const char *path,
                               const char *text);
static RubricWindow *window_with_session (void);

/* -------------------------------------------------------------------- tests */

static void
test_start_page (void)
{
  RubricWindow *window = open_window ();
  GtkStack *stack = child (window, "main_stack");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Rubric");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");
  g_assert_null (rubric_window_get_session (window));
  /* Nothing to save or rate without an interview. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL) &&
                  rubric_window_get_session (window) != NULL);
  /* The start page is made when first shown. */
  g_assert_nonnull (child (window, "start_page"));

  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), "start-page"), >, 100);
  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_browse_and_reveal (void)
{
  RubricWindow *window = open_window ();
  GtkListView *topic_list = sidebar_child (window, "topic_list");
  GtkSingleSelection *topic_selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (topic_list));
  AdwOverlaySplitView *overlay = child (window, "overlay_split_view");
  RubricQuestionCard *first;

  activate (window, "win.browse", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "main_stack")), ==, "interview");
  g_assert_cmpuint (n_topics (window), ==, 10);
  g_assert_cmpuint (count_children (pane_child (window, "cards_box")), ==, 3);
  /* Studying: no candidate panel. */
  g_assert_false (adw_overlay_split_view_get_show_sidebar (overlay));
  g_assert_false (gtk_widget_get_visible (child (window, "panel_button")));

  /* Hidden until revealed… with the learner's own timer and grades. */
  first = card_at (window, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (first), RUBRIC_TYPE_QUESTION_CARD,
                                                                                   "study_box"))));
  g_assert_false (rubric_question_card_get_revealed (first));
  activate (window, "win.reveal", NULL);
  g_assert_true (rubric_question_card_get_revealed (first));
  rubric_test_wait (300);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), "answer-revealed"), >, 100);

  /* …and hidden again after moving on. */
  activate (window, "win.next-question", NULL);
  g_assert_cmpuint (rubric_window_get_question_index (window), ==, 1);
  g_assert_false (rubric_question_card_get_revealed (first));

  activate (window, "win.next-topic", NULL);
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 1);
  g_assert_cmpuint (rubric_window_get_question_index (window), ==, 0);
  g_assert_false (rubric_question_card_get_revealed (card_at (window, 0)));
  g_assert_cmpuint (gtk_single_selection_get_selected (topic_selection), ==, 1);

  /* Choosing a topic in the sidebar shows its questions. */
  g_signal_emit_by_name (topic_list, "activate", 6);
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 6);
  g_assert_cmpstr (gtk_label_get_text (pane_child (window, "topic_title_label")), ==,
                   rubric_topic_get_title (rubric_question_get_topic (rubric_question_card_get_question (card_at (window, 0)))));

  activate (window, "win.previous-topic", NULL);
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 5);

  /* Text size, for reading at a glance from across the desk. */
  {
    g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

    activate (window, "win.zoom-in", NULL);
    activate (window, "win.zoom-in", NULL);
    g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.21, 0.001);
    rubric_test_wait (200);
    rubric_test_screenshot (GTK_WIDGET (window), "zoomed");
    activate (window, "win.zoom-out", NULL);
    g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-size"), 1.1, 0.001);
    activate (window, "win.zoom-reset", NULL);
    g_assert_cmpfloat (g_settings_get_double (settings, "text-size"), ==, 1.0);
  }

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_search (void)
{
  RubricWindow *window = open_window ();
  GtkSearchBar *bar = sidebar_child (window, "search_bar");
  GtkEditable *entry = sidebar_child (window, "search_entry");
  GtkListView *results = sidebar_child (window, "results_list");
  GObject *first;

  activate (window, "win.browse", NULL);
  activate (window, "win.next-topic", NULL);
  activate (window, "win.next-question", NULL);

  /* Ctrl+F's action opens the search over the sidebar. */
  activate (window, "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* As you type: case and accents do not matter. */
  gtk_editable_set_text (entry, "CSRF");
  RUBRIC_WAIT_FOR (rubric_test_list_item (results, 0) != NULL, 2000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (window, "stack")), ==, "results");
  first = rubric_test_list_item (results, 0);
  g_assert_nonnull (g_object_get_data (first, "rubric-result"));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "search");

  /* A row is a line each for the topic, the prompt and the passage, which
   * starts a few words before the match so that it shows. */
  gtk_editable_set_text (entry, "select_related");
  RUBRIC_WAIT_FOR (rubric_test_list_view_row (results, 0) != NULL &&
                   ((RubricSearchResult *) g_object_get_data (rubric_test_list_item (results, 0), "rubric-result"))->ranges->len > 0 &&
                   strstr (rubric_text_line_get_text (RUBRIC_TEXT_LINE (gtk_widget_get_last_child (gtk_widget_get_first_child (rubric_test_list_view_row (results, 0))))),
                           "select_related") != NULL, 2000);
  {
    GtkWidget *box = gtk_widget_get_first_child (rubric_test_list_view_row (results, 0));
    RubricSearchResult *result = g_object_get_data (rubric_test_list_item (results, 0), "rubric-result");
    const char *passage = rubric_text_line_get_text (RUBRIC_TEXT_LINE (gtk_widget_get_last_child (box)));
    const char *prompt = rubric_text_line_get_text (RUBRIC_TEXT_LINE (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box))));

    g_assert_cmpstr (prompt, ==, rubric_question_get_prompt (result->question));
    g_assert_cmpint (g_utf8_strlen (passage, strstr (passage, "select_related") - passage), <=, 20);
  }

  /* Typed on, as a key does: the rows on screen are the same widgets,
   * each showing its item's new result — also those whose question was
   * not on screen before. */
  gtk_editable_set_text (entry, "django");
  RUBRIC_WAIT_FOR (rubric_test_list_view_row (results, 0) != NULL, 2000);
  rubric_test_iterate ();
  {
    g_autoptr(RubricSearchIndex) index = rubric_search_index_new (rubric_application_get_kit (app));
    g_autoptr(GPtrArray) was = rubric_search_index_query (index, "django", 50);
    g_autoptr(GPtrArray) now = rubric_search_index_query (index, "django test", 50);
    guint changed = 0, shown = 0;
    int position;

    for (guint i = 0; i < MIN (was->len, now->len); i++)
      if (((RubricSearchResult *) was->pdata[i])->question != ((RubricSearchResult *) now->pdata[i])->question)
        changed++;
    g_assert_cmpuint (changed, >, 0);
    /* (Marked: a new row could take a destroyed one's address.) */
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (results)); row != NULL; row = gtk_widget_get_next_sibling (row))
      g_object_set_data (G_OBJECT (row), "test-kept", GINT_TO_POINTER (TRUE));
    gtk_editable_set_position (entry, -1);
    position = gtk_editable_get_position (entry);
    gtk_editable_insert_text (entry, " test", -1, &position);
    RUBRIC_WAIT_FOR (((RubricSearchResult *) g_object_get_data (rubric_test_list_item (results, 0), "rubric-result"))->question ==
                     ((RubricSearchResult *) now->pdata[0])->question &&
                     rubric_test_list_item (results, MIN (now->len, 3) - 1) != NULL &&
                     ((RubricSearchResult *) g_object_get_data (rubric_test_list_item (results, MIN (now->len, 3) - 1), "rubric-result"))->question ==
                     ((RubricSearchResult *) now->pdata[MIN (now->len, 3) - 1])->question, 2000);
    rubric_test_iterate ();
    for (guint i = 0; rubric_test_list_view_child (results, i) != NULL; i++)
      {
        GtkWidget *box = rubric_test_list_view_child (results, i);
        RubricSearchResult *result = g_object_get_data (rubric_test_list_item (results, i), "rubric-result");
        const char *prompt = rubric_text_line_get_text (RUBRIC_TEXT_LINE (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box))));

        g_assert_true (result->question == ((RubricSearchResult *) now->pdata[i])->question);
        g_assert_cmpstr (prompt, ==, rubric_question_get_prompt (result->question));
        g_assert_nonnull (g_object_get_data (G_OBJECT (gtk_widget_get_parent (box)), "test-kept"));
        shown++;
      }
    g_assert_cmpuint (shown, >, 0);
  }

  /* A page of results at first (a list view keeps a row for each item);
   * scrolled to its end, the next page. */
  gtk_editable_set_text (entry, "django");
  RUBRIC_WAIT_FOR (rubric_test_list_view_row (results, 0) != NULL, 2000);
  rubric_test_wait (100);
  {
    g_autoptr(RubricSearchIndex) index = rubric_search_index_new (rubric_application_get_kit (app));
    g_autoptr(GPtrArray) all = rubric_search_index_query (index, "django", 50);
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (results));
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (results));
    guint n = g_list_model_get_n_items (shown);

    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, all->len);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    /* The next page comes with the frames that follow the scroll: a
     * sanitized build on a busy machine takes seconds to draw them. */
    RUBRIC_WAIT_FOR (g_list_model_get_n_items (shown) > n, 10000);
    g_assert_cmpuint (g_list_model_get_n_items (shown), <=, all->len);
  }

  gtk_editable_set_text (entry, "qwxyz nothing matches");
  RUBRIC_WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (sidebar_child (window, "results_stack")), "empty"), 2000);

  /* Escape goes back to where the search started. */
  g_signal_emit_by_name (entry, "stop-search");
  rubric_test_iterate ();
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 1);
  g_assert_cmpuint (rubric_window_get_question_index (window), ==, 1);

  /* Enter opens the first result, with the passage found revealed. */
  activate (window, "win.search", NULL);
  gtk_editable_set_text (entry, "select_related");
  RUBRIC_WAIT_FOR (rubric_test_list_item (results, 0) != NULL, 2000);
  {
    RubricSearchResult *result = g_object_get_data (rubric_test_list_item (results, 0), "rubric-result");
    RubricQuestion *question = result->question;
    RubricSearchField field = result->field;

    /* Opening ends the search, and its results (result included) go. */
    g_signal_emit_by_name (entry, "activate");
    rubric_test_iterate ();
    g_assert_false (gtk_search_bar_get_search_mode (bar));
    g_assert_true (rubric_question_card_get_question (card_at (window, rubric_window_get_question_index (window))) == question);
    if (field != RUBRIC_SEARCH_FIELD_PROMPT)
      g_assert_true (rubric_question_card_get_revealed (card_at (window, rubric_window_get_question_index (window))));
  }

  /* Narrow: the search shows the sidebar on its own, its rows one line
   * each, cut off with an ellipsis. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  RUBRIC_WAIT_FOR (adw_navigation_split_view_get_collapsed (child (window, "split_view")), 2000);
  activate (window, "win.search", NULL);
  gtk_editable_set_text (entry, "CSRF");
  RUBRIC_WAIT_FOR (rubric_test_list_item (results, 0) != NULL, 2000);
  rubric_test_wait (500);
  g_assert_false (adw_navigation_split_view_get_show_content (child (window, "split_view")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (results)));
  rubric_test_screenshot (GTK_WIDGET (window), "search-narrow");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_study (void)
{
  g_autofree char *state_file = g_build_filename (tmp_dir, "state", "rubric", "study", "django-senior.json", NULL);
  RubricWindow *window = open_window ();
  GtkListView *topic_list = sidebar_child (window, "topic_list");
  GtkListBox *review_list = sidebar_child (window, "review_list");
  RubricQuestionCard *card;

  activate (window, "win.browse", NULL);
  g_assert_true (gtk_widget_get_visible (child (window, "review_button")));
  /* Studying: no candidate panel at all. */
  g_assert_null (rubric_test_find_descendant (GTK_WIDGET (window), RUBRIC_TYPE_CANDIDATE_PANEL));

  /* Grading oneself comes after the answer is shown. */
  card = card_at (window, 0);
  activate (window, "win.reveal", NULL);
  g_assert_true (rubric_question_card_get_revealed (card));

  /* The progress loads in the background: grade until it has. */
  RUBRIC_WAIT_FOR ((activate (window, "win.knew-it", NULL),
                    g_str_equal (topic_progress (topic_list, 0), "1 of 3 known")), 3000);

  activate (window, "win.next-question", NULL);
  activate (window, "win.reveal", NULL);
  activate (window, "win.review-again", NULL);
  /* “Review Again” brings it back today. */
  g_assert_cmpstr (topic_progress (topic_list, 0), ==, "1 due, 1 new");

  /* A rehearsal timer, for answering aloud against the budget. */
  activate (window, "win.rehearse", NULL);
  g_assert_true (rubric_question_card_get_rehearsing (card_at (window, 1)));
  activate (window, "win.rehearse", NULL);
  g_assert_false (rubric_question_card_get_rehearsing (card_at (window, 1)));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "study");

  /* "Due Today" lists what was marked, and opens it. */
  gtk_toggle_button_set_active (child (window, "review_button"), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (window, "stack")), ==, "review");
  g_assert_nonnull (gtk_list_box_get_row_at_index (review_list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (review_list, 1));
  activate (window, "win.next-topic", NULL);
  g_signal_emit_by_name (review_list, "row-activated", gtk_list_box_get_row_at_index (review_list, 0));
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 0);
  g_assert_cmpuint (rubric_window_get_question_index (window), ==, 1);

  /* Kept in the user's state folder, never in a session file. */
  RUBRIC_WAIT_FOR (file_contains (state_file, "\"review\""), 5000);

  /* Reset at once, without a question: undone below in /window/study-due. */
  activate (window, "win.reset-progress", NULL);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  RUBRIC_WAIT_FOR (gtk_list_box_get_row_at_index (review_list, 0) == NULL, 2000);
  gtk_toggle_button_set_active (child (window, "review_button"), FALSE);

  rubric_test_destroy_window (GTK_WINDOW (window));
}


static const char *
current_question_id (RubricWindow *window)
{
  return rubric_question_get_id (rubric_question_card_get_question (card_at (window, rubric_window_get_question_index (window))));
}

/* Progress from before spaced repetition: everything graded is due today.
 * "Due Today" counts it, lists it, J and K walk only it, a grade takes a
 * question off at once, and a reset is undone exactly. */
static void
test_study_due (void)
{
  g_autofree char *state_file = g_build_filename (tmp_dir, "state", "rubric", "study", "django-senior.json", NULL);
  g_autofree char *state_folder = g_path_get_dirname (state_file);
  g_autoptr(GError) error = NULL;
  RubricWindow *window;
  GtkListView *topic_list;
  GtkListBox *review_list;
  GtkListBox *due_list;
  GtkLabel *due_count;
  GtkListBoxRow *due_row;
  GtkListBoxRow *first_due, *third_due;
  GtkWidget *probe;

  g_assert_cmpint (g_mkdir_with_parents (state_folder, 0700), ==, 0);
  g_file_set_contents (state_file,
                       "{\"format\": \"rubric-study\", \"version\": 1, \"kit\": \"django-senior\",\n"
                       " \"grades\": {\"migrations.deploy\": \"review\", \"migrations.conflicts\": \"knew\",\n"
                       "            \"relationships.modelling\": \"review\", \"settings.secrets\": \"review\"},\n"
                       " \"updated\": \"2026-01-01T12:00:00Z\"}",
                       -1, &error);
  g_assert_no_error (error);

  window = open_window ();
  topic_list = sidebar_child (window, "topic_list");
  review_list = sidebar_child (window, "review_list");
  due_list = sidebar_child (window, "due_list");
  due_count = sidebar_child (window, "due_count_label");
  due_row = sidebar_child (window, "due_row");

  /* Not on the start page. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (due_list)));
  activate (window, "win.browse", NULL);
  RUBRIC_WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (due_list)) &&
                   g_str_equal (gtk_label_get_text (due_count), "4"), 3000);
  gtk_test_accessible_assert_property (due_row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Due Today, 4 questions");
  g_assert_cmpstr (topic_progress (topic_list, 0), ==, "2 due, 1 new");
  g_assert_cmpstr (topic_progress (topic_list, 1), ==, "1 due, 2 new");
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "study-due-topics");

  /* The entry opens the list of the questions due. */
  g_signal_emit_by_name (due_list, "row-activated", due_row);
  rubric_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (window, "stack")), ==, "review");
  g_assert_true (gtk_toggle_button_get_active (child (window, "review_button")));
  g_assert_cmpstr (adw_navigation_page_get_title (child (window, "sidebar_page")), ==, "Due Today");
  g_assert_nonnull (gtk_list_box_get_row_at_index (review_list, 3));
  g_assert_null (gtk_list_box_get_row_at_index (review_list, 4));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "study-due");

  /* J and K go from due question to due question, past the new one. */
  g_signal_emit_by_name (review_list, "row-activated", gtk_list_box_get_row_at_index (review_list, 0));
  rubric_test_iterate ();
  g_assert_cmpstr (current_question_id (window), ==, "migrations.deploy");
  activate (window, "win.next-question", NULL);
  g_assert_cmpstr (current_question_id (window), ==, "migrations.conflicts");
  activate (window, "win.next-question", NULL);
  g_assert_cmpstr (current_question_id (window), ==, "relationships.modelling");
  activate (window, "win.previous-question", NULL);
  g_assert_cmpstr (current_question_id (window), ==, "migrations.conflicts");

  /* Knew it: six days to go; the count follows at once. */
  /* Marked, as a freed row's address may be a new row's. */
  first_due = gtk_list_box_get_row_at_index (review_list, 0);
  third_due = gtk_list_box_get_row_at_index (review_list, 2);
  g_object_set_data (G_OBJECT (first_due), "test-kept", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (third_due), "test-kept", GINT_TO_POINTER (3));
  activate (window, "win.reveal", NULL);
  activate (window, "win.knew-it", NULL);
  g_assert_cmpstr (gtk_label_get_text (due_count), ==, "3");
  gtk_test_accessible_assert_property (due_row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Due Today, 3 questions");
  g_assert_cmpstr (topic_progress (topic_list, 0), ==, "1 due, 1 new");
  g_assert_null (gtk_list_box_get_row_at_index (review_list, 3));
  /* Only the question no longer due lost its row: the others are kept,
   * not made again. */
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (review_list, 0)), "test-kept")), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (review_list, 1)), "test-kept")), ==, 3);
  /* The next due question from there is still the next one in the kit. */
  activate (window, "win.next-question", NULL);
  g_assert_cmpstr (current_question_id (window), ==, "relationships.modelling");
  activate (window, "win.next-question", NULL);
  activate (window, "win.next-question", NULL);
  g_assert_cmpstr (current_question_id (window), ==, "settings.secrets");
  RUBRIC_WAIT_FOR (file_contains (state_file, "\"repetitions\" : 2"), 5000);

  /* Reset at once; Undo puts back exactly what was there. */
  activate (window, "win.reset-progress", NULL);
  g_assert_cmpstr (gtk_label_get_text (due_count), ==, "0");
  g_assert_cmpstr (topic_progress (topic_list, 0), ==, "3 questions");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (window, "review_stack")), ==, "empty");
  RUBRIC_WAIT_FOR (!file_contains (state_file, "\"repetitions\""), 5000);
  activate (window, "win.undo-reset-study", NULL);
  g_assert_cmpstr (gtk_label_get_text (due_count), ==, "3");
  g_assert_cmpstr (topic_progress (topic_list, 0), ==, "1 due, 1 new");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_child (window, "review_stack")), ==, "list");
  /* The rows came back with the questions, in the kit's order. */
  g_assert_null (gtk_list_box_get_row_at_index (review_list, 3));
  g_assert_cmpstr (rubric_question_get_id (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (review_list, 0)), "rubric-question")),
                   ==, "migrations.deploy");
  g_assert_cmpstr (rubric_question_get_id (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (review_list, 2)), "rubric-question")),
                   ==, "settings.secrets");
  RUBRIC_WAIT_FOR (file_contains (state_file, "\"repetitions\" : 2"), 5000);
  probe = undo_probe (window);
  g_assert_false (gtk_widget_get_sensitive (probe));

  /* Ctrl+Z (win.undo) takes back a reset too, once. */
  activate (window, "win.reset-progress", NULL);
  g_assert_cmpstr (gtk_label_get_text (due_count), ==, "0");
  g_assert_true (gtk_widget_get_sensitive (probe));
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (gtk_label_get_text (due_count), ==, "3");
  g_assert_false (gtk_widget_get_sensitive (probe));
  gtk_widget_unparent (probe);

  /* Narrow: the sidebar on its own, with the topics. */
  gtk_toggle_button_set_active (child (window, "review_button"), FALSE);
  g_assert_cmpstr (adw_navigation_page_get_title (child (window, "sidebar_page")), ==, "Topics");
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  rubric_test_wait (500);
  adw_navigation_split_view_set_show_content (child (window, "split_view"), FALSE);
  rubric_test_wait (500);
  rubric_test_screenshot (GTK_WIDGET (window), "study-due-narrow");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_import_kit (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "minimal.rubric-kit.json", NULL);
  g_autofree char *bad_path = temp_path ("bad-kit.json");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  GListModel *kits = rubric_application_get_kits (app);
  RubricWindow *window = open_window ();
  g_autofree char *kit_path = NULL;
  g_autofree char *kit_bytes = NULL;
  g_autofree char *kit_bytes_after = NULL;
  AdwDialog *dialog;
  GtkWidget *label;

  /* The library is read in the background at start. */
  RUBRIC_WAIT_FOR (g_list_model_get_n_items (kits) >= 1, 5000);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_template_child (GTK_WIDGET (child (window, "start_page")),
                                                                       g_type_from_name ("RubricStartPage"), "kit_row") ?
                                          GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (child (window, "start_page")),
                                                                                    g_type_from_name ("RubricStartPage"), "kit_row")) : NULL));

  /* A broken kit: the exact problem, and nothing installed. */
  g_file_set_contents (bad_path, "{\"format\": \"rubric-kit\", \"version\": 1, \"id\": \"x\"}", -1, NULL);
  rubric_application_import_kit (app, bad_file);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  label = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "bad-kit.json\n$: The member “title” is missing");
  adw_dialog_force_close (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, 1);

  /* A good one is installed, chosen, and studied. */
  rubric_application_import_kit (app, good_file);
  RUBRIC_WAIT_FOR (g_strcmp0 (rubric_kit_get_id (rubric_application_get_kit (app)), "example") == 0, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, 2);
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "kits");
  activate (window, "win.browse", NULL);
  g_assert_cmpuint (n_topics (window), ==, 1);
  g_assert_cmpuint (count_children (pane_child (window, "cards_box")), ==, 2);

  /* Removed without asking: back to the kit Rubric ships, with Undo in a
   * toast; the file stays until the toast goes. */
  kit_path = g_build_filename (g_get_user_data_dir (), "rubric", "kits", "example.json", NULL);
  g_assert_true (g_file_get_contents (kit_path, &kit_bytes, NULL, NULL));
  /* Checked and undone before the main loop runs again: a toast's time
   * runs only there, and a slow machine must not end it first. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "remove-kit", NULL);
  g_assert_true (toast_shows (window, "“Example” removed"));
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, 1);
  g_assert_cmpstr (rubric_kit_get_id (rubric_application_get_kit (app)), ==, "django-senior");
  g_assert_true (g_file_test (kit_path, G_FILE_TEST_EXISTS));

  /* Undo: the same kit, from the same bytes, chosen again. */
  press_button (child (window, "toast_overlay"), "_Undo");
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, 2);
  g_assert_cmpstr (rubric_kit_get_id (rubric_application_get_kit (app)), ==, "example");
  g_assert_true (g_file_get_contents (kit_path, &kit_bytes_after, NULL, NULL));
  g_assert_cmpstr (kit_bytes_after, ==, kit_bytes);
  g_assert_cmpuint (n_topics (window), ==, 1);

  /* Removed again, and left: when the toast's time ends, the file goes. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "remove-kit", NULL);
  g_assert_true (toast_shows (window, "“Example” removed"));
  rubric_test_screenshot (GTK_WIDGET (window), "kit-removed");
  RUBRIC_WAIT_FOR (!g_file_test (kit_path, G_FILE_TEST_EXISTS), 60000);
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, 1);
  g_assert_cmpstr (rubric_kit_get_id (rubric_application_get_kit (app)), ==, "django-senior");
  g_assert_cmpuint (n_topics (window), ==, 10);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (bad_path);
}

/* Import Anki Deck: what the action does with the file picked. A broken
 * deck says its line and installs nothing; a good one is a kit, in use,
 * with a question a note. The start page and the menu reach both
 * actions. */
static void
test_import_anki (void)
{
  g_autofree char *bad_path = temp_path ("bad-deck.txt");
  g_autofree char *good_path = temp_path ("Flash Cards.txt");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  GListModel *kits = rubric_application_get_kits (app);
  RubricWindow *window = open_window ();
  AdwDialog *dialog;
  GtkWidget *label;
  guint n_kits;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "import-anki"));
  RUBRIC_WAIT_FOR (g_list_model_get_n_items (kits) >= 1, 5000);
  n_kits = g_list_model_get_n_items (kits);

  g_file_set_contents (bad_path, "What?\tThat.\n\"never closed\tat all\n", -1, NULL);
  rubric_application_import_kit (app, bad_file);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  label = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "bad-deck.txt\nline 2, column 1: the quoted field is never closed");
  adw_dialog_force_close (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, n_kits);

  g_file_set_contents (good_path, "#html:true\n#tags column:3\n"
                                  "What is <b>2+2</b>?\tFour\tsums\n"
                                  "And 3&amp;3?\tSix\tsums\n", -1, NULL);
  rubric_application_import_kit (app, good_file);
  RUBRIC_WAIT_FOR (g_strcmp0 (rubric_kit_get_id (rubric_application_get_kit (app)), "anki-flash-cards") == 0, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (kits), ==, n_kits + 1);
  g_assert_cmpstr (rubric_kit_get_title (rubric_application_get_kit (app)), ==, "Flash Cards");
  activate (window, "win.browse", NULL);
  g_assert_cmpuint (n_topics (window), ==, 1);
  g_assert_cmpuint (count_children (pane_child (window, "cards_box")), ==, 2);
  g_assert_cmpstr (rubric_question_get_prompt (rubric_question_card_get_question (card_at (window, 0))), ==,
                   "What is 2+2?");

  /* Removed again (at once, with Undo in a toast): the next test finds
   * the kit Rubric ships. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "remove-kit", NULL);
  g_assert_true (toast_shows (window, "“Flash Cards” removed"));
  RUBRIC_WAIT_FOR (g_list_model_get_n_items (kits) == n_kits, 5000);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (bad_path);
  g_unlink (good_path);
}

/* A toast says what a file named, as it is: a kit's title with "&" and
 * "<b>" is neither a markup error (an empty toast and a warning) nor bold. */
static void
test_toasts_are_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "markup.rubric-kit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *kits = rubric_application_get_kits (app);
  RubricWindow *window = open_window ();
  guint n_kits;

  RUBRIC_WAIT_FOR (g_list_model_get_n_items (kits) >= 1, 5000);
  n_kits = g_list_model_get_n_items (kits);

  rubric_application_import_kit (app, file);
  RUBRIC_WAIT_FOR (g_strcmp0 (rubric_kit_get_id (rubric_application_get_kit (app)), "markup") == 0, 5000);
  g_assert_true (toast_shows (window, "Kit “Q&A <b>Django</b>” imported and in use"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "remove-kit", NULL);
  g_assert_true (toast_shows (window, "“Q&A <b>Django</b>” removed"));
  RUBRIC_WAIT_FOR (g_list_model_get_n_items (kits) == n_kits, 5000);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_missing_kit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "full.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RubricWindow *window;
  RubricSession *session;

  /* full.rubric.json was made with a kit "example" that is not installed:
   * its ratings and notes show against the prompts it stored. */
  rubric_application_open_file (app, file);
  RUBRIC_WAIT_FOR (window_with_session () != NULL, 5000);
  window = window_with_session ();
  session = rubric_window_get_session (window);
  g_assert_cmpstr (rubric_session_get_kit_id (session), ==, "example");
  /* "http", and the answer that stored no topic. */
  g_assert_cmpuint (n_topics (window), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (pane_child (window, "topic_title_label")), ==, "HTTP");
  g_assert_cmpstr (rubric_question_get_prompt (rubric_question_card_get_question (card_at (window, 0))), ==,
                   "What happens when a browser requests a page?");
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "missing-kit");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_safe_mode (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  RubricWindow *window = open_window ();

  activate (window, "win.browse", NULL);
  g_settings_set_boolean (settings, "safe-mode", TRUE);
  rubric_test_iterate ();

  g_assert_true (adw_banner_get_revealed (child (window, "safe_mode_banner")));
  activate (window, "win.reveal", NULL);
  g_assert_false (rubric_question_card_get_revealed (card_at (window, 0)));
  rubric_question_card_set_revealed (card_at (window, 0), TRUE);
  g_assert_false (rubric_question_card_get_revealed (card_at (window, 0)));

  /* Search finds answers but does not show them. */
  activate (window, "win.search", NULL);
  gtk_editable_set_text (sidebar_child (window, "search_entry"), "sqlmigrate");
  RUBRIC_WAIT_FOR (rubric_test_list_view_row (sidebar_child (window, "results_list"), 0) != NULL, 2000);
  {
    GtkListView *results = sidebar_child (window, "results_list");
    RubricSearchResult *result = g_object_get_data (rubric_test_list_item (results, 0), "rubric-result");
    GtkWidget *box = gtk_widget_get_first_child (rubric_test_list_view_row (results, 0));
    RubricTextLine *passage = RUBRIC_TEXT_LINE (gtk_widget_get_last_child (box));

    g_assert_cmpint (result->field, !=, RUBRIC_SEARCH_FIELD_PROMPT);
    g_assert_null (strstr (rubric_text_line_get_text (passage), "sqlmigrate"));
    /* The rule changes under the rows shown: they follow it. */
    g_settings_set_boolean (settings, "safe-mode", FALSE);
    rubric_test_iterate ();
    g_assert_nonnull (strstr (rubric_text_line_get_text (passage), "sqlmigrate"));
    g_settings_set_boolean (settings, "safe-mode", TRUE);
    rubric_test_iterate ();
    g_assert_null (strstr (rubric_text_line_get_text (passage), "sqlmigrate"));
    g_signal_emit_by_name (sidebar_child (window, "search_entry"), "activate");
    rubric_test_iterate ();
    g_assert_false (rubric_question_card_get_revealed (card_at (window, rubric_window_get_question_index (window))));
  }

  g_settings_set_boolean (settings, "safe-mode", FALSE);
  rubric_test_iterate ();
  g_assert_false (adw_banner_get_revealed (child (window, "safe_mode_banner")));
  activate (window, "win.reveal", NULL);
  g_assert_true (rubric_question_card_get_revealed (card_at (window, 0)));

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static RubricSession *
new_session (const char *name)
{
  RubricSession *session = rubric_session_new (rubric_application_get_kit (app));

  rubric_session_set_candidate_name (session, name);
  rubric_session_set_interviewer (session, "Sam Lee");
  return session;
}

static void
test_rate_and_notes (void)
{
  g_autoptr(RubricSession) session = new_session ("Ada Lovelace");
  RubricWindow *window = open_window ();
  GtkListView *topic_list = sidebar_child (window, "topic_list");
  RubricTopicRow *row;
  RubricRatingRow *rating_row;
  RubricAnswer *answer;
  GtkWidget *panel;
  GtkRange *scale;
  GtkWidget *label;

  /* Made with the first interview, not before. */
  g_assert_null (rubric_test_find_descendant (GTK_WIDGET (window), RUBRIC_TYPE_CANDIDATE_PANEL));
  rubric_window_open_session (window, session, NULL, NULL);
  panel = child (window, "candidate_panel");
  rubric_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Ada Lovelace — Rubric");
  g_assert_true (gtk_widget_get_visible (child (window, "panel_button")));

  activate (window, "win.rate", g_variant_new_int32 (4));
  answer = rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))));
  g_assert_nonnull (answer);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 4);

  /* The slider, the sidebar and the scores follow. */
  rating_row = RUBRIC_RATING_ROW (rubric_test_find_descendant (panel, RUBRIC_TYPE_RATING_ROW));
  scale = GTK_RANGE (rubric_test_find_descendant (GTK_WIDGET (rating_row), GTK_TYPE_SCALE));
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 4.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "4 — Strong");
  row = topic_row_at (topic_list, 0);
  label = gtk_widget_get_template_child (GTK_WIDGET (row), RUBRIC_TYPE_TOPIC_ROW, "progress_label") ?
          GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), RUBRIC_TYPE_TOPIC_ROW, "progress_label")) : NULL;
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "1 of 3 rated");
  label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), RUBRIC_TYPE_TOPIC_ROW, "score_label"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "4.0");

  /* Moving the slider rates too; 0 clears. */
  gtk_range_set_value (scale, 2);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 2);
  activate (window, "win.rate", g_variant_new_int32 (0));
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 0);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 0.0);
  activate (window, "win.rate", g_variant_new_int32 (5));

  /* Skipping, from the keyboard's action. */
  activate (window, "win.next-question", NULL);
  activate (window, "win.skip", NULL);
  g_assert_true (rubric_answer_get_skipped (rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 1))))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), RUBRIC_TYPE_TOPIC_ROW, "progress_label"))),
                   ==, "1 of 3 rated, 1 skipped");

  /* Typing notes reaches the session. */
  {
    GtkTextView *notes = GTK_TEXT_VIEW (rubric_test_find_descendant (GTK_WIDGET (rating_row), GTK_TYPE_TEXT_VIEW));

    GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes);
    GtkTextIter start, end;

    gtk_text_buffer_insert_at_cursor (buffer, "Knows squashing well.", -1);
    g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Knows squashing well.");

    /* Edits in the middle arrive as edits: "well" becomes "très bien". */
    gtk_text_buffer_get_iter_at_offset (buffer, &start, 16);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 20);
    gtk_text_buffer_delete (buffer, &start, &end);
    gtk_text_buffer_insert (buffer, &start, "très bien", -1);
    g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "Knows squashing très bien.");
    gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
    gtk_text_buffer_insert (buffer, &start, "✓ ", -1);
    g_assert_cmpstr (rubric_answer_get_notes (answer), ==, "✓ Knows squashing très bien.");
  }

  /* A rating on another topic moves the overall score. */
  activate (window, "win.next-topic", NULL);
  activate (window, "win.rate", g_variant_new_int32 (3));
  g_assert_cmpint (rubric_answer_get_rating (rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))))), ==, 3);

  rubric_test_wait (300);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), "interview"), >, 100);

  /* Leave without asking: this is a test, not a user. */
  rubric_session_set_candidate_name (session, "Ada Lovelace");
  rubric_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

static RubricWindow *
window_with_session (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RUBRIC_IS_WINDOW (l->data) && rubric_window_get_session (l->data) != NULL)
      return l->data;
  return NULL;
}

static void
test_autosave_and_reopen (void)
{
  g_autofree char *path = temp_path ("reopen.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricSession) session = new_session ("Grace Hopper");
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;
  RubricWindow *window;
  RubricSession *reopened;
  RubricAnswer *answer;

  /* A session with a file: every change reaches it within seconds. */
  g_assert_true (rubric_session_save (session, file, NULL, &error));
  stamp = rubric_file_dup_stamp (file, NULL, &error);
  g_assert_no_error (error);
  window = open_window ();
  rubric_window_open_session (window, session, file, stamp);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Grace Hopper — Rubric");

  activate (window, "win.rate", g_variant_new_int32 (5));
  rubric_session_set_summary (session, "Would hire again.");
  RUBRIC_WAIT_FOR (file_contains (path, "Would hire again.") && file_contains (path, "\"rating\" : 5"), 15000);

  /* Closing writes the rest; opening the file shows it all again. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  activate (window, "win.close", NULL);
  RUBRIC_WAIT_FOR (window == NULL, 5000);

  rubric_application_open_file (app, file);
  RUBRIC_WAIT_FOR (window_with_session () != NULL, 5000);
  window = window_with_session ();
  reopened = rubric_window_get_session (window);
  g_assert_cmpstr (rubric_session_get_candidate_name (reopened), ==, "Grace Hopper");
  g_assert_cmpstr (rubric_session_get_summary (reopened), ==, "Would hire again.");
  answer = rubric_session_lookup_answer (reopened, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))));
  g_assert_nonnull (answer);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 5);

  /* Opening it again presents the same window. */
  rubric_application_open_file (app, file);
  rubric_test_iterate ();
  g_assert_true (window_with_session () == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_corrupt_file (void)
{
  g_autofree char *path = temp_path ("corrupt.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RubricWindow *window = open_window ();
  AdwDialog *dialog;
  const char *body;

  g_file_set_contents (path, "{\n  \"format\": \"rubric-session\",\n  \"version\": 1,\n  \"kit\": {\"id\": \"django-senior\"},\n  \"answers\": {\"migrations.deploy\": {\"rating\": 9}}\n}\n", -1, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rubric_application_open_file (app, file);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  body = gtk_label_get_text (GTK_LABEL (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog))));
  g_assert_cmpstr (body, ==, "corrupt.rubric.json\n$.answers[\"migrations.deploy\"].rating: 9 is out of range (1–5)");
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "corrupt-file");

  /* Nothing changed: still the start page, no session, no new window. */
  g_assert_null (rubric_window_get_session (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "main_stack")), ==, "start");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  adw_dialog_force_close (dialog);
  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* A child of an export dialog (rubric-export-dialog.ui). */
static gpointer
export_child (AdwDialog  *dialog,
              const char *name)
{
  return template_child (GTK_WIDGET (dialog), RUBRIC_TYPE_EXPORT_DIALOG, name);
}

/* What the preview shows, once the worker has made it. */
static char *
dup_preview_text (AdwDialog *dialog)
{
  char *text = NULL;

  RUBRIC_WAIT_FOR ((text = rubric_export_dialog_dup_preview (RUBRIC_EXPORT_DIALOG (dialog))) != NULL, 5000);
  return text;
}

static AdwDialog *
open_markdown_export (RubricWindow *window)
{
  AdwDialog *dialog;

  activate (window, "win.export", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  rubric_export_dialog_set_format (RUBRIC_EXPORT_DIALOG (dialog), RUBRIC_EXPORT_FORMAT_MARKDOWN);
  adw_switch_row_set_active (export_child (dialog, "answers_row"), TRUE);
  adw_switch_row_set_active (export_child (dialog, "private_row"), TRUE);
  rubric_test_iterate ();
  return dialog;
}

/* In screen-share safe mode the preview draws no answer and no private
 * note; the file still holds what was asked for. */
static void
test_export_safe_mode (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(RubricSession) session = new_session ("Dorothy Vaughan");
  g_autofree char *path = temp_path ("safe.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  GListModel *topics = rubric_kit_get_topics (kit);
  g_autoptr(RubricTopic) first_topic = g_list_model_get_item (topics, 0);
  g_autoptr(RubricQuestion) first = g_list_model_get_item (rubric_topic_get_questions (first_topic), 0);
  RubricWindow *window = open_window ();
  AdwDialog *dialog;
  GtkWidget *focus;
  GtkListBoxRow *concern;
  guint n_expected = 0;

  rubric_window_open_session (window, session, NULL, NULL);
  rubric_session_set_private_notes (session, "Not for the hiring team.");
  /* Asked, so that its expected answer is one an export lists. */
  rubric_answer_set_rating (rubric_session_ensure_answer (session, first), 3);
  g_settings_set_boolean (settings, "safe-mode", TRUE);
  rubric_test_iterate ();

  /* The candidate panel does not draw the private notes either. */
  {
    GtkWidget *notes = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (child (window, "candidate_panel")),
                                                                  g_type_from_name ("RubricCandidatePanel"),
                                                                  "private_notes_view"));

    g_assert_false (gtk_widget_is_visible (notes));
    g_settings_set_boolean (settings, "safe-mode", FALSE);
    rubric_test_iterate ();
    g_assert_true (gtk_widget_is_visible (notes));
    g_settings_set_boolean (settings, "safe-mode", TRUE);
    rubric_test_iterate ();
  }

  dialog = open_markdown_export (window);
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "export-safe-mode");

  /* It opens on its first control, not on a concern, which takes no focus. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == export_child (dialog, "format_row") ||
                 gtk_widget_is_ancestor (focus, export_child (dialog, "format_row")));
  concern = gtk_list_box_get_row_at_index (export_child (dialog, "concerns_list"), 0);
  g_assert_nonnull (concern);
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (concern)));

  preview = dup_preview_text (dialog);
  g_assert_nonnull (strstr (preview, "Dorothy Vaughan"));
  g_assert_nonnull (strstr (preview, "Hidden while screen-share safe mode is on"));
  g_assert_null (strstr (preview, "Not for the hiring team."));
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, q);
          const char *expected = rubric_question_get_expected (question);
          const char * const *points = rubric_question_get_key_points (question);

          if (expected != NULL && *expected != '\0')
            {
              g_assert_null (strstr (preview, expected));
              n_expected++;
            }
          for (guint i = 0; points != NULL && points[i] != NULL; i++)
            g_assert_null (strstr (preview, points[i]));
        }
    }
  g_assert_cmpuint (n_expected, >, 0);

  /* The file holds them, as asked. */
  rubric_export_dialog_export_to (RUBRIC_EXPORT_DIALOG (dialog), file);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL, 5000);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, rubric_question_get_expected (first)));
  g_assert_nonnull (strstr (written, "Not for the hiring team."));

  /* With safe mode off, the preview shows them too. */
  g_settings_set_boolean (settings, "safe-mode", FALSE);
  dialog = open_markdown_export (window);
  shown = dup_preview_text (dialog);
  g_assert_nonnull (strstr (shown, rubric_question_get_expected (first)));
  g_assert_nonnull (strstr (shown, "Not for the hiring team."));

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_export (void)
{
  g_autoptr(RubricSession) session = new_session ("Katherine Johnson");
  g_autofree char *path = temp_path ("summary.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *preview = NULL;
  RubricWindow *window = open_window ();
  AdwDialog *dialog;

  rubric_window_open_session (window, session, NULL, NULL);
  activate (window, "win.rate", g_variant_new_int32 (5));
  rubric_session_set_private_notes (session, "Not for the hiring team.");

  activate (window, "win.export", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (RUBRIC_IS_EXPORT_DIALOG (dialog));

  /* A live preview of the text formats, private notes left out. */
  rubric_export_dialog_set_format (RUBRIC_EXPORT_DIALOG (dialog), RUBRIC_EXPORT_FORMAT_MARKDOWN);
  preview = dup_preview_text (dialog);
  g_assert_nonnull (strstr (preview, "Katherine Johnson"));
  g_assert_null (strstr (preview, "Not for the hiring team."));

  /* Made in a worker thread: right after a change it is not ready, and
   * one for options changed again meanwhile is cancelled, never shown. */
  adw_switch_row_set_active (export_child (dialog, "private_row"), TRUE);
  g_assert_null (rubric_export_dialog_dup_preview (RUBRIC_EXPORT_DIALOG (dialog)));
  adw_switch_row_set_active (export_child (dialog, "private_row"), FALSE);
  g_free (preview);
  preview = dup_preview_text (dialog);
  g_assert_nonnull (strstr (preview, "Katherine Johnson"));
  g_assert_null (strstr (preview, "Not for the hiring team."));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "export");

  /* Exporting writes the file, closes the dialog and says so. */
  rubric_export_dialog_export_to (RUBRIC_EXPORT_DIALOG (dialog), file);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL, 5000);
  /* The interview clock runs on: compare content, not every second. */
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "# Interview summary: Katherine Johnson\n"));
  g_assert_nonnull (strstr (written, "5 — Expert"));
  g_assert_null (strstr (written, "Not for the hiring team."));

  /* Copy Summary puts the same Markdown on the clipboard. */
  activate (window, "win.copy-summary", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, clipboard_text_cb, &copied);
  RUBRIC_WAIT_FOR (copied != NULL, 2000);
  g_assert_true (g_str_has_prefix (copied, "# Interview summary: Katherine Johnson\n"));
  g_assert_nonnull (strstr (copied, "5 — Expert"));

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

static guint
n_windows_with_session (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += RUBRIC_IS_WINDOW (l->data) && rubric_window_get_session (l->data) != NULL;
  return n;
}

/* A copy of data/full.rubric.json at NAME in the temporary folder, with a
 * symbolic link to it at LINK_NAME, opened in a window; its text in
 * CONTENTS (nullable). */
static RubricWindow *
open_copy_with_link (const char  *name,
                     const char  *link_name,
                     char       **contents)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "full.rubric.json", NULL);
  g_autofree char *path = temp_path (name);
  g_autofree char *link_path = temp_path (link_name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_make_symbolic_link (link, path, NULL, NULL));
  rubric_application_open_file (app, file);
  RUBRIC_WAIT_FOR (window_with_session () != NULL, 5000);
  if (contents != NULL)
    *contents = g_steal_pointer (&text);
  return window_with_session ();
}

/* An interview open already comes to the front when its file is opened
 * again, by its name or through a symbolic link: two windows on one file
 * would each take the other's saves for another program's change. */
static void
test_open_same_file_twice (void)
{
  g_autofree char *path = temp_path ("twice.rubric.json");
  g_autofree char *link_path = temp_path ("twice-link.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  RubricWindow *window;

  g_assert_cmpuint (n_windows_with_session (), ==, 0);
  window = open_copy_with_link ("twice.rubric.json", "twice-link.rubric.json", NULL);

  rubric_application_open_file (app, file);
  rubric_application_open_file (app, link);
  rubric_test_wait (500);
  g_assert_cmpuint (n_windows_with_session (), ==, 1);
  g_assert_true (window_with_session () == window);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (link_path);
  g_unlink (path);
}

/* The Export dialog never writes over the interview's own file, by its
 * name or through a symbolic link (which the writer would follow): an
 * alert, and the file as it was. */
static void
test_export_not_onto_interview (void)
{
  g_autofree char *path = temp_path ("own.rubric.json");
  g_autofree char *link_path = temp_path ("own-link.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autofree char *before = NULL;
  RubricWindow *window = open_copy_with_link ("own.rubric.json", "own-link.md", &before);

  for (guint way = 0; way < 2; way++)
    {
      AdwDialog *dialog;
      AdwDialog *alert;
      g_autofree char *after = NULL;

      activate (window, "win.export", NULL);
      RUBRIC_WAIT_FOR (RUBRIC_IS_EXPORT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))),
                       2000);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      rubric_export_dialog_set_format (RUBRIC_EXPORT_DIALOG (dialog), RUBRIC_EXPORT_FORMAT_MARKDOWN);
      rubric_export_dialog_export_to (RUBRIC_EXPORT_DIALOG (dialog), way == 0 ? file : link);
      RUBRIC_WAIT_FOR (ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))),
                       5000);
      alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
      g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), ==,
                       "That is the interview itself: nothing was written.");
      adw_dialog_force_close (alert);
      adw_dialog_force_close (dialog);
      rubric_test_iterate ();
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
    }

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (link_path);
  g_unlink (path);
}

/* Every label that wraps, in an interview with an answer revealed and the
 * Export dialog open, has a minimum width, libadwaita's rows' titles too:
 * GTK finds it by laying the text out a character a line (rubric-wrap.h). */
static void
test_wrapping_labels (void)
{
  g_autoptr(RubricSession) session = new_session ("Grace Hopper");
  RubricWindow *window = open_window ();
  GtkWidget *card_row;
  AdwDialog *dialog;

  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (window)), >=, 5);
  rubric_window_open_session (window, session, NULL, NULL);
  activate (window, "win.reveal", NULL);
  RUBRIC_WAIT_FOR (rubric_question_card_get_revealed (card_at (window, 0)), 2000);
  activate (window, "win.export", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (window)), >=, 40);
  /* The walk saw libadwaita's rows: the revealed checklist's, the dialog's. */
  card_row = rubric_test_find_descendant (GTK_WIDGET (card_at (window, 0)), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (card_row);
  g_assert_cmpuint (rubric_test_assert_wrapping_labels (card_row), >=, 1);
  g_assert_cmpuint (rubric_test_assert_wrapping_labels (GTK_WIDGET (dialog)), >=, 4);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* Anonymising in the dialog: the preview and the file name nobody, the
 * other identifying terms go too, and the dialog says how many
 * replacements it made and which words that may be names stay. */
static void
test_export_anonymize (void)
{
  g_autoptr(RubricSession) session = new_session ("José Müller-Łukasz");
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricTopic) first_topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);
  g_autoptr(RubricQuestion) first = g_list_model_get_item (rubric_topic_get_questions (first_topic), 0);
  g_autofree char *path = temp_path ("anonymous.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *redacted = NULL;
  g_autofree char *description = NULL;
  RubricWindow *window = open_window ();
  AdwDialog *dialog;
  GtkListBox *remaining;
  GtkListBoxRow *row;

  rubric_session_set_interviewer (session, "Will May, Sam Lee");
  rubric_window_open_session (window, session, NULL, NULL);
  rubric_answer_set_notes (rubric_session_ensure_answer (session, rubric_kit_lookup_question (rubric_application_get_kit (app),
                                                                                                rubric_question_get_id (first))),
                           "Mueller came from Acme Analytics; Lee asked. We will follow up in May, Dr. Okafor says.");
  rubric_answer_set_rating (rubric_session_lookup_answer (session, rubric_question_get_id (first)), 4);

  activate (window, "win.export", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  rubric_export_dialog_set_format (RUBRIC_EXPORT_DIALOG (dialog), RUBRIC_EXPORT_FORMAT_MARKDOWN);
  /* Off: no terms row, no count. */
  g_assert_false (gtk_widget_get_visible (export_child (dialog, "redact_row")));
  g_assert_false (gtk_widget_get_visible (export_child (dialog, "anonymity_group")));

  adw_switch_row_set_active (export_child (dialog, "anonymize_row"), TRUE);
  rubric_test_iterate ();
  g_assert_true (gtk_widget_get_visible (export_child (dialog, "redact_row")));
  preview = dup_preview_text (dialog);
  g_assert_null (strstr (preview, "Müller"));
  g_assert_null (strstr (preview, "Mueller"));
  g_assert_null (strstr (preview, "Sam Lee"));
  g_assert_null (strstr (preview, "Will May"));
  g_assert_nonnull (strstr (preview, "Acme Analytics"));
  g_assert_nonnull (strstr (preview, "We will follow up in May"));

  /* "May" and "Okafor" stay, and the dialog lists them. */
  remaining = export_child (dialog, "remaining_list");
  row = gtk_list_box_get_row_at_index (remaining, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "May");
  row = gtk_list_box_get_row_at_index (remaining, 1);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Okafor");
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (row)));
  description = g_strdup (adw_preferences_group_get_description (export_child (dialog, "anonymity_group")));
  /* Mueller and Lee. */
  g_assert_true (g_str_has_prefix (description, "2 replacements."));

  /* Other identifying terms, comma-separated. */
  gtk_editable_set_text (GTK_EDITABLE (export_child (dialog, "redact_row")), "acme analytics, Okafor ,");
  rubric_test_iterate ();
  redacted = dup_preview_text (dialog);
  g_assert_null (strstr (redacted, "Acme"));
  g_assert_null (strstr (redacted, "Okafor"));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (export_child (dialog, "anonymity_group")),
                                   "4 replacements."));
  g_assert_null (gtk_list_box_get_row_at_index (remaining, 1));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "export-anonymize");

  /* The file is what the preview showed. */
  rubric_export_dialog_export_to (RUBRIC_EXPORT_DIALOG (dialog), file);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL, 5000);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_null (strstr (written, "Müller"));
  g_assert_null (strstr (written, "Acme"));
  g_assert_null (strstr (written, "Okafor"));
  g_assert_nonnull (strstr (written, "Interviewer A"));

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_close_untitled_asks (void)
{
  g_autoptr(RubricSession) session = new_session ("Untitled Candidate");
  RubricWindow *window = open_window ();
  AdwDialog *dialog;

  rubric_window_open_session (window, session, NULL, NULL);
  activate (window, "win.rate", g_variant_new_int32 (3));

  /* Closing an interview that has no name yet asks first… */
  activate (window, "win.close", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Save the Interview?");
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "close-unsaved");

  /* …Cancel keeps everything… */
  press_button (GTK_WIDGET (dialog), "_Cancel");
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL, 2000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (rubric_window_get_session (window) == session);

  /* …and Discard closes. */
  activate (window, "win.close", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  press_button (GTK_WIDGET (dialog), "_Discard");
  RUBRIC_WAIT_FOR (window == NULL, 5000);
}


/* Opens @path the way the app does (with the stamp of what it read) and
 * returns its window. */
static RubricWindow *
open_file_in_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RubricWindow *window;

  rubric_application_open_file (app, file);
  RUBRIC_WAIT_FOR (window_with_session () != NULL, 5000);
  window = window_with_session ();
  rubric_test_show_window (GTK_WINDOW (window));
  return window;
}

static void
count_emissions_cb (guint *count)
{
  (*count)++;
}

static char *
contents_of (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_idle_session_unchanged (void)
{
  g_autofree char *path = temp_path ("idle.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricSession) session = new_session ("Idle Candidate");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RubricWindow *window;
  guint changed = 0;

  g_assert_true (rubric_session_save (session, file, NULL, &error));
  before = contents_of (path);

  /* Opened, looked at while the clock runs, closed: not rewritten, and
   * not even changed. */
  window = open_file_in_window (path);
  g_signal_connect_swapped (rubric_window_get_session (window), "changed",
                            G_CALLBACK (count_emissions_cb), &changed);
  rubric_test_wait (2500);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Idle Candidate — Rubric");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  activate (window, "win.close", NULL);
  RUBRIC_WAIT_FOR (window == NULL, 5000);
  rubric_test_wait (200);

  after = contents_of (path);
  g_assert_cmpstr (after, ==, before);
  g_unlink (path);
}

static void
test_failed_save_close_asks (void)
{
  g_autofree char *folder = temp_path ("moving");
  g_autofree char *moved = temp_path ("moved");
  g_autofree char *path = g_build_filename (folder, "failing.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricSession) session = new_session ("Failing Disk");
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;
  RubricWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (rubric_session_save (session, file, NULL, &error));
  window = open_file_in_window (path);

  /* The folder goes away (a USB stick pulled, a share unmounted): the
   * next save fails, and the window says so. */
  g_assert_cmpint (g_rename (folder, moved), ==, 0);
  activate (window, "win.rate", g_variant_new_int32 (4));
  RUBRIC_WAIT_FOR (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "), 5000);

  /* Closing asks instead of losing the rating… */
  activate (window, "win.close", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 5000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Save the Interview?");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "failing.rubric.json"));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "close-failed-save");

  press_button (GTK_WIDGET (dialog), "_Cancel");
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL, 2000);
  g_assert_true (rubric_window_get_session (window) == rubric_window_get_session (window_with_session ()));

  /* …and the folder back, the same close writes and closes. */
  g_assert_cmpint (g_rename (moved, folder), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  activate (window, "win.close", NULL);
  if (window != NULL && adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL)
    {
      /* The folder came back as a different one: a conflict, asked, and
       * the file is then the other program's, not Rubric's last save. */
      AdwDialog *asked = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

      g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (asked)), "as the other program left it"));
      press_button (GTK_WIDGET (asked), "_Discard");
    }
  RUBRIC_WAIT_FOR (window == NULL, 5000);
  g_unlink (path);
  g_rmdir (folder);
}

static void
test_conflict_banner (void)
{
  g_autofree char *path = temp_path ("shared.rubric.json");
  g_autofree char *theirs_path = temp_path ("theirs.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) theirs_file = g_file_new_for_path (theirs_path);
  g_autoptr(RubricSession) session = new_session ("Shared File");
  g_autoptr(RubricSession) theirs = new_session ("Changed Elsewhere");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkRevealer *banner;
  RubricWindow *window;
  RubricWindow *reloaded;

  g_assert_true (rubric_session_save (session, file, NULL, &error));
  window = open_file_in_window (path);
  banner = child (window, "conflict_revealer");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (banner)) && gtk_revealer_get_reveal_child (banner));

  /* Another program replaces the file: the banner, and no write. */
  g_assert_true (rubric_session_save (theirs, theirs_file, NULL, &error));
  g_assert_cmpint (g_rename (theirs_path, path), ==, 0);
  RUBRIC_WAIT_FOR (gtk_revealer_get_reveal_child (banner), 5000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_nonnull (strstr (gtk_label_get_text (child (window, "conflict_label")), "shared.rubric.json"));
  activate (window, "win.rate", g_variant_new_int32 (2));
  rubric_test_wait (2500);
  g_assert_true (file_contains (path, "Changed Elsewhere"));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "conflict");

  /* On a narrow second screen the banner still fits. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  rubric_test_wait (500);
  rubric_test_screenshot (GTK_WIDGET (window), "conflict-narrow");

  /* Overwrite: ours is on disk, the banner goes. */
  activate (window, "win.overwrite", NULL);
  RUBRIC_WAIT_FOR (file_contains (path, "Shared File"), 5000);
  RUBRIC_WAIT_FOR (!gtk_revealer_get_reveal_child (banner), 2000);
  g_assert_true (file_contains (path, "\"rating\" : 2"));

  /* Again; this time Reload: their version in a window, ours closed. */
  g_assert_true (rubric_session_save (theirs, theirs_file, NULL, &error));
  g_assert_cmpint (g_rename (theirs_path, path), ==, 0);
  RUBRIC_WAIT_FOR (gtk_revealer_get_reveal_child (banner), 5000);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  activate (window, "win.reload", NULL);
  RUBRIC_WAIT_FOR (window == NULL, 5000);
  RUBRIC_WAIT_FOR (window_with_session () != NULL, 5000);
  reloaded = window_with_session ();
  g_assert_cmpstr (rubric_session_get_candidate_name (rubric_window_get_session (reloaded)), ==, "Changed Elsewhere");
  text = contents_of (path);
  g_assert_nonnull (strstr (text, "Changed Elsewhere"));

  rubric_test_destroy_window (GTK_WINDOW (reloaded));
  g_unlink (path);
}

/* A rating redoes the widgets that show that answer, and no others. */
static void
test_one_change_one_render (void)
{
  g_autoptr(RubricSession) session = new_session ("Fine Grained");
  RubricWindow *window = open_window ();
  GtkListView *topics;
  GtkWidget *ratings;
  guint topic_before[16] = { 0 };
  guint rating_before[8] = { 0 };
  guint changed_topics = 0;
  guint changed_ratings = 0;
  guint i;

  rubric_window_open_session (window, session, NULL, NULL);
  activate (window, "win.next-topic", NULL);
  activate (window, "win.next-question", NULL);
  rubric_test_iterate ();

  topics = sidebar_child (window, "topic_list");
  ratings = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (child (window, "candidate_panel")),
                                                       g_type_from_name ("RubricCandidatePanel"), "ratings_box"));
  /* The rows on screen: a row off it shows its topic when it comes. */
  g_assert_nonnull (topic_row_at (topics, 1));
  for (i = 0; i < n_topics (window) && i < 16; i++)
    if (rubric_test_list_view_child (topics, i) != NULL)
      topic_before[i] = rubric_topic_row_get_n_updates (RUBRIC_TOPIC_ROW (rubric_test_list_view_child (topics, i)));
  i = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (ratings); row != NULL && i < 8; row = gtk_widget_get_next_sibling (row))
    rating_before[i++] = rubric_rating_row_get_n_updates (RUBRIC_RATING_ROW (row));

  activate (window, "win.rate", g_variant_new_int32 (4));

  /* Topic 2's row and follow-up 1's rating row, each once; nothing else. */
  for (i = 0; i < n_topics (window) && i < 16; i++)
    {
      GtkWidget *row = rubric_test_list_view_child (topics, i);

      if (row != NULL && rubric_topic_row_get_n_updates (RUBRIC_TOPIC_ROW (row)) != topic_before[i])
        {
          g_assert_cmpuint (i, ==, 1);
          g_assert_cmpuint (rubric_topic_row_get_n_updates (RUBRIC_TOPIC_ROW (row)), ==, topic_before[i] + 1);
          changed_topics++;
        }
    }
  i = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (ratings); row != NULL && i < 8; row = gtk_widget_get_next_sibling (row), i++)
    if (rubric_rating_row_get_n_updates (RUBRIC_RATING_ROW (row)) != rating_before[i])
      {
        g_assert_cmpuint (i, ==, 1);
        g_assert_cmpuint (rubric_rating_row_get_n_updates (RUBRIC_RATING_ROW (row)), ==, rating_before[i] + 1);
        changed_ratings++;
      }
  g_assert_cmpuint (changed_topics, ==, 1);
  g_assert_cmpuint (changed_ratings, ==, 1);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* Moving on to the next topic builds nothing: its cards and rating rows
 * were built in idle time after the frame that showed the topic before;
 * going back finds that topic's own widgets, every answer hidden. */
static void
test_next_topic_prepared (void)
{
  g_autoptr(RubricSession) session = new_session ("Prepared");
  RubricWindow *window = open_window ();
  guint n_cards, n_rows;
  RubricTopicPages *cards = rubric_question_pane_get_pages (child (window, "question_pane"));
  RubricTopicPages *rows;
  RubricQuestionCard *first;
  GtkWidget *ratings, *first_row;

  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  rubric_window_open_session (window, session, NULL, NULL);
  rows = rubric_candidate_panel_get_pages (child (window, "candidate_panel"));
  first = card_at (window, 0);
  ratings = template_child (child (window, "candidate_panel"), RUBRIC_TYPE_CANDIDATE_PANEL, "ratings_box");
  first_row = gtk_widget_get_first_child (ratings);
  activate (window, "win.reveal", NULL);
  g_assert_true (rubric_question_card_get_revealed (first));

  /* The first topic's 3 questions, then the next topic's too. */
  RUBRIC_WAIT_FOR (rubric_topic_pages_count_widgets (cards) == 6 &&
                   rubric_topic_pages_count_widgets (rows) == 6, 5000);
  n_cards = rubric_topic_pages_count_widgets (cards);
  n_rows = rubric_topic_pages_count_widgets (rows);

  /* As the key does it, without letting the main loop run after. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-topic", NULL));
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 1);
  g_assert_cmpuint (rubric_topic_pages_count_widgets (cards), ==, n_cards);
  g_assert_cmpuint (rubric_topic_pages_count_widgets (rows), ==, n_rows);
  g_assert_true (card_at (window, 0) != first);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card_at (window, 0))));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "next-topic-wide");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-topic", NULL));
  g_assert_true (card_at (window, 0) == first);
  g_assert_true (gtk_widget_get_first_child (ratings) == first_row);
  g_assert_false (rubric_question_card_get_revealed (first));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (first)));

  /* Narrow, on to the prepared topic again: the same as a new one. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
  rubric_test_wait (500);
  activate (window, "win.next-topic", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (card_at (window, 0))));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "next-topic-narrow");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
on_move_painted_cb (GdkFrameClock *frame_clock,
                    guint         *counts)
{
  RubricWindow *window = g_object_get_data (G_OBJECT (frame_clock), "test-window");

  g_signal_handlers_disconnect_by_func (frame_clock, on_move_painted_cb, counts);
  counts[0] = rubric_topic_pages_count_widgets (rubric_question_pane_get_pages (child (window, "question_pane")));
  counts[1] = rubric_topic_pages_count_widgets (rubric_candidate_panel_get_pages (child (window, "candidate_panel")));
}

/* The frame that shows the next topic does nothing else, the dearest of
 * a move: the topic after is asked for in the frame after it (which lets
 * go of the widgets of the topic kept longest, three topics being kept),
 * and built in the frames after that. */
static void
test_next_topic_frame (void)
{
  g_autoptr(RubricSession) session = new_session ("Frame");
  RubricWindow *window = open_window ();
  RubricTopicPages *cards = rubric_question_pane_get_pages (child (window, "question_pane"));
  RubricTopicPages *rows;
  GdkFrameClock *frame_clock;
  guint counts[2] = { G_MAXUINT, G_MAXUINT };

  rubric_window_open_session (window, session, NULL, NULL);
  rows = rubric_candidate_panel_get_pages (child (window, "candidate_panel"));
  /* Three topics kept, all built: the first two shown, the third prepared. */
  activate (window, "win.next-topic", NULL);
  RUBRIC_WAIT_FOR (rubric_topic_pages_count_widgets (cards) == 9 &&
                   rubric_topic_pages_count_widgets (rows) == 9, 5000);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_object_set_data (G_OBJECT (frame_clock), "test-window", window);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_move_painted_cb), counts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-topic", NULL));
  RUBRIC_WAIT_FOR (counts[0] != G_MAXUINT, 5000);
  /* Painted: the first topic's widgets were still kept then. */
  g_assert_cmpuint (counts[0], ==, 9);
  g_assert_cmpuint (counts[1], ==, 9);
  /* Then the fourth topic is built in place of the first. */
  RUBRIC_WAIT_FOR (rubric_topic_pages_count_widgets (cards) == 9 &&
                   rubric_topic_pages_count_widgets (rows) == 9 &&
                   rubric_topic_pages_count_topic_widgets (cards, 3) == 3 &&
                   rubric_topic_pages_count_topic_widgets (cards, 0) == 0, 5000);

  g_object_set_data (G_OBJECT (frame_clock), "test-window", NULL);
  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_recovered_drafts (void)
{
  g_autofree char *drafts = g_build_filename (tmp_dir, "rubric", "drafts", NULL);
  g_autofree char *path = g_build_filename (drafts, "left-behind.rubric.json", NULL);
  g_autoptr(RubricSession) session = new_session ("Crashed Interview");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *group;
  RubricWindow *window;

  g_mkdir_with_parents (drafts, 0700);
  g_assert_true (rubric_session_save (session, file, NULL, &error));
  g_assert_no_error (error);

  /* Interviews a crash left behind are offered back: at the first start
   * (an earlier test started the app already), and on the start page that
   * the recovery notification's button opens. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-recovered", NULL);
  window = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RUBRIC_IS_WINDOW (l->data) && rubric_window_get_session (l->data) == NULL)
      {
        window = l->data;   /* the newest comes first */
        break;
      }
  g_assert_nonnull (window);
  group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (child (window, "start_page")),
                                                     g_type_from_name ("RubricStartPage"), "drafts_group"));
  RUBRIC_WAIT_FOR (gtk_widget_get_visible (group), 5000);
  rubric_test_iterate ();
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "recovered");

  /* Restoring opens it in the window; it stays a draft until saved. */
  {
    g_autofree char *uri = g_file_get_uri (file);

    activate (window, "win.restore-draft", g_variant_new_string (uri));
  }
  RUBRIC_WAIT_FOR (rubric_window_get_session (window) != NULL, 5000);
  g_assert_cmpstr (rubric_session_get_candidate_name (rubric_window_get_session (window)), ==, "Crashed Interview");
  g_assert_null (rubric_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Crashed Interview — Rubric");

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

/* Types as the user does: an interactive insert inside a user action,
 * which is what GtkTextView does for a key press. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static GtkWidget *
focus_of (RubricWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkTextView *
rating_notes (RubricWindow *window,
              guint         index)
{
  GtkWidget *ratings = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (child (window, "candidate_panel")),
                                                                  g_type_from_name ("RubricCandidatePanel"), "ratings_box"));
  GtkWidget *row = gtk_widget_get_first_child (ratings);

  for (guint i = 0; i < index; i++)
    row = gtk_widget_get_next_sibling (row);
  return GTK_TEXT_VIEW (rubric_test_find_descendant (row, GTK_TYPE_TEXT_VIEW));
}

static void
test_focus_follows (void)
{
  g_autoptr(RubricSession) session = new_session ("Ada Lovelace");
  RubricWindow *window = open_window ();
  GtkTextView *topic_notes;
  g_autofree char *first_topic = NULL;
  g_autofree char *second_topic = NULL;

  gtk_window_present (GTK_WINDOW (window));
  rubric_window_open_session (window, session, NULL, NULL);
  rubric_test_iterate ();
  topic_notes = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (child (window, "candidate_panel")),
                                                              g_type_from_name ("RubricCandidatePanel"), "topic_notes_view"));
  first_topic = g_strdup (rubric_topic_get_id (rubric_question_get_topic (rubric_question_card_get_question (card_at (window, 0)))));

  /* The interview starts with the focus on its first question, whose card
   * offers no self-study (that is for browsing the kit). */
  g_assert_true (focus_of (window) == GTK_WIDGET (card_at (window, 0)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (card_at (window, 0)),
                                                                                    RUBRIC_TYPE_QUESTION_CARD, "study_box"))));

  /* J walks on, past the last follow-up into the next topic; the focus
   * goes along. */
  activate (window, "win.next-question", NULL);
  activate (window, "win.next-question", NULL);
  g_assert_true (focus_of (window) == GTK_WIDGET (card_at (window, 2)));
  activate (window, "win.next-question", NULL);
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 1);
  g_assert_cmpuint (rubric_window_get_question_index (window), ==, 0);
  g_assert_true (focus_of (window) == GTK_WIDGET (card_at (window, 0)));
  second_topic = g_strdup (rubric_topic_get_id (rubric_question_get_topic (rubric_question_card_get_question (card_at (window, 0)))));
  g_assert_cmpstr (first_topic, !=, second_topic);
  activate (window, "win.previous-question", NULL);
  g_assert_cmpuint (rubric_window_get_topic_index (window), ==, 0);
  g_assert_cmpuint (rubric_window_get_question_index (window), ==, 2);
  activate (window, "win.next-question", NULL);

  /* N: the current question's notes, ready to type; Escape: back. Typing
   * in another question's notes (not the current one) is quiet too. */
  activate (window, "win.focus-notes", NULL);
  g_assert_true (focus_of (window) == GTK_WIDGET (rating_notes (window, 0)));
  type_into (rating_notes (window, 0), "Knows squashing.");
  type_into (rating_notes (window, 2), "Unsure about RunPython.");
  rubric_test_iterate ();
  g_assert_cmpstr (rubric_answer_get_notes (rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))))),
                   ==, "Knows squashing.");
  g_assert_cmpstr (rubric_answer_get_notes (rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 2))))),
                   ==, "Unsure about RunPython.");
  activate (window, "win.focus-question", NULL);
  g_assert_true (focus_of (window) == GTK_WIDGET (card_at (window, 0)));

  /* A topic's notes stay with it: typed into topic 2, then on to topic 3,
   * whose field is empty and takes nothing of topic 2's. */
  gtk_widget_grab_focus (GTK_WIDGET (topic_notes));
  type_into (topic_notes, "abc");
  g_assert_cmpstr (rubric_session_get_topic_notes (session, second_topic), ==, "abc");
  activate (window, "win.next-topic", NULL);
  rubric_test_iterate ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (topic_notes)));
  g_assert_true (focus_of (window) == GTK_WIDGET (card_at (window, 0)));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (topic_notes);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "");
    /* Undo here has nothing of topic 2's to undo. */
    g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  }
  activate (window, "win.previous-topic", NULL);
  activate (window, "win.previous-topic", NULL);
  g_assert_cmpstr (rubric_session_get_topic_notes (session, first_topic), ==, "");
  activate (window, "win.next-topic", NULL);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (topic_notes);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "abc");
  }

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* An interview 12:34 in (the time is the answers' own), on the topic
 * "migrations", whose main question has five key points (the second and
 * the fifth senior) and three red flags. */
static RubricWindow *
evidence_window (RubricSession *session,
                 int            width,
                 int            height)
{
  RubricKit *kit = rubric_application_get_kit (app);
  RubricWindow *window = rubric_window_new (app);

  rubric_answer_set_elapsed (rubric_session_ensure_answer (session, rubric_kit_lookup_question (kit, "caching.strategy")), 754);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  rubric_test_show_window (GTK_WINDOW (window));
  rubric_window_open_session (window, session, NULL, NULL);
  /* The times checked are the interview's: no real second may add to them. */
  _rubric_interview_stop_clock (rubric_window_get_interview (window));
  rubric_test_iterate ();
  g_assert_cmpstr (rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))), ==, "migrations.deploy");
  return window;
}

/* Alt+1…9's action and a click tick at the interview's time; the rating
 * row says what the ticks suggest and never rates; Fill from Evidence
 * adds the senior points and red flags to what the interviewer wrote. */
static void
test_evidence (void)
{
  g_autoptr(RubricSession) session = new_session ("Evidence Candidate");
  RubricWindow *window = evidence_window (session, 0, 0);
  RubricQuestionCard *card = card_at (window, 0);
  RubricQuestion *question = rubric_question_card_get_question (card);
  const char * const *points = rubric_question_get_key_points (question);
  const char * const *flags = rubric_question_get_red_flags (question);
  GtkWidget *panel = child (window, "candidate_panel");
  RubricRatingRow *rating_row = RUBRIC_RATING_ROW (rubric_test_find_descendant (panel, RUBRIC_TYPE_RATING_ROW));
  GtkLabel *suggestion = template_child (GTK_WIDGET (rating_row), RUBRIC_TYPE_RATING_ROW, "suggestion_label");
  GtkLabel *anchor = template_child (GTK_WIDGET (rating_row), RUBRIC_TYPE_RATING_ROW, "anchor_label");
  g_autofree char *noted = g_strdup_printf ("%s: planned it for the rename", points[1]);
  const char *own[] = { "Calm under questions", NULL };
  RubricAnswer *answer;
  const char * const *strengths;
  gint64 offset;

  g_assert_cmpstr (gtk_label_get_text (suggestion), ==, "No suggestion yet");

  /* Nothing to tick before the answer shows. */
  activate (window, "win.tick", g_variant_new_int32 (1));
  g_assert_null (rubric_session_lookup_answer (session, "migrations.deploy"));

  activate (window, "win.reveal", NULL);
  activate (window, "win.tick", g_variant_new_int32 (1));
  answer = rubric_session_lookup_answer (session, "migrations.deploy");
  g_assert_nonnull (answer);
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 0));
  offset = rubric_answer_get_tick_offset (answer, RUBRIC_TICK_KEY_POINT, 0);
  g_assert_cmpint (offset, >=, 754);
  g_assert_cmpint (offset, <, 754 + 60);
  g_assert_cmpstr (gtk_label_get_text (suggestion), ==, "1 of 5 points, no senior, no red flag — 2 suggested");

  /* Seven counts on into the red flags; nine is past them. */
  activate (window, "win.tick", g_variant_new_int32 (7));
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_RED_FLAG, 1));
  activate (window, "win.tick", g_variant_new_int32 (9));
  g_assert_cmpuint (rubric_answer_get_n_ticks (answer), ==, 2);

  /* A click on the row, and a note with it. */
  gtk_widget_activate (rubric_question_card_get_checklist_row (card, 2));
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 1));
  gtk_editable_set_text (GTK_EDITABLE (rubric_question_card_get_note_row (card, 2)), "planned it for the rename");
  g_assert_cmpstr (rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, 1), ==, "planned it for the rename");
  g_assert_cmpstr (gtk_label_get_text (suggestion), ==, "2 of 5 points, 1 senior, 1 red flag — 3 suggested");
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);

  /* The anchor of the rating chosen shows under the slider. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (anchor)));
  activate (window, "win.rate", g_variant_new_int32 (3));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (anchor)));
  g_assert_cmpstr (gtk_label_get_text (anchor), ==, rubric_question_get_anchor (question, 3));

  /* The same key again unticks. */
  activate (window, "win.tick", g_variant_new_int32 (7));
  g_assert_false (rubric_answer_get_ticked (answer, RUBRIC_TICK_RED_FLAG, 1));
  activate (window, "win.tick", g_variant_new_int32 (7));

  /* What the interviewer wrote stays first; the evidence follows, once.
   * Not in screen-share safe mode: the points are the kit's answers. */
  rubric_session_set_strengths (session, own);
  {
    g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

    g_settings_set_boolean (settings, "safe-mode", TRUE);
    activate (window, "win.fill-from-evidence", NULL);
    g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_strengths (session)), ==, 1);
    g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_concerns (session)), ==, 0);
    g_settings_set_boolean (settings, "safe-mode", FALSE);
  }
  activate (window, "win.fill-from-evidence", NULL);
  strengths = rubric_session_get_strengths (session);
  g_assert_cmpuint (g_strv_length ((GStrv) strengths), ==, 2);
  g_assert_cmpstr (strengths[0], ==, "Calm under questions");
  g_assert_cmpstr (strengths[1], ==, noted);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_concerns (session)), ==, 1);
  g_assert_cmpstr (rubric_session_get_concerns (session)[0], ==, flags[1]);
  activate (window, "win.fill-from-evidence", NULL);
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_strengths (session)), ==, 2);

  rubric_session_set_candidate_name (session, "Evidence Candidate");
  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* The checklist as the interviewer sees it: two points heard, one with a
 * note, on a second screen and on a phone-sized window. */
static void
screenshot_evidence (int         width,
                     int         height,
                     const char *name)
{
  g_autoptr(RubricSession) session = new_session ("Evidence Candidate");
  RubricWindow *window = evidence_window (session, width, height);
  RubricQuestionCard *card = card_at (window, 0);

  activate (window, "win.reveal", NULL);
  activate (window, "win.tick", g_variant_new_int32 (1));
  activate (window, "win.tick", g_variant_new_int32 (2));
  gtk_editable_set_text (GTK_EDITABLE (rubric_question_card_get_note_row (card, 2)), "planned it for a column rename");
  activate (window, "win.tick", g_variant_new_int32 (8));
  rubric_test_wait (400);
  /* Scrolled to the checklist, its first row near the top, once the
   * answer has slid open. */
  rubric_test_wait (400);
  for (guint i = 0; i < 2; i++)
  {
    GtkScrolledWindow *scroller = pane_child (window, "scroller");
    GtkWidget *content = pane_child (window, "clamp");
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (rubric_question_card_get_checklist_row (card, 1), content,
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), point.y - 48);
    rubric_test_wait (300);
  }
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), name), >, 100);

  rubric_session_set_candidate_name (session, "Evidence Candidate");
  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_evidence_screenshots (void)
{
  screenshot_evidence (1920, 1080, "evidence-wide");
  screenshot_evidence (400, 800, "evidence-narrow");
}

/* P: a break; the header says so, and P again goes on. */
static void
test_pause (void)
{
  g_autoptr(RubricSession) session = new_session ("Paused Candidate");
  RubricWindow *window = open_window ();
  AdwWindowTitle *title;

  rubric_window_open_session (window, session, NULL, NULL);
  rubric_test_iterate ();
  title = child (window, "window_title");
  g_assert_null (strstr (adw_window_title_get_subtitle (title), "paused"));

  activate (window, "win.pause", NULL);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "paused"));
  activate (window, "win.pause", NULL);
  g_assert_null (strstr (adw_window_title_get_subtitle (title), "paused"));

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* A search result opened with the focus on it (a click, or Enter in the
 * list): the row goes away with the search; the focus lands on the
 * question, quietly. */
static void
test_search_result_focus (void)
{
  RubricWindow *window = open_window ();
  GtkEditable *entry = sidebar_child (window, "search_entry");
  GtkListView *results = sidebar_child (window, "results_list");
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  activate (window, "win.browse", NULL);
  activate (window, "win.search", NULL);
  gtk_editable_set_text (entry, "select_related");
  RUBRIC_WAIT_FOR (rubric_test_list_view_row (results, 0) != NULL, 2000);
  row = rubric_test_list_view_row (results, 0);
  gtk_widget_grab_focus (row);
  g_signal_emit_by_name (results, "activate", 0);
  rubric_test_iterate ();
  rubric_test_wait (300);
  g_assert_true (focus_of (window) == GTK_WIDGET (card_at (window, rubric_window_get_question_index (window))));

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
label_says (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* The topic rows, top to bottom: their topics' ids, joined with spaces. */
static char *
listed_topics (RubricWindow *window)
{
  GtkListView *list = sidebar_child (window, "topic_list");
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < n_topics (window); i++)
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                            rubric_topic_get_id (rubric_topic_row_get_topic (topic_row_at (list, i))));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static RubricTopicRow *
topic_row (RubricWindow *window,
           const char   *topic_id)
{
  GtkListView *list = sidebar_child (window, "topic_list");

  for (guint i = 0; i < n_topics (window); i++)
    if (g_str_equal (rubric_topic_get_id (rubric_topic_row_get_topic (topic_row_at (list, i))), topic_id))
      return topic_row_at (list, i);
  g_assert_not_reached ();
}

static RubricSession *
planned_session (const char *name)
{
  RubricSession *session = new_session (name);
  g_autoptr(RubricPlan) plan = rubric_plan_new ("short", "Short round", "django-senior", 20);

  /* 5 + 5 and 6 minutes in the kit: 13 and 7 of a 20-minute slot */
  rubric_plan_add_topic (plan, "caching", (const char *[]) { "caching.strategy", "caching.invalidation", NULL });
  rubric_plan_add_topic (plan, "migrations", (const char *[]) { "migrations.deploy", NULL });
  rubric_session_set_plan (session, plan);
  return session;
}

/* A planned interview: the plan's topics and questions in its order, J
 * walking them, the rest on demand, the pacing line and each topic's time
 * on its row, and a reminder as a topic runs long. */
static void
test_plan (void)
{
  g_autoptr(RubricSession) session = planned_session ("Ada Lovelace");
  RubricWindow *window = open_window ();
  GtkLabel *pacing = child (window, "pacing_label");
  AdwWindowTitle *title = child (window, "window_title");
  RubricInterview *interview;
  g_autofree char *listed = NULL;
  g_autofree char *all = NULL;
  g_autofree char *again = NULL;

  rubric_window_open_session (window, session, NULL, NULL);
  interview = rubric_window_get_interview (window);
  _rubric_interview_stop_clock (interview);
  rubric_test_iterate ();

  listed = listed_topics (window);
  g_assert_cmpstr (listed, ==, "caching migrations");
  g_assert_cmpstr (rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))), ==, "caching.strategy");
  g_assert_cmpuint (count_children (pane_child (window, "cards_box")), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pacing)));
  g_assert_cmpstr (gtk_label_get_text (pacing), ==, "On time");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "0:00 / 20 min"));
  g_assert_cmpstr (rubric_topic_row_get_pacing_text (topic_row (window, "caching")), ==, "0 of 13 min");
  g_assert_cmpstr (rubric_topic_row_get_pacing_text (topic_row (window, "migrations")), ==, "0 of 7 min");

  /* J: the plan's second caching question, then migrations' only one */
  activate (window, "win.next-question", NULL);
  activate (window, "win.next-question", NULL);
  g_assert_cmpstr (rubric_question_get_id (rubric_interview_get_current_question (interview)), ==, "migrations.deploy");
  g_assert_cmpuint (count_children (pane_child (window, "cards_box")), ==, 1);
  activate (window, "win.previous-topic", NULL);
  g_assert_cmpstr (rubric_question_get_id (rubric_interview_get_current_question (interview)), ==, "caching.strategy");

  /* Caching runs long: 16 minutes of its 13, with ten minutes left a
   * reminder that migrations is not asked yet */
  for (guint i = 0; i < 16 * 60; i++)
    _rubric_interview_step_clock (interview);
  rubric_test_iterate ();
  g_assert_cmpstr (rubric_topic_row_get_pacing_text (topic_row (window, "caching")), ==, "16 of 13 min, over by 3 min");
  g_assert_true (gtk_widget_has_css_class (rubric_test_template_child (topic_row (window, "caching"), RUBRIC_TYPE_TOPIC_ROW,
                                                                       "pacing_label"), "warning"));
  g_assert_cmpstr (gtk_label_get_text (pacing), ==, "Behind by 3 min — 2 topics left, 4 min → 2 min each");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pacing), "warning"));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "16:00 / 20 min"));
  RUBRIC_WAIT_FOR (rubric_test_find (GTK_WIDGET (window), label_says, "10 minutes left, 1 topic unasked") != NULL, 2000);
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "plan-pacing");

  /* Every question, the plan's first */
  activate (window, "win.show-all-questions", NULL);
  all = listed_topics (window);
  g_assert_true (g_str_has_prefix (all, "caching migrations relationships settings"));
  g_assert_cmpuint (count_children (pane_child (window, "cards_box")), ==, 3);
  g_assert_nonnull (rubric_test_find (GTK_WIDGET (card_at (window, 2)), label_says, "Follow-Up 2 · Not in the plan"));
  g_assert_null (rubric_test_find (GTK_WIDGET (card_at (window, 1)), label_says, "Follow-Up 1 · Not in the plan"));
  g_assert_cmpstr (rubric_question_get_id (rubric_interview_get_current_question (interview)), ==, "caching.strategy");
  activate (window, "win.show-all-questions", NULL);
  again = listed_topics (window);
  g_assert_cmpstr (again, ==, "caching migrations");

  /* Turned off, nothing of it shows */
  g_settings_set_boolean (g_settings_new ("io.github.rubricapp.Rubric"), "show-pacing", FALSE);
  rubric_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pacing)));
  g_assert_null (rubric_topic_row_get_pacing_text (topic_row (window, "caching")));
  g_assert_null (strstr (adw_window_title_get_subtitle (title), "/ 20 min"));
  g_settings_reset (g_settings_new ("io.github.rubricapp.Rubric"), "show-pacing");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* The pacing line and the topics' times, narrow and wide. */
static void
test_plan_sizes (void)
{
  g_autoptr(RubricSession) session = planned_session ("Grace Hopper");
  RubricWindow *window = rubric_window_new (app);
  RubricInterview *interview;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
  rubric_test_show_window (GTK_WINDOW (window));
  rubric_window_open_session (window, session, NULL, NULL);
  interview = rubric_window_get_interview (window);
  _rubric_interview_stop_clock (interview);
  for (guint i = 0; i < 15 * 60 + 20; i++)
    _rubric_interview_step_clock (interview);
  RUBRIC_WAIT_FOR (adw_navigation_split_view_get_collapsed (child (window, "split_view")), 2000);
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "plan-narrow");
  adw_navigation_split_view_set_show_content (child (window, "split_view"), FALSE);
  rubric_test_wait (400);
  rubric_test_screenshot (GTK_WIDGET (window), "plan-narrow-topics");

  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_unmaximize (GTK_WINDOW (window));
  RUBRIC_WAIT_FOR (!adw_navigation_split_view_get_collapsed (child (window, "split_view")), 3000);
  rubric_test_wait (400);
  rubric_test_screenshot (GTK_WIDGET (window), "plan-wide");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_narrow (void)
{
  g_autoptr(RubricSession) session = new_session ("Narrow Screen");
  RubricWindow *window = rubric_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  rubric_test_show_window (GTK_WINDOW (window));
  rubric_window_open_session (window, session, NULL, NULL);
  rubric_test_iterate ();

  RUBRIC_WAIT_FOR (adw_navigation_split_view_get_collapsed (child (window, "split_view")), 2000);
  g_assert_true (adw_overlay_split_view_get_collapsed (child (window, "overlay_split_view")));
  rubric_test_wait (300);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (window), "narrow"), >, 50);

  /* F9's action brings the candidate panel over the questions. */
  activate (window, "win.toggle-candidate-panel", NULL);
  g_assert_true (adw_overlay_split_view_get_show_sidebar (child (window, "overlay_split_view")));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "narrow-panel");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* A second screen at 1,920 × 1,080: a wider column of larger text, the
 * answer revealed as the interviewer would read it. */
static void
test_wide (void)
{
  g_autoptr(RubricSession) session = new_session ("Wide Screen");
  RubricWindow *window = rubric_window_new (app);
  GtkWidget *pane = child (window, "question_pane");
  AdwClamp *clamp = pane_child (window, "clamp");
  gboolean wide = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  rubric_test_show_window (GTK_WINDOW (window));
  rubric_window_open_session (window, session, NULL, NULL);
  activate (window, "win.reveal", NULL);
  RUBRIC_WAIT_FOR ((g_object_get (pane, "wide", &wide, NULL), wide), 2000);
  g_assert_cmpint (adw_clamp_get_maximum_size (clamp), >, 840);
  rubric_test_wait (400);
  rubric_test_screenshot (GTK_WIDGET (window), "wide");

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_state_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  RubricWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  rubric_test_iterate ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  rubric_test_iterate ();
  g_assert_null (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  text)
{
  g_autofree char *item_text = NULL;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_MENU_ITEM ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") == NULL)
    return FALSE;
  g_object_get (widget, "text", &item_text, NULL);
  return g_strcmp0 (item_text, text) == 0;
}

/* The main menu is built when it first opens, not with the window (e2e-keys
 * opens it with F10, e2e-a11y reads its items' names). */
static void
test_main_menu_lazy (void)
{
  RubricWindow *window = open_window ();
  GtkMenuButton *button = rubric_test_template_child (window, RUBRIC_TYPE_WINDOW, "start_menu_button");
  GtkMenuButton *interview_button = rubric_test_template_child (window, RUBRIC_TYPE_WINDOW, "menu_button");
  GtkPopover *popover;
  GtkWidget *item;

  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_null (gtk_menu_button_get_popover (interview_button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  RUBRIC_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)), 2000);
  /* The other window's menu is not built by this one. */
  g_assert_null (gtk_menu_button_get_popover (interview_button));

  item = rubric_test_find (GTK_WIDGET (popover), is_menu_item, "Preferences");
  g_assert_nonnull (item);
  gtk_menu_button_popdown (button);
  rubric_test_iterate ();
  g_assert_true (gtk_menu_button_get_popover (button) == popover);

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static void
test_accels_and_about (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.new-interview", "<Control>n" },
    { "app.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.close", "<Control>w" },
    { "win.next-topic", "<Control>Page_Down" },
    { "win.previous-topic", "<Control>Page_Up" },
    { "win.zoom-in", "<Control>plus" },
    { "win.zoom-out", "<Control>minus" },
    { "win.zoom-reset", "<Control>0" },
    { "app.shortcuts", "<Control>question" },
    { "app.preferences", "<Control>comma" },
  };
  RubricWindow *window;
  AdwDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }

  window = open_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, VERSION);
  adw_dialog_force_close (dialog);
  rubric_test_iterate ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_PREFERENCES_DIALOG (dialog));
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "preferences");
  adw_dialog_force_close (dialog);
  rubric_test_iterate ();

  /* The shortcuts dialog lists the keys. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "RubricShortcutsDialog");
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "shortcuts");
  /* Scrolled to the runs of keys: "1 to 5", "Alt+1 to Alt+9". */
  gtk_widget_grab_focus (rubric_test_find (GTK_WIDGET (dialog), is_row_titled, "Show or hide the candidate panel"));
  rubric_test_wait (500);
  rubric_test_screenshot (GTK_WIDGET (window), "shortcuts-ranges");
  adw_dialog_force_close (dialog);
  rubric_test_iterate ();

  /* Quit closes every window, even one showing a dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-interview", NULL);
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rubric_test_iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* -------------------------------------------------------------------- undo */

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Whether a toast with @text shows over the window. */
static gboolean
toast_shows (RubricWindow *window,
             const char   *text)
{
  return rubric_test_find (child (window, "toast_overlay"), is_label_with_text, text) != NULL;
}

/* A button of win.undo out of sight: its sensitivity is the action's. */
static GtkWidget *
undo_probe (RubricWindow *window)
{
  GtkWidget *probe = gtk_button_new ();

  gtk_widget_set_visible (probe, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.undo");
  gtk_widget_set_parent (probe, GTK_WIDGET (window));
  return probe;
}

/* Rate, skip, tick, recommend: each undone to exactly what it was, by
 * the action Ctrl+Z runs or by a toast's Undo; the change is saved as any
 * other; a sealed scorecard stays as it is. */
static void
test_undo (void)
{
  g_autoptr(RubricSession) session = new_session ("Undo Candidate");
  RubricWindow *window = open_window ();
  GtkWidget *probe = undo_probe (window);
  GtkWidget *panel;
  AdwToggleGroup *recommendation;
  RubricQuestion *first;
  RubricQuestion *second;
  RubricAnswer *answer;
  RubricAnswer *skipped;
  GtkRange *scale;
  guint64 changes;

  /* Nothing to undo on the start page, nor in an interview not changed. */
  g_assert_false (gtk_widget_get_sensitive (probe));
  rubric_window_open_session (window, session, NULL, NULL);
  panel = child (window, "candidate_panel");
  recommendation = template_child (panel, RUBRIC_TYPE_CANDIDATE_PANEL, "recommendation_group");
  rubric_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (probe));
  first = rubric_question_card_get_question (card_at (window, 0));
  second = rubric_question_card_get_question (card_at (window, 1));

  /* A rating back to "not rated", the slider too; a second undo has
   * nothing left. */
  activate (window, "win.rate", g_variant_new_int32 (4));
  answer = rubric_session_lookup_answer (session, rubric_question_get_id (first));
  g_assert_true (gtk_widget_get_sensitive (probe));
  changes = rubric_session_get_change_count (session);
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);
  g_assert_cmpuint (rubric_session_get_change_count (session), >, changes);
  g_assert_true (rubric_interview_get_dirty (rubric_window_get_interview (window)));
  scale = GTK_RANGE (rubric_test_find_descendant (GTK_WIDGET (rubric_test_find_descendant (panel, RUBRIC_TYPE_RATING_ROW)),
                                                  GTK_TYPE_SCALE));
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 0.0);
  g_assert_false (gtk_widget_get_sensitive (probe));

  /* Step by step: 2, then 5; undo gives 2, then nothing. The slider's own
   * moves are steps too. No toast for a rating. */
  activate (window, "win.rate", g_variant_new_int32 (2));
  activate (window, "win.rate", g_variant_new_int32 (5));
  gtk_range_set_value (scale, 3);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 3);
  g_assert_false (toast_shows (window, "Question skipped"));
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 5);
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 2);
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);

  /* A skip shows a toast whose Undo takes it back. */
  activate (window, "win.next-question", NULL);
  activate (window, "win.rate", g_variant_new_int32 (3));
  /* (Looked at before the main loop runs again: the toast's time runs
   * there, and a slow machine must not end it first.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.skip", NULL));
  skipped = rubric_session_lookup_answer (session, rubric_question_get_id (second));
  g_assert_true (rubric_answer_get_skipped (skipped));
  g_assert_true (toast_shows (window, "Question skipped"));
  press_button (child (window, "toast_overlay"), "_Undo");
  g_assert_false (rubric_answer_get_skipped (skipped));
  g_assert_cmpint (rubric_answer_get_rating (skipped), ==, 3);

  /* A rating key on a skipped question clears the mark and rates: one
   * step, undone whole. */
  activate (window, "win.skip", NULL);
  activate (window, "win.rate", g_variant_new_int32 (1));
  g_assert_false (rubric_answer_get_skipped (skipped));
  activate (window, "win.undo", NULL);
  g_assert_true (rubric_answer_get_skipped (skipped));
  g_assert_cmpint (rubric_answer_get_rating (skipped), ==, 3);
  activate (window, "win.undo", NULL);
  g_assert_false (rubric_answer_get_skipped (skipped));

  /* Undo shows the question it changed: the first one again. */
  activate (window, "win.previous-question", NULL);
  activate (window, "win.rate", g_variant_new_int32 (4));
  activate (window, "win.next-question", NULL);
  g_assert_true (rubric_question_card_get_question (rubric_question_pane_get_current_card (child (window, "question_pane"))) == second);
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);
  g_assert_true (rubric_question_card_get_question (rubric_question_pane_get_current_card (child (window, "question_pane"))) == first);

  /* A tick, and its checklist row, come back unticked. */
  activate (window, "win.reveal", NULL);
  activate (window, "win.tick", g_variant_new_int32 (1));
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 0));
  activate (window, "win.undo", NULL);
  g_assert_false (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 0));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (rubric_test_find_descendant (rubric_question_card_get_checklist_row (card_at (window, 0), 1),
                                                                                                GTK_TYPE_CHECK_BUTTON))));

  /* The recommendation, from the panel's toggles: a toast, and back. */
  adw_toggle_group_set_active_name (recommendation, "strong-yes");
  g_assert_cmpint (rubric_session_get_recommendation (session), ==, RUBRIC_RECOMMENDATION_STRONG_YES);
  g_assert_true (toast_shows (window, "Recommendation changed"));
  rubric_test_iterate ();
  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "undo-toast");
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_session_get_recommendation (session), ==, RUBRIC_RECOMMENDATION_NONE);
  g_assert_cmpstr (adw_toggle_group_get_active_name (recommendation), ==, "none");

  /* Sealed: undo changes nothing, and nothing from before the seal comes
   * back once unsealed. */
  activate (window, "win.rate", g_variant_new_int32 (5));
  rubric_session_seal (session);
  rubric_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (probe));
  activate (window, "win.undo", NULL);
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 5);
  rubric_session_unseal (session);
  rubric_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (probe));

  gtk_widget_unparent (probe);
  rubric_session_set_candidate_name (session, "Undo Candidate");
  rubric_test_destroy_window (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ sealing */

/* A child of the window's candidate panel (rubric-candidate-panel.ui). */
static gpointer
panel_child (RubricWindow *window,
             const char   *name)
{
  return template_child (child (window, "candidate_panel"), RUBRIC_TYPE_CANDIDATE_PANEL, name);
}

/* Whether what the scorecard scores can be changed in the window: every
 * control that changes it agrees, or the test fails. */
static gboolean
scorecard_editable (RubricWindow *window)
{
  const char *scored[] = {
    "name_row", "role_row", "interviewer_row", "date_row", "strengths_group", "concerns_group",
    "topic_notes_view", "recommendation_group", "summary_view",
  };
  GtkWidget *rating_row = gtk_widget_get_first_child (panel_child (window, "ratings_box"));
  GtkWidget *checklist = template_child (GTK_WIDGET (card_at (window, 0)), RUBRIC_TYPE_QUESTION_CARD, "key_points_list");
  gboolean editable = gtk_widget_is_sensitive (rating_row);

  for (guint i = 0; i < G_N_ELEMENTS (scored); i++)
    if (gtk_widget_is_sensitive (panel_child (window, scored[i])) != editable)
      g_error ("%s is %s, the rating row is not", scored[i], editable ? "insensitive" : "sensitive");
  g_assert_cmpint (gtk_widget_is_sensitive (checklist), ==, editable);
  /* The private notes are outside the seal: always the interviewer's. */
  g_assert_true (gtk_widget_is_sensitive (panel_child (window, "private_notes_view")));
  return editable;
}

static AdwAlertDialog *
visible_alert (RubricWindow *window,
               const char   *heading)
{
  AdwDialog *dialog;

  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL, 2000);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, heading);
  return ADW_ALERT_DIALOG (dialog);
}

static void
wait_no_dialog (RubricWindow *window)
{
  RUBRIC_WAIT_FOR (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL, 2000);
}

/* Seal Scorecard asks, seals, and the scorecard is frozen under a banner
 * (and written); Unseal to Edit asks, and the old seal goes into the
 * history. */
static void
test_seal (void)
{
  g_autofree char *path = temp_path ("seal.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricSession) saved = new_session ("Sealed Candidate");
  g_autoptr(GError) error = NULL;
  AdwBanner *banner;
  RubricSession *session;
  RubricWindow *window;
  RubricAnswer *answer;

  g_assert_true (rubric_session_save (saved, file, NULL, &error));
  window = open_file_in_window (path);
  session = rubric_window_get_session (window);
  banner = child (window, "seal_banner");
  activate (window, "win.rate", g_variant_new_int32 (4));
  answer = rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card_at (window, 0))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (scorecard_editable (window));
  /* Nothing to unseal: no alert. */
  activate (window, "win.unseal", NULL);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

  /* Cancel seals nothing. */
  activate (window, "win.seal", NULL);
  press_button (GTK_WIDGET (visible_alert (window, "Seal the Scorecard?")), "_Cancel");
  wait_no_dialog (window);
  g_assert_null (rubric_session_get_sealed_at (session));

  activate (window, "win.seal", NULL);
  /* The key again while the alert is open: still one alert */
  {
    AdwDialog *first = ADW_DIALOG (visible_alert (window, "Seal the Scorecard?"));

    activate (window, "win.seal", NULL);
    g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == first);
  }
  press_button (GTK_WIDGET (visible_alert (window, "Seal the Scorecard?")), "_Seal");
  wait_no_dialog (window);
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_VALID);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_true (g_str_has_prefix (adw_banner_get_title (banner), "Sealed on "));
  g_assert_true (g_str_has_suffix (adw_banner_get_title (banner), " — the panel sees this scorecard"));
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (child (window, "window_title")), " · Sealed"));
  g_assert_false (scorecard_editable (window));
  /* Sealed once: Seal asks nothing again. */
  activate (window, "win.seal", NULL);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  /* A key that would rate does nothing now. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rate", "i", 1);
  rubric_test_iterate ();
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 4);
  RUBRIC_WAIT_FOR (file_contains (path, "\"seal\" : {"), 15000);

  rubric_test_wait (300);
  rubric_test_screenshot (GTK_WIDGET (window), "sealed");
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  rubric_test_wait (500);
  rubric_test_screenshot (GTK_WIDGET (window), "sealed-narrow");

  /* Unseal asks; Cancel keeps the seal. */
  activate (window, "win.unseal", NULL);
  press_button (GTK_WIDGET (visible_alert (window, "Unseal the Scorecard?")), "_Cancel");
  wait_no_dialog (window);
  g_assert_nonnull (rubric_session_get_sealed_at (session));

  activate (window, "win.unseal", NULL);
  press_button (GTK_WIDGET (visible_alert (window, "Unseal the Scorecard?")), "_Unseal");
  wait_no_dialog (window);
  g_assert_null (rubric_session_get_sealed_at (session));
  g_assert_cmpuint (rubric_session_get_n_seal_history (session), ==, 1);
  g_assert_nonnull (rubric_session_get_edited_after_seal (session));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (scorecard_editable (window));
  activate (window, "win.rate", g_variant_new_int32 (2));
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 2);
  RUBRIC_WAIT_FOR (file_contains (path, "\"seal_history\" : [") && !file_contains (path, "\"seal\" : {"), 15000);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

/* A sealed file edited by hand opens read-only, with a banner that says
 * where it changed; Rubric does not seal it again. */
static void
test_seal_broken (void)
{
  g_autofree char *path = temp_path ("broken-seal.rubric.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RubricSession) saved = new_session ("Edited By Hand");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  AdwBanner *banner;
  RubricSession *session;
  RubricWindow *window;

  rubric_session_set_recommendation (saved, RUBRIC_RECOMMENDATION_NO);
  rubric_session_seal (saved);
  g_assert_true (rubric_session_save (saved, file, NULL, &error));
  text = contents_of (path);
  {
    g_auto(GStrv) halves = g_strsplit (text, "\"recommendation\" : \"no\"", 2);

    g_assert_cmpuint (g_strv_length (halves), ==, 2);
    edited = g_strjoinv ("\"recommendation\" : \"strong-yes\"", halves);
  }
  g_assert_true (g_file_set_contents (path, edited, -1, &error));

  window = open_file_in_window (path);
  session = rubric_window_get_session (window);
  banner = child (window, "seal_banner");
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_BROKEN);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (g_str_has_prefix (adw_banner_get_title (banner), "Changed after it was sealed on "));
  g_assert_true (g_str_has_suffix (adw_banner_get_title (banner), " ($.recommendation)"));
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (child (window, "window_title")), " · Changed after sealing"));
  g_assert_false (scorecard_editable (window));
  /* Left as it is: nothing is written, the seal stays broken. */
  rubric_test_wait (2500);
  after = contents_of (path);
  g_assert_cmpstr (after, ==, edited);
  rubric_test_screenshot (GTK_WIDGET (window), "seal-broken");

  /* Unsealing accepts the change; the old seal goes into the history. */
  activate (window, "win.unseal", NULL);
  press_button (GTK_WIDGET (visible_alert (window, "Unseal the Scorecard?")), "_Unseal");
  wait_no_dialog (window);
  g_assert_cmpint (rubric_session_get_seal_state (session), ==, RUBRIC_SEAL_NONE);
  g_assert_cmpint (rubric_session_get_recommendation (session), ==, RUBRIC_RECOMMENDATION_STRONG_YES);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (scorecard_editable (window));
  RUBRIC_WAIT_FOR (file_contains (path, "\"seal_history\" : ["), 15000);

  rubric_test_destroy_window (GTK_WINDOW (window));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Drafts and recent files go to a folder of the test's own. */
  tmp_dir = rubric_test_make_home ("rubric-ui-XXXXXX");
  rubric_test_init (&argc, &argv);
  app = rubric_test_new_application ();

  g_test_add_func ("/window/start-page", test_start_page);
  g_test_add_func ("/window/plan", test_plan);
  g_test_add_func ("/window/plan-sizes", test_plan_sizes);
  g_test_add_func ("/window/browse-and-reveal", test_browse_and_reveal);
  g_test_add_func ("/window/next-topic-prepared", test_next_topic_prepared);
  g_test_add_func ("/window/next-topic-frame", test_next_topic_frame);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/study", test_study);
  g_test_add_func ("/window/study-due", test_study_due);
  g_test_add_func ("/window/import-kit", test_import_kit);
  g_test_add_func ("/window/toasts-are-text", test_toasts_are_text);
  g_test_add_func ("/window/export-not-onto-interview", test_export_not_onto_interview);
  g_test_add_func ("/window/open-same-file-twice", test_open_same_file_twice);
  g_test_add_func ("/window/import-anki", test_import_anki);
  g_test_add_func ("/window/missing-kit", test_missing_kit);
  g_test_add_func ("/window/safe-mode", test_safe_mode);
  g_test_add_func ("/window/rate-and-notes", test_rate_and_notes);
  g_test_add_func ("/window/autosave-and-reopen", test_autosave_and_reopen);
  g_test_add_func ("/window/corrupt-file", test_corrupt_file);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/wrapping-labels", test_wrapping_labels);
  g_test_add_func ("/window/export-safe-mode", test_export_safe_mode);
  g_test_add_func ("/window/export-anonymize", test_export_anonymize);
  g_test_add_func ("/window/close-untitled-asks", test_close_untitled_asks);
  g_test_add_func ("/window/recovered-drafts", test_recovered_drafts);
  g_test_add_func ("/window/idle-session-unchanged", test_idle_session_unchanged);
  g_test_add_func ("/window/failed-save-close-asks", test_failed_save_close_asks);
  g_test_add_func ("/window/conflict-banner", test_conflict_banner);
  g_test_add_func ("/window/undo", test_undo);
  g_test_add_func ("/window/seal", test_seal);
  g_test_add_func ("/window/seal-broken", test_seal_broken);
  g_test_add_func ("/window/one-change-one-render", test_one_change_one_render);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/wide", test_wide);
  g_test_add_func ("/window/focus-follows", test_focus_follows);
  g_test_add_func ("/window/pause", test_pause);
  g_test_add_func ("/window/evidence", test_evidence);
  g_test_add_func ("/window/evidence-screenshots", test_evidence_screenshots);
  g_test_add_func ("/window/search-result-focus", test_search_result_focus);
  g_test_add_func ("/window/state-saved", test_window_state_saved);
  g_test_add_func ("/window/accels-and-about", test_accels_and_about);
  g_test_add_func ("/window/main-menu-lazy", test_main_menu_lazy);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);

  return ret;
}
