/* test-question-pane.c — the question pane on its own
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rubric-core-test-utils.h"
#include "rubric-question-pane.h"
#include "rubric-test-utils.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_current_question (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricQuestionPane *pane = g_object_ref_sink (g_object_new (RUBRIC_TYPE_QUESTION_PANE, NULL));
  guint notified = 0;

  rubric_question_pane_set_kit (pane, kit);
  g_assert_false (rubric_question_pane_show_topic (pane, 10));
  g_assert_true (rubric_question_pane_show_topic (pane, 2));
  g_assert_cmpuint (rubric_question_pane_get_topic_index (pane), ==, 2);
  g_assert_cmpuint (rubric_question_pane_get_n_questions (pane), ==, 3);
  g_assert_cmpuint (rubric_question_pane_get_question_index (pane), ==, 0);

  /* :current-question says which question the keys act on. */
  g_signal_connect (pane, "notify::current-question", G_CALLBACK (count_cb), &notified);
  rubric_question_pane_set_question_index (pane, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (rubric_question_card_get_question (rubric_question_pane_get_current_card (pane)) ==
                 rubric_question_pane_get_current_question (pane));
  g_assert_cmpint (rubric_question_get_kind (rubric_question_pane_get_current_question (pane)), ==,
                   RUBRIC_QUESTION_KIND_FOLLOW_UP);
  rubric_question_pane_set_question_index (pane, 1);
  g_assert_cmpuint (notified, ==, 1);

  /* A new topic starts at its first question, every answer hidden. */
  rubric_question_card_set_revealed (rubric_question_pane_get_current_card (pane), TRUE);
  g_assert_true (rubric_question_pane_show_topic (pane, 3));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (rubric_question_pane_get_question_index (pane), ==, 0);
  g_assert_false (rubric_question_card_get_revealed (rubric_question_pane_get_current_card (pane)));

  g_assert_finalize_object (pane);
}

static void
test_safe_mode (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  RubricQuestionPane *pane = g_object_ref_sink (g_object_new (RUBRIC_TYPE_QUESTION_PANE, NULL));
  RubricQuestionCard *card;

  rubric_question_pane_set_kit (pane, kit);
  rubric_question_pane_show_topic (pane, 0);
  card = rubric_question_pane_get_current_card (pane);

  /* In screen-share safe mode no answer can be shown, even "Show All". */
  rubric_question_pane_set_can_reveal (pane, FALSE);
  rubric_question_pane_reveal_all (pane);
  g_assert_false (rubric_question_card_get_revealed (card));
  rubric_question_pane_set_can_reveal (pane, TRUE);
  rubric_question_pane_reveal_all (pane);
  g_assert_true (rubric_question_card_get_revealed (card));

  g_assert_finalize_object (pane);
}

/* In an interview a topic's cards are kept: the next one's are built
 * before it is shown, a topic shown again gets its own cards back with
 * every answer hidden, and no more than three topics' cards are kept. */
