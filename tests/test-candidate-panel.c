/* test-candidate-panel.c — the candidate panel's strengths and concerns, by its controls
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items are added by typing in the "Add" entry and pressing Enter (or its
 * button), edited in their own entries, and removed by their buttons; the
 * session follows at once, and a list set on the session shows. Screenshots
 * of the groups, wide and narrow: candidate-panel-lists*.png.
 *
 * Every notes view is spell checked where Rubric is built with libspelling,
 * on and off with the "spell-check" setting: candidate-panel-spelling.png
 * shows a misspelled word underlined.
 */

#include "config.h"

#include <string.h>

#include "rubric-candidate-panel.h"
#include "rubric-core-test-utils.h"
#include "rubric-list-group.h"
#include "rubric-notes-view.h"
#include "rubric-rating-row.h"
#include "rubric-test-utils.h"

#if HAVE_SPELLCHECK
# include <libspelling.h>
#endif

#define KIT_NAME "minimal.rubric-kit.json"

#define panel_child(panel, name) rubric_test_template_child ((panel), RUBRIC_TYPE_CANDIDATE_PANEL, (name))
#define group_child(group, name) rubric_test_template_child ((group), RUBRIC_TYPE_LIST_GROUP, (name))

typedef struct
{
  RubricKit *kit;
  RubricSession *session;
  GtkWindow *window;
  RubricCandidatePanel *panel;   /* borrowed: the window's child */
} Fixture;

