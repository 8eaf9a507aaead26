/* rubric-sidebar.c — the topics, search results and questions due today
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's sidebar shows one of three lists: the kit's topics (with
 * each one's progress and score), the results of a search as the user
 * types, or — while studying — the questions due for review today, which
 * the "Due Today" entry above the topics opens. It knows which
 * question the user picks and says so with ::question-activated (or, for a
 * topic, ::topic-activated); the window decides what to show.
 */

#define G_LOG_DOMAIN "rubric-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "rubric-search.h"
#include "rubric-sidebar.h"
#include "rubric-text-line.h"
#include "rubric-topic-row.h"
#include "rubric-wrap.h"

struct _RubricSidebar
{
  AdwBin parent_instance;

  /* Owned References */
  RubricKit *kit;
  RubricSession *session;           /* rows show its ratings… */
  RubricStudyProgress *progress;    /* …or, while studying, the grades */
  RubricSearchIndex *search_index;  /* built in a worker when the kit comes */
  GCancellable *index_cancellable;  /* that build, while it runs */
  GListStore *results;              /* GObjects, each with its "rubric-result" */
  GtkSliceListModel *results_shown; /* the first of them, a page more as the list scrolls */
  GtkSingleSelection *results_selection;
  guint results_page;               /* as many rows as the sidebar shows, and three */
  guint grow_results_id;            /* an idle that shows another page of them */
  GListStore *topics;               /* the listed topics, in the list's order */
  GtkSingleSelection *topic_selection;
  GPtrArray *bound_rows;            /* the RubricTopicRows showing a topic now */
  GPtrArray *pending_topics;        /* still to list, a screenful a frame */
  guint fill_tick_id;
  gboolean fill_painted;            /* the first screenful was on screen */
  RubricInterview *interview;       /* whose times the rows show, if any */

  guint topic_index;
  gboolean show_review;
  gboolean hide_answers;
  gboolean show_unplanned;          /* the kit's other topics after the plan's */

  /* Borrowed References: template widgets */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkListView *topic_list;
  GtkListBox *due_list;
  GtkListBoxRow *due_row;
  GtkLabel *due_title;
  GtkLabel *due_count_label;
  GtkStack *review_stack;
  GtkListBox *review_list;
  GtkStack *results_stack;
  GtkListView *results_list;
  GtkWidget *plan_box;
  GtkLabel *plan_label;
};

G_DEFINE_FINAL_TYPE (RubricSidebar, rubric_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOPIC_INDEX,
  PROP_SEARCH_MODE,
  PROP_SHOW_REVIEW,
  PROP_SHOW_UNPLANNED,
  N_PROPS
};

enum {
  TOPIC_ACTIVATED,
  TOPIC_SELECTED,
  QUESTION_ACTIVATED,
  SEARCH_CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------- topics */

/* A topic's place in the kit, which is not its place in the list when a
 * plan orders the topics. */
static guint
topic_kit_index (RubricSidebar *self,
                 RubricTopic   *topic)
{
  guint index = 0;

  g_list_store_find (G_LIST_STORE (rubric_kit_get_topics (self->kit)), topic, &index);
  return index;
}

/* A row shows the interview's ratings, or while studying the grades. */
static void
update_row (RubricSidebar  *self,
            RubricTopicRow *row)
{
  if (self->session == NULL)
    rubric_topic_row_update_study (row, self->progress);
  else
    rubric_topic_row_update (row, self->session);
}

static void
update_row_pacing (RubricSidebar  *self,
                   RubricTopicRow *row)
{
  const char *id = rubric_topic_get_id (rubric_topic_row_get_topic (row));
  RubricPacingTopic pacing;

  if (self->interview != NULL && rubric_interview_get_topic_pacing (self->interview, id, &pacing))
    rubric_topic_row_set_pacing (row, &pacing);
  else
    rubric_topic_row_set_pacing (row, NULL);
}

/* The topic rows: made by the list view and bound to one topic after
 * another as its model changes, rather than made anew; a row shows what
 * the sidebar knows at the time it is bound. */
static void
on_topic_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *row = g_object_new (RUBRIC_TYPE_TOPIC_ROW, NULL);

  rubric_topic_row_set_list_item (RUBRIC_TOPIC_ROW (row), item);
  gtk_list_item_set_child (item, row);
}

static void
on_topic_bind_cb (RubricSidebar *self,
                  GtkListItem   *item)
{
  RubricTopicRow *row = RUBRIC_TOPIC_ROW (gtk_list_item_get_child (item));
  RubricTopic *topic = gtk_list_item_get_item (item);

  rubric_topic_row_set_topic (row, topic, gtk_list_item_get_position (item) + 1);
  /* What tests and tools find a row's item by. */
  g_object_set_data (G_OBJECT (row), "rubric-item", topic);
  g_ptr_array_add (self->bound_rows, row);
  update_row (self, row);
  update_row_pacing (self, row);
}

