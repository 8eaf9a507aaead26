/* rubric-question-pane.c — a topic's questions, one of them current
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane shows one topic: its title, summary and a card per question,
 * each with its answer hidden until revealed. One question is current: it
 * is marked, its time is counted, the keys act on it. :topic-index,
 * :question-index and :current-question say which, so the candidate panel
 * and any later pane bind to them instead of being told.
 *
 * A topic of a big kit has fifty questions: the first screenful of cards
 * is built at once, more as the view scrolls near their end (in an idle,
 * never while GTK lays out), and any card a key or a search goes to on
 * the spot.
 *
 * In an interview a topic's cards outlive its showing (RubricTopicPages):
 * those of the last few topics shown or prepared are kept, so going back
 * to a topic only puts its cards back, and the window has the next
 * topic's first screenful built in idle time
 * (rubric_question_pane_prepare_topic()), so that moving on builds
 * nothing. A topic shown again has every answer hidden, as a new one.
 */

#define G_LOG_DOMAIN "rubric-question-pane"

#include "config.h"

#include "rubric-question-pane.h"
#include "rubric-topic-pages.h"

struct _RubricQuestionPane
{
  AdwBin parent_instance;

  /* Owned References */
  RubricKit *kit;
  RubricSession *session;          /* NULL while studying */
  RubricStudyProgress *progress;   /* the learner's grades, while studying */
  RubricTopic *topic;
  RubricTopicPages *pages;         /* the cards of the topics kept */
  RubricTopicPage *page;           /* the topic shown: its questions, its cards so far */
  guint build_source;              /* builds more cards, near the end */

  guint topic_index;
  guint question_index;
  gint64 clock;                    /* seconds into the interview */
  gboolean can_reveal;
  gboolean show_unplanned;
  gboolean wide;
  double text_scale;

  /* Borrowed References: template widgets */
  GtkScrolledWindow *scroller;
  AdwClamp *clamp;
  GtkWidget *question_box;
  GtkLabel *topic_title_label;
  GtkLabel *topic_summary_label;
  GtkBox *cards_box;
};

G_DEFINE_FINAL_TYPE (RubricQuestionPane, rubric_question_pane, ADW_TYPE_BIN)

/* The shown topic's, for short. */
#define CARDS(self) ((self)->page->widgets)
#define QUESTIONS(self) ((self)->page->questions)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_TOPIC_INDEX,
  PROP_QUESTION_INDEX,
  PROP_CURRENT_QUESTION,
  PROP_WIDE,
  PROP_CLOCK,
  N_PROPS
};

