/* rubric-pages.h — a document laid out on pages for any cairo context:
 * what printing paints, with the PDF exports' layout
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "rubric-plan.h"
#include "rubric-summary.h"

G_BEGIN_DECLS

typedef struct _RubricPages RubricPages;

RubricPages *rubric_pages_new_summary (RubricSummary *summary);
RubricPages *rubric_pages_new_guide   (RubricKit     *kit,
                                       RubricPlan    *plan);
const char  *rubric_pages_get_title   (RubricPages   *self);
guint        rubric_pages_paginate    (RubricPages   *self,
                                       cairo_t       *cr,
                                       double         width,
                                       double         height);
void         rubric_pages_draw_page   (RubricPages   *self,
                                       cairo_t       *cr,
                                       guint          index);
void         rubric_pages_free        (RubricPages   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RubricPages, rubric_pages_free)

G_END_DECLS