static void
test_kept_topics (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestionPane *pane = g_object_ref_sink (g_object_new (RUBRIC_TYPE_QUESTION_PANE, NULL));
  RubricTopicPages *pages = rubric_question_pane_get_pages (pane);
  guint n_topics = g_list_model_get_n_items (rubric_kit_get_topics (kit));
  RubricQuestionCard *first;
  guint kept;

  rubric_question_pane_set_kit (pane, kit);
  rubric_question_pane_set_session (pane, session);
  g_assert_true (rubric_question_pane_show_topic (pane, 0));
  first = rubric_question_pane_get_current_card (pane);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  rubric_question_card_set_revealed (first, TRUE);
  kept = rubric_topic_pages_count_widgets (pages);
  g_assert_cmpuint (kept, ==, 3);

  /* The next topic's cards are built in idle time… */
  rubric_question_pane_prepare_topic (pane, 1);
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, kept);
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, kept + 3);

  /* …so showing it builds none. */
  g_assert_true (rubric_question_pane_show_topic (pane, 1));
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, kept + 3);
  g_assert_true (rubric_question_card_get_question (rubric_question_pane_get_current_card (pane)) ==
                 rubric_question_pane_get_current_question (pane));
  g_assert_true (rubric_question_pane_get_current_card (pane) != first);

  /* Back: the same cards, the answer hidden as on a new one. */
  g_assert_true (rubric_question_pane_show_topic (pane, 0));
  g_assert_true (rubric_question_pane_get_current_card (pane) == first);
  g_assert_false (rubric_question_card_get_revealed (first));
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, kept + 3);

  /* Through the whole interview, three topics' cards at most. */
  for (guint i = 1; i < n_topics; i++)
    {
      rubric_question_pane_prepare_topic (pane, i);
      rubric_test_iterate ();
      g_assert_true (rubric_question_pane_show_topic (pane, i));
      g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), <=, 3 * 3);
    }
  g_assert_null (first);

  /* Another session: nothing kept is shown again. */
  g_assert_true (rubric_question_pane_show_topic (pane, n_topics - 2));
  first = rubric_question_pane_get_current_card (pane);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  {
    g_autoptr(RubricSession) other = rubric_session_new (kit);

    rubric_question_pane_set_session (pane, other);
    g_assert_true (rubric_question_pane_show_topic (pane, n_topics - 2));
    g_assert_null (first);
    g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, 3);
    rubric_question_pane_set_session (pane, NULL);
  }

  /* While studying, no card is kept: a rehearsal starts afresh. */
  g_assert_true (rubric_question_pane_show_topic (pane, 0));
  first = rubric_question_pane_get_current_card (pane);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  rubric_question_pane_prepare_topic (pane, 1);
  rubric_test_iterate ();
  g_assert_cmpuint (rubric_topic_pages_count_widgets (pages), ==, 3);
  g_assert_true (rubric_question_pane_show_topic (pane, 1));
  g_assert_null (first);

  g_assert_finalize_object (pane);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* The topic "migrations", whose main question (migrations.deploy) has five
 * key points, the second and the fifth senior, and three red flags; in a
 * window, as rows need a root to take the focus a click gives them. */
static RubricQuestionPane *
interview_pane (RubricKit     *kit,
                RubricSession *session)
{
  RubricQuestionPane *pane = g_object_ref_sink (g_object_new (RUBRIC_TYPE_QUESTION_PANE, NULL));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_set_default_size (window, 800, 900);
  rubric_test_show_window (window);
  rubric_question_pane_set_kit (pane, kit);
  rubric_question_pane_set_session (pane, session);
  rubric_question_pane_show_topic (pane, 0);
  g_assert_cmpstr (rubric_question_get_id (rubric_question_pane_get_current_question (pane)), ==, "migrations.deploy");
  return pane;
}

/* In an interview the key points and red flags are a checklist: a click
 * (the row's activation, as Space and Enter do it) ticks at the
 * interview's time, a note goes with the tick, and unticking drops both. */
