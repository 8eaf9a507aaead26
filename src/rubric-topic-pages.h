/* rubric-topic-pages.h — the widgets of the last few topics, kept
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rubric-kit.h"
#include "rubric-session.h"

G_BEGIN_DECLS

/* A topic's questions as an interview shows them, and the widgets built
 * for them so far, one a question, in order. */
typedef struct
{
  RubricTopic *topic;       /* NULL: no topic */
  guint index;              /* its place in the kit */
  GPtrArray *questions;     /* RubricQuestion */
  GArray *numbers;          /* guint: each one's place in its topic */
  GPtrArray *widgets;       /* GtkWidget, owned: the first widgets->len of questions */
  gboolean stale;           /* made for another session or plan: never shown again */
} RubricTopicPage;

/* Builds @page's next widget and appends it to page->widgets. */
typedef void (*RubricTopicPageBuildFunc) (gpointer         user_data,
                                          RubricTopicPage *page);

typedef struct _RubricTopicPages RubricTopicPages;

RubricTopicPages *rubric_topic_pages_new           (guint                     max_pages,
                                                    RubricTopicPageBuildFunc  build,
                                                    gpointer                  user_data);
void              rubric_topic_pages_free          (RubricTopicPages         *self);
RubricTopicPage  *rubric_topic_pages_get           (RubricTopicPages         *self,
                                                    RubricTopic              *topic,
                                                    guint                     index,
                                                    RubricSession            *session,
                                                    gboolean                  show_unplanned);
void              rubric_topic_pages_show          (RubricTopicPages         *self,
                                                    RubricTopicPage          *page);
void              rubric_topic_pages_prepare       (RubricTopicPages         *self,
                                                    RubricTopicPage          *page,
                                                    guint                     n_widgets);
gboolean          rubric_topic_pages_prepare_step  (RubricTopicPages         *self);
void              rubric_topic_pages_forget        (RubricTopicPages         *self);
void              rubric_topic_pages_clear         (RubricTopicPages         *self);
guint             rubric_topic_pages_count_widgets (RubricTopicPages         *self);
guint             rubric_topic_pages_count_topic_widgets (RubricTopicPages   *self,
                                                          guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricTopicPages, rubric_topic_pages_free)

G_END_DECLS