enum {
  GRADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Cards built before the first frame: a screenful and more. */
#define FIRST_CARDS 4
/* Cards built at a time when the view comes near their end. */
#define MORE_CARDS 2
/* Topics whose cards are kept: the one shown, the one before, the next. */
#define MAX_PAGES 3

static void refresh_card             (RubricQuestionPane *self,
                                      RubricTopicPage    *page,
                                      guint               index);
static void on_adjustment_changed_cb (RubricQuestionPane *self);
static void build_card               (gpointer            user_data,
                                      RubricTopicPage    *page);

static void
on_card_graded_cb (RubricQuestionPane *self,
                   int                 grade,
                   RubricQuestionCard *card)
{
  g_assert (RUBRIC_IS_QUESTION_PANE (self));
  g_signal_emit (self, signals[GRADED], 0, rubric_question_card_get_question (card), grade);
}

/* ------------------------------------------------------------- overrides */

static void
rubric_question_pane_dispose (GObject *object)
{
  RubricQuestionPane *self = RUBRIC_QUESTION_PANE (object);

  /* AdwBin drops its child, the template's scroller, and everything in it. */
  g_clear_handle_id (&self->build_source, g_source_remove);
  if (self->session != NULL && self->pages != NULL)
    g_signal_handlers_disconnect_by_func (self->session, rubric_topic_pages_forget, self->pages);
  g_clear_pointer (&self->pages, rubric_topic_pages_free);
  self->page = NULL;
  g_clear_object (&self->kit);
  g_clear_object (&self->session);
  g_clear_object (&self->progress);
  g_clear_object (&self->topic);

  G_OBJECT_CLASS (rubric_question_pane_parent_class)->dispose (object);
}

static void
rubric_question_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RubricQuestionPane *self = RUBRIC_QUESTION_PANE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    case PROP_TOPIC_INDEX:
      g_value_set_uint (value, self->topic_index);
      break;
    case PROP_QUESTION_INDEX:
      g_value_set_uint (value, self->question_index);
      break;
    case PROP_CURRENT_QUESTION:
      g_value_set_object (value, rubric_question_pane_get_current_question (self));
      break;
    case PROP_WIDE:
      g_value_set_boolean (value, self->wide);
      break;
    case PROP_CLOCK:
      g_value_set_int64 (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_question_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RubricQuestionPane *self = RUBRIC_QUESTION_PANE (object);

  switch (prop_id)
    {
    case PROP_QUESTION_INDEX:
      rubric_question_pane_set_question_index (self, g_value_get_uint (value));
      break;
    case PROP_WIDE:
      rubric_question_pane_set_wide (self, g_value_get_boolean (value));
      break;
    case PROP_CLOCK:
      rubric_question_pane_set_clock (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_question_pane_class_init (RubricQuestionPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rubric_question_pane_dispose;
  object_class->get_property = rubric_question_pane_get_property;
  object_class->set_property = rubric_question_pane_set_property;

  properties[PROP_TOPIC] = g_param_spec_object ("topic", NULL, NULL, RUBRIC_TYPE_TOPIC, ro);
  properties[PROP_TOPIC_INDEX] = g_param_spec_uint ("topic-index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_QUESTION_INDEX] =
    g_param_spec_uint ("question-index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RubricQuestionPane:current-question:
   *
   * The question being asked: marked, timed, and what the keys act on.
   */
  properties[PROP_CURRENT_QUESTION] =
    g_param_spec_object ("current-question", NULL, NULL, RUBRIC_TYPE_QUESTION, ro);
  /**
   * RubricQuestionPane:wide:
   *
   * On a wide window (a second screen read from a distance): a wider
   * column of larger text.
   */
  properties[PROP_WIDE] =
    g_param_spec_boolean ("wide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RubricQuestionPane:clock:
   *
   * Seconds into the interview (the window binds the interview's
   * :elapsed): the time a tick on a card's checklist keeps.
   */
  properties[PROP_CLOCK] =
    g_param_spec_int64 ("clock", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricQuestionPane::graded:
   * @question: the question a learner graded themselves on
   * @grade: a #RubricStudyGrade
   */
  signals[GRADED] =
    g_signal_new ("graded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RUBRIC_TYPE_QUESTION, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-question-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionPane, clamp);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionPane, question_box);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionPane, topic_title_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionPane, topic_summary_label);
  gtk_widget_class_bind_template_child (widget_class, RubricQuestionPane, cards_box);
}

static void
rubric_question_pane_init (RubricQuestionPane *self)
{
  GtkWidget *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = rubric_topic_pages_new (MAX_PAGES, build_card, self);
  self->page = rubric_topic_pages_get (self->pages, NULL, 0, NULL, FALSE);
  rubric_topic_pages_show (self->pages, self->page);
  self->text_scale = 1.0;

  /* Focus follows the question being asked; the view follows the focus. */
  viewport = gtk_scrolled_window_get_child (self->scroller);
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
  self->can_reveal = TRUE;
}

/* ----------------------------------------------------------------- cards */

/* Builds @page's next card: shown, on the page shown. */
static void
build_card (gpointer         user_data,
            RubricTopicPage *page)
{
  RubricQuestionPane *self = user_data;
  guint i = page->widgets->len;
  RubricQuestion *question = g_ptr_array_index (page->questions, i);
  GtkWidget *card = rubric_question_card_new (question, g_array_index (page->numbers, guint, i));

  if (self->session != NULL && !rubric_session_is_planned (self->session, rubric_question_get_id (question)))
    rubric_question_card_set_unplanned (RUBRIC_QUESTION_CARD (card), TRUE);
  g_signal_connect_object (card, "graded", G_CALLBACK (on_card_graded_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (page->widgets, g_object_ref_sink (card));
  if (page == self->page)
    gtk_box_append (self->cards_box, card);
  refresh_card (self, page, i);
}

/* Builds the cards up to the question @index (included). */
static void
ensure_cards (RubricQuestionPane *self,
              guint               index)
{
  while (CARDS (self)->len <= index && CARDS (self)->len < QUESTIONS (self)->len)
    build_card (self, self->page);
}

/* Whether less than a screen of cards is left below the view. */
static gboolean
near_the_end (RubricQuestionPane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);

  return gtk_adjustment_get_value (adjustment) + 2 * page >= gtk_adjustment_get_upper (adjustment);
}

static gboolean
build_more_cards_cb (gpointer user_data)
{
  RubricQuestionPane *self = user_data;

  self->build_source = 0;
  if (CARDS (self)->len < QUESTIONS (self)->len && near_the_end (self))
    ensure_cards (self, CARDS (self)->len + MORE_CARDS - 1);
  return G_SOURCE_REMOVE;
}

/* The view scrolled, or its cards grew: more, if it is near their end
 * (a new card changes the view again, until a screen is left below). */
static void
on_adjustment_changed_cb (RubricQuestionPane *self)
{
  if (self->build_source == 0 && CARDS (self)->len < QUESTIONS (self)->len && near_the_end (self))
    self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_more_cards_cb, self, NULL);
}

/* ------------------------------------------------------------ public API */

void
rubric_question_pane_set_kit (RubricQuestionPane *self,
                              RubricKit          *kit)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));
  g_return_if_fail (kit == NULL || RUBRIC_IS_KIT (kit));

  if (g_set_object (&self->kit, kit))
    rubric_topic_pages_forget (self->pages);
}

/**
 * rubric_question_pane_set_session:
 *
 * The interview whose times the cards show; %NULL while studying, when
 * the cards offer self-grading instead.
 */
void
rubric_question_pane_set_session (RubricQuestionPane *self,
                                  RubricSession      *session)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, rubric_topic_pages_forget, self->pages);
  g_set_object (&self->session, session);
  /* A new plan may leave out other questions. */
  if (session != NULL)
    g_signal_connect_swapped (session, "notify::plan", G_CALLBACK (rubric_topic_pages_forget), self->pages);
  rubric_topic_pages_forget (self->pages);
  rubric_question_pane_refresh (self);
}

void
rubric_question_pane_set_progress (RubricQuestionPane  *self,
                                   RubricStudyProgress *progress)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (g_set_object (&self->progress, progress))
    rubric_question_pane_refresh (self);
}

/**
 * rubric_question_pane_show_question:
 *
 * Makes @question, a question of the topic shown, the current one.
 *
 * Returns: whether the topic shows that question
 */
gboolean
rubric_question_pane_show_question (RubricQuestionPane *self,
                                    RubricQuestion     *question)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), FALSE);
  g_return_val_if_fail (RUBRIC_IS_QUESTION (question), FALSE);