static void
open_panel (Fixture *fixture,
            int      width,
            int      height)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->panel = g_object_new (RUBRIC_TYPE_CANDIDATE_PANEL, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  rubric_candidate_panel_set_session (fixture->panel, fixture->session, fixture->kit);
  rubric_test_show_window (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->kit = rubric_test_load_kit (KIT_NAME);
  fixture->session = rubric_session_new (fixture->kit);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    rubric_test_destroy_window (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->kit);
}


/* The row of the INDEXth item (the add row after the last). */
static AdwEntryRow *
item_row (RubricListGroup *group,
          guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (group_child (group, "list"), (int) index);

  g_assert_nonnull (row);
  return ADW_ENTRY_ROW (row);
}

static guint
n_item_rows (RubricListGroup *group)
{
  return (guint) gtk_list_box_row_get_index (group_child (group, "add_row"));
}

/* Enter in ROW's text field: its "activate", as the key gives it. */
static void
press_enter (AdwEntryRow *row)
{
  GtkWidget *text = rubric_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  rubric_test_iterate ();
}

static void
type_and_add (RubricListGroup *group,
              const char      *text)
{
  AdwEntryRow *add_row = group_child (group, "add_row");

  gtk_editable_set_text (GTK_EDITABLE (add_row), text);
  press_enter (add_row);
}

static gboolean
shows_icon (GtkWidget     *widget,
            gconstpointer  icon)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

/* The row's button that removes it: the one with the minus. */
static GtkWidget *
remove_button (AdwEntryRow *row)
{
  GtkWidget *button = rubric_test_find (GTK_WIDGET (row), shows_icon, "list-remove-symbolic");

  g_assert_nonnull (button);
  return button;
}

static gboolean
has_focus_within (GtkWindow *window,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  if (!g_strv_equal (actual, expected))
    {
      g_autofree char *a = g_strjoinv (" | ", (GStrv) actual);
      g_autofree char *e = g_strjoinv (" | ", (GStrv) expected);

      g_error ("“%s” is not “%s”", a, e);
    }
}

/* Add, edit, move on, remove: each by the panel's own controls, the
 * session following every step and counting it as a change. */
static void
test_strengths (Fixture       *fixture,
                gconstpointer  data)
{
  RubricListGroup *group;
  AdwEntryRow *add_row;
  AdwEntryRow *first;
  guint64 changes;

  open_panel (fixture, 420, 900);
  group = panel_child (fixture->panel, "strengths_group");
  add_row = group_child (group, "add_row");
  g_assert_cmpuint (n_item_rows (group), ==, 0);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Strengths");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (add_row)), ==, "Add a strength");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (group_child (group, "list")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Strengths");

  /* Enter adds the typed item, trimmed, and empties the entry for the next. */
  changes = rubric_session_get_change_count (fixture->session);
  gtk_widget_grab_focus (GTK_WIDGET (add_row));
  type_and_add (group, "  Clear on the ORM ");
  assert_strv (rubric_session_get_strengths (fixture->session), (const char * const[]) { "Clear on the ORM", NULL });
  g_assert_cmpuint (rubric_session_get_change_count (fixture->session), >, changes);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_true (has_focus_within (fixture->window, GTK_WIDGET (add_row)));
  g_assert_cmpuint (n_item_rows (group), ==, 1);

  /* Enter with nothing typed adds nothing. */
  type_and_add (group, "   ");
  g_assert_cmpuint (n_item_rows (group), ==, 1);
  type_and_add (group, "Asks before assuming");
  assert_strv (rubric_session_get_strengths (fixture->session),
               (const char * const[]) { "Clear on the ORM", "Asks before assuming", NULL });

  /* Each item is an entry named by its place; its text field is the Tab
   * stop, and its button says what it removes. */
  first = item_row (group, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Strength 1");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item_row (group, 1))), ==, "Strength 2");
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (first)));
  g_assert_true (gtk_widget_get_focusable (rubric_test_find_descendant (GTK_WIDGET (first), GTK_TYPE_TEXT)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove_button (first)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove strength: Clear on the ORM");

  /* Editing an item edits the session; the row stays the same row. */
  changes = rubric_session_get_change_count (fixture->session);
  gtk_editable_set_text (GTK_EDITABLE (first), "Clear on the ORM and SQL");
  rubric_test_iterate ();
  assert_strv (rubric_session_get_strengths (fixture->session),
               (const char * const[]) { "Clear on the ORM and SQL", "Asks before assuming", NULL });
  g_assert_cmpuint (rubric_session_get_change_count (fixture->session), >, changes);
  g_assert_true (item_row (group, 0) == first);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove_button (first)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove strength: Clear on the ORM and SQL");

  /* Enter in an item moves on to the next one, then to the add row. */
  gtk_widget_grab_focus (GTK_WIDGET (first));
  press_enter (first);
  g_assert_true (has_focus_within (fixture->window, GTK_WIDGET (item_row (group, 1))));
  press_enter (item_row (group, 1));
  g_assert_true (has_focus_within (fixture->window, GTK_WIDGET (add_row)));

  /* The remove button removes its item; the focus goes on to the next
   * row, and the rows are numbered again. */
  gtk_widget_grab_focus (remove_button (first));
  g_signal_emit_by_name (remove_button (first), "clicked");
  rubric_test_iterate ();
  assert_strv (rubric_session_get_strengths (fixture->session),
               (const char * const[]) { "Asks before assuming", NULL });
  g_assert_cmpuint (n_item_rows (group), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item_row (group, 0))), ==, "Strength 1");
  g_assert_true (has_focus_within (fixture->window, GTK_WIDGET (item_row (group, 0))));

  /* An item emptied and left with Enter goes. */
  gtk_editable_set_text (GTK_EDITABLE (item_row (group, 0)), "");
  rubric_test_iterate ();
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_strengths (fixture->session)), ==, 0);
  press_enter (item_row (group, 0));
  g_assert_cmpuint (n_item_rows (group), ==, 0);
  g_assert_true (has_focus_within (fixture->window, GTK_WIDGET (add_row)));
}

/* The concerns, added with the button; a list set on the session shows,
 * and one the rows already hold leaves them be. */