static void
on_topic_unbind_cb (RubricSidebar *self,
                    GtkListItem   *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (row), "rubric-item", NULL);
  if (self->bound_rows != NULL)
    g_ptr_array_remove_fast (self->bound_rows, row);
}

/* A list view makes a row for each of its first 200 items, on screen or
 * not: a kit's hundred topics would be a hundred rows built and measured
 * before the first frame. The list starts with a screenful; the rest
 * follows a screenful a frame once that is on screen. */
#define FIRST_TOPICS 24
#define MORE_TOPICS 24

static void
stop_filling (RubricSidebar *self)
{
  if (self->fill_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->topic_list), self->fill_tick_id);
  self->fill_tick_id = 0;
  g_clear_pointer (&self->pending_topics, g_ptr_array_unref);
}

/* Up to N more of the topics still to list, in one change of the model. */
static void
list_pending_topics (RubricSidebar *self,
                     guint          n)
{
  n = MIN (n, self->pending_topics->len);
  g_list_store_splice (self->topics, g_list_model_get_n_items (G_LIST_MODEL (self->topics)), 0,
                       self->pending_topics->pdata, n);
  g_ptr_array_remove_range (self->pending_topics, 0, n);
  if (self->pending_topics->len == 0)
    stop_filling (self);
}

static gboolean
fill_topics_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  RubricSidebar *self = user_data;

  /* The frame being made is the first with the list: it stays light. */
  if (!self->fill_painted)
    {
      self->fill_painted = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (self->pending_topics->len <= MORE_TOPICS)
    {
      /* The callback goes with this, its last call. */
      self->fill_tick_id = 0;
      list_pending_topics (self, MORE_TOPICS);
      return G_SOURCE_REMOVE;
    }
  list_pending_topics (self, MORE_TOPICS);
  return G_SOURCE_CONTINUE;
}

/* In the order the interview goes: the plan's topics, then — when asked
 * for, or without a plan — the rest of the kit's; in one change of the
 * list's model, and a screenful at first. */
static void
build_topic_list (RubricSidebar *self)
{
  RubricPlan *plan = self->session != NULL ? rubric_session_get_plan (self->session) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree guint *order = NULL;
  guint n_order = 0;
  guint n_first;

  gtk_widget_set_visible (self->plan_box, plan != NULL);
  if (plan != NULL)
    gtk_label_set_text (self->plan_label, rubric_plan_get_name (plan));
  /* New rows show no times until they are told them. */
  g_clear_object (&self->interview);
  if (self->kit != NULL)
    {
      GListModel *topics = rubric_kit_get_topics (self->kit);

      order = rubric_plan_dup_topic_order (plan, self->kit, self->show_unplanned, &n_order);
      for (guint i = 0; i < n_order; i++)
        g_ptr_array_add (items, g_list_model_get_item (topics, order[i]));
    }
  stop_filling (self);
  n_first = MIN (items->len, FIRST_TOPICS);
  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       items->pdata, n_first);
  if (items->len > n_first)
    {
      g_ptr_array_remove_range (items, 0, n_first);
      self->pending_topics = g_steal_pointer (&items);
      self->fill_painted = FALSE;
      self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->topic_list), fill_topics_cb, self, NULL);
    }
  if (self->kit != NULL)
    rubric_sidebar_update (self);
}

/* The row of :topic-index is selected, and the one the keyboard is on
 * (without taking the focus from elsewhere). */
static void
select_topic_row (RubricSidebar *self)
{
  g_autoptr(RubricTopic) topic = NULL;
  guint position;

  if (self->kit == NULL)
    return;
  topic = g_list_model_get_item (rubric_kit_get_topics (self->kit), self->topic_index);
  /* A topic not listed yet: the rest at once. */
  if (topic != NULL && self->pending_topics != NULL && !g_list_store_find (self->topics, topic, NULL))
    list_pending_topics (self, G_MAXUINT);
  if (topic != NULL && g_list_store_find (self->topics, topic, &position) &&
      gtk_single_selection_get_selected (self->topic_selection) != position)
    gtk_list_view_scroll_to (self->topic_list, position, GTK_LIST_SCROLL_SELECT | GTK_LIST_SCROLL_FOCUS, NULL);
}

/* Enter on a row, or a click (see on_topic_click_released_cb()). */
static void
on_topic_activated_cb (RubricSidebar *self,
                       guint          position)
{
  g_autoptr(RubricTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), position);

  g_assert (RUBRIC_IS_SIDEBAR (self));
  if (topic != NULL)
    g_signal_emit (self, signals[TOPIC_ACTIVATED], 0, topic_kit_index (self, topic));
}

/* One click on a row opens its topic, as in any sidebar (a list view
 * itself activates on a double click, or selects what the pointer is
 * over). The row has selected itself by then. */
