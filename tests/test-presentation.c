/* test-presentation.c — the window for the candidate's eyes (F5)
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Driven in-process through the interview window's actions and the
 * presentation window's own shortcuts (the shortcut objects GTK runs on a
 * key press, activated directly: no real key press is sent here; the
 * AT-SPI tests in tests/e2e press real keys, not this window's).
 */

#include "config.h"

#include <string.h>

#include "rubric-application.h"
#include "rubric-interview-private.h"
#include "rubric-presentation-window.h"
#include "rubric-question-pane.h"
#include "rubric-scores.h"
#include "rubric-test-utils.h"
#include "rubric-window.h"

static RubricApplication *app;

static void
activate (RubricWindow *window,
          const char   *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  rubric_test_iterate ();
}

static RubricQuestionPane *
pane_of (RubricWindow *window)
{
  return rubric_test_template_child (window, RUBRIC_TYPE_WINDOW, "question_pane");
}

/* The one open window of @type, or NULL. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        {
          g_assert_null (found);
          found = window;
        }
    }
  return found;
}

/* The open presentation window, or NULL; there is never more than one. */
static RubricPresentationWindow *
find_presentation (void)
{
  return find_toplevel (RUBRIC_TYPE_PRESENTATION_WINDOW);
}

static const char *
label_text (RubricPresentationWindow *presentation,
            const char               *name)
{
  GtkLabel *label = rubric_test_template_child (presentation, RUBRIC_TYPE_PRESENTATION_WINDOW, name);

  g_assert_false (gtk_label_get_use_markup (label));
  return gtk_label_get_text (label);
}

/* The window shows the interview's current question, placed in its topic
 * as the question pane places it. */
static void
assert_follows (RubricWindow             *window,
                RubricPresentationWindow *presentation)
{
  RubricQuestion *current = rubric_interview_get_current_question (rubric_window_get_interview (window));
  RubricQuestionPane *pane = pane_of (window);
  g_autofree char *position = g_strdup_printf ("Question %u of %u",
                                               rubric_question_pane_get_question_index (pane) + 1,
                                               rubric_question_pane_get_n_questions (pane));

  g_assert_nonnull (current);
  g_assert_true (rubric_question_pane_get_current_question (pane) == current);
  g_assert_cmpstr (label_text (presentation, "prompt_label"), ==, rubric_question_get_prompt (current));
  g_assert_cmpstr (label_text (presentation, "topic_label"), ==,
                   rubric_topic_get_title (rubric_question_get_topic (current)));
  g_assert_cmpstr (label_text (presentation, "position_label"), ==, position);
  g_assert_true (gtk_widget_get_visible (rubric_test_template_child (presentation, RUBRIC_TYPE_PRESENTATION_WINDOW,
                                                                     "prompt_label")));
}

/* Every text the widget tree of @widget shows or tells a screen reader,
 * checked against @forbidden: none may contain one. An accessible label or
 * description is checked for being one of them (GTK has no getter). */
static void
assert_shows_none (GtkWidget          *widget,
                   GPtrArray          *forbidden,
                   guint              *n_texts)
{
  const char *text = NULL;
  g_autofree char *owned = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = owned = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
    }
  else if (GTK_IS_WINDOW (widget))
    text = gtk_window_get_title (GTK_WINDOW (widget));

  for (guint i = 0; i < forbidden->len; i++)
    {
      const char *bad = g_ptr_array_index (forbidden, i);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (text != NULL && strstr (text, bad) != NULL)
        g_error ("The presentation window shows “%s” in “%s”", bad, text);
      if (tooltip != NULL && strstr (tooltip, bad) != NULL)
        g_error ("The presentation window's tooltip tells “%s”", bad);
      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                         GTK_ACCESSIBLE_PROPERTY_LABEL, bad);

          if (differs == NULL)
            g_error ("The presentation window's accessible label is “%s”", bad);
        }
      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
        {
          g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, bad);

          if (differs == NULL)
            g_error ("The presentation window's accessible description is “%s”", bad);
        }
    }
  if (text != NULL && *text != '\0')
    (*n_texts)++;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    assert_shows_none (c, forbidden, n_texts);
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
add_texts (GPtrArray          *texts,
           const char * const *list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    add_text (texts, list[i]);
}