static void
test_concerns_and_model (Fixture       *fixture,
                         gconstpointer  data)
{
  RubricListGroup *group;
  AdwEntryRow *add_row;
  AdwEntryRow *row;

  open_panel (fixture, 420, 900);
  group = panel_child (fixture->panel, "concerns_group");
  add_row = group_child (group, "add_row");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Concerns");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (group_child (group, "add_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Add a concern");

  gtk_editable_set_text (GTK_EDITABLE (add_row), "Vague on CSRF");
  g_signal_emit_by_name (group_child (group, "add_button"), "clicked");
  rubric_test_iterate ();
  assert_strv (rubric_session_get_concerns (fixture->session), (const char * const[]) { "Vague on CSRF", NULL });
  g_assert_true (has_focus_within (fixture->window, GTK_WIDGET (add_row)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove_button (item_row (group, 0))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove concern: Vague on CSRF");
  /* The strengths are another list. */
  g_assert_cmpuint (g_strv_length ((GStrv) rubric_session_get_strengths (fixture->session)), ==, 0);

  /* The model's own list (a reload, another view) replaces the rows… */
  rubric_session_set_concerns (fixture->session, (const char * const[]) { "Late", "Terse", NULL });
  rubric_test_iterate ();
  g_assert_cmpuint (n_item_rows (group), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item_row (group, 0))), ==, "Late");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item_row (group, 1))), ==, "Terse");
  rubric_session_set_strengths (fixture->session, (const char * const[]) { "Calm", NULL });
  rubric_test_iterate ();
  g_assert_cmpuint (n_item_rows (panel_child (fixture->panel, "strengths_group")), ==, 1);

  /* …but a row the user is typing in stays as typed, white space and
   * all, while the session has it trimmed. */
  row = item_row (group, 1);
  gtk_editable_set_text (GTK_EDITABLE (row), "Terse ");
  rubric_test_iterate ();
  assert_strv (rubric_session_get_concerns (fixture->session), (const char * const[]) { "Late", "Terse", NULL });
  gtk_editable_set_text (GTK_EDITABLE (row), "Terse answers ");
  rubric_test_iterate ();
  assert_strv (rubric_session_get_concerns (fixture->session),
               (const char * const[]) { "Late", "Terse answers", NULL });
  g_assert_true (item_row (group, 1) == row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Terse answers ");
}

/* Titles and prompts from a kit are shown as written: "&" and "<i>" are
 * text, not markup (which would be an error, or italics). */
static void
test_text_is_text (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_kit ("markup.rubric-kit.json");
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RubricCandidatePanel *panel = g_object_new (RUBRIC_TYPE_CANDIDATE_PANEL, NULL);
  RubricTopic *topic = g_list_model_get_item (rubric_kit_get_topics (kit), 0);

  gtk_window_set_default_size (window, 420, 900);
  gtk_window_set_child (window, GTK_WIDGET (panel));
  rubric_candidate_panel_set_session (panel, session, kit);
  rubric_candidate_panel_set_topic (panel, topic);
  rubric_test_show_window (window);

  g_assert_nonnull (rubric_test_find_label (GTK_WIDGET (panel), "R&D <i>teams</i>"));
  g_assert_nonnull (rubric_test_find_label (GTK_WIDGET (panel), "When is <select_related> the answer & when is it not?"));

  g_object_unref (topic);
  rubric_test_destroy_window (window);
}

/* A session from a newer Rubric is read-only: its lists show, and cannot
 * be edited. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = "{\"format\": \"rubric-session\", \"version\": 2, \"kit\": {\"id\": \"example\"}, "
                     "\"strengths\": [\"Calm\"], \"concerns\": [\"Late\"]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RubricListGroup *strengths;

  g_clear_object (&fixture->session);
  fixture->session = rubric_session_new_from_bytes (bytes, fixture->kit, &error);
  g_assert_no_error (error);
  g_assert_true (rubric_session_get_read_only (fixture->session));

  open_panel (fixture, 420, 900);
  strengths = panel_child (fixture->panel, "strengths_group");
  g_assert_cmpuint (n_item_rows (strengths), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item_row (strengths, 0))), ==, "Calm");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (strengths)));
  g_assert_false (gtk_widget_get_sensitive (panel_child (fixture->panel, "concerns_group")));
}

/* The panel scrolled to its lists, for a screenshot. */
static void
screenshot_lists (Fixture    *fixture,
                  const char *name)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (fixture->panel)));
  GtkWidget *summary = gtk_widget_get_parent (gtk_widget_get_parent (panel_child (fixture->panel, "summary_view")));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t point;

  /* From the summary down: the groups under it are what this is about. */
  rubric_test_wait (200);
  g_assert_true (gtk_widget_compute_point (summary, gtk_scrolled_window_get_child (scroller),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 48);
  rubric_test_wait (300);
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (fixture->window), name), >, 20);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  rubric_session_set_summary (fixture->session,
                              "A solid senior developer; worth a second interview on security.");
  rubric_session_set_strengths (fixture->session, (const char * const[]) {
    "Hands-on ORM tuning: select_related, prefetch_related, EXPLAIN",
    "Reviews the SQL of every migration before merging",
    NULL,
  });
  rubric_session_set_concerns (fixture->session, (const char * const[]) {
    "Unsure how the CSRF token reaches AJAX requests",
    NULL,
  });

  open_panel (fixture, 480, 900);
  screenshot_lists (fixture, "candidate-panel-lists");
  rubric_test_destroy_window (g_steal_pointer (&fixture->window));

  open_panel (fixture, 300, 640);
  screenshot_lists (fixture, "candidate-panel-lists-narrow");
}