static void
on_topic_click_released_cb (RubricSidebar   *self,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkGestureClick *gesture)
{
  GtkWidget *list = GTK_WIDGET (self->topic_list);
  GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  RubricTopic *topic = NULL;
  guint position;

  if (n_press != 1)
    return;
  /* Up to the list's own child, the row's box; the topic row is in it. */
  while (widget != NULL && widget != list && gtk_widget_get_parent (widget) != list)
    widget = gtk_widget_get_parent (widget);
  if (widget != NULL && widget != list)
    topic = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (widget)), "rubric-item");
  if (topic != NULL && g_list_store_find (self->topics, topic, &position))
    gtk_widget_activate_action (list, "list.activate-item", "u", position);
}

/* The user moved the selection (arrows, a click): a row the window did not
 * choose through :topic-index. */
static void
on_topic_selected_cb (RubricSidebar *self)
{
  RubricTopic *topic = gtk_single_selection_get_selected_item (self->topic_selection);

  g_assert (RUBRIC_IS_SIDEBAR (self));

  if (topic != NULL && self->kit != NULL && topic_kit_index (self, topic) != self->topic_index)
    g_signal_emit (self, signals[TOPIC_SELECTED], 0, topic_kit_index (self, topic));
}

/* Only the row of the answer's topic shows it (if it is on screen; any
 * other shows it when it comes). */
static void
on_answer_changed_cb (RubricSidebar *self,
                      RubricAnswer  *answer,
                      RubricSession *session)
{
  const char *topic_id = rubric_answer_get_topic_id (answer);

  for (guint i = 0; i < self->bound_rows->len; i++)
    {
      RubricTopicRow *row = g_ptr_array_index (self->bound_rows, i);

      if (g_strcmp0 (rubric_topic_get_id (rubric_topic_row_get_topic (row)), topic_id) == 0)
        rubric_topic_row_update (row, session);
    }
}

/* ------------------------------------------------------------- due today */

/* The "Due Today" entry: only while studying, with how many are due. */
static void
update_due_row (RubricSidebar *self,
                guint          n_due)
{
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;
  gboolean studying = self->progress != NULL && self->session == NULL && self->kit != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->due_list), studying);
  if (!studying)
    return;

  count = g_strdup_printf ("%u", n_due);
  gtk_label_set_text (self->due_count_label, count);
  /* Translators: the accessible name of the “Due Today” entry of the
   * sidebar, e.g. "Due Today, 3 questions" */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u question", "%s, %u questions", n_due),
                                gtk_label_get_text (self->due_title), n_due);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_due_row_activated_cb (RubricSidebar *self,
                         GtkListBoxRow *row)
{
  g_assert (RUBRIC_IS_SIDEBAR (self));
  g_object_set (self, "show-review", TRUE, NULL);
}

static GtkWidget *
new_review_row (RubricQuestion *question)
{
  GtkWidget *row = adw_action_row_new ();

  rubric_wrap_within (GTK_WIDGET (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rubric_question_get_prompt (question));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rubric_topic_get_title (rubric_question_get_topic (question)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "rubric-question", g_object_ref (question), g_object_unref);
  return row;
}

/* The questions due, in the kit's order. Each grade changes the list by a
 * question or two: the rows of the questions still due are kept (and with
 * them the selection and the focus), only the others are removed or made.
 * Both lists are in the kit's order, so one walk down both does it. */
static void
update_review_list (RubricSidebar *self)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) due = NULL;
  GtkWidget *row;
  guint i = 0;

  if (self->progress == NULL || self->kit == NULL)
    {
      gtk_list_box_remove_all (self->review_list);
      update_due_row (self, 0);
      return;
    }

  now = g_date_time_new_now_local ();
  questions = rubric_study_progress_list_due (self->progress, self->kit, now);
  update_due_row (self, questions->len);

  due = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < questions->len; k++)
    g_hash_table_add (due, g_ptr_array_index (questions, k));

  row = gtk_widget_get_first_child (GTK_WIDGET (self->review_list));
  while (row != NULL || i < questions->len)
    {
      GtkWidget *next = row != NULL ? gtk_widget_get_next_sibling (row) : NULL;
      RubricQuestion *shown = row != NULL ? g_object_get_data (G_OBJECT (row), "rubric-question") : NULL;
      RubricQuestion *wanted = i < questions->len ? g_ptr_array_index (questions, i) : NULL;

      if (row != NULL && !GTK_IS_LIST_BOX_ROW (row))
        {
          row = next;
          continue;
        }
      if (shown != NULL && shown == wanted)
        {
          row = next;
          i++;
        }
      else if (shown != NULL && !g_hash_table_contains (due, shown))
        {
          gtk_list_box_remove (self->review_list, row);
          row = next;
        }
      else
        {
          /* Not shown yet: before the row that comes after it. */
          gtk_list_box_insert (self->review_list, new_review_row (wanted),
                               row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1);
          i++;
        }
    }
  gtk_stack_set_visible_child_name (self->review_stack, questions->len > 0 ? "list" : "empty");
}