static void
test_checklist (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestionPane *pane = interview_pane (kit, session);
  RubricQuestionCard *card = rubric_question_pane_get_current_card (pane);
  RubricQuestion *question = rubric_question_card_get_question (card);
  const char * const *points = rubric_question_get_key_points (question);
  const char * const *flags = rubric_question_get_red_flags (question);
  g_autofree char *note_name = g_strdup_printf ("Evidence note for %s", points[1]);
  GtkWidget *row;
  GtkWidget *note;
  RubricAnswer *answer;

  /* Five key points, then three red flags; nothing past them. */
  for (guint i = 1; i <= 8; i++)
    g_assert_nonnull (rubric_question_card_get_checklist_row (card, i));
  g_assert_null (rubric_question_card_get_checklist_row (card, 9));
  g_assert_null (rubric_question_card_get_checklist_row (card, 0));

  /* Plain text, never markup; the senior point says so in words. */
  row = rubric_question_card_get_checklist_row (card, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, points[1]);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (rubric_test_find (row, is_label_with_text, "Senior"));
  g_assert_null (rubric_test_find (rubric_question_card_get_checklist_row (card, 1), is_label_with_text, "Senior"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rubric_question_card_get_checklist_row (card, 6))),
                   ==, flags[0]);
  note = rubric_question_card_get_note_row (card, 2);
  g_assert_false (gtk_widget_get_visible (note));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_name);

  /* 12:34 into the interview, the second point is heard. */
  g_object_set (pane, "clock", (gint64) 754, NULL);
  g_assert_null (rubric_session_lookup_answer (session, "migrations.deploy"));
  gtk_widget_activate (row);
  answer = rubric_session_lookup_answer (session, "migrations.deploy");
  g_assert_nonnull (answer);
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 1));
  g_assert_cmpint (rubric_answer_get_tick_offset (answer, RUBRIC_TICK_KEY_POINT, 1), ==, 754);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "at 12:34");
  g_assert_true (gtk_widget_get_visible (note));

  /* The note goes to the tick as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (note), "for a column rename ");
  g_assert_cmpstr (rubric_answer_get_tick_note (answer, RUBRIC_TICK_KEY_POINT, 1), ==, "for a column rename");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "for a column rename ");

  /* Counting on from the key points into the red flags, as Alt+6 does. */
  g_object_set (pane, "clock", (gint64) 3723, NULL);
  g_assert_true (rubric_question_card_toggle_tick (card, 6));
  g_assert_true (rubric_answer_get_ticked (answer, RUBRIC_TICK_RED_FLAG, 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rubric_question_card_get_checklist_row (card, 6))),
                   ==, "at 1:02:03");
  g_assert_false (rubric_question_card_toggle_tick (card, 9));

  /* A change from elsewhere (a reload, another view) shows. */
  rubric_answer_set_ticked (answer, RUBRIC_TICK_KEY_POINT, 4, TRUE, 60);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (rubric_test_find_descendant (rubric_question_card_get_checklist_row (card, 5),
                                                                                              GTK_TYPE_CHECK_BUTTON))));

  /* Unticking asks nothing, and drops the time and the note. */
  gtk_widget_activate (row);
  g_assert_false (rubric_answer_get_ticked (answer, RUBRIC_TICK_KEY_POINT, 1));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "");
  g_assert_false (gtk_widget_get_visible (note));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");
  g_assert_cmpint (rubric_answer_get_rating (answer), ==, RUBRIC_RATING_NONE);

  /* Studying: a list to read, nothing to tick. */
  rubric_question_pane_set_session (pane, NULL);
  g_assert_null (rubric_question_card_get_checklist_row (card, 1));
  g_assert_false (rubric_question_card_toggle_tick (card, 1));

  rubric_test_destroy_window (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (pane))));
  g_assert_finalize_object (pane);
}

/* A session from a newer Rubric shows its ticks and takes no new ones. */
static void
test_checklist_read_only (void)
{
  const char *text = "{\"format\": \"rubric-session\", \"version\": 2, \"kit\": {\"id\": \"django-senior\"}, "
                     "\"answers\": {\"migrations.deploy\": {\"ticks\": [{\"kind\": \"red_flag\", \"point\": 2, \"offset_s\": 90}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSession) session = rubric_session_new_from_bytes (bytes, kit, &error);
  RubricQuestionPane *pane;
  RubricQuestionCard *card;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_true (rubric_session_get_read_only (session));
  pane = interview_pane (kit, session);
  card = rubric_question_pane_get_current_card (pane);
  row = rubric_question_card_get_checklist_row (card, 8);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "at 1:30");
  g_assert_false (gtk_widget_is_sensitive (row));
  g_assert_false (rubric_question_card_toggle_tick (card, 1));
  g_assert_false (rubric_answer_get_ticked (rubric_session_lookup_answer (session, "migrations.deploy"),
                                            RUBRIC_TICK_KEY_POINT, 0));

  rubric_test_destroy_window (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (pane))));
  g_assert_finalize_object (pane);
}

static void
count_rows (GtkWidget *widget,
            guint     *action_rows,
            guint     *entry_rows)
{
  if (ADW_IS_ENTRY_ROW (widget))
    (*entry_rows)++;
  else if (ADW_IS_ACTION_ROW (widget))
    (*action_rows)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_rows (child, action_rows, entry_rows);
}

/* A topic's cards are built with nothing that is not yet seen: the key
 * points and red flags are made when the answer is revealed (or a point
 * is ticked by its key), the note of a point when it is first ticked. */
