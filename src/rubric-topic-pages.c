/* rubric-topic-pages.c — the widgets of the last few topics, kept
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a topic's question cards or rating rows is most of what a move
 * to another topic costs. The question pane and the candidate panel keep
 * them here instead, a page a topic: the one shown, the few shown or
 * prepared last (at most max_pages in all), so that going back to a topic
 * puts its widgets back. A page can be prepared: its widgets are built
 * between frames, one a call (each takes a few milliseconds, well within
 * a frame), so that showing it next builds nothing. The widgets stay bound
 * to their session while off screen; pages made for another session or
 * plan are forgotten.
 */

#define G_LOG_DOMAIN "rubric-topic-pages"

#include "config.h"

#include <gdk/gdk.h>

#include "rubric-topic-pages.h"

/* Just after GTK's drawing and text layout: never delays a frame. */
#define PREPARE_PRIORITY (GDK_PRIORITY_REDRAW + 10)

struct _RubricTopicPages
{
  GPtrArray *pages;             /* RubricTopicPage, least recently used first */
  guint max_pages;
  RubricTopicPage *shown;       /* or NULL */
  RubricTopicPage *prepared;    /* built in idle time, or NULL */
  guint n_prepared;             /* its widgets wanted */
  guint prepare_source;
  RubricTopicPageBuildFunc build;
  gpointer user_data;
};

static RubricTopicPage *
page_new (RubricTopic   *topic,
          guint          index,
          RubricSession *session,
          gboolean       show_unplanned)
{
  RubricTopicPage *page = g_new0 (RubricTopicPage, 1);
  GListModel *questions = topic != NULL ? rubric_topic_get_questions (topic) : NULL;
  guint n = questions != NULL ? g_list_model_get_n_items (questions) : 0;

  page->topic = topic != NULL ? g_object_ref (topic) : NULL;
  page->index = index;
  page->questions = g_ptr_array_new_with_free_func (g_object_unref);
  page->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  page->widgets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RubricQuestion) question = g_list_model_get_item (questions, i);

      /* A planned interview shows the plan's questions only. */
      if (session != NULL && !show_unplanned &&
          !rubric_session_is_planned (session, rubric_question_get_id (question)))
        continue;
      g_ptr_array_add (page->questions, g_steal_pointer (&question));
      g_array_append_val (page->numbers, i);
    }
  return page;
}

static void
page_free (RubricTopicPage *page)
{
  g_ptr_array_unref (page->widgets);
  g_ptr_array_unref (page->questions);
  g_array_unref (page->numbers);
  g_clear_object (&page->topic);
  g_free (page);
}

RubricTopicPages *
rubric_topic_pages_new (guint                    max_pages,
                        RubricTopicPageBuildFunc build,
                        gpointer                 user_data)
{
  RubricTopicPages *self = g_new0 (RubricTopicPages, 1);

  g_return_val_if_fail (max_pages >= 3, NULL);

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->max_pages = max_pages;
  self->build = build;
  self->user_data = user_data;
  return self;
}

static void
stop_preparing (RubricTopicPages *self)
{
  g_clear_handle_id (&self->prepare_source, g_source_remove);
  self->prepared = NULL;
}

void
rubric_topic_pages_free (RubricTopicPages *self)
{
  if (self == NULL)
    return;
  stop_preparing (self);
  g_ptr_array_unref (self->pages);
  g_free (self);
}

/* At most max_pages pages: the stale ones go, then the least recently
 * used; never the one shown or the one being prepared. */
static void
trim (RubricTopicPages *self)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->pages->len && (pass == 0 || self->pages->len > self->max_pages);)
      {
        RubricTopicPage *page = g_ptr_array_index (self->pages, i);

        if (page == self->shown || page == self->prepared || (pass == 0 && !page->stale))
          i++;
        else
          g_ptr_array_remove_index (self->pages, i);
      }
}

/**
 * rubric_topic_pages_get:
 * @topic: (nullable): the topic, or %NULL for an empty page
 * @session: (nullable): the interview whose plan says which questions are
 *   shown; %NULL for all of them
 *
 * Returns: (transfer none): the page kept for @topic, now the most
 *   recently used, or a new one, with no widget yet
 */