static void
on_review_activated_cb (RubricSidebar *self,
                        GtkListBoxRow *row)
{
  RubricQuestion *question = g_object_get_data (G_OBJECT (row), "rubric-question");

  g_assert (RUBRIC_IS_SIDEBAR (self));
  if (question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question, FALSE);
}

static void
show_list (RubricSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (gtk_search_bar_get_search_mode (self->search_bar) && *text != '\0')
    gtk_stack_set_visible_child_name (self->stack, "results");
  else
    gtk_stack_set_visible_child_name (self->stack, self->show_review ? "review" : "topics");
}

/* ---------------------------------------------------------------- search */

static void start_index (RubricSidebar *self);

#define RESULT_MIN_CHARS 8        /* a row's lines: their least width… */
#define RESULT_NATURAL_CHARS 32   /* …and the most they ask for */
#define RESULT_PASSAGE_CHARS 100  /* a passage's line, in the widest sidebar */
#define RESULT_CONTEXT_CHARS 16   /* before its first match, at most */
/* The rows a search shows at first, and at least (more when the sidebar
 * has room for them): a GtkListView keeps a row for each item it has (up
 * to 200), and each is bound and drawn when the results change. */
#define RESULT_PAGE 12

/* A result row: the topic, the prompt and the passage found, a line each,
 * ellipsized: a row's size is the same whatever its text, so the list
 * measures it once, and a keystroke that changes the results only
 * redraws the rows that changed (RubricTextLine). Rows are made for what
 * is on screen and reused as results change (GtkListView). */
static GtkWidget *
new_result_line (const char *style)
{
  GtkWidget *line = rubric_text_line_new (RESULT_MIN_CHARS, RESULT_NATURAL_CHARS);

  gtk_widget_add_css_class (line, style);
  return line;
}

static void
on_result_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = new_result_line ("caption-heading");

  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), new_result_line ("heading"));
  gtk_box_append (GTK_BOX (box), new_result_line ("caption"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  g_object_set_data (G_OBJECT (box), "rubric-list-item", item);
  gtk_list_item_set_child (item, box);
}

/* The part of RESULT's passage a one-line row shows: from a few words
 * before its first match, at most RESULT_PASSAGE_CHARS characters (a
 * line in the widest sidebar), with the matches' ranges moved to it. */
static char *
row_passage (RubricSearchResult *result,
             PangoAttrList      *attributes)
{
  static const char ellipsis[] = "…";
  const char *passage = result->passage;
  const char *start = passage;
  const char *end;
  GString *text;
  gsize offset;

  if (result->ranges->len > 0)
    {
      const char *first = passage + g_array_index (result->ranges, RubricSearchRange, 0).start;
      const char *p = first;

      /* Back a few characters, then on to the start of a word. */
      for (guint n = 0; p > passage && n < RESULT_CONTEXT_CHARS; n++)
        p = g_utf8_prev_char (p);
      if (p > passage)
        {
          while (p < first && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          while (p < first && g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          start = p;
        }
    }
  end = start;
  for (guint n = 0; *end != '\0' && n < RESULT_PASSAGE_CHARS; n++)
    end = g_utf8_next_char (end);

  text = g_string_sized_new (end - start + 2 * sizeof ellipsis);
  if (start > passage && !g_str_has_prefix (start, ellipsis))
    g_string_append (text, ellipsis);
  offset = text->len;
  g_string_append_len (text, start, end - start);
  if (*end != '\0')
    g_string_append (text, ellipsis);

  /* Plain text with attributes: kit text is never markup. */
  for (guint i = 0; i < result->ranges->len; i++)
    {
      RubricSearchRange *range = &g_array_index (result->ranges, RubricSearchRange, i);
      PangoAttribute *weight, *underline;

      if (passage + range->end <= start || passage + range->start >= end)
        continue;
      weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      weight->start_index = underline->start_index = MAX (passage + range->start, start) - start + offset;
      weight->end_index = underline->end_index = MIN (passage + range->end, end) - start + offset;
      pango_attr_list_insert (attributes, weight);
      pango_attr_list_insert (attributes, underline);
    }
  return g_string_free (text, FALSE);
}

/* Shows ITEM's result in BOX, a row of the factory's. */
static void
fill_result_row (RubricSidebar *self,
                 GtkWidget     *box,
                 GObject       *item)
{
  RubricSearchResult *result = g_object_get_data (item, "rubric-result");
  GtkWidget *where = gtk_widget_get_first_child (box);
  GtkWidget *prompt = gtk_widget_get_next_sibling (where);
  GtkWidget *passage = gtk_widget_get_next_sibling (prompt);
  GtkListItem *list_item = g_object_get_data (G_OBJECT (box), "rubric-list-item");
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *text = NULL;

  rubric_text_line_set_text (RUBRIC_TEXT_LINE (where),
                             rubric_topic_get_title (rubric_question_get_topic (result->question)), NULL);
  rubric_text_line_set_text (RUBRIC_TEXT_LINE (prompt), rubric_question_get_prompt (result->question), NULL);
  /* Screen-share safe mode: a match in an answer says so, and no more. */
  if (self->hide_answers && result->field != RUBRIC_SEARCH_FIELD_PROMPT)
    {
      /* Translators: in the list of search results, instead of the passage
       * that matched, which would give away the expected answer */
      rubric_text_line_set_text (RUBRIC_TEXT_LINE (passage),
                                 _("Found in the answer, which stays hidden in screen-share safe mode"), NULL);
      gtk_widget_add_css_class (passage, "dim-label");
    }
  else
    {
      text = row_passage (result, attributes);
      rubric_text_line_set_text (RUBRIC_TEXT_LINE (passage), text, attributes);
      gtk_widget_remove_css_class (passage, "dim-label");
    }
  /* The lines have no accessible text of their own: the row says the
   * prompt, and the whole passage rather than what fits on its line. */
  gtk_list_item_set_accessible_label (list_item, rubric_question_get_prompt (result->question));
  gtk_list_item_set_accessible_description (list_item, text != NULL ? result->passage
                                                        : rubric_text_line_get_text (RUBRIC_TEXT_LINE (passage)));
}

static void
on_result_bind_cb (RubricSidebar *self,
                   GtkListItem   *item)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  /* What tests and tools find a row's item by, and bound_row() too. */
  g_object_set_data (G_OBJECT (box), "rubric-item", object);
  fill_result_row (self, box, object);
}

static void
on_result_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "rubric-item", NULL);
}