  for (guint i = 0; i < QUESTIONS (self)->len; i++)
    if (g_ptr_array_index (QUESTIONS (self), i) == question)
      {
        rubric_question_pane_set_question_index (self, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * rubric_question_pane_set_show_unplanned:
 *
 * Whether a planned interview's topics show the questions its plan leaves
 * out too; from the next rubric_question_pane_show_topic() on.
 */
void
rubric_question_pane_set_show_unplanned (RubricQuestionPane *self,
                                         gboolean            show_unplanned)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (self->show_unplanned == !!show_unplanned)
    return;
  self->show_unplanned = !!show_unplanned;
  rubric_topic_pages_forget (self->pages);
}

/**
 * rubric_question_pane_set_can_reveal:
 *
 * In screen-share safe mode, no answer can be revealed.
 */
void
rubric_question_pane_set_can_reveal (RubricQuestionPane *self,
                                     gboolean            can_reveal)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (self->can_reveal == !!can_reveal)
    return;
  self->can_reveal = !!can_reveal;
  rubric_question_pane_refresh (self);
}

/* The column holds about 90 characters of answer text at any text size:
 * it grows with the text rather than squeezing it. */
static void
update_column (RubricQuestionPane *self)
{
  int base = self->wide ? 1080 : 840;

  adw_clamp_set_maximum_size (self->clamp, (int) (base * self->text_scale));
  adw_clamp_set_tightening_threshold (self->clamp, (int) (600 * self->text_scale));
  if (self->wide)
    gtk_widget_add_css_class (self->question_box, "wide");
  else
    gtk_widget_remove_css_class (self->question_box, "wide");
}

/**
 * rubric_question_pane_set_wide:
 *
 * See RubricQuestionPane:wide.
 */
void
rubric_question_pane_set_wide (RubricQuestionPane *self,
                               gboolean            wide)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (self->wide == !!wide)
    return;
  self->wide = !!wide;
  update_column (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDE]);
}