RubricTopicPage *
rubric_topic_pages_get (RubricTopicPages *self,
                        RubricTopic      *topic,
                        guint             index,
                        RubricSession    *session,
                        gboolean          show_unplanned)
{
  RubricTopicPage *page;

  for (guint i = 0; i < self->pages->len; i++)
    {
      page = g_ptr_array_index (self->pages, i);
      if (page->topic == topic && !page->stale)
        {
          g_ptr_array_add (self->pages, g_ptr_array_steal_index (self->pages, i));
          return page;
        }
    }
  page = page_new (topic, index, session, show_unplanned);
  g_ptr_array_add (self->pages, page);
  trim (self);
  return page;
}

/**
 * rubric_topic_pages_show:
 *
 * Notes @page, a page of @self, as the one on screen: kept until another
 * is shown. The caller puts its widgets on screen.
 */
void
rubric_topic_pages_show (RubricTopicPages *self,
                         RubricTopicPage  *page)
{
  g_return_if_fail (g_ptr_array_find (self->pages, page, NULL));

  if (self->prepared == page)
    stop_preparing (self);
  self->shown = page;
  trim (self);
}

/**
 * rubric_topic_pages_prepare_step:
 *
 * Builds the next widget of the page being prepared, if there is one.
 *
 * Returns: whether more are left to build
 */
gboolean
rubric_topic_pages_prepare_step (RubricTopicPages *self)
{
  RubricTopicPage *page = self->prepared;

  if (page == NULL)
    return FALSE;
  if (page->widgets->len < MIN (self->n_prepared, page->questions->len))
    self->build (self->user_data, page);
  if (page->widgets->len < MIN (self->n_prepared, page->questions->len))
    return TRUE;
  self->prepared = NULL;
  return FALSE;
}

static gboolean
prepare_cb (gpointer user_data)
{
  RubricTopicPages *self = user_data;

  if (rubric_topic_pages_prepare_step (self))
    return G_SOURCE_CONTINUE;
  self->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

/**
 * rubric_topic_pages_prepare:
 * @n_widgets: how many of its widgets to build (G_MAXUINT: all)
 *
 * Builds the first @n_widgets widgets of @page in idle time, one a call,
 * instead of those of the page prepared before, if any.
 */
void
rubric_topic_pages_prepare (RubricTopicPages *self,
                            RubricTopicPage  *page,
                            guint             n_widgets)
{
  g_return_if_fail (g_ptr_array_find (self->pages, page, NULL));

  if (page == self->shown)
    return;
  self->prepared = page;
  self->n_prepared = n_widgets;
  trim (self);
  /* Between frames, before the idle work of lower priority: on a busy
   * machine frames and timeouts would otherwise leave it no time before
   * the next move. */
  if (self->prepare_source == 0)
    self->prepare_source = g_idle_add_full (PREPARE_PRIORITY, prepare_cb, self, NULL);
}

/**
 * rubric_topic_pages_forget:
 *
 * A new session or plan: no page kept is shown again. The one on screen
 * stays there until another is shown.
 */
void
rubric_topic_pages_forget (RubricTopicPages *self)
{
  stop_preparing (self);
  for (guint i = 0; i < self->pages->len; i++)
    ((RubricTopicPage *) g_ptr_array_index (self->pages, i))->stale = TRUE;
  trim (self);
}

/**
 * rubric_topic_pages_clear:
 *
 * Lets every page go, the one shown too: the caller has taken its widgets
 * off the screen.
 */
void
rubric_topic_pages_clear (RubricTopicPages *self)
{
  stop_preparing (self);
  self->shown = NULL;
  g_ptr_array_set_size (self->pages, 0);
}

/**
 * rubric_topic_pages_count_widgets:
 *
 * Returns: how many widgets the pages hold, on screen or kept (for the
 *   tests: the kept ones are bounded)
 */
guint
rubric_topic_pages_count_widgets (RubricTopicPages *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pages->len; i++)
    n += ((RubricTopicPage *) g_ptr_array_index (self->pages, i))->widgets->len;
  return n;
}

/**
 * rubric_topic_pages_count_topic_widgets:
 * @index: a topic's place in its kit
 *
 * For tests: the widgets built for that topic and kept (0 when it is not
 * kept; pages made for another session or plan are left out).
 */
guint
rubric_topic_pages_count_topic_widgets (RubricTopicPages *self,
                                        guint             index)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      RubricTopicPage *page = g_ptr_array_index (self->pages, i);

      if (page->topic != NULL && page->index == index && !page->stale)
        return page->widgets->len;
    }
  return 0;
}