/* What the candidate must never see of the kit's questions: expected
 * answers, explanations, key points, red flags, rating anchors. */
static void
add_kit_answers (GPtrArray *texts,
                 RubricKit *kit)
{
  GListModel *topics = rubric_kit_get_topics (kit);

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(RubricTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = rubric_topic_get_questions (topic);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, q);

          add_text (texts, rubric_question_get_expected (question));
          add_text (texts, rubric_question_get_explanation (question));
          add_texts (texts, rubric_question_get_key_points (question));
          add_texts (texts, rubric_question_get_red_flags (question));
          for (int rating = 1; rating <= RUBRIC_RATING_MAX; rating++)
            add_text (texts, rubric_question_get_anchor (question, rating));
        }
    }
}

/* The shortcut of @widget's own controllers that @keyval triggers, run as
 * a key press would run it. */
static void
press_shortcut (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkShortcut *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && found == NULL; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            found = shortcut;
        }
    }
  g_assert_nonnull (found);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0, widget,
                                               gtk_shortcut_get_arguments (found)));
  rubric_test_iterate ();
}

static gboolean
presenting (RubricWindow *window)
{
  gboolean value = FALSE;

  g_object_get (window, "presenting", &value, NULL);
  return value;
}

/* -------------------------------------------------------------------- tests */

/* A whole interview's file: the window shows its prompt and follows J, and
 * none of its answers, notes, ratings or candidate. */
static void
test_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "full.rubric.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) forbidden = g_ptr_array_new_with_free_func (g_free);
  RubricPresentationWindow *presentation;
  RubricWindow *window;
  RubricSession *session;
  RubricAnswer *answer;
  RubricQuestion *first;
  guint n_texts = 0;

  rubric_application_open_file (app, file);
  RUBRIC_WAIT_FOR (find_toplevel (RUBRIC_TYPE_WINDOW) != NULL, 5000);
  window = find_toplevel (RUBRIC_TYPE_WINDOW);
  RUBRIC_WAIT_FOR (rubric_window_get_session (window) != NULL, 5000);
  session = rubric_window_get_session (window);
  _rubric_interview_stop_clock (rubric_window_get_interview (window));
  g_assert_null (find_presentation ());
  g_assert_false (presenting (window));

  activate (window, "win.present-question");
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  g_assert_true (presenting (window));
  g_assert_true (rubric_presentation_window_get_interview (presentation) == rubric_window_get_interview (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), ==, "Question — Rubric");
  assert_follows (window, presentation);
  g_assert_cmpstr (label_text (presentation, "prompt_label"), ==, "What happens when a browser requests a page?");
  /* HTTP's one stored prompt; http.status stored none */
  g_assert_cmpstr (label_text (presentation, "position_label"), ==, "Question 1 of 1");

  /* J, in the interview's window: on to the next topic's question */
  first = rubric_interview_get_current_question (rubric_window_get_interview (window));
  activate (window, "win.next-question");
  g_assert_true (rubric_interview_get_current_question (rubric_window_get_interview (window)) != first);
  assert_follows (window, presentation);
  g_assert_cmpstr (label_text (presentation, "prompt_label"), !=, "What happens when a browser requests a page?");
  activate (window, "win.previous-question");
  g_assert_true (rubric_interview_get_current_question (rubric_window_get_interview (window)) == first);
  assert_follows (window, presentation);

  /* The answer revealed in the interview's window; nothing of the
   * scorecard in the presentation. */
  activate (window, "win.reveal");
  activate (window, "win.show-all-answers");
  answer = rubric_session_lookup_answer (session, "http.main");
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, 4);
  add_text (forbidden, rubric_answer_get_notes (answer));
  add_text (forbidden, "Explained DNS");
  add_text (forbidden, rubric_rating_get_label (rubric_answer_get_rating (answer)));
  add_text (forbidden, rubric_session_get_private_notes (session));
  add_text (forbidden, rubric_session_get_summary (session));
  add_text (forbidden, rubric_session_get_topic_notes (session, "http"));
  add_text (forbidden, rubric_session_get_candidate_name (session));
  add_text (forbidden, "Caching headers");
  add_text (forbidden, "Sam Lee");
  add_kit_answers (forbidden, rubric_interview_get_kit (rubric_window_get_interview (window)));
  assert_shows_none (GTK_WIDGET (presentation), forbidden, &n_texts);
  /* it did look at something: the topic, the place and the prompt */
  g_assert_cmpuint (n_texts, >=, 3);

  /* F5 again, from the interview's window: gone */
  activate (window, "win.present-question");
  g_assert_null (find_presentation ());
  g_assert_false (presenting (window));

  rubric_test_destroy_window (GTK_WINDOW (window));
}