/* The row ITEM is bound to, among the few on screen, or with ITEM NULL
 * the first row bound to any; NULL if none. */
static GtkWidget *
bound_row (RubricSidebar *self,
           GObject       *item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GObject *bound = box != NULL ? g_object_get_data (G_OBJECT (box), "rubric-item") : NULL;

      if (bound != NULL && (item == NULL || bound == item))
        return box;
    }
  return NULL;
}

/* The rows on screen, shown anew (when the rule for answers changes). */
static void
refill_result_rows (RubricSidebar *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GObject *item = box != NULL ? g_object_get_data (G_OBJECT (box), "rubric-item") : NULL;

      if (item != NULL)
        fill_result_row (self, box, item);
    }
}

static gboolean
same_result (RubricSearchResult *a,
             RubricSearchResult *b)
{
  return a->question == b->question && a->field == b->field && a->index == b->index &&
         g_str_equal (a->passage, b->passage) &&
         a->ranges->len == b->ranges->len &&
         memcmp (a->ranges->data, b->ranges->data, a->ranges->len * sizeof (RubricSearchRange)) == 0;
}

/* ITEM, a result's item in the list, now holds RESULT; its row, if it is
 * bound to one, shows it. */
static void
set_result (RubricSidebar      *self,
            GObject            *item,
            RubricSearchResult *result)
{
  GtkWidget *row;

  g_object_set_data_full (item, "rubric-result", rubric_search_result_ref (result),
                          (GDestroyNotify) rubric_search_result_unref);
  row = bound_row (self, item);
  if (row != NULL)
    fill_result_row (self, row, item);
}

/* The results of the entry's text, in place of the last ones. The list's
 * items are kept in place and take the new results in order, so a
 * keystroke makes and destroys no row and binds none again: a row whose
 * result changed is filled anew, which only redraws it (its lines are
 * never measured again). (A GtkListView keeps a row only for the same
 * item: new items for the questions found would mean new rows.) The
 * model changes only at its end, when the number of results does. */
static void
show_results (RubricSidebar *self,
              GPtrArray     *results)
{
  GListModel *model = G_LIST_MODEL (self->results);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = results != NULL ? results->len : 0;

  for (guint i = 0; i < MIN (n_old, n_new); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      RubricSearchResult *result = g_ptr_array_index (results, i);

      if (!same_result (g_object_get_data (item, "rubric-result"), result))
        set_result (self, item, result);
    }
  if (n_new > n_old)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_old; i < n_new; i++)
        {
          GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

          set_result (self, item, g_ptr_array_index (results, i));
          g_ptr_array_add (added, item);
        }
      g_list_store_splice (self->results, n_old, 0, added->pdata, added->len);
    }
  else if (n_new < n_old)
    g_list_store_splice (self->results, n_new, n_old - n_new, NULL, 0);
  gtk_slice_list_model_set_size (self->results_shown, self->results_page);
  if (n_new > 0)
    {
      gtk_single_selection_set_selected (self->results_selection, 0);
      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->results_list)), 0);
    }
}

static gboolean
grow_results_cb (gpointer user_data)
{
  RubricSidebar *self = user_data;

  self->grow_results_id = 0;
  gtk_slice_list_model_set_size (self->results_shown,
                                 g_list_model_get_n_items (G_LIST_MODEL (self->results_shown)) +
                                 self->results_page);
  return G_SOURCE_REMOVE;
}