static void
test_checklist_lazy (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestionPane *pane = interview_pane (kit, session);
  RubricQuestionCard *card = rubric_question_pane_get_current_card (pane);
  guint action_rows = 0, entry_rows = 0;

  count_rows (GTK_WIDGET (pane), &action_rows, &entry_rows);
  g_assert_cmpuint (action_rows, ==, 0);
  g_assert_cmpuint (entry_rows, ==, 0);

  /* Revealed: the card's eight points, and still no note. */
  rubric_question_card_set_revealed (card, TRUE);
  count_rows (GTK_WIDGET (card), &action_rows, &entry_rows);
  g_assert_cmpuint (action_rows, ==, 8);
  g_assert_cmpuint (entry_rows, ==, 0);

  /* Ticked: its note, right under it. */
  g_assert_true (rubric_question_card_toggle_tick (card, 3));
  action_rows = entry_rows = 0;
  count_rows (GTK_WIDGET (card), &action_rows, &entry_rows);
  g_assert_cmpuint (entry_rows, ==, 1);
  g_assert_true (gtk_widget_get_next_sibling (rubric_question_card_get_checklist_row (card, 3)) ==
                 rubric_question_card_get_note_row (card, 3));
  g_assert_true (gtk_widget_get_visible (rubric_question_card_get_note_row (card, 3)));

  /* Another card, not revealed: a tick by its key builds its checklist. */
  rubric_question_pane_set_question_index (pane, 1);
  card = rubric_question_pane_get_current_card (pane);
  g_assert_true (rubric_question_card_toggle_tick (card, 1));
  g_assert_true (rubric_answer_get_ticked (rubric_session_lookup_answer (session, rubric_question_get_id (rubric_question_card_get_question (card))),
                                           RUBRIC_TICK_KEY_POINT, 0));

  rubric_test_destroy_window (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (pane))));
  g_assert_finalize_object (pane);
}

/* A closed GtkRevealer still measures its child, so a hidden answer is
 * kept out of the widget tree's sizes: a topic's cards, first shown, would
 * otherwise shape every expected answer and explanation for nothing (it
 * was most of a topic change's frame). Revealed, it is shown and laid out;
 * hidden again, it leaves once the slide has ended. */
static void
test_hidden_answer (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestionPane *pane = interview_pane (kit, session);
  RubricQuestionCard *card = rubric_question_pane_get_current_card (pane);
  GtkWidget *expected = rubric_test_template_child (card, RUBRIC_TYPE_QUESTION_CARD, "expected_label");
  GtkWidget *explanation = rubric_test_template_child (card, RUBRIC_TYPE_QUESTION_CARD, "explanation_label");
  GtkRevealer *revealer = rubric_test_template_child (card, RUBRIC_TYPE_QUESTION_CARD, "revealer");
  int min, nat;

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (expected)), ==,
                   rubric_question_get_expected (rubric_question_card_get_question (card)));
  rubric_test_iterate ();
  g_assert_false (gtk_widget_is_visible (expected));
  g_assert_false (gtk_widget_is_visible (explanation));

  /* The card's natural width is its prompt's, not the answer's on one line. */
  gtk_widget_measure (GTK_WIDGET (card), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  {
    int answer_min, answer_nat;

    gtk_widget_measure (expected, GTK_ORIENTATION_HORIZONTAL, -1, &answer_min, &answer_nat, NULL, NULL);
    g_assert_cmpint (nat, <, answer_nat);
  }

  /* Shown at once, sliding in, and laid out at the card's width. */
  rubric_question_card_set_revealed (card, TRUE);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (expected)));
  RUBRIC_WAIT_FOR (gtk_revealer_get_child_revealed (revealer), 2000);
  /* (The frame that lays it out may come after the slide's end.) */
  RUBRIC_WAIT_FOR (gtk_widget_get_height (expected) > 0, 2000);
  g_assert_true (gtk_widget_get_mapped (expected));
  g_assert_true (gtk_widget_get_mapped (explanation));
  g_assert_cmpint (gtk_widget_get_width (expected), <=, gtk_widget_get_width (GTK_WIDGET (card)));

  /* Every label of the answer that wraps (those made in code too: key
   * points, red flags, references) has a minimum width: laid out a
   * character a line to find it, one took milliseconds (rubric-wrap.h). */
  {
    guint n_wrapping = rubric_test_assert_wrapping_labels (GTK_WIDGET (card));

    g_assert_cmpuint (n_wrapping, >=, 6);
  }

  /* Hidden: gone once the slide is over, and again with animations off. */
  rubric_question_card_set_revealed (card, FALSE);
  RUBRIC_WAIT_FOR (!gtk_widget_get_visible (gtk_widget_get_parent (expected)), 2000);
  g_assert_false (gtk_revealer_get_child_revealed (revealer));
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (card)), "gtk-enable-animations", FALSE, NULL);
  rubric_question_card_set_revealed (card, TRUE);
  g_assert_true (gtk_revealer_get_child_revealed (revealer));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (expected)));
  rubric_question_card_set_revealed (card, FALSE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (expected)));
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (card)), "gtk-enable-animations", TRUE, NULL);

  rubric_test_destroy_window (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (pane))));
  g_assert_finalize_object (pane);
}