static RubricSession *
planned_session (void)
{
  RubricSession *session = rubric_session_new (rubric_application_get_kit (app));
  g_autoptr(RubricPlan) plan = rubric_plan_new ("short", "Short round", "django-senior", 20);

  /* Two of caching's questions, one of migrations' */
  rubric_plan_add_topic (plan, "caching", (const char *[]) { "caching.strategy", "caching.invalidation", NULL });
  rubric_plan_add_topic (plan, "migrations", (const char *[]) { "migrations.deploy", NULL });
  rubric_session_set_plan (session, plan);
  rubric_session_set_candidate_name (session, "Ada Lovelace");
  return session;
}

/* A planned interview with the bundled kit, whose questions have answers,
 * key points and red flags: the window counts the plan's questions as the
 * pane does, through the whole interview, and shows none of them. */
static void
test_planned (void)
{
  g_autoptr(RubricSession) session = planned_session ();
  g_autoptr(GPtrArray) forbidden = g_ptr_array_new_with_free_func (g_free);
  RubricWindow *window = rubric_window_new (app);
  RubricPresentationWindow *presentation;
  RubricInterview *interview;
  RubricAnswer *answer;
  guint n_texts = 0;

  rubric_test_show_window (GTK_WINDOW (window));
  /* Nothing to present without an interview. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.present-question", NULL) &&
                  find_presentation () != NULL);
  rubric_window_open_session (window, session, NULL, NULL);
  interview = rubric_window_get_interview (window);
  _rubric_interview_stop_clock (interview);
  rubric_test_iterate ();

  /* F5 in the interview's window */
  press_shortcut (GTK_WIDGET (window), GDK_KEY_F5);
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  g_assert_cmpstr (label_text (presentation, "position_label"), ==, "Question 1 of 2");
  assert_follows (window, presentation);

  add_kit_answers (forbidden, rubric_interview_get_kit (interview));
  g_assert_cmpuint (forbidden->len, >, 20);
  add_text (forbidden, rubric_session_get_candidate_name (session));
  add_text (forbidden, "A private remark");
  add_text (forbidden, rubric_rating_get_label (5));

  /* The whole plan, each answer revealed, rated and noted as it goes. */
  for (guint step = 0; step < 3; step++)
    {
      RubricQuestion *current = rubric_interview_get_current_question (interview);

      activate (window, "win.reveal");
      activate (window, "win.show-all-answers");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rate", "i", 5));
      answer = rubric_session_ensure_answer (session, current);
      rubric_answer_set_notes (answer, "A private remark");
      rubric_test_iterate ();
      assert_follows (window, presentation);
      n_texts = 0;
      assert_shows_none (GTK_WIDGET (presentation), forbidden, &n_texts);
      g_assert_cmpuint (n_texts, >=, 3);
      activate (window, "win.next-question");
    }
  g_assert_cmpstr (rubric_question_get_id (rubric_interview_get_current_question (interview)), ==, "migrations.deploy");
  g_assert_cmpstr (label_text (presentation, "position_label"), ==, "Question 1 of 1");

  /* "Show All Questions" counts the plan's others too, as the pane does. */
  activate (window, "win.previous-topic");
  activate (window, "win.show-all-questions");
  g_assert_cmpuint (rubric_question_pane_get_n_questions (pane_of (window)), >, 2);
  assert_follows (window, presentation);
  activate (window, "win.show-all-questions");
  assert_follows (window, presentation);
  g_assert_cmpstr (label_text (presentation, "position_label"), ==, "Question 1 of 2");

  /* F5 in the presentation window closes it... */
  press_shortcut (GTK_WIDGET (presentation), GDK_KEY_F5);
  g_assert_null (find_presentation ());
  g_assert_false (presenting (window));

  /* ...and so does Escape. */
  activate (window, "win.present-question");
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  press_shortcut (GTK_WIDGET (presentation), GDK_KEY_Escape);
  g_assert_null (find_presentation ());
  g_assert_false (presenting (window));

  /* It goes with the interview's window. */
  activate (window, "win.present-question");
  g_assert_nonnull (find_presentation ());
  rubric_test_destroy_window (GTK_WINDOW (window));
  g_assert_null (find_presentation ());
}