/* The height of a result row, all being as tall; 0 before there is one. */
static int
result_row_height (RubricSidebar *self)
{
  GtkWidget *box = bound_row (self, NULL);
  int height = 0;

  if (box != NULL)
    gtk_widget_measure (gtk_widget_get_parent (box), GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  return height;
}

/* What fits in the sidebar is known from the first row shown: a search
 * shows that and a few more. Scrolled to within a row of the last (by
 * the scrollbar or the keyboard), or taller than them, the list shows
 * another page, in an idle (the list may be in the middle of its
 * allocation). */
static void
on_results_scrolled_cb (RubricSidebar *self,
                        GtkAdjustment *adjustment)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->results_shown));
  double page_size = gtk_adjustment_get_page_size (adjustment);
  int row = result_row_height (self);
  double rest;

  if (shown == 0 || row <= 0 || page_size <= 0)
    return;
  self->results_page = MAX (RESULT_PAGE, (guint) (page_size / row) + 3);
  rest = (double) shown * row - gtk_adjustment_get_value (adjustment) - page_size;
  if (rest < row && shown < g_list_model_get_n_items (G_LIST_MODEL (self->results)) &&
      self->grow_results_id == 0)
    self->grow_results_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_results_cb, self, NULL);
}

static void
on_search_changed_cb (RubricSidebar *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) results = NULL;

  g_assert (RUBRIC_IS_SIDEBAR (self));

  if (*text == '\0' || self->kit == NULL)
    {
      show_results (self, NULL);
      show_list (self);
      return;
    }

  /* The index is still being built: the results come when it is. */
  if (self->search_index == NULL)
    {
      if (self->index_cancellable == NULL)
        start_index (self);
      show_results (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "results");
      gtk_stack_set_visible_child_name (self->results_stack, "list");
      return;
    }

  results = rubric_search_index_query (self->search_index, text, 50);
  show_results (self, results);

  gtk_stack_set_visible_child_name (self->stack, "results");
  gtk_stack_set_visible_child_name (self->results_stack, results->len > 0 ? "list" : "empty");
}

static void
on_index_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RubricSidebar *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RubricSearchIndex) index = rubric_search_index_new_finish (result, &error);

  /* Cancelled: the kit changed, or the sidebar went (it holds no
   * reference, so that it goes when its window does). */
  if (index == NULL)
    return;
  g_clear_object (&self->index_cancellable);
  self->search_index = g_steal_pointer (&index);
  if (rubric_sidebar_get_search_mode (self))
    on_search_changed_cb (self);
}

/* The kit's index, in a worker: a big kit takes a fifth of a second. */
static void
start_index (RubricSidebar *self)
{
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->search_index);
  if (self->kit == NULL)
    return;
  self->index_cancellable = g_cancellable_new ();
  rubric_search_index_new_async (self->kit, self->index_cancellable, on_index_ready_cb, self);
}

static void
open_result (RubricSidebar *self,
             guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  RubricSearchResult *result;

  if (item == NULL)
    return;
  result = rubric_search_result_ref (g_object_get_data (item, "rubric-result"));

  /* The passage found is in the answer: open it revealed (the window
   * keeps it hidden in screen-share safe mode). */
  g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, result->question,
                 result->field != RUBRIC_SEARCH_FIELD_PROMPT);
  rubric_search_result_unref (result);
  rubric_sidebar_set_search_mode (self, FALSE);
}

static void
on_result_activated_cb (RubricSidebar *self,
                        guint          position)
{
  g_assert (RUBRIC_IS_SIDEBAR (self));
  open_result (self, position);
}

static void
on_search_activate_cb (RubricSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->results_selection);

  g_assert (RUBRIC_IS_SIDEBAR (self));
  open_result (self, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
on_search_stop_cb (RubricSidebar *self)
{
  g_assert (RUBRIC_IS_SIDEBAR (self));

  /* Escape: the window goes back to where the search started. */
  rubric_sidebar_set_search_mode (self, FALSE);
  g_signal_emit (self, signals[SEARCH_CANCELLED], 0);
}

static void
on_search_mode_cb (RubricSidebar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      if (self->show_review)
        {
          self->show_review = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REVIEW]);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* ------------------------------------------------------------- overrides */

static void
rubric_sidebar_dispose (GObject *object)
{
  RubricSidebar *self = RUBRIC_SIDEBAR (object);

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  stop_filling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RUBRIC_TYPE_SIDEBAR);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
  g_clear_object (&self->topic_selection);
  g_clear_object (&self->topics);
  g_clear_object (&self->interview);
  g_clear_object (&self->kit);
  g_clear_object (&self->session);
  g_clear_object (&self->progress);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->search_index);
  g_clear_handle_id (&self->grow_results_id, g_source_remove);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results_shown);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (rubric_sidebar_parent_class)->dispose (object);
}

