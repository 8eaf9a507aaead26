/* rubric-start-page.h — what the window shows when no interview is open
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rubric-kit.h"

G_BEGIN_DECLS

#define RUBRIC_TYPE_START_PAGE (rubric_start_page_get_type ())
G_DECLARE_FINAL_TYPE (RubricStartPage, rubric_start_page, RUBRIC, START_PAGE, AdwBin)

void rubric_start_page_set_drafts (RubricStartPage *self,
                                   GPtrArray       *drafts);
void rubric_start_page_set_kits   (RubricStartPage *self,
                                   GListModel      *kits,
                                   RubricKit       *current,
                                   gboolean         removable);

G_END_DECLS
