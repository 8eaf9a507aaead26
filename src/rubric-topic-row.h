/* rubric-topic-row.h — a topic in the sidebar, with its progress and score
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-pacing.h"
#include "rubric-session.h"
#include "rubric-study.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_TOPIC_ROW (rubric_topic_row_get_type ())
G_DECLARE_FINAL_TYPE (RubricTopicRow, rubric_topic_row, RUBRIC, TOPIC_ROW, GtkBox)

GtkWidget   *rubric_topic_row_new       (RubricTopic    *topic,
                                         guint           number);
void         rubric_topic_row_set_list_item (RubricTopicRow *self,
                                             GtkListItem    *item);
void         rubric_topic_row_set_topic (RubricTopicRow *self,
                                         RubricTopic    *topic,
                                         guint           number);
RubricTopic *rubric_topic_row_get_topic (RubricTopicRow *self);
guint        rubric_topic_row_get_n_updates (RubricTopicRow *self);
void         rubric_topic_row_update    (RubricTopicRow *self,
                                         RubricSession  *session);
void         rubric_topic_row_set_pacing (RubricTopicRow          *self,
                                          const RubricPacingTopic *pacing);
const char  *rubric_topic_row_get_pacing_text (RubricTopicRow   *self);
void         rubric_topic_row_update_study (RubricTopicRow      *self,
                                            RubricStudyProgress *progress);

G_END_DECLS