static void
rubric_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RubricSidebar *self = RUBRIC_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_TOPIC_INDEX:
      g_value_set_uint (value, self->topic_index);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, rubric_sidebar_get_search_mode (self));
      break;
    case PROP_SHOW_REVIEW:
      g_value_set_boolean (value, self->show_review);
      break;
    case PROP_SHOW_UNPLANNED:
      g_value_set_boolean (value, self->show_unplanned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RubricSidebar *self = RUBRIC_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_TOPIC_INDEX:
      rubric_sidebar_set_topic_index (self, g_value_get_uint (value));
      break;
    case PROP_SEARCH_MODE:
      rubric_sidebar_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_REVIEW:
      if (self->show_review != g_value_get_boolean (value))
        {
          self->show_review = g_value_get_boolean (value);
          if (self->show_review)
            rubric_sidebar_set_search_mode (self, FALSE);
          show_list (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_UNPLANNED:
      if (self->show_unplanned != g_value_get_boolean (value))
        {
          self->show_unplanned = g_value_get_boolean (value);
          build_topic_list (self);
          select_topic_row (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rubric_sidebar_class_init (RubricSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rubric_sidebar_dispose;
  object_class->get_property = rubric_sidebar_get_property;
  object_class->set_property = rubric_sidebar_set_property;

  /**
   * RubricSidebar:topic-index:
   *
   * The topic whose row is selected.
   */
  properties[PROP_TOPIC_INDEX] = g_param_spec_uint ("topic-index", NULL, NULL, 0, G_MAXUINT, 0, rw);
  /**
   * RubricSidebar:search-mode:
   *
   * Whether the search entry is shown; its results replace the topics as
   * soon as there is something to search for.
   */
  properties[PROP_SEARCH_MODE] = g_param_spec_boolean ("search-mode", NULL, NULL, FALSE, rw);
  /**
   * RubricSidebar:show-review:
   *
   * Whether the questions due today are listed instead of the topics.
   */
  properties[PROP_SHOW_REVIEW] = g_param_spec_boolean ("show-review", NULL, NULL, FALSE, rw);
  /**
   * RubricSidebar:show-unplanned:
   *
   * Whether the topics the interview's plan leaves out are listed too,
   * after the plan's, for an unplanned question.
   */
  properties[PROP_SHOW_UNPLANNED] = g_param_spec_boolean ("show-unplanned", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RubricSidebar::topic-activated:
   * @index: the topic's place in the kit
   */
  signals[TOPIC_ACTIVATED] =
    g_signal_new ("topic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * RubricSidebar::topic-selected:
   * @index: the topic's place in the kit
   *
   * The user moved the selection to another topic without activating it
   * (the content follows where it is beside the sidebar).
   */
  signals[TOPIC_SELECTED] =
    g_signal_new ("topic-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * RubricSidebar::question-activated:
   * @question: the question picked from the search results or the review list
   * @reveal: whether its answer is what was found
   */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, RUBRIC_TYPE_QUESTION, G_TYPE_BOOLEAN);
  /**
   * RubricSidebar::search-cancelled:
   *
   * The user left the search with Escape, without picking a result.
   */
  signals[SEARCH_CANCELLED] =
    g_signal_new ("search-cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/rubric-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, topic_list);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, due_list);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, due_row);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, due_title);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, due_count_label);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, review_stack);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, review_list);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, results_list);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, plan_box);
  gtk_widget_class_bind_template_child (widget_class, RubricSidebar, plan_label);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_review_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
}

/* Down from the search entry goes into the results, at the one Enter
 * would open. */
static gboolean
on_search_key_pressed_cb (RubricSidebar   *self,
                          guint            keyval,
                          guint            keycode,
                          GdkModifierType  state)
{
  guint position;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return GDK_EVENT_PROPAGATE;
  position = gtk_single_selection_get_selected (self->results_selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  gtk_list_view_scroll_to (self->results_list, position, GTK_LIST_SCROLL_FOCUS | GTK_LIST_SCROLL_SELECT, NULL);
  return GDK_EVENT_STOP;
}

static void
rubric_sidebar_init (RubricSidebar *self)
{
  GtkEventController *keys;
  GtkGesture *click;
  GtkAdjustment *adjustment;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_ptr_array_new ();
  self->topics = g_list_store_new (RUBRIC_TYPE_TOPIC);
  self->topic_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->topics)));
  gtk_single_selection_set_autoselect (self->topic_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->topic_selection, FALSE);
  g_signal_connect_object (self->topic_selection, "notify::selected",
                           G_CALLBACK (on_topic_selected_cb), self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_topic_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_topic_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_topic_unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->topic_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->topic_list, GTK_SELECTION_MODEL (self->topic_selection));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_topic_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->topic_list), GTK_EVENT_CONTROLLER (click));

  self->results = g_list_store_new (G_TYPE_OBJECT);
  self->results_page = RESULT_PAGE;
  self->results_shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->results)), 0, RESULT_PAGE);
  self->results_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results_shown)));
  gtk_single_selection_set_can_unselect (self->results_selection, FALSE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_result_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_result_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_result_unbind_cb), NULL);
  gtk_list_view_set_factory (self->results_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (self->results_selection));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->results_list));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_results_scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_results_scrolled_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