/**
 * rubric_question_pane_set_clock:
 *
 * See RubricQuestionPane:clock.
 */
void
rubric_question_pane_set_clock (RubricQuestionPane *self,
                                gint64              seconds)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (self->clock == seconds)
    return;
  self->clock = seconds;
  for (guint i = 0; i < CARDS (self)->len; i++)
    rubric_question_card_set_clock (g_ptr_array_index (CARDS (self), i), seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK]);
}

/**
 * rubric_question_pane_set_text_scale:
 * @scale: the user's text size, 1.0 for the default
 */
void
rubric_question_pane_set_text_scale (RubricQuestionPane *self,
                                     double              scale)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));
  g_return_if_fail (scale > 0);

  self->text_scale = scale;
  update_column (self);
}

/**
 * rubric_question_pane_show_topic:
 *
 * Shows the kit's topic @index, its first question current and every answer
 * hidden again.
 *
 * Returns: whether the kit has that topic
 */
gboolean
rubric_question_pane_show_topic (RubricQuestionPane *self,
                                 guint               index)
{
  GListModel *topics;
  GtkWidget *child;
  GtkRoot *root;

  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), FALSE);

  if (self->kit == NULL)
    return FALSE;
  topics = rubric_kit_get_topics (self->kit);
  if (index >= g_list_model_get_n_items (topics))
    return FALSE;

  g_clear_object (&self->topic);
  self->topic = g_list_model_get_item (topics, index);
  self->topic_index = index;
  self->question_index = 0;

  /* Focus inside a card that goes away would be left dangling. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->cards_box)))
        gtk_root_set_focus (root, NULL);
    }

  g_clear_handle_id (&self->build_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))))
    gtk_box_remove (self->cards_box, child);

  /* A study keeps no card: its rehearsals start afresh. */
  if (self->session == NULL)
    rubric_topic_pages_forget (self->pages);
  self->page = rubric_topic_pages_get (self->pages, self->topic, index, self->session, self->show_unplanned);
  rubric_topic_pages_show (self->pages, self->page);

  /* Kept cards come back as new ones would: every answer hidden (before
   * they are on screen, so without an animation). */
  for (guint i = 0; i < CARDS (self)->len; i++)
    {
      RubricQuestionCard *card = g_ptr_array_index (CARDS (self), i);

      rubric_question_card_set_revealed (card, FALSE);
      gtk_box_append (self->cards_box, GTK_WIDGET (card));
    }

  /* A screenful now; more as the view scrolls. */
  ensure_cards (self, FIRST_CARDS - 1);

  gtk_label_set_text (self->topic_title_label, rubric_topic_get_title (self->topic));
  gtk_label_set_text (self->topic_summary_label, rubric_topic_get_summary (self->topic));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  rubric_question_pane_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_QUESTION]);

  return TRUE;
}

/**
 * rubric_question_pane_prepare_topic:
 *
 * Builds the first screenful of the kit's topic @index in idle time, so
 * that showing it next builds nothing; in an interview only.
 */
void
rubric_question_pane_prepare_topic (RubricQuestionPane *self,
                                    guint               index)
{
  GListModel *topics;
  g_autoptr(RubricTopic) topic = NULL;

  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (self->kit == NULL || self->session == NULL)
    return;
  topics = rubric_kit_get_topics (self->kit);
  if (index >= g_list_model_get_n_items (topics))
    return;
  topic = g_list_model_get_item (topics, index);
  rubric_topic_pages_prepare (self->pages,
                              rubric_topic_pages_get (self->pages, topic, index, self->session, self->show_unplanned),
                              FIRST_CARDS);
}