/* ------------------------------------------------------------ kept rows */

/* A topic's rating rows are kept: the next topic's are built before it is
 * shown, a topic shown again gets its own rows back (with no edit to undo
 * from before), and no more than three topics' rows are kept. */
static void
test_kept_rows (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  GListModel *topics = rubric_kit_get_topics (kit);
  g_autoptr(RubricTopic) first_topic = g_list_model_get_item (topics, 0);
  g_autoptr(RubricTopic) second_topic = g_list_model_get_item (topics, 1);
  RubricTopicPages *pages;
  GtkWidget *ratings;
  GtkWidget *first;
  GtkTextBuffer *notes;

  g_set_object (&fixture->kit, kit);
  g_set_object (&fixture->session, session);
  open_panel (fixture, 400, 800);
  ratings = panel_child (fixture->panel, "ratings_box");
  pages = rubric_candidate_panel_get_pages (fixture->panel);

  rubric_candidate_panel_set_topic (fixture->panel, first_topic);
  first = gtk_widget_get_first_child (ratings);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, 3);
  notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (rubric_test_find_descendant (first, RUBRIC_TYPE_NOTES_VIEW)));
  gtk_text_buffer_insert_at_cursor (notes, "Knew the ORM well", -1);
  g_assert_true (gtk_text_buffer_get_can_undo (notes));

  /* The next topic's rows are built in idle time, so showing it builds none. */
  rubric_candidate_panel_prepare_topic (fixture->panel, second_topic);
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, 3);
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, 6);
  rubric_candidate_panel_set_topic (fixture->panel, second_topic);
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, 6);
  g_assert_true (gtk_widget_get_first_child (ratings) != first);
  {
    g_autoptr(RubricQuestion) question = g_list_model_get_item (rubric_topic_get_questions (second_topic), 0);

    g_assert_true (rubric_rating_row_get_question (RUBRIC_RATING_ROW (gtk_widget_get_first_child (ratings))) == question);
  }

  /* Back: the same rows, their notes kept, nothing from before to undo. */
  rubric_candidate_panel_set_topic (fixture->panel, first_topic);
  g_assert_true (gtk_widget_get_first_child (ratings) == first);
  g_assert_cmpstr (rubric_answer_get_notes (rubric_session_lookup_answer (session,
                                                                         rubric_question_get_id (rubric_rating_row_get_question (RUBRIC_RATING_ROW (first))))),
                   ==, "Knew the ORM well");
  g_assert_false (gtk_text_buffer_get_can_undo (notes));

  /* Through the whole interview, three topics' rows at most. */
  for (guint i = 1; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, i);

      rubric_candidate_panel_prepare_topic (fixture->panel, topic);
      rubric_test_iterate ();
      rubric_candidate_panel_set_topic (fixture->panel, topic);
      g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), <=, 3 * 3);
    }
  g_assert_null (first);
}

/* ------------------------------------------------------------ spelling */

/* The panel's notes views: the topic's, a question's, the summary and
 * the private notes. */
static void
notes_views (Fixture     *fixture,
             GtkTextView *views[4])
{
  views[0] = panel_child (fixture->panel, "topic_notes_view");
  views[1] = GTK_TEXT_VIEW (rubric_test_find_descendant (panel_child (fixture->panel, "ratings_box"),
                                                         RUBRIC_TYPE_NOTES_VIEW));
  views[2] = panel_child (fixture->panel, "summary_view");
  views[3] = panel_child (fixture->panel, "private_notes_view");
  for (guint i = 0; i < 4; i++)
    g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (views[i], RUBRIC_TYPE_NOTES_VIEW));
}