static void
on_session_notify_plan_cb (RubricSidebar *self)
{
  build_topic_list (self);
  select_topic_row (self);
}

/* ------------------------------------------------------------ public API */

/**
 * rubric_sidebar_get_kit:
 *
 * Returns: (transfer none) (nullable): the kit whose topics are listed
 */
RubricKit *
rubric_sidebar_get_kit (RubricSidebar *self)
{
  g_return_val_if_fail (RUBRIC_IS_SIDEBAR (self), NULL);
  return self->kit;
}

/**
 * rubric_sidebar_set_kit:
 *
 * Lists @kit's topics, and searches it.
 */
void
rubric_sidebar_set_kit (RubricSidebar *self,
                        RubricKit     *kit)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));
  g_return_if_fail (kit == NULL || RUBRIC_IS_KIT (kit));

  if (!g_set_object (&self->kit, kit))
    return;
  start_index (self);
  self->topic_index = 0;
  build_topic_list (self);
  update_review_list (self);
  select_topic_row (self);
}

/**
 * rubric_sidebar_set_session:
 *
 * The interview whose ratings the topic rows show; %NULL while studying.
 */
void
rubric_sidebar_set_session (RubricSidebar *self,
                            RubricSession *session)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (!g_set_object (&self->session, session))
    return;
  if (session != NULL)
    {
      g_signal_connect_object (session, "answer-changed", G_CALLBACK (on_answer_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::plan", G_CALLBACK (on_session_notify_plan_cb),
                               self, G_CONNECT_SWAPPED);
    }
  build_topic_list (self);
  select_topic_row (self);
}

/**
 * rubric_sidebar_set_progress:
 *
 * The learner's grades, which the rows, the "Due Today" entry and the list
 * of questions due today show.
 */
void
rubric_sidebar_set_progress (RubricSidebar       *self,
                             RubricStudyProgress *progress)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  if (!g_set_object (&self->progress, progress))
    return;
  if (progress != NULL)
    g_signal_connect_object (progress, "changed", G_CALLBACK (rubric_sidebar_update),
                             self, G_CONNECT_SWAPPED);
  rubric_sidebar_update (self);
}

guint
rubric_sidebar_get_topic_index (RubricSidebar *self)
{
  g_return_val_if_fail (RUBRIC_IS_SIDEBAR (self), 0);
  return self->topic_index;
}

void
rubric_sidebar_set_topic_index (RubricSidebar *self,
                                guint          index)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));

  if (self->topic_index != index)
    {
      self->topic_index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC_INDEX]);
    }
  select_topic_row (self);
}

gboolean
rubric_sidebar_get_search_mode (RubricSidebar *self)
{
  g_return_val_if_fail (RUBRIC_IS_SIDEBAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
rubric_sidebar_set_search_mode (RubricSidebar *self,
                                gboolean       search_mode)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));

  /* The search bar notifies, and on_search_mode_cb() follows. */
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rubric_sidebar_set_hide_answers:
 *
 * In screen-share safe mode, a result found in an answer says only that.
 */
void
rubric_sidebar_set_hide_answers (RubricSidebar *self,
                                 gboolean       hide_answers)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));

  if (self->hide_answers == !!hide_answers)
    return;
  self->hide_answers = !!hide_answers;
  /* The rows are shown again with the new rule. */
  refill_result_rows (self);
}

/**
 * rubric_sidebar_update_pacing:
 * @interview: (nullable): a planned interview, or %NULL to show no times
 * @topic_id: (nullable): the one topic whose time changed, or %NULL for all
 *
 * Shows each planned topic's time against its budget on its row.
 */
void
rubric_sidebar_update_pacing (RubricSidebar   *self,
                              RubricInterview *interview,
                              const char      *topic_id)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));
  g_return_if_fail (interview == NULL || RUBRIC_IS_INTERVIEW (interview));

  g_set_object (&self->interview, interview);
  for (guint i = 0; i < self->bound_rows->len; i++)
    {
      RubricTopicRow *row = g_ptr_array_index (self->bound_rows, i);

      if (topic_id == NULL || g_str_equal (rubric_topic_get_id (rubric_topic_row_get_topic (row)), topic_id))
        update_row_pacing (self, row);
    }
}

/**
 * rubric_sidebar_update:
 *
 * Shows the current ratings or grades on the topic rows, and the questions
 * due today.
 */
void
rubric_sidebar_update (RubricSidebar *self)
{
  g_return_if_fail (RUBRIC_IS_SIDEBAR (self));

  for (guint i = 0; i < self->bound_rows->len; i++)
    update_row (self, g_ptr_array_index (self->bound_rows, i));
  update_review_list (self);
}