/**
 * rubric_question_pane_get_pages:
 *
 * Returns: (transfer none): the cards of the topics kept
 */
RubricTopicPages *
rubric_question_pane_get_pages (RubricQuestionPane *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), NULL);
  return self->pages;
}

/**
 * rubric_question_pane_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic shown
 */
RubricTopic *
rubric_question_pane_get_topic (RubricQuestionPane *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), NULL);
  return self->topic;
}

guint
rubric_question_pane_get_topic_index (RubricQuestionPane *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), 0);
  return self->topic_index;
}

guint
rubric_question_pane_get_question_index (RubricQuestionPane *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), 0);
  return self->question_index;
}

/**
 * rubric_question_pane_set_question_index:
 *
 * Makes the topic's question @index the current one.
 */
void
rubric_question_pane_set_question_index (RubricQuestionPane *self,
                                         guint               index)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));
  g_return_if_fail (index < MAX (QUESTIONS (self)->len, 1));

  ensure_cards (self, index);
  if (self->question_index == index)
    return;
  self->question_index = index;
  rubric_question_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_QUESTION]);
}

guint
rubric_question_pane_get_n_questions (RubricQuestionPane *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), 0);
  return QUESTIONS (self)->len;
}

/**
 * rubric_question_pane_get_current_card:
 *
 * Returns: (transfer none) (nullable): the current question's card
 */
RubricQuestionCard *
rubric_question_pane_get_current_card (RubricQuestionPane *self)
{
  g_return_val_if_fail (RUBRIC_IS_QUESTION_PANE (self), NULL);

  if (self->question_index >= CARDS (self)->len)
    return NULL;
  return g_ptr_array_index (CARDS (self), self->question_index);
}

/**
 * rubric_question_pane_get_current_question:
 *
 * Returns: (transfer none) (nullable): the question being asked
 */
RubricQuestion *
rubric_question_pane_get_current_question (RubricQuestionPane *self)
{
  RubricQuestionCard *card = rubric_question_pane_get_current_card (self);

  return card != NULL ? rubric_question_card_get_question (card) : NULL;
}

void
rubric_question_pane_reveal_all (RubricQuestionPane *self)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  if (QUESTIONS (self)->len > 0)
    ensure_cards (self, QUESTIONS (self)->len - 1);
  for (guint i = 0; i < CARDS (self)->len; i++)
    rubric_question_card_set_revealed (g_ptr_array_index (CARDS (self), i), TRUE);
}

/**
 * rubric_question_pane_refresh:
 *
 * Shows on each card whether it is current, its time, its checklist (in
 * an interview) or its grade (while studying).
 */
void
rubric_question_pane_refresh (RubricQuestionPane *self)
{
  g_return_if_fail (RUBRIC_IS_QUESTION_PANE (self));

  for (guint i = 0; i < CARDS (self)->len; i++)
    refresh_card (self, self->page, i);
}

static void
refresh_card (RubricQuestionPane *self,
              RubricTopicPage    *page,
              guint               index)
{
  RubricQuestionCard *card = g_ptr_array_index (page->widgets, index);
  RubricQuestion *question = rubric_question_card_get_question (card);
  RubricAnswer *answer = NULL;

  if (self->session != NULL)
    answer = rubric_session_lookup_answer (self->session, rubric_question_get_id (question));
  rubric_question_card_set_current (card, page == self->page && index == self->question_index);
  rubric_question_card_set_elapsed (card, answer != NULL ? rubric_answer_get_elapsed (answer) : 0);
  rubric_question_card_set_can_reveal (card, self->can_reveal);
  rubric_question_card_set_session (card, self->session);
  rubric_question_card_set_clock (card, self->clock);
  rubric_question_card_set_study (card, self->session == NULL);
  /* Today's grade: a question due again is to be graded afresh. */
  if (self->progress != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      rubric_question_card_set_grade (card, rubric_study_progress_get_grade_today (self->progress,
                                                                                   rubric_question_get_id (question),
                                                                                   now));
    }
}