/* Typing in a notes view: the buffer's interactive insert, as a key
 * press gives it. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (view), text, -1, TRUE);
  rubric_test_iterate ();
}

#if HAVE_SPELLCHECK
static gboolean
spelling_enabled (GtkTextView *view)
{
  GObject *spelling = rubric_notes_view_get_spelling (view);

  g_assert_nonnull (spelling);
  return spelling_text_buffer_adapter_get_enabled (SPELLING_TEXT_BUFFER_ADAPTER (spelling));
}

static gboolean
has_dictionary (void)
{
  const char *language = spelling_checker_get_language (spelling_checker_get_default ());

  return language != NULL && spelling_provider_supports_language (spelling_provider_get_default (), language);
}

/* Is the first WORD in VIEW underlined as misspelled? */
static gboolean
marked_misspelled (GtkTextView *view,
                   const char  *word)
{
  SpellingTextBufferAdapter *spelling = SPELLING_TEXT_BUFFER_ADAPTER (rubric_notes_view_get_spelling (view));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match, NULL, NULL));
  gtk_text_iter_forward_char (&match);
  return gtk_text_iter_has_tag (&match, spelling_text_buffer_adapter_get_tag (spelling));
}
#endif

/* Whether the view had its checker when the window's first frame was
 * painted. */
static void
on_first_paint_cb (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  GtkTextView *view = user_data;
  int *checking = g_object_get_data (G_OBJECT (view), "checking-at-first-frame");

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_paint_cb, user_data);
  *checking = rubric_notes_view_get_checking (view);
}

static void
on_window_realize_cb (GtkWidget *window,
                      gpointer   view)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint_cb), view);
}

/* A notes view loads its checker (and so the dictionary) when it has
 * been shown, not when it is made: a window that shows no notes (the
 * start page) loads none; and not before the frame that shows it is
 * painted: the first frame of a window never waits for the dictionary. */
static void
test_spelling_lazy (void)
{
  GtkWidget *view = g_object_ref_sink (g_object_new (RUBRIC_TYPE_NOTES_VIEW, NULL));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  int checking_at_first_frame = -1;

  g_assert_false (rubric_notes_view_get_checking (GTK_TEXT_VIEW (view)));
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (view), rubric_notes_view_new_buffer ());
  g_assert_false (rubric_notes_view_get_checking (GTK_TEXT_VIEW (view)));
#if HAVE_SPELLCHECK
  /* Plain text in the theme's colours: no source style scheme, and none
   * read from disk to find one (look_for_no_style_schemes()). */
  g_assert_null (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)))));
  {
    const char * const *ids = gtk_source_style_scheme_manager_get_scheme_ids (gtk_source_style_scheme_manager_get_default ());

    g_assert_true (ids == NULL || ids[0] == NULL);
  }
#endif
  gtk_window_set_child (window, view);
  g_object_set_data (G_OBJECT (view), "checking-at-first-frame", &checking_at_first_frame);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), view);
  rubric_test_show_window (window);
  RUBRIC_WAIT_FOR (checking_at_first_frame != -1, 5000);
  g_assert_cmpint (checking_at_first_frame, ==, FALSE);
  RUBRIC_WAIT_FOR (rubric_notes_view_get_checking (GTK_TEXT_VIEW (view)) == rubric_notes_view_can_check_spelling (),
                   5000);
  rubric_test_destroy_window (window);
  g_object_unref (view);
}

static void
on_paint_count_cb (GdkFrameClock *frame_clock,
                   guint         *n_paints)
{
  (*n_paints)++;
}

/* The dictionary is read by a worker, not on the main thread (hunspell
 * takes 50-160 ms to read it): while the worker is held before reading,
 * the window shows the view and goes on painting, and the view waits; it
 * gets its checker once the dictionary is in. In a process of its own, so
 * that no earlier test has read the dictionary. */
