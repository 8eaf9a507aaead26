/* rubric-list-group.h — a short list of one-line items: strengths or concerns
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Which list: it decides the titles and the names screen readers read. */
typedef enum {
  RUBRIC_LIST_GROUP_STRENGTHS,
  RUBRIC_LIST_GROUP_CONCERNS,
} RubricListGroupKind;

#define RUBRIC_TYPE_LIST_GROUP_KIND (rubric_list_group_kind_get_type ())
GType rubric_list_group_kind_get_type (void);

#define RUBRIC_TYPE_LIST_GROUP (rubric_list_group_get_type ())
G_DECLARE_FINAL_TYPE (RubricListGroup, rubric_list_group, RUBRIC, LIST_GROUP, AdwPreferencesGroup)

GtkWidget          *rubric_list_group_new       (RubricListGroupKind  kind);
const char * const *rubric_list_group_get_items (RubricListGroup     *self);
void                rubric_list_group_set_items (RubricListGroup     *self,
                                                 const char * const  *items);

G_END_DECLS