static RubricPresentationWindow *
show_presentation (RubricInterview *interview,
                   int              width,
                   int              height)
{
  RubricPresentationWindow *presentation = rubric_presentation_window_new (interview);

  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  rubric_test_show_window (GTK_WINDOW (presentation));
  /* Xvfb's screen is 1,920 × 1,080: GTK keeps a window that big a few
   * pixels inside it. */
  RUBRIC_WAIT_FOR (ABS (gtk_widget_get_width (GTK_WIDGET (presentation)) - width) <= 16 &&
                   ABS (gtk_widget_get_height (GTK_WIDGET (presentation)) - height) <= 16, 2000);
  rubric_test_wait (300);
  rubric_test_assert_wrapping_labels (GTK_WIDGET (presentation));
  return presentation;
}

/* On a second display, and on a phone-sized window; and before any
 * question is current. */
static void
test_screenshots (void)
{
  g_autoptr(RubricSession) session = planned_session ();
  g_autoptr(RubricSession) empty_session = rubric_session_new (rubric_application_get_kit (app));
  g_autoptr(RubricInterview) empty = rubric_interview_new (empty_session, rubric_application_get_kit (app), NULL, NULL);
  RubricWindow *window = rubric_window_new (app);
  RubricPresentationWindow *presentation;
  GtkStack *stack;

  rubric_test_show_window (GTK_WINDOW (window));
  rubric_window_open_session (window, session, NULL, NULL);
  _rubric_interview_stop_clock (rubric_window_get_interview (window));
  activate (window, "win.next-question");

  presentation = show_presentation (rubric_window_get_interview (window), 1920, 1080);
  assert_follows (window, presentation);
  /* The prompt grows with the window, and shrinks on a narrow one. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (presentation), "wide"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (presentation), "narrow"));
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (presentation), "presentation-wide"), >, 50);
  rubric_test_destroy_window (GTK_WINDOW (presentation));

  presentation = show_presentation (rubric_window_get_interview (window), 400, 800);
  assert_follows (window, presentation);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (presentation), "narrow"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (presentation), "wide"));
  g_assert_cmpuint (rubric_test_screenshot (GTK_WIDGET (presentation), "presentation-narrow"), >, 50);
  rubric_test_destroy_window (GTK_WINDOW (presentation));

  _rubric_interview_stop_clock (empty);
  g_assert_null (rubric_interview_get_current_question (empty));
  presentation = show_presentation (empty, 960, 600);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (presentation), "narrow"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (presentation), "wide"));
  stack = rubric_test_template_child (presentation, RUBRIC_TYPE_PRESENTATION_WINDOW, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  rubric_test_screenshot (GTK_WIDGET (presentation), "presentation-empty");
  rubric_test_destroy_window (GTK_WINDOW (presentation));

  rubric_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int ret;

  /* Drafts and recent files go to a folder of the test's own. */
  home = rubric_test_make_home ("rubric-presentation-XXXXXX");
  rubric_test_init (&argc, &argv);
  app = rubric_test_new_application ();

  g_test_add_func ("/presentation/file", test_file);
  g_test_add_func ("/presentation/planned", test_planned);
  g_test_add_func ("/presentation/screenshots", test_screenshots);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);

  return ret;
}