static void
test_spelling_worker (void)
{
  GtkWidget *view;
  GtkWindow *window;
  guint n_paints = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  view = g_object_ref_sink (g_object_new (RUBRIC_TYPE_NOTES_VIEW, NULL));
  window = GTK_WINDOW (gtk_window_new ());
  rubric_notes_view_hold_dictionary (TRUE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (view), rubric_notes_view_new_buffer ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "A mispeled word", -1);
  gtk_window_set_child (window, view);
  rubric_test_show_window (window);
  /* Shown and painted, with idle time after: the view asked for its
   * checker, and waits for the dictionary. */
  rubric_test_wait (300);
  g_assert_false (rubric_notes_view_get_checking (GTK_TEXT_VIEW (view)));
  /* Meanwhile the main loop runs: the window paints again. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_paint_count_cb), &n_paints);
  gtk_widget_queue_draw (view);
  RUBRIC_WAIT_FOR (n_paints > 0, 5000);
  g_assert_false (rubric_notes_view_get_checking (GTK_TEXT_VIEW (view)));

  rubric_notes_view_hold_dictionary (FALSE);
  RUBRIC_WAIT_FOR (rubric_notes_view_get_checking (GTK_TEXT_VIEW (view)) == rubric_notes_view_can_check_spelling (),
                   5000);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), on_paint_count_cb, &n_paints);
  rubric_test_destroy_window (window);
  g_object_unref (view);
}

static void
test_spelling (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  RubricTopic *topic = rubric_kit_lookup_topic (fixture->kit, "http");
  GtkTextView *views[4];

  open_panel (fixture, 480, 900);
  rubric_candidate_panel_set_topic (fixture->panel, topic);
  rubric_test_iterate ();
  notes_views (fixture, views);

  /* Typing still goes into the session, checked or not. */
  type_into (views[0], "Explaned the status codes");
  g_assert_cmpstr (rubric_session_get_topic_notes (fixture->session, "http"), ==, "Explaned the status codes");
  type_into (views[2], "A solid developer; explaned caching well.");
  g_assert_cmpstr (rubric_session_get_summary (fixture->session), ==, "A solid developer; explaned caching well.");
  type_into (views[3], "Ask about the notise period");
  g_assert_cmpstr (rubric_session_get_private_notes (fixture->session), ==, "Ask about the notise period");

#if HAVE_SPELLCHECK
  /* On by default, in every view; the setting turns all of them off and
   * on again at once. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (spelling_enabled (views[i]));
  /* The misspelled words are underlined, the right ones are not, where
   * there is a dictionary for the locale's language or English (the SDK
   * root has hunspell-en-us; a runtime without any cannot check). */
  if (has_dictionary ())
    {
      RUBRIC_WAIT_FOR (marked_misspelled (views[0], "Explaned"), 5000);
      RUBRIC_WAIT_FOR (marked_misspelled (views[2], "explaned"), 5000);
      RUBRIC_WAIT_FOR (marked_misspelled (views[3], "notise"), 5000);
      g_assert_false (marked_misspelled (views[2], "developer"));

      gtk_widget_grab_focus (GTK_WIDGET (views[2]));
      g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (fixture->window), "candidate-panel-spelling"), >, 20);
    }
  else
    g_test_message ("no spelling dictionary installed: underlining not checked");

  g_settings_set_boolean (settings, "spell-check", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_false (spelling_enabled (views[i]));
  g_assert_false (marked_misspelled (views[2], "explaned"));

  g_settings_set_boolean (settings, "spell-check", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (spelling_enabled (views[i]));
  g_settings_reset (settings, "spell-check");
#else
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_null (rubric_notes_view_get_spelling (views[i]));
  g_test_message ("built without spell checking: only the notes checked");
#endif
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add ("/candidate-panel/strengths", Fixture, NULL, fixture_set_up, test_strengths, fixture_tear_down);
  g_test_add ("/candidate-panel/concerns-and-model", Fixture, NULL, fixture_set_up, test_concerns_and_model,
              fixture_tear_down);
  g_test_add ("/candidate-panel/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add_func ("/candidate-panel/text-is-text", test_text_is_text);
  g_test_add ("/candidate-panel/kept-rows", Fixture, NULL, fixture_set_up, test_kept_rows, fixture_tear_down);
  g_test_add_func ("/candidate-panel/spelling-lazy", test_spelling_lazy);
  g_test_add_func ("/candidate-panel/spelling-worker", test_spelling_worker);
  g_test_add ("/candidate-panel/spelling", Fixture, NULL, fixture_set_up, test_spelling, fixture_tear_down);
  g_test_add ("/candidate-panel/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