/* The card's tooltips, set without asking the display where the pointer
 * is (see set_tooltip() in rubric-question-card.c): each says its key,
 * a reference its address, and every widget is left as visible as it
 * was. In safe mode the reveal button says why it is off, and no more
 * once it is on again. */
static void
test_tooltips (void)
{
  g_autoptr(RubricKit) kit = rubric_test_load_shipped_kit ();
  g_autoptr(RubricSession) session = rubric_session_new (kit);
  RubricQuestionPane *pane = interview_pane (kit, session);
  RubricQuestionCard *card = rubric_question_pane_get_current_card (pane);
  RubricQuestion *question = rubric_question_card_get_question (card);
  GtkWidget *references = rubric_test_template_child (card, RUBRIC_TYPE_QUESTION_CARD, "references_box");
  GtkWidget *reveal = rubric_test_template_child (card, RUBRIC_TYPE_QUESTION_CARD, "reveal_button");
  const char *buttons[] = { "rehearse_button", "knew_button", "review_button" };
  const char *keys[] = { "(T)", "(Y)", "(R)" };
  guint n_links = 0;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = rubric_test_template_child (card, RUBRIC_TYPE_QUESTION_CARD, buttons[i]);

      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), keys[i]));
      g_assert_true (gtk_widget_get_visible (button));
    }
  g_assert_cmpuint (g_list_model_get_n_items (rubric_question_get_references (question)), >, 0);
  for (GtkWidget *link = gtk_widget_get_first_child (references); link != NULL; link = gtk_widget_get_next_sibling (link))
    {
      if (!GTK_IS_LINK_BUTTON (link))
        continue;
      g_assert_cmpstr (gtk_widget_get_tooltip_text (link), ==, gtk_link_button_get_uri (GTK_LINK_BUTTON (link)));
      g_assert_true (gtk_widget_get_visible (link));
      n_links++;
    }
  g_assert_cmpuint (n_links, ==, g_list_model_get_n_items (rubric_question_get_references (question)));

  g_assert_null (gtk_widget_get_tooltip_text (reveal));
  rubric_question_pane_set_can_reveal (pane, FALSE);
  g_assert_nonnull (gtk_widget_get_tooltip_text (reveal));
  g_assert_true (gtk_widget_get_visible (reveal));
  rubric_question_pane_set_can_reveal (pane, TRUE);
  g_assert_null (gtk_widget_get_tooltip_text (reveal));

  rubric_test_destroy_window (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (pane))));
  g_assert_finalize_object (pane);
}

int
main (int   argc,
      char *argv[])
{
  rubric_test_init (&argc, &argv);

  g_test_add_func ("/question-pane/current-question", test_current_question);
  g_test_add_func ("/question-pane/safe-mode", test_safe_mode);
  g_test_add_func ("/question-pane/kept-topics", test_kept_topics);
  g_test_add_func ("/question-pane/checklist", test_checklist);
  g_test_add_func ("/question-pane/checklist/lazy", test_checklist_lazy);
  g_test_add_func ("/question-pane/checklist/read-only", test_checklist_read_only);
  g_test_add_func ("/question-pane/hidden-answer", test_hidden_answer);
  g_test_add_func ("/question-pane/tooltips", test_tooltips);

  return g_test_run ();
}
